"""Mẫu 07: Sổ theo dõi hồ sơ (TT 03/2025/TT-VPCP), on A4 landscape.

A register holds tens of thousands of dossiers, so it is drawn straight on the canvas, page by page,
from an iterator: one row is laid out, drawn and forgotten before the next is read, and memory stays
flat whatever the number of rows (only the finished pages, compressed, accumulate in the PDF).

Every page repeats the column heading and carries, in its footer, the tamper-evident history's
anchor ("Mã neo chuỗi lịch sử: …") and "Trang N/M" (M is a form XObject filled in at the end). The
first page has the NĐ 30 header with the QR code in its upper left corner and the title; the others
a running line beside a smaller copy of the same QR code (one XObject, drawn on every page).

Columns (TT 01/2018 Mẫu 06 / TT 03/2025 Mẫu 07): TT, Mã hồ sơ, Tên TTHC, Số lượng hồ sơ, Tên cá
nhân/tổ chức, Địa chỉ và số điện thoại, Cơ quan chủ trì giải quyết, then under "Ngày, tháng, năm":
Nhận hồ sơ, Hẹn trả kết quả, Chuyển hồ sơ đến cơ quan giải quyết, Nhận kết quả từ cơ quan giải
quyết, Trả kết quả; Ghi chú.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import IO

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from onestop.forms.model import FORM_TITLES, RegisterData, RegisterRow
from onestop.forms.paper import paper_qr
from onestop.forms.pdf import (
    A4_LANDSCAPE,
    DEMO_MARK,
    FONT_BOLD,
    FONT_ITALIC,
    FONT_REGULAR,
    draw_demo_watermark,
    draw_header,
    draw_qr,
    nfc,
    register_fonts,
    wrap_cell,
)

__all__ = ["COLUMNS", "TITLE", "register_bytes", "render_register"]

TITLE = FORM_TITLES["07"]

_LEFT, _RIGHT, _TOP, _BOTTOM = 15 * mm, 10 * mm, 9 * mm, 8 * mm
_FOOTER = 9 * mm  # footer band above the bottom margin
_SIZE = 7.5  # cell text
_LEAD = 9.0
_PAD = 1.6  # cell padding, points
_HEAD_SIZE = 7.5
_QR_FIRST = 20 * mm
_QR_LATER = 14 * mm
_DATE_GROUP = "Ngày, tháng, năm"


@dataclass(frozen=True)
class _Column:
    heading: str
    width_mm: float
    align: str = "left"  # "left" | "center"
    dated: bool = False  # under the "Ngày, tháng, năm" group


COLUMNS: tuple[_Column, ...] = (
    _Column("TT", 9, "center"),
    _Column("Mã hồ sơ", 33),
    _Column("Tên TTHC", 36),
    _Column("Số lượng hồ sơ (bộ)", 12, "center"),
    _Column("Tên cá nhân, tổ chức", 28),
    _Column("Địa chỉ, số điện thoại", 32),
    _Column("Cơ quan chủ trì giải quyết", 27),
    _Column("Nhận hồ sơ", 16, "center", True),
    _Column("Hẹn trả kết quả", 16, "center", True),
    _Column("Chuyển hồ sơ đến cơ quan giải quyết", 16, "center", True),
    _Column("Nhận kết quả từ cơ quan giải quyết", 16, "center", True),
    _Column("Trả kết quả", 16, "center", True),
    _Column("Ghi chú", 15),
)


def _when(dt: datetime | None) -> str:
    # Two lines in a narrow column: the date, then the time.
    return "" if dt is None else f"{dt.day:02d}/{dt.month:02d}/{dt.year} {dt.hour:02d}:{dt.minute:02d}"


def _cells(row: RegisterRow) -> tuple[str, ...]:
    # The phone on a line of its own: a number split across two lines is misread.
    contact = "\n".join(part for part in (" ".join(row.address.split()), row.phone.strip()) if part)
    return (
        str(row.number),
        row.code,
        row.procedure_name,
        f"{row.sets:02d}",
        row.applicant_name,
        contact,
        row.competent_unit,
        _when(row.received_at),
        _when(row.due_at),
        _when(row.transferred_at),
        _when(row.result_received_at),
        _when(row.returned_at),
        row.note,
    )


class _Book:
    """The canvas and the position on the current page."""

    def __init__(self, canvas: Canvas, data: RegisterData, qr: str) -> None:
        self.c = canvas
        self.data = data
        self.page_w, self.page_h = A4_LANDSCAPE
        self.width = self.page_w - _LEFT - _RIGHT
        scale = self.width / sum(col.width_mm * mm for col in COLUMNS)
        self.widths = [col.width_mm * mm * scale for col in COLUMNS]
        self.xs = [_LEFT + sum(self.widths[:i]) for i in range(len(COLUMNS) + 1)]
        self.bottom = _BOTTOM + _FOOTER
        self.page = 0
        self.y = 0.0
        self.table_top = 0.0
        self.rows_on_page = 0
        self.anchor = " ".join(nfc(data.chain_anchor).split())
        self._heading = self._layout_heading()
        self.qr = qr
        # The later pages' QR: encoded once, an XObject referenced from every page.
        canvas.beginForm("qr-later", 0, 0, _QR_LATER, _QR_LATER)
        draw_qr(canvas, qr, 0, 0, _QR_LATER)
        canvas.endForm()

    # ------------------------------------------------------------------------------------ heading

    def _layout_heading(self) -> tuple[list[list[str]], float, float]:
        lines = [
            wrap_cell(col.heading, FONT_BOLD, _HEAD_SIZE, w - 2 * _PAD)
            for col, w in zip(COLUMNS, self.widths, strict=True)
        ]
        group_h = _HEAD_SIZE * 1.25 + 2 * _PAD
        dated = max(len(ls) for col, ls in zip(COLUMNS, lines, strict=True) if col.dated)
        plain = max(len(ls) for col, ls in zip(COLUMNS, lines, strict=True) if not col.dated)
        sub_h = dated * _HEAD_SIZE * 1.2 + 2 * _PAD
        total = max(plain * _HEAD_SIZE * 1.2 + 2 * _PAD, group_h + sub_h)
        return lines, group_h, total

    def _draw_heading(self) -> None:
        c = self.c
        lines, group_h, total = self._heading
        top = self.y
        numbers_h = _SIZE * 1.2 + 2
        first_dated = next(i for i, col in enumerate(COLUMNS) if col.dated)
        last_dated = max(i for i, col in enumerate(COLUMNS) if col.dated)
        c.setLineWidth(0.5)
        c.setFont(FONT_BOLD, _HEAD_SIZE)
        for i, col in enumerate(COLUMNS):
            x0, x1 = self.xs[i], self.xs[i + 1]
            cell_top = top - group_h if col.dated else top
            self._centred_block(lines[i], (x0 + x1) / 2, cell_top, top - total, _HEAD_SIZE * 1.2)
        gx0, gx1 = self.xs[first_dated], self.xs[last_dated + 1]
        self._centred_block([_DATE_GROUP], (gx0 + gx1) / 2, top, top - group_h, _HEAD_SIZE * 1.2)
        # Rules: the heading's box, the group's underline, the column numbers' row.
        c.line(self.xs[0], top, self.xs[-1], top)
        c.line(gx0, top - group_h, gx1, top - group_h)
        c.line(self.xs[0], top - total, self.xs[-1], top - total)
        c.setFont(FONT_ITALIC, _SIZE - 0.5)
        for i in range(len(COLUMNS)):
            c.drawCentredString((self.xs[i] + self.xs[i + 1]) / 2, top - total - numbers_h + 3, f"({i + 1})")
        c.line(self.xs[0], top - total - numbers_h, self.xs[-1], top - total - numbers_h)
        for i, x in enumerate(self.xs):
            # Inside the date group, the inner rules start under the group's title.
            inner = first_dated < i <= last_dated
            c.line(x, top - (group_h if inner else 0), x, top - total - numbers_h)
        self.table_top = top - total - numbers_h
        self.y = self.table_top

    def _centred_block(self, lines: Sequence[str], cx: float, top: float, bottom: float, lead: float) -> None:
        block = len(lines) * lead
        y = (top + bottom) / 2 + block / 2 - lead + (lead - _HEAD_SIZE) / 2 + 1.2
        for line in lines:
            self.c.drawCentredString(cx, y, line)
            y -= lead

    # -------------------------------------------------------------------------------------- pages

    def start_page(self) -> None:
        c = self.c
        self.page += 1
        self.rows_on_page = 0
        if self.data.demo:
            draw_demo_watermark(c, A4_LANDSCAPE)
        top = self.page_h - _TOP
        c.setFillColorRGB(0, 0, 0)
        if self.page == 1:
            header_bottom = draw_header(
                c,
                self.data.header,
                _LEFT,
                top,
                self.width,
                self.data.issued_at.date(),
                1.2,
                qr=self.qr,
                qr_size=_QR_FIRST,
                demo=self.data.demo,
            )
            y = header_bottom - 7 * mm
            c.setFont(FONT_BOLD, 15)
            c.drawCentredString(self.page_w / 2, y, nfc(TITLE))
            sub = [f"Quyển số: {self.data.volume.strip()}" if self.data.volume.strip() else ""]
            if self.data.period.strip():
                sub.append(nfc(self.data.period.strip()))
            line = " - ".join(s for s in sub if s)
            y -= 5.5 * mm
            if line:
                c.setFont(FONT_ITALIC, 10)
                c.drawCentredString(self.page_w / 2, y, line)
                y -= 3 * mm
            self.y = y - 2 * mm
        else:
            c.saveState()
            c.translate(_LEFT, top - _QR_LATER)
            c.doForm("qr-later")
            c.restoreState()
            c.setFont(FONT_ITALIC, 8)
            parts = [TITLE.capitalize()]
            if self.data.volume.strip():
                parts.append(f"Quyển số: {self.data.volume.strip()}")
            parts.append(" ".join(nfc(self.data.unit_name).split()))
            c.drawString(_LEFT + _QR_LATER + 3 * mm, top - 4 * mm, nfc(" - ".join(parts)))
            self.y = top - _QR_LATER - 2 * mm
        self._draw_heading()

    def finish_page(self) -> None:
        c = self.c
        c.setFont(FONT_REGULAR, 7.5)
        y = _BOTTOM + _FOOTER * 0.35
        label = "Mã neo chuỗi lịch sử: "
        room = self.width - 40 * mm
        size = 7.5
        while size > 5 and pdfmetrics.stringWidth(label + self.anchor, FONT_REGULAR, size) > room:
            size -= 0.25
        c.setFont(FONT_REGULAR, size)
        c.drawString(_LEFT, y, nfc(label + self.anchor))
        c.setFont(FONT_REGULAR, 7.5)
        page_label = f"Trang {self.page}/"
        x = self.xs[-1] - 22 * mm
        c.drawString(x, y, page_label)
        c.saveState()
        c.translate(x + pdfmetrics.stringWidth(page_label, FONT_REGULAR, 7.5), y)
        c.doForm("page-count")
        c.restoreState()
        if self.data.demo:
            c.setFont(FONT_BOLD, 7.5)
            c.drawCentredString(self.page_w / 2, y, DEMO_MARK)
        c.showPage()
        _compress_last_page(c)

    # --------------------------------------------------------------------------------------- rows

    def add(self, row: RegisterRow) -> None:
        lines = [
            # A date column holds "dd/mm/yyyy HH:MM", always two lines: no need to measure it.
            tuple(text.split()) if col.dated else _wrap(text, w)
            for col, text, w in zip(COLUMNS, _cells(row), self.widths, strict=True)
        ]
        height = max(len(ls) for ls in lines) * _LEAD + 2 * _PAD
        if self.y - height < self.bottom and self.rows_on_page:
            self.finish_page()
            self.start_page()
        c = self.c
        top = self.y
        # One text object for the whole row: far fewer operators than a drawString per line.
        text = c.beginText()
        text.setFont(FONT_REGULAR, _SIZE)
        for i, (col, cell) in enumerate(zip(COLUMNS, lines, strict=True)):
            x0, x1 = self.xs[i], self.xs[i + 1]
            y = top - _PAD - _SIZE
            for line in cell:
                if col.align == "center":
                    text.setTextOrigin((x0 + x1 - _width(line)) / 2, y)
                else:
                    text.setTextOrigin(x0 + _PAD, y)
                text.textOut(line)
                y -= _LEAD
        c.drawText(text)
        self.y = top - height
        c.setLineWidth(0.5)
        path = c.beginPath()
        path.moveTo(self.xs[0], self.y)
        path.lineTo(self.xs[-1], self.y)
        for x in self.xs:
            path.moveTo(x, top)
            path.lineTo(x, self.y)
        c.drawPath(path, stroke=1, fill=0)
        self.rows_on_page += 1


# Registers repeat the same procedures, units and addresses on thousands of rows: wrap each once.
# Bounded caches: memory stays flat whatever the number of rows.
@lru_cache(maxsize=4096)
def _wrap(text: str, width: float) -> tuple[str, ...]:
    return tuple(wrap_cell(text, FONT_REGULAR, _SIZE, width - 2 * _PAD))


@lru_cache(maxsize=4096)
def _width(text: str) -> float:
    return float(pdfmetrics.stringWidth(text, FONT_REGULAR, _SIZE))


def _compress_last_page(canvas: Canvas) -> None:
    """Compress the page just finished, now rather than when the file is saved.

    reportlab keeps every page's content stream as text until ``save()``: for a register of 400
    pages, about 20 MB. Compressed at once (the stream's dictionary names the filter, so reportlab
    writes it as is) a page costs a tenth of that, and memory stays nearly flat.
    """
    page = canvas._doc.Pages.pages[-1]
    stream = page.stream
    if not isinstance(stream, str) or page.Contents is not None:
        return
    contents = pdfdoc.PDFStream(
        pdfdoc.PDFDictionary({"Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])}),
        zlib.compress(stream.encode("utf-8")),
    )
    contents.__Comment__ = "page stream"
    page.Contents = contents
    page.stream = None


def render_register(data: RegisterData, out: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write the register (Mẫu 07) of ``data`` as an A4 landscape PDF, reading ``data.rows`` once."""
    register_fonts()
    target: str | IO[bytes] = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    canvas = Canvas(target, pagesize=A4_LANDSCAPE, pageCompression=1, initialFontName=FONT_REGULAR)
    title = f"Sổ theo dõi hồ sơ {data.volume}".strip()
    canvas.setTitle(nfc(f"[{DEMO_MARK}] {title}" if data.demo else title))
    canvas.setAuthor(nfc(data.unit_name))
    canvas.setSubject(nfc(data.period))
    canvas.setCreator("onestop")
    qr = paper_qr(
        "07",
        header=data.header,
        issued_at=data.issued_at,
        system_name=data.system_name,
        anchor=data.chain_anchor,
        demo=data.demo,
    )
    book = _Book(canvas, data, qr)
    book.start_page()
    for row in data.rows:
        book.add(row)
    book.finish_page()
    # "M" of every page's "Trang N/M", now that it is known.
    canvas.beginForm("page-count", 0, -3, 40, 10)
    canvas.setFont(FONT_REGULAR, 7.5)
    canvas.drawString(0, 0, str(book.page))
    canvas.endForm()
    canvas.save()


def register_bytes(data: RegisterData) -> bytes:
    """The register of ``data`` as PDF bytes (held in memory: prefer a path for a whole year)."""
    buf = io.BytesIO()
    render_register(data, buf)
    return buf.getvalue()
