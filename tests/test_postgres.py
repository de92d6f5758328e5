"""The same services on PostgreSQL: several counters share one server through the same code."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import actor, viewer, vn
from pg_server import create_database, postgres_server

from onestop.clock import FixedClock
from onestop.db import migrate
from onestop.db.engine import Database
from onestop.services import Applicant, DossierFilter, Onestop, ReceiveRequest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pg_admin() -> Iterator[str]:
    with postgres_server() as prefix:
        if prefix is None:
            pytest.skip("PostgreSQL is not installed (Debian package postgresql)")
        yield prefix


@pytest.fixture
def pg_url(pg_admin: str) -> str:
    return create_database(pg_admin, "t_" + uuid.uuid4().hex[:12])


@pytest.fixture
def pg_agency(pg_url: str) -> Iterator[Onestop]:
    from onestop.demo import run_demo

    db = Database(pg_url)
    migrate.ensure_schema(db)
    svc = Onestop(db=db, clock=FixedClock(vn(2026, 11, 23, 9, 0)))
    list(run_demo(svc, dossiers=0))
    yield svc
    db.dispose()


def test_schema_upgrades_and_downgrades_on_postgres(pg_url: str) -> None:
    db = Database(pg_url)
    assert migrate.ensure_schema(db) is True
    assert migrate.ensure_schema(db) is False
    with pytest.raises(RuntimeError, match="cannot be undone"):
        migrate.downgrade(db, "0002")
    db.dispose()


def test_older_schemas_go_down_and_up_again_on_postgres(pg_url: str) -> None:
    db = Database(pg_url)
    migrate.upgrade(db, "0002")
    migrate.downgrade(db, "base")
    migrate.upgrade(db)
    assert migrate.ensure_schema(db) is False
    db.dispose()


def test_receive_search_receipt_and_verify_on_postgres(pg_agency: Onestop) -> None:
    d = pg_agency.intake.receive(
        ReceiveRequest("2.000815", Applicant("Đặng Văn Đức", "048090001234", "0905123456")),
        actor=actor(pg_agency, "tiepnhan1"),
    )
    assert d.code == "H17.50.05.13-261123-0001"
    assert d.due_at == vn(2026, 11, 23, 17, 0)
    assert [
        r.code
        for r in pg_agency.dossiers.list_dossiers(
            DossierFilter(search="dang van duc"), actor=viewer(pg_agency)
        )
    ] == [d.code]
    assert pg_agency.papers.receipt_data(d.code, actor=viewer(pg_agency)).applicant_name == "Đặng Văn Đức"
    assert pg_agency.dossiers.dossier(d.code, actor=viewer(pg_agency)).events[0].action == "receive"
    assert pg_agency.integrity.verify().ok


def test_history_is_append_only_on_postgres(pg_agency: Onestop) -> None:
    import psycopg

    pg_agency.intake.receive(
        ReceiveRequest("2.000815", Applicant("Lê Văn An")), actor=actor(pg_agency, "tiepnhan1")
    )
    dsn = pg_agency.db.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as conn, pytest.raises(psycopg.errors.RaiseException, match="append-only"):
        conn.execute("UPDATE events SET note = 'x'")


def test_demo_history_verifies_and_live_numbering_continues(pg_agency: Onestop) -> None:
    from onestop.demo import generate_dossiers

    assert generate_dossiers(pg_agency, count=300, seed=7) == 300
    assert pg_agency.integrity.verify().ok
    d = pg_agency.intake.receive(
        ReceiveRequest("2.000815", Applicant("Lê Văn An")), actor=actor(pg_agency, "tiepnhan1")
    )
    assert (
        pg_agency.dossiers.dossier(d.code, actor=viewer(pg_agency)).code == d.code
    )  # the id serial moved past the bulk rows


def test_counters_receiving_at_once_get_gapless_codes_on_postgres(pg_agency: Onestop, tmp_path: Path) -> None:
    url = pg_agency.db.url.render_as_string(hide_password=False)
    script = (
        "import sys, json\n"
        "from onestop.app import open_services\n"
        "from onestop.services import Applicant, ReceiveRequest\n"
        "svc = open_services(sys.argv[1])\n"
        "actor = svc.staff.sign_in('tiepnhan1', 'demo')\n"
        "codes = [svc.intake.receive(ReceiveRequest('2.000815', Applicant('Lê Văn An')), actor=actor).code for _ in range(15)]\n"
        "print(json.dumps(codes))\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, url], stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    codes = [c for p in procs for c in json.loads(p.communicate(timeout=120)[0])]
    assert all(p.returncode == 0 for p in procs)
    assert len(codes) == len(set(codes)) == 60
    by_day: dict[str, list[int]] = {}
    for code in codes:
        prefix, number = code.rsplit("-", 1)
        by_day.setdefault(prefix, []).append(int(number))
    for numbers in by_day.values():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))
    assert pg_agency.integrity.verify().ok


def test_two_counters_on_one_server_see_each_others_edits(pg_agency: Onestop) -> None:
    from test_counters import check_counters_agree, second_counter

    other = second_counter(pg_agency)
    try:
        check_counters_agree(pg_agency, other)
    finally:
        other.db.dispose()


def test_each_kind_of_write_failing_once_with_a_serialization_failure_is_retried(pg_agency: Onestop) -> None:
    import psycopg
    from sqlalchemy.exc import OperationalError
    from test_counters import FailOnce, every_kind_of_write

    def serialization_failure() -> BaseException:
        return OperationalError(
            "COMMIT",
            {},
            psycopg.errors.SerializationFailure("could not serialize access due to concurrent update"),
        )

    injector = FailOnce(pg_agency.db, serialization_failure)
    clerk = actor(pg_agency, "tiepnhan1")
    try:
        for name, write in every_kind_of_write(pg_agency).items():
            injector.armed = True
            write()
            assert injector.fired, f"{name}: no commit failed"
            injector.fired = 0
            injector.armed = False
            pg_agency.intake.receive(ReceiveRequest("1.004873", Applicant("Lê Văn Bình")), actor=clerk)
    finally:
        injector.remove()
    assert pg_agency.integrity.verify().ok


def test_two_people_rating_the_same_service_at_once_get_one_clear_refusal(pg_agency: Onestop) -> None:
    """The unique key decides between two counters entering the same paper form at the same moment."""
    import threading

    from onestop.errors import ValidationError

    clerk = actor(pg_agency, "tiepnhan1")
    code = pg_agency.intake.receive(ReceiveRequest("2.000815", Applicant("Lê Văn An")), actor=clerk).code
    counters = [Onestop(db=Database(str(pg_agency.db.url)), clock=pg_agency.ctx.clock) for _ in range(4)]
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def rate(svc: Onestop) -> None:
        barrier.wait()
        try:
            svc.ratings.rate(code, "hai-long", actor=clerk)
            outcomes.append("ok")
        except ValidationError as exc:
            outcomes.append(exc.message)

    threads = [threading.Thread(target=rate, args=(svc,)) for svc in counters]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for svc in counters:
        svc.db.dispose()
    assert outcomes.count("ok") == 1
    assert all("đã được đánh giá" in o for o in outcomes if o != "ok"), outcomes


def test_scans_are_stored_once_reused_and_verified_on_postgres(pg_agency: Onestop) -> None:
    """bytea, stored out of line; verify streams the files through a server-side cursor."""
    import psycopg
    from scan_samples import page_png, text_pdf

    from onestop.pages import Source

    clerk = actor(pg_agency, "tiepnhan1")
    earlier, later = (
        pg_agency.intake.receive(
            ReceiveRequest("1.001193", Applicant("Lê Văn An", "048090000123")), actor=clerk
        ).code
        for _ in range(2)
    )
    scanned = pg_agency.digitisation.attach(
        earlier, [Source("a.png", page_png()), Source("b.pdf", text_pdf(1))], document=1, actor=clerk
    )
    offered = pg_agency.digitisation.reusable(
        "048090000123", ["Tờ khai đăng ký khai sinh theo mẫu"], actor=clerk
    )
    assert [c.attachment_id for c in offered] == [scanned.id]
    pg_agency.digitisation.reuse(later, 1, scanned.id, actor=clerk)
    assert pg_agency.digitisation.pdf(later, document=1, actor=viewer(pg_agency))[:5] == b"%PDF-"
    assert pg_agency.integrity.verify().ok
    dsn = pg_agency.db.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as conn:
        storage = conn.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = 'files'::regclass AND attname = 'data'"
        ).fetchone()
        assert storage == ("e",)  # external: out of line, never compressed again
        conn.execute("UPDATE files SET data = data || '\\x00'::bytea")
    problems = pg_agency.integrity.verify().problems
    assert any("đã bị sửa ngoài chương trình" in p and earlier in p and later in p for p in problems), (
        problems
    )


def test_work_lists_page_in_due_order_on_postgres(pg_agency: Onestop) -> None:
    clerk, head = actor(pg_agency, "tiepnhan1"), viewer(pg_agency)
    made = []
    for name, procedure in (
        ("Lê Văn An", "1.004873"),
        ("Trần Thị Bình", "2.000815"),
        ("Ngô Văn Chi", "1.004873"),
    ):
        code = pg_agency.intake.receive(ReceiveRequest(procedure, Applicant(name)), actor=clerk).code
        pg_agency.lifecycle.transfer(code, actor=clerk)
        made.append(code)
    pg_agency.lifecycle.extend(made[2], due=vn(2026, 12, 4, 17, 0), reason="Cần xác minh", actor=head)
    first = pg_agency.worklists.work_list("mine", limit=2, actor=head)
    rest = pg_agency.worklists.work_list("mine", after=first.after, limit=2, actor=head)
    assert [r.code for r in first.rows + rest.rows] == [made[1], made[0], made[2]]
    assert first.has_more and not rest.has_more
    urgent = pg_agency.worklists.work_list("urgent", actor=head)
    assert [r.code for r in urgent.rows] == [made[1]]  # due today; the others in days
    assert urgent.rows[0].unit == "Công chức Tư pháp - Hộ tịch"


def test_the_period_report_equals_the_reference_on_postgres(pg_agency: Onestop) -> None:
    """The report's listed keys, expanding lists and boolean lists work on PostgreSQL too, and give
    the reference's figures (tests/reports_reference.py); the order of equal counts of reasons is
    the only thing PostgreSQL's grouping leaves open, so reasons compare as a set."""
    from datetime import date

    from reports_reference import ReferenceReport

    from onestop.demo import generate_dossiers

    generate_dossiers(pg_agency, count=800, seed=11)
    reference = ReferenceReport(pg_agency.ctx, pg_agency.ratings)
    head = actor(pg_agency, "lanhdao")
    for first, last in ((date(2026, 1, 1), date(2026, 12, 31)), (date(2026, 10, 1), date(2026, 10, 31))):
        got = json.loads(json.dumps(pg_agency.reports.report(first, last, actor=head), default=str))
        want = json.loads(json.dumps(reference.report(first, last), default=str))
        assert got["received"] > 0
        for row in (got, want):
            row["reasons"] = sorted(row["reasons"], key=lambda r: r["reason"])
            row["by_clerk"] = sorted(row["by_clerk"], key=lambda r: r["user"])
        assert got == want


