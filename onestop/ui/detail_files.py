"""The dossier detail's «Tệp số hóa» tab: each paper of the dossier and its result, with its current
scan (pages, who, when, reused from which dossier); open one (print preview: print, save a copy), and
scan or attach files for any paper, or the electronic result, at any step (F12)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop.pages import Built, Source
from onestop.services import Actor, AttachmentView, DossierView, Onestop
from onestop.services.digitisation import RESULT_STATUSES
from onestop.ui.ops import Changes, QueryOp, Tasks
from onestop.ui.scan_dialog import ScanDialog, ScanPreviewDialog

SCAN_KEY = "F12"
RESULT = 0  # the «document» of the result row


class FilesPanel(QWidget):
    """The papers of one dossier and their scans. ``attached(view)`` after a scan was stored."""

    attached = Signal(object)

    def __init__(
        self,
        svc: Onestop,
        actor: Actor,
        tasks: Tasks,
        ui_state: QSettings,
        scope: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.ui_state = ui_state
        self.view: DossierView | None = None
        self.can_digitise = False
        self.targets: list[int] = []  # per row: the component's number, or RESULT
        self.dialog: ScanDialog | None = None
        self.preview: ScanPreviewDialog | None = None
        self.setObjectName("detailFilesPage")

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("detailFiles")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Giấy tờ"),
                self.tr("Số trang"),
                self.tr("Người số hóa"),
                self.tr("Lúc"),
                self.tr("Ghi chú"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("Enter hoặc nhấn đúp: mở bản số hóa (xem, in, lưu bản sao)"))

        self.open_button = QPushButton(self.tr("&Mở / in bản số hóa"))
        self.open_button.setObjectName("openScanButton")
        self.open_button.setToolTip(self.tr("Xem trước để in hoặc lưu một bản sao PDF (Enter)"))
        self.scan_button = QPushButton(self.tr("Quét / đính kèm… ({0})").format(SCAN_KEY))
        self.scan_button.setObjectName("detailScanButton")
        self.scan_button.setToolTip(
            self.tr("Quét hoặc đính kèm tệp cho giấy tờ đang chọn, hoặc kết quả điện tử — {0}").format(
                SCAN_KEY
            )
        )
        self.result_button = QPushButton(self.tr("Đính kèm kết quả điện tử…"))
        self.result_button.setObjectName("attachResultButton")
        self.result_button.setToolTip(self.tr("Quét hoặc đính kèm bản điện tử của kết quả giải quyết"))
        for button in (self.open_button, self.scan_button, self.result_button):
            button.setAutoDefault(False)
            button.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("detailFilesStatus")
        self.status.setWordWrap(True)

        self.open_button.clicked.connect(self.open_current)
        self.scan_button.clicked.connect(self.scan_current)
        self.result_button.clicked.connect(self.scan_result)
        self.table.activated.connect(lambda _index: self.open_current())
        self.table.currentCellChanged.connect(lambda *_: self._update())
        QShortcut(QKeySequence(SCAN_KEY), scope).activated.connect(self.scan_current)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.scan_button)
        buttons.addWidget(self.result_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    # ---- showing

    def set_view(self, view: DossierView, can_digitise: bool) -> None:
        self.view = view
        self.can_digitise = can_digitise
        current = {(a.kind, a.document): a for a in view.attachments}
        rows: list[tuple[int, str, AttachmentView | None]] = [
            (n, f"{n}. {d.name}", current.get(("component", n)))
            for n, d in enumerate(view.documents, start=1)
        ]
        result = current.get(("result", None))
        if result is not None or view.status in RESULT_STATUSES:
            rows.append((RESULT, self.tr("Kết quả giải quyết (bản điện tử)"), result))
        keep = self.table.currentRow()
        self.targets = [target for target, _name, _att in rows]
        self.table.setRowCount(len(rows))
        for r, (_target, name, att) in enumerate(rows):
            if att is None:
                values = (name, "", "", "", self.tr("chưa số hóa"))
            else:
                note = (
                    self.tr("dùng lại bản của hồ sơ {0}").format(att.reused_from) if att.reused_from else ""
                )
                values = (name, str(att.pages), att.by_name or att.by, f"{att.at:%d/%m/%Y %H:%M}", note)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if att is None and c == 4:
                    item.setForeground(Qt.GlobalColor.darkYellow)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        if rows:
            self.table.setCurrentCell(min(max(keep, 0), len(rows) - 1), 0)
        scanned = sum(1 for n in self.targets if n != RESULT and current.get(("component", n)))
        self.status.setText(
            self.tr("Đã số hóa {0}/{1} giấy tờ").format(scanned, len(view.documents))
            + (self.tr(" · có kết quả điện tử") if result is not None else "")
        )
        self.result_button.setEnabled(can_digitise and view.status in RESULT_STATUSES)
        self._update()

    def _attachment(self, row: int) -> AttachmentView | None:
        if self.view is None or not 0 <= row < len(self.targets):
            return None
        target = self.targets[row]
        for a in self.view.attachments:
            if (target == RESULT and a.kind == "result") or (a.kind == "component" and a.document == target):
                return a
        return None

    def _update(self) -> None:
        row = self.table.currentRow()
        self.open_button.setEnabled(self._attachment(row) is not None)
        self.scan_button.setEnabled(self.can_digitise and 0 <= row < len(self.targets))
        if not self.can_digitise:
            self.scan_button.setToolTip(self.tr("Tài khoản này không có quyền số hóa hồ sơ."))

    # ---- opening

    def open_current(self) -> None:
        att = self._attachment(self.table.currentRow())
        if att is None:
            return
        svc, actor, code = self.svc, self.actor, att.code
        document, result = att.document, att.kind == "result"
        op = QueryOp(
            self,
            lambda: svc.digitisation.pdf(code, document=document, result=result, actor=actor),
            lambda pdf: self._show_pdf(att, pdf),
            tasks=self.tasks,
        )
        op.while_running(self.open_button.setDisabled).with_progress().run_in_background()

    def _show_pdf(self, att: AttachmentView, pdf: bytes) -> None:
        if self.preview is not None:
            self.preview.close()
        what = f"thanh-phan-{att.document}" if att.kind == "component" else "ket-qua"
        self.preview = ScanPreviewDialog(
            pdf,
            self.ui_state,
            self.window(),
            title=self.tr("{0} — hồ sơ {1} ({2} trang)").format(att.document_name, att.code, att.pages),
            file_name=f"{att.code}-{what}.pdf",
            database=self.svc.db.sqlite_path,
        )
        self.preview.open()

    # ---- scanning

    def scan_current(self) -> ScanDialog | None:
        """Scan or attach files for the selected paper, or the result (F12)."""
        row = self.table.currentRow()
        if not self.can_digitise or self.view is None or not 0 <= row < len(self.targets):
            return None
        return self._scan(self.targets[row])

    def scan_result(self) -> ScanDialog | None:
        if not self.can_digitise or self.view is None or self.view.status not in RESULT_STATUSES:
            return None
        return self._scan(RESULT)

    def _scan(self, target: int) -> ScanDialog:
        assert self.view is not None
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.activateWindow()
            return self.dialog
        svc, actor, code = self.svc, self.actor, self.view.code
        if target == RESULT:
            what = self.tr("Hồ sơ {0} — kết quả giải quyết (bản điện tử)").format(code)
        else:
            what = self.tr("Hồ sơ {0} — giấy tờ {1}: {2}").format(
                code, target, self.view.documents[target - 1].name
            )

        def commit(built: Built) -> AttachmentView:
            return svc.digitisation.attach(
                code,
                [Source("so-hoa.pdf", built.pdf)],
                document=None if target == RESULT else target,
                result=target == RESULT,
                actor=actor,
            )

        dialog = ScanDialog(
            svc, actor, self.tasks, what=what, commit=commit, changes=Changes.DOSSIERS, parent=self.window()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.attached.emit)
        self.dialog = dialog
        # Not modal: while the scanner works (a network scanner's folder may take minutes), the
        # clerk goes on typing in the window behind.
        dialog.setModal(False)
        dialog.show()
        dialog.activateWindow()
        return dialog


__all__ = ["FilesPanel"]
