"""Run by tests/ui/test_kiosk.py in a subprocess with two offscreen monitors (LEFT, RIGHT).

The test session's QApplication already exists with one screen, so the two-monitor checks need a
process of their own: ``QT_QPA_PLATFORM="offscreen:configfile=screens.json" python this.py URL``.
Prints one JSON object describing where the kiosk went in each situation.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from onestop.app import open_services
from onestop.ui.common import load_fonts
from onestop.ui.kiosk import KioskPlacer, KioskWindow, place_kiosk
from onestop.ui.tasks import Tasks


def where(window: QWidget, screen: Any) -> dict[str, Any]:
    g: QRect = window.geometry()
    return {
        "returned": screen.name() if screen is not None else None,
        "screen": window.screen().name(),
        "geometry": [g.x(), g.y(), g.width(), g.height()],
        "fullscreen": window.isFullScreen(),
    }


def main(url: str) -> int:
    app = QApplication(["kiosk-screens-check"])
    app.setFont(load_fonts())
    svc = open_services(url)
    tasks = Tasks(app)
    report: dict[str, Any] = {"screens": [s.name() for s in app.screens()]}

    # The counter PC: the clerk's window on the left monitor; the kiosk must go to the other one.
    clerk = QMainWindow()
    clerk.setWindowTitle("clerk")
    clerk.setGeometry(80, 60, 1000, 640)
    clerk.show()
    QTest.qWait(50)
    report["clerk"] = clerk.screen().name()
    kiosk = KioskWindow(svc, tasks, kiosk="kiosk-check", station="quay-1")
    placer = KioskPlacer(kiosk, avoid=clerk)
    report["beside_clerk"] = where(kiosk, place_kiosk(kiosk, avoid=clerk))
    QTest.qWait(50)
    report["beside_clerk_settled"] = where(kiosk, kiosk.screen())

    # The clerk drags the counter window to the right monitor, then monitors change: the kiosk
    # moves away from it (the placer re-runs on screenAdded/screenRemoved).
    clerk.move(1280 + 60, 40)
    QTest.qWait(50)
    report["clerk_moved"] = clerk.screen().name()
    placer._screens_changed(None)
    QTest.qWait(100)
    report["after_change"] = where(kiosk, placer.screen)

    # ``onestop kiosk`` alone: no clerk's window, so not on the primary monitor.
    alone = KioskWindow(svc, tasks, kiosk="kiosk-alone", station="*")
    report["alone"] = where(alone, place_kiosk(alone))
    QTest.qWait(50)

    print(json.dumps(report))
    for w in (kiosk, alone, clerk):
        w.close()
    tasks.wait()
    svc.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
