"""Shared reportlab building blocks for the official one-stop forms (Mẫu 01-07, TT 03/2025).

Everything a form needs besides its own body is reachable from here, so that the seven forms look
alike. The pieces live in small modules and are re-exported:

* :mod:`onestop.forms.text`: the Liberation Serif family (registered once per process; reportlab's
  built-in Helvetica/Times cannot print Vietnamese), NFC normalisation, wrapping, Vietnamese dates,
  times and amounts, paragraph styles;
* :mod:`onestop.forms.codes`: the vector Code 128 of the dossier code and the QR code (UTF-8 with ECI);
* :mod:`onestop.forms.header`: the NĐ 30/2020 header with the QR code in its upper left corner;
* here: the document builder (embedded fonts, metadata, no Helvetica), the ``DỮ LIỆU MẪU``
  watermark of demonstration papers and the running line of continuation pages.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from onestop.forms.codes import (
    CODE128_QUIET_MODULES,
    Code128Flowable,
    QrFlowable,
    code128_modules,
    draw_code128,
    draw_qr,
    qr_drawing,
    qr_modules,
)
from onestop.forms.header import (
    DEMO_MARK,
    DEMO_MARK_LONG,
    QR_SIZE,
    HeaderFlowable,
    draw_header,
    header_height,
)
from onestop.forms.text import (
    A5_PORTRAIT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_FAMILY,
    FONT_ITALIC,
    FONT_REGULAR,
    Styles,
    balanced_wrap,
    dot_leader,
    esc,
    keep_together,
    nfc,
    para,
    place_date_line,
    register_fonts,
    short_datetime,
    styles,
    table_style,
    upper_vi,
    vn_date,
    vn_datetime,
    vn_time,
    vnd,
    wrap_cell,
    wrap_text,
)

__all__ = [
    "A4_LANDSCAPE",
    "A5_PORTRAIT",
    "CODE128_QUIET_MODULES",
    "DEMO_MARK",
    "DEMO_MARK_LONG",
    "FONT_BOLD",
    "FONT_BOLD_ITALIC",
    "FONT_FAMILY",
    "FONT_ITALIC",
    "FONT_REGULAR",
    "QR_SIZE",
    "Code128Flowable",
    "HeaderFlowable",
    "Margins",
    "PageCallback",
    "QrFlowable",
    "Styles",
    "balanced_wrap",
    "build_pdf",
    "code128_modules",
    "continuation_line",
    "dot_leader",
    "draw_code128",
    "draw_demo_watermark",
    "draw_header",
    "draw_qr",
    "esc",
    "header_height",
    "keep_together",
    "nfc",
    "para",
    "place_date_line",
    "qr_drawing",
    "qr_modules",
    "register_fonts",
    "short_datetime",
    "styles",
    "table_style",
    "upper_vi",
    "vn_date",
    "vn_datetime",
    "vn_time",
    "vnd",
    "wrap_cell",
    "wrap_text",
]

# A4 landscape in points (297 x 210 mm); Mẫu 07 (the register) is printed on it.
A4_LANDSCAPE: tuple[float, float] = (297 * mm, 210 * mm)


@dataclass(frozen=True)
class Margins:
    """Page margins in points."""

    left: float = 14 * mm
    right: float = 10 * mm
    top: float = 9 * mm
    bottom: float = 10 * mm


PageCallback = Callable[[Canvas, BaseDocTemplate], None]


def _nothing(canvas: Canvas, doc: BaseDocTemplate) -> None:
    return None


def _with_watermark(callback: PageCallback) -> PageCallback:
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        draw_demo_watermark(canvas, doc.pagesize)  # first: the page's content is drawn over it
        callback(canvas, doc)

    return draw


def build_pdf(
    out: str | os.PathLike[str] | IO[bytes],
    story: list[Flowable],
    *,
    title: str,
    author: str,
    subject: str = "",
    pagesize: tuple[float, float] = A5_PORTRAIT,
    margins: Margins = Margins(),
    on_first_page: PageCallback = _nothing,
    on_later_pages: PageCallback = _nothing,
    demo: bool = False,
) -> None:
    """Lay ``story`` out on ``pagesize`` pages (flowing onto as many as needed) and write the PDF.

    The canvas starts on Liberation Serif so the file references no Helvetica at all, and the
    metadata (title/author/subject) is NFC text. ``demo`` lays the ``DỮ LIỆU MẪU`` watermark under
    every page and says so in the title.
    """
    register_fonts()
    if demo:
        title = f"[{DEMO_MARK}] {title}"
        on_first_page = _with_watermark(on_first_page)
        on_later_pages = _with_watermark(on_later_pages)
    target: str | IO[bytes] = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    doc = BaseDocTemplate(
        target,
        pagesize=pagesize,
        leftMargin=margins.left,
        rightMargin=margins.right,
        topMargin=margins.top,
        bottomMargin=margins.bottom,
        title=nfc(title),
        author=nfc(author),
        subject=nfc(subject),
        creator="onestop",
        initialFontName=FONT_REGULAR,
        initialFontSize=10,
        initialLeading=12,
        lang="vi-VN",
    )
    frame = Frame(
        margins.left,
        margins.bottom,
        pagesize[0] - margins.left - margins.right,
        pagesize[1] - margins.top - margins.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[frame], onPage=on_first_page, autoNextPageTemplate="later"),
            PageTemplate(id="later", frames=[frame], onPage=on_later_pages),
        ]
    )
    doc.build(story)


def draw_demo_watermark(canvas: Canvas, pagesize: tuple[float, float]) -> None:
    """``DỮ LIỆU MẪU`` across the page's diagonal in light grey, under whatever is drawn next.

    Together with the boxed mark in the header, a paper printed from demonstration data can never
    pass for a real one, even when cut or photocopied.
    """
    register_fonts()
    w, h = pagesize
    angle = math.degrees(math.atan2(h, w))
    diagonal = math.hypot(w, h)
    size = diagonal * 0.72 / (pdfmetrics.stringWidth(DEMO_MARK, FONT_BOLD, 100) / 100)
    canvas.saveState()
    canvas.setFillColorRGB(0.84, 0.84, 0.84)
    canvas.translate(w / 2, h / 2)
    canvas.rotate(angle)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(0, -size * 0.35, DEMO_MARK)
    canvas.restoreState()


def continuation_line(title: str, code: str, margins: Margins) -> PageCallback:
    """A page callback printing ``<Title> - Mã hồ sơ: <code> - Trang N`` at the top right.

    Continuation pages carry it so that a loose second sheet can be matched to its first.
    """

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT_ITALIC, 7.5)
        page_w, page_h = doc.pagesize
        parts = [nfc(title).capitalize()]
        if code:
            parts.append(f"Mã hồ sơ: {code}")
        parts.append(f"Trang {doc.page}")
        canvas.drawRightString(
            page_w - margins.right, page_h - margins.top + 2.5 * mm, nfc(" - ".join(parts))
        )
        canvas.restoreState()

    return draw
