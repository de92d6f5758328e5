"""Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (TT 03/2025/TT-VPCP), on A5 portrait.

The layout follows the TT 01/2018 form used by production one-stop systems (domain.md §2): the
NĐ 30/2020 header with the QR code in its upper left corner (TT 01/2023), the title, the dossier
code over its Code 128, the applicant, the documents table, the six numbered items, the fee, the
register entry and the two signature columns. The body is a platypus story, so a long document list
flows onto a second page instead of overlapping.
"""

from __future__ import annotations

import os
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table
from reportlab.platypus.flowables import Flowable

from onestop.forms.model import FORM_TITLES, ReceiptData, ReceiptDocument
from onestop.forms.paper import (
    A5_WIDTH,
    Signature,
    applicant_lines,
    paper_bytes,
    paper_qr,
    paper_top,
    render_a5,
    signatures,
    text_or_dots,
)
from onestop.forms.pdf import Styles, esc, nfc, para, styles, table_style, vn_datetime, vnd
from onestop.textfold import fold

__all__ = ["TITLE", "receipt_bytes", "render_receipt"]

TITLE = FORM_TITLES["01"]


def _documents_table(docs: tuple[ReceiptDocument, ...], width: float, st: Styles) -> Table:
    head = [para(t, st.table_head) for t in ("TT", "Tên giấy tờ", "Hình thức", "Số lượng")]
    rows: list[list[Flowable]] = [head]
    for i, doc in enumerate(docs, start=1):
        form = nfc(doc.form).strip()
        rows.append(
            [
                para(str(i), st.table_cell_center),
                para(esc(doc.name), st.table_cell),
                para(esc(form[:1].upper() + form[1:]), st.table_cell_center),
                para(f"{doc.count:02d}", st.table_cell_center),
            ]
        )
    if not docs:
        rows.append([para("", st.table_cell), para("(Không có giấy tờ kèm theo)", st.table_cell), "", ""])
    fixed = [9 * mm, 22 * mm, 16 * mm]
    widths = [fixed[0], width - sum(fixed), fixed[1], fixed[2]]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            grid=0.5,
        )
    )
    return table


def _channel(data: ReceiptData) -> str:
    """The result channel's key: the one given, else read from the older free text."""
    key = data.result_channel_key.strip()
    if key:
        if key not in ("counter", "post", "online"):
            raise ValueError(f"result_channel_key: {key!r} is not counter, post or online")
        return key
    text = fold(data.result_channel)
    if text.startswith("tai"):
        return "counter"
    if "buu chinh" in text or "buu dien" in text:
        return "post"
    if text.startswith("truc tuyen"):
        return "online"
    return ""  # unknown text: printed as given


def _delivery(data: ReceiptData, width: float, st: Styles) -> tuple[str, str]:
    """Item 6 and the closing note, worded for the channel (no "bring the receipt" when nothing is fetched)."""
    channel = _channel(data)
    label = "6. Đăng ký nhận kết quả:"
    room = width - 40 * mm  # what is left on the line after the channel's wording
    applicant = data.applicant
    if channel == "counter":
        line = f"{label} trực tiếp tại {esc(data.receiving_unit)}"
        who = "Đại diện tổ chức" if applicant.is_organisation else "Ông/bà"
        note = f"{who} vui lòng mang theo phiếu này khi đến nhận kết quả."
    elif channel == "post":
        where = text_or_dots(data.postal_address.strip() or data.address, room, st)
        line = f"{label} qua dịch vụ bưu chính công ích, gửi đến địa chỉ: {where}"
        note = "Kết quả được gửi qua dịch vụ bưu chính công ích đến địa chỉ đã đăng ký."
    elif channel == "online":
        line = f"{label} trực tuyến, bản điện tử gửi đến thư điện tử: {text_or_dots(data.email, room, st)}"
        note = "Kết quả điện tử được gửi đến địa chỉ thư điện tử đã đăng ký."
    else:
        line = f"{label} {text_or_dots(data.result_channel, room, st)}"
        note = "Vui lòng giữ phiếu này đến khi nhận được kết quả."
    return line, note


