"""The receiving screen, driven like a clerk drives it: keys into whatever has the focus.

Real services on a real SQLite file (the demo agency), the clock fixed at Monday 23/11/2026 09:00.
Vietnamese text is typed as key events (``type_text``); other keys go through ``qtbot.keyClick``, which
also triggers shortcuts such as Ctrl+Enter, as a real keyboard would.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers import actor, system, type_text, viewer, vn
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from onestop.clock import FixedClock
from onestop.db import engine
from onestop.services import Actor, Applicant, DocumentSpec, DossierFilter, Onestop, ReceiveRequest
from onestop.ui.intake import Catalog, ChecklistModel, IntakeView, ProcedureListModel
from onestop.ui.tasks import Tasks

CTRL = Qt.KeyboardModifier.ControlModifier
NAME = "Nguyễn Thị Thủy"
ADDRESS = "12 Nguyễn Lương Bằng, phường Liên Chiểu, Đà Nẵng"


# --------------------------------------------------------------------------- helpers


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(qtbot: QtBot, k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), k, modifiers)


def type_here(text: str) -> None:
    type_text(focused(), text)


def stored(svc: Onestop) -> list[str]:
    return [row.code for row in svc.dossiers.list_dossiers(DossierFilter(limit=100), actor=viewer(svc))]


@pytest.fixture
def make_view(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, ui_state: QSettings
) -> Iterator[Callable[[], IntakeView]]:
    views: list[IntakeView] = []

    def make() -> IntakeView:
        view = IntakeView(agency, clerk, tasks, ui_state)
        qtbot.addWidget(view)
        view.resize(1366, 700)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(lambda: view.catalog is not None, timeout=5000)
        view.focus_first()
        views.append(view)
        return view

    yield make
    for view in views:
        if view.preview_dialog is not None:
            view.preview_dialog.close()
    tasks.wait()
    QApplication.processEvents()


@pytest.fixture
def view(make_view: Callable[[], IntakeView]) -> IntakeView:
    return make_view()


def pick(qtbot: QtBot, view: IntakeView, words: str, *, downs: int = 0) -> None:
    """Type in the picker, move down ``downs`` rows, Enter; wait for the appointment."""
    view.focus_first()
    type_here(words)
    for _ in range(downs):
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    assert view.procedure is not None
    qtbot.waitUntil(lambda: view.appointment is not None, timeout=5000)


def close_message_box(
    view: QWidget, *, button: str, before_click: Callable[[QMessageBox], None]
) -> dict[str, Any]:
    """Answer the next message box the view opens (show_error uses exec(), so it is answered from a timer
    running inside that nested event loop)."""
    seen: dict[str, Any] = {}

    def answer() -> None:
        boxes = [b for b in view.findChildren(QMessageBox) if b.isVisible()]
        if not boxes:
            QTimer.singleShot(20, answer)
            return
        box = boxes[0]
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        before_click(box)
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(20, answer)
    return seen


# --------------------------------------------------------------------------- the whole flow


def test_keyboard_only_intake_stores_the_dossier_and_opens_the_receipt(
    qtbot: QtBot, view: IntakeView, agency: Onestop
) -> None:
    assert focused() is view.picker
    type_here("chung thuc")  # no accents, as clerks type
    assert view.picker_list.isVisible()
    assert [p.code for p in view.picker_model.items] == ["2.000815", "2.000884"]
    key(qtbot, Qt.Key.Key_Return)
    assert view.procedure is not None and view.procedure.code == "2.000815"
    assert focused() is view.name
    assert "Chứng thực" in view.procedure_info.text()
    assert view.fee.text().startswith("2.000 đồng/trang")

    type_here(NAME)
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.id_number
    type_here("001190012345")
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.phone
    type_here("0905 123 456")
    key(qtbot, Qt.Key.Key_Tab)
    type_here(ADDRESS)
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.email
    type_here("thuy.nguyen@example.vn")
    key(qtbot, Qt.Key.Key_Tab)

    assert focused() is view.checklist
    key(qtbot, Qt.Key.Key_Space)  # the required original is handed in
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)  # the count column of the optional copy
    type_here("2")  # a digit opens the spin box
    key(qtbot, Qt.Key.Key_Return)  # commits (queued by the delegate)
    qtbot.waitUntil(lambda: focused() is view.checklist)
    model = view.checklist_model
    assert [(d.checked, d.count) for d in model.rows] == [(True, 1), (True, 2)]

    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.sets
    key(qtbot, Qt.Key.Key_Up)  # 2 sets
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.result_channel
    key(qtbot, Qt.Key.Key_Down)  # by post
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.fee
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.fee_amount  # the amount charged, confirmed by the clerk
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.save_button

    with qtbot.waitSignal(view.received, timeout=5000) as received:
        key(qtbot, Qt.Key.Key_Return, CTRL)
    code = received.args[0]
    assert code == "H17.50.05.13-261123-0001"
    assert stored(agency) == [code]
    dossier = agency.dossiers.dossier(code, actor=viewer(agency))
    assert dossier.applicant == Applicant(
        NAME, "001190012345", "0905123456", ADDRESS, "thuy.nguyen@example.vn"
    )
    assert dossier.procedure_code == "2.000815"
    assert [(d.form, d.count) for d in dossier.documents] == [("bản chính", 1), ("bản chụp", 2)]
    assert dossier.sets == 2
    assert dossier.result_channel == "post"
    assert dossier.received_by == "tiepnhan1"
    assert dossier.due_at == vn(2026, 11, 23, 17, 0)

    # The form is empty for the next citizen; the receipt is on screen.
    assert view.picker.text() == "" and view.name.text() == "" and view.procedure is None
    qtbot.waitUntil(lambda: view.preview_dialog is not None and view.preview_dialog.isVisible(), timeout=5000)
    dialog = view.preview_dialog
    assert dialog is not None
    assert dialog.pdf_document.status() == QPdfDocument.Status.Ready
    assert dialog.pdf_document.pageCount() == 1
    assert code in dialog.pdf_document.getAllText(0).text()
    assert code in dialog.windowTitle()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.picker)


def test_second_citizen_gets_the_next_code_without_leaving_the_keyboard(
    qtbot: QtBot, view: IntakeView, agency: Onestop
) -> None:
    for expected, name in (("0001", "Trần Văn An"), ("0002", "Lê Thị Bích")):
        pick(qtbot, view, "trich luc")
        type_here(name)
        key(qtbot, Qt.Key.Key_Tab)
        for _ in range(4):
            key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_Space)
        with qtbot.waitSignal(view.received, timeout=5000) as received:
            key(qtbot, Qt.Key.Key_Return, CTRL)
        assert received.args[0].endswith(expected)
        qtbot.waitUntil(lambda: view.preview_dialog is not None and view.preview_dialog.isVisible())
        assert view.preview_dialog is not None
        qtbot.keyClick(view.preview_dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is view.picker)
    assert len(stored(agency)) == 2


def test_count_being_typed_is_saved_by_ctrl_enter(qtbot: QtBot, view: IntakeView, agency: Onestop) -> None:
    pick(qtbot, view, "2.000815")
    type_here(NAME)
    view.checklist.setFocus()
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)
    type_here("3")  # the spin box is still open
    assert view.checklist.state() == view.checklist.State.EditingState
    with qtbot.waitSignal(view.received, timeout=5000) as received:
        key(qtbot, Qt.Key.Key_Return, CTRL)
    assert [
        (d.name, d.count) for d in agency.dossiers.dossier(received.args[0], actor=viewer(agency)).documents
    ] == [("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", 3)]


# --------------------------------------------------------------------------- validation


def test_bad_id_number_and_phone_show_messages_beside_the_fields_and_store_nothing(
    qtbot: QtBot, view: IntakeView, agency: Onestop
) -> None:
    pick(qtbot, view, "chung thuc")
    type_here(NAME)
    key(qtbot, Qt.Key.Key_Tab)
    type_here("00119001234")  # 11 digits
    key(qtbot, Qt.Key.Key_Tab)  # leaving the field checks it
    id_error = view.errors["id_number"]
    assert id_error.isVisible()
    assert id_error.text() == "Số định danh cá nhân: phải gồm đúng 12 chữ số."
    assert view.id_number.property("invalid") is True
    type_here("090512")
    key(qtbot, Qt.Key.Key_Tab)
    assert view.errors["phone"].isVisible()
    assert view.errors["phone"].text().startswith("Số điện thoại:")
    assert view.phone.property("invalid") is True
    assert not view.errors["name"].isVisible()

    view.checklist.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.wait(100)
    assert stored(agency) == []
    assert focused() is view.id_number  # the first wrong field
    assert view.name.text() == NAME  # nothing typed is lost

    # Correcting the number clears its message as soon as it is valid.
    view.id_number.end(False)
    type_here("5")
    assert view.id_number.property("invalid") is False
    assert not id_error.isVisible()


def test_tabbing_past_an_empty_field_marks_nothing_red(qtbot: QtBot, view: IntakeView) -> None:
    pick(qtbot, view, "chung thuc")
    assert focused() is view.name
    for _ in range(4):  # name, identity number, phone, address: left empty
        key(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.email
    assert not any(view.errors[k].isVisible() for k in ("name", "id_number", "phone", "address"))
    assert view.name.property("invalid") is not True


def test_empty_name_and_no_procedure_are_named(qtbot: QtBot, view: IntakeView, agency: Onestop) -> None:
    key(qtbot, Qt.Key.Key_Return, CTRL)
    assert view.picker_error.isVisible()
    assert view.picker_error.text().startswith("Thủ tục:")
    assert view.errors["name"].text() == "Họ và tên: không được để trống."
    assert focused() is view.picker
    assert stored(agency) == []


def test_required_document_not_ticked_stops_the_save_and_names_it(
    qtbot: QtBot, view: IntakeView, agency: Onestop
) -> None:
    pick(qtbot, view, "khai sinh")
    assert view.procedure is not None and view.procedure.code == "1.001193"
    type_here(NAME)
    view.checklist.setFocus()
    key(qtbot, Qt.Key.Key_Space)  # only the declaration is ticked
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.wait(100)
    assert stored(agency) == []
    message = view.documents_error.text()
    assert view.documents_error.isVisible()
    assert "Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh" in message
    assert "Giấy tờ tùy thân của người đi đăng ký" in message
    assert "Tờ khai đăng ký khai sinh" not in message
    assert focused() is view.checklist
    assert view.checklist.currentIndex().row() == 1  # on the first missing document

    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Space)
    with qtbot.waitSignal(view.received, timeout=5000):
        key(qtbot, Qt.Key.Key_Return, CTRL)
    assert len(stored(agency)) == 1


def test_service_rejection_is_shown_beside_its_field_and_the_checklist_refreshed(
    qtbot: QtBot, view: IntakeView, agency: Onestop
) -> None:
    pick(qtbot, view, "2.000635")
    type_here(NAME)
    view.checklist.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    # Meanwhile the administrator adds a required document to the procedure (a new version).
    current = agency.catalog.procedure("2.000635")
    extra = DocumentSpec("Giấy ủy quyền (nếu nhờ người khác nộp)", "bản chính", 1, True)
    agency.catalog.update_procedure(
        "2.000635",
        time_unit=current.limit.unit,
        time_value=current.limit.value,
        cutoff="15:00",
        documents=[*current.documents, extra],
        actor=system(agency),
    )
    key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(view.documents_error.isVisible, timeout=5000)
    assert view.documents_error.text() == f"Thiếu giấy tờ bắt buộc: {extra.name}."
    assert stored(agency) == []
    qtbot.waitUntil(lambda: view.checklist_model.rowCount() == 2, timeout=5000)
    assert [(d.spec.name, d.checked) for d in view.checklist_model.rows] == [
        (current.documents[0].name, True),  # still ticked
        (extra.name, False),
    ]
    assert view.name.text() == NAME


# --------------------------------------------------------------------------- the appointment


def test_appointment_shows_at_once_and_moves_when_the_cutoff_passes(
    qtbot: QtBot, view: IntakeView, clock: FixedClock
) -> None:
    assert view.appointment_label.text() == "Chọn thủ tục để xem ngày hẹn trả"
    pick(qtbot, view, "chung thuc")
    assert view.appointment_label.text() == "Hẹn trả: 17 giờ 00 phút, thứ Hai, ngày 23/11/2026"
    assert view.skipped_label.text() == ""

    # Recomputed just after every whole minute of the agency's clock: at 14:59:58, in 2 s.
    assert view.refresh_timer.isActive() and view.refresh_timer.interval() == 60_050
    clock.at = vn(2026, 11, 23, 15, 0) + timedelta(seconds=58)  # 15:00 is still on time
    view._schedule_refresh()
    assert view.refresh_timer.interval() == 2_050
    clock.at = vn(2026, 11, 23, 15, 1)  # the form stayed open past the 15:00 cut-off
    with qtbot.waitSignal(view.refresh_timer.timeout, timeout=5000):
        pass
    qtbot.waitUntil(lambda: "25/11/2026" in view.appointment_label.text(), timeout=5000)
    assert view.appointment_label.text() == "Hẹn trả: 17 giờ 00 phút, thứ Tư, ngày 25/11/2026"
    assert "24/11: Ngày Văn hóa Việt Nam" in view.skipped_label.text()
    assert "15:01" in view.appointment_note.text()
    assert view.refresh_timer.isActive()  # and again at the next minute


def test_an_appointment_moved_since_the_clerk_saw_it_is_said_before_the_receipt(
    qtbot: QtBot, view: IntakeView, clock: FixedClock, agency: Onestop
) -> None:
    clock.at = vn(2026, 11, 23, 14, 59)
    pick(qtbot, view, "chung thuc")
    qtbot.waitUntil(lambda: "23/11/2026" in view.appointment_label.text(), timeout=5000)
    view.name.setText(NAME)
    view.checklist_model.toggle(0)
    clock.at = vn(2026, 11, 23, 15, 1, 20)  # saved just after the cut-off, before the screen's refresh
    seen = close_message_box(view, button="OK", before_click=lambda box: None)
    with qtbot.waitSignal(view.received, timeout=5000) as received:
        view.save()
    qtbot.waitUntil(lambda: "text" in seen, timeout=5000)
    assert received.args[0] in seen["text"]
    assert "15:01" in seen["text"]
    assert "thứ Tư, ngày 25/11/2026" in seen["text"] and "thứ Hai, ngày 23/11/2026" in seen["text"]
    qtbot.waitUntil(lambda: view.preview_dialog is not None and view.preview_dialog.isVisible(), timeout=5000)
    assert agency.dossiers.dossier(received.args[0], actor=viewer(agency)).due_at == vn(2026, 11, 25, 17, 0)


def test_no_word_when_the_appointment_saved_is_the_one_shown(
    qtbot: QtBot, view: IntakeView, clock: FixedClock
) -> None:
    pick(qtbot, view, "chung thuc")
    qtbot.waitUntil(lambda: "23/11/2026" in view.appointment_label.text(), timeout=5000)
    view.name.setText(NAME)
    view.checklist_model.toggle(0)
    with qtbot.waitSignal(view.received, timeout=5000):
        view.save()
    assert not [b for b in view.findChildren(QMessageBox) if b.isVisible()]


def test_working_days_procedure_shows_its_limit(qtbot: QtBot, view: IntakeView) -> None:
    pick(qtbot, view, "tam tru")
    assert view.procedure is not None and view.procedure.code == "1.004194"
    assert "03 ngày làm việc" in view.procedure_info.text()
    # Monday 09:00 + 3 working days, Tuesday 24/11 a holiday: Friday 09:00.
    assert view.appointment_label.text() == "Hẹn trả: 09 giờ 00 phút, thứ Sáu, ngày 27/11/2026"
    assert "24/11: Ngày Văn hóa Việt Nam" in view.skipped_label.text()


# --------------------------------------------------------------------------- fill-in from a known id number


def test_known_id_number_offers_to_fill_in_and_never_overwrites_silently(
    qtbot: QtBot, make_view: Callable[[], IntakeView], agency: Onestop, clerk: Actor
) -> None:
    agency.intake.receive(
        ReceiveRequest("2.000884", Applicant(NAME, "001190012345", "0905123456", ADDRESS, "thuy@example.vn")),
        actor=clerk,
    )
    view = make_view()
    pick(qtbot, view, "khai tu")
    type_here("Nguyễn Thị")  # the clerk started typing the name
    key(qtbot, Qt.Key.Key_Tab)
    type_here("001190012345")
    qtbot.waitUntil(lambda: view.offer_bar.isVisible(), timeout=5000)
    assert NAME in view.offer_text.text() and "0905123456" in view.offer_text.text()
    assert view.offer_fill.text() == "Điền theo hồ sơ trước (Ctrl+D)"
    assert view.name.text() == "Nguyễn Thị" and view.phone.text() == ""  # nothing filled yet

    key(qtbot, Qt.Key.Key_D, CTRL)
    assert (view.name.text(), view.phone.text(), view.address.text(), view.email.text()) == (
        NAME,
        "0905123456",
        ADDRESS,
        "thuy@example.vn",
    )
    assert view.id_number.text() == "001190012345"
    assert not view.offer_bar.isVisible()
    assert focused() is view.id_number


def test_fill_in_offer_can_be_dismissed(
    qtbot: QtBot, make_view: Callable[[], IntakeView], agency: Onestop, clerk: Actor
) -> None:
    agency.intake.receive(
        ReceiveRequest("2.000884", Applicant(NAME, "001190012345", "0905123456")), actor=clerk
    )
    view = make_view()
    view.id_number.setFocus()
    type_here("001 190 012 345")  # spaces as printed on the card
    qtbot.waitUntil(lambda: view.offer_bar.isVisible(), timeout=5000)
    qtbot.mouseClick(view.offer_skip, Qt.MouseButton.LeftButton)
    assert not view.offer_bar.isVisible()
    key(qtbot, Qt.Key.Key_D, CTRL)  # no offer: nothing happens
    assert view.name.text() == "" and view.phone.text() == ""


def test_unknown_id_number_offers_nothing(qtbot: QtBot, view: IntakeView, tasks: Tasks) -> None:
    view.id_number.setFocus()
    type_here("079201000001")
    tasks.wait()
    qtbot.wait(50)
    assert not view.offer_bar.isVisible()


# --------------------------------------------------------------------------- the picker


def test_picker_lists_the_clerks_most_used_procedures_first(
    qtbot: QtBot, make_view: Callable[[], IntakeView], agency: Onestop, clerk: Actor
) -> None:
    for _ in range(2):
        agency.intake.receive(ReceiveRequest("2.000884", Applicant("Trần Văn An")), actor=clerk)
    other = actor(agency, "tiepnhan2")
    for _ in range(5):
        agency.intake.receive(ReceiveRequest("2.000908", Applicant("Trần Văn An")), actor=other)
    view = make_view()
    type_here("chung thuc")
    assert [p.code for p in view.picker_model.items] == ["2.000884", "2.000815"]
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    assert view.procedure is not None and view.procedure.code == "2.000815"


def test_picker_escape_keeps_the_chosen_procedure(qtbot: QtBot, view: IntakeView) -> None:
    pick(qtbot, view, "2.000908")
    view.focus_first()
    type_here("ket hon")
    assert view.picker_list.isVisible()
    key(qtbot, Qt.Key.Key_Escape)
    assert not view.picker_list.isVisible()
    assert view.procedure is not None and view.procedure.code == "2.000908"
    assert view.picker.text().startswith("2.000908 — ")


def test_picker_says_when_nothing_matches(qtbot: QtBot, view: IntakeView) -> None:
    type_here("xyz khong co")
    assert not view.picker_list.isVisible()
    assert view.picker_error.text() == "Thủ tục: không có thủ tục nào khớp «xyz khong co»."


def test_catalog_matching_is_accent_insensitive_by_word_prefix(agency: Onestop) -> None:
    catalog = Catalog(agency.catalog.procedures(), {"2.000884": 1})

    def codes(text: str) -> list[str]:
        return [p.code for p in catalog.match(text)]

    assert codes("Chứng Thực") == ["2.000884", "2.000815"]
    assert codes("chu thu") == ["2.000884", "2.000815"]  # prefixes of words
    assert codes("hung thuc") == []  # not the middle of a word
    assert codes("dang ky ket hon") == ["1.000894"]  # đ folds to d
    assert codes("2.000815")[0] == "2.000815"
    assert codes("000815") == ["2.000815"]
    assert len(codes("")) == len(catalog)


def test_ctrl_n_clears_the_form(qtbot: QtBot, view: IntakeView) -> None:
    pick(qtbot, view, "chung thuc")
    type_here(NAME)
    view.checklist.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_N, CTRL)
    assert view.procedure is None and view.picker.text() == "" and view.name.text() == ""
    assert view.checklist_model.rowCount() == 0
    assert view.appointment_label.text() == "Chọn thủ tục để xem ngày hẹn trả"
    assert focused() is view.picker


def test_models_pass_the_model_tester(qtmodeltester, agency: Onestop) -> None:  # type: ignore[no-untyped-def]
    procs = agency.catalog.procedures()
    matches = ProcedureListModel()
    matches.set_items(procs)
    qtmodeltester.check(matches)
    checklist = ChecklistModel()
    checklist.set_documents(procs[4].documents)
    qtmodeltester.check(checklist)
    checklist.toggle(0)
    assert checklist.submitted()[0].name == procs[4].documents[0].name
    assert not checklist.setData(checklist.index(0, ChecklistModel.COUNT), 100)
    assert not checklist.setData(checklist.index(0, ChecklistModel.FORM), "bản nháp")


# --------------------------------------------------------------------------- a locked database


def test_locked_database_keeps_what_was_typed_and_retries(
    qtbot: QtBot, view: IntakeView, agency: Onestop, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(engine, "WRITE_RETRIES", 1)
    agency.db.dispose()  # new connections take the short busy timeout

    pick(qtbot, view, "chung thuc")
    type_here(NAME)
    key(qtbot, Qt.Key.Key_Tab)
    type_here("001190012345")
    view.checklist.setFocus()
    key(qtbot, Qt.Key.Key_Space)

    other_counter = sqlite3.connect(db_path, isolation_level=None)
    other_counter.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    form_while_shown: dict[str, Any] = {}

    def release_and_look(_box: QMessageBox) -> None:
        form_while_shown["name"] = view.name.text()
        form_while_shown["stored"] = stored(agency)
        other_counter.execute("ROLLBACK")

    seen = close_message_box(view, button="Thử lại", before_click=release_and_look)
    with qtbot.waitSignal(view.received, timeout=10_000) as received:
        key(qtbot, Qt.Key.Key_Return, CTRL)
    other_counter.close()

    assert "Cơ sở dữ liệu đang bị khóa" in seen["text"]
    assert "Thử lại" in seen["buttons"]
    assert form_while_shown == {"name": NAME, "stored": []}
    assert stored(agency) == [received.args[0]]
    assert agency.dossiers.dossier(received.args[0], actor=viewer(agency)).applicant.name == NAME


def test_locked_database_closed_message_leaves_the_form_as_typed(
    qtbot: QtBot, view: IntakeView, agency: Onestop, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(engine, "WRITE_RETRIES", 1)
    agency.db.dispose()
    pick(qtbot, view, "chung thuc")
    type_here(NAME)
    view.checklist.setFocus()
    key(qtbot, Qt.Key.Key_Space)

    other_counter = sqlite3.connect(db_path, isolation_level=None)
    other_counter.execute("BEGIN IMMEDIATE")
    try:
        seen = close_message_box(view, button="Đóng", before_click=lambda _box: None)
        key(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: "text" in seen and not view.saving, timeout=10_000)
    finally:
        other_counter.execute("ROLLBACK")
        other_counter.close()
    assert "Cơ sở dữ liệu đang bị khóa" in seen["text"]
    assert view.name.text() == NAME
    assert view.procedure is not None and view.procedure.code == "2.000815"
    assert view.checklist_model.rows[0].checked
    assert view.save_button.isEnabled()
    assert stored(agency) == []


# --------------------------------------------------------------------------- guidance without receiving


def test_guidance_at_the_counter_prints_form_02_from_the_unticked_required_documents_and_receives_nothing(
    qtbot: QtBot, agency: Onestop, view: IntakeView
) -> None:
    from onestop.ui.guidance import CounterGuidanceDialog

    pick(qtbot, view, "khai sinh")  # 1.001193: three required documents
    type_text(view.name, NAME)
    view.checklist.setFocus()
    key(qtbot, Qt.Key.Key_Space)  # the first is handed in; the other two are missing
    key(qtbot, Qt.Key.Key_G, CTRL)
    dialog = view.guidance_dialog
    assert isinstance(dialog, CounterGuidanceDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    assert dialog.name.text() == NAME
    assert dialog.table.pairs() == [
        ("Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh", "Chưa có trong hồ sơ"),
        ("Giấy tờ tùy thân của người đi đăng ký", "Chưa có trong hồ sơ"),
    ]
    dialog.table.edit_cell(1, 1)  # the clerk says why, in their words
    editor = focused()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    type_here("Căn cước đã hết hạn")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focused() is dialog.table, timeout=5000)
    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return, CTRL)
    assert dialog.preview is not None and dialog.preview.isVisible()
    pdf = dialog.preview.pdf_document  # what the preview shows is what prints
    text = " ".join(pdf.getAllText(p).text() for p in range(pdf.pageCount()))
    assert "PHIẾU YÊU CẦU BỔ SUNG" in text and NAME in text
    assert "Giấy chứng sinh" in text and "Căn cước đã hết hạn" in text
    assert "Mã hồ sơ" not in text  # no dossier, no code
    dialog.preview.close()
    assert stored(agency) == []  # nothing received
    assert view.name.text() == NAME and view.procedure is not None  # the form is as it was


def test_guidance_without_a_procedure_says_to_choose_one(qtbot: QtBot, view: IntakeView) -> None:
    key(qtbot, Qt.Key.Key_G, CTRL)
    assert view.guidance_dialog is None
    assert view.picker_error.text() == "Thủ tục: chọn thủ tục trước khi in hướng dẫn bổ sung (Mẫu 02)."
    assert focused() is view.picker


# --------------------------------------------------------------------------- organisations, amounts, names


def stored_fee_amount(svc: Onestop, code: str) -> int | None:
    from sqlalchemy import text

    with svc.db.read() as conn:
        value = conn.execute(
            text("SELECT fee_amount FROM dossiers WHERE code = :c"), {"c": code}
        ).scalar_one()
    return None if value is None else int(value)


def test_an_organisation_is_received_with_its_tax_code_and_the_amount_the_clerk_confirms(
    qtbot: QtBot, view: IntakeView, agency: Onestop
) -> None:
    pick(qtbot, view, "chung thuc")
    assert not view.tax_code.isVisibleTo(view)  # a person has no tax code
    view.applicant_kind.setCurrentIndex(view.applicant_kind.findData("organisation"))
    assert view.tax_code.isVisibleTo(view) and view.name_label.text() == "Tên &tổ chức (*):"
    view.name.setText("Công ty TNHH Xây dựng A&B (chi nhánh số 2)")
    view.tax_code.setText("0100233489")  # a wrong check digit
    view.checklist_model.toggle(0)
    view.fee_amount.setText("6.000")
    view.save()
    qtbot.wait(100)
    assert stored(agency) == []
    assert view.errors["tax_code"].isVisible() and view.errors["tax_code"].text().startswith("Mã số thuế:")
    assert focused() is view.tax_code

    view.tax_code.setText("0100233488")
    with qtbot.waitSignal(view.received, timeout=5000) as received:
        view.save()
    code = received.args[0]
    dossier = agency.dossiers.dossier(code, actor=viewer(agency))
    assert dossier.applicant.kind == "organisation"
    assert dossier.applicant.tax_code == "0100233488"
    assert dossier.applicant.name == "Công ty TNHH Xây dựng A&B (chi nhánh số 2)"
    assert stored_fee_amount(agency, code) == 6000


def test_an_amount_that_is_not_a_number_is_named_and_nothing_is_saved(
    qtbot: QtBot, view: IntakeView, agency: Onestop
) -> None:
    pick(qtbot, view, "chung thuc")
    view.name.setText(NAME)
    view.checklist_model.toggle(0)
    view.fee_amount.setText("năm nghìn")
    view.save()
    qtbot.wait(100)
    assert stored(agency) == []
    assert view.errors["fee_amount"].text().startswith("Số tiền thu:")
    assert focused() is view.fee_amount


@pytest.mark.parametrize(
    ("answer", "saved_as"),
    [("Dùng «Nguyen Van An»", "Nguyen Van An"), ("Giữ như đã gõ", "nguyen van an"), ("Gõ lại", None)],
)
def test_a_name_in_lower_case_without_diacritics_is_offered_a_fix_never_changed_silently(
    qtbot: QtBot, view: IntakeView, agency: Onestop, answer: str, saved_as: str | None
) -> None:
    pick(qtbot, view, "chung thuc")
    view.name.setText("nguyen van an")
    view.checklist_model.toggle(0)
    seen = close_message_box(view, button=answer, before_click=lambda box: None)
    if saved_as is None:
        view.save()
        qtbot.waitUntil(lambda: "text" in seen, timeout=5000)
        qtbot.wait(100)
        assert stored(agency) == []
        assert view.window().focusWidget() is view.name and view.name.text() == "nguyen van an"
    else:
        with qtbot.waitSignal(view.received, timeout=5000) as received:
            view.save()
        assert agency.dossiers.dossier(received.args[0], actor=viewer(agency)).applicant.name == saved_as
    assert "chưa có dấu và chưa viết hoa" in seen["text"]
    assert seen["buttons"] == ["Dùng «Nguyen Van An»", "Giữ như đã gõ", "Gõ lại"]
