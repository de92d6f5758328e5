"""The head of agency's board and directives.

- ``BoardCounts``: the figures at the top of «Quá hạn, sắp đến hạn» (overdue, due soon, waiting for a
  supplement, directives not answered, late ones among them), from ``svc.worklists.board_counts``:
  one cheap aggregate, polled off the GUI thread every ``POLL_MS`` (work done at the other counters)
  and at once when this program changes a dossier.
- ``DirectiveDialog``: the head records a directive on a dossier — to whom, what, by when —
  through ``svc.oversight.direct``; it stays in the dossier's history.
- ``DirectivesBanner``: on the addressee's «Hồ sơ của tôi», the directives waiting for their answer,
  each with «Trả lời…» (``svc.oversight.answer``); it goes when answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop.services import Actor, BoardCounts, Onestop
from onestop.services.oversight import Addressee, Directive
from onestop.ui.admin_common import FieldErrors
from onestop.ui.common import FieldError, tr
from onestop.ui.dossiers import DUE_SOON, OVERDUE, STATE_COLOURS, long_time, short_time
from onestop.ui.ops import Changes, QueryOp, Tasks, WriteOp, watch

POLL_MS = 15_000


class BoardCountsBar(QFrame):
    """The counts at the top of the board, polled."""

    counts_changed = Signal(object)

    def __init__(
        self,
        svc: Onestop,
        actor: Actor,
        tasks: Tasks,
        parent: QWidget | None = None,
        *,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self.svc, self.actor, self.tasks = svc, actor, tasks
        self.setObjectName("boardCounts")
        self.counts: BoardCounts | None = None
        self._busy = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tiles: dict[str, QLabel] = {}
        for key, (background, colour) in (
            ("overdue", STATE_COLOURS[OVERDUE]),
            ("due_soon", STATE_COLOURS[DUE_SOON]),
            ("paused", ("#eef1f5", "#33415c")),
            ("directives_open", ("#e8f0fe", "#1a3e8c")),
        ):
            tile = QLabel("…")
            tile.setObjectName(f"boardCount_{key}")
            tile.setTextFormat(Qt.TextFormat.RichText)
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tile.setMinimumHeight(tile.fontMetrics().height() * 3 + 8)
            tile.setStyleSheet(
                f"background: {background}; color: {colour}; border: 1px solid {colour};"
                " border-radius: 4px; padding: 4px 10px;"
            )
            layout.addWidget(tile, 1)
            self.tiles[key] = tile
        self.updated = QLabel("")
        self.updated.setObjectName("boardUpdated")
        self.updated.setStyleSheet("color: #555;")
        layout.addWidget(self.updated)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        watch(self, Changes.DOSSIERS | Changes.CALENDAR | Changes.SETTINGS, self.refresh, tasks=tasks)
        self.refresh()

    def refresh(self) -> None:
        if self._busy:
            return
        self._busy = True
        svc, actor = self.svc, self.actor
        QueryOp(
            self, lambda: svc.worklists.board_counts(actor=actor), self._arrived, tasks=self.tasks
        ).failure(self._failed).run_in_background()

    def _failed(self, _exc: BaseException) -> bool:
        self._busy = False
        self.updated.setText(self.tr("Không cập nhật được số liệu"))
        return True  # polled: say it here, not in a message box every few seconds

    def _arrived(self, counts: BoardCounts) -> None:
        self._busy = False
        self.counts = counts
        big = "<div style='font-size: 16pt; font-weight: 700'>{0}</div><div>{1}</div>"
        self.tiles["overdue"].setText(big.format(counts.overdue, self.tr("Quá hạn")))
        self.tiles["due_soon"].setText(big.format(counts.due_soon, self.tr("Đến hạn trong 1 ngày làm việc")))
        self.tiles["paused"].setText(big.format(counts.paused, self.tr("Chờ bổ sung (tạm dừng)")))
        late = (
            self.tr(" — {0} quá hạn trả lời").format(counts.directives_late) if counts.directives_late else ""
        )
        self.tiles["directives_open"].setText(
            big.format(counts.directives_open, self.tr("Chỉ đạo chờ trả lời") + late)
        )
        for tile in self.tiles.values():
            tile.setAccessibleName(_plain(tile.text()))
        self.updated.setText(
            self.tr("Cập nhật {0}").format(counts.now.astimezone(self.svc.ctx.tz).strftime("%H:%M:%S"))
        )
        self.counts_changed.emit(counts)


def addressee_text(a: Addressee) -> str:
    where = f" — {a.unit}" if a.unit else ""
    mark = tr(" (đang giữ hồ sơ)") if a.holds_it else ""
    return f"{a.full_name} ({a.username}){where}{mark}"


def _send_on_ctrl_enter(dialog: QDialog, send: Callable[[], object]) -> None:
    """Ctrl+Enter sends from anywhere in the dialog, the text box included (as every step's form)."""
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog).activated.connect(send)


