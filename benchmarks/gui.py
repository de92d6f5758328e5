"""GUI performance benchmarks of onestop: the four targets of the counter application, each beside a
baseline measured in the same run.

Run::

    .venv/bin/python benchmarks/gui.py                  # full: a 1M-dossier database, a few minutes
    .venv/bin/python benchmarks/gui.py --quick          # 100k dossiers and fewer rounds
    .venv/bin/python benchmarks/gui.py --out gui.json   # also write every figure and sample to JSON
    .venv/bin/python benchmarks/gui.py --db PATH        # reuse a database made by `onestop demo` (kept)
    .venv/bin/python benchmarks/gui.py --only 2,3       # some of the targets
    .venv/bin/python benchmarks/gui.py --profile DIR    # keep the cProfile file of a failed start

Progress goes to stderr, the table to stdout (the same table as ``benchmarks/run.py``); the exit status
is 1 when a target fails. The BIG database (1,000,000 dossiers, 100,000 with ``--quick``) is made by
``onestop demo --dossiers BIG`` under a temporary directory that is deleted at the end. Times are
medians over several rounds after a warm-up; a target and its baseline are measured in alternating
rounds. Nothing is added to the product: the GUI is driven from outside, as the tests drive it.

How "on screen" is decided: an application event filter (``Probe``) time-stamps the ``Show`` and
``Paint`` events of the widgets that matter, so a figure ends when the widget that shows the result
starts painting it (not when a poll notices). The in-process targets run on the ``offscreen`` platform.

1. ``start``: from process spawn (``time.monotonic()`` in the parent before ``Popen``) to the moment
   the window is shown, as ``time.monotonic()`` printed by the child (CLOCK_MONOTONIC is system-wide on
   Linux) from a ``QTimer.singleShot(0)`` armed right after ``show()``. The product: a driver that
   runs the steps of ``onestop gui --db sqlite:///BIG`` (``onestop.cli`` parser, ``create_application``,
   ``open_services``, ``install_translator``, ``Gui(app, svc)``) and shows the ``LoginDialog`` as
   ``Gui.login`` builds it, with ``show()`` instead of the blocking ``exec()``. Baseline: a bare
   ``python -c`` making a QApplication and a QWidget and showing it, timed the same way. Limit: 1.5×.
   On ``offscreen`` and, when ``xvfb-run`` and ``Xvfb`` exist, on ``xcb`` under one Xvfb server
   started for the run (so the server's own start-up is not in the figure). The first paint event of
   the window is judged beside it, and the note splits the start into its steps (``pyside6``: the
   interpreter up and PySide6 imported). When the offscreen start fails, the product's start is run
   once more under cProfile and once under ``-X importtime``, and both are printed to stderr.
2. ``save``: Ctrl+Enter (``QTest.keyClick`` on the focused field of a filled ``IntakeView`` of a
   ``MainWindow`` for tiepnhan1, on a copy of the BIG database) until ``intake.preview_dialog`` is
   shown with its ``pdf_document`` loaded (the brief's definition), and until the ``QPdfView`` paints
   the rendered receipt page (QtPdf renders pages on a thread: the first paint is a blank page).
   Limit: 300 ms each. Baselines: the same work done directly (``svc.receive`` + ``receipt_data`` +
   ``receipt_bytes``, what the worker runs), ``receipt_bytes`` alone and ``svc.receive`` alone.
3. ``scan``: a burst of key events (a random existing code, then Return) sent back to back to the
   focused name field of the ``MainWindow``, through the window's own ``ScanFilter`` (real clock: keys
   sent back to back are a scan), until the ``DossierDetailDialog`` paints the applicant's name (its
   data loaded). Timed from the first key. Limit: 100 ms. Baseline: ``svc.dossiers.dossier(code, actor=...)``.
4. ``today``: the list of today's dossiers until the table's viewport paints with the first page of
   rows: (a) a new ``TodayView`` constructed and shown, (b) F3 (``show_tab(1)``) and a new first page
   (``apply_filter``, what the date, status and «Hôm nay» controls do), (c, d) a search typed into the
   field without accents (the most frequent full name of the day, a surname) and Enter. Limit:
   200 ms. Baselines: ``svc.dossiers.list_dossiers(DossierFilter(date_from=today, date_to=today,
   limit=100), actor=...)``
   (with the search for c and d), and the model's whole worker job (``dossiers._fetch``: the rows, their
   states, the names of procedures and staff). A search typed without Enter waits for the 250 ms
   debounce (``TodayView.SEARCH_DELAY_MS``) by design; that figure is shown for information.

"Today" is the agency's today when the database has dossiers of that day; otherwise (a weekend, a
holiday, before office hours) every service of the in-process targets runs on a clock moved back to
one minute after the newest dossier, still running, so today's list holds a full working day.
The baselines' service calls act as ``lanhdao``, signed in once before any measurement (a sign-in is
a deliberately slow password check).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer, qInstallMessageHandler
from PySide6.QtGui import QKeyEvent
from PySide6.QtPdf import QPdfPageRenderer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from run import (
    Result,
    build_big_db,
    clean_env,
    environment,
    fmt,
    judge,
    log,
    median,
    p95,
    print_table,
    random_codes,
    read_only,
    remove_db,
    size_label,
    sqlite_url,
)

from onestop.app import open_services
from onestop.services import Applicant, DossierFilter, Onestop, ReceiveRequest

SHOW, PAINT = QEvent.Type.Show, QEvent.Type.Paint

MS = 0.001
WARMUP = 2
READER = ("lanhdao", "demo")  # the head of agency of the demo: may look at every dossier


@dataclass(frozen=True)
class Config:
    big: int  # dossiers in the database
    start_rounds: int  # process starts of each kind, each platform (target 1)
    save_rounds: int  # dossiers saved through the GUI (target 2)
    scan_rounds: int  # scans (target 3)
    today_rounds: int  # list openings of each kind (target 4)


FULL = Config(big=1_000_000, start_rounds=9, save_rounds=20, scan_rounds=20, today_rounds=15)
QUICK = Config(big=100_000, start_rounds=5, save_rounds=10, scan_rounds=10, today_rounds=8)


# --------------------------------------------------------------------------- 1: start-up (processes)

# Shared by both child scripts: marks on stdout, "shown" from a singleShot(0) armed after show(),
# "painted" at the window's first paint event; the process quits once it has both.
_CHILD_PROBE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

def mark(name):
    print(name, repr(time.monotonic()), flush=True)

class _Watch(QObject):
    def __init__(self, app, top):
        super().__init__(app)
        self.app, self.top, self.seen = app, top, set()

    def eventFilter(self, obj, event):
        if (
            "painted" not in self.seen
            and event.type() == QEvent.Type.Paint
            and isinstance(obj, QWidget)
            and (obj is self.top or self.top.isAncestorOf(obj))
        ):
            self.done("painted")
        return False

    def done(self, name):
        mark(name)
        self.seen.add(name)
        if self.seen >= {"shown", "painted"}:
            QTimer.singleShot(0, self.app.quit)

def watch(app, top):
    w = _Watch(app, top)
    app.installEventFilter(w)
    QTimer.singleShot(0, lambda: w.done("shown"))
    QTimer.singleShot(20_000, app.quit)
    return w
"""

