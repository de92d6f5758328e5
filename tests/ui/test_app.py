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


def test_focus_in_the_picker_after_login_and_a_half_filled_form_is_not_dropped_unasked(
    qapp: QApplication, agency: Onestop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    url = agency.db.url.render_as_string(hide_password=False)
    seen: dict[str, object] = {"asked": []}
    state = {"step": "login"}

    def answer(button: str) -> bool:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            return False
        seen["asked"].append(boxes[0].text())  # type: ignore[attr-defined]
        next(b for b in boxes[0].buttons() if b.text() == button).click()
        return True

    def tick() -> None:
        step = state["step"]
        windows = _visible(MainWindow)
        if step == "login" and _visible(LoginDialog):
            dialog = _visible(LoginDialog)[0]
            dialog.username.setText("tiepnhan1")
            dialog.password.setText("demo")
            dialog.submit()
            state["step"] = "window"
        elif step == "window" and windows and QApplication.focusWidget() is not None:
            window = windows[0]
            assert window.intake is not None
            seen["focus"] = QApplication.focusWidget() is window.intake.picker
            window.intake.name.setText("Trần Văn Bình")
            state["step"] = "stay"
            QTimer.singleShot(0, window.logout)  # asks: the clerk stays
        elif step == "stay" and answer("Ở lại tiếp tục nhập"):
            state["step"] = "quit"
        elif step == "quit" and windows:
            seen["still_there"] = windows[0].intake.name.text()  # type: ignore[union-attr]
            state["step"] = "drop"
            QTimer.singleShot(
                0, windows[0].quit
            )  # «Thoát» (Ctrl+Q) asks again: this time the form is dropped
        elif step == "drop" and answer("Bỏ và thoát"):
            state["step"] = "done"
        if state["step"] != "done":
            QTimer.singleShot(50, tick)

    QTimer.singleShot(50, tick)
    assert run_gui(argparse.Namespace(db=url)) == 0
    assert seen["focus"] is True
    assert seen["still_there"] == "Trần Văn Bình"
    assert len(seen["asked"]) == 2  # type: ignore[arg-type]
    assert "«Trần Văn Bình»" in seen["asked"][0] and "chưa được lưu" in seen["asked"][0]  # type: ignore[index]
    assert not _visible(MainWindow)
