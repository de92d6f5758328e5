"""Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (TT 03/2025/TT-VPCP), on A5 portrait.

The guidance is given **once, in writing**: the paper lists every missing or incorrect document at
once, each with its reason. It may be issued at the counter before any dossier exists (no code: no
barcode, and the QR carries no code) or during processing for a dossier.

Wording after the TT 01/2018 Mẫu 02 used by production systems ("Hồ sơ của", "Nội dung yêu cầu giải
quyết", "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, … liên hệ … để được hướng dẫn", signed by
NGƯỜI HƯỚNG DẪN); the table with a reason per document is this application's reading of "the reason
for each" that NĐ 118/2025 asks for.
"""

from __future__ import annotations

import os
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from onestop.forms.model import FORM_TITLES, GuidanceData, GuidanceItem
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
from onestop.forms.pdf import Styles, esc, keep_together, para, styles, table_style

__all__ = ["ITEM_KINDS", "TITLE", "guidance_bytes", "render_guidance"]

TITLE = FORM_TITLES["02"]
ITEM_KINDS = {"missing": "Bổ sung", "incorrect": "Hoàn thiện"}


def _items_table(items: tuple[GuidanceItem, ...], width: float, st: Styles) -> Table:
    head = [
        para(t, st.table_head)
        for t in ("TT", "Giấy tờ, nội dung cần bổ sung, hoàn thiện", "Yêu cầu", "Lý do")
    ]
    rows: list[list[Flowable | str]] = [head]
    for i, item in enumerate(items, start=1):
        if item.kind not in ITEM_KINDS:
            raise ValueError(f"GuidanceItem.kind: {item.kind!r} is not missing or incorrect")
        rows.append(
            [
                para(str(i), st.table_cell_center),
                para(esc(item.document), st.table_cell),
                para(ITEM_KINDS[item.kind], st.table_cell_center),
                para(multiline(item.reason), st.table_cell),
            ]
        )
    fixed = [8 * mm, 44 * mm, 17 * mm]
    table = Table(rows, colWidths=[*fixed, width - sum(fixed)], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            grid=0.5,
        )
    )
    return table


def _story(data: GuidanceData, width: float) -> list[Flowable]:
    if not data.items:
        raise ValueError("Mẫu 02 lists at least one document to bring or correct")
    st = styles()
    who = data.applicant.addressee
    unit = esc(data.unit_name)
    story = data_top(data, "02")
    story += applicant_lines(data.applicant, "Hồ sơ của:", width, st)
    story.append(para(f"Nội dung yêu cầu giải quyết: <b>{esc(data.procedure_name)}</b>", st.body_justify))
    story.append(CondPageBreak(30 * mm))
    story.append(
        para(
            f"Sau khi kiểm tra, {unit} đề nghị {who} bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
            st.body_justify,
        )
    )
    story.append(_items_table(data.items, width, st))
    story.append(Spacer(1, 1.5 * mm))
    if data.note.strip():
        story.append(para(multiline(data.note), st.body_justify))
    phone = (data.contact_phone or data.header.hotline).strip()
    contact = keep_together(data.officer_name) if data.officer_name.strip() else "người hướng dẫn"
    if phone:
        contact += f", số điện thoại {esc(phone)}"
    closing = (
        f"Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, {who} liên hệ {contact} "
        "để được hướng dẫn./."
    )
    story.append(
        KeepTogether(
            [
                para(closing, st.body_justify),
                Spacer(1, 2 * mm),
                signatures([Signature("NGƯỜI HƯỚNG DẪN", data.officer_name)], width, st),
            ]
        )
    )
    return story


def render_guidance(data: GuidanceData, out: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write Mẫu 02 of ``data`` as an A5 PDF to a path or a binary stream."""
    render_data(out, data, "02", _story(data, A5_WIDTH))


def guidance_bytes(data: GuidanceData) -> bytes:
    """Mẫu 02 of ``data`` as PDF bytes."""
    return paper_bytes(render_guidance, data)
