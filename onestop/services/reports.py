"""The figures the head of agency reports (domain rules §7), reproducible from stored data.

Definitions, for a period [from, to] of days in the agency's time zone (also in docs/domain.md):

- **received**: dossiers received in the period.
- **finished**: dossiers whose result was ready in the period (``result_at``). It is **on time** when that moment is not after its due
  moment as paused by supplements (``legal_due_at``, else the receipt's ``due_at``) — never the
  re-appointment: a re-appointed dossier finished after its due moment is late.
- **open**: received up to the period's end and still waiting for a result now (received, in
  processing, waiting for a supplement); **open overdue**: of those, not paused and past their due.
- **refused / stopped / withdrawn**: received in the period and ended that way.
- **on-time rate** = finished on time ÷ finished × 100; **satisfaction rate** = ratings at a level
  the scale counts as satisfied ÷ ratings × 100 (ratings given in the period). Rates are None when
  their denominator is 0.
- **digitised**: received in the period, with a scan of every submitted component (and at least
  one); **digitisation rate** = digitised ÷ received × 100. **Electronic results**: finished in the
  period with a digitised result; their rate = electronic results ÷ finished × 100
  (``onestop.services.digitisation.report_groups``).

- **per officer**: the results recorded in the period by each officer (the ``result`` events, with
  the unit they were recorded for), on time as above; per unit the same by unit.
- **average processing time** = Σ (result − receipt) ÷ finished; **average time allowed** =
  Σ (due after pauses − receipt) ÷ finished (calendar hours); their ratio × 100.
- per field (*lĩnh vực*) of the catalogue and per rating level (count, share of the ratings).

Every figure comes from aggregate queries over covering indexes, never a loop over rows in Python.
SQLite has no hash aggregation: a GROUP BY that its index does not order sorts every row of the
period, which was most of the time of a yearly report. So the indexes lead with the keys the passes
group by (procedure and receiving clerk; officer, action and unit; clerk, event, level and
satisfied) and the queries list those keys (IN): SQLite seeks each combination's range of the
period and streams the groups. The weekly and monthly series are one count per week or month. What
is left sorted: the ratings per procedure (after a join by key) and the small sets (open dossiers,
those with a scan, the ratings giving reasons). A year of a million dossiers (685,750 received)
takes about 2–3 s on a loaded 2-CPU machine (benchmarks/RESULTS.md); ``dossiers_behind`` lists the
dossiers behind a number.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import BigInteger, and_, bindparam, case, func, literal, select, text, type_coerce

from onestop import lifecycle as lc
from onestop.auth import Act, Actor
from onestop.db import schema as t
from onestop.db import tally
from onestop.errors import ValidationError
from onestop.forms.model import FormHeader, RegisterData, RegisterRow
from onestop.ratings import EVENTS, REASONS
from onestop.services.context import Context, public, requires
from onestop.services.digitisation import report_groups

_ALIVE = (lc.RECEIVED, lc.PROCESSING, lc.WAITING)
_FIGURES = ("received", "finished_on_time", "finished_late", "open", "open_overdue")


@dataclass(frozen=True)
class Period:
    start: datetime
    end: datetime  # exclusive
    first: date
    last: date


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 2) if whole else None


class ReportService:
    def __init__(self, ctx: Context, ratings: Any) -> None:
        self.ctx = ctx
        self.ratings = ratings

    @public
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

    @requires(Act.VIEW_REPORTS)
    def report(self, first: date, last: date, *, actor: Actor) -> dict[str, Any]:
        """The period report: counts, rates, ratings per level and reason, per procedure and clerk."""
        p = self.period(first, last)
        now = self.ctx.now()
        d = t.dossiers.c
        done = d.result_at
        due = func.coalesce(d.legal_due_at, d.due_at)

        def count(cond: Any) -> Any:
            return func.sum(case((cond, 1), else_=0))

        with self.ctx.db.read() as conn:
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
            # The period's days in the tallies (onestop.db.tally), when they can answer for it. Else
            # each breakdown pass reads an index led by (procedure, receiving clerk) with both keys
            # listed (IN): SQLite seeks the period's range of each pair and streams the groups in the
            # index's order, with no sort of the period's rows (the cost of a GROUP BY that sorts).
            tallied = tally.period_days(conn, p.first, p.last, self.ctx.tz)
            pairs = and_(d.procedure_id.in_(list(procs)), d.received_by.in_(list(people)))
            parts: tuple[tuple[Any, list[Any]], ...] = (
                (
                    and_(pairs, d.received_at >= p.start, d.received_at < p.end),
                    [
                        func.count().label("received"),
                        count(d.status == lc.REFUSED).label("refused"),
                        count(d.status == lc.STOPPED).label("stopped"),
                        count(d.status == lc.WITHDRAWN).label("withdrawn"),
                    ],
                ),
                (
                    and_(pairs, done >= p.start, done < p.end),
                    [
                        count(done <= due).label("finished_on_time"),
                        count(done > due).label("finished_late"),
                        func.sum(_secs(done) - _secs(d.received_at)).label("busy_seconds"),
                        func.sum(_secs(due) - _secs(d.received_at)).label("allowed_seconds"),
                    ],
                ),
                (
                    and_(d.status.in_(_ALIVE), d.received_at < p.end),
                    [
                        func.count().label("open"),
                        count(and_(d.status != lc.WAITING, due < now)).label("open_overdue"),
                    ],
                ),
            )
            keys = (d.procedure_id, d.received_by)
            groups: list[dict[str, Any]] = []
            if tallied is not None:  # received and finished from the tallies, what is open now counted
                groups.extend(_tally_groups(conn, tallied))
                parts = parts[2:]
            for where, figures in parts:
                for row in conn.execute(select(*keys, *figures).where(where).group_by(*keys)):
                    groups.append({k: (int(v) if v is not None else None) for k, v in row._mapping.items()})
            groups.extend(report_groups(conn, p.start, p.end))
            weeks = _tally_weeks(conn, tallied) if tallied is not None else _weeks(conn, p)
            receiving = frozenset(g["received_by"] for g in groups)
            ratings = self._ratings(conn, p, procs, people, fields, receiving, tallied)
            officers = self._officers(conn, p, people, unit_names, tallied)
            steps = _steps(conn, p, tallied)
        total: dict[str, int] = {}
        by_proc: dict[tuple[str, str], dict[str, int]] = {}
        by_clerk: dict[tuple[str, str], dict[str, int]] = {}
        by_unit_counts: dict[str, dict[str, int]] = {}
        by_field: dict[str, dict[str, int]] = {}
        for g in groups:
            counts = {k: v or 0 for k, v in g.items() if k not in ("procedure_id", "received_by")}
            sinks = [
                total,
                by_proc.setdefault(procs[g["procedure_id"]], {}),
                by_clerk.setdefault(people[g["received_by"]], {}),
                by_field.setdefault(fields[g["procedure_id"]], {}),
            ]
            for sink in sinks:
                for k, v in counts.items():
                    sink[k] = sink.get(k, 0) + v
        series = (weeks, ratings["by_month"])
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
        out["by_step"] = steps
        out["by_level"] = ratings["by_level"]
        out["by_event"] = ratings["by_event"]
        out["by_week"], out["by_month"] = series
        out["reasons"] = ratings["reasons"]
        out["headline"] = headline(out["ratings_total"], out["satisfaction_rate"])
        out["formulas"] = FORMULAS
        return out

    def _officers(
        self,
        conn: Any,
        p: Period,
        people: dict[int, tuple[str, str]],
        unit_names: dict[int, str],
        tallied: tuple[int, int] | None = None,
    ) -> list[dict[str, Any]]:
        """On time per officer who recorded the result (and the unit they recorded it for): from the
        tallies, or one pass over the result events of the period (a covering index on officer,
        action, unit, moment), each joined to its dossier by key for the due moment."""
        if not people:
            return []
        if tallied is not None:
            rows = list(
                conn.execute(
                    text(
                        "SELECT user_id, CASE WHEN unit_id = 0 THEN NULL ELSE unit_id END AS from_unit_id,"
                        " sum(on_time) AS finished_on_time, sum(late) AS finished_late,"
                        " sum(busy_seconds) AS busy_seconds, sum(allowed_seconds) AS allowed_seconds"
                        " FROM tally_officers WHERE day BETWEEN :first AND :last GROUP BY user_id, unit_id"
                    ),
                    {"first": tallied[0], "last": tallied[1]},
                )
            )
        else:
            rows = self._officer_rows(conn, p, people, unit_names)
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

    def _officer_rows(
        self, conn: Any, p: Period, people: dict[int, tuple[str, str]], unit_names: dict[int, str]
    ) -> list[Any]:
        # ix_events_officer leads with (officer, action, unit): both keys listed, the groups stream
        # in its order; the results recorded for no unit apart (IN never matches NULL). Each joins
        # its dossier through ix_dossiers_key, a compact copy of the columns read, not the table.
        sql = (
            "SELECT e.user_id, e.from_unit_id,"
            " sum(CASE WHEN e.at <= coalesce(d.legal_due_at, d.due_at) THEN 1 ELSE 0 END) AS finished_on_time,"
            " sum(CASE WHEN e.at > coalesce(d.legal_due_at, d.due_at) THEN 1 ELSE 0 END) AS finished_late,"
            " sum(e.at - d.received_at) AS busy_seconds,"
            " sum(coalesce(d.legal_due_at, d.due_at) - d.received_at) AS allowed_seconds"
            f" FROM events e JOIN dossiers d{_by_key(self.ctx)} ON d.id = e.dossier_id"
            f" WHERE e.user_id IN ({_ids(people)}) AND e.action = 'result' AND {{unit}}"
            " AND e.at >= :since AND e.at < :until GROUP BY e.user_id, e.from_unit_id"
        )
        bounds = {"since": int(p.start.timestamp()), "until": int(p.end.timestamp())}
        units = [f"e.from_unit_id IN ({_ids(unit_names)})"] if unit_names else []
        rows = [
            row
            for unit in (*units, "e.from_unit_id IS NULL")
            for row in conn.execute(text(sql.format(unit=unit)), bounds)
        ]
        return rows

    def _ratings(
        self,
        conn: Any,
        p: Period,
        procs: dict[int, tuple[str, str]],
        people: dict[int, tuple[str, str]],
        fields: dict[int, str] | None = None,
        receiving: frozenset[int] = frozenset(),
        tallied: tuple[int, int] | None = None,
    ) -> dict[str, Any]:
        """The period's ratings per month, clerk, event and level; per procedure and level; and the
        reasons given: from the tallies (``_rating_tallies``), else read without sorting the period's
        ratings when every one of them is at a level of today's scale (``_rating_groups``), else in
        the one general pass (``_rating_rows``). Folded into every breakdown here."""
        scale = self.ratings.scale()
        if tallied is not None:
            monthly, per_proc, reason_rows, clerk_order = _rating_tallies(conn, tallied, receiving)
        else:
            monthly, per_proc, reason_rows, clerk_order = self._rating_groups(
                conn, p, [lv.key for lv in scale.levels], people, receiving
            ) or self._rating_rows(conn, p)
        levels = {lv.key: 0 for lv in scale.levels}

        def bucket() -> dict[str, Any]:
            return {"levels": dict(levels), "n": 0, "ok": 0}

        def add(b: dict[str, Any], level: str, satisfied: bool, n: int) -> None:
            b["levels"][level] = b["levels"].get(level, 0) + n
            b["n"] += n
            b["ok"] += n if satisfied else 0

        months: dict[str, dict[str, int]] = {}
        overall = bucket()
        by_clerk: dict[str, dict[str, Any]] = {}
        by_proc: dict[str, dict[str, Any]] = {}
        by_event: dict[str, dict[str, Any]] = {}
        by_field: dict[str, dict[str, Any]] = {}
        reasons: dict[str, int] = {}
        for clerk_id in clerk_order:  # the order the rated clerks first appear in (see report())
            user, name = people[clerk_id]
            by_clerk.setdefault(user, {**bucket(), "name": name})
        for month_key, clerk_id, event, level, satisfied, n in monthly:
            month = months.setdefault(month_key, {"ratings": 0, "satisfied": 0})
            month["ratings"] += n
            month["satisfied"] += n if satisfied else 0
            user, name = people[clerk_id]
            for b in (
                overall,
                by_clerk.setdefault(user, {**bucket(), "name": name}),
                by_event.setdefault(event, bucket()),
            ):
                add(b, level, satisfied, n)
        for procedure_id, level, satisfied, n in per_proc:
            for b in (
                by_proc.setdefault(procs[procedure_id][0], bucket()),
                by_field.setdefault((fields or {}).get(procedure_id, "—"), bucket()),
            ):
                add(b, level, satisfied, n)
        for reason_text, n in reason_rows:
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

    def _rating_groups(
        self,
        conn: Any,
        p: Period,
        level_keys: list[str],
        people: dict[int, tuple[str, str]],
        receiving: frozenset[int],
    ) -> _RatingParts | None:
        """The ratings read through ix_ratings_clerk (clerk, event, level, satisfied, moment, …) with
        every leading key listed (IN), so SQLite seeks each combination's range of the period and
        streams the groups in the index's order: per month, clerk, event and level; per procedure
        (joined by key, the only sort, of three small keys); the reasons (sorting only the ratings
        that give one). None when some rating of the period is outside the lists (a level no longer
        on the scale, say): the caller then reads them in the general pass."""
        r = t.ratings.c
        listed = and_(
            r.clerk_id.in_(list(people)),
            r.event.in_(list(EVENTS)),
            r.level.in_(level_keys),
            r.satisfied.in_([True, False]),
        )
        period = and_(r.at >= p.start, r.at < p.end)
        total = int(conn.execute(select(func.count()).where(period)).scalar_one())
        keys = (r.clerk_id, r.event, r.level, r.satisfied)
        per_month = select(*keys, func.count()).group_by(*keys)
        monthly: list[tuple[Any, ...]] = []
        for month, since, until in _months(conn, p):
            monthly.extend((month, *row) for row in conn.execute(per_month.where(listed, since, until)))
        if sum(row[-1] for row in monthly) != total:
            return None
        # Per procedure: each rating joined to its dossier through ix_dossiers_key, then the one
        # sort, of three small keys.
        per_proc = [
            (int(row[0]), row[1], bool(row[2]), int(row[3]))
            for row in conn.execute(
                text(
                    "SELECT d.procedure_id, r.level, r.satisfied, count(*)"
                    f" FROM ratings r JOIN dossiers d{_by_key(self.ctx)} ON d.id = r.dossier_id"
                    f" WHERE r.clerk_id IN ({_ids(people)}) AND r.event IN :events AND r.level IN :levels"
                    " AND r.satisfied IN (:yes, :no) AND r.at >= :since AND r.at < :until"
                    " GROUP BY d.procedure_id, r.level, r.satisfied"
                ).bindparams(bindparam("events", expanding=True), bindparam("levels", expanding=True)),
                {
                    "events": list(EVENTS),
                    "levels": level_keys,
                    "yes": True,
                    "no": False,
                    "since": int(p.start.timestamp()),
                    "until": int(p.end.timestamp()),
                },
            )
        ]
        # The reasons in the order the general pass meets them (by day, level, satisfied, event,
        # reasons): ties in their counts keep that order in the report.
        start = int(p.start.timestamp())
        day = (r.at - literal(start)) // literal(86_400)
        given = conn.execute(
            select(r.reasons, r.level, r.satisfied, r.event, func.min(day), func.count())
            .where(listed, period, r.reasons != "")
            .group_by(r.reasons, r.level, r.satisfied, r.event)
        ).all()
        reason_rows = [(g[0], int(g[5])) for g in sorted(given, key=lambda g: (g[4], g[1], g[2], g[3], g[0]))]
        # Clerks rated but receiving nothing in the period are listed after the others in the order
        # they first appear in the general pass: that order, for them only (rarely more than one).
        rated = list(dict.fromkeys(row[1] for row in monthly))
        extra = [c for c in rated if c not in receiving]
        if len(extra) > 1:
            first = select(day, r.level, r.satisfied, r.event, r.reasons).where(period).limit(1)
            key = {
                c: (
                    *conn.execute(
                        first.where(r.clerk_id == c).order_by(day, r.level, r.satisfied, r.event, r.reasons)
                    ).one(),
                    c,
                )
                for c in extra
            }
            extra.sort(key=key.__getitem__)
        clerk_order = [c for c in rated if c in receiving] + extra
        return monthly, per_proc, reason_rows, clerk_order

    def _rating_rows(self, conn: Any, p: Period) -> _RatingParts:
        """Every rating of the period in one pass grouped by day, level, satisfied, event, reasons,
        clerk and procedure (a sort of the period's ratings), in that order."""
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
        monthly = [
            (f"{p.first + timedelta(days=int(offset)):%Y-%m}", clerk_id, event, level, satisfied, n)
            for offset, level, satisfied, event, _reasons, clerk_id, _proc, n in rows
        ]
        per_proc = [(proc, level, satisfied, n) for _o, level, satisfied, _e, _r, _c, proc, n in rows]
        reason_rows = [(reasons, n) for *_k, reasons, _c, _p, n in rows]
        clerk_order = list(dict.fromkeys(row[5] for row in rows))
        return monthly, per_proc, reason_rows, clerk_order

    @requires(Act.VIEW_REPORTS)
    def dossiers_behind(
        self, first: date, last: date, figure: str, *, limit: int = 1000, actor: Actor
    ) -> list[str]:
        """The codes of the dossiers behind one figure of the report (e.g. "finished_late")."""
        p = self.period(first, last)
        d = t.dossiers.c
        done = d.result_at
        due = func.coalesce(d.legal_due_at, d.due_at)
        finished = and_(done >= p.start, done < p.end)
        alive = and_(d.status.in_(_ALIVE), d.received_at < p.end)
        conds = {
            "received": and_(d.received_at >= p.start, d.received_at < p.end),
            "finished_on_time": and_(finished, done <= due),
            "finished_late": and_(finished, done > due),
            "open": alive,
            "open_overdue": and_(alive, d.status != lc.WAITING, due < self.ctx.now()),
        }
        if figure not in conds:
            raise ValidationError("Chỉ số: phải là một trong " + ", ".join(conds) + ".", field="figure")
        with self.ctx.db.read() as conn:
            return [
                c
                for (c,) in conn.execute(
                    select(d.code).where(conds[figure]).order_by(d.received_at, d.id).limit(limit)
                )
            ]

    @requires(Act.VIEW_REPORTS)
    def register(self, first: date, last: date, *, anchor: str, actor: Actor) -> RegisterData:
        """Mẫu 07 for the dossiers received in the period, rows streamed from the database."""
        p = self.period(first, last)
        s = self.ctx.settings()
        header = FormHeader(
            parent_agency=s["agency.parent_name"],
            unit_name=s["agency.unit_name"],
            place_name=s["agency.place_name"],
            legal_basis=f"Mẫu số 07 - {s['forms.legal_basis']}" if s["forms.legal_basis"] else "",
            hotline=s["agency.hotline"],
        )
        volume = s["register.volume"] or (str(first.year) if first.year == last.year else "")
        return RegisterData(
            header=header,
            unit_name=s["agency.unit_full_name"],
            issued_at=self.ctx.now(),
            rows=self._register_rows(p),
            chain_anchor=anchor,
            volume=volume,
            period=f"Từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}",
            demo=bool(s["agency.demo"]),
        )

    def _register_rows(self, p: Period) -> Iterator[RegisterRow]:
        from onestop.db.states import stream

        tz = self.ctx.tz
        sql = (
            "SELECT d.register_number, d.code, pr.name, d.sets, d.applicant_name, d.address, d.phone,"
            " u.name, d.received_at, d.due_at, d.extended_due_at, d.legal_due_at, d.result_at, d.finished_at,"
            " d.status, (SELECT min(e.at) FROM events e WHERE e.dossier_id = d.id AND e.action = 'transfer')"
            " FROM dossiers d JOIN procedures pr ON pr.id = d.procedure_id"
            " LEFT JOIN units u ON u.id = pr.default_unit_id"
            f" WHERE d.received_at >= {int(p.start.timestamp())} AND d.received_at < {int(p.end.timestamp())}"
            " ORDER BY d.received_at, d.id"
        )
        notes = {lc.REFUSED: "Từ chối", lc.STOPPED: "Dừng giải quyết", lc.WITHDRAWN: "Rút hồ sơ"}

        def at(value: Any) -> datetime | None:
            return datetime.fromtimestamp(int(value), tz) if value is not None else None

        with self.ctx.db.read() as conn:
            for r in stream(conn, sql, "register"):
                note = notes.get(r[14], "")
                if r[10] is not None:
                    note = (note + "; " if note else "") + f"Hẹn lại {at(r[10]):%d/%m/%Y}"
                yield RegisterRow(
                    number=int(r[0]),
                    code=r[1],
                    procedure_name=r[2],
                    sets=int(r[3]),
                    applicant_name=r[4],
                    address=r[5],
                    phone=r[6],
                    competent_unit=r[7] or "",
                    received_at=at(r[8]),  # type: ignore[arg-type]
                    due_at=at(r[11] if r[11] is not None else r[9]),
                    transferred_at=at(r[15]),
                    result_received_at=at(r[12]),
                    returned_at=at(r[13]) if r[14] == lc.RETURNED else None,
                    note=note,
                )


_RatingParts = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[str, int]], list[int]]


