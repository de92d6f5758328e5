"""The steps of a dossier from its detail: the buttons and keys offered, their small forms, the paper
each step prints, the return at the counter with the citizen's rating invitation.

Real services on a real SQLite file (the demo agency, Monday 23/11/2026 09:00), real widgets, keys."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import actor, scan, type_text, unit_officer
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from onestop.services import Actor, Applicant, Onestop, ReceiveRequest
from onestop.ui.detail import DossierDetailDialog, open_dossier
from onestop.ui.main_window import MainWindow
from onestop.ui.step_forms import ExtendForm, ReturnForm, SupplementForm
from onestop.ui.tasks import Tasks

CTRL = Qt.KeyboardModifier.ControlModifier
STATION = "quay-2"
HOTICH_3_DAYS = "1.004873"  # → Công chức Tư pháp - Hộ tịch, 3 working days


def pdf_text(pdf: bytes) -> str:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    return " ".join(document.getAllText(page).text() for page in range(document.pageCount()))


def receive(svc: Onestop, *, steps: tuple[str, ...] = (), name: str = "Nguyễn Thị Thủy") -> str:
    """A dossier of the 3-day procedure, taken through ``steps`` by the head of agency."""
    clerk, head = actor(svc, "tiepnhan1"), actor(svc, "lanhdao")
    code = svc.intake.receive(ReceiveRequest(HOTICH_3_DAYS, Applicant(name)), actor=clerk).code
    for step in steps:
        getattr(svc.lifecycle, step)(code, actor=head)
    return code


def requests_rows(db_path: Path) -> list[tuple[str, str, str, str]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT d.code, q.event, c.username, q.station FROM rating_requests q"
            " JOIN dossiers d ON d.id = q.dossier_id JOIN staff c ON c.id = q.clerk_id ORDER BY q.id"
        ).fetchall()


@pytest.fixture
def counter_state(ui_state: QSettings) -> QSettings:
    ui_state.setValue("kiosk/station", STATION)
    return ui_state


@pytest.fixture
def detail(qtbot: QtBot, agency: Onestop, tasks: Tasks, counter_state: QSettings) -> Iterator[object]:
    """Open the detail of ``code`` for ``who`` and wait until it shows the dossier."""
    opened: list[DossierDetailDialog] = []

    def open_(code: str, who: Actor) -> DossierDetailDialog:
        dialog = open_dossier(None, agency, who, tasks, code, counter_state)
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.steps.context is not None, timeout=5000)
        active(qtbot, dialog)
        opened.append(dialog)
        return dialog

    yield open_
    tasks.wait()  # (closing a detail stops its rating status line)
    QApplication.processEvents()


def active(qtbot: QtBot, form: object) -> None:
    """Wait until the form has the keyboard (the platform activates a new window a moment later)."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=5000)


def reloaded(qtbot: QtBot, dialog: DossierDetailDialog, status: str) -> None:
    qtbot.waitUntil(
        lambda: dialog.steps.context is not None and dialog.steps.context.view.status == status, timeout=5000
    )


# --------------------------------------------------------------------------- what is offered


def test_the_detail_offers_exactly_the_steps_this_user_may_take_now(
    agency: Onestop, clerk: Actor, detail
) -> None:  # type: ignore[no-untyped-def]
    code = receive(agency)
    dialog = detail(code, clerk)
    assert dialog.steps.visible_steps == ["transfer", "withdraw"]
    assert dialog.steps.buttons["transfer"].text() == "Chuyển xử lý… (Ctrl+T)"
    head = detail(code, actor(agency, "lanhdao"))
    assert head.steps.visible_steps == ["transfer", "extend", "refuse", "withdraw"]


def test_a_key_for_a_step_not_allowed_says_why_and_opens_nothing(
    qtbot: QtBot, agency: Onestop, clerk: Actor, detail
) -> None:  # type: ignore[no-untyped-def]
    dialog = detail(receive(agency, steps=("transfer",)), clerk)
    qtbot.keyClick(dialog, Qt.Key.Key_K, CTRL)  # «Báo có kết quả»: not a clerk's
    assert dialog.steps.message.text() == "Tài khoản này không có quyền báo có kết quả."
    qtbot.keyClick(dialog, Qt.Key.Key_R, CTRL)  # «Trả kết quả»: there is no result yet
    assert dialog.steps.message.text() == "Hồ sơ đang ở trạng thái «Đang xử lý»: không thể trả kết quả."
    assert dialog.steps.form is None


# --------------------------------------------------------------------------- the return at the counter


