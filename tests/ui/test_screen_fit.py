"""The counter's screens fit a 1366×768 monitor (the most common at one-stop counters), every screen
of every role; the login dialog fits a long agency name without cutting it."""

from __future__ import annotations

import pytest
from helpers import actor
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from onestop.services import Onestop
from onestop.ui.login import LoginDialog
from onestop.ui.main_window import MainWindow
from onestop.ui.tasks import Tasks

WIDTH, HEIGHT = 1366, 768 - 40  # less a taskbar


@pytest.mark.parametrize("username", ["tiepnhan1", "xuly1", "lanhdao", "admin"])
def test_every_screen_of_every_role_fits_1366_by_768(
    qtbot: QtBot, agency: Onestop, tasks: Tasks, ui_state: QSettings, username: str
) -> None:
    window = MainWindow(agency, actor(agency, username), tasks, ui_state)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=10_000)
    too_big = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(20)
        need = window.minimumSizeHint()
        if need.width() > WIDTH or need.height() > HEIGHT:
            too_big.append((window.tabs.tabText(i), need.width(), need.height()))
    assert too_big == []
    assert window.width() <= WIDTH and window.height() <= HEIGHT


def test_the_login_dialog_shows_a_long_agency_name_whole(qtbot: QtBot, agency: Onestop, tasks: Tasks) -> None:
    name = "Trung tâm Phục vụ hành chính công phường Liên Chiểu, thành phố Đà Nẵng — Bộ phận Một cửa"
    dialog = LoginDialog(agency, tasks, agency=name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = [label for label in dialog.findChildren(QLabel) if name in label.text()]
    assert labels, "the agency's name is on the dialog"
    label = labels[0]
    assert dialog.width() <= WIDTH and dialog.height() <= HEIGHT
    # Whole: either on one line within the label, or wrapped onto as many lines as it needs.
    needed = label.fontMetrics().horizontalAdvance(name)
    assert needed <= label.width() or (
        label.wordWrap() and label.height() >= label.heightForWidth(label.width())
    ), (needed, label.width(), label.height())
