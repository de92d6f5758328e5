"""The login dialog: user name and password; one message for any wrong pair."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from onestop.errors import PermissionDenied
from onestop.ui.common import FieldError
from onestop.ui.ops import QueryOp, Tasks

if TYPE_CHECKING:  # the dialog shows before the database layer is imported (start-up time)
    from onestop.services import Actor, Onestop


class LoginDialog(QDialog):
    """Accepts with ``self.actor`` set once the account and password match."""

    def __init__(
        self, svc: Onestop | None, tasks: Tasks, parent: QWidget | None = None, *, agency: str = ""
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self._waiting = False  # submitted before the database was open
        self.tasks = tasks
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Đăng nhập — onestop"))
        self.setMinimumWidth(420)

        self.title = title = QLabel(agency or self.tr("Bộ phận Một cửa"))
        title.setObjectName("loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        title.setStyleSheet("font-size: 15pt; font-weight: 600; margin: 8px;")

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("ví dụ: tiepnhan1"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = FieldError()

        form = QFormLayout()
        form.addRow(self.tr("Tên đăng nhập:"), self.username)
        form.addRow(self.tr("Mật khẩu:"), self.password)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Đăng nhập"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Thoát"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.username.setFocus()
        self.username.returnPressed.connect(self.password.setFocus)

    def set_services(self, svc: Onestop, agency: str = "") -> None:
        """The database is open (it opens while the clerk types): a login waiting for it goes on."""
        self.svc = svc
        if agency:
            self.title.setText(agency)
        if self._waiting:
            self._waiting = False
            self.submit()

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.show_message(self.tr("Nhập tên đăng nhập và mật khẩu."))
            (self.username if not username else self.password).setFocus()
            return
        self.ok_button.setEnabled(False)
        svc = self.svc
        if svc is None:
            self._waiting = True
            self.error.show_message(self.tr("Đang mở cơ sở dữ liệu…"))
            return
        self.error.show_message("")
        op = QueryOp(self, lambda: svc.staff.sign_in(username, password), self._done, tasks=self.tasks)
        op.while_running(self.ok_button.setDisabled).failure(self._failed).run_in_background()

    def _done(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        """A wrong pair is said under the fields; anything else the op shows (with «Thử lại»)."""
        if not isinstance(exc, PermissionDenied):
            return False
        self.error.show_message(exc.message)
        self.password.selectAll()
        self.password.setFocus()
        return True
