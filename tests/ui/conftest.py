"""GUI fixtures: real widgets on the offscreen platform, real services on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from onestop.services import Actor, Onestop
from onestop.ui.common import load_fonts
from onestop.ui.tasks import Tasks


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["onestop-tests"]


@pytest.fixture(autouse=True)
def _fonts(qapp: QApplication) -> None:
    qapp.setFont(load_fonts())


@pytest.fixture
def tasks(qapp: QApplication) -> Iterator[Tasks]:
    t = Tasks()
    yield t
    t.wait()
    QApplication.processEvents()


@pytest.fixture
def ui_state(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def clerk(agency: Onestop) -> Actor:
    return agency.actor("tiepnhan1")


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard (Unikey commits whole characters): one key event per character.

    qtbot.keyClicks aborts the process on non-ASCII characters (see shared/platform.md)."""
    for ch in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))
