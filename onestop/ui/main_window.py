"""The counter window: receiving, today's dossiers and (for administrators) administration.

A barcode scanned anywhere opens its dossier (``ScanFilter`` on the application)."""

from __future__ import annotations

import re

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from onestop.services import Actor, Onestop
from onestop.ui.tasks import Tasks


def code_pattern(identifier: str) -> str:
    """A regular expression matching this unit's dossier codes (what a scan of a receipt types)."""
    return rf"{re.escape(identifier)}-\d{{6}}-\d{{4,}}"


class MainWindow(QMainWindow):
    logout_requested = Signal()

    def __init__(
        self, svc: Onestop, actor: Actor, tasks: Tasks, ui_state: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from onestop.ui.dossiers import TodayView, open_dossier
        from onestop.ui.intake import IntakeView
        from onestop.ui.scanner import ScanFilter

        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.ui_state = ui_state
        self._open_dossier = open_dossier
        settings = svc.settings()
        self.setWindowTitle(self.tr("onestop — {0}").format(settings["agency.unit_full_name"]))
        self.setMinimumSize(1000, 640)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.intake = IntakeView(svc, actor, tasks, ui_state, self)
        self.today = TodayView(svc, actor, tasks, self)
        self.tabs.addTab(self.intake, self.tr("Tiếp nhận hồ sơ (F2)"))
        self.tabs.addTab(self.today, self.tr("Hồ sơ trong ngày (F3)"))
        self.admin = None
        if actor.role == "quan_tri":
            from onestop.ui.admin import AdminView

            self.admin = AdminView(svc, actor, tasks, self)
            self.tabs.addTab(self.admin, self.tr("Quản trị (F9)"))
        self.setCentralWidget(self.tabs)

        self.intake.received.connect(lambda _code: tasks.data_changed.emit())
        self.today.open_requested.connect(self.open_dossier)

        for key, index in (("F2", 0), ("F3", 1), ("F9", 2)):
            if index < self.tabs.count():
                action = QAction(self)
                action.setShortcut(QKeySequence(key))
                action.triggered.connect(lambda _=False, i=index: self.show_tab(i))
                self.addAction(action)

        menu = self.menuBar().addMenu(self.tr("&Phiên làm việc"))
        logout = menu.addAction(self.tr("Đăng xuất / đổi cán bộ"))
        logout.setShortcut(QKeySequence("Ctrl+L"))
        logout.triggered.connect(self.logout)
        quit_action = menu.addAction(self.tr("Thoát"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)

        who = QLabel(self.tr("Cán bộ: {0} — {1}").format(actor.full_name, actor.role_label))
        who.setObjectName("currentUser")
        self.statusBar().addPermanentWidget(who)
        self.busy = QLabel("")
        self.statusBar().addWidget(self.busy)
        tasks.busy_changed.connect(lambda busy: self.busy.setText(self.tr("Đang xử lý…") if busy else ""))

        self.scanner = ScanFilter(code_pattern(settings["agency.unit_identifier"]), self)
        self.scanner.scanned.connect(self.open_scanned)
        QApplication.instance().installEventFilter(self.scanner)  # type: ignore[union-attr]

        geometry = ui_state.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        if index == 0:
            self.intake.focus_first()

    def open_dossier(self, code: str) -> None:
        self._open_dossier(self, self.svc, self.actor, self.tasks, code, self.ui_state)

    def open_scanned(self, code: str) -> None:
        def found(exists: bool) -> None:
            if exists:
                self.open_dossier(code)
            else:
                QMessageBox.warning(self, self.tr("Quét mã"), self.tr("Không có hồ sơ mã {0}.").format(code))

        self.tasks.run(lambda: self.svc.find_code(code), done=found)

    def logout(self) -> None:
        self.logout_requested.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ui_state.setValue("main/geometry", self.saveGeometry())
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        super().closeEvent(event)
