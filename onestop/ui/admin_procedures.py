"""Administration: the procedure catalogue (thủ tục hành chính).

A catalogue JSON (the format of ``data/procedures.json``) is imported whole or not at all. Editing
a procedure's time limit or its documents saves a new version: dossiers already received keep the
version they were received under (their receipt and appointment do not change).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop.errors import UserError, ValidationError
from onestop.services import DOCUMENT_FORMS, Actor, DocumentSpec, Onestop, ProcedureInfo
from onestop.textfold import fold
from onestop.ui.admin_common import Column, FieldErrors, RowsModel, ask, with_error
from onestop.ui.common import FieldError, tr
from onestop.ui.ops import Changes, QueryOp, Tasks, WriteOp
from onestop.worktime import TIME_UNITS

_Index = QModelIndex | QPersistentModelIndex
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def unit_label(unit: str) -> str:
    return {
        "working_days": tr("Ngày làm việc"),
        "working_hours": tr("Giờ làm việc"),
        "same_day": tr("Trong ngày"),
    }.get(unit, unit)


class ProceduresModel(RowsModel):
    """The current version of every procedure in the catalogue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            (
                Column("code", tr("Mã"), lambda p: p.code),
                Column("name", tr("Tên thủ tục"), lambda p: p.name),
                Column("field", tr("Lĩnh vực"), lambda p: p.field),
                Column("limit", tr("Thời hạn"), lambda p: p.limit.describe()),
                Column("version", tr("Phiên bản"), lambda p: p.version, align_right=True),
            ),
            parent,
        )

    def row_of(self, code: str) -> int:
        for i, p in enumerate(self.rows):
            if p.code == code:
                return i
        return -1


class FoldedFilter(QSortFilterProxyModel):
    """Keeps the rows whose code, name or field contain every typed word, accents ignored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, ProceduresModel)
        p: ProcedureInfo = model.row_at(source_row)
        hay = fold(f"{p.code} {p.name} {p.field}")
        return all(w in hay for w in self._words)


class DocumentsModel(QAbstractTableModel):
    """The documents of the procedure being edited: name, form, count, required (editable)."""

    NAME, FORM, COUNT, REQUIRED = range(4)

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.docs: list[DocumentSpec] = []

    def set_documents(self, docs: tuple[DocumentSpec, ...] | list[DocumentSpec]) -> None:
        self.beginResetModel()
        self.docs = list(docs)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008  (Qt's signature)
        return 0 if parent.isValid() else len(self.docs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.REQUIRED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.docs):
            return None
        d = self.docs[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.NAME:
                return d.name
            if col == self.FORM:
                return d.form
            if col == self.COUNT:
                return d.count if role == Qt.ItemDataRole.EditRole else str(d.count)
            if col == self.REQUIRED and role == Qt.ItemDataRole.DisplayRole:
                return tr("Có") if d.required else tr("Không")
            return None
        if role == Qt.ItemDataRole.CheckStateRole and col == self.REQUIRED:
            return Qt.CheckState.Checked if d.required else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.docs):
            return False
        d = self.docs[index.row()]
        col = index.column()
        if col == self.REQUIRED and role == Qt.ItemDataRole.CheckStateRole:
            state = value.value if isinstance(value, Qt.CheckState) else int(value)
            new = DocumentSpec(d.name, d.form, d.count, state == Qt.CheckState.Checked.value)
        elif role == Qt.ItemDataRole.EditRole and col == self.NAME:
            new = DocumentSpec(" ".join(str(value).split()), d.form, d.count, d.required)
        elif role == Qt.ItemDataRole.EditRole and col == self.FORM and value in DOCUMENT_FORMS:
            new = DocumentSpec(d.name, str(value), d.count, d.required)
        elif role == Qt.ItemDataRole.EditRole and col == self.COUNT:
            try:
                count = int(value)
            except (TypeError, ValueError):
                return False
            if not 1 <= count <= 99:
                return False
            new = DocumentSpec(d.name, d.form, count, d.required)
        else:
            return False
        self.docs[index.row()] = new
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        self.changed.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 4:
            return (tr("Tên giấy tờ"), tr("Hình thức"), tr("Số lượng"), tr("Bắt buộc"))[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.docs):
            return str(section + 1)
        return None

    def add(self) -> int:
        row = len(self.docs)
        self.beginInsertRows(QModelIndex(), row, row)
        self.docs.append(DocumentSpec("", DOCUMENT_FORMS[0], 1, True))
        self.endInsertRows()
        self.changed.emit()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.docs):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.docs[row]
            self.endRemoveRows()
            self.changed.emit()

    def move(self, row: int, delta: int) -> int:
        """Moves a document up (-1) or down (+1); the order is the order on the receipt."""
        target = row + delta
        if not (0 <= row < len(self.docs) and 0 <= target < len(self.docs)):
            return row
        dest = target + 1 if delta > 0 else target  # Qt counts the destination before the move
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self.docs[row], self.docs[target] = self.docs[target], self.docs[row]
        self.endMoveRows()
        self.changed.emit()
        return target

    def problem(self) -> str | None:
        for i, d in enumerate(self.docs, start=1):
            if not d.name.strip():
                return tr("Thành phần hồ sơ, dòng {0}: chưa nhập tên giấy tờ.").format(i)
        return None


class DocumentDelegate(QStyledItemDelegate):
    """A list of the allowed forms for «Hình thức», a 1–99 spin box for «Số lượng»."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        if index.column() == DocumentsModel.FORM:
            combo = QComboBox(parent)
            combo.addItems(list(DOCUMENT_FORMS))
            return combo
        if index.column() == DocumentsModel.COUNT:
            spin = QSpinBox(parent)
            spin.setRange(1, 99)
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findText(str(index.data(Qt.ItemDataRole.EditRole)))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def read_catalog(path: Path) -> dict[str, Any]:
    """The JSON of a catalogue file, or one Vietnamese message naming the file."""
    name = path.name
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(tr("Tệp «{0}»: không tìm thấy tệp.").format(name)) from None
    except PermissionError:
        raise UserError(tr("Tệp «{0}»: không có quyền đọc tệp.").format(name)) from None
    except UnicodeDecodeError:
        raise UserError(tr("Tệp «{0}»: không phải văn bản UTF-8.").format(name)) from None
    except OSError as exc:
        raise UserError(tr("Tệp «{0}»: không đọc được ({1}).").format(name, exc.strerror or exc)) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UserError(
            tr("Tệp «{0}»: không phải JSON hợp lệ (dòng {1}, cột {2}).").format(name, exc.lineno, exc.colno)
        ) from None
    if not isinstance(data, dict):
        raise UserError(tr("Tệp «{0}»: thiếu danh sách «procedures».").format(name))
    return data


