"""Realistic inputs for every printed form (Mẫu 01-07), shared by the tests and by anyone who wants
to look at the papers (``python tests/forms_samples.py OUTDIR`` writes one PDF per form)."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from onestop.forms.model import (
    ApologyData,
    ApplicantInfo,
    ControlSheetData,
    FormHeader,
    GuidanceData,
    GuidanceItem,
    Handover,
    ReceiptData,
    ReceiptDocument,
    RefusalData,
    RegisterData,
    RegisterRow,
    StopData,
)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CODE = "H17.50.05.13-261127-0042"
PROCEDURE = "Đăng ký khai sinh"
PROCEDURE_CODE = "1.001193.000.00.00.H15"
UNIT = "Trung tâm Phục vụ hành chính công phường Liên Chiểu"
ANCHOR = "12345:ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12"
RECEIVED = datetime(2026, 2, 25, 10, 0, tzinfo=TZ)
DUE = datetime(2026, 2, 27, 16, 30, tzinfo=TZ)


def header(form: str) -> FormHeader:
    return FormHeader(
        parent_agency="UBND phường Liên Chiểu",
        unit_name="Trung tâm Phục vụ hành chính công",
        place_name="Liên Chiểu",
        legal_basis=f"Mẫu số {form} - Thông tư 03/2025/TT-VPCP",
        hotline="0236 3 842 555",
    )


APPLICANT = ApplicantInfo(
    name="Nguyễn Thị Thủy",
    id_number="048190001234",
    address="Tổ 12, phường Liên Chiểu, thành phố Đà Nẵng",
    phone="0905 123 456",
    email="thuy.nguyen@example.vn",
)
ORGANISATION = ApplicantInfo(
    name="Hợp tác xã Nông nghiệp số 2",
    kind="organisation",
    tax_code="0401234567-001",
    address="Thôn Hòa Bắc, phường Hải Vân, thành phố Đà Nẵng",
    phone="0236 3 731 222",
)


def receipt(**changes: object) -> ReceiptData:
    data = ReceiptData(
        header=header("01"),
        code=CODE,
        receiving_unit=UNIT,
        applicant_name=APPLICANT.name,
        procedure_name=PROCEDURE,
        procedure_code=PROCEDURE_CODE,
        received_at=RECEIVED,
        due_at=DUE,
        time_limit_text="02 ngày làm việc",
        clerk_name="Đặng Văn Đức",
        id_number=APPLICANT.id_number,
        address=APPLICANT.address,
        phone=APPLICANT.phone,
        documents=(
            ReceiptDocument("Tờ khai đăng ký khai sinh", "bản chính", 1),
            ReceiptDocument("Giấy chứng sinh", "bản chính", 1),
        ),
        result_channel_key="counter",
        fee_amount=0,
        fee_scale="Miễn lệ phí đăng ký khai sinh đúng hạn",
        register_volume="2026",
        register_number=42,
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def _common(form: str) -> dict[str, object]:
    return {
        "header": header(form),
        "unit_name": UNIT,
        "applicant": APPLICANT,
        "procedure_name": PROCEDURE,
        "procedure_code": PROCEDURE_CODE,
        "code": CODE,
        "issued_at": RECEIVED,
    }


def guidance(**changes: object) -> GuidanceData:
    fields = _common("02") | {
        "code": "",  # at the counter, before any dossier exists
        "items": (
            GuidanceItem("Giấy chứng sinh", "Chưa nộp; bản chính do cơ sở y tế nơi trẻ sinh ra cấp."),
            GuidanceItem(
                "Tờ khai đăng ký khai sinh",
                "Thiếu chữ ký của người đi đăng ký; ngày sinh của trẻ ghi chưa đúng với Giấy chứng sinh.",
                "incorrect",
            ),
            GuidanceItem(
                "Văn bản ủy quyền",
                "Người đi đăng ký không phải cha, mẹ của trẻ: cần văn bản ủy quyền có chứng thực.",
            ),
        ),
        "officer_name": "Đặng Văn Đức",
    }
    return dataclasses.replace(GuidanceData(**fields), **changes)  # type: ignore[arg-type]


def refusal(**changes: object) -> RefusalData:
    fields = _common("03") | {
        "code": "",
        "procedure_name": "Cấp bản sao có chứng thực từ bản chính giấy tờ, văn bản",
        "reason": "Bản chính giấy tờ bị tẩy xóa, sửa chữa nội dung (Điều 22 Nghị định 23/2015/NĐ-CP): "
        "không được chứng thực bản sao từ bản chính.",
        "officer_name": "Đặng Văn Đức",
    }
    return dataclasses.replace(RefusalData(**fields), **changes)  # type: ignore[arg-type]


def apology(**changes: object) -> ApologyData:
    fields = _common("04") | {
        "issued_at": datetime(2026, 2, 26, 15, 0, tzinfo=TZ),
        "received_at": RECEIVED,
        "original_due_at": DUE,
        "new_due_at": datetime(2026, 3, 4, 16, 30, tzinfo=TZ),
        "reason": "Cần xác minh thông tin về nơi sinh của trẻ với Ủy ban nhân dân xã Hòa Bắc.",
        "signer_name": "Lê Thị Hồng Nhung",
        "signer_title": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
    }
    return dataclasses.replace(ApologyData(**fields), **changes)  # type: ignore[arg-type]


def stop(**changes: object) -> StopData:
    fields = _common("05") | {
        "issued_at": datetime(2026, 2, 26, 9, 0, tzinfo=TZ),
        "received_at": RECEIVED,
        "reason": "Người yêu cầu có đơn đề nghị dừng giải quyết hồ sơ ngày 26 tháng 02 năm 2026.",
        "note": "Hồ sơ đã nộp được trả lại tại Bộ phận Một cửa; Ông/Bà vui lòng mang theo giấy tờ tùy thân.",
        "signer_name": "Trần Quốc Bảo",
        "signer_title": "GIÁM ĐỐC",
    }
    return dataclasses.replace(StopData(**fields), **changes)  # type: ignore[arg-type]


def control(**changes: object) -> ControlSheetData:
    fields = _common("06") | {
        "received_at": RECEIVED,
        "due_at": DUE,
        "competent_unit": "Phòng Văn hóa - Xã hội phường Liên Chiểu",
        "handovers": (
            Handover(
                "Bộ phận Một cửa",
                "Phòng Văn hóa - Xã hội",
                datetime(2026, 2, 25, 14, 10, tzinfo=TZ),
                "Đặng Văn Đức",
                "Phạm Minh Khôi",
                "on_time",
            ),
            Handover(
                "Phòng Văn hóa - Xã hội",
                "Lãnh đạo UBND phường",
                datetime(2026, 2, 26, 9, 45, tzinfo=TZ),
                "Phạm Minh Khôi",
                "Võ Thị Ngọc Ánh",
                "early",
                "Trình ký",
            ),
            Handover(
                "Lãnh đạo UBND phường",
                "Bộ phận Một cửa",
                datetime(2026, 2, 28, 8, 5, tzinfo=TZ),
                "Võ Thị Ngọc Ánh",
                "Đặng Văn Đức",
                "late",
                "Chờ xác minh",
            ),
        ),
        "blank_rows": 1,
    }
    return dataclasses.replace(ControlSheetData(**fields), **changes)  # type: ignore[arg-type]


def register_rows(count: int) -> Iterator[RegisterRow]:
    """``count`` rows, made one at a time (as a database cursor would hand them over)."""
    procedures = (
        PROCEDURE,
        "Cấp bản sao có chứng thực từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp",
        "Đăng ký kết hôn",
        "Đăng ký thường trú",
    )
    names = ("Nguyễn Thị Thủy", "Đặng Văn Đức", "Hợp tác xã Nông nghiệp số 2", "Trần Ngọc Ánh")
    for i in range(1, count + 1):
        received = RECEIVED + timedelta(minutes=17 * i)
        done = i % 3 != 0
        yield RegisterRow(
            number=i,
            code=f"H17.50.05.13-{received:%y%m%d}-{i % 10000:04d}",
            procedure_name=procedures[i % len(procedures)],
            sets=1 + (i % 2),
            applicant_name=names[i % len(names)],
            address="Tổ 12, phường Liên Chiểu, thành phố Đà Nẵng",
            phone="0905 123 456",
            competent_unit="UBND phường Liên Chiểu" if i % 2 else "Phòng Văn hóa - Xã hội",
            received_at=received,
            due_at=received + timedelta(days=2),
            transferred_at=received + timedelta(hours=3),
            result_received_at=received + timedelta(days=1) if done else None,
            returned_at=received + timedelta(days=2) if done else None,
            note="Hẹn lại" if i % 7 == 0 else "",
        )


def register(count: int = 40, **changes: object) -> RegisterData:
    data = RegisterData(
        header=dataclasses.replace(header("07"), legal_basis="Mẫu số 07 - Thông tư 03/2025/TT-VPCP"),
        unit_name=UNIT,
        issued_at=datetime(2026, 12, 31, 17, 0, tzinfo=TZ),
        rows=register_rows(count),
        chain_anchor=ANCHOR,
        volume="2026",
        period="Từ ngày 01/01/2026 đến ngày 31/12/2026",
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


SAMPLES = {
    "01": receipt,
    "02": guidance,
    "03": refusal,
    "04": apology,
    "05": stop,
    "06": control,
    "07": register,
}


if __name__ == "__main__":
    from onestop.forms import render_form

    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    for kind, make in SAMPLES.items():
        (out / f"mau-{kind}.pdf").write_bytes(render_form(kind, make()))
        print(out / f"mau-{kind}.pdf")
