"""One PDF from a component's pages, and pictures of those pages (digitisation; no database, no Qt).

What a clerk hands over — pages from the scanner, photos, PDFs received by e-mail — becomes one PDF
per component (or per result):

- The type is read from the content (its first bytes), never from the name alone: a file whose name
  says one type while its content is another is refused, naming both. The allowed types and the size
  limit are the settings ``scan.types`` and ``scan.max_mb`` (the limit holds for each file given and
  for the PDF made of them).
- Images (PNG, JPEG, TIFF — every page of a multi-page TIFF) become A4 pages at their physical size
  (their own resolution, else ``scan.resolution``), shrunk to fit when larger, landscape when wider
  than high. A JPEG goes in as it is (never compressed a second time); other images as JPEG at the
  quality ``scan.quality``, or losslessly (Flate) when it is 0. Black-and-white pages always stay
  lossless: JPEG would blur the letters and make them larger.
- A PDF's pages are kept as they are (size, text, vectors).

:func:`thumbnails` renders pages as PNG bytes (PDFium, from the pypdfium2 wheel), so the screens
need no PDF library of their own. PDFium is not thread-safe: every use here holds one lock, and the
functions are plain blocking calls a screen runs on a worker thread.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onestop.errors import ValidationError
from onestop.validation import shown

KIND_LABELS = {"pdf": "PDF", "png": "ảnh PNG", "jpeg": "ảnh JPEG", "tiff": "ảnh TIFF"}
EXTENSIONS = {
    ".pdf": "pdf",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".jpe": "jpeg",
    ".jfif": "jpeg",
    ".tif": "tiff",
    ".tiff": "tiff",
}
MB = 1024 * 1024
MAX_PIXELS = 80_000_000  # one image; below Pillow's own "decompression bomb" warning (89 M)
MAX_FRAMES = 500  # pages of one TIFF
_PDFIUM = threading.Lock()


@dataclass(frozen=True)
class Source:
    """One file handed over: its name (what it claims to be) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Rules:
    """What the agency accepts and how images are stored (settings ``scan.*``)."""

    types: frozenset[str] = frozenset(KIND_LABELS)
    max_bytes: int = 20 * MB
    quality: int = 85  # JPEG quality of images that are not JPEG already; 0: lossless
    resolution: int = 200  # dpi of an image that does not say its own

    @classmethod
    def from_settings(cls, settings: Any) -> Rules:
        return cls(
            types=frozenset(t.strip().lower() for t in str(settings["scan.types"]).split(",") if t.strip()),
            max_bytes=int(settings["scan.max_mb"]) * MB,
            quality=int(settings["scan.quality"]),
            resolution=int(settings["scan.resolution"]),
        )

    @property
    def limit_text(self) -> str:
        return f"{self.max_bytes // MB} MB"


@dataclass(frozen=True)
class Built:
    pdf: bytes
    pages: int
    sha256: str


def _refuse(name: str, problem: str) -> ValidationError:
    return ValidationError(f"Tệp «{shown(name, 80)}»: {problem}", field="files")


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",") + " MB"


def sniff(data: bytes) -> str | None:
    """The type the content says it is (its magic number), or None."""
    head = data[:1024]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if b"%PDF-" in head:  # the header may follow a few bytes of garbage (PDF 1.7, 7.5.2)
        return "pdf"
    return None


def claimed(name: str) -> str | None:
    """The type a file's name claims (its extension), or None when it claims none we know."""
    return EXTENSIONS.get(Path(name).suffix.lower())


def read_sources(paths: Sequence[Path], rules: Rules) -> list[Source]:
    """The files named, each checked for existence and size before it is read."""
    sources = []
    for path in paths:
        name = str(path)
        try:
            if path.is_dir():
                raise _refuse(name, "là một thư mục, không phải tệp.")
            size = path.stat().st_size
            if size > rules.max_bytes:
                raise _refuse(name, f"{_mb(size)}, vượt giới hạn {rules.limit_text} (thiết lập scan.max_mb).")
            data = path.read_bytes()
        except FileNotFoundError:
            raise _refuse(name, "không có tệp này.") from None
        except PermissionError:
            raise _refuse(name, "không có quyền đọc tệp.") from None
        except OSError as exc:
            raise _refuse(name, f"không đọc được ({exc.strerror}).") from None
        sources.append(Source(path.name, data))
    return sources


