<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../onestop/ui/common.py" line="56"/>
        <source>Lỗi không mong đợi: {0}. Chi tiết đã được ghi vào nhật ký.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/common.py" line="67"/>
        <source>onestop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/common.py" line="71"/>
        <source>Thử lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/common.py" line="72"/>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../onestop/ui/login.py" line="32"/>
        <source>Đăng nhập — onestop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="35"/>
        <source>Bộ phận Một cửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="43"/>
        <source>ví dụ: tiepnhan1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="50"/>
        <source>Tên đăng nhập:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="51"/>
        <source>Mật khẩu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="57"/>
        <source>Đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="59"/>
        <source>Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/login.py" line="74"/>
        <source>Nhập tên đăng nhập và mật khẩu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="39"/>
        <source>onestop — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="46"/>
        <source>Tiếp nhận hồ sơ (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="47"/>
        <source>Hồ sơ trong ngày (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="53"/>
        <source>Quản trị (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="66"/>
        <source>&amp;Phiên làm việc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="67"/>
        <source>Đăng xuất / đổi cán bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="70"/>
        <source>Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="74"/>
        <source>Cán bộ: {0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="79"/>
        <source>Đang xử lý…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="104"/>
        <source>Quét mã</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../onestop/ui/main_window.py" line="104"/>
        <source>Không có hồ sơ mã {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
