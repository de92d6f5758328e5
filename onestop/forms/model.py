"""Plain data handed to the printed forms: what a form shows, already resolved from storage.

The forms never query the database; the services build these objects (with the names the dossier
was received under, not today's names) and the renderers only lay them out. Every object is a frozen
dataclass; every field added after the first release has a default, so older callers keep working.

All times are aware datetimes in the agency's time zone (``Asia/Ho_Chi_Minh`` by default): a form
prints their wall-clock value as given. Texts may be NFC or NFD; the renderers normalise them.

| Mẫu | dataclass            | renderer                                        |
|-----|----------------------|-------------------------------------------------|
| 01  | :class:`ReceiptData` | ``onestop.forms.receipt.receipt_bytes``         |
| 02  | :class:`GuidanceData`| ``onestop.forms.guidance.guidance_bytes``       |
| 03  | :class:`RefusalData` | ``onestop.forms.refusal.refusal_bytes``         |
| 04  | :class:`ApologyData` | ``onestop.forms.apology.apology_bytes``         |
| 05  | :class:`StopData`    | ``onestop.forms.stop.stop_bytes``               |
| 06  | :class:`ControlSheetData` | ``onestop.forms.control.control_bytes``    |
| 07  | :class:`RegisterData`| ``onestop.forms.register.render_register``      |

or, for any of them, ``onestop.forms.render_form(kind, data)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

# The papers' names (TT 03/2025/TT-VPCP, Phụ lục I), printed as their titles and carried in their QR.
FORM_TITLES: dict[str, str] = {
    "01": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "02": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    "03": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    "04": "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
    "05": "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
    "06": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    "07": "SỔ THEO DÕI HỒ SƠ",
}

DEFAULT_SYSTEM_NAME = "onestop"  # the information system's name in the QR when no setting gives one
APPLICANT_KINDS = ("person", "organisation")
RESULT_CHANNEL_KEYS = ("counter", "post", "online")
# Mẫu 06, per handover: the step against the time allotted to the unit.
HANDOVER_RESULTS: dict[str, str] = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}


@dataclass(frozen=True)
class FormHeader:
    """The common header of every form (NĐ 30/2020 style)."""

    parent_agency: str  # e.g. "UBND PHƯỜNG LIÊN CHIỂU" (printed in capitals)
    unit_name: str  # e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" (bold, capitals)
    place_name: str  # Địa danh for the date line, e.g. "Liên Chiểu"
    legal_basis: str = ""  # e.g. "Mẫu số 01 - Thông tư 03/2025/TT-VPCP"; empty: not printed
    hotline: str = ""  # empty: not printed
    system_name: str = ""  # the information system's name for the QR (a setting); empty: "onestop"


@dataclass(frozen=True)
class ApplicantInfo:
    """The person or organisation a paper is addressed to (Mẫu 02-06).

    ``kind`` is ``"person"`` (identified by ``id_number``, the 12-digit số định danh cá nhân) or
    ``"organisation"`` (identified by ``tax_code``, printed as "Mã số thuế").
    """

    name: str
    kind: str = "person"  # "person" | "organisation"
    id_number: str = ""
    tax_code: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""

    @property
    def is_organisation(self) -> bool:
        return self.kind == "organisation"

    @property
    def identification(self) -> str:
        """The identification number carried in the QR: the tax code of an organisation, else the id."""
        return (self.tax_code if self.is_organisation else self.id_number).strip()

    @property
    def id_label(self) -> str:
        return "Mã số thuế" if self.is_organisation else "Số định danh cá nhân"

    @property
    def addressee(self) -> str:
        """How the paper addresses the applicant in a sentence ("Ông/Bà", "Quý cơ quan, tổ chức")."""
        return "Quý cơ quan, tổ chức" if self.is_organisation else "Ông/Bà"


@dataclass(frozen=True)
class ReceiptDocument:
    name: str
    form: str  # "bản chính" | "bản sao" | "bản chụp" | "xuất trình" | ...
    count: int


@dataclass(frozen=True)
class ReceiptData:
    """Everything printed on Mẫu 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả).

    Result channel: set ``result_channel_key`` (``"counter"``, ``"post"`` with ``postal_address``,
    ``"online"`` with ``email``); the form words the line and the closing note for it. Left empty, the
    older free text ``result_channel`` is printed as given.

    Fee: ``fee_amount`` is what is charged for this dossier in đồng (0: "Không thu phí"; None: not
    known, a blank to fill in by hand); ``fee_scale`` is the catalogue's text ("2.000 đồng/trang"),
    printed only as a small note. ``fee_text`` is the older name of ``fee_scale``.
    """

    header: FormHeader
    code: str  # ASCII dossier code, e.g. "H17.50.05.13-261127-0001"
    receiving_unit: str  # "Trung tâm Phục vụ hành chính công phường Liên Chiểu" (in the sentence)
    applicant_name: str
    procedure_name: str
    received_at: datetime  # aware, in the agency's time zone
    due_at: datetime  # aware, in the agency's time zone
    time_limit_text: str  # "03 ngày làm việc" | "trong ngày" | "04 giờ làm việc"
    clerk_name: str
    id_number: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    documents: tuple[ReceiptDocument, ...] = field(default_factory=tuple)
    sets: int = 1
    result_channel: str = "Tại Bộ phận Một cửa"  # free text; only used when result_channel_key is ""
    fee_text: str = ""  # older name of fee_scale (used when fee_scale is "")
    register_volume: str = ""
    register_number: int | None = None
    version: int = 1  # receipt version (a correction prints version 2, same code)
    procedure_code: str = ""  # mã TTHC from the national catalogue, e.g. "1.001234"
    issued_at: datetime | None = None  # when this paper is printed/issued; None: received_at
    system_name: str = ""  # information system's name for the QR; "": header.system_name or "onestop"
    applicant_kind: str = "person"  # "person" | "organisation"
    tax_code: str = ""  # organisations: printed as "Mã số thuế" instead of the personal id number
    result_channel_key: str = ""  # "counter" | "post" | "online"; "": print result_channel as given
    postal_address: str = ""  # "post": where the result is sent; "": the applicant's address
    fee_amount: int | None = None  # đồng charged; 0: no fee; None: not known
    fee_scale: str = ""  # the catalogue's fee text, printed as a small note
    demo: bool = False  # demonstration data: marked "DỮ LIỆU MẪU" all over

    @property
    def issue_time(self) -> datetime:
        return self.issued_at or self.received_at

    @property
    def applicant(self) -> ApplicantInfo:
        return ApplicantInfo(
            name=self.applicant_name,
            kind=self.applicant_kind,
            id_number=self.id_number,
            tax_code=self.tax_code,
            address=self.address,
            phone=self.phone,
            email=self.email,
        )


# ----------------------------------------------------------------------------------- Mẫu 02 - 06


@dataclass(frozen=True, kw_only=True)
class PaperData:
    """What Mẫu 02-06 share (keyword-only fields; each form's dataclass adds its own).

    ``code`` is the dossier code ("" when the paper is issued before any dossier exists, e.g. Mẫu 02
    at the counter: then no barcode is printed and the QR carries no code). ``unit_name`` is the
    issuing unit as written in a sentence ("Trung tâm Phục vụ hành chính công phường Liên Chiểu");
    ``issued_at`` is the time of issue (the header's date, the QR's time).
    """

    header: FormHeader
    unit_name: str
    applicant: ApplicantInfo
    procedure_name: str
    issued_at: datetime
    code: str = ""
    procedure_code: str = ""  # mã TTHC
    system_name: str = ""  # "": header.system_name or "onestop"
    demo: bool = False


@dataclass(frozen=True)
class GuidanceItem:
    """One document the applicant must bring or correct (Mẫu 02), with the reason in words."""

    document: str  # "Tờ khai đăng ký khai sinh"
    reason: str  # "Chưa có chữ ký của người đi đăng ký"
    kind: str = "missing"  # "missing" (bổ sung) | "incorrect" (hoàn thiện)


@dataclass(frozen=True, kw_only=True)
class GuidanceData(PaperData):
    """Mẫu 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: every missing or incorrect item at once.

    Issued at the counter (``code`` "") or during processing (``code`` set; ``note`` can then say
    that the time limit is paused until the supplement arrives).
    """

    items: tuple[GuidanceItem, ...]
    officer_name: str  # NGƯỜI HƯỚNG DẪN, who signs
    contact_phone: str = ""  # for questions; "": the header's hotline
    note: str = ""  # printed after the list, e.g. the clock pause during processing


@dataclass(frozen=True, kw_only=True)
class RefusalData(PaperData):
    """Mẫu 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ: the reason in words."""

    reason: str
    officer_name: str  # who signs for the unit
    officer_role: str = "NGƯỜI TIẾP NHẬN HỒ SƠ"  # or "NGƯỜI XỬ LÝ HỒ SƠ" when refused in processing


@dataclass(frozen=True, kw_only=True)
class ApologyData(PaperData):
    """Mẫu 04, Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (at most once per dossier).

    ``original_due_at`` is the appointment of the receipt; ``new_due_at`` the new appointment (the
    QR carries the new one). ``signer_title`` may hold several lines ("KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC").
    """

    received_at: datetime
    original_due_at: datetime
    new_due_at: datetime
    reason: str
    signer_name: str = ""
    signer_title: str = "THỦ TRƯỞNG CƠ QUAN"


@dataclass(frozen=True, kw_only=True)
class StopData(PaperData):
    """Mẫu 05, Thông báo dừng giải quyết hồ sơ: the reason in words (e.g. the applicant's request)."""

    received_at: datetime
    reason: str
    signer_name: str = ""
    signer_title: str = "THỦ TRƯỞNG CƠ QUAN"
    note: str = ""  # e.g. how the documents handed in are given back


@dataclass(frozen=True)
class Handover:
    """One handover of the dossier (a row of Mẫu 06), from the history of transitions.

    ``result`` is the step against the unit's allotted time: ``"early"`` (trước hạn), ``"on_time"``
    (đúng hạn), ``"late"`` (quá hạn), or ``""`` while the step is not finished.
    """

    from_unit: str
    to_unit: str
    at: datetime
    from_person: str = ""
    to_person: str = ""
    result: str = ""
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class ControlSheetData(PaperData):
    """Mẫu 06, Phiếu kiểm soát quá trình giải quyết hồ sơ: travels with the dossier.

    ``blank_rows`` adds empty rows to fill in by hand (a sheet printed at receipt for paper handovers).
    """

    received_at: datetime
    due_at: datetime
    competent_unit: str  # Cơ quan (bộ phận) giải quyết hồ sơ
    cooperating_units: str = ""  # Cơ quan phối hợp giải quyết hồ sơ; "": dots to fill in
    handovers: tuple[Handover, ...] = ()
    blank_rows: int = 0


# ------------------------------------------------------------------------------------------ Mẫu 07


@dataclass(frozen=True)
class RegisterRow:
    """One dossier in the register (Mẫu 07). Times not reached yet are None (printed blank)."""

    number: int  # TT (số thứ tự in the volume)
    code: str
    procedure_name: str
    sets: int
    applicant_name: str
    address: str
    phone: str
    competent_unit: str  # Cơ quan chủ trì giải quyết
    received_at: datetime
    due_at: datetime | None = None  # Hẹn trả kết quả (the current appointment)
    transferred_at: datetime | None = None  # Chuyển hồ sơ đến cơ quan giải quyết
    result_received_at: datetime | None = None  # Nhận kết quả từ cơ quan giải quyết
    returned_at: datetime | None = None  # Trả kết quả
    note: str = ""  # Ghi chú (e.g. "Từ chối", "Rút hồ sơ", "Hẹn lại")


@dataclass(frozen=True, kw_only=True)
class RegisterData:
    """Mẫu 07, Sổ theo dõi hồ sơ (A4 landscape).

    ``rows`` is any iterable, typically a generator over a database cursor: it is consumed once, row
    by row, and never held in memory. ``chain_anchor`` is the tamper-evident history's anchor at the
    time of printing ("12345:ab12…"), printed in every page's footer and carried in the QR.
    """

    header: FormHeader
    unit_name: str
    issued_at: datetime
    rows: Iterable[RegisterRow]
    chain_anchor: str
    volume: str = ""  # Quyển số (by default the year)
    period: str = ""  # e.g. "Từ ngày 01/01/2026 đến ngày 31/12/2026"; "": not printed
    system_name: str = ""
    demo: bool = False
