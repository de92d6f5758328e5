"""The plain values the services take and return (no database, no Qt)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

# One dossier's values live apart (looking one dossier up defines only those); exported here as well.
from onestop.services.dossier_values import ATTACHMENT_KINDS as ATTACHMENT_KINDS
from onestop.services.dossier_values import STATUSES as STATUSES
from onestop.services.dossier_values import Applicant as Applicant
from onestop.services.dossier_values import AttachmentView as AttachmentView
from onestop.services.dossier_values import DossierView as DossierView
from onestop.services.dossier_values import EventView as EventView
from onestop.services.dossier_values import RatingView as RatingView
from onestop.services.dossier_values import SubmittedDocument as SubmittedDocument

if TYPE_CHECKING:  # annotations only: looking a dossier up does not load the calendar
    from onestop.ratings import Scale
    from onestop.worktime import TimeLimit

OPEN_STATUSES = ("received", "processing", "waiting_supplement", "result_ready")

CHANNELS = {
    "counter": "Tại Bộ phận Một cửa",
    "post": "Qua dịch vụ bưu chính công ích",
    "online": "Trực tuyến",
}
RESULT_CHANNELS = {
    "counter": "Tại Bộ phận Một cửa",
    "post": "Qua dịch vụ bưu chính công ích",
    "online": "Trực tuyến (nhận kết quả điện tử)",
}
APPLICANT_KINDS = {"person": "Cá nhân", "organisation": "Tổ chức"}
DOCUMENT_FORMS = ("bản chính", "bản sao", "bản sao có chứng thực", "bản chụp", "xuất trình")


@dataclass(frozen=True)
class DocumentSpec:
    name: str
    form: str
    count: int
    required: bool = False
    valid_days: int | None = None  # how long a digitised copy may be reused (None: without limit)


@dataclass(frozen=True)
class ProcedureInfo:
    id: int
    code: str
    version: int
    name: str
    field: str
    competent_unit: str
    default_unit_id: int | None
    limit: TimeLimit
    fee_text: str
    fee_amount: int | None
    legal_basis: str
    documents: tuple[DocumentSpec, ...]


@dataclass(frozen=True)
class ReceiveRequest:
    procedure_code: str
    applicant: Applicant
    documents: Sequence[SubmittedDocument] | None = None  # None: the procedure's required documents
    sets: int = 1
    channel: str = "counter"
    result_channel: str | None = None  # None: as submitted
    fee_text: str | None = None  # None: the procedure's fee scale
    fee_amount: int | None = None  # đồng charged, as the clerk confirmed it; None: the catalogue's amount


RESULT_FORMS = {"paper": "Bản giấy", "electronic": "Bản điện tử", "both": "Bản giấy và bản điện tử"}


@dataclass(frozen=True)
class ReuseCandidate:
    """A scan of an earlier dossier of the same applicant that may stand for a paper now."""

    document: int  # 1-based place in the documents asked about
    document_name: str
    attachment_id: int
    code: str  # the earlier dossier
    at: datetime  # when it was scanned
    pages: int
    sha256: str
    valid_until: datetime | None  # None: no limit


@dataclass(frozen=True)
class DossierRow:
    """One line of a list: what a table shows, nothing more."""

    id: int
    code: str
    status: str
    procedure_code: str
    applicant_name: str
    id_number: str
    phone: str
    received_at: datetime
    due_at: datetime
    received_by: str
    received_by_name: str = ""
    documents: int = 0  # components handed in
    scanned: int = 0  # of them, with a current scan

    @property
    def digitised(self) -> bool:
        """Every component handed in has a scan (a dossier without components has nothing to scan)."""
        return self.scanned >= self.documents


@dataclass(frozen=True)
class WorkRow:
    """One line of a work list (``worklists.work_list``): what is due, when, and who holds it."""

    id: int
    code: str
    status: str
    procedure_code: str
    procedure_name: str
    applicant_name: str
    received_at: datetime
    due_at: datetime  # the receipt's appointment, never moved
    current_due_at: datetime  # what is due now: the re-appointment, else after pauses, else due_at
    extended: bool  # current_due_at is a re-appointment (Mẫu 04)
    unit: str | None  # the unit holding it (None: at the counter)
    holder: str | None  # the officer who took it up, if any
    deadline: str  # onestop.lifecycle.deadline_state: overdue, due_soon, open, paused, …
    held_since: datetime | None = None  # since when its unit/officer holds it (last receive/transfer/take)
    holder_unit: str | None = None  # the unit of the officer holding it
    directives: int = 0  # the head's directives on it not answered yet
    documents: int = 0  # components handed in
    scanned: int = 0  # of those, digitised

    @property
    def digitised(self) -> bool:
        """Every component handed in has a scan (as ``DossierRow.digitised``)."""
        return self.scanned >= self.documents


@dataclass(frozen=True)
class BoardCounts:
    """The figures at the top of the head of agency's board (``worklists.board_counts``)."""

    overdue: int  # open, clock running, past the current due moment
    due_soon: int  # open, clock running, due within one working day
    paused: int  # waiting for the applicant's supplement
    directives_open: int  # directives not answered yet
    directives_late: int  # of those, past the answer's due moment
    now: datetime


@dataclass(frozen=True)
class WorkPage:
    """A page of a work list, in due order; ``after`` asks for the next one."""

    rows: tuple[WorkRow, ...]
    has_more: bool
    now: datetime

    @property
    def after(self) -> tuple[datetime, int] | None:
        return (self.rows[-1].current_due_at, self.rows[-1].id) if self.rows else None


@dataclass(frozen=True)
class DossierFilter:
    date_from: date | None = None
    date_to: date | None = None
    status: str | None = None
    search: str = ""
    limit: int = 100
    before: tuple[datetime, int] | None = None  # keyset paging: rows after this (received_at, id)


@dataclass(frozen=True)
class RatingPrompt:
    """What the kiosk shows: the service being rated, never any personal data of the citizen."""

    request_id: int
    code: str
    event: str
    event_label: str
    clerk_name: str
    procedure_name: str
    scale: Scale


@dataclass
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    checked_events: int = 0
    checked_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems
