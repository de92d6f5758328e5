"""Administration (role quản trị): agency settings, office hours, the calendar, the procedure
catalogue and staff accounts, one tab each.

Every tab reads and writes through ``Onestop`` on the worker threads of ``Tasks``; a bad value is
shown beside its field and nothing is written. Ctrl+S saves the tab on screen; Alt+1…Alt+5 switch
tabs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from onestop.services import Actor, Onestop
from onestop.ui.admin_calendar import CalendarTab
from onestop.ui.admin_procedures import ProceduresTab
from onestop.ui.admin_settings import AgencySettingsTab, OfficeHoursTab
from onestop.ui.admin_staff import StaffTab
from onestop.ui.tasks import Tasks

__all__ = ["AdminView"]


class AdminView(QWidget):
    """The administration tab of the main window, for an administrator (``quan_tri``)."""

    def __init__(self, svc: Onestop, actor: Actor, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        if actor.role != "quan_tri":
            # The main window only builds this view for administrators; never show it to others.
            refused = QLabel(self.tr("Chỉ tài khoản quản trị mới dùng được phần Quản trị."))
            refused.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(refused)
            return

        self.agency = AgencySettingsTab(svc, actor, tasks, self)
        self.hours = OfficeHoursTab(svc, actor, tasks, self)
        self.calendar = CalendarTab(svc, actor, tasks, self)
        self.procedures = ProceduresTab(svc, actor, tasks, self)
        self.staff = StaffTab(svc, actor, tasks, self)
        for i, (page, title) in enumerate(
            (
                (self.agency, self.tr("Thiết lập cơ quan")),
                (self.hours, self.tr("Giờ làm việc")),
                (self.calendar, self.tr("Lịch nghỉ lễ")),
                (self.procedures, self.tr("Thủ tục")),
                (self.staff, self.tr("Cán bộ")),
            ),
            start=1,
        ):
            index = self.tabs.addTab(page, title)
            self.tabs.setTabToolTip(index, self.tr("{0} (Alt+{1})").format(title, i))
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{i}"))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, n=index: self.show_tab(n))
            self.addAction(action)
        layout.addWidget(self.tabs)

        self.save_action = QAction(self.tr("Lưu"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)  # Ctrl+S
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save_current)
        self.addAction(self.save_action)

        for tab in (self.agency, self.hours, self.calendar, self.procedures, self.staff):
            tab.load()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        page = self.tabs.currentWidget()
        if page is None:
            return
        # The first field of the tab that takes the Tab key, in the tab's focus order.
        widget: QWidget | None = page.nextInFocusChain()
        while widget is not None and widget is not page:
            if (
                page.isAncestorOf(widget)
                and widget.isEnabled()
                and widget.isVisibleTo(page)
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def save_current(self) -> None:
        """Ctrl+S: the tab on screen saves what it edits (settings, office hours, a procedure)."""
        page = self.tabs.currentWidget()
        save = getattr(page, "save", None)
        if callable(save):
            save()
