"""Excel files (openpyxl, write-only: rows are streamed, memory stays flat): the period report, the
register (Mẫu 07) and any list of rows a screen shows. No Qt, no database: plain data in."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from onestop.forms.model import RegisterData


def _workbook() -> Any:
    from openpyxl import Workbook

    return Workbook(write_only=True)


def _cell(ws: Any, value: Any, *, bold: bool = False) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(ws, value=_plain(value))
    if bold:
        cell.font = Font(bold=True)
    return cell


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)  # Excel has no zones: the agency's wall-clock time
    return value


def _save(wb: Any) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def table_xlsx(title: str, headings: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """One sheet: a heading row, then the rows as given (a list exported "as shown")."""
    wb = _workbook()
    ws = wb.create_sheet(title[:31])
    ws.append([_cell(ws, h, bold=True) for h in headings])
    for row in rows:
        ws.append([_plain(v) for v in row])
    return _save(wb)


FIGURE_LABELS = {
    "received": "Hồ sơ tiếp nhận",
    "finished_on_time": "Có kết quả đúng hạn",
    "finished_late": "Có kết quả quá hạn",
    "on_time_rate": "Tỷ lệ đúng hạn (%)",
    "open": "Đang giải quyết",
    "open_overdue": "Đang giải quyết quá hạn",
    "refused": "Từ chối",
    "stopped": "Dừng giải quyết",
    "withdrawn": "Rút hồ sơ",
    "ratings_total": "Lượt đánh giá",
    "satisfaction_rate": "Tỷ lệ hài lòng (%)",
    "digitised": "Hồ sơ đã số hóa mọi thành phần",
    "digitisation_rate": "Tỷ lệ số hóa hồ sơ (%)",
    "electronic_results": "Có kết quả điện tử",
    "electronic_result_rate": "Tỷ lệ số hóa kết quả (%)",
    "avg_processing_hours": "Thời gian giải quyết bình quân (giờ)",
    "avg_allowed_hours": "Thời gian theo quy định bình quân (giờ)",
    "processing_time_ratio": "Thời gian giải quyết so với quy định (%)",
}
STEP_LABELS = {
    "steps": "Số bước đã chuyển đi",
    "avg_hours_held": "Thời gian giữ bình quân (giờ)",
    "allotted_hours": "Thời gian quy định cho bước (giờ làm việc)",
    "judged": "Số bước có thời gian quy định",
    "late": "Số bước quá hạn",
    "on_time_rate": "Tỷ lệ bước đúng hạn (%)",
}
_DURATIONS = ("avg_processing_hours", "avg_allowed_hours", "processing_time_ratio")
_DIGITISATION = ("digitised", "digitisation_rate", "electronic_results", "electronic_result_rate")
_COUNTS = ("received", "finished_on_time", "finished_late", "on_time_rate", "open", "open_overdue")


def report_xlsx(report: dict[str, Any], *, anchor: str = "") -> bytes:
    """The period report: a summary with the formulas, then one sheet per breakdown."""
    wb = _workbook()
    ws = wb.create_sheet("Tổng hợp")
    ws.append([_cell(ws, f"Báo cáo từ ngày {report['from']} đến ngày {report['to']}", bold=True)])
    ws.append([report["headline"]])
    ws.append([])
    for key, label in FIGURE_LABELS.items():
        ws.append([label, report.get(key)])
    ws.append([])
    for key, level in report["ratings"].items():
        ws.append([f"Mức «{key}»", level])
    ws.append([])
    ws.append([_cell(ws, "Công thức", bold=True)])
    for formula in report["formulas"].values():
        ws.append([formula])
    if anchor:
        ws.append([])
        ws.append(["Mã neo chuỗi lịch sử", anchor])

    def sheet(
        title: str, key_headings: Sequence[str], keys: Sequence[str], rows: Iterable[dict[str, Any]]
    ) -> None:
        s = wb.create_sheet(title)
        s.append([_cell(s, h, bold=True) for h in (*key_headings, *(FIGURE_LABELS.get(k, k) for k in keys))])
        for row in rows:
            s.append([row.get(k) for k in (*_keys(key_headings), *keys)])

    def _keys(headings: Sequence[str]) -> tuple[str, ...]:
        return tuple(_KEY_OF[h] for h in headings)

    sheet(
        "Theo thủ tục",
        ("Mã thủ tục", "Tên thủ tục"),
        (*_COUNTS, "ratings_total", "satisfaction_rate", *_DIGITISATION),
        report["by_procedure"],
    )
    sheet(
        "Theo cán bộ",
        ("Tài khoản", "Họ và tên"),
        (*_COUNTS, "ratings_total", "satisfaction_rate", *_DIGITISATION),
        report["by_clerk"],
    )
    sheet(
        "Theo đơn vị",
        ("Đơn vị",),
        ("finished_on_time", "finished_late", "on_time_rate", *_DURATIONS),
        report["by_unit"],
    )
    sheet(
        "Theo cán bộ xử lý",
        ("Đơn vị", "Tài khoản", "Họ và tên"),
        ("finished_on_time", "finished_late", "on_time_rate", *_DURATIONS),
        report.get("by_officer", []),
    )
    steps = wb.create_sheet("Theo bước")
    steps.append([_cell(steps, h, bold=True) for h in ("Đơn vị giữ hồ sơ", *STEP_LABELS.values())])
    for row in report.get("by_step", []):
        steps.append([row["unit"], *(row.get(k) for k in STEP_LABELS)])
    sheet(
        "Theo lĩnh vực",
        ("Lĩnh vực",),
        (*_COUNTS, *_DURATIONS, "ratings_total", "satisfaction_rate"),
        report.get("by_field", []),
    )
    r = wb.create_sheet("Đánh giá")
    r.append([_cell(r, h, bold=True) for h in ("Mức đánh giá", "Số lượt", "Tỷ lệ (%)", "Tính là hài lòng")])
    for level in report.get("by_level", []):
        r.append([level["label"], level["count"], level["share"], "Có" if level["satisfied"] else "Không"])
    r.append([])
    r.append([_cell(r, "Lý do không hài lòng", bold=True), _cell(r, "Số lượt", bold=True)])
    for reason in report["reasons"]:
        r.append([reason["label"], reason["count"]])
    r.append([])
    r.append(
        [
            _cell(r, "Lượt", bold=True),
            _cell(r, "Lượt đánh giá", bold=True),
            _cell(r, "Tỷ lệ hài lòng (%)", bold=True),
        ]
    )
    for event, figures in report["by_event"].items():
        r.append(
            [
                {"receipt": "Tiếp nhận", "return": "Trả kết quả"}.get(event, event),
                figures["ratings_total"],
                figures["satisfaction_rate"],
            ]
        )
    w = wb.create_sheet("Theo tuần")
    w.append([_cell(w, h, bold=True) for h in ("Tuần từ ngày", "Tiếp nhận", "Có kết quả", "Đúng hạn")])
    for row in report["by_week"]:
        w.append([row["week"], row["received"], row["finished"], row["on_time"]])
    m = wb.create_sheet("Theo tháng")
    m.append([_cell(m, h, bold=True) for h in ("Tháng", "Lượt đánh giá", "Hài lòng", "Tỷ lệ hài lòng (%)")])
    for row in report["by_month"]:
        m.append([row["month"], row["ratings"], row["satisfied"], row["satisfaction_rate"]])
    return _save(wb)


_KEY_OF = {
    "Mã thủ tục": "procedure_code",
    "Tên thủ tục": "procedure_name",
    "Tài khoản": "user",
    "Họ và tên": "name",
    "Đơn vị": "unit",
    "Lĩnh vực": "field",
}

REGISTER_HEADINGS = (
    "TT",
    "Mã hồ sơ",
    "Tên TTHC",
    "Số lượng hồ sơ",
    "Tên cá nhân/tổ chức",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Nhận hồ sơ",
    "Hẹn trả kết quả",
    "Chuyển hồ sơ đến cơ quan giải quyết",
    "Nhận kết quả từ cơ quan giải quyết",
    "Trả kết quả",
    "Ghi chú",
)


def register_xlsx(data: RegisterData) -> bytes:
    """Mẫu 07 as a workbook, the rows streamed from ``data.rows``."""
    wb = _workbook()
    ws = wb.create_sheet("Sổ theo dõi hồ sơ")
    ws.append([_cell(ws, f"SỔ THEO DÕI HỒ SƠ {data.volume}".strip(), bold=True)])
    ws.append([data.period])
    ws.append([f"Mã neo chuỗi lịch sử: {data.chain_anchor}"])
    ws.append([_cell(ws, h, bold=True) for h in REGISTER_HEADINGS])
    for r in data.rows:
        ws.append(
            [
                r.number,
                r.code,
                r.procedure_name,
                r.sets,
                r.applicant_name,
                ", ".join(x for x in (r.address, r.phone) if x),
                r.competent_unit,
                _plain(r.received_at),
                _plain(r.due_at),
                _plain(r.transferred_at),
                _plain(r.result_received_at),
                _plain(r.returned_at),
                r.note,
            ]
        )
    return _save(wb)
