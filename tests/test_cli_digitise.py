"""``attach``, ``scan``, ``attachment``, ``show --json`` attachments, ``act return --result-form`` and the
report's digitisation figures, through the installed command (docs/cli.md)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from cli_helpers import copy_db, ok, query, receive, run, snapshot, usage_error
from scan_samples import (
    needs_pdfimages,
    needs_sane,
    page_png,
    pdf_images,
    pdf_info,
    photo_jpeg,
    sane_test_config,
    text_pdf,
    write,
)

HEAD = {"ONESTOP_USER": "lanhdao", "ONESTOP_PASSWORD": "demo"}
BIRTH = "1.001193"  # three required documents


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("digitise-template") / "agency.db"
    ok(run(path, "demo", "--dossiers", "0"))
    return path


@pytest.fixture
def db(tmp_path: Path, template: Path) -> Path:
    return copy_db(template, tmp_path / "onestop.db")


def _dossier(db: Path) -> str:
    return str(receive(db, "Lê Văn An", "--id-number", "048090000123", procedure=BIRTH)["code"])


def test_attach_prints_the_attachment_and_show_lists_it(db: Path, tmp_path: Path) -> None:
    code = _dossier(db)
    page = write(tmp_path, "trang.png", page_png())
    photo = write(tmp_path, "anh.jpg", photo_jpeg())
    attached = ok(run(db, "attach", code, str(page), str(photo), "--document", "2", "--json")).json()
    assert {k: attached[k] for k in ("code", "document", "kind", "pages", "by")} == {
        "code": code,
        "document": 2,
        "kind": "component",
        "pages": 2,
        "by": "tiepnhan1",
    }
    assert attached["at"].endswith("+07:00") and len(attached["sha256"]) == 64
    shown = ok(run(db, "show", code, "--json")).json()
    assert shown["attachments"] == [{k: v for k, v in attached.items() if k != "code"}]
    assert [e["action"] for e in shown["events"]] == ["receive", "attach"]
    text = ok(run(db, "show", code)).out
    assert "Bản số hóa:" in text and "2. Giấy chứng sinh" in text
    out = tmp_path / "ban-so-hoa.pdf"
    ok(run(db, "attachment", code, "--document", "2", "-o", str(out)))
    assert hashlib.sha256(out.read_bytes()).hexdigest() == attached["sha256"]
    assert ok(run(db, "verify")).out.strip() == "ok"
    plain = ok(run(db, "attach", code, str(page)))  # no number: the first component not scanned
    assert plain.out.startswith(
        f"{code} thành phần 1 (Tờ khai đăng ký khai sinh theo mẫu): 1 trang, SHA-256 "
    )


def test_a_jpeg_named_pdf_and_a_file_over_the_limit_are_refused_writing_nothing(
    db: Path, tmp_path: Path
) -> None:
    code = _dossier(db)
    fake = write(tmp_path, "giay-to.pdf", photo_jpeg())
    big = tmp_path / "qua-lon.png"
    with big.open("wb") as f:  # 21 MB, over the default limit of 20 MB (never read: its size is enough)
        f.write(b"\x89PNG\r\n\x1a\n")
        f.truncate(21 * 1024 * 1024)
    before = snapshot(db)
    usage_error(run(db, "attach", code, str(fake)), "giay-to.pdf", "JPEG", "không đúng như tên")
    usage_error(run(db, "attach", code, str(big)), "qua-lon.png", "vượt giới hạn 20 MB", "scan.max_mb")
    usage_error(run(db, "attach", code, str(tmp_path / "khong-co.png")), "không có tệp này")
    usage_error(run(db, "attach", code, str(fake), "--document", "1", "--result"), "--result")
    usage_error(run(db, "attach", code, str(fake), "--document", "x"), "--document")
    usage_error(
        run(db, "attachment", code, "--document", "1", "-o", str(tmp_path / "x.pdf")), "chưa được số hóa"
    )
    usage_error(run(db, "attachment", code, "-o", str(tmp_path / "x.pdf")), "--document", "--result")
    assert snapshot(db) == before


@needs_sane
@needs_pdfimages
def test_scan_from_sanes_test_scanner(db: Path, tmp_path: Path) -> None:
    code = _dossier(db)
    env = {"SANE_CONFIG_DIR": str(sane_test_config(tmp_path / "sane"))}
    scanned = ok(
        run(
            db,
            "scan",
            code,
            "--document",
            "3",
            "--device",
            "test:0",
            "--resolution",
            "100",
            "--pages",
            "2",
            "--json",
            env=env,
        )
    ).json()
    assert (scanned["document"], scanned["pages"], scanned["kind"]) == (3, 2, "component")
    out = tmp_path / "scan.pdf"
    ok(run(db, "attachment", code, "--document", "3", "-o", str(out)))
    assert pdf_info(out)["Pages"] == "2"
    assert [(i["width"], i["x-ppi"]) for i in pdf_images(out)] == [("314", "100"), ("314", "100")]
    before = snapshot(db)
    usage_error(run(db, "scan", code, "--device", "khong-co:0", env=env), "--device", "test:0")
    failed = run(
        db,
        "scan",
        code,
        "--device",
        "test:0",
        "--pages",
        "12",
        "--source",
        "Automatic Document Feeder",
        env=env,
    )
    assert failed.rc == 1 and "hết giấy trong khay nạp" in failed.err, failed.describe()
    assert snapshot(db) == before


def test_an_electronic_result_returned_and_the_reports_figures(db: Path, tmp_path: Path) -> None:
    code = _dossier(db)
    page = write(tmp_path, "trang.png", page_png())
    for n in ("1", "2", "3"):
        ok(run(db, "attach", code, str(page), "--document", n))
    _dossier(db)  # received, nothing scanned
    ok(run(db, "act", code, "transfer", env=HEAD))
    ok(run(db, "act", code, "result", env=HEAD))
    usage_error(
        run(db, "act", code, "return", "--result-form", "electronic"), "--result-form", "kết quả điện tử"
    )
    usage_error(run(db, "act", code, "transfer", "--result-form", "paper"), "--result-form")
    result = write(tmp_path, "ket-qua.pdf", text_pdf(1))
    ok(run(db, "attach", code, str(result), "--result"))
    ok(run(db, "act", code, "return", "--result-form", "electronic"))
    data = query(db, "SELECT data FROM events WHERE action = 'return'")[0][0]
    assert json.loads(data)["result_form"] == "electronic"
    report = ok(run(db, "report", "--from", "2000-01-01", "--to", "2100-12-31", env=HEAD)).json()
    assert (report["received"], report["digitised"], report["digitisation_rate"]) == (2, 1, 50.0)
    assert (report["electronic_results"], report["electronic_result_rate"]) == (1, 100.0)
    assert report["by_procedure"][0]["digitised"] == 1 and report["by_clerk"][0]["digitisation_rate"] == 50.0
    assert ok(run(db, "verify")).out.strip() == "ok"
