"""Every label the core gives the screens, in literal ``tr()`` calls: lupdate reads them here, so the
English catalogue holds them, and ``label()`` looks each up at the moment it is shown (after the
language is chosen). tests/ui/test_english_sweep.py checks that every label of the core is here."""

from __future__ import annotations

from onestop.ui.common import tr


def label(text: str) -> str:
    """The core's Vietnamese label in the interface's language."""
    return tr(text)


def catalogue() -> list[str]:
    """Never needed at run time (``label`` looks up any text): it is where lupdate finds them."""
    return [
        # dossier states (services.values.STATUSES)
        tr("Đã tiếp nhận"),
        tr("Đang xử lý"),
        tr("Đang chờ bổ sung"),
        tr("Đã có kết quả"),
        tr("Đã trả kết quả"),
        tr("Đã từ chối"),
        tr("Đã dừng giải quyết"),
        tr("Đã rút hồ sơ"),
        # channels of receipt and of the result
        tr("Tại Bộ phận Một cửa"),
        tr("Qua dịch vụ bưu chính công ích"),
        tr("Trực tuyến"),
        tr("Trực tuyến (nhận kết quả điện tử)"),
        # a step against its unit's allotted time (lifecycle.STEP_VERDICTS)
        tr("trước hạn"),
        tr("đúng hạn"),
        tr("quá hạn"),
        # steps in the history (lifecycle.ACTION_LABELS)
        tr("Tiếp nhận hồ sơ"),
        tr("Sửa thông tin trên giấy tiếp nhận"),
        tr("Chuyển hồ sơ"),
        tr("Nhận xử lý"),
        tr("Yêu cầu bổ sung"),
        tr("Tiếp tục giải quyết"),
        tr("Có kết quả"),
        tr("Trả kết quả"),
        tr("Từ chối"),
        tr("Dừng giải quyết"),
        tr("Rút hồ sơ"),
        tr("Hẹn lại ngày trả"),
        tr("Ghi nhận vào lịch sử"),
        tr("Chỉ đạo của lãnh đạo"),
        tr("Trả lời chỉ đạo"),
        tr("Số hóa"),
        tr("Tái sử dụng bản số hóa"),
        # roles and acts (auth)
        tr("Công chức tiếp nhận"),
        tr("Công chức xử lý"),
        tr("Lãnh đạo"),
        tr("Quản trị"),
        tr("Hệ thống"),
        tr("tiếp nhận hồ sơ"),
        tr("sửa thông tin trên giấy tiếp nhận"),
        tr("chuyển hồ sơ"),
        tr("nhận xử lý hồ sơ"),
        tr("yêu cầu bổ sung hồ sơ"),
        tr("tiếp tục giải quyết khi đã bổ sung"),
        tr("báo có kết quả"),
        tr("trả kết quả"),
        tr("từ chối hồ sơ"),
        tr("dừng giải quyết hồ sơ"),
        tr("ghi nhận rút hồ sơ"),
        tr("hẹn lại ngày trả kết quả"),
        tr("chỉ đạo xử lý hồ sơ"),
        tr("nhập phiếu đánh giá"),
        tr("mời người dân đánh giá"),
        tr("số hóa hồ sơ, kết quả"),
        tr("xem hồ sơ"),
        tr("xem mức đánh giá của người dân"),
        tr("xem báo cáo, thống kê"),
        tr("thiết lập cơ quan"),
        tr("quản lý tài khoản"),
        tr("quản lý danh mục thủ tục"),
        tr("quản lý lịch làm việc"),
        tr("quản lý đơn vị"),
        tr("sao lưu cơ sở dữ liệu"),
        # ratings: levels, reasons, events, channels
        tr("Rất hài lòng"),
        tr("Hài lòng"),
        tr("Không hài lòng"),
        tr("Rất không hài lòng"),
        tr("Bình thường"),
        tr("Thái độ phục vụ"),
        tr("Thời gian chờ lâu"),
        tr("Hướng dẫn chưa rõ"),
        tr("Yêu cầu giấy tờ ngoài quy định"),
        tr("Khác"),
        tr("Màn hình đánh giá"),
        tr("Phiếu giấy"),
        tr("Điện thoại"),
        # the calendar
        tr("Thứ Hai"),
        tr("Thứ Ba"),
        tr("Thứ Tư"),
        tr("Thứ Năm"),
        tr("Thứ Sáu"),
        tr("Thứ Bảy"),
        tr("Chủ nhật"),
        # settings (settings.SETTINGS)
        tr("Cơ quan chủ quản (dòng trên của tiêu đề)"),
        tr("Tên đơn vị tiếp nhận (in hoa, tiêu đề)"),
        tr("Tên đơn vị tiếp nhận (trong câu)"),
        tr("Địa danh ghi ngày tháng trên biểu mẫu"),
        tr("Mã định danh điện tử của đơn vị (dùng trong mã hồ sơ)"),
        tr("Múi giờ của cơ quan"),
        tr("Giờ làm việc (các buổi)"),
        tr("Địa chỉ của cơ quan"),
        tr("Đường dây nóng in trên giấy tờ"),
        tr("Văn bản quy định biểu mẫu"),
        tr("Quyển số của Sổ theo dõi hồ sơ (trống: theo năm)"),
        tr("Khi yêu cầu bổ sung: tạm dừng (pause) hay tính lại (restart)"),
        tr("Thang đánh giá (3, 4 hoặc 5 mức)"),
        tr("Các mức tính là hài lòng (mã, cách nhau dấu phẩy; trống: mặc định của thang)"),
        tr("Thời gian chờ đánh giá (giây)"),
        tr("Màn hình chờ hiện số lượt đánh giá hôm nay"),
        tr("Đọc lời mời đánh giá (nếu máy có bộ đọc)"),
        tr("Người dân đánh giá bằng: màn hình cảm ứng (touch), chuột (mouse) hay bàn phím số (keypad)"),
        tr("Tự động mời đánh giá sau khi phục vụ"),
        tr("Quyền theo vai trò"),
        tr("Độ dài tối thiểu của mật khẩu (ký tự)"),
        tr("Số lần đăng nhập sai liên tiếp thì khóa tài khoản"),
        tr("Dung lượng tối đa của mỗi tệp số hóa (MB)"),
        tr("Loại tệp được nhận khi số hóa (pdf, png, jpeg, tiff)"),
        tr("Độ phân giải khi quét (dpi)"),
        tr("Chất lượng nén JPEG của trang quét (30–95; 0: không nén mất dữ liệu)"),
        tr(
            "Máy quét mặc định (tên SANE như test:0, hoặc folder:ĐƯỜNG_DẪN cho thư mục của máy quét mạng; trống: máy đầu tiên tìm thấy)"
        ),
        tr("Cơ sở dữ liệu mẫu (chỉ để thử, không dùng thật)"),
        tr("Ngôn ngữ giao diện"),
    ]
