"""The home screen of each role: «Hồ sơ của tôi» for the processing officer, the overdue list for the
head of agency, receiving for the clerk; screens a role may not use say so.

Real services on a real SQLite file (the demo agency), real widgets and keys."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import actor, unit_officer, vn
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from onestop.clock import FixedClock
from onestop.services import Actor, Applicant, Onestop, ReceiveRequest
from onestop.ui.main_window import MainWindow
from onestop.ui.step_forms import NoteForm
from onestop.ui.tasks import Tasks
from onestop.ui.worklists import WorkListModel, WorkListView

CTRL = Qt.KeyboardModifier.ControlModifier
HOTICH_3_DAYS = "1.004873"  # → Công chức Tư pháp - Hộ tịch (TPHT)
CHUNGTHUC_SAME_DAY = "2.000815"  # → TPHT, due the same day
CUTRU_7_DAYS = "1.004222"  # → Công an phường (CAP)


def receive(svc: Onestop, procedure: str, name: str, *, transfer: bool = True) -> str:
    clerk = actor(svc, "tiepnhan1")
    code = svc.intake.receive(ReceiveRequest(procedure, Applicant(name)), actor=clerk).code
    if transfer:
        svc.lifecycle.transfer(code, actor=clerk)
    return code


def window_for(qtbot: QtBot, svc: Onestop, who: Actor, tasks: Tasks, ui_state: QSettings) -> MainWindow:
    window = MainWindow(svc, who, tasks, ui_state)
    qtbot.addWidget(window)
    window.resize(1366, 740)  # the smallest screen supported
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return window


def shown(qtbot: QtBot, view: WorkListView, count: int) -> list[str]:
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == count, timeout=5000)
    return view.model.codes()


def cells(view: WorkListView, row: int) -> list[str]:
    return [view.model.index(row, c).data() for c in range(view.model.columnCount())]


def test_the_work_list_model_passes_the_qt_model_tester_and_fetches_page_by_page(
    qtbot: QtBot, qtmodeltester, agency: Onestop, clock: FixedClock, tasks: Tasks
) -> None:  # type: ignore[no-untyped-def]
    for name in ("Lê Văn An", "Trần Thị Bình", "Ngô Văn Chi", "Đỗ Thị Dung", "Phan Văn Em"):
        clock.advance(timedelta(minutes=1))
        receive(agency, HOTICH_3_DAYS, name)
    model = WorkListModel(agency, actor(agency, "lanhdao"), tasks, "mine", page_size=2)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.refresh()
    assert model.rowCount() == 2 and model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        with qtbot.waitSignal(model.loaded, timeout=5000):
            model.fetchMore(QModelIndex())
    assert model.rowCount() == 5
    dues = [model.row_at(i).current_due_at for i in range(5)]
    assert dues == sorted(dues) and len(set(model.codes())) == 5


def test_the_officer_lands_on_their_units_dossiers_in_due_order_with_the_state_in_words(
    qtbot: QtBot, agency: Onestop, clock: FixedClock, tasks: Tasks, ui_state: QSettings
) -> None:
    officer = unit_officer(agency)
    later = receive(agency, HOTICH_3_DAYS, "Trần Văn Ba")  # due Fri 27/11 09:00
    receive(agency, CUTRU_7_DAYS, "Lê Thị Tư")  # the police's
    sooner = receive(agency, CHUNGTHUC_SAME_DAY, "Ngô Thị Năm")  # due today 17:00
    clock.at = vn(2026, 11, 23, 17, 30)  # the same-day one is late now

    window = window_for(qtbot, agency, officer, tasks, ui_state)
    assert window.tabs.currentWidget() is window.mine
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Hồ sơ trong ngày (F3)",
        "Hồ sơ của tôi (F6)",
    ]
    view = window.mine
    assert shown(qtbot, view, 2) == [sooner, later]
    assert view.table.isColumnHidden(WorkListModel.UNIT)  # their own unit on every row
    overdue, soon = cells(view, 0), cells(view, 1)
    assert overdue[WorkListModel.STATE] == "Quá hạn · Đang xử lý"
    assert overdue[WorkListModel.CURRENT_DUE] == "23/11 17:00"
    assert overdue[WorkListModel.HOLDER] == "(chưa ai nhận)"
    assert soon[WorkListModel.STATE] == "Đang xử lý"  # three working days left: no marker
    red = view.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color()
    assert red.red() > red.blue()
    assert QApplication.focusWidget() is view.table
    window.close()


def test_steps_are_reachable_from_the_selected_row_by_keyboard(
    qtbot: QtBot, agency: Onestop, tasks: Tasks, ui_state: QSettings
) -> None:
    officer = unit_officer(agency)
    first = receive(agency, CHUNGTHUC_SAME_DAY, "Ngô Thị Năm")
    second = receive(agency, HOTICH_3_DAYS, "Trần Văn Ba")
    window = window_for(qtbot, agency, officer, tasks, ui_state)
    view = window.mine
    assert shown(qtbot, view, 2) == [first, second]
    qtbot.waitUntil(lambda: view.steps.context is not None and view.steps.context.view.code == first)
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: view.steps.context is not None and view.steps.context.view.code == second)
    assert view.steps.visible_steps == ["transfer", "take", "supplement", "result", "refuse", "stop"]
    assert view.selected.text() == f"Hồ sơ {second} — Trần Văn Ba: các bước xử lý"

    qtbot.keyClick(view.table, Qt.Key.Key_K, CTRL)  # «Báo có kết quả»
    form = view.steps.form
    assert isinstance(form, NoteForm)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=5000)
    qtbot.keyClick(form.note, Qt.Key.Key_Return)
    assert shown(qtbot, view, 1) == [first]  # back to the counter: off the officer's list
    assert agency.dossiers.dossier(second, actor=officer).status == "result_ready"
    window.close()


def test_the_head_lands_on_the_overdue_list_with_who_holds_each_dossier(
    qtbot: QtBot, agency: Onestop, clock: FixedClock, tasks: Tasks, ui_state: QSettings
) -> None:
    officer = unit_officer(agency)
    late = receive(agency, CHUNGTHUC_SAME_DAY, "Phan Văn Sáu")
    agency.lifecycle.take(late, actor=officer)
    at_counter = receive(agency, CHUNGTHUC_SAME_DAY, "Vũ Thị Bảy", transfer=False)
    receive(agency, CUTRU_7_DAYS, "Hồ Văn Tám")  # days left: not on the list
    clock.at = vn(2026, 11, 25, 8, 0)  # Wednesday

    window = window_for(qtbot, agency, actor(agency, "lanhdao"), tasks, ui_state)
    assert window.tabs.currentWidget() is window.urgent
    view = window.urgent
    assert shown(qtbot, view, 2) == [late, at_counter]
    row = cells(view, 0)
    assert row[WorkListModel.UNIT] == "Công chức Tư pháp - Hộ tịch"
    assert row[WorkListModel.HOLDER] == "Võ Thị Lan"
    assert (row[WorkListModel.DUE], row[WorkListModel.CURRENT_DUE]) == ("23/11 17:00", "23/11 17:00")
    assert row[WorkListModel.STATE] == "Quá hạn · Đang xử lý"
    assert cells(view, 1)[WorkListModel.UNIT] == "Bộ phận Một cửa"
    assert cells(view, 1)[WorkListModel.STATE] == "Quá hạn · Đã tiếp nhận"
    window.close()


@pytest.mark.parametrize(
    ("username", "home"),
    [("tiepnhan1", "intake"), ("xuly1", "mine"), ("lanhdao", "urgent"), ("admin", "admin")],
)
def test_each_role_lands_on_its_own_screen(
    qtbot: QtBot, agency: Onestop, tasks: Tasks, ui_state: QSettings, username: str, home: str
) -> None:
    window = window_for(qtbot, agency, actor(agency, username), tasks, ui_state)
    assert window.home == home
    assert window.tabs.currentWidget() is getattr(window, home)
    window.close()


def test_a_screen_key_the_role_may_not_use_says_so(
    qtbot: QtBot, agency: Onestop, tasks: Tasks, ui_state: QSettings
) -> None:
    window = window_for(qtbot, agency, actor(agency, "xuly1"), tasks, ui_state)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    message = window.statusBar().currentMessage()
    assert message == "Tiếp nhận hồ sơ (F2): tài khoản «xuly1» không có quyền tiếp nhận hồ sơ."
    assert window.tabs.currentWidget() is window.mine  # nothing else happened
    window.statusBar().clearMessage()
    window.screen_actions["admin"].trigger()  # the same from the menu
    assert window.statusBar().currentMessage() == "Quản trị (F9): tài khoản «xuly1» không có quyền quản trị."
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.tabs.currentWidget() is window.today
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert window.tabs.currentWidget() is window.mine
    window.close()


def test_an_officer_of_every_unit_sees_procedure_and_unit_readable_on_1366_pixels(
    qtbot: QtBot, agency: Onestop, tasks: Tasks, ui_state: QSettings
) -> None:
    code = receive(agency, HOTICH_3_DAYS, "Trần Văn Ba")
    agency.oversight.direct(
        code, to_user="xuly1", text="Trả kết quả trong ngày", actor=actor(agency, "lanhdao")
    )
    view = WorkListView(agency, actor(agency, "xuly1"), tasks, ui_state, "mine")
    qtbot.addWidget(view)
    view.resize(1366, 600)
    view.show()
    qtbot.waitExposed(view)
    shown(qtbot, view, 1)
    QApplication.processEvents()
    header = view.table.horizontalHeader()
    assert view.table.isColumnHidden(WorkListModel.DUE)  # the current due moment is theirs to meet
    for column in (WorkListModel.PROCEDURE, WorkListModel.UNIT):
        assert header.sectionSize(column) >= 120, (column, header.sectionSize(column))
