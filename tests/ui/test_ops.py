"""The one way screens run work (``onestop.ui.ops``): threads, the guard on a closed window, errors shown
once, «Thử lại», and views refreshed by what changed."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
import shiboken6
from PySide6.QtCore import SIGNAL, QStringListModel, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from onestop.errors import StorageError, UserError, ValidationError
from onestop.ui import ops
from onestop.ui.ops import Changes, QueryOp, Tasks, WriteOp, watch

WAIT_S = 5.0


@dataclass
class ShownErrors:
    """Stands in for ``common.show_error`` (which opens a modal box): records what would be shown and,
    when told to, clicks «Thử lại» (only offered for a storage error, as the real one does)."""

    click_retry: int = 0  # how many of the next storage errors get «Thử lại»
    shown: list[tuple[QWidget | None, BaseException]] = field(default_factory=list)

    def __call__(
        self, parent: QWidget | None, exc: BaseException, *, retry: Callable[[], None] | None = None
    ) -> None:
        self.shown.append((parent, exc))
        if retry is not None and isinstance(exc, StorageError) and self.click_retry > 0:
            self.click_retry -= 1
            retry()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> ShownErrors:
    fake = ShownErrors()
    monkeypatch.setattr(ops, "show_error", fake)
    return fake


@pytest.fixture
def widget(qtbot: QtBot) -> QWidget:
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds the work on its worker thread until the test opens it (never longer than WAIT_S)."""
    event = threading.Event()
    yield event
    event.set()


def finished(qtbot: QtBot, tasks: Tasks) -> None:
    """The work is done and its result handed to the GUI thread (or dropped there)."""
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=int(WAIT_S * 1000))


def fail_then(result: object, *errors: BaseException) -> Callable[[], object]:
    """An op that raises ``errors`` one call at a time, then returns ``result``; counts its calls."""
    left = list(errors)

    def op() -> object:
        op.calls += 1  # type: ignore[attr-defined]
        if left:
            raise left.pop(0)
        return result

    op.calls = 0  # type: ignore[attr-defined]
    return op


# ---------------------------------------------------------------------------------------- running


def test_the_work_runs_off_the_gui_thread_and_success_on_it(
    qtbot: QtBot, tasks: Tasks, widget: QWidget
) -> None:
    threads: dict[str, threading.Thread] = {}
    results: list[int] = []

    def op() -> int:
        threads["op"] = threading.current_thread()
        return 42

    def success(value: int) -> None:
        threads["success"] = threading.current_thread()
        results.append(value)

    QueryOp(widget, op, success, tasks=tasks).run_in_background()
    qtbot.waitUntil(lambda: results == [42], timeout=int(WAIT_S * 1000))
    assert threads["op"] is not threading.main_thread()
    assert threads["success"] is threading.main_thread()


def test_success_is_dropped_when_the_window_closed_before_the_work_finished(
    qtbot: QtBot, tasks: Tasks, gate: threading.Event, shown: ShownErrors
) -> None:
    dialog = QLabel("Đang tải hồ sơ…")
    called: list[object] = []
    QueryOp(dialog, lambda: gate.wait(WAIT_S), called.append, tasks=tasks).run_in_background()
    shiboken6.delete(dialog)  # closed with WA_DeleteOnClose while the database was busy

    gate.set()
    finished(qtbot, tasks)
    assert called == []  # and no RuntimeError about a deleted C++ object, no Qt warning
    assert shown.shown == []


def test_a_failure_is_dropped_too_when_the_window_is_gone(
    qtbot: QtBot, tasks: Tasks, gate: threading.Event, shown: ShownErrors
) -> None:
    dialog = QLabel()
    handled: list[BaseException] = []

    def op() -> None:
        gate.wait(WAIT_S)
        raise StorageError("Cơ sở dữ liệu đang bị khóa.")

    def handler(exc: BaseException) -> bool:
        handled.append(exc)
        return False

    QueryOp(dialog, op, print, tasks=tasks).failure(handler).run_in_background()
    shiboken6.delete(dialog)
    gate.set()
    finished(qtbot, tasks)
    assert handled == [] and shown.shown == []


