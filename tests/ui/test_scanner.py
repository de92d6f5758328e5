"""Scan anywhere: a fast ``<code><Enter>`` burst is a scan; everything else is typing and is never lost.

Key events go through ``QApplication.sendEvent`` to the focused widget, so the application-level
filter sees them exactly as it sees a keyboard; a fake clock decides how fast the "typing" is.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers import type_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from onestop.services import Actor, Applicant, Onestop, ReceiveRequest
from onestop.ui.main_window import code_pattern
from onestop.ui.scanner import ScanFilter
from onestop.ui.tasks import Tasks

CODE = "H17.50.05.13-261123-0001"
SCANNER_GAP = 0.004  # a wedge scanner: a few ms between keys
HUMAN_GAP = 0.150  # a person typing


class FakeClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


_KEYS = {".": Qt.Key.Key_Period, "-": Qt.Key.Key_Minus, " ": Qt.Key.Key_Space}


def _key_of(ch: str) -> tuple[int, Qt.KeyboardModifier]:
    if ch.isascii() and ch.isalnum():
        shift = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
        return ord(ch.upper()), shift
    return _KEYS.get(ch, Qt.Key.Key_unknown), Qt.KeyboardModifier.NoModifier


def send_keys(widget: QWidget, text: str, clock: FakeClock, gap: float, *, enter: bool = False) -> None:
    """Type ``text`` (then Enter) into ``widget``, one key every ``gap`` seconds of the fake clock."""
    events: list[tuple[int, Qt.KeyboardModifier, str]] = [(*_key_of(ch), ch) for ch in text]
    if enter:
        events.append((Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))
    for key, modifiers, ch in events:
        clock.t += gap
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, ch))


@pytest.fixture
def keyclock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def scanner(qapp: QApplication, keyclock: FakeClock) -> Iterator[ScanFilter]:
    scan = ScanFilter(code_pattern("H17.50.05.13"), clock=keyclock)
    qapp.installEventFilter(scan)
    yield scan
    qapp.removeEventFilter(scan)
    scan.deleteLater()


@pytest.fixture
def field(qtbot: QtBot) -> Iterator[QLineEdit]:
    window = QWidget()
    qtbot.addWidget(window)
    edit = QLineEdit("abc")
    edit.setObjectName("field")
    button = QPushButton("OK")
    layout = QVBoxLayout(window)
    layout.addWidget(edit)
    layout.addWidget(button)
    window.show()
    qtbot.waitExposed(window)
    edit.setFocus()
    edit.end(False)
    yield edit  # (the generator keeps the window alive)


def test_scan_into_a_focused_field_emits_the_code_and_leaves_the_field_as_it_was(
    qtbot: QtBot, scanner: ScanFilter, keyclock: FakeClock, field: QLineEdit
) -> None:
    returns: list[bool] = []
    field.returnPressed.connect(lambda: returns.append(True))
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as signal:
        send_keys(field, CODE, keyclock, SCANNER_GAP, enter=True)
    assert signal.args == [CODE]
    qtbot.wait(150)  # longer than the give-back timeout: nothing comes back late
    assert field.text() == "abc"
    assert returns == []  # the scanner's Enter did not reach the field either
    assert scanner.holding() == ""


def test_slow_human_typing_of_the_same_characters_all_lands_in_the_field(
    qtbot: QtBot, scanner: ScanFilter, keyclock: FakeClock, field: QLineEdit
) -> None:
    with qtbot.assertNotEmitted(scanner.scanned, wait=150):
        send_keys(field, CODE, keyclock, HUMAN_GAP, enter=True)
        qtbot.waitUntil(lambda: field.text() == "abc" + CODE, timeout=1000)
    assert field.text() == "abc" + CODE


def test_a_person_typing_h_then_pausing_still_gets_the_h(
    qtbot: QtBot, scanner: ScanFilter, keyclock: FakeClock, field: QLineEdit
) -> None:
    send_keys(field, "H", keyclock, HUMAN_GAP)
    assert scanner.holding() == "H"  # could be the start of a scan: held back for a moment
    qtbot.waitUntil(lambda: field.text() == "abcH", timeout=1000)
    send_keys(field, "à", keyclock, HUMAN_GAP)  # then the rest of "Hà", as Unikey commits it
    assert field.text() == "abcHà"


def test_text_committed_by_an_input_method_comes_after_the_held_key(
    qtbot: QtBot, scanner: ScanFilter, keyclock: FakeClock, field: QLineEdit
) -> None:
    send_keys(field, "H", keyclock, HUMAN_GAP)
    commit = QInputMethodEvent()
    commit.setCommitString("à")
    QApplication.sendEvent(field, commit)  # what ibus/Unikey send instead of a key press
    assert field.text() == "abcHà"


def test_a_fast_burst_that_stops_matching_is_given_back_in_order(
    qtbot: QtBot, scanner: ScanFilter, keyclock: FakeClock, field: QLineEdit
) -> None:
    with qtbot.assertNotEmitted(scanner.scanned, wait=100):
        send_keys(field, "H17.5x9", keyclock, SCANNER_GAP)
        assert field.text() == "abcH17.5x9"  # given back at once, as soon as "x" could not be a code
    assert scanner.holding() == ""


def test_a_fast_burst_ending_with_enter_before_the_code_is_complete_is_typing(
    qtbot: QtBot, scanner: ScanFilter, keyclock: FakeClock, field: QLineEdit
) -> None:
    returns: list[str] = []
    field.returnPressed.connect(lambda: returns.append(field.text()))
    with qtbot.assertNotEmitted(scanner.scanned, wait=100):
        send_keys(field, "H17.50.05.13-2611", keyclock, SCANNER_GAP, enter=True)
    assert field.text() == "abcH17.50.05.13-2611"
    assert returns == ["abcH17.50.05.13-2611"]  # the Enter came after the characters, as typed


def test_a_fast_burst_without_enter_is_given_back_after_a_pause(
    qtbot: QtBot, scanner: ScanFilter, keyclock: FakeClock, field: QLineEdit
) -> None:
    send_keys(field, "H17.50", keyclock, SCANNER_GAP)
    assert field.text() == "abc"
    qtbot.waitUntil(lambda: field.text() == "abcH17.50", timeout=1000)


def test_an_unknown_but_well_formed_code_is_still_a_scan(
    qtbot: QtBot, scanner: ScanFilter, keyclock: FakeClock, field: QLineEdit
) -> None:
    unknown = "H17.50.05.13-991231-9999"
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as signal:
        send_keys(field, unknown, keyclock, SCANNER_GAP, enter=True)
    assert signal.args == [unknown]  # the main window says «không có hồ sơ»
    assert field.text() == "abc"


def test_a_scan_works_whatever_has_the_focus(
    qtbot: QtBot, scanner: ScanFilter, keyclock: FakeClock, field: QLineEdit
) -> None:
    button = field.parentWidget().findChild(QPushButton)
    assert button is not None
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    button.setFocus()
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as signal:
        send_keys(button, CODE, keyclock, SCANNER_GAP, enter=True)
    assert signal.args == [CODE]
    assert clicks == []


def test_shortcuts_and_a_code_of_another_unit_pass_straight_through(
    qtbot: QtBot, scanner: ScanFilter, keyclock: FakeClock, field: QLineEdit
) -> None:
    with qtbot.assertNotEmitted(scanner.scanned, wait=100):
        send_keys(field, "000.A0.01.H26-210212-9090", keyclock, SCANNER_GAP, enter=True)
    assert field.text() == "abc000.A0.01.H26-210212-9090"
    field.selectAll()
    QApplication.sendEvent(
        field,
        QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier, "\x08"),
    )
    assert scanner.holding() == ""


def test_a_scan_while_typing_a_name_in_the_counter_window_opens_that_dossier(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, ui_state: QSettings
) -> None:
    pytest.importorskip("onestop.ui.intake")
    from onestop.ui.detail import DossierDetailDialog
    from onestop.ui.main_window import MainWindow

    code = agency.intake.receive(
        ReceiveRequest("2.000815", Applicant("Nguyễn Thị Thủy", phone="0905123456")), actor=clerk
    ).code
    window = MainWindow(agency, clerk, tasks, ui_state)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=5000)
    name = window.intake.name
    name.setFocus()
    type_text(name, "Trần")
    # The real scanner filter, on the real monotonic clock: events sent back to back are a burst.
    send_keys(name, code, FakeClock(), 0, enter=True)

    def opened() -> DossierDetailDialog | None:
        for dialog in window.findChildren(DossierDetailDialog):
            if dialog.code == code and dialog.view is not None:
                return dialog
        return None

    qtbot.waitUntil(lambda: opened() is not None, timeout=5000)
    dialog = opened()
    assert dialog is not None and dialog.isVisible()
    assert dialog.fields["applicant_name"].text() == "Nguyễn Thị Thủy"
    assert name.text() == "Trần"  # the scanned characters did not end up in the name
    dialog.close()
    window.close()