BARE_SCRIPT = (
    _CHILD_PROBE
    + r"""
mark("pyside6")
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
mark("application")
window = QWidget()
window.setWindowTitle("bare")
window.resize(420, 240)
window.show()
_w = watch(app, window)
app.exec()
"""
)

# The steps of ``onestop gui`` (onestop.cli.main → cmd_gui → run_gui → Gui.login), with the login
# dialog shown by show() instead of the blocking exec(); "services" marks when the background open
# of the database was started, not finished. Argument: the database URL.
PRODUCT_SCRIPT = (
    _CHILD_PROBE
    + r"""
mark("pyside6")
from onestop.cli import build_parser
args = build_parser().parse_args(["--db", sys.argv[1], "gui"])
from onestop.ui.app import Gui, _open, create_application, install_translator
mark("imported")
app = create_application()
mark("application")
gui = Gui(app, None)
install_translator(app, str(gui.ui_state.value("ui/language", "vi")))
# As run_gui: the database opens on a worker thread while the login is already on screen.
from PySide6.QtCore import QTimer
QTimer.singleShot(30, lambda: gui.tasks.run(lambda: _open(args.db), done=lambda r: gui.services_ready(*r)))
mark("services")
app.setQuitOnLastWindowClosed(False)
from onestop.ui.login import LoginDialog
dialog = LoginDialog(gui.svc, gui.tasks, agency=gui.agency)
gui.dialog = dialog
mark("dialog")
dialog.show()
_w = watch(app, dialog)
app.exec()
"""
)


