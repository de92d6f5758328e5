"""Who may do what: the roles, the acts, and the one permission table the services enforce.

The table is the agency's setting ``permissions`` (domain rules §5 give the default). The services
check it on every call that writes or shows something a role may not see; the screens read the same
table only to show or hide actions. An actor is always given explicitly: there is no "nobody" that
means "the system". The system actor (``SYSTEM``) exists for ``init``, ``demo`` and migrations only
and is never the result of a sign-in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from onestop.errors import PermissionDenied


class Role(StrEnum):
    RECEPTION = "tiep_nhan"
    PROCESSING = "xu_ly"
    HEAD = "lanh_dao"
    ADMIN = "quan_tri"
    SYSTEM = "he_thong"  # init, demo, migrations: never signs in

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.RECEPTION: "Công chức tiếp nhận",
    Role.PROCESSING: "Công chức xử lý",
    Role.HEAD: "Lãnh đạo",
    Role.ADMIN: "Quản trị",
    Role.SYSTEM: "Hệ thống",
}
STAFF_ROLES = (Role.RECEPTION, Role.PROCESSING, Role.HEAD, Role.ADMIN)  # the roles an account can have


class Act(StrEnum):
    """Everything the permission table can allow. The value is what the setting stores."""

    # Steps of a dossier ("*" in a role's list allows all of them)
    RECEIVE = "receive"
    CORRECT = "correct"
    TRANSFER = "transfer"
    TAKE = "take"
    SUPPLEMENT = "supplement"
    RESUME = "resume"
    RESULT = "result"
    RETURN = "return"
    REFUSE = "refuse"
    STOP = "stop"
    WITHDRAW = "withdraw"
    EXTEND = "extend"
    DIRECT = "direct"  # the head of agency's directive on a dossier
    RATE = "rate"  # enter a rating from a paper form or a phone call
    REQUEST_RATING = "request_rating"  # invite the citizen to rate on the kiosk
    DIGITISE = "digitise"  # scan or attach a component or the result; reuse an earlier scan
    # Seeing
    VIEW_DOSSIERS = "view_dossiers"
    VIEW_RATINGS = "view_ratings"  # the levels citizens chose (others see only whether they rated)
    VIEW_REPORTS = "view_reports"
    # Running the agency
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_STAFF = "manage_staff"
    MANAGE_CATALOG = "manage_catalog"
    MANAGE_CALENDAR = "manage_calendar"
    MANAGE_UNITS = "manage_units"
    BACKUP = "backup"

    @property
    def label(self) -> str:
        return ACT_LABELS[self]


ACT_LABELS: dict[Act, str] = {
    Act.RECEIVE: "tiếp nhận hồ sơ",
    Act.CORRECT: "sửa thông tin trên giấy tiếp nhận",
    Act.TRANSFER: "chuyển hồ sơ",
    Act.TAKE: "nhận xử lý hồ sơ",
    Act.SUPPLEMENT: "yêu cầu bổ sung hồ sơ",
    Act.RESUME: "tiếp tục giải quyết khi đã bổ sung",
    Act.RESULT: "báo có kết quả",
    Act.RETURN: "trả kết quả",
    Act.REFUSE: "từ chối hồ sơ",
    Act.STOP: "dừng giải quyết hồ sơ",
    Act.WITHDRAW: "ghi nhận rút hồ sơ",
    Act.EXTEND: "hẹn lại ngày trả kết quả",
    Act.DIRECT: "chỉ đạo xử lý hồ sơ",
    Act.RATE: "nhập phiếu đánh giá",
    Act.REQUEST_RATING: "mời người dân đánh giá",
    Act.DIGITISE: "số hóa hồ sơ, kết quả",
    Act.VIEW_DOSSIERS: "xem hồ sơ",
    Act.VIEW_RATINGS: "xem mức đánh giá của người dân",
    Act.VIEW_REPORTS: "xem báo cáo, thống kê",
    Act.MANAGE_SETTINGS: "thiết lập cơ quan",
    Act.MANAGE_STAFF: "quản lý tài khoản",
    Act.MANAGE_CATALOG: "quản lý danh mục thủ tục",
    Act.MANAGE_CALENDAR: "quản lý lịch làm việc",
    Act.MANAGE_UNITS: "quản lý đơn vị",
    Act.BACKUP: "sao lưu cơ sở dữ liệu",
}

STEPS = frozenset(
    {
        Act.RECEIVE,
        Act.CORRECT,
        Act.TRANSFER,
        Act.TAKE,
        Act.SUPPLEMENT,
        Act.RESUME,
        Act.RESULT,
        Act.RETURN,
        Act.REFUSE,
        Act.STOP,
        Act.WITHDRAW,
        Act.EXTEND,
        Act.RATE,
        Act.REQUEST_RATING,
        Act.DIGITISE,
    }
)
ADMIN_ACTS = frozenset(
    {
        Act.MANAGE_SETTINGS,
        Act.MANAGE_STAFF,
        Act.MANAGE_CATALOG,
        Act.MANAGE_CALENDAR,
        Act.MANAGE_UNITS,
        Act.BACKUP,
    }
)
# An administrator always keeps these, whatever the setting says: otherwise one wrong save of the
# permission table could leave nobody able to mend it.
ADMIN_KEEPS = frozenset({Act.MANAGE_SETTINGS, Act.MANAGE_STAFF})
SYSTEM_ACTS = ADMIN_ACTS - {Act.BACKUP}

DEFAULT_PERMISSIONS: dict[str, list[str]] = {
    # domain rules §5. "*" is every step of a dossier.
    Role.RECEPTION.value: [
        "receive",
        "correct",
        "transfer",
        "resume",
        "return",
        "withdraw",
        "rate",
        "request_rating",
        "digitise",
        "view_dossiers",
    ],
    Role.PROCESSING.value: [
        "take",
        "transfer",
        "supplement",
        "result",
        "refuse",
        "stop",
        "digitise",
        "view_dossiers",
    ],
    Role.HEAD.value: ["*", "direct", "view_dossiers", "view_ratings", "view_reports"],
    Role.ADMIN.value: [
        "manage_settings",
        "manage_staff",
        "manage_catalog",
        "manage_calendar",
        "manage_units",
        "backup",
        "view_dossiers",
        "view_ratings",
        "view_reports",
    ],
}


@dataclass(frozen=True)
class Actor:
    """A signed-in member of staff (or the system actor): who acts, recorded with every step."""

    id: int
    username: str
    full_name: str
    role: Role
    unit_id: int | None = None
    all_units: bool = False

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, str(self.role))

    @property
    def is_system(self) -> bool:
        return self.role is Role.SYSTEM


SYSTEM_USERNAME = "he-thong"  # a name no account can take (usernames have no "-")


def check_permissions(value: Any) -> dict[str, list[str]]:
    """The setting's value, checked: known roles, known acts (or "*")."""
    if not isinstance(value, Mapping):
        raise ValueError("phải là bảng vai trò → danh sách quyền")
    clean: dict[str, list[str]] = {}
    known = {a.value for a in Act} | {"*"}
    for role, acts in value.items():
        if role not in {r.value for r in STAFF_ROLES}:
            raise ValueError(f"không có vai trò «{str(role)[:30]!r}»")
        if not isinstance(acts, list | tuple) or not all(isinstance(a, str) for a in acts):
            raise ValueError(f"quyền của vai trò «{str(role)[:30]!r}» phải là một danh sách")
        unknown = [a for a in acts if a not in known]
        if unknown:
            raise ValueError(f"không có quyền «{str(unknown[0])[:30]!r}»")
        clean[role] = list(dict.fromkeys(acts))
    return clean


def allowed_acts(role: Role, table: Mapping[str, Iterable[str]]) -> frozenset[Act]:
    """What a role may do under a permission table."""
    if role is Role.SYSTEM:
        return SYSTEM_ACTS
    granted = set(table.get(role.value, ()))
    acts = {Act(a) for a in granted if a in Act._value2member_map_}
    if "*" in granted:
        acts |= STEPS
    if role is Role.ADMIN:
        acts |= ADMIN_KEEPS
    return frozenset(acts)


def require(actor: Actor, act: Act, table: Mapping[str, Iterable[str]]) -> None:
    """Refuse ``act`` to ``actor`` (PermissionDenied, wholly Vietnamese) unless the table allows it."""
    if not isinstance(actor, Actor):  # a programming error: every caller names who acts
        raise TypeError(f"an Actor is required for {act.value}, got {actor!r}")
    if act not in allowed_acts(actor.role, table):
        raise PermissionDenied(
            f"Tài khoản «{actor.username}» ({actor.role_label}) không có quyền {act.label}.",
            field="user",
        )
