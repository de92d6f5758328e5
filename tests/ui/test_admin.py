"""Administration (role quản trị): settings, office hours, the calendar, the catalogue, staff.

Real services on a real SQLite file (the demo agency); the tests type and click the widgets and
check what the services then hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import actor, press, system, type_text, vn
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QWidget

from onestop.errors import PermissionDenied
from onestop.services import DocumentSpec, Onestop
from onestop.ui.admin import AdminView
from onestop.ui.admin_calendar import CalendarModel
from onestop.ui.admin_procedures import DocumentsModel, ProceduresModel
from onestop.ui.admin_staff import StaffModel
from onestop.ui.tasks import Tasks

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def view(qtbot, agency: Onestop, tasks: Tasks) -> AdminView:
    v = AdminView(agency, actor(agency, "admin"), tasks)
    qtbot.addWidget(v)
    v.resize(1366, 720)
    v.show()
    qtbot.waitExposed(v)
    v.activateWindow()
    settle(qtbot, tasks)
    assert v.agency.isEnabled() and v.hours.isEnabled()
    return v


def settle(qtbot, tasks: Tasks) -> None:
    """Until every background call (and those their results started) has come back."""
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=5000)


def focus(qtbot, widget: QWidget) -> None:
    """As if reached with Tab (a date or time field then selects its first section)."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def replace_text(qtbot, widget: QWidget, text: str) -> None:
    """Select what the field holds and type over it, like a person would."""
    focus(qtbot, widget)
    press(widget, Qt.Key.Key_A, CTRL)
    type_text(widget, text)


def answer_next_box(button_text: str, seen: list[str] | None = None) -> None:
    """Click ``button_text`` in the next message box (which runs its own event loop)."""
    tries = [0]

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            if seen is not None:
                seen.append(box.text())
            for b in box.buttons():
                if b.text() == button_text:
                    b.click()
                    return
        tries[0] += 1
        if tries[0] < 200:
            QTimer.singleShot(20, click)

    QTimer.singleShot(0, click)