def spawn(script: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run ``python -c script args``; its marks as seconds since just before the spawn."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    marks: dict[str, float] = {}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(" ")
        try:
            marks[name] = float(value) - start
        except ValueError:
            continue
    if done.returncode != 0 or not {"shown", "painted"} <= set(marks):
        raise RuntimeError(f"child failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    return marks


@contextmanager
def xvfb_display() -> Iterator[str | None]:
    """One Xvfb server for the run (``-displayfd`` picks a free display); None without xvfb-run/Xvfb."""
    if not (shutil.which("xvfb-run") and shutil.which("Xvfb")):
        yield None
        return
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], 0.5)
            if ready:
                chunk = os.read(read_end, 16)
                if not chunk:
                    break
                number += chunk
        if not number.strip():
            log("  Xvfb did not start: the xcb figures are left out")
            yield None
        else:
            yield f":{number.decode().strip()}"
    finally:
        os.close(read_end)
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def profile_start(script: str, url: str, env: dict[str, str], tmp: Path, keep: Path | None) -> None:
    """A failed start: the product's start once under cProfile and once under -X importtime (stderr)."""
    import pstats

    driver = tmp / "start_driver.py"
    driver.write_text(script, encoding="utf-8")
    prof = (keep or tmp) / "start.prof"
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(prof), str(driver), url],
        env=env,
        capture_output=True,
        check=True,
    )
    out = io.StringIO()
    stats = pstats.Stats(str(prof), stream=out)
    stats.sort_stats("cumulative").print_stats(25)
    log(f"  cProfile of the product's start (cumulative, {prof}):\n{out.getvalue()}")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", str(driver), url],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = (part for part in line[len("import time:") :].split("|"))
            depth = (len(name) - len(name.lstrip())) // 2
            if cumulative.strip().isdigit() and depth <= 2:
                rows.append((int(cumulative), "  " * depth + name.strip()))
    top = sorted(rows, reverse=True)[:25]
    log(
        "  -X importtime of the product's start, cumulative µs (depth ≤ 2, inflated by the tracing):\n"
        + "\n".join(f"{us:>9,}  {name}" for us, name in top)
    )


def bench_start(db_path: Path, tmp: Path, rounds: int, keep: Path | None = None) -> list[Result]:
    base_env = clean_env()
    for key in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        base_env.pop(key, None)
    base_env["XDG_CONFIG_HOME"] = str(tmp / "xdg-config")  # Gui's gui.ini goes there, not to ~/.config
    base_env["XDG_RUNTIME_DIR"] = str(tmp / "xdg-runtime")
    (tmp / "xdg-runtime").mkdir(mode=0o700, exist_ok=True)
    url = sqlite_url(db_path)
    results = []
    with xvfb_display() as display:
        platforms: list[tuple[str, dict[str, str]]] = [("offscreen", {"QT_QPA_PLATFORM": "offscreen"})]
        if display is not None:
            platforms.append((f"xcb on Xvfb {display}", {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}))
        for label, extra in platforms:
            log(f"  {label}: {rounds} rounds of each process")
            env = {**base_env, **extra}
            runs: dict[str, Callable[[], dict[str, float]]] = {
                "bare": lambda env=env: spawn(BARE_SCRIPT, [], env),
                "onestop": lambda env=env: spawn(PRODUCT_SCRIPT, [url], env),
            }
            for _ in range(WARMUP):
                for fn in runs.values():
                    fn()
            marks: dict[str, list[dict[str, float]]] = {name: [] for name in runs}
            for i in range(rounds):
                for name in list(runs) if i % 2 == 0 else list(reversed(runs)):
                    marks[name].append(runs[name]())

            def med(name: str, key: str, marks: dict[str, list[dict[str, float]]] = marks) -> float:
                return median([m[key] for m in marks[name]])

            steps = ("pyside6", "imported", "application", "services", "dialog", "shown", "painted")
            breakdown = ", ".join(f"{k} {fmt(med('onestop', k), 's')}" for k in steps)
            bare = ", ".join(f"{k} {fmt(med('bare', k), 's')}" for k in ("pyside6", "application", "shown"))
            results.append(
                judge(
                    f"1 start → login shown ({label})",
                    med("onestop", "shown"),
                    {"bare QWidget": med("bare", "shown")},
                    max_ratio=1.5,
                    note=f"medians of {rounds} interleaved starts from spawn: onestop {breakdown}; "
                    f"bare {bare}; slowest onestop {fmt(max(m['shown'] for m in marks['onestop']), 's')}",
                    samples={f"{name} {k}": [m[k] for m in ms] for name, ms in marks.items() for k in ms[0]},
                )
            )
            results.append(
                judge(
                    f"1 start → login first paint ({label})",
                    med("onestop", "painted"),
                    {"bare QWidget": med("bare", "painted")},
                    max_ratio=1.5,
                    note="the same starts, to the first paint event of the window",
                )
            )
            if results[-2].passed is False and label == "offscreen":
                profile_start(PRODUCT_SCRIPT, url, env, tmp, keep)
    return results


# --------------------------------------------------------------------------- in-process helpers


