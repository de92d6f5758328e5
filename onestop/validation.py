"""Validation of applicant data, with Vietnamese messages that start with the field's label.

Every ``clean_*`` function returns the clean value (NFC, trimmed, canonical) or raises
``ValidationError(message, field=...)``; none raises anything else, whatever the input.

Rules:

* Every text field refuses characters nobody types on purpose: control and format characters
  (Unicode Cc, Cf: terminal escapes, bidi overrides U+202A–202E and U+2066–2069, zero-width
  U+200B–200D, BOM), lone surrogates, private-use and unassigned code points, line and paragraph
  separators, invisible fillers and variation selectors, and more than 4 combining marks in a row.
  Single-line fields refuse newlines; ``clean_multiline`` (notes) allows ``\\n`` only (CRLF is
  read as LF). Runs of spaces become one space.
* Numbers take ASCII digits only: full-width ``０-９`` or Arabic-Indic digits are refused.
* Names of people (``clean_name``): letters, spaces and ``.'-``, at most 100 characters. The case
  is never changed; ``name_fix`` offers a fix for a name typed in lower case or without diacritics.
* Organisations: ``clean_org_name`` also allows ASCII digits and ``& , . ( ) - / '``;
  ``clean_tax_code`` takes 10 digits, or 10 + ``-`` + 3 for a branch, and checks the check digit.
* Số định danh cá nhân (``clean_id_number``): 12 digits, a known province code of birth
  registration, a year of birth not after ``today`` (see ``onestop.identity``).
* Phones (``clean_phone``): mobile 10 digits starting with 0, or +84/84 and 9 digits; fixed line
  11 digits, 0 + area code (2xx) + number; stored without spaces, dots, dashes, parentheses.
* Dates (``clean_date_in_range``): 1900-01-01 to 2100-12-31.
* A message that quotes input quotes ``shown(value)``: cut to a few dozen characters, with control
  and format characters written as escapes (``\\x1b``, ``\\u202e``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from onestop import identity
from onestop.errors import ValidationError
from onestop.textfold import nfc

NAME_MAX = 100
ORG_NAME_MAX = 255
ADDRESS_MAX = 255
EMAIL_MAX = 254
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2100, 12, 31)
MAX_MARKS = 4  # combining marks in a row (NFC Vietnamese has none; other scripts stack 2–3)

_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
# Default-ignorable code points outside those categories: combining grapheme joiner, Hangul and
# halfwidth fillers, Khmer inherent vowels, Mongolian and other variation selectors.
_INVISIBLE = frozenset(
    (0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0, *range(0x180B, 0x1810), *range(0xFE00, 0xFE10))
) | frozenset(range(0xE0100, 0xE01F0))
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

_SPACES = re.compile(r"\s+")
_NAME_PUNCT = frozenset(".'-")
_ORG_PUNCT = frozenset("&,.()-/'")
_ASCII_DIGITS = frozenset("0123456789")
_ID_RE = re.compile(r"[0-9]{12}")
_TAX_RE = re.compile(r"([0-9]{10})(?:-?([0-9]{3}))?")
_SEPARATORS = re.compile(r"[\s.()\-]")
_INT_RE = re.compile(r"-?[0-9]+")
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL_RE = re.compile(rf"({_ATOM}(?:\.{_ATOM})*)@((?:{_LABEL}\.)+[A-Za-z]{{2,63}})")


# --- showing input in messages -------------------------------------------------------------


def _hidden(ch: str) -> bool:
    """A character nobody can see or means to type: control, format, invisible, unassigned..."""
    return unicodedata.category(ch) in _HIDDEN_CATEGORIES or ord(ch) in _INVISIBLE


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if not _hidden(ch):
        return ch
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def shown(value: str, limit: int = 40) -> str:
    """``value`` as a message may quote it: control and format characters escaped (``\\x1b``,
    ``\\u202e``), cut to ``limit`` characters and "…" (at most ``limit + 1`` characters)."""
    if limit < 0:
        raise ValueError("limit must not be negative")
    pieces: list[str] = []
    used = 0
    for ch in nfc(str(value)):
        piece = _escape(ch)
        if used + len(piece) > limit:
            return "".join(pieces) + "…"
        pieces.append(piece)
        used += len(piece)
    return "".join(pieces)


# --- hostile text ------------------------------------------------------------------------------


def refuse_hostile(text: str, *, label: str, field: str, multiline: bool = False) -> None:
    """Raise ``ValidationError`` if ``text`` holds a hidden character (see the module docstring),
    a line break (except ``\\n`` when ``multiline``) or too many combining marks in a row."""
    marks = 0
    for position, ch in enumerate(text, start=1):
        if ch == "\n" and multiline:
            marks = 0
            continue
        if ch in _LINE_BREAKS and not multiline:
            raise ValidationError(
                f"{label}: chỉ được viết trên một dòng (có ký tự xuống dòng {shown(ch)} ở vị trí {position}).",
                field=field,
            )
        if _hidden(ch):
            raise ValidationError(
                f"{label}: có ký tự điều khiển hoặc ký tự ẩn không được phép ({shown(ch)} ở vị trí {position}).",
                field=field,
            )
        marks = marks + 1 if unicodedata.category(ch).startswith("M") else 0
        if marks > MAX_MARKS:
            raise ValidationError(
                f"{label}: có quá nhiều dấu chồng lên một chữ (ở vị trí {position}).", field=field
            )


def _prepare(value: object, label: str, field: str, *, multiline: bool = False) -> str:
    """The NFC text of ``value`` after the hostile-text checks; ``None`` is the empty text."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{label}: giá trị không hợp lệ.", field=field)
    refuse_hostile(value, label=label, field=field, multiline=multiline)
    return nfc(value)


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _refuse_foreign_digits(text: str, label: str, field: str) -> None:
    """Digits other than ASCII 0–9 (full-width, Arabic-Indic, ...) are refused, with a message."""
    for ch in text:
        if ch.isdigit() and ch not in _ASCII_DIGITS:
            raise ValidationError(
                f"{label}: chỉ nhận chữ số 0–9 thông thường (không nhận «{shown(ch)}»; "
                "kiểm tra bộ gõ, chế độ toàn khổ).",
                field=field,
            )


