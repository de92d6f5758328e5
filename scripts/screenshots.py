"""Screenshots of the main screens for the README, taken from the real application on a real X
server (``make screenshots`` runs this under Xvfb at 1366×768, the smallest screen we support).

Usage: python scripts/screenshots.py OUTPUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QApplication, QWidget

from onestop.app import open_services
from onestop.clock import FixedClock
from onestop.demo import run_demo
from onestop.ui.app import Gui, create_application

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def settle(app: QApplication, until: Callable[[], bool] = lambda: False, seconds: float = 5.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until():
            for _ in range(20):  # let the last repaint land
                app.processEvents()
                time.sleep(0.01)
            return
        time.sleep(0.02)


def shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app, seconds=0.3)
    widget.grab().save(str(path))
    print(path)


def main(out: Path) -> int:
    from datetime import datetime

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="onestop-shots-"))
    # Monday 23/11/2026 after the 15:00 cut-off: the appointment skips Tuesday 24/11 (a holiday).
    clock = FixedClock(datetime(2026, 11, 23, 15, 20, tzinfo=VN))
    svc = open_services(f"sqlite:///{work / 'demo.db'}", clock=clock, create=True)
    for _line in run_demo(svc, dossiers=400, seed=3):
        pass
    app = create_application(["onestop"])
    gui = Gui(app, svc, ui_state_path=work / "gui.ini")

    from onestop.ui.login import LoginDialog

    login = LoginDialog(svc, gui.tasks, agency=svc.config.settings()["agency.unit_full_name"])
    login.show()
    login.username.setText("tiepnhan1")
    login.password.setText("demo")
    shoot(app, login, out / "login.png")
    login.close()

    window = gui.open_window(svc.staff.sign_in("tiepnhan1", "demo"))
    window.resize(1366, 740)
    intake = window.intake
    settle(app, lambda: intake.catalog is not None)
    intake.choose_procedure(svc.catalog.procedure("2.000815"))
    intake.name.setText("Nguyễn Thị Thủy")
    intake.id_number.setText("048190012345")
    intake.phone.setText("0905 123 456")
    intake.address.setText("12 Nguyễn Lương Bằng, phường Liên Chiểu, Đà Nẵng")
    settle(app, lambda: intake.appointment is not None)
    shoot(app, window, out / "intake.png")

    window.show_tab(1)
    settle(app, lambda: window.today.model.rowCount() > 0 if hasattr(window.today, "model") else True)
    shoot(app, window, out / "today.png")

    from onestop.services import DossierFilter
    from onestop.ui.detail import open_dossier

    code = svc.dossiers.list_dossiers(DossierFilter(limit=30), actor=svc.staff.sign_in("lanhdao", "demo"))[
        12
    ].code
    detail = open_dossier(window, svc, window.actor, gui.tasks, code, gui.ui_state)
    settle(app, lambda: getattr(detail, "view", None) is not None)
    shoot(app, detail, out / "detail.png")
    detail.close()

    from onestop.forms.receipt import receipt_bytes
    from onestop.ui.printing import ReceiptPreviewDialog

    preview = ReceiptPreviewDialog(
        receipt_bytes(svc.papers.receipt_data(code, actor=svc.staff.sign_in("lanhdao", "demo"))),
        gui.ui_state,
        window,
        title=code,
    )
    preview.resize(760, 740)
    preview.show()
    settle(app, seconds=1.0)
    shoot(app, preview, out / "receipt-preview.png")
    preview.close()
    window.close()

    from onestop.ui.kiosk import KioskWindow

    kiosk = KioskWindow(svc, gui.tasks, kiosk="kiosk-shots", station="shots", poll_ms=100, timeout_s=600)
    kiosk.resize(1024, 768)
    kiosk.show()
    kiosk.start()
    from onestop.services import Applicant, ReceiveRequest

    fresh = svc.intake.receive(
        ReceiveRequest("2.000815", Applicant("Nguyễn Thị Thủy")), actor=svc.staff.sign_in("tiepnhan1", "demo")
    )
    svc.ratings.request(fresh.code, actor=svc.staff.sign_in("tiepnhan1", "demo"), station="shots")
    settle(app, lambda: kiosk.state == "asking")
    shoot(app, kiosk, out / "kiosk.png")
    kiosk.stop()
    kiosk.close()

    officer = gui.open_window(svc.staff.sign_in("xuly1", "demo"))  # lands on «Hồ sơ của tôi»
    officer.resize(1366, 740)
    settle(app, lambda: officer.mine.steps.context is not None)
    shoot(app, officer, out / "my-dossiers.png")
    officer.close()

    # Friday 27/11 10:00: some of the demo's dossiers in processing are late by then, others due soon.
    clock.at = datetime(2026, 11, 27, 10, 0, tzinfo=VN)
    lead = gui.open_window(svc.staff.sign_in("lanhdao", "demo"))  # lands on the overdue list
    lead.resize(1366, 740)
    settle(app, lambda: lead.urgent.steps.context is not None)
    shoot(app, lead, out / "overdue.png")
    lead.tabs.setCurrentWidget(lead.ratings)
    settle(app, seconds=1.5)
    shoot(app, lead, out / "ratings.png")
    lead.close()

    admin = gui.open_window(svc.staff.sign_in("admin", "demo"))
    admin.resize(1366, 740)
    admin.go("admin")
    settle(app, seconds=1.5)
    admin.admin.tabs.setCurrentIndex(2)
    settle(app, seconds=1.0)
    shoot(app, admin, out / "admin-calendar.png")
    admin.close()
    gui.tasks.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