COUNTER = "Bộ phận tiếp nhận và trả kết quả"


def _steps(conn: Any, p: Period, days: tuple[int, int] | None) -> list[dict[str, Any]]:
    """Per unit that held the dossiers (the counter too), the steps it ended in the period (a
    transfer on, the result, the return): how many, the average hours it held them, and against its
    allotted time when it had one then: how many were judged, how many late, the on-time rate."""
    u = t.units.c
    units = {r.id: r for r in conn.execute(select(u.id, u.name, u.kind, u.allotted_hours))}
    receiving = next((r for r in units.values() if r.kind == "receiving"), None)
    if days is not None:
        rows = conn.execute(
            text(
                "SELECT unit_id, sum(steps), sum(held_seconds), sum(judged), sum(late) FROM tally_steps"
                " WHERE day BETWEEN :first AND :last GROUP BY unit_id"
            ),
            {"first": days[0], "last": days[1]},
        ).all()
    else:  # each hold from the handover before (any time) to one in the period
        since, until = int(p.start.timestamp()), int(p.end.timestamp())
        sqlite = conn.dialect.name == "sqlite"
        judged = tally.verdict_sql(sqlite)
        rows = conn.execute(
            text(
                f"SELECT unit_id, count(*), sum({tally.held_sql('at - since', sqlite)}),"
                " sum(judged), sum(late) FROM ("
                " SELECT e.at AS at,"
                " CASE WHEN e.action = 'return' THEN 0 ELSE coalesce(e.from_unit_id, 0) END AS unit_id,"
                " coalesce(lag(e.at) OVER (PARTITION BY e.dossier_id ORDER BY e.id), d.received_at) AS since,"
                f" CASE WHEN {judged} IS NULL THEN 0 ELSE 1 END AS judged,"
                f" CASE WHEN {judged} = 'late' THEN 1 ELSE 0 END AS late"
                " FROM events e JOIN dossiers d ON d.id = e.dossier_id"
                " WHERE e.action IN ('transfer', 'result', 'return') AND e.dossier_id IN ("
                " SELECT dossier_id FROM events WHERE at >= :since AND at < :until"
                " AND action IN ('transfer', 'result', 'return'))"
                ") s WHERE at >= :since AND at < :until GROUP BY unit_id"
            ),
            {"since": since, "until": until},
        ).all()
    return step_rows(rows, units, receiving)


