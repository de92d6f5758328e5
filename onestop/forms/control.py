"""Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ (TT 03/2025/TT-VPCP), on A5 portrait.

The sheet travels with the dossier: one entry per handover, from the history of transitions (never
edited). Layout after the TT 01/2018 form used by production systems: "Kèm theo hồ sơ của", the code,
the receipt and due times, the competent and cooperating units, then the table

    TÊN CƠ QUAN | THỜI GIAN GIAO, NHẬN HỒ SƠ        | KẾT QUẢ GIẢI QUYẾT HỒ SƠ | GHI CHÚ
                |                                  | (Trước hạn/đúng hạn/     |
                |                                  |  quá hạn)                |
    1. Giao: …  | … giờ … phút, ngày … tháng … năm | Đúng hạn                 | …
    2. Nhận: …  | Người giao       | Người nhận    |                          |

with room to sign in the "Người giao" / "Người nhận" cells. ``blank_rows`` adds empty entries to
fill in by hand.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from onestop.forms.model import FORM_TITLES, HANDOVER_RESULTS, ControlSheetData, Handover
from onestop.forms.paper import (
    A5_WIDTH,
    data_top,
    field,
    paper_bytes,
    render_data,
)
from onestop.forms.pdf import Styles, esc, keep_together, para, styles, table_style, vn_datetime, vn_time

__all__ = ["TITLE", "control_bytes", "render_control"]

TITLE = FORM_TITLES["06"]
_WIDTHS = (28 * mm, 25 * mm, 25 * mm, 21 * mm)  # the last column (GHI CHÚ) takes the rest
_BLANK_TIME = "…… giờ …… phút, ngày …/…/……"
_SIGN_SPACE = 7 * mm
_TABLE_SIZE = 8.5  # the table's text: five columns on A5


def _when(at: datetime) -> str:
    # One line in the time cell: "14 giờ 10 phút, ngày 25/02/2026".
    return f"{vn_time(at)}, ngày {at.day:02d}/{at.month:02d}/{at.year}"


def _person(role: str, name: str, st: Styles) -> list[Flowable]:
    return [
        para(role, st.table_cell_center),
        Spacer(1, _SIGN_SPACE),
        para(f"<b>{esc(name)}</b>", st.table_cell_center),
    ]


def _entry(h: Handover | None, st: Styles) -> list[list[Flowable | str]]:
    """The two table rows of one handover (None: an empty entry to fill in by hand)."""
    if h is None:
        units = para("1. Giao: ……………<br/>2. Nhận: ……………", st.table_cell)
        return [
            [units, para(_BLANK_TIME, st.table_cell_center), "", "", ""],
            ["", _person("Người giao", "", st), _person("Người nhận", "", st), "", ""],
        ]
    if h.result and h.result not in HANDOVER_RESULTS:
        raise ValueError(f"Handover.result: {h.result!r} is not early, on_time or late")
    units = para(f"<b>1. Giao:</b> {esc(h.from_unit)}<br/><b>2. Nhận:</b> {esc(h.to_unit)}", st.table_cell)
    return [
        [
            units,
            para(_when(h.at), st.table_cell_center),
            "",
            para(HANDOVER_RESULTS.get(h.result, ""), st.table_cell_center),
            para(esc(h.note), st.table_cell),
        ],
        ["", _person("Người giao", h.from_person, st), _person("Người nhận", h.to_person, st), "", ""],
    ]


def _table(data: ControlSheetData, width: float) -> Table:
    st = styles(_TABLE_SIZE)
    head = [
        para("TÊN CƠ QUAN", st.table_head),
        para("THỜI GIAN GIAO, NHẬN HỒ SƠ", st.table_head),
        "",
        para("KẾT QUẢ GIẢI QUYẾT HỒ SƠ<br/>(Trước hạn/ đúng hạn/ quá hạn)", st.table_head),
        para("GHI CHÚ", st.table_head),
    ]
    rows: list[list[Flowable | str]] = [head]
    spans: list[tuple[str, tuple[int, int], tuple[int, int]]] = [("SPAN", (1, 0), (2, 0))]
    entries: list[Handover | None] = [*data.handovers, *([None] * max(0, data.blank_rows))]
    if not entries:
        entries = [None]  # a sheet always has room for the first handover
    for entry in entries:
        top = len(rows)
        rows += _entry(entry, st)
        spans += [
            ("SPAN", (0, top), (0, top + 1)),  # the units
            ("SPAN", (1, top), (2, top)),  # the time over both people
            ("SPAN", (3, top), (3, top + 1)),  # the result
            ("SPAN", (4, top), (4, top + 1)),  # the note
        ]
    widths = [*_WIDTHS, width - sum(_WIDTHS)]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            *spans,
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            grid=0.5,
        )
    )
    return table


def _story(data: ControlSheetData, width: float) -> list[Flowable]:
    st = styles()
    story = data_top(data, "06", appointment=data.due_at)
    story += [
        para(f"Kèm theo hồ sơ của: <b>{keep_together(data.applicant.name)}</b>", st.body),
        para(f"Nội dung yêu cầu giải quyết: <b>{esc(data.procedure_name)}</b>", st.body_justify),
        para(f"Thời gian nhận hồ sơ: {vn_datetime(data.received_at)}", st.body),
        para(f"Thời gian hẹn trả kết quả: <b>{vn_datetime(data.due_at)}</b>", st.body),
        para(field("Cơ quan (bộ phận) giải quyết hồ sơ", data.competent_unit, width, st), st.body),
        para(field("Cơ quan phối hợp giải quyết hồ sơ", data.cooperating_units, width, st), st.body),
        Spacer(1, 1.5 * mm),
        _table(data, width),
    ]
    return story


def render_control(data: ControlSheetData, out: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write Mẫu 06 of ``data`` as an A5 PDF to a path or a binary stream."""
    render_data(out, data, "06", _story(data, A5_WIDTH))


def control_bytes(data: ControlSheetData) -> bytes:
    """Mẫu 06 of ``data`` as PDF bytes."""
    return paper_bytes(render_control, data)
