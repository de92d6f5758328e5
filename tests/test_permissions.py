"""Who may do what, decided in the services: every role against every guarded service method.

The list of methods is not written here: it is read from the services themselves, so a new method
without a permission (or without a scenario below) fails this file. For each role × method the call
either works (the permission table allows it) or is refused with a Vietnamese message naming the act,
and then nothing at all was written to the database.
"""

from __future__ import annotations

import inspect
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers import actor, vn
from scan_samples import network_scanner_folder, page_png

from onestop.auth import DEFAULT_PERMISSIONS, STAFF_ROLES, Act, Actor, Role, allowed_acts
from onestop.clock import FixedClock
from onestop.db.engine import Database
from onestop.errors import PermissionDenied
from onestop.pages import PagePick, Source
from onestop.services import Applicant, DocumentSpec, DossierFilter, Onestop, ReceiveRequest

ROLE_ACCOUNTS = {
    Role.RECEPTION: "tiepnhan1",
    Role.PROCESSING: "xuly1",
    Role.HEAD: "lanhdao",
    Role.ADMIN: "admin",
}

# Methods that take no staff actor, each with the reason (the kiosk answers for the citizen).
UNGUARDED = {
    "staff.sign_in": "how an actor is obtained",
    "staff.count": "a number of accounts, for init and the set-up assistant",
    "staff.check_password_rule": "a rule, no data",
    "staff.first_administrator": "only on a database without accounts",
    "intake.clean_applicant": "validation, no data",
    "calendar.is_stored": "whether a year is stored",
    "ratings.next_request": "the kiosk, answering a clerk's invitation",
    "ratings.submit": "the kiosk, answering a clerk's invitation",
    "ratings.close_request": "the kiosk, answering a clerk's invitation",
    "ratings.kiosk_request_state": "the kiosk, answering a clerk's invitation",
    "integrity.verify": "anyone may check the data is intact",
    "oversight.answer": "only the directive's addressee (checked inside)",
}


def _public_methods(svc: Onestop) -> dict[str, Callable[..., Any]]:
    found = {}
    for name, service in svc.services().items():
        for attr, member in inspect.getmembers(service, inspect.ismethod):
            if not attr.startswith("_"):
                found[f"{name}.{attr}"] = member
    return found


Scenario = Callable[[Onestop, Actor, dict[str, Any]], Any]

