"""``onestop gui``: settings → database → services → login → counter window, wired in one place."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from onestop.errors import OnestopError
from onestop.res import resource
from onestop.services import Actor, Onestop
from onestop.ui.common import load_fonts, message_for, ui_settings
from onestop.ui.tasks import Tasks


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("onestop")
    app.setOrganizationName("onestop")
    app.setFont(load_fonts())
    return app


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Vietnamese is the source language; another language loads resources/i18n/onestop_<lang>.qm."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    if language == "vi":
        return None
    qm = resource("i18n", f"onestop_{language}.qm")
    translator = QTranslator(app)
    if qm.is_file() and translator.load(str(qm)):
        app.installTranslator(translator)
        return translator
    logging.getLogger(__name__).warning("no translation for %s (run make translations)", language)
    return None


class Gui:
    """Login, then the counter window; logging out comes back to the login."""

    def __init__(self, app: QApplication, svc: Onestop, *, ui_state_path: Path | None = None) -> None:
        self.app = app
        self.svc = svc
        self.tasks = Tasks(app)
        self.ui_state = ui_settings(ui_state_path)
        self.window: Any = None

    def login(self) -> bool:
        from onestop.ui.login import LoginDialog

        agency = self.svc.settings()["agency.unit_full_name"]
        dialog = LoginDialog(self.svc, self.tasks, agency=agency)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return False
        self.open_window(dialog.actor)
        return True

    def open_window(self, actor: Actor) -> Any:
        from onestop.ui.main_window import MainWindow

        self.window = MainWindow(self.svc, actor, self.tasks, self.ui_state)
        self.window.logout_requested.connect(self._after_logout)
        self.window.show()
        return self.window

    def _after_logout(self) -> None:
        from PySide6.QtCore import QTimer

        self.app.setQuitOnLastWindowClosed(False)  # the counter window closes; the login comes next

        def relogin() -> None:
            if self.login():
                self.app.setQuitOnLastWindowClosed(True)
            else:
                self.app.quit()

        QTimer.singleShot(0, relogin)


def run_gui(args: argparse.Namespace) -> int:
    app = create_application()
    try:
        from onestop.app import open_services

        svc = open_services(args.db)
        install_translator(app, svc.settings()["ui.language"])
    except OnestopError as exc:
        QMessageBox.critical(None, "onestop", message_for(exc))
        return 1
    gui = Gui(app, svc)
    app.setQuitOnLastWindowClosed(False)
    if not gui.login():
        return 0
    app.setQuitOnLastWindowClosed(True)
    return app.exec()
