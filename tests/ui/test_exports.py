"""Exports from the screens, read back with openpyxl: the F3 list as shown (every row of the filter,
not only those loaded), the F7 figures, the period report and register Mẫu 07 (off the GUI thread,
with a progress bar)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from helpers import actor, vn
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from onestop.clock import FixedClock
from onestop.services import Applicant, Onestop, ReceiveRequest
from onestop.ui.dossiers import TodayView
from onestop.ui.ratings_view import RatingsSummaryView
from onestop.ui.tasks import Tasks

HOTICH_3_DAYS = "1.004873"  # → Công chức Tư pháp - Hộ tịch (TPHT), 3 working days
CHUNGTHUC_SAME_DAY = "2.000815"  # → TPHT, due the same day
CUTRU_7_DAYS = "1.004222"  # → Công an phường (CAP)


def receive(svc: Onestop, procedure: str, name: str, *, transfer: bool = True) -> str:
    clerk = actor(svc, "tiepnhan1")
    code = svc.intake.receive(ReceiveRequest(procedure, Applicant(name)), actor=clerk).code
    if transfer:
        svc.lifecycle.transfer(code, actor=clerk)
    return code


def rows_of(path: Path, sheet: str | None = None) -> list[list[object]]:
    book = load_workbook(path, read_only=True)
    ws = book[sheet] if sheet else book.worksheets[0]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_the_today_list_exports_every_row_of_the_filter_as_shown(
    qtbot: QtBot, agency: Onestop, clock: FixedClock, tasks: Tasks, tmp_path: Path
) -> None:
    names = ["Lê Văn An", "Trần Thị Bình", "Ngô Văn Chi"]
    codes = []
    for i, name in enumerate(names):
        clock.at = vn(2026, 11, 23, 8, 10 * i)
        codes.append(receive(agency, CHUNGTHUC_SAME_DAY if i == 0 else HOTICH_3_DAYS, name))
    clock.at = vn(2026, 11, 23, 17, 30)  # the same-day one is late
    view = TodayView(agency, actor(agency, "tiepnhan1"), tasks)
    qtbot.addWidget(view)
    view.model.page_size = 2  # only two loaded: the export still has all three
    view.show()
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() >= 2, timeout=5000)
    view.EXPORT_PAGE = 2  # type: ignore[misc]  # pages of two: the export walks them all
    target = tmp_path / "ds.xlsx"
    with qtbot.waitSignal(view.exports.finished, timeout=10_000):
        assert view.export_excel(target)
    rows = rows_of(target)

    assert rows[0][:3] == ["Mã hồ sơ", "Thủ tục", "Người nộp"]
    assert sorted(r[0] for r in rows[1:]) == sorted(codes)
    late = next(r for r in rows[1:] if r[0] == codes[0])
    assert late[2] == "Lê Văn An" and str(late[6]).startswith("Quá hạn")
    assert late[4] == vn(2026, 11, 23, 8, 0).replace(tzinfo=None)  # a real date cell, wall-clock time
    assert "Đã lưu" in view.exports.status.text() and not view.exports.bar.isVisible()
    assert view.exports.rows_done == 3


def test_the_figures_report_and_register_export_from_the_ratings_screen(
    qtbot: QtBot, agency: Onestop, clock: FixedClock, tasks: Tasks, tmp_path: Path
) -> None:
    clerk = actor(agency, "tiepnhan1")
    code = receive(agency, HOTICH_3_DAYS, "Lê Văn An", transfer=False)
    agency.ratings.rate(code, "khong-hai-long", reasons=["thoi-gian-cho"], actor=clerk)
    view = RatingsSummaryView(agency, actor(agency, "lanhdao"), tasks)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show()
    figures = tmp_path / "f7.xlsx"
    with qtbot.waitSignal(view.exports.finished, timeout=10_000):
        assert view.export_figures(figures)
    text = [c for r in rows_of(figures) for c in r if c is not None]
    assert view.headline.text() in text and "Không hài lòng" in text

    report = tmp_path / "bc.xlsx"
    with qtbot.waitSignal(view.exports.finished, timeout=10_000):
        assert view.report_button is not None and view.export_report(report)
    book = load_workbook(report, read_only=True)
    assert "Theo cán bộ xử lý" in book.sheetnames and "Theo lĩnh vực" in book.sheetnames
    summary = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(values_only=True) if r and len(r) > 1}
    assert summary["Hồ sơ tiếp nhận"] == 1

    register = tmp_path / "so.xlsx"
    with qtbot.waitSignal(view.exports.finished, timeout=10_000):
        assert view.export_register(register)
    cells = [c for r in rows_of(register) for c in r if c is not None]
    assert code in cells
    assert view.exports.rows_done == 1  # the register's rows counted as they were written

    for name in ("bc.pdf", "so.pdf"):  # the same buttons write PDF when the file says so
        with qtbot.waitSignal(view.exports.finished, timeout=20_000):
            assert (view.export_report if name == "bc.pdf" else view.export_register)(tmp_path / name)
        text = subprocess.run(
            ["pdftotext", str(tmp_path / name), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert ("BÁO CÁO KẾT QUẢ" in text) if name == "bc.pdf" else (code in text)

    (tmp_path / "a-file").write_text("not a folder")
    bad = tmp_path / "a-file" / "x.xlsx"  # one clear message, nothing left behind
    errors: list[str] = []
    import onestop.ui.ops as ops

    original = ops.show_error
    ops.show_error = lambda _parent, exc, retry=None: errors.append(str(getattr(exc, "message", exc)))  # type: ignore[assignment]
    try:
        assert view.export_register(bad)
        qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    finally:
        ops.show_error = original
    assert (
        errors[0].startswith("Tệp xuất ra: không ghi được")
        and (tmp_path / "a-file").read_text() == "not a folder"
    )

    # Never over the database itself, or its companions.
    database = agency.db.sqlite_path
    assert database is not None
    before = database.read_bytes()
    errors.clear()
    ops.show_error = lambda _parent, exc, retry=None: errors.append(str(getattr(exc, "message", exc)))  # type: ignore[assignment]
    try:
        assert view.export_register(database.with_name(database.name + "-wal"))
        qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    finally:
        ops.show_error = original
    assert "là tệp cơ sở dữ liệu đang dùng" in errors[0]
    assert database.read_bytes() == before


def test_the_ratings_screen_charts_its_figures(
    qtbot: QtBot, agency: Onestop, clock: FixedClock, tasks: Tasks, tmp_path: Path
) -> None:
    from onestop.ui import charts

    clerk = actor(agency, "tiepnhan1")
    for level in ("rat-hai-long", "hai-long", "hai-long", "khong-hai-long"):
        code = receive(agency, HOTICH_3_DAYS, "Lê Văn An", transfer=False)
        agency.ratings.rate(
            code, level, reasons=["thoi-gian-cho"] if level == "khong-hai-long" else [], actor=clerk
        )
    view = RatingsSummaryView(agency, actor(agency, "lanhdao"), tasks)
    qtbot.addWidget(view)
    view.resize(1366, 740)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show()
    assert charts.available()  # PySide6-Essentials has Qt Charts
    assert view.level_chart is not None and view.clerk_chart is not None
    shown = dict(zip(view.level_chart.labels, view.level_chart.values, strict=True))
    assert shown["Hài lòng"] == 2 and shown["Rất hài lòng"] == 1 and shown["Không hài lòng"] == 1
    assert view.clerk_chart.values == [75.0]
    view.grab().save("/tmp/figures.png")
