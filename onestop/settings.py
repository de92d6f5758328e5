"""The agency's settings: declared once here, with type, default and Vietnamese label.

Values live in the database (table ``settings``) so that every counter sharing it sees the same
agency, office hours and scale; what is not stored takes the default declared here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from onestop.auth import DEFAULT_PERMISSIONS, check_permissions
from onestop.errors import ValidationError


def _shown(value: Any) -> str:
    from onestop.validation import shown

    return shown(str(value))


def _check_zone(value: Any) -> None:
    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"Múi giờ: «{_shown(value)}» không tồn tại.", field="agency.time_zone"
        ) from None


def _check_identifier(value: Any) -> None:
    # The identifier goes into the dossier code and so into Code 128: ASCII by construction.
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.]{0,30}", str(value)):
        raise ValidationError(
            "Mã định danh đơn vị: chỉ gồm chữ cái không dấu, chữ số và dấu chấm (ví dụ H17.50.05.13).",
            field="agency.unit_identifier",
        )


def _check_office_hours(value: Any) -> None:
    from onestop.worktime import OfficeHours

    try:
        OfficeHours.parse(str(value))
    except ValueError as exc:
        raise ValidationError(f"Giờ làm việc: {exc}", field="agency.office_hours") from None


def _check_range(lo: int, hi: int) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if not lo <= int(value) <= hi:
            raise ValidationError(f"Giá trị phải từ {lo} đến {hi}.")

    return check


def _check_permissions(value: Any) -> None:
    try:
        check_permissions(value)
    except ValueError as exc:
        raise ValidationError(f"Quyền theo vai trò: {exc}.", field="permissions") from None


def _check_choice(*choices: object) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if value not in choices:
            raise ValidationError(f"Giá trị phải là một trong: {', '.join(map(str, choices))}.")

    return check


SCAN_TYPES = ("pdf", "png", "jpeg", "tiff")  # what digitisation can read (onestop.pages)


def _check_scan_types(value: Any) -> None:
    given = [t.strip().lower() for t in str(value).split(",") if t.strip()]
    unknown = [t for t in given if t not in SCAN_TYPES]
    if not given or unknown:
        raise ValidationError(
            "Loại tệp được nhận: một hoặc nhiều trong " + ", ".join(SCAN_TYPES) + ", cách nhau dấu phẩy.",
            field="scan.types",
        )


def _check_quality(value: Any) -> None:
    if not (int(value) == 0 or 30 <= int(value) <= 95):
        raise ValidationError("Giá trị phải là 0 (không nén mất dữ liệu) hoặc từ 30 đến 95.")


@dataclass(frozen=True)
class SettingDef:
    key: str
    type: type
    default: Any
    label: str
    check: Callable[[Any], None] | None = None


SETTINGS: tuple[SettingDef, ...] = (
    SettingDef("agency.parent_name", str, "ỦY BAN NHÂN DÂN", "Cơ quan chủ quản (dòng trên của tiêu đề)"),
    SettingDef(
        "agency.unit_name", str, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Tên đơn vị tiếp nhận (in hoa, tiêu đề)"
    ),
    SettingDef(
        "agency.unit_full_name", str, "Trung tâm Phục vụ hành chính công", "Tên đơn vị tiếp nhận (trong câu)"
    ),
    SettingDef("agency.place_name", str, "", "Địa danh ghi ngày tháng trên biểu mẫu"),
    SettingDef(
        "agency.unit_identifier",
        str,
        "000.00.00.H00",
        "Mã định danh điện tử của đơn vị (dùng trong mã hồ sơ)",
        _check_identifier,
    ),
    SettingDef("agency.time_zone", str, "Asia/Ho_Chi_Minh", "Múi giờ của cơ quan", _check_zone),
    SettingDef(
        "agency.office_hours", str, "07:30-11:30,13:00-17:00", "Giờ làm việc (các buổi)", _check_office_hours
    ),
    SettingDef("agency.hotline", str, "", "Đường dây nóng in trên giấy tờ"),
    SettingDef("agency.address", str, "", "Địa chỉ của cơ quan"),
    SettingDef("forms.legal_basis", str, "Thông tư 03/2025/TT-VPCP", "Văn bản quy định biểu mẫu"),
    SettingDef("register.volume", str, "", "Quyển số của Sổ theo dõi hồ sơ (trống: theo năm)"),
    SettingDef(
        "clock.supplement_policy",
        str,
        "pause",
        "Khi yêu cầu bổ sung: tạm dừng (pause) hay tính lại (restart)",
        _check_choice("pause", "restart"),
    ),
    SettingDef("rating.scale", int, 3, "Thang đánh giá (3, 4 hoặc 5 mức)", _check_choice(3, 4, 5)),
    SettingDef(
        "rating.satisfied_levels",
        str,
        "",
        "Các mức tính là hài lòng (mã, cách nhau dấu phẩy; trống: mặc định của thang)",
    ),
    SettingDef("rating.timeout_seconds", int, 60, "Thời gian chờ đánh giá (giây)", _check_range(10, 600)),
    SettingDef("rating.show_today_count", bool, False, "Màn hình chờ hiện số lượt đánh giá hôm nay"),
    SettingDef("rating.speech", bool, True, "Đọc lời mời đánh giá (nếu máy có bộ đọc)"),
    SettingDef(
        "rating.input",
        str,
        "touch",
        "Người dân đánh giá bằng: màn hình cảm ứng (touch), chuột (mouse) hay bàn phím số (keypad)",
        _check_choice("touch", "mouse", "keypad"),
    ),
    SettingDef("rating.auto_request", bool, True, "Tự động mời đánh giá sau khi phục vụ"),
    SettingDef("permissions", dict, DEFAULT_PERMISSIONS, "Quyền theo vai trò", _check_permissions),
    SettingDef(
        "auth.min_password_length", int, 8, "Độ dài tối thiểu của mật khẩu (ký tự)", _check_range(4, 64)
    ),
    SettingDef(
        "auth.max_failed_logins",
        int,
        5,
        "Số lần đăng nhập sai liên tiếp thì khóa tài khoản",
        _check_range(3, 20),
    ),
    SettingDef(
        "scan.max_mb",
        int,
        20,
        "Dung lượng tối đa của mỗi tệp số hóa (MB)",
        _check_range(1, 500),
    ),
    SettingDef(
        "scan.types",
        str,
        ",".join(SCAN_TYPES),
        "Loại tệp được nhận khi số hóa (pdf, png, jpeg, tiff)",
        _check_scan_types,
    ),
    SettingDef("scan.resolution", int, 200, "Độ phân giải khi quét (dpi)", _check_range(75, 600)),
    SettingDef(
        "scan.quality",
        int,
        85,
        "Chất lượng nén JPEG của trang quét (30–95; 0: không nén mất dữ liệu)",
        _check_quality,
    ),
    SettingDef(
        "scan.device",
        str,
        "",
        "Máy quét mặc định (tên SANE như test:0, hoặc folder:ĐƯỜNG_DẪN cho thư mục của máy quét mạng; "
        "trống: máy đầu tiên tìm thấy)",
    ),
    SettingDef("agency.demo", bool, False, "Cơ sở dữ liệu mẫu (chỉ để thử, không dùng thật)"),
    SettingDef("ui.language", str, "vi", "Ngôn ngữ giao diện", _check_choice("vi", "en")),
)

BY_KEY: Mapping[str, SettingDef] = {s.key: s for s in SETTINGS}


def coerce(key: str, value: Any) -> Any:
    """The value converted to the declared type and checked; ValidationError otherwise."""
    try:
        spec = BY_KEY[key]
    except KeyError:
        raise ValidationError(f"Không có thiết lập «{_shown(key)}».", field=key) from None
    try:
        if spec.type is bool and isinstance(value, str):
            if value.lower() not in {"true", "false", "1", "0", "yes", "no"}:
                raise ValueError(value)
            value = value.lower() in {"true", "1", "yes"}
        elif spec.type is dict and isinstance(value, str):
            value = json.loads(value)
        value = spec.type(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{spec.label}: giá trị «{_shown(value)}» không hợp lệ.", field=key) from None
    if spec.check is not None:
        try:
            spec.check(value)
        except ValidationError as exc:
            raise ValidationError(
                f"{spec.label}: {exc.message}" if exc.field is None else exc.message, field=key
            ) from None
    return value


class Settings:
    """A read view over stored values with declared defaults (built by the storage layer)."""

    def __init__(self, stored: Mapping[str, Any]) -> None:
        self._values = {s.key: stored.get(s.key, s.default) for s in SETTINGS}

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def get(self, key: str) -> Any:
        return self._values[key]

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self._values["agency.time_zone"])
