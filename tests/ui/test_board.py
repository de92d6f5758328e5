"""The head of agency's board: counts that follow the work done at any counter, who holds each
overdue or due-soon dossier and since when, and directives — recorded from the board, shown on the
holder's «Hồ sơ của tôi» until answered, kept in the dossier's history.

Real services on a real SQLite file (the demo agency), real widgets."""

from __future__ import annotations

from pathlib import Path

from helpers import actor, unit_officer, vn
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from onestop.clock import FixedClock
from onestop.services import Applicant, Onestop, ReceiveRequest
from onestop.ui.board import AnswerDialog, DirectiveDialog
from onestop.ui.tasks import Tasks
from onestop.ui.worklists import WorkListModel, WorkListView

HOTICH_3_DAYS = "1.004873"  # → Công chức Tư pháp - Hộ tịch (TPHT), 3 working days
CHUNGTHUC_SAME_DAY = "2.000815"  # → TPHT, due the same day
CUTRU_7_DAYS = "1.004222"  # → Công an phường (CAP)


def receive(svc: Onestop, procedure: str, name: str, *, transfer: bool = True) -> str:
    clerk = actor(svc, "tiepnhan1")
    code = svc.intake.receive(ReceiveRequest(procedure, Applicant(name)), actor=clerk).code
    if transfer:
        svc.lifecycle.transfer(code, actor=clerk)
    return code


def shown(qtbot: QtBot, view: WorkListView, count: int) -> list[str]:
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() == count, timeout=5000)
    return view.model.codes()


def test_the_board_model_passes_the_qt_model_tester_with_since_when_and_directives(
    qtbot: QtBot, qtmodeltester, agency: Onestop, clock: FixedClock, tasks: Tasks
) -> None:  # type: ignore[no-untyped-def]
    officer = unit_officer(agency)
    late = receive(agency, CHUNGTHUC_SAME_DAY, "Phan Văn Sáu")
    clock.at = vn(2026, 11, 23, 10, 30)
    agency.lifecycle.take(late, actor=officer)
    receive(agency, CUTRU_7_DAYS, "Hồ Văn Tám")  # days left: not on the board
    head = actor(agency, "lanhdao")
    agency.oversight.direct(late, to_user="xuly2", text="Giải quyết ngay trong sáng nay", actor=head)
    clock.at = vn(2026, 11, 24, 8, 0)
    model = WorkListModel(agency, head, tasks, "urgent")
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.refresh()
    qtmodeltester.check(model)
    assert model.codes() == [late]
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[WorkListModel.HOLDER] == "Võ Thị Lan"
    assert row[WorkListModel.HELD_SINCE] == "23/11 10:30"  # taken up then
    assert row[WorkListModel.DUE] == row[WorkListModel.CURRENT_DUE] == "23/11 17:00"
    assert row[WorkListModel.DIRECTIVES] == "1 chờ trả lời"
    assert row[WorkListModel.STATE] == "Quá hạn · Đang xử lý"


