"""The citizen's rating screen (kiosk), driven as a citizen and a clerk would drive it.

Real services on a real SQLite file (the demo agency, clock fixed at Monday 23/11/2026 09:00). The
kiosk polls the database through ``Tasks`` as it does at the counter; requests come from the
services, as the counter window sends them. Two monitors come from an offscreen screen configuration
in a subprocess (the test session's QApplication has one screen); a second process on the same
database is a real subprocess too.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from cli_helpers import ONESTOP
from helpers import actor, clerk_of, press, viewer
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from onestop.clock import SystemClock
from onestop.services import Actor, Applicant, Onestop, ReceiveRequest
from onestop.ui.kiosk import KioskPlacer, KioskWindow, place_kiosk, show_full_screen, speech_engine
from onestop.ui.tasks import Tasks

HERE = Path(__file__).resolve().parent
STATION = "quay-1"
CLERK_NAME = "Nguyễn Thị Thu Hà"  # tiepnhan1, who receives the dossiers below
CITIZEN = "Nguyễn Thị Thủy"
SCREENS = {
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


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ONESTOP_DB", "ONESTOP_USER", "PYTHONWARNINGS")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def db_url(svc: Onestop) -> str:
    return svc.db.url.render_as_string(hide_password=False)


@pytest.fixture
def served(agency: Onestop, clerk: Actor) -> str:
    """A dossier received by tiepnhan1 (the clerk a rating of its receipt belongs to)."""
    return agency.intake.receive(ReceiveRequest("2.000815", Applicant(CITIZEN)), actor=clerk).code


@pytest.fixture
def kiosk(
    request: pytest.FixtureRequest, qtbot: QtBot, agency: Onestop, tasks: Tasks
) -> Iterator[KioskWindow]:
    """The kiosk beside the clerk (never takes the keyboard); ``takes_focus=True`` through
    indirect parametrisation is ``onestop kiosk`` on a PC of its own."""
    takes_focus = bool(getattr(request, "param", False))
    window = KioskWindow(
        agency, tasks, kiosk="kiosk-1", station=STATION, thanks_ms=300, takes_focus=takes_focus
    )
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.agency_label.text() != "", timeout=5000)
    yield window
    window.stop()
    tasks.wait()
    QApplication.processEvents()


def invite(agency: Onestop, code: str, qtbot: QtBot, kiosk: KioskWindow) -> int:
    """The counter asks for a rating; the kiosk shows it within one second."""
    request = agency.ratings.request(code, actor=actor(agency, "tiepnhan2"), station=STATION)
    qtbot.waitUntil(lambda: kiosk.state == "asking", timeout=1000)
    return request


def touch(qtbot: QtBot, button: QWidget) -> None:
    """A citizen's finger: a left click in the middle of the button."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def stored_ratings(db_path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT d.code, r.event, r.level, r.channel, s.username, r.reasons, r.entered_by IS NULL "
            "FROM ratings r JOIN dossiers d ON d.id = r.dossier_id JOIN staff s ON s.id = r.clerk_id"
        ).fetchall()


# --------------------------------------------------------------------------- screens


