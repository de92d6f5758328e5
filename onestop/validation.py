"""Validation of applicant data (domain.md §8), with Vietnamese messages that name the field.

Every function returns the clean value (NFC, trimmed, canonical) or raises ``ValidationError``.
"""

from __future__ import annotations

import re
import unicodedata

from onestop.errors import ValidationError
from onestop.textfold import nfc

NAME_MAX = 100
ADDRESS_MAX = 255
EMAIL_MAX = 254

_ID_RE = re.compile(r"^[0-9]{12}$")
_PHONE_RE = re.compile(r"^0[0-9]{9}$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SPACES = re.compile(r"\s+")
_NAME_PUNCT = set(".'-")


def clean_name(value: str | None, *, label: str = "Họ và tên", field: str = "name") -> str:
    """A person's or organisation's name: letters, spaces and ``.'-`` only, at most 100 characters."""
    text = _SPACES.sub(" ", nfc(value or "")).strip()
    if not text:
        raise ValidationError(f"{label}: không được để trống.", field=field)
    if len(text) > NAME_MAX:
        raise ValidationError(f"{label}: dài quá {NAME_MAX} ký tự.", field=field)
    for ch in text:
        if ch == " " or ch in _NAME_PUNCT:
            continue
        if not unicodedata.category(ch).startswith(("L", "M")):
            raise ValidationError(
                f"{label}: chỉ gồm chữ cái, dấu cách và các dấu . ' - (ký tự không hợp lệ: «{ch}»).",
                field=field,
            )
    if not any(unicodedata.category(ch).startswith("L") for ch in text):
        raise ValidationError(f"{label}: phải có chữ cái.", field=field)
    return text


def clean_id_number(value: str | None, *, required: bool = False) -> str:
    """Số định danh cá nhân (CCCD): exactly 12 digits; spaces are tolerated and removed."""
    text = re.sub(r"[\s.]", "", nfc(value or ""))
    if not text:
        if required:
            raise ValidationError("Số định danh cá nhân: không được để trống.", field="id_number")
        return ""
    if not _ID_RE.match(text):
        raise ValidationError("Số định danh cá nhân: phải gồm đúng 12 chữ số.", field="id_number")
    return text


def clean_phone(value: str | None, *, required: bool = False) -> str:
    """A Vietnamese phone number: 10 digits starting with 0, or +84 followed by 9 digits.

    Stored in the national form (0xxxxxxxxx) so that searches for either form meet.
    """
    text = re.sub(r"[\s.()\-]", "", nfc(value or ""))
    if not text:
        if required:
            raise ValidationError("Số điện thoại: không được để trống.", field="phone")
        return ""
    if text.startswith("+84"):
        text = "0" + text[3:]
    elif text.startswith("84") and len(text) == 11:
        text = "0" + text[2:]
    if not _PHONE_RE.match(text) or text[1] == "0":
        raise ValidationError("Số điện thoại: phải gồm 10 chữ số bắt đầu bằng 0 (hoặc +84).", field="phone")
    return text


def clean_email(value: str | None) -> str:
    text = nfc(value or "").strip()
    if not text:
        return ""
    if len(text) > EMAIL_MAX or not _EMAIL_RE.match(text) or not text.isascii():
        raise ValidationError("Email: địa chỉ thư điện tử không hợp lệ.", field="email")
    return text.lower()


def clean_text(value: str | None, *, label: str, field: str, max_len: int, required: bool = False) -> str:
    """Free text (address, note): NFC, spaces folded, no control characters, bounded length."""
    text = _SPACES.sub(" ", nfc(value or "")).strip()
    if not text:
        if required:
            raise ValidationError(f"{label}: không được để trống.", field=field)
        return ""
    if len(text) > max_len:
        raise ValidationError(f"{label}: dài quá {max_len} ký tự.", field=field)
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise ValidationError(f"{label}: có ký tự điều khiển không hợp lệ.", field=field)
    return text


def clean_count(value: int | str | None, *, label: str, field: str, lo: int = 1, hi: int = 99) -> int:
    try:
        number = int(str(value).strip()) if value is not None else lo
    except ValueError:
        raise ValidationError(f"{label}: phải là số nguyên.", field=field) from None
    if not lo <= number <= hi:
        raise ValidationError(f"{label}: phải từ {lo} đến {hi}.", field=field)
    return number


def shown(value: str, limit: int = 40) -> str:
    """A refused value as a message may quote it: cut short, control characters escaped."""
    text = "".join(
        ch if unicodedata.category(ch)[0] != "C" else ch.encode("unicode_escape").decode("ascii")
        for ch in str(value)[: limit * 2]
    )
    return text if len(text) <= limit else text[: limit - 1] + "…"
