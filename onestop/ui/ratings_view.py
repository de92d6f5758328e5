"""Citizen ratings at the counter (domain.md §6): the invitation and its status line, staff entry of a
paper or phone rating, and the head of agency's summary.

The clerk's window only ever learns *whether* the citizen rated (``ratings.request_state``), never how:
``RatingStatusLine`` has no way to show a level. Levels are shown only in ``RatingsSummaryView`` and in
the dossier detail for the head of agency (``may_see_ratings``).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop.errors import StorageError, UserError
from onestop.exports import register_xlsx, report_xlsx, table_xlsx
from onestop.ratings import CHANNELS as RATING_CHANNELS
from onestop.ratings import EVENTS as RATING_EVENTS
from onestop.ratings import REASONS, SCALES, Level, Scale
from onestop.services import Act, Actor, Onestop
from onestop.ui import charts
from onestop.ui.common import FieldError, message_for, tr
from onestop.ui.exporting import ExportBar
from onestop.ui.ops import Changes, QueryOp, Tasks, WriteOp, watch

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
_INDEX = QModelIndex()

STATION_KEY = "kiosk/station"  # ui_state: this counter's name, shared with its kiosk screen

# Every level of every scale, so a rating stored under an older scale still has its words.
LEVELS: dict[str, Level] = {lv.key: lv for levels in SCALES.values() for lv in levels}


def station_name(ui_state: QSettings) -> str:
    """This counter's name for its rating requests: the machine's name unless ui_state says otherwise."""
    value = ui_state.value(STATION_KEY)
    text = str(value).strip() if value is not None else ""
    return text or socket.gethostname()


def may_see_ratings(svc: Onestop, actor: Actor) -> bool:
    """Whether the permission table lets this actor see how citizens rated (a clerk sees only whether)."""
    return Act.VIEW_RATINGS in svc.ctx.permissions(actor)


def level_label(key: str) -> str:
    level = LEVELS.get(key)
    return tr(level.label) if level is not None else key


def event_label(key: str) -> str:
    return tr(RATING_EVENTS.get(key, key))


def channel_label(key: str) -> str:
    return tr(RATING_CHANNELS.get(key, key))


def vn_number(n: int) -> str:
    """``1176`` → ``"1.176"`` (Vietnamese: thousands with a dot)."""
    return f"{n:,}".replace(",", ".")


def vn_percent(rate: float | None) -> str:
    """``98.5`` → ``"98,5%"``, ``80.0`` → ``"80%"`` (decimal comma, at most two decimals); None → ``"—"``."""
    if rate is None:
        return "—"
    text = f"{rate:.2f}".rstrip("0").rstrip(".")
    whole, _, decimals = text.partition(".")
    return vn_number(int(whole)) + ("," + decimals if decimals else "") + "%"


def summary_headline(total: int, rate: float | None) -> str:
    """The sentence reports quote: ``"1.176 lượt đánh giá, 98,5% hài lòng"``."""
    if not total:
        return tr("Chưa có lượt đánh giá nào")
    return tr("{0} lượt đánh giá, {1} hài lòng").format(vn_number(total), vn_percent(rate))


# --------------------------------------------------------------------------- the clerk's status line


class RatingStatusLine(QLabel):
    """Whether the citizen has rated the service just given: sends the invitation, then asks the
    service every second until the kiosk answers (rated, not rated, withdrawn). Never the level."""

    state_changed = Signal(str)  # pending, showing, rated, timeout, cancelled, expired; "" when cleared
    request_failed = Signal(str)  # the message shown

    POLL_MS = 1000
    # A kiosk takes only invitations younger than this (ratings.next_request's max_age_s): after it,
    # nobody will ever answer, so the line stops asking.
    GIVE_UP_S = 620

    WAITING = ("pending", "showing")

    def __init__(self, svc: Onestop, actor: Actor, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.setObjectName("ratingStatus")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.request_id: int | None = None
        self.state: str | None = None
        self._seq = 0  # bumped by every new invitation: late answers about an older one are dropped
        self._polling = False
        self._polls = 0
        self.timer = QTimer(self)
        self.timer.setObjectName("ratingPoll")
        self.timer.setInterval(self.POLL_MS)
        self.timer.timeout.connect(self.poll)
        self._texts = {
            "pending": self.tr("Đang chờ người dân đánh giá…"),
            "showing": self.tr("Đang chờ người dân đánh giá…"),
            "rated": self.tr("Người dân đã đánh giá. Cảm ơn!"),
            "timeout": self.tr("Người dân không đánh giá."),
            "cancelled": self.tr("Đã hủy lời mời."),
            "expired": self.tr("Không nhận được trả lời từ màn hình đánh giá."),
        }
        self._style("")

    # ---- public

    def invite(
        self, code: str, *, event: str, actor: Actor, station: str, only_if_auto: bool = False
    ) -> None:
        """Send a rating request for ``code`` in the background; ``only_if_auto``: only when the setting
        «rating.auto_request» is on (after a receipt), otherwise clear the line."""
        self._seq += 1
        seq, svc = self._seq, self.svc
        self.timer.stop()

        def work() -> int | None:
            if only_if_auto and not svc.config.settings()["rating.auto_request"]:
                return None
            return svc.ratings.request(code, event=event, actor=actor, station=station)

        self.setText(self.tr("Đang gửi lời mời đánh giá…"))
        self._style("")
        # An invitation is for the kiosk, which asks for it itself: no view to tell.
        op = WriteOp(self, work, lambda rid: self._sent(seq, rid), changes=Changes.NONE, tasks=self.tasks)
        op.failure(lambda exc: self._send_failed(seq, exc)).run_in_background()

    def track(self, request_id: int) -> None:
        """Follow an invitation already sent."""
        self._seq += 1
        self.request_id = request_id
        self._polls = 0
        self._show_state("pending")
        self.timer.start()

    def stop(self) -> None:
        """Stop asking (the window closes); the text stays."""
        self._seq += 1
        self.timer.stop()

    def reset(self) -> None:
        self.stop()
        self.request_id = None
        self.state = None
        self.setText("")
        self._style("")
        self.state_changed.emit("")

    @property
    def polling(self) -> bool:
        return self.timer.isActive()

    # ---- background

    def _sent(self, seq: int, request_id: int | None) -> None:
        if seq != self._seq:
            return
        if request_id is None:
            self.reset()
            return
        self.track(request_id)

    def _send_failed(self, seq: int, exc: BaseException) -> bool:
        """Said on the line itself, never in a box: the clerk goes on with the next citizen."""
        if seq != self._seq:
            return True
        message = message_for(exc)
        self.request_id = None
        self.state = None
        self.setText(message)
        self._style("error")
        self.request_failed.emit(message)
        return True

    def poll(self) -> None:
        if self.request_id is None or self._polling:
            return
        self._polls += 1
        if self._polls * self.POLL_MS > self.GIVE_UP_S * 1000:
            self.timer.stop()
            self._show_state("expired")
            return
        self._polling = True
        seq, rid, svc, actor = self._seq, self.request_id, self.svc, self.actor
        op = QueryOp(
            self,
            lambda: svc.ratings.request_state(rid, actor=actor),
            lambda state: self._polled(seq, state),
            tasks=self.tasks,
        )
        op.failure(lambda exc: self._poll_failed(seq, exc)).run_in_background()

    def _polled(self, seq: int, state: str) -> None:
        self._polling = False
        if seq != self._seq:
            return
        self._show_state(state)
        if state not in self.WAITING:
            self.timer.stop()

    def _poll_failed(self, seq: int, exc: BaseException) -> bool:
        self._polling = False  # a busy database now and then: ask again at the next tick
        if seq == self._seq and not isinstance(exc, StorageError):
            log.warning("rating state unavailable: %s", exc)
            self.timer.stop()
        return True  # never a box: the line asks every second

    def _show_state(self, state: str) -> None:
        changed = state != self.state
        self.state = state
        self.setText(self._texts.get(state, state))
        self._style("done" if state == "rated" else "waiting" if state in self.WAITING else "")
        if changed:
            self.state_changed.emit(state)

    def _style(self, kind: str) -> None:
        colour = {"error": "#b3261e", "done": "#1b6b33", "waiting": "#0b3d91"}.get(kind, "#444")
        self.setStyleSheet(f"color: {colour};" + (" font-weight: 600;" if kind else ""))
        self.setAccessibleName(self.text())


# --------------------------------------------------------------------------- staff entry


class RatingEntryDialog(QDialog):
    """Enter a rating from a paper survey form or a phone call (who entered it is recorded).

    No level is chosen beforehand: a rating is never filled in by default (domain.md §6)."""

    saved = Signal(object)  # the stored rating (a dict)

    def __init__(
        self,
        svc: Onestop,
        actor: Actor,
        tasks: Tasks,
        code: str,
        scale: Scale,
        *,
        event: str = "receipt",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.code = code
        self.scale = scale
        self.setObjectName("ratingEntry")
        self.setWindowTitle(self.tr("Nhập đánh giá — {0}").format(code))
        self.setMinimumWidth(520)

        self.event_combo = QComboBox()
        self.event_combo.setObjectName("ratingEvent")
        for key, label in RATING_EVENTS.items():
            self.event_combo.addItem(tr(label), key)
        self.event_combo.setCurrentIndex(max(0, self.event_combo.findData(event)))
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("ratingChannel")
        for key in ("paper", "phone"):
            self.channel_combo.addItem(channel_label(key), key)

        self.levels = QButtonGroup(self)
        self.levels.setExclusive(True)
        self.level_buttons: dict[str, QRadioButton] = {}
        level_box = QGroupBox(self.tr("Mức đánh giá của người dân (*)"))
        level_layout = QVBoxLayout(level_box)
        for number, level in enumerate(scale.levels, start=1):
            button = QRadioButton(f"&{number}. {tr(level.label)}")
            button.setObjectName(f"level_{level.key}")
            self.levels.addButton(button, number)
            self.level_buttons[level.key] = button
            level_layout.addWidget(button)
        self.levels.buttonToggled.connect(lambda _b, _on: self._level_changed())

        self.reasons_box = QGroupBox(self.tr("Lý do không hài lòng (không bắt buộc)"))
        self.reasons_box.setObjectName("ratingReasons")
        reasons_layout = QVBoxLayout(self.reasons_box)
        self.reason_boxes: dict[str, QCheckBox] = {}
        for key, label in REASONS.items():
            box = QCheckBox(tr(label))
            box.setObjectName(f"reason_{key}")
            self.reason_boxes[key] = box
            reasons_layout.addWidget(box)
        self.reasons_box.setEnabled(False)

        self.error = FieldError()
        self.error.setObjectName("ratingEntryError")
        hint = QLabel(self.tr("Ghi đúng như người dân đã chọn trên phiếu hoặc trả lời qua điện thoại."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Lưu (Ctrl+Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy (Esc)"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)

        form = QFormLayout()
        event_label_widget = QLabel(self.tr("&Lượt phục vụ:"))
        event_label_widget.setBuddy(self.event_combo)
        channel_label_widget = QLabel(self.tr("&Kênh:"))
        channel_label_widget.setBuddy(self.channel_combo)
        form.addRow(event_label_widget, self.event_combo)
        form.addRow(channel_label_widget, self.channel_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(level_box)
        layout.addWidget(self.reasons_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.event_combo.setFocus()

    def chosen_level(self) -> str | None:
        return next((key for key, b in self.level_buttons.items() if b.isChecked()), None)

    def chosen_reasons(self) -> list[str]:
        if not self.reasons_box.isEnabled():
            return []
        return [key for key, box in self.reason_boxes.items() if box.isChecked()]

    def choose(self, level: str, reasons: Sequence[str] = ()) -> None:
        """Select a level (and reasons), as the clerk's clicks would."""
        self.level_buttons[level].setChecked(True)
        for key in reasons:
            self.reason_boxes[key].setChecked(True)

    def _level_changed(self) -> None:
        level = self.chosen_level()
        asks = level is not None and self.scale.asks_reasons(level)
        self.reasons_box.setEnabled(asks)
        if not asks:
            for box in self.reason_boxes.values():
                box.setChecked(False)
        if level is not None:
            self.error.show_message("")

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        level = self.chosen_level()
        if level is None:
            self.error.show_message(self.tr("Mức đánh giá: chưa chọn mức nào."))
            return
        self.error.show_message("")
        svc, actor, code = self.svc, self.actor, self.code
        event, channel, reasons = (
            str(self.event_combo.currentData()),
            str(self.channel_combo.currentData()),
            self.chosen_reasons(),
        )
        op = WriteOp(
            self,
            lambda: svc.ratings.rate(code, level, event=event, channel=channel, reasons=reasons, actor=actor),
            self._saved,
            changes=Changes.RATINGS,
            tasks=self.tasks,
        )
        op.while_running(self.save_button.setDisabled).failure(self._failed).run_in_background()

    def _saved(self, row: Any) -> None:
        self.saved.emit(row)
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        """A refused rating is said in the dialog; anything else the op shows («Thử lại» if storage)."""
        if not isinstance(exc, UserError):
            return False
        self.error.show_message(exc.message)
        return True


