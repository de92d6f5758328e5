"""The citizen's rating screen (kiosk): idle welcome, the rating prompt, the reasons, a thank-you.

It runs on the counter PC's second monitor (``place_kiosk`` puts it there, ``KioskPlacer`` moves it
when monitors come and go) or alone as ``onestop kiosk`` on a PC sharing the database. It polls the
database for the counter's invitation (``ratings.next_request``) through ``Tasks``, so the GUI
thread never waits on the database, and a request reaches it within a second.

Rules it keeps (domain.md §6, issue "citizen rating"): nothing is ever chosen by default — no button
is focused, default or preselected, so Enter/Space cannot rate by accident; a timeout records "not
rated", which counts nowhere; no personal data of the citizen is ever shown; large, calm, high
contrast, targets well over 2 cm, readable from a metre away.
"""

from __future__ import annotations

import logging
import time as _time
from datetime import datetime, tzinfo
from typing import Any

import shiboken6
from PySide6.QtCore import QLocale, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QScreen,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from onestop.errors import UserError
from onestop.ratings import REASONS
from onestop.services import Onestop, RatingPrompt
from onestop.ui.common import tr
from onestop.ui.ops import Changes, QueryOp, Tasks, WriteOp
from onestop.worktime import WEEKDAY_NAMES

log = logging.getLogger(__name__)

# The smallest touch target: 2 cm is ~76 px at 96 dpi; the rating buttons are much larger.
LEVEL_MIN = QSize(200, 160)
REASON_MIN = QSize(300, 96)
ACTION_MIN = QSize(240, 96)
THANKS_MS = 4000
REFRESH_MS = 60_000  # settings and today's count on the idle screen

INK = "#111827"  # body text: near black on white
SOFT_INK = "#374151"  # secondary text, still > 10:1 on white
ACCENT = "#0b3d91"  # the agency's name
PRIMARY = "#0b57d0"  # "Gửi", a chosen reason

# How the face on each level's button looks: +1 a broad smile … -1 a deep frown.
_MOODS = {"😄": 1.0, "🙂": 0.55, "😐": 0.0, "🙁": -0.55, "😠": -1.0}

SPOKEN_PROMPT = "Mời quý khách đánh giá chất lượng phục vụ"


