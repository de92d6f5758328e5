"""The whole application as ``onestop gui`` starts it: login, counter window, log out, quit."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from onestop.services import Onestop
from onestop.ui.app import run_gui
from onestop.ui.login import LoginDialog
from onestop.ui.main_window import MainWindow


def _visible(kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_login_window_logout_and_quit(
    qapp: QApplication, agency: Onestop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    url = agency.db.url.render_as_string(hide_password=False)
    seen: dict[str, object] = {}
    steps = iter(["login", "window", "relogin-cancel"])
    state = {"step": next(steps)}

    def tick() -> None:
        step = state["step"]
        if step == "login" and _visible(LoginDialog):
            dialog = _visible(LoginDialog)[0]
            dialog.username.setText("tiepnhan1")
            dialog.password.setText("demo")
            dialog.submit()
            state["step"] = next(steps)
        elif step == "window" and _visible(MainWindow):
            window = _visible(MainWindow)[0]
            seen["user"] = window.findChild(QLabel, "currentUser").text()
            seen["tabs"] = [window.tabs.tabText(i) for i in range(window.tabs.count())]
            window.logout()
            state["step"] = next(steps)
        elif step == "relogin-cancel" and _visible(LoginDialog):
            seen["login_again"] = True
            _visible(LoginDialog)[0].reject()
            state["step"] = "done"
        if state["step"] != "done":
            QTimer.singleShot(50, tick)

    QTimer.singleShot(50, tick)
    rc = run_gui(argparse.Namespace(db=url))
    assert rc == 0
    assert seen["user"] == "Cán bộ: Nguyễn Thị Thu Hà — Công chức tiếp nhận"
    assert seen["tabs"] == ["Tiếp nhận hồ sơ (F2)", "Hồ sơ trong ngày (F3)"]  # no administration for a clerk
    assert seen["login_again"] is True
    assert (tmp_path / "config" / "onestop" / "gui.ini").exists()  # window geometry remembered