def test_the_tallies_and_the_steps_on_postgres(pg_agency: Onestop, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tallies (upserts, the window over handovers, the verdict read from the JSON of the
    history) kept on PostgreSQL equal their recount, verify recounts them, and the report counting
    the rows says the same."""
    from datetime import date

    from onestop.db import tally
    from onestop.demo import generate_dossiers

    svc = pg_agency
    generate_dossiers(svc, count=300, seed=5)
    admin, clerk, officer = actor(svc, "admin"), actor(svc, "tiepnhan1"), actor(svc, "xuly1")
    svc.catalog.set_unit_time("TTPVHCC", 4, actor=admin)
    code = svc.intake.receive(ReceiveRequest("1.004873", Applicant("Nguyễn Văn An")), actor=clerk).code
    svc.lifecycle.transfer(code, actor=clerk)
    svc.lifecycle.result(code, actor=officer)
    svc.lifecycle.return_result(code, actor=clerk)
    svc.ratings.rate(code, "hai-long", event="return", actor=clerk)
    with svc.db.read() as conn:
        for table in tally.TABLES:
            stored = sorted(tuple(r) for r in tally.stored(conn, table))
            assert stored == sorted(tuple(r) for r in tally.recount(conn, table)), table
            assert stored, table
    assert svc.integrity.verify().ok
    head = actor(svc, "lanhdao")
    year = (date(2026, 1, 1), date(2026, 12, 31))
    fast = svc.reports.report(*year, actor=head)
    monkeypatch.setattr(tally, "period_days", lambda *_: None)
    slow = svc.reports.report(*year, actor=head)
    assert fast["by_step"] == slow["by_step"] and any(s["judged"] for s in fast["by_step"])
    assert fast["received"] == slow["received"] > 300
