"""The steps a dossier may take next, as buttons with keys, wherever a dossier is shown.

``StepBar`` offers exactly the steps ``svc.lifecycle.next_steps`` returns for this user and this
dossier (the permission table, the state, the unit, the one re-appointment decide; never the role's
name). Each opens its small form (``onestop.ui.step_forms``); after it, the paper of that step opens in
the print preview (Mẫu 02 supplement, 03 refusal, 04 re-appointment, 05 stop). The keys of every step
are always there: a key for a step not allowed now says why, in the bar, instead of doing nothing.
Mẫu 06 (the control sheet) and the papers already issued print from the bar at any time.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from onestop import lifecycle as lc
from onestop.forms import render_form
from onestop.services import Act, Actor, DossierView, Onestop
from onestop.ui.common import tr
from onestop.ui.ops import QueryOp, Tasks
from onestop.ui.step_forms import (
    ExtendForm,
    NoteForm,
    ReasonForm,
    ReturnForm,
    StepForm,
    SupplementForm,
    TransferForm,
)

FORWARD = ("transfer", "take", "supplement", "resume", "result", "return")  # the dossier's way on
ASIDE = ("extend", "refuse", "stop", "withdraw")  # re-appointment and the side exits
KEYS = {
    "transfer": "Ctrl+T",
    "take": "Ctrl+N",
    "supplement": "Ctrl+B",
    "resume": "Ctrl+G",
    "result": "Ctrl+K",
    "return": "Ctrl+R",
    "extend": "Ctrl+H",
    "refuse": "Ctrl+Shift+T",
    "stop": "Ctrl+Shift+D",
    "withdraw": "Ctrl+Shift+W",
}
CONTROL_SHEET_KEY = "Ctrl+6"
PAPER_OF = {"supplement": "02", "refuse": "03", "extend": "04", "stop": "05"}  # printed after the step
EXTEND_PROPOSAL_DAYS = 5  # working days after the current due moment, as the new one proposed


def step_names() -> dict[str, str]:
    """What each step's button says (translated when shown)."""
    return {
        "transfer": tr("Chuyển xử lý…"),
        "take": tr("Nhận xử lý"),
        "supplement": tr("Yêu cầu bổ sung…"),
        "resume": tr("Đã nhận bổ sung…"),
        "result": tr("Báo có kết quả"),
        "return": tr("Trả kết quả"),
        "extend": tr("Hẹn lại ngày trả…"),
        "refuse": tr("Từ chối…"),
        "stop": tr("Dừng giải quyết…"),
        "withdraw": tr("Rút hồ sơ…"),
    }


def step_acts() -> dict[str, str]:
    """Each step as an act ("không thể …", "không có quyền …")."""
    return {
        "transfer": tr("chuyển hồ sơ"),
        "take": tr("nhận xử lý hồ sơ"),
        "supplement": tr("yêu cầu bổ sung hồ sơ"),
        "resume": tr("tiếp tục giải quyết hồ sơ"),
        "result": tr("báo có kết quả"),
        "return": tr("trả kết quả"),
        "extend": tr("hẹn lại ngày trả kết quả"),
        "refuse": tr("từ chối hồ sơ"),
        "stop": tr("dừng giải quyết hồ sơ"),
        "withdraw": tr("ghi nhận rút hồ sơ"),
    }