class ProceduresTab(QWidget):
    """«Thủ tục»: the catalogue, importing a catalogue file, editing one procedure as a new version."""

    saved = Signal(str, int)  # code, new version

    def __init__(self, svc: Onestop, actor: Actor, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.errors = FieldErrors()
        self.current: ProcedureInfo | None = None
        self.dirty = False  # the editor holds changes not saved yet
        self.file_dialog: QFileDialog | None = None
        self._select_after_load: str | None = None

        # ---- the catalogue
        self.search = QLineEdit()
        self.search.setObjectName("procedureSearch")
        self.search.setPlaceholderText(self.tr("Tìm theo mã, tên hoặc lĩnh vực (Ctrl+F), không cần dấu"))
        self.search.setClearButtonEnabled(True)
        find = QShortcut(QKeySequence("Ctrl+F"), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search.setFocus)
        self.import_button = QPushButton(self.tr("&Nhập danh mục JSON…"))
        self.import_button.setObjectName("importCatalog")
        self.import_button.clicked.connect(self.choose_file)
        self.count = QLabel()
        self.count.setObjectName("procedureCount")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.import_button)

        self.model = ProceduresModel(self)
        self.proxy = FoldedFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_query)
        self.table = QTableView()
        self.table.setObjectName("procedureTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.column("name"), QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.search.returnPressed.connect(self.table.setFocus)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        catalogue = QWidget()
        cat_layout = QVBoxLayout(catalogue)
        cat_layout.setContentsMargins(0, 0, 0, 0)
        cat_layout.addLayout(top)
        cat_layout.addWidget(self.table, 1)
        cat_layout.addWidget(self.status)

        # ---- the editor
        self.title = QLabel(self.tr("Chọn một thủ tục trong danh mục để sửa."))
        self.title.setObjectName("procedureTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        self.time_unit = QComboBox()
        self.time_unit.setObjectName("timeUnit")
        for unit in TIME_UNITS:
            self.time_unit.addItem(unit_label(unit), unit)
        self.time_value = QSpinBox()
        self.time_value.setObjectName("timeValue")
        self.time_value.setRange(0, 365)
        self.cutoff = QLineEdit()
        self.cutoff.setObjectName("cutoff")
        self.cutoff.setPlaceholderText(self.tr("GG:PP, để trống nếu không có"))
        self.cutoff.setMaximumWidth(280)
        self.time_unit.currentIndexChanged.connect(self._unit_changed)
        self.time_unit.currentIndexChanged.connect(self._mark_dirty)
        self.time_value.valueChanged.connect(self._mark_dirty)
        self.cutoff.textEdited.connect(self._mark_dirty)
        limit_row = QHBoxLayout()
        limit_row.setContentsMargins(0, 0, 0, 0)
        limit_row.addWidget(self.time_unit)
        limit_row.addWidget(self.time_value)
        limit_row.addStretch(1)
        limit_widget = QWidget()
        limit_widget.setLayout(limit_row)
        limit_widget.setFocusProxy(self.time_unit)
        limit_box, limit_error = with_error(limit_widget)
        self.errors.add("time_limit", self.time_unit, limit_error)
        cutoff_box, cutoff_error = with_error(self.cutoff)
        self.errors.add("cutoff", self.cutoff, cutoff_error)

        self.docs = DocumentsModel(self)
        self.docs.changed.connect(self._mark_dirty)
        self.docs_view = QTableView()
        self.docs_view.setObjectName("documentsTable")
        self.docs_view.setModel(self.docs)
        self.docs_view.setItemDelegate(DocumentDelegate(self.docs_view))
        self.docs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.docs_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.docs_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.docs_view.setWordWrap(True)
        self.docs_view.setMinimumHeight(120)
        self.docs_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        dh = self.docs_view.horizontalHeader()
        dh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        dh.setSectionResizeMode(DocumentsModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.docs_view.setToolTip(self.tr("F2 hoặc gõ để sửa ô; Space để đánh dấu «Bắt buộc»."))
        self.docs_error = FieldError()
        self.errors.add("documents", self.docs_view, self.docs_error)
        self.add_doc = QPushButton(self.tr("Thêm giấy tờ (Ctrl+Ins)"))
        self.add_doc.setObjectName("addDocument")
        self.add_doc.clicked.connect(self.add_document)
        self.remove_doc = QPushButton(self.tr("Xóa giấy tờ (Ctrl+Del)"))
        self.remove_doc.setObjectName("removeDocument")
        self.remove_doc.clicked.connect(self.remove_document)
        self.up_doc = QPushButton(self.tr("Lên (Ctrl+↑)"))
        self.up_doc.clicked.connect(lambda: self.move_document(-1))
        self.down_doc = QPushButton(self.tr("Xuống (Ctrl+↓)"))
        self.down_doc.clicked.connect(lambda: self.move_document(+1))
        for key, slot in (
            ("Ctrl+Ins", self.add_document),
            ("Ctrl+Del", self.remove_document),
            ("Ctrl+Up", lambda: self.move_document(-1)),
            ("Ctrl+Down", lambda: self.move_document(+1)),
        ):
            sc = QShortcut(QKeySequence(key), self.docs_view)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        doc_buttons = QHBoxLayout()
        for b in (self.add_doc, self.remove_doc, self.up_doc, self.down_doc):
            doc_buttons.addWidget(b)
        doc_buttons.addStretch(1)

        self.save_button = QPushButton(self.tr("Lưu thành phiên bản mới (Ctrl+S)"))
        self.save_button.setObjectName("saveProcedure")
        self.save_button.clicked.connect(self.save)
        self.saved_note = QLabel()
        self.saved_note.setObjectName("savedNote")
        self.saved_note.setWordWrap(True)

        form = QFormLayout()
        for text, box, buddy in (
            (self.tr("Thời &hạn giải quyết:"), limit_box, self.time_unit),
            (self.tr("Giờ &chốt nhận trong ngày:"), cutoff_box, self.cutoff),
        ):
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, box)
        docs_label = QLabel(self.tr("Thành &phần hồ sơ:"))
        docs_label.setBuddy(self.docs_view)

        self.editor = QGroupBox(
            self.tr("Sửa thủ tục (lưu thành phiên bản mới; hồ sơ đã nhận giữ phiên bản cũ)")
        )
        self.editor.setObjectName("procedureEditor")
        ed = QVBoxLayout(self.editor)
        ed.addWidget(self.title)
        ed.addLayout(form)
        ed.addWidget(docs_label)
        ed.addWidget(self.docs_view, 1)
        ed.addWidget(self.docs_error)
        ed.addLayout(doc_buttons)
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved_note, 1)
        save_row.addWidget(self.save_button)
        ed.addLayout(save_row)
        self.editor.setEnabled(False)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("procedureSplitter")
        splitter.addWidget(catalogue)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 400])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # ---- the catalogue

    def load(self) -> None:
        QueryOp(self, self.svc.catalog.procedures, self._loaded, tasks=self.tasks).run_in_background()

    def _loaded(self, procedures: list[ProcedureInfo]) -> None:
        keep = self._select_after_load or (self.current.code if self.current else None)
        self._select_after_load = None
        self.model.set_rows(procedures)
        self.count.setText(self.tr("{0} thủ tục").format(len(procedures)))
        if keep:
            self.select(keep)

    def select(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        proc: ProcedureInfo = self.proxy.data(current, Qt.ItemDataRole.UserRole)
        editing = self.current
        if editing is not None and self.dirty:
            if (proc.code, proc.version) == (editing.code, editing.version):
                return  # back on the procedure being edited: keep what was typed
            question = self.tr("Thủ tục {0} có thay đổi chưa lưu. Bỏ các thay đổi đó?").format(editing.code)
            if not ask(self, self.tr("Thay đổi chưa lưu"), question):
                # Back to the procedure being edited once this selection change is over.
                QTimer.singleShot(0, lambda: self.select(editing.code))
                return
        self.edit(proc)

    def _mark_dirty(self) -> None:
        if self.editor.isEnabled():
            self.dirty = True

    def edit(self, proc: ProcedureInfo) -> None:
        self.current = proc
        self.errors.clear()
        if not self.saved_note.property("keep"):
            self.saved_note.clear()
        self.saved_note.setProperty("keep", False)
        self.title.setText(self.tr("{0} — {1} (phiên bản {2})").format(proc.code, proc.name, proc.version))
        self.time_unit.setCurrentIndex(max(0, self.time_unit.findData(proc.limit.unit)))
        self.time_value.setValue(proc.limit.value)
        self.cutoff.setText(proc.limit.cutoff.strftime("%H:%M") if proc.limit.cutoff else "")
        self._unit_changed()
        self.docs.set_documents(proc.documents)
        self.editor.setEnabled(True)
        self.dirty = False

    def _unit_changed(self) -> None:
        same_day = self.time_unit.currentData() == "same_day"
        self.cutoff.setEnabled(same_day)
        self.time_value.setEnabled(not same_day)
        self.time_value.setMinimum(0 if same_day else 1)

    # ---- documents

    def _doc_row(self) -> int:
        index = self.docs_view.currentIndex()
        return index.row() if index.isValid() else -1

    def add_document(self) -> None:
        row = self.docs.add()
        index = self.docs.index(row, DocumentsModel.NAME)
        self.docs_view.setCurrentIndex(index)
        self.docs_view.setFocus()
        self.docs_view.edit(index)

    def remove_document(self) -> None:
        row = self._doc_row()
        self.docs.remove(row)
        if self.docs.rowCount():
            self.docs_view.setCurrentIndex(self.docs.index(min(row, self.docs.rowCount() - 1), 0))
        self.docs_view.setFocus()

    def move_document(self, delta: int) -> None:
        index = self.docs_view.currentIndex()
        if not index.isValid():
            return
        row = self.docs.move(index.row(), delta)
        self.docs_view.setCurrentIndex(self.docs.index(row, index.column()))

    # ---- saving a new version

    def save(self) -> None:
        proc = self.current
        if proc is None or not self.editor.isEnabled():
            return
        if self.docs_view.state() == QAbstractItemView.State.EditingState:
            # Ctrl+S while a cell is open: leaving the cell hands its text to the model first.
            self.save_button.setFocus()
        self.errors.clear()
        unit = str(self.time_unit.currentData())
        value = self.time_value.value() if unit != "same_day" else 0
        cutoff = self.cutoff.text().strip() if unit == "same_day" else ""
        if cutoff:
            match = _HHMM.match(cutoff)
            if match is None:
                self.errors.show("cutoff", self.tr("Giờ chốt: phải có dạng GG:PP, ví dụ 15:00."))
                return
            cutoff = f"{int(match[1]):02d}:{match[2]}"
        problem = self.docs.problem()
        if problem:
            self.errors.show("documents", problem)
            return
        docs = list(self.docs.docs)
        code = proc.code

        def work() -> ProcedureInfo:
            return self.svc.catalog.update_procedure(
                code,
                time_unit=unit,
                time_value=value,
                cutoff=cutoff or None,
                documents=docs,
                actor=self.actor,
            )

        def done(new: ProcedureInfo) -> None:
            if new.version == proc.version:
                note = self.tr("Không có thay đổi: thủ tục {0} vẫn ở phiên bản {1}.").format(
                    code, new.version
                )
            else:
                note = self.tr(
                    "Đã lưu phiên bản {1} của thủ tục {0}. Hồ sơ đã nhận vẫn giữ phiên bản {2}."
                ).format(code, new.version, proc.version)
                self.saved.emit(code, new.version)
            self.dirty = False
            self.saved_note.setText(note)
            self.saved_note.setProperty("keep", True)  # survives the reload's re-selection
            self._select_after_load = code
            self.load()

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, ValidationError) and exc.field == "catalog":
                exc = ValidationError(exc.message, field="time_limit")
            return self.errors.claim(exc)

        def changes(new: ProcedureInfo) -> Changes:
            return Changes.CATALOG if new.version != proc.version else Changes.NONE

        op = WriteOp(self, work, done, changes=changes, tasks=self.tasks)
        op.while_running(self.save_button.setDisabled).failure(failed).run_in_background()

    # ---- importing a catalogue

    def choose_file(self) -> None:
        dialog = QFileDialog(
            self,
            self.tr("Nhập danh mục thủ tục"),
            str(Path.home()),
            self.tr("Danh mục JSON (*.json);;Mọi tệp (*)"),
        )
        dialog.setObjectName("catalogDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.fileSelected.connect(lambda path: self.import_file(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()

    def import_file(self, path: Path) -> None:

        def work() -> tuple[int, int]:
            data = read_catalog(path)
            current = self.svc.catalog.procedures()
            before = {p.code: p.version for p in current}
            # A new version of a listed procedure keeps the unit it is handed to by default.
            unit_for = {p.code: p.default_unit_id for p in current if p.default_unit_id}
            try:
                self.svc.catalog.import_catalog(data, unit_for=unit_for, actor=self.actor)
            except UserError as exc:
                raise UserError(tr("Tệp «{0}»: {1}").format(path.name, exc.message)) from None
            after = {p.code: p.version for p in self.svc.catalog.procedures()}
            added = sum(1 for c in after if c not in before)
            changed = sum(1 for c in after if c in before and after[c] != before[c])
            return added, changed

        def done(counts: tuple[int, int]) -> None:
            added, changed = counts
            self.load()
            self.status.setText(
                self.tr("Đã nhập {0}: {1} thủ tục mới, {2} thủ tục có phiên bản mới.").format(
                    path.name, added, changed
                )
            )

        def failed(exc: BaseException) -> bool:
            self.status.setText(self.tr("Chưa nhập {0}.").format(path.name))
            return False  # shown by the op, «Thử lại» importing the file again

        def importing(busy: bool) -> None:
            self.import_button.setDisabled(busy)
            if busy:
                self.status.setText(self.tr("Đang nhập {0}…").format(path.name))

        def changes(counts: tuple[int, int]) -> Changes:
            return Changes.CATALOG if any(counts) else Changes.NONE

        op = WriteOp(self, work, done, changes=changes, tasks=self.tasks)
        op.while_running(importing).with_progress(self.tr("Đang nhập {0}…").format(path.name))
        op.failure(failed).run_in_background()
