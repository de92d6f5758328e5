"""``onestop init`` and the first run: a database ready for a real agency (schema, calendar,
catalogue, first account, and with the set-up assistant the agency's own settings and units).

On a database with no account yet, the system actor prepares it and the first administrator is
created with the password the installer typed; on any other database the signed-in administrator
does the work, and every change is theirs in the history.

``first_run`` is the set-up assistant's work without Qt: every field is checked first (one
Vietnamese message naming the field, nothing written), then the system actor stores the calendar
and creates the first administrator (as ``init`` does), and that administrator stores the agency's
settings, its units and the catalogue. Each write is an event in the chain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from onestop import validation as v
from onestop.auth import Actor
from onestop.errors import ValidationError
from onestop.services import Onestop, parse_catalog
from onestop.services.catalog import check_unit_code, check_unit_name
from onestop.services.staff import check_password_length, check_username
from onestop.settings import coerce


def installer(svc: Onestop) -> Actor:
    """Who acts for ``init`` and the set-up assistant on a database with no account yet: the explicit
    system actor, and only there (a database with accounts needs its signed-in administrator)."""
    if svc.staff.count():
        raise ValueError("installer: a database with accounts needs the signed-in administrator")
    return svc.ctx.system_actor()


def initialise(
    svc: Onestop,
    *,
    actor: Actor,
    catalog: dict[str, Any] | None = None,
    first_admin: tuple[str, str] | None = None,
    admin_full_name: str = "Quản trị hệ thống",
) -> Iterator[str]:
    """Idempotent: running it again changes nothing that is already there. A bad catalogue is refused
    before anything is written. ``actor``: the signed-in administrator, or ``installer(svc)`` on a
    database without accounts; ``first_admin``: (user name, password) of the first administrator
    (a database without accounts)."""
    if catalog is not None:
        parse_catalog(catalog)
    if first_admin is not None:
        svc.staff.check_password_rule(first_admin[1])
    refreshed = svc.calendar.refresh(actor=actor)
    if refreshed:
        yield "Lịch làm việc cập nhật theo danh sách mới: " + ", ".join(map(str, refreshed)) + "."
    year = svc.ctx.now().year
    for y in (year, year + 1):
        added = svc.calendar.seed_year(y, actor=actor)
        yield f"Lịch làm việc {y}: " + (f"đã lưu {added} ngày đặc biệt." if added else "đã có.")
    if catalog is not None:
        changed = svc.catalog.import_catalog(catalog, actor=actor)
        yield f"Danh mục thủ tục: {changed} thủ tục mới hoặc thay đổi."
    if first_admin is not None:
        username, password = first_admin
        admin = svc.staff.first_administrator(username=username, full_name=admin_full_name, password=password)
        yield f"Đã tạo tài khoản quản trị đầu tiên: {admin.username}."
    elif svc.staff.count() == 0:
        yield "Chưa có tài khoản nào: chạy lại «onestop init --admin TÊN» để tạo quản trị đầu tiên."
    yield f"Cơ sở dữ liệu sẵn sàng: {svc.db.url.render_as_string(hide_password=True)}"


# --------------------------------------------------------------------------- the first run

#: The agency's electronic identifier under QĐ 20/2020/QĐ-TTg as amended by QĐ 09/2025/QĐ-TTg:
#: ``Hxx.yy.zz.ww`` (H and the province's two digits, then three groups of two digits).
AGENCY_CODE = re.compile(r"H[0-9]{2}(\.[0-9]{2}){3}")
AGENCY_CODE_EXAMPLE = "H17.50.05.13"
_HOTLINE = re.compile(r"\+?[0-9][0-9 .()-]{2,28}[0-9]")


def check_agency_code(value: str | None) -> str:
    """The identifier as stored (upper case, no spaces), or ValidationError naming the field."""
    code = re.sub(r"\s+", "", value or "").upper()
    if not AGENCY_CODE.fullmatch(code):
        shown = f" «{v.shown(value or '')}»" if (value or "").strip() else ""
        raise ValidationError(
            f"Mã định danh của cơ quan{shown}: phải có dạng Hxx.yy.zz.ww theo QĐ 20/2020/QĐ-TTg "
            f"(sửa đổi bởi QĐ 09/2025/QĐ-TTg), ví dụ {AGENCY_CODE_EXAMPLE}.",
            field="agency.unit_identifier",
        )
    return code


def check_hotline(value: str | None) -> str:
    text = v.clean_text(value, label="Đường dây nóng", field="agency.hotline", max_len=30)
    if text and not _HOTLINE.fullmatch(text):
        raise ValidationError(
            "Đường dây nóng: chỉ gồm chữ số (và dấu cách . - ( ) giữa các nhóm), ví dụ 0236 3842 555 "
            "hoặc 1022.",
            field="agency.hotline",
        )
    return text


@dataclass(frozen=True)
class Agency:
    """The set-up assistant's first page."""

    name: str  # the receiving unit, in a sentence: "Trung tâm Phục vụ hành chính công phường …"
    parent_name: str  # cơ quan chủ quản: "UBND PHƯỜNG …"
    code: str  # Hxx.yy.zz.ww
    address: str
    place_name: str  # the place in "…, ngày … tháng … năm …"
    hotline: str = ""


@dataclass(frozen=True)
class FirstAdmin:
    username: str
    full_name: str
    password: str
    password_again: str | None = None  # as typed a second time (None: not asked)