def step_rows(rows: Any, units: dict[int, Any], receiving: Any) -> list[dict[str, Any]]:
    """(unit id or 0 for the counter, steps, seconds held, judged, late) as the report lists them:
    the unit holding dossiers longest first."""
    sums: dict[int, list[int]] = {}
    for unit_id, *counts in rows:
        unit = units.get(int(unit_id)) if unit_id else receiving
        into = sums.setdefault(unit.id if unit is not None else 0, [0, 0, 0, 0])
        for i, n in enumerate(counts):
            into[i] += int(n or 0)
    out = []
    for key, (steps, held, judged, late) in sums.items():
        unit = units.get(key)
        out.append(
            {
                "unit": unit.name if unit is not None else COUNTER,
                "steps": steps,
                "avg_hours_held": round(held / steps / 3600, 1) if steps else None,
                "judged": judged,
                "late": late,
                "on_time_rate": _rate(judged - late, judged),
                "allotted_hours": unit.allotted_hours if unit is not None else None,
            }
        )
    return sorted(out, key=lambda x: (-(x["avg_hours_held"] or 0), x["unit"]))


def _tally_groups(conn: Any, days: tuple[int, int]) -> Iterator[dict[str, Any]]:
    """Received (refused, stopped, withdrawn) and finished per procedure and receiving clerk."""
    rows = conn.execute(
        text(
            "SELECT procedure_id, received_by, sum(received) AS received, sum(refused) AS refused,"
            " sum(stopped) AS stopped, sum(withdrawn) AS withdrawn, sum(on_time) AS finished_on_time,"
            " sum(late) AS finished_late, sum(busy_seconds) AS busy_seconds,"
            " sum(allowed_seconds) AS allowed_seconds"
            " FROM tally_dossiers WHERE day BETWEEN :first AND :last GROUP BY procedure_id, received_by"
        ),
        {"first": days[0], "last": days[1]},
    )
    for row in rows:
        yield {k: int(v) for k, v in row._mapping.items()}


