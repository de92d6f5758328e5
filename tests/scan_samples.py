"""Files a clerk might hand over (scanned pages, photos, PDFs), SANE's test scanner, and reading a stored
PDF back with poppler (``pdfinfo``, ``pdfimages``)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

needs_sane = pytest.mark.skipif(
    shutil.which("scanimage") is None, reason="sane-utils (scanimage) is not installed"
)
needs_pdfimages = pytest.mark.skipif(
    shutil.which("pdfimages") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdfinfo, pdfimages) is not installed",
)


def page_png(width: int = 300, height: int = 400, dpi: int = 150, shade: int = 230) -> bytes:
    """A grey scanned page with a dark band (PNG)."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (width, height), shade)
    ImageDraw.Draw(image).rectangle((20, 20, width - 20, 60), fill=20)
    buf = io.BytesIO()
    image.save(buf, "PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def photo_jpeg(width: int = 640, height: int = 480) -> bytes:
    """A colour photo of a paper (JPEG, 72 dpi as phones say)."""
    from PIL import Image

    image = Image.new("RGB", (width, height), (200, 180, 150))
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=90, dpi=(72, 72))
    return buf.getvalue()


def noise_png(width: int, height: int) -> bytes:
    """Random pixels: a PNG that does not compress (for size limits)."""
    from PIL import Image

    image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def tiff_pages(count: int = 2) -> bytes:
    """A multi-page TIFF, as many office scanners save a stack of papers."""
    from PIL import Image

    frames = [Image.new("1", (850, 1100), 1) for _ in range(count)]
    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:], dpi=(100, 100), compression="group4")
    return buf.getvalue()


def text_pdf(pages: int = 2) -> bytes:
    """A PDF received by e-mail: text, Letter size (its pages are kept as they are)."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=letter)
    for i in range(pages):
        canvas.drawString(72, 700, f"Giay to trang {i + 1}")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def sane_test_config(folder: Path) -> Path:
    """A SANE configuration folder whose only backend is ``test`` (no hardware)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n")
    return folder


def network_scanner_folder(beside: Path, *names: str) -> Path:
    """A network scanner's folder holding pages saved a while ago."""
    folder = beside / "may-quet"
    folder.mkdir(parents=True, exist_ok=True)
    old = time.time() - 3600
    for name in names or ("scan0001.png",):
        page = folder / name
        page.write_bytes(page_png())
        os.utime(page, (old, old))
    return folder


# --------------------------------------------------------------------------- reading a PDF back


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True, timeout=60).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines()) if v}


def pdf_page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Every page's size in points (``pdfinfo -f 1 -l N``)."""
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return [
        (float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    ]


def pdf_images(pdf: Path) -> list[dict[str, str]]:
    """The rows of ``pdfimages -list``: page, width, height, color, bpc, enc…"""
    out = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    lines = out.splitlines()
    heads = lines[0].split()
    return [dict(zip(heads, line.split(), strict=False)) for line in lines[2:] if line.strip()]
