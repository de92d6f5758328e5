"""The counter window: one tab per screen this account may use, and the one it starts on.

Receiving (F2), today's dossiers (F3), «Hồ sơ của tôi» (F6: the processing officer's), «Quá hạn, sắp
đến hạn» (F10: the head of agency's), the ratings summary (F7) and administration (F9). Which tabs an
account gets, and where it lands after signing in, come from the permission table only: the clerk
lands on receiving, the processing officer on their dossiers, the head of agency on the overdue list,
the administrator on administration. A screen's key or menu item this account may not use says so in
the status bar instead of doing nothing.

A barcode scanned anywhere opens its dossier (``ScanFilter`` on the application). When the counter PC
has a second monitor, the citizen's rating screen (``onestop.ui.kiosk``) runs on it in this process;
with one monitor there is none here (a kiosk PC runs ``onestop kiosk``)."""

from __future__ import annotations

import logging
import re
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QScreen, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from onestop.auth import ADMIN_ACTS
from onestop.services import Act, Actor, Onestop
from onestop.ui.ops import QueryOp, Tasks

log = logging.getLogger(__name__)


INTAKE, TODAY, MINE, URGENT, RATINGS, ADMIN = "intake", "today", "mine", "urgent", "ratings", "admin"
SCREEN_KEYS = {INTAKE: "F2", TODAY: "F3", MINE: "F6", URGENT: "F10", RATINGS: "F7", ADMIN: "F9"}
PROCESSING_ACTS = frozenset({Act.TAKE, Act.SUPPLEMENT, Act.RESULT})  # who has dossiers of their own


def screens_for(acts: frozenset[Act]) -> list[str]:
    """The screens an account with these permissions gets, in tab order."""
    can_view = Act.VIEW_DOSSIERS in acts
    wanted = {
        INTAKE: Act.RECEIVE in acts,
        TODAY: can_view,
        MINE: can_view and bool(acts & PROCESSING_ACTS),
        URGENT: can_view and Act.VIEW_REPORTS in acts,
        RATINGS: Act.VIEW_RATINGS in acts,
        ADMIN: bool(acts & ADMIN_ACTS),
    }
    return [screen for screen, shown in wanted.items() if shown]


def home_screen(screens: list[str]) -> str:
    """Where an account lands after signing in: the first of administration, the overdue list,
    receiving, its own dossiers, today's list that it has."""
    return next(
        (s for s in (ADMIN, URGENT, INTAKE, MINE, TODAY) if s in screens), screens[0] if screens else ""
    )


def code_pattern(identifier: str) -> str:
    """A regular expression matching this unit's dossier codes (what a scan of a receipt types)."""
    return rf"{re.escape(identifier)}-\d{{6}}-\d{{4,}}"


