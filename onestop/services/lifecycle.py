"""The dossier's steps after receipt (``onestop.lifecycle``): handovers, supplements that pause the
clock, result, return, refusal, stop, withdrawal, one re-appointment.

Every step checks, inside one transaction: the permission (``@requires``), the state (a step not
allowed now is refused and writes nothing), for a processing officer that the dossier is held by
their unit, and records a chained event: who, when, from which unit to which, a note, and the
dossier's state after it.

The clock: a supplement request pauses it, keeping the working time left until the due moment;
the applicant's supplement resumes it with that time left (setting ``clock.supplement_policy`` =
"restart": a new full time limit from the resumption). The result is the ``legal_due_at`` that the
figures judge by; a re-appointment (``extend``, Mẫu 04) only moves ``extended_due_at``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select, update

from onestop import lifecycle as lc
from onestop import validation as v
from onestop.auth import Act, Actor, Role
from onestop.db import schema as t
from onestop.errors import NotFoundError, PermissionDenied, ValidationError
from onestop.services.context import Context, requires
from onestop.services.values import RESULT_FORMS, STATUSES, DossierView
from onestop.textfold import tokens

Compute = Callable[[Connection, Any, datetime], tuple[dict[str, Any], dict[str, Any]]]


class LifecycleService:
    def __init__(self, ctx: Context, catalog: Any, dossiers: Any) -> None:
        self.ctx = ctx
        self.catalog = catalog
        self.dossiers = dossiers

    # ---- what may come next

    @requires(Act.VIEW_DOSSIERS)
    def next_steps(self, code: str, *, actor: Actor) -> list[str]:
        """The steps this actor may take on this dossier now (the screens offer exactly these)."""
        with self.ctx.db.read() as conn:
            row = _dossier(conn, code)
        acts = self.ctx.permissions(actor)
        steps = []
        for action in lc.allowed(row.status):
            step = lc.STEPS[action]
            if step.act not in acts or not _in_scope(step, row, actor):
                continue
            if action == "extend" and row.extended_due_at is not None:
                continue
            steps.append(action)
        return steps

    # ---- the steps

    @requires(Act.TRANSFER)
    def transfer(
        self, code: str, *, to_unit: str | int | None = None, note: str = "", actor: Actor
    ) -> DossierView:
        """To the competent unit (default: the procedure's), or on from one unit to another."""

        def compute(conn: Connection, row: Any, at: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
            target = self._unit(conn, to_unit, row)
            if target == row.current_unit_id:
                raise ValidationError("Đơn vị nhận (--to): hồ sơ đang ở chính đơn vị này.", field="to")
            return {"current_unit_id": target, "holder_id": None}, {
                "from_unit_id": row.current_unit_id,
                "to_unit_id": target,
            }

        return self._step(code, "transfer", note, actor, compute)

    @requires(Act.TAKE)
    def take(self, code: str, *, note: str = "", actor: Actor) -> DossierView:
        """The officer records that they took the dossier up (optional: no later step needs it)."""
        return self._step(code, "take", note, actor, lambda conn, row, at: ({"holder_id": actor.id}, {}))

    @requires(Act.SUPPLEMENT)
    def supplement(
        self, code: str, *, items: Sequence[tuple[str, str]] = (), note: str = "", actor: Actor
    ) -> DossierView:
        """Ask the applicant for everything missing at once (Mẫu 02): the clock pauses.
        ``items``: (document, reason) pairs; ``note`` a free text; at least one of them."""
        clean_items = [
            (
                v.clean_text(
                    doc, label=f"Giấy tờ cần bổ sung thứ {i}", field="items", max_len=500, required=True
                ),
                v.clean_text(why, label=f"Lý do của giấy tờ thứ {i}", field="items", max_len=500),
            )
            for i, (doc, why) in enumerate(items, start=1)
        ]
        if not clean_items and not (note or "").strip():
            raise ValidationError("Yêu cầu bổ sung: ghi rõ giấy tờ cần bổ sung hoặc lý do.", field="note")
        calendar = self.ctx.calendar()

        def compute(conn: Connection, row: Any, at: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
            due = row.legal_due_at or row.due_at
            left = max(calendar.working_time_between(at, due), timedelta(0))
            data = {"left_s": int(left.total_seconds()), "due_before": due.astimezone(UTC).isoformat()}
            if clean_items:
                data["items"] = [list(item) for item in clean_items]
            return {"paused_at": at}, {"data": data}

        return self._step(
            code, "supplement", note or "Yêu cầu bổ sung hồ sơ", actor, compute, note_given=True
        )

    @requires(Act.RESUME)
    def resume(self, code: str, *, note: str = "", actor: Actor) -> DossierView:
        """The applicant brought the supplement: the clock runs again with the time that was left."""
        calendar = self.ctx.calendar()
        restart = self.ctx.settings()["clock.supplement_policy"] == "restart"

        def compute(conn: Connection, row: Any, at: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
            pause = _last_event_data(conn, row.id, "supplement")
            if restart:
                limit = self.catalog.procedure_by_id(row.procedure_id).limit
                due = calendar.appointment(limit, at).due_at
            else:
                left = timedelta(seconds=int(pause.get("left_s", 0)))
                due = calendar.add_working_time(at, left) if left else (row.legal_due_at or row.due_at)
            paused = calendar.working_time_between(row.paused_at, at) if row.paused_at else timedelta(0)
            return {"paused_at": None, "legal_due_at": due}, {
                "data": {
                    "due": due.astimezone(UTC).isoformat(),
                    "paused_s": int(paused.total_seconds()),
                    "policy": "restart" if restart else "pause",
                }
            }

        return self._step(code, "resume", note, actor, compute)

    @requires(Act.RESULT)
    def result(self, code: str, *, note: str = "", actor: Actor) -> DossierView:
        """The competent unit has the result ready; it goes back to the counter."""
        return self._step(
            code,
            "result",
            note,
            actor,
            lambda conn, row, at: (
                {"result_at": at, "holder_id": None},
                {"from_unit_id": row.current_unit_id},
            ),
        )

    @requires(Act.RETURN)
    def return_result(
        self, code: str, *, receiver: str = "", note: str = "", result_form: str = "paper", actor: Actor
    ) -> DossierView:
        """Handed back to the applicant (``receiver``: who took it, when not the applicant), on paper,
        electronically or both (``result_form``; electronic needs the digitised result)."""
        receiver = v.clean_text(receiver, label="Người nhận kết quả", field="receiver", max_len=100)
        if result_form not in RESULT_FORMS:
            raise ValidationError(
                "Hình thức trả kết quả (--result-form): phải là paper, electronic hoặc both.",
                field="result_form",
            )

        def compute(conn: Connection, row: Any, at: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
            if result_form != "paper" and not _has_result_scan(conn, row.id):
                raise ValidationError(
                    f"Hình thức trả kết quả (--result-form): hồ sơ {row.code} chưa có kết quả điện tử; "
                    "hãy số hóa kết quả trước (onestop attach --result).",
                    field="result_form",
                )
            data = {"receiver": receiver} if receiver else {}
            data["result_form"] = result_form
            return {"finished_at": at, "current_unit_id": None, "holder_id": None}, {"data": data}

        return self._step(code, "return", note, actor, compute)

    @requires(Act.REFUSE)
    def refuse(self, code: str, *, reason: str, actor: Actor) -> DossierView:
        """Not accepted for processing (Mẫu 03): the reason in words."""
        return self._finish(code, "refuse", reason, actor)

    @requires(Act.STOP)
    def stop(self, code: str, *, reason: str, actor: Actor) -> DossierView:
        """Processing stops (Mẫu 05), e.g. at the applicant's written request."""
        return self._finish(code, "stop", reason, actor)

    @requires(Act.WITHDRAW)
    def withdraw(self, code: str, *, note: str = "", actor: Actor) -> DossierView:
        """The applicant takes the dossier back."""
        return self._finish(code, "withdraw", note or "Người nộp rút hồ sơ", actor)

    @requires(Act.EXTEND)
    def extend(self, code: str, *, due: datetime, reason: str, actor: Actor) -> DossierView:
        """Re-appoint a dossier that will be late (Mẫu 04): at most once; the figures keep judging it
        by its due moment before the re-appointment."""
        if due.tzinfo is None:
            due = due.replace(tzinfo=self.ctx.tz)
        due = due.replace(microsecond=0)

        def compute(conn: Connection, row: Any, at: datetime) -> tuple[dict[str, Any], dict[str, Any]]:
            if row.extended_due_at is not None:
                raise ValidationError(
                    f"Hẹn lại: hồ sơ {row.code} đã được hẹn lại một lần; mỗi hồ sơ chỉ được hẹn lại một lần.",
                    field="due",
                )
            current = row.legal_due_at or row.due_at
            if due <= max(current, at):
                raise ValidationError(
                    "Ngày hẹn mới (--due): phải sau ngày hẹn hiện tại "
                    f"({current.astimezone(self.ctx.tz):%H:%M ngày %d/%m/%Y}) và sau thời điểm này.",
                    field="due",
                )
            if not 1900 <= due.year <= 2100:
                raise ValidationError("Ngày hẹn mới (--due): năm phải từ 1900 đến 2100.", field="due")
            return {"extended_due_at": due}, {
                "data": {
                    "due": due.astimezone(UTC).isoformat(),
                    "before": current.astimezone(UTC).isoformat(),
                }
            }

        return self._step(code, "extend", reason, actor, compute)

    # ---- the machinery

    def _finish(self, code: str, action: str, note: str, actor: Actor) -> DossierView:
        return self._step(
            code,
            action,
            note,
            actor,
            lambda conn, row, at: ({"finished_at": at, "paused_at": None, "holder_id": None}, {}),
        )

    def _step(
        self, code: str, action: str, note: str, actor: Actor, compute: Compute, *, note_given: bool = False
    ) -> DossierView:
        step = lc.STEPS[action]
        label = "Lý do" if step.needs_note else "Ghi chú"
        note = v.clean_multiline(
            note, label=label, field="note", max_len=2000, required=step.needs_note and not note_given
        )
        at = self.ctx.now()

        def work(conn: Connection) -> int:
            row = _dossier(conn, code, lock=True)
            if row.status not in step.sources:
                raise ValidationError(
                    f"Hồ sơ {row.code} đang ở trạng thái «{STATUSES.get(row.status, row.status)}»: "
                    f"không thể {step.label}.",
                    field="action",
                )
            if not _in_scope(step, row, actor):
                raise PermissionDenied(
                    f"Hồ sơ {row.code} đang ở đơn vị khác: tài khoản «{actor.username}» chỉ {step.label} "
                    "hồ sơ của đơn vị mình.",
                    field="user",
                )
            values, event = compute(conn, row, at)
            if action in lc.HANDOVERS:  # the step that ends here, against its unit's allotted time
                judged = self._judge(conn, row, at, action)
                if judged:
                    event["data"] = {**(event.get("data") or {}), "step": judged}
            if step.target is not None:
                values["status"] = step.target
            conn.execute(update(t.dossiers).where(t.dossiers.c.id == row.id).values(**values))
            self.ctx.record(
                conn,
                actor=actor,
                action=action,
                kind="dossier",
                key=row.id,
                at=at,
                note=note,
                data=event.get("data") or None,
                from_unit_id=event.get("from_unit_id"),
                to_unit_id=event.get("to_unit_id"),
            )
            return int(row.id)

        dossier_id = self.ctx.db.write(work)
        view: DossierView = self.dossiers.by_id(dossier_id, actor=actor)
        return view

    def _judge(self, conn: Connection, row: Any, at: datetime, action: str) -> str:
        """The step a handover ends (held since the handover before it, or the receipt, by the unit
        holding the dossier, the counter's own unit for a return) against that unit's allotted
        working time when it has one (Mẫu 06): "early", "on_time", "late", or "" (no allotted time).
        Kept in the event's data, so the figures per step judge it as it was then."""
        u = t.units.c
        held_by = row.current_unit_id if action != "return" else None
        where = u.id == held_by if held_by is not None else u.kind == "receiving"
        hours = conn.execute(select(u.allotted_hours).where(where).order_by(u.id).limit(1)).scalar()
        if not hours:
            return ""
        e = t.events.c
        since = conn.execute(
            select(e.at)
            .where(e.dossier_id == row.id, e.action.in_(("transfer", "result")))
            .order_by(e.id.desc())
            .limit(1)
        ).scalar()
        return lc.step_result(since or row.received_at, at, int(hours), self.ctx.calendar())

    def _unit(self, conn: Connection, wanted: str | int | None, row: Any) -> int:
        """A unit in force today by id, code or name (case- and accent-insensitive); None: the
        procedure's default unit. A closed unit names its successor."""
        u = t.units.c
        units = conn.execute(select(u.id, u.code, u.name, u.search_key, u.valid_to, u.successor_id)).all()
        if wanted is None or (isinstance(wanted, str) and not wanted.strip()):
            default = conn.execute(
                select(t.procedures.c.default_unit_id).where(t.procedures.c.id == row.procedure_id)
            ).scalar()
            if default is None:
                raise ValidationError(
                    "Đơn vị nhận (--to): thủ tục này chưa có đơn vị giải quyết mặc định; hãy chọn đơn vị.",
                    field="to",
                )
            found = [x for x in units if x.id == default]
        elif isinstance(wanted, int):
            found = [x for x in units if x.id == wanted]
        else:
            text_ = wanted.strip()
            key = " ".join(tokens(text_))
            found = [x for x in units if x.code.lower() == text_.lower() or x.search_key == key]
            if not found and key:
                found = [x for x in units if f" {key}" in f" {x.search_key}"]
        if len(found) != 1:
            what = "không có" if not found else "có nhiều đơn vị khớp với"
            raise NotFoundError(f"Đơn vị nhận (--to): {what} «{v.shown(str(wanted))}».", field="to")
        unit = found[0]
        if unit.valid_to is not None and str(unit.valid_to) < self.ctx.today().isoformat():
            successor = next((x.name for x in units if x.id == unit.successor_id), None)
            raise ValidationError(
                f"Đơn vị nhận (--to): «{unit.name}» đã thôi hoạt động"
                + (f"; đơn vị tiếp nhận công việc: «{successor}»." if successor else "."),
                field="to",
            )
        return int(unit.id)


def _in_scope(step: lc.Step, row: Any, actor: Actor) -> bool:
    """A processing officer acts on the dossiers held by their unit (unless they act for every
    unit); other roles are not bound to a unit."""
    if not step.in_unit or actor.role is not Role.PROCESSING or actor.all_units:
        return True
    return row.current_unit_id is None or row.current_unit_id == actor.unit_id


def _dossier(conn: Connection, code: str, *, lock: bool = False) -> Any:
    code = (code or "").strip()
    if not code:
        raise ValidationError("Mã hồ sơ: không được để trống.", field="code")
    stmt = select(t.dossiers).where(t.dossiers.c.code == code)
    if lock and conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update()  # SQLite: BEGIN IMMEDIATE holds the database already
    row = conn.execute(stmt).first()
    if row is None:
        raise NotFoundError(f"Mã hồ sơ: không có hồ sơ «{v.shown(code)}».", field="code")
    return row


def _has_result_scan(conn: Connection, dossier_id: int) -> bool:
    a = t.attachments.c
    found = conn.execute(select(a.id).where(a.dossier_id == dossier_id, a.kind == "result").limit(1)).first()
    return found is not None


def _last_event_data(conn: Connection, dossier_id: int, action: str) -> dict[str, Any]:
    e = t.events.c
    raw = conn.execute(
        select(e.data).where(e.dossier_id == dossier_id, e.action == action).order_by(e.id.desc()).limit(1)
    ).scalar()
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}
