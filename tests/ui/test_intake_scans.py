"""Digitising in the receiving form: F12 on a checklist row scans its paper before the dossier exists,
the pages are attached when it is saved; F11 reuses an earlier scan of the same applicant's paper."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import actor, type_text, viewer
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from scan_samples import page_png, sane_test_config, text_pdf, write

from onestop.pages import Source
from onestop.services import Actor, Applicant, Onestop, ReceiveRequest
from onestop.ui.intake import ChecklistModel, IntakeView
from onestop.ui.scan_dialog import ScanDialog
from onestop.ui.tasks import Tasks

CTRL = Qt.KeyboardModifier.ControlModifier
BIRTH = "1.001193"  # three required documents
ID_A, ID_B = "048090000123", "048090000124"


@pytest.fixture
def view(
    qtbot: QtBot,
    agency: Onestop,
    clerk: Actor,
    tasks: Tasks,
    ui_state: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[IntakeView]:
    monkeypatch.setenv("SANE_CONFIG_DIR", str(sane_test_config(tmp_path / "sane")))  # no hardware probing
    view = IntakeView(agency, clerk, tasks, ui_state)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: view.catalog is not None and view.scans.allowed, timeout=5000)
    yield view
    if view.preview_dialog is not None:
        view.preview_dialog.close()
    tasks.wait()
    QApplication.processEvents()


def fill(qtbot: QtBot, view: IntakeView, agency: Onestop, id_number: str) -> None:
    view.choose_procedure(agency.catalog.procedure(BIRTH))
    type_text(view.name, "Lê Văn An")
    type_text(view.id_number, id_number)
    view.checklist.setFocus()
    for row in range(view.checklist_model.rowCount()):
        view.checklist.setCurrentIndex(view.checklist_model.index(row, 0))
        if not view.checklist_model.rows[row].checked:
            qtbot.keyClick(view.checklist, Qt.Key.Key_Space)


def digital(view: IntakeView, row: int) -> str:
    return str(view.checklist_model.index(row, ChecklistModel.DIGITAL).data() or "")


def save(qtbot: QtBot, view: IntakeView) -> str:
    with qtbot.waitSignal(view.received, timeout=20_000) as received:
        qtbot.keyClick(view.checklist, Qt.Key.Key_Return, CTRL)
    return str(received.args[0])


def test_pages_scanned_before_saving_are_attached_to_the_dossier(
    qtbot: QtBot, view: IntakeView, agency: Onestop, tmp_path: Path
) -> None:
    view.choose_procedure(agency.catalog.procedure(BIRTH))
    type_text(view.name, "Lê Văn An")
    view.checklist.setFocus()
    view.checklist.setCurrentIndex(view.checklist_model.index(1, 0))
    assert not view.checklist_model.rows[1].checked
    assert "F12" in view.scans.scan_button.text() and "F12" in view.scans.scan_button.toolTip()
    qtbot.keyClick(view.checklist, Qt.Key.Key_F12)
    dialog = view.scans.dialog
    assert isinstance(dialog, ScanDialog) and dialog.isVisible()
    dialog.add_files([write(tmp_path, "giay.pdf", text_pdf(2)), write(tmp_path, "trang.png", page_png())])
    qtbot.waitUntil(lambda: dialog.pages.count() == 3 and not dialog.busy, timeout=20_000)
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        qtbot.keyClick(dialog.pages, Qt.Key.Key_Return, CTRL)
    assert view.checklist_model.rows[1].checked  # scanned: handed in
    assert digital(view, 1) == "Đã quét 3 trang"
    view.checklist_model.toggle(1)  # unticked: its scan would not be stored, and the row says so
    assert digital(view, 1) == "Đã quét 3 trang — chưa đánh dấu"
    assert view.scans.plan(view.checklist_model.submitted()) == []
    view.checklist_model.toggle(1)
    assert digital(view, 1) == "Đã quét 3 trang"
    fill(qtbot, view, agency, ID_A)  # (choosing the procedure again drops the scan: scan once more)
    assert digital(view, 1) == ""
    view.checklist.setCurrentIndex(view.checklist_model.index(2, 0))
    first = dialog
    qtbot.keyClick(view.checklist, Qt.Key.Key_F12)
    dialog = view.scans.dialog
    assert dialog is not None and dialog is not first, (QApplication.activeWindow(), first.isVisible())
    dialog.add_files([write(tmp_path, "trang.png", page_png())])
    qtbot.waitUntil(lambda: dialog.pages.count() == 1 and not dialog.busy, timeout=20_000)
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.save_button.click()
    code = save(qtbot, view)
    stored = agency.digitisation.attachments(code, actor=viewer(agency))
    assert [(a.document, a.pages) for a in stored] == [(3, 1)]
    assert digital(view, 2) == ""  # the form is empty for the next citizen
    assert agency.integrity.verify().ok


def test_reuse_is_offered_for_the_same_identity_number_and_not_another(
    qtbot: QtBot, view: IntakeView, agency: Onestop
) -> None:
    clerk = actor(agency, "tiepnhan1")
    earlier = agency.intake.receive(ReceiveRequest(BIRTH, Applicant("Lê Văn An", ID_A)), actor=clerk).code
    scanned = agency.digitisation.attach(earlier, [Source("a.png", page_png())], document=2, actor=clerk)

    fill(qtbot, view, agency, ID_B)
    view.scans.lookup()
    qtbot.wait(300)
    view.tasks.wait()
    QApplication.processEvents()
    assert [digital(view, r) for r in range(3)] == ["", "", ""]
    assert not view.scans.reuse_button.isEnabled() and not view.scans.note.isVisible()

    view.id_number.clear()
    type_text(view.id_number, ID_A)
    qtbot.waitUntil(lambda: digital(view, 1).startswith("♻"), timeout=5000)
    assert [digital(view, r) for r in (0, 2)] == ["", ""]
    assert view.scans.note.isVisible() and "F11" in view.scans.note.text()
    assert earlier in str(
        view.checklist_model.index(1, ChecklistModel.DIGITAL).data(Qt.ItemDataRole.ToolTipRole)
    )
    view.checklist.setFocus()
    view.checklist.setCurrentIndex(view.checklist_model.index(1, 0))
    qtbot.keyClick(view.checklist, Qt.Key.Key_F11)
    assert digital(view, 1) == f"Dùng lại: {earlier} (1 trang)"
    code = save(qtbot, view)
    stored = agency.digitisation.attachments(code, actor=viewer(agency))
    assert [(a.document, a.sha256, a.reused_from) for a in stored] == [(2, scanned.sha256, earlier)]
    assert agency.integrity.verify().ok


def test_typing_in_the_form_goes_on_while_a_scan_waits_and_stop_keeps_nothing(
    qtbot: QtBot, view: IntakeView, agency: Onestop, tmp_path: Path
) -> None:
    folder = tmp_path / "may-quet"
    folder.mkdir()
    agency.config.set_settings({"scan.device": f"folder:{folder}"}, actor=actor(agency, "admin"))
    view.choose_procedure(agency.catalog.procedure(BIRTH))
    view.checklist.setFocus()
    view.checklist.setCurrentIndex(view.checklist_model.index(0, 0))
    qtbot.keyClick(view.checklist, Qt.Key.Key_F12)
    dialog = view.scans.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.device.currentData() == f"folder:{folder}", timeout=10_000)
    dialog.scan_button.click()  # nothing in the folder yet: the scan waits for the network scanner
    qtbot.waitUntil(lambda: dialog.stop_button.isEnabled(), timeout=5000)
    assert view.tasks.pending() == 0  # the application's threads stay free for the form
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=5000)
    view.name.setFocus()
    type_text(view.name, "Lê Văn An")
    assert view.name.text() == "Lê Văn An" and dialog.busy
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.status.text() == "Đã hủy quét: không lưu gì."
    assert dialog.pages.count() == 0 and digital(view, 0) == ""


def test_an_organisations_papers_are_offered_by_its_tax_code(
    qtbot: QtBot, view: IntakeView, agency: Onestop
) -> None:
    clerk = actor(agency, "tiepnhan1")
    coop = Applicant("Hợp tác xã Nông nghiệp số 2", kind="organisation", tax_code="0100109106")
    earlier = agency.intake.receive(ReceiveRequest("1.001612", coop), actor=clerk).code
    agency.digitisation.attach(earlier, [Source("a.png", page_png())], document=1, actor=clerk)
    view.applicant_kind.setCurrentIndex(view.applicant_kind.findData("organisation"))
    view.choose_procedure(agency.catalog.procedure("1.001612"))
    type_text(view.tax_code, "0100109106")
    qtbot.waitUntil(lambda: digital(view, 0).startswith("♻"), timeout=5000)
