"""The English catalogue: complete, up to date with the source, and really used by the widgets.

Vietnamese is the source language; ``resources/i18n/onestop_en.ts`` is built into a .qm here (the
repository holds only the .ts) and installed for one test at a time, so every other test stays
Vietnamese.
"""

from __future__ import annotations

import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from helpers import actor
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMenu
from pytestqt.qtbot import QtBot

from onestop.services import Onestop
from onestop.ui.tasks import Tasks

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "onestop_en.ts"
UI_SOURCES = sorted((ROOT / "onestop" / "ui").glob("*.py"))
TOOLS = Path(sys.executable).parent


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) for every message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def placeholders(text: str) -> list[str]:
    return sorted(
        f"{field}:{spec}" for _, field, spec, _ in string.Formatter().parse(text) if field is not None
    )


@pytest.fixture(scope="module")
def qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("i18n") / "onestop_en.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    assert out.is_file()
    return out


@pytest.fixture
def english(qapp: QApplication, qm: Path) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(qm))
    assert qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


# --------------------------------------------------------------------------- the catalogue


def test_every_message_is_translated() -> None:
    unfinished = [
        (context, source)
        for context, source, translation in messages(TS)
        if translation.get("type") in ("unfinished", "obsolete", "vanished") or not (translation.text or "")
    ]
    assert unfinished == []


def test_translations_keep_placeholders_and_accelerators() -> None:
    for context, source, translation in messages(TS):
        text = translation.text or ""
        assert placeholders(text) == placeholders(source), (context, source, text)
        has_accelerator = "&" in source.replace("&&", "")
        assert ("&" in text.replace("&&", "")) == has_accelerator, (context, source, text)


def test_the_catalogue_holds_every_string_of_the_source(tmp_path: Path) -> None:
    """lupdate on a copy changes nothing: no tr() text is missing from the .ts, none is stale."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), "-silent", "-no-obsolete", *map(str, UI_SOURCES), "-ts", str(copy)],
        check=True,
        capture_output=True,
        text=True,
    )
    in_source = {(context, source) for context, source, _ in messages(copy)}
    in_catalogue = {(context, source) for context, source, _ in messages(TS)}
    assert in_source - in_catalogue == set(), "run make translations and translate the new strings"
    assert in_catalogue - in_source == set(), "run make translations: the catalogue has stale strings"


# --------------------------------------------------------------------------- the widgets


def test_module_level_tr_finds_the_empty_context(english: QTranslator) -> None:
    from onestop.ui.common import message_for, tr
    from onestop.ui.intake import appointment_text

    assert tr("Thử lại") == "Try again"
    assert message_for(RuntimeError("x")) == (
        "Unexpected error: RuntimeError. The details have been written to the log."
    )
    assert appointment_text(datetime(2026, 11, 25, 17, 0)) == "17:00, Wednesday, 25/11/2026"


def test_the_login_dialog_is_english(
    english: QTranslator, qtbot: QtBot, agency: Onestop, tasks: Tasks
) -> None:
    from onestop.ui.login import LoginDialog

    dialog = LoginDialog(agency, tasks)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sign in — onestop"
    assert dialog.ok_button.text() == "Sign in"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Exit"
    assert dialog.username.placeholderText() == "e.g. tiepnhan1"
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"One-Stop Counter", "Username:", "Password:"} <= labels
    dialog.submit()  # both fields empty
    assert dialog.error.text() == "Enter your username and password."


def test_the_counter_window_is_english(
    english: QTranslator, qtbot: QtBot, agency: Onestop, tasks: Tasks, ui_state: QSettings
) -> None:
    from onestop.ui.main_window import MainWindow

    window = MainWindow(agency, actor(agency, "tiepnhan1"), tasks, ui_state)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=5000)
    try:
        unit = agency.config.settings()["agency.unit_full_name"]
        assert window.windowTitle().startswith(f"onestop — {unit} — ")  # then the demo mark
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert tabs[:2] == ["Receive dossier (F2)", "Today's dossiers (F3)"]
        assert [action.text() for action in window.menuBar().actions()] == ["&Screens", "&Session"]
        screens = window.menuBar().actions()[0].menu()
        assert isinstance(screens, QMenu)
        assert [action.text() for action in screens.actions()][:3] == [
            "Receive dossier",
            "Today's dossiers",
            "My dossiers",
        ]
        session = window.menuBar().actions()[1].menu()
        assert isinstance(session, QMenu)
        texts = [action.text() for action in session.actions() if not action.isSeparator()]
        assert texts[0] == "Sign out / change officer" and texts[-1] == "Exit"
        who = window.findChild(QLabel, "currentUser")
        assert who is not None and who.text().startswith("Officer: ")

        intake = window.intake
        assert intake.save_button.text() == "Save and print receipt (Ctrl+Enter)"
        assert intake.clear_button.text() == "New (Ctrl+N)"
        assert intake.appointment_label.text() == "Choose a procedure to see the appointment date"
        assert intake.id_number.placeholderText() == "12 digits (citizen ID card)"
        labels = {label.text() for label in intake.findChildren(QLabel)}
        assert {"&Procedure (F4):", "Full &name (*):", "Citizen &ID number:", "&Fees and charges:"} <= labels

        today = window.today
        assert today.today_button.text() == "&Today"
        assert today.all_days.text() == "&All days"
        assert today.status.itemText(0) == "All statuses"
    finally:
        window.close()


def test_the_administration_tab_is_english(
    english: QTranslator, qtbot: QtBot, agency: Onestop, tasks: Tasks, ui_state: QSettings
) -> None:
    from onestop.ui.main_window import MainWindow

    window = MainWindow(agency, actor(agency, "admin"), tasks, ui_state)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=5000)
    try:
        assert window.admin is not None
        assert window.tabs.tabText(window.tabs.indexOf(window.admin)) == "Administration (F9)"
        admin_tabs = [window.admin.tabs.tabText(i) for i in range(window.admin.tabs.count())]
        assert admin_tabs == ["Agency settings", "Office hours", "Holiday calendar", "Procedures", "Staff"]
    finally:
        window.close()


def test_without_the_translator_the_interface_stays_vietnamese(
    qtbot: QtBot, agency: Onestop, tasks: Tasks
) -> None:
    from onestop.ui.login import LoginDialog

    dialog = LoginDialog(agency, tasks)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Đăng nhập — onestop"
