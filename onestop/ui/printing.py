"""Print preview and printing of the forms (the PDF made by onestop.forms, shown with QtPdf).

The PDF is the one truth: what the preview shows is what is printed and what is saved. A real printer
gets each page rendered by QtPdf at the printer's resolution (capped, so an A5 page stays a few MB);
printing "to a file" (the print dialog's PDF option) writes the original vector PDF unchanged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, QMarginsF, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop.errors import OnestopError, UserError
from onestop.output import check_output, write_output
from onestop.ui.common import show_error, tr

PRINTER_KEY = "print/printer"
SAVE_DIR_KEY = "print/save_dir"
MAX_RENDER_DPI = 600  # enough for the Code 128 bars; 1200 dpi would be ~280 MB per A5 page


class PdfLoadError(ValueError):
    """QtPdf could not read the bytes (a bug in the form renderer, never the user's fault)."""


class PrintError(UserError):
    """The printer or the file could not take the job; the message says which and what to do."""


def load_pdf(pdf: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument reading from an in-memory buffer. Keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise PdfLoadError(f"QtPdf could not load the PDF ({document.error()})")
    return document, buffer


def configure_printer(printer: QPrinter, ui_state: QSettings | None = None) -> QPrinter:
    """A5 portrait, no extra margins (the form has its own), the remembered printer when it still exists."""
    if ui_state is not None:
        name = str(ui_state.value(PRINTER_KEY, "") or "")
        if name and name in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(name)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    printer.setFullPage(True)
    return printer


def print_pdf(pdf: bytes, printer: QPrinter, *, rasterize: bool | None = None) -> None:
    """Print every page of ``pdf`` on ``printer``.

    ``rasterize=None`` (the default): a printer that writes a PDF file gets the original bytes (vector,
    searchable, exactly the receipt); any other printer gets the pages rendered by QtPdf. ``True``
    forces rendering (tests use it to check that path on a PDF file)."""
    if rasterize is None:
        rasterize = not (
            printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName()
        )
    if not rasterize:
        try:
            Path(printer.outputFileName()).write_bytes(pdf)
        except OSError as exc:
            raise PrintError(_os_message(exc)) from exc
        return
    document, buffer = load_pdf(pdf)
    try:
        _render_pages(document, printer)
    finally:
        document.close()
        buffer.close()


def _render_pages(document: QPdfDocument, printer: QPrinter) -> None:
    dpi = min(printer.resolution(), MAX_RENDER_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            tr("Không in được: máy in «{0}» không sẵn sàng; kiểm tra máy in rồi in lại.").format(
                printer.printerName() or tr("(chưa chọn)")
            )
        )
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size)
            # Paper is white; a transparent background would print as whatever the driver assumes.
            flat = QImage(image.size(), QImage.Format.Format_RGB32)
            flat.fill(QColor("white"))
            p = QPainter(flat)
            p.drawImage(0, 0, image)
            p.end()
            target = _fit(size, painter.viewport())
            painter.drawImage(target, flat)
    finally:
        painter.end()


def _fit(size: QSize, area: QRect) -> QRect:
    """``size`` scaled into ``area`` keeping its proportions, top-left aligned (the page is the page)."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRect(area.topLeft(), scaled)


class ReceiptPreviewDialog(QDialog):
    """The receipt as it will print, with «In», «Lưu PDF…» and «Đóng». Open it with ``open()``/``show()``."""

    def __init__(
        self,
        pdf: bytes,
        ui_state: QSettings,
        parent: QWidget | None = None,
        *,
        title: str = "",
        file_name: str = "",
        database: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.database = database  # never saved over: the SQLite file and its companions
        self.ui_state = ui_state
        self.file_name = file_name or "phieu-tiep-nhan.pdf"
        self.setObjectName("receiptPreview")
        self.setWindowTitle(title or self.tr("Xem trước khi in"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

        # The buffer must outlive the document: QPdfDocument reads from it lazily.
        self.pdf_document, self._buffer = load_pdf(pdf, self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.pdf_document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setDocumentMargins(QMargins(0, 0, 0, 0))  # with margins, "fit" overflows and scrolls
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.print_button = QPushButton(self.tr("&In (Ctrl+P)"))
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("In ra máy in (khổ A5 dọc) — Ctrl+P"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_)
        self.save_button = QPushButton(self.tr("&Lưu PDF… (Ctrl+S)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Lưu thành tệp PDF — Ctrl+S"))
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button = QPushButton(self.tr("Đóng (Esc)"))
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)

        for keys, slot in (("Ctrl+P", self.print_), ("Ctrl+S", self.save_pdf)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

        self.status = QLabel("")
        self.status.setObjectName("printStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        geometry = ui_state.value("preview/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(600, 720)  # a whole A5 page readable on a 1366×768 screen
        self.print_button.setFocus()

    def printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(300)
        return configure_printer(printer, self.ui_state)

    def print_(self) -> None:
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print on a printer already chosen; remembers it for next time. False (and a message) on failure."""
        try:
            print_pdf(self.pdf, printer)
        except PrintError as exc:
            show_error(self, exc)
            return False
        if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName():
            self.ui_state.setValue(PRINTER_KEY, printer.printerName())
        self.status.setText(self.tr("Đã gửi lệnh in."))
        return True

    def save_pdf(self) -> None:
        folder = str(self.ui_state.value(SAVE_DIR_KEY, "") or Path.home())
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Lưu thành tệp PDF"),
            str(Path(folder) / self.file_name),
            self.tr("Tệp PDF (*.pdf)"),
        )
        if path:
            self.save_pdf_to(Path(path))

    def save_pdf_to(self, path: Path) -> bool:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path = check_output(path, self.database, label=self.tr("Lưu PDF"))
            write_output(path, self.pdf, label=self.tr("Lưu PDF"))
        except OnestopError as exc:
            show_error(self, exc)
            return False
        self.ui_state.setValue(SAVE_DIR_KEY, str(path.parent))
        self.status.setText(self.tr("Đã lưu {0}").format(path.name))
        return True

    def done(self, result: int) -> None:
        self.ui_state.setValue("preview/geometry", self.saveGeometry())
        super().done(result)


def _os_message(exc: OSError) -> str:
    return tr("Không ghi được tệp: {0}").format(exc.strerror or exc)
