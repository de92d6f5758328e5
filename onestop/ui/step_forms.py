"""The small forms of a dossier's steps: each asks only what its step needs, then runs it.

One base, ``StepForm``: a title, a line saying what will happen, the fields, «Xác nhận (Ctrl+Enter)»
and «Hủy (Esc)». The form runs its step through a ``WriteOp``; a field the service refuses is named
under the form and what was typed stays, anything else the op shows. ``ItemsTable`` (a document and
its reason per row) is shared with the guidance at the counter (``onestop.ui.guidance``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop.errors import ValidationError
from onestop.services import RESULT_FORMS
from onestop.ui.common import FieldError, tr
from onestop.ui.ops import Changes, Tasks, WriteOp

Perform = Callable[[dict[str, Any]], object]  # the step's keyword arguments → its outcome (worker thread)


def _qt_zone(at: datetime) -> QTimeZone:
    """The agency's zone for Qt: by its IANA name, else by its offset (Vietnam keeps no summer time)."""
    key = getattr(at.tzinfo, "key", None)
    if key:
        zone = QTimeZone(str(key).encode())
        if zone.isValid():
            return zone
    offset = at.utcoffset()
    return QTimeZone(int(offset.total_seconds()) if offset is not None else 0)


def _long(at: datetime) -> str:
    return f"{at:%H:%M} ngày {at:%d/%m/%Y}"


class StepForm(QDialog):
    """What one step needs, then the step itself (on a worker thread). ``finished_step(outcome)``
    after it succeeded; the form then closes."""

    finished_step = Signal(object)

    def __init__(
        self, title: str, intro: str, perform: Perform, tasks: Tasks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stepForm")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.perform = perform
        self.tasks = tasks
        self.inputs: dict[str, QWidget] = {}  # service field → the widget to put the cursor in

        self.intro = QLabel(intro)
        self.intro.setObjectName("stepIntro")
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.error = FieldError()
        self.error.setObjectName("stepError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Xác nhận (Ctrl+Enter)"))
        self.ok_button.setObjectName("stepOk")
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy (Esc)"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # ---- for the forms

    def add_row(self, label: str, widget: QWidget, field: str) -> None:
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        self.inputs[field] = widget

    def values(self) -> dict[str, Any]:
        """The step's keyword arguments from the fields (each form names its own; a step with no
        field of its own has none)."""
        return {}

    # ---- running

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return  # running already
        try:
            kwargs = self.values()
        except ValidationError as exc:
            self._failed(exc)
            return
        self.error.show_message("")
        perform = self.perform
        op = WriteOp(self, lambda: perform(kwargs), self._done, changes=Changes.DOSSIERS, tasks=self.tasks)
        op.while_running(self.ok_button.setDisabled).failure(self._failed).run_in_background()

    def _done(self, outcome: object) -> None:
        self.finished_step.emit(outcome)
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        """A refused field is named under the form (what was typed stays); anything else: the op."""
        if not isinstance(exc, ValidationError):
            return False
        self.error.show_message(exc.message)
        widget = self.inputs.get(exc.field or "")
        if widget is not None:
            widget.setFocus()
        layout = self.layout()
        if layout is not None:  # grow to show the message
            layout.activate()
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        return True


def _note_line(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName("note")
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(2000)
    return edit


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 14)
    return box


class NoteForm(StepForm):
    """Take, result, resume, withdraw: an optional note; Enter confirms."""

    def __init__(
        self, title: str, intro: str, perform: Perform, tasks: Tasks, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, intro, perform, tasks, parent)
        self.note = _note_line(self.tr("không bắt buộc"))
        self.add_row(self.tr("&Ghi chú:"), self.note, "note")
        self.note.setFocus()

    def values(self) -> dict[str, Any]:
        return {"note": self.note.text()}


class ReasonForm(StepForm):
    """Refuse, stop: the reason in words (printed on the paper), required."""

    def __init__(
        self, title: str, intro: str, perform: Perform, tasks: Tasks, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, intro, perform, tasks, parent)
        self.reason = _text_box("reason", self.tr("bắt buộc: lý do được in trên giấy tờ gửi người nộp"))
        self.add_row(self.tr("&Lý do (*):"), self.reason, "note")
        self.reason.setFocus()

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason.toPlainText()}


