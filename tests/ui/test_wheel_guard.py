"""The wheel over an unfocused spin box or combo box changes nothing; once focused it does."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QSpinBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from onestop.ui.app import create_application


def wheel(widget: QWidget) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_turns_only_the_focused_box(qtbot: QtBot, qapp: QApplication) -> None:
    assert create_application() is qapp  # installs the guard
    form = QWidget()
    layout = QVBoxLayout(form)
    line, sets, channel = QLineEdit(), QSpinBox(), QComboBox()
    sets.setRange(1, 10)
    channel.addItems(["Tại bộ phận một cửa", "Qua bưu chính", "Trực tuyến"])
    for w in (line, sets, channel):
        layout.addWidget(w)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)

    wheel(sets)
    wheel(channel)
    assert sets.value() == 1 and channel.currentIndex() == 0

    channel.setCurrentIndex(1)
    sets.setFocus()
    qtbot.waitUntil(sets.hasFocus)
    wheel(sets)
    assert sets.value() == 2
