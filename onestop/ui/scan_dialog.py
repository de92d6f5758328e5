"""Digitising one paper (a component of a dossier, or its result): scan it, or take files, see its
pages, put them right, save them as one PDF.

Sources: the scanner (the setting ``scan.device``, or one SANE finds; a network scanner's watched
folder ``folder:PATH`` is one of them), files picked (Ctrl+O) or dropped on the dialog (PDF, PNG, JPEG,
TIFF: their type is read from their content by the core). Every page appears as a thumbnail with the
page count; a page is moved by dragging or Ctrl+←/→ (Ctrl+↑/↓), turned with Ctrl+R (Ctrl+Shift+R the
other way) and removed with Delete, before «Lưu (Ctrl+Enter)».

Scanning, reading files and rendering thumbnails run on this dialog's own worker thread (a network
scanner's folder may keep it waiting for minutes: the application's pool stays free, so the form behind
never waits), with progress and «Dừng quét». Saving arranges the pages into one PDF
(``svc.digitisation.arrange``, lossless) on a worker thread and then hands it to ``commit`` — the
dossier detail attaches it at once; the receiving form keeps it until the dossier is saved.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPixmap,
    QShortcut,
    QTransform,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from onestop import pages as pg
from onestop.changes import Changes
from onestop.errors import UserError, ValidationError
from onestop.scanning import ScanCancelled, ScannerError
from onestop.services import Actor, Onestop
from onestop.ui.common import FieldError, message_for
from onestop.ui.ops import QueryOp, Tasks, WriteOp
from onestop.ui.printing import ReceiptPreviewDialog

THUMB = 150  # pixels: a thumbnail's width
FILE_FILTER = "PDF, PNG, JPEG, TIFF (*.pdf *.png *.jpg *.jpeg *.jpe *.jfif *.tif *.tiff)"
PageRole = Qt.ItemDataRole.UserRole + 1


@dataclass
class ScanPage:
    """One page on screen: page ``index`` of a prepared PDF, its thumbnail, how far it is turned."""

    pdf: bytes
    index: int
    thumb: bytes  # PNG
    origin: str  # the file or scan it came from
    rotation: int = 0

    def pick(self) -> pg.PagePick:
        return pg.PagePick(self.pdf, self.index, self.rotation)


@dataclass
class _Batch:
    """What one worker run brings back: the pages, and the files refused (their messages)."""

    pages: list[ScanPage] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def _pages_of(built: pg.Built, origin: str) -> list[ScanPage]:
    thumbs = pg.thumbnails(built.pdf, width=THUMB)
    return [ScanPage(built.pdf, i, png, origin) for i, png in enumerate(thumbs)]


class _Progress(QObject):
    """Lives on the GUI thread; the scanner's callback emits through it from the worker (queued)."""

    moved = Signal(int, int)


