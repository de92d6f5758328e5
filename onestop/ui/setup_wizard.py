"""The set-up assistant of a real office's first run (a database with no account yet).

The pages collect the agency, office hours, competent units, catalogue and first administrator;
each page is checked by the core's own checks (``onestop.setup``) before «Tiếp theo» goes on, with
the message beside the fields and the cursor in the field named. «Hoàn tất» hands everything to
``onestop.setup.first_run`` on a worker thread; the login follows with the new administrator.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from onestop.errors import UserError, ValidationError
from onestop.res import load_json
from onestop.settings import BY_KEY
from onestop.setup import (
    AGENCY_CODE_EXAMPLE,
    Agency,
    FirstAdmin,
    FirstRun,
    agency_settings,
    check_catalog,
    check_first_admin,
    check_office_hours,
    check_units,
    first_run,
)
from onestop.ui.common import FieldError, message_for
from onestop.ui.ops import QueryOp, Tasks
from onestop.worktime import WEEKDAY_NAMES

if TYPE_CHECKING:
    from onestop.services import Actor, Onestop
    from onestop.worktime import CalendarDay


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class _Page(QWizardPage):
    """A page whose fields the core checks: ``check()`` raises ValidationError naming a field,
    ``fields`` maps that name to the widget the cursor goes back to."""

    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.error = FieldError()
        self.fields: dict[str, QWidget] = {}

    def wizard_(self) -> SetupWizard:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        return wizard

    def initializePage(self) -> None:
        # A message about a field goes once the field is edited again.
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit) and not widget.property("clearsError"):
                widget.setProperty("clearsError", True)
                widget.textEdited.connect(lambda _text: self.error.show_message(""))

    def check(self) -> None:
        """Raise ValidationError when a field is bad."""

    def validatePage(self) -> bool:
        try:
            self.check()
        except UserError as exc:
            self.error.show_message(exc.message)
            widget = self.fields.get(exc.field or "")
            if widget is not None:
                widget.setFocus()
                if isinstance(widget, QLineEdit):
                    widget.selectAll()
            return False
        self.error.show_message("")
        return True


class AgencyPage(_Page):
    def __init__(self, location: str) -> None:
        super().__init__(
            self.tr("Cơ quan"),
            self.tr("Thông tin in trên giấy tiếp nhận, sổ theo dõi và báo cáo."),
        )
        self.name = _line("agencyName", self.tr("ví dụ: Trung tâm Phục vụ hành chính công phường Hải Châu"))
        self.parent_name = _line("parentName", self.tr("ví dụ: UBND phường Hải Châu"))
        self.code = _line("agencyCode", AGENCY_CODE_EXAMPLE)
        self.address = _line("address", self.tr("số nhà, đường, phường/xã, tỉnh/thành phố"))
        self.place_name = _line("placeName", self.tr("ví dụ: Hải Châu"))
        self.hotline = _line("hotline", self.tr("ví dụ: 0236 3821 111 (không bắt buộc)"))
        self.fields = {
            "agency.unit_full_name": self.name,
            "agency.parent_name": self.parent_name,
            "agency.unit_identifier": self.code,
            "agency.address": self.address,
            "agency.place_name": self.place_name,
            "agency.hotline": self.hotline,
        }
        form = QFormLayout()
        form.addRow(self.tr("Tên cơ quan (đơn vị tiếp nhận):"), self.name)
        form.addRow(self.tr("Cơ quan chủ quản:"), self.parent_name)
        code_cell = QVBoxLayout()
        code_cell.setSpacing(2)
        code_cell.addWidget(self.code)
        hint = QLabel(
            self.tr(
                "Dạng Hxx.yy.zz.ww theo QĐ 20/2020/QĐ-TTg (sửa đổi bởi QĐ 09/2025/QĐ-TTg); là phần đầu "
                "của mã hồ sơ, không đổi được sau khi đã tiếp nhận hồ sơ."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        code_cell.addWidget(hint)
        form.addRow(self.tr("Mã định danh điện tử:"), code_cell)
        form.addRow(self.tr("Địa chỉ:"), self.address)
        form.addRow(self.tr("Địa danh (ghi ngày tháng):"), self.place_name)
        form.addRow(self.tr("Đường dây nóng:"), self.hotline)
        where = QLabel(self.tr("Cơ sở dữ liệu mới: {0}").format(location))
        where.setObjectName("databaseLocation")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(where)
        for a, b in zip(list(self.fields.values()), list(self.fields.values())[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def agency(self) -> Agency:
        return Agency(
            name=self.name.text(),
            parent_name=self.parent_name.text(),
            code=self.code.text(),
            address=self.address.text(),
            place_name=self.place_name.text(),
            hotline=self.hotline.text(),
        )

    def check(self) -> None:
        agency_settings(self.agency())


class HoursPage(_Page):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Giờ làm việc"),
            self.tr("Giờ tiếp nhận hồ sơ; thời hạn giải quyết tính theo giờ làm việc của các ngày làm việc."),
        )
        self.edits: list[QTimeEdit] = []
        form = QFormLayout()
        for label, name, start, end in (
            (self.tr("Buổi sáng:"), "morning", QTime(7, 30), QTime(11, 30)),
            (self.tr("Buổi chiều:"), "afternoon", QTime(13, 0), QTime(17, 0)),
        ):
            row = QHBoxLayout()
            for edit_name, value, what in ((f"{name}Start", start, "từ"), (f"{name}End", end, "đến")):
                edit = QTimeEdit(value)
                edit.setObjectName(edit_name)
                edit.setDisplayFormat("HH:mm")
                edit.setAccessibleName(f"{label} {what}")
                self.edits.append(edit)
                row.addWidget(QLabel(self.tr("từ") if what == "từ" else self.tr("đến")))
                row.addWidget(edit)
            row.addStretch(1)
            form.addRow(label, row)
        self.fields = {"agency.office_hours": self.edits[0]}
        note = QLabel(
            self.tr(
                "Ngày làm việc: thứ Hai đến thứ Sáu. Thứ Bảy làm bù và các ngày nghỉ lễ, nghỉ bù, hoán đổi "
                "theo lịch năm (trang «Lịch năm nay»); quản trị sửa được sau trong «Quản trị → Lịch làm việc». "
                "Thêm buổi hoặc đổi múi giờ: «Quản trị → Thiết lập»."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addStretch(1)

    def hours_text(self) -> str:
        times = [edit.time().toString("HH:mm") for edit in self.edits]
        return f"{times[0]}-{times[1]},{times[2]}-{times[3]}"

    def check(self) -> None:
        check_office_hours(self.hours_text())


class UnitsPage(_Page):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Đơn vị giải quyết"),
            self.tr(
                "Các đơn vị nhận hồ sơ từ bộ phận Một cửa để giải quyết (có thể thêm sau trong «Quản trị»)."
            ),
        )
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("units")
        self.table.setHorizontalHeaderLabels([self.tr("Mã đơn vị"), self.tr("Tên đơn vị")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(140)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("Thêm đơn vị"))
        self.add_button.setObjectName("addUnit")
        self.add_button.clicked.connect(lambda: self.add_unit())
        self.remove_button = QPushButton(self.tr("Xóa dòng đang chọn"))
        self.remove_button.setObjectName("removeUnit")
        self.remove_button.clicked.connect(self.remove_unit)
        self.fields = {"units": self.table}
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        hint = QLabel(self.tr("Mã: chữ không dấu, chữ số, dấu chấm, gạch nối (ví dụ TPHT, CAP, DCXD)."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.error)

    def add_unit(self, code: str = "", name: str = "") -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        first = QTableWidgetItem(code)
        self.table.setItem(row, 0, first)
        self.table.setItem(row, 1, QTableWidgetItem(name))
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        if not code:
            self.table.editItem(first)
        return row

    def remove_unit(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def units(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(self.table.rowCount()):
            code, name = (self.table.item(row, col) for col in (0, 1))
            pair = (code.text() if code else "", name.text() if name else "")
            if pair[0].strip() or pair[1].strip():  # a row left empty is not a unit
                rows.append(pair)
        return rows

    def check(self) -> None:
        code = self.wizard_().agency_page.code.text().strip().upper()
        check_units(self.units(), agency_code=code)


class CatalogPage(_Page):
    SHIPPED, OTHER, NONE = 0, 1, 2

    def __init__(self) -> None:
        super().__init__(
            self.tr("Danh mục thủ tục"),
            self.tr("Các thủ tục hành chính mà bộ phận Một cửa tiếp nhận (tệp JSON)."),
        )
        shipped = load_json("data", "procedures.json")
        self.shipped_count = len(shipped["procedures"])
        self.shipped = QRadioButton(
            self.tr("Danh mục mẫu kèm theo chương trình ({0} thủ tục cấp xã)").format(self.shipped_count)
        )
        self.shipped.setObjectName("shippedCatalog")
        self.other = QRadioButton(self.tr("Tệp danh mục khác:"))
        self.other.setObjectName("otherCatalog")
        self.none = QRadioButton(self.tr("Chưa nhập (nhập sau bằng «onestop init --catalog TỆP»)"))
        self.none.setObjectName("noCatalog")
        self.group = QButtonGroup(self)
        for i, button in enumerate((self.shipped, self.other, self.none)):
            self.group.addButton(button, i)
        self.shipped.setChecked(True)
        self.path = _line("catalogPath", self.tr("đường dẫn tệp .json"))
        self.path.textEdited.connect(lambda _t: self.other.setChecked(True))
        browse = QPushButton(self.tr("Chọn tệp…"))
        browse.setObjectName("browseCatalog")
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.default_unit = QComboBox()
        self.default_unit.setObjectName("defaultUnit")
        self.fields = {"catalog": self.path, "default_unit": self.default_unit}
        self.summary = QLabel()
        self.summary.setObjectName("catalogSummary")
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Đơn vị giải quyết mặc định:"), self.default_unit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.shipped)
        layout.addWidget(self.other)
        layout.addLayout(path_row)
        layout.addWidget(self.none)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.catalog: dict[str, Any] | None = None

    def initializePage(self) -> None:
        super().initializePage()
        chosen = self.default_unit.currentData() if self.default_unit.count() else ""
        self.default_unit.clear()
        self.default_unit.addItem(self.tr("(chưa chọn: gán sau)"), None)
        for code, name in self.wizard_().units_page.units():
            self.default_unit.addItem(f"{name.strip()} ({code.strip()})", code.strip())
        # The choice made before is kept; at first, the first unit (most procedures go to one).
        index = self.default_unit.findData(chosen) if chosen else -1
        if chosen is None:
            index = 0
        self.default_unit.setCurrentIndex(index if index >= 0 else min(1, self.default_unit.count() - 1))

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp danh mục thủ tục"), "", self.tr("Danh mục (*.json)")
        )
        if name:
            self.path.setText(name)
            self.other.setChecked(True)

    def load(self) -> dict[str, Any] | None:
        choice = self.group.checkedId()
        if choice == self.NONE:
            return None
        if choice == self.SHIPPED:
            shipped: dict[str, Any] = load_json("data", "procedures.json")
            return shipped
        text = self.path.text().strip()
        if not text:
            raise ValidationError(self.tr("Tệp danh mục: chưa chọn tệp."), field="catalog")
        try:
            data = json.loads(Path(text).expanduser().read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else self.tr("không phải JSON hợp lệ")
            raise ValidationError(
                self.tr("Tệp danh mục: không đọc được tệp ({0}).").format(reason), field="catalog"
            ) from None
        if not isinstance(data, dict):
            raise ValidationError(self.tr("Tệp danh mục: không phải danh mục thủ tục."), field="catalog")
        return data

    def check(self) -> None:
        self.catalog = self.load()
        count = check_catalog(self.catalog)
        self.summary.setText(self.tr("Sẽ nhập {0} thủ tục.").format(count) if self.catalog else "")


class AdminPage(_Page):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Quản trị đầu tiên"),
            self.tr("Tài khoản quản trị tạo các tài khoản cán bộ, sửa thiết lập, danh mục và lịch."),
        )
        self.username = _line("adminUsername", self.tr("ví dụ: quantri"))
        self.full_name = _line("adminFullName", self.tr("họ và tên người quản trị"))
        self.password = _line("adminPassword")
        self.password_again = _line("adminPasswordAgain")
        for edit in (self.password, self.password_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.shortest = int(BY_KEY["auth.min_password_length"].default)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.fields = {
            "username": self.username,
            "full_name": self.full_name,
            "password": self.password,
            "password_again": self.password_again,
        }
        form = QFormLayout()
        form.addRow(self.tr("Tên đăng nhập:"), self.username)
        form.addRow(self.tr("Họ và tên:"), self.full_name)
        form.addRow(self.tr("Mật khẩu:"), self.password)
        form.addRow(self.tr("Nhập lại mật khẩu:"), self.password_again)
        form.addRow("", self.rule)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.set_shortest(self.shortest)

    def set_shortest(self, shortest: int) -> None:
        self.shortest = shortest
        self.rule.setText(
            self.tr(
                "Mật khẩu ít nhất {0} ký tự; chỉ người quản trị biết, không ghi lên giấy dán ở máy."
            ).format(shortest)
        )

    def admin(self) -> FirstAdmin:
        return FirstAdmin(
            username=self.username.text(),
            full_name=self.full_name.text(),
            password=self.password.text(),
            password_again=self.password_again.text(),
        )

    def check(self) -> None:
        check_first_admin(self.admin(), min_password_length=self.shortest)


def kind_label(kind: str) -> str:
    from onestop.ui.admin_calendar import kind_label as label

    return label(kind)


class CalendarPage(_Page):
    def __init__(self, year: int) -> None:
        super().__init__(
            self.tr("Lịch năm {0}").format(year),
            self.tr(
                "Các ngày nghỉ lễ, nghỉ bù, hoán đổi và thứ Bảy làm bù theo thông báo của Chính phủ; "
                "hạn trả kết quả tính theo lịch này (sửa sau trong «Quản trị → Lịch làm việc»)."
            ),
        )
        self.year = year
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("calendarDays")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Ngày"), self.tr("Thứ"), self.tr("Loại"), self.tr("Tên ngày")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(self.tr("Đang mở cơ sở dữ liệu…"))
        self.status.setObjectName("calendarStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.loaded = False

    def initializePage(self) -> None:
        super().initializePage()
        self.load()

    def load(self) -> None:
        wizard = self.wizard_()
        svc = wizard.svc
        if svc is None or self.loaded:
            return
        year = self.year
        QueryOp(self, lambda: svc.calendar.days(year), self.show_days, tasks=wizard.tasks).run_in_background()

    def show_days(self, days: list[CalendarDay]) -> None:
        self.loaded = True
        self.table.setRowCount(len(days))
        for row, day in enumerate(days):
            values = (
                f"{day.date:%d/%m/%Y}",
                self.tr(WEEKDAY_NAMES[day.date.weekday()]),
                kind_label(day.kind),
                day.name,
            )
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        off = sum(1 for d in days if d.kind != "working_saturday" and d.date.weekday() < 5)
        saturdays = sum(1 for d in days if d.kind == "working_saturday")
        self.status.setText(
            self.tr("{0} ngày nghỉ từ thứ Hai đến thứ Sáu, {1} thứ Bảy làm bù.").format(off, saturdays)
        )
        self.completeChanged.emit()

    def set_year(self, year: int) -> None:
        self.year = year
        self.setTitle(self.tr("Lịch năm {0}").format(year))

    def isComplete(self) -> bool:
        return self.loaded


class SummaryPage(_Page):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Xác nhận"),
            self.tr("Kiểm tra lại rồi bấm «Hoàn tất» để lưu; sau đó đăng nhập bằng tài khoản quản trị."),
        )
        self.text = QLabel()
        self.text.setObjectName("summary")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        self.saving = False

    def initializePage(self) -> None:
        super().initializePage()
        w = self.wizard_()
        setup = w.setup()
        a = setup.agency
        units = ", ".join(f"{name.strip()} ({code.strip()})" for code, name in setup.units) or self.tr(
            "chưa có"
        )
        catalog = (
            self.tr("{0} thủ tục").format(len(setup.catalog["procedures"]))
            if setup.catalog is not None
            else self.tr("chưa nhập")
        )
        stored = agency_settings(a)  # as it will be stored (checked on the first page)
        lines = [
            self.tr("Cơ quan: {0}").format(stored["agency.unit_full_name"]),
            self.tr("Tiêu đề trên giấy tờ in: {0} / {1}").format(
                stored["agency.parent_name"], stored["agency.unit_name"]
            ),
            self.tr("Mã định danh: {0}").format(stored["agency.unit_identifier"]),
            self.tr("Địa chỉ: {0}").format(stored["agency.address"]),
            self.tr("Địa danh: {0}").format(stored["agency.place_name"]),
            self.tr("Đường dây nóng: {0}").format(stored["agency.hotline"] or self.tr("không có")),
            self.tr("Giờ làm việc: {0}").format(setup.office_hours.replace(",", ", ")),
            self.tr("Đơn vị giải quyết: {0}").format(units),
            self.tr("Danh mục thủ tục: {0}").format(catalog),
            self.tr("Quản trị đầu tiên: {0} ({1})").format(
                setup.admin.username.strip(), setup.admin.full_name.strip()
            ),
            "",
            self.tr("Cơ sở dữ liệu: {0}").format(w.location),
        ]
        self.text.setText("\n".join(lines))
        self.error.show_message("")

    def validatePage(self) -> bool:
        w = self.wizard_()
        if w.admin is not None:
            return True
        if self.saving:
            return False
        svc = w.svc
        if svc is None:
            self.error.show_message(self.tr("Đang mở cơ sở dữ liệu… bấm «Hoàn tất» lại sau giây lát."))
            return False
        setup = w.setup()
        self.saving = True
        self.error.show_message(self.tr("Đang lưu…"))
        w.set_busy(True)
        QueryOp(self, lambda: first_run(svc, setup), self._saved, tasks=w.tasks).failure(
            self._failed
        ).run_in_background()
        return False

    def _saved(self, admin: Actor) -> None:
        w = self.wizard_()
        self.saving = False
        w.set_busy(False)
        w.admin = admin
        w.accept()

    def _failed(self, exc: BaseException) -> bool:
        w = self.wizard_()
        self.saving = False
        w.set_busy(False)
        self.error.show_message(message_for(exc))
        return isinstance(exc, UserError)


class SetupWizard(QWizard):
    """Accepted with ``admin`` set once everything is stored."""

    def __init__(
        self,
        svc: Onestop | None,
        tasks: Tasks,
        *,
        location: str,
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.tasks = tasks
        self.location = location
        self.admin: Actor | None = None
        self.year_given = year is not None
        self.setWindowTitle(self.tr("Thiết lập onestop cho cơ quan — lần chạy đầu tiên"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("Quay lại")),
            (QWizard.WizardButton.NextButton, self.tr("Tiếp theo")),
            (QWizard.WizardButton.FinishButton, self.tr("Hoàn tất")),
            (QWizard.WizardButton.CancelButton, self.tr("Hủy")),
        ):
            self.setButtonText(button, text)
        self.agency_page = AgencyPage(location)
        self.hours_page = HoursPage()
        self.units_page = UnitsPage()
        self.catalog_page = CatalogPage()
        self.admin_page = AdminPage()
        self.calendar_page = CalendarPage(year or date.today().year)
        self.summary_page = SummaryPage()
        for page in (
            self.agency_page,
            self.hours_page,
            self.units_page,
            self.catalog_page,
            self.admin_page,
            self.calendar_page,
            self.summary_page,
        ):
            self.addPage(page)
        self.resize(860, 620)
        if svc is not None:
            self.set_services(svc)

    def set_services(self, svc: Onestop) -> None:
        """The database is open (it opens while the first page is typed in)."""
        self.svc = svc
        if not self.year_given:
            self.calendar_page.set_year(svc.ctx.now().year)  # the agency's year, not the computer's
        QueryOp(
            self,
            lambda: int(svc.config.settings()["auth.min_password_length"]),
            self.admin_page.set_shortest,
            tasks=self.tasks,
        ).run_in_background()
        if self.currentPage() is self.calendar_page:
            self.calendar_page.load()

    def set_busy(self, busy: bool) -> None:
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(which).setDisabled(busy)

    def setup(self) -> FirstRun:
        catalog_page = self.catalog_page
        return FirstRun(
            agency=self.agency_page.agency(),
            admin=self.admin_page.admin(),
            office_hours=self.hours_page.hours_text(),
            units=self.units_page.units(),
            catalog=catalog_page.catalog if catalog_page.group.checkedId() != CatalogPage.NONE else None,
            default_unit=catalog_page.default_unit.currentData(),
        )
