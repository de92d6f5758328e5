"""Administration: the agency's settings and its office hours.

The form of «Thiết lập cơ quan» is generated from the declared ``onestop.settings.SETTINGS``: a line
edit for text, a spin box for numbers, a check box for yes/no, a list where the allowed values are
few and known. Office hours and the time zone have their own tab («Giờ làm việc»); the role
permissions are shown read-only (they are not edited here).
"""

from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from onestop.auth import ROLE_LABELS, STAFF_ROLES, Act, allowed_acts
from onestop.services import Actor, Onestop
from onestop.settings import SETTINGS, SettingDef
from onestop.ui.admin_common import FieldErrors, with_error
from onestop.ui.common import FieldError, tr
from onestop.ui.ops import Changes, QueryOp, Tasks, WriteOp
from onestop.worktime import OfficeHours

#: Settings edited on the «Giờ làm việc» tab, or not edited at all (permissions: shown read-only).
ON_HOURS_TAB = ("agency.office_hours", "agency.time_zone")
READ_ONLY = ("permissions",)
DEFAULT_ZONE = "Asia/Ho_Chi_Minh"


def choices(key: str) -> list[tuple[Any, str]] | None:
    """The few allowed values of a setting, with their Vietnamese names (None: free input)."""
    if key == "ui.language":
        return [("vi", "Tiếng Việt"), ("en", "English")]
    if key == "clock.supplement_policy":
        return [
            ("pause", tr("Tạm dừng, tiếp tục thời gian còn lại (pause)")),
            ("restart", tr("Tính lại từ đầu (restart)")),
        ]
    if key == "rating.scale":
        return [(n, tr("{0} mức").format(n)) for n in (3, 4, 5)]
    return None


def _save_bar(tab: QWidget, object_name: str, save: Any) -> tuple[QHBoxLayout, QPushButton, QLabel]:
    """The status line and «Lưu (Ctrl+S)» at the foot of a settings tab."""
    button = QPushButton(tr("Lưu (Ctrl+S)"))
    button.setObjectName(object_name)
    button.clicked.connect(save)
    status = QLabel()
    status.setObjectName("status")
    bar = QHBoxLayout()
    bar.addWidget(status, 1)
    bar.addWidget(button)
    return bar, button, status


class _Editor:
    """One setting's widget with a uniform get/set."""

    def __init__(self, spec: SettingDef) -> None:
        self.spec = spec
        options = choices(spec.key)
        self.widget: QWidget
        if options is not None:
            combo = QComboBox()
            for value, label in options:
                combo.addItem(label, value)
            self.widget = combo
        elif spec.type is bool:
            self.widget = QCheckBox()
        elif spec.type is int:
            spin = QSpinBox()
            spin.setRange(0, 1_000_000)
            spin.setMaximumWidth(160)
            self.widget = spin
        else:
            self.widget = QLineEdit()
        self.widget.setObjectName(spec.key)

    def get(self) -> Any:
        w = self.widget
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QSpinBox):
            return w.value()
        assert isinstance(w, QLineEdit)
        return w.text().strip()

    def set(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QComboBox):
            i = w.findData(value)
            if i < 0:  # a stored value not among the choices: show it rather than hide it
                w.addItem(str(value), value)
                i = w.count() - 1
            w.setCurrentIndex(i)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        else:
            assert isinstance(w, QLineEdit)
            w.setText(str(value))
            w.setCursorPosition(0)


