"""Applicant data: phones, identity and tax numbers, organisations, name fixes, hostile text, numbers."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onestop import identity
from onestop import validation as v
from onestop.errors import ValidationError

TODAY = date(2026, 11, 23)
HIDDEN = ["\x00", "\x1b", "\x7f", "\x85", "\t", "\u202a", "\u202e", "\u2066", "\u2069", "\u200b", "\u200d"]
HIDDEN += [
    "\ufeff",
    "\u00ad",
    "\u2028",
    "\ud800",
    "\udfff",
    "\ue000",
    "\U000f0000",
    "\ufffe",
    "\u3164",
    "\ufe0f",
]


def is_hidden(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) in ("Zl", "Zp")


def refused(call: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        call()
    return err.value


# --- phones ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("0236 3842 555", "02363842555"),
        ("(0236) 3842-555", "02363842555"),
        ("+84 236 3842 555", "02363842555"),
        ("84 236 3842 555", "02363842555"),
        ("024.3825.6686", "02438256686"),
        ("84905123456", "0905123456"),
        ("0084 905 123 456", "0905123456"),
        ("+84 (0) 905 123 456", "0905123456"),
        ("0905\u00a0123\u00a0456", "0905123456"),  # no-break spaces from a pasted document
    ],
)
def test_mobile_and_fixed_lines_are_stored_as_national_digits(raw: str, clean: str) -> None:
    assert v.clean_phone(raw) == clean


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("０９０５１２３４５６", "0–9"),  # full-width, from an input method in full-width mode
        ("٠٩٠٥١٢٣٤٥٦", "0–9"),  # Arabic-Indic
        ("09051234567", "11 chữ số"),  # 11 digits but not a fixed line
        ("0236 384 25", "9 chữ số"),
        ("+1 202 555 0100", "Việt Nam"),
        ("0905 123 456 ext", "chỉ gồm chữ số"),
        ("0905\n123456", "một dòng"),
        ("0905\x1b[0m123456", "\\x1b"),
    ],
)
def test_bad_phones_are_refused_with_a_reason(bad: str, words: str) -> None:
    err = refused(lambda: v.clean_phone(bad))
    assert err.field == "phone"
    assert err.message.startswith("Số điện thoại: ")
    assert words in err.message


def test_phone_is_optional_unless_required_and_label_can_be_given() -> None:
    assert v.clean_phone("  ") == ""
    err = refused(lambda: v.clean_phone("", required=True, label="Điện thoại cơ quan", field="org_phone"))
    assert err.field == "org_phone" and err.message.startswith("Điện thoại cơ quan: ")


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"0[1-9][0-9]{8}", fullmatch=True))
def test_any_mobile_number_meets_its_international_form(number: str) -> None:
    assert v.clean_phone(number) == number
    assert v.clean_phone("+84 " + number[1:4] + " " + number[4:7] + " " + number[7:]) == number


# --- personal identification number ------------------------------------------------------------


def test_the_province_list_is_the_63_codes_with_their_gaps() -> None:
    provinces = identity.cccd_provinces()
    assert len(provinces) == 63
    assert (
        provinces["001"] == "Hà Nội" and provinces["079"] == "Hồ Chí Minh" and provinces["048"] == "Đà Nẵng"
    )
    assert provinces["096"] == "Cà Mau"
    assert not {"000", "003", "005", "050", "097", "999"} & set(provinces)
    assert all(unicodedata.is_normalized("NFC", name) for name in provinces.values())


@pytest.mark.parametrize("good", ["001190012345", "079201000001", "048 090 001 234", "096.305.000.001"])
def test_well_formed_identity_numbers_are_accepted(good: str) -> None:
    assert v.clean_id_number(good, today=TODAY) == good.replace(" ", "").replace(".", "")


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("000000000000", "cả 12 chữ số"),
        ("999999999999", "cả 12 chữ số"),
        ("003190012345", "3 chữ số đầu «003»"),
        ("050190012345", "mã tỉnh"),
        ("048230001234", "năm sinh 2030"),
        ("048427001234", "năm sinh 2127"),
        ("04819000123", "đúng 12 chữ số"),
        ("０４８１９０００１２３４", "0–9"),
        ("04819000123A", "chỉ gồm chữ số"),
    ],
)
def test_identity_numbers_name_the_wrong_part(bad: str, words: str) -> None:
    err = refused(lambda: v.clean_id_number(bad, today=TODAY))
    assert err.field == "id_number"
    assert err.message.startswith("Số định danh cá nhân: ")
    assert words in err.message


def test_birth_year_is_checked_against_the_agencys_date() -> None:
    assert v.clean_id_number("048226001234", today=date(2026, 1, 1)) == "048226001234"
    err = refused(lambda: v.clean_id_number("048226001234", today=date(2025, 12, 31)))
    assert "thứ 4" in err.message and "năm sinh 2026" in err.message


def test_what_the_first_six_digits_say() -> None:
    assert identity.cccd_info("079301000001") == identity.CccdInfo("079", "Hồ Chí Minh", True, 2001)
    assert identity.cccd_info("048090001234") == identity.CccdInfo("048", "Đà Nẵng", False, 1990)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(identity.cccd_provinces())),
    st.integers(min_value=1900, max_value=TODAY.year),
    st.booleans(),
    st.from_regex(r"[0-9]{6}", fullmatch=True),
)
def test_every_real_province_sex_and_past_year_is_accepted(
    code: str, year: int, female: bool, rest: str
) -> None:
    number = f"{code}{(year - 1900) // 100 * 2 + female}{year % 100:02d}{rest}"
    assert v.clean_id_number(number, today=TODAY) == number
    assert identity.cccd_info(number).birth_year == year


# --- organisations -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "good",
    [
        "Hợp tác xã Nông nghiệp số 2",
        "Công ty TNHH Xây dựng A&B",
        "Công ty Cổ phần Đầu tư (Việt Nam), chi nhánh Đà Nẵng",
        "Trường THCS Lê Lợi / Phân hiệu 2",
        "Hộ kinh doanh O'Brien - Lê",
    ],
)
def test_organisation_names_may_hold_digits_and_some_punctuation(good: str) -> None:
    assert v.clean_org_name(good) == good


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("", "để trống"),
        ("123", "phải có chữ cái"),
        ("Công ty (ABC", "ngoặc"),
        ("Công ty ABC)(", "ngoặc"),
        ("Công ty #1", "«#»"),
        ("Công ty số ９", "0–9"),
        ("Công ty\u202eABC", "\\u202e"),
        ("A" * 256, "dài quá 255"),
    ],
)
def test_bad_organisation_names_are_refused(bad: str, words: str) -> None:
    err = refused(lambda: v.clean_org_name(bad, label="Tên tổ chức nộp hồ sơ"))
    assert err.field == "org_name"
    assert err.message.startswith("Tên tổ chức nộp hồ sơ: ")
    assert words in err.message


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("0100233488", "0100233488"),
        ("0100109106", "0100109106"),
        ("01.00.112.437", "0100112437"),
        ("0314409058-002", "0314409058-002"),
        ("0314409058002", "0314409058-002"),
        ("0312 68 78 78 - 001", "0312687878-001"),
    ],
)
def test_tax_codes_of_ten_digits_or_a_branch(raw: str, clean: str) -> None:
    assert v.clean_tax_code(raw) == clean


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("0100233480", "chữ số kiểm tra"),
        ("0314409058-000", "001 đến 999"),
        ("0100000008", "thứ 3–9"),
        ("12345", "10 chữ số"),
        ("0100233488-12", "10 chữ số"),
        ("０１００２３３４８８", "0–9"),
    ],
)
def test_bad_tax_codes_are_refused(bad: str, words: str) -> None:
    err = refused(lambda: v.clean_tax_code(bad))
    assert err.field == "tax_code" and err.message.startswith("Mã số thuế: ")
    assert words in err.message


def test_the_check_digit_can_be_left_unchecked() -> None:
    assert identity.mst_check_digit("010023348") == 8
    assert v.clean_tax_code("0100233480", check_digit=False) == "0100233480"
    assert v.clean_tax_code("") == ""


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[0-9]{2}[1-9][0-9]{6}", fullmatch=True), st.integers(min_value=0, max_value=9))
def test_exactly_one_tenth_digit_fits_nine_digits(first9: str, digit: int) -> None:
    good = first9 + str(identity.mst_check_digit(first9))
    assert v.clean_tax_code(good) == good
    if str(digit) != good[9]:
        assert "kiểm tra" in refused(lambda: v.clean_tax_code(first9 + str(digit))).message


# --- names -------------------------------------------------------------------------------------


def test_clean_name_never_changes_the_case() -> None:
    assert v.clean_name("nguyen van a") == "nguyen van a"
    assert v.clean_name("NGUYỄN VĂN A") == "NGUYỄN VĂN A"


def test_a_name_without_diacritics_in_lower_case_is_offered_a_fix() -> None:
    fix = v.name_fix("nguyen van a")
    assert fix is not None
    assert fix.suggestion == "Nguyen Van A"
    assert "Họ tên chưa có dấu" in fix.message and "Nguyen Van A" in fix.message
    assert fix.lower_case and fix.no_diacritics


@pytest.mark.parametrize(
    ("name", "suggestion", "lower_case", "no_diacritics"),
    [
        ("nguyễn văn a", "Nguyễn Văn A", True, False),
        ("trần-lê minh", "Trần-Lê Minh", True, False),
        ("lê  Văn tám", "Lê Văn Tám", True, False),
        ("Nguyen Van A", "Nguyen Van A", False, True),  # a note only: diacritics cannot be guessed
        ("o'neil", "O'Neil", True, True),
    ],
)
def test_name_fixes(name: str, suggestion: str, lower_case: bool, no_diacritics: bool) -> None:
    fix = v.name_fix(name)
    assert fix is not None
    assert (fix.suggestion, fix.lower_case, fix.no_diacritics) == (suggestion, lower_case, no_diacritics)
    assert fix.message.startswith("Họ tên ")


@pytest.mark.parametrize("name", ["Nguyễn Văn A", "NGUYỄN VĂN A", "Đặng Văn Đức", "", "..."])
def test_nothing_is_offered_for_a_name_with_capitals_and_diacritics(name: str) -> None:
    assert v.name_fix(name) is None


def test_name_fix_is_frozen() -> None:
    fix = v.name_fix("nguyen van a")
    assert fix is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        fix.suggestion = "x"  # type: ignore[misc]


@pytest.mark.parametrize("bad", ["Ｎｇｕｙｅｎ Văn A", "\u0301Nguyễn", "Nguyễn Văn A" + "\u0301" * 5])
def test_names_refuse_full_width_letters_and_stray_marks(bad: str) -> None:
    assert refused(lambda: v.clean_name(bad)).field == "name"


# --- hostile text ------------------------------------------------------------------------------

CLEANERS: dict[str, Callable[[str], object]] = {
    "name": lambda s: v.clean_name(s),
    "org_name": lambda s: v.clean_org_name(s),
    "address": lambda s: v.clean_text(s, label="Địa chỉ", field="address", max_len=255),
    "note": lambda s: v.clean_multiline(s, label="Ghi chú", field="note", max_len=1000),
    "email": lambda s: v.clean_email(s),
    "phone": lambda s: v.clean_phone(s),
    "id_number": lambda s: v.clean_id_number(s, today=TODAY),
    "tax_code": lambda s: v.clean_tax_code(s),
    "sets": lambda s: v.clean_count(s, label="Số bộ", field="sets"),
}
VALID = {
    "name": "Nguyễn Văn A",
    "org_name": "Công ty A&B",
    "address": "12 Âu Cơ",
    "note": "Thiếu bản sao",
    "email": "an@example.vn",
    "phone": "0905123456",
    "id_number": "048090001234",
    "tax_code": "0100233488",
    "sets": "12",
}


@pytest.mark.parametrize("ch", HIDDEN, ids=[f"U+{ord(c):04X}" for c in HIDDEN])
@pytest.mark.parametrize("field", list(CLEANERS))
def test_every_field_refuses_hidden_characters_and_names_itself(field: str, ch: str) -> None:
    value = VALID[field][:2] + ch + VALID[field][2:]
    err = refused(lambda: CLEANERS[field](value))
    assert err.field == field
    assert err.message.split(":")[0] in {
        "Họ và tên",
        "Tên tổ chức",
        "Địa chỉ",
        "Ghi chú",
        "Email",
        "Số điện thoại",
        "Số định danh cá nhân",
        "Mã số thuế",
        "Số bộ",
    }
    assert v.shown(ch) in err.message
    assert not any(is_hidden(c) for c in err.message)


def test_single_line_fields_refuse_newlines_notes_keep_them() -> None:
    assert "một dòng" in refused(lambda: CLEANERS["address"]("12 Âu Cơ\nHòa Khánh")).message
    assert "một dòng" in refused(lambda: CLEANERS["name"]("Nguyễn\r\nVăn A")).message
    note = v.clean_multiline(
        "  Dòng một  \r\n\n\n\n  Dòng   hai \n", label="Ghi chú", field="note", max_len=100
    )
    assert note == "Dòng một\n\nDòng hai"
    assert refused(lambda: CLEANERS["note"]("a\rb")).field == "note"
    assert refused(lambda: CLEANERS["note"]("a\u2029b")).field == "note"


def test_a_long_hostile_value_is_never_echoed_whole() -> None:
    evil = "\x1b]0;pwned\x07" + "A" * 5000
    for field, clean in CLEANERS.items():
        err = refused(lambda clean=clean: clean(evil))
        assert len(err.message) < 300, field
        assert "\x1b" not in err.message and "A" * 50 not in err.message


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("\x1b[31mđỏ", "\\x1b[31mđỏ"),
        ("a\u202eb", "a\\u202eb"),
        ("dòng 1\ndòng 2", "dòng 1\\ndòng 2"),
        ("\U000e0041", "\\U000e0041"),
        ("\ud800", "\\ud800"),
        (unicodedata.normalize("NFD", "Thủy"), "Thủy"),
        ("x" * 41, "x" * 40 + "…"),
        ("x" * 40, "x" * 40),
    ],
)
def test_shown_escapes_and_cuts(value: str, text: str) -> None:
    assert v.shown(value) == text


def test_shown_cuts_before_an_escape_that_would_not_fit() -> None:
    assert v.shown("abc\u202edef", limit=5) == "abc…"
    assert v.shown("abc", limit=0) == "…"
    with pytest.raises(ValueError):
        v.shown("abc", limit=-1)


# --- numbers and dates -------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "number"), [("12", 12), (" 7 ", 7), (5, 5), (None, 1), ("099", 99)])
def test_counts(raw: int | str | None, number: int) -> None:
    assert v.clean_count(raw, label="Số bộ", field="sets") == number


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("١٢", "0–9"),
        ("９", "0–9"),
        ("1e3", "số nguyên"),
        ("1_0", "số nguyên"),
        ("", "số nguyên"),
        (True, "số nguyên"),
        ("100", "từ 1 đến 99"),
        ("9" * 5000, "từ 1 đến 99"),
    ],
)
def test_counts_take_ascii_digits_only(bad: int | str, words: str) -> None:
    err = refused(lambda: v.clean_count(bad, label="Số bộ", field="sets"))
    assert err.field == "sets" and err.message.startswith("Số bộ: ") and words in err.message


@pytest.mark.parametrize(
    "good", [date(1900, 1, 1), date(2026, 11, 23), date(2100, 12, 31), datetime(2000, 1, 1, 9)]
)
def test_dates_from_1900_to_2100_are_kept(good: date) -> None:
    assert v.clean_date_in_range(good, "Ngày sinh", "birth_date") is good


@pytest.mark.parametrize("bad", [date(1899, 12, 31), date(2101, 1, 1), date(1, 1, 1), "2026-11-23"])
def test_dates_outside_are_refused(bad: date) -> None:
    err = refused(lambda: v.clean_date_in_range(bad, "Ngày sinh", "birth_date"))
    assert err.field == "birth_date" and err.message.startswith("Ngày sinh: ")


# --- properties over arbitrary text ------------------------------------------------------------

SPICE = "\n\r\t\x1b\u202e\u200b\ufeff\u0301\u0323 .-+()&,/'@0123456789０٣"
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=()), st.sampled_from(SPICE), st.sampled_from("aăâđeêoôơuưĐẶỆ")
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(CLEANERS)), TEXT)
def test_cleaners_return_visible_nfc_text_or_a_validation_error(field: str, text: str) -> None:
    try:
        out = CLEANERS[field](text)
    except ValidationError as err:
        assert err.field == field
        assert not any(is_hidden(c) for c in err.message)
        assert len(err.message) < 400
        return
    if field == "sets":
        assert isinstance(out, int) and 1 <= out <= 99
        return
    assert isinstance(out, str)
    assert unicodedata.is_normalized("NFC", out)
    allowed = {"\n"} if field == "note" else set()
    assert not any(is_hidden(c) for c in out if c not in allowed)
    assert out == out.strip()


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(min_value=0, max_value=80))
def test_shown_is_short_and_visible(text: str, limit: int) -> None:
    out = v.shown(text, limit)
    assert len(out) <= limit + 1
    assert not any(is_hidden(c) for c in out)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_name_fix_never_raises_and_only_changes_case(text: str) -> None:
    fix = v.name_fix(text)
    if fix is not None:
        assert unicodedata.is_normalized("NFC", fix.suggestion)
        assert fix.suggestion.casefold() == " ".join(unicodedata.normalize("NFC", text).split()).casefold()
