"""``onestop init``: a database ready for a real agency (schema, calendar, catalogue, first account).

On a database with no account yet, the system actor prepares it and the first administrator is
created with the password the installer typed; on any other database the signed-in administrator
does the work, and every change is theirs in the history.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from onestop.auth import Actor
from onestop.services import Onestop, parse_catalog


def initialise(
    svc: Onestop,
    *,
    catalog: dict[str, Any] | None = None,
    actor: Actor | None = None,
    first_admin: tuple[str, str] | None = None,
) -> Iterator[str]:
    """Idempotent: running it again changes nothing that is already there. A bad catalogue is refused
    before anything is written. ``actor``: the signed-in administrator (a database with accounts);
    ``first_admin``: (user name, password) of the first administrator (a database without)."""
    if catalog is not None:
        parse_catalog(catalog)
    if actor is None:
        if svc.staff.count():
            raise ValueError("initialise: a database with accounts needs the signed-in administrator")
        if first_admin is not None:
            svc.staff.check_password_rule(first_admin[1])
        actor = svc.ctx.system_actor()
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
        admin = svc.staff.first_administrator(
            username=username, full_name="Quản trị hệ thống", password=password
        )
        yield f"Đã tạo tài khoản quản trị đầu tiên: {admin.username}."
    elif svc.staff.count() == 0:
        yield "Chưa có tài khoản nào: chạy lại «onestop init --admin TÊN» để tạo quản trị đầu tiên."
    yield f"Cơ sở dữ liệu sẵn sàng: {svc.db.url.render_as_string(hide_password=True)}"
