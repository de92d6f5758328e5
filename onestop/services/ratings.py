"""Citizen ratings (domain rules §6): asked on the kiosk, entered from paper or phone, summarised.

A rating belongs to one dossier, one service (its receipt or its return) and the clerk who gave it;
nothing is ever preselected, and a prompt nobody answers records nothing. Ratings are chained rows.

The kiosk acts for the citizen, not for a member of staff: it may only answer an invitation a
signed-in clerk made (``next_request``/``submit``/``close_request`` take the kiosk's name, not an actor).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from onestop import validation as v
from onestop.auth import Act, Actor
from onestop.db import schema as t
from onestop.db import tally
from onestop.db.store import append_rating, inserted_id
from onestop.errors import NotFoundError, ValidationError
from onestop.ratings import EVENTS as RATING_EVENTS
from onestop.ratings import REASONS as RATING_REASONS
from onestop.ratings import Scale
from onestop.ratings import scale as rating_scale
from onestop.services.context import Context, public, requires
from onestop.services.values import RatingPrompt


def _already(event: str) -> ValidationError:
    return ValidationError(
        f"Đánh giá: hồ sơ này đã được đánh giá cho lượt «{RATING_EVENTS[event]}»; không nhận lượt thứ hai.",
        field="level",
    )


class RatingService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @public
    def scale(self) -> Scale:
        settings = self.ctx.settings()
        keys = [k.strip() for k in str(settings["rating.satisfied_levels"]).split(",") if k.strip()]
        return rating_scale(int(settings["rating.scale"]), keys or None)

    def _served(self, conn: Connection, code: str, event: str) -> tuple[int, int, str]:
        """(dossier id, the clerk who gave that service, procedure name) or UserError."""
        if event not in RATING_EVENTS:
            raise ValidationError("Sự kiện đánh giá (--event): phải là receipt hoặc return.", field="event")
        d = t.dossiers.c
        row = conn.execute(
            select(d.id, d.received_by, t.procedures.c.name)
            .join(t.procedures, t.procedures.c.id == d.procedure_id)
            .where(d.code == (code or "").strip())
        ).first()
        if row is None:
            raise NotFoundError(f"Mã hồ sơ: không có hồ sơ «{v.shown(code)}».", field="code")
        dossier_id, clerk, procedure_name = row
        if event == "return":
            e = t.events.c
            returned_by = conn.execute(
                select(e.user_id)
                .where(e.dossier_id == dossier_id, e.action == "return")
                .order_by(e.id.desc())
                .limit(1)
            ).scalar()
            if returned_by is None:
                raise ValidationError("Sự kiện đánh giá: hồ sơ này chưa trả kết quả.", field="event")
            clerk = returned_by
        return int(dossier_id), int(clerk), str(procedure_name)

    @staticmethod
    def _check_not_rated(conn: Connection, dossier_id: int, event: str) -> None:
        r = t.ratings.c
        if conn.execute(select(r.id).where(r.dossier_id == dossier_id, r.event == event)).first() is not None:
            raise _already(event)

    def _clean(self, level: str, reasons: Sequence[str]) -> tuple[Scale, str, str]:
        scale = self.scale()
        key = (level or "").strip()
        if scale.level(key) is None:
            raise ValidationError(
                "Mức đánh giá: phải là một trong " + ", ".join(lv.key for lv in scale.levels) + ".",
                field="level",
            )
        bad = [r for r in reasons if r not in RATING_REASONS]
        if bad:
            raise ValidationError(
                f"Lý do không hài lòng: không có lý do «{v.shown(bad[0])}».", field="reasons"
            )
        if reasons and not scale.asks_reasons(key):
            raise ValidationError("Lý do: chỉ hỏi khi người dân không hài lòng.", field="reasons")
        return scale, key, ",".join(dict.fromkeys(reasons))

    def _append(self, work: Any, event: str) -> dict[str, Any]:
        try:
            result: dict[str, Any] = self.ctx.db.write(work)
            return result
        except IntegrityError:
            # Two people rating the same service at the same moment: the unique key decided.
            raise _already(event) from None

    @requires(Act.RATE)
    def rate(
        self,
        code: str,
        level: str,
        *,
        event: str = "receipt",
        channel: str = "paper",
        reasons: Sequence[str] = (),
        actor: Actor,
    ) -> dict[str, Any]:
        """Enter a rating collected on a paper form or by phone (who entered it is recorded)."""
        if channel not in ("paper", "phone"):
            raise ValidationError("Kênh đánh giá (--channel): phải là paper hoặc phone.", field="channel")
        scale, key, reason_text = self._clean(level, reasons)
        at = self.ctx.now()

        def work(conn: Connection) -> dict[str, Any]:
            dossier_id, clerk, _name = self._served(conn, code, event)
            self._check_not_rated(conn, dossier_id, event)
            return append_rating(
                conn,
                dict(
                    dossier_id=dossier_id,
                    event=event,
                    clerk_id=clerk,
                    level=key,
                    scale=scale.size,
                    satisfied=scale.is_satisfied(key),
                    reasons=reason_text,
                    channel=channel,
                    entered_by=actor.id,
                    at=at,
                ),
            )

        return self._append(work, event)

    @requires(Act.REQUEST_RATING)
    def request(self, code: str, *, event: str = "receipt", station: str = "", actor: Actor) -> int:
        """Ask the kiosk to invite the citizen to rate this service. Returns the request's id."""
        now = self.ctx.now()
        station = v.clean_text(station, label="Quầy", field="station", max_len=100)
        rq = t.rating_requests.c

        def work(conn: Connection) -> int:
            dossier_id, clerk, _name = self._served(conn, code, event)
            self._check_not_rated(conn, dossier_id, event)
            # One invitation at a time per counter: an older one still waiting is withdrawn.
            conn.execute(
                update(t.rating_requests)
                .where(rq.station == station, rq.state.in_(("pending", "showing")))
                .values(state="cancelled", updated_at=now)
            )
            return int(
                inserted_id(
                    conn.execute(
                        insert(t.rating_requests).values(
                            dossier_id=dossier_id,
                            event=event,
                            clerk_id=clerk,
                            station=station,
                            state="pending",
                            kiosk="",
                            created_at=now,
                            updated_at=now,
                        )
                    )
                )
            )

        return self.ctx.db.write(work)

    @requires(Act.REQUEST_RATING)
    def request_state(self, request_id: int, *, actor: Actor) -> str:
        """For the clerk's window: whether the citizen has rated (not how)."""
        with self.ctx.db.read() as conn:
            state = conn.execute(
                select(t.rating_requests.c.state).where(t.rating_requests.c.id == request_id)
            ).scalar()
        if state is None:
            raise NotFoundError("Không có lời mời đánh giá này.", field="request")
        return str(state)

    @requires(Act.REQUEST_RATING)
    def cancel_request(self, request_id: int, *, actor: Actor) -> None:
        """The clerk withdraws an invitation nobody answered yet."""
        self._close(request_id, "cancelled")

    # ---- the kiosk (acts for the citizen, answering an invitation a clerk made)

    def next_request(self, *, kiosk: str, station: str = "*", max_age_s: int = 600) -> RatingPrompt | None:
        """The oldest waiting invitation for this kiosk's counter, taken (no other kiosk shows it)."""
        self.ctx.sync()
        now = self.ctx.now()
        since = now - timedelta(seconds=max_age_s)
        rq = t.rating_requests.c
        with self.ctx.db.read() as conn:
            stmt = select(rq.id).where(rq.state == "pending", rq.created_at >= since)
            if station != "*":
                stmt = stmt.where(rq.station == station)
            candidate = conn.execute(stmt.order_by(rq.id).limit(1)).scalar()
        if candidate is None:
            return None
        scale = self.scale()

        def work(conn: Connection) -> RatingPrompt | None:
            taken = conn.execute(
                update(t.rating_requests)
                .where(rq.id == candidate, rq.state == "pending")
                .values(state="showing", kiosk=kiosk, updated_at=now)
            ).rowcount
            if not taken:
                return None
            row = conn.execute(
                select(rq.event, t.dossiers.c.code, t.procedures.c.name, t.staff.c.full_name)
                .join(t.dossiers, t.dossiers.c.id == rq.dossier_id)
                .join(t.procedures, t.procedures.c.id == t.dossiers.c.procedure_id)
                .join(t.staff, t.staff.c.id == rq.clerk_id)
                .where(rq.id == candidate)
            ).one()
            return RatingPrompt(candidate, row[1], row[0], RATING_EVENTS[row[0]], row[3], row[2], scale)

        return self.ctx.db.write(work)

    def submit(self, request_id: int, level: str, reasons: Sequence[str] = ()) -> dict[str, Any]:
        """The citizen's answer on the kiosk: the rating joins the chain, the request is closed."""
        self.ctx.sync()
        scale, key, reason_text = self._clean(level, reasons)
        at = self.ctx.now()
        rq = t.rating_requests.c
        event_seen = "receipt"

        def work(conn: Connection) -> dict[str, Any]:
            nonlocal event_seen
            req = conn.execute(
                select(rq.dossier_id, rq.event, rq.clerk_id, rq.state).where(rq.id == request_id)
            ).first()
            if req is None or req.state not in ("pending", "showing"):
                raise ValidationError("Lời mời đánh giá này đã hết hiệu lực.", field="request")
            event_seen = req.event
            self._check_not_rated(conn, req.dossier_id, req.event)
            row = append_rating(
                conn,
                dict(
                    dossier_id=req.dossier_id,
                    event=req.event,
                    clerk_id=req.clerk_id,
                    level=key,
                    scale=scale.size,
                    satisfied=scale.is_satisfied(key),
                    reasons=reason_text,
                    channel="kiosk",
                    entered_by=None,
                    at=at,
                ),
            )
            conn.execute(
                update(t.rating_requests).where(rq.id == request_id).values(state="rated", updated_at=at)
            )
            return row

        try:
            return self.ctx.db.write(work)
        except IntegrityError:
            raise _already(event_seen) from None

    def kiosk_request_state(self, request_id: int) -> str:
        """The kiosk asks whether the invitation it shows is still wanted (a newer one replaced it)."""
        with self.ctx.db.read() as conn:
            state = conn.execute(
                select(t.rating_requests.c.state).where(t.rating_requests.c.id == request_id)
            ).scalar()
        return str(state) if state is not None else "cancelled"

    @public
    def count(self, date_from: date, date_to: date) -> int:
        """How many ratings were given in a period (the kiosk's idle screen may show it; no levels)."""
        tz = self.ctx.tz
        r = t.ratings.c
        with self.ctx.db.read() as conn:
            return int(
                conn.execute(
                    select(func.count()).where(
                        r.at >= datetime.combine(date_from, time(0), tz),
                        r.at < datetime.combine(date_to + timedelta(days=1), time(0), tz),
                    )
                ).scalar_one()
            )

    def close_request(self, request_id: int, state: str = "timeout") -> None:
        """No answer (timeout) or withdrawn: nothing is recorded as a rating, and nothing counts."""
        if state not in ("timeout", "cancelled"):
            raise ValueError(state)
        self._close(request_id, state)

    def _close(self, request_id: int, state: str) -> None:
        now = self.ctx.now()
        rq = t.rating_requests.c
        self.ctx.db.write(
            lambda conn: conn.execute(
                update(t.rating_requests)
                .where(rq.id == request_id, rq.state.in_(("pending", "showing")))
                .values(state=state, updated_at=now)
            )
        )

    # ---- figures

    @requires(Act.VIEW_RATINGS)
    def summary(
        self, date_from: date | None = None, date_to: date | None = None, *, actor: Actor
    ) -> dict[str, Any]:
        """Counts per level, satisfaction rate, per clerk: reproducible from the stored ratings."""
        tz = self.ctx.tz
        r = t.ratings.c
        conds = []
        if date_from:
            conds.append(r.at >= datetime.combine(date_from, time(0), tz))
        if date_to:
            conds.append(r.at < datetime.combine(date_to + timedelta(days=1), time(0), tz))
        s = t.staff.c
        with self.ctx.db.read() as conn:
            days = tally.period_days(conn, date_from, date_to, tz) if date_from and date_to else None
            if days is not None:  # counted as they were given (onestop.db.tally)
                rows = conn.execute(
                    text(
                        "SELECT r.level, r.satisfied, s.username, s.full_name, sum(r.n) FROM tally_ratings r"
                        " JOIN staff s ON s.id = r.clerk_id WHERE r.day BETWEEN :first AND :last"
                        " GROUP BY r.level, r.satisfied, s.username, s.full_name"
                    ),
                    {"first": days[0], "last": days[1]},
                ).all()
            else:
                rows = conn.execute(
                    select(r.level, r.satisfied, s.username, s.full_name, func.count())
                    .join(t.staff, s.id == r.clerk_id)
                    .where(*conds)
                    .group_by(r.level, r.satisfied, s.username, s.full_name)
                ).all()
        levels: dict[str, int] = {lv.key: 0 for lv in self.scale().levels}
        clerks: dict[str, dict[str, Any]] = {}
        total = satisfied = 0
        for level, ok, username, full_name, n in rows:
            levels[level] = levels.get(level, 0) + n
            total += n
            satisfied += n if ok else 0
            c = clerks.setdefault(
                username, {"user": username, "name": full_name, "ratings": 0, "satisfied": 0, "levels": {}}
            )
            c["ratings"] += n
            c["satisfied"] += n if ok else 0
            c["levels"][level] = c["levels"].get(level, 0) + n
        for c in clerks.values():
            c["satisfaction_rate"] = round(100 * c["satisfied"] / c["ratings"], 2) if c["ratings"] else None
        return {
            "ratings": total,
            "levels": levels,
            "satisfied": satisfied,
            "satisfaction_rate": round(100 * satisfied / total, 2) if total else None,
            "by_clerk": sorted(clerks.values(), key=lambda c: c["user"]),
        }
