"""Reading a PDF back with the tools a reader would use: poppler-utils and zbar-tools.

``pdfinfo`` (pages, size, metadata), ``pdffonts`` (embedded fonts), ``pdftotext`` (the text, its
layout and word boxes) and ``zbarimg`` on a ``pdftoppm`` rendering (Code 128 and QR codes).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

POPPLER = ("pdfinfo", "pdffonts", "pdftotext", "pdftoppm")
needs_poppler = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in POPPLER),
    reason="poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm) is not installed",
)
needs_zbar = pytest.mark.skipif(
    shutil.which("zbarimg") is None, reason="zbar-tools (zbarimg) is not installed"
)


def run(*cmd: str | Path) -> str:
    """stdout of a command (stderr ignored: zbarimg chatters about D-Bus there)."""
    done = subprocess.run(
        [str(c) for c in cmd], capture_output=True, check=True, text=True, encoding="utf-8", timeout=60
    )
    return done.stdout


def flat(text: str) -> str:
    """Whitespace collapsed, so phrases wrapped by -layout still match."""
    return " ".join(text.split())


def pdf_pages(pdf: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf), re.M)
    assert match, "pdfinfo reported no page count"
    return int(match.group(1))


def page_text(pdf: Path, page: int | None = None, mode: str = "-layout") -> str:
    """The text of ``pdf`` (or one page): ``-layout`` keeps the look, ``-raw`` the drawing order.

    ``-layout`` interleaves the lines of side-by-side table cells, so a wrapped document name is
    checked in ``-raw`` text, where each cell's lines come out together.
    """
    pages: tuple[str, ...] = () if page is None else ("-f", str(page), "-l", str(page))
    return run("pdftotext", mode, *pages, pdf, "-")


def word_boxes(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, word) for every word, from ``pdftotext -bbox``."""
    html = run("pdftotext", "-bbox", pdf, "-")
    boxes = []
    page = 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            boxes.append((page, x0, y0, x1, y1, m.group(5)))
    return boxes


def qr_in_upper_left(png: Path, tmp_path: Path) -> str:
    """The QR text found in the upper left corner of the page (its left 30 %, top 20 %), or ""."""
    from PIL import Image

    with Image.open(png) as page:
        width, height = page.size
        corner = tmp_path / f"corner-{png.stem}.png"
        page.crop((0, 0, int(width * 0.30), int(height * 0.20))).save(corner)
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(corner)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    return done.stdout if done.returncode == 0 else ""


def assert_nothing_overlaps(pdf: Path, min_words: int = 100) -> None:
    """No two words' boxes intersect (beyond half a point of font-metric slack)."""
    boxes = word_boxes(pdf)
    assert len(boxes) >= min_words, "pdftotext -bbox found (almost) no words"
    slack = 0.5
    by_page: dict[int, list[tuple[int, float, float, float, float, str]]] = {}
    for box in boxes:
        by_page.setdefault(box[0], []).append(box)
    for page_boxes in by_page.values():
        page_boxes.sort(key=lambda b: b[2])
        for i, a in enumerate(page_boxes):
            for b in page_boxes[i + 1 :]:
                if b[2] >= a[4] - slack:
                    break  # sorted by top: nothing further down can reach ``a``
                if min(a[3], b[3]) - max(a[1], b[1]) > slack and min(a[4], b[4]) - max(a[2], b[2]) > slack:
                    raise AssertionError(f"words overlap: {a} / {b}")


def page_size(pdf: Path) -> tuple[float, float]:
    """The first page's size in points, from ``pdfinfo``."""
    m = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", run("pdfinfo", pdf), re.M)
    assert m, "pdfinfo reported no page size"
    return float(m.group(1)), float(m.group(2))


def fonts(pdf: Path) -> list[list[str]]:
    """The rows of ``pdffonts`` (name type encoding emb sub uni object ID), split in words."""
    return [row.split() for row in run("pdffonts", pdf).splitlines()[2:]]


def assert_liberation_serif_only(pdf: Path) -> None:
    """Every font is an embedded Liberation Serif face; no Helvetica anywhere."""
    rows = fonts(pdf)
    assert rows, "no fonts at all"
    assert all("LiberationSerif" in row[0] for row in rows), rows
    assert all(row[-5] == "yes" for row in rows), rows  # "emb" is the fifth column from the right
    assert "Helvetica" not in run("pdffonts", pdf)


def render_png(pdf: Path, out: Path, dpi: int = 300, first: int = 1, last: int = 1) -> list[Path]:
    """Pages ``first``..``last`` of ``pdf`` as PNG files ``out``-N.png, in order."""
    run("pdftoppm", "-r", str(dpi), "-png", "-f", str(first), "-l", str(last), pdf, out)
    return sorted(out.parent.glob(out.name + "-*.png"))


def code128(png: Path) -> list[str]:
    """The Code 128 symbols zbarimg finds on ``png`` (none: an empty list)."""
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Scode128.enable", str(png)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode in (0, 4), done.stderr  # 4: nothing found
    return done.stdout.split()


def qr_text(png: Path) -> str:
    """The text of the QR code zbarimg finds on ``png`` (UTF-8 thanks to the ECI marker)."""
    return run("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png).strip("\n")
