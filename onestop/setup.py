"""``onestop init``: a database ready for a real agency (schema, calendar, catalogue, first account)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Any

from onestop.services import Onestop, parse_catalog


def initialise(svc: Onestop, *, catalog: dict[str, Any] | None = None) -> Iterator[str]:
    """Idempotent: running it again changes nothing that is already there. A bad catalogue is refused
    before anything is written."""
    if catalog is not None:
        parse_catalog(catalog)
    year = svc.now().year
    for y in (year, year + 1):
        added = svc.seed_calendar_year(y)
        yield f"Lịch làm việc {y}: " + (f"đã nạp {added} ngày đặc biệt." if added else "đã có.")
    if catalog is not None:
        changed = svc.import_catalog(catalog)
        yield f"Danh mục thủ tục: {changed} thủ tục mới hoặc thay đổi."
    if svc.staff_count() == 0:
        password = secrets.token_urlsafe(9)
        svc.create_staff(username="admin", full_name="Quản trị hệ thống", password=password, role="quan_tri")
        yield f"Đã tạo tài khoản quản trị: admin / {password} (hãy đổi mật khẩu sau khi đăng nhập)."
    yield f"Cơ sở dữ liệu sẵn sàng: {svc.db.url.render_as_string(hide_password=True)}"
