"""The receiving screen's parts that need no form around them: the wording of the appointment, the
procedure catalogue and its picker list (matched accent-insensitively on the GUI thread), and the
document checklist (model, editors, keys)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from onestop.services import (
    DOCUMENT_FORMS,
    DocumentSpec,
    ProcedureInfo,
    SubmittedDocument,
)
from onestop.textfold import fold, tokens
from onestop.ui.common import tr

_Index = QModelIndex | QPersistentModelIndex
_INDEX = QModelIndex()


# --------------------------------------------------------------------------- pure helpers


def weekday_name(d: datetime) -> str:
    names = (
        tr("thứ Hai"),
        tr("thứ Ba"),
        tr("thứ Tư"),
        tr("thứ Năm"),
        tr("thứ Sáu"),
        tr("thứ Bảy"),
        tr("Chủ nhật"),
    )
    return names[d.weekday()]


def appointment_text(due: datetime) -> str:
    """``"17 giờ 00 phút, thứ Tư, ngày 25/11/2026"`` (the wording of the receipt's item 5)."""
    return tr("{0:02d} giờ {1:02d} phút, {2}, ngày {3}").format(
        due.hour, due.minute, weekday_name(due), due.strftime("%d/%m/%Y")
    )


def limit_text(proc: ProcedureInfo) -> str:
    text = proc.limit.describe()
    if proc.limit.cutoff is not None:
        text += tr(" (nhận sau {0} thì hẹn ngày làm việc tiếp theo)").format(
            proc.limit.cutoff.strftime("%H:%M")
        )
    return text


@dataclass(frozen=True)
class _Entry:
    proc: ProcedureInfo
    words: tuple[str, ...]
    position: int


class Catalog:
    """The procedures with their folded words, for the picker (loaded once, matched on the GUI thread)."""

    def __init__(self, procedures: Sequence[ProcedureInfo], usage: dict[str, int] | None = None) -> None:
        self.entries = [_Entry(p, tuple(tokens(f"{p.code} {p.name}")), i) for i, p in enumerate(procedures)]
        self.usage: dict[str, int] = dict(usage or {})

    def __len__(self) -> int:
        return len(self.entries)

    def used(self, code: str) -> None:
        self.usage[code] = self.usage.get(code, 0) + 1

    def match(self, text: str) -> list[ProcedureInfo]:
        """Procedures whose code or name has a word starting with each typed word (accent-insensitive),
        the exact code first, then the ones this clerk used most, then catalogue order."""
        typed = tokens(text)
        exact = fold(text.strip())
        hits = [e for e in self.entries if all(any(w.startswith(t) for w in e.words) for t in typed)]
        hits.sort(key=lambda e: (e.proc.code != exact, -self.usage.get(e.proc.code, 0), e.position))
        return [e.proc for e in hits]


# --------------------------------------------------------------------------- models


class ProcedureListModel(QAbstractListModel):
    """The picker's matches: «code — name», the code under ``CodeRole``."""

    CodeRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[ProcedureInfo] = []

    def set_items(self, items: Sequence[ProcedureInfo]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: _Index = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        proc = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{proc.code} — {proc.name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{proc.name}\n{proc.field} · {proc.limit.describe()}"
        if role == self.CodeRole:
            return proc.code
        return None


@dataclass
class _Doc:
    spec: DocumentSpec
    checked: bool
    form: str
    count: int


class ChecklistModel(QAbstractTableModel):
    """The documents of the chosen procedure: ticked or not, form, count. Required ones marked (*)."""

    NAME, FORM, COUNT = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[_Doc] = []

    def set_documents(self, specs: Sequence[DocumentSpec], *, keep: bool = False) -> None:
        """Show these documents; ``keep``: what was ticked (by name) stays ticked, with its form and count."""
        old = {fold(d.spec.name): d for d in self.rows} if keep else {}
        self.beginResetModel()
        self.rows = []
        for spec in specs:
            before = old.get(fold(spec.name))
            if before is not None:
                self.rows.append(_Doc(spec, before.checked, before.form, before.count))
            else:
                self.rows.append(_Doc(spec, False, spec.form, max(1, spec.count)))
        self.endResetModel()

    def rowCount(self, parent: _Index = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _INDEX) -> int:
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (self.tr("Giấy tờ (* bắt buộc)"), self.tr("Hình thức"), self.tr("Số lượng"))[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NAME:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        doc, col = self.rows[index.row()], index.column()
        if col == self.NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return doc.spec.name + (" (*)" if doc.spec.required else "")
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if doc.checked else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Bắt buộc") if doc.spec.required else self.tr("Nếu có")
            if role == Qt.ItemDataRole.FontRole and doc.spec.required:
                font = QFont()
                font.setBold(True)
                return font
        elif col == self.FORM:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return doc.form
        elif col == self.COUNT:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return doc.count
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return False
        doc, col = self.rows[index.row()], index.column()
        if col == self.NAME and role == Qt.ItemDataRole.CheckStateRole:
            doc.checked = Qt.CheckState(value) == Qt.CheckState.Checked
        elif col == self.FORM and role == Qt.ItemDataRole.EditRole and value in DOCUMENT_FORMS:
            doc.form = str(value)
        elif col == self.COUNT and role == Qt.ItemDataRole.EditRole:
            try:
                count = int(value)
            except (TypeError, ValueError):
                return False
            if not 1 <= count <= 99:
                return False
            doc.count = count
            if not doc.checked:  # a count given for a document means it was handed in
                doc.checked = True
                first = self.index(index.row(), self.NAME)
                self.dataChanged.emit(first, first, [Qt.ItemDataRole.CheckStateRole])
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            checked = self.rows[row].checked
            self.setData(
                self.index(row, self.NAME),
                Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
                Qt.ItemDataRole.CheckStateRole,
            )

    def submitted(self) -> list[SubmittedDocument]:
        return [SubmittedDocument(d.spec.name, d.form, d.count) for d in self.rows if d.checked]

    def missing_required(self) -> list[str]:
        return [d.spec.name for d in self.rows if d.spec.required and not d.checked]

    def first_missing_row(self) -> int:
        return next((i for i, d in enumerate(self.rows) if d.spec.required and not d.checked), -1)


class _ChecklistDelegate(QStyledItemDelegate):
    """A combo box of the legal forms for «Hình thức», a 1–99 spin box for «Số lượng»."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        if index.column() == ChecklistModel.FORM:
            combo = QComboBox(parent)
            combo.addItems(list(DOCUMENT_FORMS))
            return combo
        if index.column() == ChecklistModel.COUNT:
            spin = QSpinBox(parent)
            spin.setRange(1, 99)
            spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findText(str(value))))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class ChecklistView(QTableView):
    """Arrows move, Space ticks the row (whatever the column), F2 or a digit edits; Tab leaves the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(True)
        self.setItemDelegate(_ChecklistDelegate(self))
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        if (
            event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and isinstance(model, ChecklistModel)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            if self.currentIndex().isValid():
                model.toggle(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        model = self.model()
        if model is not None and model.rowCount() and not self.currentIndex().isValid():
            self.setCurrentIndex(model.index(0, 0))
