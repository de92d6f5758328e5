"""Printing the receipt: the preview dialog, and pages sent through QPrinter, read back from the file."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from helpers import viewer
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from onestop.forms.receipt import receipt_bytes
from onestop.services import Actor, Applicant, Onestop, ReceiveRequest
from onestop.ui.printing import PRINTER_KEY, ReceiptPreviewDialog, configure_printer, print_pdf

A5_POINTS = (419.53, 595.28)


@pytest.fixture
def receipt(agency: Onestop, clerk: Actor) -> tuple[str, bytes]:
    view = agency.intake.receive(
        ReceiveRequest(
            "2.000815", Applicant("Nguyễn Thị Thủy", "001190012345", "0905123456", "12 Nguyễn Lương Bằng")
        ),
        actor=clerk,
    )
    return view.code, receipt_bytes(agency.papers.receipt_data(view.code, actor=viewer(agency)))


def pdf_printer(path: Path, *, dpi: int = 300) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    return configure_printer(printer)


def page_size(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert match, info
    assert re.search(r"Pages:\s+1\b", info), info
    return float(match[1]), float(match[2])


def assert_a5(path: Path) -> None:
    width, height = page_size(path)
    assert abs(width - A5_POINTS[0]) <= 2 and abs(height - A5_POINTS[1]) <= 2, (width, height)


def test_printing_to_a_pdf_file_keeps_the_receipt_text_on_a5(
    receipt: tuple[str, bytes], tmp_path: Path
) -> None:
    code, pdf = receipt
    out = tmp_path / "printed.pdf"
    print_pdf(pdf, pdf_printer(out))
    assert out.is_file()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert code in text
    assert "Nguyễn Thị Thủy" in text
    assert_a5(out)


def test_rendered_pages_print_on_a5_with_a_barcode_that_still_decodes(
    receipt: tuple[str, bytes], tmp_path: Path
) -> None:
    """The path a real printer takes: QtPdf renders each page at the printer's resolution."""
    code, pdf = receipt
    out = tmp_path / "rendered.pdf"
    print_pdf(pdf, pdf_printer(out), rasterize=True)
    assert_a5(out)
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True)
    assert len(images.stdout.strip().splitlines()) == 3  # the header, the rule, one page image
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(out), str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True)
    assert code in decoded.stdout.splitlines(), decoded


def test_configured_printer_is_a5_portrait_and_ignores_a_printer_that_is_gone(
    qapp: QApplication, ui_state: QSettings
) -> None:
    ui_state.setValue(PRINTER_KEY, "May in da go bo")
    printer = configure_printer(QPrinter(QPrinter.PrinterMode.HighResolution), ui_state)
    assert printer.printerName() != "May in da go bo"
    layout = printer.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.A5
    assert layout.orientation() == QPageLayout.Orientation.Portrait


def test_preview_dialog_shows_the_receipt_and_saves_it(
    qtbot: QtBot, receipt: tuple[str, bytes], ui_state: QSettings, tmp_path: Path
) -> None:
    code, pdf = receipt
    dialog = ReceiptPreviewDialog(
        pdf, ui_state, None, title=f"Phiếu tiếp nhận — {code}", file_name=f"{code}.pdf"
    )
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.pdf_document.status() == QPdfDocument.Status.Ready
    assert dialog.pdf_document.pageCount() == 1
    assert dialog.windowTitle() == f"Phiếu tiếp nhận — {code}"
    assert [b.text() for b in (dialog.print_button, dialog.save_button, dialog.close_button)] == [
        "&In (Ctrl+P)",
        "&Lưu PDF… (Ctrl+S)",
        "Đóng (Esc)",
    ]
    qtbot.waitUntil(dialog.print_button.hasFocus)  # Enter prints at once

    target = tmp_path / "luu" / "phieu"
    target.parent.mkdir()
    assert dialog.save_pdf_to(target)
    assert (tmp_path / "luu" / "phieu.pdf").read_bytes() == pdf
    assert ui_state.value("print/save_dir") == str(tmp_path / "luu")
    assert "phieu.pdf" in dialog.status.text()

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_print_to_a_file_printer_reports_done(
    qtbot: QtBot, receipt: tuple[str, bytes], ui_state: QSettings, tmp_path: Path
) -> None:
    _code, pdf = receipt
    dialog = ReceiptPreviewDialog(pdf, ui_state, None)
    qtbot.addWidget(dialog)
    out = tmp_path / "in.pdf"
    assert dialog.print_to(pdf_printer(out))
    assert out.read_bytes() == pdf
    assert dialog.status.text() == "Đã gửi lệnh in."
    assert ui_state.value(PRINTER_KEY) is None  # a file is not a printer to remember


def test_saving_the_pdf_over_the_database_is_refused(
    qtbot: QtBot,
    receipt: tuple[str, bytes],
    ui_state: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import onestop.ui.printing as printing

    _code, pdf = receipt
    # A name ending in .pdf (the dialog adds ".pdf" to any other name, which alone keeps "x.db" safe).
    database = tmp_path / "du-lieu.pdf"
    database.write_bytes(b"SQLite format 3\x00 the live database")
    wal = tmp_path / "du-lieu.pdf-wal"
    wal.write_bytes(b"wal")
    shown: list[str] = []
    monkeypatch.setattr(printing, "show_error", lambda _parent, exc: shown.append(str(exc)))
    dialog = ReceiptPreviewDialog(pdf, ui_state, None, database=database)
    qtbot.addWidget(dialog)
    for target in (database, tmp_path / "." / "du-lieu.pdf"):
        assert not dialog.save_pdf_to(target)
    assert database.read_bytes() == b"SQLite format 3\x00 the live database"
    assert wal.read_bytes() == b"wal"
    assert len(shown) == 2 and all("cơ sở dữ liệu" in s for s in shown), shown
