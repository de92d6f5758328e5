"""Scans in the dossier detail (its «Tệp số hóa» tab: list, open, scan at a later step, the electronic
result and the return's paper/electronic/both) and the mark of a dossier not digitised in the list."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import actor, viewer
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from scan_samples import page_png, sane_test_config, text_pdf, write

from onestop.pages import Source
from onestop.services import Actor, Applicant, DossierFilter, Onestop, ReceiveRequest
from onestop.ui.detail import DossierDetailDialog, open_dossier
from onestop.ui.dossiers import DossierTableModel
from onestop.ui.scan_dialog import ScanDialog, ScanPreviewDialog
from onestop.ui.step_forms import ReturnForm
from onestop.ui.tasks import Tasks

CTRL = Qt.KeyboardModifier.ControlModifier
BIRTH = "1.001193"  # three required documents


def receive(svc: Onestop) -> str:
    return svc.intake.receive(
        ReceiveRequest(BIRTH, Applicant("Lê Văn An", "048090000123")), actor=actor(svc, "tiepnhan1")
    ).code


@pytest.fixture(autouse=True)
def _no_hardware(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANE_CONFIG_DIR", str(sane_test_config(tmp_path / "sane")))


@pytest.fixture
def detail(qtbot: QtBot, agency: Onestop, tasks: Tasks, ui_state: QSettings) -> Iterator[object]:
    def open_(code: str, who: Actor) -> DossierDetailDialog:
        dialog = open_dossier(None, agency, who, tasks, code, ui_state)
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.steps.context is not None, timeout=5000)
        return dialog

    yield open_
    tasks.wait()
    QApplication.processEvents()


def cells(dialog: DossierDetailDialog) -> list[list[str]]:
    table = dialog.files.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_detail_lists_the_files_opens_one_and_scans_another_later(
    qtbot: QtBot, agency: Onestop, clerk: Actor, detail, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    code = receive(agency)
    agency.digitisation.attach(code, [Source("a.pdf", text_pdf(2))], document=2, actor=clerk)
    dialog = detail(code, clerk)
    rows = cells(dialog)
    assert len(rows) == 3  # no result row before the dossier is processed
    assert rows[0][1:] == ["", "", "", "chưa số hóa"]
    assert rows[1][0].startswith("2. ") and rows[1][1:4] == ["2", "Nguyễn Thị Thu Hà", "23/11/2026 09:00"]
    assert dialog.tabs.tabText(dialog.tabs.indexOf(dialog.files)) == "Tệp số hóa (1/3)"

    dialog.tabs.setCurrentWidget(dialog.files)
    dialog.files.table.setCurrentCell(1, 0)
    assert dialog.files.open_button.isEnabled()
    dialog.files.open_button.click()
    qtbot.waitUntil(lambda: isinstance(dialog.files.preview, ScanPreviewDialog), timeout=5000)
    preview = dialog.files.preview
    assert preview is not None and preview.pdf_document.pageCount() == 2
    assert preview.printer().pageLayout().pageSize().id().name == "A4"
    preview.close()

    dialog.files.table.setCurrentCell(0, 0)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    qtbot.keyClick(dialog.files.table, Qt.Key.Key_F12)
    scan = dialog.files.dialog
    assert isinstance(scan, ScanDialog) and "giấy tờ 1" in scan.what.text()
    scan.add_files([write(tmp_path, "to-khai.png", page_png())])
    qtbot.waitUntil(lambda: scan.pages.count() == 1 and not scan.busy, timeout=20_000)
    with qtbot.waitSignal(scan.saved, timeout=20_000):
        scan.save_button.click()
    qtbot.waitUntil(lambda: cells(dialog)[0][1] == "1", timeout=5000)
    assert dialog.tabs.tabText(dialog.tabs.indexOf(dialog.files)) == "Tệp số hóa (2/3)"
    assert [(a.document, a.pages) for a in agency.digitisation.attachments(code, actor=viewer(agency))] == [
        (1, 1),
        (2, 2),
    ]


def test_the_electronic_result_is_attached_and_returned_as_both(
    qtbot: QtBot, agency: Onestop, clerk: Actor, detail, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    code = receive(agency)
    head = actor(agency, "lanhdao")
    agency.lifecycle.transfer(code, actor=head)
    agency.lifecycle.result(code, actor=head)
    dialog = detail(code, clerk)
    assert cells(dialog)[-1][0] == "Kết quả giải quyết (bản điện tử)"
    assert dialog.files.result_button.isEnabled()

    # Without an electronic result, «electronic» is refused in the form, nothing is written.
    form = dialog.steps.start("return")
    assert isinstance(form, ReturnForm)
    assert form.result_form.currentData() == "paper"
    form.result_form.setCurrentIndex(form.result_form.findData("electronic"))
    form.submit()
    qtbot.waitUntil(lambda: "chưa có kết quả điện tử" in form.error.text(), timeout=5000)
    form.reject()

    dialog.files.result_button.click()
    scan = dialog.files.dialog
    assert scan is not None
    scan.add_files([write(tmp_path, "ket-qua.pdf", text_pdf(1))])
    qtbot.waitUntil(lambda: scan.pages.count() == 1 and not scan.busy, timeout=20_000)
    with qtbot.waitSignal(scan.saved, timeout=20_000):
        scan.save_button.click()
    qtbot.waitUntil(lambda: cells(dialog)[-1][1] == "1", timeout=5000)

    form = dialog.steps.start("return")
    assert isinstance(form, ReturnForm)
    assert form.result_form.currentData() == "both"
    with qtbot.waitSignal(dialog.steps.stepped, timeout=5000):
        form.submit()
    with sqlite3.connect(db_path) as conn:
        data = conn.execute("SELECT data FROM events WHERE action = 'return'").fetchone()[0]
    assert '"result_form": "both"' in data


def test_the_list_marks_a_dossier_not_digitised(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks
) -> None:
    done, partly, none = receive(agency), receive(agency), receive(agency)
    page = [Source("a.png", page_png())]
    for n in (1, 2, 3):
        agency.digitisation.attach(done, page, document=n, actor=clerk)
    agency.digitisation.attach(partly, page, document=1, actor=clerk)
    model = DossierTableModel(agency, clerk, tasks)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(DossierFilter())
    marks = {}
    for row in range(model.rowCount()):
        index = model.index(row, DossierTableModel.CODE)
        marks[index.data()] = (
            index.data(DossierTableModel.DigitisedRole),
            index.data(Qt.ItemDataRole.DecorationRole) is not None,
            index.data(Qt.ItemDataRole.ToolTipRole),
        )
    assert marks[done] == (True, False, "")
    assert marks[partly] == (False, True, "Chưa số hóa: đã quét 1/3 giấy tờ")
    assert marks[none] == (False, True, "Chưa số hóa: đã quét 0/3 giấy tờ")
    rows = {
        r.code: (r.documents, r.scanned) for r in agency.dossiers.list_dossiers(DossierFilter(), actor=clerk)
    }
    assert rows[done] == (3, 3) and rows[none] == (3, 0)


def test_the_digitised_mark_costs_no_query_per_row(agency: Onestop, clerk: Actor) -> None:
    from sqlalchemy import event

    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    def selects(limit: int) -> int:
        statements.clear()
        event.listen(agency.db.engine, "before_cursor_execute", count)
        try:
            rows = agency.dossiers.list_dossiers(DossierFilter(limit=limit), actor=clerk)
        finally:
            event.remove(agency.db.engine, "before_cursor_execute", count)
        assert len(rows) == limit
        return len(statements)

    for _ in range(6):
        receive(agency)
    assert selects(1) == selects(6) == 1  # one query, whatever the number of rows