def _required(text: str, required: bool, label: str, field: str) -> str:
    if not text and required:
        raise ValidationError(f"{label}: không được để trống.", field=field)
    return text


def _too_long(text: str, max_len: int, label: str, field: str) -> None:
    if len(text) > max_len:
        raise ValidationError(f"{label}: dài quá {max_len} ký tự (đang có {len(text)}).", field=field)


# --- names ---------------------------------------------------------------------------------------


def _is_letter(ch: str) -> bool:
    # Full-width Latin (U+FF00–FFEF) comes from an input method left in full-width mode.
    return unicodedata.category(ch).startswith("L") and not 0xFF00 <= ord(ch) <= 0xFFEF


def _check_words(
    text: str, label: str, field: str, *, punct: frozenset[str], digits: bool, rule: str
) -> None:
    """Letters (with their combining marks), spaces, ``punct`` and, if ``digits``, ASCII digits."""
    in_letter = False  # the previous character is a letter, or a mark on one
    for ch in text:
        letter = _is_letter(ch)
        mark = unicodedata.category(ch).startswith("M")
        if not (
            letter or (mark and in_letter) or ch == " " or ch in punct or (digits and ch in _ASCII_DIGITS)
        ):
            if digits:
                _refuse_foreign_digits(ch, label, field)
            raise ValidationError(f"{label}: {rule} (ký tự không hợp lệ: «{shown(ch)}»).", field=field)
        in_letter = letter or (mark and in_letter)
    if not any(_is_letter(ch) for ch in text):
        raise ValidationError(f"{label}: phải có chữ cái.", field=field)


def clean_name(value: str | None, *, label: str = "Họ và tên", field: str = "name") -> str:
    """A person's name: letters, spaces and ``.'-`` only, at most 100 characters; case kept."""
    text = _one_line(_prepare(value, label, field))
    _required(text, True, label, field)
    _too_long(text, NAME_MAX, label, field)
    _check_words(
        text, label, field, punct=_NAME_PUNCT, digits=False, rule="chỉ gồm chữ cái, dấu cách và các dấu . ' -"
    )
    return text


@dataclass(frozen=True)
class NameFix:
    """A fix offered for a name: the clerk accepts ``suggestion`` or keeps the name as typed.

    ``suggestion`` equals the name when only a note is given (diacritics cannot be guessed).
    """

    suggestion: str
    message: str
    lower_case: bool
    no_diacritics: bool


_WORD_START = re.compile(r"(^|[ '\-])(\w)")


def _capitalised(text: str) -> str:
    """Each word and each part after ``-`` or ``'`` with its first letter capital, the rest small."""
    return nfc(_WORD_START.sub(lambda m: m.group(1) + m.group(2).title(), text.lower()))


