"""Plain data handed to the printed forms: what a form shows, already resolved from storage.

The forms never query the database; the services build these objects (with the names the dossier
was received under, not today's names) and the renderers only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class FormHeader:
    """The common header of every form (NĐ 30/2020 style)."""

    parent_agency: str  # e.g. "UBND PHƯỜNG LIÊN CHIỂU" (printed in capitals)
    unit_name: str  # e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" (bold, capitals)
    place_name: str  # Địa danh for the date line, e.g. "Liên Chiểu"
    legal_basis: str = ""  # e.g. "Mẫu số 01 - Thông tư 03/2025/TT-VPCP"; empty: not printed
    hotline: str = ""  # empty: not printed


@dataclass(frozen=True)
class ReceiptDocument:
    name: str
    form: str  # "bản chính" | "bản sao" | "bản chụp" | "xuất trình" | ...
    count: int


@dataclass(frozen=True)
class ReceiptData:
    """Everything printed on Mẫu 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả)."""

    header: FormHeader
    code: str  # ASCII dossier code, e.g. "H15.50.05.13-261127-0001"
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
    result_channel: str = "Tại Bộ phận Một cửa"
    fee_text: str = ""  # empty: "Không"
    register_volume: str = ""
    register_number: int | None = None
    version: int = 1  # receipt version (a correction prints version 2, same code)
