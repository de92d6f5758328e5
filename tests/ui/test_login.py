"""The login dialog, typed into like a clerk would."""

from __future__ import annotations

from helpers import press, system, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from onestop.services import Onestop
from onestop.ui.login import LoginDialog
from onestop.ui.tasks import Tasks


def _dialog(qtbot: QtBot, agency: Onestop, tasks: Tasks) -> LoginDialog:
    dialog = LoginDialog(agency, tasks, agency="Trung tâm Phục vụ hành chính công phường Liên Chiểu")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def _login(dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.setFocus()
    type_text(dialog.username, username)
    press(dialog.username, Qt.Key.Key_Return)
    type_text(dialog.password, password)
    press(dialog.password, Qt.Key.Key_Return)


def test_focus_starts_in_the_user_name(qtbot: QtBot, agency: Onestop, tasks: Tasks) -> None:
    dialog = _dialog(qtbot, agency, tasks)
    assert dialog.focusWidget() is dialog.username


def test_enter_submits_and_a_good_password_logs_in(qtbot: QtBot, agency: Onestop, tasks: Tasks) -> None:
    dialog = _dialog(qtbot, agency, tasks)
    _login(dialog, "tiepnhan1", "demo")
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert dialog.actor is not None
    assert dialog.actor.full_name == "Nguyễn Thị Thu Hà"


def test_wrong_password_says_so_without_saying_which_part(
    qtbot: QtBot, agency: Onestop, tasks: Tasks
) -> None:
    dialog = _dialog(qtbot, agency, tasks)
    _login(dialog, "tiepnhan1", "sai")
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    wrong_password = dialog.error.text()
    assert "tên đăng nhập hoặc mật khẩu không đúng" in wrong_password
    assert dialog.isVisible() and dialog.actor is None
    dialog.username.clear()
    dialog.password.clear()
    _login(dialog, "khongco", "demo")
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=5000)
    # The same words whatever was wrong; only the name typed is repeated back.
    assert dialog.error.text().replace("khongco", "tiepnhan1") == wrong_password


def test_disabled_account_cannot_log_in(qtbot: QtBot, agency: Onestop, tasks: Tasks) -> None:
    agency.staff.set_disabled("tiepnhan2", True, actor=system(agency))
    dialog = _dialog(qtbot, agency, tasks)
    _login(dialog, "tiepnhan2", "demo")
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert "khóa" in dialog.error.text()
    assert dialog.actor is None


def test_empty_fields_are_named(qtbot: QtBot, agency: Onestop, tasks: Tasks) -> None:
    dialog = _dialog(qtbot, agency, tasks)
    dialog.submit()
    assert dialog.error.text() == "Nhập tên đăng nhập và mật khẩu."


def test_login_typed_before_the_database_is_open_goes_on_when_it_opens(
    qtbot: QtBot, agency: Onestop, tasks: Tasks
) -> None:
    dialog = LoginDialog(None, tasks)
    qtbot.addWidget(dialog)
    dialog.open()
    _login(dialog, "tiepnhan1", "demo")
    assert dialog.error.text() == "Đang mở cơ sở dữ liệu…"
    dialog.set_services(agency, "Trung tâm Phục vụ hành chính công phường Liên Chiểu")
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert dialog.title.text() == "Trung tâm Phục vụ hành chính công phường Liên Chiểu"


def test_the_login_module_does_not_load_the_database_layer() -> None:
    """The login window must show before SQLAlchemy is imported (start-up time, benchmarks/gui.py)."""
    import subprocess
    import sys

    code = "import sys, onestop.ui.app, onestop.ui.login; print(any(m.startswith('sqlalchemy') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