def paper_names() -> dict[str, str]:
    return {
        "02": tr("Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        "03": tr("Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        "04": tr("Mẫu 04 — Văn bản xin lỗi và đề nghị gia hạn"),
        "05": tr("Mẫu 05 — Thông báo dừng giải quyết hồ sơ"),
        "06": tr("Mẫu 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ"),
    }


# ---------------------------------------------------------------------------------------- the data


@dataclass(frozen=True)
class StepContext:
    """A dossier and what this user may do with it now (loaded on a worker thread)."""

    view: DossierView
    steps: tuple[str, ...]
    acts: frozenset[Act]
    units: tuple[tuple[int, str], ...] = ()  # in force, where a transfer may go
    default_unit: int | None = None  # the procedure's unit
    documents: tuple[str, ...] = ()  # the procedure's documents (a supplement request picks from them)
    extend_proposal: datetime | None = None
    now: datetime | None = None

    @property
    def current_due(self) -> datetime:
        v = self.view
        return v.extended_due_at or v.legal_due_at or v.due_at

    @property
    def papers(self) -> tuple[str, ...]:
        """The papers this dossier has: the control sheet, and those of the steps it went through."""
        done = {e.action for e in self.view.events}
        return (*(kind for step, kind in PAPER_OF.items() if step in done), "06")


def load_context(svc: Onestop, actor: Actor, code: str) -> StepContext:
    """Worker thread: the dossier, the steps this user may take now, and what their forms offer."""
    view = svc.dossiers.dossier(code, actor=actor)
    steps = tuple(svc.lifecycle.next_steps(code, actor=actor))
    acts = svc.permissions(actor)
    units: tuple[tuple[int, str], ...] = ()
    default_unit = None
    documents: tuple[str, ...] = ()
    proposal = None
    if "transfer" in steps or "supplement" in steps:
        try:
            proc = svc.catalog.procedure(view.procedure_code)
        except Exception:  # a procedure gone from the catalogue: the forms still work without it
            proc = None
        if proc is not None:
            default_unit = proc.default_unit_id
            documents = tuple(d.name for d in proc.documents)
    if "transfer" in steps:
        today = svc.ctx.today()
        current = view.current_unit
        in_force = [
            u
            for u in svc.catalog.units()
            if (u["valid_to"] is None or u["valid_to"] >= today)
            and u["valid_from"] <= today
            and u["name"] != current
        ]
        in_force.sort(key=lambda u: u["kind"] != "competent")  # the competent units first
        units = tuple((int(u["id"]), str(u["name"])) for u in in_force)
    now = svc.ctx.now()
    if "extend" in steps:
        calendar = svc.ctx.calendar()
        current_due = view.extended_due_at or view.legal_due_at or view.due_at
        proposal = calendar.add_working_time(
            max(current_due, now), calendar.hours.hours_per_day * EXTEND_PROPOSAL_DAYS
        )
    return StepContext(view, steps, acts, units, default_unit, documents, proposal, now)


@dataclass(frozen=True)
class StepOutcome:
    """What a step brings back: the dossier after it, and its paper (PDF, or why it could not be made)."""

    action: str
    view: DossierView
    kind: str | None = None
    paper: bytes | BaseException | None = None


def run_step(svc: Onestop, actor: Actor, code: str, action: str, kwargs: dict[str, Any]) -> StepOutcome:
    """Worker thread: the step, then the paper it issues (the step stands even if the paper fails)."""
    lifecycle = svc.lifecycle
    methods: dict[str, Callable[..., DossierView]] = {
        "transfer": lifecycle.transfer,
        "take": lifecycle.take,
        "supplement": lifecycle.supplement,
        "resume": lifecycle.resume,
        "result": lifecycle.result,
        "return": lifecycle.return_result,
        "refuse": lifecycle.refuse,
        "stop": lifecycle.stop,
        "withdraw": lifecycle.withdraw,
        "extend": lifecycle.extend,
    }
    view = methods[action](code, actor=actor, **kwargs)
    kind = PAPER_OF.get(action)
    if kind is None:
        return StepOutcome(action, view)
    try:
        paper: bytes | BaseException = render_form(kind, svc.papers.form(code, kind, actor=actor))
    except Exception as exc:
        paper = exc
    return StepOutcome(action, view, kind, paper)


def why_not(action: str, context: StepContext) -> str:
    """Why a step is not offered for this dossier now, in words."""
    step = lc.STEPS[action]
    act = step_acts()[action]
    if step.act not in context.acts:
        return tr("Tài khoản này không có quyền {0}.").format(act)
    if context.view.status not in step.sources:
        return tr("Hồ sơ đang ở trạng thái «{0}»: không thể {1}.").format(tr(context.view.status_label), act)
    if action == "extend" and context.view.extended_due_at is not None:
        return tr("Hồ sơ đã được hẹn lại một lần; mỗi hồ sơ chỉ được hẹn lại một lần.")
    return tr("Hồ sơ đang ở đơn vị khác: chỉ {0} đối với hồ sơ của đơn vị mình.").format(act)


# ---------------------------------------------------------------------------------------- the bar


class StepBar(QWidget):
    """The next steps of one dossier as buttons; their keys work anywhere in ``scope``."""

    stepped = Signal(object)  # the StepOutcome of a step that was taken
    paper_ready = Signal(str, bytes)  # kind, PDF: a paper is shown in the preview

    def __init__(
        self,
        svc: Onestop,
        actor: Actor,
        tasks: Tasks,
        ui_state: QSettings,
        scope: QWidget,
        parent: QWidget | None = None,
        *,
        take_focus: bool = True,
    ) -> None:
        super().__init__(parent)
        self.take_focus = take_focus  # a ready result's return takes the keyboard (in a dossier's window)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.ui_state = ui_state
        self.setObjectName("stepBar")
        self.context: StepContext | None = None
        self.form: StepForm | None = None
        self.preview: QDialog | None = None

        names = step_names()
        self.buttons: dict[str, QPushButton] = {}
        rows = []
        for group in (FORWARD, ASIDE):
            row = QHBoxLayout()
            for action in group:
                button = QPushButton(f"{names[action]} ({KEYS[action]})")
                button.setObjectName(f"step_{action}")
                button.setAutoDefault(False)
                button.setToolTip(step_acts()[action].capitalize() + f" — {KEYS[action]}")
                button.clicked.connect(lambda _=False, a=action: self.start(a))
                button.hide()
                self.buttons[action] = button
                row.addWidget(button)
            row.addStretch(1)
            rows.append(row)
        self.papers_button = QPushButton(self.tr("In &biểu mẫu…"))
        self.papers_button.setObjectName("papersButton")
        self.papers_button.setAutoDefault(False)
        self.papers_button.setToolTip(
            self.tr("Phiếu kiểm soát (Mẫu 06, {0}) và các giấy đã cấp").format(CONTROL_SHEET_KEY)
        )
        self.papers_menu = QMenu(self.papers_button)
        self.papers_button.setMenu(self.papers_menu)
        self.papers_button.setEnabled(False)
        rows[1].addWidget(self.papers_button)
        self.message = QLabel("")
        self.message.setObjectName("stepMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.none_label = QLabel(self.tr("Không có bước xử lý nào tài khoản này thực hiện được lúc này."))
        self.none_label.setObjectName("noSteps")
        self.none_label.setStyleSheet("color: #555;")
        self.none_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.none_label)
        for row in rows:
            layout.addLayout(row)
        layout.addWidget(self.message)

        # Every step's key, always: one not allowed now says why.
        self.key_actions: dict[str, QAction] = {}
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for action, key in KEYS.items():
            self.key_actions[action] = self._key(scope, key, functools.partial(self.start, action), context)
        self._key(scope, CONTROL_SHEET_KEY, functools.partial(self.print_paper, "06"), context)

    def _key(
        self, scope: QWidget, key: str, slot: Callable[[], object], context: Qt.ShortcutContext
    ) -> QAction:
        action = QAction(scope)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(context)
        action.triggered.connect(lambda _=False: slot())
        scope.addAction(action)
        return action

    # ---- what is shown

    def set_context(self, context: StepContext | None) -> None:
        self.context = context
        steps = context.steps if context is not None else ()
        for action, button in self.buttons.items():
            button.setVisible(action in steps)
            button.setDefault(False)
            button.setStyleSheet("")
        self.none_label.setVisible(context is not None and not steps)
        self.papers_button.setEnabled(context is not None)
        self.papers_menu.clear()
        if context is not None:
            names = paper_names()
            for kind in context.papers:
                # (the key of Mẫu 06 is the bar's, shown after a tab: one shortcut, never two)
                text = f"{names[kind]}\t{CONTROL_SHEET_KEY}" if kind == "06" else names[kind]
                item = self.papers_menu.addAction(text, functools.partial(self.print_paper, kind))
                item.setObjectName(f"paper_{kind}")
        if context is not None and "return" in steps and context.view.status == lc.READY:
            # At the counter the result is waiting for the applicant: Enter hands it over.
            button = self.buttons["return"]
            button.setDefault(True)
            button.setStyleSheet("font-weight: 600;")
            if self.take_focus:
                button.setFocus()

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet("color: #b3261e;" if error else "color: #1b6b33;")

    @property
    def visible_steps(self) -> list[str]:
        return [a for a, b in self.buttons.items() if not b.isHidden()]

    # ---- taking a step

    def start(self, action: str) -> StepForm | None:
        """Open the form of ``action`` (a key or a button); a step not allowed now says why."""
        context = self.context
        if context is None:
            self.say(self.tr("Chưa chọn hồ sơ, hoặc hồ sơ đang tải."), error=True)
            return None
        if action not in context.steps:
            self.say(why_not(action, context), error=True)
            return None
        if self.form is not None and shiboken6.isValid(self.form) and self.form.isVisible():
            self.form.activateWindow()  # one step at a time (a second Enter while it opens)
            return self.form
        self.say("")
        svc, actor, code = self.svc, self.actor, context.view.code

        def perform(kwargs: dict[str, Any]) -> StepOutcome:
            return run_step(svc, actor, code, action, kwargs)

        form = self._form(action, context, perform)
        form.finished_step.connect(self._done)
        self.form = form
        form.open()
        return form

    def _form(
        self, action: str, context: StepContext, perform: Callable[[dict[str, Any]], object]
    ) -> StepForm:
        view = context.view
        title = self.tr("{0} — hồ sơ {1}").format(step_names()[action].rstrip("…"), view.code)
        parent = self.window()
        tasks = self.tasks
        if action == "transfer":
            intro = self.tr("Chuyển hồ sơ của {0} đến đơn vị giải quyết.").format(view.applicant.name)
            return TransferForm(title, intro, perform, tasks, context.units, context.default_unit, parent)
        if action == "supplement":
            intro = self.tr(
                "Ghi <b>một lần, đầy đủ</b> các giấy tờ cần bổ sung, hoàn thiện và lý do của từng giấy. "
                "Thời gian giải quyết tạm dừng đến khi nhận đủ; sau khi lưu sẽ mở Mẫu 02 để in."
            )
            return SupplementForm(title, intro, perform, tasks, context.documents, parent)
        if action in ("refuse", "stop"):
            intro = (
                self.tr("Từ chối hồ sơ; sau khi lưu sẽ mở Phiếu từ chối (Mẫu 03) để in.")
                if action == "refuse"
                else self.tr(
                    "Dừng giải quyết hồ sơ; sau khi lưu sẽ mở Thông báo dừng giải quyết (Mẫu 05) để in."
                )
            )
            return ReasonForm(title, intro, perform, tasks, parent)
        if action == "extend":
            proposal = context.extend_proposal or context.current_due + timedelta(days=7)
            intro = self.tr("Hẹn lại ngày trả kết quả cho {0}.").format(view.applicant.name)
            return ExtendForm(title, intro, perform, tasks, context.current_due, proposal, parent)
        if action == "return":
            intro = self.tr("Trả kết quả hồ sơ {0} — {1}.").format(view.code, view.procedure_name)
            return ReturnForm(title, intro, perform, tasks, view.applicant.name, parent)
        intros = {
            "take": self.tr("Ghi nhận tài khoản này nhận xử lý hồ sơ."),
            "resume": self.tr("Người nộp đã bổ sung đủ: thời gian giải quyết tiếp tục tính."),
            "result": self.tr("Hồ sơ đã có kết quả: chuyển về Bộ phận Một cửa để trả."),
            "withdraw": self.tr("Người nộp rút hồ sơ: hồ sơ kết thúc."),
        }
        return NoteForm(title, intros[action], perform, tasks, parent)

    def _done(self, outcome: StepOutcome) -> None:
        self.say(self.tr("Đã {0}.").format(step_acts()[outcome.action]))
        self.stepped.emit(outcome)
        if isinstance(outcome.paper, bytes) and outcome.kind is not None:
            self.show_paper(outcome.kind, outcome.paper)
        elif isinstance(outcome.paper, BaseException):
            self.say(
                self.tr("Đã {0}, nhưng chưa tạo được giấy in; in lại từ «In biểu mẫu…».").format(
                    step_acts()[outcome.action]
                ),
                error=True,
            )

    # ---- papers

    def print_paper(self, kind: str) -> None:
        """Render Mẫu ``kind`` of this dossier in the background, then show it in the preview."""
        if self.context is None:
            return
        svc, actor, code = self.svc, self.actor, self.context.view.code
        op = QueryOp(
            self,
            lambda: render_form(kind, svc.papers.form(code, kind, actor=actor)),
            lambda pdf: self.show_paper(kind, pdf),
            tasks=self.tasks,
        )
        op.while_running(self.papers_button.setDisabled).with_progress().run_in_background()

    def show_paper(self, kind: str, pdf: bytes) -> QDialog:
        from onestop.ui.printing import ReceiptPreviewDialog

        code = self.context.view.code if self.context is not None else ""
        if self.preview is not None:
            self.preview.close()
        self.preview = ReceiptPreviewDialog(
            pdf,
            self.ui_state,
            self.window(),
            title=self.tr("{0} — hồ sơ {1}").format(paper_names()[kind], code),
            file_name=f"mau-{kind}-{code}.pdf",
            database=self.svc.db.sqlite_path,
        )
        self.preview.open()
        self.paper_ready.emit(kind, pdf)
        return self.preview


__all__ = ["KEYS", "StepBar", "StepContext", "StepOutcome", "load_context", "run_step", "why_not"]
