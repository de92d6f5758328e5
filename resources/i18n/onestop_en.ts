<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../onestop/ui/common.py" line="57"/>
        <source>Lỗi không mong đợi: {0}. Chi tiết đã được ghi vào nhật ký.</source>
        <translation>Unexpected error: {0}. The details have been written to the log.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/common.py" line="68"/>
        <source>onestop</source>
        <translation>onestop</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/common.py" line="72"/>
        <source>Thử lại</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/common.py" line="73"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="41"/>
        <source>Ngày lễ</source>
        <translation>Public holiday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="42"/>
        <source>Nghỉ bù</source>
        <translation>Compensatory day off</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="43"/>
        <source>Nghỉ hoán đổi</source>
        <translation>Swapped day off</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="44"/>
        <source>Thứ Bảy làm bù</source>
        <translation>Working Saturday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="58"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="59"/>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="60"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="61"/>
        <source>Tên ngày</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_common.py" line="148"/>
        <location filename="../../onestop/ui/admin_procedures.py" line="152"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_common.py" line="149"/>
        <location filename="../../onestop/ui/admin_procedures.py" line="152"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="59"/>
        <source>Ngày làm việc</source>
        <translation>Working days</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="60"/>
        <source>Giờ làm việc</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="61"/>
        <source>Trong ngày</source>
        <translation>Same day</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="71"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="72"/>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="73"/>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="74"/>
        <source>Thời hạn</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="75"/>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="193"/>
        <source>Tên giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="193"/>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="193"/>
        <source>Số lượng</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="193"/>
        <source>Bắt buộc</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="228"/>
        <source>Thành phần hồ sơ, dòng {0}: chưa nhập tên giấy tờ.</source>
        <translation>Dossier documents, row {0}: the document name is missing.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="265"/>
        <source>Tệp «{0}»: không tìm thấy tệp.</source>
        <translation>File “{0}”: file not found.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="267"/>
        <source>Tệp «{0}»: không có quyền đọc tệp.</source>
        <translation>File “{0}”: no permission to read the file.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="269"/>
        <source>Tệp «{0}»: không phải văn bản UTF-8.</source>
        <translation>File “{0}”: not UTF-8 text.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="271"/>
        <source>Tệp «{0}»: không đọc được ({1}).</source>
        <translation>File “{0}”: could not be read ({1}).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="276"/>
        <source>Tệp «{0}»: không phải JSON hợp lệ (dòng {1}, cột {2}).</source>
        <translation>File “{0}”: not valid JSON (line {1}, column {2}).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="279"/>
        <source>Tệp «{0}»: thiếu danh sách «procedures».</source>
        <translation>File “{0}”: the “procedures” list is missing.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="656"/>
        <source>Tệp «{0}»: {1}</source>
        <translation>File “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="52"/>
        <source>Tạm dừng, tiếp tục thời gian còn lại (pause)</source>
        <extracomment>Settings edited on the «Giờ làm việc» tab, or not edited at all (permissions: shown read-only).</extracomment>
        <translation>Pause, then continue with the time remaining (pause)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="53"/>
        <source>Tính lại từ đầu (restart)</source>
        <translation>Start counting again from the beginning (restart)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="56"/>
        <source>{0} mức</source>
        <translation>{0} levels</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="62"/>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="47"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="48"/>
        <location filename="../../onestop/ui/intake.py" line="1179"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="49"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="50"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="52"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="52"/>
        <source>Đã khóa</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="52"/>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="83"/>
        <source>Bộ phận Một cửa</source>
        <translation>One-Stop Counter</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="89"/>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="117"/>
        <source>Phiếu khi tiếp nhận</source>
        <translation>Receipt as issued at intake</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="120"/>
        <source>Sửa thông tin liên hệ</source>
        <translation>Contact details corrected</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="49"/>
        <source>thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="50"/>
        <source>thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="51"/>
        <source>thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="52"/>
        <source>thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="53"/>
        <source>thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="54"/>
        <source>thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="55"/>
        <location filename="../../onestop/ui/labels.py" line="106"/>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="62"/>
        <source>{0:02d} giờ {1:02d} phút, {2}, ngày {3}</source>
        <translation>{0:02d}:{1:02d}, {2}, {3}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="70"/>
        <source> (nhận sau {0} thì hẹn ngày làm việc tiếp theo)</source>
        <translation> (if received after {0}, counting starts on the next working day)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1183"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1187"/>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1200"/>
        <source>Số tiền thu: chỉ gồm chữ số, tính bằng đồng (ví dụ 50.000); để trống nếu không thu.</source>
        <translation>Amount charged: digits only, in VND (e.g. 50.000); leave empty if nothing is charged.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1204"/>
        <source>Số tiền thu: không quá 1.000.000.000 đồng.</source>
        <translation>Amount charged: at most 1.000.000.000 VND.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="98"/>
        <source>Không in được: máy in «{0}» không sẵn sàng; kiểm tra máy in rồi in lại.</source>
        <translation>Could not print: printer “{0}” is not ready; check the printer and print again.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="99"/>
        <source>(chưa chọn)</source>
        <translation>(none selected)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="249"/>
        <source>Không ghi được tệp: {0}</source>
        <translation>Could not write the file: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="115"/>
        <source>Chưa có lượt đánh giá nào</source>
        <translation>No ratings yet</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="116"/>
        <source>{0} lượt đánh giá, {1} hài lòng</source>
        <translation>{0} ratings, {1} satisfied</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="61"/>
        <source>Chuyển xử lý…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="40"/>
        <location filename="../../onestop/ui/steps.py" line="62"/>
        <source>Nhận xử lý</source>
        <translation>Take up</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="63"/>
        <source>Yêu cầu bổ sung…</source>
        <translation>Request documents…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="64"/>
        <source>Đã nhận bổ sung…</source>
        <translation>Documents received…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="65"/>
        <source>Báo có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="44"/>
        <location filename="../../onestop/ui/steps.py" line="66"/>
        <source>Trả kết quả</source>
        <translation>Return result</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="67"/>
        <source>Hẹn lại ngày trả…</source>
        <translation>Re-appoint…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="68"/>
        <source>Từ chối…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="69"/>
        <source>Dừng giải quyết…</source>
        <translation>Stop processing…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="70"/>
        <source>Rút hồ sơ…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="62"/>
        <location filename="../../onestop/ui/steps.py" line="77"/>
        <source>chuyển hồ sơ</source>
        <translation>transfer the dossier</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="63"/>
        <location filename="../../onestop/ui/steps.py" line="78"/>
        <source>nhận xử lý hồ sơ</source>
        <translation>take up the dossier</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="64"/>
        <location filename="../../onestop/ui/steps.py" line="79"/>
        <source>yêu cầu bổ sung hồ sơ</source>
        <translation>request further documents</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="80"/>
        <source>tiếp tục giải quyết hồ sơ</source>
        <translation>resume processing</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="66"/>
        <location filename="../../onestop/ui/steps.py" line="81"/>
        <source>báo có kết quả</source>
        <translation>report the result ready</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="67"/>
        <location filename="../../onestop/ui/steps.py" line="82"/>
        <source>trả kết quả</source>
        <translation>return the result</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="71"/>
        <location filename="../../onestop/ui/steps.py" line="83"/>
        <source>hẹn lại ngày trả kết quả</source>
        <translation>re-appoint the return date</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="68"/>
        <location filename="../../onestop/ui/steps.py" line="84"/>
        <source>từ chối hồ sơ</source>
        <translation>refuse the dossier</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="19"/>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="20"/>
        <source>Đang xử lý</source>
        <translation>In processing</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="21"/>
        <source>Đang chờ bổ sung</source>
        <translation>Awaiting further documents</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="22"/>
        <source>Đã có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="23"/>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="24"/>
        <source>Đã từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="25"/>
        <source>Đã dừng giải quyết</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="26"/>
        <source>Đã rút hồ sơ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="28"/>
        <source>Tại Bộ phận Một cửa</source>
        <translation>At the one-stop counter</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="29"/>
        <source>Qua dịch vụ bưu chính công ích</source>
        <translation>By public postal service</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="30"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="31"/>
        <source>Trực tuyến (nhận kết quả điện tử)</source>
        <translation>Online (electronic result)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="33"/>
        <source>trước hạn</source>
        <translation>ahead of time</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="34"/>
        <source>đúng hạn</source>
        <translation>on time</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="35"/>
        <source>quá hạn</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="37"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Dossier received</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="38"/>
        <source>Sửa thông tin trên giấy tiếp nhận</source>
        <translation>Receipt details corrected</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="39"/>
        <source>Chuyển hồ sơ</source>
        <translation>Dossier transferred</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="41"/>
        <source>Yêu cầu bổ sung</source>
        <translation>Further documents requested</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="42"/>
        <source>Tiếp tục giải quyết</source>
        <translation>Processing resumed</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="43"/>
        <source>Có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="45"/>
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="46"/>
        <source>Dừng giải quyết</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="47"/>
        <source>Rút hồ sơ</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="48"/>
        <source>Hẹn lại ngày trả</source>
        <translation>Return date re-appointed</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="49"/>
        <source>Ghi nhận vào lịch sử</source>
        <translation>Recorded in the history</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="50"/>
        <source>Chỉ đạo của lãnh đạo</source>
        <translation>Head&apos;s directive</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="51"/>
        <source>Trả lời chỉ đạo</source>
        <translation>Directive answered</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="52"/>
        <source>Số hóa</source>
        <translation>Digitised</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="53"/>
        <source>Tái sử dụng bản số hóa</source>
        <translation>Earlier scan reused</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="55"/>
        <source>Công chức tiếp nhận</source>
        <translation>Reception officer</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="56"/>
        <source>Công chức xử lý</source>
        <translation>Processing officer</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="57"/>
        <source>Lãnh đạo</source>
        <translation>Head of agency</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="58"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="59"/>
        <source>Hệ thống</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="60"/>
        <source>tiếp nhận hồ sơ</source>
        <translation>receive dossiers</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="61"/>
        <source>sửa thông tin trên giấy tiếp nhận</source>
        <translation>correct the receipt&apos;s details</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="65"/>
        <source>tiếp tục giải quyết khi đã bổ sung</source>
        <translation>resume once documents are supplied</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="69"/>
        <location filename="../../onestop/ui/steps.py" line="85"/>
        <source>dừng giải quyết hồ sơ</source>
        <translation>stop processing the dossier</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="70"/>
        <location filename="../../onestop/ui/steps.py" line="86"/>
        <source>ghi nhận rút hồ sơ</source>
        <translation>record the withdrawal</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="72"/>
        <source>chỉ đạo xử lý hồ sơ</source>
        <translation>give directives on dossiers</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="73"/>
        <source>nhập phiếu đánh giá</source>
        <translation>enter rating forms</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="74"/>
        <source>mời người dân đánh giá</source>
        <translation>invite citizens to rate</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="75"/>
        <source>số hóa hồ sơ, kết quả</source>
        <translation>digitise dossiers and results</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="76"/>
        <source>xem hồ sơ</source>
        <translation>view dossiers</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="77"/>
        <source>xem mức đánh giá của người dân</source>
        <translation>see citizens&apos; rating levels</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="78"/>
        <source>xem báo cáo, thống kê</source>
        <translation>view reports and figures</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="79"/>
        <source>thiết lập cơ quan</source>
        <translation>set up the agency</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="80"/>
        <source>quản lý tài khoản</source>
        <translation>manage accounts</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="81"/>
        <source>quản lý danh mục thủ tục</source>
        <translation>manage the procedure catalogue</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="82"/>
        <source>quản lý lịch làm việc</source>
        <translation>manage the working calendar</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="83"/>
        <source>quản lý đơn vị</source>
        <translation>manage units</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="84"/>
        <source>sao lưu cơ sở dữ liệu</source>
        <translation>back up the database</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="86"/>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="87"/>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="88"/>
        <source>Không hài lòng</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="89"/>
        <source>Rất không hài lòng</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="90"/>
        <source>Bình thường</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="91"/>
        <source>Thái độ phục vụ</source>
        <translation>Attitude of the staff</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="92"/>
        <source>Thời gian chờ lâu</source>
        <translation>Long waiting time</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="93"/>
        <source>Hướng dẫn chưa rõ</source>
        <translation>Unclear guidance</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="94"/>
        <source>Yêu cầu giấy tờ ngoài quy định</source>
        <translation>Papers asked beyond the rules</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="95"/>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="96"/>
        <source>Màn hình đánh giá</source>
        <translation>Rating screen</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="97"/>
        <source>Phiếu giấy</source>
        <translation>Paper form</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="98"/>
        <source>Điện thoại</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="100"/>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="101"/>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="102"/>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="103"/>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="104"/>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="105"/>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="108"/>
        <source>Cơ quan chủ quản (dòng trên của tiêu đề)</source>
        <translation>Parent agency (top line of the header)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="109"/>
        <source>Tên đơn vị tiếp nhận (in hoa, tiêu đề)</source>
        <translation>Receiving unit&apos;s name (capitals, header)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="110"/>
        <source>Tên đơn vị tiếp nhận (trong câu)</source>
        <translation>Receiving unit&apos;s name (in sentences)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="111"/>
        <source>Địa danh ghi ngày tháng trên biểu mẫu</source>
        <translation>Place name before the date on forms</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="112"/>
        <source>Mã định danh điện tử của đơn vị (dùng trong mã hồ sơ)</source>
        <translation>Unit&apos;s electronic identifier (used in dossier codes)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="113"/>
        <source>Múi giờ của cơ quan</source>
        <translation>Agency&apos;s time zone</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="114"/>
        <source>Giờ làm việc (các buổi)</source>
        <translation>Office hours (sessions)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="115"/>
        <source>Địa chỉ của cơ quan</source>
        <translation>Agency address</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="116"/>
        <source>Đường dây nóng in trên giấy tờ</source>
        <translation>Hotline printed on papers</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="117"/>
        <source>Văn bản quy định biểu mẫu</source>
        <translation>Legal basis of the forms</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="118"/>
        <source>Quyển số của Sổ theo dõi hồ sơ (trống: theo năm)</source>
        <translation>Register volume number (empty: by year)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="119"/>
        <source>Khi yêu cầu bổ sung: tạm dừng (pause) hay tính lại (restart)</source>
        <translation>On a supplement request: pause or restart the clock</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="120"/>
        <source>Thang đánh giá (3, 4 hoặc 5 mức)</source>
        <translation>Rating scale (3, 4 or 5 levels)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="121"/>
        <source>Các mức tính là hài lòng (mã, cách nhau dấu phẩy; trống: mặc định của thang)</source>
        <translation>Levels counted as satisfied (codes, comma-separated; empty: the scale&apos;s default)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="122"/>
        <source>Thời gian chờ đánh giá (giây)</source>
        <translation>Time to wait for a rating (seconds)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="123"/>
        <source>Màn hình chờ hiện số lượt đánh giá hôm nay</source>
        <translation>Idle screen shows today&apos;s number of ratings</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="124"/>
        <source>Đọc lời mời đánh giá (nếu máy có bộ đọc)</source>
        <translation>Read the invitation aloud (if the PC has speech)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="125"/>
        <source>Người dân đánh giá bằng: màn hình cảm ứng (touch), chuột (mouse) hay bàn phím số (keypad)</source>
        <translation>Citizens rate with: touch screen (touch), mouse (mouse) or number keypad (keypad)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="126"/>
        <source>Tự động mời đánh giá sau khi phục vụ</source>
        <translation>Invite a rating automatically after serving</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="127"/>
        <source>Quyền theo vai trò</source>
        <translation>Permissions by role</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="128"/>
        <source>Độ dài tối thiểu của mật khẩu (ký tự)</source>
        <translation>Minimum password length (characters)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="129"/>
        <source>Số lần đăng nhập sai liên tiếp thì khóa tài khoản</source>
        <translation>Failed sign-ins in a row before the account is locked</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="130"/>
        <source>Dung lượng tối đa của mỗi tệp số hóa (MB)</source>
        <translation>Largest digitised file (MB)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="131"/>
        <source>Loại tệp được nhận khi số hóa (pdf, png, jpeg, tiff)</source>
        <translation>File types accepted for digitisation (pdf, png, jpeg, tiff)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="132"/>
        <source>Độ phân giải khi quét (dpi)</source>
        <translation>Scanning resolution (dpi)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="133"/>
        <source>Chất lượng nén JPEG của trang quét (30–95; 0: không nén mất dữ liệu)</source>
        <translation>JPEG quality of scanned pages (30–95; 0: lossless)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="135"/>
        <source>Máy quét mặc định (tên SANE như test:0, hoặc folder:ĐƯỜNG_DẪN cho thư mục của máy quét mạng; trống: máy đầu tiên tìm thấy)</source>
        <translation>Default scanner (a SANE name such as test:0, or folder:PATH for a network scanner&apos;s folder; empty: the first one found)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="137"/>
        <source>Cơ sở dữ liệu mẫu (chỉ để thử, không dùng thật)</source>
        <translation>Demo database (for trying out only, not for real use)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/labels.py" line="138"/>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="92"/>
        <source>Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Form 02 — Request for further documents</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="93"/>
        <source>Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ</source>
        <translation>Form 03 — Refusal of the dossier</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="94"/>
        <source>Mẫu 04 — Văn bản xin lỗi và đề nghị gia hạn</source>
        <translation>Form 04 — Apology and re-appointment</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="95"/>
        <source>Mẫu 05 — Thông báo dừng giải quyết hồ sơ</source>
        <translation>Form 05 — Notice of stopped processing</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="96"/>
        <source>Mẫu 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ</source>
        <translation>Form 06 — Processing control sheet</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="208"/>
        <source>Tài khoản này không có quyền {0}.</source>
        <translation>This account may not {0}.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="210"/>
        <source>Hồ sơ đang ở trạng thái «{0}»: không thể {1}.</source>
        <translation>The dossier is «{0}»: cannot {1}.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="212"/>
        <source>Hồ sơ đã được hẹn lại một lần; mỗi hồ sơ chỉ được hẹn lại một lần.</source>
        <translation>The dossier was re-appointed once already; a dossier may be re-appointed only once.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="213"/>
        <source>Hồ sơ đang ở đơn vị khác: chỉ {0} đối với hồ sơ của đơn vị mình.</source>
        <translation>The dossier is held by another unit: you may {0} only for your own unit&apos;s dossiers.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="134"/>
        <source> (đang giữ hồ sơ)</source>
        <translation> (holds the dossier)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="294"/>
        <source>{0} chỉ đạo ({1}) về hồ sơ {2}, hạn trả lời {3}: {4}</source>
        <translation>{0} directed ({1}) on dossier {2}, answer by {3}: {4}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="297"/>
        <source>{0} chỉ đạo ({1}) về hồ sơ {2}: {3}</source>
        <translation>{0} directed ({1}) on dossier {2}: {3}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/exporting.py" line="24"/>
        <source>Tệp xuất ra</source>
        <translation>Export file</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="387"/>
        <source>Quản trị đầu tiên</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="388"/>
        <source>Tài khoản quản trị tạo các tài khoản cán bộ, sửa thiết lập, danh mục và lịch.</source>
        <translation>The administrator account creates the officers&apos; accounts and edits the settings, catalogue and calendar.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="390"/>
        <source>ví dụ: quantri</source>
        <translation>e.g. quantri</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="391"/>
        <source>họ và tên người quản trị</source>
        <translation>the administrator&apos;s full name</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="406"/>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="407"/>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="408"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="409"/>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat the password:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="421"/>
        <source>Mật khẩu ít nhất {0} ký tự; chỉ người quản trị biết, không ghi lên giấy dán ở máy.</source>
        <translation>A password of at least {0} characters, known only to the administrator; never on a note stuck to the PC.</translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <location filename="../../onestop/ui/admin.py" line="39"/>
        <source>Chỉ tài khoản quản trị mới dùng được phần Quản trị.</source>
        <translation>Only administrator accounts can use Administration.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin.py" line="51"/>
        <source>Thiết lập cơ quan</source>
        <translation>Agency settings</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin.py" line="52"/>
        <source>Giờ làm việc</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin.py" line="53"/>
        <source>Lịch nghỉ lễ</source>
        <translation>Holiday calendar</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin.py" line="54"/>
        <source>Thủ tục</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin.py" line="55"/>
        <source>Cán bộ</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin.py" line="60"/>
        <source>{0} (Alt+{1})</source>
        <translation>{0} (Alt+{1})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin.py" line="68"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>AgencyPage</name>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="113"/>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="114"/>
        <source>Thông tin in trên giấy tiếp nhận, sổ theo dõi và báo cáo.</source>
        <translation>What is printed on receipts, the register and the reports.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="116"/>
        <source>ví dụ: Trung tâm Phục vụ hành chính công phường Hải Châu</source>
        <translation>e.g. Public Administrative Service Centre of Hai Chau ward</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="117"/>
        <source>ví dụ: UBND phường Hải Châu</source>
        <translation>e.g. People&apos;s Committee of Hai Chau ward</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="119"/>
        <source>số nhà, đường, phường/xã, tỉnh/thành phố</source>
        <translation>house number, street, ward/commune, province/city</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="120"/>
        <source>ví dụ: Hải Châu</source>
        <translation>e.g. Hai Chau</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="121"/>
        <source>ví dụ: 0236 3821 111 (không bắt buộc)</source>
        <translation>e.g. 0236 3821 111 (optional)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="131"/>
        <source>Tên cơ quan (đơn vị tiếp nhận):</source>
        <translation>Agency name (receiving unit):</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="132"/>
        <source>Cơ quan chủ quản:</source>
        <translation>Parent agency:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="138"/>
        <source>Dạng Hxx.yy.zz.ww theo QĐ 20/2020/QĐ-TTg (sửa đổi bởi QĐ 09/2025/QĐ-TTg); là phần đầu của mã hồ sơ, không đổi được sau khi đã tiếp nhận hồ sơ.</source>
        <translation>Of the form Hxx.yy.zz.ww (Decision 20/2020/QĐ-TTg as amended by Decision 09/2025/QĐ-TTg); it begins every dossier code and cannot change once dossiers are received.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="145"/>
        <source>Mã định danh điện tử:</source>
        <translation>Electronic identifier:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="146"/>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="147"/>
        <source>Địa danh (ghi ngày tháng):</source>
        <translation>Place name (before dates):</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="148"/>
        <source>Đường dây nóng:</source>
        <translation>Hotline:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="149"/>
        <source>Cơ sở dữ liệu mới: {0}</source>
        <translation>New database: {0}</translation>
    </message>
