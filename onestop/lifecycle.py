"""The dossier's life (domain rules §5) as one state machine: states, steps, who may take them.

Received → transferred to the competent unit, where it is in processing (a further transfer moves
it on) → [waiting for a supplement ↔ in processing] → result ready → returned to the applicant. Side
exits: refused, stopped, withdrawn. ``take`` records that an officer took the dossier up; no later step
requires it. ``extend`` re-appoints (at most once) without changing the state.

Pure: no database, no Qt. The services (``onestop.services.lifecycle``) apply it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from onestop.auth import Act

if TYPE_CHECKING:  # annotations only: the command line's ``show`` does not load the calendar
    from onestop.worktime import WorkingCalendar

RECEIVED = "received"
PROCESSING = "processing"
WAITING = "waiting_supplement"
READY = "result_ready"
RETURNED = "returned"
REFUSED = "refused"
STOPPED = "stopped"
WITHDRAWN = "withdrawn"

OPEN = (RECEIVED, PROCESSING, WAITING, READY)
HANDOVERS = ("transfer", "result", "return")  # the steps that end a unit's (or the counter's) hold
FINISHED = (RETURNED, REFUSED, STOPPED, WITHDRAWN)


@dataclass(frozen=True)
class Step:
    action: str
    act: Act  # the permission it needs
    sources: tuple[str, ...]  # the states it may be taken from
    target: str | None  # the state after it (None: unchanged)
    label: str  # Vietnamese, as an act ("chuyển hồ sơ")
    needs_note: bool = False  # a reason in words is required
    in_unit: bool = False  # a processing officer takes it only for a dossier held by their unit


STEPS: dict[str, Step] = {
    s.action: s
    for s in (
        Step("transfer", Act.TRANSFER, (RECEIVED, PROCESSING), PROCESSING, "chuyển hồ sơ", in_unit=True),
        Step("take", Act.TAKE, (PROCESSING,), None, "nhận xử lý hồ sơ", in_unit=True),
        Step(
            "supplement",
            Act.SUPPLEMENT,
            (PROCESSING,),
            WAITING,
            "yêu cầu bổ sung hồ sơ",
            needs_note=True,
            in_unit=True,
        ),
        Step("resume", Act.RESUME, (WAITING,), PROCESSING, "tiếp tục giải quyết (đã nhận bổ sung)"),
        Step("result", Act.RESULT, (PROCESSING,), READY, "báo có kết quả", in_unit=True),
        Step("return", Act.RETURN, (READY,), RETURNED, "trả kết quả"),
        Step(
            "refuse",
            Act.REFUSE,
            (RECEIVED, PROCESSING, WAITING),
            REFUSED,
            "từ chối hồ sơ",
            needs_note=True,
            in_unit=True,
        ),
        Step(
            "stop",
            Act.STOP,
            (PROCESSING, WAITING),
            STOPPED,
            "dừng giải quyết hồ sơ",
            needs_note=True,
            in_unit=True,
        ),
        Step("withdraw", Act.WITHDRAW, (RECEIVED, PROCESSING, WAITING), WITHDRAWN, "ghi nhận rút hồ sơ"),
        Step(
            "extend",
            Act.EXTEND,
            (RECEIVED, PROCESSING, WAITING),
            None,
            "hẹn lại ngày trả kết quả",
            needs_note=True,
        ),
    )
}

# How a step went against its unit's allotted time, after the handover in the history list.
STEP_VERDICTS: dict[str, str] = {"early": "trước hạn", "on_time": "đúng hạn", "late": "quá hạn"}

# How each event of the history reads (the dossier's history list, Mẫu 06, the command line).
ACTION_LABELS: dict[str, str] = {
    "receive": "Tiếp nhận hồ sơ",
    "correct": "Sửa thông tin trên giấy tiếp nhận",
    "transfer": "Chuyển hồ sơ",
    "take": "Nhận xử lý",
    "supplement": "Yêu cầu bổ sung",
    "resume": "Tiếp tục giải quyết",
    "result": "Có kết quả",
    "return": "Trả kết quả",
    "refuse": "Từ chối",
    "stop": "Dừng giải quyết",
    "withdraw": "Rút hồ sơ",
    "extend": "Hẹn lại ngày trả",
    "adopt": "Ghi nhận vào lịch sử",
    "directive": "Chỉ đạo của lãnh đạo",
    "directive_answer": "Trả lời chỉ đạo",
    "attach": "Số hóa",
    "reuse": "Tái sử dụng bản số hóa",
}


def allowed(status: str) -> list[str]:
    """The steps that may follow a dossier in ``status`` (whoever takes them)."""
    return [a for a, s in STEPS.items() if status in s.sources]


# ------------------------------------------------------------------------------ deadlines

# How urgent a dossier is now.
DUE_OVERDUE = "overdue"
DUE_SOON = "due_soon"  # one working day or less left
DUE_OPEN = "open"
DUE_PAUSED = "paused"  # waiting for the applicant: the clock does not run
DUE_READY = "ready"  # the result is waiting for the applicant
DUE_FINISHED = "finished"


def deadline_state(status: str, due_at: datetime, now: datetime, calendar: WorkingCalendar) -> str:
    """Overdue, due within one working day, open, paused, ready or finished."""
    if status == WAITING:
        return DUE_PAUSED
    if status == READY:
        return DUE_READY
    if status not in OPEN:
        return DUE_FINISHED
    if due_at < now:
        return DUE_OVERDUE
    if calendar.working_time_between(now, due_at) <= calendar.hours.hours_per_day:
        return DUE_SOON
    return DUE_OPEN


def step_result(
    started: datetime, ended: datetime, allotted_hours: int | None, calendar: WorkingCalendar
) -> str:
    """A step against its unit's allotted working time: "early" (trước hạn: done on an earlier day
    than its deadline), "on_time" (đúng hạn: on the deadline's day, not after it), "late" (quá hạn);
    "" when the unit has no allotted time."""
    if not allotted_hours:
        return ""
    from datetime import timedelta

    deadline = calendar.add_working_time(started, timedelta(hours=allotted_hours))
    if ended > deadline:
        return "late"
    tz = calendar.tz
    return "early" if ended.astimezone(tz).date() < deadline.astimezone(tz).date() else "on_time"