def test_a_scanned_receipt_of_a_ready_result_returns_with_enter_and_invites_a_rating(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, counter_state: QSettings, db_path: Path
) -> None:
    code = receive(agency, steps=("transfer", "result"), name="Lê Văn Tám")
    window = MainWindow(agency, clerk, tasks, counter_state)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.intake.picker, timeout=5000)
    scan(window.intake.picker, code)  # the receipt's barcode, whatever has the focus

    def opened() -> DossierDetailDialog | None:
        found = [d for d in window.findChildren(DossierDetailDialog) if d.code == code]
        return found[0] if found and found[0].steps.context is not None else None

    qtbot.waitUntil(lambda: opened() is not None, timeout=5000)
    dialog = opened()
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.steps.buttons["return"], timeout=5000)
    button = dialog.steps.buttons["return"]
    assert button.isDefault() and button.text() == "Trả kết quả (Ctrl+R)"

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    form = dialog.steps.form
    assert isinstance(form, ReturnForm)
    qtbot.waitExposed(form)
    assert form.receiver.text() == "Lê Văn Tám"  # the applicant, unless someone else came
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.ok_button, timeout=5000)
    with qtbot.waitSignal(dialog.steps.stepped, timeout=5000):
        qtbot.keyClick(form.ok_button, Qt.Key.Key_Return)
    reloaded(qtbot, dialog, "returned")
    assert dialog.status_label.text() == "Đã trả kết quả"
    assert dialog.steps.visible_steps == []
    last = dialog.history.rowCount() - 1
    assert dialog.history.item(last, 1).text() == "Trả kết quả"
    qtbot.waitUntil(lambda: bool(requests_rows(db_path)), timeout=5000)
    assert requests_rows(db_path) == [(code, "return", "tiepnhan1", STATION)]
    assert dialog.tabs.currentWidget() is dialog.ratings_page
    qtbot.waitUntil(lambda: dialog.rating_status.text() == "Đang chờ người dân đánh giá…", timeout=5000)
    assert window.intake.picker.text() == ""  # the scanned keys went nowhere else
    dialog.rating_status.stop()
    window.close()


# --------------------------------------------------------------------------- supplement, extend


def test_a_supplement_with_two_items_pauses_the_dossier_and_prints_form_02(
    qtbot: QtBot, agency: Onestop, detail
) -> None:  # type: ignore[no-untyped-def]
    officer = unit_officer(agency)
    dialog = detail(receive(agency, steps=("transfer",)), officer)
    assert "supplement" in dialog.steps.visible_steps
    qtbot.keyClick(dialog, Qt.Key.Key_B, CTRL)
    form = dialog.steps.form
    assert isinstance(form, SupplementForm)
    active(qtbot, form)

    pick = form.pick
    assert isinstance(pick, QComboBox) and pick.count() > 1
    first_document = pick.itemText(1)
    pick.activated.emit(1)  # chosen from the procedure's documents: the reason is edited next
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(editor, "Bản sao chưa chứng thực")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.table)  # the cell is stored
    qtbot.keyClick(form.table, Qt.Key.Key_Insert)  # a second document, typed
    type_text(QApplication.focusWidget(), "Giấy ủy quyền")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.table)
    form.table.edit_cell(1, 1)
    type_text(QApplication.focusWidget(), "Người nộp hộ chưa có giấy ủy quyền")  # Ctrl+Enter commits it
    assert form.table.rowCount() == 2
    with qtbot.waitSignal(dialog.steps.paper_ready, timeout=10_000) as paper:
        qtbot.keyClick(form, Qt.Key.Key_Return, CTRL)
    kind, pdf = paper.args
    assert kind == "02"
    text = pdf_text(pdf)
    for words in (first_document, "Bản sao chưa chứng thực", "Giấy ủy quyền", "chưa có giấy ủy quyền"):
        assert " ".join(words.split()[:3]) in text, words
    assert dialog.steps.preview is not None and dialog.steps.preview.isVisible()
    dialog.steps.preview.close()
    reloaded(qtbot, dialog, "waiting_supplement")
    assert dialog.status_label.text() == "Đang chờ bổ sung"
    assert dialog.history.item(dialog.history.rowCount() - 1, 1).text() == "Yêu cầu bổ sung"


def test_an_empty_supplement_request_is_named_in_its_form_and_nothing_is_written(
    qtbot: QtBot, agency: Onestop, detail
) -> None:  # type: ignore[no-untyped-def]
    code = receive(agency, steps=("transfer",))
    dialog = detail(code, unit_officer(agency))
    form = dialog.steps.start("supplement")
    assert isinstance(form, SupplementForm)
    form.submit()
    qtbot.waitUntil(lambda: form.error.isVisible(), timeout=5000)
    assert form.error.text() == "Yêu cầu bổ sung: ghi rõ giấy tờ cần bổ sung hoặc lý do."
    assert form.isVisible()
    assert agency.dossiers.dossier(code, actor=actor(agency, "lanhdao")).status == "processing"
    form.reject()


