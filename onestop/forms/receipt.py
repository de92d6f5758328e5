"""Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (TT 03/2025/TT-VPCP), on A5 portrait.

The layout follows the TT 01/2018 form used by production one-stop systems (domain.md §2): the
NĐ 30/2020 header, the title, the dossier code with its Code 128 and QR, the applicant, the documents
table, the six numbered items, the register entry and the two signature columns. The body is a
platypus story, so a long document list flows onto a second page instead of overlapping.
"""

from __future__ import annotations

import io
import os
from typing import IO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, KeepTogether, Spacer, Table
from reportlab.platypus.flowables import Flowable

from onestop.forms.model import ReceiptData, ReceiptDocument
from onestop.forms.pdf import (
    FONT_ITALIC,
    Code128Flowable,
    HeaderFlowable,
    Margins,
    PageCallback,
    Styles,
    build_pdf,
    dot_leader,
    esc,
    keep_together,
    nfc,
    para,
    qr_drawing,
    styles,
    table_style,
    vn_datetime,
)

__all__ = ["TITLE", "receipt_bytes", "render_receipt"]

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
_MARGINS = Margins(left=14 * mm, right=10 * mm, top=8 * mm, bottom=8 * mm)
_QR_SIZE = 17 * mm


def _field(label: str, value: str, width: float, st: Styles) -> str:
    """Markup ``label: value``, or ``label:`` and dots to the end of its ``width`` when empty."""
    text = " ".join(nfc(value).split())
    if text:
        return f"{label}: {esc(text)}"
    return f"{label}: {dot_leader(label + ':', width, st.body.fontName, st.body.fontSize)}"


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


def _code_block(code: str, width: float, st: Styles) -> Table:
    """``Mã hồ sơ: <code>`` over its Code 128, the QR of the code to their right; the group centred.

    Side by side rather than stacked: the QR is as tall as label plus barcode, so this costs no
    height, and the height is what decides whether an ordinary receipt fits on one A5 page.
    """
    gap = 4 * mm
    bar = Code128Flowable(code, module_width=0.27 * mm, bar_height=10 * mm, text_size=8)
    bar_w, _ = bar.wrap(width - gap - _QR_SIZE, 10_000)
    left = [para(f"Mã hồ sơ: <b>{esc(code)}</b>", st.center), Spacer(1, 0.8 * mm), bar]
    group = Table(
        [[left, "", qr_drawing(code, _QR_SIZE)]],
        colWidths=[bar_w, gap, _QR_SIZE],
        hAlign="CENTER",
    )
    group.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE")))
    return group


def _signatures(data: ReceiptData, width: float, st: Styles) -> Table:
    def column(role: str, name: str) -> list[Flowable]:
        return [
            para(role, st.center_bold),
            para("(Ký và ghi rõ họ tên)", st.center_italic),
            Spacer(1, 14 * mm),
            para(f"<b>{esc(name)}</b>", st.center),
        ]

    table = Table(
        [[column("NGƯỜI NỘP HỒ SƠ", data.applicant_name), column("NGƯỜI TIẾP NHẬN HỒ SƠ", data.clerk_name)]],
        colWidths=[width / 2, width / 2],
    )
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def _two_fields(left: tuple[str, str], right: tuple[str, str], width: float, st: Styles) -> Table:
    # Short fields share a line, which keeps an ordinary receipt on one A5 page.
    lw, rw = width * 0.55, width * 0.45
    table = Table(
        [[para(_field(*left, lw - 6, st), st.body), para(_field(*right, rw, st), st.body)]],
        colWidths=[lw, rw],
        hAlign="LEFT",
    )
    table.setStyle(table_style(("BOTTOMPADDING", (0, 0), (-1, -1), 1)))
    return table


