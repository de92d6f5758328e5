"""Mẫu 02-07 and the shared pieces (QR payload, render_form), read back as a reader would.

Every paper: ``pdfinfo`` (size, pages, title), ``pdffonts`` (embedded Liberation Serif only),
``pdftotext`` (title, key fields, Vietnamese letters intact and NFC), ``zbarimg`` on a 300 dpi
rendering (the Code 128 is the dossier code; the QR, in the upper left corner, carries the fields of
TT 01/2023 in the encoding of docs/qr.md).
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from forms_samples import (
    ANCHOR,
    APPLICANT,
    CODE,
    DUE,
    ORGANISATION,
    PROCEDURE,
    PROCEDURE_CODE,
    SAMPLES,
    TZ,
    apology,
    control,
    guidance,
    refusal,
    register,
    register_rows,
    stop,
)
from pdf_tools import (
    assert_liberation_serif_only,
    assert_nothing_overlaps,
    code128,
    flat,
    needs_poppler,
    needs_zbar,
    page_size,
    page_text,
    pdf_pages,
    qr_in_upper_left,
    render_png,
    run,
    word_boxes,
)

from onestop.forms import FORM_TITLES, render_form
from onestop.forms.model import GuidanceItem, Handover
from onestop.forms.qr import QrInfo, make_qr_info, paper_name, parse_qr_payload, qr_payload

A5 = (419.53, 595.28)
A4_LANDSCAPE = (841.89, 595.28)
A5_KINDS = ("02", "03", "04", "05", "06")


def write(tmp_path: Path, kind: str, data: Any, name: str = "") -> Path:
    out = tmp_path / (name or f"mau-{kind}.pdf")
    out.write_bytes(render_form(kind, data))
    return out


def text_of(pdf: Path) -> str:
    text = page_text(pdf)
    assert unicodedata.is_normalized("NFC", text)
    return flat(text)


# ------------------------------------------------------------------------------------------ titles


def test_form_titles_cover_the_seven_forms() -> None:
    assert list(FORM_TITLES) == ["01", "02", "03", "04", "05", "06", "07"]
    assert FORM_TITLES["02"] == "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
    assert FORM_TITLES["07"] == "SỔ THEO DÕI HỒ SƠ"
    assert paper_name("04") == "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"


def test_render_form_checks_kind_and_data() -> None:
    with pytest.raises(ValueError, match="unknown form"):
        render_form("08", guidance())
    with pytest.raises(TypeError, match="GuidanceData"):
        render_form("02", refusal())
    assert render_form("02", guidance()).startswith(b"%PDF-")


def test_importing_the_forms_package_does_not_load_reportlab() -> None:
    """The services import onestop.forms.model; they must not pay for reportlab at start."""
    code = "import sys, onestop.forms, onestop.forms.model; print('reportlab' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"


# ------------------------------------------------------------------------------------- QR payload


def test_qr_payload_round_trips_and_is_documented_text() -> None:
    info = make_qr_info(
        "01",
        issued_at=datetime(2026, 2, 25, 10, 0, tzinfo=TZ),
        code=CODE,
        procedure_code=PROCEDURE_CODE,
        identification="048190001234",
        appointment=DUE,
    )
    text = qr_payload(info)
    assert text.splitlines() == [
        "v=1",
        "mau=01",
        "gt=Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        f"hs={CODE}",
        f"tthc={PROCEDURE_CODE}",
        "dd=048190001234",
        "ht=onestop",
        "tg=2026-02-25T10:00+07:00",
        "hen=2026-02-27T16:30+07:00",
    ]
    assert parse_qr_payload(text) == info
    assert len(text.encode("utf-8")) < 230  # fits a version-10 code at level M


def test_qr_payload_leaves_out_empty_fields_and_marks_demo() -> None:
    info = make_qr_info(
        "02", issued_at=datetime(2026, 2, 25, 10, 0, tzinfo=TZ), system_name="Một cửa", demo=True
    )
    text = qr_payload(info)
    assert "hs=" not in text and "hen=" not in text and "dd=" not in text
    assert text.endswith("\ndemo=1")
    assert "ht=Một cửa" in text
    assert parse_qr_payload(text) == info


def test_qr_values_stay_on_one_line() -> None:
    info = QrInfo(
        form="07",
        paper_name="Sổ theo dõi hồ sơ",
        system_name="onestop\nhs=FAKE",  # a setting with a line break cannot forge a field
        issued_at=datetime(2026, 12, 31, 17, 0, tzinfo=TZ),
    )
    parsed = parse_qr_payload(qr_payload(info))
    assert parsed.code == "" and parsed.system_name == "onestop hs=FAKE"


def test_parse_qr_payload_refuses_what_it_cannot_read() -> None:
    with pytest.raises(ValueError, match="version"):
        parse_qr_payload(CODE)  # the old QR: the bare code
    with pytest.raises(ValueError, match="without"):
        parse_qr_payload("v=1\nmau=01")
    with pytest.raises(ValueError, match="repeated"):
        parse_qr_payload("v=1\nmau=01\nmau=02")
    # Unknown keys from a later, compatible version are ignored; CRLF line ends are accepted.
    info = parse_qr_payload("v=1\r\nmau=03\r\ngt=X\r\nht=Y\r\ntg=2026-02-25T10:00+07:00\r\nmoi=1\r\n")
    assert info.form == "03" and info.issued_at == datetime(2026, 2, 25, 10, 0, tzinfo=TZ)


# ----------------------------------------------------------------------------- the A5 papers 02-06

EXPECTED: dict[str, tuple[str, ...]] = {
    "02": (
        "Hồ sơ của: Nguyễn Thị Thủy",
        "Số định danh cá nhân: 048190001234",
        f"Nội dung yêu cầu giải quyết: {PROCEDURE}",
        "Trung tâm Phục vụ hành chính công phường Liên Chiểu đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ",
        "Giấy chứng sinh",
        "Chưa nộp; bản chính do cơ sở y tế nơi trẻ sinh ra cấp.",
        "Tờ khai đăng ký khai sinh",
        "Hoàn thiện",
        "Bổ sung",
        "Văn bản ủy quyền",
        "liên hệ Đặng Văn Đức, số điện thoại 0236 3 842 555 để được hướng dẫn./.",
        "NGƯỜI HƯỚNG DẪN",
    ),
    "03": (
        "Trung tâm Phục vụ hành chính công phường Liên Chiểu tiếp nhận hồ sơ của: Nguyễn Thị Thủy",
        "Nội dung yêu cầu giải quyết: Cấp bản sao có chứng thực từ bản chính giấy tờ, văn bản",
        "thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
        "Bản chính giấy tờ bị tẩy xóa, sửa chữa nội dung",
        "Xin thông báo cho Ông/Bà được biết và thực hiện./.",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    ),
    "04": (
        f"Mã hồ sơ: {CODE}",
        "Kính gửi: Nguyễn Thị Thủy",
        "Vào 10 giờ 00 phút, ngày 25 tháng 02 năm 2026",
        "theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả là: 16 giờ 30 phút, ngày 27 tháng 02 năm 2026",
        "chưa giải quyết xong hồ sơ của Ông/Bà",
        "Lý do: Cần xác minh thông tin về nơi sinh của trẻ với Ủy ban nhân dân xã Hòa Bắc.",
        "trân trọng xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ",
        "thời gian trả kết quả mới là: 16 giờ 30 phút, ngày 04 tháng 3 năm 2026",
        "Xin trân trọng cảm ơn./.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Lê Thị Hồng Nhung",
        "Nơi nhận:",
        "Liên Chiểu, ngày 26 tháng 02 năm 2026",
    ),
    "05": (
        f"Mã hồ sơ: {CODE}",
        "Kính gửi: Nguyễn Thị Thủy",
        "thông báo dừng giải quyết hồ sơ nêu trên.",
        "Lý do: Người yêu cầu có đơn đề nghị dừng giải quyết hồ sơ ngày 26 tháng 02 năm 2026.",
        "Hồ sơ đã nộp được trả lại tại Bộ phận Một cửa",
        "Xin thông báo để Ông/Bà được biết./.",
        "GIÁM ĐỐC",
        "Trần Quốc Bảo",
    ),
    "06": (
        f"Mã hồ sơ: {CODE}",
        "Kèm theo hồ sơ của: Nguyễn Thị Thủy",
        "Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 25 tháng 02 năm 2026",
        "Thời gian hẹn trả kết quả: 16 giờ 30 phút, ngày 27 tháng 02 năm 2026",
        "Cơ quan (bộ phận) giải quyết hồ sơ: Phòng Văn hóa - Xã hội phường Liên Chiểu",
        "Cơ quan phối hợp giải quyết hồ sơ: .....",
        "TÊN CƠ QUAN",
        "THỜI GIAN GIAO, NHẬN HỒ SƠ",
        "GHI CHÚ",
        "14 giờ 10 phút, ngày 25/02/2026",
        "Đúng hạn",
        "Trước hạn",
        "Quá hạn",
        "Chờ xác minh",
    ),
}


@needs_poppler
@pytest.mark.parametrize("kind", A5_KINDS)
def test_a5_paper_reads_back(tmp_path: Path, kind: str) -> None:
    pdf = write(tmp_path, kind, SAMPLES[kind]())
    w, h = page_size(pdf)
    assert abs(w - A5[0]) <= 1 and abs(h - A5[1]) <= 1, (w, h)
    assert pdf_pages(pdf) == 1
    assert_liberation_serif_only(pdf)
    info = run("pdfinfo", pdf)
    assert paper_name(kind) in info  # the PDF's title
    text = text_of(pdf)
    for expected in (
        FORM_TITLES[kind],
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"Mẫu số {kind} - Thông tư 03/2025/TT-VPCP",
        *EXPECTED[kind],
    ):
        assert expected in text, expected
    raw = flat(page_text(pdf, mode="-raw"))
    assert "UBND PHƯỜNG LIÊN CHIỂU TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" in raw
    assert "DỮ LIỆU MẪU" not in text
    assert_nothing_overlaps(pdf, min_words=60)


@needs_poppler
@needs_zbar
@pytest.mark.parametrize("kind", A5_KINDS)
def test_a5_paper_codes_decode(tmp_path: Path, kind: str) -> None:
    data = SAMPLES[kind]()
    if kind in ("02", "03"):
        data = dataclasses.replace(data, code=CODE)  # issued for a dossier: barcode and code in the QR
    pdf = write(tmp_path, kind, data)
    (png,) = render_png(pdf, tmp_path / "page")
    assert code128(png) == [CODE]
    info = parse_qr_payload(qr_in_upper_left(png, tmp_path))
    assert info.form == kind and info.paper_name == paper_name(kind)
    assert info.code == CODE and info.procedure_code == PROCEDURE_CODE
    assert info.identification == APPLICANT.id_number
    assert info.system_name == "onestop"
    assert info.issued_at == data.issued_at
    expected_appointment = {"04": data.new_due_at if kind == "04" else None, "06": DUE}.get(kind)
    assert info.appointment == expected_appointment
    assert not info.demo


@needs_poppler
@needs_zbar
def test_guidance_at_the_counter_has_no_code(tmp_path: Path) -> None:
    pdf = write(tmp_path, "02", guidance())
    text = text_of(pdf)
    assert "Mã hồ sơ" not in text
    (png,) = render_png(pdf, tmp_path / "page")
    assert code128(png) == []
    info = parse_qr_payload(qr_in_upper_left(png, tmp_path))
    assert info.code == "" and info.form == "02" and info.identification == APPLICANT.id_number


@needs_poppler
def test_guidance_lists_every_item_with_its_reason_and_a_note(tmp_path: Path) -> None:
    items = tuple(
        GuidanceItem(
            f"Giấy tờ thứ {i}: bản sao Giấy khai sinh của Trần Ngọc Ánh",
            f"Lý do số {i}: bản mờ, không đọc được",
        )
        for i in range(1, 13)
    )
    note = "Thời hạn giải quyết tạm dừng từ ngày nhận phiếu này đến khi Ông/Bà nộp đủ hồ sơ bổ sung."
    pdf = write(tmp_path, "02", guidance(items=items, code=CODE, note=note, contact_phone="0905 000 111"))
    raw = flat(page_text(pdf, mode="-raw"))
    for item in items:
        assert raw.count(item.document) == 1 and raw.count(item.reason) == 1, item
    whole = text_of(pdf)
    assert note in whole
    assert "số điện thoại 0905 000 111" in whole
    # A long list flows onto a second page: its heading repeated, the code in the running line.
    assert pdf_pages(pdf) == 2
    second = flat(page_text(pdf, 2))
    assert "Lý do" in second and CODE in second and "NGƯỜI HƯỚNG DẪN" in second


def test_guidance_refuses_an_empty_list_or_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="at least one"):
        render_form("02", guidance(items=()))
    with pytest.raises(ValueError, match="kind"):
        render_form("02", guidance(items=(GuidanceItem("Tờ khai", "Sai", "lost"),)))


def test_letters_need_their_reason() -> None:
    with pytest.raises(ValueError, match="reason"):
        render_form("03", refusal(reason="  "))
    with pytest.raises(ValueError, match="reason"):
        render_form("04", apology(reason=""))
    with pytest.raises(ValueError, match="reason"):
        render_form("05", stop(reason="\n"))
    with pytest.raises(ValueError, match="after the original"):
        render_form("04", apology(new_due_at=DUE))


@needs_poppler
@needs_zbar
def test_organisation_is_addressed_as_such_with_its_tax_code(tmp_path: Path) -> None:
    pdf = write(tmp_path, "03", refusal(applicant=ORGANISATION, code=CODE))
    text = text_of(pdf)
    assert "Mã số thuế: 0401234567-001" in text and "Số định danh cá nhân" not in text
    assert "Xin thông báo cho Quý cơ quan, tổ chức được biết" in text
    (png,) = render_png(pdf, tmp_path / "page")
    assert parse_qr_payload(qr_in_upper_left(png, tmp_path)).identification == "0401234567-001"
    text = text_of(write(tmp_path, "04", apology(applicant=ORGANISATION), "org-04.pdf"))
    assert "Kính gửi: Hợp tác xã Nông nghiệp số 2" in text
    assert "xin lỗi Quý cơ quan, tổ chức" in text


@needs_poppler
def test_control_sheet_flows_over_pages_with_its_heading(tmp_path: Path) -> None:
    handovers = tuple(
        Handover(
            f"Đơn vị giao {i}",
            f"Đơn vị nhận {i}",
            datetime(2026, 3, 1 + i, 8, i, tzinfo=TZ),
            "Người A",
            "Người B",
            "on_time",
        )
        for i in range(1, 11)
    )
    pdf = write(tmp_path, "06", control(handovers=handovers, blank_rows=2))
    pages = pdf_pages(pdf)
    assert pages >= 2
    raw = flat(page_text(pdf, mode="-raw"))
    for h in handovers:
        assert raw.count(h.from_unit + " ") >= 1 and h.to_unit in raw
    for page in range(2, pages + 1):
        later = flat(page_text(pdf, page))
        assert "TÊN CƠ QUAN" in later and CODE in later and f"Trang {page}" in later
    assert flat(page_text(pdf, pages)).count("Người giao") >= 2  # the blank entries at the end
    assert_nothing_overlaps(pdf, min_words=60)


def test_control_sheet_refuses_an_unknown_result() -> None:
    bad = (Handover("A", "B", datetime(2026, 3, 2, 8, 0, tzinfo=TZ), result="soon"),)
    with pytest.raises(ValueError, match="result"):
        render_form("06", control(handovers=bad))


@needs_poppler
def test_decomposed_input_prints_composed(tmp_path: Path) -> None:
    def nfd(value: str) -> str:
        return unicodedata.normalize("NFD", value)

    applicant = dataclasses.replace(APPLICANT, name=nfd(APPLICANT.name), address=nfd(APPLICANT.address))
    data = apology(
        applicant=applicant,
        reason=nfd("Cần xác minh thông tin về nơi sinh"),
        unit_name=nfd("Ủy ban nhân dân phường Hải Vân"),
    )
    text = page_text(write(tmp_path, "04", data))
    assert not any(unicodedata.combining(ch) for ch in text)
    assert "Kính gửi: Nguyễn Thị Thủy" in flat(text)
    assert "Ủy ban nhân dân phường Hải Vân" in flat(text)


@needs_poppler
@needs_zbar
@pytest.mark.parametrize("kind", A5_KINDS)
def test_demo_papers_are_marked(tmp_path: Path, kind: str) -> None:
    pdf = write(tmp_path, kind, SAMPLES[kind](demo=True, code=CODE))
    assert "[DỮ LIỆU MẪU]" in run("pdfinfo", pdf)
    raw = page_text(pdf, mode="-raw")
    assert "DỮ LIỆU MẪU" in raw and "".join(raw.split()).count("DỮLIỆUMẪU") >= 2  # mark and watermark
    (png,) = render_png(pdf, tmp_path / "page")
    assert parse_qr_payload(qr_in_upper_left(png, tmp_path)).demo
    assert code128(png) == [CODE]


# ------------------------------------------------------------------------------- Mẫu 07, register


@needs_poppler
@needs_zbar
def test_register_reads_back(tmp_path: Path) -> None:
    data = register(40)
    pdf = write(tmp_path, "07", data)
    w, h = page_size(pdf)
    assert abs(w - A4_LANDSCAPE[0]) <= 1 and abs(h - A4_LANDSCAPE[1]) <= 1, (w, h)
    assert_liberation_serif_only(pdf)
    pages = pdf_pages(pdf)
    assert 2 <= pages <= 6
    first = text_of_page(pdf, 1)
    for expected in (
        "SỔ THEO DÕI HỒ SƠ",
        "Quyển số: 2026 - Từ ngày 01/01/2026 đến ngày 31/12/2026",
        "Mẫu số 07 - Thông tư 03/2025/TT-VPCP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Liên Chiểu, ngày 31 tháng 12 năm 2026",
    ):
        assert expected in first, expected
    raw = flat(page_text(pdf, mode="-raw"))
    for heading in (
        "TT",
        "Mã hồ sơ",
        "Tên TTHC",
        "Số lượng hồ sơ (bộ)",
        "Tên cá nhân, tổ chức",
        "Địa chỉ, số điện thoại",
        "Cơ quan chủ trì giải quyết",
        "Ngày, tháng, năm",
        "Nhận hồ sơ",
        "Hẹn trả kết quả",
        "Chuyển hồ sơ đến cơ quan giải quyết",
        "Nhận kết quả từ cơ quan giải quyết",
        "Trả kết quả",
        "Ghi chú",
    ):
        assert raw.count(heading) >= pages, heading  # on every page
    for row in register_rows(40):
        assert raw.count(row.code) == 1, row.code
    assert "Cấp bản sao có chứng thực từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp" in raw
    assert "Hợp tác xã Nông nghiệp số 2" in raw and "0905 123 456" in raw
    for page in range(1, pages + 1):
        text = text_of_page(pdf, page)
        assert f"Mã neo chuỗi lịch sử: {ANCHOR}" in text
        assert f"Trang {page}/{pages}" in text
    # The QR code in the upper left corner of every page: no code, no id, but the anchor.
    for png in render_png(pdf, tmp_path / "page", first=1, last=2):
        info = parse_qr_payload(qr_in_upper_left(png, tmp_path))
        assert info.form == "07" and info.paper_name == "Sổ theo dõi hồ sơ"
        assert info.anchor == ANCHOR and info.code == "" and info.identification == ""
        assert info.issued_at == data.issued_at


def text_of_page(pdf: Path, page: int) -> str:
    return flat(page_text(pdf, page))


@needs_poppler
def test_register_keeps_long_words_inside_their_columns(tmp_path: Path) -> None:
    long_code = "000.A0.01.H26-210212-9090-EXTRA-LONG-CODE"
    rows = (
        dataclasses.replace(row, code=long_code, applicant_name="Công ty TNHH Thương mại Dịch vụ " * 3)
        for row in register_rows(3)
    )
    pdf = write(tmp_path, "07", register(rows=rows))
    right_edge = A4_LANDSCAPE[0] - 10 * 72 / 25.4
    assert max(box[3] for box in word_boxes(pdf)) <= right_edge + 0.5
    assert_nothing_overlaps(pdf, min_words=60)


@needs_poppler
def test_empty_register_is_one_page_with_its_heading(tmp_path: Path) -> None:
    pdf = write(tmp_path, "07", register(rows=iter(())))
    assert pdf_pages(pdf) == 1
    text = text_of_page(pdf, 1)
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Trang 1/1" in text and "Tên TTHC" in text


@needs_poppler
def test_demo_register_is_marked(tmp_path: Path) -> None:
    pdf = write(tmp_path, "07", register(30, demo=True))
    assert "[DỮ LIỆU MẪU]" in run("pdfinfo", pdf)
    for page in range(1, pdf_pages(pdf) + 1):
        assert "DỮ LIỆU MẪU" in page_text(pdf, page, mode="-raw")


_BIG_REGISTER = """
import gc, resource, sys, weakref
sys.path.insert(0, sys.argv[2])
import forms_samples as s
from onestop.forms.register import render_register