class ShiftedClock:
    """The system clock moved to ``start`` when made, then running (a working day's "now")."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.origin = time.monotonic()

    def now(self) -> datetime:
        return self.start + timedelta(seconds=time.monotonic() - self.origin)


def pick_clock(path: Path) -> tuple[ShiftedClock | None, str]:
    """None when the agency's today has dossiers; else a clock one minute after the newest one."""
    svc = open_services(sqlite_url(path))
    try:
        today = svc.ctx.now().date()
        actor = svc.staff.sign_in(*READER)
        if svc.dossiers.list_dossiers(DossierFilter(date_from=today, date_to=today, limit=1), actor=actor):
            return None, f"today {today:%d/%m/%Y} (system clock)"
        newest = svc.dossiers.list_dossiers(DossierFilter(limit=1), actor=actor)[0].received_at
    finally:
        svc.db.dispose()
    start = newest + timedelta(minutes=1)
    return ShiftedClock(start), (
        f"no dossier on {today:%d/%m/%Y} (system clock): the services' clock runs from "
        f"{start:%H:%M %d/%m/%Y}, one minute after the newest dossier"
    )


class Probe:
    """Application event filter that hands ``Show`` and ``Paint`` events, time-stamped, to the hooks."""

    def __init__(self, app: Any) -> None:
        kinds = (SHOW, PAINT)
        hooks: list[Callable[[Any, Any, float], None]] = []
        self.hooks = hooks

        class _Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:
                if hooks:
                    kind = event.type()
                    if kind in kinds:
                        at = time.perf_counter()
                        for hook in list(hooks):
                            hook(obj, kind, at)
                return False

        self.filter = _Filter(app)
        app.installEventFilter(self.filter)

    @contextmanager
    def hook(self, fn: Callable[[Any, Any, float], None]) -> Iterator[None]:
        self.hooks.append(fn)
        try:
            yield
        finally:
            self.hooks.remove(fn)


