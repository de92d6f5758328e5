"""Pieces shared by the administration tabs: a thin read-only table model, inline field errors,
a yes/no question.

The tabs themselves live in ``admin_settings``, ``admin_calendar``, ``admin_procedures`` and
``admin_staff``; ``admin.AdminView`` puts them together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from onestop.errors import ValidationError
from onestop.ui.common import FieldError, mark_invalid, tr

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One named column: its key (tests and code refer to it), its header and how a row shows in it."""

    key: str
    header: str
    value: Callable[[Any], object]
    align_right: bool = False


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of rows (dataclasses or dicts), with named columns.

    ``Qt.UserRole`` gives the row object itself, so views find the selected item without
    re-parsing display text."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def column(self, key: str) -> int:
        for i, col in enumerate(self.columns):
            if col.key == key:
                return i
        raise KeyError(key)

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008  (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        col = self.columns[index.column()]
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = col.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            return str(section + 1)
        return None


def with_error(widget: QWidget) -> tuple[QWidget, FieldError]:
    """The field with its inline message underneath, as one widget for a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    error = FieldError()
    layout.addWidget(error)
    box.setFocusProxy(widget)
    return box, error


class FieldErrors:
    """Inline messages of one form, by the service's field name (``ValidationError.field``)."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, FieldError, bool]] = {}

    def add(self, key: str, widget: QWidget, label: FieldError, *, mark: bool = True) -> None:
        """``widget`` gets the focus (and the red border unless ``mark`` is False: a container's
        border would cascade to every child)."""
        self._fields[key] = (widget, label, mark)

    def label(self, key: str) -> FieldError:
        return self._fields[key][1]

    def clear(self) -> None:
        for widget, label, mark in self._fields.values():
            label.show_message("")
            if mark:
                mark_invalid(widget, False)

    def show(self, key: str, message: str) -> bool:
        """The message beside the field named ``key`` (focused, marked); False when not in this form."""
        if key not in self._fields:
            return False
        widget, label, mark = self._fields[key]
        label.show_message(message)
        if mark:
            mark_invalid(widget, True)
        widget.setFocus()
        return True

    def claim(self, exc: BaseException) -> bool:
        """An op's failure handler (``ops.QueryOp.failure``): a validation error of a field of this
        form goes beside it (True); anything else is left to the op to show (False)."""
        return (
            isinstance(exc, ValidationError) and exc.field is not None and self.show(exc.field, exc.message)
        )


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question; "Không" is the default so a stray Enter changes nothing."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(tr("Có"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(tr("Không"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
