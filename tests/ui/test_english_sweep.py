"""In English, the main screens of every role show no Vietnamese of the program's own: every label,
button, tab, menu, column header, placeholder, tooltip and choice is translated, including the labels
that come from the core (states, steps, roles, acts). What the office typed is data and stays as typed
(the agency's and people's names, units, procedures), so it is taken out before looking."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from helpers import actor
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_translation import english, qm  # noqa: F401  (fixtures)

from onestop.services import Onestop
from onestop.ui.tasks import Tasks

VIETNAMESE = re.compile(
    r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE
)

OWN_NAMES = {"Tiếng Việt"}  # a language is named in its own language in the language chooser


def test_every_label_of_the_core_is_in_the_catalogue() -> None:
    """What the core shows (states, steps, roles, acts, ratings, weekdays, settings) is listed in
    ui/labels.py, so lupdate puts it in the English catalogue: a new label in the core fails here."""
    from onestop.auth import ACT_LABELS, ROLE_LABELS
    from onestop.lifecycle import ACTION_LABELS, STEP_VERDICTS
    from onestop.ratings import CHANNELS, EVENTS, REASONS, SCALES
    from onestop.services.values import CHANNELS as RECEIPT_CHANNELS
    from onestop.services.values import RESULT_CHANNELS, STATUSES
    from onestop.settings import SETTINGS
    from onestop.ui.labels import catalogue
    from onestop.worktime import WEEKDAY_NAMES

    core = {
        *STATUSES.values(),
        *RECEIPT_CHANNELS.values(),
        *RESULT_CHANNELS.values(),
        *ACTION_LABELS.values(),
        *STEP_VERDICTS.values(),
        *ROLE_LABELS.values(),
        *ACT_LABELS.values(),
        *(level.label for scale in SCALES.values() for level in scale),
        *REASONS.values(),
        *EVENTS.values(),
        *CHANNELS.values(),
        *WEEKDAY_NAMES,
        *(spec.label for spec in SETTINGS),
    }
    assert core - set(catalogue()) == set()


def data_strings(svc: Onestop) -> list[str]:
    """What the office typed: names of the agency, its people, units and procedures (longest first)."""
    from sqlalchemy import text

    found: set[str] = set()
    with svc.db.read() as conn:
        for sql in (
            "SELECT full_name FROM staff",
            "SELECT name FROM units",
            "SELECT name FROM procedures",
            "SELECT value FROM settings",
            "SELECT name FROM procedure_documents",
            "SELECT name FROM calendar_days",
        ):
            try:
                found.update(str(v) for (v,) in conn.execute(text(sql)) if v)
            except Exception:  # a table this schema names otherwise
                continue
    values = set()
    for value in found:
        values.add(value)
        values.update(part.strip('" ') for part in re.split(r'[",:\[\]{}]', value) if len(part.strip()) > 3)
    return sorted(values, key=len, reverse=True)


def texts_of(root: QWidget) -> Iterator[tuple[str, str]]:
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        if w.toolTip():
            yield name + ".toolTip", w.toolTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QLineEdit):
            yield name + ".placeholder", w.placeholderText()
        elif isinstance(w, QComboBox) and not w.isEditable():
            for i in range(w.count()):
                yield f"{name}[{i}]", w.itemText(i)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name}.tab[{i}]", w.tabText(i)
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model (QStringListModel) hides columnCount
                columns = 1
            for c in range(columns):
                header = model.headerData(c, Qt.Orientation.Horizontal)
                if header:
                    yield f"{name}.header[{c}]", str(header)


@pytest.mark.parametrize("username", ["tiepnhan1", "xuly1", "lanhdao", "admin"])
def test_no_vietnamese_of_our_own_in_english(
    english: QTranslator,  # noqa: F811
    qtbot: QtBot,
    agency: Onestop,
    tasks: Tasks,
    ui_state: QSettings,
    username: str,
) -> None:
    from onestop.ui.main_window import MainWindow

    window = MainWindow(agency, actor(agency, username), tasks, ui_state)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    data = data_strings(agency)
    left: list[tuple[str, str]] = []
    try:
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=10_000)
            screen = window.tabs.currentWidget()
            found = [("menu", a.text()) for a in window.menuBar().actions()] + list(texts_of(screen))
            for inner in screen.findChildren(QTabWidget):  # administration's own tabs, one by one
                for j in range(inner.count()):
                    inner.setCurrentIndex(j)
                    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=10_000)
                    found += list(texts_of(inner.currentWidget()))
            for where, text in found:
                plain = re.sub(r"“[^”]*”", "", text)  # an example of what is typed, in quotes
                for value in data:
                    plain = plain.replace(value, "")
                if VIETNAMESE.search(plain) and plain not in OWN_NAMES:
                    left.append((f"{window.tabs.tabText(i)} {where}", text))
    finally:
        window.close()
    assert left == []
