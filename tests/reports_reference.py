"""The period report as onestop computed it before its passes were made to stream (schema 0006,
commit f2e004b): a verbatim copy (and ``report_groups`` of onestop.services.digitisation), the
reference the report must equal figure for figure (tests/test_reports_scale.py)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    and_,
    case,
    distinct,
    exists,
    func,
    literal,
    or_,
    select,
    type_coerce,
)

from onestop import lifecycle as lc
from onestop.db import schema as t
from onestop.errors import ValidationError
from onestop.ratings import REASONS
from onestop.services.context import Context
from onestop.services.reports import FORMULAS, Period, headline

_ALIVE = (lc.RECEIVED, lc.PROCESSING, lc.WAITING)
_FIGURES = ("received", "finished_on_time", "finished_late", "open", "open_overdue")


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 2) if whole else None


class ReferenceReport:
    def __init__(self, ctx: Context, ratings: Any) -> None:
        self.ctx = ctx
        self.ratings = ratings

    def period(self, first: date, last: date) -> Period:
        """The period's bounds in the agency's zone, checked (ValidationError naming the field)."""
        for day, label, field in ((first, "Từ ngày (--from)", "from"), (last, "Đến ngày (--to)", "to")):
            if not 1900 <= day.year <= 2100:
                raise ValidationError(f"{label}: phải trong khoảng năm 1900–2100.", field=field)
        if first > last:
            raise ValidationError("Khoảng thời gian: ngày bắt đầu sau ngày kết thúc.", field="from")
        tz = self.ctx.tz
        return Period(
            datetime.combine(first, time(0), tz),
            datetime.combine(last + timedelta(days=1), time(0), tz),
            first,
            last,
        )

    def _steps(self, p: Period) -> list[dict[str, Any]]:
        from onestop.services.reports import step_rows

        return step_rows(*_step_sums(self.ctx, p))

    def report(self, first: date, last: date) -> dict[str, Any]:
        """The period report: counts, rates, ratings per level and reason, per procedure and clerk."""
        p = self.period(first, last)
        now = self.ctx.now()
        d = t.dossiers.c
        done = d.result_at
        due = func.coalesce(d.legal_due_at, d.due_at)

        def count(cond: Any) -> Any:
            return func.sum(case((cond, 1), else_=0))

        # Three selections, each answered by a covering index (received_at…, result_at…, status…),
        # each in one pass grouped as finely as any breakdown needs (day × procedure × clerk [× unit]);
        # the totals, breakdowns and weekly series are folded from those few thousand groups here.
        start = int(p.start.timestamp())
        day = ((d.received_at - literal(start)) // literal(86_400)).label("day")
        done_day = ((done - literal(start)) // literal(86_400)).label("day")
        parts = (
            (
                and_(d.received_at >= p.start, d.received_at < p.end),
                [day, d.procedure_id, d.received_by],
                [
                    func.count().label("received"),
                    count(d.status == lc.REFUSED).label("refused"),
                    count(d.status == lc.STOPPED).label("stopped"),
                    count(d.status == lc.WITHDRAWN).label("withdrawn"),
                ],
            ),
            (
                and_(done >= p.start, done < p.end),
                [done_day, d.procedure_id, d.received_by, d.current_unit_id],
                [
                    count(done <= due).label("finished_on_time"),
                    count(done > due).label("finished_late"),
                    func.sum(_secs(done) - _secs(d.received_at)).label("busy_seconds"),
                    func.sum(_secs(due) - _secs(d.received_at)).label("allowed_seconds"),
                ],
            ),
            (
                and_(d.status.in_(_ALIVE), d.received_at < p.end),
                [d.procedure_id, d.received_by],
                [
                    func.count().label("open"),
                    count(and_(d.status != lc.WAITING, due < now)).label("open_overdue"),
                ],
            ),
        )
        groups: list[dict[str, Any]] = []
        with self.ctx.db.read() as conn:
            for where, keys, figures in parts:
                for row in conn.execute(select(*keys, *figures).where(where).group_by(*keys)):
                    groups.append({k: (int(v) if v is not None else None) for k, v in row._mapping.items()})
            procs, fields = {}, {}
            for r in conn.execute(
                select(t.procedures.c.id, t.procedures.c.code, t.procedures.c.name, t.procedures.c.field)
            ):
                procs[r.id] = (r.code, r.name)
                fields[r.id] = r.field or "—"
            people = {
                r.id: (r.username, r.full_name)
                for r in conn.execute(select(t.staff.c.id, t.staff.c.username, t.staff.c.full_name))
            }
            unit_names = dict(conn.execute(select(t.units.c.id, t.units.c.name)).all())
            groups.extend(report_groups(conn, p.start, p.end))
            ratings = self._ratings(conn, p, procs, people, fields)
            officers = self._officers(conn, p, people, unit_names)
        total: dict[str, int] = {}
        by_proc: dict[tuple[str, str], dict[str, int]] = {}
        by_clerk: dict[tuple[str, str], dict[str, int]] = {}
        by_unit_counts: dict[str, dict[str, int]] = {}
        by_field: dict[str, dict[str, int]] = {}
        weeks: dict[date, dict[str, int]] = {}
        for g in groups:
            counts = {
                k: v or 0
                for k, v in g.items()
                if k not in ("day", "procedure_id", "received_by", "current_unit_id")
            }
            sinks = [
                total,
                by_proc.setdefault(procs[g["procedure_id"]], {}),
                by_clerk.setdefault(people[g["received_by"]], {}),
                by_field.setdefault(fields[g["procedure_id"]], {}),
            ]
            for sink in sinks:
                for k, v in counts.items():
                    sink[k] = sink.get(k, 0) + v
            if g.get("day") is not None:
                when = p.first + timedelta(days=g["day"])
                week = weeks.setdefault(
                    when - timedelta(days=when.weekday()), {"received": 0, "finished": 0, "on_time": 0}
                )
                week["received"] += counts.get("received", 0)
                week["finished"] += counts.get("finished_on_time", 0) + counts.get("finished_late", 0)
                week["on_time"] += counts.get("finished_on_time", 0)
        series = ([{"week": w.isoformat(), **f} for w, f in sorted(weeks.items())], ratings["by_month"])
        # Per unit: the unit that recorded the result (a returned dossier has no current unit any more).
        for officer in officers:
            sink = by_unit_counts.setdefault(officer["unit"], {})
            for k, v in officer.pop("_counts").items():
                sink[k] = sink.get(k, 0) + v
        by_unit = [SimpleNamespace(name=k, **v) for k, v in sorted(by_unit_counts.items())]
        by_proc_rows = [SimpleNamespace(code=k[0], name=k[1], **v) for k, v in sorted(by_proc.items())]
        by_clerk_rows = [
            SimpleNamespace(username=k[0], full_name=k[1], **v) for k, v in sorted(by_clerk.items())
        ]
        out: dict[str, Any] = {
            "from": first.isoformat(),
            "to": last.isoformat(),
            **_figures(SimpleNamespace(**total)),
            **_digitisation(total),
        }
        for extra in ("refused", "stopped", "withdrawn"):
            out[extra] = total.get(extra, 0)
        out.update(ratings["overall"])
        out["by_procedure"] = [
            {
                "procedure_code": r.code,
                "procedure_name": r.name,
                **_figures(r),
                **_digitisation(vars(r)),
                **ratings["by_procedure"].get(r.code, _no_ratings()),
            }
            for r in by_proc_rows
        ]
        out["by_clerk"] = [
            {
                "user": r.username,
                "name": r.full_name,
                **_figures(r),
                **_digitisation(vars(r)),
                **ratings["by_clerk"].get(r.username, _no_ratings()),
            }
            for r in by_clerk_rows
        ]
        for user, extra in ratings["by_clerk"].items():  # clerks rated but receiving nothing in the period
            if user not in {c["user"] for c in out["by_clerk"]}:
                out["by_clerk"].append(
                    {
                        "user": user,
                        "name": extra.pop("name", user),
                        **dict.fromkeys(_FIGURES, 0),
                        "on_time_rate": None,
                        **_digitisation({}),
                        **extra,
                    }
                )
        out["by_unit"] = [
            {
                "unit": r.name,
                "finished_on_time": int(getattr(r, "finished_on_time", 0) or 0),
                "finished_late": int(getattr(r, "finished_late", 0) or 0),
                "on_time_rate": _rate(
                    int(getattr(r, "finished_on_time", 0) or 0),
                    int(getattr(r, "finished_on_time", 0) or 0) + int(getattr(r, "finished_late", 0) or 0),
                ),
            }
            for r in by_unit
        ]
        for row in out["by_unit"]:
            row.update(_durations(by_unit_counts.get(row["unit"], {})))
        out["by_field"] = [
            {
                "field": name,
                **_figures(SimpleNamespace(**counts)),
                **_durations(counts),
                **ratings["by_field"].get(name, _no_ratings()),
            }
            for name, counts in sorted(by_field.items())
        ]
        for row in out["by_procedure"]:
            row.update(_durations(by_proc.get((row["procedure_code"], row["procedure_name"]), {})))
        out.update(_durations(total))
        out["by_officer"] = officers
        out["by_step"] = self._steps(p)
        out["by_level"] = ratings["by_level"]
        out["by_event"] = ratings["by_event"]
        out["by_week"], out["by_month"] = series
        out["reasons"] = ratings["reasons"]
        out["headline"] = headline(out["ratings_total"], out["satisfaction_rate"])
        out["formulas"] = FORMULAS
        return out

    def _officers(
        self, conn: Any, p: Period, people: dict[int, tuple[str, str]], unit_names: dict[int, str]
    ) -> list[dict[str, Any]]:
        """On time per officer who recorded the result (and the unit they recorded it for): one pass
        over the result events of the period (a covering index on action, moment, officer, unit),
        each joined to its dossier by key for the due moment."""
        e, d = t.events.c, t.dossiers.c
        due = func.coalesce(d.legal_due_at, d.due_at)

        def count(cond: Any) -> Any:
            return func.sum(case((cond, 1), else_=0))

        rows = conn.execute(
            select(
                e.user_id,
                e.from_unit_id,
                count(e.at <= due).label("finished_on_time"),
                count(e.at > due).label("finished_late"),
                func.sum(_secs(e.at) - _secs(d.received_at)).label("busy_seconds"),
                func.sum(_secs(due) - _secs(d.received_at)).label("allowed_seconds"),
            )
            .join(t.dossiers, d.id == e.dossier_id)
            .where(e.action == "result", e.at >= p.start, e.at < p.end)
            .group_by(e.user_id, e.from_unit_id)
        ).all()
        out = []
        for r in rows:
            counts = {k: int(v or 0) for k, v in r._mapping.items() if k not in ("user_id", "from_unit_id")}
            user, name = people.get(r.user_id, ("?", "?"))
            out.append(
                {
                    "user": user,
                    "name": name,
                    "unit": unit_names.get(r.from_unit_id, "—") if r.from_unit_id is not None else "—",
                    "finished_on_time": counts["finished_on_time"],
                    "finished_late": counts["finished_late"],
                    "on_time_rate": _rate(
                        counts["finished_on_time"], counts["finished_on_time"] + counts["finished_late"]
                    ),
                    **_durations(counts),
                    "_counts": counts,
                }
            )
        return sorted(out, key=lambda o: (o["unit"], o["name"], o["user"]))

    def _ratings(
        self,
        conn: Any,
        p: Period,
        procs: dict[int, tuple[str, str]],
        people: dict[int, tuple[str, str]],
        fields: dict[int, str] | None = None,
    ) -> dict[str, Any]:
        """One pass over the period's ratings (a covering index on ``at``), grouped by day, level,
        event, reasons, clerk and procedure; folded into every breakdown here."""
        r, d = t.ratings.c, t.dossiers.c
        start = int(p.start.timestamp())
        day = ((r.at - literal(start)) // literal(86_400)).label("day")
        keys = (day, r.level, r.satisfied, r.event, r.reasons, r.clerk_id, d.procedure_id)
        rows = conn.execute(
            select(*keys, func.count())
            .join(t.dossiers, d.id == r.dossier_id)
            .where(r.at >= p.start, r.at < p.end)
            .group_by(*keys)
        ).all()
        months: dict[str, dict[str, int]] = {}
        scale = self.ratings.scale()
        levels = {lv.key: 0 for lv in scale.levels}
        overall: dict[str, Any] = {"levels": dict(levels), "n": 0, "ok": 0}
        by_clerk: dict[str, dict[str, Any]] = {}
        by_proc: dict[str, dict[str, Any]] = {}
        by_event: dict[str, dict[str, Any]] = {}
        by_field: dict[str, dict[str, Any]] = {}
        reasons: dict[str, int] = {}
        for offset, level, satisfied, event, reason_text, clerk_id, procedure_id, n in rows:
            user, name = people[clerk_id]
            proc = procs[procedure_id][0]
            month = months.setdefault(
                f"{p.first + timedelta(days=int(offset)):%Y-%m}", {"ratings": 0, "satisfied": 0}
            )
            month["ratings"] += n
            month["satisfied"] += n if satisfied else 0
            buckets: tuple[dict[str, Any], ...] = (
                overall,
                by_clerk.setdefault(user, {"levels": dict(levels), "n": 0, "ok": 0, "name": name}),
                by_proc.setdefault(proc, {"levels": dict(levels), "n": 0, "ok": 0}),
                by_event.setdefault(event, {"levels": dict(levels), "n": 0, "ok": 0}),
                by_field.setdefault(
                    (fields or {}).get(procedure_id, "—"), {"levels": dict(levels), "n": 0, "ok": 0}
                ),
            )
            for bucket in buckets:
                bucket["levels"][level] = bucket["levels"].get(level, 0) + n
                bucket["n"] += n
                bucket["ok"] += n if satisfied else 0
            for reason in filter(None, (reason_text or "").split(",")):
                reasons[reason] = reasons.get(reason, 0) + n

        def shape(b: dict[str, Any]) -> dict[str, Any]:
            return {
                "ratings": b["levels"],
                "ratings_total": b["n"],
                "satisfied": b["ok"],
                "satisfaction_rate": _rate(b["ok"], b["n"]),
            }

        return {
            "overall": shape(overall),
            "by_clerk": {u: {**shape(b), "name": b["name"]} for u, b in by_clerk.items()},
            "by_procedure": {c: shape(b) for c, b in by_proc.items()},
            "by_event": {e: shape(b) for e, b in sorted(by_event.items())},
            "by_field": {f: shape(b) for f, b in by_field.items()},
            "by_level": [
                {
                    "level": lv.key,
                    "label": lv.label,
                    "satisfied": lv.key in scale.satisfied_keys,
                    "count": overall["levels"].get(lv.key, 0),
                    "share": _rate(overall["levels"].get(lv.key, 0), overall["n"]),
                }
                for lv in scale.levels
            ],
            "reasons": [
                {"reason": k, "label": REASONS.get(k, k), "count": v}
                for k, v in sorted(reasons.items(), key=lambda kv: -kv[1])
            ],
            "by_month": [
                {"month": m, **f, "satisfaction_rate": _rate(f["satisfied"], f["ratings"])}
                for m, f in sorted(months.items())
            ],
        }


def _figures(row: Any) -> dict[str, Any]:
    out: dict[str, Any] = {k: int(getattr(row, k, 0) or 0) for k in _FIGURES}
    out["on_time_rate"] = _rate(out["finished_on_time"], out["finished_on_time"] + out["finished_late"])
    return out


def _digitisation(counts: dict[str, Any]) -> dict[str, Any]:
    received = int(counts.get("received", 0) or 0)
    finished = int(counts.get("finished_on_time", 0) or 0) + int(counts.get("finished_late", 0) or 0)
    digitised = int(counts.get("digitised", 0) or 0)
    electronic = int(counts.get("electronic_results", 0) or 0)
    return {
        "digitised": digitised,
        "digitisation_rate": _rate(digitised, received),
        "electronic_results": electronic,
        "electronic_result_rate": _rate(electronic, finished),
    }


def _secs(column: Any) -> Any:
    """A moment column as its stored whole seconds (for differences summed in SQL)."""
    return type_coerce(column, BigInteger)


def _durations(counts: dict[str, Any]) -> dict[str, Any]:
    """Average processing time of the finished dossiers (receipt → result) against the time the law
    allowed them (receipt → due moment, after pauses), in calendar hours, and their ratio in %."""
    finished = int(counts.get("finished_on_time", 0) or 0) + int(counts.get("finished_late", 0) or 0)
    busy = int(counts.get("busy_seconds", 0) or 0)
    allowed = int(counts.get("allowed_seconds", 0) or 0)
    return {
        "avg_processing_hours": round(busy / finished / 3600, 1) if finished else None,
        "avg_allowed_hours": round(allowed / finished / 3600, 1) if finished else None,
        "processing_time_ratio": _rate(busy, allowed) if finished and allowed > 0 else None,
    }


def _no_ratings() -> dict[str, Any]:
    return {"ratings_total": 0, "satisfaction_rate": None}


def _step_sums(ctx: Context, p: Period) -> tuple[list[tuple[int, int, int, int, int]], Any, Any]:
    """Every dossier's handovers in order, each ending the hold that began at the one before (or at
    the receipt), added up per unit for those in the period: a loop over the rows, no window."""
    import json

    e, d, u = t.events.c, t.dossiers.c, t.units.c
    with ctx.db.read() as conn:
        units = {r.id: r for r in conn.execute(select(u.id, u.name, u.kind, u.allotted_hours))}
        received = dict(conn.execute(select(d.id, d.received_at)).all())
        handovers = conn.execute(
            select(e.dossier_id, e.action, e.at, e.from_unit_id, e.data)
            .where(e.action.in_(("transfer", "result", "return")))
            .order_by(e.dossier_id, e.id)
        ).all()
    sums: dict[int, list[int]] = {}
    dossier, since = None, None
    for ev in handovers:
        if ev.dossier_id != dossier:
            dossier, since = ev.dossier_id, received[ev.dossier_id]
        if p.start <= ev.at < p.end:
            unit = 0 if ev.action == "return" else (ev.from_unit_id or 0)
            step = json.loads(ev.data).get("step") if ev.data else None
            into = sums.setdefault(unit, [0, 0, 0, 0])
            into[0] += 1
            into[1] += max(int((ev.at - since).total_seconds()), 0)  # clocks that disagree
            into[2] += step is not None
            into[3] += step == "late"
        since = ev.at
    receiving = next((r for r in units.values() if r.kind == "receiving"), None)
    return [(k, *v) for k, v in sums.items()], units, receiving  # type: ignore[misc]


def report_groups(conn: Connection, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """The digitisation figures of the period report (``svc.reports.report``), in one aggregate query
    grouped by procedure and receiving clerk, like the report's other passes:

    - ``digitised``: dossiers received in [start, end) with at least one component and a current scan
      of every one of them;
    - ``electronic_results``: dossiers whose result was ready in [start, end) with a digitised result.

    Only dossiers that have an attachment can count, so the query starts from those (an index on
    ``attachments.dossier_id``), not from the period's dossiers."""
    d, a, dd = t.dossiers.c, t.attachments.c, t.dossier_documents.c
    received = and_(d.received_at >= start, d.received_at < end)
    finished = and_(d.result_at >= start, d.result_at < end)
    scanned = (
        select(func.count(distinct(a.document)))
        .where(a.dossier_id == d.id, a.kind == "component")
        .scalar_subquery()
    )
    submitted = select(func.count()).where(dd.dossier_id == d.id).scalar_subquery()
    result_scan = exists().where(a.dossier_id == d.id, a.kind == "result")
    rows = conn.execute(
        select(
            d.procedure_id,
            d.received_by,
            func.sum(case((and_(received, submitted > 0, scanned >= submitted), 1), else_=0)).label(
                "digitised"
            ),
            func.sum(case((and_(finished, result_scan), 1), else_=0)).label("electronic_results"),
        )
        .where(d.id.in_(select(a.dossier_id)), or_(received, finished))
        .group_by(d.procedure_id, d.received_by)
    )
    return [{k: int(v or 0) for k, v in row._mapping.items()} for row in rows]