def wait_for(cond: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Run the event loop (as the idle application does) until ``cond()``; a 2 ms poll checks it."""

    if cond():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout

    def check() -> None:
        if cond() or time.monotonic() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(2)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not cond():
        raise TimeoutError(f"waited {timeout:.0f} s for {what}")


def settle(tasks: Any, seconds: float = 0.05) -> None:
    """No background work pending, then the event loop a little longer (late repaints land)."""
    wait_for(lambda: tasks.pending() == 0, "background tasks")
    end = time.monotonic() + seconds
    wait_for(lambda: time.monotonic() >= end, "a pause")


def open_window(svc: Onestop, tmp: Path, name: str) -> Any:
    from onestop.ui.main_window import MainWindow
    from onestop.ui.tasks import Tasks

    ui_state = QSettings(str(tmp / f"{name}.ini"), QSettings.Format.IniFormat)
    tasks = Tasks()
    window = MainWindow(svc, svc.staff.sign_in("tiepnhan1", "demo"), tasks, ui_state)
    window.resize(1366, 740)
    window.show()
    window.activateWindow()
    wait_for(lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), "exposed")
    wait_for(lambda: window.intake.catalog is not None, "the procedure catalogue")
    settle(tasks, 0.2)
    return window


def close_window(window: Any) -> None:
    tasks = window.tasks
    window._leaving = True  # what the benchmarks typed into the receiving form is not kept: no question
    window.close()
    tasks.wait()
    QApplication.processEvents()
    window.deleteLater()
    QApplication.processEvents()


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# --------------------------------------------------------------------------- 2: save → preview


APPLICANT = {
    "name": "Nguyễn Thị Thủy",
    "phone": "0905123456",
    "address": "12 Nguyễn Lương Bằng, phường Liên Chiểu, thành phố Đà Nẵng",
}


def fill_intake(intake: Any, proc: Any, n: int) -> None:
    """The form as a clerk leaves it before Ctrl+Enter: procedure, applicant, required documents ticked."""
    intake.choose_procedure(proc)
    intake.name.setText(APPLICANT["name"])
    intake.id_number.setText(f"04819{n:07d}")
    intake.phone.setText(APPLICANT["phone"])
    intake.address.setText(APPLICANT["address"])
    model = intake.checklist_model
    for row, doc in enumerate(model.rows):
        if doc.spec.required and not doc.checked:
            model.toggle(row)
    intake.address.setFocus(Qt.FocusReason.TabFocusReason)


def bench_save(svc: Onestop, probe: Probe, tmp: Path, rounds: int) -> list[Result]:
    from onestop.forms.receipt import receipt_bytes

    window = open_window(svc, tmp, "save")
    intake = window.intake
    tasks = window.tasks
    proc = svc.catalog.procedure("2.000815")
    actor = svc.staff.sign_in("tiepnhan1", "demo")
    reader = svc.staff.sign_in(*READER)
    shown: list[float] = []
    painted: list[float] = []
    page: list[float] = []
    base_work: list[float] = []
    base_receive: list[float] = []
    base_render: list[float] = []
    shortcut_missed = 0
    serial = 0
    try:
        for i in range(WARMUP + rounds):
            serial += 1
            fill_intake(intake, proc, serial)
            wait_for(lambda: intake.appointment is not None, "the appointment")
            settle(tasks)
            before = intake.preview_dialog
            state: dict[str, Any] = {}

            def hook(
                obj: Any, kind: Any, at: float, state: dict[str, Any] = state, before: Any = before
            ) -> None:
                if kind == SHOW and obj.objectName() == "receiptPreview" and obj is not before:
                    if obj.pdf_document.pageCount() > 0 and "shown" not in state:
                        state["shown"] = at
                        state["viewport"] = obj.view.viewport()
                        renderer = obj.view.findChild(QPdfPageRenderer)
                        if renderer is not None:
                            renderer.pageRendered.connect(
                                lambda *_a: state.setdefault("rendered", time.perf_counter())
                            )
                elif kind == PAINT and obj is state.get("viewport"):
                    state.setdefault("painted", at)
                    if "rendered" in state and at >= state["rendered"]:
                        state.setdefault("page", at)

            with probe.hook(hook):
                focus = QApplication.focusWidget() or intake.address
                start = time.perf_counter()
                QTest.keyClick(focus, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
                if not intake.saving and intake.preview_dialog is before:
                    shortcut_missed += 1  # the shortcut did not reach the action: the action itself
                    intake.save_action.trigger()
                wait_for(lambda state=state: "page" in state, "the receipt page in the preview")
            if i >= WARMUP:
                shown.append(state["shown"] - start)
                painted.append(state["painted"] - start)
                page.append(state["page"] - start)
            intake.preview_dialog.close()
            settle(tasks)

            # Baselines: the worker's work, here, with nothing else going on.
            serial += 1
            req = ReceiveRequest(
                procedure_code=proc.code,
                applicant=Applicant(id_number=f"04819{serial:07d}", **APPLICANT),
            )
            t0 = time.perf_counter()
            view = svc.intake.receive(req, actor=actor)
            t1 = time.perf_counter()
            data = svc.papers.receipt_data(view.code, actor=reader)
            receipt_bytes(data)
            if i >= WARMUP:
                base_work.append(time.perf_counter() - t0)
                base_receive.append(t1 - t0)
                base_render.append(timed(lambda data=data: receipt_bytes(data)))
    finally:
        if intake.preview_dialog is not None:
            intake.preview_dialog.close()
        close_window(window)
    baselines = {
        "receive+receipt_data+receipt_bytes": median(base_work),
        "receipt_bytes": median(base_render),
        "svc.receive": median(base_receive),
    }
    missed = (
        f"; the Ctrl+Enter key missed the shortcut {shortcut_missed}× (the action was triggered)"
        if shortcut_missed
        else ""
    )
    return [
        judge(
            "2 save key → preview shown (PDF loaded)",
            median(shown),
            baselines,
            at_most=300 * MS,
            note=f"{rounds} saves, each a new dossier; p95 {fmt(p95(shown), 's')}; "
            f"first paint of the PDF view {fmt(median(painted), 's')} (a blank page: QtPdf renders on a "
            f"thread){missed}",
            samples={
                "shown": shown,
                "view_first_paint": painted,
                "work": base_work,
                "render": base_render,
                "receive": base_receive,
            },
        ),
        judge(
            "2 save key → receipt page painted",
            median(page),
            baselines,
            at_most=300 * MS,
            note=f"until the QPdfView paints the rendered page; p95 {fmt(p95(page), 's')}",
            samples={"page_painted": page},
        ),
    ]


# --------------------------------------------------------------------------- 3: scan → dossier


def _key_of(ch: str) -> tuple[Any, Any]:
    if ch.isascii() and ch.isalnum():
        shift = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
        return ord(ch.upper()), shift
    keys = {".": Qt.Key.Key_Period, "-": Qt.Key.Key_Minus}
    return keys.get(ch, Qt.Key.Key_unknown), Qt.KeyboardModifier.NoModifier


def type_text(widget: Any, text: str) -> None:
    """Typing as Unikey commits it (tests/helpers.py): one key event per character."""
    for ch in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def send_burst(widget: Any, code: str) -> float:
    """A wedge scanner's keys (the code, then Return) back to back; returns when Return was sent."""
    events = [(*_key_of(ch), ch) for ch in code]
    for key, modifiers, text in events:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))
    enter = time.perf_counter()
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )
    return enter