def test_kiosk_opens_full_screen_on_the_monitor_without_the_clerks_window(
    agency: Onestop, tmp_path: Path
) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    done = subprocess.run(
        [sys.executable, str(HERE / "kiosk_screens_check.py"), db_url(agency)],
        env=child_env(QT_QPA_PLATFORM=f"offscreen:configfile={config}"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    report = json.loads(done.stdout)
    assert report["screens"] == ["LEFT", "RIGHT"]
    assert report["clerk"] == "LEFT"
    for key in ("beside_clerk", "beside_clerk_settled"):
        assert report[key] == {
            "returned": "RIGHT",
            "screen": "RIGHT",
            "geometry": [1280, 0, 1024, 768],
            "fullscreen": True,
        }
    # The clerk's window moved to the right monitor, then monitors changed: the kiosk left it.
    assert report["clerk_moved"] == "RIGHT"
    assert report["after_change"] == {
        "returned": "LEFT",
        "screen": "LEFT",
        "geometry": [0, 0, 1280, 800],
        "fullscreen": True,
    }
    # ``onestop kiosk`` alone on a two-monitor PC: not on the primary monitor.
    assert report["alone"]["returned"] == "RIGHT" and report["alone"]["fullscreen"] is True


def test_with_one_monitor_the_kiosk_is_an_ordinary_window_and_leaves_full_screen_when_one_goes(
    qtbot: QtBot, agency: Onestop, tasks: Tasks
) -> None:
    window = KioskWindow(agency, tasks, kiosk="kiosk-1", station=STATION)
    qtbot.addWidget(window)
    assert len(QApplication.screens()) == 1
    assert place_kiosk(window) is None
    assert window.isVisible() and not window.isFullScreen()
    room = window.screen().availableGeometry()
    assert room.contains(window.geometry())
    assert window.width() < room.width() or window.height() < room.height()  # fits, not full screen

    # It was full screen on a second monitor that has just been unplugged: the placer re-runs.
    show_full_screen(window)
    placer = KioskPlacer(window)
    seen: list[object] = []
    placer.placed.connect(seen.append)
    placer._screens_changed(None)  # what screenRemoved triggers
    qtbot.waitUntil(lambda: seen == [None], timeout=2000)
    assert not window.isFullScreen()
    window.close()


# --------------------------------------------------------------------------- idle


def test_idle_screen_shows_the_agency_a_welcome_the_date_and_time_and_nobody(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str
) -> None:
    assert kiosk.state == "idle" and kiosk.prompt is None
    texts = [label.text() for label in kiosk.idle_page.findChildren(QLabel) if label.isVisible()]
    unit = agency.config.settings()["agency.unit_full_name"]
    assert texts[:4] == [unit, "Kính chào quý khách", "09:00", "Thứ Hai, ngày 23/11/2026"]
    assert QFontInfo(kiosk.time_label.font()).pointSizeF() >= 60  # readable from a metre away
    assert QFontInfo(kiosk.welcome_label.font()).pointSizeF() >= 24
    assert not kiosk.count_label.isVisible()  # rating.show_today_count is off by default
    everything = " ".join(label.text() for label in kiosk.findChildren(QLabel))
    assert CITIZEN not in everything and served not in everything  # no personal data of anyone


def test_idle_screen_shows_todays_count_when_the_setting_asks(
    qtbot: QtBot, agency: Onestop, tasks: Tasks, served: str
) -> None:
    agency.config.set_settings({"rating.show_today_count": True}, actor=actor(agency, "admin"))
    agency.ratings.rate(served, "hai-long", channel="paper", actor=actor(agency, "tiepnhan2"))
    window = KioskWindow(agency, tasks, kiosk="kiosk-1", station=STATION)
    qtbot.addWidget(window)
    window.show()
    window.start()
    try:
        qtbot.waitUntil(lambda: window.count_label.isVisible(), timeout=5000)
        assert window.count_label.text() == "Hôm nay: 1 lượt đánh giá"
    finally:
        window.stop()
        tasks.wait()


# --------------------------------------------------------------------------- the rating flow


def test_a_request_reaches_the_kiosk_within_a_second_and_a_touch_stores_the_rating(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str, db_path: Path
) -> None:
    request = invite(agency, served, qtbot, kiosk)
    assert kiosk.prompt is not None and kiosk.prompt.request_id == request
    assert kiosk.ask_title.text() == "Mời quý khách đánh giá"
    assert kiosk.clerk_label.text() == f"Cán bộ phục vụ: {CLERK_NAME}"
    procedure = agency.catalog.procedure("2.000815").name
    assert kiosk.service_label.text() == f"Tiếp nhận hồ sơ: {procedure}"
    assert agency.ratings.request_state(request, actor=clerk_of(agency)) == "showing"
    assert [b.text() for b in kiosk.level_buttons.values()] == ["Rất hài lòng", "Hài lòng", "Không hài lòng"]

    rated: list[int] = []
    kiosk.rated.connect(rated.append)
    touch(qtbot, kiosk.level_buttons["rat-hai-long"])
    qtbot.waitUntil(lambda: kiosk.state == "thanks", timeout=5000)
    assert kiosk.thanks_label.text() == "Cảm ơn quý khách!"
    assert rated == [request]
    assert (
        agency.ratings.request_state(request, actor=clerk_of(agency)) == "rated"
    )  # all the clerk's window may learn
    assert [
        (r.level, r.event, r.channel) for r in agency.dossiers.dossier(served, actor=viewer(agency)).ratings
    ] == [("rat-hai-long", "receipt", "kiosk")]
    # With the dossier, the event and the clerk who served (not the one who sent the invitation);
    # entered by nobody: the citizen gave it.
    assert stored_ratings(db_path) == [(served, "receipt", "rat-hai-long", "kiosk", "tiepnhan1", "", 1)]
    assert agency.integrity.verify().ok
    qtbot.waitUntil(lambda: kiosk.state == "idle", timeout=2000)  # after the thank-you


@pytest.mark.parametrize("kiosk", [False, True], ids=["beside-clerk", "kiosk-pc"], indirect=True)
def test_nothing_is_preselected_and_enter_or_space_choose_nothing(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str
) -> None:
    invite(agency, served, qtbot, kiosk)
    for button in kiosk.level_buttons.values():
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert not button.hasFocus() and not button.isDefault() and not button.autoDefault()
        assert not button.isChecked() and not button.isDown()
    focused = QApplication.focusWidget()
    assert focused not in kiosk.level_buttons.values()
    if kiosk.focusPolicy() != Qt.FocusPolicy.NoFocus:
        assert focused is kiosk  # the window itself: keys 1..N work, Enter has nothing to press
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
        press(kiosk, key)
        if focused is not None:
            press(focused, key)
    QApplication.processEvents()
    qtbot.wait(100)
    assert kiosk.state == "asking"
    assert agency.dossiers.dossier(served, actor=viewer(agency)).ratings == ()


def test_the_screen_beside_the_clerk_never_offers_keys(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str
) -> None:
    """On the counter PC's second monitor the keyboard is the clerk's: the hint says touch (or mouse)."""
    agency.config.set_settings({"rating.input": "keypad"}, actor=actor(agency, "admin"))
    invite(agency, served, qtbot, kiosk)
    assert kiosk.ask_hint.text() == "Chạm vào một ô để chọn."
    assert "phím" not in kiosk.ask_hint.text()


@pytest.mark.parametrize("kiosk", [True], ids=["kiosk-pc"], indirect=True)
def test_a_kiosk_pc_with_a_keypad_says_which_keys(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str
) -> None:
    agency.config.set_settings({"rating.input": "keypad"}, actor=actor(agency, "admin"))
    invite(agency, served, qtbot, kiosk)
    assert kiosk.ask_hint.text() == "Bấm phím số 1–3 để chọn."
    agency.config.set_settings({"rating.input": "mouse"}, actor=actor(agency, "admin"))
    assert kiosk.input_hint(3) == "Bấm chuột vào một ô để chọn."


@pytest.mark.parametrize("kiosk", [True], ids=["kiosk-pc"], indirect=True)
def test_keys_one_to_n_choose_a_level(qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str) -> None:
    invite(agency, served, qtbot, kiosk)
    assert kiosk.level_buttons["hai-long"].toolTip() == "Phím 2"
    press(kiosk, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: kiosk.state == "thanks", timeout=5000)
    assert [r.level for r in agency.dossiers.dossier(served, actor=viewer(agency)).ratings] == ["hai-long"]


def test_the_scale_is_large_touch_targets_with_big_words(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, clerk: Actor
) -> None:
    for size in (3, 5):
        agency.config.set_settings({"rating.scale": size}, actor=actor(agency, "admin"))
        code = agency.intake.receive(ReceiveRequest("2.000815", Applicant(CITIZEN)), actor=clerk).code
        invite(agency, code, qtbot, kiosk)
        qtbot.wait(50)  # the new buttons laid out
        assert len(kiosk.level_buttons) == size
        for button in kiosk.level_buttons.values():
            assert button.width() >= 200 and button.height() >= 160, (size, button.text(), button.size())
            assert QFontInfo(button.font()).pointSizeF() >= 24
            assert kiosk.rect().contains(QRect(button.mapTo(kiosk, QPoint(0, 0)), button.size()))
        kiosk.time_out()
        qtbot.waitUntil(lambda: kiosk.state == "idle", timeout=2000)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_level_and_text_colour_is_high_contrast() -> None:
    from onestop.ratings import SCALES
    from onestop.ui import kiosk as k

    for levels in SCALES.values():
        for level in levels:
            assert contrast(level.color, "#ffffff") >= 4.5, level  # white words on the level's colour
    for ink in (k.INK, k.SOFT_INK, k.ACCENT):
        assert contrast(ink, "#ffffff") >= 7  # dark text on the white page
    assert contrast(k.PRIMARY, "#ffffff") >= 4.5


def test_a_timeout_stores_no_score(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str, db_path: Path
) -> None:
    agency.config.set_settings({"rating.timeout_seconds": 10}, actor=actor(agency, "admin"))
    kiosk.refresh()
    qtbot.waitUntil(lambda: kiosk.timeout_seconds == 10, timeout=5000)
    request = invite(agency, served, qtbot, kiosk)
    assert kiosk.countdown.isVisible()
    expired: list[int] = []
    kiosk.expired.connect(expired.append)
    kiosk.time_out()  # what the countdown calls after 10 s
    assert kiosk.state == "idle"
    qtbot.waitUntil(lambda: expired == [request], timeout=5000)
    assert agency.ratings.request_state(request, actor=clerk_of(agency)) == "timeout"
    assert agency.dossiers.dossier(served, actor=viewer(agency)).ratings == ()
    assert stored_ratings(db_path) == []
    assert agency.ratings.summary(actor=viewer(agency))["ratings"] == 0  # "not rated" counts nowhere


def test_the_countdown_expires_by_itself(qtbot: QtBot, agency: Onestop, tasks: Tasks, served: str) -> None:
    window = KioskWindow(agency, tasks, kiosk="kiosk-1", station=STATION, timeout_s=0.4)
    qtbot.addWidget(window)
    window.show()
    window.start()
    try:
        with qtbot.waitSignal(window.expired, timeout=5000):
            request = agency.ratings.request(served, actor=actor(agency, "tiepnhan1"), station=STATION)
        assert window.state == "idle"
        assert agency.ratings.request_state(request, actor=clerk_of(agency)) == "timeout"
    finally:
        window.stop()
        tasks.wait()


def test_an_unsatisfied_level_asks_reasons_and_send_stores_those_chosen(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str, db_path: Path
) -> None:
    invite(agency, served, qtbot, kiosk)
    touch(qtbot, kiosk.level_buttons["khong-hai-long"])
    assert kiosk.state == "reasons"
    assert (
        agency.dossiers.dossier(served, actor=viewer(agency)).ratings == ()
    )  # nothing stored until Gửi or Bỏ qua
    assert [b.text() for b in kiosk.reason_buttons.values()] == [
        "Thái độ phục vụ",
        "Thời gian chờ lâu",
        "Hướng dẫn chưa rõ",
        "Yêu cầu giấy tờ ngoài quy định",
        "Khác",
    ]
    assert not any(b.isChecked() for b in kiosk.reason_buttons.values())  # none ticked for them
    for button in [*kiosk.reason_buttons.values(), kiosk.send_button, kiosk.skip_button]:
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus and not button.isDefault()
        assert button.height() >= 76  # 2 cm
    touch(qtbot, kiosk.reason_buttons["thoi-gian-cho"])
    touch(qtbot, kiosk.reason_buttons["huong-dan-chua-ro"])
    touch(qtbot, kiosk.reason_buttons["khac"])
    touch(qtbot, kiosk.reason_buttons["khac"])  # changed their mind
    assert kiosk.chosen_reasons() == ("thoi-gian-cho", "huong-dan-chua-ro")
    touch(qtbot, kiosk.send_button)
    qtbot.waitUntil(lambda: kiosk.state == "thanks", timeout=5000)
    assert stored_ratings(db_path) == [
        (served, "receipt", "khong-hai-long", "kiosk", "tiepnhan1", "thoi-gian-cho,huong-dan-chua-ro", 1)
    ]
    assert agency.ratings.summary(actor=viewer(agency))["satisfaction_rate"] == 0


def test_skip_stores_the_level_without_reasons(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str, db_path: Path
) -> None:
    invite(agency, served, qtbot, kiosk)
    press(kiosk, Qt.Key.Key_3)  # Không hài lòng
    assert kiosk.state == "reasons"
    touch(qtbot, kiosk.reason_buttons["thai-do"])
    touch(qtbot, kiosk.skip_button)  # Bỏ qua: the ticks are dropped
    qtbot.waitUntil(lambda: kiosk.state == "thanks", timeout=5000)
    assert stored_ratings(db_path) == [(served, "receipt", "khong-hai-long", "kiosk", "tiepnhan1", "", 1)]


def test_a_satisfied_level_asks_no_reasons(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str
) -> None:
    invite(agency, served, qtbot, kiosk)
    touch(qtbot, kiosk.level_buttons["hai-long"])
    assert kiosk.state != "reasons"
    qtbot.waitUntil(lambda: kiosk.state == "thanks", timeout=5000)


def test_a_withdrawn_invitation_gives_way_to_the_next_one(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str, clerk: Actor
) -> None:
    first = invite(agency, served, qtbot, kiosk)
    other = agency.intake.receive(ReceiveRequest("2.000815", Applicant("Trần Văn Bình")), actor=clerk).code
    second = agency.ratings.request(other, actor=clerk, station=STATION)  # the counter moved on
    assert agency.ratings.request_state(first, actor=clerk_of(agency)) == "cancelled"
    qtbot.waitUntil(lambda: kiosk.prompt is not None and kiosk.prompt.request_id == second, timeout=3000)
    assert kiosk.state == "asking" and kiosk.prompt is not None and kiosk.prompt.code == other


def test_an_invitation_taken_as_the_window_is_deleted_is_handed_back(
    qtbot: QtBot, agency: Onestop, served: str, tasks: Tasks
) -> None:
    request = agency.ratings.request(served, actor=actor(agency, "tiepnhan1"), station=STATION)
    window = KioskWindow(agency, tasks, kiosk="kiosk-1", station=STATION)
    window.start()  # its first poll takes the invitation on a worker thread...
    shiboken6.delete(window)  # ...while the window goes (the clerk logged out)
    qtbot.waitUntil(
        lambda: agency.ratings.request_state(request, actor=clerk_of(agency)) == "cancelled", timeout=5000
    )
    tasks.wait()
    QApplication.processEvents()


def test_stopping_withdraws_the_invitation_on_screen(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str, tasks: Tasks
) -> None:
    request = invite(agency, served, qtbot, kiosk)
    kiosk.stop()  # the second monitor was unplugged, or the program closes
    assert kiosk.state == "idle"
    qtbot.waitUntil(
        lambda: agency.ratings.request_state(request, actor=clerk_of(agency)) == "cancelled", timeout=5000
    )
    assert agency.dossiers.dossier(served, actor=viewer(agency)).ratings == ()
    agency.ratings.request(served, actor=actor(agency, "tiepnhan1"), station=STATION)  # may ask again
    qtbot.wait(700)
    assert kiosk.state == "idle"  # stopped: it takes nothing more
    kiosk.start()
    qtbot.waitUntil(lambda: kiosk.state == "asking", timeout=1000)


def test_the_spoken_prompt_is_silently_absent_without_an_engine(
    qtbot: QtBot, agency: Onestop, kiosk: KioskWindow, served: str
) -> None:
    assert agency.config.settings()["rating.speech"] is True
    assert speech_engine() is None  # no QtTextToSpeech engine (or library) on the test platform
    invite(agency, served, qtbot, kiosk)  # tried to speak: no error, no Qt warning
    assert kiosk.speech is None
    assert kiosk.state == "asking"


# --------------------------------------------------------------------------- other processes

POLLER = """
import sys, time
from datetime import datetime
from onestop.app import open_services
from onestop.clock import FixedClock
svc = open_services(sys.argv[1], clock=FixedClock(datetime.fromisoformat(sys.argv[2])))
print("ready", flush=True)
deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    prompt = svc.ratings.next_request(kiosk="kiosk-2", station="quay-1")
    if prompt is not None:
        print(prompt.code, prompt.clerk_name, time.monotonic(), flush=True)
        break
    time.sleep(0.5)
svc.db.dispose()
"""


def test_a_second_process_on_the_same_database_receives_requests_within_a_second(
    agency: Onestop, served: str
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", POLLER, db_url(agency), agency.ctx.now().isoformat()],
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        sent = time.monotonic()
        agency.ratings.request(served, actor=actor(agency, "tiepnhan1"), station=STATION)
        line = child.stdout.readline().strip()
        _out, err = child.communicate(timeout=20)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    code, _, rest = line.partition(" ")
    assert code == served, (line, err)
    assert rest.startswith(CLERK_NAME)
    got = float(rest.rsplit(" ", 1)[1])
    assert got - sent < 1.0
    assert "Traceback" not in err


def test_onestop_kiosk_command_runs_and_takes_the_counters_request(
    agency: Onestop, served: str, db_path: Path
) -> None:
    # A real-time service on the same database: the kiosk process runs on the real clock.
    live = Onestop(db=agency.db, clock=SystemClock())
    child = subprocess.Popen(
        [ONESTOP, "--db", db_url(agency), "kiosk", "--station", "quay-9", "--name", "kiosk-smoke"],
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(2)
        assert child.poll() is None, child.communicate()
        request = live.ratings.request(served, actor=actor(agency, "tiepnhan1"), station="quay-9")
        deadline = time.monotonic() + 5
        while live.ratings.kiosk_request_state(request) != "showing" and time.monotonic() < deadline:
            time.sleep(0.1)
        state = live.ratings.kiosk_request_state(request)
    finally:
        child.terminate()
        _out, err = child.communicate(timeout=20)
    assert state == "showing"
    assert "Traceback" not in err
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT kiosk FROM rating_requests WHERE id = ?", (request,)).fetchone() == (
            "kiosk-smoke",
        )


def test_run_kiosk_serves_the_host_by_default(
    qapp: QApplication, agency: Onestop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onestop.ui.app import run_kiosk

    seen: dict[str, object] = {}

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, look)
            return
        window = windows[0]
        seen.update(kiosk=window.kiosk, station=window.station, fullscreen=window.isFullScreen())
        window.close()

    QTimer.singleShot(50, look)
    assert run_kiosk(argparse.Namespace(db=db_url(agency), station=None, name=None)) == 0
    host = socket.gethostname()
    assert seen == {"kiosk": host, "station": host, "fullscreen": False}  # one monitor: a window