</context>
<context>
    <name>AgencySettingsTab</name>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="149"/>
        <source>Có hiệu lực từ lần khởi động sau.</source>
        <translation>Takes effect the next time the application starts.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="163"/>
        <source>Quyền theo vai trò (chỉ xem)</source>
        <translation>Permissions by role (read only)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="213"/>
        <source>Không có thay đổi.</source>
        <translation>No changes.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="237"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="218"/>
        <source>Đã lưu {0} thiết lập.</source>
        <translation>Saved {0} setting(s).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="222"/>
        <source>Chưa lưu.</source>
        <translation>Not saved.</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../onestop/ui/board.py" line="253"/>
        <source>Trả lời chỉ đạo về hồ sơ {0}</source>
        <translation>Answer the directive on dossier {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="259"/>
        <source>Đã làm gì, đề xuất gì</source>
        <translation>What was done, what is proposed</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="265"/>
        <source>Gửi trả lời (Ctrl+Enter)</source>
        <translation>Send the answer (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="268"/>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>BoardCountsBar</name>
    <message>
        <location filename="../../onestop/ui/board.py" line="108"/>
        <source>Không cập nhật được số liệu</source>
        <translation>The figures could not be updated</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="115"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="116"/>
        <source>Đến hạn trong 1 ngày làm việc</source>
        <translation>Due within 1 working day</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="117"/>
        <source>Chờ bổ sung (tạm dừng)</source>
        <translation>Awaiting documents (paused)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="119"/>
        <source> — {0} quá hạn trả lời</source>
        <translation> — {0} past their answer time</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="122"/>
        <source>Chỉ đạo chờ trả lời</source>
        <translation>Directives awaiting an answer</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="127"/>
        <source>Cập nhật {0}</source>
        <translation>Updated {0}</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="446"/>
        <location filename="../../onestop/ui/setup_wizard.py" line="506"/>
        <source>Lịch năm {0}</source>
        <translation>Calendar {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="448"/>
        <source>Các ngày nghỉ lễ, nghỉ bù, hoán đổi và thứ Bảy làm bù theo thông báo của Chính phủ; hạn trả kết quả tính theo lịch này (sửa sau trong «Quản trị → Lịch làm việc»).</source>
        <translation>Public holidays, compensatory and swapped days off and working Saturdays as announced by the Government; due dates are counted on this calendar (edit it later under «Administration → Holiday calendar»).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="456"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="456"/>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="456"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="456"/>
        <source>Tên ngày</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="465"/>
        <source>Đang mở cơ sở dữ liệu…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="500"/>
        <source>{0} ngày nghỉ từ thứ Hai đến thứ Sáu, {1} thứ Bảy làm bù.</source>
        <translation>{0} weekdays off, {1} working Saturday(s).</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="89"/>
        <source>&amp;Năm:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="113"/>
        <source>&amp;Xóa ngày đã chọn (Delete)</source>
        <translation>&amp;Delete selected day (Delete)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="141"/>
        <source>ví dụ: Nghỉ Tết Dương lịch</source>
        <translation>e.g. New Year&apos;s Day holiday</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="143"/>
        <source>&amp;Thêm ngày (Enter)</source>
        <translation>&amp;Add day (Enter)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="145"/>
        <source>Một ngày đã có trong lịch sẽ được thay bằng ngày này.</source>
        <translation>A day already in the calendar will be replaced by this one.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="150"/>
        <source>N&amp;gày:</source>
        <translation>Da&amp;te:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="151"/>
        <source>&amp;Loại ngày:</source>
        <translation>Ty&amp;pe of day:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="152"/>
        <source>T&amp;ên ngày (bắt buộc):</source>
        <translation>&amp;Name (required):</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="163"/>
        <source>Thêm hoặc sửa một ngày</source>
        <translation>Add or edit a day</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="184"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="186"/>
        <source>nhận lúc</source>
        <translation>received at</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="188"/>
        <source>Tính thử ngày hẹn trả (không lưu)</source>
        <translation>Try out an appointment (not saved)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="292"/>
        <source>Thứ Bảy làm bù: ngày {0} là {1}, không phải thứ Bảy.</source>
        <translation>Working Saturday: {0} is a {1}, not a Saturday.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="356"/>
        <source>Tính thử ngày hẹn trả: thủ tục {0} nhận lúc {1} → {2}</source>
        <translation>Trial appointment: procedure {0} received at {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="240"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="246"/>
        <source>{0} ngày đặc biệt trong năm {1}.</source>
        <translation>{0} special day(s) in {1}.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="287"/>
        <source>Tên ngày: không được để trống.</source>
        <translation>Name: must not be empty.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="319"/>
        <source>Xóa ngày {0} ({1}: {2}) khỏi lịch năm {3}?</source>
        <translation>Remove {0} ({1}: {2}) from the {3} calendar?</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="322"/>
        <source>Xóa ngày khỏi lịch</source>
        <translation>Remove day from calendar</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_calendar.py" line="361"/>
        <source>Bỏ qua: {0}</source>
        <translation>Skipped: {0}</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="291"/>
        <source>Danh mục thủ tục</source>
        <translation>Procedure catalogue</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="292"/>
        <source>Các thủ tục hành chính mà bộ phận Một cửa tiếp nhận (tệp JSON).</source>
        <translation>The administrative procedures the one-stop counter receives (a JSON file).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="297"/>
        <source>Danh mục mẫu kèm theo chương trình ({0} thủ tục cấp xã)</source>
        <translation>The sample catalogue shipped with the program ({0} commune-level procedures)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="300"/>
        <source>Tệp danh mục khác:</source>
        <translation>Another catalogue file:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="302"/>
        <source>Chưa nhập (nhập sau bằng «onestop init --catalog TỆP»)</source>
        <translation>None now (import later with «onestop init --catalog FILE»)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="308"/>
        <source>đường dẫn tệp .json</source>
        <translation>path of a .json file</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="310"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="323"/>
        <source>Đơn vị giải quyết mặc định:</source>
        <translation>Default competent unit:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="340"/>
        <source>(chưa chọn: gán sau)</source>
        <translation>(none: assign later)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="351"/>
        <source>Chọn tệp danh mục thủ tục</source>
        <translation>Choose the procedure catalogue file</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="351"/>
        <source>Danh mục (*.json)</source>
        <translation>Catalogue (*.json)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="366"/>
        <source>Tệp danh mục: chưa chọn tệp.</source>
        <translation>Catalogue file: no file chosen.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="370"/>
        <source>không phải JSON hợp lệ</source>
        <translation>not valid JSON</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="372"/>
        <source>Tệp danh mục: không đọc được tệp ({0}).</source>
        <translation>Catalogue file: the file cannot be read ({0}).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="375"/>
        <source>Tệp danh mục: không phải danh mục thủ tục.</source>
        <translation>Catalogue file: not a procedure catalogue.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="381"/>
        <source>Sẽ nhập {0} thủ tục.</source>
        <translation>{0} procedure(s) will be imported.</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="188"/>
        <source>Giấy tờ (* bắt buộc)</source>
        <translation>Document (* required)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="189"/>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="190"/>
        <source>Số lượng</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="191"/>
        <source>Số hóa</source>
        <translation>Digitised</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="214"/>
        <source>Bắt buộc</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_models.py" line="214"/>
        <source>Nếu có</source>
        <translation>If any</translation>
    </message>
</context>
<context>
    <name>ClerkRatingsModel</name>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="507"/>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="508"/>
        <source>Lượt đánh giá</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="509"/>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="510"/>
        <source>Tỷ lệ hài lòng</source>
        <translation>Satisfaction rate</translation>
    </message>
</context>
<context>
    <name>ContactEditDialog</name>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="31"/>
        <source>Sửa thông tin liên hệ — {0}</source>
        <translation>Edit contact details — {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="42"/>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="44"/>
        <source>ví dụ: 0905123456</source>
        <translation>e.g. 0905123456</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="48"/>
        <source>ví dụ: ghi sai số điện thoại</source>
        <translation>e.g. phone number entered incorrectly</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="59"/>
        <source>&amp;Họ và tên người nộp:</source>
        <translation>Applicant&apos;s full &amp;name:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="60"/>
        <source>Số định &amp;danh cá nhân:</source>
        <translation>Citizen &amp;ID number:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="61"/>
        <source>Số đ&amp;iện thoại:</source>
        <translation>&amp;Phone number:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="62"/>
        <source>Đị&amp;a chỉ:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="63"/>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="64"/>
        <source>&amp;Lý do sửa:</source>
        <translation>&amp;Reason for change:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="79"/>
        <source>Mã hồ sơ không đổi. Lưu sẽ tạo một bản mới của giấy tiếp nhận; bản cũ vẫn được giữ và in lại được.</source>
        <translation>The dossier code does not change. Saving creates a new version of the receipt; the old version is kept and can still be reprinted.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="89"/>
        <source>Lưu (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="91"/>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/contact_edit.py" line="163"/>
        <source>Chưa có thay đổi nào để lưu.</source>
        <translation>There are no changes to save.</translation>
    </message>
</context>
<context>
    <name>CounterGuidanceDialog</name>
    <message>
        <location filename="../../onestop/ui/guidance.py" line="62"/>
        <source>Hướng dẫn bổ sung hồ sơ (Mẫu 02)</source>
        <translation>Guidance on missing documents (Form 02)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/guidance.py" line="67"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;Hồ sơ &lt;b&gt;không được tiếp nhận&lt;/b&gt; và không cấp mã: người nộp nhận phiếu hướng dẫn ghi một lần, đầy đủ các giấy tờ cần bổ sung, hoàn thiện và lý do.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;The dossier is &lt;b&gt;not received&lt;/b&gt; and gets no code: the applicant receives a guidance form listing, at once and in full, every document to bring or complete and why.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/guidance.py" line="74"/>
        <source>không bắt buộc</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/guidance.py" line="77"/>
        <source>Chưa có trong hồ sơ</source>
        <translation>Not in the dossier</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/guidance.py" line="80"/>
        <source>Thêm dòng (Insert)</source>
        <translation>Add row (Insert)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/guidance.py" line="83"/>
        <source>Xóa dòng (Delete)</source>
        <translation>Remove row (Delete)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/guidance.py" line="92"/>
        <source>&amp;Người nộp:</source>
        <translation>&amp;Applicant:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/guidance.py" line="95"/>
        <source>Giấy &amp;tờ cần bổ sung:</source>
        <translation>&amp;Missing documents:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/guidance.py" line="105"/>
        <source>In Mẫu 02 (Ctrl+Enter)</source>
        <translation>Print Form 02 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/guidance.py" line="107"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/guidance.py" line="153"/>
        <source>Hướng dẫn bổ sung hồ sơ (Mẫu 02) — {0}</source>
        <translation>Guidance on missing documents (Form 02) — {0}</translation>
    </message>
</context>
<context>
    <name>DirectiveDialog</name>
    <message>
        <location filename="../../onestop/ui/board.py" line="155"/>
        <source>Chỉ đạo xử lý hồ sơ {0}</source>
        <translation>Directive on dossier {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="162"/>
        <source>Nội dung chỉ đạo: việc cần làm, kết quả cần báo cáo</source>
        <translation>The directive: what to do, what to report</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="163"/>
        <source>Hạn trả lời</source>
        <translation>Answer by</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="178"/>
        <source>Gửi đến</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="179"/>
        <source>Nội dung</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="194"/>
        <source>Thời hạn</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="198"/>
        <source>Gửi chỉ đạo (Ctrl+Enter)</source>
        <translation>Send the directive (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="201"/>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="223"/>
        <source>Gửi đến: chọn người nhận chỉ đạo.</source>
        <translation>To: choose who receives the directive.</translation>
    </message>
</context>
<context>
    <name>DirectivesBanner</name>
    <message>
        <location filename="../../onestop/ui/board.py" line="348"/>
        <source>Chỉ đạo của lãnh đạo chờ anh/chị trả lời ({0})</source>
        <translation>Directives from the head awaiting your answer ({0})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="359"/>
        <source>Mở hồ sơ</source>
        <translation>Open the dossier</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="361"/>
        <source>Trả lời…</source>
        <translation>Answer…</translation>
    </message>
</context>
<context>
    <name>DossierDetailDialog</name>
    <message>
        <location filename="../../onestop/ui/detail.py" line="156"/>
        <location filename="../../onestop/ui/detail.py" line="159"/>
        <source>Hồ sơ {0}</source>
        <translation>Dossier {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="163"/>
        <source>Đang tải hồ sơ…</source>
        <translation>Loading dossier…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="172"/>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="173"/>
        <source>Người nộp:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="174"/>
        <source>Số định danh:</source>
        <translation>Citizen ID number:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="175"/>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="176"/>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="177"/>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="180"/>
        <source>Tiếp nhận lúc:</source>
        <translation>Received at:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="181"/>
        <source>Hẹn trả:</source>
        <translation>Appointment:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="182"/>
        <source>Đơn vị đang giữ:</source>
        <translation>Currently held by:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="183"/>
        <source>Số bộ hồ sơ:</source>
        <translation>Number of sets:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="184"/>
        <source>Nộp / nhận kết quả:</source>
        <translation>Submitted / result delivery:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="185"/>
        <source>Phí, lệ phí:</source>
        <translation>Fees and charges:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="186"/>
        <source>Sổ theo dõi:</source>
        <translation>Register:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="204"/>
        <source>Tên giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="204"/>
        <source>Hình thức</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="204"/>
        <source>Số lượng</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="208"/>
        <location filename="../../onestop/ui/detail.py" line="408"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="209"/>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="210"/>
        <location filename="../../onestop/ui/detail.py" line="219"/>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="211"/>
        <source>Từ đơn vị</source>
        <translation>From unit</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="212"/>
        <source>Đến đơn vị</source>
        <translation>To unit</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="213"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="219"/>
        <source>Bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="219"/>
        <source>Lập lúc</source>
        <translation>Created at</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="219"/>
        <source>Nội dung</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="226"/>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="227"/>
        <source>Giấy tờ</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="228"/>
        <source>Giấy tiếp nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="233"/>
        <source>Tệp số hóa</source>
        <translation>Digitised files</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="249"/>
        <source>&amp;In lại giấy tiếp nhận (Ctrl+P)</source>
        <translation>&amp;Reprint the receipt (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="364"/>
        <source>Giấy tiếp nhận ({0})</source>
        <translation>Receipt ({0})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="370"/>
        <source>Tệp số hóa ({0}/{1})</source>
        <translation>Digitised files ({0}/{1})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="389"/>
        <source>In lại</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="391"/>
        <source>Xem và in lại bản số {0} của giấy tiếp nhận</source>
        <translation>View and reprint version {0} of the receipt</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="568"/>
        <source>Giấy tiếp nhận {0} — bản số {1}</source>
        <translation>Receipt {0} — version {1}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="229"/>
        <source>Đánh giá</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="238"/>
        <source>Bước xử lý tiếp theo</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="244"/>
        <source>&amp;Sửa thông tin liên hệ… (Ctrl+E)</source>
        <translation>&amp;Edit contact details… (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="256"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="317"/>
        <source>Không tải được hồ sơ.</source>
        <translation>Could not load the dossier.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="331"/>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="334"/>
        <source>{0} (sau tạm dừng chờ bổ sung: {1})</source>
        <translation>{0} (after the pause for documents: {1})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="336"/>
        <source>{0} (gia hạn đến {1})</source>
        <translation>{0} (extended to {1})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="338"/>
        <source>Bộ phận Một cửa</source>
        <translation>One-Stop Counter</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="345"/>
        <source>Quyển {0}, số {1}</source>
        <translation>Volume {0}, no. {1}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="362"/>
        <source>Lịch sử ({0})</source>
        <translation>History ({0})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="363"/>
        <source>Giấy tờ ({0})</source>
        <translation>Documents ({0})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="374"/>
        <source>Tài khoản này không có quyền sửa thông tin người nộp.</source>
        <translation>This account is not allowed to edit applicant details.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="408"/>
        <source>Lượt phục vụ</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="408"/>
        <source>Mức đánh giá</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="408"/>
        <source>Kênh</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="415"/>
        <source>Mời đánh &amp;giá (F8)</source>
        <translation>Request r&amp;ating (F8)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="419"/>
        <source>Mời người dân đánh giá trên màn hình đánh giá của quầy này (lượt trả kết quả nếu đã trả) — F8</source>
        <translation>Invite the applicant to rate on this counter&apos;s rating screen (the result handover, if the result has been returned) — F8</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="426"/>
        <source>&amp;Nhập đánh giá (phiếu giấy/điện thoại)…</source>
        <translation>Record ra&amp;ting (paper form/phone)…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="441"/>
        <source>Mức đánh giá cụ thể chỉ lãnh đạo đơn vị xem được.</source>
        <translation>Only the head of the agency can see the level given.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="455"/>
        <source>{0}: đã đánh giá</source>
        <translation>{0}: rated</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="457"/>
        <source>{0}: chưa đánh giá</source>
        <translation>{0}: not rated</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="475"/>
        <source>Đánh giá ({0})</source>
        <translation>Ratings ({0})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="479"/>
        <source>Tài khoản này không có quyền nhập đánh giá.</source>
        <translation>This account is not allowed to record ratings.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail.py" line="482"/>
        <source>Nhập kết quả một phiếu khảo sát giấy hoặc một cuộc gọi điện thoại</source>
        <translation>Record the answer from a paper survey form or a phone call</translation>
    </message>
</context>
<context>
    <name>DossierDirectives</name>
    <message>
        <location filename="../../onestop/ui/board.py" line="412"/>
        <source>Chỉ đạo gửi {0}: {1}</source>
        <translation>Directive to {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="418"/>
        <source>Trả lời…</source>
        <translation>Answer…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/board.py" line="426"/>
        <source>Chỉ đạo xử lý hồ sơ này…</source>
        <translation>Give a directive on this dossier…</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="165"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="166"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="167"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="168"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="169"/>
        <source>Tiếp nhận lúc</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="170"/>
        <source>Hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="171"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="172"/>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="175"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="176"/>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="177"/>
        <source>Tạm dừng tính giờ</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="297"/>
        <source>Nhấn để sắp xếp các hồ sơ đã tải theo cột này (nhấn lần nữa: đảo chiều; lần thứ ba: trở về thứ tự mới nhất trước). Hồ sơ tải thêm khi cuộn được xếp vào cùng thứ tự.</source>
        <translation>Click to sort the loaded dossiers by this column (click again: reverse; a third time: back to newest first). Dossiers loaded while scrolling are placed in the same order.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="349"/>
        <source>chưa số hóa</source>
        <translation>not digitised</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="383"/>
        <source>Chưa số hóa: đã quét {0}/{1} giấy tờ</source>
        <translation>Not digitised: {0}/{1} documents scanned</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="391"/>
        <source>Quá hạn: hẹn trả lúc {0}</source>
        <translation>Overdue: appointment at {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="393"/>
        <source>Đến hạn trong vòng một ngày làm việc: hẹn trả lúc {0}</source>
        <translation>Due within one working day: appointment at {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="394"/>
        <source>Hẹn trả lúc {0}</source>
        <translation>Appointment at {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="396"/>
        <source>Số định danh: {0}</source>
        <translation>Citizen ID number: {0}</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <location filename="../../onestop/ui/exporting.py" line="68"/>
        <source>Đang xuất {0}… {1} dòng</source>
        <translation>Exporting {0}… {1} rows</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/exporting.py" line="84"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/exporting.py" line="84"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/exporting.py" line="104"/>
        <location filename="../../onestop/ui/exporting.py" line="108"/>
        <source>Đang xuất {0}…</source>
        <translation>Exporting {0}…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/exporting.py" line="116"/>
        <source>Đã lưu: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>ExtendForm</name>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="308"/>
        <source>Mỗi hồ sơ chỉ được hẹn lại &lt;b&gt;một lần&lt;/b&gt;. Các số liệu vẫn tính hạn theo ngày hẹn hiện tại; sau khi lưu sẽ mở Văn bản xin lỗi và đề nghị gia hạn (Mẫu 04) để in.</source>
        <translation>A dossier may be re-appointed &lt;b&gt;once&lt;/b&gt;. The figures still count from the current due date; after saving, the apology and re-appointment letter (Form 04) opens for printing.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="315"/>
        <source>bắt buộc: lý do được in trong văn bản xin lỗi</source>
        <translation>required: the reason is printed in the apology letter</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="316"/>
        <source>Ngày hẹn hiện tại:</source>
        <translation>Current due date:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="317"/>
        <source>Ngày hẹn &amp;mới:</source>
        <translation>&amp;New due date:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="318"/>
        <source>&amp;Lý do (*):</source>
        <translation>&amp;Reason (*):</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="62"/>
        <source>Giấy tờ</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="63"/>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="64"/>
        <source>Người số hóa</source>
        <translation>Digitised by</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="65"/>
        <source>Lúc</source>
        <translation>At</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="66"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="78"/>
        <source>Enter hoặc nhấn đúp: mở bản số hóa (xem, in, lưu bản sao)</source>
        <translation>Enter or double-click: open the digitised copy (view, print, save a copy)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="80"/>
        <source>&amp;Mở / in bản số hóa</source>
        <translation>&amp;Open / print the digitised copy</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="82"/>
        <source>Xem trước để in hoặc lưu một bản sao PDF (Enter)</source>
        <translation>Preview to print or save a PDF copy (Enter)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="83"/>
        <source>Quét / đính kèm… ({0})</source>
        <translation>Scan / attach… ({0})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="86"/>
        <source>Quét hoặc đính kèm tệp cho giấy tờ đang chọn, hoặc kết quả điện tử — {0}</source>
        <translation>Scan or attach files for the selected document, or the electronic result — {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="90"/>
        <source>Đính kèm kết quả điện tử…</source>
        <translation>Attach the electronic result…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="92"/>
        <source>Quét hoặc đính kèm bản điện tử của kết quả giải quyết</source>
        <translation>Scan or attach the electronic copy of the result</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="129"/>
        <source>Kết quả giải quyết (bản điện tử)</source>
        <translation>Result (electronic copy)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="135"/>
        <source>chưa số hóa</source>
        <translation>not digitised</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="138"/>
        <source>dùng lại bản của hồ sơ {0}</source>
        <translation>reused from dossier {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="154"/>
        <source>Đã số hóa {0}/{1} giấy tờ</source>
        <translation>{0}/{1} documents digitised</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="155"/>
        <source> · có kết quả điện tử</source>
        <translation> · electronic result</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="174"/>
        <source>Tài khoản này không có quyền số hóa hồ sơ.</source>
        <translation>This account may not digitise dossiers.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="200"/>
        <source>{0} — hồ sơ {1} ({2} trang)</source>
        <translation>{0} — dossier {1} ({2} pages)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="227"/>
        <source>Hồ sơ {0} — kết quả giải quyết (bản điện tử)</source>
        <translation>Dossier {0} — result (electronic copy)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/detail_files.py" line="229"/>
        <source>Hồ sơ {0} — giấy tờ {1}: {2}</source>
        <translation>Dossier {0} — document {1}: {2}</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="178"/>
        <source>Giờ làm việc</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="179"/>
        <source>Giờ tiếp nhận hồ sơ; thời hạn giải quyết tính theo giờ làm việc của các ngày làm việc.</source>
        <translation>Hours when dossiers are received; time limits count the working hours of working days.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="184"/>
        <source>Buổi sáng:</source>
        <translation>Morning:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="185"/>
        <source>Buổi chiều:</source>
        <translation>Afternoon:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="194"/>
        <source>từ</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="194"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="201"/>
        <source>Ngày làm việc: thứ Hai đến thứ Sáu. Thứ Bảy làm bù và các ngày nghỉ lễ, nghỉ bù, hoán đổi theo lịch năm (trang «Lịch năm nay»); quản trị sửa được sau trong «Quản trị → Lịch làm việc». Thêm buổi hoặc đổi múi giờ: «Quản trị → Thiết lập».</source>
        <translation>Working days: Monday to Friday. Working Saturdays and holidays, compensatory and swapped days off follow the year&apos;s calendar (page «This year&apos;s calendar»); the administrator can edit it later under «Administration → Holiday calendar». More sessions or another time zone: «Administration → Agency settings».</translation>
    </message>
</context>
<context>
    <name>IntakeScans</name>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="89"/>
        <source>Quét giấy tờ đang chọn ({0})</source>
        <translation>Scan the selected document ({0})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="93"/>
        <source>Quét hoặc đính kèm tệp cho giấy tờ đang chọn trong danh sách; các trang được lưu cùng hồ sơ khi nhấn Lưu — {0}</source>
        <translation>Scan or attach files for the document selected in the list; the pages are stored with the dossier on saving — {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="97"/>
        <source>Dùng lại bản số hóa ({0})</source>
        <translation>Reuse the digitised copy ({0})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="101"/>
        <source>Dùng bản số hóa còn hạn của chính giấy tờ này từ hồ sơ trước của cùng người nộp (cùng số định danh) thay cho bản quét mới; nhấn lần nữa để bỏ — {0}</source>
        <translation>Use a still-valid digitised copy of this very document from an earlier dossier of the same applicant (same identity number) instead of a new scan; press again to undo — {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="135"/>
        <source>Tài khoản này không có quyền số hóa hồ sơ.</source>
        <translation>This account may not digitise dossiers.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="146"/>
        <source>Số hóa: chọn thủ tục, rồi chọn giấy tờ trong danh sách (↑↓).</source>
        <translation>Digitising: choose the procedure, then the document in the list (↑↓).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="164"/>
        <source>Đã quét {0} trang — chưa đánh dấu</source>
        <translation>{0} pages scanned — not ticked</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="165"/>
        <source>Giấy tờ không được đánh dấu đã nộp: bản quét không được lưu (Space để đánh dấu)</source>
        <translation>The document is not ticked as handed in: the scan will not be stored (Space ticks it)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="170"/>
        <source>Đã quét {0} trang</source>
        <translation>{0} pages scanned</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="171"/>
        <source>Lưu cùng hồ sơ khi nhấn Lưu; {0} lần nữa để quét lại</source>
        <translation>Stored with the dossier on saving; {0} again to rescan</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="176"/>
        <source>Dùng lại: {0} ({1} trang)</source>
        <translation>Reused: {0} ({1} pages)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="177"/>
        <source>Bản số hóa của hồ sơ {0}; {1} lần nữa để bỏ</source>
        <translation>The digitised copy of dossier {0}; {1} again to undo</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="181"/>
        <source>, còn hạn đến {0:%d/%m/%Y}</source>
        <translation>, valid until {0:%d/%m/%Y}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="185"/>
        <source>♻ Có bản cũ — {0}</source>
        <translation>♻ Earlier copy — {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="187"/>
        <source>Bản số hóa của hồ sơ {0}, quét ngày {1:%d/%m/%Y}, {2} trang{3}: {4} để dùng lại</source>
        <translation>The digitised copy of dossier {0}, scanned {1:%d/%m/%Y}, {2} pages{3}: {4} to reuse it</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="220"/>
        <source>Giấy tờ: {0} — các trang được lưu cùng hồ sơ khi nhấn «Lưu và in giấy tiếp nhận»</source>
        <translation>Document: {0} — the pages are stored with the dossier on «Save and print receipt»</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="286"/>
        <source>♻ {0} giấy tờ có bản số hóa từ hồ sơ trước: chọn dòng, {1} để dùng lại.</source>
        <translation>♻ {0} documents have a digitised copy from an earlier dossier: select the row, {1} to reuse it.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake_scans.py" line="309"/>
        <source>«{0}»: không có bản số hóa còn hạn nào của người nộp này để dùng lại.</source>
        <translation>«{0}»: this applicant has no valid digitised copy to reuse.</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <location filename="../../onestop/ui/intake.py" line="134"/>
        <source>Đang tải danh mục thủ tục…</source>
        <translation>Loading the procedure catalogue…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="136"/>
        <source>Gõ mã hoặc vài chữ của tên thủ tục (không cần dấu), ↑↓ để chọn, Enter để lấy — F4</source>
        <translation>Type the code or a few words of the procedure name (diacritics optional), ↑↓ to choose, Enter to take — F4</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="157"/>
        <source>Thủ tục hành chính</source>
        <translation>Administrative procedure</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="160"/>
        <source>&amp;Thủ tục (F4):</source>
        <translation>&amp;Procedure (F4):</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="168"/>
        <location filename="../../onestop/ui/intake.py" line="835"/>
        <source>Họ và tên người nộp, có dấu</source>
        <translation>Applicant&apos;s full name, with diacritics</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="169"/>
        <source>12 chữ số (CCCD)</source>
        <translation>12 digits (citizen ID card)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="172"/>
        <source>ví dụ: 0905 123 456</source>
        <translation>e.g. 0905 123 456</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="175"/>
        <source>số nhà, đường, phường/xã, tỉnh/thành phố</source>
        <translation>house number, street, ward/commune, province/city</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="177"/>
        <source>không bắt buộc</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="184"/>
        <source>Cá nhân</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="185"/>
        <source>Tổ chức</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="186"/>
        <source>10 chữ số, chi nhánh thêm -3 chữ số</source>
        <translation>10 digits; a branch adds -3 digits</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="189"/>
        <source>không thu</source>
        <translation>nothing charged</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="220"/>
        <source>Điền theo hồ sơ trước (Ctrl+D)</source>
        <translation>Fill in from previous dossier (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="222"/>
        <source>Bỏ qua</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="236"/>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="239"/>
        <source>&amp;Loại người nộp:</source>
        <translation>Applicant &amp;type:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="243"/>
        <location filename="../../onestop/ui/intake.py" line="831"/>
        <source>&amp;Họ và tên (*):</source>
        <translation>Full &amp;name (*):</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="246"/>
        <source>&amp;Mã số thuế (*):</source>
        <translation>Ta&amp;x code (*):</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="250"/>
        <source>Số định &amp;danh cá nhân:</source>
        <translation>Citizen &amp;ID number:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="255"/>
        <source>Số điện th&amp;oại:</source>
        <translation>P&amp;hone number:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="256"/>
        <source>Đị&amp;a chỉ:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="257"/>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="288"/>
        <source>Hẹn trả kết quả</source>
        <translation>Appointment for the result</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="315"/>
        <source>↑↓ chọn dòng, Space đánh dấu đã nộp, F2 hoặc gõ số để sửa số lượng; Tab để đi tiếp</source>
        <translation>↑↓ choose a row, Space marks it submitted, F2 or type a number to change the quantity; Tab to move on</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="325"/>
        <source>Thành phần hồ sơ</source>
        <translation>Dossier documents</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="327"/>
        <source>Giấy tờ đã &amp;nộp (Space: đánh dấu, F2: sửa số lượng):</source>
        <translation>&amp;Documents submitted (Space: tick, F2: change quantity):</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="339"/>
        <source> bộ</source>
        <translation> set(s)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="349"/>
        <source>Số &amp;bộ hồ sơ:</source>
        <translation>Number of se&amp;ts:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="350"/>
        <source>Nhận &amp;kết quả:</source>
        <translation>&amp;Result delivery:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="351"/>
        <source>&amp;Phí, lệ phí:</source>
        <translation>&amp;Fees and charges:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="353"/>
        <source>Số tiền th&amp;u (đồng):</source>
        <translation>Amount ch&amp;arged (VND):</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="265"/>
        <source>Phím tắt: F4 chọn thủ tục · Tab sang ô sau · Space đánh dấu giấy tờ · Ctrl+D điền theo hồ sơ trước · Ctrl+Enter lưu và in giấy tiếp nhận · Ctrl+N làm mới · F8 mời đánh giá · Ctrl+G hướng dẫn bổ sung (Mẫu 02), không tiếp nhận</source>
        <translation>Shortcuts: F4 choose procedure · Tab next field · Space tick a document · Ctrl+D fill in from previous dossier · Ctrl+Enter save and print receipt · Ctrl+N new · F8 request rating · Ctrl+G guidance on missing documents (Form 02), not received</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="270"/>
        <source>F12 quét giấy tờ · F11 dùng lại bản số hóa</source>
        <translation>F12 scan a document · F11 reuse a digitised copy</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="362"/>
        <source>Lưu và in giấy tiếp nhận (Ctrl+Enter)</source>
        <translation>Save and print receipt (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="364"/>
        <source>Kiểm tra, lưu hồ sơ và mở giấy tiếp nhận để in — Ctrl+Enter</source>
        <translation>Check and save the dossier, then open the receipt for printing — Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="366"/>
        <source>Làm mới (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="368"/>
        <source>Xóa trắng biểu mẫu cho người tiếp theo — Ctrl+N</source>
        <translation>Clear the form for the next applicant — Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="369"/>
        <source>Hướng dẫn bổ sung (Mẫu 02)…</source>
        <translation>Missing documents (Form 02)…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="373"/>
        <source>Thiếu giấy tờ: in phiếu hướng dẫn bổ sung, hoàn thiện hồ sơ (Mẫu 02) từ các giấy tờ bắt buộc chưa đánh dấu, không tiếp nhận và không cấp mã hồ sơ — Ctrl+G</source>
        <translation>Documents missing: print the guidance form (Form 02) from the required documents not ticked, without receiving the dossier or giving it a code — Ctrl+G</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="389"/>
        <source>Mời đánh giá (F8)</source>
        <translation>Request rating (F8)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="392"/>
        <source>Mời người dân đánh giá việc tiếp nhận hồ sơ vừa lưu trên màn hình đánh giá — F8</source>
        <translation>Invite the applicant to rate the intake of the dossier just saved, on the rating screen — F8</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="402"/>
        <source>Đánh giá của người dân:</source>
        <translation>Applicant&apos;s rating:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="497"/>
        <source>thủ tục «{0}»</source>
        <translation>procedure «{0}»</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="499"/>
        <source>người nộp «{0}»</source>
        <translation>applicant «{0}»</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="500"/>
        <source>thông tin người nộp</source>
        <translation>the applicant&apos;s details</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="552"/>
        <source>Gõ mã hoặc vài chữ của tên, ví dụ: chung thuc</source>
        <translation>Type the code or a few words of the name, e.g. chung thuc</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="557"/>
        <source>Chưa tải được danh mục thủ tục</source>
        <translation>The procedure catalogue could not be loaded</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="577"/>
        <source>Thủ tục: không có thủ tục nào khớp «{0}».</source>
        <translation>Procedure: no procedure matches “{0}”.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="619"/>
        <source>Đang tính…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="653"/>
        <source>Chưa chọn thủ tục. Gõ mã hoặc tên rồi nhấn Enter.</source>
        <translation>No procedure chosen. Type a code or name, then press Enter.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="658"/>
        <source>Lĩnh vực: {0}</source>
        <translation>Field: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="660"/>
        <source>Thời hạn giải quyết: {0}</source>
        <translation>Processing time limit: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="662"/>
        <source>Phí, lệ phí: {0}</source>
        <translation>Fees and charges: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="662"/>
        <source>không</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="695"/>
        <source>Hẹn trả: {0}</source>
        <translation>Appointment: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="698"/>
        <source>Không tính các ngày nghỉ:</source>
        <translation>Days off not counted:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="705"/>
        <source>Tính từ {0}, {1} {2}</source>
        <translation>Counted from {0}, {1} {2}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="709"/>
        <source>thời hạn {0}</source>
        <translation>time limit {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="717"/>
        <source>Chưa tính được ngày hẹn trả</source>
        <translation>The appointment date could not be calculated</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="719"/>
        <source>Sẽ thử lại sau một phút; khi lưu, ngày hẹn vẫn được tính.</source>
        <translation>Will try again in a minute; saving still computes the appointment.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="727"/>
        <source>Chọn thủ tục để xem ngày hẹn trả</source>
        <translation>Choose a procedure to see the appointment date</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="791"/>
        <source>Số định danh này đã có trong hồ sơ trước: {0}.</source>
        <translation>This ID number is on a previous dossier: {0}.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="831"/>
        <source>Tên &amp;tổ chức (*):</source>
        <translation>Organisation &amp;name (*):</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="833"/>
        <source>tên đầy đủ theo giấy đăng ký</source>
        <translation>full name as registered</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="846"/>
        <source>Tên tổ chức</source>
        <translation>Organisation name</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="852"/>
        <source>Mã số thuế</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="914"/>
        <source>Thủ tục: chưa chọn thủ tục (gõ mã hoặc tên, Enter).</source>
        <translation>Procedure: no procedure chosen (type a code or name, Enter).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="923"/>
        <source>Thiếu giấy tờ bắt buộc: {0}. Đánh dấu (Space) khi người nộp đã nộp.</source>
        <translation>Required documents missing: {0}. Tick them (Space) once the applicant has handed them in.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="980"/>
        <location filename="../../onestop/ui/intake.py" line="987"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1003"/>
        <source>Hồ sơ {0}: chưa lưu được bản số hóa của {1}. Quét lại trong chi tiết hồ sơ.</source>
        <translation>Dossier {0}: the digitised copy of {1} could not be stored. Scan it again in the dossier&apos;s detail.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1011"/>
        <source>Đã lưu hồ sơ {0}.</source>
        <translation>Dossier {0} saved.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1016"/>
        <source>Đã lưu hồ sơ {0}, nhưng chưa tạo được giấy tiếp nhận; in lại từ danh sách hồ sơ (F3).</source>
        <translation>Dossier {0} saved, but the receipt could not be created; reprint it from the dossier list (F3).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1154"/>
        <source>Giấy tiếp nhận — {0}</source>
        <translation>Receipt — {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1029"/>
        <source>Họ tên «{0}» chưa có dấu và chưa viết hoa chữ cái đầu.</source>
        <translation>The name «{0}» has no diacritics and no capital initials.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1031"/>
        <source>Họ tên «{0}» chưa viết hoa chữ cái đầu.</source>
        <translation>The name «{0}» has no capital initials.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1033"/>
        <source>Họ tên «{0}» chưa có dấu.</source>
        <translation>The name «{0}» has no diacritics.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1035"/>
        <source>Nếu tên có dấu, hãy gõ lại có dấu theo giấy tờ tùy thân.</source>
        <translation>If the name has diacritics, retype it with them as on the identity paper.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1036"/>
        <source>Kiểm tra họ tên</source>
        <translation>Check the name</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1041"/>
        <source>Dùng «{0}»</source>
        <translation>Use «{0}»</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1043"/>
        <source>Giữ như đã gõ</source>
        <translation>Keep as typed</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1044"/>
        <source>Gõ lại</source>
        <translation>Retype</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1065"/>
        <source>Ngày hẹn trả đã thay đổi</source>
        <translation>The appointment has changed</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1067"/>
        <source>Hồ sơ {0} được lưu lúc {1}, sau mốc giờ tính ngày hẹn: ngày hẹn trả là {2}, không phải {3} như màn hình đã hiện. Giấy tiếp nhận ghi ngày mới; hãy báo lại cho người nộp.</source>
        <translation>Dossier {0} was saved at {1}, after a cut-off time: the appointment is {2}, not {3} as the screen showed. The receipt carries the new date; please tell the applicant.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/intake.py" line="1114"/>
        <source>Thủ tục: chọn thủ tục trước khi in hướng dẫn bổ sung (Mẫu 02).</source>
        <translation>Procedure: choose the procedure before printing the guidance (Form 02).</translation>
    </message>
</context>
<context>
    <name>ItemsTable</name>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="339"/>
        <source>Giấy tờ cần bổ sung, hoàn thiện</source>
        <translation>Document to bring or complete</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="339"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="339"/>
        <source>Đánh giá mức độ hài lòng</source>
        <translation>Satisfaction rating</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="401"/>
        <source>Kính chào quý khách</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="423"/>
        <source>Mời quý khách đánh giá</source>
        <translation>Please rate our service</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="446"/>
        <source>Quý khách chưa hài lòng về điều gì?</source>
        <translation>What were you not satisfied with?</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="447"/>
        <source>Có thể chọn nhiều ý, hoặc bỏ qua.</source>
        <translation>You may choose several, or skip.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="457"/>
        <location filename="../../onestop/ui/kiosk.py" line="700"/>
        <source>Phím {0}</source>
        <translation>Key {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="462"/>
        <source>Bỏ qua</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="464"/>
        <source>Gửi đánh giá, không kèm lý do (phím Esc)</source>
        <translation>Send the rating without reasons (Esc key)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="466"/>
        <source>Gửi</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="468"/>
        <source>Gửi đánh giá kèm các lý do đã chọn (phím G)</source>
        <translation>Send the rating with the chosen reasons (G key)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="487"/>
        <location filename="../../onestop/ui/kiosk.py" line="770"/>
        <location filename="../../onestop/ui/kiosk.py" line="782"/>
        <source>Cảm ơn quý khách!</source>
        <translation>Thank you!</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="580"/>
        <source>Hôm nay: {0} lượt đánh giá</source>
        <translation>Today: {0} rating(s)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="599"/>
        <source>{0}, ngày {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="669"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="670"/>
        <source>Cán bộ phục vụ: {0}</source>
        <translation>Served by: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="720"/>
        <source>Bấm phím số 1–{0} để chọn.</source>
        <translation>Press a number key 1–{0} to choose.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="722"/>
        <source>Bấm chuột vào một ô để chọn.</source>
        <translation>Click a box to choose.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="723"/>
        <source>Chạm vào một ô để chọn.</source>
        <translation>Touch a box to choose.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="771"/>
        <source>Ý kiến của quý khách giúp chúng tôi phục vụ tốt hơn.</source>
        <translation>Your feedback helps us serve you better.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="784"/>
        <source>Lời mời đánh giá này đã hết hiệu lực.</source>
        <translation>This rating invitation has expired.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/kiosk.py" line="786"/>
        <source>Chưa ghi được đánh giá. Xin quý khách báo cán bộ tại quầy.</source>
        <translation>Your rating could not be recorded. Please tell the officer at the counter.</translation>
    </message>
</context>
<context>
    <name>LevelCountsModel</name>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="449"/>
        <source>Mức đánh giá</source>
        <translation>Rating level</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="449"/>
        <source>Số lượt</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="449"/>
        <source>Tỷ lệ</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="449"/>
        <source>Tính là</source>
        <translation>Counts as</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="489"/>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="489"/>
        <source>Không hài lòng</source>
        <translation>Not satisfied</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../onestop/ui/login.py" line="37"/>
        <source>Đăng nhập — onestop</source>
        <translation>Sign in — onestop</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="40"/>
        <source>Bộ phận Một cửa</source>
        <translation>One-Stop Counter</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="48"/>
        <source>ví dụ: tiepnhan1</source>
        <translation>e.g. tiepnhan1</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="55"/>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="56"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="62"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="64"/>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="88"/>
        <source>Nhập tên đăng nhập và mật khẩu.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="95"/>
        <source>Đang mở cơ sở dữ liệu…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="88"/>
        <source>onestop — {0}</source>
        <translation>onestop — {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="106"/>
        <source>Tiếp nhận hồ sơ (F2)</source>
        <translation>Receive dossier (F2)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="110"/>
        <source>Hồ sơ trong ngày (F3)</source>
        <translation>Today&apos;s dossiers (F3)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="126"/>
        <source>Quản trị (F9)</source>
        <translation>Administration (F9)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="121"/>
        <source>Đánh giá (F7)</source>
        <translation>Ratings (F7)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="90"/>
        <source> — DỮ LIỆU MẪU (chỉ để thử)</source>
        <translation> — DEMO DATA (for trying out only)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="114"/>
        <source>Hồ sơ của tôi (F6)</source>
        <translation>My dossiers (F6)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="118"/>
        <source>Quá hạn, sắp đến hạn (F10)</source>
        <translation>Overdue, due soon (F10)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="130"/>
        <source>&amp;Màn hình</source>
        <translation>&amp;Screens</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="132"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Receive dossier</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="133"/>
        <source>Hồ sơ trong ngày</source>
        <translation>Today&apos;s dossiers</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="134"/>
        <source>Hồ sơ của tôi</source>
        <translation>My dossiers</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="135"/>
        <source>Hồ sơ quá hạn, sắp đến hạn</source>
        <translation>Overdue and due-soon dossiers</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="136"/>
        <source>Đánh giá của người dân</source>
        <translation>Citizens&apos; ratings</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="137"/>
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="147"/>
        <source>&amp;Phiên làm việc</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="148"/>
        <source>Đăng xuất / đổi cán bộ</source>
        <translation>Sign out / change officer</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="151"/>
        <source>Thoát</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="155"/>
        <source>Cán bộ: {0} — {1}</source>
        <translation>Officer: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="203"/>
        <source>Đang xử lý…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="219"/>
        <source>tiếp nhận hồ sơ</source>
        <translation>receive dossiers</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="220"/>
        <source>xem hồ sơ</source>
        <translation>view dossiers</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="221"/>
        <source>xử lý hồ sơ</source>
        <translation>process dossiers</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="222"/>
        <source>theo dõi hồ sơ quá hạn (xem báo cáo)</source>
        <translation>follow overdue dossiers (view reports)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="223"/>
        <source>xem mức đánh giá của người dân</source>
        <translation>see citizens&apos; rating levels</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="224"/>
        <source>quản trị</source>
        <translation>administer</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="227"/>
        <source>{0} ({1}): tài khoản «{2}» không có quyền {3}.</source>
        <translation>{0} ({1}): the account «{2}» may not {3}.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="251"/>
        <source>Quét mã</source>
        <translation>Barcode scan</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="251"/>
        <source>Không có hồ sơ mã {0}.</source>
        <translation>There is no dossier with code {0}.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="258"/>
        <source>đăng xuất</source>
        <translation>log out</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="279"/>
        <source>Hồ sơ đang nhập dở</source>
        <translation>Unsaved dossier</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="280"/>
        <source>Hồ sơ đang nhập ({0}) chưa được lưu. Bỏ hồ sơ này và {1}?</source>
        <translation>The dossier being entered ({0}) is not saved. Discard it and {1}?</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="284"/>
        <source>Bỏ và {0}</source>
        <translation>Discard and {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="285"/>
        <source>Ở lại tiếp tục nhập</source>
        <translation>Stay and continue</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="266"/>
        <location filename="../../onestop/ui/main_window.py" line="353"/>
        <source>thoát</source>
        <translation>quit</translation>
    </message>
</context>
<context>
    <name>NoteForm</name>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="172"/>
        <source>không bắt buộc</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="173"/>
        <source>&amp;Ghi chú:</source>
        <translation>N&amp;ote:</translation>
    </message>
</context>
<context>
    <name>OfficeHoursTab</name>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="287"/>
        <source>Các buổi làm việc trong ngày (Thứ Hai – Thứ Sáu)</source>
        <translation>Working sessions of the day (Monday – Friday)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="289"/>
        <source>&amp;Thêm buổi</source>
        <translation>&amp;Add session</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="318"/>
        <source>&amp;Múi giờ:</source>
        <translation>&amp;Time zone:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="326"/>
        <source>Hẹn trả tính theo giờ của cơ quan, dù đồng hồ của máy đặt múi giờ nào (mặc định {0}).</source>
        <translation>Appointments follow the agency&apos;s time, whatever time zone this computer&apos;s clock is set to (default {0}).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="330"/>
        <source>Múi giờ của cơ quan</source>
        <translation>Agency time zone</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="374"/>
        <source>Buổi {0}:</source>
        <translation>Session {0}:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="395"/>
        <source>Giờ làm việc: {0}</source>
        <translation>Working hours: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="398"/>
        <source>Lưu là: {0} — {1} giờ làm việc mỗi ngày.</source>
        <translation>Will be saved as: {0} — {1} working hours a day.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="445"/>
        <source>Không có thay đổi.</source>
        <translation>No changes.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="469"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="450"/>
        <source>Đã lưu. Hẹn trả của hồ sơ nhận từ nay tính theo giờ mới.</source>
        <translation>Saved. Appointments for dossiers received from now on use the new hours.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="454"/>
        <source>Chưa lưu.</source>
        <translation>Not saved.</translation>
    </message>
</context>
<context>
    <name>PageList</name>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="192"/>
        <source> · xoay {0}°</source>
        <translation> · turned {0}°</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="193"/>
        <source>Trang {0}{1}</source>
        <translation>Page {0}{1}</translation>
    </message>
</context>
<context>
    <name>ProceduresTab</name>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="302"/>
        <source>Tìm theo mã, tên hoặc lĩnh vực (Ctrl+F), không cần dấu</source>
        <translation>Search by code, name or field (Ctrl+F), diacritics optional</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="307"/>
        <source>&amp;Nhập danh mục JSON…</source>
        <translation>&amp;Import JSON catalogue…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="347"/>
        <source>Chọn một thủ tục trong danh mục để sửa.</source>
        <translation>Choose a procedure in the catalogue to edit it.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="360"/>
        <source>GG:PP, để trống nếu không có</source>
        <translation>HH:MM, leave empty if none</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="398"/>
        <source>F2 hoặc gõ để sửa ô; Space để đánh dấu «Bắt buộc».</source>
        <translation>F2 or type to edit a cell; Space to toggle “Required”.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="401"/>
        <source>Thêm giấy tờ (Ctrl+Ins)</source>
        <translation>Add document (Ctrl+Ins)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="404"/>
        <source>Xóa giấy tờ (Ctrl+Del)</source>
        <translation>Remove document (Ctrl+Del)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="407"/>
        <source>Lên (Ctrl+↑)</source>
        <translation>Up (Ctrl+↑)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="409"/>
        <source>Xuống (Ctrl+↓)</source>
        <translation>Down (Ctrl+↓)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="425"/>
        <source>Lưu thành phiên bản mới (Ctrl+S)</source>
        <translation>Save as new version (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="434"/>
        <source>Thời &amp;hạn giải quyết:</source>
        <translation>Processing &amp;time limit:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="435"/>
        <source>Giờ &amp;chốt nhận trong ngày:</source>
        <translation>Daily &amp;cut-off time:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="440"/>
        <source>Thành &amp;phần hồ sơ:</source>
        <translation>Dossier &amp;documents:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="444"/>
        <source>Sửa thủ tục (lưu thành phiên bản mới; hồ sơ đã nhận giữ phiên bản cũ)</source>
        <translation>Edit procedure (saved as a new version; dossiers already received keep the old version)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="480"/>
        <source>{0} thủ tục</source>
        <translation>{0} procedure(s)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="505"/>
        <source>Thủ tục {0} có thay đổi chưa lưu. Bỏ các thay đổi đó?</source>
        <translation>Procedure {0} has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="506"/>
        <source>Thay đổi chưa lưu</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="522"/>
        <source>{0} — {1} (phiên bản {2})</source>
        <translation>{0} — {1} (version {2})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="580"/>
        <source>Giờ chốt: phải có dạng GG:PP, ví dụ 15:00.</source>
        <translation>Cut-off time: must be in the form HH:MM, e.g. 15:00.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="602"/>
        <source>Không có thay đổi: thủ tục {0} vẫn ở phiên bản {1}.</source>
        <translation>No changes: procedure {0} stays at version {1}.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="607"/>
        <source>Đã lưu phiên bản {1} của thủ tục {0}. Hồ sơ đã nhận vẫn giữ phiên bản {2}.</source>
        <translation>Saved version {1} of procedure {0}. Dossiers already received keep version {2}.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="632"/>
        <source>Nhập danh mục thủ tục</source>
        <translation>Import procedure catalogue</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="634"/>
        <source>Danh mục JSON (*.json);;Mọi tệp (*)</source>
        <translation>JSON catalogue (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="678"/>
        <location filename="../../onestop/ui/admin_procedures.py" line="684"/>
        <source>Đang nhập {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="666"/>
        <source>Đã nhập {0}: {1} thủ tục mới, {2} thủ tục có phiên bản mới.</source>
        <translation>Imported {0}: {1} new procedure(s), {2} procedure(s) with a new version.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_procedures.py" line="672"/>
        <source>Chưa nhập {0}.</source>
        <translation>{0} was not imported.</translation>
    </message>
</context>
<context>
    <name>RatingEntryDialog</name>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="307"/>
        <source>Nhập đánh giá — {0}</source>
        <translation>Record rating — {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="323"/>
        <source>Mức đánh giá của người dân (*)</source>
        <translation>Applicant&apos;s rating (*)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="333"/>
        <source>Lý do không hài lòng (không bắt buộc)</source>
        <translation>Reasons for dissatisfaction (optional)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="346"/>
        <source>Ghi đúng như người dân đã chọn trên phiếu hoặc trả lời qua điện thoại.</source>
        <translation>Record exactly what the applicant chose on the form or answered on the phone.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="354"/>
        <source>Lưu (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="355"/>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="362"/>
        <source>&amp;Lượt phục vụ:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="364"/>
        <source>&amp;Kênh:</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="406"/>
        <source>Mức đánh giá: chưa chọn mức nào.</source>
        <translation>Rating: no level chosen.</translation>
    </message>
</context>
<context>
    <name>RatingStatusLine</name>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="154"/>
        <location filename="../../onestop/ui/ratings_view.py" line="155"/>
        <source>Đang chờ người dân đánh giá…</source>
        <translation>Waiting for the applicant&apos;s rating…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="156"/>
        <source>Người dân đã đánh giá. Cảm ơn!</source>
        <translation>The applicant has rated. Thank you!</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="157"/>
        <source>Người dân không đánh giá.</source>
        <translation>The applicant did not rate.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="158"/>
        <source>Đã hủy lời mời.</source>
        <translation>Invitation cancelled.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="159"/>
        <source>Không nhận được trả lời từ màn hình đánh giá.</source>
        <translation>No answer from the rating screen.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="179"/>
        <source>Đang gửi lời mời đánh giá…</source>
        <translation>Sending the rating invitation…</translation>
    </message>
</context>
<context>
    <name>RatingsSummaryView</name>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="589"/>
        <source>&amp;Từ ngày:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="591"/>
        <source>Đế&amp;n ngày:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="593"/>
        <source>Tháng &amp;này</source>
        <translation>This &amp;month</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="595"/>
        <source>Từ ngày 1 của tháng này đến hôm nay</source>
        <translation>From the 1st of this month to today</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="596"/>
        <source>&amp;Xem (F5)</source>
        <translation>&amp;View (F5)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="598"/>
        <source>Tính lại số liệu của khoảng thời gian đã chọn — F5</source>
        <translation>Recalculate the figures for the chosen period — F5</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="602"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="616"/>
        <source>Theo mức đánh giá</source>
        <translation>By rating level</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="618"/>
        <source>Theo cán bộ phục vụ</source>
        <translation>By serving officer</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="623"/>
        <source>Tỷ lệ hài lòng = số lượt hài lòng / tổng số lượt đánh giá. Lời mời người dân không trả lời không được tính. Gồm đánh giá trên màn hình, phiếu giấy và điện thoại.</source>
        <translation>Satisfaction rate = satisfied ratings / all ratings. Invitations the applicant did not answer are not counted. Includes ratings on the screen, on paper forms and by phone.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="641"/>
        <source>Xuất số liệu ra Excel…</source>
        <translation>Export the figures to Excel…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="648"/>
        <source>Báo cáo kỳ (Excel, PDF)…</source>
        <translation>Period report (Excel, PDF)…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="651"/>
        <source>Báo cáo của khoảng thời gian đã chọn: số liệu, tỷ lệ, công thức, theo thủ tục, lĩnh vực, cán bộ, đơn vị</source>
        <translation>The report of the chosen period: figures, rates, formulas, by procedure, field, officer and unit</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="655"/>
        <source>Sổ Mẫu 07 (Excel, PDF)…</source>
        <translation>Register, Form 07 (Excel, PDF)…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="667"/>
        <source>Số lượt theo mức đánh giá</source>
        <translation>Ratings by level</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="670"/>
        <source>Tỷ lệ hài lòng theo cán bộ (%)</source>
        <translation>Satisfaction by officer (%)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="704"/>
        <source>Chỉ lãnh đạo đơn vị xem được số liệu đánh giá.</source>
        <translation>Only the unit&apos;s leaders can see the rating figures.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="749"/>
        <source>Từ ngày: phải trước hoặc bằng «Đến ngày».</source>
        <translation>From: must be on or before “To”.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="777"/>
        <source>Từ {0} đến {1}</source>
        <translation>From {0} to {1}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="813"/>
        <source>Đánh giá từ {0} đến {1}</source>
        <translation>Ratings from {0} to {1}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="823"/>
        <source>Số liệu đánh giá</source>
        <translation>Rating figures</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="828"/>
        <source>số liệu đánh giá</source>
        <translation>rating figures</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="854"/>
        <source>báo cáo kỳ</source>
        <translation>period report</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="879"/>
        <source>sổ theo dõi Mẫu 07</source>
        <translation>register (Form 07)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/ratings_view.py" line="888"/>
        <source>Chưa tải được số liệu đánh giá.</source>
        <translation>The rating figures could not be loaded.</translation>
    </message>
</context>
<context>
    <name>ReasonForm</name>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="187"/>
        <source>bắt buộc: lý do được in trên giấy tờ gửi người nộp</source>
        <translation>required: the reason printed on the paper given to the applicant</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="188"/>
        <source>&amp;Lý do (*):</source>
        <translation>&amp;Reason (*):</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <location filename="../../onestop/ui/printing.py" line="159"/>
        <source>&amp;In (Ctrl+P)</source>
        <translation>&amp;Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="164"/>
        <source>&amp;Lưu PDF… (Ctrl+S)</source>
        <translation>&amp;Save PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="168"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="216"/>
        <source>Đã gửi lệnh in.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="146"/>
        <source>Xem trước khi in</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="161"/>
        <source>In ra máy in (khổ A5 dọc) — Ctrl+P</source>
        <translation>Print (A5 portrait) — Ctrl+P</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="166"/>
        <source>Lưu thành tệp PDF — Ctrl+S</source>
        <translation>Save as a PDF file — Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="202"/>
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="223"/>
        <source>Lưu thành tệp PDF</source>
        <translation>Save as a PDF file</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="225"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="234"/>
        <location filename="../../onestop/ui/printing.py" line="235"/>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/printing.py" line="240"/>
        <source>Đã lưu {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>ReturnForm</name>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="253"/>
        <source>Người đến nhận kết quả; mặc định là người nộp hồ sơ</source>
        <translation>Who came for the result; the applicant by default</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="254"/>
        <source>ví dụ: nhận thay theo giấy ủy quyền</source>
        <translation>e.g. collected on behalf, with a power of attorney</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="262"/>
        <source>Có kết quả điện tử đã số hóa</source>
        <translation>A digitised electronic result exists</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="265"/>
        <source>Chưa có kết quả điện tử: đính kèm ở thẻ «Tệp số hóa» của hồ sơ (F12) trước khi trả bản điện tử</source>
        <translation>No electronic result yet: attach it in the dossier&apos;s «Digitised files» tab (F12) before returning it electronically</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="268"/>
        <source>&amp;Người nhận kết quả:</source>
        <translation>&amp;Received by:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="269"/>
        <source>&amp;Hình thức trả:</source>
        <translation>&amp;Returned as:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="270"/>
        <source>&amp;Ghi chú:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="271"/>
        <source>Trả kết quả (Enter)</source>
        <translation>Return result (Enter)</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="264"/>
        <source>Số hóa — {0}</source>
        <translation>Digitising — {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="274"/>
        <source>Máy quét (thiết lập scan.device), hoặc thư mục của máy quét mạng</source>
        <translation>The scanner (setting scan.device), or a network scanner&apos;s folder</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="276"/>
        <location filename="../../onestop/ui/scan_dialog.py" line="418"/>
        <source>Máy quét mặc định</source>
        <translation>Default scanner</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="280"/>
        <source> trang</source>
        <translation> pages</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="281"/>
        <source>Số trang cần quét (thư mục máy quét mạng: số tệp cần lấy)</source>
        <translation>Pages to scan (a network scanner&apos;s folder: files to take)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="282"/>
        <source>&amp;Quét (F12)</source>
        <translation>&amp;Scan (F12)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="284"/>
        <source>Quét từ máy quét đã chọn — F12</source>
        <translation>Scan from the chosen scanner — F12</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="285"/>
        <source>Thêm &amp;tệp… (Ctrl+O)</source>
        <translation>Add &amp;files… (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="288"/>
        <source>Chọn tệp PDF, PNG, JPEG, TIFF (hoặc kéo thả tệp vào cửa sổ này) — Ctrl+O</source>
        <translation>Choose PDF, PNG, JPEG or TIFF files (or drop files on this window) — Ctrl+O</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="290"/>
        <source>Dừng quét</source>
        <translation>Stop scanning</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="309"/>
        <source>◀ Lên trước (Ctrl+←)</source>
        <translation>◀ Earlier (Ctrl+←)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="310"/>
        <source>Ra sau ▶ (Ctrl+→)</source>
        <translation>Later ▶ (Ctrl+→)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="311"/>
        <source>Xoay ↻ (Ctrl+R)</source>
        <translation>Turn ↻ (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="312"/>
        <source>Xóa trang (Delete)</source>
        <translation>Delete page (Delete)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="320"/>
        <source>&amp;Lưu (Ctrl+Enter)</source>
        <translation>&amp;Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="323"/>
        <source>Lưu các trang theo thứ tự trên thành một tệp PDF — Ctrl+Enter</source>
        <translation>Save the pages in this order as one PDF — Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="324"/>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="330"/>
        <source>Nguồn:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="339"/>
        <source>Kéo trang để đổi thứ tự · Ctrl+←/→ chuyển trang · Ctrl+R xoay · Delete xóa · kéo thả tệp vào đây để thêm</source>
        <translation>Drag pages to reorder · Ctrl+←/→ move a page · Ctrl+R turn · Delete delete · drop files here to add them</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="408"/>
        <source>{0} (thiết lập)</source>
        <translation>{0} (setting)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="414"/>
        <source>Không tìm thấy máy quét — thêm tệp (Ctrl+O)</source>
        <translation>No scanner found — add files (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="431"/>
        <source>Quét từ {0}</source>
        <translation>Scan from {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="448"/>
        <source>Đang quét {0} trang…</source>
        <translation>Scanning {0} pages…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="454"/>
        <source>Đã quét {0}/{1} trang…</source>
        <translation>Scanned {0}/{1} pages…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="459"/>
        <source>Đang dừng quét…</source>
        <translation>Stopping the scan…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="467"/>
        <source>Chọn tệp cần đính kèm</source>
        <translation>Choose the files to attach</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="467"/>
        <source>Bản quét, ảnh chụp</source>
        <translation>Scans, photos</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="476"/>
        <source>Đang bận: thêm tệp sau khi xong việc đang làm.</source>
        <translation>Busy: add files once the current work is done.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="492"/>
        <source>Đang đọc {0} tệp…</source>
        <translation>Reading {0} files…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="527"/>
        <source>Đã thêm {0} trang.</source>
        <translation>{0} pages added.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="544"/>
        <source>{0} trang</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="564"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="573"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>ScanPreviewDialog</name>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="587"/>
        <source>In bản số hóa ra máy in (khổ A4) — Ctrl+P</source>
        <translation>Print the digitised copy (A4) — Ctrl+P</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/scan_dialog.py" line="588"/>
        <source>Lưu một bản sao PDF — Ctrl+S</source>
        <translation>Save a PDF copy — Ctrl+S</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="616"/>
        <source>Thiết lập onestop cho cơ quan — lần chạy đầu tiên</source>
        <translation>Setting up onestop for the agency — first run</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="621"/>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="622"/>
        <source>Tiếp theo</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="623"/>
        <source>Hoàn tất</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="624"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="101"/>
        <source>Chọn một tài khoản trong danh sách.</source>
        <translation>Choose an account in the list.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="105"/>
        <location filename="../../onestop/ui/admin_staff.py" line="262"/>
        <source>&amp;Khóa tài khoản</source>
        <translation>&amp;Lock account</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="114"/>
        <source>Đổi vai trò</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="129"/>
        <location filename="../../onestop/ui/admin_staff.py" line="171"/>
        <source>ít nhất {0} ký tự</source>
        <translation>min. {0} characters</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="131"/>
        <source>Đặt lại &amp;mật khẩu</source>
        <translation>&amp;Reset password</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="149"/>
        <source>Đăng nhập:</source>
        <translation>Sign-in:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="151"/>
        <source>&amp;Vai trò:</source>
        <translation>R&amp;ole:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="152"/>
        <source>Mật khẩu mớ&amp;i:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="157"/>
        <source>Tài khoản đã chọn</source>
        <translation>Selected account</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="165"/>
        <source>chữ không dấu, số, dấu _ hoặc . (ví dụ: tiepnhan3)</source>
        <translation>letters without diacritics, digits, _ or . (e.g. tiepnhan3)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="178"/>
        <location filename="../../onestop/ui/admin_staff.py" line="230"/>
        <source>— không thuộc đơn vị nào —</source>
        <translation>— no unit —</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="179"/>
        <source>&amp;Thêm tài khoản</source>
        <translation>&amp;Add account</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="184"/>
        <source>Tên đăng &amp;nhập:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="185"/>
        <source>&amp;Họ và tên:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="186"/>
        <source>Mật khẩ&amp;u:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="187"/>
        <source>Vai t&amp;rò:</source>
        <translation>Rol&amp;e:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="188"/>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="201"/>
        <source>Thêm tài khoản</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="260"/>
        <source> (bạn)</source>
        <translation> (you)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="262"/>
        <source>Mở &amp;khóa tài khoản</source>
        <translation>Un&amp;lock account</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="289"/>
        <source>Không thể tự khóa tài khoản đang đăng nhập ({0}).</source>
        <translation>You cannot lock the account you are signed in with ({0}).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="293"/>
        <source>Đã khóa tài khoản {0}: không đăng nhập được nữa.</source>
        <translation>Account {0} locked: it can no longer sign in.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="295"/>
        <source>Đã mở khóa tài khoản {0}.</source>
        <translation>Account {0} unlocked.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="310"/>
        <source>Vai trò của {0} không đổi.</source>
        <translation>The role of {0} is unchanged.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="314"/>
        <source>Không thể tự bỏ vai trò Quản trị của tài khoản đang đăng nhập.</source>
        <translation>You cannot remove the Administrator role from the account you are signed in with.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="317"/>
        <source>Đã đổi vai trò của {0} thành {1} (có hiệu lực từ lần đăng nhập sau).</source>
        <translation>Changed the role of {0} to {1} (takes effect at the next sign-in).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="333"/>
        <location filename="../../onestop/ui/admin_staff.py" line="355"/>
        <source>Mật khẩu: ít nhất {0} ký tự.</source>
        <translation>Password: at least {0} characters.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="336"/>
        <source>Đã đặt lại mật khẩu của {0}.</source>
        <translation>Password of {0} reset.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="351"/>
        <source>Tên đăng nhập: không được để trống.</source>
        <translation>Username: must not be empty.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_staff.py" line="372"/>
        <source>Đã thêm tài khoản {0} ({1}).</source>
        <translation>Account {0} ({1}) added.</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <location filename="../../onestop/ui/steps.py" line="263"/>
        <source>In &amp;biểu mẫu…</source>
        <translation>Print &amp;forms…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="267"/>
        <source>Phiếu kiểm soát (Mẫu 06, {0}) và các giấy đã cấp</source>
        <translation>The control sheet (Form 06, {0}) and the papers issued</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="277"/>
        <source>Không có bước xử lý nào tài khoản này thực hiện được lúc này.</source>
        <translation>There is no step this account can take now.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="349"/>
        <source>Chưa chọn hồ sơ, hoặc hồ sơ đang tải.</source>
        <translation>No dossier chosen, or it is still loading.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="373"/>
        <location filename="../../onestop/ui/steps.py" line="450"/>
        <source>{0} — hồ sơ {1}</source>
        <translation>{0} — dossier {1}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="377"/>
        <source>Chuyển hồ sơ của {0} đến đơn vị giải quyết.</source>
        <translation>Transfer {0}&apos;s dossier to the competent unit.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="381"/>
        <source>Ghi &lt;b&gt;một lần, đầy đủ&lt;/b&gt; các giấy tờ cần bổ sung, hoàn thiện và lý do của từng giấy. Thời gian giải quyết tạm dừng đến khi nhận đủ; sau khi lưu sẽ mở Mẫu 02 để in.</source>
        <translation>List &lt;b&gt;at once, in full&lt;/b&gt; every document to bring or complete and the reason for each. The time limit pauses until everything is received; after saving, Form 02 opens for printing.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="387"/>
        <source>Từ chối hồ sơ; sau khi lưu sẽ mở Phiếu từ chối (Mẫu 03) để in.</source>
        <translation>Refuse the dossier; after saving, the refusal (Form 03) opens for printing.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="390"/>
        <source>Dừng giải quyết hồ sơ; sau khi lưu sẽ mở Thông báo dừng giải quyết (Mẫu 05) để in.</source>
        <translation>Stop processing the dossier; after saving, the notice (Form 05) opens for printing.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="396"/>
        <source>Hẹn lại ngày trả kết quả cho {0}.</source>
        <translation>Re-appoint the return date for {0}.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="399"/>
        <source>Trả kết quả hồ sơ {0} — {1}.</source>
        <translation>Return the result of dossier {0} — {1}.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="405"/>
        <source>Ghi nhận tài khoản này nhận xử lý hồ sơ.</source>
        <translation>Record that this account takes up the dossier.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="406"/>
        <source>Người nộp đã bổ sung đủ: thời gian giải quyết tiếp tục tính.</source>
        <translation>The applicant brought everything: the time limit runs again.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="407"/>
        <source>Hồ sơ đã có kết quả: chuyển về Bộ phận Một cửa để trả.</source>
        <translation>The result is ready: back to the One-Stop Counter to be returned.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="408"/>
        <source>Người nộp rút hồ sơ: hồ sơ kết thúc.</source>
        <translation>The applicant withdraws the dossier: it is closed.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="413"/>
        <source>Đã {0}.</source>
        <translation>Done: {0}.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/steps.py" line="419"/>
        <source>Đã {0}, nhưng chưa tạo được giấy in; in lại từ «In biểu mẫu…».</source>
        <translation>Done: {0}, but the paper could not be made; print it from «Print forms…».</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="86"/>
        <source>Xác nhận (Ctrl+Enter)</source>
        <translation>Confirm (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="89"/>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="515"/>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="516"/>
        <source>Kiểm tra lại rồi bấm «Hoàn tất» để lưu; sau đó đăng nhập bằng tài khoản quản trị.</source>
        <translation>Check, then press «Finish» to save; then sign in with the administrator account.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="535"/>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="538"/>
        <source>{0} thủ tục</source>
        <translation>{0} procedure(s)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="540"/>
        <source>chưa nhập</source>
        <translation>not imported</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="544"/>
        <source>Cơ quan: {0}</source>
        <translation>Agency: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="545"/>
        <source>Tiêu đề trên giấy tờ in: {0} / {1}</source>
        <translation>Header on printed papers: {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="548"/>
        <source>Mã định danh: {0}</source>
        <translation>Identifier: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="549"/>
        <source>Địa chỉ: {0}</source>
        <translation>Address: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="550"/>
        <source>Địa danh: {0}</source>
        <translation>Place name: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="551"/>
        <source>Đường dây nóng: {0}</source>
        <translation>Hotline: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="551"/>
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="552"/>
        <source>Giờ làm việc: {0}</source>
        <translation>Working hours: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="553"/>
        <source>Đơn vị giải quyết: {0}</source>
        <translation>Competent units: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="554"/>
        <source>Danh mục thủ tục: {0}</source>
        <translation>Procedure catalogue: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="555"/>
        <source>Quản trị đầu tiên: {0} ({1})</source>
        <translation>First administrator: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="559"/>
        <source>Cơ sở dữ liệu: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="572"/>
        <source>Đang mở cơ sở dữ liệu… bấm «Hoàn tất» lại sau giây lát.</source>
        <translation>Opening the database… press «Finish» again in a moment.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="576"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>SupplementForm</name>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="422"/>
        <source>— chọn để thêm một giấy tờ của thủ tục —</source>
        <translation>— pick to add one of the procedure&apos;s documents —</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="427"/>
        <source>Thêm dòng (Insert)</source>
        <translation>Add row (Insert)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="431"/>
        <source>Xóa dòng (Delete)</source>
        <translation>Remove row (Delete)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="439"/>
        <source>không bắt buộc, ví dụ: nộp bổ sung trong 10 ngày</source>
        <translation>optional, e.g. bring them within 10 days</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="445"/>
        <source>Giấy &amp;tờ:</source>
        <translation>&amp;Documents:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="447"/>
        <source>&amp;Ghi chú:</source>
        <translation>N&amp;ote:</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="427"/>
        <source>Tên, số định danh, điện thoại hoặc mã hồ sơ — không cần dấu</source>
        <translation>Name, ID number, phone or dossier code — diacritics optional</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="429"/>
        <source>Tìm hồ sơ (Ctrl+F). «nguyen thi thuy» tìm được «Nguyễn Thị Thủy».</source>
        <translation>Find dossiers (Ctrl+F). “nguyen thi thuy” finds “Nguyễn Thị Thủy”.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="430"/>
        <source>&amp;Tìm:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="439"/>
        <source>&amp;Ngày tiếp nhận:</source>
        <translation>&amp;Date received:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="441"/>
        <source>&amp;Hôm nay</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="443"/>
        <source>Về ngày hôm nay (Alt+H)</source>
        <translation>Back to today (Alt+T)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="444"/>
        <source>&amp;Mọi ngày</source>
        <translation>&amp;All days</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="446"/>
        <source>Tìm trong hồ sơ của mọi ngày (Alt+M)</source>
        <translation>Search the dossiers of all days (Alt+A)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="450"/>
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="453"/>
        <source>Trạng t&amp;hái:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="487"/>
        <source>Enter hoặc nhấn đúp: mở hồ sơ. Cuộn xuống để tải thêm.</source>
        <translation>Enter or double-click: open the dossier. Scroll down to load more.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="495"/>
        <location filename="../../onestop/ui/dossiers.py" line="598"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="496"/>
        <source>Sắp đến hạn (trong 1 ngày làm việc)</source>
        <translation>Due soon (within 1 working day)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="497"/>
        <source>Đã kết thúc</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="501"/>
        <source>Chưa số hóa (biểu tượng bên mã hồ sơ)</source>
        <translation>Not digitised (the mark beside the code)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="516"/>
        <source>Xuất &amp;Excel…</source>
        <translation>Export to &amp;Excel…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="518"/>
        <source>Danh sách theo bộ lọc đang chọn, mọi dòng, ra tệp Excel</source>
        <translation>The list under the current filter, every row, to an Excel file</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="599"/>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="600"/>
        <source>Tạm dừng tính giờ</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="602"/>
        <source>Danh sách hồ sơ</source>
        <translation>Dossier list</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="631"/>
        <source>danh sách hồ sơ</source>
        <translation>dossier list</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="694"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="696"/>
        <source>Không có hồ sơ nào phù hợp.</source>
        <translation>No matching dossiers.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="698"/>
        <source>Đã tải {0} hồ sơ — cuộn để xem thêm</source>
        <translation>{0} dossiers loaded — scroll for more</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/dossiers.py" line="700"/>
        <source>{0} hồ sơ</source>
        <translation>{0} dossier(s)</translation>
    </message>
</context>
<context>
    <name>TransferForm</name>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="215"/>
        <source>{0} (đơn vị giải quyết của thủ tục)</source>
        <translation>{0} (the procedure&apos;s competent unit)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="221"/>
        <source>không bắt buộc</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="222"/>
        <source>Chuyển đến &amp;đơn vị:</source>
        <translation>To &amp;unit:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="223"/>
        <source>&amp;Ghi chú:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/step_forms.py" line="230"/>
        <source>Đơn vị nhận: chưa có đơn vị nào đang hoạt động để chuyển đến.</source>
        <translation>Receiving unit: there is no unit in operation to transfer to.</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="224"/>
        <source>Đơn vị giải quyết</source>
        <translation>Competent units</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="226"/>
        <source>Các đơn vị nhận hồ sơ từ bộ phận Một cửa để giải quyết (có thể thêm sau trong «Quản trị»).</source>
        <translation>The units that take dossiers from the one-stop counter to process them (more can be added later under «Administration»).</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="231"/>
        <source>Mã đơn vị</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="231"/>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="236"/>
        <source>Thêm đơn vị</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="239"/>
        <source>Xóa dòng đang chọn</source>
        <translation>Delete the selected row</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/setup_wizard.py" line="247"/>
        <source>Mã: chữ không dấu, chữ số, dấu chấm, gạch nối (ví dụ TPHT, CAP, DCXD).</source>
        <translation>Code: letters without diacritics, digits, dots and hyphens (e.g. TPHT, CAP, DCXD).</translation>
    </message>
</context>
<context>
    <name>WorkListModel</name>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="88"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="89"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="90"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="91"/>
        <source>Đơn vị đang giữ</source>
        <translation>Held by unit</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="92"/>
        <source>Người xử lý</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="93"/>
        <source>Hẹn ban đầu</source>
        <translation>First due</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="94"/>
        <source>Hạn hiện tại</source>
        <translation>Due now</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="95"/>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="96"/>
        <source>Giữ từ lúc</source>
        <translation>Held since</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="97"/>
        <source>Chỉ đạo</source>
        <translation>Directives</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="100"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="101"/>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="102"/>
        <source>Tạm dừng tính giờ</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="241"/>
        <source>Bộ phận Một cửa</source>
        <translation>One-Stop Counter</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="244"/>
        <source>(chưa ai nhận)</source>
        <translation>(not taken up)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="249"/>
        <source>{0} chờ trả lời</source>
        <translation>{0} awaiting an answer</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="254"/>
        <source>{0} (hẹn lại)</source>
        <translation>{0} (re-appointed)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="261"/>
        <source>Chưa số hóa: đã quét {0}/{1} giấy tờ</source>
        <translation>Not digitised: {0}/{1} documents scanned</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="267"/>
        <source>Đơn vị/người đang giữ nhận hồ sơ lúc {0}</source>
        <translation>The unit/officer holding it took the dossier at {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="269"/>
        <source>Có chỉ đạo của lãnh đạo chưa được trả lời</source>
        <translation>A directive from the head is not yet answered</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="273"/>
        <source>Quá hạn: phải trả lúc {0}</source>
        <translation>Overdue: was due at {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="275"/>
        <source>Đến hạn trong vòng một ngày làm việc: {0}</source>
        <translation>Due within one working day: {0}</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="277"/>
        <source>Đang chờ người nộp bổ sung: thời gian giải quyết tạm dừng</source>
        <translation>Waiting for the applicant&apos;s documents: the time limit is paused</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="278"/>
        <source>Hạn: {0}</source>
        <translation>Due: {0}</translation>
    </message>
</context>
<context>
    <name>WorkListView</name>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="307"/>
        <source>Hồ sơ của tôi — các đơn vị đang giữ, hạn sớm nhất trước</source>
        <translation>My dossiers — held by every unit, earliest due first</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="309"/>
        <source>Hồ sơ của tôi — tôi nhận xử lý hoặc đơn vị tôi đang giữ, hạn sớm nhất trước</source>
        <translation>My dossiers — taken up by me or held by my unit, earliest due first</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="313"/>
        <source>Hồ sơ quá hạn hoặc đến hạn trong vòng một ngày làm việc, hạn sớm nhất trước — ai đang giữ</source>
        <translation>Dossiers overdue or due within one working day, earliest due first — who holds them</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="363"/>
        <source>Enter hoặc nhấn đúp: mở hồ sơ. Phím tắt của các bước dùng được ngay tại đây.</source>
        <translation>Enter or double-click: open the dossier. The steps&apos; keys work right here.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="372"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="373"/>
        <source>Sắp đến hạn (trong 1 ngày làm việc)</source>
        <translation>Due soon (within 1 working day)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="394"/>
        <source>Chỉ đạo xử lý hồ sơ đang chọn… (Ctrl+D)</source>
        <translation>Give a directive on the selected dossier… (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="462"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="465"/>
        <source>Không có hồ sơ nào đang chờ xử lý.</source>
        <translation>No dossier is waiting to be processed.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="467"/>
        <source>Không có hồ sơ nào quá hạn hay sắp đến hạn.</source>
        <translation>No dossier is overdue or due soon.</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="470"/>
        <source>Đã tải {0} hồ sơ — cuộn để xem thêm</source>
        <translation>{0} dossiers loaded — scroll for more</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="472"/>
        <source>{0} hồ sơ</source>
        <translation>{0} dossiers</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/worklists.py" line="500"/>
        <source>Hồ sơ {0} — {1}: các bước xử lý</source>
        <translation>Dossier {0} — {1}: its steps</translation>
    </message>
</context>
<context>
    <name>_SessionRow</name>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="255"/>
        <source>Giờ bắt đầu</source>
        <translation>Start time</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="256"/>
        <source>Giờ kết thúc</source>
        <translation>End time</translation>
    </message>
    <message>
        <location filename="../../onestop/ui/admin_settings.py" line="257"/>
        <source>Xóa buổi</source>
        <translation>Remove session</translation>
    </message>
</context>
</TS>