SCENARIOS: dict[str, Scenario] = {
    "staff.list_staff": lambda s, a, c: s.staff.list_staff(actor=a),
    "staff.create_staff": lambda s, a, c: s.staff.create_staff(
        username="moi1", full_name="Nguyễn Văn Mới", password="mat-khau-moi", role="tiep_nhan", actor=a
    ),
    "staff.set_disabled": lambda s, a, c: s.staff.set_disabled("tiepnhan2", True, actor=a),
    "staff.unlock": lambda s, a, c: s.staff.unlock("tiepnhan2", actor=a),
    "staff.set_role": lambda s, a, c: s.staff.set_role("tiepnhan2", "xu_ly", actor=a),
    "staff.set_password": lambda s, a, c: s.staff.set_password("tiepnhan2", "mat-khau-moi", actor=a),
    "config.settings": lambda s, a, c: s.config.settings(),
    "config.set_settings": lambda s, a, c: s.config.set_settings(
        {"agency.hotline": "0236 3000 000"}, actor=a
    ),
    "catalog.procedure": lambda s, a, c: s.catalog.procedure("1.004873"),
    "catalog.procedures": lambda s, a, c: s.catalog.procedures(),
    "catalog.units": lambda s, a, c: s.catalog.units(),
    "catalog.import_catalog": lambda s, a, c: s.catalog.import_catalog(
        {
            "procedures": [
                {
                    "code": "9.999999",
                    "name": "Thủ tục thử",
                    "time_limit": {"unit": "working_days", "value": 2},
                    "documents": [{"name": "Tờ khai", "form": "bản chính"}],
                }
            ]
        },
        actor=a,
    ),
    "catalog.update_procedure": lambda s, a, c: s.catalog.update_procedure(
        "1.004873",
        time_unit="working_days",
        time_value=10,
        cutoff=None,
        documents=[DocumentSpec("Tờ khai", "bản chính", 1, True)],
        actor=a,
    ),
    "catalog.add_unit": lambda s, a, c: s.catalog.add_unit(code="MOI", name="Đơn vị mới", actor=a),
    "calendar.days": lambda s, a, c: s.calendar.days(2026),
    "calendar.source": lambda s, a, c: s.calendar.source(2027),
    "calendar.refresh": lambda s, a, c: s.calendar.refresh(actor=a),
    "calendar.preview_due": lambda s, a, c: s.calendar.preview_due("1.004873"),
    "calendar.seed_year": lambda s, a, c: s.calendar.seed_year(2030, actor=a),
    "calendar.set_day": lambda s, a, c: s.calendar.set_day(date(2026, 12, 31), "holiday", "Nghỉ", actor=a),
    "calendar.remove_day": lambda s, a, c: s.calendar.remove_day(date(2026, 11, 24), actor=a),
    "intake.receive": lambda s, a, c: s.intake.receive(
        ReceiveRequest("1.004873", Applicant("Trần Văn Bình")), actor=a
    ),
    "intake.correct_applicant": lambda s, a, c: s.intake.correct_applicant(
        c["code"], Applicant("Lê Văn An", phone="0905111222"), actor=a
    ),
    "papers.receipt_data": lambda s, a, c: s.papers.receipt_data(c["code"], actor=a),
    "intake.last_applicant": lambda s, a, c: s.intake.last_applicant("048090000123", actor=a),
    "intake.procedure_usage": lambda s, a, c: s.intake.procedure_usage(actor=a),
    "dossiers.dossier": lambda s, a, c: s.dossiers.dossier(c["code"], actor=a),
    "dossiers.by_id": lambda s, a, c: s.dossiers.by_id(c["id"], actor=a),
    "dossiers.find_code": lambda s, a, c: s.dossiers.find_code(c["code"], actor=a),
    "dossiers.list_dossiers": lambda s, a, c: s.dossiers.list_dossiers(DossierFilter(), actor=a),
    "ratings.scale": lambda s, a, c: s.ratings.scale(),
    "ratings.count": lambda s, a, c: s.ratings.count(date(2026, 11, 1), date(2026, 11, 30)),
    "ratings.rate": lambda s, a, c: s.ratings.rate(c["code"], "hai-long", actor=a),
    "ratings.request": lambda s, a, c: s.ratings.request(c["code"], station="quay-2", actor=a),
    "ratings.request_state": lambda s, a, c: s.ratings.request_state(c["request"], actor=a),
    "ratings.cancel_request": lambda s, a, c: s.ratings.cancel_request(c["request"], actor=a),
    "ratings.summary": lambda s, a, c: s.ratings.summary(actor=a),
    "integrity.anchor": lambda s, a, c: s.integrity.anchor(actor=a),
    "catalog.procedure_by_id": lambda s, a, c: s.catalog.procedure_by_id(1),
    "catalog.units_by_code": lambda s, a, c: s.catalog.units_by_code(),
    "catalog.set_unit_time": lambda s, a, c: s.catalog.set_unit_time("CAP", 16, actor=a),
    "catalog.close_unit": lambda s, a, c: s.catalog.close_unit("KTHTDT", actor=a),
    "catalog.rename_unit": lambda s, a, c: s.catalog.rename_unit(
        "KTHTDT", new_code="KT", new_name="Phòng Kinh tế", actor=a
    ),
    "reports.period": lambda s, a, c: s.reports.period(date(2026, 11, 1), date(2026, 11, 30)),
    "reports.report": lambda s, a, c: s.reports.report(date(2026, 11, 1), date(2026, 11, 30), actor=a),
    "reports.dossiers_behind": lambda s, a, c: s.reports.dossiers_behind(
        date(2026, 11, 1), date(2026, 11, 30), "received", actor=a
    ),
    "reports.register": lambda s, a, c: list(
        s.reports.register(date(2026, 11, 1), date(2026, 11, 30), anchor="1:" + "0" * 64, actor=a).rows
    ),
    "oversight.direct": lambda s, a, c: s.oversight.direct(
        c["code"], to_user="xuly1", text="Giải quyết ngay", actor=a
    ),
    "oversight.waiting_for": lambda s, a, c: s.oversight.waiting_for(actor=a),
    "oversight.addressees": lambda s, a, c: s.oversight.addressees(c["code"], actor=a),
    "oversight.on_dossier": lambda s, a, c: s.oversight.on_dossier(c["code"], actor=a),
    "papers.form": lambda s, a, c: s.papers.form(c["code"], "06", actor=a),
    "papers.guidance_at_counter": lambda s, a, c: s.papers.guidance_at_counter(
        "1.004873", Applicant("Lê Văn An"), [("Tờ khai", "Chưa ký")], actor=a
    ),
    "worklists.work_list": lambda s, a, c: s.worklists.work_list("urgent", actor=a),
    "worklists.board_counts": lambda s, a, c: s.worklists.board_counts(actor=a),
    "lifecycle.next_steps": lambda s, a, c: s.lifecycle.next_steps(c["code"], actor=a),
    "lifecycle.transfer": lambda s, a, c: s.lifecycle.transfer(c["code"], actor=a),
    "lifecycle.take": lambda s, a, c: s.lifecycle.take(c["processing"], actor=a),
    "lifecycle.supplement": lambda s, a, c: s.lifecycle.supplement(c["processing"], note="Thiếu", actor=a),
    "lifecycle.resume": lambda s, a, c: s.lifecycle.resume(c["waiting"], actor=a),
    "lifecycle.result": lambda s, a, c: s.lifecycle.result(c["processing"], actor=a),
    "lifecycle.return_result": lambda s, a, c: s.lifecycle.return_result(c["ready"], actor=a),
    "lifecycle.refuse": lambda s, a, c: s.lifecycle.refuse(c["code"], reason="Không đủ điều kiện", actor=a),
    "lifecycle.stop": lambda s, a, c: s.lifecycle.stop(c["processing"], reason="Theo đề nghị", actor=a),
    "lifecycle.withdraw": lambda s, a, c: s.lifecycle.withdraw(c["code"], actor=a),
    "lifecycle.extend": lambda s, a, c: s.lifecycle.extend(
        c["code"], due=vn(2026, 12, 31, 17, 0), reason="Cần xác minh", actor=a
    ),
    "digitisation.attach": lambda s, a, c: s.digitisation.attach(
        c["code"], [Source("trang.png", page_png())], document=1, actor=a
    ),
    "digitisation.scan": lambda s, a, c: s.digitisation.scan(
        c["code"], document=1, device=f"folder:{network_scanner_folder(s.db.sqlite_path.parent)}", actor=a
    ),
    "digitisation.devices": lambda s, a, c: s.digitisation.devices(device="folder:/tmp", actor=a),
    "digitisation.scan_pages": lambda s, a, c: s.digitisation.scan_pages(
        _folder(s.db.sqlite_path.parent / "trang-quet"),
        device=f"folder:{network_scanner_folder(s.db.sqlite_path.parent)}",
        actor=a,
    ),
    "digitisation.prepare": lambda s, a, c: s.digitisation.prepare(
        [Source("trang.png", page_png())], actor=a
    ),
    "digitisation.arrange": lambda s, a, c: s.digitisation.arrange(
        [PagePick(_one_page_pdf(), 0, 90)], actor=a
    ),
    "digitisation.attachments": lambda s, a, c: s.digitisation.attachments(c["earlier"], actor=a),
    "digitisation.pdf": lambda s, a, c: s.digitisation.pdf(c["earlier"], document=1, actor=a),
    "digitisation.thumbnails": lambda s, a, c: s.digitisation.thumbnails(c["earlier"], document=1, actor=a),
    "digitisation.reusable": lambda s, a, c: s.digitisation.reusable(
        "048090000123", s.catalog.procedure("1.004873").documents, actor=a
    ),
    "digitisation.reuse": lambda s, a, c: s.digitisation.reuse(c["code"], 1, c["attachment"], actor=a),
}


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _one_page_pdf() -> bytes:
    from onestop import pages

    return pages.build([Source("trang.png", page_png())], pages.Rules()).pdf


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The demo agency with one dossier and one waiting rating invitation."""
    from onestop.db.migrate import ensure_schema
    from onestop.demo import run_demo

    path = tmp_path_factory.mktemp("permissions") / "template.db"
    db = Database(f"sqlite:///{path}")
    ensure_schema(db)
    svc = Onestop(db=db, clock=FixedClock(vn(2026, 11, 23, 9, 0)))
    list(run_demo(svc, dossiers=0))
    clerk = actor(svc, "tiepnhan1")
    earlier = svc.intake.receive(
        ReceiveRequest("1.004873", Applicant("Lê Văn An", "048090000123")), actor=clerk
    ).code
    scanned = svc.digitisation.attach(earlier, [Source("trang.png", page_png())], document=1, actor=clerk)
    d = svc.intake.receive(ReceiveRequest("1.004873", Applicant("Lê Văn An", "048090000123")), actor=clerk)
    request = svc.ratings.request(d.code, station="quay-1", actor=clerk)
    head = actor(svc, "lanhdao")
    codes = {}
    for name, steps in (
        ("processing", ["transfer"]),
        ("waiting", ["transfer", "supplement"]),
        ("ready", ["transfer", "result"]),
    ):
        code = svc.intake.receive(ReceiveRequest("1.004873", Applicant("Trần Thị Bình")), actor=clerk).code
        for step in steps:
            if step == "supplement":
                svc.lifecycle.supplement(code, note="Thiếu giấy tờ", actor=head)
            else:
                getattr(svc.lifecycle, step)(code, actor=head)
        codes[name] = code
    db.dispose()
    return path, {
        "code": d.code,
        "id": d.id,
        "request": request,
        "earlier": earlier,
        "attachment": scanned.id,
        **codes,
    }


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with closing(sqlite3.connect(path)) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'dossiers_fts%'"
            )
        ]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def test_every_public_service_method_is_guarded_or_says_why_not(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    svc = Onestop(db=db)
    missing = []
    for name, method in _public_methods(svc).items():
        if name in UNGUARDED:
            continue
        if not hasattr(method, "required_act"):
            missing.append(f"{name}: neither @requires nor @public")
        elif name not in SCENARIOS:
            missing.append(f"{name}: no scenario in this file")
    assert not missing, "\n".join(missing)
    assert set(SCENARIOS) <= set(_public_methods(svc)), "a scenario names a method that is gone"


def _cases() -> list[Any]:
    return [pytest.param(role, name, id=f"{role.value}-{name}") for role in STAFF_ROLES for name in SCENARIOS]


@pytest.mark.parametrize(("role", "method"), _cases())
def test_role_against_method(
    role: Role, method: str, template: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    path = tmp_path / "onestop.db"
    shutil.copy(template[0], path)
    context = template[1]
    db = Database(f"sqlite:///{path}")
    svc = Onestop(db=db, clock=FixedClock(vn(2026, 11, 23, 10, 0)))
    who = actor(svc, ROLE_ACCOUNTS[role])
    bound = _public_methods(svc)[method]
    act: Act | None = bound.required_act  # type: ignore[attr-defined]
    allowed = act is None or act in allowed_acts(role, DEFAULT_PERMISSIONS)
    before = _rows(path)
    try:
        if allowed:
            SCENARIOS[method](svc, who, context)
            assert svc.integrity.verify().ok, "an allowed change must stay under the chain"
        else:
            with pytest.raises(PermissionDenied) as refused:
                SCENARIOS[method](svc, who, context)
            message = refused.value.message
            assert act is not None and act.label in message and "không có quyền" in message, message
            assert f"({act.value})" not in message and "permission" not in message.lower(), message
            db.dispose()
            assert _rows(path) == before, f"{role.value} was refused {method} but something was written"
    finally:
        db.dispose()


def test_anyone_may_change_their_own_password_but_not_anothers(agency: Onestop) -> None:
    clerk = actor(agency, "tiepnhan1")
    agency.staff.set_password("tiepnhan1", "mat-khau-moi", actor=clerk)
    assert agency.staff.sign_in("tiepnhan1", "mat-khau-moi").username == "tiepnhan1"
    with pytest.raises(PermissionDenied, match="quản lý tài khoản"):
        agency.staff.set_password("tiepnhan2", "mat-khau-moi", actor=clerk)


def test_a_missing_actor_is_a_programming_error_not_the_system(agency: Onestop) -> None:
    with pytest.raises(TypeError):
        agency.config.set_settings({"agency.hotline": "1"})  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        agency.config.set_settings({"agency.hotline": "1"}, actor=None)  # type: ignore[arg-type]


def test_the_system_actor_runs_the_agency_but_takes_no_step_of_a_dossier(agency: Onestop) -> None:
    system = agency.ctx.system_actor()
    with pytest.raises(PermissionDenied):
        agency.intake.receive(ReceiveRequest("1.004873", Applicant("Lê Văn An")), actor=system)
    with pytest.raises(PermissionDenied):
        agency.dossiers.list_dossiers(DossierFilter(), actor=system)
    with pytest.raises(PermissionDenied):
        agency.staff.sign_in("he-thong", "")


def test_the_permission_table_is_a_setting_the_services_obey(agency: Onestop) -> None:
    head = actor(agency, "lanhdao")
    clerk = actor(agency, "tiepnhan1")
    table = {k: list(v) for k, v in DEFAULT_PERMISSIONS.items()}
    table["tiep_nhan"].remove("receive")
    agency.config.set_settings({"permissions": table}, actor=actor(agency, "admin"))
    with pytest.raises(PermissionDenied, match="tiếp nhận hồ sơ"):
        agency.intake.receive(ReceiveRequest("1.004873", Applicant("Lê Văn An")), actor=clerk)
    agency.intake.receive(ReceiveRequest("1.004873", Applicant("Lê Văn An")), actor=head)  # "*": every step
    assert Act.RECEIVE not in agency.permissions(clerk)
    # An administrator can never lose the right to mend the table.
    table["quan_tri"] = []
    agency.config.set_settings({"permissions": table}, actor=actor(agency, "admin"))
    assert Act.MANAGE_SETTINGS in agency.permissions(actor(agency, "admin"))
