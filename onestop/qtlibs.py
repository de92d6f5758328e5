"""Are the system libraries Qt needs present? ``python -m onestop.qtlibs`` (``make run`` runs it first).

When a library is missing, Qt's xcb platform plugin aborts with "xcb-cursor0 or libxcb-cursor0 is
needed", whatever is really missing (often libxcb-icccm4 or libxcb-keysyms1). This asks ``ldd`` about
the installed PySide6 instead and names each missing library, the Debian package that holds it and
the command that installs it. Quiet when everything is there; does nothing outside Linux or without
``ldd``. It reads PySide6's files and never imports Qt.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

# Library (soname) -> Debian 12 package. The ones Qt's wheels need, and their usual neighbours.
DEBIAN_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libz.so.1": "zlib1g",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXext.so.6": "libxext6",
    "libXrender.so.1": "libxrender1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libcups.so.2": "libcups2",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
}

# What the counter application loads, relative to the PySide6 folder: the platform plugin (chosen
# in platform_plugin()), the modules it imports, and the print-support plugin (without libcups the
# application runs but lists no printers: reported, not fatal).
MODULES = ("QtWidgets.abi3.so", "QtPrintSupport.abi3.so", "QtPdfWidgets.abi3.so")
PLUGINS = {"xcb": "Qt/plugins/platforms/libqxcb.so", "wayland": "Qt/plugins/platforms/libqwayland.so"}
PRINTING = "Qt/plugins/printsupport/libcupsprintersupport.so"

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")


@dataclass(frozen=True)
class Missing:
    soname: str

    @property
    def package(self) -> str | None:
        return DEBIAN_PACKAGES.get(self.soname)


@dataclass(frozen=True)
class Findings:
    missing: tuple[Missing, ...] = ()  # Qt cannot start
    printing: tuple[Missing, ...] = ()  # Qt starts, but cannot print to real printers
    no_display: bool = False

    @property
    def ok(self) -> bool:
        return not self.missing and not self.no_display


def parse_ldd(text: str) -> list[str]:
    """The libraries that ``ldd`` output reports as ``not found``, in order, each once."""
    found: list[str] = []
    for line in text.splitlines():
        m = _NOT_FOUND.match(line)
        if m and m.group(1) not in found:
            found.append(m.group(1))
    return found


def platform_plugin(environ: Mapping[str, str]) -> str | None:
    """The platform plugin Qt will load: ``xcb``, ``wayland``, or None for one we don't check
    (``offscreen``, ``vnc``…). A Wayland session without X prefers Wayland, as Qt does."""
    wanted = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if wanted:
        return wanted if wanted in PLUGINS else None
    if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return "wayland"
    return "xcb"


def run_ldd(path: Path) -> str | None:
    """``ldd``'s output for a file, or None when there is no ``ldd`` to ask."""
    try:
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False)
    except OSError:
        return None
    return out.stdout


def find_pyside() -> Path | None:
    """The installed PySide6 folder, found without importing it."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def check(pyside: Path, environ: Mapping[str, str], ldd: Callable[[Path], str | None] = run_ldd) -> Findings:
    """What Qt would miss when the counter application starts with ``environ``."""
    plugin = platform_plugin(environ)
    required = [*MODULES, *([PLUGINS[plugin]] if plugin else [])]

    def missing_in(names: Sequence[str]) -> tuple[Missing, ...]:
        paths = [pyside / name for name in names if (pyside / name).is_file()]
        sonames = [soname for path in paths for soname in parse_ldd(ldd(path) or "")]
        return tuple(Missing(soname) for soname in dict.fromkeys(sonames))

    missing = missing_in(required)
    printing = tuple(m for m in missing_in([PRINTING]) if m.soname not in {x.soname for x in missing})
    no_display = plugin == "xcb" and not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")
    return Findings(missing=missing, printing=printing, no_display=no_display)


def _install_lines(missing: Sequence[Missing]) -> list[str]:
    packages = sorted({m.package for m in missing if m.package})
    lines = [f"  {m.soname:<26} gói Debian / package: {m.package}" for m in missing if m.package]
    lines += [
        f"  {m.soname:<26} gói chưa rõ / unknown package: apt-file search {m.soname}"
        for m in missing
        if not m.package
    ]
    if packages:
        lines += [
            "Cài bằng / install with:",
            "  sudo make system-deps            (trong thư mục mã nguồn / in the source folder)",
            "hoặc / or:",
            f"  sudo apt-get install {' '.join(packages)}",
        ]
    return lines


def describe(findings: Findings) -> str:
    """The message for the person at the terminal; empty when there is nothing to say."""
    lines: list[str] = []
    if findings.missing:
        lines.append("Qt không khởi động được: thiếu thư viện hệ thống / Qt cannot start, missing libraries:")
        lines += _install_lines(findings.missing)
    if findings.printing:
        lines.append(
            "Thiếu thư viện in: chưa in được ra máy in / printing to printers needs these libraries:"
        )
        lines += _install_lines(findings.printing)
    if findings.no_display:
        lines.append(
            "Không có màn hình để mở ứng dụng: DISPLAY chưa đặt (chạy trong phiên đồ họa, hoặc ssh -X) / "
            "no display: DISPLAY is not set."
        )
    return "\n".join(lines)


def main(environ: Mapping[str, str] | None = None) -> int:
    """0 when Qt can start (or when this cannot be checked here), 1 when it cannot."""
    if not sys.platform.startswith("linux"):
        return 0
    pyside = find_pyside()
    if pyside is None:
        print("Chưa cài PySide6 / PySide6 is not installed: pip install -e .", file=sys.stderr)
        return 1
    findings = check(pyside, os.environ if environ is None else environ)
    message = describe(findings)
    if message:
        print(message, file=sys.stderr)
    return 0 if findings.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