@dataclass(frozen=True)
class FirstRun:
    agency: Agency
    admin: FirstAdmin
    office_hours: str = "07:30-11:30,13:00-17:00"
    units: Sequence[tuple[str, str]] = ()  # (code, name) of the competent units
    catalog: dict[str, Any] | None = None  # None: no catalogue now (imported later)
    default_unit: str | None = None  # code of the unit that settles the imported procedures
    extra: dict[str, Any] = field(default_factory=dict)  # other settings, checked the same way


def agency_settings(agency: Agency) -> dict[str, Any]:
    """The settings the agency page stores, checked (ValidationError naming the field)."""
    name = v.clean_text(
        agency.name,
        label="Tên cơ quan (đơn vị tiếp nhận)",
        field="agency.unit_full_name",
        max_len=200,
        required=True,
    )
    parent = v.clean_text(
        agency.parent_name, label="Cơ quan chủ quản", field="agency.parent_name", max_len=200, required=True
    )
    code = check_agency_code(agency.code)
    address = v.clean_text(
        agency.address, label="Địa chỉ", field="agency.address", max_len=300, required=True
    )
    place = v.clean_text(
        agency.place_name,
        label="Địa danh (ghi ngày tháng)",
        field="agency.place_name",
        max_len=100,
        required=True,
    )
    values = {
        "agency.unit_full_name": name,
        "agency.unit_name": name.upper(),
        "agency.parent_name": parent.upper(),
        "agency.unit_identifier": code,
        "agency.address": address,
        "agency.place_name": place,
        "agency.hotline": check_hotline(agency.hotline),
    }
    return {key: coerce(key, value) for key, value in values.items()}


def check_office_hours(text: str) -> str:
    return str(coerce("agency.office_hours", text))


def check_units(units: Sequence[tuple[str, str]], *, agency_code: str | None = None) -> list[tuple[str, str]]:
    """The competent units as stored; codes unique (and not the agency's own code)."""
    clean: list[tuple[str, str]] = []
    seen = {agency_code} if agency_code else set()
    for i, (code, name) in enumerate(units, start=1):
        try:
            pair = (check_unit_code(code, field="units"), check_unit_name(name, field="units"))
        except ValidationError as exc:
            raise ValidationError(f"Đơn vị giải quyết, dòng {i}: {exc.message}", field="units") from None
        if pair[0] in seen:
            raise ValidationError(
                f"Đơn vị giải quyết, dòng {i}: mã «{v.shown(pair[0])}» đã dùng "
                + ("(là mã của cơ quan)." if pair[0] == agency_code else "ở dòng trên."),
                field="units",
            )
        seen.add(pair[0])
        clean.append(pair)
    return clean


def check_catalog(catalog: dict[str, Any] | None) -> int:
    """How many procedures the catalogue holds (0: none given); ValidationError (field catalog)."""
    return 0 if catalog is None else len(parse_catalog(catalog))


def check_first_admin(admin: FirstAdmin, *, min_password_length: int) -> tuple[str, str, str]:
    username = check_username(admin.username)
    full_name = v.clean_name(admin.full_name, label="Họ và tên quản trị", field="full_name")
    check_password_length(admin.password, min_password_length)
    if admin.password_again is not None and admin.password_again != admin.password:
        raise ValidationError("Nhập lại mật khẩu: không khớp với mật khẩu.", field="password_again")
    return username, full_name, admin.password


def check_first_run(svc: Onestop, setup: FirstRun) -> dict[str, Any]:
    """Everything checked, nothing written: the clean values (ValidationError naming the field)."""
    if svc.staff.count():
        raise ValidationError(
            "Cơ sở dữ liệu đã có tài khoản: trợ lý thiết lập chỉ dùng cho lần chạy đầu tiên.", field="db"
        )
    settings = agency_settings(setup.agency)
    settings["agency.office_hours"] = check_office_hours(setup.office_hours)
    settings |= {key: coerce(key, value) for key, value in setup.extra.items()}
    units = check_units(setup.units, agency_code=settings["agency.unit_identifier"])
    check_catalog(setup.catalog)
    if setup.default_unit is not None and setup.default_unit not in {c for c, _ in units}:
        raise ValidationError(
            f"Đơn vị giải quyết mặc định: «{v.shown(setup.default_unit)}» không có trong danh sách đơn vị.",
            field="default_unit",
        )
    shortest = int(svc.config.settings()["auth.min_password_length"])
    admin = check_first_admin(setup.admin, min_password_length=shortest)
    return {"settings": settings, "units": units, "admin": admin}


def first_run(svc: Onestop, setup: FirstRun) -> Actor:
    """The set-up assistant's «Hoàn tất»: check everything, then write it. Returns the administrator."""
    clean = check_first_run(svc, setup)
    username, full_name, password = clean["admin"]
    settings: dict[str, Any] = clean["settings"]
    for _line in initialise(svc, actor=installer(svc)):  # this year's and next year's calendar, as init
        pass
    admin = svc.staff.first_administrator(username=username, full_name=full_name, password=password)
    svc.config.set_settings(settings, actor=admin)
    # The agency itself is the receiving unit; its code is the electronic identifier.
    svc.catalog.add_unit(
        code=settings["agency.unit_identifier"],
        name=settings["agency.unit_full_name"],
        kind="receiving",
        actor=admin,
    )
    ids = {code: svc.catalog.add_unit(code=code, name=name, actor=admin) for code, name in clean["units"]}
    if setup.catalog is not None:
        unit_for: dict[str, int] = {}
        if setup.default_unit is not None:
            unit_for = {
                proc["competent_unit"]: ids[setup.default_unit]
                for proc, _docs in parse_catalog(setup.catalog)
            }
        svc.catalog.import_catalog(setup.catalog, unit_for=unit_for, actor=admin)
    return admin
