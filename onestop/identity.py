"""The structure of two Vietnamese numbers: the personal identification number and the tax code.

Pure functions over strings of ASCII digits that ``onestop.validation`` has already cleaned; each
``*_problem`` function returns what is wrong as a Vietnamese phrase naming the part (for the
message after the field's label), or ``None``.

Số định danh cá nhân (on the CCCD card), 12 digits (Nghị định 137/2015/NĐ-CP Art. 13, Thông tư
07/2016/TT-BCA Art. 7): 3 digits for the province where the birth was registered
(``resources/data/cccd-provinces.json``), 1 for sex and century (0/1 born 1900–1999 male/female,
2/3 2000–2099, 4/5 2100–2199, 6/7 2200–2299, 8/9 2300–2399), 2 for the year of birth, 6 random.

Mã số thuế (cấu trúc mã số thuế, Thông tư 105/2020/TT-BTC): N1…N10, the 10th a check digit; a dependent unit (branch)
adds ``-`` and 3 digits 001–999.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from types import MappingProxyType
from typing import Any

from onestop.res import load_json

CCCD_LENGTH = 12


@cache
def cccd_provinces() -> Mapping[str, str]:
    """Province code of birth registration → province name (the 63 provinces before July 2025)."""
    document: Any = load_json("data", "cccd-provinces.json")
    return MappingProxyType({str(code): str(name) for code, name in document["provinces"].items()})


@dataclass(frozen=True)
class CccdInfo:
    """What the first six digits of a personal identification number say."""

    province_code: str
    province: str
    female: bool
    birth_year: int


def _check_digits(number: str, length: int) -> None:
    if len(number) != length or not number.isascii() or not number.isdigit():
        raise ValueError(f"expected {length} ASCII digits")


def cccd_birth_year(number: str) -> int:
    """The year of birth: the century from the 4th digit, the last two figures from the 5th–6th."""
    _check_digits(number, CCCD_LENGTH)
    return 1900 + 100 * (int(number[3]) // 2) + int(number[4:6])


def cccd_problem(number: str, today: date) -> str | None:
    """What is wrong with 12 digits as a personal identification number issued by ``today``."""
    _check_digits(number, CCCD_LENGTH)
    if len(set(number)) == 1:
        return f"không hợp lệ (cả 12 chữ số đều là {number[0]})"
    code = number[:3]
    if code not in cccd_provinces():
        return f"3 chữ số đầu «{code}» không phải mã tỉnh, thành phố nơi đăng ký khai sinh"
    year = cccd_birth_year(number)
    if year > today.year:
        return (
            f"chữ số thứ 4 «{number[3]}» (thế kỷ, giới tính) và chữ số thứ 5–6 «{number[4:6]}» "
            f"cho năm sinh {year}, sau năm {today.year}"
        )
    return None


def cccd_info(number: str) -> CccdInfo:
    """Province, sex and year of birth of a number that ``cccd_problem`` accepted."""
    _check_digits(number, CCCD_LENGTH)
    code = number[:3]
    return CccdInfo(code, cccd_provinces().get(code, ""), int(number[3]) % 2 == 1, cccd_birth_year(number))


# The check digit of a tax code. Thông tư 105/2020/TT-BTC says only that N10 is a check
# digit; the algorithm is not in the published regulation. Weights 31, 29, 23, 19, 17, 13, 7, 5, 3
# over N1–N9, N10 = 10 − (sum mod 11): as implemented by python-stdnum (stdnum/vn/mst.py, added in
# 2020 from the discussion in arthurdejong/python-stdnum#217) and checked there against about 150
# tax codes published by their holders. When sum mod 11 is 0 no digit fits; stdnum refuses such
# codes, other implementations take 0: we accept 0 rather than refuse a code that may be real.
MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def mst_check_digit(first9: str) -> int:
    """The 10th digit of a tax code whose first nine digits are ``first9``."""
    _check_digits(first9, 9)
    total = sum(w * int(d) for w, d in zip(MST_WEIGHTS, first9, strict=True))
    return (10 - total % 11) % 10


def tax_code_problem(main: str, branch: str | None = None, *, check_digit: bool = True) -> str | None:
    """What is wrong with a tax code: 10 digits ``main``, and ``branch`` (3 digits) for a branch."""
    _check_digits(main, 10)
    if main[2:9] == "0000000":
        return f"chữ số thứ 3–9 «{main[2:9]}» không hợp lệ"
    if branch is not None:
        _check_digits(branch, 3)
        if branch == "000":
            return "3 chữ số của đơn vị phụ thuộc phải từ 001 đến 999"
    if check_digit and int(main[9]) != mst_check_digit(main[:9]):
        return f"chữ số kiểm tra (chữ số thứ 10) «{main[9]}» không khớp với 9 chữ số đầu: xem lại từng chữ số"
    return None
