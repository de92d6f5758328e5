"""The A5 paper that Mẫu 01-06 share: header with the QR, title, code block, applicant, signatures.

Each form module builds its own body between :func:`paper_top` and :func:`signatures`, and writes
the file with :func:`render_a5`. Nothing here knows about a particular form.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import IO, TypeVar

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from onestop.forms.model import FORM_TITLES, ApplicantInfo, FormHeader, PaperData
from onestop.forms.pdf import (
    Code128Flowable,
    HeaderFlowable,
    Margins,
    Styles,
    balanced_wrap,
    build_pdf,
    continuation_line,
    dot_leader,
    esc,
    keep_together,
    nfc,
    para,
    styles,
    table_style,
)
from onestop.forms.qr import make_qr_info, qr_payload

__all__ = [
    "A5_MARGINS",
    "A5_WIDTH",
    "Signature",
    "applicant_lines",
    "code_block",
    "data_qr",
    "data_top",
    "field",
    "letter_opening",
    "letter_style",
    "multiline",
    "paper_bytes",
    "paper_qr",
    "paper_top",
    "recipients_and_signature",
    "render_a5",
    "render_data",
    "signatures",
    "text_or_dots",
    "two_fields",
]

A5_MARGINS = Margins(left=14 * mm, right=10 * mm, top=8 * mm, bottom=8 * mm)
A5_WIDTH = 148 * mm - A5_MARGINS.left - A5_MARGINS.right

D = TypeVar("D")


def field(label: str, value: str, width: float, st: Styles) -> str:
    """Markup ``label: value``, or ``label:`` and dots to the end of its ``width`` when empty."""
    text = " ".join(nfc(value).split())
    if text:
        return f"{label}: {esc(text)}"
    return f"{label}: {dot_leader(label + ':', width, st.body.fontName, st.body.fontSize)}"


def text_or_dots(value: str, width: float, st: Styles) -> str:
    """``value`` escaped, or a dotted blank ``width`` wide to write on by hand."""
    text = " ".join(nfc(value).split())
    return esc(text) if text else dot_leader("", width, st.body.fontName, st.body.fontSize)


def two_fields(left: tuple[str, str], right: tuple[str, str], width: float, st: Styles) -> Table:
    """Two short ``label: value`` fields on one line (55 % / 45 %): it keeps a paper on one page."""
    lw, rw = width * 0.55, width * 0.45
    table = Table(
        [[para(field(*left, lw - 6, st), st.body), para(field(*right, rw, st), st.body)]],
        colWidths=[lw, rw],
        hAlign="LEFT",
    )
    table.setStyle(table_style(("BOTTOMPADDING", (0, 0), (-1, -1), 1)))
    return table


def paper_qr(
    form: str,
    *,
    header: FormHeader,
    issued_at: datetime,
    system_name: str = "",
    code: str = "",
    procedure_code: str = "",
    identification: str = "",
    appointment: datetime | None = None,
    anchor: str = "",
    demo: bool = False,
) -> str:
    """The QR text of a paper (:mod:`onestop.forms.qr`); the system name falls back to the header's."""
    return qr_payload(
        make_qr_info(
            form,
            issued_at=issued_at,
            system_name=system_name,
            header_system_name=header.system_name,
            code=code,
            procedure_code=procedure_code,
            identification=identification,
            appointment=appointment,
            anchor=anchor,
            demo=demo,
        )
    )


def code_block(code: str, st: Styles) -> list[Flowable]:
    """``Mã hồ sơ: <code>`` centred over its Code 128 (the counter scanner reads the bars)."""
    bar = Code128Flowable(code, module_width=0.27 * mm, bar_height=9 * mm, text_size=8)
    bar.hAlign = "CENTER"
    return [para(f"Mã hồ sơ: <b>{esc(code)}</b>", st.center), Spacer(1, 0.8 * mm), bar]


def data_qr(data: PaperData, form: str, appointment: datetime | None = None) -> str:
    """The QR text of Mẫu ``form`` issued from ``data``."""
    return paper_qr(
        form,
        header=data.header,
        issued_at=data.issued_at,
        system_name=data.system_name,
        code=data.code,
        procedure_code=data.procedure_code,
        identification=data.applicant.identification,
        appointment=appointment,
        demo=data.demo,
    )


def paper_top(
    header: FormHeader,
    title: str,
    *,
    issued_at: datetime,
    qr: str,
    code: str = "",
    demo: bool = False,
    subtitle: str = "",
) -> list[Flowable]:
    """Header (QR upper left, date of issue), title, optional subtitle, and the code block if any."""
    st = styles()
    # A title too long for one line splits into lines of even length, not one word left alone.
    lines = balanced_wrap(title, st.title.fontName, st.title.fontSize, A5_WIDTH - 2)
    story: list[Flowable] = [
        HeaderFlowable(header, on=issued_at.date(), qr=qr, demo=demo),
        Spacer(1, 2.5 * mm),
        para("<br/>".join(esc(line) for line in lines), st.title),
    ]
    if subtitle:
        story.append(para(subtitle, st.subtitle))
    story.append(Spacer(1, 1.5 * mm))
    if code.strip():
        story += code_block(code.strip(), st)
        story.append(Spacer(1, 2 * mm))
    return story


def data_top(data: PaperData, form: str, *, appointment: datetime | None = None) -> list[Flowable]:
    """:func:`paper_top` for Mẫu ``form`` issued from ``data`` (title from ``FORM_TITLES``)."""
    return paper_top(
        data.header,
        FORM_TITLES[form],
        issued_at=data.issued_at,
        qr=data_qr(data, form, appointment),
        code=data.code,
        demo=data.demo,
    )


