"""Any sequence of steps, ratings and changes of allotted time, generated (hypothesis), some of them
refused: the tallies kept as it happens always equal their recount from the stored rows, and the
report from the tallies equals the report counting the rows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers import actor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from onestop import lifecycle as lc
from onestop.clock import FixedClock
from onestop.db import schema as t
from onestop.db import tally
from onestop.errors import OnestopError
from onestop.services import Applicant, Onestop, ReceiveRequest

OPS = (
    "receive",
    "transfer",
    "supplement",
    "resume",
    "result",
    "return",
    "refuse",
    "stop",
    "withdraw",
    "rate",
    "rate_return",
    "allot",
)
PROCEDURES = ("1.004873", "2.000815")
Op = tuple[bool, str, int, int]  # (only a step the state allows, the operation, which, minutes on)


def run(svc: Onestop, clock: FixedClock, ops: list[Op]) -> list[str]:
    """Apply the operations (each on dossier ``which``, after ``minutes``); the ones that went through."""
    clerk, officer, admin = (actor(svc, n) for n in ("tiepnhan1", "xuly1", "admin"))
    codes: list[str] = []
    done: list[str] = []
    for allowed_only, drawn, which, minutes in ops:
        clock.at += timedelta(minutes=minutes)
        code = codes[which % len(codes)] if codes else None
        op = drawn
        if allowed_only and code is not None:
            with svc.db.read() as conn:
                status = conn.execute(
                    select(t.dossiers.c.status).where(t.dossiers.c.code == code)
                ).scalar_one()
            steps = [a for a in lc.allowed(status) if a in OPS]
            op = steps[which % len(steps)] if steps else drawn
        try:
            if op == "allot":
                svc.catalog.set_unit_time(("TTPVHCC", "TPHT", "CAP")[which % 3], which or None, actor=admin)
            elif op == "receive" or code is None:
                request = ReceiveRequest(PROCEDURES[which % 2], Applicant("Nguyễn Văn An"))
                codes.append(svc.intake.receive(request, actor=clerk).code)
                op = "receive"
            elif op == "transfer":
                svc.lifecycle.transfer(code, actor=clerk)
            elif op == "supplement":
                svc.lifecycle.supplement(code, note="Thiếu giấy tờ", actor=officer)
            elif op == "resume":
                svc.lifecycle.resume(code, actor=clerk)
            elif op == "result":
                svc.lifecycle.result(code, actor=officer)
            elif op == "return":
                svc.lifecycle.return_result(code, actor=clerk)
            elif op in ("refuse", "stop"):
                getattr(svc.lifecycle, op)(code, reason="Không đủ điều kiện", actor=officer)
            elif op == "withdraw":
                svc.lifecycle.withdraw(code, actor=clerk)
            elif op in ("rate", "rate_return"):
                level = ("rat-hai-long", "hai-long", "khong-hai-long")[which % 3]
                event = "return" if op == "rate_return" else "receipt"
                svc.ratings.rate(code, level, event=event, actor=clerk)
        except OnestopError:
            continue  # a step not allowed now: refused, nothing written
        done.append(op)
    return done


def check(svc: Onestop, monkeypatch: pytest.MonkeyPatch, until: date) -> None:
    with svc.db.read() as conn:
        for table in tally.TABLES:
            stored = sorted(tuple(r) for r in tally.stored(conn, table))
            assert stored == sorted(tuple(r) for r in tally.recount(conn, table)), table
    period = (date(2026, 11, 1), until)
    head = actor(svc, "lanhdao")
    fast = svc.reports.report(*period, actor=head)
    with monkeypatch.context() as m:
        m.setattr(tally, "period_days", lambda *_: None)
        assert svc.reports.report(*period, actor=head) == fast


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(st.booleans(), st.sampled_from(OPS), st.integers(0, 7), st.integers(0, 60 * 30)),
        min_size=1,
        max_size=30,
    )
)
def test_the_tallies_always_equal_their_recount(
    agency: Onestop, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, ops: list[Op]
) -> None:
    """Each operation is drawn at random, or (half the time) among the steps the dossier's state
    allows, so that runs reach the later steps too. The database grows from one run to the next."""
    run(agency, clock, ops)
    check(agency, monkeypatch, clock.at.date() + timedelta(days=1))


def test_a_run_through_every_operation(
    agency: Onestop, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same checks after a run that takes every operation, some on allotted time, some late."""
    ops: list[Op] = [
        (False, "allot", 1, 0),  # the unit TPHT: 1 working hour a step
        (False, "receive", 0, 0),
        (False, "receive", 1, 5),
        (False, "receive", 0, 5),
        (False, "rate", 0, 1),
        (False, "transfer", 0, 30),
        (False, "transfer", 1, 30),
        (False, "result", 1, 10),  # ten minutes of its hour: on time
        (False, "supplement", 0, 60),
        (False, "resume", 0, 60 * 24),
        (False, "result", 0, 60 * 30),  # held past its hour: late
        (False, "return", 0, 60),
        (False, "rate_return", 0, 1),
        (False, "refuse", 2, 5),
        (False, "receive", 0, 5),
        (False, "withdraw", 3, 5),
        (False, "receive", 0, 5),
        (False, "transfer", 4, 5),
        (False, "stop", 4, 5),
        (False, "return", 0, 5),  # refused: already returned
    ]
    done = run(agency, clock, ops)
    assert set(done) == set(OPS) and len(done) == len(ops) - 1
    check(agency, monkeypatch, clock.at.date())
    with agency.db.read() as conn:
        assert conn.exec_driver_sql("SELECT sum(judged), sum(late) FROM tally_steps").one() == (2, 1)
