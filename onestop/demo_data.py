"""The demo agency's data: phường Liên Chiểu, Đà Nẵng (under H17), its units and accounts, and the
names, streets and procedure mix the demo's historical dossiers are drawn from (``onestop.demo``)."""

from __future__ import annotations

AGENCY = {
    "agency.parent_name": "UBND PHƯỜNG LIÊN CHIỂU",
    "agency.unit_name": "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
    "agency.unit_full_name": "Trung tâm Phục vụ hành chính công phường Liên Chiểu",
    "agency.place_name": "Liên Chiểu",
    "agency.unit_identifier": "H17.50.05.13",
    "agency.hotline": "0236 3842 555",
    "agency.demo": True,  # the title bar and every paper say so
    "auth.min_password_length": 4,  # the demo accounts' password is "demo"
}

UNITS = [
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công phường Liên Chiểu", "receiving"),
    ("TPHT", "Công chức Tư pháp - Hộ tịch", "competent"),
    ("CAP", "Công an phường Liên Chiểu", "competent"),
    ("DCXD", "Công chức Địa chính - Xây dựng", "competent"),
    ("KTHTDT", "Phòng Kinh tế, Hạ tầng và Đô thị", "competent"),
]
FIELD_UNIT = {"Chứng thực": "TPHT", "Hộ tịch": "TPHT", "Đăng ký, quản lý cư trú": "CAP"}

ACCOUNTS = [
    ("admin", "Quản trị hệ thống", "quan_tri", None, False),
    ("tiepnhan1", "Nguyễn Thị Thu Hà", "tiep_nhan", "TTPVHCC", False),
    ("tiepnhan2", "Trần Văn Minh", "tiep_nhan", "TTPVHCC", False),
    ("xuly1", "Lê Thị Hồng Nhung", "xu_ly", "TPHT", True),
    ("lanhdao", "Phạm Văn Dũng", "lanh_dao", "TTPVHCC", True),
]
ROLE_LABEL = {"quan_tri": "quản trị", "tiep_nhan": "tiếp nhận", "xu_ly": "xử lý", "lanh_dao": "lãnh đạo"}

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MIDDLE = [
    "Văn",
    "Thị",
    "Hữu",
    "Đức",
    "Minh",
    "Ngọc",
    "Thanh",
    "Quang",
    "Thu",
    "Xuân",
    "Hồng",
    "Kim",
    "Gia",
    "Bảo",
]
GIVEN = [
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Đức",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Ngân",
    "Nhung",
    "Phúc",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thủy",
    "Trang",
    "Trung",
    "Tuấn",
    "Vy",
    "Yến",
    "Ánh",
    "Duy",
    "Đạt",
    "Ngọc",
]
STREETS = (
    "Nguyễn Lương Bằng",
    "Tôn Đức Thắng",
    "Âu Cơ",
    "Hoàng Văn Thái",
    "Nguyễn Sinh Sắc",
    "Kinh Dương Vương",
    "Lạc Long Quân",
    "Phạm Như Xương",
    "Nguyễn Tất Thành",
    "Đồng Kè",
)
PROCEDURE_WEIGHTS = {
    "2.000815": 30,
    "2.000884": 12,
    "1.001193": 10,
    "1.000894": 5,
    "1.004873": 4,
    "1.000656": 4,
    "2.000635": 8,
    "2.000908": 5,
    "1.004222": 8,
    "1.004194": 8,
    "1.001612": 6,
}
