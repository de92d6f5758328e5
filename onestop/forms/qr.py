"""What the QR code of a paper says (Thông tư 01/2023/TT-VPCP), and reading it back.

The circular names the fields a paper's QR code must carry — the dossier code, the procedure code,
the identification number of the person or organisation, the paper's name, the information system's
name and the time of issue, and on the receipt the appointment — but no encoding. This one is plain
UTF-8 text, one ``key=value`` per line, keys in a fixed order, empty fields left out::

    v=1
    mau=01
    gt=Giấy tiếp nhận hồ sơ và hẹn trả kết quả
    hs=H17.50.05.13-261127-0042
    tthc=1.001234
    dd=048190001234
    ht=onestop
    tg=2026-02-25T10:00+07:00
    hen=2026-02-27T16:30+07:00

It is short (about 200 bytes: a version-10 code, 57 modules, 0.28 mm each at 18 mm), readable by
any phone's scanner without an application, and trivial to parse. ``docs/qr.md`` describes it for other systems.
The identification number is readable by anyone who scans the code: screens that decode it (the
kiosk) must never show ``dd``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from onestop.forms.model import DEFAULT_SYSTEM_NAME, FORM_TITLES
from onestop.forms.text import nfc

__all__ = ["QR_VERSION", "QrInfo", "make_qr_info", "paper_name", "parse_qr_payload", "qr_payload"]

QR_VERSION = "1"


@dataclass(frozen=True)
class QrInfo:
    """The fields of a paper's QR code (see the module's docstring for the keys)."""

    form: str  # "01".."07"                                          mau
    paper_name: str  # "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"      gt
    system_name: str  # information system's name                     ht
    issued_at: datetime  # time of issue                              tg
    code: str = ""  # dossier code; "" when none (Mẫu 02 at the counter, Mẫu 07)   hs
    procedure_code: str = ""  # mã TTHC                                tthc
    identification: str = ""  # số định danh cá nhân, or mã số thuế    dd
    appointment: datetime | None = None  # hẹn trả (01; 04: the new one)   hen
    anchor: str = ""  # Mẫu 07: the history chain's anchor            neo
    demo: bool = False  # demonstration data                          demo=1


# (attribute, key) in the order they are written.
_KEYS: tuple[tuple[str, str], ...] = (
    ("form", "mau"),
    ("paper_name", "gt"),
    ("code", "hs"),
    ("procedure_code", "tthc"),
    ("identification", "dd"),
    ("system_name", "ht"),
    ("issued_at", "tg"),
    ("appointment", "hen"),
    ("anchor", "neo"),
)
_TIMES = {"issued_at", "appointment"}


def paper_name(form: str) -> str:
    """The paper's name as carried in the QR: the title in sentence case ("Sổ theo dõi hồ sơ")."""
    return nfc(FORM_TITLES[form].lower().capitalize())


def _one_line(value: str) -> str:
    # A value never spans lines: newlines and runs of spaces become one space.
    return " ".join(nfc(value).split())


def _time(dt: datetime) -> str:
    return dt.isoformat(timespec="minutes")


def qr_payload(info: QrInfo) -> str:
    """The text of the QR code for ``info`` (see the module's docstring)."""
    lines = [f"v={QR_VERSION}"]
    for attr, key in _KEYS:
        value = getattr(info, attr)
        if value is None:
            continue
        text = _time(value) if attr in _TIMES else _one_line(str(value))
        if text:
            lines.append(f"{key}={text}")
    if info.demo:
        lines.append("demo=1")
    return "\n".join(lines)


def make_qr_info(
    form: str,
    *,
    issued_at: datetime,
    system_name: str = "",
    header_system_name: str = "",
    code: str = "",
    procedure_code: str = "",
    identification: str = "",
    appointment: datetime | None = None,
    anchor: str = "",
    demo: bool = False,
) -> QrInfo:
    """A :class:`QrInfo` for Mẫu ``form``; the system name falls back to the header's, then "onestop"."""
    name = system_name.strip() or header_system_name.strip() or DEFAULT_SYSTEM_NAME
    return QrInfo(
        form=form,
        paper_name=paper_name(form),
        system_name=name,
        issued_at=issued_at,
        code=code.strip(),
        procedure_code=procedure_code.strip(),
        identification=identification.strip(),
        appointment=appointment,
        anchor=anchor.strip(),
        demo=demo,
    )


def parse_qr_payload(text: str) -> QrInfo:
    """The fields of a QR payload made by :func:`qr_payload` (its inverse).

    Unknown keys are ignored, so a later version may add fields; a payload without ``v=1`` first, or
    without the paper's form, name, system and time of issue, raises ``ValueError``.
    """
    lines = [line for line in nfc(text).replace("\r\n", "\n").split("\n") if line.strip()]
    if not lines or lines[0].strip() != f"v={QR_VERSION}":
        raise ValueError("not a paper's QR code (version 1 expected on the first line)")
    values: dict[str, str] = {}
    for line in lines[1:]:
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"QR line without '=': {line!r}")
        key = key.strip()
        if key in values:
            raise ValueError(f"QR key repeated: {key}")
        values[key] = value.strip()
    fields: dict[str, object] = {}
    for attr, key in _KEYS:
        if key in values:
            raw = values[key]
            fields[attr] = datetime.fromisoformat(raw) if attr in _TIMES else raw
    missing = [key for attr, key in _KEYS[:2] + _KEYS[5:7] if attr not in fields]
    if missing:
        raise ValueError("QR code without " + ", ".join(missing))
    fields["demo"] = values.get("demo") == "1"
    return QrInfo(**fields)  # type: ignore[arg-type]
