"""The values of one dossier as ``svc.dossiers.dossier`` returns it (no database, no Qt).

Apart from ``onestop.services.values`` (which exports them with the rest) so that looking one
dossier up, as ``onestop show`` does, defines only the few classes it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

STATUSES = {
    # Labels read as states (what the dossier is now).
    "received": "Đã tiếp nhận",
    "processing": "Đang xử lý",
    "waiting_supplement": "Đang chờ bổ sung",
    "result_ready": "Đã có kết quả",
    "returned": "Đã trả kết quả",
    "refused": "Đã từ chối",
    "stopped": "Đã dừng giải quyết",
    "withdrawn": "Đã rút hồ sơ",
}

ATTACHMENT_KINDS = {"component": "Thành phần hồ sơ", "result": "Kết quả"}


@dataclass(frozen=True)
class Applicant:
    name: str
    id_number: str = ""
    phone: str = ""
    address: str = ""
    email: str = ""
    kind: str = "person"  # person | organisation
    tax_code: str = ""  # organisations


@dataclass(frozen=True)
class SubmittedDocument:
    name: str
    form: str
    count: int = 1


@dataclass(frozen=True)
class EventView:
    action: str
    at: datetime
    user: str
    user_name: str
    note: str
    from_unit: str | None = None
    to_unit: str | None = None
    step: str = ""  # a handover: how the step it ended went ("early", "on_time", "late"; "" not judged)


@dataclass(frozen=True)
class RatingView:
    """A rating as a role may see it: ``level`` is None for a role that sees only whether."""

    event: str
    at: datetime
    channel: str
    level: str | None = None
    satisfied: bool | None = None


@dataclass(frozen=True)
class AttachmentView:
    """A digitised component (``document``: its place in the receipt's list, 1-based) or result."""

    id: int
    code: str
    kind: str  # component | result
    document: int | None
    document_name: str
    pages: int
    sha256: str
    size: int
    at: datetime
    by: str
    by_name: str
    reused_from: str | None = None  # the earlier dossier whose scan this reuses (NĐ 45/2020)


@dataclass(frozen=True)
class DossierView:
    id: int
    code: str
    status: str
    procedure_code: str
    procedure_name: str
    procedure_version: int
    applicant: Applicant
    received_at: datetime
    due_at: datetime
    extended_due_at: datetime | None
    received_by: str
    received_by_name: str
    sets: int
    channel: str
    result_channel: str
    fee_text: str
    register_volume: str
    register_number: int
    receipt_version: int
    current_unit: str | None
    documents: tuple[SubmittedDocument, ...] = ()
    events: tuple[EventView, ...] = ()
    ratings: tuple[RatingView, ...] = ()
    attachments: tuple[AttachmentView, ...] = ()  # the current scan of each component, and the result
    legal_due_at: datetime | None = None  # the due moment after supplement pauses (None: due_at)

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)