def bench_scan(window: Any, svc: Onestop, probe: Probe, codes: list[str], rounds: int) -> Result:
    from onestop.ui.detail import DossierDetailDialog

    tasks = window.tasks
    name = window.intake.name
    reader = svc.staff.sign_in(*READER)
    window.show_tab(0)
    scanned_at: list[float] = []
    window.scanner.scanned.connect(lambda _code: scanned_at.append(time.perf_counter()))
    total: list[float] = []
    from_enter: list[float] = []
    to_scanned: list[float] = []
    to_dialog: list[float] = []
    base: list[float] = []
    base_find: list[float] = []
    for i in range(WARMUP + rounds):
        code = codes[i % len(codes)]
        for dialog in window.findChildren(DossierDetailDialog):
            dialog.close()
        name.setFocus(Qt.FocusReason.OtherFocusReason)
        name.setText("Trần")
        settle(tasks)  # (the window repaints what changed before the scan, as it would have)
        state: dict[str, float] = {}

        def hook(obj: Any, kind: Any, at: float, code: str = code, state: dict[str, float] = state) -> None:
            if kind == SHOW and obj.objectName() == "dossierDetail" and obj.code == code:
                state.setdefault("dialog", at)
            elif (
                kind == PAINT
                and obj.objectName() == "detail_applicant_name"
                and obj.text()
                and getattr(obj.window(), "code", None) == code
            ):
                state.setdefault("shown", at)

        scanned_at.clear()
        with probe.hook(hook):
            start = time.perf_counter()
            enter = send_burst(name, code)
            wait_for(lambda state=state: "shown" in state, f"the dossier {code} on screen")
        if name.text() != "Trần":
            raise RuntimeError(f"the scan reached the name field: {name.text()!r}")
        if i >= WARMUP:
            total.append(state["shown"] - start)
            from_enter.append(state["shown"] - enter)
            to_scanned.append(scanned_at[0] - start)
            to_dialog.append(state["dialog"] - start)
            other = codes[-1 - i % len(codes)]
            base.append(timed(lambda other=other: svc.dossiers.dossier(other, actor=reader)))
            base_find.append(timed(lambda other=other: svc.dossiers.find_code(other, actor=reader)))
    for dialog in window.findChildren(DossierDetailDialog):
        dialog.close()
    settle(tasks)
    return judge(
        "3 scan → dossier detail shown",
        median(total),
        {"svc.dossier": median(base), "svc.find_code": median(base_find)},
        at_most=100 * MS,
        note=f"{rounds} random codes, from the first key to the applicant's name painted; p95 "
        f"{fmt(p95(total), 's')}; from Return {fmt(median(from_enter), 's')}; scanned() after "
        f"{fmt(median(to_scanned), 's')}; dialog shown (empty) after {fmt(median(to_dialog), 's')}",
        samples={"total": total, "from_enter": from_enter, "dossier": base, "find_code": base_find},
    )


# --------------------------------------------------------------------------- 4: today's list


def today_searches(svc: Onestop, path: Path, today: date) -> list[tuple[str, str]]:
    """(label, text): the most frequent full name of today's dossiers without accents, and a surname."""
    from onestop.textfold import fold

    tz = svc.ctx.tz
    start = int(datetime(today.year, today.month, today.day, tzinfo=tz).timestamp())
    with read_only(path) as conn:
        row = conn.execute(
            "SELECT applicant_name FROM dossiers WHERE received_at >= ? AND received_at < ?"
            " GROUP BY applicant_name ORDER BY count(*) DESC, applicant_name LIMIT 1",
            (start, start + 86400),
        ).fetchone()
    name = fold(row[0]) if row else "nguyen"
    return [(f"full name «{name}»", name), ("surname «nguyen»", "nguyen")]