def _font(point_size: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(point_size)
    font.setWeight(weight)
    return font


def _label(
    text: str, point_size: float, *, weight: QFont.Weight = QFont.Weight.Normal, color: str = INK
) -> QLabel:
    label = QLabel(text)
    label.setFont(_font(point_size, weight))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {color};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def paint_face(painter: QPainter, rect: QRectF, mood: float, ink: QColor) -> None:
    """A simple face drawn with lines (no emoji font needed): the mouth curves with the mood."""
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    pen = QPen(ink, max(3.0, side / 16))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.save()
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = box.adjusted(pen.widthF() / 2, pen.widthF() / 2, -pen.widthF() / 2, -pen.widthF() / 2)
    painter.drawEllipse(inner)
    cx, cy, r = inner.center().x(), inner.center().y(), inner.width() / 2
    painter.setBrush(ink)
    eye = max(2.5, r / 8)
    for dx in (-0.36, 0.36):
        painter.drawEllipse(QPointF(cx + dx * r, cy - 0.22 * r), eye, eye)
    if mood <= -0.9:  # angry brows
        painter.drawLine(QPointF(cx - 0.55 * r, cy - 0.52 * r), QPointF(cx - 0.18 * r, cy - 0.38 * r))
        painter.drawLine(QPointF(cx + 0.55 * r, cy - 0.52 * r), QPointF(cx + 0.18 * r, cy - 0.38 * r))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    mouth_y = cy + (0.32 if mood >= 0 else 0.45) * r
    half = 0.42 * r
    path = QPainterPath(QPointF(cx - half, mouth_y))
    path.quadTo(QPointF(cx, mouth_y + mood * 0.5 * r), QPointF(cx + half, mouth_y))
    if mood >= 0.9:  # a broad, open smile: unmistakably the happiest face
        path = QPainterPath(QPointF(cx - 0.5 * r, mouth_y - 0.06 * r))
        path.quadTo(QPointF(cx, mouth_y + 0.62 * r), QPointF(cx + 0.5 * r, mouth_y - 0.06 * r))
        path.closeSubpath()
        painter.setBrush(ink)
    painter.drawPath(path)
    painter.restore()


class BigButton(QPushButton):
    """A large touch target painted by hand: a coloured tile with an optional face, or a toggle.

    Never takes the keyboard focus and is never a default button: Enter or Space cannot press it.
    """

    def __init__(
        self,
        text: str,
        *,
        color: str = PRIMARY,
        mood: float | None = None,
        toggle: bool = False,
        outline: bool = False,
        minimum: QSize = ACTION_MIN,
        point_size: float = 24,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.color = QColor(color)
        self.mood = mood
        self.outline = outline
        self.peers: list[BigButton] = []  # the other buttons of the scale: faces of one size
        self.setCheckable(toggle)
        self.setAutoDefault(False)
        self.setDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFont(_font(point_size, QFont.Weight.Bold))
        self.setMinimumSize(minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(text)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def _content(self) -> QRectF:
        return QRectF(self.rect()).adjusted(16, 14, -16, -14)

    def _text_box(self, content: QRectF) -> QRectF:
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        return QFontMetricsF(self.font()).boundingRect(
            QRectF(0, 0, content.width(), content.height()), int(flags), self.text()
        )

    def _face_room(self) -> float:
        """The largest face that fits above the words (which may wrap on two lines)."""
        content = self._content()
        text = self._text_box(content)
        return max(0.0, min(content.width() * 0.5, content.height() - 10.0 - text.height(), 110.0))

    def _colors(self) -> tuple[QColor, QColor, QColor]:
        """(fill, border, ink) for the current state."""
        white, dark = QColor("#ffffff"), QColor(INK)
        if self.isCheckable():
            if self.isChecked():
                fill, border, ink = QColor(self.color), QColor(self.color).darker(140), white
            else:
                fill, border, ink = white, dark, dark
        elif self.outline:
            fill, border, ink = white, dark, dark
        else:
            fill, border, ink = QColor(self.color), QColor(self.color).darker(140), white
        if self.isDown():
            fill = fill.darker(120)
        if not self.isEnabled():
            fill = fill.lighter(115) if fill != white else QColor("#f3f4f6")
        return fill, border, ink

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill, border, ink = self._colors()
        frame = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        painter.setPen(QPen(border, 3))
        painter.setBrush(fill)
        painter.drawRoundedRect(frame, 18, 18)
        content = self._content()
        painter.setFont(self.font())
        painter.setPen(ink)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        if self.mood is not None:
            # The face and the words as one block, centred: they belong together.
            text_box = self._text_box(content)
            gap = 10.0
            # Every face of the scale the same size (the smallest room any button leaves).
            face_side = min(p._face_room() for p in [self, *self.peers])
            top = content.top() + max(0.0, (content.height() - face_side - gap - text_box.height()) / 2)
            face = QRectF(0, 0, face_side, face_side)
            face.moveCenter(QPointF(content.center().x(), top + face_side / 2))
            paint_face(painter, face, self.mood, ink)
            text_rect = QRectF(content.left(), top + face_side + gap, content.width(), text_box.height())
            painter.drawText(text_rect, int(flags), self.text())
        elif self.isCheckable():
            side = min(40.0, content.height() * 0.6)
            box = QRectF(content.left() + 4, content.center().y() - side / 2, side, side)
            painter.setPen(QPen(ink, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 6, 6)
            if self.isChecked():
                tick = QPen(ink, 5)
                tick.setCapStyle(Qt.PenCapStyle.RoundCap)
                tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.setPen(tick)
                path = QPainterPath(QPointF(box.left() + side * 0.2, box.top() + side * 0.52))
                path.lineTo(QPointF(box.left() + side * 0.42, box.top() + side * 0.74))
                path.lineTo(QPointF(box.left() + side * 0.82, box.top() + side * 0.26))
                painter.drawPath(path)
            painter.setPen(ink)
            text_rect = content.adjusted(side + 22, 0, 0, 0)
            painter.drawText(
                text_rect,
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                self.text(),
            )
        else:
            painter.drawText(content, int(flags), self.text())
        painter.end()


class FaceWidget(QWidget):
    """A face on its own (the thank-you screen)."""

    def __init__(self, mood: float, color: str, side: int = 140, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mood = mood
        self.color = QColor(color)
        self.setFixedSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_face(painter, QRectF(self.rect()), self.mood, self.color)
        painter.end()


def speech_engine(parent: QObject | None = None) -> Any | None:
    """A text-to-speech engine speaking Vietnamese if it can, or None — silently — when the module,
    its libraries or any engine is missing (most counter PCs and the offscreen test platform)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except Exception:  # ImportError, or a missing libpulse behind it
        return None
    try:
        if not QTextToSpeech.availableEngines():
            return None
        engine = QTextToSpeech(parent)
        for locale in engine.availableLocales():
            if locale.language() == QLocale.Language.Vietnamese:
                engine.setLocale(locale)
                break
        return engine
    except Exception:
        log.debug("no text-to-speech", exc_info=True)
        return None


class KioskWindow(QWidget):
    """The rating screen. ``start()`` begins polling; ``stop()`` ends it.

    ``state`` is "idle", "asking" (the scale), "reasons" (the optional follow-up) or "thanks".
    ``takes_focus=False`` (the default, for the counter PC's second monitor) keeps a citizen's touch
    from taking the clerk's keyboard; a kiosk PC of its own passes True so keys 1..N work.
    """

    rated = Signal(int)  # request id, once the rating is stored
    expired = Signal(int)  # request id, when nobody answered in time

    def __init__(
        self,
        svc: Onestop,
        tasks: Tasks,
        *,
        kiosk: str,
        station: str,
        parent: QWidget | None = None,
        poll_ms: int = 500,
        timeout_s: float | None = None,
        thanks_ms: int = THANKS_MS,
        takes_focus: bool = False,
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.tasks = tasks
        self.kiosk = kiosk
        self.station = station
        self.thanks_ms = thanks_ms
        self.state = "idle"
        self.prompt: RatingPrompt | None = None
        self.level_buttons: dict[str, QPushButton] = {}
        self.reason_buttons: dict[str, QPushButton] = {}
        self.speech: Any | None = None
        self._timeout_override = timeout_s
        self._settings: dict[str, Any] = {
            "agency": "",
            "tz": None,
            "timeout": 60,
            "speech": False,
            "show_count": False,
            "today_count": None,
        }
        self._running = False
        self._polling = False
        self._checking = False
        self._refreshing = False
        self._submitting = False
        self._level: str | None = None
        self._deadline = 0.0
        self._timeout_total = 60.0

        self.setObjectName("kiosk")
        self.setWindowTitle(self.tr("Đánh giá mức độ hài lòng"))
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(INK))
        self.setPalette(palette)
        self.takes_focus = takes_focus
        if takes_focus:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        else:
            self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
            self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.resize(1024, 768)

        self.pages = QStackedWidget()
        self.idle_page = self._build_idle()
        self.ask_page = self._build_ask()
        self.reasons_page = self._build_reasons()
        self.thanks_page = self._build_thanks()
        for page in (self.idle_page, self.ask_page, self.reasons_page, self.thanks_page):
            self.pages.addWidget(page)

        self.countdown = QProgressBar()
        self.countdown.setObjectName("countdown")
        self.countdown.setTextVisible(False)
        self.countdown.setFixedHeight(12)
        self.countdown.setRange(0, 1000)
        self.countdown.setStyleSheet(
            "QProgressBar { border: none; background: #e5e7eb; border-radius: 6px; }"
            "QProgressBar::chunk { background: #6b7280; border-radius: 6px; }"
        )
        self.countdown.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 24)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.countdown)

        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self._poll)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self._show_time)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setInterval(200)
        self.countdown_timer.timeout.connect(self._count_down)
        self.thanks_timer = QTimer(self)
        self.thanks_timer.setSingleShot(True)
        self.thanks_timer.timeout.connect(self.go_idle)
        self._show_time()

    # ------------------------------------------------------------------ pages

    def _build_idle(self) -> QWidget:
        page = QWidget()
        self.agency_label = _label("", 28, weight=QFont.Weight.DemiBold, color=ACCENT)
        self.agency_label.setObjectName("kioskAgency")
        self.welcome_label = _label(self.tr("Kính chào quý khách"), 44, weight=QFont.Weight.Bold)
        self.time_label = _label("", 84, weight=QFont.Weight.Bold)
        self.time_label.setObjectName("kioskTime")
        self.date_label = _label("", 28, color=SOFT_INK)
        self.date_label.setObjectName("kioskDate")
        self.count_label = _label("", 22, color=SOFT_INK)
        self.count_label.setObjectName("kioskTodayCount")
        self.count_label.hide()
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        layout.addWidget(self.agency_label)
        layout.addSpacing(24)
        layout.addWidget(self.welcome_label)
        layout.addStretch(2)
        layout.addWidget(self.time_label)
        layout.addWidget(self.date_label)
        layout.addStretch(3)
        layout.addWidget(self.count_label)
        return page

    def _build_ask(self) -> QWidget:
        page = QWidget()
        self.ask_title = _label(self.tr("Mời quý khách đánh giá"), 34, weight=QFont.Weight.Bold)
        self.service_label = _label("", 24)
        self.service_label.setObjectName("kioskService")
        self.clerk_label = _label("", 24, color=SOFT_INK)
        self.clerk_label.setObjectName("kioskClerk")
        self.levels_box = QWidget()
        self.levels_grid = QGridLayout(self.levels_box)
        self.levels_grid.setContentsMargins(0, 0, 0, 0)
        self.levels_grid.setSpacing(18)
        self.ask_hint = _label("", 18, color=SOFT_INK)
        layout = QVBoxLayout(page)
        layout.setSpacing(10)
        layout.addWidget(self.ask_title)
        layout.addWidget(self.service_label)
        layout.addWidget(self.clerk_label)
        layout.addSpacing(18)
        layout.addWidget(self.levels_box, 1)
        layout.addSpacing(8)
        layout.addWidget(self.ask_hint)
        return page

    def _build_reasons(self) -> QWidget:
        page = QWidget()
        title = _label(self.tr("Quý khách chưa hài lòng về điều gì?"), 32, weight=QFont.Weight.Bold)
        hint = _label(self.tr("Có thể chọn nhiều ý, hoặc bỏ qua."), 22, color=SOFT_INK)
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(16)
        for col in range(4):
            grid.setColumnStretch(col, 1)
        for i, (key, text) in enumerate(REASONS.items()):
            button = BigButton(tr(text), toggle=True, minimum=REASON_MIN, point_size=22)
            button.setObjectName(f"reason-{key}")
            button.setToolTip(self.tr("Phím {0}").format(i + 1))
            self.reason_buttons[key] = button
            row, col = divmod(i, 2)
            last_alone = i == len(REASONS) - 1 and col == 0
            grid.addWidget(button, row, 1 if last_alone else col * 2, 1, 2)  # a last one alone, centred
        self.skip_button = BigButton(self.tr("Bỏ qua"), outline=True, point_size=24)
        self.skip_button.setObjectName("reasonsSkip")
        self.skip_button.setToolTip(self.tr("Gửi đánh giá, không kèm lý do (phím Esc)"))
        self.skip_button.clicked.connect(self.skip_reasons)
        self.send_button = BigButton(self.tr("Gửi"), color=PRIMARY, point_size=26)
        self.send_button.setObjectName("reasonsSend")
        self.send_button.setToolTip(self.tr("Gửi đánh giá kèm các lý do đã chọn (phím G)"))
        self.send_button.clicked.connect(self.send_reasons)
        actions = QHBoxLayout()
        actions.setSpacing(24)
        actions.addWidget(self.skip_button)
        actions.addWidget(self.send_button)
        layout = QVBoxLayout(page)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(12)
        layout.addWidget(grid_box, 1)
        layout.addSpacing(16)
        layout.addLayout(actions)
        return page

    def _build_thanks(self) -> QWidget:
        page = QWidget()
        self.thanks_face = FaceWidget(1.0, "#1b7f3b")
        self.thanks_label = _label(self.tr("Cảm ơn quý khách!"), 52, weight=QFont.Weight.Bold)
        self.thanks_label.setObjectName("kioskThanks")
        self.thanks_detail = _label("", 26, color=SOFT_INK)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.thanks_face, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(24)
        layout.addWidget(self.thanks_label)
        layout.addSpacing(20)
        layout.addWidget(self.thanks_detail)
        layout.addStretch(1)
        return page

    # ------------------------------------------------------------------ running

    def start(self) -> None:
        """Begin polling for invitations (and keep the idle screen's clock and figures fresh)."""
        self._running = True
        self.refresh()
        self.clock_timer.start()
        self.refresh_timer.start()
        self.poll_timer.start()
        self._poll()

    def stop(self) -> None:
        """Stop polling. An invitation on screen is withdrawn ("cancelled": no rating, counts nowhere)
        rather than left "showing" with nobody able to answer it (monitor unplugged, program closed)."""
        self._running = False
        for timer in (self.poll_timer, self.clock_timer, self.refresh_timer, self.countdown_timer):
            timer.stop()
        self.thanks_timer.stop()
        prompt = self.prompt
        if prompt is not None and not self._submitting and self.state in ("asking", "reasons"):
            self._withdraw(prompt)
            self.go_idle()

    def _withdraw(self, prompt: RatingPrompt) -> None:
        """Hand an invitation back as "cancelled". Its op belongs to ``tasks``, not to this window,
        which may be gone before it ends: a failure is still logged."""
        svc = self.svc

        def failed(exc: BaseException) -> bool:
            log.warning("kiosk: cannot withdraw request %s: %s", prompt.request_id, exc)
            return True

        op = WriteOp(
            self.tasks,
            lambda: svc.ratings.close_request(prompt.request_id, "cancelled"),
            changes=Changes.NONE,  # an invitation nobody answered counts nowhere
            tasks=self.tasks,
        )
        op.failure(failed).run_in_background()

    def closeEvent(self, event: Any) -> None:
        self.stop()
        super().closeEvent(event)

    @property
    def timeout_seconds(self) -> float:
        if self._timeout_override is not None:
            return float(self._timeout_override)
        return float(self._settings["timeout"])

    def refresh(self) -> None:
        """Settings (agency name, time zone, timeout, speech) and today's count, off the GUI thread."""
        if self._refreshing:
            return
        self._refreshing = True
        svc = self.svc

        def load() -> dict[str, Any]:
            s = svc.config.settings()
            today = svc.ctx.now().date()
            show = bool(s["rating.show_today_count"])
            return {
                "agency": str(s["agency.unit_full_name"]),
                "tz": s.tz,
                "timeout": int(s["rating.timeout_seconds"]),
                "speech": bool(s["rating.speech"]),
                "show_count": show,
                "today_count": svc.ratings.count(today, today) if show else None,
            }

        op = QueryOp(self, load, self._refreshed, tasks=self.tasks)
        op.failure(self._refresh_failed).run_in_background()

    def _refreshed(self, values: dict[str, Any]) -> None:
        self._refreshing = False
        self._settings = values
        self.agency_label.setText(values["agency"])
        count = values["today_count"]
        self.count_label.setVisible(values["show_count"] and count is not None)
        if count is not None:
            self.count_label.setText(self.tr("Hôm nay: {0} lượt đánh giá").format(count))
        self._show_time()

    def _refresh_failed(self, exc: BaseException) -> bool:
        # The kiosk has nobody to show an error to: keep the last figures, log, try again later.
        self._refreshing = False
        log.warning("kiosk: cannot load the settings: %s", exc)
        return True

    def _now(self) -> datetime:
        tz: tzinfo | None = self._settings["tz"]
        now = self.svc.ctx.clock.now()
        return now.astimezone(tz) if tz is not None else now.astimezone()

    @Slot()
    def _show_time(self) -> None:
        now = self._now()
        self.time_label.setText(f"{now.hour:02d}:{now.minute:02d}")
        self.date_label.setText(
            self.tr("{0}, ngày {1}").format(tr(WEEKDAY_NAMES[now.weekday()]), now.strftime("%d/%m/%Y"))
        )

    # ------------------------------------------------------------------ polling

    @Slot()
    def _poll(self) -> None:
        if not self._running:
            return
        if self.state in ("idle", "thanks"):
            if self._polling:
                return  # never two polls at once
            self._polling = True
            svc, kiosk, station = self.svc, self.kiosk, self.station
            # Taking an invitation marks it "showing": its answer must come back even if this window
            # is gone by then, so that _polled hands it back. The op belongs to tasks, not to self.
            op = QueryOp(
                self.tasks,
                lambda: svc.ratings.next_request(kiosk=kiosk, station=station),
                self._polled,
                tasks=self.tasks,
            )
            op.failure(self._poll_failed).run_in_background()
        elif self.prompt is not None and not self._checking and not self._submitting:
            # While asking: has the counter withdrawn this invitation (a newer one for the counter)?
            self._checking = True
            request_id = self.prompt.request_id
            check = QueryOp(
                self,
                lambda: self.svc.ratings.kiosk_request_state(request_id),
                lambda state: self._checked(request_id, state),
                tasks=self.tasks,
            )
            check.failure(self._check_failed).run_in_background()

    def _polled(self, prompt: RatingPrompt | None) -> None:
        self._polling = False
        if prompt is None:
            return
        if not shiboken6.isValid(self) or not self._running or self.state not in ("idle", "thanks"):
            # Taken but cannot be shown: hand it back as withdrawn rather than leave it "showing".
            self._withdraw(prompt)
            return
        self.show_prompt(prompt)

    def _poll_failed(self, exc: BaseException) -> bool:
        self._polling = False
        log.warning("kiosk: cannot read the invitations: %s", exc)
        return True

    def _checked(self, request_id: int, state: str) -> None:
        self._checking = False
        current = self.prompt
        if current is None or current.request_id != request_id or self._submitting:
            return
        if state != "showing" and self.state in ("asking", "reasons"):
            self.go_idle()

    def _check_failed(self, exc: BaseException) -> bool:
        self._checking = False
        log.warning("kiosk: cannot read the invitation: %s", exc)
        return True

    # ------------------------------------------------------------------ the flow

    def show_prompt(self, prompt: RatingPrompt) -> None:
        self.thanks_timer.stop()
        self.prompt = prompt
        self._level = None
        self._submitting = False
        self.service_label.setText(self.tr("{0}: {1}").format(tr(prompt.event_label), prompt.procedure_name))
        self.clerk_label.setText(self.tr("Cán bộ phục vụ: {0}").format(prompt.clerk_name))
        self._build_levels(prompt)
        for button in self.reason_buttons.values():
            button.setChecked(False)
        self._set_state("asking", self.ask_page)
        if self.focusPolicy() != Qt.FocusPolicy.NoFocus:
            self.setFocus()  # keys 1..N reach the window; no button ever holds the focus
        self._start_countdown()
        self._speak()

    def _build_levels(self, prompt: RatingPrompt) -> None:
        for button in self.level_buttons.values():
            self.levels_grid.removeWidget(button)
            button.deleteLater()
        self.level_buttons = {}
        levels = prompt.scale.levels
        # One row up to four levels; five go 3 + 2, so each stays a large target on a 1024 px screen.
        per_row = len(levels) if len(levels) <= 4 else 3
        for col in range(6):
            self.levels_grid.setColumnStretch(col, 0)
        span = 2  # each button spans two half-columns, so a short last row can be centred
        for i, level in enumerate(levels):
            button = BigButton(
                tr(level.label),
                color=level.color,
                mood=_MOODS.get(level.icon, 0.0),
                minimum=LEVEL_MIN,
                point_size=24,
            )
            button.setObjectName(f"level-{level.key}")
            button.setToolTip(self.tr("Phím {0}").format(i + 1))
            button.clicked.connect(lambda _=False, key=level.key: self.choose(key))
            self.level_buttons[level.key] = button
            row, col = divmod(i, per_row)
            in_row = min(per_row, len(levels) - row * per_row)
            offset = per_row - in_row  # half-columns to the left of a short row
            self.levels_grid.addWidget(button, row, offset + col * span, 1, span)
        for col in range(per_row * span):
            self.levels_grid.setColumnStretch(col, 1)
        buttons = list(self.level_buttons.values())
        for button in buttons:
            assert isinstance(button, BigButton)
            button.peers = [b for b in buttons if b is not button and isinstance(b, BigButton)]
        self.ask_hint.setText(self.input_hint(len(levels)))

    def input_hint(self, count: int) -> str:
        """How to answer with what this screen has (setting ``rating.input``). Keys are offered only on
        a kiosk PC: on the counter PC's second monitor the keyboard belongs to the clerk's window."""
        how = self.svc.config.settings()["rating.input"]
        if how == "keypad" and self.takes_focus:
            return self.tr("Bấm phím số 1–{0} để chọn.").format(count)
        if how == "mouse":
            return self.tr("Bấm chuột vào một ô để chọn.")
        return self.tr("Chạm vào một ô để chọn.")

    def choose(self, key: str) -> None:
        """The citizen chose a level: ask the reasons if it is an unsatisfied one, else store it."""
        prompt = self.prompt
        if prompt is None or self.state != "asking" or self._submitting:
            return
        self._level = key
        if prompt.scale.asks_reasons(key):
            for button in self.reason_buttons.values():
                button.setChecked(False)
            self._set_state("reasons", self.reasons_page)
            self._start_countdown()
        else:
            self._submit(())

    def send_reasons(self) -> None:
        if self.state == "reasons":
            self._submit(self.chosen_reasons())

    def skip_reasons(self) -> None:
        if self.state == "reasons":
            self._submit(())

    def chosen_reasons(self) -> tuple[str, ...]:
        return tuple(key for key, button in self.reason_buttons.items() if button.isChecked())

    def _submit(self, reasons: tuple[str, ...]) -> None:
        prompt, level = self.prompt, self._level
        if prompt is None or level is None or self._submitting:
            return
        self._submitting = True
        self.countdown_timer.stop()
        self._enable_choices(False)
        svc = self.svc
        op = WriteOp(
            self,
            lambda: svc.ratings.submit(prompt.request_id, level, reasons),
            lambda _row: self._submitted(prompt.request_id),
            changes=Changes.RATINGS,
            tasks=self.tasks,
        )
        op.failure(lambda exc: self._submit_failed(prompt.request_id, exc)).run_in_background()

    def _submitted(self, request_id: int) -> None:
        self._submitting = False
        self._enable_choices(True)
        self.thanks_label.setText(self.tr("Cảm ơn quý khách!"))
        self.thanks_detail.setText(self.tr("Ý kiến của quý khách giúp chúng tôi phục vụ tốt hơn."))
        self._show_thanks()
        self.rated.emit(request_id)
        if self._settings["show_count"]:
            self.refresh()

    def _submit_failed(self, request_id: int, exc: BaseException) -> bool:
        # Nobody at a kiosk can act on an error dialog: say it plainly, then go back to idle.
        self._submitting = False
        self._enable_choices(True)
        log.warning("kiosk: rating for request %s not stored: %s", request_id, exc)
        self.thanks_label.setText(self.tr("Cảm ơn quý khách!"))
        if isinstance(exc, UserError):
            self.thanks_detail.setText(self.tr("Lời mời đánh giá này đã hết hiệu lực."))
        else:
            self.thanks_detail.setText(self.tr("Chưa ghi được đánh giá. Xin quý khách báo cán bộ tại quầy."))
        self._show_thanks()
        return True

    def _show_thanks(self) -> None:
        self.prompt = None
        self._level = None
        self._set_state("thanks", self.thanks_page)
        self.thanks_timer.start(self.thanks_ms)

    @Slot()
    def time_out(self) -> None:
        """No answer in time. Before a level was chosen: "not rated" (no score, counts nowhere).
        On the reasons page the level was the answer: it is stored with the reasons ticked so far."""
        prompt = self.prompt
        if prompt is None or self._submitting:
            return
        if self.state == "reasons" and self._level is not None:
            self._submit(self.chosen_reasons())
            return
        if self.state != "asking":
            return
        svc = self.svc

        def failed(exc: BaseException) -> bool:
            log.warning("kiosk: cannot close request %s: %s", prompt.request_id, exc)
            return True

        op = WriteOp(
            self,
            lambda: svc.ratings.close_request(prompt.request_id, "timeout"),
            lambda _none: self.expired.emit(prompt.request_id),
            changes=Changes.NONE,  # "not rated" counts nowhere
            tasks=self.tasks,
        )
        op.failure(failed).run_in_background()
        self.go_idle()

    @Slot()
    def go_idle(self) -> None:
        self.thanks_timer.stop()
        self.prompt = None
        self._level = None
        self._set_state("idle", self.idle_page)
        self._show_time()

    def _set_state(self, state: str, page: QWidget) -> None:
        self.state = state
        self.pages.setCurrentWidget(page)
        asking = state in ("asking", "reasons")
        self.countdown.setVisible(asking)
        if not asking:
            self.countdown_timer.stop()

    def _enable_choices(self, enabled: bool) -> None:
        for button in [*self.level_buttons.values(), *self.reason_buttons.values()]:
            button.setEnabled(enabled)
        self.send_button.setEnabled(enabled)
        self.skip_button.setEnabled(enabled)

    def _start_countdown(self) -> None:
        self._timeout_total = max(0.1, self.timeout_seconds)
        self._deadline = _time.monotonic() + self._timeout_total
        self.countdown.setValue(1000)
        self.countdown_timer.start()

    @Slot()
    def _count_down(self) -> None:
        left = self._deadline - _time.monotonic()
        self.countdown.setValue(max(0, int(1000 * left / self._timeout_total)))
        if left <= 0:
            self.countdown_timer.stop()
            self.time_out()

    def _speak(self) -> None:
        if not self._settings["speech"]:
            return
        if self.speech is None:
            self.speech = speech_engine(self)
        if self.speech is None:
            return
        try:
            self.speech.say(self.tr(SPOKEN_PROMPT))
        except Exception:
            log.debug("text-to-speech failed", exc_info=True)

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys 1..N choose a level (1..5 tick a reason; G sends, Esc skips). Enter and Space do
        nothing: there is no default answer."""
        key = event.key()
        digit = key - Qt.Key.Key_1 if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 else -1
        if self.state == "asking" and 0 <= digit < len(self.level_buttons):
            list(self.level_buttons.values())[digit].click()
        elif self.state == "reasons" and 0 <= digit < len(self.reason_buttons):
            list(self.reason_buttons.values())[digit].click()
        elif self.state == "reasons" and key == Qt.Key.Key_G:
            self.send_button.click()
        elif self.state == "reasons" and key == Qt.Key.Key_Escape:
            self.skip_button.click()
        elif key == Qt.Key.Key_F11:
            if self.isFullScreen():
                self.showNormal()
            else:
                show_full_screen(self)
        else:
            event.ignore()
            return
        event.accept()


# ---------------------------------------------------------------------- screens


def _screen_of(widget: QWidget) -> QScreen | None:
    """The screen mostly showing ``widget`` (its centre), else the one Qt says it is on."""
    if widget.isVisible():
        found = QGuiApplication.screenAt(widget.frameGeometry().center())
        if found is not None:
            return found
    return widget.screen()


def show_full_screen(window: QWidget) -> None:
    """``showFullScreen()``, except that a window which must not take the keyboard (the kiosk beside
    the clerk) is not activated: showFullScreen() always activates, and Qt warns for such windows."""
    if window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus:
        state = window.windowState() & ~(Qt.WindowState.WindowMinimized | Qt.WindowState.WindowMaximized)
        window.setWindowState(state | Qt.WindowState.WindowFullScreen)
        window.setVisible(True)
    else:
        window.showFullScreen()


def place_kiosk(window: QWidget, avoid: QWidget | None = None) -> QScreen | None:
    """Full screen on a monitor other than the clerk's (``avoid``, else the primary one), and
    returns that screen; with one monitor an ordinary window sized to fit, and returns None."""
    screens = QGuiApplication.screens()
    clerk = _screen_of(avoid) if avoid is not None else QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not clerk]
    if avoid is not None:
        # Never on top of the clerk's window, even when it straddles two monitors.
        clear = [s for s in others if not s.geometry().intersects(avoid.frameGeometry())]
        others = clear or others
    if len(screens) >= 2 and others:
        target = others[0]
        if window.isFullScreen() and window.screen() is not target:
            window.showNormal()  # leave full screen before moving, or some window managers keep it
        window.setScreen(target)
        # setScreen() alone leaves the window on the first monitor (shared/platform.md).
        window.setGeometry(target.geometry())
        show_full_screen(window)
        return target
    screen = screens[0] if screens else None
    if window.isFullScreen():
        window.showNormal()
    if screen is not None:
        window.setScreen(screen)
        room = screen.availableGeometry()
        width = min(1024, max(640, room.width() * 4 // 5))
        height = min(768, max(480, room.height() * 4 // 5))
        width, height = min(width, room.width()), min(height, room.height())
        window.resize(width, height)
        window.move(room.center().x() - width // 2, room.center().y() - height // 2)
    window.show()
    return None


class KioskPlacer(QObject):
    """Re-places the kiosk when monitors are plugged in or out (``place()`` places it now)."""

    placed = Signal(object)  # the QScreen it went to, or None (one monitor: an ordinary window)

    def __init__(self, window: QWidget, avoid: QWidget | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.avoid = avoid
        self.screen: QScreen | None = None
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(0)  # after Qt has finished updating its list of screens
        self._again.timeout.connect(self.place)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)

    @Slot(QScreen)
    def _screens_changed(self, _screen: QScreen | None = None) -> None:
        self._again.start()

    @Slot()
    def place(self) -> QScreen | None:
        self.screen = place_kiosk(self.window, self.avoid)
        self.placed.emit(self.screen)
        return self.screen
