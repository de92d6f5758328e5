"""Text, fonts, dates and paragraph styles shared by the printed forms (the lowest layer of ``forms``).

* the Liberation Serif family, registered once per process (reportlab's built-in Helvetica/Times
  cannot print Vietnamese: ộ, ủ, đ, ơ, ư would vanish);
* NFC normalisation of every string before it is drawn (reportlab does no shaping, so decomposed
  input from some keyboards would misplace the combining marks);
* text wrapping on the registered font, for paragraphs and for direct canvas drawing;
* Vietnamese wording of dates, times and amounts of money ("ngày 25 tháng 02 năm 2026", "50.000 đồng");
* the paragraph styles the forms share.

Import these through :mod:`onestop.forms.pdf`, which re-exports them with the other building blocks.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, TableStyle

from onestop.res import resource_path

# A5 portrait in points (148 x 210 mm); forms 01-06 are printed on it.
A5_PORTRAIT: tuple[float, float] = (148 * mm, 210 * mm)

FONT_FAMILY = "LiberationSerif"
FONT_REGULAR = "LiberationSerif"
FONT_BOLD = "LiberationSerif-Bold"
FONT_ITALIC = "LiberationSerif-Italic"
FONT_BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FONT_FILES = {
    FONT_REGULAR: "LiberationSerif-Regular.ttf",
    FONT_BOLD: "LiberationSerif-Bold.ttf",
    FONT_ITALIC: "LiberationSerif-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_font_lock = threading.Lock()
_fonts_registered = False


def register_fonts() -> str:
    """Register the Liberation Serif family with reportlab (idempotent, thread-safe); return its name.

    Loading a TTF parses the whole file (tens of milliseconds), so it happens once per process; the
    family mapping lets ``<b>``/``<i>`` in paragraphs pick the right face.
    """
    global _fonts_registered
    if _fonts_registered:
        return FONT_FAMILY
    with _font_lock:
        if not _fonts_registered:
            for name, filename in _FONT_FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
            pdfmetrics.registerFontFamily(
                FONT_FAMILY,
                normal=FONT_REGULAR,
                bold=FONT_BOLD,
                italic=FONT_ITALIC,
                boldItalic=FONT_BOLD_ITALIC,
            )
            _fonts_registered = True
    return FONT_FAMILY


# --------------------------------------------------------------------------------------------- text


def nfc(text: str) -> str:
    """``text`` in Unicode NFC: precomposed letters are the only ones the font draws correctly."""
    return unicodedata.normalize("NFC", text)


def esc(text: str) -> str:
    """User text made safe for paragraph markup: NFC, then ``&``, ``<``, ``>`` escaped."""
    return escape(nfc(text))


def dot_leader(prefix: str, width: float, font_name: str = FONT_REGULAR, size: float = 10.0) -> str:
    """Dots filling what ``width`` leaves after ``prefix`` on one line: a blank to write on by hand.

    One long "word" of dots would wrap onto a line of its own, so its length is computed; a 3 %
    margin absorbs the space before it and rounding in the paragraph's own measurement.
    """
    register_fonts()
    room = width * 0.97 - pdfmetrics.stringWidth(nfc(prefix) + " ", font_name, size)
    return "." * max(3, int(room / pdfmetrics.stringWidth(".", font_name, size)))


def keep_together(text: str) -> str:
    """Markup for ``text`` that wraps as one word (a person's name must not split across lines).

    Non-breaking spaces, which text extraction (pdftotext, copy-paste) gives back as plain spaces;
    a name longer than the line still breaks, inside itself, rather than overflowing.
    """
    return esc(" ".join(nfc(text).split())).replace(" ", "\u00a0")


def upper_vi(text: str) -> str:
    """Vietnamese capitals (NFC first, so ``đ``/``ư`` and stacked marks come out as single letters)."""
    return nfc(nfc(text).upper())


def wrap_text(text: str, font_name: str, size: float, width: float) -> list[str]:
    """``text`` (NFC) broken into lines no wider than ``width`` points, for direct canvas drawing."""
    lines: list[str] = simpleSplit(nfc(text), font_name, size, width)
    return lines or [""]


def balanced_wrap(text: str, font_name: str, size: float, width: float) -> list[str]:
    """Like :func:`wrap_text`, but with lines of similar length (for centred headings).

    Greedy wrapping leaves a short last line ("TRUNG TÂM PHỤC VỤ HÀNH / CHÍNH CÔNG"); the narrowest
    width giving the same number of lines splits the text evenly ("TRUNG TÂM PHỤC VỤ / HÀNH CHÍNH CÔNG").
    """
    lines = wrap_text(text, font_name, size, width)
    if len(lines) < 2:
        return lines
    lo, hi = width / len(lines), width
    for _ in range(12):
        mid = (lo + hi) / 2
        if len(wrap_text(text, font_name, size, mid)) == len(lines):
            hi = mid
        else:
            lo = mid
    return wrap_text(text, font_name, size, hi)


def wrap_cell(text: str, font_name: str, size: float, width: float) -> list[str]:
    """Like :func:`wrap_text`, but a word wider than ``width`` is split too, so nothing sticks out.

    Dossier codes, e-mail addresses and long numbers are single "words": they break after a ``-``,
    ``.``, ``/`` or ``@`` when one fits, else at the last character that fits.
    """
    out: list[str] = []
    for line in wrap_text(text, font_name, size, width):
        while pdfmetrics.stringWidth(line, font_name, size) > width and len(line) > 1:
            cut = 1
            while cut < len(line) and pdfmetrics.stringWidth(line[: cut + 1], font_name, size) <= width:
                cut += 1
            soft = max(line.rfind(ch, 0, cut) for ch in "-./@")
            if soft > 0:
                cut = soft + 1
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return out


# --------------------------------------------------------------------------------------- date/time


def _day_month(d: date) -> tuple[str, str]:
    # NĐ 30/2020 Phụ lục I: days below 10 and the months 1 and 2 take a leading zero (so nobody can
    # turn "1" into "11" or "12"); months 3-9 do not need one, as there is no month 13-19.
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return day, month


def vn_date(d: date) -> str:
    """``ngày 25 tháng 02 năm 2026`` (leading zeros as NĐ 30/2020 prescribes)."""
    day, month = _day_month(d)
    return f"ngày {day} tháng {month} năm {d.year}"


def vn_time(dt: datetime) -> str:
    """``10 giờ 00 phút`` (local wall-clock time of ``dt``; pass it already in the agency's zone)."""
    return f"{dt.hour:02d} giờ {dt.minute:02d} phút"


def vn_datetime(dt: datetime) -> str:
    """``10 giờ 00 phút, ngày 25 tháng 02 năm 2026``."""
    return f"{vn_time(dt)}, {vn_date(dt.date())}"


def place_date_line(place_name: str, d: date) -> str:
    """``Liên Chiểu, ngày 25 tháng 02 năm 2026`` (the Địa danh line under the national motto)."""
    return nfc(f"{nfc(place_name).strip()}, {vn_date(d)}")


def short_datetime(dt: datetime) -> str:
    """``25/02/2026 10:00``: the compact form for table cells (the register, the control sheet)."""
    return f"{dt.day:02d}/{dt.month:02d}/{dt.year} {dt.hour:02d}:{dt.minute:02d}"


def vnd(amount: int) -> str:
    """``50.000 đồng``: an amount of money in Vietnamese style (``.`` groups thousands)."""
    if amount < 0:
        raise ValueError(f"a negative amount of money: {amount}")
    return f"{amount:,}".replace(",", ".") + " đồng"


# ------------------------------------------------------------------------------------------ styles


@dataclass(frozen=True)
class Styles:
    """The paragraph styles the forms share (sizes are for A5; A4 forms scale them)."""

    body: ParagraphStyle
    body_justify: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    center: ParagraphStyle
    center_bold: ParagraphStyle
    center_italic: ParagraphStyle
    right_italic: ParagraphStyle
    table_head: ParagraphStyle
    table_cell: ParagraphStyle
    table_cell_center: ParagraphStyle
    small: ParagraphStyle
    small_italic: ParagraphStyle
    small_italic_center: ParagraphStyle


@cache
def styles(body_size: float = 10.0) -> Styles:
    """Paragraph styles on Liberation Serif; ``body_size`` 10 pt is NĐ 30's 13-14 pt scaled to A5."""
    register_fonts()
    s = body_size
    lead = s * 1.25  # room for stacked Vietnamese marks (ễ, ộ) between lines

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {
            "fontName": FONT_REGULAR,
            "fontSize": s,
            "leading": lead,
            "alignment": TA_LEFT,
        }
        base.update(kw)
        return ParagraphStyle(f"onestop-{name}-{s}", **base)

    return Styles(
        body=style("body", spaceAfter=s * 0.1),
        body_justify=style("body-justify", alignment=TA_JUSTIFY, spaceAfter=s * 0.1),
        title=style(
            "title",
            fontName=FONT_BOLD,
            fontSize=s * 1.2,
            leading=s * 1.2 * 1.3,
            alignment=TA_CENTER,
        ),
        subtitle=style(
            "subtitle", fontName=FONT_ITALIC, fontSize=s * 0.9, leading=s * 1.15, alignment=TA_CENTER
        ),
        center=style("center", alignment=TA_CENTER),
        center_bold=style("center-bold", fontName=FONT_BOLD, alignment=TA_CENTER),
        center_italic=style("center-italic", fontName=FONT_ITALIC, alignment=TA_CENTER),
        right_italic=style("right-italic", fontName=FONT_ITALIC, alignment=TA_RIGHT),
        table_head=style(
            "table-head", fontName=FONT_BOLD, fontSize=s * 0.95, leading=s * 1.2, alignment=TA_CENTER
        ),
        table_cell=style("table-cell", fontSize=s * 0.95, leading=s * 1.2),
        table_cell_center=style("table-cell-center", fontSize=s * 0.95, leading=s * 1.2, alignment=TA_CENTER),
        small=style("small", fontSize=s * 0.8, leading=s * 1.0),
        small_italic=style("small-italic", fontName=FONT_ITALIC, fontSize=s * 0.8, leading=s * 1.0),
        small_italic_center=style(
            "small-italic-center",
            fontName=FONT_ITALIC,
            fontSize=s * 0.8,
            leading=s * 1.0,
            alignment=TA_CENTER,
        ),
    )


def table_style(*commands: tuple[Any, ...], grid: float = 0.0, padding: float = 0.0) -> TableStyle:
    """A table style on Liberation Serif (plain-string cells would otherwise use Helvetica).

    ``grid`` > 0 rules every cell with a line that wide; ``padding`` applies to all four sides and
    can be refined by ``commands``, which are appended last and so win.
    """
    base: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
    ]
    if grid:
        base.append(("GRID", (0, 0), (-1, -1), grid, colors.black))
    return TableStyle([*base, *commands])


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of ``markup`` (build it with :func:`esc` around user text), normalised to NFC."""
    return Paragraph(nfc(markup), style)
