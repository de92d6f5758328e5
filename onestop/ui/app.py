"""``onestop gui``: settings → database → services → login → counter window, wired in one place."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from onestop.errors import OnestopError
from onestop.res import resource
from onestop.ui.common import WheelGuard, load_fonts, message_for, ui_settings
from onestop.ui.tasks import Tasks

if TYPE_CHECKING:  # the login shows before the database layer (SQLAlchemy) is imported
    from onestop.services import Actor, Onestop


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("onestop")
    app.setOrganizationName("onestop")
    app.setFont(load_fonts())
    if app.findChild(WheelGuard) is None:
        app.installEventFilter(WheelGuard(app))
    return app


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Vietnamese is the source language; another language loads resources/i18n/onestop_<lang>.qm.

    In Vietnamese, Qt's own buttons, menus and dialogs («OK», «Cancel», the file and print dialogs,
    the wizard's «Next») come from resources/i18n/qt_vi.qm: Qt ships no Vietnamese of its own."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    for old in app.findChildren(QTranslator, _TRANSLATOR):  # a language chosen earlier
        app.removeTranslator(old)
        old.deleteLater()
    qm = resource("i18n", "qt_vi.qm" if language == "vi" else f"onestop_{language}.qm")
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR)
    if qm.is_file() and translator.load(str(qm)):
        app.installTranslator(translator)
        return translator
    logging.getLogger(__name__).warning("no translation %s (run make translations)", qm.name)
    return None


_TRANSLATOR = "onestopTranslator"


class Gui:
    """Login, then the counter window; logging out comes back to the login.

    The login dialog shows at once; the database opens in the background while the clerk types
    (importing the database layer alone takes longer than showing a window)."""

    def __init__(
        self,
        app: QApplication,
        svc: Onestop | None,
        *,
        ui_state_path: Path | None = None,
        tasks: Tasks | None = None,
    ) -> None:
        self.app = app
        self.svc = svc
        self.tasks = tasks or Tasks(app)
        self.ui_state = ui_settings(ui_state_path)
        self.window: Any = None
        self.dialog: Any = None
        self.failed = False  # the database could not be opened or created
        self.agency = (
            str(self.ui_state.value("ui/agency", ""))
            if svc is None
            else svc.config.settings()["agency.unit_full_name"]
        )

    def services_ready(self, svc: Onestop, agency: str, language: str) -> None:
        self.svc = svc
        self.agency = agency
        # Remembered for the next start, which shows the login before the database is open.
        if str(self.ui_state.value("ui/language", "vi")) != language:
            self.ui_state.setValue("ui/language", language)
            install_translator(self.app, language)
        self.ui_state.setValue("ui/agency", agency)
        if self.dialog is not None:
            self.dialog.set_services(svc, agency)

    def login(self, username: str = "") -> bool:
        from onestop.ui.login import LoginDialog

        self.dialog = LoginDialog(self.svc, self.tasks, agency=self.agency)
        if username:  # the administrator the set-up assistant has just created
            self.dialog.username.setText(username)
            self.dialog.password.setFocus()
        try:
            if self.dialog.exec() != QDialog.DialogCode.Accepted or self.dialog.actor is None:
                return False
            self.open_window(self.dialog.actor)
            return True
        finally:
            self.dialog = None

    def set_up(self, url: str | None, *, new_file: Path | None = None) -> str | None:
        """The set-up assistant on a database with no account (``new_file``: an SQLite file that does
        not exist yet, created now and removed again if the assistant is cancelled). Returns the new
        administrator's user name, or None when cancelled."""
        from onestop.app import resolve_url
        from onestop.ui.setup_wizard import SetupWizard

        location = str(new_file) if new_file is not None else _hidden_password(resolve_url(url))
        wizard = SetupWizard(self.svc, self.tasks, location=location)
        self.dialog = wizard
        if self.svc is None:

            def failed(exc: BaseException) -> None:
                self.failed = True
                QMessageBox.critical(wizard, "onestop", message_for(exc))
                wizard.reject()

            self.tasks.run(lambda: _create(url), done=self._created, failed=failed)
        try:
            accepted = wizard.exec() == QDialog.DialogCode.Accepted and wizard.admin is not None
        finally:
            self.dialog = None
        self.tasks.wait()
        QApplication.processEvents()  # the database opened meanwhile is handed over (self.svc)
        if not accepted or wizard.admin is None:
            if new_file is not None and self.svc is not None:
                _discard(self.svc, new_file)
                self.svc = None
            return None
        assert self.svc is not None
        self.services_ready(
            self.svc,
            self.svc.config.settings()["agency.unit_full_name"],
            str(self.ui_state.value("ui/language", "vi")),
        )
        return wizard.admin.username

    def _created(self, svc: Onestop) -> None:
        self.svc = svc
        if self.dialog is not None:
            self.dialog.set_services(svc)

    def open_window(self, actor: Actor) -> Any:
        from onestop.ui.main_window import MainWindow

        assert self.svc is not None, "the login waits for the database"
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