def check(source: Source, rules: Rules) -> str:
    """The type of one file, or ValidationError: empty, too large, of a type not accepted, or not
    what its name claims."""
    name, data = source.name, source.data
    if not data:
        raise _refuse(name, "tệp rỗng.")
    if len(data) > rules.max_bytes:
        raise _refuse(name, f"{_mb(len(data))}, vượt giới hạn {rules.limit_text} (thiết lập scan.max_mb).")
    claim = claimed(name)
    if claim is None and Path(name).suffix:
        raise _refuse(name, "chỉ nhận tệp PDF, PNG, JPEG hoặc TIFF.")
    actual = sniff(data)
    if actual is None:
        what = KIND_LABELS[claim] if claim else "PDF hay ảnh PNG, JPEG, TIFF"
        raise _refuse(name, f"nội dung không phải {what} (tệp hỏng hoặc không phải bản quét).")
    if claim is not None and claim != actual:
        raise _refuse(
            name,
            f"tên tệp ghi là {KIND_LABELS[claim]} nhưng nội dung là {KIND_LABELS[actual]}: "
            "tệp không đúng như tên của nó, không lưu gì.",
        )
    if actual not in rules.types:
        allowed = ", ".join(t for t in KIND_LABELS if t in rules.types)
        raise _refuse(name, f"{KIND_LABELS[actual]} không được nhận (thiết lập scan.types: {allowed}).")
    return actual


# --------------------------------------------------------------------------- building the PDF


def build(sources: Sequence[Source], rules: Rules) -> Built:
    """One PDF of every page of ``sources``, in order. Every file is checked before any work."""
    if not sources:
        raise ValidationError("Tệp số hóa: chưa có tệp nào.", field="files")
    kinds = [check(s, rules) for s in sources]
    if "pdf" not in kinds:
        pdf, count = _image_pages(list(zip(sources, kinds, strict=True)), rules)
        return _built(pdf, count, rules)
    if len(sources) == 1:
        # One PDF is stored as it came, byte for byte: re-saving it would break a digital signature
        # (an electronic result usually carries one).
        with _PDFIUM:
            _open_pdf(sources[0]).close()
        return _built(sources[0].data, page_count(sources[0].data), rules)
    import pypdfium2 as pdfium

    with _PDFIUM:
        out = pdfium.PdfDocument.new()
        keep: list[Any] = []  # the source documents stay open until the result is saved
        pending: list[tuple[Source, str]] = []

        def flush() -> None:
            if pending:
                doc = pdfium.PdfDocument(_image_pages(pending, rules)[0])
                keep.append(doc)
                out.import_pages(doc)
                pending.clear()

        for source, kind in zip(sources, kinds, strict=True):
            if kind == "pdf":
                flush()
                doc = _open_pdf(source)
                keep.append(doc)
                out.import_pages(doc)
            else:
                pending.append((source, kind))
        flush()
        pages = len(out)
        buf = io.BytesIO()
        out.save(buf)
        for doc in (out, *keep):
            doc.close()
    return _built(buf.getvalue(), pages, rules)


def _built(pdf: bytes, pages: int, rules: Rules) -> Built:
    if len(pdf) > rules.max_bytes:
        raise ValidationError(
            f"Tệp số hóa: bản PDF gồm {pages} trang nặng {_mb(len(pdf))}, vượt giới hạn {rules.limit_text} "
            "(thiết lập scan.max_mb); hãy quét với độ phân giải hoặc chất lượng thấp hơn, hoặc chia thành "
            "nhiều lần.",
            field="files",
        )
    return Built(pdf, pages, hashlib.sha256(pdf).hexdigest())


