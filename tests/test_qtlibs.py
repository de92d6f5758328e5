"""``python -m onestop.qtlibs``: the check ``make run`` does before Qt gets to say "xcb-cursor0"."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from onestop import qtlibs

# ldd on libqxcb.so of PySide6 6.11 on a Debian 12 with neither libxcb-icccm4 nor libxcb-keysyms1.
LDD_QXCB = """\
\tlinux-vdso.so.1 (0x00007ffc2a5d2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f3a1c000000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f3a1bff0000)
\tlibxcb-icccm.so.4 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f3a1ba00000)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f3a1c600000)
"""
LDD_WIDGETS_NO_EGL = """\
\tlibQt6Widgets.so.6 => /venv/PySide6/Qt/lib/libQt6Widgets.so.6 (0x00007f0000000000)
\tlibEGL.so.1 => not found
\tlibfontconfig.so.1 => not found
\tlibfoo-unheard-of.so.3 => not found
"""
LDD_ALL_THERE = "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f3a1ba00000)\n"
X_SESSION = {"DISPLAY": ":0"}


def fake_pyside(tmp_path: Path) -> Path:
    for name in (*qtlibs.MODULES, *qtlibs.PLUGINS.values(), qtlibs.PRINTING):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"\x7fELF")
    return tmp_path


def ldd_answers(answers: dict[str, str]) -> Callable[[Path], str]:
    """A stand-in for ldd: the text for files whose name ends as a key, else all found."""

    def ldd(path: Path) -> str:
        return next((text for end, text in answers.items() if str(path).endswith(end)), LDD_ALL_THERE)

    return ldd


def test_parse_ldd_lists_each_library_not_found_once_in_order() -> None:
    assert qtlibs.parse_ldd(LDD_QXCB) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert qtlibs.parse_ldd(LDD_ALL_THERE) == []
    assert qtlibs.parse_ldd("\tnot a dynamic executable\n") == []


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libEGL.so.1", "libegl1"),
        ("libGL.so.1", "libgl1"),
        ("libfontconfig.so.1", "libfontconfig1"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
        ("libcups.so.2", "libcups2"),
    ],
)
def test_missing_library_is_named_with_its_debian_package(soname: str, package: str) -> None:
    assert qtlibs.Missing(soname).package == package


def test_missing_xcb_libraries_are_named_with_the_commands_that_install_them(tmp_path: Path) -> None:
    pyside = fake_pyside(tmp_path)
    findings = qtlibs.check(pyside, X_SESSION, ldd_answers({"libqxcb.so": LDD_QXCB}))
    assert not findings.ok
    assert [m.soname for m in findings.missing] == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    message = qtlibs.describe(findings)
    assert "sudo make system-deps" in message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in message
    assert "cursor" not in message  # not Qt's misleading guess


def test_a_library_without_a_known_package_is_still_named(tmp_path: Path) -> None:
    findings = qtlibs.check(
        fake_pyside(tmp_path), X_SESSION, ldd_answers({"QtWidgets.abi3.so": LDD_WIDGETS_NO_EGL})
    )
    message = qtlibs.describe(findings)
    assert "apt-file search libfoo-unheard-of.so.3" in message
    assert "sudo apt-get install libegl1 libfontconfig1" in message


def test_nothing_to_say_when_every_library_is_there(tmp_path: Path) -> None:
    findings = qtlibs.check(fake_pyside(tmp_path), X_SESSION, ldd_answers({}))
    assert findings.ok
    assert qtlibs.describe(findings) == ""


def test_offscreen_needs_no_x_libraries_and_no_display(tmp_path: Path) -> None:
    findings = qtlibs.check(
        fake_pyside(tmp_path), {"QT_QPA_PLATFORM": "offscreen"}, ldd_answers({"libqxcb.so": LDD_QXCB})
    )
    assert findings.ok


def test_missing_cups_is_reported_but_qt_still_starts(tmp_path: Path) -> None:
    ldd = ldd_answers({"libcupsprintersupport.so": "\tlibcups.so.2 => not found\n"})
    findings = qtlibs.check(fake_pyside(tmp_path), X_SESSION, ldd)
    assert findings.ok
    assert "sudo apt-get install libcups2" in qtlibs.describe(findings)


def test_no_display_is_said_plainly(tmp_path: Path) -> None:
    findings = qtlibs.check(fake_pyside(tmp_path), {}, ldd_answers({}))
    assert not findings.ok
    assert "DISPLAY" in qtlibs.describe(findings)


@pytest.mark.parametrize(
    ("environ", "plugin"),
    [
        ({"DISPLAY": ":0"}, "xcb"),
        ({"QT_QPA_PLATFORM": "xcb"}, "xcb"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "wayland"),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "xcb"),
        ({"QT_QPA_PLATFORM": "offscreen:configfile=screens.json"}, None),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "wayland"),
    ],
)
def test_platform_plugin_is_the_one_qt_will_load(environ: dict[str, str], plugin: str | None) -> None:
    assert qtlibs.platform_plugin(environ) == plugin


def test_without_ldd_nothing_is_reported(tmp_path: Path) -> None:
    findings = qtlibs.check(fake_pyside(tmp_path), X_SESSION, lambda path: None)
    assert findings.ok and qtlibs.describe(findings) == ""


def test_other_systems_are_skipped(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert qtlibs.main({}) == 0
    assert capsys.readouterr() == ("", "")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd is Linux's")
def test_this_environment_passes_offscreen(capsys: pytest.CaptureFixture[str]) -> None:
    """What ``make test`` runs under: the real PySide6 and ldd, offscreen."""
    assert qtlibs.main({"QT_QPA_PLATFORM": "offscreen"}) == 0
    assert capsys.readouterr().err == ""