def test_counts_follow_the_work_and_a_directive_reaches_the_holder_who_answers_it(
    qtbot: QtBot, agency: Onestop, clock: FixedClock, tasks: Tasks, ui_state: QSettings
) -> None:
    officer = unit_officer(agency)
    late = receive(agency, CHUNGTHUC_SAME_DAY, "Phan Văn Sáu")
    agency.lifecycle.take(late, actor=officer)
    receive(agency, HOTICH_3_DAYS, "Trần Văn Ba")  # due Friday
    clock.at = vn(2026, 11, 23, 17, 30)
    head = actor(agency, "lanhdao")
    board = WorkListView(agency, head, tasks, ui_state, "urgent")
    qtbot.addWidget(board)
    board.resize(1366, 700)
    board.show()
    assert shown(qtbot, board, 1) == [late]
    assert board.counts is not None
    qtbot.waitUntil(lambda: board.counts is not None and board.counts.counts is not None, timeout=5000)
    assert (board.counts.counts.overdue, board.counts.counts.due_soon) == (1, 0)
    assert board.counts.counts.directives_open == 0
    assert "1" in board.counts.tiles["overdue"].text()

    # Work done at another counter (no announcement here): the poll picks it up.
    clock.at = vn(2026, 11, 26, 9, 0)  # Thursday: the Friday one is due within a working day now
    board.counts.refresh()
    qtbot.waitUntil(lambda: board.counts.counts.due_soon == 1, timeout=5000)  # type: ignore[union-attr]

    board.select_code(late)
    board.table.setFocus()
    with qtbot.waitSignal(board.open_requested, timeout=5000) as opened:  # Enter opens the dossier
        qtbot.keyClick(board.table, Qt.Key.Key_Return)
    assert opened.args == [late]
    qtbot.keyClick(board.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = board.findChild(DirectiveDialog)
    assert isinstance(dialog, DirectiveDialog) and dialog.isVisible() and dialog.code == late
    qtbot.waitUntil(lambda: dialog.whom.count() > 0, timeout=5000)
    assert dialog.whom.currentData() == "xuly2"  # the officer holding it comes first
    dialog.submit()  # nothing written: the text is required
    qtbot.waitUntil(lambda: dialog.errors.label("text").isVisible(), timeout=5000)
    assert "Nội dung chỉ đạo" in dialog.errors.label("text").text()
    assert agency.oversight.on_dossier(late, actor=head) == []
    dialog.text.setPlainText("Trả kết quả trong ngày, báo cáo lý do chậm")
    dialog.has_due.setChecked(True)
    with qtbot.waitSignal(dialog.directed, timeout=5000):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # sends
    qtbot.waitUntil(lambda: board.counts.counts.directives_open == 1, timeout=5000)  # type: ignore[union-attr]

    mine = WorkListView(agency, officer, tasks, ui_state, "mine")
    qtbot.addWidget(mine)
    mine.show()
    banner = mine.banner
    assert banner is not None
    qtbot.waitUntil(lambda: banner.isVisible() and len(banner.directives) == 1, timeout=5000)
    assert "Trả kết quả trong ngày" in banner.directives[0].text
    line = banner.findChild(type(mine.heading), "directiveLine")
    assert line is not None and f"về hồ sơ {late}" in line.text() and "hạn trả lời" in line.text()
    mine.resize(1366, 600)
    qtbot.waitUntil(lambda: mine.model.row_of(late) >= 0 and not mine.model.loading, timeout=5000)
    marks = [mine.model.index(r, WorkListModel.DIRECTIVES).data() for r in range(mine.model.rowCount())]
    assert marks[mine.model.row_of(late)] == "1 chờ trả lời" and marks.count("") == len(marks) - 1
    mine.grab().save("/tmp/mine.png")
    answer = banner.answer(banner.directives[0])
    assert isinstance(answer, AnswerDialog)
    answer.text.setPlainText("Đã trình ký, trả kết quả 16:00")
    answer.submit()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
    history = agency.dossiers.dossier(late, actor=head)
    actions = [e.action for e in history.events]
    assert "directive" in actions and "directive_answer" in actions
    (done,) = agency.oversight.on_dossier(late, actor=head)
    assert done.answer == "Đã trình ký, trả kết quả 16:00"
    qtbot.waitUntil(lambda: board.counts.counts.directives_open == 0, timeout=5000)  # type: ignore[union-attr]


def test_screenshot_of_the_board(
    qtbot: QtBot, agency: Onestop, clock: FixedClock, tasks: Tasks, ui_state: QSettings, tmp_path: Path
) -> None:
    officer = unit_officer(agency)
    names = ["Phan Văn Sáu", "Vũ Thị Bảy", "Nguyễn Thị Thu Hương", "Lê Văn An", "Đỗ Thị Dung"]
    codes = []
    for i, name in enumerate(names):
        clock.at = vn(2026, 11, 23, 8, 0 + 5 * i)
        codes.append(receive(agency, CHUNGTHUC_SAME_DAY if i % 2 == 0 else HOTICH_3_DAYS, name))
    agency.lifecycle.take(codes[0], actor=officer)
    agency.oversight.direct(codes[0], to_user="xuly2", text="Xử lý ngay", actor=actor(agency, "lanhdao"))
    clock.at = vn(2026, 11, 26, 9, 0)
    board = WorkListView(agency, actor(agency, "lanhdao"), tasks, ui_state, "urgent")
    qtbot.addWidget(board)
    board.resize(1366, 600)
    board.show()
    shown(qtbot, board, 5)
    qtbot.waitUntil(lambda: board.counts is not None and board.counts.counts is not None, timeout=5000)
    QApplication.processEvents()
    out = Path("/tmp/board.png")
    assert board.grab().save(str(out))
    assert out.stat().st_size > 10_000
    header = board.table.horizontalHeader()
    metrics = board.table.fontMetrics()
    for column in (
        WorkListModel.CODE,
        WorkListModel.HELD_SINCE,
        WorkListModel.DUE,
        WorkListModel.CURRENT_DUE,
    ):
        for row in range(board.model.rowCount()):  # nothing clipped ("…") in the narrow columns
            text = board.model.index(row, column).data()
            assert header.sectionSize(column) >= metrics.horizontalAdvance(text) + 8, (column, text)
    assert board.table.model().index(0, 0).data(Qt.ItemDataRole.DisplayRole) in codes


def test_the_dossier_detail_shows_the_directive_to_its_addressee_who_answers_there(
    qtbot: QtBot, agency: Onestop, clock: FixedClock, tasks: Tasks, ui_state: QSettings
) -> None:
    from onestop.ui.detail import DossierDetailDialog

    officer = unit_officer(agency)
    code = receive(agency, HOTICH_3_DAYS, "Trần Văn Ba")
    agency.lifecycle.take(code, actor=officer)
    head = actor(agency, "lanhdao")

    as_head = DossierDetailDialog(agency, head, tasks, code, ui_state)
    qtbot.addWidget(as_head)
    with qtbot.waitSignal(as_head.loaded, timeout=5000):
        as_head.show()
    assert as_head.directives.isVisible() and as_head.directives.open == []  # the head may direct
    dialog = as_head.directives.direct()
    qtbot.waitUntil(lambda: dialog.whom.count() > 0, timeout=5000)
    dialog.text.setPlainText("Ưu tiên giải quyết, người nộp đã hỏi hai lần")
    with qtbot.waitSignal(as_head.loaded, timeout=5000):  # the detail reloads after the write
        dialog.submit()
    qtbot.waitUntil(lambda: len(as_head.directives.open) == 1, timeout=5000)
    assert (
        as_head.directives.findChild(QPushButton, f"answerDirective_{as_head.directives.open[0].id}") is None
    )

    as_officer = DossierDetailDialog(agency, officer, tasks, code, ui_state)
    qtbot.addWidget(as_officer)
    with qtbot.waitSignal(as_officer.loaded, timeout=5000):
        as_officer.show()
    bar = as_officer.directives
    assert bar.isVisible() and len(bar.open) == 1
    assert bar.findChild(QPushButton, "directFromDetail") is None  # an officer does not direct
    (line,) = [w for w in bar.findChildren(QLabel) if w.objectName() == "dossierDirectiveLine"]
    assert "Võ Thị Lan" in line.text() and "Ưu tiên giải quyết" in line.text()
    answer = bar.answer(bar.open[0])
    answer.submit()  # empty: one message beside the field, nothing written
    qtbot.waitUntil(lambda: answer.error.isVisible(), timeout=5000)
    assert "Trả lời chỉ đạo" in answer.error.text()
    answer.text.setPlainText("Đã xử lý xong, chờ ký")
    answer.submit()
    qtbot.waitUntil(lambda: bar.open == [] and not bar.isVisible(), timeout=5000)
    events = agency.dossiers.dossier(code, actor=head).events
    assert [e.action for e in events][-2:] == ["directive", "directive_answer"]


def test_the_counts_poll_work_done_elsewhere_without_any_announcement(
    qtbot: QtBot, agency: Onestop, clock: FixedClock, tasks: Tasks
) -> None:
    from onestop.ui.board import BoardCountsBar

    bar = BoardCountsBar(agency, actor(agency, "lanhdao"), tasks, poll_ms=50)
    qtbot.addWidget(bar)
    qtbot.waitUntil(lambda: bar.counts is not None, timeout=5000)
    assert bar.counts is not None and bar.counts.overdue == 0
    code = receive(agency, CHUNGTHUC_SAME_DAY, "Phan Văn Sáu")  # straight to the service: no Tasks
    clock.at = vn(2026, 11, 23, 17, 30)
    qtbot.waitUntil(lambda: bar.counts is not None and bar.counts.overdue == 1, timeout=5000)
    assert "Quá hạn" in bar.tiles["overdue"].accessibleName()
    agency.lifecycle.result(code, actor=actor(agency, "xuly1"))
    qtbot.waitUntil(lambda: bar.counts is not None and bar.counts.overdue == 0, timeout=5000)
