"""Digitising at the counter, in the receiving form: scan each paper as it is handed over (F12), or
reuse the scan of the same paper from an earlier dossier of the same applicant (F11, NĐ 45/2020).

Why the pages are scanned *before* the dossier is saved, and kept with the form: the clerk has the
paper in hand while ticking it in the checklist, and the citizen is still at the counter; scanning
then is one key on the row being ticked, with nothing to find again later. Scanning after saving
would mean picking up the pile a second time, reopening the dossier, and matching each scan to its
row — the step a busy counter skips. So a scan made here is held by the form (the arranged PDF, in
memory), shown in the checklist's «Số hóa» column, and attached by ``svc.digitisation.attach`` right
after ``svc.intake.receive`` returns the dossier's code, in the same background work as the save; a
reuse chosen here is recorded by ``svc.digitisation.reuse`` there too. The dossier is what matters:
if a scan could not be stored, the dossier stays saved, the clerk is told which paper, and can scan it
from the dossier's detail. A paper whose row is unticked before saving is not attached.

Reuse is offered when the identity number is typed and the procedure is picked: the checklist marks
each paper that has a valid scan from an earlier dossier (``svc.digitisation.reusable``), and F11 on
the row takes it (again: leaves it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from onestop import validation as v
from onestop.errors import ValidationError
from onestop.pages import Built, Source
from onestop.services import Act, Actor, Onestop, ReuseCandidate, SubmittedDocument
from onestop.textfold import fold
from onestop.ui.common import message_for
from onestop.ui.ops import QueryOp
from onestop.ui.scan_dialog import ScanDialog

if TYPE_CHECKING:
    from onestop.ui.intake import IntakeView

SCAN_KEY = "F12"
REUSE_KEY = "F11"


@dataclass(frozen=True)
class PlannedScan:
    """What to store for a component once the dossier exists (``number``: its place in the receipt)."""

    number: int
    name: str
    built: Built | None = None
    reuse: ReuseCandidate | None = None


def store_scans(svc: Onestop, actor: Actor, code: str, plan: list[PlannedScan]) -> list[str]:
    """Worker thread, right after the dossier is stored: attach the scans and record the reuses. The
    dossier stands whatever happens here; the problems come back as messages, one per paper."""
    problems = []
    for item in plan:
        try:
            if item.built is not None:
                svc.digitisation.attach(
                    code, [Source("so-hoa.pdf", item.built.pdf)], document=item.number, actor=actor
                )
            elif item.reuse is not None:
                svc.digitisation.reuse(code, item.number, item.reuse.attachment_id, actor=actor)
        except Exception as exc:  # the dossier is saved; the paper can be scanned from its detail
            problems.append(f"«{item.name}»: {message_for(exc)}")
    return problems


class IntakeScans(QObject):
    """The receiving form's scans and reuses, until the dossier is saved."""

    def __init__(self, view: IntakeView) -> None:
        super().__init__(view)
        self.view = view
        self.svc: Onestop = view.svc
        self.actor: Actor = view.actor
        self.scans: dict[str, Built] = {}  # fold(document name) → the arranged pages
        self.offers: dict[str, ReuseCandidate] = {}  # the newest valid earlier scan of each paper
        self.reused: dict[str, ReuseCandidate] = {}
        self.allowed = False
        self.dialog: ScanDialog | None = None
        self._seq = 0

        self.bar = QWidget()
        self.scan_button = QPushButton(self.tr("Quét giấy tờ đang chọn ({0})").format(SCAN_KEY))
        self.scan_button.setObjectName("scanDocumentButton")
        self.scan_button.setToolTip(
            self.tr(
                "Quét hoặc đính kèm tệp cho giấy tờ đang chọn trong danh sách; các trang được lưu cùng "
                "hồ sơ khi nhấn Lưu — {0}"
            ).format(SCAN_KEY)
        )
        self.reuse_button = QPushButton(self.tr("Dùng lại bản số hóa ({0})").format(REUSE_KEY))
        self.reuse_button.setObjectName("reuseDocumentButton")
        self.reuse_button.setToolTip(
            self.tr(
                "Dùng bản số hóa còn hạn của chính giấy tờ này từ hồ sơ trước của cùng người nộp "
                "(cùng số định danh) thay cho bản quét mới; nhấn lần nữa để bỏ — {0}"
            ).format(REUSE_KEY)
        )
        for button in (self.scan_button, self.reuse_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the tab order stays the form's
            button.setEnabled(False)
        self.scan_button.clicked.connect(self.scan_current)
        self.reuse_button.clicked.connect(self.reuse_current)
        self.note = QLabel()
        self.note.setObjectName("scanNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.note.hide()
        layout = QVBoxLayout(self.bar)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reuse_button)
        buttons.addWidget(self.scan_button)
        layout.addLayout(buttons)

        view.checklist_model.dataChanged.connect(self._ticked)
        svc, actor = self.svc, self.actor
        QueryOp(
            self, lambda: Act.DIGITISE in svc.permissions(actor), self._allowed, tasks=view.tasks
        ).failure(lambda _exc: True).run_in_background()

    def _allowed(self, allowed: bool) -> None:
        self.allowed = allowed
        self.scan_button.setEnabled(allowed)
        self.reuse_button.setEnabled(allowed and bool(self.offers))
        if not allowed:
            self.scan_button.setToolTip(self.tr("Tài khoản này không có quyền số hóa hồ sơ."))

    # ---- the rows

    def _current(self) -> tuple[int, str] | None:
        """The checklist row the clerk is on, and its document's name; else a message, and None."""
        view = self.view
        row = view.checklist.currentIndex().row()
        model = view.checklist_model
        if view.procedure is None or not 0 <= row < len(model.rows):
            view.documents_error.show_message(
                self.tr("Số hóa: chọn thủ tục, rồi chọn giấy tờ trong danh sách (↑↓).")
            )
            return None
        return row, model.rows[row].spec.name

    def _tick(self, row: int) -> None:
        model = self.view.checklist_model
        if not model.rows[row].checked:
            model.toggle(row)  # a paper scanned or reused was handed in

    def _show(self, name: str) -> None:
        key = fold(name)
        model = self.view.checklist_model
        built, reused, offer = self.scans.get(key), self.reused.get(key), self.offers.get(key)
        ticked = any(d.checked for d in model.rows if fold(d.spec.name) == key)
        if built is not None and not ticked:
            model.set_digital(
                name,
                self.tr("Đã quét {0} trang — chưa đánh dấu").format(built.pages),
                self.tr("Giấy tờ không được đánh dấu đã nộp: bản quét không được lưu (Space để đánh dấu)"),
            )
        elif built is not None:
            model.set_digital(
                name,
                self.tr("Đã quét {0} trang").format(built.pages),
                self.tr("Lưu cùng hồ sơ khi nhấn Lưu; {0} lần nữa để quét lại").format(SCAN_KEY),
            )
        elif reused is not None:
            model.set_digital(
                name,
                self.tr("Dùng lại: {0} ({1} trang)").format(reused.code, reused.pages),
                self.tr("Bản số hóa của hồ sơ {0}; {1} lần nữa để bỏ").format(reused.code, REUSE_KEY),
            )
        elif offer is not None:
            until = (
                self.tr(", còn hạn đến {0:%d/%m/%Y}").format(offer.valid_until) if offer.valid_until else ""
            )
            model.set_digital(
                name,
                self.tr("♻ Có bản cũ — {0}").format(REUSE_KEY),
                self.tr(
                    "Bản số hóa của hồ sơ {0}, quét ngày {1:%d/%m/%Y}, {2} trang{3}: {4} để dùng lại"
                ).format(offer.code, offer.at, offer.pages, until, REUSE_KEY),
            )
        else:
            model.set_digital(name, "")

    def _ticked(self, top: QModelIndex, bottom: QModelIndex, roles: Sequence[int] = ()) -> None:
        """A row ticked or unticked: a scan of an unticked paper is not stored, and says so."""
        if Qt.ItemDataRole.CheckStateRole not in roles:  # (not the «Số hóa» cell this sets)
            return
        rows = self.view.checklist_model.rows
        for row in range(top.row(), min(bottom.row(), len(rows) - 1) + 1):
            if fold(rows[row].spec.name) in self.scans:
                self._show(rows[row].spec.name)

    # ---- scanning

    def scan_current(self) -> ScanDialog | None:
        """Scan (or attach files for) the paper of the selected row (F12)."""
        if not self.allowed:
            return None
        current = self._current()
        if current is None:
            return None
        row, name = current
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.activateWindow()
            return self.dialog
        dialog = ScanDialog(
            self.svc,
            self.actor,
            self.view.tasks,
            what=self.tr(
                "Giấy tờ: {0} — các trang được lưu cùng hồ sơ khi nhấn «Lưu và in giấy tiếp nhận»"
            ).format(name),
            parent=self.view,
        )
        dialog.saved.connect(lambda built, r=row, n=name: self._scanned(r, n, built))
        dialog.finished.connect(lambda _result: self._back(dialog))
        self.dialog = dialog
        # Not modal: while the scanner works (a network scanner's folder may take minutes), the
        # clerk goes on typing in the window behind.
        dialog.setModal(False)
        dialog.show()
        dialog.activateWindow()
        return dialog

    def _back(self, dialog: ScanDialog) -> None:
        dialog.deleteLater()  # (its pages are the form's now, or were discarded)
        self.view.window().activateWindow()  # not every platform gives the focus back to the parent
        self.view.checklist.setFocus()

    def _scanned(self, row: int, name: str, built: Built) -> None:
        model = self.view.checklist_model
        if not (0 <= row < len(model.rows) and model.rows[row].spec.name == name):
            return  # the procedure changed meanwhile
        key = fold(name)
        self.scans[key] = built
        self.reused.pop(key, None)
        self._tick(row)
        self._show(name)
        self.view.documents_error.show_message("")

    # ---- reuse

    def lookup(self) -> None:
        """Ask which papers of the chosen procedure this identity number has valid scans of."""
        self._seq += 1
        self.offers.clear()
        self.reused.clear()  # another applicant's (or procedure's) earlier scans are not theirs
        self._refresh_marks()
        proc = self.view.procedure
        try:
            id_number = v.clean_id_number(self.view.id_number.text())
            if not id_number and self.view.kind() == "organisation":  # an organisation: its tax code
                id_number = v.clean_tax_code(self.view.tax_code.text())
        except ValidationError:
            return
        if proc is None or not id_number:
            return
        seq, svc, actor, documents = self._seq, self.svc, self.actor, proc.documents
        op = QueryOp(
            self,
            lambda: svc.digitisation.reusable(id_number, documents, actor=actor),
            lambda found: self._offered(seq, found),
            tasks=self.view.tasks,
        )
        op.failure(lambda _exc: True).run_in_background()  # only an offer: scanning works as usual

    def _offered(self, seq: int, found: list[ReuseCandidate]) -> None:
        if seq != self._seq or self.view.procedure is None:
            return
        documents = self.view.procedure.documents
        for candidate in found:
            if 1 <= candidate.document <= len(documents):
                self.offers.setdefault(fold(documents[candidate.document - 1].name), candidate)
        self._refresh_marks()
        if self.offers:
            self.note.setText(
                self.tr("♻ {0} giấy tờ có bản số hóa từ hồ sơ trước: chọn dòng, {1} để dùng lại.").format(
                    len(self.offers), REUSE_KEY
                )
            )
            self.note.show()

    def reuse_current(self) -> None:
        """Take the earlier scan for the selected row's paper (F11); again: leave it."""
        if not self.allowed:
            return
        current = self._current()
        if current is None:
            return
        row, name = current
        key = fold(name)
        if key in self.reused:
            self.reused.pop(key)
        elif key in self.offers:
            self.reused[key] = self.offers[key]
            self.scans.pop(key, None)
            self._tick(row)
        else:
            self.view.documents_error.show_message(
                self.tr("«{0}»: không có bản số hóa còn hạn nào của người nộp này để dùng lại.").format(name)
            )
            return
        self.view.documents_error.show_message("")
        self._show(name)

    # ---- the form

    def _refresh_marks(self) -> None:
        for doc in self.view.checklist_model.rows:
            self._show(doc.spec.name)
        self.reuse_button.setEnabled(self.allowed and bool(self.offers))
        if not self.offers:
            self.note.setText("")
            self.note.hide()

    def procedure_changed(self) -> None:
        """A new procedure: what was scanned for the papers of the one before is dropped."""
        self.scans.clear()
        self.reused.clear()
        self.lookup()

    def clear(self) -> None:
        self._seq += 1
        self.scans.clear()
        self.reused.clear()
        self.offers.clear()
        self.note.setText("")
        self.note.hide()
        self.reuse_button.setEnabled(False)

    def plan(self, submitted: list[SubmittedDocument]) -> list[PlannedScan]:
        """What to store once the dossier exists: the papers handed in (the receipt's order)."""
        out = []
        for number, doc in enumerate(submitted, start=1):
            key = fold(doc.name)
            if key in self.scans:
                out.append(PlannedScan(number, doc.name, built=self.scans[key]))
            elif key in self.reused:
                out.append(PlannedScan(number, doc.name, reuse=self.reused[key]))
        return out


__all__ = ["REUSE_KEY", "SCAN_KEY", "IntakeScans", "PlannedScan", "store_scans"]
