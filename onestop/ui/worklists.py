"""The home screens of processing and supervision: «Hồ sơ của tôi» and «Quá hạn, sắp đến hạn».

Both are one view over ``svc.worklists.work_list``: the processing officer's dossiers (held by them or
their unit, every unit's for an account that acts for all), or the agency's open dossiers that are
overdue or due within one working day, with who holds them. Earliest due first, fetched a page at a
time in the background; overdue red and due soon amber, said in words too. The steps of the selected
dossier are under the list (``StepBar``), their keys working from the list; Enter opens the detail.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop.services import Act, Actor, Onestop, WorkPage, WorkRow
from onestop.ui.board import BoardCountsBar, DirectiveDialog, DirectivesBanner
from onestop.ui.dossiers import (
    DUE_SOON,
    OVERDUE,
    PAUSED,
    STATE_COLOURS,
    long_time,
    not_digitised_icon,
    short_time,
    status_text,
)
from onestop.ui.ops import Changes, QueryOp, Tasks, watch
from onestop.ui.paging import PagedModel, row_table
from onestop.ui.steps import StepBar, StepContext, load_context

MINE = "mine"
URGENT = "urgent"

_Index = QModelIndex | QPersistentModelIndex
_INDEX = QModelIndex()


class WorkListModel(PagedModel):
    """A work list in due order, fetched a page at a time in the background (never every row)."""

    CODE, PROCEDURE, APPLICANT, UNIT, HOLDER, DUE, CURRENT_DUE, STATE, HELD_SINCE, DIRECTIVES = range(10)
    CodeRole = Qt.ItemDataRole.UserRole + 1
    RowRole = Qt.ItemDataRole.UserRole + 2
    StateRole = Qt.ItemDataRole.UserRole + 3

    PAGE = 100
    MAX_REFRESH = 1000  # the service's largest page

    def __init__(
        self,
        svc: Onestop,
        actor: Actor,
        tasks: Tasks,
        which: str,
        parent: Any = None,
        *,
        page_size: int = PAGE,
    ) -> None:
        super().__init__(tasks, parent, page_size, self._fetch_page, self._page_after)
        self.svc = svc
        self.actor = actor
        self.which = which
        self._titles = (
            self.tr("Mã hồ sơ"),
            self.tr("Thủ tục"),
            self.tr("Người nộp"),
            self.tr("Đơn vị đang giữ"),
            self.tr("Người xử lý"),
            self.tr("Hẹn ban đầu"),
            self.tr("Hạn hiện tại"),
            self.tr("Tình trạng"),
            self.tr("Giữ từ lúc"),
            self.tr("Chỉ đạo"),
        )
        self._markers = {
            OVERDUE: self.tr("Quá hạn"),
            DUE_SOON: self.tr("Sắp đến hạn"),
            PAUSED: self.tr("Tạm dừng tính giờ"),
        }
        self._rows: list[WorkRow] = []

    # ---- fetching

    def refresh(self) -> None:
        """Fetch again from the start, as many rows as are loaded (after a step, or time moved on)."""
        size = min(max(self.page_size, len(self._rows)), self.MAX_REFRESH)
        self._start(None, size, append=False)

    def _fetch_page(self, after: Any, size: int) -> Callable[[], WorkPage]:
        svc, actor, which = self.svc, self.actor, self.which
        return lambda: svc.worklists.work_list(which, after=after, limit=size, actor=actor)

    def _page_after(self) -> Any:
        last = self._rows[-1]
        return (last.current_due_at, last.id)

    # ---- the Qt model

    def columnCount(self, parent: _Index = _INDEX) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._titles)
        return self._titles[section] if horizontal and role == Qt.ItemDataRole.DisplayRole else None

    def row_at(self, row: int) -> WorkRow:
        return self._rows[row]

    def codes(self) -> list[str]:
        return [r.code for r in self._rows]

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._rows)
            or index.column() >= len(self._titles)
        ):
            return None
        r, col = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(r, col)
        if role == self.CodeRole:
            return r.code
        if role == self.RowRole:
            return r
        if role == self.StateRole:
            return r.deadline
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.DecorationRole and col == self.CODE and not r.digitised:
            return not_digitised_icon()  # as in the dossier list: papers not all scanned yet
        if role == Qt.ItemDataRole.BackgroundRole:
            background = STATE_COLOURS.get(r.deadline, (None, ""))[0]
            return QBrush(QColor(background)) if background else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colours = STATE_COLOURS.get(r.deadline)
            return QBrush(QColor(colours[1])) if colours else None
        if role == Qt.ItemDataRole.FontRole and (
            (r.deadline == OVERDUE and col in (self.CURRENT_DUE, self.STATE))
            or (col == self.DIRECTIVES and r.directives)
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, r: WorkRow, col: int) -> str:
        if col == self.CODE:
            return r.code
        if col == self.PROCEDURE:
            return r.procedure_name
        if col == self.APPLICANT:
            return r.applicant_name
        if col == self.UNIT:
            return r.unit or self.tr("Bộ phận Một cửa")
        if col == self.HOLDER:
            if not r.holder:
                return self.tr("(chưa ai nhận)")
            return f"{r.holder} ({r.holder_unit})" if r.holder_unit and r.holder_unit != r.unit else r.holder
        if col == self.HELD_SINCE:
            return short_time(r.held_since) if r.held_since else ""
        if col == self.DIRECTIVES:
            return self.tr("{0} chờ trả lời").format(r.directives) if r.directives else ""
        if col == self.DUE:
            return short_time(r.due_at)
        if col == self.CURRENT_DUE:
            moment = short_time(r.current_due_at)
            return self.tr("{0} (hẹn lại)").format(moment) if r.extended else moment
        marker = self._markers.get(r.deadline)
        # In words, not only in colour (colour-blind users, monochrome screens).
        return f"{marker} · {status_text(r.status)}" if marker else status_text(r.status)

    def _tooltip(self, r: WorkRow, col: int) -> str:
        if col == self.CODE and not r.digitised:
            return self.tr("Chưa số hóa: đã quét {0}/{1} giấy tờ").format(r.scanned, r.documents)
        if col == self.PROCEDURE:
            return f"{r.procedure_code} — {r.procedure_name}"
        if col in (self.UNIT, self.HOLDER, self.APPLICANT):
            return self._display(r, col)
        if col == self.HELD_SINCE and r.held_since:
            return self.tr("Đơn vị/người đang giữ nhận hồ sơ lúc {0}").format(long_time(r.held_since))
        if col == self.DIRECTIVES and r.directives:
            return self.tr("Có chỉ đạo của lãnh đạo chưa được trả lời")
        if col in (self.DUE, self.CURRENT_DUE, self.STATE):
            due = long_time(r.current_due_at)
            if r.deadline == OVERDUE:
                return self.tr("Quá hạn: phải trả lúc {0}").format(due)
            if r.deadline == DUE_SOON:
                return self.tr("Đến hạn trong vòng một ngày làm việc: {0}").format(due)
            if r.deadline == PAUSED:
                return self.tr("Đang chờ người nộp bổ sung: thời gian giải quyết tạm dừng")
            return self.tr("Hạn: {0}").format(due)
        return ""


class WorkListView(QWidget):
    """A work list with the steps of the selected dossier under it."""

    open_requested = Signal(str)

    SELECT_DELAY_MS = 150

    def __init__(
        self,
        svc: Onestop,
        actor: Actor,
        tasks: Tasks,
        ui_state: QSettings,
        which: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.which = which
        self.setObjectName("myDossiers" if which == MINE else "urgentDossiers")

        if which == MINE:
            heading = (
                self.tr("Hồ sơ của tôi — các đơn vị đang giữ, hạn sớm nhất trước")
                if actor.all_units
                else self.tr("Hồ sơ của tôi — tôi nhận xử lý hoặc đơn vị tôi đang giữ, hạn sớm nhất trước")
            )
        else:
            heading = self.tr(
                "Hồ sơ quá hạn hoặc đến hạn trong vòng một ngày làm việc, hạn sớm nhất trước — ai đang giữ"
            )
        self.heading = QLabel(heading)
        self.heading.setObjectName("workListHeading")
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600;")

        self.model = WorkListModel(svc, actor, tasks, which, self)
        self.table = row_table("workListTable", self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(WorkListModel.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WorkListModel.UNIT, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        widths = {
            # The code, and room for the not-digitised mark beside it.
            WorkListModel.CODE: metrics.horizontalAdvance("H15.50.05.13-261123-0000") + 38,
            WorkListModel.APPLICANT: metrics.horizontalAdvance("Nguyễn Thị Thu Hương") + 16,
            WorkListModel.HOLDER: metrics.horizontalAdvance("Lê Thị Hồng Nhung") + 16,
            WorkListModel.DUE: metrics.horizontalAdvance("Hẹn ban đầu") + 20,
            WorkListModel.CURRENT_DUE: metrics.horizontalAdvance("00/00 00:00 (hẹn lại)") + 12,
            WorkListModel.STATE: metrics.horizontalAdvance("Sắp đến hạn · Đã tiếp nhận") + 16,
            WorkListModel.HELD_SINCE: max(
                metrics.horizontalAdvance("Giữ từ lúc"), metrics.horizontalAdvance("00/00 00:00")
            )
            + 24,
            WorkListModel.DIRECTIVES: metrics.horizontalAdvance("1 chờ trả lời") + 30,  # bold
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        if which == MINE and not actor.all_units:
            self.table.setColumnHidden(WorkListModel.UNIT, True)  # their own unit, on every row
        # Who holds it, then since when: the board reads left to right.
        header.moveSection(
            header.visualIndex(WorkListModel.HELD_SINCE), header.visualIndex(WorkListModel.HOLDER) + 1
        )
        self.table.setColumnHidden(WorkListModel.APPLICANT, which == URGENT)  # room for who and since when
        # The officer works to the current due moment (it says «hẹn lại» when re-appointed); the
        # original one and since when a unit holds it are the head's figures: room for the
        # procedure and the unit on 1366 px.
        self.table.setColumnHidden(WorkListModel.DUE, which == MINE)
        self.table.setColumnHidden(WorkListModel.HELD_SINCE, which == MINE)
        self.table.setToolTip(
            self.tr("Enter hoặc nhấn đúp: mở hồ sơ. Phím tắt của các bước dùng được ngay tại đây.")
        )

        self.count = QLabel("")
        self.count.setObjectName("workListCount")
        legend = QLabel(
            "&nbsp;&nbsp;".join(
                f"<span style='background:{background};color:{colour}'>&nbsp;{text}&nbsp;</span>"
                for (background, colour), text in (
                    (STATE_COLOURS[OVERDUE], self.tr("Quá hạn")),
                    (STATE_COLOURS[DUE_SOON], self.tr("Sắp đến hạn (trong 1 ngày làm việc)")),
                )
            )
        )
        self.selected = QLabel("")
        self.selected.setObjectName("workListSelected")
        self.selected.setStyleSheet("font-weight: 600;")
        self.steps = StepBar(svc, actor, tasks, ui_state, scope=self, parent=self, take_focus=False)

        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(legend)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        self.counts: BoardCountsBar | None = None
        self.banner: DirectivesBanner | None = None
        self.direct_button: QPushButton | None = None
        if which == URGENT:
            self.counts = BoardCountsBar(svc, actor, tasks, self)
            layout.addWidget(self.counts)
            if Act.DIRECT in svc.permissions(actor):
                self.direct_button = QPushButton(self.tr("Chỉ đạo xử lý hồ sơ đang chọn… (Ctrl+D)"))
                self.direct_button.setObjectName("directButton")
                self.direct_button.clicked.connect(self.direct)
                bottom.insertWidget(1, self.direct_button)
                # Within the board only: Ctrl+D is also the receiving form's «điền theo hồ sơ trước».
                direct_key = QShortcut(QKeySequence("Ctrl+D"), self)
                direct_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                direct_key.activated.connect(self.direct)
        else:
            self.banner = DirectivesBanner(svc, actor, tasks, self)
            self.banner.open_requested.connect(self.open_requested)
            layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.selected)
        layout.addWidget(self.steps)

        self._keep_code: str | None = None
        self._seq = 0
        self._select_timer = QTimer(self)
        self._select_timer.setSingleShot(True)
        self._select_timer.setInterval(self.SELECT_DELAY_MS)
        self._select_timer.timeout.connect(self.load_steps)
        self.table.activated.connect(self._activated)
        selection = self.table.selectionModel()
        assert selection is not None
        selection.currentRowChanged.connect(lambda *_: self._select_timer.start())
        self.model.loaded.connect(self._loaded)
        self.model.loading_changed.connect(lambda _busy: self._update_count())
        self.model.rowsInserted.connect(lambda *_: self._update_count())
        # The rows and their states (overdue, due soon: by the calendar and the office hours).
        watch(self, Changes.DOSSIERS | Changes.CALENDAR | Changes.SETTINGS, self.refresh, tasks=tasks)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self).activated.connect(self.refresh)
        self.model.refresh()

    # ---- the list

    def refresh(self) -> None:
        self._keep_code = self.selected_code()
        self.model.refresh()

    def selected_code(self) -> str | None:
        index = self.table.currentIndex()
        code = index.siblingAtColumn(0).data(WorkListModel.CodeRole) if index.isValid() else None
        return str(code) if code else None

    def select_code(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row < 0:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _loaded(self) -> None:
        if not (self._keep_code and self.select_code(self._keep_code)) and self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._keep_code = None
        if self.model.rowCount() == 0:
            self.selected.setText("")
            self.steps.set_context(None)
        else:
            self._select_timer.start()  # the steps of the selected one, as of now
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if self.model.loading and n == 0:
            text = self.tr("Đang tải…")
        elif n == 0:
            text = (
                self.tr("Không có hồ sơ nào đang chờ xử lý.")
                if self.which == MINE
                else self.tr("Không có hồ sơ nào quá hạn hay sắp đến hạn.")
            )
        elif self.model.has_more:
            text = self.tr("Đã tải {0} hồ sơ — cuộn để xem thêm").format(n)
        else:
            text = self.tr("{0} hồ sơ").format(n)
        self.count.setText(text)

    def _activated(self, index: QModelIndex) -> None:
        code = index.siblingAtColumn(0).data(WorkListModel.CodeRole)
        if code:
            self.open_requested.emit(str(code))

    def direct(self) -> DirectiveDialog | None:
        """The head's directive on the selected dossier (to whom, what, by when)."""
        code = self.selected_code()
        if code is None or self.direct_button is None:
            return None
        dialog = DirectiveDialog(self.svc, self.actor, self.tasks, code, self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    # ---- the steps of the selected dossier

    def load_steps(self) -> None:
        code = self.selected_code()
        self._seq += 1
        seq = self._seq
        if code is None:
            self.steps.set_context(None)
            return
        row = self.model.row_at(self.table.currentIndex().row())
        self.selected.setText(self.tr("Hồ sơ {0} — {1}: các bước xử lý").format(row.code, row.applicant_name))
        svc, actor = self.svc, self.actor
        QueryOp(
            self,
            lambda: load_context(svc, actor, code),
            lambda ctx: self._steps_loaded(seq, ctx),
            tasks=self.tasks,
        ).run_in_background()

    def _steps_loaded(self, seq: int, context: StepContext) -> None:
        if seq == self._seq:
            self.steps.set_context(context)

    def focus_first(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)


__all__ = ["MINE", "URGENT", "WorkListModel", "WorkListView"]