def bench_today(window: Any, svc: Onestop, probe: Probe, path: Path, rounds: int) -> list[Result]:
    from onestop.ui.dossiers import DossierTableModel, TodayView

    tasks = window.tasks
    today_view = window.today
    reader = svc.staff.sign_in(*READER)
    # Enter on a search that finds one dossier opens it (a modal dialog): the figure is the list's
    # rows on screen, so the window does not open dossiers while this target runs.
    today_view.open_requested.disconnect(window.open_dossier)
    today = svc.ctx.now().date()
    day = DossierFilter(date_from=today, date_to=today, limit=100)
    searches = today_searches(svc, path, today)

    def rows_painted(view: Any, state: dict[str, float], *, search: str | None = None) -> Callable[..., None]:
        def hook(obj: Any, kind: Any, at: float) -> None:
            if (
                kind == PAINT
                and obj is view.table.viewport()
                and view.model.rowCount() > 0
                and (search is None or view.model.current_filter.search == search)
            ):
                state.setdefault("shown", at)

        return hook

    def fetch_baseline(flt: DossierFilter) -> float:
        """What the model's worker runs for a first page (rows, their states, names)."""
        from onestop.ui.dossiers import _fetch

        return timed(lambda: _fetch(svc, reader, flt, DossierTableModel.PAGE, set()))

    samples: dict[str, list[float]] = {}
    base: dict[str, list[float]] = {}
    counts: dict[str, int] = {}

    def record(label: str, value: float, flt: DossierFilter) -> None:
        samples.setdefault(label, []).append(value)
        base.setdefault(label, []).append(timed(lambda: svc.dossiers.list_dossiers(flt, actor=reader)))
        base.setdefault(f"{label} _fetch", []).append(fetch_baseline(flt))

    for i in range(WARMUP + rounds):
        keep = i >= WARMUP
        # (a) a new TodayView, shown
        settle(tasks)
        state: dict[str, float] = {}
        start = time.perf_counter()
        view = TodayView(svc, window.actor, tasks)  # (nothing paints before the event loop runs)
        with probe.hook(rows_painted(view, state)):
            view.resize(1366, 700)
            view.show()
            wait_for(lambda state=state: "shown" in state, "a new TodayView's rows")
        counts["new"] = view.model.rowCount()
        if keep:
            record("a new TodayView", state["shown"] - start, day)
        view.close()
        view.deleteLater()
        settle(tasks)

        # (b) F3 and a new first page
        window.show_tab(0)
        settle(tasks)
        state = {}
        with probe.hook(rows_painted(today_view, state)):
            start = time.perf_counter()
            window.show_tab(1)
            today_view.apply_filter()
            wait_for(lambda state=state: "shown" in state, "today's rows")
        if keep:
            record("F3 + first page", state["shown"] - start, day)

        # (c, d) a search typed without accents, then Enter
        for label, text in searches:
            today_view.search.clear()
            today_view.apply_filter()
            settle(tasks)
            today_view.search.setFocus(Qt.FocusReason.OtherFocusReason)
            type_text(today_view.search, text)
            settle(tasks)  # (the typed text painted; well within the 250 ms debounce)
            state = {}
            with probe.hook(rows_painted(today_view, state, search=text)):
                start = time.perf_counter()
                QTest.keyClick(today_view.search, Qt.Key.Key_Return)
                wait_for(lambda state=state: "shown" in state, f"the rows of {text!r}")
            counts[label] = today_view.model.rowCount()
            if keep:
                record(
                    f"search {label} + Enter",
                    state["shown"] - start,
                    DossierFilter(date_from=today, date_to=today, search=text, limit=100),
                )

        # (e) the same full name typed, no Enter: the debounce decides (information)
        label, text = searches[0]
        today_view.search.clear()
        today_view.apply_filter()
        settle(tasks)
        state = {}
        with probe.hook(rows_painted(today_view, state, search=text)):
            type_text(today_view.search, text)
            start = time.perf_counter()
            wait_for(lambda state=state: "shown" in state, f"the rows of {text!r} (debounced)")
        if keep:
            samples.setdefault("debounce", []).append(state["shown"] - start)
        today_view.search.clear()
        today_view.apply_filter()
        settle(tasks)
    today_view.open_requested.connect(window.open_dossier)

    results = []
    for label, values in samples.items():
        if label == "debounce":
            continue
        results.append(
            judge(
                f"4 today's list: {label}",
                median(values),
                {"list_dossiers": median(base[label]), "_fetch (worker)": median(base[f"{label} _fetch"])},
                at_most=200 * MS,
                note=f"{rounds} rounds, to the first page painted; p95 {fmt(p95(values), 's')}",
                samples={"gui": values, "list_dossiers": base[label], "fetch": base[f"{label} _fetch"]},
            )
        )
    results.append(
        judge(
            f"4 today's list: search {searches[0][0]}, no Enter",
            median(samples["debounce"]),
            {"list_dossiers": median(base[f"search {searches[0][0]} + Enter"])},
            note=f"from the last key; includes the {TodayView.SEARCH_DELAY_MS} ms debounce by design "
            f"(information); rows on the first page: {counts}",
            samples={"gui": samples["debounce"]},
        )
    )
    return results


# --------------------------------------------------------------------------- the code measured


def code_state() -> dict[str, Any]:
    """The commit, the files changed since it, and a digest of onestop/ (to see a change mid-run)."""
    import hashlib

    root = Path(__file__).resolve().parents[1]

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
        return done.stdout.rstrip() if done.returncode == 0 else ""

    digest = hashlib.sha1()
    for path in sorted((root / "onestop").rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    changed = [line[3:] for line in git("status", "--porcelain", "--", "onestop").splitlines()]
    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "changed": changed,
        "digest": digest.hexdigest()[:12],
    }


def describe_code(before: dict[str, Any], after: dict[str, Any]) -> str:
    text = f"code: {before['commit'] or '?'}"
    if before["changed"]:
        text += f" + uncommitted changes in onestop/ ({', '.join(before['changed'])})"
    text += f"; onestop/*.py digest {before['digest']}"
    if after != before:
        text += (
            f"\nWARNING: onestop/ changed during the run (digest {before['digest']} → {after['digest']}, "
            f"commit {before['commit']} → {after['commit']}): the figures may mix versions"
        )
    return text


