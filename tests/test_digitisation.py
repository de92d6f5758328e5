"""Digitisation at the services: files become one PDF per component (read back with poppler), the
type is judged by the content, the size limit holds, every stored file is under ``verify``, earlier
scans of the same applicant are offered for reuse while valid, results are returned electronically,
and the report counts it all."""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers import actor, viewer, vn
from scan_samples import (
    needs_pdfimages,
    noise_png,
    page_png,
    pdf_images,
    pdf_info,
    pdf_page_sizes,
    photo_jpeg,
    text_pdf,
    tiff_pages,
    write,
)

from onestop.clock import FixedClock
from onestop.errors import NotFoundError, ValidationError
from onestop.pages import Source
from onestop.services import Applicant, DocumentSpec, Onestop, ReceiveRequest, SubmittedDocument

BIRTH = "1.001193"  # three required documents
MARRIAGE = "1.000894"  # its third document, a marital status certificate, is valid 180 days
ID_A, ID_B = "048090000123", "048090000124"
A4 = (595.28, 841.89)


def _receive(
    svc: Onestop, procedure: str = BIRTH, id_number: str = ID_A, *, all_documents: bool = False
) -> str:
    docs = None
    if all_documents:
        docs = [
            SubmittedDocument(d.name, d.form, d.count) for d in svc.catalog.procedure(procedure).documents
        ]
    request = ReceiveRequest(procedure, Applicant("Lê Văn An", id_number), documents=docs)
    return svc.intake.receive(request, actor=actor(svc, "tiepnhan1")).code


def _counts(db_path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db_path)) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("files", "attachments", "events")
        }