alive = []
def rows(n):
    for row in s.register_rows(n):
        alive.append(weakref.ref(row))
        yield row

render_register(s.register(rows=rows(100)), sys.argv[1] + ".small.pdf")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
alive.clear()
render_register(s.register(rows=rows(5000)), sys.argv[1])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
gc.collect()
print(len(alive), sum(r() is not None for r in alive), (after - before) // 1024)
"""


@needs_poppler
def test_register_of_5000_rows_streams_in_flat_memory(tmp_path: Path) -> None:
    """5,000 rows from a generator: sensible page count, heading on every page, rows never held."""
    pdf = tmp_path / "big.pdf"
    done = subprocess.run(
        [sys.executable, "-c", _BIG_REGISTER, str(pdf), str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    produced, still_alive, grown_mb = (int(v) for v in done.stdout.split())
    assert produced == 5000
    assert still_alive == 0  # every row was let go once drawn
    # The finished pages, compressed, are all that accumulates (~2 MB here): memory stays flat.
    assert grown_mb < 40, f"{grown_mb} MB more for 5,000 rows"
    pages = pdf_pages(pdf)
    assert 5000 / 40 <= pages <= 5000 / 8, pages  # 8 to 40 rows a page
    for page in (1, pages // 2, pages):
        text = text_of_page(pdf, page)
        assert "Tên TTHC" in text and "Cơ quan chủ trì giải quyết" in flat(page_text(pdf, page, mode="-raw"))
        assert f"Trang {page}/{pages}" in text and f"Mã neo chuỗi lịch sử: {ANCHOR}" in text
    last = flat(page_text(pdf, pages, mode="-raw"))
    assert "5000 H17.50.05.13-" in last