def name_fix(name: str) -> NameFix | None:
    """The fix to offer for a name (best after ``clean_name``) typed in lower case or without any
    diacritics, or ``None``. Never raises; never applied by itself."""
    if not isinstance(name, str):
        return None
    text = _one_line(nfc(name))
    if not any(_is_letter(ch) for ch in text):
        return None
    lower_case = any(m.group(2).islower() for m in _WORD_START.finditer(text))
    no_diacritics = text.isascii()
    if not (lower_case or no_diacritics):
        return None
    suggestion = _capitalised(text) if lower_case else text
    if lower_case and no_diacritics:
        message = (
            f"Họ tên chưa có dấu và chưa viết hoa chữ cái đầu. Đề nghị: «{shown(suggestion, 60)}»; "
            "nếu tên có dấu, hãy gõ lại có dấu theo giấy tờ tùy thân."
        )
    elif lower_case:
        message = f"Họ tên chưa viết hoa chữ cái đầu. Đề nghị: «{shown(suggestion, 60)}»."
    else:
        message = "Họ tên chưa có dấu: nếu tên có dấu, hãy gõ lại có dấu theo giấy tờ tùy thân."
    return NameFix(suggestion, message, lower_case, no_diacritics)


def clean_org_name(value: str | None, *, label: str = "Tên tổ chức", field: str = "org_name") -> str:
    """An organisation's name: letters, ASCII digits, spaces and ``& , . ( ) - / '``, at most 255
    characters, parentheses balanced ("Hợp tác xã Nông nghiệp số 2", "Công ty TNHH Xây dựng A&B")."""
    text = _one_line(_prepare(value, label, field))
    _required(text, True, label, field)
    _too_long(text, ORG_NAME_MAX, label, field)
    _check_words(
        text,
        label,
        field,
        punct=_ORG_PUNCT,
        digits=True,
        rule="chỉ gồm chữ cái, chữ số, dấu cách và các dấu & , . ( ) - / '",
    )
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            break
    if depth:
        raise ValidationError(f"{label}: dấu ngoặc ( ) không khớp nhau.", field=field)
    return text


# --- numbers of people and organisations -------------------------------------------------------


def clean_id_number(
    value: str | None,
    *,
    required: bool = False,
    today: date | None = None,
    label: str = "Số định danh cá nhân",
    field: str = "id_number",
) -> str:
    """Số định danh cá nhân (CCCD): 12 digits, structure-checked; spaces, dots and dashes between
    groups are removed. ``today`` is the agency's date (``date.today()`` only as a fallback)."""
    text = _SEPARATORS.sub("", _prepare(value, label, field))
    if not _required(text, required, label, field):
        return ""
    _refuse_foreign_digits(text, label, field)
    if not text.isdigit():
        raise ValidationError(f"{label}: chỉ gồm chữ số (12 chữ số).", field=field)
    if not _ID_RE.fullmatch(text):
        raise ValidationError(f"{label}: phải gồm đúng 12 chữ số.", field=field)
    problem = identity.cccd_problem(text, today or date.today())
    if problem:
        raise ValidationError(f"{label}: {problem}.", field=field)
    return text


def clean_tax_code(
    value: str | None,
    *,
    required: bool = False,
    check_digit: bool = True,
    label: str = "Mã số thuế",
    field: str = "tax_code",
) -> str:
    """Mã số thuế of an organisation: ``0100233488``, or ``0314409058-002`` for a branch (13 digits
    without the dash are accepted); spaces and dots are removed. The 10th digit is checked unless
    ``check_digit`` is false (see ``onestop.identity`` for the source of the algorithm)."""
    text = re.sub(r"[\s.]", "", _prepare(value, label, field))
    if not _required(text, required, label, field):
        return ""
    _refuse_foreign_digits(text, label, field)
    match = _TAX_RE.fullmatch(text)
    if not match:
        raise ValidationError(
            f"{label}: gồm 10 chữ số, hoặc 10 chữ số, dấu - và 3 chữ số của đơn vị phụ thuộc "
            "(ví dụ 0100233488, 0314409058-002).",
            field=field,
        )
    main, branch = match.group(1), match.group(2)
    problem = identity.tax_code_problem(main, branch, check_digit=check_digit)
    if problem:
        raise ValidationError(f"{label}: {problem}.", field=field)
    return main if branch is None else f"{main}-{branch}"


