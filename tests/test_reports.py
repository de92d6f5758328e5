"""The period report against a hand-built set of dossiers whose every figure is known, the Excel
files read back with openpyxl, and the register (Mẫu 07) read back from its PDF."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path

import pytest
from helpers import actor, vn

from onestop.clock import FixedClock
from onestop.errors import PermissionDenied, ValidationError
from onestop.services import Applicant, Onestop, ReceiveRequest

THREE_DAYS = "1.004873"  # 3 working days
SAME_DAY = "2.000815"  # same day, 15:00 cut-off


@pytest.fixture
def november(agency: Onestop, clock: FixedClock) -> Onestop:
    """Received in November 2026 (24/11 is a holiday):

    - A 1.004873 Mon 02/11 09:00 (due Thu 05/11 09:00), result Wed 04/11 → on time, returned
    - B 1.004873 Mon 02/11 10:00 (due Thu 05/11 10:00), result Mon 09/11 → late
    - C 1.004873 Tue 03/11 09:00 (due Fri 06/11 09:00), re-appointed to 20/11, result Tue 10/11 →
      late (the re-appointment does not count)
    - D 1.004873 Mon 09/11 09:00 (due Thu 12/11), supplement Tue 10/11 09:00 (left 16 h), resumed
      Mon 16/11 09:00 → due Wed 18/11 09:00, result Tue 17/11 → on time thanks to the pause
    - E 2.000815 Mon 16/11 16:00 (after the cut-off: due Tue 17/11 17:00), still open → open overdue
    - F 1.004873 Mon 30/11 09:00, open, not yet due
    - G refused, H withdrawn (received 18/11)
    Ratings: A receipt rất hài lòng, B receipt không hài lòng (thời gian chờ), A return hài lòng,
    C receipt không hài lòng (thái độ + thời gian chờ). All by tiepnhan1 but E, F (tiepnhan2).
    The report is read on Wed 02/12 09:00.
    """
    svc = agency
    clerk, clerk2 = actor(svc, "tiepnhan1"), actor(svc, "tiepnhan2")
    officer, head = actor(svc, "xuly1"), actor(svc, "lanhdao")

    def receive(at, procedure=THREE_DAYS, who=clerk, name="Lê Văn An"):  # type: ignore[no-untyped-def]
        clock.at = at
        code = svc.intake.receive(ReceiveRequest(procedure, Applicant(name)), actor=who).code
        return code

    def at(moment, step, code, **kw):  # type: ignore[no-untyped-def]
        clock.at = moment
        return step(code, **kw)

    a = receive(vn(2026, 11, 2, 9, 0), name="An")
    b = receive(vn(2026, 11, 2, 10, 0), name="Bình")
    c = receive(vn(2026, 11, 3, 9, 0), name="Chi")
    d = receive(vn(2026, 11, 9, 9, 0), name="Dũng")
    e = receive(vn(2026, 11, 16, 16, 0), SAME_DAY, clerk2, name="Em")
    g = receive(vn(2026, 11, 18, 9, 0), name="Giang")
    h = receive(vn(2026, 11, 18, 9, 30), name="Hà")
    f = receive(vn(2026, 11, 30, 9, 0), who=clerk2, name="Phúc")
    for code in (a, b, c, d, e):
        at(clock.at, svc.lifecycle.transfer, code, actor=clerk)
    at(vn(2026, 11, 4, 10, 0), svc.lifecycle.result, a, actor=officer)
    at(vn(2026, 11, 4, 14, 0), svc.lifecycle.return_result, a, actor=clerk)
    at(
        vn(2026, 11, 4, 9, 0),
        svc.lifecycle.extend,
        c,
        due=vn(2026, 11, 20, 17, 0),
        reason="Cần xác minh",
        actor=head,
    )
    at(vn(2026, 11, 9, 10, 0), svc.lifecycle.result, b, actor=officer)
    at(vn(2026, 11, 10, 9, 0), svc.lifecycle.result, c, actor=officer)
    at(vn(2026, 11, 10, 9, 0), svc.lifecycle.supplement, d, note="Thiếu giấy", actor=officer)
    at(vn(2026, 11, 16, 9, 0), svc.lifecycle.resume, d, actor=clerk)
    at(vn(2026, 11, 17, 9, 0), svc.lifecycle.result, d, actor=officer)
    at(vn(2026, 11, 18, 10, 0), svc.lifecycle.refuse, g, reason="Không đủ điều kiện", actor=officer)
    at(vn(2026, 11, 18, 10, 0), svc.lifecycle.withdraw, h, actor=clerk)
    clock.at = vn(2026, 11, 20, 9, 0)
    svc.ratings.rate(a, "rat-hai-long", actor=clerk)
    svc.ratings.rate(b, "khong-hai-long", reasons=["thoi-gian-cho"], actor=clerk)
    svc.ratings.rate(a, "hai-long", event="return", actor=clerk)
    svc.ratings.rate(c, "khong-hai-long", reasons=["thai-do", "thoi-gian-cho"], actor=clerk)
    clock.at = vn(2026, 12, 2, 9, 0)
    svc.codes = {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "g": g, "h": h}  # type: ignore[attr-defined]
    return svc


def test_the_figures_agree_with_the_dossiers(november: Onestop) -> None:
    head = actor(november, "lanhdao")
    r = november.reports.report(date(2026, 11, 1), date(2026, 11, 30), actor=head)
    assert (r["received"], r["finished_on_time"], r["finished_late"]) == (8, 2, 2)
    assert (r["open"], r["open_overdue"]) == (2, 1)
    assert (r["refused"], r["stopped"], r["withdrawn"]) == (1, 0, 1)
    assert r["on_time_rate"] == 50.0
    assert r["ratings"] == {"rat-hai-long": 1, "hai-long": 1, "khong-hai-long": 2}
    assert (r["ratings_total"], r["satisfaction_rate"]) == (4, 50.0)
    assert r["headline"] == "4 lượt đánh giá, 50% hài lòng"
    assert {x["reason"]: x["count"] for x in r["reasons"]} == {"thoi-gian-cho": 2, "thai-do": 1}
    assert r["by_event"]["return"]["ratings_total"] == 1
    clerks = {c["user"]: c for c in r["by_clerk"]}
    assert clerks["tiepnhan1"]["received"] == 6 and clerks["tiepnhan2"]["received"] == 2
    assert clerks["tiepnhan2"]["open_overdue"] == 1 and clerks["tiepnhan1"]["satisfaction_rate"] == 50.0
    procs = {p["procedure_code"]: p for p in r["by_procedure"]}
    assert procs[THREE_DAYS]["finished_late"] == 2 and procs[SAME_DAY]["open_overdue"] == 1
    assert sum(w["received"] for w in r["by_week"]) == 8
    assert [m["month"] for m in r["by_month"]] == ["2026-11"]
    codes = november.codes  # type: ignore[attr-defined]
    late = november.reports.dossiers_behind(
        date(2026, 11, 1), date(2026, 11, 30), "finished_late", actor=head
    )
    assert sorted(late) == sorted([codes["b"], codes["c"]])
    overdue = november.reports.dossiers_behind(
        date(2026, 11, 1), date(2026, 11, 30), "open_overdue", actor=head
    )
    assert overdue == [codes["e"]]


def test_rates_are_none_without_a_denominator(november: Onestop) -> None:
    r = november.reports.report(date(2025, 1, 1), date(2025, 1, 31), actor=actor(november, "lanhdao"))
    assert r["received"] == 0 and r["on_time_rate"] is None and r["satisfaction_rate"] is None
    with pytest.raises(ValidationError, match="ngày bắt đầu sau ngày kết thúc"):
        november.reports.report(date(2026, 2, 1), date(2026, 1, 1), actor=actor(november, "lanhdao"))
    with pytest.raises(PermissionDenied, match="báo cáo"):
        november.reports.report(date(2026, 11, 1), date(2026, 11, 30), actor=actor(november, "tiepnhan1"))


def test_the_excel_report_reads_back(november: Onestop) -> None:
    from openpyxl import load_workbook

    from onestop.exports import report_xlsx

    r = november.reports.report(date(2026, 11, 1), date(2026, 11, 30), actor=actor(november, "lanhdao"))
    book = load_workbook(io.BytesIO(report_xlsx(r, anchor="12:" + "a" * 64)), read_only=True)
    assert book.sheetnames == [
        "Tổng hợp",
        "Theo thủ tục",
        "Theo cán bộ",
        "Theo đơn vị",
        "Theo cán bộ xử lý",
        "Theo bước",
        "Theo lĩnh vực",
        "Đánh giá",
        "Theo tuần",
        "Theo tháng",
    ]
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(values_only=True) if row and len(row) > 1}
    assert (
        summary["Hồ sơ tiếp nhận"] == 8
        and summary["Có kết quả quá hạn"] == 2
        and summary["Tỷ lệ đúng hạn (%)"] == 50.0
    )
    assert summary["Mã neo chuỗi lịch sử"] == "12:" + "a" * 64
    clerks = list(book["Theo cán bộ"].iter_rows(values_only=True))
    assert clerks[0][:3] == ("Tài khoản", "Họ và tên", "Hồ sơ tiếp nhận")
    assert clerks[1][:3] == ("tiepnhan1", "Nguyễn Thị Thu Hà", 6)


def test_the_register_prints_every_dossier_with_the_anchor(november: Onestop, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from onestop.exports import register_xlsx
    from onestop.forms.register import render_register

    head = actor(november, "lanhdao")
    anchor = november.integrity.anchor(actor=head)["text"]
    data = november.reports.register(date(2026, 11, 1), date(2026, 11, 30), anchor=anchor, actor=head)
    pdf = tmp_path / "so.pdf"
    render_register(data, pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.276 pts" in info  # A4 landscape
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for code in november.codes.values():  # type: ignore[attr-defined]
        assert code in text
    assert "SỔ THEO DÕI HỒ SƠ" in text and anchor[:20] in text
    assert "Từ chối" in text and "Rút hồ sơ" in text and "Hẹn lại 20/11/2026" in text
    again = november.reports.register(date(2026, 11, 1), date(2026, 11, 30), anchor=anchor, actor=head)
    rows = list(
        load_workbook(io.BytesIO(register_xlsx(again)), read_only=True).active.iter_rows(values_only=True)
    )
    assert rows[3][:3] == ("TT", "Mã hồ sơ", "Tên TTHC") and len(rows) == 4 + 8
    assert november.integrity.verify(anchor=anchor).ok


def test_report_on_the_command_line(tmp_path: Path) -> None:
    from cli_helpers import ok, run, usage_error

    db = tmp_path / "onestop.db"
    ok(run(db, "demo", "--dossiers", "300"))
    head = {"ONESTOP_USER": "lanhdao", "ONESTOP_PASSWORD": "demo"}
    r = ok(run(db, "report", "--from", "2026-01-01", "--to", "2026-12-31", env=head)).json()
    for key in (
        "from",
        "to",
        "received",
        "finished_on_time",
        "finished_late",
        "open",
        "open_overdue",
        "on_time_rate",
        "ratings",
        "satisfaction_rate",
        "by_procedure",
        "by_clerk",
    ):
        assert key in r, key
    assert r["received"] == 300
    usage_error(run(db, "report", "--from", "2026-01-01", "--to", "2026-12-31"), "báo cáo")  # a clerk
    usage_error(
        run(db, "report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "pdf", env=head), "-o"
    )
    for fmt in ("pdf", "xlsx"):
        for extra in ([], ["--register"]):
            out = tmp_path / f"r{len(extra)}.{fmt}"
            ok(
                run(
                    db,
                    "report",
                    "--from",
                    "2026-11-01",
                    "--to",
                    "2026-11-30",
                    "--format",
                    fmt,
                    "-o",
                    str(out),
                    *extra,
                    env=head,
                )
            )
            assert out.stat().st_size > 1000


def test_responsibility_figures_per_officer_field_level_and_time_against_the_law(november: Onestop) -> None:
    """A 49 h of 72 allowed, B 168 of 72, C 168 of 72 (the re-appointment does not count), D 192 of
    216 (paused 6 days): 577 h for 432 h allowed over 4 results, all recorded by xuly1."""
    head = actor(november, "lanhdao")
    r = november.reports.report(date(2026, 11, 1), date(2026, 11, 30), actor=head)
    assert r["avg_processing_hours"] == round(577 / 4, 1)
    assert r["avg_allowed_hours"] == 108.0
    assert r["processing_time_ratio"] == round(100 * 577 / 432, 2)
    (officer,) = r["by_officer"]
    assert (officer["user"], officer["finished_on_time"], officer["finished_late"]) == ("xuly1", 2, 2)
    assert officer["on_time_rate"] == 50.0 and officer["avg_processing_hours"] == r["avg_processing_hours"]
    assert officer["unit"] != "—"
    field_of = {c: november.catalog.procedure(c).field for c in (THREE_DAYS, SAME_DAY)}
    fields = {f["field"]: f for f in r["by_field"]}
    three = fields[field_of[THREE_DAYS]]
    assert (three["finished_on_time"], three["finished_late"]) >= (2, 2)
    assert sum(f["received"] for f in r["by_field"]) == 8
    assert sum(f["ratings_total"] for f in r["by_field"]) == 4
    procs = {p["procedure_code"]: p for p in r["by_procedure"]}
    assert procs[THREE_DAYS]["avg_allowed_hours"] == 108.0
    assert procs[SAME_DAY]["avg_processing_hours"] is None  # nothing finished
    units = {u["unit"]: u for u in r["by_unit"]}
    assert units[officer["unit"]]["processing_time_ratio"] == r["processing_time_ratio"]
    levels = {lv["level"]: lv for lv in r["by_level"]}
    assert (levels["rat-hai-long"]["count"], levels["rat-hai-long"]["share"]) == (1, 25.0)
    assert levels["khong-hai-long"]["satisfied"] is False and levels["hai-long"]["satisfied"] is True
    assert sum(lv["count"] for lv in r["by_level"]) == 4
    for key in ("officer_on_time_rate", "avg_processing_hours", "processing_time_ratio", "level_share"):
        assert "=" in r["formulas"][key]
    # The transfers were recorded after the results (a clock set back): a hold never counts negative.
    assert r["by_step"] and all(s["avg_hours_held"] >= 0 for s in r["by_step"])
    # Nothing in another period: the new figures are empty, not zero divisions.
    empty = november.reports.report(date(2025, 1, 1), date(2025, 1, 31), actor=head)
    assert empty["by_officer"] == [] and empty["avg_processing_hours"] is None


def test_the_excel_report_has_the_responsibility_sheets(november: Onestop) -> None:
    from openpyxl import load_workbook

    from onestop.exports import report_xlsx

    r = november.reports.report(date(2026, 11, 1), date(2026, 11, 30), actor=actor(november, "lanhdao"))
    wb = load_workbook(io.BytesIO(report_xlsx(r)), read_only=True)
    officers = [list(row) for row in wb["Theo cán bộ xử lý"].iter_rows(values_only=True)]
    assert officers[0][:4] == ["Đơn vị", "Tài khoản", "Họ và tên", "Có kết quả đúng hạn"]
    assert officers[1][1:6] == ["xuly1", r["by_officer"][0]["name"], 2, 2, 50.0]
    fields = [list(row) for row in wb["Theo lĩnh vực"].iter_rows(values_only=True)]
    assert fields[0][0] == "Lĩnh vực" and len(fields) == 1 + len(r["by_field"])
    summary = [list(row) for row in wb["Tổng hợp"].iter_rows(values_only=True)]
    assert ["Thời gian giải quyết bình quân (giờ)", r["avg_processing_hours"]] in summary
    steps = [list(row) for row in wb["Theo bước"].iter_rows(values_only=True)]
    assert steps[0][:3] == ["Đơn vị giữ hồ sơ", "Số bước đã chuyển đi", "Thời gian giữ bình quân (giờ)"]
    assert len(steps) == 1 + len(r["by_step"]) > 1
    assert [row[:3] for row in steps[1:]] == [
        [s["unit"], s["steps"], s["avg_hours_held"]] for s in r["by_step"]
    ]


def test_the_pdf_report_has_the_responsibility_tables(november: Onestop, tmp_path: Path) -> None:
    from onestop.forms.model import FormHeader
    from onestop.forms.report import report_bytes

    r = november.reports.report(date(2026, 11, 1), date(2026, 11, 30), actor=actor(november, "lanhdao"))
    pdf = tmp_path / "bc.pdf"
    pdf.write_bytes(
        report_bytes(
            r,
            FormHeader("UBND", "Phường", "Đà Nẵng"),
            anchor="1:" + "a" * 64,
            issued_at=vn(2026, 12, 2, 9, 0),
        )
    )
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for heading in ("Theo lĩnh vực", "Theo đơn vị ghi nhận kết quả", "Theo cán bộ xử lý", "Theo bước"):
        assert heading in text, heading
    flat = " ".join(text.split())
    assert r["by_step"] and all(" ".join(s["unit"].split()[:3]) in flat for s in r["by_step"])
    assert r["by_officer"][0]["name"] in text
    assert "144,2 / 108,0 (133,56%)" in text.replace("\n", " ")


def test_the_officer_index_does_not_take_over_the_lookups_of_one_dossiers_events(november: Onestop) -> None:
    """ix_events_report leads with the moment: a dossier's own events (the register's first transfer,
    the return of a rating, since when a dossier is held) stay on the index on dossier_id, and the
    report's pass over the results reads only the covering index."""
    if not november.db.is_sqlite:
        pytest.skip("SQLite's query plans")

    def plan(sql: str) -> str:
        with november.db.read() as conn:
            return " | ".join(str(r[3]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))

    for sql in (
        "SELECT min(e.at) FROM events e WHERE e.dossier_id = 1 AND e.action = 'transfer'",
        "SELECT e.at FROM events e WHERE e.dossier_id = 1 AND e.action = 'return'",
        "SELECT max(e.at) FROM events e WHERE e.dossier_id = 1 AND e.action IN ('receive', 'transfer')",
    ):
        assert "ix_events_dossier_id" in plan(sql), plan(sql)
    officers = plan(
        "SELECT e.user_id, count(*) FROM events e WHERE e.action = 'result' AND e.at >= 0 AND e.at < 2"
        " GROUP BY e.user_id"
    )
    assert "COVERING INDEX ix_events_report" in officers, officers
