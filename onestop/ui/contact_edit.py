"""Correcting the applicant's contact details of a received dossier: a new receipt version."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from onestop import validation as v
from onestop.errors import ValidationError
from onestop.services import Actor, Applicant, DossierView, Onestop
from onestop.ui.common import FieldError, mark_invalid
from onestop.ui.ops import Changes, Tasks, WriteOp


class ContactEditDialog(QDialog):
    """Correct the applicant's contact details: saved as a new receipt version with the same code."""

    saved = Signal(object)  # the DossierView after the correction

    def __init__(
        self, svc: Onestop, actor: Actor, tasks: Tasks, view: DossierView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.view = view
        self.setObjectName("contactEdit")
        self.setWindowTitle(self.tr("Sửa thông tin liên hệ — {0}").format(view.code))
        self.setMinimumWidth(640)
        a = view.applicant

        def line(name: str, value: str) -> QLineEdit:
            edit = QLineEdit(value)
            edit.setObjectName(name)
            return edit

        self.name = line("name", a.name)
        self.id_number = line("id_number", a.id_number)
        self.id_number.setPlaceholderText(self.tr("12 chữ số"))
        self.phone = line("phone", a.phone)
        self.phone.setPlaceholderText(self.tr("ví dụ: 0905123456"))
        self.address = line("address", a.address)
        self.email = line("email", a.email)
        self.note = line("note", "")
        self.note.setPlaceholderText(self.tr("ví dụ: ghi sai số điện thoại"))
        self.inputs = {
            "name": self.name,
            "id_number": self.id_number,
            "phone": self.phone,
            "address": self.address,
            "email": self.email,
            "note": self.note,
        }
        self.errors = {key: FieldError() for key in self.inputs}
        labels = {
            "name": self.tr("&Họ và tên người nộp:"),
            "id_number": self.tr("Số định &danh cá nhân:"),
            "phone": self.tr("Số đ&iện thoại:"),
            "address": self.tr("Đị&a chỉ:"),
            "email": self.tr("&Email:"),
            "note": self.tr("&Lý do sửa:"),
        }
        form = QFormLayout()
        for key, edit in self.inputs.items():
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(self.errors[key])
            label = QLabel(labels[key])
            label.setBuddy(edit)
            form.addRow(label, box)
            edit.editingFinished.connect(lambda k=key: self.check(k))

        hint = QLabel(
            self.tr(
                "Mã hồ sơ không đổi. Lưu sẽ tạo một bản mới của giấy tiếp nhận; bản cũ vẫn được giữ và in lại được."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.form_error = FieldError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Lưu (Ctrl+Enter)"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy (Esc)"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self.name.setFocus()

    def _clean(self, key: str) -> str:
        text = self.inputs[key].text()
        if key == "name":
            return v.clean_name(text, label="Họ và tên người nộp", field="name")
        if key == "id_number":
            return v.clean_id_number(text)
        if key == "phone":
            return v.clean_phone(text)
        if key == "address":
            return v.clean_text(text, label="Địa chỉ", field="address", max_len=v.ADDRESS_MAX)
        if key == "email":
            return v.clean_email(text)
        return v.clean_text(text, label="Ghi chú", field="note", max_len=1000)

    def check(self, key: str) -> bool:
        """Validate one field now, showing the message beside it; True when it is valid."""
        if not shiboken6.isValid(self):
            return False
        try:
            self._clean(key)
        except ValidationError as exc:
            self.show_field_error(key, exc.message)
            return False
        self.show_field_error(key, "")
        return True

    def show_field_error(self, key: str, message: str) -> None:
        self.errors[key].show_message(message)
        mark_invalid(self.inputs[key], bool(message))
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show a new message (wrapped labels do not push a shown dialog's height by themselves)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = max(self.sizeHint().height(), layout.totalHeightForWidth(self.width()))
        if needed > self.height():
            self.resize(self.width(), needed)

    def applicant(self) -> Applicant:
        return Applicant(
            name=self._clean("name"),
            id_number=self._clean("id_number"),
            phone=self._clean("phone"),
            address=self._clean("address"),
            email=self._clean("email"),
        )

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        invalid = [key for key in self.inputs if not self.check(key)]
        if invalid:
            self.inputs[invalid[0]].setFocus()
            return
        applicant, note = self.applicant(), self._clean("note")
        if applicant == self.view.applicant:
            self.form_error.show_message(self.tr("Chưa có thay đổi nào để lưu."))
            self._fit_height()
            return
        self.form_error.show_message("")
        svc, actor, code = self.svc, self.actor, self.view.code
        op = WriteOp(
            self,
            lambda: svc.intake.correct_applicant(code, applicant, actor=actor, note=note),
            self._saved,
            changes=Changes.DOSSIERS,
            tasks=self.tasks,
        )
        op.while_running(self.save_button.setDisabled).failure(self._failed).run_in_background()

    def _saved(self, view: DossierView) -> None:
        self.saved.emit(view)
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        """A field the service refused goes beside it; anything else the op shows (what was typed
        stays in the form; «Thử lại» saves it again after a storage error)."""
        if isinstance(exc, ValidationError) and exc.field in self.inputs:
            self.show_field_error(exc.field, exc.message)
            self.inputs[exc.field].setFocus()
            return True
        return False
