"""Forms 02-06 built from a dossier's history and read back (pdftotext), the guidance at the counter
that uses no code, and the command line's ``act`` and ``form``."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest
from cli_helpers import copy_db, ok, receive, run, usage_error
from helpers import actor, vn

from onestop.clock import FixedClock
from onestop.errors import ValidationError
from onestop.forms import render_form
from onestop.services import Applicant, Onestop, ReceiveRequest


def _text(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "419.528 x 595.276 pts" in info, info  # A5 portrait
    return " ".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )


def test_each_paper_tells_the_step_it_records(agency: Onestop, clock: FixedClock, tmp_path: Path) -> None:
    clerk, officer, head = actor(agency, "tiepnhan1"), actor(agency, "xuly1"), actor(agency, "lanhdao")
    clock.at = vn(2026, 11, 23, 9, 0)
    code = agency.intake.receive(
        ReceiveRequest("1.004873", Applicant("Đặng Văn Đức", "048090001234", "0905123456")), actor=clerk
    ).code
    agency.lifecycle.transfer(code, actor=clerk)
    clock.at = vn(2026, 11, 25, 10, 0)
    agency.lifecycle.supplement(
        code,
        items=[("Giấy khai sinh", "Bản sao chưa chứng thực"), ("Sổ hộ khẩu", "Thiếu trang 3")],
        actor=officer,
    )
    with pytest.raises(ValidationError, match="không bị từ chối"):
        agency.papers.form(code, "03", actor=clerk)
    text02 = _text(render_form("02", agency.papers.form(code, "02", actor=clerk)), tmp_path, "02")
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text02
    for words in (
        "Giấy khai sinh",
        "Bản sao chưa chứng thực",
        "Sổ hộ khẩu",
        "Thiếu trang 3",
        "Đặng Văn Đức",
        code,
    ):
        assert words in text02, words
    clock.at = vn(2026, 11, 26, 9, 0)
    agency.lifecycle.resume(code, actor=clerk)
    agency.lifecycle.extend(
        code, due=vn(2026, 12, 4, 17, 0), reason="Cần xác minh tại địa phương", actor=head
    )
    text04 = _text(render_form("04", agency.papers.form(code, "04", actor=clerk)), tmp_path, "04")
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text04
    assert "Cần xác minh tại địa phương" in text04 and "ngày 04 tháng 12 năm 2026" in text04
    clock.at = vn(2026, 11, 27, 9, 0)
    agency.lifecycle.stop(code, reason="Người nộp có đơn đề nghị dừng", actor=officer)
    text05 = _text(render_form("05", agency.papers.form(code, "05", actor=clerk)), tmp_path, "05")
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text05 and "Người nộp có đơn đề nghị dừng" in text05
    text06 = _text(render_form("06", agency.papers.form(code, "06", actor=clerk)), tmp_path, "06")
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text06
    assert "Công chức Tư pháp - Hộ tịch" in text06 and "Nguyễn Thị Thu Hà" in text06

    other = agency.intake.receive(ReceiveRequest("1.004873", Applicant("Lê Văn An")), actor=clerk).code
    agency.lifecycle.refuse(other, reason="Không thuộc thẩm quyền của phường", actor=officer)
    text03 = _text(render_form("03", agency.papers.form(other, "03", actor=clerk)), tmp_path, "03")
    assert (
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text03 and "Không thuộc thẩm quyền của phường" in text03
    )
    assert "NGƯỜI XỬ LÝ HỒ SƠ" in text03


def test_the_control_sheet_judges_each_step_against_its_units_allotted_time(
    agency: Onestop, clock: FixedClock
) -> None:
    """The counter may take 4 working hours, Tư pháp 8. A step done on its deadline's day, before the
    deadline, is on time; after it, late; on an earlier day, early. The counter hands over after 1 h
    (deadline 13:00 the same day: on time); Tư pháp's deadline is Wed 10:00 (24/11 off), it hands
    back Wed 16:00 (late); the counter's deadline is Thu 10:30 and it returns Thu 08:00 (on time)."""
    clerk, officer, admin = actor(agency, "tiepnhan1"), actor(agency, "xuly1"), actor(agency, "admin")
    agency.catalog.set_unit_time("TTPVHCC", 4, actor=admin)
    agency.catalog.set_unit_time("TPHT", 8, actor=admin)
    clock.at = vn(2026, 11, 23, 9, 0)
    code = agency.intake.receive(ReceiveRequest("1.004873", Applicant("Lê Văn An")), actor=clerk).code
    clock.at = vn(2026, 11, 23, 10, 0)
    agency.lifecycle.transfer(code, to_unit="TPHT", actor=clerk)
    clock.at = vn(2026, 11, 25, 16, 0)  # 24/11 is a holiday: 8 h of Tư pháp's time ended Wed 10:00
    agency.lifecycle.result(code, actor=officer)
    clock.at = vn(2026, 11, 26, 8, 0)
    agency.lifecycle.return_result(code, actor=clerk)
    sheet = agency.papers.form(code, "06", actor=clerk)
    assert [(h.from_person, h.to_unit, h.result) for h in sheet.handovers] == [
        ("Nguyễn Thị Thu Hà", "Công chức Tư pháp - Hộ tịch", "on_time"),
        ("Lê Thị Hồng Nhung", "Trung tâm Phục vụ hành chính công phường Liên Chiểu", "late"),
        ("Nguyễn Thị Thu Hà", "Người nộp hồ sơ", "on_time"),
    ]
    assert agency.integrity.verify().ok


