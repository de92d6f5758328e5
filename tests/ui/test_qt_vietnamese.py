"""Qt's own buttons, menus and dialogs in Vietnamese: Qt ships no Vietnamese, so
``resources/i18n/qt_vi.ts`` carries it, built into a .qm and installed with the interface's language."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWizard
from pytestqt.qtbot import QtBot
from test_translation import messages

from onestop.ui import app as ui_app

ROOT = Path(__file__).resolve().parents[2]
QT_TS = ROOT / "resources" / "i18n" / "qt_vi.ts"
TOOLS = Path(sys.executable).parent


@pytest.fixture
def qt_vi(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The .qm built from the .ts here (the repository holds the .ts), installed as the app installs it."""
    out = tmp_path / "qt_vi.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), "-silent", str(QT_TS), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    monkeypatch.setattr(ui_app, "resource", lambda *parts: tmp_path / parts[-1])
    assert ui_app.install_translator(qapp, "vi") is not None
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)


def test_every_qt_message_has_its_vietnamese_with_its_placeholders_and_accelerators() -> None:
    found = messages(QT_TS)
    assert len(found) > 200
    for context, source, translation in found:
        text = translation.text or ""
        assert text and translation.get("type") is None, (context, source)
        assert sorted(re.findall(r"%\d", text)) == sorted(re.findall(r"%\d", source)), (context, source, text)
        assert ("&" in text.replace("&&", "")) == ("&" in source.replace("&&", "")), (context, source, text)


def test_message_box_wizard_and_button_box_speak_vietnamese(qtbot: QtBot, qt_vi: None) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "onestop", "Bỏ hồ sơ đang nhập?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Có"
    assert box.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Không"

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text().replace("&", "") == "Đồng ý"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Hủy"

    wizard = QWizard()
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    qtbot.addWidget(wizard)
    texts = {
        wizard.buttonText(b).replace("&", "")
        for b in (
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        )
    }
    assert texts == {"Tiếp theo >", "< Quay lại", "Hoàn tất", "Hủy"}
    assert QCoreApplication.translate("QLineEdit", "&Paste") == "&Dán"


def test_switching_to_english_takes_qt_back_to_english(qtbot: QtBot, qt_vi: None, qapp: QApplication) -> None:
    ui_app.install_translator(qapp, "en")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"