def test_a_re_appointment_is_allowed_once_then_its_button_is_gone(
    qtbot: QtBot, agency: Onestop, detail
) -> None:  # type: ignore[no-untyped-def]
    dialog = detail(receive(agency), actor(agency, "lanhdao"))
    qtbot.mouseClick(dialog.steps.buttons["extend"], Qt.MouseButton.LeftButton)
    form = dialog.steps.form
    assert isinstance(form, ExtendForm)
    active(qtbot, form)
    assert form.current.text() == "09:00 ngày 27/11/2026"
    assert "một lần" in form.findChild(type(form.current), "extendOnce").text()
    assert form.chosen() > dialog.steps.context.current_due  # a later moment is proposed
    form.reason.setFocus()
    type_text(form.reason, "Cần xác minh thêm tại địa phương")
    with qtbot.waitSignal(dialog.steps.paper_ready, timeout=10_000) as paper:
        form.ok_button.click()
    assert paper.args[0] == "04"
    assert "Cần xác minh thêm tại địa phương" in pdf_text(paper.args[1])
    dialog.steps.preview.close()
    qtbot.waitUntil(lambda: "gia hạn đến" in dialog.fields["due"].text(), timeout=5000)
    qtbot.waitUntil(lambda: "extend" not in dialog.steps.visible_steps, timeout=5000)
    assert dialog.steps.visible_steps == ["transfer", "refuse", "withdraw"]
    dialog.activateWindow()
    active(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_H, CTRL)
    assert dialog.steps.message.text() == "Hồ sơ đã được hẹn lại một lần; mỗi hồ sơ chỉ được hẹn lại một lần."


def test_the_control_sheet_prints_from_the_detail_at_any_time(
    qtbot: QtBot, agency: Onestop, clerk: Actor, detail
) -> None:  # type: ignore[no-untyped-def]
    code = receive(agency)
    dialog = detail(code, clerk)
    with qtbot.waitSignal(dialog.steps.paper_ready, timeout=10_000) as paper:
        qtbot.keyClick(dialog, Qt.Key.Key_6, CTRL)
    assert paper.args[0] == "06"
    assert code in pdf_text(paper.args[1])
    assert [a.objectName() for a in dialog.steps.papers_menu.actions()] == ["paper_06"]
    dialog.steps.preview.close()


def test_a_transfer_goes_to_the_procedures_unit_by_default_and_the_history_names_both_units(
    qtbot: QtBot, agency: Onestop, clerk: Actor, detail
) -> None:  # type: ignore[no-untyped-def]
    dialog = detail(receive(agency), clerk)
    form = dialog.steps.start("transfer")
    assert form is not None
    active(qtbot, form)
    assert form.unit.currentText() == "Công chức Tư pháp - Hộ tịch (đơn vị giải quyết của thủ tục)"
    with qtbot.waitSignal(dialog.steps.stepped, timeout=5000):
        qtbot.keyClick(form.note, Qt.Key.Key_Return)
    reloaded(qtbot, dialog, "processing")
    row = dialog.history.rowCount() - 1
    assert [dialog.history.item(row, c).text() for c in (1, 4)] == [
        "Chuyển hồ sơ",
        "Công chức Tư pháp - Hộ tịch",
    ]
    assert dialog.fields["unit"].text() == "Công chức Tư pháp - Hộ tịch"
    assert dialog.steps.message.text() == "Đã chuyển hồ sơ."


def test_the_history_says_how_a_step_went_against_its_units_allotted_time(
    qtbot: QtBot, agency: Onestop, clerk: Actor, detail
) -> None:  # type: ignore[no-untyped-def]
    """The counter may hold a dossier 4 working hours: a transfer at once reads «đúng hạn»; with no
    allotted time nothing is said."""
    from helpers import actor as account

    agency.catalog.set_unit_time("TTPVHCC", 4, actor=account(agency, "admin"))
    dialog = detail(receive(agency), clerk)
    form = dialog.steps.start("transfer")
    assert form is not None
    active(qtbot, form)
    with qtbot.waitSignal(dialog.steps.stepped, timeout=5000):
        qtbot.keyClick(form.note, Qt.Key.Key_Return)
    reloaded(qtbot, dialog, "processing")
    labels = [dialog.history.item(r, 1).text() for r in range(dialog.history.rowCount())]
    assert labels == ["Tiếp nhận hồ sơ", "Chuyển hồ sơ — đúng hạn"]
