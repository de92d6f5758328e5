from __future__ import annotations

import unicodedata

import pytest

from onestop import validation as v
from onestop.errors import ValidationError
from onestop.textfold import fold, search_key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nguyễn Thị Thủy", "nguyen thi thuy"),
        ("Đặng Văn Đức", "dang van duc"),
        ("ĐỖ HOÀNG ÁNH", "do hoang anh"),
        (unicodedata.normalize("NFD", "Trần Ngọc Ánh"), "tran ngoc anh"),
        ("Phường Hòa Khánh", "phuong hoa khanh"),
    ],
)
def test_fold_removes_marks_and_maps_d_stroke_to_d(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_search_key_splits_codes_into_words() -> None:
    assert search_key("Lê Văn A", "H17.50.05.13-261008-0975") == "le van a h17 50 05 13 261008 0975"


@pytest.mark.parametrize("good", ["Nguyễn Thị Thủy", "O'Brien Nguyễn", "Lê Văn A.", "Trần-Lê Minh"])
def test_names_with_letters_spaces_and_punctuation_are_accepted(good: str) -> None:
    assert v.clean_name(good) == good


def test_name_is_nfc_normalised_and_spaces_folded() -> None:
    raw = "  " + unicodedata.normalize("NFD", "Nguyễn   Thị Thủy") + " "
    assert v.clean_name(raw) == "Nguyễn Thị Thủy"
    assert unicodedata.is_normalized("NFC", v.clean_name(raw))


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("", "không được để trống"),
        ("Nguyễn Văn 3", "chỉ gồm chữ cái"),
        ("A" * 101, "dài quá 100"),
        ("...", "phải có chữ"),
    ],
)
def test_bad_names_are_refused_with_the_field_named(bad: str, words: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.clean_name(bad, label="Họ và tên người nộp")
    assert err.value.field == "name"
    assert "Họ và tên người nộp" in err.value.message
    assert words in err.value.message


@pytest.mark.parametrize("good", ["048090001234", "048 090 001 234"])
def test_id_number_of_twelve_digits_is_accepted(good: str) -> None:
    assert v.clean_id_number(good) == "048090001234"


@pytest.mark.parametrize("bad", ["04809000123", "0480900012345", "04809000123A", "０４８０９０００１２３４"])
def test_id_number_must_be_exactly_twelve_ascii_digits(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.clean_id_number(bad)
    assert "Số định danh cá nhân" in err.value.message


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("0905123456", "0905123456"),
        ("+84905123456", "0905123456"),
        ("0236.384.255", "0236384255"),
        ("(+84) 905-123-456", "0905123456"),
    ],
)
def test_phone_is_stored_in_national_form(raw: str, clean: str) -> None:
    assert v.clean_phone(raw) == clean


@pytest.mark.parametrize("bad", ["12345", "09051234567", "0005123456", "+1 202 555 0100", "09o5123456"])
def test_bad_phone_numbers_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.clean_phone(bad)
    assert err.value.field == "phone"
    assert "Số điện thoại" in err.value.message


def test_email_is_optional_but_checked() -> None:
    assert v.clean_email("") == ""
    assert v.clean_email("An@Example.VN") == "an@example.vn"
    with pytest.raises(ValidationError, match="Email"):
        v.clean_email("an@")
