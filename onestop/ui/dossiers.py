"""Today's dossiers (a lazily fetched list) and the dossier detail (history, receipts, corrections).

``DossierTableModel`` never loads every row: it asks the service for pages of 100 (keyset paging,
newest first) on a worker thread when the view scrolls near the end. Colours and their text markers
(overdue, due within one working day, finished) are worked out on the worker thread too, with the
service's clock and working calendar, so the GUI thread never touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from onestop import validation as v
from onestop.errors import ValidationError
from onestop.ratings import Scale
from onestop.services import (
    CHANNELS,
    OPEN_STATUSES,
    RESULT_CHANNELS,
    STATUSES,
    Act,
    Actor,
    Applicant,
    DossierFilter,
    DossierRow,
    DossierView,
    Onestop,
)
from onestop.textfold import fold
from onestop.ui.common import FieldError, mark_invalid, show_error, tr
from onestop.ui.ops import Changes, QueryOp, Tasks, WriteOp, watch
from onestop.ui.ratings_view import (
    RatingEntryDialog,
    RatingStatusLine,
    channel_label,
    event_label,
    invite_event,
    level_label,
    may_see_ratings,
    station_name,
)
from onestop.worktime import WorkingCalendar

# ---------------------------------------------------------------------------------------- states

OVERDUE = "overdue"  # open, past its due moment
DUE_SOON = "due_soon"  # open, due within one working day
OPEN = "open"
PAUSED = "paused"  # waiting for a supplement: the clock is stopped (domain.md §4)
READY = "ready"  # result ready, waiting for the applicant: processing is over
FINISHED = "finished"  # returned, refused, stopped, withdrawn

STATE_COLOURS: dict[str, tuple[str | None, str]] = {  # state: (background, text)
    OVERDUE: ("#f9d6d5", "#7a1410"),
    DUE_SOON: ("#ffedbf", "#5c4000"),
    FINISHED: (None, "#6d6d6d"),
}

ACTIONS = {
    "receive": "Tiếp nhận",
    "correct": "Sửa thông tin người nộp",
    "transfer": "Chuyển xử lý",
    "take": "Nhận xử lý",
    "request_supplement": "Yêu cầu bổ sung",
    "supplement": "Yêu cầu bổ sung",
    "resume": "Tiếp tục xử lý",
    "result": "Có kết quả",
    "return": "Trả kết quả",
    "refuse": "Từ chối",
    "stop": "Dừng giải quyết",
    "withdraw": "Rút hồ sơ",
    "reappoint": "Gia hạn (hẹn lại)",
    "rate": "Đánh giá",
}


def dossier_state(status: str, due_at: datetime, now: datetime, calendar: WorkingCalendar) -> str:
    """How urgent a dossier is now (one of the state constants above)."""
    if status == "waiting_supplement":
        return PAUSED
    if status == "result_ready":
        return READY
    if status not in OPEN_STATUSES:
        return FINISHED
    if due_at < now:
        return OVERDUE
    if calendar.working_time_between(now, due_at) <= calendar.hours.hours_per_day:
        return DUE_SOON
    return OPEN


def short_time(at: datetime) -> str:
    return f"{at:%d/%m %H:%M}"


def long_time(at: datetime) -> str:
    return f"{at:%H:%M} ngày {at:%d/%m/%Y}"


def status_text(status: str) -> str:
    return tr(STATUSES.get(status, status))


# ---------------------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class _Page:
    """What one background fetch brings back (built entirely on the worker thread)."""

    rows: list[DossierRow]
    states: list[str]
    has_more: bool
    procedures: dict[str, str]
    staff: dict[str, str]
    now: datetime


def _fetch(svc: Onestop, actor: Actor, flt: DossierFilter, page: int, known_procedures: set[str]) -> _Page:
    """Runs on a worker thread: one page (asks for one row more, to know if there are more)."""
    rows = svc.dossiers.list_dossiers(replace(flt, limit=page + 1), actor=actor)
    has_more = len(rows) > page
    rows = rows[:page]
    now = svc.ctx.now()
    calendar = svc.ctx.calendar()
    states = [dossier_state(r.status, r.due_at, now, calendar) for r in rows]
    procedures: dict[str, str] = {}
    for code in {r.procedure_code for r in rows} - known_procedures:
        try:
            procedures[code] = svc.catalog.procedure(code).name
        except Exception:  # a procedure gone from the catalogue: show its code
            procedures[code] = code
    staff = {r.received_by: r.received_by_name for r in rows}
    return _Page(rows, states, has_more, procedures, staff, now)


class DossierTableModel(QAbstractTableModel):
    """The dossiers of a filter, newest first, fetched a page at a time in the background."""

    CODE, PROCEDURE, APPLICANT, PHONE, RECEIVED, DUE, STATUS, CLERK = range(8)
    COLUMNS = ("code", "procedure", "applicant", "phone", "received_at", "due_at", "status", "clerk")

    CodeRole = Qt.ItemDataRole.UserRole + 1  # the dossier code (str)
    RowRole = Qt.ItemDataRole.UserRole + 2  # the DossierRow
    StateRole = Qt.ItemDataRole.UserRole + 3  # OVERDUE, DUE_SOON, OPEN, PAUSED, READY or FINISHED
    SortRole = Qt.ItemDataRole.UserRole + 4  # a key that sorts the column sensibly

    PAGE = 100
    MAX_REFRESH = 10_000  # the service's largest page

    loading_changed = Signal(bool)
    loaded = Signal()  # after every page or refresh that was applied
    failed = Signal(object)  # the exception of a fetch

    def __init__(
        self, svc: Onestop, actor: Actor, tasks: Tasks, parent: Any = None, *, page_size: int = PAGE
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.page_size = page_size
        self._titles = (
            self.tr("Mã hồ sơ"),
            self.tr("Thủ tục"),
            self.tr("Người nộp"),
            self.tr("Điện thoại"),
            self.tr("Tiếp nhận lúc"),
            self.tr("Hẹn trả"),
            self.tr("Trạng thái"),
            self.tr("Cán bộ"),
        )
        self._markers = {
            OVERDUE: self.tr("Quá hạn"),
            DUE_SOON: self.tr("Sắp đến hạn"),
            PAUSED: self.tr("Tạm dừng tính giờ"),
        }
        self._filter: DossierFilter | None = None
        self._rows: list[DossierRow] = []
        self._states: list[str] = []
        self._procedures: dict[str, str] = {}
        self._staff: dict[str, str] = {}
        self._has_more = False
        self._loading = False
        self._generation = 0  # bumped on every new filter or refresh: late pages of old ones are dropped
        self.now: datetime | None = None

    # ---- what to show

    @property
    def current_filter(self) -> DossierFilter | None:
        return self._filter

    def set_filter(self, flt: DossierFilter) -> None:
        """Show the dossiers of ``flt`` (its limit and paging are the model's): starts a new first page."""
        self._filter = replace(flt, before=None, limit=self.page_size)
        self.beginResetModel()
        self._rows, self._states = [], []
        self._has_more = False
        self.endResetModel()
        self._start(self._filter, self.page_size, append=False)

    def refresh(self) -> None:
        """Fetch again what is loaded (after a write, or when time has moved on): the rows, their states."""
        if self._filter is None:
            return
        size = min(max(self.page_size, len(self._rows)), self.MAX_REFRESH - 1)
        self._start(self._filter, size, append=False)

    # ---- lazy fetching

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._has_more or self._loading or self._filter is None:
            return
        last = self._rows[-1]
        self._start(replace(self._filter, before=(last.received_at, last.id)), self.page_size, append=True)

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def has_more(self) -> bool:
        return self._has_more

    def _start(self, flt: DossierFilter, size: int, *, append: bool) -> None:
        self._generation += 1
        generation = self._generation
        svc, actor, known = self.svc, self.actor, set(self._procedures)
        op = QueryOp(
            self,
            lambda: _fetch(svc, actor, flt, size, known),
            lambda page: self._arrived(generation, page, append),
            tasks=self.tasks,
        )
        op.while_running(lambda busy: self._fetching(generation, busy))
        op.failure(lambda exc: self._fetch_failed(generation, exc)).run_in_background()

    def _fetching(self, generation: int, busy: bool) -> None:
        if busy and generation == self._generation:  # (again on «Thử lại»; the end is _arrived's)
            self._set_loading(True)

    def _arrived(self, generation: int, page: _Page, append: bool) -> None:
        if generation != self._generation:
            return  # the filter changed (or a refresh started) meanwhile: this page is stale
        self._procedures.update(page.procedures)
        self._staff.update(page.staff)
        self.now = page.now
        if append:
            if page.rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
                self._rows.extend(page.rows)
                self._states.extend(page.states)
                self.endInsertRows()
        else:
            self.beginResetModel()
            self._rows, self._states = list(page.rows), list(page.states)
            self.endResetModel()
        self._has_more = page.has_more
        self._set_loading(False)
        self.loaded.emit()

    def _fetch_failed(self, generation: int, exc: BaseException) -> bool:
        if generation != self._generation:
            return True  # stale: nobody waits for it
        self._set_loading(False)
        self.failed.emit(exc)
        return False  # the op shows it over the view; «Thử lại» fetches the page again

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # ---- Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._titles):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "Nhấn để sắp xếp các hồ sơ đã tải theo cột này (nhấn lần nữa: đảo chiều; lần thứ ba: "
                "trở về thứ tự mới nhất trước). Hồ sơ tải thêm khi cuộn được xếp vào cùng thứ tự."
            )
        return None

    def row_at(self, row: int) -> DossierRow:
        return self._rows[row]

    def codes(self) -> list[str]:
        return [r.code for r in self._rows]

    def row_of(self, code: str) -> int:
        for i, r in enumerate(self._rows):
            if r.code == code:
                return i
        return -1

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.COLUMNS):
            return None
        r, state, col = self._rows[index.row()], self._states[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, state, col)
        if role == self.CodeRole:
            return r.code
        if role == self.RowRole:
            return r
        if role == self.StateRole:
            return state
        if role == self.SortRole:
            return self._sort_key(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, state, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            background = STATE_COLOURS.get(state, (None, ""))[0]
            return QBrush(QColor(background)) if background else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colours = STATE_COLOURS.get(state)
            return QBrush(QColor(colours[1])) if colours else None
        if role == Qt.ItemDataRole.FontRole and state == OVERDUE and col in (self.DUE, self.STATUS):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(r, state, col)
        return None

    def _display(self, r: DossierRow, state: str, col: int) -> str:
        if col == self.CODE:
            return r.code
        if col == self.PROCEDURE:
            return self._procedures.get(r.procedure_code, r.procedure_code)
        if col == self.APPLICANT:
            return r.applicant_name
        if col == self.PHONE:
            return r.phone
        if col == self.RECEIVED:
            return short_time(r.received_at)
        if col == self.DUE:
            return short_time(r.due_at)
        if col == self.STATUS:
            marker = self._markers.get(state)
            # The marker in words, not only in colour (colour-blind users, monochrome screens).
            return f"{marker} · {status_text(r.status)}" if marker else status_text(r.status)
        return self._staff.get(r.received_by, r.received_by)

    def _sort_key(self, r: DossierRow, col: int) -> Any:
        if col == self.RECEIVED:
            return r.received_at.timestamp()
        if col == self.DUE:
            return r.due_at.timestamp()
        if col == self.STATUS:
            return list(STATUSES).index(r.status) if r.status in STATUSES else len(STATUSES)
        return fold(self._display(r, OPEN, col))

    def _tooltip(self, r: DossierRow, state: str, col: int) -> str:
        if col == self.PROCEDURE:
            return f"{r.procedure_code} — {self._procedures.get(r.procedure_code, '')}"
        if col == self.RECEIVED:
            return long_time(r.received_at)
        if col in (self.DUE, self.STATUS):
            due = long_time(r.due_at)
            if state == OVERDUE:
                return self.tr("Quá hạn: hẹn trả lúc {0}").format(due)
            if state == DUE_SOON:
                return self.tr("Đến hạn trong vòng một ngày làm việc: hẹn trả lúc {0}").format(due)
            return self.tr("Hẹn trả lúc {0}").format(due)
        if col == self.APPLICANT and r.id_number:
            return self.tr("Số định danh: {0}").format(r.id_number)
        return ""


class DossierSortProxy(QSortFilterProxyModel):
    """Sorts the rows already loaded (the service pages newest first; sorting never loads everything)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(DossierTableModel.SortRole)
        self.setDynamicSortFilter(True)


# ---------------------------------------------------------------------------------------- today's list


class TodayView(QWidget):
    """The dossiers of a day (today by default): search, filter by status, open with Enter."""

    open_requested = Signal(str)

    SEARCH_DELAY_MS = 250

    def __init__(self, svc: Onestop, actor: Actor, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks

        self.search = QLineEdit()
        self.search.setObjectName("todaySearch")
        self.search.setPlaceholderText(self.tr("Tên, số định danh, điện thoại hoặc mã hồ sơ — không cần dấu"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Tìm hồ sơ (Ctrl+F). «nguyen thi thuy» tìm được «Nguyễn Thị Thủy»."))
        search_label = QLabel(self.tr("&Tìm:"))
        search_label.setBuddy(self.search)

        self.date = QDateEdit()
        self.date.setObjectName("todayDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        today = svc.ctx.now().date()
        self.date.setDate(QDate(today.year, today.month, today.day))
        date_label = QLabel(self.tr("&Ngày tiếp nhận:"))
        date_label.setBuddy(self.date)
        self.today_button = QPushButton(self.tr("&Hôm nay"))
        self.today_button.setObjectName("todayButton")
        self.today_button.setToolTip(self.tr("Về ngày hôm nay (Alt+H)"))
        self.all_days = QCheckBox(self.tr("&Mọi ngày"))
        self.all_days.setObjectName("allDays")
        self.all_days.setToolTip(self.tr("Tìm trong hồ sơ của mọi ngày (Alt+M)"))

        self.status = QComboBox()
        self.status.setObjectName("todayStatus")
        self.status.addItem(self.tr("Mọi trạng thái"), None)
        for key, label in STATUSES.items():
            self.status.addItem(tr(label), key)
        status_label = QLabel(self.tr("Trạng t&hái:"))
        status_label.setBuddy(self.status)

        self.model = DossierTableModel(svc, actor, tasks, self)
        self.proxy = DossierSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("todayTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)  # the state colours are the row backgrounds
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order: newest first
        self.table.setSortingEnabled(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(DossierTableModel.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        widths = {
            DossierTableModel.CODE: metrics.horizontalAdvance("H17.50.05.13-261123-0000") + 24,
            DossierTableModel.APPLICANT: metrics.horizontalAdvance("Nguyễn Thị Thu Hương") + 24,
            DossierTableModel.PHONE: metrics.horizontalAdvance("0905 123 4567") + 12,
            DossierTableModel.RECEIVED: metrics.horizontalAdvance("Tiếp nhận lúc") + 28,
            DossierTableModel.DUE: metrics.horizontalAdvance("Tiếp nhận lúc") + 28,
            DossierTableModel.STATUS: metrics.horizontalAdvance("Sắp đến hạn · Đã tiếp nhận") + 20,
            DossierTableModel.CLERK: metrics.horizontalAdvance("Nguyễn Thị Thu Hà") + 20,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        self.table.setToolTip(self.tr("Enter hoặc nhấn đúp: mở hồ sơ. Cuộn xuống để tải thêm."))

        self.count = QLabel("")
        self.count.setObjectName("todayCount")
        legend = QLabel(
            "&nbsp;&nbsp;".join(
                f"<span style='background:{background or 'transparent'};color:{colour}'>&nbsp;{text}&nbsp;</span>"
                for (background, colour), text in (
                    (STATE_COLOURS[OVERDUE], self.tr("Quá hạn")),
                    (STATE_COLOURS[DUE_SOON], self.tr("Sắp đến hạn (trong 1 ngày làm việc)")),
                    (STATE_COLOURS[FINISHED], self.tr("Đã kết thúc")),
                )
            )
        )
        legend.setObjectName("todayLegend")

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addSpacing(8)
        top.addWidget(date_label)
        top.addWidget(self.date)
        top.addWidget(self.today_button)
        top.addWidget(self.all_days)
        top.addSpacing(8)
        top.addWidget(status_label)
        top.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(legend)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        for first, second in (
            (self.search, self.date),
            (self.date, self.today_button),
            (self.today_button, self.all_days),
            (self.all_days, self.status),
            (self.status, self.table),
        ):
            QWidget.setTabOrder(first, second)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._search_entered)
        self.date.dateChanged.connect(lambda _d: self.apply_filter())
        self.all_days.toggled.connect(self._all_days_toggled)
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.today_button.clicked.connect(self.go_today)
        self.table.activated.connect(self._activated)
        self.model.loading_changed.connect(lambda _busy: self._update_count())
        self.model.loaded.connect(self._loaded)
        self.model.rowsInserted.connect(lambda *_: self._update_count())
        # The rows, and their states (overdue, due soon: by the calendar and the office hours).
        watch(self, Changes.DOSSIERS | Changes.CALENDAR | Changes.SETTINGS, self.refresh, tasks=tasks)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self._focus_search)
        reload_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        reload_key.activated.connect(self.refresh)

        self._keep_code: str | None = None
        self.apply_filter()

    # ---- filter

    def current_filter(self) -> DossierFilter:
        status = self.status.currentData()
        if self.all_days.isChecked():
            first: date | None = None
            last: date | None = None
        else:
            qd = self.date.date()
            first = last = date(qd.year(), qd.month(), qd.day())
        return DossierFilter(date_from=first, date_to=last, status=status, search=self.search.text().strip())

    def apply_filter(self) -> None:
        self._debounce.stop()
        self._keep_code = None
        self.model.set_filter(self.current_filter())
        self._update_count()

    def refresh(self) -> None:
        """Fetch the loaded rows again, keeping the selected dossier selected."""
        self._keep_code = self.selected_code()
        self.model.refresh()

    def go_today(self) -> None:
        self.all_days.setChecked(False)

        def set_day(now: datetime) -> None:
            self.date.setDate(QDate(now.year, now.month, now.day))
            self.apply_filter()

        # now() may re-read the settings: not on the GUI thread
        QueryOp(self, self.svc.ctx.now, set_day, tasks=self.tasks).run_in_background()

    def _all_days_toggled(self, checked: bool) -> None:
        self.date.setEnabled(not checked)
        self.apply_filter()

    # ---- the table

    def selected_code(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        code = index.siblingAtColumn(0).data(DossierTableModel.CodeRole)
        return str(code) if code else None

    def select_code(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _activated(self, index: QModelIndex) -> None:
        code = index.siblingAtColumn(0).data(DossierTableModel.CodeRole)
        if code:
            self.open_requested.emit(str(code))

    def _search_entered(self) -> None:
        self.apply_filter()
        self.table.setFocus()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _loaded(self) -> None:
        if self._keep_code and not self.select_code(self._keep_code):
            self._keep_code = None
        elif not self.table.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if self.model.loading and n == 0:
            text = self.tr("Đang tải…")
        elif n == 0:
            text = self.tr("Không có hồ sơ nào phù hợp.")
        elif self.model.has_more:
            text = self.tr("Đã tải {0} hồ sơ — cuộn để xem thêm").format(n)
        else:
            text = self.tr("{0} hồ sơ").format(n)
        self.count.setText(text)


# ---------------------------------------------------------------------------------------- detail


def _read_only_table(headers: list[str], object_name: str, stretch: int) -> QTableWidget:
    """A small read-only table; column ``stretch`` takes the free width, the others fit their text."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)
    table.resizeRowsToContents()


@dataclass(frozen=True)
class _Detail:
    """What the detail loads in the background: the dossier and what this user may do with it."""

    view: DossierView
    can_correct: bool
    can_rate: bool
    scale: Scale | None


def _allowed(svc: Onestop, actor: Actor, act: Act) -> bool:
    return act in svc.ctx.permissions(actor)


@dataclass(frozen=True)
class ReceiptVersionInfo:
    """One printed version of a dossier's receipt (worked out from its history)."""

    version: int
    at: datetime
    by: str
    note: str


def receipt_versions(view: DossierView) -> list[ReceiptVersionInfo]:
    """Version 1 is the receipt; each correction of the applicant made the next one."""
    versions = [ReceiptVersionInfo(1, view.received_at, view.received_by_name, tr("Phiếu khi tiếp nhận"))]
    for event in view.events:
        if event.action == "correct" and len(versions) < view.receipt_version:
            note = tr("Sửa thông tin liên hệ") + (f": {event.note}" if event.note else "")
            versions.append(ReceiptVersionInfo(len(versions) + 1, event.at, event.user_name, note))
    while len(versions) < view.receipt_version:  # history unreadable: still offer every version
        versions.append(ReceiptVersionInfo(len(versions) + 1, view.received_at, "", ""))
    return versions


class DossierDetailDialog(QDialog):
    """One dossier: its data, documents, appointment, history, receipt versions (reprint), correction."""

    loaded = Signal()  # after every (re)load
    receipt_ready = Signal(int, bytes)  # version, PDF: a reprint is ready to preview

    def __init__(
        self,
        svc: Onestop,
        actor: Actor,
        tasks: Tasks,
        code: str,
        ui_state: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.code = code
        self.ui_state = ui_state
        self.view: DossierView | None = None
        self.can_correct = False
        self.can_rate = False
        self.scale: Scale | None = None
        self.preview: QDialog | None = None
        self.editor: ContactEditDialog | None = None
        self.rating_entry: RatingEntryDialog | None = None
        self.setObjectName("dossierDetail")
        self.setWindowTitle(self.tr("Hồ sơ {0}").format(code))
        self.setModal(False)

        self.title = QLabel(self.tr("Hồ sơ {0}").format(code))
        self.title.setObjectName("detailTitle")
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self.tr("Đang tải hồ sơ…"))
        self.status_label.setObjectName("detailStatus")
        self.status_label.setStyleSheet("font-weight: 600;")

        self.fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        left = (
            ("procedure", self.tr("Thủ tục:")),
            ("applicant_name", self.tr("Người nộp:")),
            ("id_number", self.tr("Số định danh:")),
            ("phone", self.tr("Điện thoại:")),
            ("email", self.tr("Email:")),
            ("address", self.tr("Địa chỉ:")),
        )
        right = (
            ("received", self.tr("Tiếp nhận lúc:")),
            ("due", self.tr("Hẹn trả:")),
            ("unit", self.tr("Đơn vị đang giữ:")),
            ("sets", self.tr("Số bộ hồ sơ:")),
            ("channels", self.tr("Nộp / nhận kết quả:")),
            ("fee", self.tr("Phí, lệ phí:")),
            ("register", self.tr("Sổ theo dõi:")),
        )
        for column, items in ((0, left), (2, right)):
            for row, (key, label) in enumerate(items):
                name = QLabel(label)
                name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                value = QLabel("")
                value.setObjectName(f"detail_{key}")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.fields[key] = value
                grid.addWidget(name, row, column)
                grid.addWidget(value, row, column + 1)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)

        self.documents = _read_only_table(
            [self.tr("Tên giấy tờ"), self.tr("Hình thức"), self.tr("Số lượng")], "detailDocuments", 0
        )
        self.history = _read_only_table(
            [
                self.tr("Thời gian"),
                self.tr("Thao tác"),
                self.tr("Cán bộ"),
                self.tr("Từ đơn vị"),
                self.tr("Đến đơn vị"),
                self.tr("Ghi chú"),
            ],
            "detailHistory",
            5,
        )
        self.receipts = _read_only_table(
            [self.tr("Bản"), self.tr("Lập lúc"), self.tr("Cán bộ"), self.tr("Nội dung"), ""],
            "detailReceipts",
            3,
        )
        self.receipt_buttons: dict[int, QPushButton] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self.tabs.addTab(self.history, self.tr("Lịch sử"))
        self.tabs.addTab(self.documents, self.tr("Giấy tờ"))
        self.tabs.addTab(self.receipts, self.tr("Phiếu tiếp nhận"))
        self.tabs.addTab(self._build_ratings_tab(), self.tr("Đánh giá"))

        self.correct_button = QPushButton(self.tr("&Sửa thông tin liên hệ… (Ctrl+E)"))
        self.correct_button.setObjectName("correctButton")
        self.correct_button.setShortcut(QKeySequence("Ctrl+E"))
        self.correct_button.setEnabled(False)
        self.correct_button.clicked.connect(self.edit_contact)
        self.reprint_button = QPushButton(self.tr("&In lại phiếu (Ctrl+P)"))
        self.reprint_button.setObjectName("reprintLatest")
        self.reprint_button.setShortcut(QKeySequence("Ctrl+P"))
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(
            lambda: self.reprint(self.view.receipt_version if self.view else 1)
        )
        close = QPushButton(self.tr("Đóng (Esc)"))
        close.setObjectName("closeDetail")
        close.clicked.connect(self.close)
        close.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(grid)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        geometry = ui_state.value("detail/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1040, 640)
        self.reload()

    # ---- loading

    def reload(self) -> None:
        svc, actor, code = self.svc, self.actor, self.code

        def work() -> _Detail:
            view = svc.dossiers.dossier(code, actor=actor)
            can_rate = _allowed(svc, actor, Act.RATE)
            return _Detail(
                view, _allowed(svc, actor, Act.CORRECT), can_rate, svc.ratings.scale() if can_rate else None
            )

        QueryOp(self, work, self._loaded, tasks=self.tasks).failure(self._failed).run_in_background()

    def _loaded(self, result: _Detail) -> None:
        self.can_correct = result.can_correct
        self.can_rate = result.can_rate
        self.scale = result.scale
        self.show_view(result.view)

    def _failed(self, exc: BaseException) -> bool:
        if self.view is None:
            self.status_label.setText(getattr(exc, "message", "") or self.tr("Không tải được hồ sơ."))
        return False  # and the op shows why («Thử lại» loads it again)

    def show_view(self, view: DossierView) -> None:
        self.view = view
        a = view.applicant
        self.status_label.setText(status_text(view.status))
        f = self.fields
        f["procedure"].setText(f"{view.procedure_code} — {view.procedure_name}")
        f["applicant_name"].setText(a.name)
        f["id_number"].setText(a.id_number or "—")
        f["phone"].setText(a.phone or "—")
        f["email"].setText(a.email or "—")
        f["address"].setText(a.address or "—")
        f["received"].setText(self.tr("{0}, {1}").format(long_time(view.received_at), view.received_by_name))
        due = long_time(view.due_at)
        if view.extended_due_at is not None:
            due = self.tr("{0} (gia hạn đến {1})").format(due, long_time(view.extended_due_at))
        f["due"].setText(due)
        f["unit"].setText(view.current_unit or self.tr("Bộ phận Một cửa"))
        f["sets"].setText(str(view.sets))
        f["channels"].setText(
            f"{tr(CHANNELS.get(view.channel, view.channel))} / "
            f"{tr(RESULT_CHANNELS.get(view.result_channel, view.result_channel))}"
        )
        f["fee"].setText(view.fee_text or "—")
        f["register"].setText(self.tr("Quyển {0}, số {1}").format(view.register_volume, view.register_number))
        _fill(self.documents, [(d.name, d.form, str(d.count)) for d in view.documents])
        _fill(
            self.history,
            [
                (
                    f"{e.at:%d/%m/%Y %H:%M}",
                    tr(ACTIONS.get(e.action, e.action)),
                    f"{e.user_name} ({e.user})",
                    e.from_unit or "",
                    e.to_unit or "",
                    e.note,
                )
                for e in view.events
            ],
        )
        self._fill_receipts(view)
        self.tabs.setTabText(0, self.tr("Lịch sử ({0})").format(len(view.events)))
        self.tabs.setTabText(1, self.tr("Giấy tờ ({0})").format(len(view.documents)))
        self.tabs.setTabText(2, self.tr("Phiếu tiếp nhận ({0})").format(view.receipt_version))
        self._fill_ratings(view)
        self.correct_button.setEnabled(self.can_correct)
        if not self.can_correct:
            self.correct_button.setToolTip(self.tr("Tài khoản này không có quyền sửa thông tin người nộp."))
        self.reprint_button.setEnabled(True)
        self.loaded.emit()

    def _fill_receipts(self, view: DossierView) -> None:
        versions = receipt_versions(view)
        _fill(
            self.receipts,
            [
                (str(x.version), f"{x.at:%d/%m/%Y %H:%M}", x.by, x.note, "")
                for x in reversed(versions)  # the current version first
            ],
        )
        self.receipt_buttons = {}
        for row, x in enumerate(reversed(versions)):
            button = QPushButton(self.tr("In lại phiếu"))
            button.setObjectName(f"reprint_{x.version}")
            button.setToolTip(self.tr("Xem và in lại bản số {0} của phiếu tiếp nhận").format(x.version))
            button.clicked.connect(lambda _=False, number=x.version: self.reprint(number))
            self.receipts.setCellWidget(row, 4, button)
            self.receipt_buttons[x.version] = button

    # ---- ratings

    def _build_ratings_tab(self) -> QWidget:
        """Whether the citizen rated each service; how they rated only for the head of agency."""
        page = self.ratings_page = QWidget()
        page.setObjectName("detailRatingsPage")
        self.rating_summary = QLabel("")
        self.rating_summary.setObjectName("detailRatingSummary")
        self.rating_summary.setWordWrap(True)
        self.ratings_table: QTableWidget | None = None
        if may_see_ratings(self.svc, self.actor):
            self.ratings_table = _read_only_table(
                [self.tr("Lượt phục vụ"), self.tr("Mức đánh giá"), self.tr("Kênh"), self.tr("Thời gian")],
                "detailRatings",
                1,
            )
        self.rating_status = RatingStatusLine(self.svc, self.actor, self.tasks)
        self.rating_status.setObjectName("detailRatingStatus")
        self.rating_status.state_changed.connect(self._rating_state_changed)
        self.invite_button = QPushButton(self.tr("Mời đánh &giá (F8)"))
        self.invite_button.setObjectName("detailInviteRating")
        self.invite_button.setToolTip(
            self.tr(
                "Mời người dân đánh giá trên màn hình đánh giá của quầy này (lượt trả kết quả nếu đã trả) — F8"
            )
        )
        self.invite_button.setEnabled(False)
        self.invite_button.setAutoDefault(False)  # Enter elsewhere in the dialog never sends one
        self.invite_button.clicked.connect(self.invite_rating)
        QShortcut(QKeySequence("F8"), self).activated.connect(self.invite_rating)
        self.enter_rating_button = QPushButton(self.tr("&Nhập đánh giá (phiếu giấy/điện thoại)…"))
        self.enter_rating_button.setObjectName("detailEnterRating")
        self.enter_rating_button.setEnabled(False)
        self.enter_rating_button.setAutoDefault(False)
        self.enter_rating_button.clicked.connect(self.enter_rating)

        actions = QHBoxLayout()
        actions.addWidget(self.invite_button)
        actions.addWidget(self.enter_rating_button)
        actions.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.rating_summary)
        if self.ratings_table is not None:
            layout.addWidget(self.ratings_table, 1)
        else:
            note = QLabel(self.tr("Mức đánh giá cụ thể chỉ lãnh đạo đơn vị xem được."))
            note.setObjectName("detailRatingNote")
            note.setStyleSheet("color: #555;")
            layout.addWidget(note)
            layout.addStretch(1)
        layout.addWidget(self.rating_status)
        layout.addLayout(actions)
        return page

    def _fill_ratings(self, view: DossierView) -> None:
        rated = {r.event for r in view.ratings}
        events = ["receipt"] + (["return"] if view.status == "returned" or "return" in rated else [])
        self.rating_summary.setText(
            "\n".join(
                self.tr("{0}: đã đánh giá").format(event_label(e))
                if e in rated
                else self.tr("{0}: chưa đánh giá").format(event_label(e))
                for e in events
            )
        )
        if self.ratings_table is not None:  # the head of agency: how, not only whether
            _fill(
                self.ratings_table,
                [
                    (
                        event_label(r.event),
                        level_label(r.level or ""),
                        channel_label(r.channel),
                        f"{r.at:%d/%m/%Y %H:%M}",
                    )
                    for r in view.ratings
                ],
            )
        index = self.tabs.indexOf(self.ratings_page)
        self.tabs.setTabText(index, self.tr("Đánh giá ({0})").format(len(view.ratings)))
        self.invite_button.setEnabled(True)
        self.enter_rating_button.setEnabled(self.can_rate and self.scale is not None)
        if not self.can_rate:
            self.enter_rating_button.setToolTip(self.tr("Tài khoản này không có quyền nhập đánh giá."))
        else:
            self.enter_rating_button.setToolTip(
                self.tr("Nhập kết quả một phiếu khảo sát giấy hoặc một cuộc gọi điện thoại")
            )

    def invite_rating(self) -> None:
        """Ask the kiosk of this counter to invite the citizen (F8): the receipt, or the return once
        the result was handed back."""
        if self.view is None:
            return
        self.rating_status.invite(
            self.code,
            event=invite_event(self.view.status),
            actor=self.actor,
            station=station_name(self.ui_state),
        )

    def _rating_state_changed(self, state: str) -> None:
        if state == "rated":
            self.reload()
            # Rated on the kiosk, perhaps another program's: no op of ours announced it.
            self.tasks.announce(Changes.RATINGS, self)

    def enter_rating(self) -> RatingEntryDialog | None:
        if self.view is None or not self.can_rate or self.scale is None:
            return None
        dialog = RatingEntryDialog(
            self.svc,
            self.actor,
            self.tasks,
            self.code,
            self.scale,
            event=invite_event(self.view.status),
            parent=self,
        )
        dialog.saved.connect(self._rating_entered)
        self.rating_entry = dialog
        dialog.open()
        return dialog

    def _rating_entered(self, _row: object) -> None:
        self.tabs.setCurrentIndex(self.tabs.count() - 1)
        self.reload()  # (the entry's WriteOp told the other views)

    # ---- reprint

    def reprint(self, version: int) -> None:
        """Render the receipt of ``version`` in the background, then show it in the print preview."""
        from onestop.forms.receipt import receipt_bytes

        svc, code, actor = self.svc, self.code, self.actor
        op = QueryOp(
            self,
            lambda: receipt_bytes(svc.papers.receipt_data(code, version, actor=actor)),
            lambda pdf: self._receipt_rendered(version, pdf),
            tasks=self.tasks,
        )
        op.while_running(self._reprinting).with_progress().run_in_background()

    def _reprinting(self, busy: bool) -> None:
        for button in self.receipt_buttons.values():
            button.setDisabled(busy)

    def _receipt_rendered(self, version: int, pdf: bytes) -> None:
        self.receipt_ready.emit(version, pdf)
        try:
            from onestop.ui.printing import ReceiptPreviewDialog
        except ImportError as exc:  # the print preview is another module; never a traceback here
            show_error(self, exc)
            return
        self.preview = ReceiptPreviewDialog(
            pdf,
            self.ui_state,
            self,
            title=self.tr("Phiếu tiếp nhận {0} — bản số {1}").format(self.code, version),
            file_name=f"phieu-tiep-nhan-{self.code}-ban-{version}.pdf",
            database=self.svc.db.sqlite_path,
        )
        self.preview.open()

    # ---- correction

    def edit_contact(self) -> ContactEditDialog | None:
        if self.view is None or not self.can_correct:
            return None
        self.editor = ContactEditDialog(self.svc, self.actor, self.tasks, self.view, self)
        self.editor.saved.connect(self._corrected)
        self.editor.open()
        return self.editor

    def _corrected(self, view: DossierView) -> None:
        self.show_view(view)
        self.tabs.setCurrentWidget(self.receipts)  # (the editor's WriteOp told the other views)

    def done(self, result: int) -> None:  # closing, Esc or "Đóng": remember the size
        self.ui_state.setValue("detail/geometry", self.saveGeometry())
        self.rating_status.stop()  # nobody is looking any more
        super().done(result)


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
                "Mã hồ sơ không đổi. Lưu sẽ tạo một bản mới của phiếu tiếp nhận; bản cũ vẫn được giữ và in lại được."
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


def open_dossier(
    parent: QWidget | None, svc: Onestop, actor: Actor, tasks: Tasks, code: str, ui_state: QSettings
) -> DossierDetailDialog:
    """Show a dossier's detail, non-modal; a dossier already open is brought to the front instead."""
    if parent is not None:
        for existing in parent.findChildren(DossierDetailDialog):
            if existing.code == code and existing.isVisible():
                if existing.isMinimized():
                    existing.showNormal()
                existing.activateWindow()  # (window managers raise the window they activate)
                existing.reload()
                return existing
    dialog = DossierDetailDialog(svc, actor, tasks, code, ui_state, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.activateWindow()
    return dialog
