"""GUI fixtures: real widgets on the offscreen platform, real services on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import actor, press, type_text, vn  # re-exported for the GUI tests
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from onestop.services import Actor, Onestop
from onestop.ui.common import load_fonts
from onestop.ui.tasks import Tasks

__all__ = ["press", "type_text", "vn"]


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["onestop-tests"]


@pytest.fixture(autouse=True)
def _fonts(qapp: QApplication) -> Iterator[None]:
    qapp.setFont(load_fonts())
    yield
    # A test that started the whole application leaves its language behind (Qt's buttons in
    # Vietnamese): every test starts from Qt's own English, as the tests expect it.
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)


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
    return actor(agency, "tiepnhan1")