class TransferForm(StepForm):
    """To a unit in force (the procedure's own unit first), with an optional note."""

    def __init__(
        self,
        title: str,
        intro: str,
        perform: Perform,
        tasks: Tasks,
        units: Sequence[tuple[int, str]],
        default_unit: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, intro, perform, tasks, parent)
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setMinimumContentsLength(40)
        for unit_id, name in units:
            label = (
                self.tr("{0} (đơn vị giải quyết của thủ tục)").format(name)
                if unit_id == default_unit
                else name
            )
            self.unit.addItem(label, unit_id)
        self.unit.setCurrentIndex(max(0, self.unit.findData(default_unit)))
        self.note = _note_line(self.tr("không bắt buộc"))
        self.add_row(self.tr("Chuyển đến &đơn vị:"), self.unit, "to")
        self.add_row(self.tr("&Ghi chú:"), self.note, "note")
        self.unit.setFocus()

    def values(self) -> dict[str, Any]:
        unit = self.unit.currentData()
        if unit is None:
            raise ValidationError(
                self.tr("Đơn vị nhận: chưa có đơn vị nào đang hoạt động để chuyển đến."), field="to"
            )
        return {"to_unit": int(unit), "note": self.note.text()}


class ReturnForm(StepForm):
    """The result handed to the applicant (or to who came for it): Enter confirms."""

    def __init__(
        self,
        title: str,
        intro: str,
        perform: Perform,
        tasks: Tasks,
        applicant: str,
        parent: QWidget | None = None,
        *,
        electronic: bool = False,
    ) -> None:
        super().__init__(title, intro, perform, tasks, parent)
        self.receiver = QLineEdit(applicant)
        self.receiver.setObjectName("receiver")
        self.receiver.setMaxLength(100)
        self.receiver.setToolTip(self.tr("Người đến nhận kết quả; mặc định là người nộp hồ sơ"))
        self.note = _note_line(self.tr("ví dụ: nhận thay theo giấy ủy quyền"))
        # Paper, electronic or both: electronic needs the digitised result (the service says so).
        self.result_form = QComboBox()
        self.result_form.setObjectName("resultForm")
        for key, label in RESULT_FORMS.items():
            self.result_form.addItem(tr(label), key)
        self.result_form.setCurrentIndex(self.result_form.findData("both" if electronic else "paper"))
        self.result_form.setToolTip(
            self.tr("Có kết quả điện tử đã số hóa")
            if electronic
            else self.tr(
                "Chưa có kết quả điện tử: đính kèm ở thẻ «Tệp số hóa» của hồ sơ (F12) trước khi trả bản điện tử"
            )
        )
        self.add_row(self.tr("&Người nhận kết quả:"), self.receiver, "receiver")
        self.add_row(self.tr("&Hình thức trả:"), self.result_form, "result_form")
        self.add_row(self.tr("&Ghi chú:"), self.note, "note")
        self.ok_button.setText(self.tr("Trả kết quả (Enter)"))
        self.ok_button.setFocus()  # the applicant came for it: Enter hands it over

    def values(self) -> dict[str, Any]:
        return {
            "receiver": self.receiver.text(),
            "note": self.note.text(),
            "result_form": str(self.result_form.currentData()),
        }