def applicant_lines(
    applicant: ApplicantInfo, intro: str, width: float, st: Styles, *, email_always: bool = False
) -> list[Flowable]:
    """``<intro> <b>name</b>``, the id (or tax code) and phone, the address, and the e-mail if any.

    ``intro`` is markup ending where the name goes ("… tiếp nhận hồ sơ của:"). Empty fields leave
    dots to fill in by hand; the e-mail line is left out when empty (most applicants have none).
    """
    out: list[Flowable] = [
        # Not justified: the name often moves down whole, which would stretch the line.
        para(f"{intro} <b>{keep_together(applicant.name)}</b>", st.body),
        two_fields(
            (applicant.id_label, applicant.identification), ("Số điện thoại", applicant.phone), width, st
        ),
        para(field("Địa chỉ", applicant.address, width, st), st.body),
    ]
    if applicant.email.strip() or email_always:
        out.append(para(field("Email", applicant.email, width, st), st.body))
    return out


def letter_opening(applicant: ApplicantInfo, st: Styles) -> list[Flowable]:
    """``Kính gửi: <name>`` centred, the address and phone under it when known (Mẫu 04, 05)."""
    out: list[Flowable] = [
        Spacer(1, 1 * mm),
        para(f"Kính gửi: <b>{keep_together(applicant.name)}</b>", st.center),
    ]
    contact = []
    if applicant.address.strip():
        contact.append(f"Địa chỉ: {esc(' '.join(applicant.address.split()))}")
    if applicant.phone.strip():
        contact.append(f"Số điện thoại: {keep_together(applicant.phone)}")  # a number never splits
    if contact:
        out.append(para("(" + "; ".join(contact) + ")", st.center_italic))
    out.append(Spacer(1, 2 * mm))
    return out


@dataclass(frozen=True)
class Signature:
    """One signature column: the role in bold capitals (lines split on ``\\n``), the hint, the name."""

    role: str
    name: str = ""
    hint: str = "(Ký và ghi rõ họ tên)"


def _signature_column(sig: Signature, st: Styles, space: float) -> list[Flowable]:
    out: list[Flowable] = [para(esc(line), st.center_bold) for line in sig.role.split("\n") if line]
    if sig.hint:
        out.append(para(esc(sig.hint), st.center_italic))
    out.append(Spacer(1, space))
    out.append(para(f"<b>{esc(sig.name)}</b>", st.center))
    return out


def signatures(columns: Sequence[Signature], width: float, st: Styles, *, space: float = 14 * mm) -> Table:
    """Signature columns side by side; a single one stands in the right half, as on official papers."""
    cells: list[list[Flowable] | str] = [_signature_column(sig, st, space) for sig in columns]
    if len(cells) == 1:
        cells.insert(0, "")
    table = Table([cells], colWidths=[width / len(cells)] * len(cells))
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


@cache
def letter_style() -> ParagraphStyle:
    """Body text of a letter (Mẫu 04, 05): justified, first line indented, a little air between."""
    st = styles()
    return ParagraphStyle("onestop-letter", parent=st.body_justify, firstLineIndent=7 * mm, spaceAfter=2)


def multiline(text: str) -> str:
    """Markup for user text that may hold line breaks (a reason in several paragraphs)."""
    lines = [" ".join(line.split()) for line in nfc(text).strip().splitlines()]
    return "<br/>".join(esc(line) for line in lines if line)


def recipients_and_signature(
    signer: Signature,
    width: float,
    st: Styles,
    recipients: Sequence[str] = ("Như trên", "Lưu: VT"),
) -> Table:
    """NĐ 30's closing of a letter: ``Nơi nhận:`` on the left, the signer's column on the right."""
    small = st.small
    left: list[Flowable] = [para("<b><i>Nơi nhận:</i></b>", small)]
    for i, who in enumerate(recipients):
        end = "." if i == len(recipients) - 1 else ";"
        left.append(para(f"- {esc(who)}{end}", small))
    table = Table(
        [[left, _signature_column(signer, st, 16 * mm)]],
        colWidths=[width / 2, width / 2],
    )
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def render_a5(
    out: str | os.PathLike[str] | IO[bytes],
    story: list[Flowable],
    *,
    title: str,
    code: str,
    author: str,
    subject: str,
    pdf_title: str,
    demo: bool,
) -> None:
    """Lay an A5 paper out; continuation pages carry ``title``, the code and the page number."""
    build_pdf(
        out,
        story,
        title=pdf_title,
        author=author,
        subject=subject,
        margins=A5_MARGINS,
        on_later_pages=continuation_line(title, code, A5_MARGINS),
        demo=demo,
    )


def render_data(
    out: str | os.PathLike[str] | IO[bytes], data: PaperData, form: str, story: list[Flowable]
) -> None:
    """:func:`render_a5` for Mẫu ``form`` issued from ``data``; the PDF's title names the code if any."""
    title = FORM_TITLES[form]
    code = data.code.strip()
    render_a5(
        out,
        story,
        title=title,
        code=code,
        author=data.unit_name,
        subject=data.procedure_name,
        pdf_title=" ".join(part for part in (nfc(title).lower().capitalize(), code) if part),
        demo=data.demo,
    )


def paper_bytes(render: Callable[[D, IO[bytes]], None], data: D) -> bytes:
    """What ``render(data, stream)`` writes, as bytes."""
    buf = io.BytesIO()
    render(data, buf)
    return buf.getvalue()