def _open_pdf(source: Source) -> Any:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(source.data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise _refuse(source.name, "PDF được bảo vệ bằng mật khẩu; hãy gửi bản không khóa.") from None
        raise _refuse(source.name, "PDF hỏng, không đọc được.") from None
    if len(doc) == 0:
        doc.close()
        raise _refuse(source.name, "PDF không có trang nào.")
    return doc


def _image_pages(images: Sequence[tuple[Source, str]], rules: Rules) -> tuple[bytes, int]:
    """The images as A4 pages of one PDF, and how many (reportlab; ``invariant``: the same images
    make the same bytes, so the same scan attached twice is stored once)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    count = 0
    for source, kind in images:
        for image, dpi in _frames(source, kind, rules):
            width, height = image.size_pt(dpi)
            page = landscape(A4) if width > height else A4
            scale = min(1.0, page[0] / width, page[1] / height)
            w, h = width * scale, height * scale
            canvas.setPageSize(page)
            canvas.drawImage(image.reader, (page[0] - w) / 2, (page[1] - h) / 2, w, h)
            canvas.showPage()
            count += 1
    canvas.save()
    return buf.getvalue(), count


@dataclass
class _Page:
    reader: Any  # reportlab ImageReader
    pixels: tuple[int, int]

    def size_pt(self, dpi: tuple[float, float]) -> tuple[float, float]:
        return self.pixels[0] / dpi[0] * 72, self.pixels[1] / dpi[1] * 72


def _frames(source: Source, kind: str, rules: Rules) -> Iterator[tuple[_Page, tuple[float, float]]]:
    """Each page of an image file, ready to draw, with its resolution."""
    from PIL import Image, ImageSequence
    from reportlab.lib.utils import ImageReader

    try:
        image = Image.open(io.BytesIO(source.data))
        if image.width * image.height > MAX_PIXELS:
            raise _refuse(
                source.name,
                f"ảnh {image.width}×{image.height} điểm ảnh quá lớn; hãy quét ở độ phân giải thấp hơn.",
            )
        for frames, frame in enumerate(ImageSequence.Iterator(image), start=1):
            if frames > MAX_FRAMES:
                raise _refuse(source.name, f"quá {MAX_FRAMES} trang.")
            dpi = _dpi(frame.info.get("dpi"), rules.resolution)
            if kind == "jpeg" and frame.mode in ("RGB", "L") and _orientation(frame) in (0, 1):
                # As it came: the JPEG's own bytes go into the PDF.
                yield _Page(ImageReader(io.BytesIO(source.data)), frame.size), dpi
                return  # a JPEG is one picture (an MPO's second frame is the same scene again)
            plain = _plain(frame)
            if rules.quality and frame.mode != "1":
                jpeg = io.BytesIO()
                plain.save(jpeg, "JPEG", quality=rules.quality, optimize=True)
                jpeg.seek(0)
                yield _Page(ImageReader(jpeg), plain.size), dpi
            else:
                yield _Page(ImageReader(plain), plain.size), dpi
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError):
        raise _refuse(source.name, f"không đọc được {KIND_LABELS[kind]} (tệp hỏng).") from None


def _orientation(image: Any) -> int:
    try:
        return int(image.getexif().get(0x0112, 1))
    except (OSError, ValueError, TypeError):
        return 1


def _plain(frame: Any) -> Any:
    """The frame upright, in RGB or grey (transparency on white paper, 16-bit grey to 8-bit)."""
    from PIL import Image, ImageOps

    image = ImageOps.exif_transpose(frame) if _orientation(frame) not in (0, 1) else frame.copy()
    mode = image.mode
    if mode in ("RGB", "L"):
        return image
    if mode == "1":
        return image.convert("L")
    if mode.startswith("I") or mode == "F":
        return image.convert("I").point(lambda v: v / 256).convert("L")
    if mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, image.convert("RGBA")).convert("RGB")
    return image.convert("RGB")


def _dpi(value: Any, default: int) -> tuple[float, float]:
    try:
        x, y = (float(v) for v in value)
    except (TypeError, ValueError):
        return float(default), float(default)
    if not (50 <= x <= 2400 and 50 <= y <= 2400):
        return float(default), float(default)
    return x, y


# --------------------------------------------------------------------------- reading a stored PDF


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    with _PDFIUM:
        doc = pdfium.PdfDocument(pdf)
        try:
            return len(doc)
        finally:
            doc.close()


def thumbnails(pdf: bytes, *, width: int = 200, pages: Sequence[int] | None = None) -> list[bytes]:
    """Pages of a PDF as PNG images ``width`` pixels wide (``pages``: 0-based indexes; None: all)."""
    import pypdfium2 as pdfium

    if not 16 <= width <= 4000:
        raise ValidationError("Ảnh trang: chiều rộng phải từ 16 đến 4000 điểm ảnh.", field="width")
    out = []
    with _PDFIUM:
        doc = pdfium.PdfDocument(pdf)
        try:
            wanted = range(len(doc)) if pages is None else pages
            for index in wanted:
                if not 0 <= index < len(doc):
                    raise ValidationError(f"Ảnh trang: không có trang {index + 1}.", field="page")
                page = doc[index]
                try:
                    bitmap = page.render(scale=width / page.get_width())
                    png = io.BytesIO()
                    bitmap.to_pil().save(png, "PNG")
                    out.append(png.getvalue())
                finally:
                    page.close()
        finally:
            doc.close()
    return out
