"""The fast period report equals the reference (the report as computed before its single-pass
rewrite, tests/reports_reference.py) figure for figure, on a seeded demo of a few thousand dossiers
with every lifecycle step and ratings, plus dossiers paused for a supplement, re-appointed and
digitised, over several periods, both from the tallies (onestop.db.tally) and counting the rows;
the tallies kept as the data changes equal their count from the stored rows, and verify notices
one changed behind the program's back; the row passes read covering indexes without sorting."""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import date, timedelta
from typing import Any

import pytest
from helpers import actor, vn
from reports_reference import ReferenceReport
from sqlalchemy import func, select

from onestop.clock import FixedClock
from onestop.db import schema as t
from onestop.services import Applicant, Onestop, ReceiveRequest

PERIODS = (
    (date(2026, 1, 1), date(2026, 12, 31)),  # the year
    (date(2026, 11, 1), date(2026, 11, 30)),  # the month of the hand-made dossiers
    (date(2026, 9, 1), date(2026, 9, 30)),
    (date(2026, 8, 3), date(2026, 8, 9)),  # a week
    (date(2026, 10, 15), date(2026, 10, 15)),  # one day
    (date(2025, 1, 1), date(2025, 12, 31)),  # nothing received, dossiers still open
    (date(2025, 6, 1), date(2027, 3, 31)),  # across years, past today
    (date(1900, 1, 1), date(2100, 12, 31)),  # the widest allowed: only the weeks with data are read
    (date(2026, 12, 3), date(2026, 12, 31)),  # after the last dossier: nothing at all
)