class AgencySettingsTab(QWidget):
    """«Thiết lập cơ quan»: saves only what changed, all or nothing."""

    saved = Signal(list)  # the keys written

    def __init__(self, svc: Onestop, actor: Actor, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.loaded: dict[str, Any] = {}
        self.editors: dict[str, _Editor] = {}
        self.errors = FieldErrors()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in SETTINGS:
            if spec.key in ON_HOURS_TAB or spec.key in READ_ONLY:
                continue
            editor = _Editor(spec)
            self.editors[spec.key] = editor
            box, error = with_error(editor.widget)
            self.errors.add(spec.key, editor.widget, error)
            if spec.key == "ui.language":
                note = QLabel(self.tr("Có hiệu lực từ lần khởi động sau."))
                note.setObjectName("languageNote")
                note.setStyleSheet("color: palette(placeholder-text);")
                box_layout = box.layout()
                assert box_layout is not None
                box_layout.addWidget(note)
            label = QLabel(tr(spec.label) + ":")
            label.setBuddy(editor.widget)
            label.setToolTip(spec.key)
            form.addRow(label, box)

        self.permissions = QLabel()
        self.permissions.setObjectName("permissions")
        self.permissions.setWordWrap(True)
        perm_box = QGroupBox(self.tr("Quyền theo vai trò (chỉ xem)"))
        QVBoxLayout(perm_box).addWidget(self.permissions)

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(form)
        inner_layout.addWidget(perm_box)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        bottom, self.save_button, self.status = _save_bar(self, "saveSettings", self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.setEnabled(False)  # until the stored values are in: saving defaults over them would lose data

    # ---- loading

    def load(self) -> None:
        QueryOp(self, self.svc.config.settings, self._loaded, tasks=self.tasks).run_in_background()

    def _loaded(self, settings: Any) -> None:
        values = settings.as_dict()
        for key, editor in self.editors.items():
            editor.set(values[key])
            self.loaded[key] = editor.get()  # as the widget holds it, so untouched fields never differ
        perms = values.get("permissions") or {}
        self.permissions.setText(
            "\n".join(
                f"{tr(ROLE_LABELS[role])}: "
                + ", ".join(tr(act.label) for act in Act if act in allowed_acts(role, perms))
                for role in STAFF_ROLES
            )
        )
        self.setEnabled(True)

    # ---- saving

    def changed(self) -> dict[str, Any]:
        return {k: e.get() for k, e in self.editors.items() if e.get() != self.loaded.get(k)}

    def save(self) -> None:
        if not self.isEnabled():
            return
        self.errors.clear()
        values = self.changed()
        if not values:
            self.status.setText(self.tr("Không có thay đổi."))
            return

        def done(_: object) -> None:
            self.loaded.update(values)
            self.status.setText(self.tr("Đã lưu {0} thiết lập.").format(len(values)))
            self.saved.emit(sorted(values))

        def failed(exc: BaseException) -> bool:
            self.status.setText(self.tr("Chưa lưu."))
            return self.errors.claim(exc)

        op = WriteOp(
            self,
            lambda: self.svc.config.set_settings(values, actor=self.actor),
            done,
            changes=Changes.SETTINGS,
            tasks=self.tasks,
        )
        op.while_running(self._saving).failure(failed).run_in_background()

    def _saving(self, busy: bool) -> None:
        self.save_button.setDisabled(busy)
        if busy:
            self.status.setText(self.tr("Đang lưu…"))


class _SessionRow(QWidget):
    """One session (buổi): start and end times, and a button that removes it."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, start: QTime, end: QTime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.start = QTimeEdit(start)
        self.end = QTimeEdit(end)
        for edit, name in ((self.start, "sessionStart"), (self.end, "sessionEnd")):
            edit.setDisplayFormat("HH:mm")
            edit.setObjectName(name)
            edit.timeChanged.connect(self.changed)
        self.start.setAccessibleName(self.tr("Giờ bắt đầu"))
        self.end.setAccessibleName(self.tr("Giờ kết thúc"))
        self.remove = QPushButton(self.tr("Xóa buổi"))
        self.remove.setObjectName("removeSession")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end)
        layout.addWidget(self.remove)
        layout.addStretch(1)

    def text(self) -> str:
        return f"{self.start.time().toString('HH:mm')}-{self.end.time().toString('HH:mm')}"


class OfficeHoursTab(QWidget):
    """«Giờ làm việc»: the sessions of a working day and the agency's time zone."""

    saved = Signal(list)

    def __init__(self, svc: Onestop, actor: Actor, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.loaded: dict[str, str] = {}
        self.errors = FieldErrors()
        self.rows: list[_SessionRow] = []

        self.sessions_box = QGroupBox(self.tr("Các buổi làm việc trong ngày (Thứ Hai – Thứ Sáu)"))
        self.sessions_layout = QVBoxLayout()
        self.add_button = QPushButton(self.tr("&Thêm buổi"))
        self.add_button.setObjectName("addSession")
        self.add_button.clicked.connect(lambda: self.add_session())
        self.summary = QLabel()
        self.summary.setObjectName("hoursSummary")
        self.hours_error = FieldError()
        box_layout = QVBoxLayout(self.sessions_box)
        box_layout.addLayout(self.sessions_layout)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        box_layout.addLayout(add_row)
        box_layout.addWidget(self.summary)
        box_layout.addWidget(self.hours_error)
        self.errors.add("agency.office_hours", self.add_button, self.hours_error, mark=False)

        self.zone = QComboBox()
        self.zone.setObjectName("agency.time_zone")
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.addItems(sorted(available_timezones()))
        completer = QCompleter(self.zone.model(), self.zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.setCompleter(completer)
        self.zone.setMinimumWidth(320)
        self._set_zone(DEFAULT_ZONE)
        zone_error = FieldError()
        self.errors.add("agency.time_zone", self.zone, zone_error)
        zone_label = QLabel(self.tr("&Múi giờ:"))
        zone_label.setBuddy(self.zone)
        zone_row = QHBoxLayout()
        zone_row.addWidget(zone_label)
        zone_row.addWidget(self.zone)
        zone_row.addStretch(1)
        zone_note = QLabel(
            self.tr(
                "Hẹn trả tính theo giờ của cơ quan, dù đồng hồ của máy đặt múi giờ nào (mặc định {0})."
            ).format(DEFAULT_ZONE)
        )
        zone_note.setWordWrap(True)
        zone_group = QGroupBox(self.tr("Múi giờ của cơ quan"))
        zone_layout = QVBoxLayout(zone_group)
        zone_layout.addLayout(zone_row)
        zone_layout.addWidget(zone_error)
        zone_layout.addWidget(zone_note)

        bottom, self.save_button, self.status = _save_bar(self, "saveHours", self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.sessions_box)
        layout.addWidget(zone_group)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.setEnabled(False)

    # ---- sessions

    def add_session(
        self, start: QTime | None = None, end: QTime | None = None, *, focus: bool = True
    ) -> _SessionRow:
        if start is None or end is None:
            # After the last session by default; the administrator adjusts it.
            last = self.rows[-1].end.time() if self.rows else QTime(7, 30)
            start, end = last.addSecs(3600), last.addSecs(3 * 3600)
        row = _SessionRow(start, end, self)
        row.changed.connect(self._refresh)
        row.remove_requested.connect(self.remove_session)
        self.rows.append(row)
        self.sessions_layout.addWidget(row)
        self._renumber()
        if focus:
            row.start.setFocus()
        return row

    def remove_session(self, row: _SessionRow) -> None:
        self.rows.remove(row)
        self.sessions_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        (self.rows[-1].remove if self.rows else self.add_button).setFocus()

    def _renumber(self) -> None:
        for i, row in enumerate(self.rows, start=1):
            row.label.setText(self.tr("Buổi {0}:").format(i))
        self._refresh()

    def hours_text(self) -> str:
        return ",".join(row.text() for row in self.rows)

    def _set_hours(self, text: str) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            self.sessions_layout.removeWidget(row)
            row.deleteLater()
        hours = OfficeHours.parse(text)
        for start, end in hours.sessions:
            self.add_session(QTime(start.hour, start.minute), QTime(end.hour, end.minute), focus=False)

    def _check_hours(self) -> str | None:
        """The Vietnamese problem with the sessions as typed, or None."""
        try:
            hours = OfficeHours.parse(self.hours_text())
        except ValueError as exc:
            self.summary.setText(self.hours_text())
            return self.tr("Giờ làm việc: {0}").format(exc)
        total = hours.hours_per_day.total_seconds() / 3600
        self.summary.setText(
            self.tr("Lưu là: {0} — {1} giờ làm việc mỗi ngày.").format(hours.format(), f"{total:g}")
        )
        return None

    def _refresh(self) -> None:
        self.hours_error.show_message(self._check_hours() or "")

    # ---- zone

    def _set_zone(self, zone: str) -> None:
        i = self.zone.findText(zone)
        if i >= 0:
            self.zone.setCurrentIndex(i)
        else:
            self.zone.setEditText(zone)

    def zone_text(self) -> str:
        return self.zone.currentText().strip()

    # ---- load / save

    def load(self) -> None:
        QueryOp(self, self.svc.config.settings, self._loaded, tasks=self.tasks).run_in_background()

    def _loaded(self, settings: Any) -> None:
        hours, zone = settings["agency.office_hours"], settings["agency.time_zone"]
        self._set_hours(hours)
        self._set_zone(zone)
        self.loaded = {"agency.office_hours": self.hours_text(), "agency.time_zone": self.zone_text()}
        self.setEnabled(True)

    def changed(self) -> dict[str, str]:
        now = {"agency.office_hours": self.hours_text(), "agency.time_zone": self.zone_text()}
        return {k: v for k, v in now.items() if v != self.loaded.get(k)}

    def save(self) -> None:
        if not self.isEnabled():
            return
        self.errors.clear()
        problem = self._check_hours()
        if problem:
            self.errors.show("agency.office_hours", problem)
            if self.rows:
                self.rows[0].start.setFocus()
            return
        values = self.changed()
        if not values:
            self.status.setText(self.tr("Không có thay đổi."))
            return

        def done(_: object) -> None:
            self.loaded.update(values)
            self.status.setText(self.tr("Đã lưu. Hẹn trả của hồ sơ nhận từ nay tính theo giờ mới."))
            self.saved.emit(sorted(values))

        def failed(exc: BaseException) -> bool:
            self.status.setText(self.tr("Chưa lưu."))
            return self.errors.claim(exc)

        op = WriteOp(
            self,
            lambda: self.svc.config.set_settings(values, actor=self.actor),
            done,
            changes=Changes.SETTINGS,
            tasks=self.tasks,
        )
        op.while_running(self._saving).failure(failed).run_in_background()

    def _saving(self, busy: bool) -> None:
        self.save_button.setDisabled(busy)
        if busy:
            self.status.setText(self.tr("Đang lưu…"))
