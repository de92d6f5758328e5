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

Every figure is one aggregate query over indexed columns (no row loops in Python), so a year of a
million dossiers answers in about a second; ``dossiers_behind`` lists the dossiers behind a number.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import and_, case, func, literal, select

from onestop import lifecycle as lc
from onestop.auth import Act, Actor
from onestop.db import schema as t
from onestop.errors import ValidationError
from onestop.forms.model import FormHeader, RegisterData, RegisterRow
from onestop.ratings import REASONS
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
                [count(done <= due).label("finished_on_time"), count(done > due).label("finished_late")],
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
            procs = {
                r.id: (r.code, r.name)
                for r in conn.execute(select(t.procedures.c.id, t.procedures.c.code, t.procedures.c.name))
            }
            people = {
                r.id: (r.username, r.full_name)
                for r in conn.execute(select(t.staff.c.id, t.staff.c.username, t.staff.c.full_name))
            }
            unit_names = dict(conn.execute(select(t.units.c.id, t.units.c.name)).all())
            groups.extend(report_groups(conn, p.start, p.end))
            ratings = self._ratings(conn, p, procs, people)
        total: dict[str, int] = {}
        by_proc: dict[tuple[str, str], dict[str, int]] = {}
        by_clerk: dict[tuple[str, str], dict[str, int]] = {}
        by_unit_counts: dict[str, dict[str, int]] = {}
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
            ]
            if g.get("current_unit_id") is not None and "finished_on_time" in counts:
                sinks.append(by_unit_counts.setdefault(unit_names.get(g["current_unit_id"], "?"), {}))
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
        out["by_event"] = ratings["by_event"]
        out["by_week"], out["by_month"] = series
        out["reasons"] = ratings["reasons"]
        out["headline"] = headline(out["ratings_total"], out["satisfaction_rate"])
        out["formulas"] = FORMULAS
        return out

    def _ratings(
        self, conn: Any, p: Period, procs: dict[int, tuple[str, str]], people: dict[int, tuple[str, str]]
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
        levels = {lv.key: 0 for lv in self.ratings.scale().levels}
        overall: dict[str, Any] = {"levels": dict(levels), "n": 0, "ok": 0}
        by_clerk: dict[str, dict[str, Any]] = {}
        by_proc: dict[str, dict[str, Any]] = {}
        by_event: dict[str, dict[str, Any]] = {}
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
            "reasons": [
                {"reason": k, "label": REASONS.get(k, k), "count": v}
                for k, v in sorted(reasons.items(), key=lambda kv: -kv[1])
            ],
            "by_month": [
                {"month": m, **f, "satisfaction_rate": _rate(f["satisfied"], f["ratings"])}
                for m, f in sorted(months.items())
            ],
        }

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
    "open_overdue": "Hồ sơ đang giải quyết quá hạn = hồ sơ chưa có kết quả, không chờ bổ sung, đã qua ngày hẹn",
    "digitisation_rate": "Tỷ lệ số hóa hồ sơ = số hồ sơ tiếp nhận trong kỳ có mọi thành phần đã số hóa "
    "÷ số hồ sơ tiếp nhận trong kỳ × 100",
    "electronic_result_rate": "Tỷ lệ số hóa kết quả = số hồ sơ có kết quả trong kỳ có kết quả điện tử "
    "÷ số hồ sơ có kết quả trong kỳ × 100",
}