# --------------------------------------------------------------------------- the summary's models


class LevelCountsModel(QAbstractTableModel):
    """Ratings per level: the level's words, the count, its share, whether it counts as satisfied."""

    LEVEL, COUNT, SHARE, SATISFIED = range(4)
    COLUMNS = ("level", "count", "share", "satisfied")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, bool | None]] = []  # key, count, satisfied (None: not in the scale)
        self.total = 0
        self._titles = (self.tr("Mức đánh giá"), self.tr("Số lượt"), self.tr("Tỷ lệ"), self.tr("Tính là"))

    def set_summary(self, levels: dict[str, int], scale: Scale | None) -> None:
        keys = [lv.key for lv in scale.levels] if scale is not None else []
        keys += [k for k in levels if k not in keys]
        self.beginResetModel()
        self.rows = [
            (k, int(levels.get(k, 0)), scale.is_satisfied(k) if scale and scale.level(k) else None)
            for k in keys
        ]
        self.total = sum(n for _k, n, _s in self.rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        return self._titles[section] if horizontal and 0 <= section < len(self._titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        key, count, satisfied = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == self.LEVEL:
                return level_label(key)
            if col == self.COUNT:
                return vn_number(count)
            if col == self.SHARE:
                return vn_percent(round(100 * count / self.total, 2) if self.total else None)
            if col == self.SATISFIED:
                if satisfied is None:
                    return "—"
                return self.tr("Hài lòng") if satisfied else self.tr("Không hài lòng")
        if role == Qt.ItemDataRole.DecorationRole and col == self.LEVEL and key in LEVELS:
            return QColor(LEVELS[key].color)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COUNT, self.SHARE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ClerkRatingsModel(QAbstractTableModel):
    """Ratings per clerk who served: name, ratings, satisfied, satisfaction rate."""

    NAME, RATINGS, SATISFIED, RATE = range(4)
    COLUMNS = ("name", "ratings", "satisfied", "rate")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self._titles = (
            self.tr("Cán bộ"),
            self.tr("Lượt đánh giá"),
            self.tr("Hài lòng"),
            self.tr("Tỷ lệ hài lòng"),
        )

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda c: (-int(c["ratings"]), str(c["name"])))
        self.endResetModel()

    def rowCount(self, parent: _Index = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _INDEX) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        return self._titles[section] if horizontal and 0 <= section < len(self._titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        c, col = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == self.NAME:
                return str(c["name"])
            if col == self.RATINGS:
                return vn_number(int(c["ratings"]))
            if col == self.SATISFIED:
                return vn_number(int(c["satisfied"]))
            return vn_percent(c.get("satisfaction_rate"))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME:
            return str(c["user"])
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# --------------------------------------------------------------------------- the summary view


def _table(model: QAbstractTableModel, name: str, stretch: int) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return table


class RatingsSummaryView(QWidget):
    """The head of agency's figures for a period (this month by default): ratings, per level, the
    satisfaction rate as reports quote it, and per clerk."""

    loaded = Signal()

    def __init__(self, svc: Onestop, actor: Actor, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.setObjectName("ratingsSummary")
        self.summary: dict[str, Any] | None = None
        self.scale: Scale | None = None
        self._seq = 0
        self._ready = False  # the default period comes from the service's clock

        self.date_from = self._date_edit("ratingsFrom")
        self.date_to = self._date_edit("ratingsTo")
        from_label = QLabel(self.tr("&Từ ngày:"))
        from_label.setBuddy(self.date_from)
        to_label = QLabel(self.tr("Đế&n ngày:"))
        to_label.setBuddy(self.date_to)
        self.month_button = QPushButton(self.tr("Tháng &này"))
        self.month_button.setObjectName("ratingsThisMonth")
        self.month_button.setToolTip(self.tr("Từ ngày 1 của tháng này đến hôm nay"))
        self.refresh_button = QPushButton(self.tr("&Xem (F5)"))
        self.refresh_button.setObjectName("ratingsRefresh")
        self.refresh_button.setToolTip(self.tr("Tính lại số liệu của khoảng thời gian đã chọn — F5"))
        self.range_error = FieldError()
        self.range_error.setObjectName("ratingsRangeError")

        self.headline = QLabel(self.tr("Đang tải…"))
        self.headline.setObjectName("ratingsHeadline")
        self.headline.setStyleSheet("font-size: 17pt; font-weight: 700; color: #0b3d91;")
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel("")
        self.details.setObjectName("ratingsDetails")
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: #444;")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.level_model = LevelCountsModel(self)
        self.clerk_model = ClerkRatingsModel(self)
        self.level_table = _table(self.level_model, "ratingsByLevel", LevelCountsModel.LEVEL)
        self.clerk_table = _table(self.clerk_model, "ratingsByClerk", ClerkRatingsModel.NAME)
        level_box = QGroupBox(self.tr("Theo mức đánh giá"))
        QVBoxLayout(level_box).addWidget(self.level_table)
        clerk_box = QGroupBox(self.tr("Theo cán bộ phục vụ"))
        QVBoxLayout(clerk_box).addWidget(self.clerk_table)

        note = QLabel(
            self.tr(
                "Tỷ lệ hài lòng = số lượt hài lòng / tổng số lượt đánh giá. Lời mời người dân không trả lời "
                "không được tính. Gồm đánh giá trên màn hình, phiếu giấy và điện thoại."
            )
        )
        note.setObjectName("ratingsNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")

        top = QHBoxLayout()
        top.addWidget(from_label)
        top.addWidget(self.date_from)
        top.addSpacing(8)
        top.addWidget(to_label)
        top.addWidget(self.date_to)
        top.addWidget(self.month_button)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        self.exports = ExportBar(tasks, self, database=svc.db.sqlite_path)
        self.export_button = QPushButton(self.tr("Xuất số liệu ra Excel…"))
        self.export_button.setObjectName("exportRatings")
        self.export_button.clicked.connect(lambda: self.export_figures())
        top.addWidget(self.export_button)
        self.report_button: QPushButton | None = None
        self.register_button: QPushButton | None = None
        if Act.VIEW_REPORTS in svc.permissions(actor):
            self.report_button = QPushButton(self.tr("Báo cáo kỳ (Excel, PDF)…"))
            self.report_button.setObjectName("exportReport")
            self.report_button.setToolTip(
                self.tr("Báo cáo của khoảng thời gian đã chọn: số liệu, tỷ lệ, công thức, theo thủ tục, "
                        "lĩnh vực, cán bộ, đơn vị")
            )  # fmt: skip
            self.report_button.clicked.connect(lambda: self.export_report())
            self.register_button = QPushButton(self.tr("Sổ Mẫu 07 (Excel, PDF)…"))
            self.register_button.setObjectName("exportRegister")
            self.register_button.clicked.connect(lambda: self.export_register())
            top.addWidget(self.report_button)
            top.addWidget(self.register_button)
        tables = QHBoxLayout()
        tables.addWidget(level_box, 4)
        tables.addWidget(clerk_box, 5)
        self.level_chart: Any = None
        self.clerk_chart: Any = None
        charts_row: QHBoxLayout | None = None
        if charts.available():
            self.level_chart = charts.BarChart(self.tr("Số lượt theo mức đánh giá"))
            self.level_chart.setObjectName("ratingsLevelChart")
            self.clerk_chart = charts.BarChart(
                self.tr("Tỷ lệ hài lòng theo cán bộ (%)"), horizontal=True, maximum=100
            )
            self.clerk_chart.setObjectName("ratingsClerkChart")
            charts_row = QHBoxLayout()
            charts_row.addWidget(self.level_chart, 4)
            charts_row.addWidget(self.clerk_chart, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.range_error)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addLayout(tables, 1)
        if charts_row is not None:
            layout.addLayout(charts_row, 1)
        layout.addWidget(note)
        layout.addWidget(self.exports)
        for first, second in (
            (self.date_from, self.date_to),
            (self.date_to, self.month_button),
            (self.month_button, self.refresh_button),
            (self.refresh_button, self.level_table),
            (self.level_table, self.clerk_table),
        ):
            QWidget.setTabOrder(first, second)

        self.month_button.clicked.connect(self.this_month)
        self.refresh_button.clicked.connect(self.refresh)
        self.date_from.dateChanged.connect(lambda _d: self.refresh())
        self.date_to.dateChanged.connect(lambda _d: self.refresh())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self).activated.connect(self.refresh)
        # Ratings, the clerks' names and the scale (a setting) are what the figures show.
        watch(self, Changes.RATINGS | Changes.STAFF | Changes.SETTINGS, self._data_changed, tasks=tasks)

        if not may_see_ratings(svc, actor):
            self.headline.setText(self.tr("Chỉ lãnh đạo đơn vị xem được số liệu đánh giá."))
            for widget in (self.date_from, self.date_to, self.month_button, self.refresh_button):
                widget.setEnabled(False)
            return
        self.this_month()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    # ---- the period

    def period(self) -> tuple[date, date]:
        return _py_date(self.date_from.date()), _py_date(self.date_to.date())

    def set_period(self, first: date, last: date) -> None:
        self._ready = False  # one refresh for both dates
        self.date_from.setDate(QDate(first.year, first.month, first.day))
        self.date_to.setDate(QDate(last.year, last.month, last.day))
        self._ready = True
        self.refresh()

    def this_month(self) -> None:
        """From the first of the current month to today (the agency's today, from the service's clock)."""
        svc = self.svc

        def work() -> tuple[date, Scale]:
            return svc.ctx.now().date(), svc.ratings.scale()

        def ready(result: tuple[date, Scale]) -> None:
            today, self.scale = result
            self.set_period(today.replace(day=1), today)

        QueryOp(self, work, ready, tasks=self.tasks).failure(self._failed).run_in_background()

    # ---- loading

    def refresh(self) -> None:
        if not self._ready or not may_see_ratings(self.svc, self.actor):
            return
        first, last = self.period()
        if first > last:
            self.range_error.show_message(self.tr("Từ ngày: phải trước hoặc bằng «Đến ngày»."))
            return
        self.range_error.show_message("")
        self._seq += 1
        seq, svc, actor = self._seq, self.svc, self.actor

        def work() -> tuple[dict[str, Any], Scale]:
            return svc.ratings.summary(first, last, actor=actor), svc.ratings.scale()

        op = QueryOp(self, work, lambda result: self._arrived(seq, result), tasks=self.tasks)
        op.failure(self._failed).run_in_background()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # the figures may have moved while another tab was shown

    def _data_changed(self) -> None:
        if self.isVisible():  # otherwise showing the tab refreshes it
            self.refresh()

    def _arrived(self, seq: int, result: tuple[dict[str, Any], Scale]) -> None:
        if seq != self._seq:
            return
        summary, self.scale = result
        self.summary = summary
        total = int(summary["ratings"])
        self.headline.setText(summary_headline(total, summary["satisfaction_rate"]))
        first, last = self.period()
        parts = [self.tr("Từ {0} đến {1}").format(f"{first:%d/%m/%Y}", f"{last:%d/%m/%Y}")]
        if total:
            parts.append(
                " · ".join(
                    f"{level_label(key)}: {vn_number(n)}"
                    for key, n in self._ordered_levels(summary["levels"])
                )
            )
        self.details.setText(" — ".join(parts))
        self.level_model.set_summary(summary["levels"], self.scale)
        self.clerk_model.set_rows(summary["by_clerk"])
        if self.level_chart is not None and self.clerk_chart is not None:
            colours = {lv.key: lv.color for lv in self.scale.levels} if self.scale is not None else {}
            self.level_chart.set_bars(
                [
                    (level_label(key), n, colours.get(key, "#546e7a"))
                    for key, n in self._ordered_levels(summary["levels"])
                ]
            )
            self.clerk_chart.set_bars(
                [
                    (str(c["name"]), float(c["satisfaction_rate"] or 0), "#1565c0")
                    for c in summary["by_clerk"]
                    if c["ratings"]
                ]
            )
        self.loaded.emit()

    # ---- exports

    def export_figures(self, path: Path | None = None) -> bool:
        """The figures as shown (by level, by clerk) to Excel."""
        if self.summary is None:
            return False
        first, last = self.period()
        rows: list[list[Any]] = [
            [self.tr("Đánh giá từ {0} đến {1}").format(f"{first:%d/%m/%Y}", f"{last:%d/%m/%Y}")],
            [self.headline.text()],
            [],
        ]
        for model in (self.level_model, self.clerk_model):
            columns = range(model.columnCount())
            rows.append([model.headerData(c, Qt.Orientation.Horizontal) for c in columns])
            for r in range(model.rowCount()):
                rows.append([model.index(r, c).data() for c in columns])
            rows.append([])
        title = self.tr("Số liệu đánh giá")

        def produce(_fmt: str) -> bytes:
            return table_xlsx(title, [], rows)

        return self.exports.export(self.tr("số liệu đánh giá"), "so-lieu-danh-gia.xlsx", produce, path=path)

    def export_report(self, path: Path | None = None) -> bool:
        """The period report (every figure with its formula, every breakdown) to Excel."""
        first, last = self.period()
        svc, actor = self.svc, self.actor

        def produce(fmt: str) -> bytes:
            report = svc.reports.report(first, last, actor=actor)
            anchor = svc.integrity.anchor(actor=actor)["text"]
            if fmt == "xlsx":
                return report_xlsx(report, anchor=anchor)
            from onestop.forms.model import FormHeader
            from onestop.forms.report import report_bytes

            settings = svc.config.settings()
            header = FormHeader(
                parent_agency=settings["agency.parent_name"],
                unit_name=settings["agency.unit_name"],
                place_name=settings["agency.place_name"],
            )
            return report_bytes(
                report, header, anchor=anchor, issued_at=svc.ctx.now(), demo=bool(settings["agency.demo"])
            )

        name = f"bao-cao-{first:%Y%m%d}-{last:%Y%m%d}.xlsx"
        return self.exports.export(self.tr("báo cáo kỳ"), name, produce, path=path, formats=("xlsx", "pdf"))

    def export_register(self, path: Path | None = None) -> bool:
        """Register Mẫu 07 of the dossiers received in the period, rows streamed, to Excel."""
        first, last = self.period()
        svc, actor = self.svc, self.actor

        exports = self.exports

        def produce(fmt: str) -> bytes:
            anchor = svc.integrity.anchor(actor=actor)["text"]
            data = svc.reports.register(first, last, anchor=anchor, actor=actor)
            data = replace(data, rows=exports.counted(data.rows))
            if fmt == "xlsx":
                return register_xlsx(data)
            import io

            from onestop.forms.register import render_register

            buf = io.BytesIO()
            render_register(data, buf)
            return buf.getvalue()

        name = f"so-theo-doi-{first:%Y%m%d}-{last:%Y%m%d}.xlsx"
        return self.exports.export(
            self.tr("sổ theo dõi Mẫu 07"), name, produce, path=path, formats=("xlsx", "pdf")
        )

    def _ordered_levels(self, levels: dict[str, int]) -> list[tuple[str, int]]:
        keys = [lv.key for lv in self.scale.levels] if self.scale is not None else []
        keys += [k for k in levels if k not in keys]
        return [(k, int(levels.get(k, 0))) for k in keys]

    def _failed(self, _exc: BaseException) -> bool:
        self.headline.setText(self.tr("Chưa tải được số liệu đánh giá."))
        return False  # and the op shows why («Thử lại» asks again)


def _py_date(qd: QDate) -> date:
    return date(qd.year(), qd.month(), qd.day())


def invite_event(status: str) -> str:
    """The service a rating invitation is about: the return of the result once it was returned."""
    return "return" if status == "returned" else "receipt"


__all__ = [
    "ClerkRatingsModel",
    "LevelCountsModel",
    "RatingEntryDialog",
    "RatingStatusLine",
    "RatingsSummaryView",
    "invite_event",
    "may_see_ratings",
    "station_name",
    "summary_headline",
    "vn_number",
    "vn_percent",
]