def test_guidance_at_the_counter_uses_no_code_and_writes_nothing(
    agency: Onestop, db_path: Path, tmp_path: Path
) -> None:
    def digest() -> str:
        with closing(sqlite3.connect(db_path)) as conn:
            return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()

    before = digest()
    data = agency.papers.guidance_at_counter(
        "1.001193",
        Applicant("Phạm Thị Lan"),
        [("Giấy chứng sinh", "Chưa mang theo"), ("Căn cước của cha", "Hết hạn")],
        actor=actor(agency, "tiepnhan1"),
    )
    text = _text(render_form("02", data), tmp_path, "quay")
    assert "Giấy chứng sinh" in text and "Hết hạn" in text and "Phạm Thị Lan" in text
    assert "Mã hồ sơ" not in text
    assert digest() == before


# --------------------------------------------------------------------------- the command line


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("papers") / "demo.db"
    ok(run(path, "demo", "--dossiers", "0"))
    return path


def test_act_and_form_on_the_command_line(template: Path, tmp_path: Path) -> None:
    db = copy_db(template, tmp_path / "onestop.db")
    code = receive(db, "Nguyễn Thị Thủy", procedure="1.004873")["code"]
    officer = {"ONESTOP_USER": "xuly1", "ONESTOP_PASSWORD": "demo"}
    usage_error(run(db, "act", code, "result", env=officer), "không thể báo có kết quả")
    usage_error(run(db, "act", code, "fly"), "bước xử lý")
    usage_error(run(db, "act", code, "extend", "--note", "x"), "--due")
    ok(run(db, "act", code, "transfer", "--to", "tu phap"))
    usage_error(run(db, "act", code, "result"), "không có quyền báo có kết quả")  # a clerk
    usage_error(run(db, "act", code, "refuse", env=officer), "lý do")
    ok(run(db, "act", code, "supplement", "--note", "Thiếu giấy khai sinh", env=officer))
    ok(run(db, "act", code, "resume"))
    ok(run(db, "act", code, "result", env=officer))
    shown = ok(run(db, "act", code, "return", "--json")).json()
    assert shown["status"] == "returned"
    assert [e["action"] for e in shown["events"]] == [
        "receive",
        "transfer",
        "supplement",
        "resume",
        "result",
        "return",
    ]
    for kind in ("01", "02", "06"):
        ok(run(db, "form", code, kind, "-o", str(tmp_path / f"{kind}.pdf")))
        assert (tmp_path / f"{kind}.pdf").read_bytes().startswith(b"%PDF")
    usage_error(run(db, "form", code, "04", "-o", str(tmp_path / "04.pdf")), "chưa được hẹn lại")
    usage_error(run(db, "form", code, "09", "-o", str(tmp_path / "09.pdf")), "loại biểu mẫu")
    assert not (tmp_path / "04.pdf").exists()
    assert ok(run(db, "verify")).out.strip() == "ok"
