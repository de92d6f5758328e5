"""The head of agency's directives on dossiers ("yêu cầu người đứng đầu rốt ráo giải quyết"): to
whom, what, by when. A directive shows on the addressee's screen until they answer it, and both the
directive and the answer stay in the dossier's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from onestop import validation as v
from onestop.auth import Act, Actor
from onestop.db import schema as t
from onestop.db.store import inserted_id
from onestop.errors import NotFoundError, PermissionDenied, ValidationError
from onestop.services.context import Context, requires


@dataclass(frozen=True)
class Directive:
    id: int
    code: str
    to_user: str
    to_name: str
    text: str
    due_at: datetime | None
    by_name: str
    created_at: datetime
    answer: str | None
    answered_at: datetime | None


class OversightService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @requires(Act.DIRECT)
    def direct(
        self, code: str, *, to_user: str, text: str, due: datetime | None = None, actor: Actor
    ) -> Directive:
        text = v.clean_multiline(text, label="Nội dung chỉ đạo", field="text", max_len=2000, required=True)
        now = self.ctx.now()
        if due is not None:
            due = due if due.tzinfo else due.replace(tzinfo=self.ctx.tz)
            if due <= now:
                raise ValidationError("Thời hạn trả lời: phải sau thời điểm này.", field="due")

        def work(conn: Connection) -> int:
            dossier = conn.execute(
                select(t.dossiers.c.id).where(t.dossiers.c.code == (code or "").strip())
            ).first()
            if dossier is None:
                raise NotFoundError(f"Mã hồ sơ: không có hồ sơ «{v.shown(code)}».", field="code")
            whom = conn.execute(
                select(t.staff.c.id, t.staff.c.full_name).where(t.staff.c.username == (to_user or "").strip())
            ).first()
            if whom is None:
                raise NotFoundError(
                    f"Người nhận chỉ đạo: không có tài khoản «{v.shown(to_user)}».", field="to_user"
                )
            did = inserted_id(
                conn.execute(
                    insert(t.directives).values(
                        dossier_id=dossier.id,
                        to_user_id=whom.id,
                        text=text,
                        due_at=due,
                        created_by=actor.id,
                        created_at=now,
                    )
                )
            )
            self.ctx.record(
                conn, actor=actor, action="directive", kind="directive", key=did, at=now, note=text
            )
            self.ctx.record(
                conn, actor=actor, action="directive", kind="dossier", key=dossier.id, at=now,
                note=f"Gửi {whom.full_name}: {text}", data={"directive": did},
            )  # fmt: skip
            return did

        return self._get(self.ctx.db.write(work))

    def answer(self, directive_id: int, text: str, *, actor: Actor) -> Directive:
        """The addressee answers (what was done, what is proposed); the directive leaves their screen."""
        self.ctx.sync()
        text = v.clean_multiline(text, label="Trả lời chỉ đạo", field="text", max_len=2000, required=True)
        now = self.ctx.now()
        d = t.directives.c

        def work(conn: Connection) -> None:
            row = conn.execute(select(t.directives).where(d.id == directive_id)).first()
            if row is None:
                raise NotFoundError("Chỉ đạo: không có chỉ đạo này.", field="directive")
            if row.to_user_id != actor.id:
                raise PermissionDenied("Chỉ người nhận chỉ đạo mới trả lời được chỉ đạo này.", field="user")
            if row.answered_at is not None:
                raise ValidationError("Chỉ đạo này đã được trả lời.", field="directive")
            conn.execute(
                update(t.directives)
                .where(d.id == directive_id)
                .values(answer=text, answered_at=now, answered_by=actor.id)
            )
            self.ctx.record(
                conn,
                actor=actor,
                action="directive_answer",
                kind="directive",
                key=directive_id,
                at=now,
                note=text,
            )
            self.ctx.record(
                conn, actor=actor, action="directive_answer", kind="dossier", key=row.dossier_id, at=now,
                note=text, data={"directive": directive_id},
            )  # fmt: skip

        self.ctx.db.write(work)
        return self._get(directive_id)

    answer.required_act = None  # type: ignore[attr-defined]  # checked inside: only the addressee

    @requires(Act.VIEW_DOSSIERS)
    def waiting_for(self, *, actor: Actor) -> list[Directive]:
        """The directives addressed to this actor and not answered yet (their screen shows them)."""
        d = t.directives.c
        return self._list((d.to_user_id == actor.id) & d.answered_at.is_(None))

    @requires(Act.VIEW_DOSSIERS)
    def on_dossier(self, code: str, *, actor: Actor) -> list[Directive]:
        return self._list(t.dossiers.c.code == (code or "").strip())

    def _get(self, directive_id: int) -> Directive:
        return self._list(t.directives.c.id == directive_id)[0]

    def _list(self, where: Any) -> list[Directive]:
        d = t.directives.c
        to, by = t.staff.alias("to"), t.staff.alias("by")
        tz = self.ctx.tz
        with self.ctx.db.read() as conn:
            rows = conn.execute(
                select(d.id, t.dossiers.c.code, to.c.username, to.c.full_name, d.text, d.due_at, by.c.full_name.label("by_name"),
                       d.created_at, d.answer, d.answered_at)
                .join(t.dossiers, t.dossiers.c.id == d.dossier_id)
                .join(to, to.c.id == d.to_user_id)
                .join(by, by.c.id == d.created_by)
                .where(where)
                .order_by(d.id)
            ).all()  # fmt: skip
        return [
            Directive(
                r.id,
                r.code,
                r.username,
                r.full_name,
                r.text,
                r.due_at.astimezone(tz) if r.due_at else None,
                r.by_name,
                r.created_at.astimezone(tz),
                r.answer,
                r.answered_at.astimezone(tz) if r.answered_at else None,
            )
            for r in rows
        ]
