"""The first run of a real office (``onestop.setup.first_run``, what the set-up assistant calls):
everything written through the services and chained, or, with any field bad, nothing at all."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy import func, select

from onestop.db import schema as t
from onestop.errors import ValidationError
from onestop.res import load_json
from onestop.services import Onestop
from onestop.setup import Agency, FirstAdmin, FirstRun, check_agency_code, first_run

AGENCY = Agency(
    name="Trung tâm Phục vụ hành chính công phường Hải Châu",
    parent_name="Ủy ban nhân dân phường Hải Châu",
    code="h17.50.01.02",
    address="15 Quang Trung, phường Hải Châu, thành phố Đà Nẵng",
    place_name="Hải Châu",
    hotline="0236 3821 111",
)
ADMIN = FirstAdmin(
    username="quantri", full_name="Nguyễn Văn An", password="mat-khau-rieng", password_again="mat-khau-rieng"
)


def _setup(**changes: Any) -> FirstRun:
    return (
        FirstRun(
            agency=AGENCY,
            admin=ADMIN,
            office_hours="07:00-11:00,13:30-17:30",
            units=[("TPHT", "Công chức Tư pháp - Hộ tịch"), ("CAP", "Công an phường Hải Châu")],
            catalog=load_json("data", "procedures.json"),
            default_unit="TPHT",
        )
        if not changes
        else dataclasses.replace(_setup(), **changes)
    )


def _rows(svc: Onestop) -> dict[str, int]:
    """How many rows each table the first run writes holds."""
    tables = {
        "events": t.events,
        "settings": t.settings,
        "staff": t.staff,
        "units": t.units,
        "procedures": t.procedures,
        "calendar": t.calendar_years,
    }
    with svc.db.read() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in tables.items()
        }


def test_a_valid_set_up_writes_everything_chained(svc: Onestop) -> None:
    assert svc.staff.count() == 0
    admin = first_run(svc, _setup())

    settings = svc.config.settings()
    assert settings["agency.unit_full_name"] == AGENCY.name
    assert settings["agency.unit_name"] == "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HẢI CHÂU"
    assert settings["agency.parent_name"] == "ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU"
    assert settings["agency.unit_identifier"] == "H17.50.01.02"  # typed in lower case
    assert settings["agency.address"] == AGENCY.address
    assert settings["agency.place_name"] == "Hải Châu"
    assert settings["agency.hotline"] == "0236 3821 111"
    assert settings["agency.office_hours"] == "07:00-11:00,13:30-17:30"
    assert settings["agency.demo"] is False

    units = {u["code"]: u for u in svc.catalog.units()}
    assert units["H17.50.01.02"]["kind"] == "receiving"
    assert units["TPHT"]["kind"] == units["CAP"]["kind"] == "competent"
    procedures = svc.catalog.procedures()
    assert len(procedures) == len(load_json("data", "procedures.json")["procedures"])
    with svc.db.read() as conn:
        default_units = set(conn.execute(select(t.procedures.c.default_unit_id)).scalars())
    assert default_units == {units["TPHT"]["id"]}

    assert svc.calendar.is_stored(svc.ctx.now().year) and svc.calendar.is_stored(svc.ctx.now().year + 1)
    assert svc.staff.count() == 1
    signed_in = svc.staff.sign_in("quantri", "mat-khau-rieng")
    assert signed_in.id == admin.id and signed_in.full_name == "Nguyễn Văn An"
    assert signed_in.role.value == "quan_tri"

    # Who did what: the system only what init does (calendar, the first account), the rest the admin.
    by_actor: dict[str, set[int]] = {}
    with svc.db.read() as conn:
        for entity, user_id in conn.execute(select(t.events.c.entity, t.events.c.user_id)):
            by_actor.setdefault(entity.split(":")[0], set()).add(user_id)
    system_id = {svc.ctx.system_actor().id}
    assert by_actor["calendar"] == system_id and by_actor["staff"] == system_id
    assert by_actor["setting"] == by_actor["unit"] == by_actor["procedure"] == {admin.id}

    report = svc.integrity.verify()
    assert report.ok, report.problems


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"agency": dataclasses.replace(AGENCY, name="  ")}, "agency.unit_full_name", "Tên cơ quan"),
        ({"agency": dataclasses.replace(AGENCY, parent_name="")}, "agency.parent_name", "Cơ quan chủ quản"),
        (
            {"agency": dataclasses.replace(AGENCY, code="000.00.00.H17")},
            "agency.unit_identifier",
            "Hxx.yy.zz.ww",
        ),
        ({"agency": dataclasses.replace(AGENCY, code="H17.50.05")}, "agency.unit_identifier", "Mã định danh"),
        (
            {"agency": dataclasses.replace(AGENCY, code="H17.5O.05.13")},
            "agency.unit_identifier",
            "QĐ 20/2020",
        ),
        ({"agency": dataclasses.replace(AGENCY, address="")}, "agency.address", "Địa chỉ"),
        ({"agency": dataclasses.replace(AGENCY, place_name="")}, "agency.place_name", "Địa danh"),
        ({"agency": dataclasses.replace(AGENCY, hotline="gọi 113")}, "agency.hotline", "Đường dây nóng"),
        ({"office_hours": "13:00-11:00"}, "agency.office_hours", "Giờ làm việc"),
        ({"office_hours": "07:30-11:30,11:00-17:00"}, "agency.office_hours", "Giờ làm việc"),
        ({"units": [("TPHT", "Tư pháp"), ("TPHT", "Hộ tịch")]}, "units", "dòng 2"),
        ({"units": [("Tư pháp", "Tư pháp")]}, "units", "Mã đơn vị"),
        ({"units": [("TP", "")]}, "units", "Tên đơn vị"),
        ({"units": [("H17.50.01.02", "Trùng mã cơ quan")]}, "units", "mã của cơ quan"),
        ({"default_unit": "KHONGCO"}, "default_unit", "Đơn vị giải quyết mặc định"),
        ({"catalog": {"procedures": [{"code": "1.1"}]}}, "catalog", "Danh mục thủ tục"),
        ({"catalog": {"khac": []}}, "catalog", "procedures"),
        ({"admin": dataclasses.replace(ADMIN, username="quản trị")}, "username", "Tên đăng nhập"),
        ({"admin": dataclasses.replace(ADMIN, full_name="")}, "full_name", "Họ và tên quản trị"),
        (
            {"admin": dataclasses.replace(ADMIN, password="ngan", password_again="ngan")},
            "password",
            "ít nhất 8",
        ),
        ({"admin": dataclasses.replace(ADMIN, password_again="khac-han")}, "password_again", "không khớp"),
    ],
)
def test_each_bad_field_is_refused_by_name_and_nothing_is_written(
    svc: Onestop, changes: dict[str, Any], field: str, words: str
) -> None:
    before = _rows(svc)
    with pytest.raises(ValidationError) as caught:
        first_run(svc, _setup(**changes))
    assert caught.value.field == field
    assert words in caught.value.message
    assert _rows(svc) == before
    assert svc.staff.count() == 0


def test_the_agency_code_pattern() -> None:
    assert check_agency_code(" H17.50.05.13 ") == "H17.50.05.13"
    assert check_agency_code("h01.20.01.02") == "H01.20.01.02"
    for bad in (
        "H01.A0.01.02",
        "",
        "H17",
        "H1.50.05.13",
        "H17.50.05.13.1",
        "X17.50.05.13",
        "H17-50-05-13",
        "H17.50.05.1",
    ):
        with pytest.raises(ValidationError) as caught:
            check_agency_code(bad)
        assert caught.value.field == "agency.unit_identifier"
        assert "ví dụ H17.50.05.13" in caught.value.message


def test_only_on_a_database_without_accounts(svc: Onestop) -> None:
    first_run(svc, _setup())
    before = _rows(svc)
    with pytest.raises(ValidationError) as caught:
        first_run(svc, _setup(admin=dataclasses.replace(ADMIN, username="quantri2")))
    assert "lần chạy đầu tiên" in caught.value.message
    assert _rows(svc) == before


def test_without_a_catalogue_or_units(svc: Onestop) -> None:
    first_run(svc, _setup(catalog=None, units=[], default_unit=None))
    assert svc.catalog.procedures() == []
    assert [u["kind"] for u in svc.catalog.units()] == ["receiving"]
    assert svc.integrity.verify().ok
