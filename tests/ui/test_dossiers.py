"""Today's dossiers (the lazily fetched list) and the dossier detail: real services, real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from helpers import press, type_text, viewer
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from onestop.changes import Changes
from onestop.clock import FixedClock
from onestop.demo import generate_dossiers
from onestop.services import Actor, Applicant, DossierFilter, DossierRow, Onestop, ReceiveRequest
from onestop.services.dossiers import DossierService
from onestop.ui.contact_edit import ContactEditDialog
from onestop.ui.detail import DossierDetailDialog, open_dossier
from onestop.ui.dossiers import DUE_SOON, FINISHED, OPEN, OVERDUE, DossierTableModel, TodayView
from onestop.ui.tasks import Tasks

SAME_DAY = "2.000815"  # chứng thực bản sao: due at the end of the day (cut-off 15:00)
SEVEN_DAYS = "1.004222"  # đăng ký thường trú: 7 working days


def receive(
    svc: Onestop, clerk: Actor, name: str, procedure: str = SAME_DAY, phone: str = "0905123456"
) -> str:
    applicant = Applicant(name, id_number="048190000123", phone=phone, address="12 Âu Cơ, Hòa Khánh Bắc")
    return svc.intake.receive(ReceiveRequest(procedure, applicant), actor=clerk).code


class CountingDossiers(DossierService):
    """The real dossier service, remembering how many rows each list query asked for."""

    def __init__(self, svc: Onestop) -> None:
        super().__init__(svc.ctx)
        self.limits: list[int] = []

    def list_dossiers(self, flt: DossierFilter, *, actor: Actor) -> list[DossierRow]:
        self.limits.append(flt.limit)
        return super().list_dossiers(flt, actor=actor)


def CountingOnestop(agency: Onestop) -> Onestop:
    svc = Onestop(db=agency.db, clock=agency.ctx.clock)
    svc.dossiers = CountingDossiers(svc)
    return svc


def load(qtbot: QtBot, model: DossierTableModel, flt: DossierFilter) -> None:
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(flt)


def pdf_text(pdf: bytes) -> str:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    return " ".join(document.getAllText(page).text() for page in range(document.pageCount()))


@pytest.fixture
def today_view(qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks) -> Iterator[TodayView]:
    view = TodayView(agency, clerk, tasks)
    qtbot.addWidget(view)
    view.resize(1280, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.model.loading, timeout=5000)
    yield view


# ---------------------------------------------------------------------------------------- the model


def test_the_list_model_passes_the_qt_model_tester_while_it_loads_and_after(
    qtbot: QtBot, qtmodeltester, agency: Onestop, tasks: Tasks
) -> None:  # type: ignore[no-untyped-def]
    generate_dossiers(agency, count=150)
    model = DossierTableModel(agency, viewer(agency), tasks)
    qtmodeltester.check(model)  # stays connected: every insert and reset below is checked too
    load(qtbot, model, DossierFilter())
    assert model.rowCount() == 100
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 150
    assert model.columnCount() == 8
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)] == [
        "Mã hồ sơ",
        "Thủ tục",
        "Người nộp",
        "Điện thoại",
        "Tiếp nhận lúc",
        "Hẹn trả",
        "Trạng thái",
        "Cán bộ",
    ]
    first = model.index(0, DossierTableModel.CODE)
    row = first.data(DossierTableModel.RowRole)
    assert first.data(DossierTableModel.CodeRole) == row.code == first.data()


def test_the_list_fetches_pages_of_100_as_asked_and_never_every_row(
    qtbot: QtBot, agency: Onestop, tasks: Tasks
) -> None:
    assert generate_dossiers(agency, count=250) == 250
    svc = CountingOnestop(agency)
    model = DossierTableModel(svc, viewer(agency), tasks)
    load(qtbot, model, DossierFilter())
    qtbot.wait(100)  # nothing else arrives by itself
    assert model.rowCount() == 100
    assert model.canFetchMore(QModelIndex())

    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.fetchMore(QModelIndex())
        model.fetchMore(QModelIndex())  # a second scroll while the page is on its way: ignored
    qtbot.wait(100)
    assert model.rowCount() == 200
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 250
    assert not model.canFetchMore(QModelIndex())
    assert svc.dossiers.limits == [101, 101, 101]  # a page and one row to know whether there are more

    everything = agency.dossiers.list_dossiers(DossierFilter(limit=1000), actor=viewer(agency))
    assert model.codes() == [r.code for r in everything]  # newest first, no gaps, no duplicates


def test_a_page_of_an_old_filter_arriving_late_is_dropped(
    qtbot: QtBot, agency: Onestop, tasks: Tasks
) -> None:
    generate_dossiers(agency, count=250)
    model = DossierTableModel(agency, viewer(agency), tasks)
    model.set_filter(DossierFilter())
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(DossierFilter(status="returned"))
    tasks.wait()
    qtbot.wait(50)
    statuses = {model.row_at(i).status for i in range(model.rowCount())}
    assert statuses == {"returned"}


def test_states_overdue_due_within_a_working_day_open_and_finished(
    qtbot: QtBot, agency: Onestop, clerk: Actor, clock: FixedClock, tasks: Tasks
) -> None:
    generate_dossiers(agency, count=40)  # historical: mostly returned
    same_day = receive(agency, clerk, "Nguyễn Văn An")  # Monday 09:00, due 17:00 today
    seven_days = receive(agency, clerk, "Trần Thị Bình", SEVEN_DAYS)
    model = DossierTableModel(agency, viewer(agency), tasks)
    load(qtbot, model, DossierFilter(limit=100))

    def state(code: str) -> str:
        return str(model.index(model.row_of(code), 0).data(DossierTableModel.StateRole))

    assert state(same_day) == DUE_SOON
    assert state(seven_days) == OPEN

    clock.advance(timedelta(hours=8, minutes=30))  # 17:30: the same-day dossier is late
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.refresh()
    row = model.row_of(same_day)
    assert state(same_day) == OVERDUE
    status = model.index(row, DossierTableModel.STATUS)
    assert status.data().startswith("Quá hạn · Đã tiếp nhận")  # said in words, not only in colour
    background = status.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color().red() > background.color().blue()
    assert model.index(row, DossierTableModel.DUE).data() == "23/11 17:00"
    assert state(seven_days) == OPEN

    returned = next(i for i in range(model.rowCount()) if model.row_at(i).status == "returned")
    assert model.index(returned, 0).data(DossierTableModel.StateRole) == FINISHED
    assert model.index(returned, DossierTableModel.STATUS).data() == "Đã trả kết quả"
    foreground = model.index(returned, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(foreground, QBrush) and foreground.color().name() == "#6d6d6d"


# ---------------------------------------------------------------------------------------- today's view


def test_today_lists_todays_dossiers_with_names_times_and_clerk(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, today_view: TodayView
) -> None:
    code = receive(agency, clerk, "Lê Thị Hồng")
    tasks.announce(Changes.DOSSIERS)  # what the intake view's WriteOp does after a save
    qtbot.waitUntil(lambda: today_view.model.rowCount() == 1, timeout=5000)
    m = today_view.model
    assert [m.index(0, c).data() for c in range(8)] == [
        code,
        agency.catalog.procedure(SAME_DAY).name,
        "Lê Thị Hồng",
        "0905123456",
        "23/11 09:00",
        "23/11 17:00",
        "Sắp đến hạn · Đã tiếp nhận",  # due today 17:00: within one working day
        "Nguyễn Thị Thu Hà",
    ]
    assert today_view.count.text() == "1 hồ sơ"


def test_search_without_accents_finds_the_vietnamese_name(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, today_view: TodayView
) -> None:
    for name in ("Nguyễn Thị Thủy", "Nguyễn Văn Thuận", "Trần Thị Thu"):
        receive(agency, clerk, name)
    tasks.announce(Changes.DOSSIERS)
    qtbot.waitUntil(lambda: today_view.model.rowCount() == 3, timeout=5000)

    today_view.search.setFocus()
    type_text(today_view.search, "nguyen thi thuy")
    assert today_view.model.current_filter.search == ""  # debounced: not a query per key
    qtbot.waitUntil(lambda: today_view.model.current_filter.search == "nguyen thi thuy", timeout=2000)
    qtbot.waitUntil(lambda: not today_view.model.loading and today_view.model.rowCount() == 1, timeout=5000)
    assert today_view.model.row_at(0).applicant_name == "Nguyễn Thị Thủy"


def test_the_status_filter_and_the_date_choose_what_is_listed(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, today_view: TodayView
) -> None:
    generate_dossiers(agency, count=60)  # all before today
    receive(agency, clerk, "Phạm Văn Dũng")
    tasks.announce(Changes.DOSSIERS)
    qtbot.waitUntil(lambda: today_view.model.rowCount() == 1, timeout=5000)

    today_view.all_days.setChecked(True)
    qtbot.waitUntil(lambda: not today_view.model.loading and today_view.model.rowCount() == 61, timeout=5000)
    today_view.status.setCurrentIndex(today_view.status.findData("returned"))
    qtbot.waitUntil(lambda: not today_view.model.loading, timeout=5000)
    assert 0 < today_view.model.rowCount() < 61
    assert {today_view.model.row_at(i).status for i in range(today_view.model.rowCount())} == {"returned"}

    today_view.status.setCurrentIndex(0)
    today_view.all_days.setChecked(False)
    today_view.date.setDate(today_view.date.date().addDays(-1))  # Sunday: nothing
    qtbot.waitUntil(lambda: not today_view.model.loading and today_view.model.rowCount() == 0, timeout=5000)
    assert today_view.count.text() == "Không có hồ sơ nào phù hợp."
    today_view.today_button.click()
    qtbot.waitUntil(lambda: not today_view.model.loading and today_view.model.rowCount() == 1, timeout=5000)


def test_enter_or_double_click_on_a_row_asks_to_open_that_dossier(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, today_view: TodayView
) -> None:
    codes = [receive(agency, clerk, name) for name in ("Võ Văn Kiệt", "Hồ Thị Lan")]
    tasks.announce(Changes.DOSSIERS)
    qtbot.waitUntil(lambda: today_view.model.rowCount() == 2, timeout=5000)
    table = today_view.table
    table.setFocus()
    table.setCurrentIndex(today_view.proxy.index(1, 0))
    with qtbot.waitSignal(today_view.open_requested, timeout=1000) as signal:
        press(table, Qt.Key.Key_Return)
    assert signal.args == [codes[0]]  # newest first: the second row is the first received

    rect = table.visualRect(today_view.proxy.index(0, 2))
    # A double click is a press, a release, then the double-click event (QTest sends only the last).
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(today_view.open_requested, timeout=1000) as signal:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [codes[1]]


def test_sorting_by_a_header_sorts_the_loaded_rows_and_can_return_to_newest_first(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, today_view: TodayView
) -> None:
    for name in ("Bùi Thị Cúc", "Âu Văn Bảo", "Đặng Văn Đức"):
        receive(agency, clerk, name)
    tasks.announce(Changes.DOSSIERS)
    qtbot.waitUntil(lambda: today_view.model.rowCount() == 3, timeout=5000)
    proxy = today_view.proxy
    today_view.table.sortByColumn(DossierTableModel.APPLICANT, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, DossierTableModel.APPLICANT).data() for r in range(3)]
    assert names == ["Âu Văn Bảo", "Bùi Thị Cúc", "Đặng Văn Đức"]
    today_view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, DossierTableModel.APPLICANT).data() for r in range(3)]
    assert names == ["Đặng Văn Đức", "Âu Văn Bảo", "Bùi Thị Cúc"]


# ---------------------------------------------------------------------------------------- the detail


@pytest.fixture
def detail(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, ui_state: QSettings
) -> Iterator[DossierDetailDialog]:
    code = receive(agency, clerk, "Nguyễn Thị Thủy", phone="0905111222")
    dialog = open_dossier(None, agency, clerk, tasks, code, ui_state)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=5000)
    yield dialog


def test_the_detail_shows_the_dossier_its_documents_and_who_did_what_when(
    detail: DossierDetailDialog,
) -> None:
    assert detail.isVisible() and not detail.isModal()
    assert detail.fields["applicant_name"].text() == "Nguyễn Thị Thủy"
    assert detail.fields["phone"].text() == "0905111222"
    assert detail.fields["due"].text() == "17:00 ngày 23/11/2026"
    assert detail.fields["received"].text() == "09:00 ngày 23/11/2026, Nguyễn Thị Thu Hà"
    assert detail.status_label.text() == "Đã tiếp nhận"
    assert detail.history.rowCount() == 1
    assert [detail.history.item(0, c).text() for c in range(3)] == [
        "23/11/2026 09:00",
        "Tiếp nhận hồ sơ",
        "Nguyễn Thị Thu Hà (tiepnhan1)",
    ]
    assert detail.documents.rowCount() >= 1
    assert detail.receipts.rowCount() == 1
    assert set(detail.receipt_buttons) == {1}


def test_correcting_the_phone_makes_receipt_version_2_with_the_same_code_and_keeps_version_1(
    qtbot: QtBot, agency: Onestop, clock: FixedClock, tasks: Tasks, detail: DossierDetailDialog
) -> None:
    code = detail.code
    clock.advance(timedelta(minutes=20))
    changed: list[Changes] = []
    tasks.changed.connect(lambda changes, _initiator: changed.append(changes))
    qtbot.mouseClick(detail.correct_button, Qt.MouseButton.LeftButton)
    editor = detail.editor
    assert isinstance(editor, ContactEditDialog)
    qtbot.waitExposed(editor)
    editor.phone.selectAll()
    editor.phone.del_()
    type_text(editor.phone, "0905333444")
    type_text(editor.note, "Ghi sai số điện thoại")
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        editor.save_button.click()
    assert not editor.isVisible()
    assert changed == [Changes.DOSSIERS]  # the lists refresh

    view = detail.view
    assert view is not None and view.code == code and view.receipt_version == 2
    assert detail.fields["phone"].text() == "0905333444"
    assert [detail.history.item(1, c).text() for c in (0, 1, 5)] == [
        "23/11/2026 09:20",
        "Sửa thông tin trên giấy tiếp nhận",
        "Ghi sai số điện thoại",
    ]
    assert detail.receipts.rowCount() == 2
    assert set(detail.receipt_buttons) == {1, 2}

    with qtbot.waitSignal(detail.receipt_ready, timeout=10_000) as signal:
        detail.receipt_buttons[1].click()
    version, pdf = signal.args
    assert version == 1
    text = pdf_text(pdf)
    assert code in text and "0905111222" in text and "0905333444" not in text
    assert detail.preview is not None
    detail.preview.close()

    with qtbot.waitSignal(detail.receipt_ready, timeout=10_000) as signal:
        detail.receipt_buttons[2].click()
    assert "0905333444" in pdf_text(signal.args[1])
    assert detail.preview is not None
    detail.preview.close()


def test_a_wrong_phone_is_named_beside_the_field_and_nothing_is_saved(
    qtbot: QtBot, agency: Onestop, detail: DossierDetailDialog
) -> None:
    editor = detail.edit_contact()
    assert editor is not None
    qtbot.waitExposed(editor)
    editor.phone.selectAll()
    editor.phone.del_()
    type_text(editor.phone, "12345")
    editor.save_button.click()
    assert editor.isVisible()
    assert editor.errors["phone"].isVisible()
    assert editor.errors["phone"].text().startswith("Số điện thoại:")
    assert editor.phone.property("invalid") is True
    qtbot.wait(50)
    assert agency.dossiers.dossier(detail.code, actor=viewer(agency)).receipt_version == 1

    editor.phone.selectAll()
    editor.phone.del_()
    type_text(editor.phone, "0905111222")  # back as it was: nothing to save
    editor.save_button.click()
    assert not editor.errors["phone"].isVisible()
    assert editor.form_error.text() == "Chưa có thay đổi nào để lưu."
    editor.reject()


def test_opening_the_same_dossier_again_brings_back_its_window(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, ui_state: QSettings
) -> None:
    code = receive(agency, clerk, "Lý Thị Mai")
    parent = QDialog()
    qtbot.addWidget(parent)
    first = open_dossier(parent, agency, clerk, tasks, code, ui_state)
    again = open_dossier(parent, agency, clerk, tasks, code, ui_state)
    assert again is first
    qtbot.waitUntil(lambda: first.view is not None, timeout=5000)
    first.close()
    QApplication.processEvents()


@pytest.fixture
def message_boxes(qapp: QApplication) -> Iterator[list[str]]:
    """Read and close each message box as the user would (modal: exec() waits), during this test only."""
    seen: list[str] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.reject()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    yield seen
    timer.stop()


def test_an_unknown_code_says_so_in_the_detail(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, ui_state: QSettings, message_boxes: list[str]
) -> None:
    shown = message_boxes
    dialog = DossierDetailDialog(agency, clerk, tasks, "H17.50.05.13-261123-9999", ui_state)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == ["Mã hồ sơ: không có hồ sơ «H17.50.05.13-261123-9999»."]
    assert dialog.status_label.text() == shown[0]


def test_one_enter_in_the_search_opens_the_only_dossier_found(
    qtbot: QtBot, agency: Onestop, clerk: Actor, tasks: Tasks, today_view: TodayView
) -> None:
    codes = [receive(agency, clerk, name) for name in ("Võ Văn Kiệt", "Võ Thị Sáu")]
    tasks.announce(Changes.DOSSIERS)
    qtbot.waitUntil(lambda: today_view.model.rowCount() == 2, timeout=5000)
    today_view.search.setFocus()

    today_view.search.setText("vo")  # finds both: the cursor goes to the list, nothing opens
    opened: list[str] = []
    today_view.open_requested.connect(opened.append)
    press(today_view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not today_view.model.loading and today_view.model.rowCount() == 2, timeout=5000)
    assert opened == [] and today_view.table.hasFocus()

    today_view.search.setText("thi sau")  # one: one Enter opens it
    with qtbot.waitSignal(today_view.open_requested, timeout=5000) as signal:
        press(today_view.search, Qt.Key.Key_Return)
    assert signal.args == [codes[1]]
