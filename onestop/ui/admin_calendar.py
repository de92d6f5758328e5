"""Administration: the working calendar of one year (holidays, days off, working Saturdays).

The table is the agency's editable copy, seeded from the official sources the first time a year is
asked for; a change applies to appointments computed from then on (dossiers keep their due dates).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop.services import Actor, Onestop
from onestop.ui.admin_common import Column, FieldErrors, RowsModel, ask, with_error
from onestop.ui.common import message_for, tr
from onestop.ui.ops import Changes, QueryOp, Tasks, WriteOp
from onestop.worktime import DAY_KINDS, WEEKDAY_NAMES, Appointment, CalendarDay


def kind_label(kind: str) -> str:
    return {
        "holiday": tr("Ngày lễ"),
        "compensatory": tr("Nghỉ bù"),
        "swapped_day_off": tr("Nghỉ hoán đổi"),
        "working_saturday": tr("Thứ Bảy làm bù"),
    }.get(kind, kind)


def weekday_label(day: date) -> str:
    return tr(WEEKDAY_NAMES[day.weekday()])


class CalendarModel(RowsModel):
    """The special days of one year, in date order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            (
                Column("date", tr("Ngày"), lambda d: f"{d.date:%d/%m/%Y}"),
                Column("weekday", tr("Thứ"), lambda d: weekday_label(d.date)),
                Column("kind", tr("Loại"), lambda d: kind_label(d.kind)),
                Column("name", tr("Tên ngày"), lambda d: d.name),
            ),
            parent,
        )

    def row_of(self, day: date) -> int:
        for i, d in enumerate(self.rows):
            if d.date == day:
                return i
        return -1


