"""Mẫu 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (TT 03/2025/TT-VPCP), on A5.

Issued at the latest one working day before the due moment, at most once per dossier (domain.md
§4): it apologises, gives the reason, the original appointment and the new one. The QR carries the
new appointment.

Wording after the TT 01/2018 Mẫu 04 ("Phiếu xin lỗi và hẹn lại ngày trả kết quả") used by production
systems — "Kính gửi", the receipt's date and appointment, "Tuy nhiên đến nay … chưa giải quyết xong
hồ sơ", "Lý do", "Sự chậm trễ này đã gây phiền hà cho Ông/Bà … xin lỗi …", "Xin trân trọng cảm ơn./."
— with TT 03/2025's "đề nghị gia hạn thời gian giải quyết", and NĐ 30's "Nơi nhận" and signature.
"""

from __future__ import annotations

import os
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from onestop.forms.model import FORM_TITLES, ApologyData
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

__all__ = ["TITLE", "apology_bytes", "render_apology"]

TITLE = FORM_TITLES["04"]


def _story(data: ApologyData, width: float) -> list[Flowable]:
    if not data.reason.strip():
        raise ValueError("Mẫu 04 gives the reason for the delay in words")
    if data.new_due_at <= data.original_due_at:
        raise ValueError("Mẫu 04: the new appointment must come after the original one")
    st = styles()
    who = data.applicant.addressee
    unit = esc(data.unit_name)
    story = data_top(data, "04", appointment=data.new_due_at)
    story += letter_opening(data.applicant, st)
    paragraphs = [
        f"Vào {vn_datetime(data.received_at)}, {unit} đã tiếp nhận hồ sơ của {who}, nội dung yêu cầu giải "
        f"quyết: <b>{esc(data.procedure_name)}</b>.",
        "Thời gian trả kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả là: "
        f"<b>{vn_datetime(data.original_due_at)}</b>.",
        f"Tuy nhiên, đến nay {unit} chưa giải quyết xong hồ sơ của {who}.",
        f"Lý do: {multiline(data.reason)}",
        f"Sự chậm trễ này đã gây phiền hà cho {who}. {unit} trân trọng xin lỗi {who} và đề nghị gia hạn "
        "thời gian giải quyết hồ sơ; thời gian trả kết quả mới là: "
        f"<b>{vn_datetime(data.new_due_at)}</b>.",
    ]
    story += [para(p, letter_style()) for p in paragraphs]
    signer = Signature(data.signer_title, data.signer_name, "(Ký, ghi rõ họ tên và đóng dấu)")
    story.append(
        KeepTogether(
            [
                para("Xin trân trọng cảm ơn./.", letter_style()),
                Spacer(1, 3 * mm),
                recipients_and_signature(signer, width, st),
            ]
        )
    )
    return story


def render_apology(data: ApologyData, out: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write Mẫu 04 of ``data`` as an A5 PDF to a path or a binary stream."""
    render_data(out, data, "04", _story(data, A5_WIDTH))


def apology_bytes(data: ApologyData) -> bytes:
    """Mẫu 04 of ``data`` as PDF bytes."""
    return paper_bytes(render_apology, data)
