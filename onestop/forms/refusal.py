"""Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ (TT 03/2025/TT-VPCP), on A5 portrait.

The dossier is not accepted, and the paper says why in words. Wording after the TT 01/2018 Mẫu 03
used by production systems: "Qua xem xét, … thông báo không tiếp nhận, giải quyết hồ sơ này với lý
do cụ thể như sau: …", "Xin thông báo cho Ông/Bà được biết và thực hiện./.", signed by the applicant
and by whoever refuses for the unit.
"""

from __future__ import annotations

import os
from typing import IO

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from onestop.forms.model import FORM_TITLES, RefusalData
from onestop.forms.paper import (
    A5_WIDTH,
    Signature,
    applicant_lines,
    data_top,
    multiline,
    paper_bytes,
    render_data,
    signatures,
)
from onestop.forms.pdf import esc, para, styles

__all__ = ["TITLE", "refusal_bytes", "render_refusal"]

TITLE = FORM_TITLES["03"]


def _story(data: RefusalData, width: float) -> list[Flowable]:
    if not data.reason.strip():
        raise ValueError("Mẫu 03 gives the reason for the refusal in words")
    st = styles()
    who = data.applicant.addressee
    unit = esc(data.unit_name)
    reason_style = ParagraphStyle("onestop-reason", parent=st.body_justify, leftIndent=6 * mm)
    story = data_top(data, "03")
    story += applicant_lines(data.applicant, f"{unit} tiếp nhận hồ sơ của:", width, st)
    story.append(para(f"Nội dung yêu cầu giải quyết: <b>{esc(data.procedure_name)}</b>", st.body_justify))
    story.append(Spacer(1, 1 * mm))
    story.append(
        para(
            f"Qua xem xét, {unit} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
            st.body_justify,
        )
    )
    story.append(para(multiline(data.reason), reason_style))
    story.append(Spacer(1, 1 * mm))
    sigs = [
        Signature("NGƯỜI NỘP HỒ SƠ", data.applicant.name),
        Signature(data.officer_role, data.officer_name),
    ]
    story.append(
        KeepTogether(
            [
                para(f"Xin thông báo cho {who} được biết và thực hiện./.", st.body_justify),
                Spacer(1, 3 * mm),
                signatures(sigs, width, st),
            ]
        )
    )
    return story


def render_refusal(data: RefusalData, out: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write Mẫu 03 of ``data`` as an A5 PDF to a path or a binary stream."""
    render_data(out, data, "03", _story(data, A5_WIDTH))


def refusal_bytes(data: RefusalData) -> bytes:
    """Mẫu 03 of ``data`` as PDF bytes."""
    return paper_bytes(render_refusal, data)