def clean_phone(
    value: str | None, *, required: bool = False, label: str = "Số điện thoại", field: str = "phone"
) -> str:
    """A Vietnamese phone number, stored in the national form so that either form finds it:
    mobile 10 digits starting with 0 (``+84``, ``84`` or ``0084`` and 9 digits become 0…), fixed
    line 11 digits starting with 02 (0 + area code + number, ``0236 3842 555``). Spaces, dots,
    dashes and parentheses between groups are removed."""
    text = _SEPARATORS.sub("", _prepare(value, label, field))
    if not _required(text, required, label, field):
        return ""
    _refuse_foreign_digits(text, label, field)
    for prefix in ("+84", "0084"):
        if text.startswith(prefix):
            rest = text[len(prefix) :]
            text = rest if rest.startswith("0") else "0" + rest
            break
    else:
        if text.startswith("84") and len(text) in (11, 12):
            text = "0" + text[2:]
    if text.startswith("+"):
        raise ValidationError(f"{label}: chỉ nhận số điện thoại Việt Nam (+84).", field=field)
    if not text.isdigit():
        raise ValidationError(f"{label}: chỉ gồm chữ số (và dấu cách . - ( ) giữa các nhóm).", field=field)
    mobile = len(text) == 10 and text[0] == "0" and text[1] != "0"
    fixed = len(text) == 11 and text.startswith("02")
    if not (mobile or fixed):
        raise ValidationError(
            f"{label}: di động gồm 10 chữ số bắt đầu bằng 0 (hoặc +84); cố định gồm 11 chữ số: 0, mã vùng "
            f"và số máy (ví dụ 0236 3842 555); số đã nhập có {len(text)} chữ số.",
            field=field,
        )
    return text


def clean_email(
    value: str | None, *, required: bool = False, label: str = "Email", field: str = "email"
) -> str:
    """An e-mail address (ASCII), stored in lower case; empty if not given."""
    text = _prepare(value, label, field).strip()
    if not _required(text, required, label, field):
        return ""
    match = _EMAIL_RE.fullmatch(text)
    if len(text) > EMAIL_MAX or not match or len(match.group(1)) > 64:
        raise ValidationError(
            f"{label}: địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten@example.vn).", field=field
        )
    return text.lower()


# --- free text -----------------------------------------------------------------------------------


def clean_text(value: str | None, *, label: str, field: str, max_len: int, required: bool = False) -> str:
    """Single-line free text (address, fee, reason): NFC, spaces folded, bounded length."""
    text = _one_line(_prepare(value, label, field))
    if not _required(text, required, label, field):
        return ""
    _too_long(text, max_len, label, field)
    return text


def clean_multiline(
    value: str | None, *, label: str, field: str, max_len: int, required: bool = False
) -> str:
    """Free text over several lines (notes): like ``clean_text`` but ``\\n`` is kept; spaces are
    folded within each line, blank lines at either end dropped, at most one blank line in a row."""
    raw = value.replace("\r\n", "\n") if isinstance(value, str) else value
    lines = [_one_line(line) for line in _prepare(raw, label, field, multiline=True).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    if not _required(text, required, label, field):
        return ""
    _too_long(text, max_len, label, field)
    return text


# --- numbers and dates ---------------------------------------------------------------------------


def clean_count(value: int | str | None, *, label: str, field: str, lo: int = 1, hi: int = 99) -> int:
    """A whole number from ``lo`` to ``hi`` (``lo`` when not given), typed in ASCII digits."""
    if value is None:
        number = lo
    elif isinstance(value, bool) or not isinstance(value, int | str):
        raise ValidationError(f"{label}: phải là số nguyên.", field=field)
    elif isinstance(value, int):
        number = value
    else:
        text = _one_line(_prepare(value, label, field))
        _refuse_foreign_digits(text, label, field)
        if not _INT_RE.fullmatch(text):
            raise ValidationError(f"{label}: phải là số nguyên.", field=field)
        number = int(text) if len(text) <= 18 else hi + 1  # int() refuses > 4300 digits
    if not lo <= number <= hi:
        raise ValidationError(f"{label}: phải từ {lo} đến {hi}.", field=field)
    return number


def _dmy(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def clean_date_in_range(d: date, label: str, field: str, *, lo: date = DATE_MIN, hi: date = DATE_MAX) -> date:
    """``d`` itself if it is a date from ``lo`` to ``hi`` (by default 01/01/1900–31/12/2100)."""
    if not isinstance(d, date):
        raise ValidationError(f"{label}: không phải một ngày hợp lệ.", field=field)
    day = d.date() if isinstance(d, datetime) else d
    if not lo <= day <= hi:
        raise ValidationError(
            f"{label}: phải trong khoảng {_dmy(lo)}–{_dmy(hi)} (đang là {_dmy(day)}).", field=field
        )
    return d