def test_a_write_announces_its_changes_even_when_the_window_is_gone(
    qtbot: QtBot, tasks: Tasks, gate: threading.Event, widget: QWidget
) -> None:
    dialog = QLabel()
    refreshed: list[bool] = []
    watch(widget, Changes.DOSSIERS, lambda: refreshed.append(True), tasks=tasks)
    WriteOp(dialog, lambda: gate.wait(WAIT_S), changes=Changes.DOSSIERS, tasks=tasks).run_in_background()
    shiboken6.delete(dialog)
    gate.set()
    finished(qtbot, tasks)
    assert refreshed == [True]  # the dossier was stored: the list shows it


# ---------------------------------------------------------------------------------------- errors


def test_a_failure_is_shown_once_beside_the_parent(
    qtbot: QtBot, tasks: Tasks, widget: QWidget, shown: ShownErrors
) -> None:
    error = UserError("Thủ tục: không có thủ tục mã 9.999999.")
    called: list[object] = []
    QueryOp(widget, fail_then(None, error), called.append, tasks=tasks).run_in_background()
    finished(qtbot, tasks)
    assert shown.shown == [(widget, error)]
    assert called == []


def test_the_failure_of_a_model_is_shown_over_its_view(
    qtbot: QtBot, tasks: Tasks, widget: QWidget, shown: ShownErrors
) -> None:
    model = QStringListModel(widget)  # a table model fetching its rows: not a widget itself
    error = StorageError("Cơ sở dữ liệu đang bị khóa.")
    QueryOp(model, fail_then(None, error), print, tasks=tasks).run_in_background()
    finished(qtbot, tasks)
    assert shown.shown == [(widget, error)]


def test_a_failure_handler_that_shows_the_error_itself_stops_the_message_box(
    qtbot: QtBot, tasks: Tasks, widget: QWidget, shown: ShownErrors
) -> None:
    beside_field: list[str] = []

    def claim(exc: BaseException) -> bool:
        if isinstance(exc, ValidationError) and exc.field == "phone":
            beside_field.append(exc.message)
            return True
        return False

    wrong_phone = ValidationError("Số điện thoại: phải có 10 chữ số.", field="phone")
    locked = StorageError("Cơ sở dữ liệu đang bị khóa.")
    for error in (wrong_phone, locked):
        QueryOp(widget, fail_then(None, error), print, tasks=tasks).failure(claim).run_in_background()
        finished(qtbot, tasks)
    assert beside_field == ["Số điện thoại: phải có 10 chữ số."]
    assert shown.shown == [(widget, locked)]  # not claimed: shown the one way, once


