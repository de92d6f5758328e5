"""The receiving screen (tiếp nhận hồ sơ): one citizen, one dossier, by keyboard, in well under a minute.

Left: the procedure picker and the applicant. Right: the appointment (hẹn trả), live, with the days it
skips; the document checklist; sets, result channel, fee; «Lưu và in giấy tiếp nhận (Ctrl+Enter)».
Every database call goes through ``Tasks``; what the clerk typed stays in the form until it is saved.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from onestop import validation as v
from onestop.errors import ValidationError
from onestop.forms.receipt import receipt_bytes
from onestop.services import (
    RESULT_CHANNELS,
    Act,
    Actor,
    Applicant,
    DossierView,
    Onestop,
    ProcedureInfo,
    ReceiveRequest,
)
from onestop.ui.common import FieldError, mark_invalid, message_for, show_error, tr
from onestop.ui.guidance import CounterGuidanceDialog
from onestop.ui.intake_models import (
    Catalog,
    ChecklistModel,
    ChecklistView,
    ProcedureListModel,
    appointment_text,
    limit_text,
    weekday_name,
)
from onestop.ui.ops import Changes, QueryOp, Tasks, WriteOp
from onestop.ui.printing import ReceiptPreviewDialog
from onestop.ui.ratings_view import RatingStatusLine, station_name
from onestop.worktime import Appointment

# The appointment is recomputed at the start of every minute (a cut-off, lunch or closing time is a
# whole minute: 15:00, 11:30, 17:00), so it is never a minute behind while the form is open.
REFRESH_MS = 60_000
FEE_MAX = 500


# --------------------------------------------------------------------------- the view


@dataclass(frozen=True)
class _Field:
    widget: QLineEdit
    error: FieldError
    clean: Callable[[str], str]


class IntakeView(QWidget):
    """Receiving one dossier. ``received(code)`` after it is stored; the receipt preview then opens."""

    received = Signal(str)

    def __init__(
        self, svc: Onestop, actor: Actor, tasks: Tasks, ui_state: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.ui_state = ui_state
        self.station = station_name(ui_state)  # this counter, as its kiosk screen knows it
        self.setObjectName("intakeView")

        self.catalog: Catalog | None = None
        self.procedure: ProcedureInfo | None = None
        self.appointment: Appointment | None = None
        self.offer: Applicant | None = None
        self.preview_dialog: ReceiptPreviewDialog | None = None
        self.guidance_dialog: CounterGuidanceDialog | None = None
        self.last_code: str | None = None
        self.seen_due: datetime | None = None  # the appointment on the screen when «Lưu» was pressed
        self.saving = False
        self._preview_seq = 0
        self._offer_seq = 0

        self._build()
        self._wire()
        self.clear_form()

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setObjectName("appointmentRefresh")
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.timeout.connect(self._minute_passed)
        self._schedule_refresh()
        self.load_catalog()

    # ---- building

    def _build(self) -> None:
        # Procedure
        self.picker = QLineEdit()
        self.picker.setObjectName("procedurePicker")
        self.picker.setPlaceholderText(self.tr("Đang tải danh mục thủ tục…"))
        self.picker.setToolTip(
            self.tr("Gõ mã hoặc vài chữ của tên thủ tục (không cần dấu), ↑↓ để chọn, Enter để lấy — F4")
        )
        self.picker.setClearButtonEnabled(True)
        self.picker_model = ProcedureListModel(self)
        self.picker_list = QListView(self)  # an overlay under the picker, not a popup: focus stays typing
        self.picker_list.setObjectName("procedureMatches")
        self.picker_list.setModel(self.picker_model)
        self.picker_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.picker_list.setUniformItemSizes(True)
        self.picker_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.picker_list.setFrameShape(QFrame.Shape.Box)
        self.picker_list.setStyleSheet("QListView { background: palette(base); }")
        self.picker_list.hide()
        self.picker_error = FieldError()
        self.procedure_info = QLabel()
        self.procedure_info.setObjectName("procedureInfo")
        self.procedure_info.setWordWrap(True)
        self.procedure_info.setTextFormat(Qt.TextFormat.RichText)
        self.procedure_info.setMinimumHeight(70)
        self.procedure_info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        proc_box = QGroupBox(self.tr("Thủ tục hành chính"))
        proc_layout = QVBoxLayout(proc_box)
        proc_form = QFormLayout()
        proc_label = QLabel(self.tr("&Thủ tục (F4):"))
        proc_label.setBuddy(self.picker)
        proc_form.addRow(proc_label, _stack(self.picker, self.picker_error))
        proc_layout.addLayout(proc_form)
        # Outside the form layout: a wrapped label in a QFormLayout row gets too little height.
        proc_layout.addWidget(self.procedure_info)

        # Applicant
        self.name = self._line("applicantName", self.tr("Họ và tên người nộp, có dấu"))
        self.id_number = self._line("idNumber", self.tr("12 chữ số (CCCD)"))
        self.id_number.setMaxLength(20)
        self.id_number.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.phone = self._line("phone", self.tr("ví dụ: 0905 123 456"))
        self.phone.setMaxLength(20)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.address = self._line("address", self.tr("số nhà, đường, phường/xã, tỉnh/thành phố"))
        self.address.setMaxLength(v.ADDRESS_MAX + 20)
        self.email = self._line("email", self.tr("không bắt buộc"))
        self.email.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.fee = self._line("fee", "")
        self.fee.setMaxLength(FEE_MAX + 20)
        # The applicant is a person or an organisation (name with digits, &, commas; a tax code).
        self.applicant_kind = QComboBox()
        self.applicant_kind.setObjectName("applicantKind")
        self.applicant_kind.addItem(self.tr("Cá nhân"), "person")
        self.applicant_kind.addItem(self.tr("Tổ chức"), "organisation")
        self.tax_code = self._line("taxCode", self.tr("10 chữ số, chi nhánh thêm -3 chữ số"))
        self.tax_code.setMaxLength(20)
        # The amount charged, confirmed by the clerk (the catalogue's amount is the default).
        self.fee_amount = self._line("feeAmount", self.tr("không thu"))
        self.fee_amount.setMaxLength(16)
        self.fee_amount.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.name_kept: str | None = None  # a name the clerk chose to keep as typed (no fix offered again)

        self.errors = {
            key: FieldError()
            for key in ("name", "tax_code", "id_number", "phone", "address", "email", "fee", "fee_amount")
        }
        for key, err in self.errors.items():
            err.setObjectName(f"{key}Error")
        self.fields: dict[str, _Field] = {
            "name": _Field(self.name, self.errors["name"], self._clean_applicant_name),
            "tax_code": _Field(self.tax_code, self.errors["tax_code"], self._clean_tax_code),
            "id_number": _Field(self.id_number, self.errors["id_number"], v.clean_id_number),
            "phone": _Field(self.phone, self.errors["phone"], v.clean_phone),
            "address": _Field(self.address, self.errors["address"], _clean_address),
            "email": _Field(self.email, self.errors["email"], v.clean_email),
            "fee": _Field(self.fee, self.errors["fee"], _clean_fee),
            "fee_amount": _Field(self.fee_amount, self.errors["fee_amount"], _clean_fee_amount),
        }

        # The fill-in offer for a known id number
        self.offer_bar = QFrame()
        self.offer_bar.setObjectName("fillOffer")
        self.offer_bar.setStyleSheet(
            "#fillOffer { background: #e8f0fe; border: 1px solid #a8c7fa; border-radius: 4px; }"
        )
        self.offer_text = QLabel()
        self.offer_text.setObjectName("fillOfferText")
        self.offer_text.setWordWrap(True)
        self.offer_fill = QPushButton(self.tr("Điền theo hồ sơ trước (Ctrl+D)"))
        self.offer_fill.setObjectName("fillOfferAccept")
        self.offer_skip = QPushButton(self.tr("Bỏ qua"))
        self.offer_skip.setObjectName("fillOfferSkip")
        for button in (self.offer_fill, self.offer_skip):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the tab order stays the same for every citizen
        offer_layout = QVBoxLayout(self.offer_bar)
        offer_layout.setContentsMargins(8, 6, 8, 6)
        offer_layout.addWidget(self.offer_text)
        offer_buttons = QHBoxLayout()
        offer_buttons.addStretch(1)
        offer_buttons.addWidget(self.offer_fill)
        offer_buttons.addWidget(self.offer_skip)
        offer_layout.addLayout(offer_buttons)
        self.offer_bar.hide()

        applicant_box = QGroupBox(self.tr("Người nộp hồ sơ"))
        applicant_form = QFormLayout(applicant_box)
        applicant_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        kind_label = QLabel(self.tr("&Loại người nộp:"))
        kind_label.setBuddy(self.applicant_kind)
        applicant_form.addRow(kind_label, self.applicant_kind)
        self.applicant_form = applicant_form
        self.name_label = QLabel(self.tr("&Họ và tên (*):"))
        self.name_label.setBuddy(self.name)
        applicant_form.addRow(self.name_label, _stack(self.name, self.errors["name"]))
        tax_label = QLabel(self.tr("&Mã số thuế (*):"))
        tax_label.setBuddy(self.tax_code)
        self.tax_box = _stack(self.tax_code, self.errors["tax_code"])
        applicant_form.addRow(tax_label, self.tax_box)
        id_label = QLabel(self.tr("Số định &danh cá nhân:"))
        id_label.setBuddy(self.id_number)
        applicant_form.addRow(id_label, _stack(self.id_number, self.errors["id_number"]))
        applicant_form.addRow(self.offer_bar)
        for text, key in (
            (self.tr("Số điện th&oại:"), "phone"),
            (self.tr("Đị&a chỉ:"), "address"),
            (self.tr("&Email:"), "email"),
        ):
            label = QLabel(text)
            label.setBuddy(self.fields[key].widget)
            applicant_form.addRow(label, _stack(self.fields[key].widget, self.fields[key].error))

        hints = QLabel(
            self.tr(
                "Phím tắt: F4 chọn thủ tục · Tab sang ô sau · Space đánh dấu giấy tờ · "
                "Ctrl+D điền theo hồ sơ trước · Ctrl+Enter lưu và in giấy tiếp nhận · Ctrl+N làm mới · F8 mời đánh giá · "
                "Ctrl+G hướng dẫn bổ sung (Mẫu 02), không tiếp nhận"
            )
        )
        hints.setObjectName("shortcutHints")
        hints.setWordWrap(True)
        hints.setStyleSheet("color: #555;")

        left = QVBoxLayout()
        left.addWidget(proc_box)
        left.addWidget(applicant_box)
        left.addStretch(1)
        left.addWidget(hints)

        # The appointment, live
        self.appointment_panel = QFrame()
        self.appointment_panel.setObjectName("appointmentPanel")
        self.appointment_panel.setStyleSheet(
            "#appointmentPanel { background: #fff8e1; border: 1px solid #f0c36d; border-radius: 6px; }"
        )
        title = QLabel(self.tr("Hẹn trả kết quả"))
        title.setStyleSheet("font-weight: 600; color: #5f4b00;")
        self.appointment_label = QLabel()
        self.appointment_label.setObjectName("appointmentText")
        self.appointment_label.setWordWrap(True)
        self.appointment_label.setStyleSheet("font-size: 15pt; font-weight: 700; color: #0b3d91;")
        self.appointment_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skipped_label = QLabel()
        self.skipped_label.setObjectName("skippedDays")
        self.skipped_label.setWordWrap(True)
        self.appointment_note = QLabel()
        self.appointment_note.setObjectName("appointmentNote")
        self.appointment_note.setWordWrap(True)
        self.appointment_note.setStyleSheet("color: #555;")
        panel_layout = QVBoxLayout(self.appointment_panel)
        panel_layout.setContentsMargins(12, 8, 12, 8)
        panel_layout.addWidget(title)
        panel_layout.addWidget(self.appointment_label)
        panel_layout.addWidget(self.skipped_label)
        panel_layout.addWidget(self.appointment_note)

        # Documents
        self.checklist_model = ChecklistModel(self)
        self.checklist = ChecklistView()
        self.checklist.setObjectName("checklist")
        self.checklist.setModel(self.checklist_model)
        self.checklist.setToolTip(
            self.tr("↑↓ chọn dòng, Space đánh dấu đã nộp, F2 hoặc gõ số để sửa số lượng; Tab để đi tiếp")
        )
        header = self.checklist.horizontalHeader()
        header.setSectionResizeMode(ChecklistModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ChecklistModel.FORM, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ChecklistModel.COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.checklist.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.documents_error = FieldError()
        self.documents_error.setObjectName("documentsError")
        docs_box = QGroupBox(self.tr("Thành phần hồ sơ"))
        docs_layout = QVBoxLayout(docs_box)
        docs_label = QLabel(self.tr("Giấy tờ đã &nộp (Space: đánh dấu, F2: sửa số lượng):"))
        docs_label.setBuddy(self.checklist)
        docs_layout.addWidget(docs_label)
        docs_layout.addWidget(self.checklist, 1)
        docs_layout.addWidget(self.documents_error)

        # Sets, result channel, fee
        self.sets = QSpinBox()
        self.sets.setObjectName("sets")
        self.sets.setRange(1, 99)
        self.sets.setSuffix(self.tr(" bộ"))
        self.sets.setMaximumWidth(120)
        self.result_channel = QComboBox()
        self.result_channel.setObjectName("resultChannel")
        for key, label_text in RESULT_CHANNELS.items():
            self.result_channel.addItem(tr(label_text), key)
        self.form_error = FieldError()
        self.form_error.setObjectName("formError")
        other = QFormLayout()
        for text, widget, row in (
            (self.tr("Số &bộ hồ sơ:"), self.sets, self.sets),
            (self.tr("Nhận &kết quả:"), self.result_channel, self.result_channel),
            (self.tr("&Phí, lệ phí:"), self.fee, _stack(self.fee, self.errors["fee"])),
            (
                self.tr("Số tiền th&u (đồng):"),
                self.fee_amount,
                _stack(self.fee_amount, self.errors["fee_amount"]),
            ),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            other.addRow(label, row)

        self.save_button = QPushButton(self.tr("Lưu và in giấy tiếp nhận (Ctrl+Enter)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Kiểm tra, lưu hồ sơ và mở giấy tiếp nhận để in — Ctrl+Enter"))
        self.save_button.setStyleSheet("font-weight: 600; padding: 6px 14px;")
        self.clear_button = QPushButton(self.tr("Làm mới (Ctrl+N)"))
        self.clear_button.setObjectName("clearButton")
        self.clear_button.setToolTip(self.tr("Xóa trắng biểu mẫu cho người tiếp theo — Ctrl+N"))
        self.guidance_button = QPushButton(self.tr("Hướng dẫn bổ sung (Mẫu 02)…"))
        self.guidance_button.setObjectName("guidanceButton")
        self.guidance_button.setToolTip(
            self.tr(
                "Thiếu giấy tờ: in phiếu hướng dẫn bổ sung, hoàn thiện hồ sơ (Mẫu 02) từ các giấy tờ bắt buộc "
                "chưa đánh dấu, không tiếp nhận và không cấp mã hồ sơ — Ctrl+G"
            )
        )
        self.status = QLabel()
        self.status.setObjectName("intakeStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.guidance_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)

        # The citizen's rating of the dossier just saved: whether they rated, never how.
        self.rating_status = RatingStatusLine(self.svc, self.actor, self.tasks)
        self.rating_status.setObjectName("intakeRatingStatus")
        self.rate_button = QPushButton(self.tr("Mời đánh giá (F8)"))
        self.rate_button.setObjectName("inviteRating")
        self.rate_button.setToolTip(
            self.tr("Mời người dân đánh giá việc tiếp nhận hồ sơ vừa lưu trên màn hình đánh giá — F8")
        )
        self.rate_button.setEnabled(False)
        rating_bar = QFrame()
        rating_bar.setObjectName("ratingBar")
        rating_bar.setStyleSheet(
            "#ratingBar { background: #f3f6fa; border: 1px solid #d5dde8; border-radius: 4px; }"
        )
        rating_layout = QHBoxLayout(rating_bar)
        rating_layout.setContentsMargins(8, 4, 8, 4)
        rating_title = QLabel(self.tr("Đánh giá của người dân:"))
        rating_title.setStyleSheet("color: #444;")
        rating_layout.addWidget(rating_title)
        rating_layout.addWidget(self.rating_status, 1)
        rating_layout.addWidget(self.rate_button)

        right = QVBoxLayout()
        right.addWidget(self.appointment_panel)
        right.addWidget(docs_box, 1)
        right.addLayout(other)
        right.addWidget(self.form_error)
        right.addLayout(buttons)
        right.addWidget(rating_bar)

        columns = QHBoxLayout(self)
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)

        chain: list[QWidget] = [
            self.picker,
            self.applicant_kind,
            self.name,
            self.tax_code,
            self.id_number,
            self.phone,
            self.address,
            self.email,
            self.checklist,
            self.sets,
            self.result_channel,
            self.fee,
            self.fee_amount,
            self.save_button,
            self.guidance_button,
            self.clear_button,
            self.rate_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _wire(self) -> None:
        self.picker.textEdited.connect(self._filter)
        self.picker.installEventFilter(self)
        self.picker_list.clicked.connect(lambda index: self.pick(index.row()))
        for key, fld in self.fields.items():
            fld.widget.installEventFilter(self)
            fld.widget.textEdited.connect(lambda _text, k=key: self._revalidate_if_marked(k))
        self.id_number.textChanged.connect(self._id_changed)
        self.applicant_kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.offer_fill.clicked.connect(self.accept_offer)
        self.offer_skip.clicked.connect(self.dismiss_offer)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear_form)
        self.guidance_button.clicked.connect(self.guidance)
        self.rate_button.clicked.connect(self.invite_rating)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.save_action = self._action(("Ctrl+Return", "Ctrl+Enter"), self.save, context)
        self.clear_action = self._action(("Ctrl+N",), self.clear_form, context)
        # Always enabled (a no-op without an offer), so Ctrl+D never falls through to a line edit.
        self.fill_action = self._action(("Ctrl+D",), self.accept_offer, context)
        self._action(("F4",), self.focus_first, context)
        self.rate_action = self._action(("F8",), self.invite_rating, context)
        self.guidance_action = self._action(("Ctrl+G",), self.guidance, context)

    def _action(
        self, keys: Sequence[str], slot: Callable[[], object], context: Qt.ShortcutContext
    ) -> QAction:
        action = QAction(self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # ---- public

    def half_filled(self) -> str | None:
        """What the clerk typed and has not saved, in a few words; None when the form is empty."""
        if self.procedure is None and not self.picker.text().strip():
            typed = [f.widget.text().strip() for f in self.fields.values() if f.widget.text().strip()]
            if not typed and not self.checklist_model.submitted():
                return None
        name = self.fields["name"].widget.text().strip()
        what = self.procedure.name if self.procedure is not None else self.picker.text().strip()
        parts = [self.tr("thủ tục «{0}»").format(what)] if what else []
        if name:
            parts.append(self.tr("người nộp «{0}»").format(name))
        return ", ".join(parts) or self.tr("thông tin người nộp")

    def focus_first(self) -> None:
        self.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.picker.selectAll()

    def load_catalog(self) -> None:
        svc, actor = self.svc, self.actor
        op = QueryOp(
            self,
            lambda: (
                svc.catalog.procedures(),
                # Who may receive sees their own most-used procedures first; others the plain list.
                svc.intake.procedure_usage(actor=actor) if Act.RECEIVE in svc.permissions(actor) else {},
            ),
            self._catalog_loaded,
            tasks=self.tasks,
        )
        op.failure(self._catalog_failed).run_in_background()

    def clear_form(self) -> None:
        """Empty the form for the next citizen (Ctrl+N) and put the cursor in the picker."""
        self.procedure = None
        self.appointment = None
        self._preview_seq += 1
        self._offer_seq += 1
        self.picker.clear()
        self.picker_list.hide()
        for fld in self.fields.values():
            fld.widget.clear()
            self._set_error(fld, "")
        self._set_field_error(self.picker, self.picker_error, "")
        self.checklist_model.set_documents(())
        self.documents_error.show_message("")
        mark_invalid(self.checklist, False)
        self.sets.setValue(1)
        self.result_channel.setCurrentIndex(0)
        self.applicant_kind.setCurrentIndex(0)
        self._kind_changed()
        self.name_kept = None
        self.form_error.show_message("")
        self.dismiss_offer()
        self._show_procedure_info()
        self._show_appointment_placeholder()
        self.focus_first()

    # ---- the procedure picker

    def _catalog_loaded(self, result: tuple[list[ProcedureInfo], dict[str, int]]) -> None:
        procedures, usage = result
        self.catalog = Catalog(procedures, usage)
        self.picker.setPlaceholderText(self.tr("Gõ mã hoặc vài chữ của tên, ví dụ: chung thuc"))
        if self.picker.hasFocus() and self.procedure is None:
            self._filter(self.picker.text())

    def _catalog_failed(self, _exc: BaseException) -> bool:
        self.picker.setPlaceholderText(self.tr("Chưa tải được danh mục thủ tục"))
        return False  # and the op shows why («Thử lại» loads it again)

    def _filter(self, text: str) -> None:
        if self.catalog is None:
            return
        matches = self.catalog.match(text)
        self.picker_model.set_items(matches)
        if matches:
            self._set_field_error(self.picker, self.picker_error, "")
            self.picker_list.setCurrentIndex(self.picker_model.index(0))
            self._place_list()
            self.picker_list.show()
            self.picker_list.raise_()
        else:
            self.picker_list.hide()
            if text.strip():
                self._set_field_error(
                    self.picker,
                    self.picker_error,
                    self.tr("Thủ tục: không có thủ tục nào khớp «{0}».").format(text.strip()),
                )

    def _place_list(self) -> None:
        top_left = self.picker.mapTo(self, QPoint(0, self.picker.height()))
        rows = min(max(self.picker_model.rowCount(), 1), 10)
        row_height = max(self.picker_list.sizeHintForRow(0), self.fontMetrics().height() + 6)
        width = min(max(self.picker.width(), 640), self.width() - top_left.x() - 8)
        self.picker_list.setGeometry(top_left.x(), top_left.y(), max(width, 200), rows * row_height + 4)

    def _move_in_list(self, step: int) -> None:
        count = self.picker_model.rowCount()
        if not count:
            return
        row = self.picker_list.currentIndex().row()
        row = min(max(0, row + step), count - 1) if row >= 0 else 0
        self.picker_list.setCurrentIndex(self.picker_model.index(row))

    def pick(self, row: int) -> None:
        if not 0 <= row < self.picker_model.rowCount():
            return
        proc = self.picker_model.items[row]
        self.picker_list.hide()
        self.choose_procedure(proc)
        self.name.setFocus(Qt.FocusReason.TabFocusReason)

    def choose_procedure(self, proc: ProcedureInfo) -> None:
        self.procedure = proc
        self.picker.setText(f"{proc.code} — {proc.name}")
        self.picker.setCursorPosition(0)
        self._set_field_error(self.picker, self.picker_error, "")
        self.checklist_model.set_documents(proc.documents)
        self.checklist.resizeRowsToContents()
        self.documents_error.show_message("")
        mark_invalid(self.checklist, False)
        self.fee.setText(proc.fee_text)
        self._set_error(self.fields["fee"], "")
        self.fee_amount.setText(f"{proc.fee_amount:,}".replace(",", ".") if proc.fee_amount else "")
        self._set_error(self.fields["fee_amount"], "")
        self._show_procedure_info()
        self.appointment = None
        self.appointment_label.setText(self.tr("Đang tính…"))
        self._set_skipped("")
        self.appointment_note.setText("")
        self.refresh_appointment()

    def reload_procedure(self) -> None:
        """Fetch the chosen procedure's current version and the catalogue again, keeping the ticks."""
        if self.procedure is None:
            return
        code, svc = self.procedure.code, self.svc

        def fresh(proc: ProcedureInfo) -> None:
            if self.procedure is None or self.procedure.code != proc.code:
                return
            self.procedure = proc
            self.checklist_model.set_documents(proc.documents, keep=True)
            self.checklist.resizeRowsToContents()
            self._show_procedure_info()

        op = QueryOp(self, lambda: svc.catalog.procedure(code), fresh, tasks=self.tasks)
        op.failure(lambda _exc: True).run_in_background()  # only a refresh: a failure leaves the form as is
        self.load_catalog()

    def _restore_picker_text(self) -> None:
        self.picker_list.hide()
        if self.procedure is not None:
            self.picker.setText(f"{self.procedure.code} — {self.procedure.name}")
            self.picker.setCursorPosition(0)
            self._set_field_error(self.picker, self.picker_error, "")

    def _show_procedure_info(self) -> None:
        proc = self.procedure
        if proc is None:
            self.procedure_info.setText(
                "<i>" + _esc(self.tr("Chưa chọn thủ tục. Gõ mã hoặc tên rồi nhấn Enter.")) + "</i>"
            )
            return
        self.procedure_info.setText(
            f"<b>{_esc(proc.name)}</b><br>"
            + _esc(self.tr("Lĩnh vực: {0}").format(proc.field))
            + "<br>"
            + _esc(self.tr("Thời hạn giải quyết: {0}").format(limit_text(proc)))
            + "<br>"
            + _esc(self.tr("Phí, lệ phí: {0}").format(proc.fee_text or self.tr("không")))
        )

    # ---- the appointment

    def _schedule_refresh(self) -> None:
        """The next recomputation: just after the next whole minute of the agency's clock."""
        now = self.svc.ctx.clock.now()
        to_next_minute = (60 - now.second) * 1000 - now.microsecond // 1000
        self.refresh_timer.start(max(50, min(REFRESH_MS, to_next_minute) + 50))

    def _minute_passed(self) -> None:
        self.refresh_appointment()
        self._schedule_refresh()

    def refresh_appointment(self) -> None:
        """Recompute the appointment in the background (on choosing, and at every minute)."""
        if self.procedure is None:
            return
        self._preview_seq += 1
        seq, code, svc = self._preview_seq, self.procedure.code, self.svc
        op = QueryOp(
            self,
            lambda: svc.calendar.preview_due(code),
            lambda appointment: self._appointment_ready(seq, appointment),
            tasks=self.tasks,
        )
        op.failure(lambda exc: self._appointment_failed(seq, exc)).run_in_background()

    def _appointment_ready(self, seq: int, appointment: Appointment) -> None:
        if seq != self._preview_seq:
            return  # a newer request (another procedure, a cleared form) is on its way
        self.appointment = appointment
        self.appointment_label.setText(self.tr("Hẹn trả: {0}").format(appointment_text(appointment.due_at)))
        if appointment.skipped:
            self._set_skipped(
                self.tr("Không tính các ngày nghỉ:")
                + "\n"
                + "\n".join(f"• {day.label()}" for day in appointment.skipped)
            )
        else:
            self._set_skipped("")
        at = appointment.received_at
        note = self.tr("Tính từ {0}, {1} {2}").format(
            at.strftime("%H:%M"), weekday_name(at), at.strftime("%d/%m/%Y")
        )
        if self.procedure is not None:
            note += " · " + self.tr("thời hạn {0}").format(limit_text(self.procedure))
        self.appointment_note.setText(note)

    def _appointment_failed(self, seq: int, exc: BaseException) -> bool:
        """Said where the appointment goes, never in a box: it is tried again in 30 s, and on saving."""
        if seq != self._preview_seq:
            return True
        self.appointment = None
        self.appointment_label.setText(self.tr("Chưa tính được ngày hẹn trả"))
        self._set_skipped(message_for(exc))
        self.appointment_note.setText(self.tr("Sẽ thử lại sau một phút; khi lưu, ngày hẹn vẫn được tính."))
        return True

    def _set_skipped(self, text: str) -> None:
        self.skipped_label.setText(text)
        self.skipped_label.setVisible(bool(text))

    def _show_appointment_placeholder(self) -> None:
        self.appointment_label.setText(self.tr("Chọn thủ tục để xem ngày hẹn trả"))
        self._set_skipped("")
        self.appointment_note.setText("")

    # ---- the applicant

    def _set_error(self, fld: _Field, message: str) -> None:
        self._set_field_error(fld.widget, fld.error, message)

    def _set_field_error(self, widget: QWidget, label: FieldError, message: str) -> None:
        label.show_message(message)
        mark_invalid(widget, bool(message))

    def validate_field(self, key: str) -> bool:
        fld = self.fields[key]
        try:
            fld.clean(fld.widget.text())
        except ValidationError as exc:
            self._set_error(fld, exc.message)
            return False
        self._set_error(fld, "")
        return True

    def _revalidate_if_marked(self, key: str) -> None:
        fld = self.fields[key]
        if fld.widget.property("invalid"):
            try:
                fld.clean(fld.widget.text())
            except ValidationError:
                return
            self._set_error(fld, "")

    def _id_changed(self, text: str) -> None:
        self._offer_seq += 1
        self.dismiss_offer()
        try:
            clean = v.clean_id_number(text)
        except ValidationError:
            return
        if not clean:
            return
        seq, svc, actor = self._offer_seq, self.svc, self.actor
        op = QueryOp(
            self,
            lambda: svc.intake.last_applicant(clean, actor=actor),
            lambda found: self._offer_ready(seq, found),
            tasks=self.tasks,
        )
        op.failure(lambda _exc: True).run_in_background()  # only an offer: the clerk types the data as usual

    def _offer_ready(self, seq: int, found: Applicant | None) -> None:
        if seq != self._offer_seq or found is None:
            return
        current = self._typed_applicant()
        if (found.name, found.phone, found.address, found.email) == (
            current.name,
            current.phone,
            current.address,
            current.email,
        ):
            return
        self.offer = found
        parts = [found.name] + [p for p in (found.phone, found.address, found.email) if p]
        self.offer_text.setText(
            self.tr("Số định danh này đã có trong hồ sơ trước: {0}.").format(" · ".join(parts))
        )
        self.offer_bar.show()

    def accept_offer(self) -> None:
        """Fill name, phone, address and email from the last dossier with this id number (Ctrl+D)."""
        found = self.offer
        if found is None:
            return
        for key, value in (
            ("name", found.name),
            ("phone", found.phone),
            ("address", found.address),
            ("email", found.email),
        ):
            self.fields[key].widget.setText(value)
            self._set_error(self.fields[key], "")
        self.dismiss_offer()

    def dismiss_offer(self) -> None:
        self.offer = None
        self.offer_bar.hide()

    def _typed_applicant(self) -> Applicant:
        return Applicant(
            name=self.name.text(),
            id_number=self.id_number.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            email=self.email.text(),
            kind=self.kind(),
            tax_code=self.tax_code.text() if self.kind() == "organisation" else "",
        )

    def kind(self) -> str:
        return str(self.applicant_kind.currentData())

    def _kind_changed(self) -> None:
        """A person has a full name; an organisation a name (digits, &, commas…) and a tax code."""
        organisation = self.kind() == "organisation"
        self.name_label.setText(self.tr("Tên &tổ chức (*):") if organisation else self.tr("&Họ và tên (*):"))
        self.name.setPlaceholderText(
            self.tr("tên đầy đủ theo giấy đăng ký")
            if organisation
            else self.tr("Họ và tên người nộp, có dấu")
        )
        self.applicant_form.setRowVisible(self.tax_box, organisation)
        for key in ("name", "tax_code"):
            if self.fields[key].widget.text():
                self.validate_field(key)
            else:
                self._set_error(self.fields[key], "")

    def _clean_applicant_name(self, text: str) -> str:
        if self.kind() == "organisation":
            return v.clean_org_name(text, label=self.tr("Tên tổ chức"), field="name")
        return _clean_name(text)

    def _clean_tax_code(self, text: str) -> str:
        if self.kind() != "organisation":
            return ""
        return v.clean_tax_code(text, required=True, label=self.tr("Mã số thuế"))

    # ---- events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.picker:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if self._picker_key(event):
                    return True
            elif event.type() == QEvent.Type.FocusIn:
                if self.procedure is None and self.catalog is not None:
                    self._filter(self.picker.text())
            elif event.type() == QEvent.Type.FocusOut:
                self._restore_picker_text()
        elif event.type() == QEvent.Type.FocusOut:
            for key, fld in self.fields.items():
                # Checked on leaving only once typed in: tabbing past an empty field is no mistake
                # (saving names what is still missing).
                if watched is fld.widget and fld.widget.isModified():
                    self.validate_field(key)
                    break
        return super().eventFilter(watched, event)

    def _picker_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        listing = self.picker_list.isVisible()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            if not listing:
                self._filter("" if self.procedure is not None else self.picker.text())
                return True
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}[
                Qt.Key(key)
            ]
            self._move_in_list(step)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if listing and self.picker_list.currentIndex().isValid():
                self.pick(self.picker_list.currentIndex().row())
            elif self.procedure is not None:
                self.name.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key == Qt.Key.Key_Escape and listing:
            self._restore_picker_text()
            return True
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.picker_list.isVisible():
            self._place_list()

    # ---- saving

    def collect(self) -> ReceiveRequest | None:
        """The request if everything the clerk typed is valid; otherwise the messages beside the fields,
        the cursor in the first wrong one, and None."""
        first_bad: QWidget | None = None
        if self.procedure is None:
            self._set_field_error(
                self.picker, self.picker_error, self.tr("Thủ tục: chưa chọn thủ tục (gõ mã hoặc tên, Enter).")
            )
            first_bad = self.picker
        for key in ("name", "tax_code", "id_number", "phone", "address", "email"):
            if not self.validate_field(key) and first_bad is None:
                first_bad = self.fields[key].widget
        missing = self.checklist_model.missing_required()
        if missing:
            self.documents_error.show_message(
                self.tr("Thiếu giấy tờ bắt buộc: {0}. Đánh dấu (Space) khi người nộp đã nộp.").format(
                    "; ".join(f"«{name}»" for name in missing)
                )
            )
            mark_invalid(self.checklist, True)
            if first_bad is None:
                first_bad = self.checklist
                self.checklist.setCurrentIndex(
                    self.checklist_model.index(self.checklist_model.first_missing_row(), 0)
                )
        else:
            self.documents_error.show_message("")
            mark_invalid(self.checklist, False)
        if not self.validate_field("fee") and first_bad is None:
            first_bad = self.fee
        if not self.validate_field("fee_amount") and first_bad is None:
            first_bad = self.fee_amount
        if first_bad is not None or self.procedure is None:
            if first_bad is not None:
                first_bad.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return ReceiveRequest(
            procedure_code=self.procedure.code,
            applicant=self._typed_applicant(),
            documents=self.checklist_model.submitted(),
            sets=self.sets.value(),
            channel="counter",
            result_channel=str(self.result_channel.currentData()),
            fee_text=self.fee.text(),
            fee_amount=_fee_amount(self.fee_amount.text()),
        )

    def save(self) -> None:
        """Validate, store through the service, then open the receipt (Ctrl+Enter)."""
        if self.saving:
            return
        if self.checklist.state() == QAbstractItemView.State.EditingState:
            self.checklist.setFocus()  # commits the count being typed
        self.form_error.show_message("")
        request = self.collect()
        if request is None or not self.name_confirmed():
            return
        request = replace(request, applicant=self._typed_applicant())  # the name as confirmed
        svc, actor = self.svc, self.actor
        self.seen_due = self.appointment.due_at if self.appointment is not None else None

        def work() -> tuple[DossierView, bytes | BaseException]:
            view = svc.intake.receive(request, actor=actor)
            try:
                pdf: bytes | BaseException = receipt_bytes(svc.papers.receipt_data(view.code, actor=actor))
            except Exception as exc:  # the dossier is stored; the receipt can be printed again later
                pdf = exc
            return view, pdf

        op = WriteOp(self, work, self._saved, changes=Changes.DOSSIERS, tasks=self.tasks)
        op.while_running(self._set_saving).with_progress(self.tr("Đang lưu…"))
        op.failure(self._save_failed).run_in_background()

    def _set_saving(self, saving: bool) -> None:
        """While the dossier is stored (again after «Thử lại»): one save at a time."""
        self.saving = saving
        self.save_button.setDisabled(saving)
        self.status.setText(self.tr("Đang lưu…") if saving else "")

    def _saved(self, result: tuple[DossierView, bytes | BaseException]) -> None:
        view, pdf = result
        self.last_code = view.code
        if self.catalog is not None:
            self.catalog.used(view.procedure_code)
        self.clear_form()
        self.rate_button.setEnabled(True)
        self.received.emit(view.code)
        # The service is given: the kiosk invites the citizen to rate it (if the setting says so).
        self.rating_status.invite(
            view.code, event="receipt", actor=self.actor, station=self.station, only_if_auto=True
        )
        seen, self.seen_due = self.seen_due, None
        if seen is not None and view.due_at != seen:
            self.warn_appointment_moved(view, seen)
        if isinstance(pdf, bytes):
            self.status.setText(self.tr("Đã lưu hồ sơ {0}.").format(view.code))
            self.show_receipt(view.code, pdf)
        else:
            self.status.setText(
                self.tr(
                    "Đã lưu hồ sơ {0}, nhưng chưa tạo được giấy tiếp nhận; in lại từ danh sách hồ sơ (F3)."
                ).format(view.code)
            )
            show_error(self, pdf)

    def name_confirmed(self) -> bool:
        """A person's name typed in lower case or without diacritics is offered a fix before saving,
        never changed silently: use the fix, keep the name as typed, or go back and retype it."""
        name = self.name.text().strip()
        fix = v.name_fix(name) if self.kind() == "person" else None
        if fix is None or self.name_kept == name:
            return True
        if fix.lower_case and fix.no_diacritics:
            text = self.tr("Họ tên «{0}» chưa có dấu và chưa viết hoa chữ cái đầu.").format(name)
        elif fix.lower_case:
            text = self.tr("Họ tên «{0}» chưa viết hoa chữ cái đầu.").format(name)
        else:
            text = self.tr("Họ tên «{0}» chưa có dấu.").format(name)
        if fix.no_diacritics:
            text += " " + self.tr("Nếu tên có dấu, hãy gõ lại có dấu theo giấy tờ tùy thân.")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Kiểm tra họ tên"), text, parent=self)
        box.setObjectName("nameFix")
        use = None
        if fix.suggestion != name:
            use = box.addButton(
                self.tr("Dùng «{0}»").format(fix.suggestion), QMessageBox.ButtonRole.AcceptRole
            )
        keep = box.addButton(self.tr("Giữ như đã gõ"), QMessageBox.ButtonRole.AcceptRole)
        retype = box.addButton(self.tr("Gõ lại"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(use or retype)
        box.setEscapeButton(retype)
        box.exec()
        chosen = box.clickedButton()
        if chosen is use and use is not None:
            self.name.setText(fix.suggestion)
            self.name_kept = fix.suggestion
            return True
        if chosen is keep:
            self.name_kept = name
            return True
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name.selectAll()
        return False

    def warn_appointment_moved(self, view: DossierView, seen: datetime) -> None:
        """The appointment the clerk read out is not the one stored (a cut-off passed in between):
        said before the receipt is printed, so the citizen hears the right date."""
        QMessageBox.warning(
            self,
            self.tr("Ngày hẹn trả đã thay đổi"),
            self.tr(
                "Hồ sơ {0} được lưu lúc {1}, sau mốc giờ tính ngày hẹn: ngày hẹn trả là {2}, "
                "không phải {3} như màn hình đã hiện. Giấy tiếp nhận ghi ngày mới; hãy báo lại "
                "cho người nộp."
            ).format(
                view.code,
                view.received_at.strftime("%H:%M"),
                appointment_text(view.due_at),
                appointment_text(seen),
            ),
        )

    def _save_failed(self, exc: BaseException) -> bool:
        """The service's check of a field goes beside it; anything else the op shows (the form keeps
        what was typed; «Thử lại» stores it again after a storage error)."""
        return isinstance(exc, ValidationError) and self._show_service_error(exc)

    def _show_service_error(self, exc: ValidationError) -> bool:
        """The service's own check failed a field: its message beside that field."""
        key = exc.field or ""
        if key in self.fields:
            self._set_error(self.fields[key], exc.message)
            self.fields[key].widget.setFocus()
            return True
        if key == "documents":
            self.documents_error.show_message(exc.message)
            mark_invalid(self.checklist, True)
            self.checklist.setFocus()
            # The catalogue changed since it was loaded (a new version of the procedure): show it.
            self.reload_procedure()
            return True
        widget = {
            "sets": self.sets,
            "result_channel": self.result_channel,
            "channel": self.result_channel,
        }.get(key)
        if widget is not None:
            self.form_error.show_message(exc.message)
            widget.setFocus()
            return True
        return False

    def guidance(self) -> CounterGuidanceDialog | None:
        """Mẫu 02 at the counter (Ctrl+G): the required documents not ticked, nothing received."""
        if self.procedure is None:
            self._set_field_error(
                self.picker,
                self.picker_error,
                self.tr("Thủ tục: chọn thủ tục trước khi in hướng dẫn bổ sung (Mẫu 02)."),
            )
            self.focus_first()
            return None
        if self.checklist.state() == QAbstractItemView.State.EditingState:
            self.checklist.setFocus()  # commits the count being typed
        dialog = CounterGuidanceDialog(
            self.svc,
            self.actor,
            self.tasks,
            self.ui_state,
            self.procedure.code,
            self.procedure.name,
            self._typed_applicant(),
            self.checklist_model.missing_required(),
            self,
        )
        self.guidance_dialog = dialog
        dialog.open()
        return dialog

    def invite_rating(self) -> None:
        """Invite the citizen to rate the receipt of the dossier saved last (F8), e.g. after the
        automatic invitation was turned off, or timed out while the citizen was busy."""
        if self.last_code is None:
            return
        self.rating_status.invite(self.last_code, event="receipt", actor=self.actor, station=self.station)

    def _back_from_receipt(self) -> None:
        self.window().activateWindow()  # not every platform gives the focus back to the parent
        self.focus_first()

    def show_receipt(self, code: str, pdf: bytes) -> ReceiptPreviewDialog:
        if self.preview_dialog is not None:
            self.preview_dialog.close()
            self.preview_dialog.deleteLater()
        dialog = ReceiptPreviewDialog(
            pdf,
            self.ui_state,
            self,
            title=self.tr("Giấy tiếp nhận — {0}").format(code),
            file_name=f"{code}.pdf",
            database=self.svc.db.sqlite_path,
        )
        dialog.finished.connect(lambda _result: self._back_from_receipt())
        self.preview_dialog = dialog
        dialog.open()  # not exec(): the counter never waits on a nested event loop
        return dialog


# --------------------------------------------------------------------------- small helpers


def _stack(widget: QWidget, error: FieldError) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    box.setFocusProxy(widget)
    return box


def _clean_name(text: str) -> str:
    return v.clean_name(text, label=tr("Họ và tên"), field="name")


def _clean_address(text: str) -> str:
    return v.clean_text(text, label=tr("Địa chỉ"), field="address", max_len=v.ADDRESS_MAX)


def _clean_fee(text: str) -> str:
    return v.clean_text(text, label=tr("Phí, lệ phí"), field="fee", max_len=FEE_MAX)


def _fee_amount(text: str) -> int:
    """The amount typed, in đồng ("50.000", "50 000"); empty is nothing charged."""
    digits = "".join(ch for ch in text if ch not in " .,")
    return int(digits) if digits else 0


def _clean_fee_amount(text: str) -> str:
    digits = "".join(ch for ch in text if ch not in " .,")
    if digits and not (digits.isascii() and digits.isdigit() and len(digits) <= 10):
        raise ValidationError(
            tr("Số tiền thu: chỉ gồm chữ số, tính bằng đồng (ví dụ 50.000); để trống nếu không thu."),
            field="fee_amount",
        )
    if digits and int(digits) > 1_000_000_000:
        raise ValidationError(tr("Số tiền thu: không quá 1.000.000.000 đồng."), field="fee_amount")
    return text


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["Catalog", "ChecklistModel", "IntakeView", "ProcedureListModel", "appointment_text"]
