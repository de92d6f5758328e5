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


def actor(svc, username: str):  # type: ignore[no-untyped-def]
    """The account ``username`` as an actor, read straight from the staff table (tests only: the
    program itself gets actors by signing in)."""
    from sqlalchemy import select

    from onestop.auth import Actor, Role
    from onestop.db import schema as t

    with svc.db.read() as conn:
        row = conn.execute(select(t.staff).where(t.staff.c.username == username)).one()
    return Actor(row.id, row.username, row.full_name, Role(row.role), row.unit_id, bool(row.all_units))


def system(svc):  # type: ignore[no-untyped-def]
    """The system actor (what ``init`` and ``demo`` act as)."""
    return svc.ctx.system_actor()


def viewer(svc):  # type: ignore[no-untyped-def]
    """Someone who may see every dossier and rating level: the demo's head of agency."""
    return actor(svc, "lanhdao")


def clerk_of(svc):  # type: ignore[no-untyped-def]
    return actor(svc, "tiepnhan1")


def unit_officer(svc, username: str = "xuly2", unit: str = "TPHT"):  # type: ignore[no-untyped-def]
    """A processing officer of one unit only (the demo's xuly1 acts for every unit): Võ Thị Lan."""
    svc.staff.create_staff(
        username=username,
        full_name="Võ Thị Lan",
        password="mat-khau-moi",
        role="xu_ly",
        unit_id=svc.catalog.units_by_code()[unit]["id"],
        actor=actor(svc, "admin"),
    )
    return actor(svc, username)


def scan(widget, code: str) -> None:  # type: ignore[no-untyped-def]
    """What a barcode scanner (a keyboard wedge) does: the code's keys back to back, then Enter,
    into whatever has the focus. ``code`` is ASCII (Code 128)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    named = {".": Qt.Key.Key_Period, "-": Qt.Key.Key_Minus}
    keys = []
    for ch in code:
        if ch.isascii() and ch.isalnum():
            shift = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
            keys.append((ord(ch.upper()), shift, ch))
        else:
            keys.append((named.get(ch, Qt.Key.Key_unknown), Qt.KeyboardModifier.NoModifier, ch))
    keys.append((Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))
    for key, modifiers, text in keys:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))
