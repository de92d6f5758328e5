"""Citizen ratings on the clerk's side: the invitation after a receipt, whether (never how) the citizen
rated, the ratings in the dossier detail, paper/phone entry, the head of agency's summary, and the
rating screen on the counter's second monitor.

Real services on a real SQLite file (the demo agency, clock at Monday 23/11/2026 09:00). The kiosk is
simulated by calling the services it calls (next_rating_request, submit_rating, close_rating_request).
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from helpers import actor, system, type_text, viewer, vn
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from onestop.clock import FixedClock
from onestop.services import Actor, Applicant, Onestop, ReceiveRequest
from onestop.ui.detail import DossierDetailDialog
from onestop.ui.intake import IntakeView
from onestop.ui.main_window import MainWindow
from onestop.ui.ratings_view import (
    ClerkRatingsModel,
    LevelCountsModel,
    RatingsSummaryView,
    RatingStatusLine,
    station_name,
    summary_headline,
    vn_number,
    vn_percent,
)
from onestop.ui.tasks import Tasks

CTRL = Qt.KeyboardModifier.ControlModifier
STATION = "quay-3"
WAITING = "Đang chờ người dân đánh giá…"
RATED = "Người dân đã đánh giá. Cảm ơn!"
NOT_RATED = "Người dân không đánh giá."
LEVEL_WORDS = ("rất hài lòng", "hài lòng", "không hài lòng", "bình thường")


# --------------------------------------------------------------------------- helpers


def visible_text(root: QWidget) -> str:
    """Every text the user can read in ``root``: labels, buttons, table cells, the window title."""
    parts = [root.windowTitle()]
    parts += [w.text() for w in root.findChildren(QLabel) if w.isVisibleTo(root)]
    parts += [w.text() for w in root.findChildren(QAbstractButton) if w.isVisibleTo(root)]
    for table in root.findChildren(QTableWidget):
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                if item is not None:
                    parts.append(item.text())
    return "\n".join(parts)


def receive(svc: Onestop, clerk: Actor, name: str = "Trần Văn An") -> str:
    return svc.intake.receive(ReceiveRequest("2.000815", Applicant(name)), actor=clerk).code


def ratings_rows(db_path: Path) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT d.code, r.event, r.level, r.channel, r.reasons, c.username, e.username"
            " FROM ratings r JOIN dossiers d ON d.id = r.dossier_id JOIN staff c ON c.id = r.clerk_id"
            " LEFT JOIN staff e ON e.id = r.entered_by ORDER BY r.id"
        ).fetchall()


def requests_rows(db_path: Path) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT d.code, q.event, c.username, q.station, q.state FROM rating_requests q"
            " JOIN dossiers d ON d.id = q.dossier_id JOIN staff c ON c.id = q.clerk_id ORDER BY q.id"
        ).fetchall()


@pytest.fixture
def counter_state(ui_state: QSettings) -> QSettings:
    ui_state.setValue("kiosk/station", STATION)
    return ui_state


@pytest.fixture
def intake(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, counter_state: QSettings
) -> Iterator[IntakeView]:
    view = IntakeView(agency, clerk, tasks, counter_state)
    qtbot.addWidget(view)
    view.resize(1366, 720)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: view.catalog is not None, timeout=5000)
    view.focus_first()
    yield view
    view.rating_status.stop()
    if view.preview_dialog is not None:
        view.preview_dialog.close()
    tasks.wait()
    QApplication.processEvents()


def save_one(qtbot: QtBot, view: IntakeView, name: str = "Lê Thị Bích") -> str:
    """Receive one dossier the way the clerk does (keys), close the receipt preview; the code."""
    view.focus_first()
    type_text(view.picker, "trich luc")
    qtbot.keyClick(view.picker, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.appointment is not None, timeout=5000)
    type_text(view.name, name)
    view.checklist.setFocus()
    qtbot.keyClick(view.checklist, Qt.Key.Key_Space)  # the required document is handed in
    with qtbot.waitSignal(view.received, timeout=5000) as received:
        qtbot.keyClick(view.checklist, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: view.preview_dialog is not None and view.preview_dialog.isVisible(), timeout=5000)
    assert view.preview_dialog is not None
    qtbot.keyClick(view.preview_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.picker, timeout=5000)
    return str(received.args[0])


# --------------------------------------------------------------------------- the station


def test_the_station_is_the_machine_name_unless_the_counter_is_named(ui_state: QSettings) -> None:
    assert station_name(ui_state) == socket.gethostname()
    ui_state.setValue("kiosk/station", "  quay-7 ")
    assert station_name(ui_state) == "quay-7"


# --------------------------------------------------------------------------- intake: the invitation


def test_saving_a_dossier_invites_the_citizen_on_this_counters_kiosk(
    qtbot: QtBot, intake: IntakeView, agency: Onestop, db_path: Path
) -> None:
    code = save_one(qtbot, intake)
    qtbot.waitUntil(lambda: intake.rating_status.state == "pending", timeout=5000)
    assert requests_rows(db_path) == [(code, "receipt", "tiepnhan1", STATION, "pending")]
    assert intake.rating_status.text() == WAITING
    assert intake.rating_status.polling
    # The kiosk of another counter never sees it; this counter's kiosk does.
    assert agency.ratings.next_request(kiosk="other-kiosk", station="quay-9") is None
    prompt = agency.ratings.next_request(kiosk=f"{STATION}-kiosk", station=STATION)
    assert prompt is not None and prompt.code == code and prompt.clerk_name == "Nguyễn Thị Thu Hà"


def test_with_automatic_invitations_off_saving_invites_nobody(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, counter_state: QSettings, db_path: Path
) -> None:
    agency.config.set_settings({"rating.auto_request": False}, actor=system(agency))
    view = IntakeView(agency, clerk, tasks, counter_state)
    qtbot.addWidget(view)
    view.resize(1366, 720)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.catalog is not None, timeout=5000)
    try:
        save_one(qtbot, view)
        qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=5000)
        assert requests_rows(db_path) == []
        assert view.rating_status.text() == "" and not view.rating_status.polling
        assert agency.ratings.next_request(kiosk="k") is None
        assert view.rate_button.isEnabled()  # the clerk may still invite (F8)
    finally:
        view.rating_status.stop()
        tasks.wait()


def test_the_clerk_sees_waiting_then_rated_and_never_how(
    qtbot: QtBot, intake: IntakeView, agency: Onestop
) -> None:
    save_one(qtbot, intake)
    qtbot.waitUntil(lambda: intake.rating_status.text() == WAITING, timeout=5000)
    prompt = agency.ratings.next_request(kiosk="k", station=STATION)  # the kiosk shows it
    assert prompt is not None
    qtbot.wait(1100)
    assert intake.rating_status.text() == WAITING  # still waiting while the citizen reads
    agency.ratings.submit(prompt.request_id, "khong-hai-long", ["thoi-gian-cho"])  # the citizen taps
    qtbot.waitUntil(lambda: intake.rating_status.text() == RATED, timeout=5000)
    assert not intake.rating_status.polling  # no more questions once it is answered
    seen = visible_text(intake).lower()
    assert not [w for w in LEVEL_WORDS if w in seen], seen
    assert "thời gian chờ" not in seen


def test_a_citizen_who_does_not_answer_shows_not_rated(
    qtbot: QtBot, intake: IntakeView, agency: Onestop
) -> None:
    save_one(qtbot, intake)
    qtbot.waitUntil(lambda: intake.rating_status.state == "pending", timeout=5000)
    prompt = agency.ratings.next_request(kiosk="k", station=STATION)
    assert prompt is not None
    agency.ratings.close_request(prompt.request_id, "timeout")
    qtbot.waitUntil(lambda: intake.rating_status.text() == NOT_RATED, timeout=5000)
    assert not intake.rating_status.polling
    assert agency.dossiers.dossier(prompt.code, actor=viewer(agency)).ratings == ()


def test_f8_invites_for_the_last_dossier_and_says_when_it_is_already_rated(
    qtbot: QtBot, intake: IntakeView, agency: Onestop, clerk: Actor, db_path: Path
) -> None:
    assert not intake.rate_button.isEnabled()  # nothing saved yet
    agency.config.set_settings({"rating.auto_request": False}, actor=system(agency))
    code = save_one(qtbot, intake)
    assert intake.last_code == code
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: intake.rating_status.text() == WAITING, timeout=5000)
    assert requests_rows(db_path) == [(code, "receipt", "tiepnhan1", STATION, "pending")]

    agency.ratings.rate(code, "hai-long", channel="paper", actor=clerk)  # a paper form came first
    intake.rate_button.click()
    qtbot.waitUntil(lambda: "đã được đánh giá" in intake.rating_status.text(), timeout=5000)
    assert intake.rating_status.text() == (
        "Đánh giá: hồ sơ này đã được đánh giá cho lượt «Tiếp nhận hồ sơ»; không nhận lượt thứ hai."
    )
    assert not intake.rating_status.polling
    assert [r[4] for r in requests_rows(db_path)] == ["pending"]  # nothing new was sent


def test_a_rating_on_the_kiosk_reads_as_thanks_beside_the_save_button(
    qtbot: QtBot, intake: IntakeView, agency: Onestop
) -> None:
    save_one(qtbot, intake, name="Nguyễn Thị Thủy")
    qtbot.waitUntil(lambda: intake.rating_status.state == "pending", timeout=5000)
    prompt = agency.ratings.next_request(kiosk="k", station=STATION)
    assert prompt is not None
    agency.ratings.submit(prompt.request_id, "rat-hai-long")
    qtbot.waitUntil(lambda: intake.rating_status.text() == RATED, timeout=5000)
    assert intake.rating_status.isVisible() and intake.rate_button.text() == "Mời đánh giá (F8)"
    intake.name.setFocus()  # (the picker's list closes: a clean picture)
    intake.grab().save("/tmp/shot-intake-rating-status.png")


# --------------------------------------------------------------------------- the dossier detail


def open_detail(
    qtbot: QtBot, agency: Onestop, actor: Actor, tasks: Tasks, code: str, ui_state: QSettings
) -> DossierDetailDialog:
    dialog = DossierDetailDialog(agency, actor, tasks, code, ui_state)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.show()
    dialog.tabs.setCurrentWidget(dialog.ratings_page)
    return dialog


def test_the_head_of_agency_sees_how_citizens_rated_the_clerk_only_whether(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, counter_state: QSettings
) -> None:
    code = receive(agency, clerk)
    agency.ratings.rate(code, "khong-hai-long", channel="phone", reasons=["thai-do"], actor=clerk)

    head = open_detail(qtbot, agency, actor(agency, "lanhdao"), tasks, code, counter_state)
    table = head.ratings_table
    assert table is not None and table.isVisibleTo(head)
    assert [[table.item(0, c).text() for c in range(4)]] == [
        ["Tiếp nhận hồ sơ", "Không hài lòng", "Điện thoại", "23/11/2026 09:00"]
    ]
    assert head.tabs.tabText(head.tabs.indexOf(head.ratings_page)) == "Đánh giá (1)"
    head.close()

    own = open_detail(qtbot, agency, clerk, tasks, code, counter_state)
    assert own.ratings_table is None
    assert own.rating_summary.text() == "Tiếp nhận hồ sơ: đã đánh giá"
    seen = visible_text(own).lower()
    assert not [w for w in LEVEL_WORDS if w in seen], seen
    own.close()


def test_a_returned_dossier_invites_for_the_return_and_shows_both_services(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, counter_state: QSettings, db_path: Path
) -> None:
    from onestop.demo import generate_dossiers

    generate_dossiers(agency, count=80, seed=3)
    with sqlite3.connect(db_path) as conn:
        code = conn.execute(
            "SELECT d.code FROM dossiers d WHERE d.status = 'returned' AND NOT EXISTS"
            " (SELECT 1 FROM ratings r WHERE r.dossier_id = d.id AND r.event = 'return') LIMIT 1"
        ).fetchone()[0]
        conn.execute("DELETE FROM rating_requests")
    dialog = open_detail(qtbot, agency, clerk, tasks, code, counter_state)
    assert "Trả kết quả: chưa đánh giá" in dialog.rating_summary.text().split("\n")
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: dialog.rating_status.text() == WAITING, timeout=5000)
    assert [(r[0], r[1], r[3]) for r in requests_rows(db_path)] == [(code, "return", STATION)]
    prompt = agency.ratings.next_request(kiosk="k", station=STATION)
    assert prompt is not None
    agency.ratings.submit(prompt.request_id, "hai-long")
    qtbot.waitUntil(lambda: "Trả kết quả: đã đánh giá" in dialog.rating_summary.text(), timeout=5000)
    assert dialog.rating_status.text() == RATED
    dialog.close()
    assert not dialog.rating_status.polling  # closed: no more questions


def test_a_paper_rating_entered_by_a_clerk_is_stored_with_its_channel_and_who_entered_it(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, counter_state: QSettings, db_path: Path
) -> None:
    code = receive(agency, clerk)
    colleague = actor(agency, "tiepnhan2")
    dialog = open_detail(qtbot, agency, colleague, tasks, code, counter_state)
    assert dialog.enter_rating_button.isEnabled()
    dialog.enter_rating_button.click()
    entry = dialog.rating_entry
    assert entry is not None and entry.isVisible()
    assert entry.chosen_level() is None  # never a default score
    assert entry.channel_combo.currentData() == "paper"
    assert not entry.reasons_box.isEnabled()

    entry.save_button.click()  # no level chosen
    assert entry.error.text() == "Mức đánh giá: chưa chọn mức nào."
    assert ratings_rows(db_path) == []

    entry.level_buttons["khong-hai-long"].click()
    assert entry.reasons_box.isEnabled()  # reasons only for an unsatisfied level
    entry.reason_boxes["huong-dan-chua-ro"].click()
    with qtbot.waitSignal(entry.saved, timeout=5000):
        entry.save_button.click()
    assert ratings_rows(db_path) == [
        (code, "receipt", "khong-hai-long", "paper", "huong-dan-chua-ro", "tiepnhan1", "tiepnhan2")
    ]
    qtbot.waitUntil(lambda: dialog.rating_summary.text() == "Tiếp nhận hồ sơ: đã đánh giá", timeout=5000)
    dialog.close()


def test_a_satisfied_level_takes_no_reasons_and_a_second_rating_is_refused_in_the_dialog(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, counter_state: QSettings, db_path: Path
) -> None:
    code = receive(agency, clerk)
    dialog = open_detail(qtbot, agency, actor(agency, "lanhdao"), tasks, code, counter_state)
    entry = dialog.enter_rating()
    assert entry is not None
    entry.level_buttons["khong-hai-long"].click()
    entry.reason_boxes["thai-do"].click()
    entry.level_buttons["rat-hai-long"].click()  # changed their mind: the reasons go
    assert not entry.reasons_box.isEnabled() and entry.chosen_reasons() == []
    entry.channel_combo.setCurrentIndex(entry.channel_combo.findData("phone"))
    with qtbot.waitSignal(entry.saved, timeout=5000):
        entry.save_button.click()
    assert [(r[2], r[3], r[4], r[6]) for r in ratings_rows(db_path)] == [
        ("rat-hai-long", "phone", "", "lanhdao")
    ]

    again = dialog.enter_rating()
    assert again is not None
    again.level_buttons["khong-hai-long"].click()
    again.save_button.click()
    qtbot.waitUntil(lambda: "đã được đánh giá" in again.error.text(), timeout=5000)
    assert len(ratings_rows(db_path)) == 1
    again.reject()
    dialog.close()


def test_an_officer_without_the_rate_permission_cannot_enter_ratings(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, counter_state: QSettings
) -> None:
    code = receive(agency, clerk)
    dialog = open_detail(qtbot, agency, actor(agency, "xuly1"), tasks, code, counter_state)
    assert not dialog.enter_rating_button.isEnabled()
    assert dialog.enter_rating() is None
    assert dialog.ratings_table is None
    dialog.close()


# --------------------------------------------------------------------------- the summary


def test_numbers_are_written_the_vietnamese_way() -> None:
    assert vn_number(1176) == "1.176"
    assert vn_number(1_234_567) == "1.234.567"
    assert vn_percent(98.5) == "98,5%"
    assert vn_percent(80.0) == "80%"
    assert vn_percent(66.67) == "66,67%"
    assert vn_percent(None) == "—"
    assert summary_headline(1176, 98.5) == "1.176 lượt đánh giá, 98,5% hài lòng"
    assert summary_headline(0, None) == "Chưa có lượt đánh giá nào"


@pytest.fixture
def rated_month(agency: Onestop, clock: FixedClock) -> None:
    """Five ratings this month (4 satisfied), and one in October that the default period leaves out."""
    first, second = actor(agency, "tiepnhan1"), actor(agency, "tiepnhan2")
    clock.at = vn(2026, 10, 15, 9, 0)
    agency.ratings.rate(receive(agency, first), "khong-hai-long", channel="paper", actor=first)
    clock.at = vn(2026, 11, 23, 9, 0)
    for who, level in (
        (first, "rat-hai-long"),
        (first, "hai-long"),
        (first, "khong-hai-long"),
        (second, "rat-hai-long"),
        (second, "rat-hai-long"),
    ):
        agency.ratings.rate(receive(agency, who), level, channel="paper", actor=who)
        clock.advance(timedelta(minutes=5))
    clock.at = vn(2026, 11, 23, 9, 0)


@pytest.fixture
def summary(
    qtbot: QtBot, agency: Onestop, tasks: Tasks, rated_month: None
) -> Callable[[str], RatingsSummaryView]:
    def make(username: str = "lanhdao") -> RatingsSummaryView:
        view = RatingsSummaryView(agency, actor(agency, username), tasks)
        qtbot.addWidget(view)
        view.resize(1280, 640)
        if username in ("lanhdao", "admin"):
            with qtbot.waitSignal(view.loaded, timeout=5000):
                view.show()
        else:
            view.show()
        return view

    return make


def table_rows(model: LevelCountsModel | ClerkRatingsModel) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def test_the_summary_quotes_ratings_and_satisfaction_for_this_month_and_per_clerk(
    qtbot: QtBot, summary: Callable[[str], RatingsSummaryView], qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    view = summary("lanhdao")
    assert view.date_from.date().toString("dd/MM/yyyy") == "01/11/2026"
    assert view.date_to.date().toString("dd/MM/yyyy") == "23/11/2026"
    assert view.headline.text() == "5 lượt đánh giá, 80% hài lòng"
    assert "Rất hài lòng: 3 · Hài lòng: 1 · Không hài lòng: 1" in view.details.text()
    assert table_rows(view.level_model) == [
        ["Rất hài lòng", "3", "60%", "Hài lòng"],
        ["Hài lòng", "1", "20%", "Hài lòng"],
        ["Không hài lòng", "1", "20%", "Không hài lòng"],
    ]
    assert table_rows(view.clerk_model) == [
        ["Nguyễn Thị Thu Hà", "3", "2", "66,67%"],
        ["Trần Văn Minh", "2", "2", "100%"],
    ]
    qtmodeltester.check(view.level_model)
    qtmodeltester.check(view.clerk_model)
    view.grab().save("/tmp/shot-ratings-summary.png")

    # October too: the sixth rating (unsatisfied) comes in.
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.date_from.setDate(view.date_from.date().addMonths(-1))
    assert view.headline.text() == "6 lượt đánh giá, 66,67% hài lòng"


def test_a_period_ending_before_it_starts_is_named_and_not_asked(
    qtbot: QtBot, summary: Callable[[str], RatingsSummaryView]
) -> None:
    view = summary("lanhdao")
    view.date_to.setDate(view.date_from.date().addDays(-1))
    assert view.range_error.text() == "Từ ngày: phải trước hoặc bằng «Đến ngày»."
    assert view.headline.text() == "5 lượt đánh giá, 80% hài lòng"  # the last figures stay


def test_the_summary_is_for_the_head_of_agency_only(summary: Callable[[str], RatingsSummaryView]) -> None:
    view = summary("tiepnhan1")
    assert view.headline.text() == "Chỉ lãnh đạo đơn vị xem được số liệu đánh giá."
    assert view.level_model.rowCount() == 0 and view.clerk_model.rowCount() == 0


# --------------------------------------------------------------------------- the counter window


def make_window(
    qtbot: QtBot, agency: Onestop, username: str, tasks: Tasks, ui_state: QSettings
) -> MainWindow:
    window = MainWindow(agency, actor(agency, username), tasks, ui_state)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=5000)
    return window


def test_with_one_monitor_the_counter_opens_no_rating_screen(
    qtbot: QtBot, agency: Onestop, tasks: Tasks, counter_state: QSettings
) -> None:
    assert len(QApplication.screens()) == 1
    window = make_window(qtbot, agency, "tiepnhan1", tasks, counter_state)
    qtbot.wait(50)
    assert window.kiosk is None
    assert window.start_kiosk() is None
    assert [
        w for w in QApplication.topLevelWidgets() if type(w).__name__ == "KioskWindow" and w.isVisible()
    ] == []
    assert window.intake.station == STATION
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["Tiếp nhận hồ sơ (F2)", "Hồ sơ trong ngày (F3)"]  # no figures for a clerk
    window.close()


def test_the_head_of_agency_has_the_ratings_tab_on_f7(
    qtbot: QtBot, agency: Onestop, tasks: Tasks, counter_state: QSettings
) -> None:
    window = make_window(qtbot, agency, "lanhdao", tasks, counter_state)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Tiếp nhận hồ sơ (F2)",
        "Hồ sơ trong ngày (F3)",
        "Hồ sơ của tôi (F6)",
        "Quá hạn, sắp đến hạn (F10)",
        "Đánh giá (F7)",
    ]
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert window.tabs.currentWidget() is window.ratings
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.tabs.currentWidget() is window.intake
    window.close()

    admin = make_window(qtbot, agency, "admin", tasks, counter_state)
    assert [admin.tabs.tabText(i) for i in range(admin.tabs.count())] == [
        "Hồ sơ trong ngày (F3)",
        "Quá hạn, sắp đến hạn (F10)",
        "Đánh giá (F7)",
        "Quản trị (F9)",
    ]
    qtbot.keyClick(admin, Qt.Key.Key_F7)
    assert admin.tabs.currentWidget() is admin.ratings
    qtbot.keyClick(admin, Qt.Key.Key_F9)
    assert admin.tabs.currentWidget() is admin.admin
    admin.close()


TWO_SCREENS = {
    "screens": [
        {
            "name": "LEFT",
            "x": 0,
            "y": 0,
            "width": 1280,
            "height": 800,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
        {
            "name": "RIGHT",
            "x": 1280,
            "y": 0,
            "width": 1024,
            "height": 768,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        },
    ]
}

TWO_SCREEN_SCRIPT = """
import json, sys
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from onestop.app import open_services
from onestop.ui.common import load_fonts
from onestop.ui.main_window import MainWindow
from onestop.ui.tasks import Tasks

