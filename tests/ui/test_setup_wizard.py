"""The set-up assistant of a real office's first run, typed into like the IT person would, and the
whole application started on a new database file (``onestop gui --db NEW``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import actor, press, type_text
from PySide6.QtCore import QSettings, Qt, QTime, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from onestop.app import open_services
from onestop.services import Onestop
from onestop.ui.app import run_gui
from onestop.ui.login import LoginDialog
from onestop.ui.main_window import MainWindow
from onestop.ui.setup_wizard import SetupWizard
from onestop.ui.tasks import Tasks


def _visible(kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _type(edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    type_text(edit, text)


def _next(wizard: SetupWizard) -> None:
    """«Tiếp theo» from the keyboard: Enter in the page goes to the default button."""
    focus = wizard.focusWidget()
    assert focus is not None
    press(focus, Qt.Key.Key_Return)


def _fill_agency(wizard: SetupWizard, code: str = "H17.50.01.02") -> None:
    page = wizard.agency_page
    _type(page.name, "Trung tâm Phục vụ hành chính công phường Hải Châu")
    _type(page.parent_name, "UBND phường Hải Châu")
    _type(page.code, code)
    _type(page.address, "15 Quang Trung, phường Hải Châu, thành phố Đà Nẵng")
    _type(page.place_name, "Hải Châu")
    _type(page.hotline, "0236 3821 111")


def _walk(wizard: SetupWizard, shots: Path | None = None) -> list[str]:
    """Every page from the agency to the summary, as typed; returns the page titles seen."""
    titles: list[str] = []

    def shot() -> None:
        titles.append(wizard.currentPage().title())
        if shots is not None:
            wizard.grab().save(str(shots / f"wizard_{len(titles)}.png"))

    assert wizard.button(QWizard.WizardButton.NextButton).text() == "Tiếp theo"
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Hủy"
    _fill_agency(wizard)
    shot()
    _next(wizard)
    assert wizard.currentPage() is wizard.hours_page
    wizard.findChild(object, "afternoonEnd").setTime(QTime(17, 30))  # type: ignore[union-attr]
    shot()
    wizard.hours_page.edits[0].setFocus()
    _next(wizard)
    assert wizard.currentPage() is wizard.units_page
    wizard.units_page.add_unit("TPHT", "Công chức Tư pháp - Hộ tịch")
    wizard.units_page.add_unit("CAP", "Công an phường Hải Châu")
    shot()
    wizard.units_page.add_button.setFocus()
    wizard.next()  # Enter on a button presses the button itself
    assert wizard.currentPage() is wizard.catalog_page
    assert wizard.catalog_page.shipped.isChecked()
    assert wizard.catalog_page.default_unit.currentData() == "TPHT"
    shot()
    wizard.catalog_page.shipped.setFocus()
    _next(wizard)
    assert wizard.currentPage() is wizard.admin_page
    page = wizard.admin_page
    _type(page.username, "quantri")
    _type(page.full_name, "Nguyễn Văn An")
    _type(page.password, "mat-khau-rieng")
    _type(page.password_again, "mat-khau-rieng")
    shot()
    _next(wizard)
    assert wizard.currentPage() is wizard.calendar_page
    return titles


def test_a_first_run_on_a_new_file_ends_at_the_login_of_the_new_administrator(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "office" / "onestop.db"
    seen: dict[str, object] = {}
    state = {"step": "wizard"}

    def tick() -> None:
        step = state["step"]
        if step == "wizard" and _visible(SetupWizard):
            wizard = _visible(SetupWizard)[0]
            seen["titles"] = _walk(wizard)
            state["step"] = "calendar"
        elif step == "calendar":
            wizard = _visible(SetupWizard)[0]
            if wizard.calendar_page.isComplete():
                table = wizard.calendar_page.table
                seen["days"] = [
                    (table.item(r, 0).text(), table.item(r, 3).text()) for r in range(table.rowCount())
                ]
                _next(wizard)
                assert wizard.currentPage() is wizard.summary_page
                seen["summary"] = wizard.summary_page.text.text()
                assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Hoàn tất"
                _next(wizard)  # «Hoàn tất»
                state["step"] = "login"
        elif step == "login" and _visible(LoginDialog):
            dialog = _visible(LoginDialog)[0]
            seen["username"] = dialog.username.text()
            type_text(dialog.password, "mat-khau-rieng")
            press(dialog.password, Qt.Key.Key_Return)
            state["step"] = "window"
        elif step == "window" and _visible(MainWindow):
            window = _visible(MainWindow)[0]
            seen["title"] = window.windowTitle()
            window.close()
            state["step"] = "done"
        if state["step"] != "done":
            QTimer.singleShot(50, tick)

    QTimer.singleShot(50, tick)
    rc = run_gui(argparse.Namespace(db=f"sqlite:///{path}"))
    assert rc == 0
    assert seen["titles"] == [
        "Cơ quan",
        "Giờ làm việc",
        "Đơn vị giải quyết",
        "Danh mục thủ tục",
        "Quản trị đầu tiên",
    ]
    days = dict(seen["days"])  # type: ignore[call-overload]
    assert any(day.startswith("01/01/") and name == "Tết Dương lịch" for day, name in days.items())
    assert any("Tết Nguyên Đán" in name for name in days.values())
    assert "Mã định danh: H17.50.01.02" in str(seen["summary"])
    assert "Giờ làm việc: 07:30-11:30, 13:00-17:30" in str(seen["summary"])
    assert seen["username"] == "quantri"
    assert seen["title"] == "onestop — Trung tâm Phục vụ hành chính công phường Hải Châu"  # no demo mark

    svc = open_services(f"sqlite:///{path}")
    try:
        assert svc.config.settings()["agency.unit_identifier"] == "H17.50.01.02"
        assert svc.config.settings()["agency.office_hours"] == "07:30-11:30,13:00-17:30"
        assert {u["code"] for u in svc.catalog.units()} == {"H17.50.01.02", "TPHT", "CAP"}
        assert len(svc.catalog.procedures()) == 11
        assert svc.integrity.verify().ok
    finally:
        svc.db.dispose()


def test_cancelling_on_a_new_file_leaves_no_file(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "onestop.db"

    def tick() -> None:
        wizards = _visible(SetupWizard)
        if wizards and wizards[0].svc is not None:  # once the new file exists
            assert path.exists()
            wizards[0].reject()
        else:
            QTimer.singleShot(50, tick)

    QTimer.singleShot(50, tick)
    assert run_gui(argparse.Namespace(db=f"sqlite:///{path}")) == 0
    assert not path.exists()
    assert list(tmp_path.glob("onestop.db*")) == []


def test_a_database_without_accounts_opens_the_assistant_not_the_login(
    qapp: QApplication, svc: Onestop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``onestop init`` without --admin leaves such a database: the login would let nobody in."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    url = svc.db.url.render_as_string(hide_password=False)
    seen: list[str] = []
    ticks = iter(range(200))

    def tick() -> None:
        wizards = _visible(SetupWizard)
        if wizards:
            seen.append(wizards[0].agency_page.title())
            wizards[0].reject()
        elif next(ticks, None) is None:  # 10 s: the login stayed, the assistant never came
            for dialog in _visible(LoginDialog):
                seen.append("login")
                dialog.reject()
        else:
            QTimer.singleShot(50, tick)

    QTimer.singleShot(50, tick)
    assert run_gui(argparse.Namespace(db=url)) == 0
    assert seen == ["Cơ quan"]
    assert svc.db.sqlite_path is not None and svc.db.sqlite_path.exists()  # not a file it made: kept


def _wizard(qtbot: QtBot, svc: Onestop, tasks: Tasks) -> SetupWizard:
    wizard = SetupWizard(svc, tasks, location="test.db")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def test_a_bad_agency_code_is_named_and_the_page_does_not_advance(
    qtbot: QtBot, svc: Onestop, tasks: Tasks
) -> None:
    wizard = _wizard(qtbot, svc, tasks)
    _fill_agency(wizard, code="000.00.00.H17")
    _next(wizard)
    assert wizard.currentPage() is wizard.agency_page
    assert wizard.agency_page.error.isVisible()
    assert "Mã định danh của cơ quan «000.00.00.H17»" in wizard.agency_page.error.text()
    assert "Hxx.yy.zz.ww" in wizard.agency_page.error.text()
    assert wizard.focusWidget() is wizard.agency_page.code  # the cursor is back in the field
    type_text(wizard.agency_page.code, "x")
    assert not wizard.agency_page.error.isVisible()  # edited again: the message goes
    _type(wizard.agency_page.code, "H17.50.01.02")
    _next(wizard)
    assert wizard.currentPage() is wizard.hours_page
    assert svc.staff.count() == 0  # nothing written before «Hoàn tất»


@pytest.mark.parametrize(
    ("fill", "words", "field"),
    [
        (lambda w: w.admin_page.password_again.setText("khac"), "không khớp", "adminPasswordAgain"),
        (lambda w: w.admin_page.password.setText("ngan"), "ít nhất 8", "adminPassword"),
    ],
)
def test_the_admin_page_names_its_bad_field(
    qtbot: QtBot, svc: Onestop, tasks: Tasks, fill: Callable[[SetupWizard], None], words: str, field: str
) -> None:
    wizard = _wizard(qtbot, svc, tasks)
    _walk(wizard)
    wizard.back()
    assert wizard.currentPage() is wizard.admin_page
    fill(wizard)
    _next(wizard)
    assert wizard.currentPage() is wizard.admin_page
    assert words in wizard.admin_page.error.text()
    focus = wizard.focusWidget()
    assert focus is not None and focus.objectName() == field


def test_the_demo_says_so_in_the_title_bar(
    qtbot: QtBot, agency: Onestop, tasks: Tasks, ui_state: QSettings
) -> None:
    window = MainWindow(agency, actor(agency, "tiepnhan1"), tasks, ui_state)
    qtbot.addWidget(window)
    assert window.windowTitle() == (
        "onestop — Trung tâm Phục vụ hành chính công phường Liên Chiểu — DỮ LIỆU MẪU (chỉ để thử)"
    )
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=5000)
