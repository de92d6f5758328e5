"""Receiving a dossier through the service, against a real SQLite file."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers import VN, actor, system, viewer, vn

from onestop.clock import FixedClock
from onestop.errors import NotFoundError, PermissionDenied, ValidationError
from onestop.services import Applicant, DossierFilter, Onestop, ReceiveRequest, SubmittedDocument


def _count(db_path: Path, table: str) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _receive(svc: Onestop, name: str = "Nguyễn Thị Thủy", procedure: str = "2.000815", **kw: object):
    return svc.intake.receive(
        ReceiveRequest(procedure_code=procedure, applicant=Applicant(name, **kw)),  # type: ignore[arg-type]
        actor=actor(svc, "tiepnhan1"),
    )


def test_received_dossier_gets_unit_date_and_daily_number_code(agency: Onestop) -> None:
    d = _receive(agency)
    assert d.code == "H17.50.05.13-261123-0001"
    assert d.status == "received"
    assert d.received_by == "tiepnhan1"
    assert d.received_at == vn(2026, 11, 23, 9, 0)
    # 2.000815 is same-day with a 15:00 cut-off: due at the day's closing.
    assert d.due_at == vn(2026, 11, 23, 17, 0)
    assert [e.action for e in d.events] == ["receive"]
    assert d.register_volume == "2026" and d.register_number == 1


def test_numbers_follow_each_other_and_restart_the_next_day(agency: Onestop, clock: FixedClock) -> None:
    codes = [_receive(agency).code for _ in range(3)]
    assert [c[-4:] for c in codes] == ["0001", "0002", "0003"]
    clock.advance(timedelta(days=2))  # Wednesday (Tuesday 24/11 is a holiday, but the date is what counts)
    nxt = _receive(agency)
    assert nxt.code == "H17.50.05.13-261125-0001"
    # The register number does not restart: it counts the whole volume (the year).
    assert nxt.register_number == 4


def test_code_uses_the_agency_date_not_utc(agency: Onestop, clock: FixedClock) -> None:
    clock.at = vn(2026, 11, 25, 6, 30)  # 23:30 UTC the day before
    d = _receive(agency)
    assert re.fullmatch(r"H17\.50\.05\.13-261125-\d{4}", d.code)


def test_after_cutoff_same_day_procedure_skips_the_holiday(agency: Onestop, clock: FixedClock) -> None:
    clock.at = vn(2026, 11, 23, 15, 1)
    d = _receive(agency)
    assert d.due_at == vn(2026, 11, 25, 17, 0)  # 24/11 is Ngày Văn hóa Việt Nam


def test_applicant_data_is_cleaned_and_searchable(agency: Onestop) -> None:
    d = _receive(agency, name="  Đặng   Văn Đức ", id_number="048 090 001 234", phone="+84905123456")
    assert d.applicant.name == "Đặng Văn Đức"
    assert d.applicant.id_number == "048090001234"
    assert d.applicant.phone == "0905123456"
    for query in (
        "dang van duc",
        "Đặng Đức",
        "0905123456",
        "+84905123456",
        "048090001234",
        d.code,
        "duc dang",
    ):
        found = agency.dossiers.list_dossiers(DossierFilter(search=query), actor=viewer(agency))
        assert [r.code for r in found] == [d.code], query


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": "Nguyễn Văn 3"}, "name"),
        ({"id_number": "12345678901"}, "id_number"),
        ({"phone": "12345"}, "phone"),
        ({"email": "not-an-email"}, "email"),
    ],
)
def test_invalid_applicant_writes_nothing(agency: Onestop, db_path: Path, kwargs: dict, field: str) -> None:
    before = {t: _count(db_path, t) for t in ("dossiers", "events", "sequences", "receipt_versions")}
    with pytest.raises(ValidationError) as err:
        _receive(agency, **kwargs)
    assert err.value.field == field
    assert {t: _count(db_path, t) for t in before} == before


def test_unknown_procedure_is_refused(agency: Onestop) -> None:
    with pytest.raises(NotFoundError, match="Thủ tục"):
        _receive(agency, procedure="9.999999")


def test_missing_required_document_is_named(agency: Onestop) -> None:
    with pytest.raises(ValidationError) as err:
        agency.intake.receive(
            ReceiveRequest(
                procedure_code="2.000884",
                applicant=Applicant("Lê Văn An"),
                documents=[SubmittedDocument("Giấy tờ, văn bản mà người yêu cầu sẽ ký", "bản chính", 1)],
            ),
            actor=actor(agency, "tiepnhan1"),
        )
    assert "Giấy tờ tùy thân" in err.value.message


def test_processing_officer_may_not_receive(agency: Onestop) -> None:
    with pytest.raises(PermissionDenied):
        agency.intake.receive(
            ReceiveRequest("2.000815", Applicant("Lê Văn An")), actor=actor(agency, "xuly1")
        )


def test_failed_transaction_gives_its_number_back(agency: Onestop, db_path: Path) -> None:
    first = _receive(agency)
    # Break the insert of the event (the last statement) once: everything before it must roll back.
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "CREATE TRIGGER fail_once BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'boom'); END"
        )
    with pytest.raises(Exception, match="boom"):
        _receive(agency)
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TRIGGER fail_once")
    second = _receive(agency)
    assert int(second.code[-4:]) == int(first.code[-4:]) + 1
    assert _count(db_path, "dossiers") == 2


def test_correction_keeps_the_code_and_the_old_receipt(agency: Onestop, clock: FixedClock) -> None:
    d = _receive(agency, phone="0905123456", address="12 Âu Cơ")
    clock.advance(timedelta(minutes=5))
    fixed = agency.intake.correct_applicant(
        d.code,
        Applicant(d.applicant.name, phone="0905999888", address="14 Âu Cơ"),
        actor=actor(agency, "tiepnhan1"),
        note="Sai số điện thoại",
    )
    assert fixed.code == d.code
    assert fixed.receipt_version == 2
    assert agency.papers.receipt_data(d.code, actor=viewer(agency)).phone == "0905999888"
    assert agency.papers.receipt_data(d.code, version=1, actor=viewer(agency)).phone == "0905123456"
    assert [e.action for e in fixed.events] == ["receive", "correct"]
    assert (
        agency.dossiers.list_dossiers(DossierFilter(search="0905999888"), actor=viewer(agency))[0].code
        == d.code
    )
    assert agency.dossiers.list_dossiers(DossierFilter(search="0905123456"), actor=viewer(agency)) == []


def test_receipt_keeps_the_agency_name_it_was_printed_with(agency: Onestop) -> None:
    d = _receive(agency)
    agency.config.set_settings({"agency.parent_name": "UBND PHƯỜNG HẢI VÂN"}, actor=system(agency))
    assert (
        agency.papers.receipt_data(d.code, actor=viewer(agency)).header.parent_agency
        == "UBND PHƯỜNG LIÊN CHIỂU"
    )
    assert (
        agency.papers.receipt_data(_receive(agency).code, actor=viewer(agency)).header.parent_agency
        == "UBND PHƯỜNG HẢI VÂN"
    )


def test_procedure_edit_makes_a_new_version_and_old_dossiers_keep_theirs(agency: Onestop) -> None:
    from onestop.res import load_json

    d = _receive(agency, procedure="1.004873")
    catalog = load_json("data", "procedures.json")
    changed = [dict(p) for p in catalog["procedures"] if p["code"] == "1.004873"]
    changed[0]["time_limit"] = {"unit": "working_days", "value": 2, "cutoff": None}
    assert agency.catalog.import_catalog({"procedures": changed}, actor=system(agency)) == 1
    assert agency.catalog.procedure("1.004873").version == 2
    assert agency.dossiers.dossier(d.code, actor=viewer(agency)).procedure_version == 1
    assert (
        agency.catalog.import_catalog({"procedures": changed}, actor=system(agency)) == 0
    )  # unchanged: no new version


def test_list_pages_newest_first_with_limit_and_dates(agency: Onestop, clock: FixedClock) -> None:
    for day in (23, 25, 26):
        clock.at = vn(2026, 11, day, 9, 0)
        _receive(agency)
        _receive(agency)
    rows = agency.dossiers.list_dossiers(DossierFilter(limit=4), actor=viewer(agency))
    assert [r.received_at.day for r in rows] == [26, 26, 25, 25]
    assert rows[0].code > rows[1].code
    from datetime import date

    only = agency.dossiers.list_dossiers(
        DossierFilter(date_from=date(2026, 11, 25), date_to=date(2026, 11, 25)), actor=viewer(agency)
    )
    assert {r.received_at.day for r in only} == {25} and len(only) == 2
    older = agency.dossiers.list_dossiers(
        DossierFilter(before=(rows[-1].received_at, rows[-1].id), limit=10), actor=viewer(agency)
    )
    assert len(older) == 2


def test_a_disabled_account_cannot_sign_in(agency: Onestop) -> None:
    assert agency.staff.sign_in("tiepnhan2", "demo").username == "tiepnhan2"
    agency.staff.set_disabled("tiepnhan2", True, actor=actor(agency, "admin"))
    with pytest.raises(PermissionDenied, match="khóa"):
        agency.staff.sign_in("tiepnhan2", "demo")


def test_authentication_does_not_say_which_part_was_wrong(agency: Onestop) -> None:
    assert agency.staff.sign_in("tiepnhan1", "demo").full_name == "Nguyễn Thị Thu Hà"
    with pytest.raises(PermissionDenied) as wrong_pw:
        agency.staff.sign_in("tiepnhan1", "sai")
    with pytest.raises(PermissionDenied) as wrong_user:
        agency.staff.sign_in("khongco", "demo")
    assert wrong_pw.value.message.replace("tiepnhan1", "khongco") == wrong_user.value.message


def test_calendar_is_seeded_per_year_and_edits_move_the_appointment(agency: Onestop) -> None:
    from datetime import date

    days = {d.date: d for d in agency.calendar.days(2026)}
    assert days[date(2026, 11, 24)].name == "Ngày Văn hóa Việt Nam"
    assert days[date(2026, 8, 22)].kind == "working_saturday"
    # A year nobody stored is computed from the official sources (2031: Tết falls in January).
    assert any("Tết" in d.name for d in agency.calendar.days(2031))

    at = vn(2026, 11, 25, 16, 0)  # Wednesday, after the 15:00 cut-off: due Thursday 17:00
    assert agency.calendar.preview_due("2.000815", at).due_at == vn(2026, 11, 26, 17, 0)
    agency.calendar.set_day(date(2026, 11, 26), "holiday", "Nghỉ đột xuất", actor=system(agency))
    preview = agency.calendar.preview_due("2.000815", at)
    assert preview.due_at == vn(2026, 11, 27, 17, 0)
    assert [s.label() for s in preview.skipped] == ["26/11: Nghỉ đột xuất"]
    agency.calendar.remove_day(date(2026, 11, 26), actor=system(agency))
    assert agency.calendar.preview_due("2.000815", at).due_at == vn(2026, 11, 26, 17, 0)
    # A working Saturday added by a notice counts as a working day.
    at_friday = vn(2026, 11, 27, 16, 0)
    assert agency.calendar.preview_due("2.000815", at_friday).due_at == vn(2026, 11, 30, 17, 0)
    agency.calendar.set_day(date(2026, 11, 28), "working_saturday", "Làm bù", actor=system(agency))
    assert agency.calendar.preview_due("2.000815", at_friday).due_at == vn(2026, 11, 28, 17, 0)


def test_settings_are_typed_checked_and_shared(agency: Onestop, db_path: Path) -> None:
    from onestop.services import Onestop as Service

    with pytest.raises(ValidationError, match="Múi giờ"):
        agency.config.set_settings({"agency.time_zone": "Mars/Olympus"}, actor=system(agency))
    with pytest.raises(ValidationError, match="Mã định danh"):
        agency.config.set_settings({"agency.unit_identifier": "Hà Nội"}, actor=system(agency))
    with pytest.raises(ValidationError, match="Giờ làm việc"):
        agency.config.set_settings({"agency.office_hours": "17:00-07:00"}, actor=system(agency))
    agency.config.set_settings({"agency.office_hours": "08:00-12:00,13:30-17:30"}, actor=system(agency))
    other_counter = Service(db=agency.db, clock=agency.ctx.clock)
    assert other_counter.config.settings()["agency.office_hours"] == "08:00-12:00,13:30-17:30"
    assert other_counter.calendar.preview_due("2.000815", vn(2026, 11, 23, 9, 0)).due_at == vn(
        2026, 11, 23, 17, 30
    )


def test_demo_appointments_match_the_calendar(agency: Onestop) -> None:
    """The demo generator's cached appointments equal the calendar's, moment by moment."""
    import random

    from onestop.demo import _Dues

    cal = agency.ctx.calendar()
    dues = _Dues(cal)
    rng = random.Random(3)
    from onestop.worktime import TimeLimit

    procs = [
        agency.catalog.procedure(code).limit for code in ("2.000815", "1.004873", "1.004222", "1.001193")
    ]
    procs += [TimeLimit("same_day"), TimeLimit("working_hours", 4)]  # no cut-off; hours
    start = int(vn(2025, 12, 15, 0, 0).timestamp())
    for _ in range(4000):
        at = start + rng.randrange(0, 120 * 86_400)
        at -= at % 60 if rng.random() < 0.3 else 0  # whole minutes too, session starts among them
        limit = rng.choice(procs)
        moment = datetime.fromtimestamp(at, VN)
        expected = int(cal.appointment(limit, moment).due_at.timestamp())
        assert dues.due(limit, at) == expected, (limit, moment)


def test_administration_needs_the_administrator(agency: Onestop) -> None:
    clerk, head, admin = actor(agency, "tiepnhan1"), actor(agency, "lanhdao"), actor(agency, "admin")
    for who in (clerk, head):
        with pytest.raises(PermissionDenied):
            agency.config.set_settings({"agency.place_name": "Hải Vân"}, actor=who)
        with pytest.raises(PermissionDenied):
            agency.staff.create_staff(
                username="x1", full_name="Lê Văn X", password="secret", role="tiep_nhan", actor=who
            )
    agency.config.set_settings({"agency.place_name": "Hải Vân"}, actor=admin)
    assert agency.config.settings()["agency.place_name"] == "Hải Vân"
    agency.staff.set_password("tiepnhan1", "moi-mat-khau", actor=clerk)  # one's own password
    with pytest.raises(PermissionDenied):
        agency.staff.set_password("tiepnhan2", "moi-mat-khau", actor=clerk)


def test_the_last_administrator_cannot_be_locked_or_demoted(agency: Onestop) -> None:
    admin = actor(agency, "admin")
    with pytest.raises(ValidationError, match="tự khóa"):
        agency.staff.set_disabled("admin", True, actor=admin)
    with pytest.raises(ValidationError, match="quản trị"):
        agency.staff.set_disabled("admin", True, actor=system(agency))
    with pytest.raises(ValidationError, match="quản trị"):
        agency.staff.set_role("admin", "tiep_nhan", actor=system(agency))
    agency.staff.create_staff(
        username="admin2", full_name="Hồ Văn Quản", password="secret", role="quan_tri", actor=system(agency)
    )
    agency.staff.set_role("admin", "lanh_dao", actor=system(agency))  # another administrator remains
    with pytest.raises(ValidationError, match="Mật khẩu"):
        agency.staff.create_staff(
            username="x2", full_name="Lê Văn X", password="123", role="tiep_nhan", actor=system(agency)
        )


def test_organisations_landlines_and_identity_numbers_as_offices_meet_them(agency: Onestop) -> None:
    clerk = actor(agency, "tiepnhan1")
    org = agency.intake.receive(
        ReceiveRequest(
            "1.001612",
            Applicant(
                "Hợp tác xã Nông nghiệp số 2 (Hòa Khánh)",
                phone="0236 3842 555",
                kind="organisation",
                tax_code="0100109106",
            ),
        ),
        actor=clerk,
    )
    assert org.applicant.phone == "02363842555" and org.applicant.kind == "organisation"
    shown = agency.dossiers.dossier(org.code, actor=clerk)
    assert shown.applicant.tax_code == "0100109106" and shown.applicant.name.startswith("Hợp tác xã")
    receipt = agency.papers.receipt_data(org.code, actor=clerk)
    assert receipt.applicant_kind == "organisation" and receipt.tax_code == "0100109106"
    with pytest.raises(ValidationError, match="Mã số thuế"):
        agency.intake.receive(
            ReceiveRequest(
                "1.001612", Applicant("Công ty TNHH Xây dựng A&B", kind="organisation", tax_code="123")
            ),
            actor=clerk,
        )
    with pytest.raises(ValidationError, match="Số định danh"):
        agency.intake.receive(ReceiveRequest("1.001612", Applicant("Lê Văn An", "999999999999")), actor=clerk)
    with pytest.raises(ValidationError, match="tổ chức"):
        agency.intake.receive(
            ReceiveRequest("1.001612", Applicant("Lê Văn An", tax_code="0100109106")), actor=clerk
        )
    assert agency.integrity.verify().ok


def test_a_provisional_year_is_replaced_by_a_newer_official_list_but_never_an_edited_one(
    agency: Onestop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    import onestop.services.calendar as calendar_service
    from onestop.worktime import CalendarDay

    admin = actor(agency, "admin")
    assert agency.calendar.source(2026) == "official"
    assert agency.calendar.source(2027) == "provisional"  # init stores this year and the next
    agency.calendar.seed_year(2028, actor=admin)
    agency.calendar.set_day(date(2028, 3, 2), "holiday", "Nghỉ theo quyết định riêng", actor=admin)
    assert agency.calendar.source(2028) == "edited"
    notice = [CalendarDay(date(2027, 2, 5), "holiday", "Tết Nguyên Đán (theo thông báo)")]
    shipped = {2027: notice, 2028: [CalendarDay(date(2028, 1, 1), "holiday", "Tết Dương lịch")]}
    real = calendar_service.official_days
    monkeypatch.setattr(calendar_service, "official_days", lambda y: shipped.get(y) or real(y))
    monkeypatch.setattr(calendar_service, "is_official", lambda y: y in shipped or y in (2025, 2026))
    assert agency.calendar.refresh(actor=admin) == [2027]
    assert [d.name for d in agency.calendar.days(2027)] == ["Tết Nguyên Đán (theo thông báo)"]
    assert agency.calendar.source(2027) == "official"
    assert any(d.name == "Nghỉ theo quyết định riêng" for d in agency.calendar.days(2028))  # kept
    assert agency.calendar.refresh(actor=admin) == []
    assert agency.integrity.verify().ok


def test_the_day_before_new_years_eve_2025_is_the_28th_of_the_last_lunar_month(agency: Onestop) -> None:
    from datetime import date

    days = {d.date: d.name for d in agency.calendar.days(2025)}
    assert days[date(2025, 1, 27)] == "Tết Nguyên Đán (28 tháng Chạp)"
    assert "Giao thừa" in days[date(2025, 1, 28)]


def test_the_fee_charged_is_what_the_clerk_confirms(agency: Onestop) -> None:
    clerk = actor(agency, "tiepnhan1")
    default = agency.intake.receive(
        ReceiveRequest("1.001193", Applicant("Lê Văn An"), documents=None), actor=clerk
    )
    waived = agency.intake.receive(
        ReceiveRequest("1.001193", Applicant("Lê Văn An"), fee_amount=0), actor=clerk
    )
    catalogue = agency.catalog.procedure("1.001193").fee_amount
    assert agency.papers.receipt_data(default.code, actor=clerk).fee_amount == catalogue
    assert agency.papers.receipt_data(waived.code, actor=clerk).fee_amount == 0
    with pytest.raises(ValidationError, match="Phí, lệ phí"):
        agency.intake.receive(ReceiveRequest("1.001193", Applicant("Lê Văn An"), fee_amount=-5), actor=clerk)
