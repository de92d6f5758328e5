"""Helpers shared by the tests (plain functions; no mocks of our own code)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(*args: int) -> datetime:
    """An aware datetime in the agency's zone: ``vn(2026, 11, 23, 10, 0)``."""
    return datetime(*args, tzinfo=VN)  # type: ignore[misc]


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a keyboard (Unikey commits whole characters): one key event per character.

    qtbot.keyClicks aborts the process on non-ASCII characters (a Qt assertion in qasciikey.cpp)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def press(widget, key, modifiers=None) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    mods = Qt.KeyboardModifier.NoModifier if modifiers is None else modifiers
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, mods))