def _open(url: str | None) -> tuple[Onestop, str, str, bool]:
    """On a worker thread: import the database layer, migrate if needed, read the agency's name,
    and whether the database still has no account (the set-up assistant's work)."""
    from onestop.app import open_services

    svc = open_services(url)
    settings = svc.config.settings()
    return svc, settings["agency.unit_full_name"], settings["ui.language"], svc.staff.count() == 0


def _create(url: str | None) -> Onestop:
    """On a worker thread: the new database of the set-up assistant (schema only, no account)."""
    from onestop.app import open_services

    return open_services(url, create=True)


def _discard(svc: Onestop, path: Path) -> None:
    """The assistant was cancelled on a file it created: nothing is kept (no account was made)."""
    if svc.staff.count():
        return
    svc.db.dispose()
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _hidden_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


NEEDS_SETUP = 2  # the login dialog's result when the database turned out to have no account


def run_gui(args: argparse.Namespace) -> int:
    from onestop.app import missing_database

    app = create_application()
    gui = Gui(app, None)
    install_translator(app, str(gui.ui_state.value("ui/language", "vi")))
    failure: list[BaseException] = []
    needs_setup: list[bool] = []
    app.setQuitOnLastWindowClosed(False)

    new_file = missing_database(args.db)
    if new_file is not None:
        # A first run on this computer (or --db naming a new file): set up a real office.
        username = gui.set_up(args.db, new_file=new_file)
        if username is None:
            return 1 if gui.failed else 0
    else:
        username = ""

        def failed(exc: BaseException) -> None:
            failure.append(exc)
            QMessageBox.critical(None, "onestop", message_for(exc))
            if gui.dialog is not None:
                gui.dialog.reject()

        def ready(result: tuple[Onestop, str, str, bool]) -> None:
            svc, agency, language, empty = result
            gui.services_ready(svc, agency, language)
            if empty and gui.dialog is not None:  # no account yet: the set-up assistant instead
                needs_setup.append(True)
                gui.dialog.done(NEEDS_SETUP)

        from PySide6.QtCore import QTimer

        # Once the login is painted: importing the database layer on a worker still takes the GIL often.
        QTimer.singleShot(30, lambda: gui.tasks.run(lambda: _open(args.db), done=ready, failed=failed))
    while not gui.login(username):
        if needs_setup and gui.svc is not None and gui.svc.staff.count() == 0:
            needs_setup.clear()
            username = gui.set_up(args.db) or ""
            if username:
                continue
        gui.tasks.wait()
        return 1 if failure else 0
    app.setQuitOnLastWindowClosed(True)
    return app.exec()


def run_kiosk(args: argparse.Namespace) -> int:
    """``onestop kiosk [--station S] [--name N]``: the rating screen alone (a kiosk PC, or a second
    process on the counter PC), sharing the counter's database."""
    import socket

    from onestop.ui.kiosk import KioskPlacer, KioskWindow

    app = create_application()
    try:
        from onestop.app import open_services

        svc = open_services(args.db)
        install_translator(app, svc.config.settings()["ui.language"])
    except OnestopError as exc:
        QMessageBox.critical(None, "onestop", message_for(exc))
        return 1
    host = socket.gethostname()
    station = getattr(args, "station", None) or host  # "*" serves every counter
    name = getattr(args, "name", None) or host
    tasks = Tasks(app)
    app.setQuitOnLastWindowClosed(True)  # closing the kiosk ends the process
    window = KioskWindow(svc, tasks, kiosk=name, station=station, takes_focus=True)
    placer = KioskPlacer(window)
    placer.place()
    window.start()
    try:
        return app.exec()
    finally:
        window.stop()
        tasks.wait()
        svc.db.dispose()
