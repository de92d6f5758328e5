"""Scan anywhere: a keyboard-wedge barcode scanner recognised by its speed, wherever the focus is.

A scanner "types" the code very fast (a few ms between keys; people are slower than ~80 ms) and ends
it with Enter. ``ScanFilter`` is installed on the QApplication, so it sees the key presses of every
widget. Printable keys that could begin a code are held back while they keep coming fast and still
form the beginning of a code; a fast Enter after a whole code emits ``scanned(code)`` and nothing
reaches the focused field. Anything else (a slow key, a character that cannot continue a code, a
pause without Enter) gives the held keys back to the widget that had the focus, in order, so no
typing is ever lost: a person typing "H" and pausing still gets "H", ~60 ms later.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Shift is how a scanner types capitals; any other modifier means a shortcut, never a scan.
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


@dataclass(frozen=True)
class _Key:
    """A held-back key press, copied out of its event (Qt deletes the event after delivery)."""

    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at: float

    @property
    def release_id(self) -> int | str:
        return self.key if self.key != Qt.Key.Key_unknown else self.text


class ScanFilter(QObject):
    """Application event filter that turns fast ``<code><Enter>`` bursts into ``scanned(code)``.

    ``pattern`` is a regular expression a whole code must match (``main_window.code_pattern``).
    ``max_gap``: the longest pause between two keys of one scan (seconds); ``timeout_ms``: how long
    held keys wait for the next key before they are given back. ``clock`` (monotonic seconds) is
    injectable so tests decide how fast they "type".
    """

    scanned = Signal(str)

    def __init__(
        self,
        pattern: str,
        parent: QObject | None = None,
        *,
        max_gap: float = 0.045,
        timeout_ms: int = 60,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.pattern = re.compile(pattern)
        # Python's re has no partial matching; PCRE (QRegularExpression) tells whether the held
        # characters can still become a code. The final decision is Python's fullmatch.
        self._partial = QRegularExpression(QRegularExpression.anchoredPattern(pattern))
        if not self._partial.isValid():
            raise ValueError(f"invalid scan pattern: {self._partial.errorString()}")
        self.max_gap = max_gap
        self.clock = clock
        self._held: list[_Key] = []
        self._target: QWidget | None = None
        self._pending_releases: list[int | str] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.flush)

    # ---- what the filter sees

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.InputMethod and self._held and not self._replaying:
            # Unikey/ibus commit text as input-method events: the held keys were typed before it.
            self.flush()
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) or self._replaying:
            return False
        # Real key input reaches the QWindow first and then the focused widget: handle it once, at the
        # widget (the one a replay must go back to).
        if not isinstance(obj, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.KeyRelease:
            return self._release(event)
        return self._press(obj, event)

    def _release(self, event: QKeyEvent) -> bool:
        rid = event.key() if event.key() != Qt.Key.Key_unknown else event.text()
        if rid in self._pending_releases:
            self._pending_releases.remove(rid)
            return True
        return False

    def _press(self, widget: QWidget, event: QKeyEvent) -> bool:
        now = self.clock()
        if event.isAutoRepeat() or event.modifiers() & _SHORTCUT_MODIFIERS:
            self.flush()
            return False
        fast = bool(self._held) and now - self._held[-1].at <= self.max_gap
        if self._held and (not fast or widget is not self._target):
            self.flush()  # a person, or the focus moved: what was held is ordinary typing
        key = _Key(event.key(), event.modifiers(), event.text(), now)

        if event.key() in _ENTER_KEYS:
            if self._held:
                code = "".join(k.text for k in self._held)
                if self.pattern.fullmatch(code):
                    self._drop_held()
                    self._pending_releases.append(key.release_id)
                    self.scanned.emit(code)
                    return True
                self.flush()
            return False

        text = event.text()
        if len(text) != 1 or not text.isprintable():
            self.flush()
            return False
        if not self._could_be_code(self.holding() + text):
            self.flush()
            if not self._could_be_code(text):
                return False
            # else this key may begin a code of its own: hold it
        if not self._held:
            self._target = widget
        self._held.append(key)
        self._pending_releases.append(key.release_id)
        self._timer.start()
        return True

    def _could_be_code(self, text: str) -> bool:
        match = self._partial.match(text, 0, QRegularExpression.MatchType.PartialPreferCompleteMatch)
        return match.hasPartialMatch() or match.hasMatch()

    # ---- giving keys back

    def flush(self) -> None:
        """Give the held keys back to the widget that had the focus, in order (press and release)."""
        self._timer.stop()
        held, target = self._held, self._target
        self._drop_held()
        if not held or target is None or not shiboken6.isValid(target):
            return
        self._replaying = True
        try:
            for k in held:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, k.key, k.modifiers, k.text))
        finally:
            self._replaying = False

    def _drop_held(self) -> None:
        self._timer.stop()
        self._held = []
        self._target = None
        # Releases of keys long gone never come back in a burst: keep the list short.
        del self._pending_releases[:-64]

    def holding(self) -> str:
        """The characters held back right now (for tests and diagnostics)."""
        return "".join(k.text for k in self._held)
