"""The scan dialog, driven like a clerk: files added (as the file picker or a drop hands them over),
pages moved, turned and removed by key, saved; the stored PDF read back with poppler. SANE's virtual
``test`` scanner through the dialog; a screenshot with real thumbnails."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from helpers import actor, viewer
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from scan_samples import (
    needs_pdfimages,
    needs_sane,
    network_scanner_folder,
    page_png,
    pdf_info,
    pdf_page_sizes,
    photo_jpeg,
    sane_test_config,
    text_pdf,
    tiff_pages,
    write,
)

from onestop.changes import Changes
from onestop.pages import Source
from onestop.services import Actor, Applicant, Onestop, ReceiveRequest
from onestop.ui.scan_dialog import ScanDialog
from onestop.ui.tasks import Tasks

CTRL = Qt.KeyboardModifier.ControlModifier
NO_KEYS = Qt.KeyboardModifier.NoModifier
ID_A = "048090000123"


@pytest.fixture(autouse=True)
def _sane_test_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SANE sees only its virtual test scanner (no probing of the machine's hardware)."""
    monkeypatch.setenv("SANE_CONFIG_DIR", str(sane_test_config(tmp_path / "sane")))


def receive(svc: Onestop, id_number: str = ID_A) -> str:
    request = ReceiveRequest("1.001193", Applicant("Lê Văn An", id_number))
    return svc.intake.receive(request, actor=actor(svc, "tiepnhan1")).code


def dialog_for(
    qtbot: QtBot, svc: Onestop, clerk: Actor, tasks: Tasks, code: str, document: int
) -> ScanDialog:
    dialog = ScanDialog(
        svc,
        clerk,
        tasks,
        what=f"Hồ sơ {code} — thành phần {document}",
        commit=lambda built: svc.digitisation.attach(
            code, [Source("so-hoa.pdf", built.pdf)], document=document, actor=clerk
        ),
        changes=Changes.DOSSIERS,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.device.count() > 0 and not dialog.work.pending(), timeout=10_000)
    return dialog


def add(qtbot: QtBot, dialog: ScanDialog, paths: list[Path], pages: int) -> None:
    dialog.add_files(paths)
    qtbot.waitUntil(lambda: dialog.pages.count() == pages and not dialog.busy, timeout=20_000)


def pdf_rotations(pdf: Path) -> list[int]:
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return [int(r) for r in re.findall(r"^Page\s+\d+ rot:\s+(\d+)", out, re.M)]


@needs_pdfimages
def test_files_added_moved_turned_deleted_and_saved(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, tmp_path: Path
) -> None:
    code = receive(agency)
    dialog = dialog_for(qtbot, agency, clerk, tasks, code, 2)
    files = [
        write(tmp_path, "trang1.png", page_png()),
        write(tmp_path, "anh.jpg", photo_jpeg()),  # wider than high: a landscape page
        write(tmp_path, "hai-trang.tiff", tiff_pages(2)),
        write(tmp_path, "email.pdf", text_pdf(2)),
    ]
    add(qtbot, dialog, files, 6)
    assert dialog.count_label.text() == "6 trang"
    assert [p.origin for p in dialog.pages.pages()] == [
        "trang1.png",
        "anh.jpg",
        "hai-trang.tiff",
        "hai-trang.tiff",
        "email.pdf",
        "email.pdf",
    ]
    assert not dialog.pages.item(0).icon().isNull()

    # The photo first (Ctrl+↑ on page 2), turned upright (Ctrl+R), the TIFF's blank second page removed.
    dialog.pages.setFocus()
    dialog.pages.setCurrentRow(1)
    qtbot.keyClick(dialog.pages, Qt.Key.Key_Up, CTRL)
    assert [p.origin for p in dialog.pages.pages()][:2] == ["anh.jpg", "trang1.png"]
    qtbot.keyClick(dialog.pages, Qt.Key.Key_R, CTRL)
    assert dialog.pages.pages()[0].rotation == 90
    assert dialog.pages.item(0).text() == "Trang 1 · xoay 90°"
    # Dragging a page: the view moves the model's row (QListView's internal move), or carries the
    # item through its MIME data; either way the page goes with it.
    model = dialog.pages.model()
    assert model.moveRow(QModelIndex(), 5, QModelIndex(), 4)  # the PDF's second page before its first
    assert [p.origin for p in dialog.pages.pages()][3:] == ["hai-trang.tiff", "email.pdf", "email.pdf"]
    assert [p.index for p in dialog.pages.pages()][4:] == [1, 0]
    assert dialog.pages.item(4).text() == "Trang 5"
    assert model.moveRow(QModelIndex(), 5, QModelIndex(), 4)  # and back
    carried = model.mimeData([model.index(1, 0)])
    assert model.dropMimeData(carried, Qt.DropAction.CopyAction, 6, 0, QModelIndex())
    assert dialog.pages.page_at(6) is dialog.pages.page_at(1)
    model.removeRow(6)
    dialog.pages.setCurrentRow(3)
    qtbot.keyClick(dialog.pages, Qt.Key.Key_Delete)
    assert dialog.count_label.text() == "5 trang"
    assert [p.origin for p in dialog.pages.pages()] == [
        "anh.jpg",
        "trang1.png",
        "hai-trang.tiff",
        "email.pdf",
        "email.pdf",
    ]

    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        qtbot.keyClick(dialog.pages, Qt.Key.Key_Return, CTRL)
    view = saved.args[0]
    assert (view.document, view.pages) == (2, 5)
    stored = agency.digitisation.attachments(code, actor=viewer(agency))
    assert [(a.document, a.pages) for a in stored] == [(2, 5)]
    pdf = tmp_path / "stored.pdf"
    pdf.write_bytes(agency.digitisation.pdf(code, document=2, actor=viewer(agency)))
    assert pdf_info(pdf)["Pages"] == "5"
    # The photo's landscape A4 page, turned a quarter (its /Rotate: lossless, nothing re-compressed).
    assert pdf_rotations(pdf) == [90, 0, 0, 0, 0]
    assert pdf_page_sizes(pdf)[0] == pytest.approx((841.89, 595.28), abs=0.5)
    assert agency.integrity.verify().ok


