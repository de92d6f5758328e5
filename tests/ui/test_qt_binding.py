"""Guards on the Qt binding itself."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_qt_calls_do_not_leak_references_to_none(qapp: QApplication) -> None:
    """PySide6 6.12.0 on Python 3.11 takes a reference off None at every call that returns nothing;
    the process aborts after ~50,000 calls (a morning at the counter). pyproject.toml keeps us off it."""
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(5000):
        label.setText(str(i % 7))
    assert before - sys.getrefcount(None) < 100
