"""Work lists: the dossiers an officer must work on, and those the head of agency must watch.

Two lists, both in due order (the moment due *now*: a re-appointment, else the due moment after
supplement pauses, else the receipt's appointment), both keyset-paged so a screen never loads every
row:

- ``mine``: the dossiers in processing or waiting for a supplement that this officer took up or
  that their unit holds (every unit's for an account that acts for all units);
- ``urgent``: the open dossiers whose clock runs (received, in processing) that are overdue or due
  within one working day, agency-wide, with who holds them.

Each row also says since when its holder holds it (the last receive/transfer/take event, through the
index on ``events.dossier_id``) and how many of the head's directives on it wait for an answer — both
correlated subqueries of the one page query, never a query per row. ``board_counts`` is the cheap
count the head's board polls.

Portable SQL (SQLite and PostgreSQL): ``COALESCE`` over integer seconds, no window functions.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, distinct, func, or_, select

from onestop import lifecycle as lc
from onestop.auth import Act, Actor
from onestop.db import schema as t
from onestop.errors import ValidationError
from onestop.services.context import Context, requires
from onestop.services.values import BoardCounts, WorkPage, WorkRow

MINE = "mine"
URGENT = "urgent"
WORK_LISTS = (MINE, URGENT)
MAX_PAGE = 1000


class WorkListService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @requires(Act.VIEW_DOSSIERS)
    def work_list(
        self,
        which: str = MINE,
        *,
        after: tuple[datetime, int] | None = None,
        limit: int = 100,
        actor: Actor,
    ) -> WorkPage:
        """One page of the list ``which`` ("mine" or "urgent"), earliest due first; ``after`` is the
        (due moment, id) of the last row of the page before (``WorkPage.after``)."""
        if which not in WORK_LISTS:
            raise ValidationError("Danh sách: phải là «mine» hoặc «urgent».", field="which")
        if not 1 <= limit <= MAX_PAGE:
            raise ValidationError(f"Giới hạn số dòng: phải từ 1 đến {MAX_PAGE}.", field="limit")
        now = self.ctx.now()
        calendar = self.ctx.calendar()
        d, p, u = t.dossiers.c, t.procedures.c, t.units.c
        holder = t.staff.alias("holder")
        holder_unit = t.units.alias("holder_unit")
        due = _current_due()
        e, dr = t.events.c, t.directives.c
        held_since = (
            select(func.max(e.at)).where(e.dossier_id == d.id, e.action.in_(_HOLD_ACTIONS)).scalar_subquery()
        )
        waiting = (
            select(func.count()).where(dr.dossier_id == d.id, dr.answered_at.is_(None)).scalar_subquery()
        )
        conds: list[Any] = []
        if which == MINE:
            conds.append(d.status.in_((lc.PROCESSING, lc.WAITING)))
            if not actor.all_units:
                mine = [d.holder_id == actor.id]
                if actor.unit_id is not None:
                    mine.append(d.current_unit_id == actor.unit_id)
                conds.append(or_(*mine))
        else:
            # Due within one working day: at most a working day of office time left (what
            # ``deadline_state`` calls due soon), whatever non-working time follows it.
            conds += [d.status.in_(_RUNNING), due < _soon_bound(self.ctx, now)]
        if after is not None:
            at, last_id = after
            conds.append(or_(due > at, and_(due == at, d.id > last_id)))
        stmt = (
            select(
                d.id,
                d.code,
                d.status,
                p.code.label("p_code"),
                p.name.label("p_name"),
                d.applicant_name,
                d.received_at,
                d.due_at,
                d.extended_due_at,
                due.label("current_due"),
                u.name.label("unit"),
                holder.c.full_name.label("holder"),
                holder_unit.c.name.label("holder_unit"),
                held_since.label("held_since"),
                waiting.label("directives"),
                # Whether it is digitised (the board marks those not yet): indexed look-ups by dossier.
                select(func.count())
                .where(t.dossier_documents.c.dossier_id == d.id)
                .scalar_subquery()
                .label("documents"),
                select(func.count(distinct(t.attachments.c.document)))
                .where(t.attachments.c.dossier_id == d.id, t.attachments.c.kind == "component")
                .scalar_subquery()
                .label("scanned"),
            )
            .join(t.procedures, p.id == d.procedure_id)
            .outerjoin(t.units, u.id == d.current_unit_id)
            .outerjoin(holder, holder.c.id == d.holder_id)
            .outerjoin(holder_unit, holder_unit.c.id == holder.c.unit_id)
            .where(and_(*conds))
            .order_by(due, d.id)
            .limit(limit + 1)
        )
        tz = self.ctx.tz
        with self.ctx.db.read() as conn:
            found = conn.execute(stmt).all()
        rows = tuple(
            WorkRow(
                id=r.id,
                code=r.code,
                status=r.status,
                procedure_code=r.p_code,
                procedure_name=r.p_name,
                applicant_name=r.applicant_name,
                received_at=r.received_at.astimezone(tz),
                due_at=r.due_at.astimezone(tz),
                current_due_at=r.current_due.astimezone(tz),
                extended=r.extended_due_at is not None,
                unit=r.unit,
                holder=r.holder,
                deadline=lc.deadline_state(r.status, r.current_due, now, calendar),
                held_since=_aware(r.held_since, tz),
                holder_unit=r.holder_unit,
                directives=int(r.directives or 0),
                documents=int(r.documents or 0),
                scanned=int(r.scanned or 0),
            )
            for r in found[:limit]
        )
        return WorkPage(rows=rows, has_more=len(found) > limit, now=now)

    @requires(Act.VIEW_DOSSIERS)
    def board_counts(self, *, actor: Actor) -> BoardCounts:
        """The counts at the top of the head's board: overdue and due soon (as in the ``urgent`` list),
        waiting for a supplement, and the directives not answered yet (late ones among them). One
        aggregate over the open dossiers (the status index) and one over the directives: cheap
        enough to poll every few seconds."""
        now = self.ctx.now()
        d, dr = t.dossiers.c, t.directives.c
        due = _current_due()
        bound = _soon_bound(self.ctx, now)
        running = d.status.in_(_RUNNING)

        def count(cond: Any) -> Any:
            return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

        with self.ctx.db.read() as conn:
            figures = conn.execute(
                select(
                    count(and_(running, due < now)),
                    count(and_(running, due >= now, due < bound)),
                    count(d.status == lc.WAITING),
                ).where(d.status.in_((*_RUNNING, lc.WAITING)))
            ).one()
            directives = conn.execute(
                select(func.count(), count(and_(dr.due_at.is_not(None), dr.due_at < now))).where(
                    dr.answered_at.is_(None)
                )
            ).one()
        return BoardCounts(
            overdue=int(figures[0]),
            due_soon=int(figures[1]),
            paused=int(figures[2]),
            directives_open=int(directives[0]),
            directives_late=int(directives[1]),
            now=now,
        )


_RUNNING = (lc.RECEIVED, lc.PROCESSING)
_HOLD_ACTIONS = ("receive", "transfer", "take", "resume")


def _current_due() -> Any:
    d = t.dossiers.c
    return func.coalesce(d.extended_due_at, d.legal_due_at, d.due_at, type_=t.UTCDateTime)


def _soon_bound(ctx: Context, now: datetime) -> datetime:
    """Due within one working day: at most a working day of office time left (what
    ``deadline_state`` calls due soon), whatever non-working time follows it."""
    calendar = ctx.calendar()
    return calendar.add_working_time(now, calendar.hours.hours_per_day + timedelta(seconds=1))


def _aware(at: datetime | None, tz: Any) -> datetime | None:
    return at.astimezone(tz) if at is not None else None