def test_a_file_that_is_not_what_it_claims_is_refused_by_name_and_the_others_are_kept(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, tmp_path: Path
) -> None:
    code = receive(agency)
    dialog = dialog_for(qtbot, agency, clerk, tasks, code, 1)
    files = [write(tmp_path, "gia.pdf", photo_jpeg()), write(tmp_path, "that.png", page_png())]
    add(qtbot, dialog, files, 1)
    assert "gia.pdf" in dialog.error.text() and "JPEG" in dialog.error.text()
    assert agency.digitisation.attachments(code, actor=viewer(agency)) == []


def test_files_dropped_on_the_dialog_are_added(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, tmp_path: Path
) -> None:
    code = receive(agency)
    dialog = dialog_for(qtbot, agency, clerk, tasks, code, 1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write(tmp_path, "chup.jpg", photo_jpeg())))])
    enter = QDragEnterEvent(
        QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, NO_KEYS
    )
    dialog.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, NO_KEYS)
    dialog.dropEvent(drop)
    qtbot.waitUntil(lambda: dialog.pages.count() == 1 and not dialog.busy, timeout=20_000)
    assert dialog.pages.pages()[0].origin == "chup.jpg"


@needs_sane
@needs_pdfimages
def test_three_pages_from_the_sane_test_scanner_through_the_dialog(
    qtbot: QtBot,
    agency: Onestop,
    clerk: Actor,
    tasks: Tasks,
    tmp_path: Path,
) -> None:
    agency.config.set_settings({"scan.device": "test:0", "scan.resolution": 75}, actor=actor(agency, "admin"))
    code = receive(agency)
    dialog = dialog_for(qtbot, agency, clerk, tasks, code, 1)
    assert dialog.device.currentData() == "test:0"
    dialog.page_count_box.setValue(3)
    qtbot.keyClick(dialog.pages, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: dialog.pages.count() == 3 and not dialog.busy, timeout=60_000)
    assert dialog.progress.maximum() == 3
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.save_button.click()
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(agency.digitisation.pdf(code, document=1, actor=viewer(agency)))
    assert pdf_info(pdf)["Pages"] == "3"


def test_pages_from_a_network_scanners_folder(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, tmp_path: Path
) -> None:
    folder = network_scanner_folder(tmp_path, "scan0001.png", "scan0002.png")
    agency.config.set_settings({"scan.device": f"folder:{folder}"}, actor=actor(agency, "admin"))
    code = receive(agency)
    dialog = dialog_for(qtbot, agency, clerk, tasks, code, 3)
    assert dialog.device.currentData() == f"folder:{folder}"
    dialog.page_count_box.setValue(2)
    dialog.scan_button.click()
    qtbot.waitUntil(lambda: dialog.pages.count() == 2 and not dialog.busy, timeout=20_000)
    assert list(folder.iterdir()) == []  # taken: never twice
    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        dialog.save_button.click()
    assert (saved.args[0].document, saved.args[0].pages) == (3, 2)


def test_screenshot_of_the_dialog_with_real_thumbnails(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, tmp_path: Path
) -> None:
    code = receive(agency)
    dialog = dialog_for(qtbot, agency, clerk, tasks, code, 1)
    files = [
        write(tmp_path, "to-khai.pdf", text_pdf(2)),
        write(tmp_path, "trang.png", page_png(600, 840)),
        write(tmp_path, "anh.jpg", photo_jpeg()),
    ]
    add(qtbot, dialog, files, 4)
    dialog.pages.setCurrentRow(3)
    dialog.pages.rotate_current(90)
    QApplication.processEvents()
    dialog.grab().save("/tmp/scan_dialog.png")
    assert Path("/tmp/scan_dialog.png").stat().st_size > 10_000


@needs_sane
def test_a_scanner_that_is_not_there_is_named_in_the_dialog_and_nothing_is_added(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks
) -> None:
    agency.config.set_settings({"scan.device": "test:9"}, actor=actor(agency, "admin"))
    code = receive(agency)
    dialog = dialog_for(qtbot, agency, clerk, tasks, code, 1)
    assert dialog.device.currentData() == "test:9"  # the setting, shown even if SANE does not list it
    dialog.scan_button.click()
    qtbot.waitUntil(lambda: bool(dialog.error.text()) and not dialog.busy, timeout=60_000)
    assert "test:9" in dialog.error.text() and "test:0" in dialog.error.text()
    assert dialog.pages.count() == 0 and not dialog.save_button.isEnabled()