class DirectiveDialog(QDialog):
    """To whom, what, by when: the head's directive on one dossier."""

    directed = Signal(object)

    def __init__(
        self, svc: Onestop, actor: Actor, tasks: Tasks, code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.svc, self.actor, self.tasks, self.code = svc, actor, tasks, code
        self.setObjectName("directiveDialog")
        self.setWindowTitle(self.tr("Chỉ đạo xử lý hồ sơ {0}").format(code))
        self.whom = QComboBox()
        self.whom.setObjectName("directiveTo")
        self.whom.setMinimumContentsLength(40)
        self.text = QPlainTextEdit()
        self.text.setObjectName("directiveText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("Nội dung chỉ đạo: việc cần làm, kết quả cần báo cáo"))
        self.has_due = QCheckBox(self.tr("Hạn trả lời"))
        self.has_due.setObjectName("directiveHasDue")
        self.due = QDateTimeEdit()
        self.due.setObjectName("directiveDue")
        self.due.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.due.setCalendarPopup(True)
        now = svc.ctx.now().astimezone(svc.ctx.tz)
        tomorrow = (now + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
        self.due.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.due.setTime(QTime(tomorrow.hour, 0))
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.errors = FieldErrors()
        form = QFormLayout()
        for key, label, widget in (
            ("to_user", self.tr("Gửi đến"), self.whom),
            ("text", self.tr("Nội dung"), self.text),
        ):
            error = FieldError()
            box = QVBoxLayout()
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(label, box)
            self.errors.add(key, widget, error)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        due_error = FieldError()
        due_box = QVBoxLayout()
        due_box.addLayout(due_row)
        due_box.addWidget(due_error)
        form.addRow(self.tr("Thời hạn"), due_box)
        self.errors.add("due", self.due, due_error)
        self.buttons = QDialogButtonBox()
        self.send = self.buttons.addButton(
            self.tr("Gửi chỉ đạo (Ctrl+Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.send.setObjectName("directiveSend")
        self.buttons.addButton(self.tr("Hủy (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        _send_on_ctrl_enter(self, self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(620, 360)
        QueryOp(
            self, lambda: svc.oversight.addressees(code, actor=actor), self._people, tasks=tasks
        ).run_in_background()

    def _people(self, people: list[Addressee]) -> None:
        self.whom.clear()
        for a in people:
            self.whom.addItem(addressee_text(a), a.username)
        self.text.setFocus()

    def submit(self) -> None:
        self.errors.clear()
        to_user = str(self.whom.currentData() or "")
        if not to_user:
            self.errors.show("to_user", self.tr("Gửi đến: chọn người nhận chỉ đạo."))
            return
        text = self.text.toPlainText()
        due: datetime | None = None
        if self.has_due.isChecked():
            qd, qt = self.due.date(), self.due.time()
            due = datetime(qd.year(), qd.month(), qd.day(), qt.hour(), qt.minute(), tzinfo=self.svc.ctx.tz)
        svc, actor, code = self.svc, self.actor, self.code
        WriteOp(
            self,
            lambda: svc.oversight.direct(code, to_user=to_user, text=text, due=due, actor=actor),
            self._done,
            changes=Changes.DOSSIERS,
            tasks=self.tasks,
        ).while_running(self.send.setDisabled).failure(self.errors.claim).run_in_background()

    def _done(self, directive: Directive) -> None:
        self.directed.emit(directive)
        self.accept()


class AnswerDialog(QDialog):
    """The addressee answers a directive: what was done, what is proposed."""

    def __init__(
        self, svc: Onestop, actor: Actor, tasks: Tasks, directive: Directive, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.svc, self.actor, self.tasks, self.directive = svc, actor, tasks, directive
        self.setObjectName("answerDialog")
        self.setWindowTitle(self.tr("Trả lời chỉ đạo về hồ sơ {0}").format(directive.code))
        asked = QLabel(directive_text(directive))
        asked.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("answerText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("Đã làm gì, đề xuất gì"))
        self.error = FieldError()
        self.errors = FieldErrors()
        self.errors.add("text", self.text, self.error)
        buttons = QDialogButtonBox()
        self.send = buttons.addButton(
            self.tr("Gửi trả lời (Ctrl+Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.send.setObjectName("answerSend")
        buttons.addButton(self.tr("Hủy (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        _send_on_ctrl_enter(self, self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(asked)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 300)
        self.text.setFocus()

    def submit(self) -> None:
        self.errors.clear()
        svc, actor, did, text = self.svc, self.actor, self.directive.id, self.text.toPlainText()
        WriteOp(
            self,
            lambda: svc.oversight.answer(did, text, actor=actor),
            lambda _d: self.accept(),
            changes=Changes.DOSSIERS,
            tasks=self.tasks,
        ).while_running(self.send.setDisabled).failure(self.errors.claim).run_in_background()


def directive_text(d: Directive) -> str:
    if d.due_at is not None:
        return tr("{0} chỉ đạo ({1}) về hồ sơ {2}, hạn trả lời {3}: {4}").format(
            d.by_name, short_time(d.created_at), d.code, long_time(d.due_at), d.text
        )
    return tr("{0} chỉ đạo ({1}) về hồ sơ {2}: {3}").format(
        d.by_name, short_time(d.created_at), d.code, d.text
    )


class DirectivesBanner(QFrame):
    """The directives waiting for this officer's answer, on their «Hồ sơ của tôi»; hidden when none."""

    open_requested = Signal(str)
    loaded = Signal()

    def __init__(
        self,
        svc: Onestop,
        actor: Actor,
        tasks: Tasks,
        parent: QWidget | None = None,
        *,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self.svc, self.actor, self.tasks = svc, actor, tasks
        self.setObjectName("directivesBanner")
        self.setStyleSheet(
            "#directivesBanner { background: #fff4ce; border: 1px solid #8a5a00; border-radius: 4px; }"
        )
        self.directives: list[Directive] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        watch(self, Changes.DOSSIERS, self.refresh, tasks=tasks)
        self.refresh()

    def refresh(self) -> None:
        svc, actor = self.svc, self.actor
        QueryOp(
            self, lambda: svc.oversight.waiting_for(actor=actor), self._arrived, tasks=self.tasks
        ).failure(lambda _exc: True).run_in_background()

    def _arrived(self, directives: list[Directive]) -> None:
        self.directives = directives
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if directives:
            title = QLabel(self.tr("Chỉ đạo của lãnh đạo chờ anh/chị trả lời ({0})").format(len(directives)))
            title.setStyleSheet("font-weight: 700; color: #5c3c00;")
            self._layout.addWidget(title)
        for d in directives:
            row = QHBoxLayout()
            text = QLabel(directive_text(d))
            text.setObjectName("directiveLine")
            text.setWordWrap(True)
            late = d.due_at is not None and d.due_at < self.svc.ctx.now()
            text.setStyleSheet("color: #b3261e; font-weight: 600;" if late else "color: #3d2a00;")
            row.addWidget(text, 1)
            open_button = QPushButton(self.tr("Mở hồ sơ"))
            open_button.clicked.connect(lambda _=False, code=d.code: self.open_requested.emit(code))
            answer = QPushButton(self.tr("Trả lời…"))
            answer.setObjectName(f"answerDirective_{d.id}")
            answer.clicked.connect(lambda _=False, directive=d: self.answer(directive))
            row.addWidget(open_button)
            row.addWidget(answer)
            holder = QWidget()
            holder.setLayout(row)
            self._layout.addWidget(holder)
        self.setVisible(bool(directives))
        self.loaded.emit()

    def answer(self, directive: Directive) -> AnswerDialog:
        dialog = AnswerDialog(self.svc, self.actor, self.tasks, directive, self)
        dialog.setModal(True)
        dialog.show()
        return dialog


def _plain(rich: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", rich)).strip()


class DossierDirectives(QFrame):
    """In the dossier's detail: the directives on it not answered yet (a banner, «Trả lời…» for the
    addressee) and, for the head, «Chỉ đạo…». Hidden when there is nothing to show or do."""

    def __init__(
        self, svc: Onestop, actor: Actor, tasks: Tasks, code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.svc, self.actor, self.tasks, self.code = svc, actor, tasks, code
        self.setObjectName("dossierDirectives")
        self.setStyleSheet(
            "#dossierDirectives { background: #fff4ce; border: 1px solid #8a5a00; border-radius: 4px; }"
        )
        self.open: list[Directive] = []
        self.can_direct = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self.hide()

    def set_directives(self, directives: list[Directive], can_direct: bool) -> None:
        self.open = [d for d in directives if d.answered_at is None]
        self.can_direct = can_direct
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for d in self.open:
            row = QHBoxLayout()
            text = QLabel(self.tr("Chỉ đạo gửi {0}: {1}").format(d.to_name, directive_text(d)))
            text.setObjectName("dossierDirectiveLine")
            text.setWordWrap(True)
            text.setStyleSheet("color: #3d2a00; font-weight: 600;")
            row.addWidget(text, 1)
            if d.to_user == self.actor.username:
                answer = QPushButton(self.tr("Trả lời…"))
                answer.setObjectName(f"answerDirective_{d.id}")
                answer.clicked.connect(lambda _=False, directive=d: self.answer(directive))
                row.addWidget(answer)
            holder = QWidget()
            holder.setLayout(row)
            self._layout.addWidget(holder)
        if can_direct:
            direct = QPushButton(self.tr("Chỉ đạo xử lý hồ sơ này…"))
            direct.setObjectName("directFromDetail")
            direct.clicked.connect(self.direct)
            line = QHBoxLayout()
            line.addStretch(1)
            line.addWidget(direct)
            holder = QWidget()
            holder.setLayout(line)
            self._layout.addWidget(holder)
        self.setStyleSheet(
            "#dossierDirectives { background: #fff4ce; border: 1px solid #8a5a00; border-radius: 4px; }"
            if self.open
            else ""
        )
        self.setVisible(bool(self.open) or can_direct)

    def answer(self, directive: Directive) -> AnswerDialog:
        dialog = AnswerDialog(self.svc, self.actor, self.tasks, directive, self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def direct(self) -> DirectiveDialog:
        dialog = DirectiveDialog(self.svc, self.actor, self.tasks, self.code, self)
        dialog.setModal(True)
        dialog.show()
        return dialog