def _sql(db_path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        for sql in statements:
            conn.execute(sql)
        conn.commit()


def _settings(svc: Onestop, **values: Any) -> None:
    svc.config.set_settings({k.replace("_", ".", 1): v for k, v in values.items()}, actor=actor(svc, "admin"))


# --------------------------------------------------------------------------- one PDF per component


@needs_pdfimages
def test_a_scan_a_photo_a_tiff_and_a_pdf_become_one_pdf_read_back_with_poppler(
    agency: Onestop, tmp_path: Path
) -> None:
    code = _receive(agency)
    photo = photo_jpeg()
    files = [
        write(tmp_path, "trang1.png", page_png()),
        write(tmp_path, "anh-chup.jpg", photo),
        write(tmp_path, "xap-giay.tif", tiff_pages(2)),
        write(tmp_path, "thu-dien-tu.pdf", text_pdf(2)),
    ]
    view = agency.digitisation.attach(code, files, document=1, actor=actor(agency, "tiepnhan1"))
    assert (view.kind, view.document, view.pages) == ("component", 1, 6)
    assert view.document_name == "Tờ khai đăng ký khai sinh theo mẫu"
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(agency.digitisation.pdf(code, document=1, actor=viewer(agency)))
    assert pdf_info(pdf)["Pages"] == "6"
    sizes = pdf_page_sizes(pdf)
    assert sizes[0] == pytest.approx(A4, abs=0.1)  # the scan, on A4
    assert sizes[1] == pytest.approx(A4[::-1], abs=0.1)  # the landscape photo, on A4 turned
    assert sizes[2] == sizes[3] == pytest.approx(A4, abs=0.1)  # each page of the TIFF
    assert sizes[4] == sizes[5] == pytest.approx((612, 792), abs=0.1)  # the PDF's pages, as they were
    images = pdf_images(pdf)
    assert [(i["page"], i["enc"]) for i in images] == [
        ("1", "jpeg"),
        ("2", "jpeg"),
        ("3", "image"),
        ("4", "image"),
    ]
    # The photo went in as it came, never compressed a second time.
    subprocess.run(["pdfimages", "-j", "-f", "2", "-l", "2", str(pdf), str(tmp_path / "x")], check=True)
    assert (tmp_path / "x-000.jpg").read_bytes() == photo


@needs_pdfimages
def test_with_quality_zero_scanned_pages_stay_lossless(agency: Onestop, tmp_path: Path) -> None:
    from PIL import Image

    _settings(agency, scan_quality=0)
    code = _receive(agency)
    page = page_png()
    agency.digitisation.attach(
        code, [Source("trang.png", page)], document=2, actor=actor(agency, "tiepnhan1")
    )
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(agency.digitisation.pdf(code, document=2, actor=viewer(agency)))
    assert [i["enc"] for i in pdf_images(pdf)] == ["image"]
    subprocess.run(["pdfimages", "-png", str(pdf), str(tmp_path / "x")], check=True)
    import io

    with Image.open(tmp_path / "x-000.png") as back, Image.open(io.BytesIO(page)) as original:
        assert back.convert("L").tobytes() == original.convert("L").tobytes()


def test_a_jpeg_named_pdf_is_refused_and_nothing_is_stored(
    agency: Onestop, db_path: Path, tmp_path: Path
) -> None:
    code = _receive(agency)
    before = _counts(db_path)
    fake = write(tmp_path, "giay-to.pdf", photo_jpeg())
    with pytest.raises(ValidationError) as refused:
        agency.digitisation.attach(
            code, [write(tmp_path, "a.png", page_png()), fake], actor=actor(agency, "tiepnhan1")
        )
    assert "giay-to.pdf" in refused.value.message and "nội dung là ảnh JPEG" in refused.value.message
    assert refused.value.field == "files"
    assert _counts(db_path) == before


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("trang.png", b"PK\x03\x04 a zip file", "không phải ảnh PNG"),
        ("trang.docx", b"PK\x03\x04", "chỉ nhận tệp PDF, PNG, JPEG hoặc TIFF"),
        ("trang.png", b"", "rỗng"),
        ("trang.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "tệp hỏng"),
        ("thu.pdf", b"%PDF-1.4\n garbage", "PDF hỏng"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(
    agency: Onestop, db_path: Path, name: str, data: bytes, words: str
) -> None:
    code = _receive(agency)
    before = _counts(db_path)
    with pytest.raises(ValidationError, match=words):
        agency.digitisation.attach(code, [Source(name, data)], actor=actor(agency, "tiepnhan1"))
    assert _counts(db_path) == before


def test_the_size_limit_and_the_allowed_types_are_settings(
    agency: Onestop, db_path: Path, tmp_path: Path
) -> None:
    code = _receive(agency)
    clerk = actor(agency, "tiepnhan1")
    big = write(tmp_path, "to.png", noise_png(800, 800))  # about 1.9 MB
    agency.digitisation.attach(code, [big], document=1, actor=clerk)  # under the default 20 MB
    _settings(agency, scan_max_mb=1, scan_types="pdf,jpeg")
    before = _counts(db_path)
    with pytest.raises(ValidationError, match=r"to\.png.*vượt giới hạn 1 MB \(thiết lập scan\.max_mb\)"):
        agency.digitisation.attach(code, [big], document=2, actor=clerk)
    with pytest.raises(ValidationError, match="ảnh PNG không được nhận"):
        agency.digitisation.attach(code, [Source("a.png", page_png())], document=2, actor=clerk)
    assert _counts(db_path) == before
    with pytest.raises(ValidationError, match="Loại tệp được nhận") as refused:
        _settings(agency, scan_types="pdf,docx")
    assert refused.value.field == "scan.types"


def test_the_component_must_exist_and_a_result_needs_a_dossier_in_processing(agency: Onestop) -> None:
    code = _receive(agency)
    clerk = actor(agency, "tiepnhan1")
    page = [Source("a.png", page_png())]
    with pytest.raises(ValidationError, match="có 3 giấy tờ; chọn từ 1 đến 3"):
        agency.digitisation.attach(code, page, document=4, actor=clerk)
    with pytest.raises(ValidationError, match="chưa có kết quả"):
        agency.digitisation.attach(code, page, result=True, actor=clerk)
    with pytest.raises(NotFoundError, match="không có hồ sơ"):
        agency.digitisation.attach("H17.50.05.13-261123-9999", page, actor=clerk)


def test_without_a_number_the_first_component_not_scanned_is_taken(agency: Onestop) -> None:
    code = _receive(agency)
    clerk = actor(agency, "tiepnhan1")
    page = [Source("a.png", page_png())]
    agency.digitisation.attach(code, page, document=2, actor=clerk)
    assert agency.digitisation.attach(code, page, actor=clerk).document == 1
    assert agency.digitisation.attach(code, page, actor=clerk).document == 3
    with pytest.raises(ValidationError, match="đã được số hóa"):
        agency.digitisation.attach(code, page, actor=clerk)


def test_a_later_scan_replaces_the_current_one_and_both_stay_in_the_history(agency: Onestop) -> None:
    code = _receive(agency)
    clerk = actor(agency, "tiepnhan1")
    first = agency.digitisation.attach(code, [Source("a.png", page_png(shade=200))], document=1, actor=clerk)
    second = agency.digitisation.attach(code, [Source("b.png", page_png(shade=250))], document=1, actor=clerk)
    assert first.sha256 != second.sha256
    view = agency.dossiers.dossier(code, actor=viewer(agency))
    assert [(a.document, a.sha256) for a in view.attachments] == [(1, second.sha256)]
    assert [e.action for e in view.events] == ["receive", "attach", "attach"]
    assert "Thành phần 1: Tờ khai đăng ký khai sinh theo mẫu — 1 trang" in view.events[1].note
    assert agency.integrity.verify().ok


def test_the_same_pages_are_stored_once_and_a_single_pdf_byte_for_byte(
    agency: Onestop, db_path: Path
) -> None:
    import hashlib

    clerk = actor(agency, "tiepnhan1")
    page = [Source("a.png", page_png())]
    one = agency.digitisation.attach(_receive(agency), page, document=1, actor=clerk)
    two = agency.digitisation.attach(_receive(agency), page, document=1, actor=clerk)
    assert one.sha256 == two.sha256
    assert (_counts(db_path)["files"], _counts(db_path)["attachments"]) == (1, 2)
    signed = text_pdf(3)  # a PDF is kept as it came: re-saving would break a digital signature
    kept = agency.digitisation.attach(_receive(agency), [Source("kq.pdf", signed)], document=1, actor=clerk)
    assert (kept.sha256, kept.pages) == (hashlib.sha256(signed).hexdigest(), 3)


def test_thumbnails_are_png_pages_of_the_width_asked(agency: Onestop) -> None:
    import io

    from PIL import Image

    code = _receive(agency)
    agency.digitisation.attach(
        code,
        [Source("a.png", page_png()), Source("b.pdf", text_pdf(2))],
        document=1,
        actor=actor(agency, "tiepnhan1"),
    )
    pictures = agency.digitisation.thumbnails(code, document=1, width=120, actor=viewer(agency))
    assert len(pictures) == 3
    for png in pictures:
        with Image.open(io.BytesIO(png)) as image:
            assert image.format == "PNG" and image.width == 120
    only = agency.digitisation.thumbnails(code, document=1, width=64, pages=[2], actor=viewer(agency))
    assert len(only) == 1
    with pytest.raises(NotFoundError, match="chưa được số hóa"):
        agency.digitisation.thumbnails(code, document=2, actor=viewer(agency))


# --------------------------------------------------------------------------- under the chain


TAMPERING = {
    "changed": (
        "UPDATE files SET data = X'255044462d312e370a' || data",
        "đã bị sửa ngoài chương trình: nội dung không còn khớp mã băm",
    ),
    "missing": ("DELETE FROM files", "bị mất khỏi cơ sở dữ liệu"),
    "swapped": (
        "UPDATE attachments SET sha256 = (SELECT max(sha256) FROM files WHERE sha256 <> attachments.sha256)",
        "đã bị tráo",
    ),
}


@pytest.mark.parametrize("what", list(TAMPERING))
def test_verify_names_a_stored_file_changed_missing_or_swapped(
    what: str, agency: Onestop, db_path: Path
) -> None:
    code = _receive(agency)
    clerk = actor(agency, "tiepnhan1")
    agency.digitisation.attach(code, [Source("a.png", page_png(shade=200))], document=1, actor=clerk)
    agency.digitisation.attach(code, [Source("b.png", page_png(shade=240))], document=2, actor=clerk)
    assert agency.integrity.verify().ok
    sql, words = TAMPERING[what]
    _sql(db_path, sql)
    problems = agency.integrity.verify().problems
    assert any(words in p and code in p for p in problems), problems


def test_a_backup_holds_the_scans(agency: Onestop, tmp_path: Path) -> None:
    from onestop.db.engine import Database
    from onestop.output import backup_to

    code = _receive(agency)
    stored = agency.digitisation.attach(
        code, [Source("a.png", page_png())], document=1, actor=actor(agency, "tiepnhan1")
    )
    copy = tmp_path / "copy.db"
    assert agency.db.sqlite_path is not None
    backup_to(agency.db.sqlite_path, copy)
    db = Database(f"sqlite:///{copy}")
    try:
        other = Onestop(db=db, clock=agency.ctx.clock)
        assert other.integrity.verify().ok
        pdf = other.digitisation.pdf(code, document=1, actor=viewer(other))
        import hashlib

        assert hashlib.sha256(pdf).hexdigest() == stored.sha256
    finally:
        db.dispose()


# --------------------------------------------------------------------------- reuse (NĐ 45/2020)


def test_reuse_is_offered_for_the_same_identity_number_and_not_for_another(
    agency: Onestop, db_path: Path
) -> None:
    clerk = actor(agency, "tiepnhan1")
    earlier = _receive(agency, id_number=ID_A)
    scanned = agency.digitisation.attach(earlier, [Source("a.png", page_png())], document=2, actor=clerk)
    documents = agency.catalog.procedure(BIRTH).documents
    offered = agency.digitisation.reusable(ID_A, documents, actor=clerk)
    assert [(c.document, c.code, c.attachment_id, c.valid_until) for c in offered] == [
        (2, earlier, scanned.id, None)
    ]
    assert agency.digitisation.reusable(ID_B, documents, actor=clerk) == []
    assert agency.digitisation.reusable("", documents, actor=clerk) == []
    # Names are compared without accents, case or punctuation.
    loose = agency.digitisation.reusable(
        ID_A, ["giay chung sinh, hoac giay to thay the GIAY CHUNG SINH"], actor=clerk
    )
    assert [c.attachment_id for c in loose] == [scanned.id]

    later = _receive(agency, id_number=ID_A)
    files_before = _counts(db_path)["files"]
    reused = agency.digitisation.reuse(later, 2, scanned.id, actor=clerk)
    assert (reused.sha256, reused.pages, reused.reused_from) == (scanned.sha256, 1, earlier)
    assert _counts(db_path)["files"] == files_before  # the same file, no copy
    view = agency.dossiers.dossier(later, actor=viewer(agency))
    assert view.events[-1].action == "reuse" and earlier in view.events[-1].note
    assert agency.integrity.verify().ok
    # The later dossier's reuse is not offered again: the earlier scan is.
    assert [c.attachment_id for c in agency.digitisation.reusable(ID_A, documents, actor=clerk)] == [
        scanned.id
    ]

    stranger = _receive(agency, id_number=ID_B)
    with pytest.raises(ValidationError, match="người nộp khác"):
        agency.digitisation.reuse(stranger, 2, scanned.id, actor=clerk)
    with pytest.raises(ValidationError, match="không phải «Tờ khai"):
        agency.digitisation.reuse(later, 1, scanned.id, actor=clerk)


def test_a_paper_with_a_validity_is_offered_only_while_valid(agency: Onestop, clock: FixedClock) -> None:
    clerk = actor(agency, "tiepnhan1")
    documents = agency.catalog.procedure(MARRIAGE).documents
    certificate = documents[2]
    assert certificate.valid_days == 180
    earlier = _receive(agency, MARRIAGE, all_documents=True)
    scanned = agency.digitisation.attach(earlier, [Source("a.png", page_png())], document=3, actor=clerk)
    clock.at = vn(2026, 11, 23, 9, 0) + timedelta(days=100)
    offered = agency.digitisation.reusable(ID_A, documents, actor=clerk)
    assert [(c.document, c.attachment_id) for c in offered] == [(3, scanned.id)]
    assert offered[0].valid_until == vn(2026, 11, 23, 9, 0) + timedelta(days=180)
    clock.at = vn(2026, 11, 23, 9, 0) + timedelta(days=181)
    assert agency.digitisation.reusable(ID_A, documents, actor=clerk) == []
    later = _receive(agency, MARRIAGE, all_documents=True)
    with pytest.raises(ValidationError, match="quá thời hạn sử dụng 180 ngày"):
        agency.digitisation.reuse(later, 3, scanned.id, actor=clerk)


def test_the_catalogue_carries_a_validity_per_document(agency: Onestop) -> None:
    admin = actor(agency, "admin")
    item = {
        "code": "9.000001",
        "name": "Thủ tục thử",
        "time_limit": {"unit": "working_days", "value": 2},
        "documents": [{"name": "Tờ khai", "form": "bản chính"}, {"name": "Giấy xác nhận", "valid_days": 30}],
    }
    agency.catalog.import_catalog({"procedures": [item]}, actor=admin)
    assert [d.valid_days for d in agency.catalog.procedure("9.000001").documents] == [None, 30]
    assert agency.catalog.import_catalog({"procedures": [item]}, actor=admin) == 0  # unchanged
    docs = [
        DocumentSpec("Tờ khai", "bản chính", 1, True),
        DocumentSpec("Giấy xác nhận", "bản chính", 1, True, 60),
    ]
    proc = agency.catalog.update_procedure(
        "9.000001", time_unit="working_days", time_value=2, cutoff=None, documents=docs, actor=admin
    )
    assert (proc.version, [d.valid_days for d in proc.documents]) == (2, [None, 60])
    for bad in (0, "30", True):
        item["documents"][1]["valid_days"] = bad  # type: ignore[index]
        with pytest.raises(ValidationError, match="thành phần hồ sơ"):
            agency.catalog.import_catalog({"procedures": [item]}, actor=admin)
    assert agency.integrity.verify().ok


# --------------------------------------------------------------------------- electronic results


def _ready(svc: Onestop) -> str:
    code = _receive(svc)
    head = actor(svc, "lanhdao")
    svc.lifecycle.transfer(code, actor=head)
    svc.lifecycle.result(code, actor=head)
    return code


def test_a_result_returned_electronically_needs_its_scan_and_says_so_in_the_history(
    agency: Onestop, db_path: Path
) -> None:
    clerk = actor(agency, "tiepnhan1")
    code = _ready(agency)
    with pytest.raises(ValidationError, match="chưa có kết quả điện tử"):
        agency.lifecycle.return_result(code, result_form="electronic", actor=clerk)
    with pytest.raises(ValidationError, match="paper, electronic hoặc both"):
        agency.lifecycle.return_result(code, result_form="fax", actor=clerk)
    result = agency.digitisation.attach(code, [Source("kq.pdf", text_pdf(1))], result=True, actor=clerk)
    assert (result.kind, result.document, result.document_name) == ("result", None, "Kết quả giải quyết")
    agency.lifecycle.return_result(code, result_form="electronic", actor=clerk)
    with closing(sqlite3.connect(db_path)) as conn:
        data = conn.execute("SELECT data FROM events WHERE action = 'return'").fetchone()[0]
    assert '"result_form": "electronic"' in data
    paper = _ready(agency)
    agency.lifecycle.return_result(paper, actor=clerk)
    assert agency.integrity.verify().ok


def test_the_report_counts_digitised_dossiers_and_electronic_results(
    agency: Onestop, clock: FixedClock
) -> None:
    clerk, head = actor(agency, "tiepnhan1"), actor(agency, "lanhdao")
    page = [Source("a.png", page_png())]
    whole = _receive(agency)
    for n in (1, 2, 3):
        agency.digitisation.attach(whole, page, document=n, actor=clerk)
    partly = _receive(agency)
    agency.digitisation.attach(partly, page, document=1, actor=clerk)
    _receive(agency)  # nothing scanned
    for code in (whole, partly):
        agency.lifecycle.transfer(code, actor=head)
        agency.lifecycle.result(code, actor=head)
    agency.digitisation.attach(whole, [Source("kq.pdf", text_pdf(1))], result=True, actor=clerk)
    report = agency.reports.report(date(2026, 11, 1), date(2026, 11, 30), actor=head)
    assert (report["received"], report["digitised"], report["digitisation_rate"]) == (3, 1, 33.33)
    assert (report["electronic_results"], report["electronic_result_rate"]) == (1, 50.0)
    [proc] = report["by_procedure"]
    assert (proc["procedure_code"], proc["digitised"], proc["digitisation_rate"]) == (BIRTH, 1, 33.33)
    [clerk_row] = report["by_clerk"]
    assert (clerk_row["user"], clerk_row["digitised"], clerk_row["electronic_results"]) == ("tiepnhan1", 1, 1)
    assert "digitisation_rate" in report["formulas"]
    empty = agency.reports.report(date(2026, 10, 1), date(2026, 10, 31), actor=head)
    assert (empty["digitised"], empty["digitisation_rate"], empty["electronic_result_rate"]) == (
        0,
        None,
        None,
    )
