"""Citizen rating scales (domain.md §6): the levels, which count as satisfied, the follow-up reasons.

Default: Rất hài lòng / Hài lòng / Không hài lòng (3 levels, as in official reports); settings offer a
4-level scale (no neutral) and a 5-level one, and may say which levels count as satisfied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Level:
    key: str  # stable, ASCII: stored and typed on the command line
    label: str
    satisfied: bool  # the default; the setting rating.satisfied_levels may override
    color: str  # for the kiosk's large buttons (high contrast with white text)
    icon: str  # a face, drawn large


_RAT_HAI_LONG = Level("rat-hai-long", "Rất hài lòng", True, "#1b7f3b", "😄")
_HAI_LONG = Level("hai-long", "Hài lòng", True, "#2f6fb5", "🙂")
_BINH_THUONG = Level("binh-thuong", "Bình thường", True, "#6b6b6b", "😐")
_KHONG_HAI_LONG = Level("khong-hai-long", "Không hài lòng", False, "#b3261e", "🙁")
_RAT_KHONG_HAI_LONG = Level("rat-khong-hai-long", "Rất không hài lòng", False, "#7a1010", "😠")

SCALES: dict[int, tuple[Level, ...]] = {
    3: (_RAT_HAI_LONG, _HAI_LONG, _KHONG_HAI_LONG),
    4: (_RAT_HAI_LONG, _HAI_LONG, _KHONG_HAI_LONG, _RAT_KHONG_HAI_LONG),
    5: (_RAT_HAI_LONG, _HAI_LONG, _BINH_THUONG, _KHONG_HAI_LONG, _RAT_KHONG_HAI_LONG),
}

REASONS: dict[str, str] = {
    "thai-do": "Thái độ phục vụ",
    "thoi-gian-cho": "Thời gian chờ lâu",
    "huong-dan-chua-ro": "Hướng dẫn chưa rõ",
    "giay-to-ngoai-quy-dinh": "Yêu cầu giấy tờ ngoài quy định",
    "khac": "Khác",
}

EVENTS: dict[str, str] = {"receipt": "Tiếp nhận hồ sơ", "return": "Trả kết quả"}
CHANNELS: dict[str, str] = {"kiosk": "Màn hình đánh giá", "paper": "Phiếu giấy", "phone": "Điện thoại"}


@dataclass(frozen=True)
class Scale:
    size: int
    levels: tuple[Level, ...]
    satisfied_keys: frozenset[str]

    def level(self, key: str) -> Level | None:
        return next((lv for lv in self.levels if lv.key == key), None)

    def is_satisfied(self, key: str) -> bool:
        return key in self.satisfied_keys

    def asks_reasons(self, key: str) -> bool:
        """The follow-up question comes after the unsatisfied levels."""
        return key not in self.satisfied_keys


def scale(size: int, satisfied: Sequence[str] | None = None) -> Scale:
    levels = SCALES[size]
    keys = frozenset(satisfied) if satisfied else frozenset(lv.key for lv in levels if lv.satisfied)
    return Scale(size, levels, keys & {lv.key for lv in levels})