class CalendarTab(QWidget):
    """«Lịch nghỉ lễ»: one year's table, adding or replacing a day, removing one, and a preview."""

    def __init__(self, svc: Onestop, actor: Actor, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.errors = FieldErrors()
        self._select_after_load: date | None = None

        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(1990, 2200)
        self.year.setValue(date.today().year)  # replaced by the agency's "now" once loaded
        self.year.setKeyboardTracking(False)  # typing 2027 must not load 2, 20, 202 on the way
        year_label = QLabel(self.tr("&Năm:"))
        year_label.setBuddy(self.year)
        self.count = QLabel()
        self.count.setObjectName("dayCount")
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addSpacing(16)
        top.addWidget(self.count, 1)

        self.model = CalendarModel(self)
        self.table = QTableView()
        self.table.setObjectName("calendarTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.remove_button = QPushButton(self.tr("&Xóa ngày đã chọn (Delete)"))
        self.remove_button.setObjectName("removeDay")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)

        # ---- add a day
        self.day = QDateEdit()
        self.day.setObjectName("day")
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.day.dateChanged.connect(self._day_changed)
        self.day_weekday = QLabel()
        day_row = QHBoxLayout()
        day_row.setContentsMargins(0, 0, 0, 0)
        day_row.addWidget(self.day)
        day_row.addWidget(self.day_weekday, 1)
        day_widget = QWidget()
        day_widget.setLayout(day_row)
        day_widget.setFocusProxy(self.day)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in DAY_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("ví dụ: Nghỉ Tết Dương lịch"))
        self.name.returnPressed.connect(self.add_day)
        self.add_button = QPushButton(self.tr("&Thêm ngày (Enter)"))
        self.add_button.setObjectName("addDay")
        self.add_button.setToolTip(self.tr("Một ngày đã có trong lịch sẽ được thay bằng ngày này."))
        self.add_button.clicked.connect(self.add_day)

        form = QFormLayout()
        for key, label_text, widget, focus in (
            ("date", self.tr("N&gày:"), day_widget, self.day),
            ("kind", self.tr("&Loại ngày:"), self.kind, self.kind),
            ("name", self.tr("T&ên ngày (bắt buộc):"), self.name, self.name),
        ):
            box, error = with_error(widget)
            self.errors.add(key, focus, error)
            label = QLabel(label_text)
            label.setBuddy(focus)
            form.addRow(label, box)
        add_buttons = QHBoxLayout()
        add_buttons.addStretch(1)
        add_buttons.addWidget(self.add_button)
        form.addRow(add_buttons)
        add_box = QGroupBox(self.tr("Thêm hoặc sửa một ngày"))
        add_box.setLayout(form)

        # ---- preview
        self.preview_procedure = QComboBox()
        self.preview_procedure.setObjectName("previewProcedure")
        self.preview_procedure.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preview_procedure.setMinimumContentsLength(24)
        self.preview_at = QDateTimeEdit()
        self.preview_at.setObjectName("previewAt")
        self.preview_at.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.preview_at.setCalendarPopup(True)
        self.preview_result = QLabel()
        self.preview_result.setObjectName("previewResult")
        self.preview_result.setWordWrap(True)
        self.preview_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_procedure.currentIndexChanged.connect(self.update_preview)
        self.preview_at.dateTimeChanged.connect(self.update_preview)
        preview_row = QHBoxLayout()
        preview_row.addWidget(QLabel(self.tr("Thủ tục")))
        preview_row.addWidget(self.preview_procedure, 1)
        preview_row.addWidget(QLabel(self.tr("nhận lúc")))
        preview_row.addWidget(self.preview_at)
        preview_box = QGroupBox(self.tr("Tính thử ngày hẹn trả (không lưu)"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addLayout(preview_row)
        preview_layout.addWidget(self.preview_result)

        right = QVBoxLayout()
        right.addWidget(add_box)
        right.addWidget(preview_box)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        left.addLayout(remove_row)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

        self.year.valueChanged.connect(self.load_year)
        self._day_changed(self.day.date())

    # ---- loading

    def load(self) -> None:
        """The agency's today (the year shown first) and the procedures for the preview."""

        def work() -> tuple[datetime, list[tuple[str, str]]]:
            return self.svc.ctx.now(), [(p.code, p.name) for p in self.svc.catalog.procedures()]

        QueryOp(self, work, self._started, tasks=self.tasks).run_in_background()

    def _started(self, result: tuple[datetime, list[tuple[str, str]]]) -> None:
        now, procedures = result
        self.day.setDate(QDate(now.year, now.month, now.day))
        self.preview_procedure.blockSignals(True)
        self.preview_procedure.clear()
        for code, name in procedures:
            self.preview_procedure.addItem(f"{code} — {name}", code)
            self.preview_procedure.setItemData(
                self.preview_procedure.count() - 1, name, Qt.ItemDataRole.ToolTipRole
            )
        self.preview_procedure.blockSignals(False)
        self.preview_at.setDateTime(QDateTime(now.year, now.month, now.day, now.hour, now.minute, 0))
        if self.year.value() != now.year:
            self.year.setValue(now.year)  # loads through valueChanged
        else:
            self.load_year()

    def load_year(self, year: int | None = None) -> None:
        year = self.year.value() if year is None else year
        self.count.setText(self.tr("Đang tải…"))

        def done(days: list[CalendarDay]) -> None:
            if year != self.year.value():  # the administrator moved on to another year meanwhile
                return
            self.model.set_rows(days)
            self.count.setText(self.tr("{0} ngày đặc biệt trong năm {1}.").format(len(days), year))
            self.remove_button.setEnabled(False)
            if self._select_after_load is not None:
                row = self.model.row_of(self._select_after_load)
                self._select_after_load = None
                if row >= 0:
                    self.table.selectRow(row)
                    self.table.scrollTo(self.model.index(row, 0))
            self.update_preview()

        QueryOp(self, lambda: self.svc.calendar.days(year), done, tasks=self.tasks).run_in_background()

    # ---- selection

    def selected_day(self) -> CalendarDay | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        day: CalendarDay = self.model.row_at(index.row())
        return day

    def _current_changed(self, current: Any, _previous: Any) -> None:
        self.remove_button.setEnabled(current.isValid())
        if current.isValid():
            # Editing a listed day starts from it: change the name or the kind and add again.
            day: CalendarDay = self.model.row_at(current.row())
            self.day.setDate(QDate(day.date.year, day.date.month, day.date.day))
            self.kind.setCurrentIndex(max(0, self.kind.findData(day.kind)))
            self.name.setText(day.name)

    def _day_changed(self, qdate: QDate) -> None:
        self.day_weekday.setText(weekday_label(qdate.toPython()))  # type: ignore[arg-type]

    # ---- writing

    def add_day(self) -> None:
        self.errors.clear()
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        kind = str(self.kind.currentData())
        name = self.name.text().strip()
        if not name:
            self.errors.show("name", self.tr("Tên ngày: không được để trống."))
            return
        if kind == "working_saturday" and day.weekday() != 5:
            self.errors.show(
                "date",
                self.tr("Thứ Bảy làm bù: ngày {0} là {1}, không phải thứ Bảy.").format(
                    f"{day:%d/%m/%Y}", weekday_label(day)
                ),
            )
            return

        def done(_: object) -> None:
            self.name.clear()
            self._select_after_load = day
            if self.year.value() != day.year:
                self.year.setValue(day.year)
            else:
                self.load_year()

        op = WriteOp(
            self,
            lambda: self.svc.calendar.set_day(day, kind, name, actor=self.actor),
            done,
            changes=Changes.CALENDAR,
            tasks=self.tasks,
        )
        op.while_running(self.add_button.setDisabled).failure(self.errors.claim).run_in_background()

    def remove_selected(self) -> None:
        day = self.selected_day()
        if day is None:
            return
        question = self.tr("Xóa ngày {0} ({1}: {2}) khỏi lịch năm {3}?").format(
            f"{day.date:%d/%m/%Y}", kind_label(day.kind), day.name, day.date.year
        )
        if not ask(self, self.tr("Xóa ngày khỏi lịch"), question):
            return

        def done(_: object) -> None:
            self.remove_button.setEnabled(False)  # the removed day stays selected until the reload
            self.load_year()
            self.table.setFocus()

        op = WriteOp(
            self,
            lambda: self.svc.calendar.remove_day(day.date, actor=self.actor),
            done,
            changes=Changes.CALENDAR,
            tasks=self.tasks,
        )
        op.while_running(self.remove_button.setDisabled).run_in_background()

    # ---- preview

    def update_preview(self) -> None:
        code = self.preview_procedure.currentData()
        if not code:
            self.preview_result.setText("")
            return
        at_naive: datetime = self.preview_at.dateTime().toPython()  # type: ignore[assignment]

        def work() -> Appointment:
            return self.svc.calendar.preview_due(
                code, at_naive.replace(second=0, microsecond=0, tzinfo=self.svc.ctx.tz)
            )

        def done(appt: Appointment) -> None:
            if code != self.preview_procedure.currentData():
                return
            text = self.tr("Tính thử ngày hẹn trả: thủ tục {0} nhận lúc {1} → {2}").format(
                code, f"{appt.received_at:%H:%M %d/%m/%Y}", f"{appt.due_at:%H:%M %d/%m/%Y}"
            )
            named = [s.label() for s in appt.skipped if s.reason not in WEEKDAY_NAMES]
            if named:
                text += "\n" + self.tr("Bỏ qua: {0}").format("; ".join(named))
            self.preview_result.setText(text)

        def failed(exc: BaseException) -> bool:
            self.preview_result.setText(message_for(exc))  # a preview: no message box
            return True

        QueryOp(self, work, done, tasks=self.tasks).failure(failed).run_in_background()