def _fee(data: ReceiptData, width: float, st: Styles) -> str:
    """The fee charged ("50.000 đồng", "Không thu phí", or dots), the catalogue's scale as a small note."""
    label = "Phí, lệ phí (nếu có):"
    scale = " ".join(nfc(data.fee_scale.strip() or data.fee_text).split())
    small = st.body.fontSize * 0.8
    note = f' <font size="{small:g}"><i>(mức thu: {esc(scale)})</i></font>' if scale else ""
    if data.fee_amount is None:
        return f"{label} {text_or_dots('', width * 0.3, st)}{note}"
    amount = "Không thu phí" if data.fee_amount == 0 else vnd(data.fee_amount)
    return f"{label} <b>{amount}</b>{note}"


def _story(data: ReceiptData, width: float) -> list[Flowable]:
    st = styles()
    applicant = data.applicant
    qr = paper_qr(
        "01",
        header=data.header,
        issued_at=data.issue_time,
        system_name=data.system_name,
        code=data.code,
        procedure_code=data.procedure_code,
        identification=applicant.identification,
        appointment=data.due_at,
        demo=data.demo,
    )
    # Version 2 is the first correction of the receipt (same code, reprinted).
    subtitle = f"(Bản điều chỉnh lần {data.version - 1})" if data.version > 1 else ""
    story = paper_top(
        data.header,
        TITLE,
        issued_at=data.issue_time,
        qr=qr,
        code=data.code,
        demo=data.demo,
        subtitle=subtitle,
    )
    story += applicant_lines(applicant, f"{esc(data.receiving_unit)} tiếp nhận hồ sơ của:", width, st)
    story.append(para(f"Nội dung yêu cầu giải quyết: <b>{esc(data.procedure_name)}</b>", st.body_justify))
    # Never leave the table heading alone at the foot of a page.
    story.append(CondPageBreak(22 * mm))
    story.append(para("1. Thành phần hồ sơ nộp gồm:", st.body))
    story.append(_documents_table(data.documents, width, st))
    story.append(Spacer(1, 1.5 * mm))

    volume = esc(data.register_volume.strip()) or "." * 14
    number = str(data.register_number) if data.register_number is not None else "." * 14
    delivery, footer = _delivery(data, width, st)
    items = [
        f"2. Số lượng hồ sơ: {data.sets:02d} (bộ)",
        f"3. Thời gian giải quyết hồ sơ theo quy định là: {esc(data.time_limit_text)}",
        f"4. Thời gian nhận hồ sơ: {vn_datetime(data.received_at)}",
        f"5. Thời gian trả kết quả giải quyết hồ sơ: <b>{vn_datetime(data.due_at)}</b>",
        delivery,
        _fee(data, width, st),
        f"Vào Sổ theo dõi hồ sơ, Quyển số: {volume}&nbsp;&nbsp;&nbsp;&nbsp;Số thứ tự: {number}",
    ]
    if data.header.hotline.strip():
        footer += f" Đường dây nóng: {esc(data.header.hotline.strip())}."
    # Items 2-6, the register entry, the signatures and the note move as one block: signatures alone
    # on a last page would be detached from what they sign for.
    sigs = [
        Signature("NGƯỜI NỘP HỒ SƠ", data.applicant_name),
        Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", data.clerk_name),
    ]
    story.append(
        KeepTogether(
            [
                # Left-aligned: a justified short line with a small note would stretch its spaces.
                *(para(item, st.body) for item in items),
                Spacer(1, 2 * mm),
                signatures(sigs, width, st, space=12 * mm),
                Spacer(1, 2 * mm),
                para(footer, st.small_italic_center),
            ]
        )
    )
    return story


def render_receipt(data: ReceiptData, out: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write the receipt (Mẫu 01) of ``data`` as an A5 PDF to a path or a binary stream."""
    render_a5(
        out,
        _story(data, A5_WIDTH),
        title=TITLE,
        code=data.code,
        author=data.receiving_unit,
        subject=data.procedure_name,
        pdf_title=f"Giấy tiếp nhận hồ sơ và hẹn trả kết quả {data.code}",
        demo=data.demo,
    )


def receipt_bytes(data: ReceiptData) -> bytes:
    """The receipt of ``data`` as PDF bytes (for preview and printing)."""
    return paper_bytes(render_receipt, data)
