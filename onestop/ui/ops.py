"""One way for screens to run work: a service call off the GUI thread (Anki's QueryOp/CollectionOp).

A screen builds an op around the service call and says what to do with the result::

    QueryOp(self, lambda: svc.calendar.days(year), self._show_days, tasks=self.tasks).run_in_background()

    WriteOp(
        self,
        lambda: svc.calendar.set_day(day, kind, name, actor=actor),
        self._day_added,
        changes=Changes.CALENDAR,
        tasks=self.tasks,
    ).while_running(self.add_button.setDisabled).failure(self.errors.claim).run_in_background()

and a view that shows some kind of data says so once::

    watch(self, Changes.DOSSIERS | Changes.CALENDAR, self.refresh, tasks=tasks)

What every screen used to repeat lives here, once:

- ``op`` runs on a worker thread of ``Tasks`` (its own database connection); ``success`` and the
  failure handler run on the GUI thread, and **only while the parent still exists**: a dialog closed
  before its work finished is simply not called back.
- A failure is shown one way: the screen's ``failure`` handler may show it itself (beside a field) and
  say so by returning True; otherwise ``common.show_error`` shows it, with «Thử lại» re-running the op
  for a storage error (a locked database). An unexpected error is logged with its traceback once,
  whoever shows it.
- After a ``WriteOp`` succeeded, ``Tasks.changed(changes, initiator)`` is emitted, even when the parent
  is gone (the data changed all the same); the views that ``watch`` those kinds refresh themselves.
  ``watch`` ends with the widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, Self, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from onestop.changes import Changes
from onestop.errors import StorageError, UserError
from onestop.ui.common import show_error
from onestop.ui.tasks import Tasks

__all__ = ["Changes", "QueryOp", "Tasks", "WriteOp", "watch"]

log = logging.getLogger(__name__)

T = TypeVar("T")

_BUSY_COUNT = "onestopBusyOps"  # dynamic properties of a window: its ops shown with progress
_BUSY_CURSOR = "onestopCursorBefore"


def _alive(obj: QObject | None) -> bool:
    return obj is not None and shiboken6.isValid(obj)


def _widget_of(obj: QObject | None) -> QWidget | None:
    """Where to show a message about ``obj``: itself if a widget, else its nearest widget ancestor
    (a table model's view)."""
    while obj is not None and not isinstance(obj, QWidget):
        obj = obj.parent()
    return obj


def _expected(exc: BaseException) -> bool:
    """A message meant for the user (bad input, a locked database), not a bug."""
    return isinstance(exc, UserError | StorageError)


class _Op(Generic[T]):
    """What ``QueryOp`` and ``WriteOp`` share: run, guard, show the error."""

    def __init__(
        self, parent: QObject, op: Callable[[], T], success: Callable[[T], object] | None, tasks: Tasks
    ) -> None:
        self._parent = parent
        self._op = op
        self._success = success
        self._tasks = tasks
        self._failure: Callable[[BaseException], bool] | None = None
        self._running: Callable[[bool], object] | None = None
        self._progress: str | None = None
        self._window: QWidget | None = None

    def failure(self, handler: Callable[[BaseException], bool]) -> Self:
        """``handler(exc)`` runs first when ``op`` raised (on the GUI thread, if the parent exists).
        It returns True when it has shown the error itself (beside a field, in a status line, in the
        kiosk's log); False lets the op show it (a message box; «Thử lại» for a storage error)."""
        self._failure = handler
        return self

    def while_running(self, busy: Callable[[bool], object]) -> Self:
        """``busy(True)`` when the op starts (again on «Thử lại»), ``busy(False)`` when it ends, before
        ``success`` or the failure: e.g. ``save_button.setDisabled``, so a second click sends nothing."""
        self._running = busy
        return self

    def with_progress(self, label: str = "") -> Self:
        """While the op runs: the busy cursor on the parent's window (typing and clicking still work;
        nothing modal) and ``label``, if any, in the main window's status bar (``Tasks.progress_changed``)."""
        self._progress = label
        return self

    def run_in_background(self) -> None:
        if not _alive(self._parent):
            return  # built for a widget already gone (a late retry): nobody to report to
        self._start()
        self._tasks.run(self._op, done=self._done, failed=self._failed)

    # ---- the parts

    def _start(self) -> None:
        if self._running is not None:
            self._running(True)
        if self._progress is not None:
            if self._progress:
                self._tasks.begin_progress(self._progress)
            parent = self._parent
            if isinstance(parent, QWidget):
                self._window = parent.window()
                _busy_cursor(self._window, +1)

    def _end(self, alive: bool) -> None:
        if self._progress is not None:
            if self._progress:
                self._tasks.end_progress(self._progress)
            window, self._window = self._window, None
            if window is not None and _alive(window):
                _busy_cursor(window, -1)
        if alive and self._running is not None:
            self._running(False)

    def _done(self, result: T) -> None:
        alive = _alive(self._parent)
        self._end(alive)
        try:
            if alive and self._success is not None:
                self._success(result)
        finally:
            self._succeeded(result)

    def _succeeded(self, result: T) -> None:
        """After ``success`` (or instead of it when the parent is gone)."""

    def _failed(self, exc: BaseException) -> None:
        alive = _alive(self._parent)
        self._end(alive)
        if not alive:
            if not _expected(exc):
                log.error("background work failed after its window closed", exc_info=exc)
            return
        if self._failure is not None and self._failure(exc):
            if not _expected(exc):
                log.error("background work failed", exc_info=exc)
            return
        # show_error logs an unexpected error itself, and offers «Thử lại» only for a StorageError.
        show_error(_widget_of(self._parent), exc, retry=self.run_in_background)


class QueryOp(_Op[T]):
    """A read: ``op()`` on a worker thread, then ``success(result)`` on the GUI thread while ``parent``
    exists. Errors: see ``failure``."""

    def __init__(
        self, parent: QObject, op: Callable[[], T], success: Callable[[T], object], *, tasks: Tasks
    ) -> None:
        super().__init__(parent, op, success, tasks)


class WriteOp(_Op[T]):
    """A write: like ``QueryOp``, then ``tasks.changed(changes, initiator)`` so the views showing those
    kinds refresh. ``changes`` is declared when the op is built, or computed from the result (e.g. an
    import that added nothing changes nothing); a result that is, or carries (``.changes``), a
    ``Changes`` adds to it. A write that no view shows (a rating invitation) says ``Changes.NONE``."""

    def __init__(
        self,
        parent: QObject,
        op: Callable[[], T],
        success: Callable[[T], object] | None = None,
        *,
        changes: Changes | Callable[[T], Changes],
        tasks: Tasks,
    ) -> None:
        super().__init__(parent, op, success, tasks)
        self._changes = changes
        self._initiator: object | None = None

    def run_in_background(self, *, initiator: object | None = None) -> None:
        """``initiator`` (the parent by default) comes with the announcement, so a view can skip the
        changes it made itself (``watch(..., skip_initiator=True)``)."""
        if self._initiator is None:
            self._initiator = self._parent if initiator is None else initiator
        super().run_in_background()

    def _succeeded(self, result: T) -> None:
        declared = self._changes
        changes = declared if isinstance(declared, Changes) else declared(result)
        carried = result if isinstance(result, Changes) else getattr(result, "changes", None)
        if isinstance(carried, Changes):
            changes |= carried
        self._tasks.announce(changes, self._initiator)


class _Watch(QObject):
    """A child of the watching widget: destroyed with it, and Qt drops its connection then."""

    def __init__(
        self, widget: QObject, kinds: Changes, refresh: Callable[[], object], skip_initiator: bool
    ) -> None:
        super().__init__(widget)
        self.setObjectName("opsWatch")
        self.kinds = kinds
        self.refresh = refresh
        self.skip_initiator = skip_initiator

    @Slot(object, object)
    def changed(self, changes: Changes, initiator: object) -> None:
        if not changes & self.kinds:
            return
        if self.skip_initiator and initiator is not None and initiator is self.parent():
            return
        self.refresh()


def watch(
    widget: QObject,
    kinds: Changes,
    refresh: Callable[[], object],
    *,
    tasks: Tasks,
    skip_initiator: bool = False,
) -> QObject:
    """Call ``refresh()`` once per announced change of any of ``kinds`` while ``widget`` exists;
    ``skip_initiator``: not for the changes of ops whose initiator is ``widget`` itself."""
    watcher = _Watch(widget, kinds, refresh, skip_initiator)
    tasks.changed.connect(watcher.changed)
    return watcher


def _busy_cursor(window: QWidget, step: int) -> None:
    """The busy cursor (an arrow with a spinner: the window still takes clicks and keys) while any op
    with progress runs on ``window``; its own cursor comes back after."""
    count = int(window.property(_BUSY_COUNT) or 0)
    new = max(0, count + step)
    window.setProperty(_BUSY_COUNT, new)
    if count == 0 and new > 0:
        had_cursor = window.testAttribute(Qt.WidgetAttribute.WA_SetCursor)
        window.setProperty(_BUSY_CURSOR, window.cursor() if had_cursor else None)
        window.setCursor(Qt.CursorShape.BusyCursor)
    elif count > 0 and new == 0:
        before = window.property(_BUSY_CURSOR)
        if before is not None:
            window.setCursor(before)
        else:
            window.unsetCursor()
