"""Administration: staff accounts (cán bộ), their roles, passwords and whether they may log in.

Accounts are never deleted: a person who leaves is locked (their name stays in the dossiers'
history). The administrator cannot lock themself out, nor drop their own administrator role.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop.auth import ROLE_LABELS, STAFF_ROLES, Role
from onestop.services import Actor, Onestop
from onestop.ui.admin_common import Column, FieldErrors, RowsModel, with_error
from onestop.ui.common import FieldError, tr
from onestop.ui.ops import Changes, QueryOp, Tasks, WriteOp

MIN_PASSWORD = 4  # what Onestop.set_password accepts


def role_label(role: str) -> str:
    return tr(ROLE_LABELS[Role(role)]) if role in Role._value2member_map_ else role


class StaffModel(RowsModel):
    """Every account, by user name (rows are the dicts of ``Onestop.list_staff``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            (
                Column("username", tr("Tên đăng nhập"), lambda s: s["username"]),
                Column("full_name", tr("Họ và tên"), lambda s: s["full_name"]),
                Column("role", tr("Vai trò"), lambda s: role_label(s["role"])),
                Column("unit", tr("Đơn vị"), lambda s: s["unit"] or ""),
                Column(
                    "state", tr("Trạng thái"), lambda s: tr("Đã khóa") if s["disabled"] else tr("Đang dùng")
                ),
            ),
            parent,
        )

    def row_of(self, username: str) -> int:
        for i, s in enumerate(self.rows):
            if s["username"] == username:
                return i
        return -1

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and self.rows[index.row()]["disabled"]:
            return QColor("#6b6b6b")  # a locked account reads as inactive
        return super().data(index, role)


