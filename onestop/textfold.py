"""Accent-insensitive search keys for Vietnamese text.

"Nguyễn Thị Thủy" and "nguyen thi thuy" must meet, and so must "Đặng" and "dang": SQLite's LIKE folds
case for ASCII only and FTS5's ``remove_diacritics`` leaves đ alone, so we store a folded key.
"""

from __future__ import annotations

import re
import unicodedata

_DD = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def nfc(text: str) -> str:
    """NFC-normalised text: the only form stored and printed."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower case, no diacritics, đ → d: ``fold("Đặng Văn Đức") == "dang van duc"``."""
    decomposed = unicodedata.normalize("NFD", text.translate(_DD))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_DD).casefold()


def tokens(text: str) -> list[str]:
    """The folded words and numbers of ``text``, in order (punctuation separates them)."""
    return [t for t in _NON_WORD.split(fold(text)) if t]


def search_key(*parts: str | None) -> str:
    """One folded, space-separated key over the searchable fields of a record."""
    return " ".join(t for part in parts if part for t in tokens(part))
