"""The dossier detail: its data, documents, history, receipt versions (reprint), ratings, and the
steps that may come next (``onestop.ui.steps``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from onestop.lifecycle import ACTION_LABELS, STEP_VERDICTS
from onestop.ratings import Scale
from onestop.services import CHANNELS, RESULT_CHANNELS, Act, Actor, DossierView, EventView, Onestop
from onestop.services.oversight import Directive
from onestop.ui.board import DossierDirectives
from onestop.ui.common import show_error, tr
from onestop.ui.contact_edit import ContactEditDialog
from onestop.ui.detail_files import FilesPanel
from onestop.ui.dossiers import long_time, status_text
from onestop.ui.ops import Changes, QueryOp, Tasks, watch
from onestop.ui.ratings_view import (
    RatingEntryDialog,
    RatingStatusLine,
    channel_label,
    event_label,
    invite_event,
    level_label,
    may_see_ratings,
    station_name,
)
from onestop.ui.steps import StepBar, StepContext, StepOutcome, load_context

# ---------------------------------------------------------------------------------------- detail


def _read_only_table(headers: list[str], object_name: str, stretch: int) -> QTableWidget:
    """A small read-only table; column ``stretch`` takes the free width, the others fit their text."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)
    table.resizeRowsToContents()


def _handover(event: EventView) -> tuple[str, str]:
    """From which unit to which a step moved the dossier; the counter and the applicant by name."""
    counter = tr("Bộ phận Một cửa")
    if event.action == "transfer":
        return event.from_unit or counter, event.to_unit or ""
    if event.action == "result":
        return event.from_unit or "", counter
    if event.action == "return":
        return counter, tr("Người nộp hồ sơ")
    return event.from_unit or "", event.to_unit or ""


@dataclass(frozen=True)
class _Detail:
    """What the detail loads in the background: the dossier and what this user may do with it."""

    context: StepContext
    can_correct: bool
    can_rate: bool
    scale: Scale | None
    directives: list[Directive]
    can_direct: bool


@dataclass(frozen=True)
class ReceiptVersionInfo:
    """One printed version of a dossier's receipt (worked out from its history)."""

    version: int
    at: datetime
    by: str
    note: str


def receipt_versions(view: DossierView) -> list[ReceiptVersionInfo]:
    """Version 1 is the receipt; each correction of the applicant made the next one."""
    versions = [ReceiptVersionInfo(1, view.received_at, view.received_by_name, tr("Phiếu khi tiếp nhận"))]
    for event in view.events:
        if event.action == "correct" and len(versions) < view.receipt_version:
            note = tr("Sửa thông tin liên hệ") + (f": {event.note}" if event.note else "")
            versions.append(ReceiptVersionInfo(len(versions) + 1, event.at, event.user_name, note))
    while len(versions) < view.receipt_version:  # history unreadable: still offer every version
        versions.append(ReceiptVersionInfo(len(versions) + 1, view.received_at, "", ""))
    return versions