# --------------------------------------------------------------------------- in-process run


def run_in_process(cfg: Config, big_path: Path, tmp: Path, only: set[int]) -> tuple[list[Result], str]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if "XDG_RUNTIME_DIR" not in os.environ:
        (tmp / "xdg-runtime").mkdir(mode=0o700, exist_ok=True)
        os.environ["XDG_RUNTIME_DIR"] = str(tmp / "xdg-runtime")
    from onestop.ui.app import create_application

    def quiet(mode: Any, context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen plugin says it for every dialog
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)

    clock, clock_note = pick_clock(big_path)
    log(f"  {clock_note}")
    app = create_application(["onestop-bench"])
    probe = Probe(app)
    results: list[Result] = []

    if 2 in only:
        log("2 save → preview (on a copy of the database)")
        copy = tmp / "save.db"
        for suffix in ("", "-wal"):
            if Path(f"{big_path}{suffix}").exists():
                shutil.copyfile(f"{big_path}{suffix}", f"{copy}{suffix}")
        svc = open_services(sqlite_url(copy), clock=clock)
        try:
            results.extend(bench_save(svc, probe, tmp, cfg.save_rounds))
        finally:
            svc.db.dispose()
            remove_db(copy)
    if not only & {3, 4}:
        return results, clock_note

    svc = open_services(sqlite_url(big_path), clock=clock)
    try:
        window = open_window(svc, tmp, "main")
        try:
            if 3 in only:
                log("3 scan → dossier")
                codes = random_codes(big_path, WARMUP + cfg.scan_rounds + 20, seed=3)
                results.append(bench_scan(window, svc, probe, codes, cfg.scan_rounds))
            if 4 in only:
                log("4 today's list")
                results.extend(bench_today(window, svc, probe, big_path, cfg.today_rounds))
        finally:
            close_window(window)
    finally:
        svc.db.dispose()
    return results, clock_note


def run(
    cfg: Config, tmp: Path, db: Path | None, only: set[int], profile: Path | None
) -> tuple[list[Result], str]:
    if db is None:
        db = tmp / "big.db"
        log(f"building the {size_label(cfg.big)}-dossier database with `onestop demo` (about 50 s for 1M)")
        built = build_big_db(db, cfg.big)
        log(f"  {built.written:,} dossiers in {built.total:.1f} s")
    else:
        log(f"using {db} (kept)")
    results: list[Result] = []
    if 1 in only:
        log("1 start → login window (processes)")
        results.extend(bench_start(db, tmp, cfg.start_rounds, profile))
    in_process, clock_note = run_in_process(cfg, db, tmp, only)
    results.extend(in_process)
    return results, clock_note


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="100k dossiers and fewer rounds")
    parser.add_argument(
        "--out", type=Path, help="also write the figures (and every sample) to this JSON file"
    )
    parser.add_argument("--db", type=Path, help="an existing database made by `onestop demo` (not deleted)")
    parser.add_argument(
        "--only", default="1,2,3,4", help="the targets to measure, e.g. 2,4 (default: all four)"
    )
    parser.add_argument(
        "--profile",
        type=Path,
        help="keep the cProfile file of a failed start in this folder (else printed only)",
    )
    args = parser.parse_args(argv)
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
        args.profile = args.profile.resolve()
    only = {int(x) for x in args.only.split(",") if x.strip()}
    cfg = QUICK if args.quick else FULL
    meta = environment(cfg, args.quick)  # type: ignore[arg-type]  # (any dataclass)
    started = time.perf_counter()
    code_before = code_state()
    with tempfile.TemporaryDirectory(prefix="onestop-guibench-") as tmp:
        log(f"temporary directory {tmp}")
        results, clock_note = run(cfg, Path(tmp), args.db.resolve() if args.db else None, only, args.profile)
    meta["seconds"] = round(time.perf_counter() - started, 1)
    meta["today"] = clock_note
    meta["code"] = describe_code(code_before, code_state())
    meta["targets"] = sorted(only)
    import PySide6

    meta["pyside6"] = PySide6.__version__
    print(
        f"onestop GUI benchmarks ({'quick' if args.quick else 'full'}; Python {meta['python']}, "
        f"PySide6 {meta['pyside6']}, SQLite {meta['sqlite']}, {meta['cpus']} CPUs; {meta['seconds']:.0f} s)"
    )
    print(meta["code"])
    print(clock_note)
    print_table(results)
    if args.out:
        args.out.write_text(
            json.dumps({**meta, "results": [asdict(r) for r in results]}, ensure_ascii=False, indent=2)
            + "\n",
            encoding="utf-8",
        )
        log(f"figures written to {args.out}")
    return 0 if all(r.passed is not False for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