class StaffTab(QWidget):
    """«Cán bộ»: the account list, the selected account's actions, and a new account form."""

    def __init__(self, svc: Onestop, actor: Actor, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.new_errors = FieldErrors()
        self.action_errors = FieldErrors()
        self._select_after_load: str | None = None

        self.model = StaffModel(self)
        self.table = QTableView()
        self.table.setObjectName("staffTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.column("unit"), QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        # ---- the selected account
        self.selected_title = QLabel(self.tr("Chọn một tài khoản trong danh sách."))
        self.selected_title.setObjectName("selectedAccount")
        self.selected_title.setStyleSheet("font-weight: 600;")
        self.selected_title.setWordWrap(True)
        self.toggle_button = QPushButton(self.tr("&Khóa tài khoản"))
        self.toggle_button.setObjectName("toggleDisabled")
        self.toggle_button.clicked.connect(self.toggle_disabled)
        self.toggle_error = FieldError()
        self.action_errors.add("disabled", self.toggle_button, self.toggle_error, mark=False)
        self.role = QComboBox()
        self.role.setObjectName("changeRole")
        for key, name in ((r.value, ROLE_LABELS[r]) for r in STAFF_ROLES):
            self.role.addItem(tr(name), key)
        self.role_button = QPushButton(self.tr("Đổi vai trò"))
        self.role_button.setObjectName("applyRole")
        self.role_button.clicked.connect(self.change_role)
        role_row = QHBoxLayout()
        role_row.setContentsMargins(0, 0, 0, 0)
        role_row.addWidget(self.role, 1)
        role_row.addWidget(self.role_button)
        role_widget = QWidget()
        role_widget.setLayout(role_row)
        role_widget.setFocusProxy(self.role)
        role_box, role_error = with_error(role_widget)
        self.action_errors.add("role", self.role, role_error)
        self.new_password = QLineEdit()
        self.new_password.setObjectName("resetPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("ít nhất {0} ký tự").format(MIN_PASSWORD))
        self.new_password.returnPressed.connect(self.reset_password)
        self.password_button = QPushButton(self.tr("Đặt lại &mật khẩu"))
        self.password_button.setObjectName("applyPassword")
        self.password_button.clicked.connect(self.reset_password)
        pw_row = QHBoxLayout()
        pw_row.setContentsMargins(0, 0, 0, 0)
        pw_row.addWidget(self.new_password, 1)
        pw_row.addWidget(self.password_button)
        pw_widget = QWidget()
        pw_widget.setLayout(pw_row)
        pw_widget.setFocusProxy(self.new_password)
        pw_box, pw_error = with_error(pw_widget)
        self.action_errors.add("password", self.new_password, pw_error)

        sel_form = QFormLayout()
        sel_form.addRow(self.selected_title)
        toggle_row = QVBoxLayout()
        toggle_row.addWidget(self.toggle_button, 0, Qt.AlignmentFlag.AlignLeft)
        toggle_row.addWidget(self.toggle_error)
        sel_form.addRow(self.tr("Đăng nhập:"), toggle_row)
        for text, box, buddy in (
            (self.tr("&Vai trò:"), role_box, self.role),
            (self.tr("Mật khẩu mớ&i:"), pw_box, self.new_password),
        ):
            label = QLabel(text)
            label.setBuddy(buddy)
            sel_form.addRow(label, box)
        self.selected_box = QGroupBox(self.tr("Tài khoản đã chọn"))
        self.selected_box.setObjectName("selectedBox")
        self.selected_box.setLayout(sel_form)
        self.selected_box.setEnabled(False)

        # ---- a new account
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("chữ không dấu, số, dấu _ hoặc . (ví dụ: tiepnhan3)"))
        self.full_name = QLineEdit()
        self.full_name.setObjectName("full_name")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("ít nhất {0} ký tự").format(MIN_PASSWORD))
        self.new_role = QComboBox()
        self.new_role.setObjectName("role")
        for key, name in ((r.value, ROLE_LABELS[r]) for r in STAFF_ROLES):
            self.new_role.addItem(tr(name), key)
        self.new_unit = QComboBox()
        self.new_unit.setObjectName("unit")
        self.new_unit.addItem(self.tr("— không thuộc đơn vị nào —"), None)
        self.create_button = QPushButton(self.tr("&Thêm tài khoản"))
        self.create_button.setObjectName("createAccount")
        self.create_button.clicked.connect(self.create_account)
        new_form = QFormLayout()
        for key, text, widget in (
            ("username", self.tr("Tên đăng &nhập:"), self.username),
            ("full_name", self.tr("&Họ và tên:"), self.full_name),
            ("password", self.tr("Mật khẩ&u:"), self.password),
            ("role", self.tr("Vai t&rò:"), self.new_role),
            ("unit", self.tr("Đơn vị:"), self.new_unit),
        ):
            box, error = with_error(widget)
            self.new_errors.add(key, widget, error)
            label = QLabel(text)
            label.setBuddy(widget)
            new_form.addRow(label, box)
        for edit in (self.username, self.full_name, self.password):
            edit.returnPressed.connect(self.create_account)
        create_row = QHBoxLayout()
        create_row.addStretch(1)
        create_row.addWidget(self.create_button)
        new_form.addRow(create_row)
        new_box = QGroupBox(self.tr("Thêm tài khoản"))
        new_box.setLayout(new_form)

        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.status)
        right = QVBoxLayout()
        right.addWidget(self.selected_box)
        right.addWidget(new_box)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    # ---- loading

    def load(self) -> None:
        def work() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            return self.svc.staff.list_staff(actor=self.actor), self.svc.catalog.units()

        QueryOp(self, work, self._loaded, tasks=self.tasks).run_in_background()

    def _loaded(self, result: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        staff, units = result
        keep = self._select_after_load or (self.selected() or {}).get("username")
        self._select_after_load = None
        self.model.set_rows(staff)
        chosen = self.new_unit.currentData()
        self.new_unit.clear()
        self.new_unit.addItem(self.tr("— không thuộc đơn vị nào —"), None)
        for unit in units:
            self.new_unit.addItem(unit["name"], unit["id"])
        self.new_unit.setCurrentIndex(max(0, self.new_unit.findData(chosen)))
        self.selected_box.setEnabled(False)
        if keep:
            self.select(keep)

    def select(self, username: str) -> bool:
        row = self.model.row_of(username)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected(self) -> dict[str, Any] | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        row: dict[str, Any] = self.model.row_at(index.row())
        return row

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.action_errors.clear()
        if not current.isValid():
            self.selected_box.setEnabled(False)
            return
        s = self.model.row_at(current.row())
        me = s["username"] == self.actor.username
        self.selected_title.setText(f"{s['username']} — {s['full_name']}" + (self.tr(" (bạn)") if me else ""))
        self.toggle_button.setText(
            self.tr("Mở &khóa tài khoản") if s["disabled"] else self.tr("&Khóa tài khoản")
        )
        self.role.setCurrentIndex(max(0, self.role.findData(s["role"])))
        self.new_password.clear()
        self.selected_box.setEnabled(True)

    # ---- actions on the selected account

    def _run(self, what: str, fn: Any, *, errors: FieldErrors) -> None:
        username = (self.selected() or {}).get("username", "")

        def done(_: object) -> None:
            self.status.setText(what)
            self._select_after_load = username
            self.load()

        op = WriteOp(self, fn, done, changes=Changes.STAFF, tasks=self.tasks)
        op.while_running(self.selected_box.setDisabled).failure(errors.claim).run_in_background()

    def toggle_disabled(self) -> None:
        s = self.selected()
        if s is None:
            return
        self.action_errors.clear()
        username, disable = s["username"], not s["disabled"]
        if disable and username == self.actor.username:
            self.action_errors.show(
                "disabled", self.tr("Không thể tự khóa tài khoản đang đăng nhập ({0}).").format(username)
            )
            return
        what = (
            self.tr("Đã khóa tài khoản {0}: không đăng nhập được nữa.")
            if disable
            else self.tr("Đã mở khóa tài khoản {0}.")
        ).format(username)
        self._run(
            what,
            lambda: self.svc.staff.set_disabled(username, disable, actor=self.actor),
            errors=self.action_errors,
        )

    def change_role(self) -> None:
        s = self.selected()
        if s is None:
            return
        self.action_errors.clear()
        username, role = s["username"], str(self.role.currentData())
        if role == s["role"]:
            self.status.setText(self.tr("Vai trò của {0} không đổi.").format(username))
            return
        if username == self.actor.username and role != "quan_tri":
            self.action_errors.show(
                "role", self.tr("Không thể tự bỏ vai trò Quản trị của tài khoản đang đăng nhập.")
            )
            return
        what = self.tr("Đã đổi vai trò của {0} thành {1} (có hiệu lực từ lần đăng nhập sau).").format(
            username, role_label(role)
        )
        self._run(
            what,
            lambda: self.svc.staff.set_role(username, role, actor=self.actor),
            errors=self.action_errors,
        )

    def reset_password(self) -> None:
        s = self.selected()
        if s is None:
            return
        self.action_errors.clear()
        username, password = s["username"], self.new_password.text()
        if len(password) < MIN_PASSWORD:
            self.action_errors.show("password", self.tr("Mật khẩu: ít nhất {0} ký tự.").format(MIN_PASSWORD))
            return
        self._run(
            self.tr("Đã đặt lại mật khẩu của {0}.").format(username),
            lambda: self.svc.staff.set_password(username, password, actor=self.actor),
            errors=self.action_errors,
        )

    # ---- a new account

    def create_account(self) -> None:
        self.new_errors.clear()
        username = self.username.text().strip()
        full_name = self.full_name.text()
        password = self.password.text()
        role = str(self.new_role.currentData())
        unit_id = self.new_unit.currentData()
        if not username:
            self.new_errors.show("username", self.tr("Tên đăng nhập: không được để trống."))
            return
        if len(password) < MIN_PASSWORD:
            # create_staff does not check the length itself (set_password does): same rule for both.
            self.new_errors.show("password", self.tr("Mật khẩu: ít nhất {0} ký tự.").format(MIN_PASSWORD))
            return

        def work() -> Actor:
            return self.svc.staff.create_staff(
                username=username,
                full_name=full_name,
                password=password,
                role=role,
                unit_id=unit_id,
                actor=self.actor,
            )

        def done(created: Actor) -> None:
            for edit in (self.username, self.full_name, self.password):
                edit.clear()
            self.status.setText(
                self.tr("Đã thêm tài khoản {0} ({1}).").format(created.username, created.role_label)
            )
            self._select_after_load = created.username
            self.load()
            self.username.setFocus()

        op = WriteOp(self, work, done, changes=Changes.STAFF, tasks=self.tasks)
        op.while_running(self.create_button.setDisabled).failure(self.new_errors.claim).run_in_background()