app = QApplication(["rating-counter-check"])
app.setFont(load_fonts())
svc = open_services(sys.argv[1])
tasks = Tasks(app)
state = QSettings(sys.argv[2], QSettings.Format.IniFormat)
state.setValue("kiosk/station", "quay-3")
window = MainWindow(svc, svc.staff.sign_in("tiepnhan1", "demo"), tasks, state)
window.setGeometry(40, 40, 1100, 700)
window.show()
for _ in range(40):
    QTest.qWait(50)
    if window.kiosk is not None and window.kiosk.isVisible():
        break
kiosk = window.kiosk
report = {"clerk": window.screen().name()}
if kiosk is not None:
    g = kiosk.geometry()
    report.update(
        kiosk_screen=kiosk.screen().name(),
        fullscreen=kiosk.isFullScreen(),
        geometry=[g.x(), g.y(), g.width(), g.height()],
        name=kiosk.kiosk,
        station=kiosk.station,
    )
window.close()
QTest.qWait(50)
report["kiosk_after_close"] = window.kiosk is not None
report["kiosk_gone_after_close"] = kiosk is not None and (not shiboken6.isValid(kiosk) or not kiosk.isVisible())
tasks.wait()
print(json.dumps(report))
"""


def test_with_two_monitors_the_counter_opens_the_rating_screen_on_the_other_one(
    agency: Onestop, tmp_path: Path
) -> None:
    """A process of its own: the test session's QApplication has one offscreen screen."""
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps(TWO_SCREENS))
    script = tmp_path / "two_screens.py"
    script.write_text(TWO_SCREEN_SCRIPT)
    url = agency.db.url.render_as_string(hide_password=False)
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}")
    done = subprocess.run(
        [sys.executable, str(script), url, str(tmp_path / "gui.ini")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["clerk"] == "LEFT"
    assert report["kiosk_screen"] == "RIGHT"
    assert report["fullscreen"] is True
    assert report["geometry"] == [1280, 0, 1024, 768]
    assert (report["name"], report["station"]) == ("quay-3-kiosk", "quay-3")
    assert report["kiosk_after_close"] is False and report["kiosk_gone_after_close"] is True


def test_the_status_line_stops_asking_when_nobody_will_ever_answer(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks
) -> None:
    code = receive(agency, clerk)
    line = RatingStatusLine(agency, actor(agency, "tiepnhan1"), tasks)
    qtbot.addWidget(line)
    line.GIVE_UP_S = 0  # type: ignore[misc]  # (a kiosk takes only invitations younger than ten minutes)
    line.invite(code, event="receipt", actor=clerk, station="quay-x")
    qtbot.waitUntil(lambda: line.state == "expired", timeout=5000)
    assert line.text() == "Không nhận được trả lời từ màn hình đánh giá."
    assert not line.polling
