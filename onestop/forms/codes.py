"""Machine-readable marks on the forms: the Code 128 of the dossier code and the QR code.

* Code 128 (ISO/IEC 15417) carries the dossier code alone: it is what the counter's keyboard-wedge
  scanner reads. The bars are vector rectangles from python-barcode's module string.
* The QR code (TCVN 7322:2009 = ISO/IEC 18004) carries the paper's fields (:mod:`onestop.forms.qr`).
  Text that is not ASCII is preceded by an ECI 26 segment, which tells the reader it is UTF-8
  (without it, readers such as zbar guess Shift-JIS and garble the Vietnamese).

Import these through :mod:`onestop.forms.pdf`, which re-exports them.
"""

from __future__ import annotations

from functools import lru_cache

import barcode
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from onestop.forms.text import FONT_REGULAR, nfc, register_fonts

__all__ = [
    "CODE128_QUIET_MODULES",
    "Code128Flowable",
    "QrFlowable",
    "code128_modules",
    "draw_code128",
    "draw_qr",
    "qr_drawing",
    "qr_modules",
]

_ECI_UTF8 = 26  # ISO/IEC 18004 Extended Channel Interpretation 26: UTF-8
_QR_QUIET = 4  # modules of white around a QR code (ISO/IEC 18004)

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


class _ECI(qrencoder.QRECI):  # type: ignore[misc]
    """reportlab's ECI segment, counting the bits of its designator.

    reportlab 4-5 counts an ECI segment as 4 bits (its mode) when choosing the QR version, but writes
    12 or more: a payload just under a version's capacity then fails with "code length overflow".
    """

    @property
    def bitlength(self) -> int:
        return 8 if self.data <= 0x7F else 16 if self.data <= 0x3FFF else 24


def _qr_segments(text: str) -> str | list[qrencoder.QR]:
    # ASCII goes as is (the encoder picks the densest mode); anything else as UTF-8 bytes behind ECI 26.
    if text.isascii():
        return text
    return [_ECI(_ECI_UTF8), qrencoder.QR8bitByte(text)]


def qr_drawing(data: str, size: float = 20 * mm, level: str = "M") -> Drawing:
    """A QR code of ``data`` (NFC; UTF-8 with an ECI marker when not ASCII) as a ``size`` square drawing.

    The drawing is a flowable too. The widget keeps its 4-module quiet zone inside ``size``, so
    nothing placed beside the drawing touches the code. It is sized directly rather than scaled from
    ``getBounds()``: that call would encode the data a second time, the dearest step of a whole receipt.
    """
    register_fonts()
    widget = QrCodeWidget(_qr_segments(nfc(data)), barLevel=level, barWidth=size, barHeight=size)
    # initialFontName: the renderer would otherwise select Helvetica, pulling it into the PDF.
    drawing = Drawing(size, size, initialFontName=FONT_REGULAR)
    drawing.add(widget)
    return drawing


@lru_cache(maxsize=32)  # a preview and its print encode the same text once
def qr_modules(data: str, level: str = "M") -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``data`` as rows of modules (True = dark), without the quiet zone."""
    code = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    segments = _qr_segments(nfc(data))
    for segment in segments if isinstance(segments, list) else [segments]:
        code.addData(segment)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float = 20 * mm, level: str = "M") -> None:
    """Draw a QR code of ``data`` with its lower-left corner at (``x``, ``y``), ``size`` square.

    ``size`` includes the 4-module quiet zone. The dark modules of each row are merged into runs and
    drawn as one path of rectangles: a tenth of the time of reportlab's widget, one shape per module.
    """
    modules = qr_modules(data, level)
    n = len(modules)
    box = size / (n + 2 * _QR_QUIET)
    left = x + _QR_QUIET * box
    top = y + size - _QR_QUIET * box
    seam = box * 0.02  # rows overlap a hair, so no light seam shows between them when rasterised
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        bottom = top - (r + 1) * box
        c = 0
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            path.rect(left + start * box, bottom, (c - start) * box, box + seam)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class QrFlowable(Flowable):  # type: ignore[misc]
    """A QR code as a flowable, drawn by :func:`draw_qr`."""

    def __init__(self, data: str, size: float = 20 * mm, level: str = "M") -> None:
        super().__init__()
        self.data, self.size, self.level = data, size, level
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.data, 0, 0, self.size, self.level)
