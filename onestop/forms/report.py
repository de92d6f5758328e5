"""The period report as an A4 PDF: the headline, the figures with their formulas, the breakdowns, and
two charts (received / finished / on time by week; satisfaction by month). Every page carries the
history's anchor, so the paper can later prove the data it was made from (``verify --anchor``).

Plain data in (the dict of ``ReportService.report``), PDF bytes out; no database."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Spacer, Table
from reportlab.platypus.flowables import Flowable

from onestop.forms.model import FormHeader
from onestop.forms.pdf import (
    FONT_BOLD,
    FONT_REGULAR,
    HeaderFlowable,
    Margins,
    build_pdf,
    esc,
    styles,
    table_style,
)

_MARGINS = Margins(left=20 * mm, right=15 * mm, top=12 * mm, bottom=16 * mm)
_WIDTH = A4[0] - _MARGINS.left - _MARGINS.right


def _pct(rate: float | None) -> str:
    if rate is None:
        return "—"
    text = f"{rate:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


def _n(value: Any) -> str:
    return f"{int(value or 0):,}".replace(",", ".")


def _table(headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> Table:
    st = styles(9.5)
    data = [[Paragraph(esc(h), st.table_head) for h in headings]]
    data += [[Paragraph(esc(c), st.table_cell) for c in row] for row in rows]
    table = Table(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(table_style())
    return table


def _bars(weeks: list[dict[str, Any]]) -> Drawing:
    drawing = Drawing(_WIDTH, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 12 * mm, _WIDTH - 20 * mm, 42 * mm
    chart.data = [
        [w["received"] for w in weeks] or [0],
        [w["finished"] for w in weeks] or [0],
        [w["on_time"] for w in weeks] or [0],
    ]
    chart.categoryAxis.categoryNames = [
        datetime.fromisoformat(w["week"]).strftime("%d/%m") for w in weeks
    ] or [""]
    chart.categoryAxis.labels.fontName = FONT_REGULAR
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.angle = 45 if len(weeks) > 14 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(weeks) > 14 else "n"
    chart.valueAxis.labels.fontName = FONT_REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    palette = (colors.HexColor("#2f6fb5"), colors.HexColor("#8a8a8a"), colors.HexColor("#1b7f3b"))
    for i, color in enumerate(palette):
        chart.bars[i].fillColor = color
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 14 * mm, 60 * mm
    legend.fontName, legend.fontSize = FONT_REGULAR, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = list(zip(palette, ("Tiếp nhận", "Có kết quả", "Đúng hạn"), strict=True))
    drawing.add(legend)
    return drawing


def _line(months: list[dict[str, Any]]) -> Drawing:
    drawing = Drawing(_WIDTH, 50 * mm)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 10 * mm, _WIDTH - 20 * mm, 34 * mm
    chart.data = [
        [m["satisfaction_rate"] if m["satisfaction_rate"] is not None else 0 for m in months] or [0]
    ]
    chart.categoryAxis.categoryNames = [f"{m['month'][5:]}/{m['month'][:4]}" for m in months] or [""]
    chart.categoryAxis.labels.fontName = FONT_REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, 100
    chart.valueAxis.labels.fontName = FONT_REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.lines[0].strokeColor = colors.HexColor("#1b7f3b")
    chart.lines[0].strokeWidth = 1.5
    drawing.add(chart)
    drawing.add(String(12 * mm, 46 * mm, "Tỷ lệ hài lòng theo tháng (%)", fontName=FONT_BOLD, fontSize=8))
    return drawing


def report_bytes(
    report: dict[str, Any], header: FormHeader, *, anchor: str, issued_at: datetime, demo: bool = False
) -> bytes:
    st = styles(10.5)
    frm = datetime.fromisoformat(report["from"])
    to = datetime.fromisoformat(report["to"])
    story: list[Flowable] = [
        HeaderFlowable(header, issued_at.date(), scale=1.25, demo=demo),
        Spacer(1, 5 * mm),
        Paragraph("BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", st.title),
        Paragraph(esc(f"Từ ngày {frm:%d/%m/%Y} đến ngày {to:%d/%m/%Y}"), st.center_italic),
        Spacer(1, 3 * mm),
        Paragraph(
            f"<b>{esc(report['headline'])}</b>; tỷ lệ đúng hạn {esc(_pct(report['on_time_rate']))}.", st.body
        ),
        Spacer(1, 2 * mm),
    ]
    rows = [
        ("Hồ sơ tiếp nhận trong kỳ", _n(report["received"])),
        ("Có kết quả đúng hạn", _n(report["finished_on_time"])),
        ("Có kết quả quá hạn", _n(report["finished_late"])),
        ("Tỷ lệ đúng hạn", _pct(report["on_time_rate"])),
        ("Đang giải quyết", _n(report["open"])),
        ("Đang giải quyết quá hạn", _n(report["open_overdue"])),
        (
            "Từ chối / dừng / rút hồ sơ",
            f"{_n(report['refused'])} / {_n(report['stopped'])} / {_n(report['withdrawn'])}",
        ),
        ("Lượt đánh giá", _n(report["ratings_total"])),
        ("Tỷ lệ hài lòng", _pct(report["satisfaction_rate"])),
        (
            "Hồ sơ đã số hóa mọi thành phần (tỷ lệ số hóa)",
            f"{_n(report.get('digitised'))} ({_pct(report.get('digitisation_rate'))})",
        ),
        (
            "Có kết quả điện tử (tỷ lệ số hóa kết quả)",
            f"{_n(report.get('electronic_results'))} ({_pct(report.get('electronic_result_rate'))})",
        ),
        (
            "Thời gian giải quyết bình quân / theo quy định (giờ)",
            f"{_hours(report.get('avg_processing_hours'))} / {_hours(report.get('avg_allowed_hours'))}"
            f" ({_pct(report.get('processing_time_ratio'))})",
        ),
    ]
    story += [_table(("Chỉ số", "Giá trị"), rows, (_WIDTH * 0.7, _WIDTH * 0.3)), Spacer(1, 2 * mm)]
    story += [Paragraph(esc(f), st.small_italic) for f in report["formulas"].values()]
    story += [
        Spacer(1, 4 * mm),
        Paragraph("<b>Tiếp nhận, có kết quả và đúng hạn theo tuần</b>", st.body),
        _bars(report["by_week"]),
    ]
    if report["by_month"]:
        story += [_line(report["by_month"])]
    from onestop.ratings import SCALES

    names = {lv.key: lv.label for scale in SCALES.values() for lv in scale}
    share = {lv["level"]: lv["share"] for lv in report.get("by_level", [])}
    levels = [(names.get(k, k), _n(v), _pct(share.get(k))) for k, v in report["ratings"].items()]
    story += [
        Spacer(1, 3 * mm),
        Paragraph("<b>Đánh giá theo mức</b>", st.body),
        _table(("Mức", "Số lượt", "Tỷ lệ"), levels, (_WIDTH * 0.6, _WIDTH * 0.2, _WIDTH * 0.2)),
    ]
    if report["reasons"]:
        reasons = [(r["label"], _n(r["count"])) for r in report["reasons"]]
        story += [
            Spacer(1, 2 * mm),
            Paragraph("<b>Lý do không hài lòng</b>", st.body),
            _table(("Lý do", "Số lượt"), reasons, (_WIDTH * 0.7, _WIDTH * 0.3)),
        ]
    widths = (_WIDTH * 0.15, _WIDTH * 0.29, *(_WIDTH * 0.08,) * 7)
    heads = ("Mã", "Tên", "Tiếp nhận", "Đúng hạn", "Quá hạn", "Tỷ lệ", "Đánh giá", "Hài lòng", "Số hóa")

    def breakdown(items: list[dict[str, Any]], key: str, name: str) -> list[list[str]]:
        return [
            [
                str(x[key]),
                str(x.get(name) or ""),
                _n(x["received"]),
                _n(x["finished_on_time"]),
                _n(x["finished_late"]),
                _pct(x["on_time_rate"]),
                _n(x.get("ratings_total")),
                _pct(x.get("satisfaction_rate")),
                _pct(x.get("digitisation_rate")),
            ]
            for x in items
        ]

    story += [
        Spacer(1, 4 * mm),
        Paragraph("<b>Theo thủ tục</b>", st.body),
        _table(heads, breakdown(report["by_procedure"], "procedure_code", "procedure_name"), widths),
    ]
    story += [
        Spacer(1, 4 * mm),
        Paragraph("<b>Theo cán bộ tiếp nhận</b>", st.body),
        _table(heads, breakdown(report["by_clerk"], "user", "name"), widths),
    ]

    if report.get("by_field"):
        story += [
            Spacer(1, 4 * mm),
            Paragraph("<b>Theo lĩnh vực</b>", st.body),
            _table(("Lĩnh vực", "", *heads[2:]), breakdown(report["by_field"], "field", ""), widths),
        ]
    timing_heads = (
        "Đơn vị",
        "Cán bộ",
        "Đúng hạn",
        "Quá hạn",
        "Tỷ lệ",
        "Giờ giải quyết",
        "Giờ quy định",
        "So quy định",
    )
    timing_widths = (_WIDTH * 0.22, _WIDTH * 0.22, *(_WIDTH * 0.08,) * 3, *(_WIDTH * 0.1066,) * 3)

    def timing(items: list[dict[str, Any]], person: bool) -> list[list[str]]:
        return [
            [
                str(x.get("unit") or ""),
                str(x.get("name") or "") if person else "",
                _n(x["finished_on_time"]),
                _n(x["finished_late"]),
                _pct(x["on_time_rate"]),
                _hours(x.get("avg_processing_hours")),
                _hours(x.get("avg_allowed_hours")),
                _pct(x.get("processing_time_ratio")),
            ]
            for x in items
        ]

    if report.get("by_unit"):
        story += [
            Spacer(1, 4 * mm),
            Paragraph("<b>Theo đơn vị ghi nhận kết quả</b>", st.body),
            _table(("Đơn vị", "", *timing_heads[2:]), timing(report["by_unit"], False), timing_widths),
        ]
    if report.get("by_officer"):
        story += [
            Spacer(1, 4 * mm),
            Paragraph("<b>Theo cán bộ xử lý (ghi nhận kết quả)</b>", st.body),
            _table(timing_heads, timing(report["by_officer"], True), timing_widths),
        ]

    if report.get("by_step"):
        story += [
            Spacer(1, 4 * mm),
            Paragraph("<b>Theo bước: đơn vị giữ hồ sơ (giữ lâu nhất trước)</b>", st.body),
            _table(
                ("Đơn vị", "Số bước", "Giờ giữ", "Giờ quy định", "Có quy định", "Quá hạn", "Tỷ lệ"),
                [
                    [
                        str(x["unit"]),
                        _n(x["steps"]),
                        _hours(x["avg_hours_held"]),
                        _n(x["allotted_hours"]) if x["allotted_hours"] else "—",
                        _n(x["judged"]),
                        _n(x["late"]),
                        _pct(x["on_time_rate"]),
                    ]
                    for x in report["by_step"]
                ],
                (_WIDTH * 0.34, *(_WIDTH * 0.11,) * 6),
            ),
        ]

    def footer(canvas: Canvas, doc: Any) -> None:
        canvas.setFont(FONT_REGULAR, 7.5)
        canvas.drawString(_MARGINS.left, 8 * mm, f"Mã neo chuỗi lịch sử: {anchor}")
        canvas.drawRightString(A4[0] - _MARGINS.right, 8 * mm, f"Trang {doc.page}")

    buf = io.BytesIO()
    build_pdf(
        buf,
        story,
        title=f"Báo cáo {frm:%d/%m/%Y} - {to:%d/%m/%Y}",
        author=header.unit_name,
        pagesize=A4,
        margins=_MARGINS,
        on_first_page=footer,
        on_later_pages=footer,
        demo=demo,
    )
    return buf.getvalue()