class ExtendForm(StepForm):
    """A new due moment (after the current one) and the reason: once per dossier (Mẫu 04)."""

    def __init__(
        self,
        title: str,
        intro: str,
        perform: Perform,
        tasks: Tasks,
        current: datetime,
        proposal: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, intro, perform, tasks, parent)
        self.tz = current.tzinfo
        self.current = QLabel(_long(current))
        self.current.setObjectName("currentDue")
        self.due = QDateTimeEdit()
        self.due.setObjectName("newDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.due.setTimeZone(_qt_zone(current))
        self.due.setMinimumDateTime(QDateTime.fromSecsSinceEpoch(int(current.timestamp()) + 60))
        self.set_due(proposal)
        once = QLabel(
            self.tr(
                "Mỗi hồ sơ chỉ được hẹn lại <b>một lần</b>. Các số liệu vẫn tính hạn theo ngày hẹn hiện tại; "
                "sau khi lưu sẽ mở Văn bản xin lỗi và đề nghị gia hạn (Mẫu 04) để in."
            )
        )
        once.setObjectName("extendOnce")
        once.setWordWrap(True)
        once.setStyleSheet("color: #5c4000; background: #fff3cd; padding: 4px;")
        self.reason = _text_box("reason", self.tr("bắt buộc: lý do được in trong văn bản xin lỗi"))
        self.add_row(self.tr("Ngày hẹn hiện tại:"), self.current, "current")
        self.add_row(self.tr("Ngày hẹn &mới:"), self.due, "due")
        self.add_row(self.tr("&Lý do (*):"), self.reason, "note")
        self.form.addRow(once)
        self.due.setFocus()

    def set_due(self, at: datetime) -> None:
        self.due.setDateTime(QDateTime.fromSecsSinceEpoch(int(at.timestamp()), self.due.timeZone()))

    def chosen(self) -> datetime:
        return datetime.fromtimestamp(self.due.dateTime().toSecsSinceEpoch(), self.tz)

    def values(self) -> dict[str, Any]:
        return {"due": self.chosen(), "reason": self.reason.toPlainText()}


class ItemsTable(QTableWidget):
    """Documents and the reason each is asked for, one per row, all at once (Mẫu 02). Insert adds a
    row, Delete removes the current one; Enter, F2 or typing edits a cell, Enter ends it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("items")
        self.setHorizontalHeaderLabels([self.tr("Giấy tờ cần bổ sung, hoàn thiện"), self.tr("Lý do")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumHeight(150)

    def add_item(self, document: str = "", reason: str = "") -> int:
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(document))
        self.setItem(row, 1, QTableWidgetItem(reason))
        return row

    def text_at(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def set_text(self, row: int, column: int, text: str) -> None:
        item = self.item(row, column)
        if item is None:
            self.setItem(row, column, QTableWidgetItem(text))
        else:
            item.setText(text)

    def edit_cell(self, row: int, column: int) -> None:
        self.setFocus()
        self.setCurrentCell(row, column)
        item = self.item(row, column)
        if item is not None:
            self.editItem(item)

    def pairs(self) -> list[tuple[str, str]]:
        """The filled rows as (document, reason); a row with a reason but no document is kept, so the
        service can name it."""
        found = []
        for row in range(self.rowCount()):
            document, reason = self.text_at(row, 0), self.text_at(row, 1)
            if document or reason:
                found.append((document, reason))
        return found

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            # Enter ends a cell (its editor commits it) or edits the current one; it never confirms
            # the whole form, which is Ctrl+Enter.
            if self.state() != QAbstractItemView.State.EditingState and self.currentRow() >= 0:
                self.edit_cell(self.currentRow(), max(0, self.currentColumn()))
            event.accept()
            return
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() == Qt.Key.Key_Insert:
                self.edit_cell(self.add_item(), 0)
                return
            if event.key() == Qt.Key.Key_Delete and self.currentRow() >= 0:
                self.removeRow(self.currentRow())
                return
        super().keyPressEvent(event)


class SupplementForm(StepForm):
    """Everything missing at once: the documents (from the procedure's list or typed) and why."""

    def __init__(
        self,
        title: str,
        intro: str,
        perform: Perform,
        tasks: Tasks,
        documents: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, intro, perform, tasks, parent)
        self.setMinimumWidth(720)
        self.pick = QComboBox()
        self.pick.setObjectName("pickDocument")
        self.pick.addItem(self.tr("— chọn để thêm một giấy tờ của thủ tục —"), None)
        for name in documents:
            self.pick.addItem(name, name)
        self.pick.activated.connect(self._picked)
        self.table = ItemsTable()
        add = QPushButton(self.tr("Thêm dòng (Insert)"))
        add.setObjectName("addItem")
        add.setAutoDefault(False)
        add.clicked.connect(lambda: self.table.edit_cell(self.table.add_item(), 0))
        remove = QPushButton(self.tr("Xóa dòng (Delete)"))
        remove.setObjectName("removeItem")
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.pick, 1)
        row_buttons.addWidget(add)
        row_buttons.addWidget(remove)
        self.note = _note_line(self.tr("không bắt buộc, ví dụ: nộp bổ sung trong 10 ngày"))
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addLayout(row_buttons)
        box_layout.addWidget(self.table)
        self.add_row(self.tr("Giấy &tờ:"), box, "items")
        self.inputs["items"] = self.table
        self.add_row(self.tr("&Ghi chú:"), self.note, "note")
        self.table.add_item()
        self.pick.setFocus()

    def _picked(self, index: int) -> None:
        name = self.pick.itemData(index)
        if not name:
            return
        blank = next((r for r in range(self.table.rowCount()) if not self.table.text_at(r, 0)), None)
        row = blank if blank is not None else self.table.add_item()
        self.table.set_text(row, 0, str(name))
        self.pick.setCurrentIndex(0)
        self.table.edit_cell(row, 1)  # the reason next

    def values(self) -> dict[str, Any]:
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.setFocus()  # commits the cell being typed
        return {"items": self.table.pairs(), "note": self.note.text()}


__all__ = [
    "ExtendForm",
    "ItemsTable",
    "NoteForm",
    "ReasonForm",
    "ReturnForm",
    "StepForm",
    "SupplementForm",
    "TransferForm",
]
