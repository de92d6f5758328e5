"""Mẫu 05: Thông báo dừng giải quyết hồ sơ (TT 03/2025/TT-VPCP), on A5 portrait.

Processing stops (e.g. at the applicant's request, or when the law no longer allows it), and the
paper says why in words. TT 01/2018 had no such form; the wording follows the other letters of the
set (Kính gửi, the receipt, the decision and its reason, NĐ 30's closing) in plain Vietnamese.
"""

from __future__ import annotations

import os
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from onestop.forms.model import FORM_TITLES, StopData
from onestop.forms.paper import (
    A5_WIDTH,
    Signature,
    data_top,
    letter_opening,
    letter_style,
    multiline,
    paper_bytes,
    recipients_and_signature,
    render_data,
)
from onestop.forms.pdf import esc, para, styles, vn_datetime

__all__ = ["TITLE", "render_stop", "stop_bytes"]

TITLE = FORM_TITLES["05"]


def _story(data: StopData, width: float) -> list[Flowable]:
    if not data.reason.strip():
        raise ValueError("Mẫu 05 gives the reason for stopping in words")
    st = styles()
    who = data.applicant.addressee
    unit = esc(data.unit_name)
    story = data_top(data, "05")
    story += letter_opening(data.applicant, st)
    paragraphs = [
        f"Vào {vn_datetime(data.received_at)}, {unit} đã tiếp nhận hồ sơ của {who}, nội dung yêu cầu giải "
        f"quyết: <b>{esc(data.procedure_name)}</b>.",
        f"{unit} thông báo dừng giải quyết hồ sơ nêu trên.",
        f"Lý do: {multiline(data.reason)}",
    ]
    if data.note.strip():
        paragraphs.append(multiline(data.note))
    story += [para(p, letter_style()) for p in paragraphs]
    signer = Signature(data.signer_title, data.signer_name, "(Ký, ghi rõ họ tên và đóng dấu)")
    story.append(
        KeepTogether(
            [
                para(f"Xin thông báo để {who} được biết./.", letter_style()),
                Spacer(1, 3 * mm),
                recipients_and_signature(signer, width, st),
            ]
        )
    )
    return story


def render_stop(data: StopData, out: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write Mẫu 05 of ``data`` as an A5 PDF to a path or a binary stream."""
    render_data(out, data, "05", _story(data, A5_WIDTH))


def stop_bytes(data: StopData) -> bytes:
    """Mẫu 05 of ``data`` as PDF bytes."""
    return paper_bytes(render_stop, data)
