"""Today's dossiers: a lazily fetched list, its states and colours (the detail: ``onestop.ui.detail``).

``DossierTableModel`` never loads every row: it asks the service for pages of 100 (keyset paging,
newest first) on a worker thread when the view scrolls near the end. Colours and their text markers
(overdue, due within one working day, finished) are worked out on the worker thread too, with the
service's clock and working calendar, so the GUI thread never touches the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop import lifecycle as lc
from onestop.exports import table_xlsx
from onestop.services import STATUSES, Actor, DossierFilter, DossierRow, Onestop
from onestop.textfold import fold
from onestop.ui.common import tr
from onestop.ui.exporting import ExportBar
from onestop.ui.ops import Changes, QueryOp, Tasks, watch
from onestop.ui.paging import PagedModel, row_table

# ---------------------------------------------------------------------------------------- states

# How urgent a dossier is now: the core's ``deadline_state`` (one of these), worked out on a worker thread.
OVERDUE = lc.DUE_OVERDUE  # open, past its due moment
DUE_SOON = lc.DUE_SOON  # open, due within one working day
OPEN = lc.DUE_OPEN
PAUSED = lc.DUE_PAUSED  # waiting for a supplement: the clock is stopped (domain.md §4)
READY = lc.DUE_READY  # result ready, waiting for the applicant: processing is over
FINISHED = lc.DUE_FINISHED  # returned, refused, stopped, withdrawn
dossier_state = lc.deadline_state

STATE_COLOURS: dict[str, tuple[str | None, str]] = {  # state: (background, text)
    OVERDUE: ("#f9d6d5", "#7a1410"),
    DUE_SOON: ("#ffedbf", "#5c4000"),
    FINISHED: (None, "#6d6d6d"),
}


def short_time(at: datetime) -> str:
    return f"{at:%d/%m %H:%M}"


def long_time(at: datetime) -> str:
    return f"{at:%H:%M} ngày {at:%d/%m/%Y}"


def status_text(status: str) -> str:
    return tr(STATUSES.get(status, status))


_ICONS: dict[str, QIcon] = {}


def not_digitised_icon() -> QIcon:
    """A paper with an orange corner: a dossier whose papers are not all scanned yet (the list's mark;
    its tooltip and accessible text say it in words)."""
    icon = _ICONS.get("not_digitised")
    if icon is None:
        pixmap = QPixmap(16, 16)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#8a5a00"))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(2, 1, 10, 13)
        painter.setBrush(QColor("#f29900"))
        painter.setPen(QColor("#f29900"))
        painter.drawEllipse(8, 8, 7, 7)
        painter.end()
        icon = _ICONS["not_digitised"] = QIcon(pixmap)
    return icon


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


class DossierTableModel(PagedModel):
    """The dossiers of a filter, newest first, fetched a page at a time in the background."""

    CODE, PROCEDURE, APPLICANT, PHONE, RECEIVED, DUE, STATUS, CLERK = range(8)
    COLUMNS = ("code", "procedure", "applicant", "phone", "received_at", "due_at", "status", "clerk")

    CodeRole = Qt.ItemDataRole.UserRole + 1  # the dossier code (str)
    RowRole = Qt.ItemDataRole.UserRole + 2  # the DossierRow
    StateRole = Qt.ItemDataRole.UserRole + 3  # OVERDUE, DUE_SOON, OPEN, PAUSED, READY or FINISHED
    SortRole = Qt.ItemDataRole.UserRole + 4  # a key that sorts the column sensibly
    DigitisedRole = Qt.ItemDataRole.UserRole + 5  # every component handed in has a scan (bool)

    PAGE = 100
    MAX_REFRESH = 10_000  # the service's largest page

    def __init__(
        self, svc: Onestop, actor: Actor, tasks: Tasks, parent: Any = None, *, page_size: int = PAGE
    ) -> None:
        super().__init__(tasks, parent, page_size, self._fetch_page, self._page_after)
        self.svc = svc
        self.actor = actor
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

    # ---- lazy fetching (onestop.ui.paging)

    def _fetch_page(self, after: DossierFilter, size: int) -> Callable[[], _Page]:
        svc, actor, known = self.svc, self.actor, set(self._procedures)
        return lambda: _fetch(svc, actor, after, size, known)

    def _page_after(self) -> DossierFilter:
        assert self._filter is not None
        last = self._rows[-1]
        return replace(self._filter, before=(last.received_at, last.id))

    def _take(self, page: _Page) -> None:
        self._procedures.update(page.procedures)
        self._staff.update(page.staff)
        self.now = page.now

    def _extend(self, page: _Page) -> None:
        self._rows.extend(page.rows)
        self._states.extend(page.states)

    def _replace(self, page: _Page) -> None:
        self._rows, self._states = list(page.rows), list(page.states)

    # ---- Qt model

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
        if role == self.DigitisedRole:
            return r.digitised
        if role == Qt.ItemDataRole.DecorationRole and col == self.CODE and not r.digitised:
            return not_digitised_icon()
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
            text = self._display(r, state, col)
            if col == self.CODE and not r.digitised:
                text += " · " + self.tr("chưa số hóa")
            return text
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
        if col == self.CODE and not r.digitised:
            return self.tr("Chưa số hóa: đã quét {0}/{1} giấy tờ").format(r.scanned, r.documents)
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
        self.table = row_table("todayTable", self.proxy)
        self.table.setAlternatingRowColors(False)  # the state colours are the row backgrounds
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
            + "&nbsp;&nbsp;<span style='color:#f29900'>&#9679;</span>&nbsp;"
            + self.tr("Chưa số hóa (biểu tượng bên mã hồ sơ)")
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
        self.export_button = QPushButton(self.tr("Xuất &Excel…"))
        self.export_button.setObjectName("exportDossiers")
        self.export_button.setToolTip(self.tr("Danh sách theo bộ lọc đang chọn, mọi dòng, ra tệp Excel"))
        self.export_button.clicked.connect(lambda: self.export_excel())
        self.exports = ExportBar(tasks, self, database=svc.db.sqlite_path)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.exports, 1)
        bottom.addWidget(self.export_button)
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
        self._open_single = False  # the search was entered: open the dossier if it finds just one
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

    EXPORT_PAGE = 1000

    def export_excel(self, path: Path | None = None) -> bool:
        """The list as shown (the current filter, every row, not only those loaded) to Excel,
        streamed: a page of ``EXPORT_PAGE`` rows at a time (keyset) into a write-only workbook."""
        flt = replace(self.current_filter(), before=None, limit=self.EXPORT_PAGE)
        svc, actor = self.svc, self.actor
        titles = [
            str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(self.model.columnCount())
        ]
        markers = {
            OVERDUE: self.tr("Quá hạn"),
            DUE_SOON: self.tr("Sắp đến hạn"),
            PAUSED: self.tr("Tạm dừng tính giờ"),
        }
        sheet = self.tr("Danh sách hồ sơ")
        exports = self.exports

        def rows() -> Iterator[list[Any]]:
            page_filter, known = flt, dict[str, str]()
            while True:
                page = _fetch(svc, actor, page_filter, self.EXPORT_PAGE, set(known))
                known.update(page.procedures)
                for r, state in zip(page.rows, page.states, strict=True):
                    marker = markers.get(state)
                    status = status_text(r.status)
                    yield [
                        r.code,
                        known.get(r.procedure_code, r.procedure_code),
                        r.applicant_name,
                        r.phone,
                        r.received_at.astimezone(svc.ctx.tz),
                        r.due_at.astimezone(svc.ctx.tz),
                        f"{marker} · {status}" if marker else status,
                        page.staff.get(r.received_by, r.received_by),
                    ]
                if not page.has_more or not page.rows:
                    return
                last = page.rows[-1]
                page_filter = replace(flt, before=(last.received_at, last.id))

        def produce(_fmt: str) -> bytes:
            return table_xlsx(sheet, titles, exports.counted(rows()))

        return self.exports.export(self.tr("danh sách hồ sơ"), "danh-sach-ho-so.xlsx", produce, path=path)

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
        """One Enter in the search: a search that finds one dossier (a code, a whole name) opens it;
        otherwise the cursor goes to the list, on the first row."""
        self._open_single = bool(self.search.text().strip())
        self.apply_filter()
        self.table.setFocus()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _loaded(self) -> None:
        single, self._open_single = self._open_single, False
        if single and self.model.rowCount() == 1 and not self.model.has_more:
            self._activated(self.proxy.index(0, 0))
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
