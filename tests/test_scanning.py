"""Scanners through the real stack: SANE's virtual ``test`` scanner driven by ``scanimage`` (Debian's
sane-utils, no hardware), a network scanner's folder, and the Windows stacks that are not built."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from helpers import actor, viewer
from scan_samples import (
    needs_pdfimages,
    needs_sane,
    network_scanner_folder,
    page_png,
    pdf_images,
    pdf_info,
    sane_test_config,
)

from onestop import scanning
from onestop.errors import ValidationError
from onestop.scanning import FolderScanner, SaneScanner, ScanCancelled, ScannerError, WindowsScanner
from onestop.services import Applicant, Onestop, ReceiveRequest

FEEDER = "Automatic Document Feeder"  # the test scanner's feeder holds 10 pages


@pytest.fixture
def sane(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANE_CONFIG_DIR", str(sane_test_config(tmp_path / "sane")))


def _receive(svc: Onestop) -> str:
    return svc.intake.receive(
        ReceiveRequest("1.001193", Applicant("Lê Văn An", "048090000123")), actor=actor(svc, "tiepnhan1")
    ).code


def _stored(svc: Onestop) -> int:
    with svc.db.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM attachments").scalar_one())


@needs_sane
def test_sane_lists_its_test_scanner(sane: None) -> None:
    names = [d.name for d in SaneScanner().devices()]
    assert "test:0" in names
    assert all(d.stack == "sane" for d in SaneScanner().devices())


@needs_sane
@needs_pdfimages
def test_three_pages_from_the_test_scanner_become_one_pdf(
    agency: Onestop, sane: None, tmp_path: Path
) -> None:
    code = _receive(agency)
    seen: list[tuple[int, int]] = []
    view = agency.digitisation.scan(
        code,
        document=2,
        device="test:0",
        resolution=75,
        pages=3,
        progress=lambda done, total: seen.append((done, total)),
        actor=actor(agency, "tiepnhan1"),
    )
    assert (view.document, view.pages) == (2, 3)
    assert seen == [(1, 3), (2, 3), (3, 3)]
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(agency.digitisation.pdf(code, document=2, actor=viewer(agency)))
    assert pdf_info(pdf)["Pages"] == "3"
    images = pdf_images(pdf)
    assert len(images) == 3
    # The test scanner's page is 80 × 100 mm: 236 × 295 pixels at 75 dpi, kept at that size.
    assert {(i["width"], i["height"], i["x-ppi"]) for i in images} == {("236", "295", "75")}
    assert agency.integrity.verify().ok


@needs_sane
def test_a_feeder_is_scanned_until_it_is_empty(agency: Onestop, sane: None) -> None:
    code = _receive(agency)
    clerk = actor(agency, "tiepnhan1")
    view = agency.digitisation.scan(code, device="test:0", resolution=50, pages=0, source=FEEDER, actor=clerk)
    assert view.pages == 10
    with pytest.raises(ScannerError, match=r"hết giấy trong khay nạp \(đã quét 10/12 trang\); không lưu gì"):
        agency.digitisation.scan(code, device="test:0", resolution=50, pages=12, source=FEEDER, actor=clerk)
    with pytest.raises(ValidationError, match="chỉ khi quét từ khay nạp"):
        agency.digitisation.scan(code, device="test:0", pages=0, actor=clerk)
    assert _stored(agency) == 1


@needs_sane
def test_an_unknown_device_or_option_is_named_and_nothing_is_stored(agency: Onestop, sane: None) -> None:
    code = _receive(agency)
    clerk = actor(agency, "tiepnhan1")
    with pytest.raises(
        ValidationError, match=r"không có máy «khong-co:0»; các máy tìm thấy: test:0"
    ) as refused:
        agency.digitisation.scan(code, device="khong-co:0", actor=clerk)
    assert refused.value.field == "device"
    with pytest.raises(ValidationError, match="Chế độ màu") as refused:
        agency.digitisation.scan(code, device="test:0", mode="Lineart", actor=clerk)
    assert refused.value.field == "mode"
    with pytest.raises(ValidationError, match="Độ phân giải"):
        agency.digitisation.scan(code, device="test:0", resolution=5000, actor=clerk)
    assert _stored(agency) == 0


@needs_sane
def test_a_cancelled_scan_stores_nothing(agency: Onestop, sane: None) -> None:
    code = _receive(agency)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ScanCancelled, match="Đã hủy quét"):
        agency.digitisation.scan(
            code, device="test:0", pages=0, source=FEEDER, cancel=cancel, actor=actor(agency, "tiepnhan1")
        )
    assert _stored(agency) == 0


def test_a_network_scanners_folder_gives_its_files_once(agency: Onestop, tmp_path: Path) -> None:
    code = _receive(agency)
    folder = network_scanner_folder(tmp_path, "scan0001.png", "scan0002.png")
    clerk = actor(agency, "tiepnhan1")
    view = agency.digitisation.scan(code, device=f"folder:{folder}", pages=2, actor=clerk)
    assert view.pages == 2
    assert list(folder.iterdir()) == []  # taken: never twice
    devices = agency.digitisation.devices(device=f"folder:{folder}", actor=clerk)
    assert [(d.name, d.stack) for d in devices] == [(f"folder:{folder}", "folder")]


def test_the_folder_scanner_waits_for_a_file_to_be_complete(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()

    def network_scanner() -> None:
        time.sleep(0.3)
        with (folder / "job.png").open("wb") as out:
            data = page_png()
            out.write(data[:100])  # half written…
            out.flush()
            time.sleep(0.5)
            out.write(data[100:])

    writer = threading.Thread(target=network_scanner)
    writer.start()
    taken = FolderScanner(folder, settle=0.8, timeout=20).scan(
        device=None, pages=1, resolution=200, into=tmp_path / "out"
    )
    writer.join()
    assert [p.name for p in taken] == ["job.png"]
    assert taken[0].read_bytes() == page_png()
    with pytest.raises(ScannerError, match="mới có 0/1 tệp"):
        FolderScanner(folder, settle=0.1, timeout=0.3).scan(
            device=None, pages=1, resolution=200, into=tmp_path
        )
    with pytest.raises(ScannerError, match="không có thư mục này"):
        FolderScanner(tmp_path / "khong-co").scan(device=None, pages=1, resolution=200, into=tmp_path)


def test_windows_stacks_are_described_not_built() -> None:
    scanner = scanning.scanner_for("", platform="win32")
    assert isinstance(scanner, WindowsScanner)
    with pytest.raises(ScannerError, match=r"WIA, TWAIN.*chưa được hỗ trợ.*folder:"):
        scanner.devices()
    assert isinstance(scanning.scanner_for("folder:C:/Scans", platform="win32"), FolderScanner)
    assert isinstance(scanning.scanner_for("test:0", platform="linux"), SaneScanner)


def test_without_sane_utils_the_message_says_what_to_install() -> None:
    with pytest.raises(ScannerError, match="sane-utils"):
        SaneScanner(program="khong-co-scanimage").devices()
