"""English renderings of the text of screens/ (the TUI) and of the barcode scanners it uses."""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # desk/devices/barcode.py
    "Lưu ý về mã vừa quét": "About the code just scanned",
    "Không nhận ra mã vừa quét: không phải mã QR căn cước, mã QR trên giấy tiếp nhận hay mã "
    "hồ sơ. Hãy quét lại hoặc nhập tay.": (
        "The scanned code was not recognised: it is not an ID-card QR, a receipt QR or a dossier "
        "code. Scan again or type it in."
    ),
    "Máy quét đang gõ theo bàn phím kiểu Pháp (AZERTY): các chữ số bị đổi thành ký hiệu. Đã "
    "đọc lại được mã, nhưng hãy đặt máy quét về bàn phím US (xem sách hướng dẫn của máy quét).": (
        "The scanner types with a French (AZERTY) keyboard layout: digits became symbols. The "
        "code was read anyway, but set the scanner to the US layout (see its manual)."
    ),
    "Máy quét gửi chữ tiếng Việt sai bảng mã (UTF-8 bị đọc thành Latin-1). Đã đọc lại được; "
    "hãy đặt máy quét gửi UTF-8 và kiểm tra họ tên, địa chỉ.": (
        "The scanner sent Vietnamese text in the wrong encoding (UTF-8 read as Latin-1). It was "
        "read anyway; set the scanner to send UTF-8 and check the name and address."
    ),
    "Mã QR căn cước quét được không có dấu tiếng Việt (máy quét hoặc bộ gõ đã bỏ dấu). Hãy sửa "
    "họ tên và địa chỉ theo thẻ trước khi lưu, và đặt máy quét gửi Unicode.": (
        "The scanned ID-card QR has no Vietnamese diacritics (the scanner or the input method "
        "dropped them). Correct the name and address from the card before saving, and set the "
        "scanner to send Unicode."
    ),
    # desk/devices/serial_scanner.py
    "Máy quét mã: chưa cấu hình": "Barcode scanner: not configured",
    "Máy quét mã: không thấy cổng": "Barcode scanner: port not found",
    "Máy quét mã: sẵn sàng": "Barcode scanner: ready",
    "Máy quét mã: lỗi, hãy cắm lại máy quét": "Barcode scanner: error, plug the scanner in again",
    "Lỗi máy quét mã vạch": "Barcode scanner error",
    "Chưa chọn cổng COM của máy quét mã vạch trong phần cài đặt.": (
        "No COM port is chosen for the barcode scanner in the settings."
    ),
    'Chưa cài gói pyserial cho máy quét mã vạch qua cổng COM. Cài bằng: pip install "motcua-desk'
    '[scan]".': (
        "The pyserial package for COM-port barcode scanners is not installed. Install it with: "
        'pip install "motcua-desk[scan]".'
    ),
    "Không mở được cổng {port} của máy quét mã vạch. Kiểm tra máy quét đã cắm và đang ở chế độ "
    "cổng COM (USB-COM), rồi chọn lại cổng trong phần cài đặt.": (
        "Cannot open port {port} of the barcode scanner. Check that the scanner is plugged in and "
        "in COM-port (USB-COM) mode, then choose the port again in the settings."
    ),
    # desk/services/report_export.py
    "Định dạng xuất không hỗ trợ: {value}. Dùng xlsx, pdf hoặc csv.": (
        "Unsupported export format: {value}. Use xlsx, pdf or csv."
    ),
    "Không có thư mục {folder} để lưu báo cáo. Hãy tạo thư mục hoặc chọn đường dẫn khác.": (
        "There is no folder {folder} to save the report in. Create it or choose another path."
    ),
    # screens/app.py
    "Trợ giúp": "Help",
    "Tìm hồ sơ": "Find dossier",
    "Trả KQ": "Return",
    "Báo cáo": "Reports",
    "Cài đặt": "Settings",
    "Cán bộ": "Officers",
    "Đồng bộ ngay": "Sync now",
    "Máy chưa đăng ký với máy chủ: chưa có gì để đồng bộ.": (
        "This desk is not enrolled with a server: there is nothing to sync."
    ),
    "Đang đồng bộ với máy chủ…": "Syncing with the server…",
    "Khóa máy": "Lock",
    "Chỉ quản trị viên mới dùng được chức năng này.": (
        "Only an administrator can use this function."
    ),
    "Đã in {form} của hồ sơ {code}.": "Printed {form} of dossier {code}.",
    "Tiếp nhận hồ sơ": "Receive a dossier",
    "Mở màn hình tiếp nhận": "Open the intake screen",
    "Theo mã, số định danh, họ tên": "By code, ID number or name",
    "Trả kết quả": "Return the result",
    "Trả kết quả cho công dân": "Hand the result to the citizen",
    "Biểu 06a, tỷ lệ đúng hạn, xuất tệp": "Form 06a, on-time rate, export",
    "Quản trị: máy in, máy quét, máy chủ": "Administration: printers, scanners, server",
    "Quản trị: tài khoản cán bộ": "Administration: officer accounts",
    "Khóa màn hình quầy": "Lock the desk screen",
    "Danh sách phím tắt": "List of keys",
    "Đóng chương trình": "Close the program",
    # screens/dossier.py
    "Còn {hours} giờ làm việc.": "{hours} working hours left.",
    "Không tính thời gian (tạm dừng hoặc đã xong).": (
        "The clock is not running (paused or finished)."
    ),
    "QUÁ HẠN {hours} giờ làm việc.": "OVERDUE by {hours} working hours.",
    "In lại giấy hẹn": "Reprint the receipt",
    "Quay lại": "Back",
    "Thành phần": "Component",
    "Chính": "Orig.",
    "C.thực": "Cert.",
    "Photo": "Copy",
    "Đủ": "OK",
    "Lúc": "At",
    "Việc": "Action",
    "Đã ghi nhận: {action}.": "Recorded: {action}.",
    "(hẹn ban đầu {at})": "(originally {at})",
    "Ghi nhận việc này?": "Record this action?",
    "Quét giấy hẹn, gõ mã hồ sơ, số định danh hoặc họ tên": (
        "Scan the receipt, or type a dossier code, ID number or name"
    ),
    # screens/dossier_actions.py
    "Lý do": "Reason",
    "Nội dung cần bổ sung (ngăn cách bằng ;)": "Items to supply (separated by ;)",
    "Số tiền (đồng)": "Amount (VND)",
    "Ghi chú": "Note",
    "Đơn vị nhận xử lý": "Processing unit",
    "Ngày hẹn mới (dd/mm/yyyy)": "New date (dd/mm/yyyy)",
    "Người ký (thủ trưởng)": "Signer (head of office)",
    # screens/help.py
    "Đóng": "Close",
    "Phím": "Key",
    "Phím tắt": "Keys",
    "Ctrl+P: bảng lệnh. Quét mã CCCD hoặc giấy hẹn ở bất cứ màn hình nào. Đổi phím trong "
    "tệp {path}.": (
        "Ctrl+P: command palette. Scan an ID card or a receipt on any screen. Remap keys in the "
        "file {path}."
    ),
    # screens/home.py
    "F2 tiếp nhận · F3 tìm hồ sơ · F4 trả kết quả · F6 báo cáo · F1 trợ giúp · quét mã "
    "CCCD hoặc giấy tiếp nhận bất cứ lúc nào": (
        "F2 intake · F3 find dossier · F4 return · F6 reports · F1 help · scan an ID card or a "
        "receipt at any time"
    ),
    # screens/intake.py
    "Phí, lệ phí: {fee}": "Fees: {fee}",
    "Hồ sơ còn thiếu: {missing}. Ghi nhận hồ sơ chưa đầy đủ và in Phiếu yêu cầu bổ sung, "
    "hoàn thiện hồ sơ (Mẫu 02) thay cho Giấy tiếp nhận?": (
        "Papers are missing: {missing}. Record an incomplete dossier and print the request for "
        "additional documents (Form 02) instead of the receipt?"
    ),
    "Bước sau": "Next step",
    "Bước trước": "Previous step",
    "Chưa chọn thủ tục: tìm và chọn thủ tục ở bước 2.": (
        "No procedure chosen: find and choose one in step 2."
    ),
    "Hồ sơ chưa đầy đủ": "Incomplete dossier",
    "1 Người nộp": "1 Applicant",
    "2 Thủ tục": "2 Procedure",
    "3 Thành phần": "3 Components",
    "4 Phí, nhận KQ": "4 Fees, delivery",
    "Chủ hồ sơ — quét mã QR trên CCCD hoặc nhập tay": (
        "Dossier owner — scan the ID card's QR or type"
    ),
    "Người nộp khác chủ hồ sơ": "Submitter is not the owner",
    "Ctrl+S: tiếp nhận và in giấy hẹn": "Ctrl+S: receive and print the receipt",
    "Tên hoặc mã thủ tục, gõ không dấu được": "Procedure name or code, accents optional",
    "Trường hợp": "Case",
    "Số bộ hồ sơ": "Number of sets",
    "Nhận kết quả tại Bộ phận Một cửa": "Collect the result at the One-Stop Office",
    "Nhận qua bưu chính công ích": "Receive by public postal service",
    "Địa chỉ nhận": "Delivery address",
    # screens/keymap.py
    'Bảng [keymap] trong {path} phải gồm các dòng mã-phím = "phím".': (
        'The [keymap] table in {path} must hold lines binding-id = "key".'
    ),
    "Tệp phím tắt {path} có mã phím không tồn tại: {ids}. Các mã dùng được: {known}.": (
        "The key file {path} names unknown binding ids: {ids}. Known ids: {known}."
    ),
    "Tệp phím tắt {path} không đọc được (cần dạng TOML với bảng [keymap]). Hãy sửa hoặc "
    "xóa tệp này.": (
        "The key file {path} cannot be read (TOML with a [keymap] table is expected). Fix or "
        "delete it."
    ),
    # screens/login.py
    "Quầy đã khóa do không dùng. Nhập mật khẩu để mở.": (
        "The desk locked itself after being idle. Enter the password to unlock."
    ),
    "Đăng nhập": "Log in",
    "Đăng nhập (Enter)": "Log in (Enter)",
    "Tên đăng nhập": "Username",
    "Mật khẩu": "Password",
    "Lần đăng nhập đầu: hãy đặt mật khẩu mới (ít nhất 8 ký tự).": (
        "First login: choose a new password (at least 8 characters)."
    ),
    "Mật khẩu mới": "New password",
    "Nhập lại mật khẩu mới": "New password again",
    # screens/officers.py
    "Họ và tên": "Full name",
    "Vai trò": "Role",
    "Đổi mật khẩu": "Must change password",
    "Mật khẩu tạm của {username}: {password} (phải đổi khi đăng nhập lần đầu).": (
        "Temporary password of {username}: {password} (to be changed at first login)."
    ),
    "Tên đăng nhập (không dấu)": "Username (no accents)",
    "Vai trò: reception, leader, clerk, admin": "Role: reception, leader, clerk, admin",
    "Thêm cán bộ": "Add officer",
    "Cấp lại mật khẩu": "Reset password",
    # screens/receipt.py
    "In lại": "Reprint",
    "Xong": "Done",
    "Đang in {form}…": "Printing {form}…",
    "Chưa in được {form}; hồ sơ đã được lưu. Ctrl+R để in lại.": (
        "{form} was not printed; the dossier is saved. Ctrl+R to print again."
    ),
    "Mẫu in cho bước này chưa có; hồ sơ đã được lưu.": (
        "There is no printed form for this step yet; the dossier is saved."
    ),
    "Đã in {form} (lệnh in số {job}).": "Printed {form} (print job {job}).",
    "Đã tiếp nhận hồ sơ {code}": "Dossier {code} received",
    "Mã tra cứu: {code}": "Lookup code: {code}",
    "Hẹn trả kết quả:": "Result due:",
    "Hồ sơ thiếu: {missing}. Hồ sơ chờ bổ sung; chưa có ngày hẹn.": (
        "Missing: {missing}. The dossier waits for papers; no date is set yet."
    ),
    # screens/reports.py
    "Không được tiếp nhận trong kỳ: {count}": "Not received in the period: {count}",
    "Đã lưu {path}.": "Saved {path}.",
    "Lĩnh vực / thủ tục": "Sector / procedure",
    "Nhận": "Received",
    "Đã giải quyết": "Resolved",
    "Đúng/trước hạn": "On time/early",
    "Quá hạn": "Late",
    "Đang giải quyết": "In progress",
    "Tỷ lệ đúng hạn": "On-time rate",
    "Kỳ báo cáo": "Period",
    "Lưu vào thư mục": "Save in folder",
    "Theo lĩnh vực": "By sector",
    "Theo thủ tục": "By procedure",
    # screens/returns.py
    "Đã trả kết quả hồ sơ {code}.": "The result of dossier {code} was returned.",
    "Chủ hồ sơ trực tiếp nhận": "The owner collects in person",
    "Người nhận thay — quét CCCD của người nhận": (
        "Another collector — scan the collector's ID card"
    ),
    "Mức độ hài lòng": "Satisfaction",
    "Ctrl+S: trả kết quả và in biên nhận": "Ctrl+S: return and print the receipt",
    "Khớp với chủ hồ sơ.": "Matches the dossier owner.",
    "Không phải chủ hồ sơ: cần ghi giấy ủy quyền.": (
        "Not the dossier owner: record the authorisation."
    ),
    "Quét giấy hẹn hoặc gõ mã hồ sơ": "Scan the receipt or type the dossier code",
    "Giấy ủy quyền": "Authorisation",
    "Phí đã thu (đ)": "Fee collected (VND)",
    # screens/settings.py
    "Lưu": "Save",
    "Đã lưu cài đặt.": "Settings saved.",
    "Cơ quan": "Agency",
    "Khóa máy sau (phút)": "Lock after (minutes)",
    "Máy in theo mẫu (cups:…, folder:…, escpos:…)": "Printer per form (cups:…, folder:…, escpos:…)",
    "Mặc định": "Default",
    "Máy quét mã vạch": "Barcode scanner",
    "Cổng COM": "COM port",
    "Tốc độ (baud)": "Speed (baud)",
    "Khoảng cách phím (ms)": "Key gap (ms)",
    "Chữ ký số và máy chủ": "Digital signature and server",
    "Thư viện token": "Token library",
    "Địa chỉ máy chủ": "Server URL",
    "Lưu (Ctrl+S)": "Save (Ctrl+S)",
    "Quầy: {desk}, dải số {range}": "Desk: {desk}, number range {range}",
    # screens/widgets/components.py
    "Chọn thủ tục trước (bước 2).": "Choose the procedure first (step 2).",
    "Thành phần (* bắt buộc) — Bản chính · Chứng thực · Photo": (
        "Components (* required) — Originals · Certified · Copies"
    ),
    # screens/widgets/dialogs.py
    "Lỗi không mong muốn ({kind}). Dữ liệu đã lưu không bị ảnh hưởng; hãy thử lại hoặc báo "
    "cho quản trị viên.": (
        "Unexpected error ({kind}). Saved data is not affected; try again or tell the "
        "administrator."
    ),
    "Hủy": "Cancel",
    "Đóng (Enter)": "Close (Enter)",
    "Đồng ý": "OK",
    "Đồng ý (Ctrl+S)": "OK (Ctrl+S)",
    "Lỗi không mong muốn": "Unexpected error",
    # screens/widgets/person_form.py
    "Ngày sinh cần dạng dd/mm/yyyy, ví dụ 05/03/1985.": (
        "The date of birth must be dd/mm/yyyy, for example 05/03/1985."
    ),
    "Số định danh": "ID number",
    "Ngày sinh": "Date of birth",
    "Địa chỉ": "Address",
    "Điện thoại": "Phone",
    "Email": "Email",
    "Giới tính": "Sex",
    "Loại": "Kind",
    "(chưa chọn)": "(not chosen)",
    "Nam": "Male",
    "Nữ": "Female",
    "Cá nhân": "Person",
    "Tổ chức": "Organisation",
    # screens/widgets/status_bar.py
    "Hàng đợi in: {n}": "Print queue: {n}",
    "Chưa đăng nhập": "Not logged in",
    # screens/feedback.py, screens/commands.py, screens/widgets/status_bar.py
    "Phản ánh": "Feedback",
    "Phản ánh, kiến nghị": "Citizens' feedback",
    "Sổ theo dõi phản ánh, kiến nghị và hạn trả lời": "The feedback register and answer deadlines",
    "Phản ánh, kiến nghị đang chờ trả lời": "Feedback waiting for an answer",
    "Số": "No.",
    "Hạn trả lời": "Answer by",
    "Nội dung": "Content",
    "Ghi nhận phản ánh": "Record feedback",
    "Giao xử lý": "Assign",
    "Trả lời và đóng": "Answer and close",
    "Phản ánh số {number}: {state}; hạn trả lời {due}.": (
        "Feedback {number}: {state}; answer by {due}."
    ),
    "Nội dung phản ánh, kiến nghị": "What the feedback says",
    "Hình thức: {channels}": "Channel: {channels}",
    "Họ tên người phản ánh": "Sender's full name",
    "Số điện thoại": "Phone number",
    "Mã hồ sơ liên quan (nếu có)": "Related dossier code (if any)",
    "Giao xử lý phản ánh số {number}": "Assign feedback {number}",
    "Đơn vị, người được giao": "Unit or person assigned",
    "Trả lời phản ánh số {number}": "Answer feedback {number}",
    "Nội dung đã trả lời": "The answer given",
    "Kết nối: {link}": "Connection: {link}",
    # screens/online.py
    "Hồ sơ trực tuyến": "Online dossiers",
    "Hồ sơ nộp trực tuyến chờ tiếp nhận, hạn xem xét": (
        "Dossiers submitted online waiting for review, and their deadlines"
    ),
    "Hồ sơ trực tuyến chờ tiếp nhận": "Online dossiers waiting for review",
    "Nộp lúc": "Submitted",
    "Hạn xem xét": "Review by",
    "Còn lại": "Left",
    "Thủ tục": "Procedure",
    "Thiếu tệp": "Missing files",
    "Từ chối": "Refuse",
    "Đã tiếp nhận hồ sơ {code}; hẹn trả kết quả {due}.": (
        "Accepted dossier {code}; result due {due}."
    ),
    "Nội dung cần bổ sung (ngăn cách bằng dấu ;)": "What to supplement (separate with ;)",
    "Đã yêu cầu bổ sung hồ sơ {code}.": "Asked for a supplement to dossier {code}.",
    "Yêu cầu bổ sung": "Request a supplement",
    "Đã từ chối hồ sơ {code}.": "Refused dossier {code}.",
    "Lý do từ chối": "Reason for refusal",
    "Từ chối hồ sơ": "Refuse the dossier",
    # screens/dossier.py (events that are not lifecycle actions)
    "gắn bản quét": "scan attached",
    "ký số kết quả": "result signed",
    "thông báo cho công dân": "citizen notified",
    # screens/returns.py: overdue dossiers and the apology letter (Mẫu 04)
    "Xin lỗi, hẹn lại": "Apologise, new date",
    "Xin lỗi, hẹn lại (Mẫu 04)": "Apologise, new date (Form 04)",
    "Hồ sơ đã quá hạn: lập văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) — F10.": (
        "The dossier is overdue: write the apology letter with a new return date (Form 04) — F10."
    ),
    "Hồ sơ có kết quả sau ngày hẹn. Không lập văn bản xin lỗi (Mẫu 04) khi đã có kết quả: "
    "trả kết quả như bình thường, báo cáo ghi nhận hồ sơ trễ hạn.": (
        "The result came after the appointment. No apology letter (Form 04) once the result is "
        "ready: return it as usual; the reports count the dossier as late."
    ),
    "Hồ sơ đã quá hạn và đã hết số lần được hẹn lại; báo lãnh đạo để xử lý.": (
        "The dossier is overdue and has used all its new dates; tell the head of the office."
    ),
}