class MainWindow(QMainWindow):
    logout_requested = Signal()

    def __init__(
        self, svc: Onestop, actor: Actor, tasks: Tasks, ui_state: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from onestop.ui.detail import open_dossier
        from onestop.ui.dossiers import TodayView
        from onestop.ui.intake import IntakeView
        from onestop.ui.ratings_view import RatingsSummaryView, may_see_ratings, station_name
        from onestop.ui.scanner import ScanFilter
        from onestop.ui.worklists import WorkListView

        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.ui_state = ui_state
        self._open_dossier = open_dossier
        self.station = station_name(ui_state)
        self.kiosk: Any = None  # the KioskWindow on the second monitor, if any
        self.kiosk_placer: Any = None
        self._shown = False
        self._leaving = False  # asked already (logout), or nothing to ask
        settings = svc.config.settings()
        title = self.tr("onestop — {0}").format(settings["agency.unit_full_name"])
        if settings["agency.demo"]:  # never mistaken for a real office's data
            title += self.tr(" — DỮ LIỆU MẪU (chỉ để thử)")
        self.setWindowTitle(title)
        self.setMinimumSize(1000, 640)

        self.acts = svc.permissions(actor)
        screens = screens_for(self.acts)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.intake: Any = None
        self.today: Any = None
        self.mine: Any = None
        self.urgent: Any = None
        self.ratings: Any = None
        self.admin: Any = None
        if INTAKE in screens:
            self.intake = IntakeView(svc, actor, tasks, ui_state, self)
            self.tabs.addTab(self.intake, self.tr("Tiếp nhận hồ sơ (F2)"))
        if TODAY in screens:
            self.today = TodayView(svc, actor, tasks, self)
            self.today.open_requested.connect(self.open_dossier)
            self.tabs.addTab(self.today, self.tr("Hồ sơ trong ngày (F3)"))
        if MINE in screens:
            self.mine = WorkListView(svc, actor, tasks, ui_state, "mine", self)
            self.mine.open_requested.connect(self.open_dossier)
            self.tabs.addTab(self.mine, self.tr("Hồ sơ của tôi (F6)"))
        if URGENT in screens:
            self.urgent = WorkListView(svc, actor, tasks, ui_state, "urgent", self)
            self.urgent.open_requested.connect(self.open_dossier)
            self.tabs.addTab(self.urgent, self.tr("Quá hạn, sắp đến hạn (F10)"))
        if RATINGS in screens and may_see_ratings(svc, actor):
            self.ratings = RatingsSummaryView(svc, actor, tasks, self)
            self.tabs.addTab(self.ratings, self.tr("Đánh giá (F7)"))
        if ADMIN in screens:
            from onestop.ui.admin import AdminView

            self.admin = AdminView(svc, actor, tasks, self)
            self.tabs.addTab(self.admin, self.tr("Quản trị (F9)"))
        self.setCentralWidget(self.tabs)

        # Every screen's key, also for the screens this account does not have: those say so.
        screen_menu = self.menuBar().addMenu(self.tr("&Màn hình"))
        titles = {
            INTAKE: self.tr("Tiếp nhận hồ sơ"),
            TODAY: self.tr("Hồ sơ trong ngày"),
            MINE: self.tr("Hồ sơ của tôi"),
            URGENT: self.tr("Hồ sơ quá hạn, sắp đến hạn"),
            RATINGS: self.tr("Đánh giá của người dân"),
            ADMIN: self.tr("Quản trị"),
        }
        self.screen_actions: dict[str, QAction] = {}
        for screen in (INTAKE, TODAY, MINE, URGENT, RATINGS, ADMIN):
            action = screen_menu.addAction(titles[screen])
            action.setObjectName(f"screen_{screen}")
            action.setShortcut(QKeySequence(SCREEN_KEYS[screen]))
            action.triggered.connect(lambda _=False, name=screen: self.go(name))
            self.screen_actions[screen] = action

        menu = self.menuBar().addMenu(self.tr("&Phiên làm việc"))
        logout = menu.addAction(self.tr("Đăng xuất / đổi cán bộ"))
        logout.setShortcut(QKeySequence("Ctrl+L"))
        logout.triggered.connect(self.logout)
        quit_action = menu.addAction(self.tr("Thoát"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.quit)

        who = QLabel(self.tr("Cán bộ: {0} — {1}").format(actor.full_name, actor.role_label))
        who.setObjectName("currentUser")
        self.statusBar().addPermanentWidget(who)
        self.busy = QLabel("")
        self.statusBar().addWidget(self.busy)
        self._progress = ""  # what the op shown with progress is doing («Đang lưu…»), if any
        # Shown only for work that takes a while: the rating status asks every second, briefly.
        self._busy_delay = QTimer(self)
        self._busy_delay.setSingleShot(True)
        self._busy_delay.setInterval(300)
        self._busy_delay.timeout.connect(self._show_busy)
        tasks.busy_changed.connect(self._busy_changed)
        tasks.progress_changed.connect(self._progress_changed)

        self.scanner = ScanFilter(code_pattern(settings["agency.unit_identifier"]), self)
        self.scanner.scanned.connect(self.open_scanned)
        QApplication.instance().installEventFilter(self.scanner)  # type: ignore[union-attr]
        # A monitor plugged in later gets the rating screen too (once the window is up).
        gui_app = QGuiApplication.instance()
        assert isinstance(gui_app, QGuiApplication)
        self._gui_app: QGuiApplication | None = gui_app
        gui_app.screenAdded.connect(self._screen_added)

        geometry = ui_state.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            # First start on this PC: the window with its title bar and status line must fit the
            # monitor (a counter's is often 1366×768): maximized there, else 1280×760.
            primary = gui_app.primaryScreen()
            room = primary.availableGeometry() if primary is not None else None
            if room is not None and (room.width() < 1366 + 60 or room.height() < 760 + 60):
                self.resize(min(1280, room.width()), min(760, room.height() - 60))
                self.setWindowState(Qt.WindowState.WindowMaximized)
            else:
                self.resize(1280, 760)
        self.home = home_screen(screens)
        if self.home:
            self.go(self.home)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_delay.start()
        else:
            self._busy_delay.stop()
            self.busy.setText("")

    def _show_busy(self) -> None:
        self.busy.setText(self._progress or self.tr("Đang xử lý…"))

    def _progress_changed(self, label: str) -> None:
        self._progress = label
        if self.busy.text():
            self._show_busy()

    def screen_widget(self, name: str) -> QWidget | None:
        widget: QWidget | None = getattr(self, name)
        return widget

    def go(self, name: str) -> bool:
        """Show screen ``name`` (its key or menu item); a screen this account lacks says why."""
        widget = self.screen_widget(name)
        if widget is None:
            refused = {
                INTAKE: self.tr("tiếp nhận hồ sơ"),
                TODAY: self.tr("xem hồ sơ"),
                MINE: self.tr("xử lý hồ sơ"),
                URGENT: self.tr("theo dõi hồ sơ quá hạn (xem báo cáo)"),
                RATINGS: self.tr("xem mức đánh giá của người dân"),
                ADMIN: self.tr("quản trị"),
            }[name]
            self.statusBar().showMessage(
                self.tr("{0} ({1}): tài khoản «{2}» không có quyền {3}.").format(
                    self.screen_actions[name].text(), SCREEN_KEYS[name], self.actor.username, refused
                ),
                10_000,
            )
            return False
        self.show_tab(self.tabs.indexOf(widget))
        return True

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        # A screen that says where the keyboard goes first (the picker, the list) gets it there.
        focus = getattr(self.tabs.currentWidget(), "focus_first", None)
        if callable(focus):
            focus()

    def open_dossier(self, code: str) -> None:
        self._open_dossier(self, self.svc, self.actor, self.tasks, code, self.ui_state)

    def open_scanned(self, code: str) -> None:
        def found(exists: bool) -> None:
            if exists:
                self.open_dossier(code)
            else:
                QMessageBox.warning(self, self.tr("Quét mã"), self.tr("Không có hồ sơ mã {0}.").format(code))

        QueryOp(
            self, lambda: self.svc.dossiers.find_code(code, actor=self.actor), found, tasks=self.tasks
        ).run_in_background()

    def logout(self) -> None:
        if not self.may_leave(self.tr("đăng xuất")):
            return
        self._leaving = True
        self.logout_requested.emit()
        self.close()

    def quit(self) -> None:
        """«Thoát» (Ctrl+Q): asks first if a receiving form is half filled in."""
        if self.may_leave(self.tr("thoát")):
            self._leaving = True
            self.close()

    def may_leave(self, what: str) -> bool:
        """A receiving form half filled in is not dropped without asking (the default is to stay)."""
        typed = self.intake.half_filled() if self.intake is not None else None
        if typed is None:
            return True
        if self.intake is not None:
            self.show_tab(self.tabs.indexOf(self.intake))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Hồ sơ đang nhập dở"),
            self.tr("Hồ sơ đang nhập ({0}) chưa được lưu. Bỏ hồ sơ này và {1}?").format(typed, what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Bỏ và {0}").format(what))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Ở lại tiếp tục nhập"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    # ---- the rating screen on a second monitor

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            # After the window has its place: the kiosk goes to a monitor other than this one.
            QTimer.singleShot(0, self.start_kiosk)

    def _screen_added(self, _screen: QScreen) -> None:
        if self._shown and self.isVisible():
            QTimer.singleShot(0, self.start_kiosk)

    def start_kiosk(self) -> Any:
        """Open the rating screen full-screen on another monitor, if this PC has two or more.
        Never fatal: without a working kiosk module the counter still works (a warning is logged)."""
        if self.kiosk is not None or not self.isVisible() or len(QGuiApplication.screens()) < 2:
            return self.kiosk
        try:
            from onestop.ui import kiosk as kiosk_module
        except Exception:
            log.warning("the rating screen is not available", exc_info=True)
            return None
        try:
            window = kiosk_module.KioskWindow(
                self.svc, self.tasks, kiosk=f"{self.station}-kiosk", station=self.station
            )
            kiosk_module.place_kiosk(window, avoid=self)
            window.start()
            placer = kiosk_module.KioskPlacer(window, avoid=self)
            placer.placed.connect(self._kiosk_placed)
        except Exception:
            log.warning("the rating screen could not be opened", exc_info=True)
            return None
        self.kiosk, self.kiosk_placer = window, placer
        self.activateWindow()  # the clerk keeps the keyboard
        return window

    def _kiosk_placed(self, screen: QScreen | None) -> None:
        """Back to one monitor: the counter's rating screen closes (it would cover the clerk's window);
        a monitor plugged in again brings it back on that monitor."""
        if self.kiosk is None:
            return
        if screen is None:
            self.kiosk.stop()
            self.kiosk.hide()
        else:
            self.kiosk.start()
            self.activateWindow()

    def close_kiosk(self) -> None:
        kiosk, self.kiosk = self.kiosk, None
        placer, self.kiosk_placer = self.kiosk_placer, None
        if placer is not None:
            placer.deleteLater()
        if kiosk is not None:
            kiosk.stop()
            kiosk.close()
            kiosk.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's own close button (the window manager, Alt+F4) asks like «Thoát»; a close by
        # the program itself (logout and «Thoát» have asked already) does not.
        if event.spontaneous() and not self._leaving and not self.may_leave(self.tr("thoát")):
            event.ignore()
            return
        self._leaving = True
        self.ui_state.setValue("main/geometry", self.saveGeometry())
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        gui_app, self._gui_app = self._gui_app, None
        if gui_app is not None:
            gui_app.screenAdded.disconnect(self._screen_added)
        self.close_kiosk()
        if self.intake is not None:
            self.intake.rating_status.stop()  # a closed window asks nothing more
        super().closeEvent(event)