def test_an_unexpected_error_is_logged_with_its_traceback_once(
    qtbot: QtBot, tasks: Tasks, widget: QWidget, shown: ShownErrors, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise KeyError("agency.unit_full_name")

    status: list[str] = []

    def in_status_line(exc: BaseException) -> bool:
        status.append(type(exc).__name__)
        return True

    with caplog.at_level(logging.ERROR, logger="onestop.ui.ops"):
        QueryOp(widget, broken, print, tasks=tasks).failure(in_status_line).run_in_background()
        finished(qtbot, tasks)
    assert status == ["KeyError"] and shown.shown == []
    records = [r for r in caplog.records if r.name == "onestop.ui.ops"]
    assert len(records) == 1
    assert records[0].exc_info is not None and records[0].exc_info[0] is KeyError


def test_retry_after_a_storage_error_runs_the_op_again(
    qtbot: QtBot, tasks: Tasks, widget: QWidget, shown: ShownErrors
) -> None:
    shown.click_retry = 1
    locked = StorageError("Cơ sở dữ liệu đang bị khóa.")
    op = fail_then("HS-000001", locked)
    received: list[object] = []
    busy: list[bool] = []

    QueryOp(widget, op, received.append, tasks=tasks).while_running(busy.append).run_in_background()
    qtbot.waitUntil(lambda: received == ["HS-000001"], timeout=int(WAIT_S * 1000))
    assert op.calls == 2  # type: ignore[attr-defined]
    assert shown.shown == [(widget, locked)]
    assert busy == [True, False, True, False]  # the button is disabled again while it retries


def test_a_user_error_is_not_retried(qtbot: QtBot, tasks: Tasks, widget: QWidget, shown: ShownErrors) -> None:
    shown.click_retry = 1
    op = fail_then(None, UserError("Không có hồ sơ mã X."))
    QueryOp(widget, op, print, tasks=tasks).run_in_background()
    finished(qtbot, tasks)
    assert op.calls == 1  # type: ignore[attr-defined]
    assert len(shown.shown) == 1


# ---------------------------------------------------------------------------------------- progress


def test_progress_shows_the_busy_cursor_and_the_label_only_while_running(
    qtbot: QtBot, tasks: Tasks, gate: threading.Event
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setCursor(Qt.CursorShape.PointingHandCursor)
    child = QLabel(window)
    labels: list[str] = []
    tasks.progress_changed.connect(labels.append)
    done: list[object] = []

    QueryOp(child, lambda: gate.wait(WAIT_S), done.append, tasks=tasks).with_progress(
        "Đang nhập danh mục…"
    ).run_in_background()
    assert window.cursor().shape() == Qt.CursorShape.BusyCursor
    assert labels == ["Đang nhập danh mục…"]
    gate.set()
    qtbot.waitUntil(lambda: done == [True], timeout=int(WAIT_S * 1000))
    assert window.cursor().shape() == Qt.CursorShape.PointingHandCursor  # its own cursor is back
    assert labels == ["Đang nhập danh mục…", ""]


# ---------------------------------------------------------------------------------------- changes


def test_a_watching_view_refreshes_once_per_change_of_its_kinds_only(
    qtbot: QtBot, tasks: Tasks, widget: QWidget
) -> None:
    refreshed: list[bool] = []
    watch(widget, Changes.DOSSIERS | Changes.CALENDAR, lambda: refreshed.append(True), tasks=tasks)
    writer = QWidget()
    qtbot.addWidget(writer)

    for changes in (Changes.STAFF, Changes.DOSSIERS | Changes.RATINGS, Changes.NONE, Changes.CALENDAR):
        WriteOp(writer, lambda: None, changes=changes, tasks=tasks).run_in_background()
        finished(qtbot, tasks)
    assert refreshed == [True, True]


def test_the_changes_can_follow_from_the_result(qtbot: QtBot, tasks: Tasks, widget: QWidget) -> None:
    seen: list[Changes] = []
    tasks.changed.connect(lambda changes, _initiator: seen.append(changes))

    @dataclass
    class Imported:
        added: int
        changes: Changes = Changes.NONE

    def catalog_if_any(result: Imported) -> Changes:
        return Changes.CATALOG if result.added else Changes.NONE

    for result in (Imported(0), Imported(3), Imported(0, Changes.UNITS)):
        WriteOp(widget, lambda r=result: r, changes=catalog_if_any, tasks=tasks).run_in_background()
        finished(qtbot, tasks)
    assert seen == [Changes.CATALOG, Changes.UNITS]


def test_a_view_can_skip_the_changes_it_made_itself(qtbot: QtBot, tasks: Tasks, widget: QWidget) -> None:
    refreshed: list[bool] = []
    watch(widget, Changes.SETTINGS, lambda: refreshed.append(True), tasks=tasks, skip_initiator=True)
    WriteOp(widget, lambda: None, changes=Changes.SETTINGS, tasks=tasks).run_in_background()
    finished(qtbot, tasks)
    assert refreshed == []
    tasks.announce(Changes.SETTINGS, initiator=None)  # saved elsewhere
    assert refreshed == [True]


def test_a_watch_ends_when_its_widget_is_destroyed(qtbot: QtBot, tasks: Tasks) -> None:
    connected = SIGNAL("changed(PyObject,PyObject)")
    before = tasks.receivers(connected)
    view = QWidget()
    refreshed: list[bool] = []
    watch(view, Changes.DOSSIERS, lambda: refreshed.append(True), tasks=tasks)
    assert tasks.receivers(connected) == before + 1

    shiboken6.delete(view)
    QApplication.processEvents()
    assert tasks.receivers(connected) == before
    tasks.announce(Changes.DOSSIERS)
    assert refreshed == []
