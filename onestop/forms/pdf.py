"""Shared reportlab building blocks for the official one-stop forms (Mẫu 01-07, TT 03/2025).

Everything a form needs besides its own body lives here so that the seven forms look alike:

* the Liberation Serif family, registered once per process (reportlab's built-in Helvetica/Times
  cannot print Vietnamese: ộ, ủ, đ, ơ, ư would vanish);
* NFC normalisation of every string before it is drawn (reportlab does no shaping, so decomposed
  input from some keyboards would misplace the combining marks);
* the common header in the style of Nghị định 30/2020/NĐ-CP, as a canvas function and a flowable;
* Vietnamese date/time wording ("10 giờ 00 phút, ngày 25 tháng 02 năm 2026");
* a vector Code 128 barcode and a QR code;
* paragraph styles and text wrapping on the registered font;
* a document builder that embeds the fonts, sets the metadata and keeps Helvetica out of the file.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import IO, Any
from xml.sax.saxutils import escape

import barcode
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, TableStyle

from onestop.forms.model import FormHeader
from onestop.res import resource_path

__all__ = [
    "A5_PORTRAIT",
    "FONT_BOLD",
    "FONT_BOLD_ITALIC",
    "FONT_FAMILY",
    "FONT_ITALIC",
    "FONT_REGULAR",
    "Code128Flowable",
    "HeaderFlowable",
    "Margins",
    "PageCallback",
    "Styles",
    "balanced_wrap",
    "build_pdf",
    "code128_modules",
    "dot_leader",
    "draw_code128",
    "draw_header",
    "draw_qr",
    "esc",
    "header_height",
    "keep_together",
    "nfc",
    "para",
    "place_date_line",
    "qr_drawing",
    "register_fonts",
    "styles",
    "table_style",
    "upper_vi",
    "vn_date",
    "vn_datetime",
    "vn_time",
    "wrap_text",
]

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


# ------------------------------------------------------------------------------------------ header

# Header sizes on A5: NĐ 30's 12-13 pt (agency, national name) and 13-14 pt (motto) scaled by 1/√2.
_HDR_SIZE = 9.5
_MOTTO_SIZE = 10.5
_DATE_SIZE = 10.0
_NOTE_SIZE = 7.5
_LEAD = 1.25
_LEFT_SHARE = 0.40  # left column share of the width; the national name needs the rest

_NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class _Line:
    text: str
    font: str
    size: float


@dataclass(frozen=True)
class _HeaderLayout:
    left: list[_Line]
    right: list[_Line]
    left_width: float
    right_width: float
    note_height: float  # the legal-basis line above the header (0 when not printed)
    height: float
    date_line: str  # "<Địa danh>, ngày .. tháng .. năm ...." or "" when not printed
    date_size: float  # shrunk for a long place name, so the line stays inside the right column


def _fit_size(text: str, font: str, size: float, width: float) -> float:
    # The national name must stay on one line: shrink it (never below 80 %) rather than wrap it.
    w = pdfmetrics.stringWidth(text, font, size)
    return size if w <= width else max(size * 0.8, size * width / w)


def _column_height(lines: Sequence[_Line]) -> float:
    return sum(line.size * (1.05 if i == 0 else _LEAD) for i, line in enumerate(lines))


def _layout_header(header: FormHeader, width: float, on: date | None, scale: float) -> _HeaderLayout:
    register_fonts()
    hs, ms, ds = _HDR_SIZE * scale, _MOTTO_SIZE * scale, _DATE_SIZE * scale
    lw = width * _LEFT_SHARE
    rw = width - lw
    left: list[_Line] = []
    for source, font in ((header.parent_agency, FONT_REGULAR), (header.unit_name, FONT_BOLD)):
        if source.strip():  # an agency directly under the State may have no parent line
            left += [_Line(text, font, hs) for text in balanced_wrap(upper_vi(source), font, hs, lw - 10)]
    ns = _fit_size(_NATIONAL_NAME, FONT_BOLD, hs, rw - 2)
    right = [_Line(_NATIONAL_NAME, FONT_BOLD, ns), _Line(_MOTTO, FONT_BOLD, ms)]
    date_line = place_date_line(header.place_name, on) if on is not None else ""
    date_size = _fit_size(date_line, FONT_ITALIC, ds, rw - 2) if date_line else ds
    note_height = _NOTE_SIZE * scale * 1.6 if header.legal_basis.strip() else 0.0
    # Same arithmetic as draw_header: column text, the rule about half a size below the last baseline, and
    # (right) the date line 1.55 size below the rule plus its descent.
    left_h = _column_height(left) + hs * 0.6
    right_h = _column_height(right) + ms * 0.75
    if date_line:
        right_h += ds * (1.55 + 0.35) - ms * 0.15
    height = note_height + max(left_h, right_h)
    return _HeaderLayout(left, right, lw, rw, note_height, height, date_line, date_size)


def header_height(header: FormHeader, width: float, on: date | None = None, scale: float = 1.0) -> float:
    """Height in points that :func:`draw_header` uses for ``header`` across ``width``."""
    return _layout_header(header, width, on, scale).height


def _draw_column(canvas: Canvas, lines: Sequence[_Line], cx: float, top: float) -> float:
    """Draw centred lines from ``top`` down; return the baseline of the last one."""
    y = top
    for i, line in enumerate(lines):
        # The first baseline sits one cap-plus-marks height below the top; then regular leading.
        y -= line.size * (1.05 if i == 0 else _LEAD)
        canvas.setFont(line.font, line.size)
        canvas.drawCentredString(cx, y, line.text)
    return y


def draw_header(
    canvas: Canvas,
    header: FormHeader,
    x: float,
    top: float,
    width: float,
    on: date | None = None,
    scale: float = 1.0,
) -> float:
    """Draw the NĐ 30/2020 header in the box starting at (``x``, ``top``); return the y below it.

    Left column: parent agency (regular caps) over the unit (bold caps), a short centred rule.
    Right column: national name (bold caps) over the motto (bold), a rule as wide as the motto, then
    ``<Địa danh>, ngày .. tháng .. năm ....`` in italics when ``on`` is given. ``header.legal_basis``,
    when set, is printed small at the top right above all this. ``scale`` enlarges it for A4 forms.
    """
    lay = _layout_header(header, width, on, scale)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(0.6)
    if lay.note_height:
        canvas.setFont(FONT_ITALIC, _NOTE_SIZE * scale)
        canvas.drawRightString(x + width, top - _NOTE_SIZE * scale, nfc(header.legal_basis.strip()))
    col_top = top - lay.note_height

    # Left column. The rule is 1/3-1/2 of the unit name's width, as NĐ 30 asks.
    lcx = x + lay.left_width / 2
    y = _draw_column(canvas, lay.left, lcx, col_top)
    unit_w = max(
        (
            pdfmetrics.stringWidth(line.text, line.font, line.size)
            for line in lay.left
            if line.font == FONT_BOLD
        ),
        default=lay.left_width / 2,
    )
    rule = min(unit_w * 0.45, lay.left_width * 0.45)
    ry = y - _HDR_SIZE * scale * 0.5
    canvas.line(lcx - rule / 2, ry, lcx + rule / 2, ry)

    # Right column. The rule under the motto is as long as the motto.
    rcx = x + lay.left_width + lay.right_width / 2
    y = _draw_column(canvas, lay.right, rcx, col_top)
    motto = lay.right[-1]
    mw = pdfmetrics.stringWidth(motto.text, motto.font, motto.size)
    ry = y - motto.size * 0.6  # clear of the descenders of "p" and the dot under "ạ"
    canvas.line(rcx - mw / 2, ry, rcx + mw / 2, ry)
    if lay.date_line:
        # Spaced from the rule by the nominal size, so a shrunk line keeps the same position.
        canvas.setFont(FONT_ITALIC, lay.date_size)
        canvas.drawCentredString(rcx, ry - _DATE_SIZE * scale * 1.55, lay.date_line)
    canvas.restoreState()
    return top - lay.height


class HeaderFlowable(Flowable):  # type: ignore[misc]
    """The common header as a platypus flowable (first thing in every form's story)."""

    def __init__(self, header: FormHeader, on: date | None = None, scale: float = 1.0) -> None:
        super().__init__()
        self.header = header
        self.on = on
        self.scale = scale
        self._h = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._h = header_height(self.header, availWidth, self.on, self.scale)
        return availWidth, self._h

    def draw(self) -> None:
        draw_header(self.canv, self.header, 0, self._h, self.width, self.on, self.scale)


# ---------------------------------------------------------------------------------------- barcodes

CODE128_QUIET_MODULES = 10  # ISO/IEC 15417 asks for at least 10 modules of white each side


@lru_cache(maxsize=64)  # a form asks twice (measure, then draw); codes repeat on reprints
def code128_modules(code: str) -> str:
    """Code 128 module string of ``code`` ('1' = bar, '0' = space), from python-barcode.

    Raises ``barcode.errors.IllegalCharacterError`` for non-ASCII input (dossier codes are ASCII).
    """
    modules: str = barcode.get("code128", code).build()[0]
    return modules


def _bar_runs(modules: str) -> list[tuple[int, int]]:
    # Adjacent bar modules become one rectangle: fewer operators, and no hairline seams when rasterised.
    runs: list[tuple[int, int]] = []
    i, n = 0, len(modules)
    while i < n:
        if modules[i] == "1":
            j = i
            while j < n and modules[j] == "1":
                j += 1
            runs.append((i, j - i))
            i = j
        else:
            i += 1
    return runs


def code128_width(code: str, module_width: float = 0.27 * mm, quiet: int = CODE128_QUIET_MODULES) -> float:
    """Total width in points of the barcode of ``code`` including both quiet zones."""
    return (len(code128_modules(code)) + 2 * quiet) * module_width


def draw_code128(
    canvas: Canvas,
    code: str,
    x: float,
    y: float,
    *,
    module_width: float = 0.27 * mm,
    bar_height: float = 12 * mm,
    quiet: int = CODE128_QUIET_MODULES,
    text_size: float = 8.0,
    human_readable: bool = True,
) -> tuple[float, float]:
    """Draw a vector Code 128 of ``code`` with its lower-left corner (quiet zone included) at (x, y).

    The human-readable code is printed centred under the bars. Returns (width, height) in points.
    """
    modules = code128_modules(code)
    width = (len(modules) + 2 * quiet) * module_width
    text_h = text_size * 1.3 if human_readable else 0.0
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    bx = x + quiet * module_width
    by = y + text_h
    path = canvas.beginPath()
    for start, length in _bar_runs(modules):
        path.rect(bx + start * module_width, by, length * module_width, bar_height)
    canvas.drawPath(path, stroke=0, fill=1)
    if human_readable:
        canvas.setFont(FONT_REGULAR, text_size)
        canvas.drawCentredString(x + width / 2, y + text_size * 0.3, nfc(code))
    canvas.restoreState()
    return width, bar_height + text_h


class Code128Flowable(Flowable):  # type: ignore[misc]
    """A Code 128 barcode (with quiet zones and human-readable text) as a flowable.

    When the preferred module width would not fit ``availWidth`` it shrinks, but never below
    ``min_module_width`` (0.19 mm still decodes at 150-300 dpi).
    """

    def __init__(
        self,
        code: str,
        *,
        module_width: float = 0.27 * mm,
        min_module_width: float = 0.19 * mm,
        bar_height: float = 12 * mm,
        text_size: float = 8.0,
        human_readable: bool = True,
    ) -> None:
        super().__init__()
        self.code = code
        self.modules = len(code128_modules(code))
        self.module_width = module_width
        self.min_module_width = min_module_width
        self.bar_height = bar_height
        self.text_size = text_size
        self.human_readable = human_readable
        self._mw = module_width

    def _size(self, mw: float) -> tuple[float, float]:
        text_h = self.text_size * 1.3 if self.human_readable else 0.0
        return (self.modules + 2 * CODE128_QUIET_MODULES) * mw, self.bar_height + text_h

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        total = self.modules + 2 * CODE128_QUIET_MODULES
        self._mw = max(self.min_module_width, min(self.module_width, availWidth / total))
        self.width, self.height = self._size(self._mw)
        return self.width, self.height

    def draw(self) -> None:
        draw_code128(
            self.canv,
            self.code,
            0,
            0,
            module_width=self._mw,
            bar_height=self.bar_height,
            text_size=self.text_size,
            human_readable=self.human_readable,
        )


def qr_drawing(data: str, size: float = 20 * mm, level: str = "M") -> Drawing:
    """A QR code of ``data`` (UTF-8, NFC) as a ``size`` x ``size`` drawing (a flowable too).

    The widget keeps its 4-module quiet zone inside ``size``, so nothing placed beside the drawing
    touches the code. It is sized directly rather than scaled from ``getBounds()``: that call would
    encode the data a second time, the dearest step of a whole receipt.
    """
    register_fonts()
    widget = QrCodeWidget(nfc(data), barLevel=level, barWidth=size, barHeight=size)
    # initialFontName: the renderer would otherwise select Helvetica, pulling it into the PDF.
    drawing = Drawing(size, size, initialFontName=FONT_REGULAR)
    drawing.add(widget)
    return drawing


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float = 20 * mm) -> None:
    """Draw a QR code of ``data`` with its lower-left corner at (``x``, ``y``)."""
    qr_drawing(data, size).drawOn(canvas, x, y)


# ---------------------------------------------------------------------------------------- document


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
) -> None:
    """Lay ``story`` out on ``pagesize`` pages (flowing onto as many as needed) and write the PDF.

    The canvas starts on Liberation Serif so the file references no Helvetica at all, and the
    metadata (title/author/subject) is NFC text.
    """
    register_fonts()
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