def click_row(qtbot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def visible_error(view: QWidget, label: QWidget) -> bool:
    return not label.isHidden() and label.isVisibleTo(view)


def fresh_settings(agency: Onestop) -> dict[str, object]:
    agency._settings = None  # what the database holds, not the 30-second cache
    return agency.config.settings().as_dict()


# --------------------------------------------------------------------------- Thiết lập cơ quan


def test_place_name_typed_and_saved_with_ctrl_s_is_stored(qtbot, view: AdminView, agency: Onestop, tasks):
    place = view.agency.editors["agency.place_name"].widget
    assert place.text() == "Liên Chiểu"
    replace_text(qtbot, place, "Phường Hòa Khánh")
    press(place, Qt.Key.Key_S, CTRL)
    settle(qtbot, tasks)

    assert view.agency.status.text() == "Đã lưu 1 thiết lập."
    stored = fresh_settings(agency)
    assert stored["agency.place_name"] == "Phường Hòa Khánh"
    assert stored["agency.unit_identifier"] == "H17.50.05.13"  # untouched fields are not rewritten


def test_invalid_unit_identifier_is_shown_beside_the_field_and_nothing_is_stored(
    qtbot, view: AdminView, agency: Onestop, tasks
):
    replace_text(qtbot, view.agency.editors["agency.place_name"].widget, "Hòa Khánh")
    ident = view.agency.editors["agency.unit_identifier"].widget
    replace_text(qtbot, ident, "H15 Đà Nẵng")
    qtbot.mouseClick(view.agency.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)

    error = view.agency.errors.label("agency.unit_identifier")
    assert visible_error(view, error)
    assert error.text().startswith("Mã định danh đơn vị:")
    assert ident.hasFocus() and ident.property("invalid") is True
    assert view.agency.status.text() == "Chưa lưu."
    stored = fresh_settings(agency)
    assert stored["agency.place_name"] == "Liên Chiểu"  # all or nothing
    assert stored["agency.unit_identifier"] == "H17.50.05.13"

    # Corrected, it saves and the message goes away.
    replace_text(qtbot, ident, "H15.50.05.14")
    press(ident, Qt.Key.Key_S, CTRL)
    settle(qtbot, tasks)
    assert error.isHidden()
    assert fresh_settings(agency)["agency.unit_identifier"] == "H15.50.05.14"


def test_language_choice_is_saved_and_says_it_applies_at_next_start(qtbot, view: AdminView, agency, tasks):
    combo = view.agency.editors["ui.language"].widget
    assert combo.currentText() == "Tiếng Việt"
    assert view.agency.findChild(QWidget, "languageNote").text() == "Có hiệu lực từ lần khởi động sau."
    focus(qtbot, combo)
    press(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "English"
    press(combo, Qt.Key.Key_S, CTRL)
    settle(qtbot, tasks)
    assert fresh_settings(agency)["ui.language"] == "en"


def test_permissions_are_shown_read_only(view: AdminView):
    text = view.agency.permissions.text()
    assert "Công chức tiếp nhận: tiếp nhận hồ sơ, " in text  # the acts in Vietnamese, not their keys
    assert (
        "Quản trị: xem hồ sơ, xem mức đánh giá của người dân, xem báo cáo, thống kê, thiết lập cơ quan"
        in text
    )
    assert "receive" not in text
    assert "permissions" not in view.agency.editors


# --------------------------------------------------------------------------- Giờ làm việc


def test_office_hours_edited_as_sessions_are_saved_as_text(qtbot, view: AdminView, agency, tasks):
    view.tabs.setCurrentWidget(view.hours)
    hours = view.hours
    assert [r.text() for r in hours.rows] == ["07:30-11:30", "13:00-17:00"]
    end = hours.rows[1].end
    focus(qtbot, end)  # the hour is selected
    type_text(end, "16")
    assert hours.hours_text() == "07:30-11:30,13:00-16:00"
    assert "7 giờ làm việc mỗi ngày" in hours.summary.text()
    press(end, Qt.Key.Key_S, CTRL)
    settle(qtbot, tasks)
    assert fresh_settings(agency)["agency.office_hours"] == "07:30-11:30,13:00-16:00"


def test_overlapping_sessions_are_refused_beside_the_sessions(qtbot, view: AdminView, agency, tasks):
    view.tabs.setCurrentWidget(view.hours)
    hours = view.hours
    qtbot.mouseClick(hours.add_button, Qt.MouseButton.LeftButton)
    assert len(hours.rows) == 3
    start = hours.rows[2].start
    assert start.hasFocus()
    focus(qtbot, start)
    type_text(start, "10")  # 10:00, inside the morning session
    assert visible_error(view, hours.hours_error)
    qtbot.mouseClick(hours.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert "không chồng lên nhau" in hours.hours_error.text()
    assert fresh_settings(agency)["agency.office_hours"] == "07:30-11:30,13:00-17:00"

    qtbot.mouseClick(hours.rows[2].remove, Qt.MouseButton.LeftButton)
    assert len(hours.rows) == 2 and hours.hours_error.isHidden()


def test_invalid_time_zone_is_shown_beside_the_field_and_nothing_is_stored(
    qtbot, view: AdminView, agency, tasks
):
    view.tabs.setCurrentWidget(view.hours)
    zone = view.hours.zone
    assert zone.currentText() == "Asia/Ho_Chi_Minh"
    # (a name no zone contains, so the completer offers nothing)
    replace_text(qtbot, zone.lineEdit(), "Đông Dương/Hà Nội")
    qtbot.mouseClick(view.hours.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)

    error = view.hours.errors.label("agency.time_zone")
    assert visible_error(view, error)
    assert error.text() == "Múi giờ: «Đông Dương/Hà Nội» không tồn tại."
    assert fresh_settings(agency)["agency.time_zone"] == "Asia/Ho_Chi_Minh"


# --------------------------------------------------------------------------- Lịch nghỉ lễ


def test_calendar_shows_the_year_with_vietnamese_weekdays_and_kinds(view: AdminView):
    cal = view.calendar
    assert cal.year.value() == 2026
    model = cal.model
    row = model.row_of(vn(2026, 11, 24, 0, 0).date())
    assert [model.index(row, c).data() for c in range(4)] == [
        "24/11/2026",
        "Thứ Ba",
        "Ngày lễ",
        "Ngày Văn hóa Việt Nam",
    ]
    kinds = {model.index(r, model.column("kind")).data() for r in range(model.rowCount())}
    assert {"Ngày lễ", "Nghỉ bù", "Nghỉ hoán đổi", "Thứ Bảy làm bù"} <= kinds


def test_adding_a_holiday_moves_the_appointment_and_removing_it_moves_it_back(
    qtbot, view: AdminView, agency: Onestop, tasks
):
    at = vn(2026, 11, 25, 16, 0)  # after the 15:00 cut-off: due at the end of the next working day
    assert agency.calendar.preview_due("2.000815", at).due_at == vn(2026, 11, 26, 17, 0)
    cal = view.calendar
    view.tabs.setCurrentWidget(cal)

    focus(qtbot, cal.day)
    type_text(cal.day, "26112026")
    assert cal.day.date().toString("dd/MM/yyyy") == "26/11/2026"
    assert cal.day_weekday.text() == "Thứ Năm"
    assert cal.kind.currentText() == "Ngày lễ"
    focus(qtbot, cal.name)
    type_text(cal.name, "Nghỉ đột xuất")
    press(cal.name, Qt.Key.Key_Return)
    settle(qtbot, tasks)

    assert agency.calendar.preview_due("2.000815", at).due_at == vn(2026, 11, 27, 17, 0)
    row = cal.model.row_of(at.date().replace(day=26))
    assert row >= 0
    assert cal.model.index(row, cal.model.column("name")).data() == "Nghỉ đột xuất"
    assert cal.table.selectionModel().isRowSelected(row)

    # The preview line shows it too.
    cal.preview_procedure.setCurrentIndex(cal.preview_procedure.findData("2.000815"))
    focus(qtbot, cal.preview_at)
    type_text(cal.preview_at, "160025112026")  # HH mm dd MM yyyy
    settle(qtbot, tasks)
    assert cal.preview_result.text().startswith(
        "Tính thử ngày hẹn trả: thủ tục 2.000815 nhận lúc 16:00 25/11/2026 → 17:00 27/11/2026"
    )
    assert "26/11: Nghỉ đột xuất" in cal.preview_result.text()

    # "Không" keeps it; "Có" removes it.
    focus(qtbot, cal.table)
    answer_next_box("Không")
    press(cal.table, Qt.Key.Key_Delete)
    settle(qtbot, tasks)
    assert agency.calendar.preview_due("2.000815", at).due_at == vn(2026, 11, 27, 17, 0)
    asked: list[str] = []
    answer_next_box("Có", asked)
    qtbot.mouseClick(cal.remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert asked == ["Xóa ngày 26/11/2026 (Ngày lễ: Nghỉ đột xuất) khỏi lịch năm 2026?"]
    assert agency.calendar.preview_due("2.000815", at).due_at == vn(2026, 11, 26, 17, 0)
    assert cal.model.row_of(at.date().replace(day=26)) == -1


def test_a_day_needs_a_name_and_a_working_saturday_must_be_a_saturday(
    qtbot, view: AdminView, agency: Onestop, tasks
):
    cal = view.calendar
    view.tabs.setCurrentWidget(cal)
    before = len(agency.calendar.days(2026))
    qtbot.mouseClick(cal.add_button, Qt.MouseButton.LeftButton)
    assert cal.errors.label("name").text() == "Tên ngày: không được để trống."
    assert cal.name.hasFocus()

    cal.kind.setCurrentIndex(cal.kind.findData("working_saturday"))  # the date is Monday 23/11
    type_text(cal.name, "Làm bù")
    press(cal.name, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert (
        cal.errors.label("date").text() == "Thứ Bảy làm bù: ngày 23/11/2026 là Thứ Hai, không phải thứ Bảy."
    )
    assert len(agency.calendar.days(2026)) == before


def test_another_year_is_loaded_when_the_year_changes(qtbot, view: AdminView, tasks):
    cal = view.calendar
    focus(qtbot, cal.year)
    press(cal.year, Qt.Key.Key_Up)
    settle(qtbot, tasks)
    assert cal.count.text().endswith("trong năm 2027.")
    assert all(cal.model.row_at(r).date.year == 2027 for r in range(cal.model.rowCount()))


# --------------------------------------------------------------------------- Thủ tục


def test_editing_a_time_limit_saves_a_new_version(qtbot, view: AdminView, agency: Onestop, tasks):
    procs = view.procedures
    view.tabs.setCurrentWidget(procs)
    focus(qtbot, procs.search)
    type_text(procs.search, "xac nhan tinh trang hon nhan")  # no accents needed
    assert procs.proxy.rowCount() == 1
    click_row(qtbot, procs.table, 0)
    assert procs.current is not None and procs.current.code == "1.004873"
    assert procs.time_unit.currentText() == "Ngày làm việc"
    assert procs.time_value.value() == 3
    assert not procs.cutoff.isEnabled()
    assert procs.docs.rowCount() == 3

    replace_text(qtbot, procs.time_value.lineEdit(), "2")
    press(procs.time_value, Qt.Key.Key_S, CTRL)
    settle(qtbot, tasks)

    proc = agency.catalog.procedure("1.004873")
    assert proc.version == 2 and proc.limit.value == 2 and proc.limit.unit == "working_days"
    assert len(proc.documents) == 3
    assert procs.saved_note.text() == (
        "Đã lưu phiên bản 2 của thủ tục 1.004873. Hồ sơ đã nhận vẫn giữ phiên bản 1."
    )
    row = procs.model.row_of("1.004873")
    assert procs.model.index(row, procs.model.column("version")).data() == "2"
    assert procs.model.index(row, procs.model.column("limit")).data() == "02 ngày làm việc"


def test_documents_edited_in_the_table_go_into_the_new_version(qtbot, view: AdminView, agency, tasks):
    procs = view.procedures
    view.tabs.setCurrentWidget(procs)
    assert procs.select("2.000815")
    focus(qtbot, procs.docs_view)
    press(procs.docs_view, Qt.Key.Key_Insert, CTRL)
    editor = QApplication.focusWidget()
    assert editor is not None
    type_text(editor, "Giấy ủy quyền")
    press(editor, Qt.Key.Key_Tab)  # commits and moves to «Hình thức»
    focus(qtbot, procs.docs_view)
    procs.docs_view.setCurrentIndex(procs.docs.index(2, DocumentsModel.REQUIRED))
    press(procs.docs_view, Qt.Key.Key_Space)  # «Bắt buộc» off
    assert procs.docs.docs[2].required is False
    procs.docs_view.setCurrentIndex(procs.docs.index(1, DocumentsModel.NAME))
    press(procs.docs_view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    press(editor, Qt.Key.Key_End)
    type_text(editor, " (nếu có)")
    press(editor, Qt.Key.Key_S, CTRL)  # saves with the cell still open
    settle(qtbot, tasks)

    proc = agency.catalog.procedure("2.000815")
    assert proc.version == 2
    assert proc.documents[-1] == DocumentSpec("Giấy ủy quyền", "bản chính", 1, False)
    assert proc.documents[1].name.endswith(" (nếu có)")
    assert proc.limit.cutoff is not None and proc.limit.cutoff.hour == 15


def test_a_document_without_a_name_or_a_bad_cutoff_is_refused(qtbot, view: AdminView, agency, tasks):
    procs = view.procedures
    view.tabs.setCurrentWidget(procs)
    assert procs.select("2.000815")
    replace_text(qtbot, procs.cutoff, "15h")
    procs.save()
    assert procs.errors.label("cutoff").text() == "Giờ chốt: phải có dạng GG:PP, ví dụ 15:00."
    replace_text(qtbot, procs.cutoff, "15:30")
    procs.docs.add()
    procs.save()
    assert procs.errors.label("documents").text() == "Thành phần hồ sơ, dòng 3: chưa nhập tên giấy tờ."
    settle(qtbot, tasks)
    assert agency.catalog.procedure("2.000815").version == 1


def test_leaving_an_edited_procedure_asks_before_dropping_the_changes(qtbot, view: AdminView, tasks):
    procs = view.procedures
    view.tabs.setCurrentWidget(procs)
    assert procs.select("1.004873")
    replace_text(qtbot, procs.time_value.lineEdit(), "5")
    assert procs.dirty
    answer_next_box("Không")
    click_row(
        qtbot,
        procs.table,
        procs.proxy.mapFromSource(procs.model.index(procs.model.row_of("1.004222"), 0)).row(),
    )
    qtbot.waitUntil(lambda: procs.table.currentIndex().data(Qt.ItemDataRole.UserRole).code == "1.004873")
    assert procs.current is not None and procs.current.code == "1.004873"
    assert procs.time_value.value() == 5

    answer_next_box("Có")
    click_row(
        qtbot,
        procs.table,
        procs.proxy.mapFromSource(procs.model.index(procs.model.row_of("1.004222"), 0)).row(),
    )
    assert procs.current is not None and procs.current.code == "1.004222"
    assert procs.time_value.value() == 7 and not procs.dirty


def small_catalog(code: str = "9.000001") -> dict[str, object]:
    return {
        "procedures": [
            {
                "code": code,
                "name": "Xác nhận thử nghiệm của phường",
                "field": "Thử nghiệm",
                "competent_unit": "UBND cấp xã",
                "time_limit": {"unit": "working_days", "value": 5},
                "fee": {"text": "Không", "amount_vnd": 0},
                "legal_basis": "",
                "documents": [{"name": "Đơn đề nghị", "form": "bản chính", "count": 1, "required": True}],
            }
        ]
    }


def test_importing_a_catalogue_file_adds_its_procedure(qtbot, view: AdminView, agency, tasks, tmp_path: Path):
    path = tmp_path / "danh-muc.json"
    path.write_text(json.dumps(small_catalog(), ensure_ascii=False), encoding="utf-8")
    procs = view.procedures
    view.tabs.setCurrentWidget(procs)
    before = procs.model.rowCount()
    qtbot.mouseClick(procs.import_button, Qt.MouseButton.LeftButton)
    dialog = procs.file_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()
    settle(qtbot, tasks)

    assert agency.catalog.procedure("9.000001").name == "Xác nhận thử nghiệm của phường"
    assert procs.model.rowCount() == before + 1
    assert procs.status.text() == "Đã nhập danh-muc.json: 1 thủ tục mới, 0 thủ tục có phiên bản mới."


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "Tệp «hong.json»: không phải JSON hợp lệ (dòng 1, cột 2)."),
        ('{"items": []}', "Tệp «hong.json»: Danh mục thủ tục: thiếu danh sách «procedures»."),
    ],
)
def test_a_bad_catalogue_file_gives_one_message_naming_the_file(
    qtbot, view: AdminView, agency, tasks, tmp_path: Path, content: str, expected: str
):
    path = tmp_path / "hong.json"
    path.write_text(content, encoding="utf-8")
    count = len(agency.catalog.procedures())
    seen: list[str] = []
    answer_next_box("Đóng", seen)
    view.procedures.import_file(path)
    settle(qtbot, tasks)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen == [expected]
    assert len(agency.catalog.procedures()) == count


# --------------------------------------------------------------------------- Cán bộ


def test_a_new_account_can_log_in_until_it_is_locked(qtbot, view: AdminView, agency: Onestop, tasks):
    staff = view.staff
    view.tabs.setCurrentWidget(staff)
    focus(qtbot, staff.username)
    type_text(staff.username, "tiepnhan3")
    focus(qtbot, staff.full_name)
    type_text(staff.full_name, "Võ Thị Ánh Tuyết")
    focus(qtbot, staff.password)
    type_text(staff.password, "matkhau3")
    assert staff.new_role.currentData() == "tiep_nhan"
    press(staff.password, Qt.Key.Key_Return)
    settle(qtbot, tasks)

    actor = agency.staff.sign_in("tiepnhan3", "matkhau3")
    assert (actor.full_name, actor.role) == ("Võ Thị Ánh Tuyết", "tiep_nhan")
    assert staff.status.text() == "Đã thêm tài khoản tiepnhan3 (Công chức tiếp nhận)."
    row = staff.model.row_of("tiepnhan3")
    assert staff.table.selectionModel().isRowSelected(row)
    assert staff.selected_title.text() == "tiepnhan3 — Võ Thị Ánh Tuyết"

    qtbot.mouseClick(staff.toggle_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    with pytest.raises(PermissionDenied):
        agency.staff.sign_in("tiepnhan3", "matkhau3")
    assert staff.model.index(row, staff.model.column("state")).data() == "Đã khóa"
    assert staff.toggle_button.text() == "Mở &khóa tài khoản"

    qtbot.mouseClick(staff.toggle_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert agency.staff.sign_in("tiepnhan3", "matkhau3").username == "tiepnhan3"


def test_the_administrator_cannot_lock_or_demote_themself(qtbot, view: AdminView, agency: Onestop, tasks):
    staff = view.staff
    view.tabs.setCurrentWidget(staff)
    click_row(qtbot, staff.table, staff.model.row_of("admin"))
    assert staff.selected_title.text() == "admin — Quản trị hệ thống (bạn)"
    qtbot.mouseClick(staff.toggle_button, Qt.MouseButton.LeftButton)
    assert visible_error(view, staff.toggle_error)
    assert staff.toggle_error.text() == "Không thể tự khóa tài khoản đang đăng nhập (admin)."
    staff.role.setCurrentIndex(staff.role.findData("xu_ly"))
    qtbot.mouseClick(staff.role_button, Qt.MouseButton.LeftButton)
    assert staff.action_errors.label("role").text() == (
        "Không thể tự bỏ vai trò Quản trị của tài khoản đang đăng nhập."
    )
    settle(qtbot, tasks)
    assert agency.staff.sign_in("admin", "demo").role == "quan_tri"


def test_resetting_a_password_and_changing_a_role(qtbot, view: AdminView, agency: Onestop, tasks):
    staff = view.staff
    view.tabs.setCurrentWidget(staff)
    click_row(qtbot, staff.table, staff.model.row_of("tiepnhan2"))
    focus(qtbot, staff.new_password)
    type_text(staff.new_password, "abc")
    press(staff.new_password, Qt.Key.Key_Return)
    assert staff.action_errors.label("password").text() == "Mật khẩu: ít nhất 4 ký tự."
    type_text(staff.new_password, "d")
    press(staff.new_password, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert agency.staff.sign_in("tiepnhan2", "abcd").username == "tiepnhan2"

    staff.role.setCurrentIndex(staff.role.findData("xu_ly"))
    qtbot.mouseClick(staff.role_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert agency.staff.sign_in("tiepnhan2", "abcd").role == "xu_ly"
    row = staff.model.row_of("tiepnhan2")
    assert staff.model.index(row, staff.model.column("role")).data() == "Công chức xử lý"


def test_a_taken_user_name_or_a_bad_full_name_is_shown_beside_the_field(qtbot, view: AdminView, tasks):
    staff = view.staff
    view.tabs.setCurrentWidget(staff)
    for widget, text in (
        (staff.username, "tiepnhan1"),
        (staff.full_name, "Lê Văn A"),
        (staff.password, "1234"),
    ):
        focus(qtbot, widget)
        type_text(widget, text)
    qtbot.mouseClick(staff.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert staff.new_errors.label("username").text() == "Tên đăng nhập: «tiepnhan1» đã có."
    replace_text(qtbot, staff.username, "tiepnhan9")
    replace_text(qtbot, staff.full_name, "Lê Văn 7")
    qtbot.mouseClick(staff.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks)
    assert staff.new_errors.label("username").isHidden()
    assert staff.new_errors.label("full_name").text().startswith("Họ và tên cán bộ:")
    assert staff.full_name.hasFocus()


# --------------------------------------------------------------------------- keyboard, models


def test_alt_digits_switch_tabs(qtbot, view: AdminView):
    focus(qtbot, view.agency.editors["agency.place_name"].widget)
    for digit, page in (
        (Qt.Key.Key_4, view.procedures),
        (Qt.Key.Key_5, view.staff),
        (Qt.Key.Key_1, view.agency),
    ):
        press(QApplication.focusWidget(), digit, Qt.KeyboardModifier.AltModifier)
        assert view.tabs.currentWidget() is page
        assert page.isAncestorOf(QApplication.focusWidget())


def test_the_table_models_pass_qtmodeltester(qtmodeltester, agency: Onestop):
    cal = CalendarModel()
    cal.set_rows(agency.calendar.days(2026))
    procs = ProceduresModel()
    procs.set_rows(agency.catalog.procedures())
    staff = StaffModel()
    staff.set_rows(agency.staff.list_staff(actor=system(agency)))
    docs = DocumentsModel()
    docs.set_documents(agency.catalog.procedure("1.004873").documents)
    for model in (cal, procs, staff, docs):
        qtmodeltester.check(model)
    assert cal.rowCount() > 10 and procs.rowCount() == 11 and staff.rowCount() == 5 and docs.rowCount() == 3
    # The documents model is edited through the view: moving keeps the order of the receipt.
    first = docs.docs[0]
    assert docs.move(0, +1) == 1 and docs.docs[1] == first
    assert not docs.setData(docs.index(0, DocumentsModel.COUNT), 0)
    assert docs.setData(docs.index(0, DocumentsModel.FORM), "bản sao")
    assert not docs.setData(docs.index(0, DocumentsModel.FORM), "photo")
