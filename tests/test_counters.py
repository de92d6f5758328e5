"""Two counters on one database see each other's edits at their next act, and a write that fails
once (the database locked by another writer) is retried and leaves the counter working.

Each counter is its own ``Onestop`` with its own engine, as two PCs would be. The same tests run on
PostgreSQL in test_postgres.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from helpers import actor, vn
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from onestop.db.engine import Database
from onestop.errors import PermissionDenied
from onestop.services import Applicant, DocumentSpec, DossierFilter, Onestop, ReceiveRequest


def second_counter(svc: Onestop) -> Onestop:
    other = Onestop(db=Database(str(svc.db.url)), clock=svc.ctx.clock)
    other.ctx.sync()  # it has read (and cached) the configuration already
    return other


def check_counters_agree(first: Onestop, second: Onestop) -> None:
    """What an administrator changes on ``first`` is used by ``second``'s next act."""
    admin = actor(first, "admin")
    clerk = actor(second, "tiepnhan1")
    at = vn(2026, 11, 23, 9, 0)  # Monday
    assert second.calendar.preview_due("1.004873", at).due_at == vn(2026, 11, 27, 9, 0)  # 3 days (24/11 off)

    # A procedure's time limit: 3 working days → 10.
    first.catalog.update_procedure(
        "1.004873",
        time_unit="working_days",
        time_value=10,
        cutoff=None,
        documents=[DocumentSpec("Tờ khai", "bản chính", 1, True)],
        actor=admin,
    )
    d = second.intake.receive(ReceiveRequest("1.004873", Applicant("Lê Văn An")), actor=clerk)
    assert d.due_at == vn(2026, 12, 8, 9, 0), "the second counter used the old version of the procedure"
    assert d.procedure_version == 2

    # The calendar: a day off added on the first counter moves the second counter's appointment.
    first.calendar.set_day(date(2026, 11, 24), "holiday", "Nghỉ đột xuất", actor=admin)  # already off: 24/11
    first.calendar.set_day(date(2026, 11, 25), "holiday", "Nghỉ đột xuất", actor=admin)
    preview = second.calendar.preview_due("2.000884", vn(2026, 11, 23, 16, 0))
    assert "25/11: Nghỉ đột xuất" in [s.label() for s in preview.skipped]

    # Settings: office hours.
    first.config.set_settings({"agency.office_hours": "08:00-12:00,13:30-17:30"}, actor=admin)
    assert second.calendar.preview_due("2.000815", vn(2026, 11, 23, 9, 0)).due_at == vn(2026, 11, 23, 17, 30)

    # Units and staff: a new unit is listed; an account disabled there cannot act here.
    first.catalog.add_unit(code="MOI", name="Đơn vị mới thành lập", actor=admin)
    assert "Đơn vị mới thành lập" in [u["name"] for u in second.catalog.units()]
    first.staff.set_role("tiepnhan2", "xu_ly", actor=admin)
    moved = second.staff.sign_in("tiepnhan2", "demo")
    assert moved.role == "xu_ly"
    with pytest.raises(PermissionDenied):
        second.intake.receive(ReceiveRequest("2.000815", Applicant("Lê Văn An")), actor=moved)
    first.staff.set_disabled("tiepnhan2", True, actor=admin)
    with pytest.raises(PermissionDenied):
        second.staff.sign_in("tiepnhan2", "demo")

    # The permission table.
    table = dict(first.config.settings()["permissions"])
    table["tiep_nhan"] = [a for a in table["tiep_nhan"] if a != "receive"]
    first.config.set_settings({"permissions": table}, actor=admin)
    with pytest.raises(PermissionDenied, match="tiếp nhận hồ sơ"):
        second.intake.receive(ReceiveRequest("2.000815", Applicant("Lê Văn An")), actor=clerk)
    assert first.integrity.verify().ok


def test_two_counters_on_one_sqlite_file_see_each_others_edits(agency: Onestop) -> None:
    other = second_counter(agency)
    try:
        check_counters_agree(agency, other)
    finally:
        other.db.dispose()


# --------------------------------------------------------------------------- failing once


