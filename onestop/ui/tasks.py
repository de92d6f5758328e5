"""Background work for the GUI: the thread pool under ``onestop.ui.ops``, and the app-wide signals.

``tasks.run(fn, done=..., failed=...)`` runs ``fn()`` on a worker thread (each call takes its own
database connection from the engine's pool) and hands the result, or the exception, back on the
GUI thread. Screens do not call it themselves: they build a ``QueryOp`` or a ``WriteOp``
(``onestop.ui.ops``), which adds the guards every screen needs. ``Tasks`` is built once in ``main()``
and handed to every screen; after a write it announces what changed (``changed``), and the views
that ``ops.watch()`` those kinds refresh themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from onestop.changes import Changes

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits through it (a queued connection)."""

    finished = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self.relay.finished.emit(None, exc)
        else:
            self.relay.finished.emit(result, None)


class Tasks(QObject):
    """Runs callables off the GUI thread and reports back on it; says what data changed."""

    changed = Signal(object, object)  # Changes, initiator (the widget whose write it was, or None)
    busy_changed = Signal(bool)  # any work running at all
    progress_changed = Signal(str)  # the label of the newest op shown with progress; "" when none

    def __init__(self, parent: QObject | None = None, *, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._relays: set[_Relay] = set()
        self._progress: list[str] = []

    def announce(self, changes: Changes, initiator: object | None = None) -> None:
        """Tell the views that data of these kinds changed: after a write of ours (``WriteOp`` calls
        this), or when a change made by another program was noticed (a rating on the kiosk PC)."""
        if not changes:
            return
        self.changed.emit(changes, initiator)

    def begin_progress(self, label: str) -> None:
        self._progress.append(label)
        self.progress_changed.emit(label)

    def end_progress(self, label: str) -> None:
        if label in self._progress:
            self._progress.remove(label)
        self.progress_changed.emit(self._progress[-1] if self._progress else "")

    def run(
        self,
        fn: Callable[[], Any],
        *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)
        if len(self._relays) == 1:
            self.busy_changed.emit(True)

        @Slot(object, object)
        def finish(result: Any, exc: BaseException | None) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if not self._relays:
                self.busy_changed.emit(False)
            if exc is None:
                if done is not None:
                    done(result)
            elif failed is not None:
                failed(exc)
            else:
                log.error("background task failed", exc_info=exc)

        relay.finished.connect(finish)
        self.pool.start(_Job(fn, relay))

    def pending(self) -> int:
        return len(self._relays)

    def wait(self, msecs: int = 10_000) -> bool:
        """Tests and shutdown: wait for the worker threads (events still need processing after)."""
        return self.pool.waitForDone(msecs)