class PageList(QListWidget):
    """The pages as thumbnails, in order: drag to move, Ctrl+arrows to move, Delete to remove."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanPages")
        # A list that wraps (not IconMode, whose drag moves an icon on the grid but not its place in
        # the order), drawn like icons: the picture above its caption (initViewItemOption).
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(THUMB, int(THUMB * 1.42)))
        self.setSpacing(6)
        self.setWordWrap(True)
        self.setStyleSheet("QListWidget#scanPages { background: #e9edf2; }")
        self.model().rowsMoved.connect(lambda *_: self._renumber())
        # An item carries the number of its page here, not the page: a number survives whatever
        # way Qt carries an item through a drag (a Python object would not).
        self.store: dict[int, ScanPage] = {}
        self._next = 0

    def initViewItemOption(self, option: QStyleOptionViewItem) -> None:
        super().initViewItemOption(option)
        option.decorationPosition = QStyleOptionViewItem.Position.Top
        option.decorationAlignment = Qt.AlignmentFlag.AlignHCenter
        option.displayAlignment = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop

    def page_at(self, row: int) -> ScanPage:
        return self.store[int(self.item(row).data(PageRole))]

    def pages(self) -> list[ScanPage]:
        return [self.page_at(i) for i in range(self.count())]

    def add_pages(self, pages: Sequence[ScanPage]) -> None:
        for page in pages:
            item = QListWidgetItem()
            self._next += 1
            self.store[self._next] = page
            item.setData(PageRole, self._next)
            item.setSizeHint(QSize(THUMB + 28, int(THUMB * 1.42) + 40))
            item.setToolTip(page.origin)
            self.addItem(item)
            self._paint(item)
        self._renumber()
        if pages:
            self.setCurrentRow(self.count() - len(pages))

    def _paint(self, item: QListWidgetItem) -> None:
        page = self.store[int(item.data(PageRole))]
        image = QImage.fromData(page.thumb)
        if page.rotation:
            image = image.transformed(QTransform().rotate(page.rotation))
        # On a frame of one size, so that white pages stand out and every thumbnail lines up.
        box = self.iconSize()
        image = image.scaled(
            box.width() - 6,
            box.height() - 6,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        canvas = QPixmap(box)
        canvas.fill(QColor(0, 0, 0, 0))
        painter = QPainter(canvas)
        x = (box.width() - image.width()) // 2
        y = (box.height() - image.height()) // 2
        painter.fillRect(x + 2, y + 2, image.width(), image.height(), QColor("#9aa4b1"))  # a shadow
        painter.drawImage(x, y, image)
        painter.setPen(QColor("#6b7785"))
        painter.drawRect(x, y, image.width() - 1, image.height() - 1)
        painter.end()
        item.setIcon(QIcon(canvas))

    def _renumber(self) -> None:
        for i in range(self.count()):
            item = self.item(i)
            page = self.page_at(i)
            turned = self.tr(" · xoay {0}°").format(page.rotation) if page.rotation else ""
            item.setText(self.tr("Trang {0}{1}").format(i + 1, turned))
        self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)
        self._renumber()

    def rotate_current(self, degrees: int) -> None:
        item = self.currentItem()
        if item is None:
            return
        page = self.store[int(item.data(PageRole))]
        page.rotation = (page.rotation + degrees) % 360
        self._paint(item)
        self._renumber()

    def delete_current(self) -> None:
        row = self.currentRow()
        if row < 0:
            return
        item = self.takeItem(row)
        if item is not None:
            self.store.pop(int(item.data(PageRole)), None)
        if self.count():
            self.setCurrentRow(min(row, self.count() - 1))
        self._renumber()

    def dropEvent(self, event: QDropEvent) -> None:
        if event.source() is self:
            super().dropEvent(event)
            self._renumber()
        else:
            event.ignore()  # files dropped here: the dialog takes them


class ScanDialog(QDialog):
    """Scan or attach the pages of one paper. ``saved(result)`` after «Lưu»: what ``commit`` returned
    (an ``AttachmentView`` in the dossier detail), or the arranged ``pages.Built`` without a commit."""

    saved = Signal(object)

    def __init__(
        self,
        svc: Onestop,
        actor: Actor,
        tasks: Tasks,
        *,
        what: str,
        commit: Callable[[pg.Built], object] | None = None,
        changes: Changes = Changes.NONE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks  # the application's: saving announces what changed
        # Listing the scanners (SANE may take a while), scanning and reading files: never on the
        # application's pool, so the form behind never waits; files can be added while SANE looks.
        self.work = Tasks(self, threads=2)
        self.commit = commit
        self.changes = changes
        self.cancel_event: threading.Event | None = None
        self.busy = False
        self.saving = False
        self.setObjectName("scanDialog")
        self.setWindowTitle(self.tr("Số hóa — {0}").format(what))
        self.setAcceptDrops(True)

        self.what = QLabel(what)
        self.what.setObjectName("scanWhat")
        self.what.setWordWrap(True)
        self.what.setStyleSheet("font-weight: 600;")

        self.device = QComboBox()
        self.device.setObjectName("scanDevice")
        self.device.setToolTip(self.tr("Máy quét (thiết lập scan.device), hoặc thư mục của máy quét mạng"))
        self.device.setMinimumWidth(260)
        self.device.addItem(self.tr("Máy quét mặc định"), "")
        self.page_count_box = QSpinBox()
        self.page_count_box.setObjectName("scanPageCount")
        self.page_count_box.setRange(1, 200)
        self.page_count_box.setSuffix(self.tr(" trang"))
        self.page_count_box.setToolTip(self.tr("Số trang cần quét (thư mục máy quét mạng: số tệp cần lấy)"))
        self.scan_button = QPushButton(self.tr("&Quét (F12)"))
        self.scan_button.setObjectName("scanButton")
        self.scan_button.setToolTip(self.tr("Quét từ máy quét đã chọn — F12"))
        self.files_button = QPushButton(self.tr("Thêm &tệp… (Ctrl+O)"))
        self.files_button.setObjectName("addFilesButton")
        self.files_button.setToolTip(
            self.tr("Chọn tệp PDF, PNG, JPEG, TIFF (hoặc kéo thả tệp vào cửa sổ này) — Ctrl+O")
        )
        self.stop_button = QPushButton(self.tr("Dừng quét"))
        self.stop_button.setObjectName("stopScanButton")
        self.stop_button.setEnabled(False)

        self.pages = PageList()
        self.count_label = QLabel()
        self.count_label.setObjectName("scanPageTotal")
        self.count_label.setStyleSheet("font-weight: 600;")
        self.progress = QProgressBar()
        self.progress.setObjectName("scanProgress")
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("scanStatus")
        self.status.setWordWrap(True)
        self.error = FieldError()
        self.error.setObjectName("scanError")

        edit_buttons = QHBoxLayout()
        self.left_button = self._tool(self.tr("◀ Lên trước (Ctrl+←)"), lambda: self.pages.move_current(-1))
        self.right_button = self._tool(self.tr("Ra sau ▶ (Ctrl+→)"), lambda: self.pages.move_current(+1))
        self.rotate_button = self._tool(self.tr("Xoay ↻ (Ctrl+R)"), lambda: self.pages.rotate_current(90))
        self.delete_button = self._tool(self.tr("Xóa trang (Delete)"), self.pages.delete_current)
        self.rotate_button.setObjectName("rotateButton")
        self.delete_button.setObjectName("deletePageButton")
        for button in (self.left_button, self.right_button, self.rotate_button, self.delete_button):
            edit_buttons.addWidget(button)
        edit_buttons.addStretch(1)
        edit_buttons.addWidget(self.count_label)

        self.save_button = QPushButton(self.tr("&Lưu (Ctrl+Enter)"))
        self.save_button.setObjectName("saveScanButton")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Lưu các trang theo thứ tự trên thành một tệp PDF — Ctrl+Enter"))
        close = QPushButton(self.tr("Đóng (Esc)"))
        close.setObjectName("closeScanButton")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        source = QHBoxLayout()
        source.addWidget(QLabel(self.tr("Nguồn:")))
        source.addWidget(self.device, 1)
        source.addWidget(self.page_count_box)
        source.addWidget(self.scan_button)
        source.addWidget(self.stop_button)
        source.addSpacing(12)
        source.addWidget(self.files_button)
        hint = QLabel(
            self.tr(
                "Kéo trang để đổi thứ tự · Ctrl+←/→ chuyển trang · Ctrl+R xoay · Delete xóa · "
                "kéo thả tệp vào đây để thêm"
            )
        )
        hint.setObjectName("scanHint")
        hint.setStyleSheet("color: #555;")
        foot = QHBoxLayout()
        foot.addWidget(self.progress)
        foot.addWidget(self.status, 1)
        foot.addWidget(self.save_button)
        foot.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(source)
        layout.addWidget(hint)
        layout.addWidget(self.pages, 1)
        layout.addLayout(edit_buttons)
        layout.addWidget(self.error)
        layout.addLayout(foot)
        self.resize(900, 640)

        self.scan_button.clicked.connect(self.scan)
        self.files_button.clicked.connect(self.pick_files)
        self.stop_button.clicked.connect(self.stop)
        self.save_button.clicked.connect(self.save)
        self.pages.changed.connect(self._update)
        self.pages.currentRowChanged.connect(lambda _row: self._update())
        for keys, slot in (
            ("F12", self.scan),
            ("Ctrl+O", self.pick_files),
            ("Ctrl+Return", self.save),
            ("Ctrl+Enter", self.save),
            ("Ctrl+Left", lambda: self.pages.move_current(-1)),
            ("Ctrl+Up", lambda: self.pages.move_current(-1)),
            ("Ctrl+Right", lambda: self.pages.move_current(+1)),
            ("Ctrl+Down", lambda: self.pages.move_current(+1)),
            ("Ctrl+R", lambda: self.pages.rotate_current(90)),
            ("Ctrl+Shift+R", lambda: self.pages.rotate_current(-90)),
            ("Delete", self.pages.delete_current),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self._update()
        self.load_devices()

    def _tool(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys act on the page list, which keeps the focus
        button.clicked.connect(lambda _=False: slot())
        return button

    # ---- the scanners

    def load_devices(self) -> None:
        svc, actor = self.svc, self.actor
        op = QueryOp(
            self,
            lambda: (svc.config.settings()["scan.device"], svc.digitisation.devices(actor=actor)),
            self._devices_loaded,
            tasks=self.work,
        )
        op.failure(self._devices_failed).run_in_background()

    def _devices_loaded(self, result: tuple[str, list[Any]]) -> None:
        configured, devices = result
        self.device.clear()
        names = [d.name for d in devices]
        if configured and configured not in names:
            self.device.addItem(self.tr("{0} (thiết lập)").format(configured), configured)
        for d in devices:
            self.device.addItem(f"{d.label} — {d.name}" if d.label else d.name, d.name)
        if configured:
            self.device.setCurrentIndex(max(0, self.device.findData(configured)))
        if not self.device.count():
            self.device.addItem(self.tr("Không tìm thấy máy quét — thêm tệp (Ctrl+O)"), "")

    def _devices_failed(self, exc: BaseException) -> bool:
        self.device.clear()
        self.device.addItem(self.tr("Máy quét mặc định"), "")
        self.status.setText(message_for(exc))  # files can still be added
        return True

    def scan(self) -> None:
        if self.busy or self.saving:
            return
        svc, actor = self.svc, self.actor
        device = str(self.device.currentData() or "") or None
        count = self.page_count_box.value()
        cancel = self.cancel_event = threading.Event()
        relay = _Progress(self)
        relay.moved.connect(self._scan_progress)
        origin = self.tr("Quét từ {0}").format(self.device.currentText())

        def work() -> _Batch:
            with tempfile.TemporaryDirectory(prefix="onestop-scan-") as tmp:
                files = svc.digitisation.scan_pages(
                    Path(tmp),
                    device=device,
                    pages=count,
                    progress=lambda done, total: relay.moved.emit(done, total),
                    cancel=cancel,
                    actor=actor,
                )
                built = svc.digitisation.prepare(files, actor=actor)
            return _Batch(_pages_of(built, origin))

        self.progress.setRange(0, count)
        self.progress.setValue(0)
        self._run(work, self.tr("Đang quét {0} trang…").format(count), scanning=True)

    def _scan_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.status.setText(self.tr("Đã quét {0}/{1} trang…").format(done, total or "?"))

    def stop(self) -> None:
        if self.cancel_event is not None:
            self.cancel_event.set()
            self.status.setText(self.tr("Đang dừng quét…"))

    # ---- files

    def pick_files(self) -> None:
        if self.busy or self.saving:
            return
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn tệp cần đính kèm"), "", self.tr("Bản quét, ảnh chụp") + f" — {FILE_FILTER}"
        )
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: Sequence[Path]) -> None:
        """Read, check and show the files' pages (a worker thread); each file refused says why, the
        others are added."""
        if self.busy or self.saving:
            self.status.setText(self.tr("Đang bận: thêm tệp sau khi xong việc đang làm."))
            return
        svc, actor, files = self.svc, self.actor, list(paths)

        def work() -> _Batch:
            batch = _Batch()
            for path in files:
                try:
                    built = svc.digitisation.prepare([path], actor=actor)
                except ValidationError as exc:
                    batch.refused.append(exc.message)
                    continue
                batch.pages.extend(_pages_of(built, path.name))
            return batch

        self.progress.setRange(0, 0)
        self._run(work, self.tr("Đang đọc {0} tệp…").format(len(files)), scanning=False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # ---- running

    def _run(self, work: Callable[[], _Batch], label: str, *, scanning: bool) -> None:
        self.error.show_message("")
        self.status.setText(label)
        op = QueryOp(self, work, self._arrived, tasks=self.work)
        op.while_running(lambda busy: self._set_busy(busy, scanning))
        op.failure(self._failed).run_in_background()

    def _set_busy(self, busy: bool, scanning: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.stop_button.setEnabled(busy and scanning)
        self.scan_button.setDisabled(busy)
        self.files_button.setDisabled(busy)
        if not busy:
            self.cancel_event = None
        self._update()

    def _arrived(self, batch: _Batch) -> None:
        self.pages.add_pages(batch.pages)
        self.status.setText(self.tr("Đã thêm {0} trang.").format(len(batch.pages)) if batch.pages else "")
        if batch.refused:
            self.error.show_message("\n".join(batch.refused))
        self.pages.setFocus()

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, ScanCancelled):
            self.status.setText(exc.message)
            return True
        if isinstance(exc, UserError | ScannerError):
            self.status.setText("")
            self.error.show_message(message_for(exc))
            return True
        return False

    def _update(self) -> None:
        n = self.pages.count()
        self.count_label.setText(self.tr("{0} trang").format(n))
        has = self.pages.currentRow() >= 0
        for button in (self.left_button, self.right_button, self.rotate_button, self.delete_button):
            button.setEnabled(has and not self.saving)
        self.save_button.setEnabled(n > 0 and not self.busy and not self.saving)

    # ---- saving

    def save(self) -> None:
        """The pages in their order, turned as shown, as one PDF; then ``commit`` (a worker thread)."""
        if self.busy or self.saving or not self.pages.count():
            return
        picks = [p.pick() for p in self.pages.pages()]
        svc, actor, commit = self.svc, self.actor, self.commit

        def work() -> object:
            built = svc.digitisation.arrange(picks, actor=actor)
            return commit(built) if commit is not None else built

        self.error.show_message("")
        self.status.setText(self.tr("Đang lưu…"))
        op = WriteOp(self, work, self._saved, changes=self.changes, tasks=self.tasks)
        op.while_running(self._set_saving).failure(self._failed).run_in_background()

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self._update()

    def _saved(self, result: object) -> None:
        self.status.setText(self.tr("Đã lưu."))
        self.saved.emit(result)
        self.accept()

    def done(self, result: int) -> None:
        self.stop()  # a scan still running stops; nothing of it is kept
        super().done(result)


class ScanPreviewDialog(ReceiptPreviewDialog):
    """A stored scan as it will print (A4), with «In» and «Lưu PDF…» (a copy)."""

    def __init__(self, pdf: bytes, ui_state: Any, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(pdf, ui_state, parent, **kwargs)
        self.print_button.setToolTip(self.tr("In bản số hóa ra máy in (khổ A4) — Ctrl+P"))
        self.save_button.setToolTip(self.tr("Lưu một bản sao PDF — Ctrl+S"))

    def printer(self) -> QPrinter:
        printer = super().printer()
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        return printer


__all__ = ["PageList", "ScanDialog", "ScanPage", "ScanPreviewDialog"]