def _story(data: ReceiptData, width: float) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [HeaderFlowable(data.header, on=data.received_at.date()), Spacer(1, 3 * mm)]
    story.append(para(TITLE, st.title))
    if data.version > 1:
        # Version 2 is the first correction of the receipt (same code, reprinted).
        story.append(para(f"(Bản điều chỉnh lần {data.version - 1})", st.subtitle))
    story.append(Spacer(1, 1.5 * mm))
    story.append(_code_block(data.code, width, st))
    story.append(Spacer(1, 2 * mm))

    story.append(
        para(
            f"{esc(data.receiving_unit)} tiếp nhận hồ sơ của: <b>{keep_together(data.applicant_name)}</b>",
            st.body,  # not justified: the name often moves down whole, which would stretch the line
        )
    )
    story.append(
        _two_fields(("Số định danh cá nhân", data.id_number), ("Số điện thoại", data.phone), width, st)
    )
    story.append(para(_field("Địa chỉ", data.address, width, st), st.body))
    if data.email.strip():
        # No dotted line for e-mail: most applicants have none, and it is never written by hand.
        story.append(para(f"Email: {esc(data.email.strip())}", st.body))
    story.append(para(f"Nội dung yêu cầu giải quyết: <b>{esc(data.procedure_name)}</b>", st.body_justify))
    # Never leave the table heading alone at the foot of a page.
    story.append(CondPageBreak(22 * mm))
    story.append(para("1. Thành phần hồ sơ nộp gồm:", st.body))
    story.append(_documents_table(data.documents, width, st))
    story.append(Spacer(1, 1.5 * mm))

    fee = nfc(data.fee_text).strip() or "Không"
    volume = esc(data.register_volume.strip()) or "." * 14
    number = str(data.register_number) if data.register_number is not None else "." * 14
    items = [
        f"2. Số lượng hồ sơ: {data.sets:02d} (bộ)",
        f"3. Thời gian giải quyết hồ sơ theo quy định là: {esc(data.time_limit_text)}",
        f"4. Thời gian nhận hồ sơ: {vn_datetime(data.received_at)}",
        f"5. Thời gian trả kết quả giải quyết hồ sơ: <b>{vn_datetime(data.due_at)}</b>",
        _field("6. Đăng ký nhận kết quả tại", data.result_channel, width, st),
        f"Phí, lệ phí (nếu có): {esc(fee)}",
        f"Vào Sổ theo dõi hồ sơ, Quyển số: {volume}&nbsp;&nbsp;&nbsp;&nbsp;Số thứ tự: {number}",
    ]
    footer = "Ông/bà vui lòng mang theo phiếu này khi đến nhận kết quả."
    if data.header.hotline.strip():
        footer += f" Đường dây nóng: {esc(data.header.hotline.strip())}."
    # Items 2-6, the register entry, the signatures and the note move as one block: signatures alone
    # on a last page would be detached from what they sign for.
    story.append(
        KeepTogether(
            [
                *(para(item, st.body_justify) for item in items),
                Spacer(1, 2 * mm),
                _signatures(data, width, st),
                Spacer(1, 2 * mm),
                para(footer, st.small_italic_center),
            ]
        )
    )
    return story


def _later_pages(code: str) -> PageCallback:
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        # Continuation pages carry the code, so a loose second sheet can be matched to its first.
        canvas.saveState()
        canvas.setFont(FONT_ITALIC, 7.5)
        page_w, page_h = doc.pagesize
        canvas.drawRightString(
            page_w - _MARGINS.right,
            page_h - _MARGINS.top + 2.5 * mm,
            nfc(f"{TITLE.capitalize()} - Mã hồ sơ: {code} - Trang {doc.page}"),
        )
        canvas.restoreState()

    return draw


def render_receipt(data: ReceiptData, out: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write the receipt (Mẫu 01) of ``data`` as an A5 PDF to a path or a binary stream."""
    width = 148 * mm - _MARGINS.left - _MARGINS.right
    build_pdf(
        out,
        _story(data, width),
        title=f"Giấy tiếp nhận hồ sơ và hẹn trả kết quả {data.code}",
        author=data.receiving_unit,
        subject=data.procedure_name,
        margins=_MARGINS,
        on_later_pages=_later_pages(data.code),
    )


def receipt_bytes(data: ReceiptData) -> bytes:
    """The receipt of ``data`` as PDF bytes (for preview and printing)."""
    buf = io.BytesIO()
    render_receipt(data, buf)
    return buf.getvalue()