class FailOnce:
    """Makes the next commit of an engine fail as a busy database (or a PostgreSQL serialization
    failure) would: once, after the transaction did all its work."""

    def __init__(self, db: Database, error: Callable[[], BaseException]) -> None:
        self.db = db
        self.error = error
        self.armed = False
        self.fired = 0
        event.listen(db.engine, "commit", self._commit)

    def _commit(self, conn: Any) -> None:
        if self.armed and conn.get_execution_options().get("sqlite_immediate"):  # a write (Database.write)
            self.armed = False
            self.fired += 1
            raise self.error()

    def remove(self) -> None:
        event.remove(self.db.engine, "commit", self._commit)


def sqlite_locked() -> BaseException:
    return OperationalError("COMMIT", {}, sqlite3.OperationalError("database is locked"))


@pytest.fixture
def fail_once(agency: Onestop) -> Iterator[FailOnce]:
    injector = FailOnce(agency.db, sqlite_locked)
    yield injector
    injector.remove()


def every_kind_of_write(svc: Onestop) -> dict[str, Callable[[], Any]]:
    admin, clerk = actor(svc, "admin"), actor(svc, "tiepnhan1")
    state: dict[str, Any] = {}

    def receive() -> None:
        # A procedure no dossier used yet: its printed context (snapshot) is new, written in the same
        # transaction, and must not be remembered from a transaction that rolled back.
        state["code"] = svc.intake.receive(
            ReceiveRequest("1.001612", Applicant("Phạm Thị Lan", phone="0905111222")), actor=clerk
        ).code

    def second() -> None:
        state["code2"] = svc.intake.receive(
            ReceiveRequest("1.004873", Applicant("Lê Thị Hoa")), actor=clerk
        ).code

    def failed_sign_in() -> None:
        with pytest.raises(PermissionDenied):
            svc.staff.sign_in("tiepnhan2", "sai")

    def request() -> None:
        state["request"] = svc.ratings.request(state["code"], station="quay-1", actor=clerk)

    return {
        "receive": receive,
        "receive_again": second,
        "correct": lambda: svc.intake.correct_applicant(
            state["code"], Applicant("Phạm Thị Lan", phone="0905333444"), actor=clerk
        ),
        "request_rating": request,
        "kiosk_takes": lambda: svc.ratings.next_request(kiosk="k1", station="quay-1"),
        "kiosk_rates": lambda: svc.ratings.submit(state["request"], "hai-long"),
        "paper_rating": lambda: svc.ratings.rate(state["code2"], "hai-long", actor=clerk),
        "settings": lambda: svc.config.set_settings({"agency.hotline": "0236 3000 000"}, actor=admin),
        "staff": lambda: svc.staff.create_staff(
            username="moi1",
            full_name="Nguyễn Văn Mới",
            password="mat-khau-moi",
            role="tiep_nhan",
            actor=admin,
        ),
        "disable": lambda: svc.staff.set_disabled("moi1", True, actor=admin),
        "catalog": lambda: svc.catalog.update_procedure(
            "1.004873",
            time_unit="working_days",
            time_value=5,
            cutoff=None,
            documents=[DocumentSpec("Tờ khai", "bản chính", 1, True)],
            actor=admin,
        ),
        "unit": lambda: svc.catalog.add_unit(code="MOI", name="Đơn vị mới", actor=admin),
        "calendar_year": lambda: svc.calendar.seed_year(2031, actor=admin),
        "calendar_day": lambda: svc.calendar.set_day(date(2026, 12, 31), "holiday", "Nghỉ", actor=admin),
        "failed_sign_in": failed_sign_in,
    }


def test_each_kind_of_write_failing_once_is_retried_and_the_counter_keeps_working(
    agency: Onestop, fail_once: FailOnce
) -> None:
    clerk = actor(agency, "tiepnhan1")
    for name, write in every_kind_of_write(agency).items():
        fail_once.armed = True
        write()
        assert fail_once.fired, f"{name}: no commit failed, the test proves nothing"
        fail_once.fired = 0
        fail_once.armed = False
        # The counter goes on: the next receive works and the history still verifies.
        agency.intake.receive(ReceiveRequest("1.004873", Applicant("Lê Văn Bình")), actor=clerk)
    report = agency.integrity.verify()
    assert report.ok, report.problems
    with agency.db.read() as conn:  # the failed sign-in was counted once, not twice
        assert (
            conn.exec_driver_sql("SELECT failed_logins FROM staff WHERE username = 'tiepnhan2'").scalar() == 1
        )
    rows = agency.dossiers.list_dossiers(DossierFilter(limit=1000), actor=actor(agency, "lanhdao"))
    codes = [r.code for r in rows]
    assert len(codes) == len(set(codes))
