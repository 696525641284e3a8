"""English renderings of the TUI text added for a new officer's first day (issue 15)."""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # screens/settings.py
    "Đang tìm máy in…": "Looking for printers…",
    "Máy in cán bộ được chọn (cách nhau dấu phẩy)": (
        "Printers officers may choose (comma-separated)"
    ),
    # desk/cli/office.py
    "Máy in trình diễn: các mẫu in ra tệp PDF trong thư mục {path}.": (
        "Demo printer: the forms are printed as PDF files in the folder {path}."
    ),
    # desk/services/printing.py
    "Máy in này chưa được quản trị viên cho phép chọn ở quầy.": (
        "The administrator has not allowed this printer to be chosen at the desk."
    ),
    # desk/services/lookup.py
    "Số thứ tự hồ sơ từ 0001 đến 9999.": "A dossier's number is 0001 to 9999.",
    # screens/printer_picker.py, screens/app.py, screens/commands.py
    "Lưu PDF vào thư mục {path}": "Save PDFs into the folder {path}",
    "Chọn máy in của quầy": "Choose the desk's printer",
    "Đang dùng: {printer}": "In use: {printer}",
    "Quản trị viên chưa cho phép chọn máy in nào ở quầy: nhờ quản trị viên thêm máy in vào mục "
    "«Máy in cán bộ được chọn» trong Cài đặt.": (
        "The administrator has allowed no printer to be chosen at the desk: ask them to add one "
        "under «Printers officers may choose» in Settings."
    ),
    "Enter: chọn · Esc: đóng": "Enter: choose · Esc: close",
    "Máy in của quầy: {printer}": "The desk's printer: {printer}",
    "Máy in": "Printer",
    "Chọn máy in": "Choose the printer",
    "Máy in của quầy, trong các máy quản trị viên cho phép (Ctrl+G)": (
        "The desk's printer, among those the administrator allowed (Ctrl+G)"
    ),
    # screens/app.py, screens/forms.py
    "Bảng lệnh": "Commands",
    "{title} (Mẫu {number})": "{title} (Form {number})",
    # screens/login.py
    "Văn phòng trình diễn — tài khoản dùng thử:": "Demo office — logins to try:",
    "Đang kiểm tra mật khẩu…": "Checking the password…",
    # screens/work.py
    "Thoát chương trình?": "Quit the desk?",
    "Hồ sơ đang tiếp nhận chưa được lưu. Thoát và bỏ hồ sơ đang nhập?": (
        "The dossier being received is not saved. Quit and drop it?"
    ),
    # screens/returns.py
    "Có kết quả chờ trả.": "The result is ready to be returned.",
    "Hồ sơ đã trả kết quả lúc {when}.": "The result was returned at {when}.",
    "Hồ sơ đang ở trạng thái “{status}”: chưa có kết quả chờ trả.": (
        "The dossier is “{status}”: there is no result to return yet."
    ),
    "Hồ sơ sắp đến hạn mà chưa có kết quả: lập văn bản xin lỗi và hẹn lại ngày trả kết quả "
    "(Mẫu 04) — F10.": (
        "The dossier is nearly due without a result: write the apology letter with a new date "
        "(Form 04) — F10."
    ),
    # screens/intake_fees.py
    "Hẹn trả kết quả (nếu tiếp nhận bây giờ): {due}": "Result due (if received now): {due}",
    "Trả kết quả ngay: không có giấy hẹn.": "Result returned at once: no appointment slip.",
    "Hồ sơ còn thiếu thành phần bắt buộc: chưa có ngày hẹn (in Mẫu 02).": (
        "Required papers are missing: no appointment yet (Form 02 is printed)."
    ),
}