class DossierDetailDialog(QDialog):
    """One dossier: its data, documents, appointment, history, receipt versions (reprint), correction."""

    loaded = Signal()  # after every (re)load
    receipt_ready = Signal(int, bytes)  # version, PDF: a reprint is ready to preview

    def __init__(
        self,
        svc: Onestop,
        actor: Actor,
        tasks: Tasks,
        code: str,
        ui_state: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.actor = actor
        self.tasks = tasks
        self.code = code
        self.ui_state = ui_state
        self.view: DossierView | None = None
        self.can_correct = False
        self.can_rate = False
        self.scale: Scale | None = None
        self.preview: QDialog | None = None
        self.editor: ContactEditDialog | None = None
        self.rating_entry: RatingEntryDialog | None = None
        self.setObjectName("dossierDetail")
        self.setWindowTitle(self.tr("Hồ sơ {0}").format(code))
        self.setModal(False)

        self.title = QLabel(self.tr("Hồ sơ {0}").format(code))
        self.title.setObjectName("detailTitle")
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self.tr("Đang tải hồ sơ…"))
        self.status_label.setObjectName("detailStatus")
        self.status_label.setStyleSheet("font-weight: 600;")

        self.fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        left = (
            ("procedure", self.tr("Thủ tục:")),
            ("applicant_name", self.tr("Người nộp:")),
            ("id_number", self.tr("Số định danh:")),
            ("phone", self.tr("Điện thoại:")),
            ("email", self.tr("Email:")),
            ("address", self.tr("Địa chỉ:")),
        )
        right = (
            ("received", self.tr("Tiếp nhận lúc:")),
            ("due", self.tr("Hẹn trả:")),
            ("unit", self.tr("Đơn vị đang giữ:")),
            ("sets", self.tr("Số bộ hồ sơ:")),
            ("channels", self.tr("Nộp / nhận kết quả:")),
            ("fee", self.tr("Phí, lệ phí:")),
            ("register", self.tr("Sổ theo dõi:")),
        )
        for column, items in ((0, left), (2, right)):
            for row, (key, label) in enumerate(items):
                name = QLabel(label)
                name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                value = QLabel("")
                value.setObjectName(f"detail_{key}")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.fields[key] = value
                grid.addWidget(name, row, column)
                grid.addWidget(value, row, column + 1)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)

        self.documents = _read_only_table(
            [self.tr("Tên giấy tờ"), self.tr("Hình thức"), self.tr("Số lượng")], "detailDocuments", 0
        )
        self.history = _read_only_table(
            [
                self.tr("Thời gian"),
                self.tr("Thao tác"),
                self.tr("Cán bộ"),
                self.tr("Từ đơn vị"),
                self.tr("Đến đơn vị"),
                self.tr("Ghi chú"),
            ],
            "detailHistory",
            5,
        )
        self.receipts = _read_only_table(
            [self.tr("Bản"), self.tr("Lập lúc"), self.tr("Cán bộ"), self.tr("Nội dung"), ""],
            "detailReceipts",
            3,
        )
        self.receipt_buttons: dict[int, QPushButton] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self.tabs.addTab(self.history, self.tr("Lịch sử"))
        self.tabs.addTab(self.documents, self.tr("Giấy tờ"))
        self.tabs.addTab(self.receipts, self.tr("Giấy tiếp nhận"))
        self.tabs.addTab(self._build_ratings_tab(), self.tr("Đánh giá"))
        self.can_digitise = False
        self.files = FilesPanel(svc, actor, tasks, ui_state, scope=self, parent=self)
        self.files.attached.connect(lambda _view: self.tabs.setCurrentWidget(self.files))
        self.tabs.addTab(self.files, self.tr("Tệp số hóa"))

        # The steps that may come next (their keys work anywhere in this window).
        self.steps = StepBar(svc, actor, tasks, ui_state, scope=self, parent=self)
        self.steps.stepped.connect(self._stepped)
        steps_box = QGroupBox(self.tr("Bước xử lý tiếp theo"))
        steps_box.setObjectName("stepsBox")
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.setContentsMargins(8, 4, 8, 4)
        steps_layout.addWidget(self.steps)

        self.correct_button = QPushButton(self.tr("&Sửa thông tin liên hệ… (Ctrl+E)"))
        self.correct_button.setObjectName("correctButton")
        self.correct_button.setShortcut(QKeySequence("Ctrl+E"))
        self.correct_button.setEnabled(False)
        self.correct_button.clicked.connect(self.edit_contact)
        self.reprint_button = QPushButton(self.tr("&In lại giấy tiếp nhận (Ctrl+P)"))
        self.reprint_button.setObjectName("reprintLatest")
        self.reprint_button.setShortcut(QKeySequence("Ctrl+P"))
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(
            lambda: self.reprint(self.view.receipt_version if self.view else 1)
        )
        close = QPushButton(self.tr("Đóng (Esc)"))
        close.setObjectName("closeDetail")
        close.clicked.connect(self.close)
        close.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        self.directives = DossierDirectives(svc, actor, tasks, code, self)
        layout.addWidget(self.directives)
        layout.addLayout(grid)
        layout.addWidget(steps_box)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        geometry = ui_state.value("detail/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1080, 680)
        # A step taken here or anywhere else (the officer's list, another counter's detail).
        watch(self, Changes.DOSSIERS, self.reload, tasks=tasks)
        self.reload()

    # ---- loading

    def reload(self) -> None:
        svc, actor, code = self.svc, self.actor, self.code

        def work() -> _Detail:
            context = load_context(svc, actor, code)
            can_rate = Act.RATE in context.acts
            return _Detail(
                context,
                Act.CORRECT in context.acts,
                can_rate,
                svc.ratings.scale() if can_rate else None,
                svc.oversight.on_dossier(code, actor=actor),
                Act.DIRECT in context.acts,
            )

        QueryOp(self, work, self._loaded, tasks=self.tasks).failure(self._failed).run_in_background()

    def _loaded(self, result: _Detail) -> None:
        self.can_correct = result.can_correct
        self.can_rate = result.can_rate
        self.can_digitise = Act.DIGITISE in result.context.acts
        self.scale = result.scale
        self.show_view(result.context.view)
        self.steps.set_context(result.context)
        self.directives.set_directives(result.directives, result.can_direct)

    def _failed(self, exc: BaseException) -> bool:
        if self.view is None:
            self.status_label.setText(getattr(exc, "message", "") or self.tr("Không tải được hồ sơ."))
        return False  # and the op shows why («Thử lại» loads it again)

    def show_view(self, view: DossierView) -> None:
        self.view = view
        a = view.applicant
        self.status_label.setText(status_text(view.status))
        f = self.fields
        f["procedure"].setText(f"{view.procedure_code} — {view.procedure_name}")
        f["applicant_name"].setText(a.name)
        f["id_number"].setText(a.id_number or "—")
        f["phone"].setText(a.phone or "—")
        f["email"].setText(a.email or "—")
        f["address"].setText(a.address or "—")
        f["received"].setText(self.tr("{0}, {1}").format(long_time(view.received_at), view.received_by_name))
        due = long_time(view.due_at)
        if view.legal_due_at is not None and view.legal_due_at != view.due_at:
            due = self.tr("{0} (sau tạm dừng chờ bổ sung: {1})").format(due, long_time(view.legal_due_at))
        if view.extended_due_at is not None:
            due = self.tr("{0} (gia hạn đến {1})").format(due, long_time(view.extended_due_at))
        f["due"].setText(due)
        f["unit"].setText(view.current_unit or self.tr("Bộ phận Một cửa"))
        f["sets"].setText(str(view.sets))
        f["channels"].setText(
            f"{tr(CHANNELS.get(view.channel, view.channel))} / "
            f"{tr(RESULT_CHANNELS.get(view.result_channel, view.result_channel))}"
        )
        f["fee"].setText(view.fee_text or "—")
        f["register"].setText(self.tr("Quyển {0}, số {1}").format(view.register_volume, view.register_number))
        _fill(self.documents, [(d.name, d.form, str(d.count)) for d in view.documents])
        _fill(
            self.history,
            [
                (
                    f"{e.at:%d/%m/%Y %H:%M}",
                    tr(ACTION_LABELS.get(e.action, e.action))
                    + (f" — {tr(STEP_VERDICTS[e.step])}" if e.step in STEP_VERDICTS else ""),
                    f"{e.user_name} ({e.user})",
                    *_handover(e),
                    e.note,
                )
                for e in view.events
            ],
        )
        self._fill_receipts(view)
        self.tabs.setTabText(0, self.tr("Lịch sử ({0})").format(len(view.events)))
        self.tabs.setTabText(1, self.tr("Giấy tờ ({0})").format(len(view.documents)))
        self.tabs.setTabText(2, self.tr("Giấy tiếp nhận ({0})").format(view.receipt_version))
        self._fill_ratings(view)
        self.files.set_view(view, self.can_digitise)
        scanned = sum(1 for a in view.attachments if a.kind == "component")
        self.tabs.setTabText(
            self.tabs.indexOf(self.files),
            self.tr("Tệp số hóa ({0}/{1})").format(scanned, len(view.documents)),
        )
        self.correct_button.setEnabled(self.can_correct)
        if not self.can_correct:
            self.correct_button.setToolTip(self.tr("Tài khoản này không có quyền sửa thông tin người nộp."))
        self.reprint_button.setEnabled(True)
        self.loaded.emit()

    def _fill_receipts(self, view: DossierView) -> None:
        versions = receipt_versions(view)
        _fill(
            self.receipts,
            [
                (str(x.version), f"{x.at:%d/%m/%Y %H:%M}", x.by, x.note, "")
                for x in reversed(versions)  # the current version first
            ],
        )
        self.receipt_buttons = {}
        for row, x in enumerate(reversed(versions)):
            button = QPushButton(self.tr("In lại"))
            button.setObjectName(f"reprint_{x.version}")
            button.setToolTip(self.tr("Xem và in lại bản số {0} của giấy tiếp nhận").format(x.version))
            button.clicked.connect(lambda _=False, number=x.version: self.reprint(number))
            self.receipts.setCellWidget(row, 4, button)
            self.receipt_buttons[x.version] = button

    # ---- ratings

    def _build_ratings_tab(self) -> QWidget:
        """Whether the citizen rated each service; how they rated only for the head of agency."""
        page = self.ratings_page = QWidget()
        page.setObjectName("detailRatingsPage")
        self.rating_summary = QLabel("")
        self.rating_summary.setObjectName("detailRatingSummary")
        self.rating_summary.setWordWrap(True)
        self.ratings_table: QTableWidget | None = None
        if may_see_ratings(self.svc, self.actor):
            self.ratings_table = _read_only_table(
                [self.tr("Lượt phục vụ"), self.tr("Mức đánh giá"), self.tr("Kênh"), self.tr("Thời gian")],
                "detailRatings",
                1,
            )
        self.rating_status = RatingStatusLine(self.svc, self.actor, self.tasks)
        self.rating_status.setObjectName("detailRatingStatus")
        self.rating_status.state_changed.connect(self._rating_state_changed)
        self.invite_button = QPushButton(self.tr("Mời đánh &giá (F8)"))
        self.invite_button.setObjectName("detailInviteRating")
        self.invite_button.setToolTip(
            self.tr(
                "Mời người dân đánh giá trên màn hình đánh giá của quầy này (lượt trả kết quả nếu đã trả) — F8"
            )
        )
        self.invite_button.setEnabled(False)
        self.invite_button.setAutoDefault(False)  # Enter elsewhere in the dialog never sends one
        self.invite_button.clicked.connect(self.invite_rating)
        QShortcut(QKeySequence("F8"), self).activated.connect(self.invite_rating)
        self.enter_rating_button = QPushButton(self.tr("&Nhập đánh giá (phiếu giấy/điện thoại)…"))
        self.enter_rating_button.setObjectName("detailEnterRating")
        self.enter_rating_button.setEnabled(False)
        self.enter_rating_button.setAutoDefault(False)
        self.enter_rating_button.clicked.connect(self.enter_rating)

        actions = QHBoxLayout()
        actions.addWidget(self.invite_button)
        actions.addWidget(self.enter_rating_button)
        actions.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.rating_summary)
        if self.ratings_table is not None:
            layout.addWidget(self.ratings_table, 1)
        else:
            note = QLabel(self.tr("Mức đánh giá cụ thể chỉ lãnh đạo đơn vị xem được."))
            note.setObjectName("detailRatingNote")
            note.setStyleSheet("color: #555;")
            layout.addWidget(note)
            layout.addStretch(1)
        layout.addWidget(self.rating_status)
        layout.addLayout(actions)
        return page

    def _fill_ratings(self, view: DossierView) -> None:
        rated = {r.event for r in view.ratings}
        events = ["receipt"] + (["return"] if view.status == "returned" or "return" in rated else [])
        self.rating_summary.setText(
            "\n".join(
                self.tr("{0}: đã đánh giá").format(event_label(e))
                if e in rated
                else self.tr("{0}: chưa đánh giá").format(event_label(e))
                for e in events
            )
        )
        if self.ratings_table is not None:  # the head of agency: how, not only whether
            _fill(
                self.ratings_table,
                [
                    (
                        event_label(r.event),
                        level_label(r.level or ""),
                        channel_label(r.channel),
                        f"{r.at:%d/%m/%Y %H:%M}",
                    )
                    for r in view.ratings
                ],
            )
        index = self.tabs.indexOf(self.ratings_page)
        self.tabs.setTabText(index, self.tr("Đánh giá ({0})").format(len(view.ratings)))
        self.invite_button.setEnabled(True)
        self.enter_rating_button.setEnabled(self.can_rate and self.scale is not None)
        if not self.can_rate:
            self.enter_rating_button.setToolTip(self.tr("Tài khoản này không có quyền nhập đánh giá."))
        else:
            self.enter_rating_button.setToolTip(
                self.tr("Nhập kết quả một phiếu khảo sát giấy hoặc một cuộc gọi điện thoại")
            )

    def invite_rating(self) -> None:
        """Ask the kiosk of this counter to invite the citizen (F8): the receipt, or the return once
        the result was handed back."""
        if self.view is None:
            return
        self.rating_status.invite(
            self.code,
            event=invite_event(self.view.status),
            actor=self.actor,
            station=station_name(self.ui_state),
        )

    def _stepped(self, outcome: StepOutcome) -> None:
        """After a step (the detail reloads by itself: the step's op announced it)."""
        self.show_view(outcome.view)
        if outcome.action == "return":
            # The service is given: the kiosk invites the citizen to rate it, as after a receipt.
            self.tabs.setCurrentWidget(self.ratings_page)
            self.rating_status.invite(
                self.code,
                event="return",
                actor=self.actor,
                station=station_name(self.ui_state),
                only_if_auto=True,
            )

    def _rating_state_changed(self, state: str) -> None:
        if state == "rated":
            self.reload()
            # Rated on the kiosk, perhaps another program's: no op of ours announced it.
            self.tasks.announce(Changes.RATINGS, self)

    def enter_rating(self) -> RatingEntryDialog | None:
        if self.view is None or not self.can_rate or self.scale is None:
            return None
        dialog = RatingEntryDialog(
            self.svc,
            self.actor,
            self.tasks,
            self.code,
            self.scale,
            event=invite_event(self.view.status),
            parent=self,
        )
        dialog.saved.connect(self._rating_entered)
        self.rating_entry = dialog
        dialog.open()
        return dialog

    def _rating_entered(self, _row: object) -> None:
        self.tabs.setCurrentIndex(self.tabs.count() - 1)
        self.reload()  # (the entry's WriteOp told the other views)

    # ---- reprint

    def reprint(self, version: int) -> None:
        """Render the receipt of ``version`` in the background, then show it in the print preview."""
        from onestop.forms.receipt import receipt_bytes

        svc, code, actor = self.svc, self.code, self.actor
        op = QueryOp(
            self,
            lambda: receipt_bytes(svc.papers.receipt_data(code, version, actor=actor)),
            lambda pdf: self._receipt_rendered(version, pdf),
            tasks=self.tasks,
        )
        op.while_running(self._reprinting).with_progress().run_in_background()

    def _reprinting(self, busy: bool) -> None:
        for button in self.receipt_buttons.values():
            button.setDisabled(busy)

    def _receipt_rendered(self, version: int, pdf: bytes) -> None:
        self.receipt_ready.emit(version, pdf)
        try:
            from onestop.ui.printing import ReceiptPreviewDialog
        except ImportError as exc:  # the print preview is another module; never a traceback here
            show_error(self, exc)
            return
        self.preview = ReceiptPreviewDialog(
            pdf,
            self.ui_state,
            self,
            title=self.tr("Giấy tiếp nhận {0} — bản số {1}").format(self.code, version),
            file_name=f"phieu-tiep-nhan-{self.code}-ban-{version}.pdf",
            database=self.svc.db.sqlite_path,
        )
        self.preview.open()

    # ---- correction

    def edit_contact(self) -> ContactEditDialog | None:
        if self.view is None or not self.can_correct:
            return None
        self.editor = ContactEditDialog(self.svc, self.actor, self.tasks, self.view, self)
        self.editor.saved.connect(self._corrected)
        self.editor.open()
        return self.editor

    def _corrected(self, view: DossierView) -> None:
        self.show_view(view)
        self.tabs.setCurrentWidget(self.receipts)  # (the editor's WriteOp told the other views)

    def done(self, result: int) -> None:  # closing, Esc or "Đóng": remember the size
        self.ui_state.setValue("detail/geometry", self.saveGeometry())
        self.rating_status.stop()  # nobody is looking any more
        super().done(result)


def open_dossier(
    parent: QWidget | None, svc: Onestop, actor: Actor, tasks: Tasks, code: str, ui_state: QSettings
) -> DossierDetailDialog:
    """Show a dossier's detail, non-modal; a dossier already open is brought to the front instead."""
    if parent is not None:
        for existing in parent.findChildren(DossierDetailDialog):
            if existing.code == code and existing.isVisible():
                if existing.isMinimized():
                    existing.showNormal()
                existing.activateWindow()  # (window managers raise the window they activate)
                existing.reload()
                return existing
    dialog = DossierDetailDialog(svc, actor, tasks, code, ui_state, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.activateWindow()
    return dialog
