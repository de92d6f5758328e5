"""Guidance at the counter without receiving (Mẫu 02): the citizen lacks documents, so nothing is
received and no code is used up; they leave with everything missing in writing, at once.

The clerk opens it from the receiving form (Ctrl+G): the required documents not ticked in the
checklist are listed, each with a reason the clerk may edit; rows can be added or removed. «In Mẫu 02»
builds the paper through ``svc.papers.guidance_at_counter`` (which writes nothing) and shows it in the
print preview.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop.errors import ValidationError
from onestop.forms import render_form
from onestop.services import Actor, Applicant, Onestop
from onestop.ui.common import FieldError
from onestop.ui.ops import QueryOp, Tasks
from onestop.ui.step_forms import ItemsTable


class CounterGuidanceDialog(QDialog):
    """Mẫu 02 for a citizen whose dossier is not received: the missing documents and why."""

    printed = Signal(bytes)  # the PDF shown in the preview

    def __init__(
        self,
        svc: Onestop,
        actor: Actor,
        tasks: Tasks,
        ui_state: QSettings,
        procedure_code: str,
        procedure_name: str,
        applicant: Applicant,
        missing: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.ui_state = ui_state
        self.procedure_code = procedure_code
        self.applicant = applicant
        self.preview: QDialog | None = None
        self.setObjectName("counterGuidance")
        self.setWindowTitle(self.tr("Hướng dẫn bổ sung hồ sơ (Mẫu 02)"))
        self.setMinimumWidth(720)

        intro = QLabel(
            self.tr(
                "<b>{0}</b><br>Hồ sơ <b>không được tiếp nhận</b> và không cấp mã: người nộp nhận phiếu hướng dẫn "
                "ghi một lần, đầy đủ các giấy tờ cần bổ sung, hoàn thiện và lý do."
            ).format(procedure_name)
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(applicant.name)
        self.name.setObjectName("guidanceName")
        self.name.setPlaceholderText(self.tr("không bắt buộc"))
        self.table = ItemsTable()
        for document in missing:
            self.table.add_item(document, self.tr("Chưa có trong hồ sơ"))
        if not missing:
            self.table.add_item()
        add = QPushButton(self.tr("Thêm dòng (Insert)"))
        add.setAutoDefault(False)
        add.clicked.connect(lambda: self.table.edit_cell(self.table.add_item(), 0))
        remove = QPushButton(self.tr("Xóa dòng (Delete)"))
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        row_buttons = QHBoxLayout()
        row_buttons.addStretch(1)
        row_buttons.addWidget(add)
        row_buttons.addWidget(remove)

        form = QFormLayout()
        name_label = QLabel(self.tr("&Người nộp:"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        items_label = QLabel(self.tr("Giấy &tờ cần bổ sung:"))
        items_label.setBuddy(self.table)
        form.addRow(items_label, self.table)
        form.addRow("", row_buttons)
        self.error = FieldError()
        self.error.setObjectName("guidanceError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.print_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.print_button.setText(self.tr("In Mẫu 02 (Ctrl+Enter)"))
        self.print_button.setObjectName("printGuidance")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Đóng (Esc)"))
        self.buttons.accepted.connect(self.print_guidance)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.print_guidance)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.table.setFocus()
        if self.table.rowCount():
            self.table.setCurrentCell(0, 1)  # the reason of the first document, ready to edit

    def print_guidance(self) -> None:
        if not self.print_button.isEnabled():
            return
        self.table.setFocus()  # commits the cell being typed
        svc, actor, code = self.svc, self.actor, self.procedure_code
        applicant = Applicant(self.name.text(), kind=self.applicant.kind, phone=self.applicant.phone)
        items = self.table.pairs()
        self.error.show_message("")
        op = QueryOp(  # nothing is written: a query, not a write
            self,
            lambda: render_form("02", svc.papers.guidance_at_counter(code, applicant, items, actor=actor)),
            self._rendered,
            tasks=self.tasks,
        )
        op.while_running(self.print_button.setDisabled).failure(self._failed).with_progress()
        op.run_in_background()

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, ValidationError):
            self.error.show_message(exc.message)
            (self.name if exc.field == "name" else self.table).setFocus()
            return True
        return False

    def _rendered(self, pdf: bytes) -> None:
        from onestop.ui.printing import ReceiptPreviewDialog

        self.preview = ReceiptPreviewDialog(
            pdf,
            self.ui_state,
            self,
            title=self.tr("Hướng dẫn bổ sung hồ sơ (Mẫu 02) — {0}").format(
                self.name.text() or self.procedure_code
            ),
            file_name=f"huong-dan-bo-sung-{self.procedure_code}.pdf",
            database=self.svc.db.sqlite_path,
        )
        self.preview.finished.connect(lambda _result: self.accept())
        self.preview.open()
        self.printed.emit(pdf)


__all__ = ["CounterGuidanceDialog"]