def _day(day: int) -> date:
    return _EPOCH_DAY + timedelta(days=day)


_EPOCH_DAY = date(1970, 1, 1)


def _tally_weeks(conn: Any, days: tuple[int, int]) -> list[dict[str, Any]]:
    """Received, finished and finished on time per week (from Monday), from the tallies by day."""
    weeks: dict[date, list[int]] = {}
    for day, received, finished, on_time in conn.execute(
        text(
            "SELECT day, sum(received), sum(on_time) + sum(late), sum(on_time) FROM tally_dossiers"
            " WHERE day BETWEEN :first AND :last GROUP BY day"
        ),
        {"first": days[0], "last": days[1]},
    ):
        local = _day(int(day))
        week = weeks.setdefault(local - timedelta(days=local.weekday()), [0, 0, 0])
        week[0] += int(received)
        week[1] += int(finished)
        week[2] += int(on_time)
    return [
        {"week": week.isoformat(), "received": n[0], "finished": n[1], "on_time": n[2]}
        for week, n in sorted(weeks.items())
        if n[0] or n[1]
    ]


def _rating_tallies(conn: Any, days: tuple[int, int], receiving: frozenset[int]) -> _RatingParts:
    """The parts ``ReportService._ratings`` folds, from the tallies: per month, clerk, event, level
    and satisfied; per procedure, level and satisfied; the reasons in the order the general pass
    meets them (first day, level, satisfied, event, reasons); the rated clerks, those receiving in
    the period first."""
    bounds = {"first": days[0], "last": days[1]}
    months: dict[tuple[Any, ...], int] = {}
    for day, clerk_id, event, level, satisfied, n in conn.execute(
        text(
            "SELECT day, clerk_id, event, level, satisfied, sum(n) FROM tally_ratings"
            " WHERE day BETWEEN :first AND :last GROUP BY day, clerk_id, event, level, satisfied"
        ),
        bounds,
    ):
        key = (f"{_day(int(day)):%Y-%m}", int(clerk_id), event, level, bool(satisfied))
        months[key] = months.get(key, 0) + int(n)
    monthly = [(*key, n) for key, n in sorted(months.items())]
    per_proc = [
        (int(proc), level, bool(satisfied), int(n))
        for proc, level, satisfied, n in conn.execute(
            text(
                "SELECT procedure_id, level, satisfied, sum(n) FROM tally_ratings"
                " WHERE day BETWEEN :first AND :last GROUP BY procedure_id, level, satisfied"
            ),
            bounds,
        )
    ]
    given = conn.execute(
        text(
            "SELECT reasons, level, satisfied, event, min(day), sum(n) FROM tally_ratings"
            " WHERE day BETWEEN :first AND :last AND reasons <> ''"
            " GROUP BY reasons, level, satisfied, event"
        ),
        bounds,
    ).all()
    reason_rows = [
        (g[0], int(g[5])) for g in sorted(given, key=lambda g: (int(g[4]), g[1], bool(g[2]), g[3], g[0]))
    ]
    rated = list(dict.fromkeys(row[1] for row in monthly))
    extra = [c for c in rated if c not in receiving]
    if len(extra) > 1:  # in the order of each one's first rating
        first = text(
            "SELECT day, level, satisfied, event, reasons FROM tally_ratings"
            " WHERE clerk_id = :clerk AND day BETWEEN :first AND :last"
            " ORDER BY day, level, satisfied, event, reasons LIMIT 1"
        )
        order = {c: (*conn.execute(first, {**bounds, "clerk": c}).one(), c) for c in extra}
        extra.sort(key=order.__getitem__)
    return monthly, per_proc, reason_rows, [c for c in rated if c in receiving] + extra


