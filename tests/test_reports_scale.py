"""The fast period report equals the reference (the report as computed before its single-pass
rewrite, tests/reports_reference.py) figure for figure, on a seeded demo of a few thousand dossiers
with every lifecycle step and ratings, plus dossiers paused for a supplement, re-appointed and
digitised, over several periods; and its queries read covering indexes without sorting."""

from __future__ import annotations

import dataclasses
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


def test_the_report_equals_the_reference_over_several_periods(busy: Onestop) -> None:
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
    busy: Onestop, monkeypatch: pytest.MonkeyPatch
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


def test_the_report_sorts_none_of_the_periods_rows(busy: Onestop) -> None:
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
    sorted_ = list(dict.fromkeys((s, p) for s, p in plans if "TEMP B-TREE" in p))  # once a statement
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