@pytest.fixture
def busy(agency: Onestop, clock: FixedClock) -> Onestop:
    """A seeded demo of 3000 dossiers over the months before today, then a few by hand in November:
    paused for a supplement and resumed, re-appointed, refused, withdrawn, rated, digitised."""
    from onestop.demo import generate_dossiers

    svc = agency
    clock.at = vn(2026, 11, 2, 8, 0)
    generate_dossiers(svc, count=3000, seed=7)
    clerk, officer, head = actor(svc, "tiepnhan1"), actor(svc, "xuly1"), actor(svc, "lanhdao")
    rng = random.Random(3)
    codes = []
    moment = vn(2026, 11, 2, 9, 0)
    for i in range(12):
        clock.at = moment + timedelta(days=i // 2, hours=i % 3)
        code = svc.intake.receive(
            ReceiveRequest("1.004873", Applicant("Người " + "ABCDEFGHIKLM"[i])), actor=clerk
        ).code
        svc.lifecycle.transfer(code, actor=clerk)
        codes.append(code)
    clock.at = vn(2026, 11, 10, 9, 0)
    for code in codes[:4]:
        svc.lifecycle.supplement(code, note="Thiếu giấy", actor=officer)
    svc.lifecycle.extend(codes[5], due=vn(2026, 11, 27, 17, 0), reason="Cần xác minh", actor=head)
    clock.at = vn(2026, 11, 16, 9, 0)
    for code in codes[:3]:
        svc.lifecycle.resume(code, actor=clerk)
    from scan_samples import page_png

    from onestop.pages import Source

    page = page_png()
    with svc.db.read() as conn:
        components = conn.execute(
            select(func.count())
            .select_from(t.dossier_documents)
            .join(t.dossiers)
            .where(t.dossiers.c.code == codes[0])
        ).scalar_one()
    for code in codes[::3]:  # every component of these, one component of the next ones
        for _ in range(components):
            svc.digitisation.attach(code, [Source("trang.png", page)], actor=clerk)
    svc.digitisation.attach(codes[1], [Source("trang.png", page)], actor=clerk)
    clock.at = vn(2026, 11, 17, 14, 0)
    for code in (codes[0], codes[1], codes[5], codes[6], codes[9]):
        svc.lifecycle.result(code, actor=officer)
    svc.digitisation.attach(codes[0], [Source("kq.png", page)], result=True, actor=officer)
    svc.digitisation.attach(codes[9], [Source("kq.png", page)], result=True, actor=officer)
    svc.lifecycle.refuse(codes[7], reason="Không đủ điều kiện", actor=officer)
    svc.lifecycle.withdraw(codes[8], actor=clerk)
    clock.at = vn(2026, 11, 18, 9, 0)
    svc.lifecycle.return_result(codes[0], actor=clerk)
    for code in codes[:6]:
        svc.ratings.rate(code, rng.choice(["rat-hai-long", "hai-long", "khong-hai-long"]), actor=clerk)
    clock.at = vn(2026, 12, 2, 9, 0)
    return svc


def _plain(value: Any) -> Any:
    """The report as plain data (lists, dicts, numbers), for equality and readable differences."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@pytest.fixture
def rows_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report counts the rows, as for a period the tallies cannot answer for."""
    from onestop.db import tally

    monkeypatch.setattr(tally, "period_days", lambda *_: None)


@pytest.fixture(params=["tallies", "rows"])
def counting(request: pytest.FixtureRequest) -> str:
    if request.param == "rows":
        request.getfixturevalue("rows_only")
    return str(request.param)


def test_the_report_equals_the_reference_over_several_periods(busy: Onestop, counting: str) -> None:
    reference = ReferenceReport(busy.ctx, busy.ratings)
    head = actor(busy, "lanhdao")
    checked = 0
    for first, last in PERIODS:
        got = _plain(busy.reports.report(first, last, actor=head))
        want = _plain(reference.report(first, last))
        for key in want:
            assert got[key] == want[key], (first, last, key)
        assert got == want
        checked += got["received"]
    assert checked > 3000  # the periods hold the dossiers, not empty sets


def test_the_reference_is_not_trivially_equal(busy: Onestop) -> None:
    """The comparison can fail: another period gives other figures."""
    reference = ReferenceReport(busy.ctx, busy.ratings)
    head = actor(busy, "lanhdao")
    year = busy.reports.report(date(2026, 1, 1), date(2026, 12, 31), actor=head)
    month = reference.report(date(2026, 11, 1), date(2026, 11, 30))
    assert year["received"] > month["received"] > 0
    assert year != month
    assert month["finished_on_time"] + month["finished_late"] > 0
    assert month["digitised"] > 0 and month["electronic_results"] > 0
    assert month["ratings_total"] > 0 and month["by_officer"]


def test_a_level_no_longer_on_the_scale_is_read_in_the_general_pass(
    busy: Onestop, monkeypatch: pytest.MonkeyPatch, rows_only: None
) -> None:
    """Ratings at a level the scale has dropped are outside the listed keys: the report notices
    (its count differs from the period's) and reads them in the general pass, still equal."""
    from onestop.services import reports

    calls = []
    general = reports.ReportService._rating_rows

    def counted(self: Any, *args: Any) -> Any:
        calls.append(args)
        return general(self, *args)

    monkeypatch.setattr(reports.ReportService, "_rating_rows", counted)
    head = actor(busy, "lanhdao")
    year = (date(2026, 1, 1), date(2026, 12, 31))
    assert busy.reports.report(*year, actor=head)["ratings_total"] > 0
    assert calls == []  # every level listed: no general pass
    scale = busy.ratings.scale()
    dropped = dataclasses.replace(scale, levels=scale.levels[1:])  # as if the scale had lost a level
    assert any(
        r["level"] == scale.levels[0].key and r["count"]
        for r in busy.reports.report(*year, actor=head)["by_level"]
    )
    monkeypatch.setattr(busy.ratings, "scale", lambda: dropped)
    reference = ReferenceReport(busy.ctx, busy.ratings)
    got = busy.reports.report(*year, actor=head)
    assert len(calls) == 1
    assert scale.levels[0].key in got["ratings"]  # counted, after the scale's levels
    assert _plain(got) == _plain(reference.report(*year))


def test_the_report_sorts_none_of_the_periods_rows(busy: Onestop, rows_only: None) -> None:
    """Every pass over the period's dossiers, results and ratings streams its groups from an index
    (SQLite's plans say no temp B-tree) but the ratings per procedure, grouped after a join, and
    small sets."""
    if not busy.db.is_sqlite:
        pytest.skip("SQLite's query plans")
    from sqlalchemy import event

    plans: list[tuple[str, str]] = []

    def explain(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "GROUP BY" in statement:
            raw = conn.connection.driver_connection.execute("EXPLAIN QUERY PLAN " + statement, params)
            plans.append((statement, " | ".join(str(r[3]) for r in raw.fetchall())))

    event.listen(busy.db.engine, "before_cursor_execute", explain)
    try:
        busy.reports.report(date(2026, 1, 1), date(2026, 12, 31), actor=actor(busy, "lanhdao"))
    finally:
        event.remove(busy.db.engine, "before_cursor_execute", explain)
    # (The holds per step pair each handover with the one before: a window, sorted, on this path
    # only; the tallies count them as they happen.)
    sorted_ = list(dict.fromkeys((s, p) for s, p in plans if "TEMP B-TREE" in p and "lag(" not in s))
    # Sorted: the ratings per procedure (after the join), the ratings giving reasons, and two small
    # sets: the dossiers still open (by status) and those with an attachment.
    assert len(sorted_) == 4, [s[:80] for s, _ in sorted_]
    assert any("count(*) AS open" in s for s, _ in sorted_)
    assert any("attachments" in s for s, _ in sorted_)
    assert any("d.procedure_id, r.level" in s for s, _ in sorted_)
    assert any("ratings.reasons" in s and "ratings.reasons !=" in s for s, _ in sorted_)
    assert any("ix_dossiers_report_received" in p for _, p in plans)
    assert any("ix_dossiers_report_result" in p for _, p in plans)
    assert any("ix_events_officer" in p and "ix_dossiers_key" in p for _, p in plans)


def test_a_level_no_longer_on_the_scale_is_counted_from_the_tallies_too(
    busy: Onestop, monkeypatch: pytest.MonkeyPatch
) -> None:
    scale = busy.ratings.scale()
    monkeypatch.setattr(busy.ratings, "scale", lambda: dataclasses.replace(scale, levels=scale.levels[1:]))
    year = (date(2026, 1, 1), date(2026, 12, 31))
    got = busy.reports.report(*year, actor=actor(busy, "lanhdao"))
    assert scale.levels[0].key in got["ratings"]
    assert _plain(got) == _plain(ReferenceReport(busy.ctx, busy.ratings).report(*year))


def _tallies(svc: Onestop) -> dict[str, list[tuple[Any, ...]]]:
    from onestop.db import tally

    with svc.db.read() as conn:
        return {table: sorted(tuple(r) for r in tally.stored(conn, table)) for table in tally.TABLES} | {
            f"{table} counted": sorted(tuple(r) for r in tally.recount(conn, table)) for table in tally.TABLES
        }


def test_the_tallies_kept_as_dossiers_change_equal_their_count_from_the_rows(busy: Onestop) -> None:
    """The demo's bulk chunks and every live step (receive, result, refuse, withdraw, ratings)
    added up as they happened equal the GROUP BY of the stored rows, row for row."""
    got = _tallies(busy)
    for table in ("tally_dossiers", "tally_officers", "tally_ratings"):
        assert got[table] == got[f"{table} counted"], table
        assert len(got[table]) > 50
    by_day = {row[0]: row for row in got["tally_dossiers"]}
    assert (
        sum(r[3] for r in got["tally_dossiers"])
        == busy.reports.report(date(1970, 1, 1), date(2100, 12, 31), actor=actor(busy, "lanhdao"))["received"]
        > 3000
    )
    assert len(by_day) > 100


def test_the_year_is_counted_from_the_tallies_not_the_rows(
    busy: Onestop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onestop.services import reports

    def no_rows(*_: Any) -> Any:
        raise AssertionError("counted the rows")

    monkeypatch.setattr(reports.ReportService, "_rating_groups", no_rows)
    monkeypatch.setattr(reports.ReportService, "_officer_rows", no_rows)
    monkeypatch.setattr(reports, "_weeks", no_rows)
    year = busy.reports.report(date(2026, 1, 1), date(2026, 12, 31), actor=actor(busy, "lanhdao"))
    assert year["received"] > 3000 and year["ratings_total"] > 0 and year["by_officer"]


def test_a_zone_with_summer_time_is_counted_from_the_rows_and_a_new_zone_recounts_the_tallies(
    busy: Onestop,
) -> None:
    """The tallies cut days at one offset: a period over which the zone changes its offset is
    counted from the rows (still equal to the reference); changing the agency's zone recounts them
    at the new one, in the same transaction, and verify still finds everything in order."""
    from onestop.db import tally

    admin, head = actor(busy, "admin"), actor(busy, "lanhdao")
    reference = ReferenceReport(busy.ctx, busy.ratings)
    busy.config.set_settings({"agency.time_zone": "Europe/Paris"}, actor=admin)
    with busy.db.read() as conn:
        assert tally.offset_seconds(conn) == 3600  # 2 December: winter time
    year = (date(2026, 1, 1), date(2026, 12, 31))
    assert _plain(busy.reports.report(*year, actor=head)) == _plain(reference.report(*year))
    winter = (date(2026, 11, 2), date(2026, 11, 30))
    assert _plain(busy.reports.report(*winter, actor=head)) == _plain(reference.report(*winter))
    busy.config.set_settings({"agency.time_zone": "Asia/Bangkok"}, actor=admin)
    with busy.db.read() as conn:
        assert tally.offset_seconds(conn) == 7 * 3600
    got = _tallies(busy)
    assert got["tally_ratings"] == got["tally_ratings counted"]
    assert busy.integrity.verify().ok


def test_verify_names_a_tally_changed_behind_the_programs_back(busy: Onestop) -> None:
    assert busy.integrity.verify().ok
    with busy.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE tally_ratings SET n = n + 5 WHERE day = (SELECT max(day) FROM tally_ratings)"
            " AND clerk_id = (SELECT min(clerk_id) FROM tally_ratings)"
        )
    problems = busy.integrity.verify().problems
    assert len(problems) == 1 and "tally_ratings" in problems[0] and "đánh giá" in problems[0], problems
    with busy.db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM tally_meta")
    assert any("tally_meta" in p for p in busy.integrity.verify().problems)


def test_each_step_is_judged_against_its_units_allotted_time(busy: Onestop, clock: FixedClock) -> None:
    """The counter may hold a dossier 4 working hours, the unit 8: each handover says in its data
    how the step that ended went (Mẫu 06's rule), the tallies count the holds per unit as they
    happen, and the report (from the tallies or the rows) equals the reference's loop over them."""
    admin, clerk, officer = actor(busy, "admin"), actor(busy, "tiepnhan1"), actor(busy, "xuly1")
    busy.catalog.set_unit_time("TTPVHCC", 4, actor=admin)
    unit = busy.catalog.procedure("1.004873").default_unit_id
    with busy.db.read() as conn:
        unit_code, unit_name = conn.execute(
            select(t.units.c.code, t.units.c.name).where(t.units.c.id == unit)
        ).one()
    busy.catalog.set_unit_time(unit_code, 8, actor=admin)
    clock.at = vn(2026, 12, 2, 9, 0)
    a, b = (
        busy.intake.receive(ReceiveRequest("1.004873", Applicant(name)), actor=clerk).code
        for name in ("Người Một", "Người Hai")
    )
    clock.at = vn(2026, 12, 2, 9, 30)
    busy.lifecycle.transfer(a, actor=clerk)  # the counter: half an hour of 4, on time
    clock.at = vn(2026, 12, 4, 10, 0)
    busy.lifecycle.transfer(b, actor=clerk)  # the counter: two days, late
    clock.at = vn(2026, 12, 4, 11, 0)
    busy.lifecycle.result(a, actor=officer)  # the unit: two days of 8 hours, late
    busy.lifecycle.result(b, actor=officer)  # the unit: one hour, early
    clock.at = vn(2026, 12, 7, 9, 0)
    busy.lifecycle.return_result(a, actor=clerk)  # the counter again, since Friday's result: late
    with busy.db.read() as conn:
        steps = [
            json.loads(d).get("step")
            for (d,) in conn.execute(
                select(t.events.c.data)
                .join(t.dossiers)
                .where(t.dossiers.c.code.in_((a, b)), t.events.c.action.in_(("transfer", "result", "return")))
                .order_by(t.events.c.id)
            )
        ]
    assert steps == ["on_time", "late", "late", "early", "late"]  # on time: on its deadline's day
    got = _tallies(busy)
    assert got["tally_steps"] == got["tally_steps counted"]
    december = (date(2026, 12, 1), date(2026, 12, 31))
    report = busy.reports.report(*december, actor=actor(busy, "lanhdao"))
    by_unit = {s["unit"]: s for s in report["by_step"]}
    counter = by_unit["Trung tâm Phục vụ hành chính công phường Liên Chiểu"]
    assert (counter["steps"], counter["judged"], counter["late"], counter["allotted_hours"]) == (3, 3, 2, 4)
    assert counter["on_time_rate"] == 33.33
    assert (by_unit[unit_name]["steps"], by_unit[unit_name]["judged"], by_unit[unit_name]["late"]) == (
        2,
        2,
        1,
    )
    assert report["by_step"][0]["avg_hours_held"] >= report["by_step"][-1]["avg_hours_held"]
    reference = ReferenceReport(busy.ctx, busy.ratings).report(*december)
    assert _plain(report) == _plain(reference)


def test_the_f7_summary_counts_from_the_tallies_as_from_the_ratings(
    busy: Onestop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onestop.db import tally

    head = actor(busy, "lanhdao")
    year = (date(2026, 1, 1), date(2026, 12, 31))
    fast = busy.ratings.summary(*year, actor=head)
    monkeypatch.setattr(tally, "period_days", lambda *_: None)
    slow = busy.ratings.summary(*year, actor=head)
    assert fast == slow and fast["ratings"] > 1000
    assert fast["ratings"] == busy.reports.report(*year, actor=head)["ratings_total"]


def test_the_tallies_counted_in_python_equal_the_recount(busy: Onestop) -> None:
    """The third way of counting (the demo's builders, in Python from the rows they make) agrees
    with the GROUP BY of the stored rows, and adding its rows to empty tallies stores the same."""
    from onestop.db import tally

    def rows(conn: Any, sql: str) -> tuple[list[str], list[Any]]:
        result = conn.exec_driver_sql(sql)
        return list(result.keys()), list(result)

    with busy.db.read() as conn:
        offset = tally.offset_seconds(conn)
        assert offset is not None
        counted = tally.count_rows(
            offset,
            rows(
                conn,
                "SELECT id, procedure_id, received_by, status, received_at, result_at, due_at, legal_due_at"
                " FROM dossiers",
            ),
            rows(conn, "SELECT dossier_id, action, at, user_id, from_unit_id, data FROM events ORDER BY id"),
            rows(conn, "SELECT dossier_id, at, clerk_id, event, level, satisfied, reasons FROM ratings"),
        )
        for table in tally.TABLES:
            want = sorted(tuple(r) for r in tally.recount(conn, table))
            assert sorted(counted[table]) == want, table
    with busy.db.engine.begin() as conn:
        for table in tally.TABLES:
            conn.exec_driver_sql(f"DELETE FROM {table}")
        tally.add_counted(conn, counted)
        tally.add_counted(conn, {"tally_ratings": counted["tally_ratings"][:3]})  # added twice: summed
    got = _tallies(busy)
    assert got["tally_dossiers"] == got["tally_dossiers counted"]
    extra = {r[:-1]: r[-1] for r in counted["tally_ratings"][:3]}
    assert [r for r in got["tally_ratings"] if r[:-1] in extra] == sorted(
        (*k, 2 * n) for k, n in extra.items()
    )
