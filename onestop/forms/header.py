"""The common header of every form (Nghị định 30/2020/NĐ-CP style), with the QR code in its upper left.

Left column: the parent agency (regular capitals) over the unit (bold capitals), a short rule.
Right column: ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`` (bold capitals) over ``Độc lập - Tự do - Hạnh
phúc`` (bold), a rule as wide as the motto, then ``<Địa danh>, ngày .. tháng .. năm ....`` in italics.
A small line above both carries the legal basis of the form (right) and, on demonstration data,
the ``DỮ LIỆU MẪU`` mark (left).

Thông tư 01/2023/TT-VPCP puts the QR code of a paper in its **upper left corner**: when a QR payload
is given, the code takes the top-left corner of the header box and the two columns share the rest.
The national name keeps the width it needs on one line; the agency column takes what is left.

Import these through :mod:`onestop.forms.pdf`, which re-exports them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from onestop.forms.codes import draw_qr
from onestop.forms.model import FormHeader
from onestop.forms.text import (
    FONT_BOLD,
    FONT_ITALIC,
    FONT_REGULAR,
    balanced_wrap,
    nfc,
    place_date_line,
    register_fonts,
    upper_vi,
)

__all__ = [
    "DEMO_MARK",
    "DEMO_MARK_LONG",
    "QR_SIZE",
    "HeaderFlowable",
    "draw_header",
    "header_height",
]

# Header sizes on A5: NĐ 30's 12-13 pt (agency, national name) and 13-14 pt (motto) scaled by 1/√2.
_HDR_SIZE = 9.5
_MOTTO_SIZE = 10.5
_DATE_SIZE = 10.0
_NOTE_SIZE = 7.5
_LEAD = 1.25
_LEFT_SHARE = 0.40  # left column share of the width; the national name needs the rest
_MIN_LEFT_SIZE = 0.9  # with a QR, the agency lines may shrink to 90 % before they wrap any further

QR_SIZE = 18 * mm  # the QR in the header's corner: a 57-module code (version 10) at 0.28 mm a module
_QR_GAP = 2 * mm

_NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_MOTTO = "Độc lập - Tự do - Hạnh phúc"
DEMO_MARK = "DỮ LIỆU MẪU"
DEMO_MARK_LONG = "DỮ LIỆU MẪU - KHÔNG CÓ GIÁ TRỊ SỬ DỤNG"


@dataclass(frozen=True)
class _Line:
    text: str
    font: str
    size: float


@dataclass(frozen=True)
class _HeaderLayout:
    left: list[_Line]
    right: list[_Line]
    qr_width: float  # the QR plus its gap (0 without a QR)
    left_width: float
    right_width: float
    note_height: float  # the legal-basis / demo line above the columns (0 when not printed)
    height: float
    date_line: str  # "<Địa danh>, ngày .. tháng .. năm ...." or "" when not printed
    date_size: float  # shrunk for a long place name, so the line stays inside the right column


def _fit_size(text: str, font: str, size: float, width: float) -> float:
    # The national name must stay on one line: shrink it (never below 80 %) rather than wrap it.
    w = pdfmetrics.stringWidth(text, font, size)
    return size if w <= width else max(size * 0.8, size * width / w)


def _column_height(lines: Sequence[_Line]) -> float:
    return sum(line.size * (1.05 if i == 0 else _LEAD) for i, line in enumerate(lines))


def _agency_lines(header: FormHeader, size: float, width: float) -> list[_Line]:
    lines: list[_Line] = []
    for source, font in ((header.parent_agency, FONT_REGULAR), (header.unit_name, FONT_BOLD)):
        if source.strip():  # an agency directly under the State may have no parent line
            lines += [_Line(text, font, size) for text in balanced_wrap(upper_vi(source), font, size, width)]
    return lines


def _layout_header(
    header: FormHeader, width: float, on: date | None, scale: float, qr_size: float = 0.0, demo: bool = False
) -> _HeaderLayout:
    register_fonts()
    hs, ms, ds = _HDR_SIZE * scale, _MOTTO_SIZE * scale, _DATE_SIZE * scale
    qw = qr_size + _QR_GAP * scale if qr_size else 0.0
    room = width - qw
    if qw:
        # The national name stays on one line at 95 % (9 pt on A5: NĐ 30's 12-13 pt scaled to A5);
        # the agency column gets the rest.
        need = pdfmetrics.stringWidth(_NATIONAL_NAME, FONT_BOLD, hs * 0.95) + 4
        rw = min(max(room * (1 - _LEFT_SHARE), need), room * 0.72)
        lw = room - rw
        # A narrow agency column: slightly smaller capitals when that saves a line.
        left = _agency_lines(header, hs, lw - 4)
        smaller = _agency_lines(header, hs * _MIN_LEFT_SIZE, lw - 4)
        if len(smaller) < len(left):
            left = smaller
    else:
        lw = room * _LEFT_SHARE
        rw = room - lw
        left = _agency_lines(header, hs, lw - 10)
    ns = _fit_size(_NATIONAL_NAME, FONT_BOLD, hs, rw - 2)
    right = [_Line(_NATIONAL_NAME, FONT_BOLD, ns), _Line(_MOTTO, FONT_BOLD, ms)]
    date_line = place_date_line(header.place_name, on) if on is not None else ""
    date_size = _fit_size(date_line, FONT_ITALIC, ds, rw - 2) if date_line else ds
    note_height = _NOTE_SIZE * scale * 1.6 if (header.legal_basis.strip() or demo) else 0.0
    # Same arithmetic as draw_header: column text, the rule about half a size below the last baseline, and
    # (right) the date line 1.55 size below the rule plus its descent.
    left_h = _column_height(left) + hs * 0.6
    right_h = _column_height(right) + ms * 0.75
    if date_line:
        right_h += ds * (1.55 + 0.35) - ms * 0.15
    height = max(note_height + max(left_h, right_h), qr_size)
    return _HeaderLayout(left, right, qw, lw, rw, note_height, height, date_line, date_size)


def header_height(
    header: FormHeader,
    width: float,
    on: date | None = None,
    scale: float = 1.0,
    *,
    qr_size: float = 0.0,
    demo: bool = False,
) -> float:
    """Height in points that :func:`draw_header` uses for ``header`` across ``width``."""
    return _layout_header(header, width, on, scale, qr_size, demo).height


def _draw_column(canvas: Canvas, lines: Sequence[_Line], cx: float, top: float) -> float:
    """Draw centred lines from ``top`` down; return the baseline of the last one."""
    y = top
    for i, line in enumerate(lines):
        # The first baseline sits one cap-plus-marks height below the top; then regular leading.
        y -= line.size * (1.05 if i == 0 else _LEAD)
        canvas.setFont(line.font, line.size)
        canvas.drawCentredString(cx, y, line.text)
    return y


def _draw_note_line(
    canvas: Canvas, header: FormHeader, x: float, top: float, width: float, scale: float, demo: bool
) -> None:
    size = _NOTE_SIZE * scale
    basis = nfc(header.legal_basis.strip())
    if basis:
        canvas.setFont(FONT_ITALIC, size)
        canvas.drawRightString(x + width, top - size, basis)
    if demo:
        # Boxed, bold, on the left: the short mark when the long one would meet the legal basis.
        room = width - pdfmetrics.stringWidth(basis, FONT_ITALIC, size) - 4 * size
        mark = DEMO_MARK_LONG
        if pdfmetrics.stringWidth(mark, FONT_BOLD, size) + size > room:
            mark = DEMO_MARK
        w = pdfmetrics.stringWidth(mark, FONT_BOLD, size)
        canvas.setFont(FONT_BOLD, size)
        canvas.drawString(x + size * 0.4, top - size, mark)
        canvas.setLineWidth(0.6)
        canvas.rect(x, top - size * 1.35, w + size * 0.8, size * 1.35, stroke=1, fill=0)


def draw_header(
    canvas: Canvas,
    header: FormHeader,
    x: float,
    top: float,
    width: float,
    on: date | None = None,
    scale: float = 1.0,
    *,
    qr: str | None = None,
    qr_size: float = QR_SIZE,
    demo: bool = False,
) -> float:
    """Draw the NĐ 30/2020 header in the box starting at (``x``, ``top``); return the y below it.

    ``qr`` (a payload from :func:`onestop.forms.qr.qr_payload`) puts that QR code in the box's upper
    left corner, ``qr_size`` square. ``header.legal_basis``, when set, is printed small at the top right
    above the columns; ``demo`` adds the boxed ``DỮ LIỆU MẪU`` mark at their top left. ``scale``
    enlarges everything for A4 forms. ``on`` None leaves out the date line.
    """
    qs = qr_size if qr else 0.0
    lay = _layout_header(header, width, on, scale, qs, demo)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(0.6)
    if qr:
        draw_qr(canvas, qr, x, top - qs, qs)
    cx0 = x + lay.qr_width
    if lay.note_height:
        _draw_note_line(canvas, header, cx0, top, lay.left_width + lay.right_width, scale, demo)
        canvas.setLineWidth(0.6)
    col_top = top - lay.note_height

    # Left column. The rule is 1/3-1/2 of the unit name's width, as NĐ 30 asks.
    lcx = cx0 + lay.left_width / 2
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
    rcx = cx0 + lay.left_width + lay.right_width / 2
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
    """The common header as a platypus flowable (first thing in every form's story).

    ``qr`` is the QR payload printed in the upper left corner (None: no QR); ``demo`` adds the
    ``DỮ LIỆU MẪU`` mark.
    """

    def __init__(
        self,
        header: FormHeader,
        on: date | None = None,
        scale: float = 1.0,
        *,
        qr: str | None = None,
        qr_size: float = QR_SIZE,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self.header = header
        self.on = on
        self.scale = scale
        self.qr = qr
        self.qr_size = qr_size
        self.demo = demo
        self._h = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        qs = self.qr_size if self.qr else 0.0
        self._h = header_height(self.header, availWidth, self.on, self.scale, qr_size=qs, demo=self.demo)
        return availWidth, self._h

    def draw(self) -> None:
        draw_header(
            self.canv,
            self.header,
            0,
            self._h,
            self.width,
            self.on,
            self.scale,
            qr=self.qr,
            qr_size=self.qr_size,
            demo=self.demo,
        )