def _ids(keyed: dict[int, Any]) -> str:
    """Integer keys read from the database, as the list of an IN (never empty: callers check)."""
    return ", ".join(str(int(k)) for k in keyed)


def _by_key(ctx: Context) -> str:
    """SQLite looks a dossier up by rowid in the table (wide rows, a page each) unless told to use
    the compact covering ix_dossiers_key; PostgreSQL plans its joins itself."""
    return " INDEXED BY ix_dossiers_key" if ctx.db.is_sqlite else ""


def _moment(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _seen(conn: Any, p: Period, *columns: Any) -> tuple[int, int] | None:
    """The first and last moment (epoch seconds) of ``columns`` within the period, or None: each an
    index's first or last entry in the range (SQLite answers a lone min() or max() by one seek)."""
    found = []
    for column in columns:
        for edge in (func.min, func.max):
            at = conn.execute(select(edge(column)).where(column >= p.start, column < p.end)).scalar_one()
            if at is not None:
                found.append(int(at.timestamp()))
    return (min(found), max(found)) if found else None


def _spans(
    p: Period, seen: tuple[int, int] | None, align: Any, next_start: Any
) -> Iterator[tuple[date, Any, Any]]:
    """The part of the period from the first to the last moment ``seen``, cut where
    ``next_start(day)`` says the next span begins (its first span from ``align(first day seen)``):
    (first day, from, to), in whole days of 86,400 s from the period's start as the day keys of the
    general passes. Spans without data are never read: a period of two centuries costs its data."""
    if seen is None:
        return
    start, end = int(p.start.timestamp()), int(p.end.timestamp())
    first, last = (p.first + timedelta(days=(at - start) // 86_400) for at in seen)
    day = max(p.first, align(first))
    while day <= min(p.last, last):
        following = next_start(day)
        yield (
            day,
            _moment(start + (day - p.first).days * 86_400),
            _moment(min(start + (following - p.first).days * 86_400, end)),
        )
        day = following


def _months(conn: Any, p: Period) -> Iterator[tuple[str, Any, Any]]:
    r = t.ratings.c
    for day, since, until in _spans(
        p,
        _seen(conn, p, r.at),
        lambda x: x.replace(day=1),
        lambda x: (x.replace(day=1) + timedelta(days=32)).replace(day=1),
    ):
        yield f"{day:%Y-%m}", r.at >= since, r.at < until


def _weeks(conn: Any, p: Period) -> list[dict[str, Any]]:
    """Received, finished and finished on time per week (from Monday) of the period: per week one
    count over the index on ``received_at`` and one over ix_dossiers_result_due, never a sort."""
    d = t.dossiers.c
    due = func.coalesce(d.legal_due_at, d.due_at)
    out = []
    for day, since, until in _spans(
        p,
        _seen(conn, p, d.received_at, d.result_at),
        lambda x: x - timedelta(days=x.weekday()),
        lambda x: x + timedelta(days=7 - x.weekday()),
    ):
        received = conn.execute(
            select(func.count()).where(d.received_at >= since, d.received_at < until)
        ).scalar_one()
        finished, on_time = conn.execute(
            select(func.count(), func.sum(case((d.result_at <= due, 1), else_=0))).where(
                d.result_at >= since, d.result_at < until
            )
        ).one()
        if received or finished:
            week = day - timedelta(days=day.weekday())
            out.append(
                {
                    "week": week.isoformat(),
                    "received": int(received),
                    "finished": int(finished),
                    "on_time": int(on_time or 0),
                }
            )
    return out


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


def vn_number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def vn_percent(rate: float | None) -> str:
    if rate is None:
        return "—"
    text = f"{rate:.2f}".rstrip("0").rstrip(".")
    whole, _, decimals = text.partition(".")
    return vn_number(int(whole)) + ("," + decimals if decimals else "") + "%"


def headline(total: int, rate: float | None) -> str:
    """The sentence reports quote: "1.176 lượt đánh giá, 98,5% hài lòng"."""
    if not total:
        return "Chưa có lượt đánh giá nào"
    return f"{vn_number(total)} lượt đánh giá, {vn_percent(rate)} hài lòng"


FORMULAS = {
    "on_time_rate": "Tỷ lệ đúng hạn = số hồ sơ có kết quả đúng hạn ÷ số hồ sơ có kết quả trong kỳ × 100 "
    "(đúng hạn: có kết quả không muộn hơn ngày hẹn, kể cả thời gian tạm dừng chờ bổ sung; "
    "không tính ngày hẹn lại)",
    "satisfaction_rate": "Tỷ lệ hài lòng = số lượt đánh giá ở mức hài lòng ÷ tổng số lượt đánh giá trong kỳ × 100",
    "level_share": "Tỷ lệ từng mức = số lượt đánh giá ở mức đó ÷ tổng số lượt đánh giá trong kỳ × 100",
    "officer_on_time_rate": "Tỷ lệ đúng hạn theo cán bộ xử lý = số hồ sơ cán bộ ghi nhận có kết quả đúng hạn "
    "÷ số hồ sơ cán bộ ghi nhận có kết quả trong kỳ × 100 (theo đơn vị: đơn vị giữ hồ sơ khi có kết quả; "
    "theo lĩnh vực: lĩnh vực của thủ tục trong danh mục)",
    "avg_processing_hours": "Thời gian giải quyết bình quân = tổng (thời điểm có kết quả − thời điểm tiếp nhận) "
    "÷ số hồ sơ có kết quả, tính bằng giờ theo lịch",
    "avg_allowed_hours": "Thời gian theo quy định bình quân = tổng (thời điểm hẹn, kể cả tạm dừng − thời điểm "
    "tiếp nhận) ÷ số hồ sơ có kết quả, tính bằng giờ theo lịch",
    "processing_time_ratio": "Tỷ lệ thời gian giải quyết so với quy định = tổng thời gian giải quyết "
    "÷ tổng thời gian theo quy định × 100 (dưới 100%: nhanh hơn quy định)",
    "step_on_time_rate": "Tỷ lệ bước đúng hạn theo đơn vị = số bước không quá thời gian quy định của đơn vị "
    "÷ số bước có thời gian quy định, các bước kết thúc trong kỳ (chuyển đi, có kết quả, trả kết quả) × 100; "
    "thời gian giữ bình quân = tổng (lúc chuyển đi − lúc nhận) ÷ số bước, tính bằng giờ theo lịch",
    "open_overdue": "Hồ sơ đang giải quyết quá hạn = hồ sơ chưa có kết quả, không chờ bổ sung, đã qua ngày hẹn",
    "digitisation_rate": "Tỷ lệ số hóa hồ sơ = số hồ sơ tiếp nhận trong kỳ có mọi thành phần đã số hóa "
    "÷ số hồ sơ tiếp nhận trong kỳ × 100",
    "electronic_result_rate": "Tỷ lệ số hóa kết quả = số hồ sơ có kết quả trong kỳ có kết quả điện tử "
    "÷ số hồ sơ có kết quả trong kỳ × 100",
}
