"""English renderings of the desk core's text (desk/, data/, printing/): see the package doc.

Entries are grouped by the module where the template first appears, in source order.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # desk/cli/__init__.py
    "Đã hủy.": "Cancelled.",
    "Lỗi không mong muốn ({kind}). Dữ liệu đã lưu không bị ảnh hưởng; hãy báo cho quản trị viên "
    "kèm lệnh vừa chạy và tệp nhật ký {log}.": (
        "Unexpected error ({kind}). Saved data is not affected; report it to the administrator "
        "with the command you just ran and the log file {log}."
    ),
    "Lỗi không mong muốn ({kind}). Dữ liệu đã lưu không bị ảnh hưởng; hãy báo cho quản trị viên "
    "kèm lệnh vừa chạy.": (
        "Unexpected error ({kind}). Saved data is not affected; report it to the administrator "
        "with the command you just ran."
    ),
    "Thiếu tùy chọn": "Missing option",
    "Thiếu tham số": "Missing argument",
    "Không có lệnh": "No such command",
    "Không có tùy chọn": "No such option",
    "Giá trị không hợp lệ cho": "Invalid value for",
    "Thừa tham số": "Got unexpected extra argument",
    "Thừa các tham số": "Got unexpected extra arguments",
    "không phải số nguyên": "is not a valid integer",
    "cần một giá trị": "requires an argument",
    "Lệnh không hợp lệ: {detail}. Xem hướng dẫn: {command} --help": (
        "Invalid command: {detail}. For help, run: {command} --help"
    ),
    "Lệnh không hợp lệ: {detail} Xem hướng dẫn: {command} --help": (
        "Invalid command: {detail} For help, run: {command} --help"
    ),
    # desk/cli/click_vi.py (Typer's own words)
    "Tham số": "Arguments",
    "Tùy chọn": "Options",
    "Các lệnh": "Commands",
    "[bắt buộc]": "[required]",
    "[mặc định: {}]": "[default: {}]",
    "[biến môi trường: {}]": "[env var: {}]",
    "(không dùng nữa)": "(deprecated)",
    "Cách dùng:": "Usage:",
    "[TÙY CHỌN]": "[OPTIONS]",
    "LỆNH [THAM SỐ]...": "COMMAND [ARGS]...",
    "Hiện hướng dẫn này rồi thoát.": "Show this message and exit.",
    "Có phải ý bạn là": "Did you mean",
    "chữ": "str",
    "số": "number",
    "có/không": "bool",
    "đường dẫn": "path",
    "thư mục": "directory",
    "mã hồ sơ": "code",
    "nội dung tìm": "text",
    "số phản ánh": "number",
    "tên đăng nhập": "username",
    "nội dung mã QR": "payload",
    "tệp PDF": "PDF file",
    "tệp gói": "bundle file",
    "số lệnh in": "print job number",
    "mã lệnh": "command ids",
    # desk/cli/common.py
    "{what} không đúng dạng: cần 'YYYY-MM-DD HH:MM' (giờ Việt Nam), ví dụ '2026-11-25 09:30'.": (
        "{what} is not in the right format: use 'YYYY-MM-DD HH:MM' (Vietnam time), e.g. "
        "'2026-11-25 09:30'."
    ),
    "{what} không đúng dạng YYYY-MM-DD, ví dụ 2026-12-01.": (
        "{what} is not in the format YYYY-MM-DD, e.g. 2026-12-01."
    ),
    # (also desk/services/files.py)
    "Không tìm thấy tệp {what}: {path}.": "The {what} file was not found: {path}.",
    # (also desk/services/files.py)
    "Tệp {what} không phải JSON hợp lệ (UTF-8): {detail}": (
        "The {what} file is not valid JSON (UTF-8): {detail}"
    ),
    # (also desk/services/files.py)
    "Không đọc được tệp {what}: {reason}": "Cannot read the {what} file: {reason}",
    # desk/cli/dossiers.py
    "Loại người nộp không hợp lệ: dùng person hoặc organisation.": (
        "Invalid applicant kind: use person or organisation."
    ),
    # (also desk/services/auth.py)
    "Không có cán bộ với tên đăng nhập {username}.": "No officer has the username {username}.",
    "Chọn đúng một trong --components FILE hoặc --all-components.": (
        "Give exactly one of --components FILE or --all-components."
    ),
    "Tệp thành phần hồ sơ phải là một danh sách JSON.": (
        "The dossier components file must be a JSON list."
    ),
    "Mã hồ sơ: {code}": "Dossier code: {code}",
    # (also desk/cli/reference.py)
    "Hẹn trả kết quả: {due}": "Result due: {due}",
    "Hồ sơ thiếu: {missing}. In Phiếu yêu cầu bổ sung (Mẫu 02).": (
        "Missing from the dossier: {missing}. Print the request for additional documents (Form 02)."
    ),
    "Tiếp nhận: {at}": "Received: {at}",
    "Hẹn trả: {at}": "Due: {at}",
    "Không tìm thấy hồ sơ nào.": "No dossiers found.",
    "Hồ sơ {code}: {status}.": "Dossier {code}: {status}.",
    "--received không đi kèm --item.": "--received cannot be combined with --item.",
    "Mức độ hài lòng phải là very_satisfied, satisfied hoặc unsatisfied.": (
        "The satisfaction rating must be very_satisfied, satisfied or unsatisfied."
    ),
    "Ngày hẹn mới": "New return date",
    "Hẹn lại: {due}": "New return date: {due}",
    # desk/cli/maintenance.py
    "Định dạng không hỗ trợ: {value}. Dùng json, csv hoặc xlsx.": (
        "Unsupported format: {value}. Use json, csv or xlsx."
    ),
    "Nhóm báo cáo theo lĩnh vực (--by sector) hoặc theo thủ tục (--by procedure).": (
        "Group the report by sector (--by sector) or by procedure (--by procedure)."
    ),
    "Báo cáo xlsx cần --out TỆP.xlsx.": "An xlsx report needs --out FILE.xlsx.",
    "Đã ghi báo cáo vào {path}.": "Report written to {path}.",
    # (also desk/services/reports.py)
    "Không ghi được tệp {path}: {reason}": "Cannot write the file {path}: {reason}",
    "Đã kiểm tra {d} hồ sơ, {e} sự kiện.": "Checked {d} dossiers and {e} events.",
    "Phát hiện dữ liệu không toàn vẹn: {count} hồ sơ có nhật ký bị sai lệch, kiểm tra SQLite: "
    "{integrity}.": (
        "Problems found: {count} dossiers have an audit log that does not verify; SQLite check: "
        "{integrity}."
    ),
    "Dữ liệu toàn vẹn.": "The data is intact.",
    "Đã sao lưu vào {path}.": "Backed up to {path}.",
    # desk/cli/office.py
    "Đã khởi tạo {name} ({code}), dải số {range}.": (
        "Set up {name} ({code}) with dossier number range {range}."
    ),
    "Chọn một trong --catalog FILE hoặc --no-catalog, không dùng cả hai.": (
        "Choose one of --catalog FILE or --no-catalog, not both."
    ),
    "Đã nạp danh mục thủ tục {version}: {count} thủ tục.": (
        "Procedure catalogue {version} loaded: {count} procedures."
    ),
    "Tiếp theo: tạo cán bộ (desk officer add).": "Next: create officers (desk officer add).",
    "Không có dữ liệu quầy tại {path}; không tạo gì mới. Kiểm tra --db (hoặc DESK_DB). Quầy "
    "mới: `desk init`; dùng thử: `desk demo` hoặc ./run-demo.sh.": (
        "No desk data at {path}; nothing was created. Check --db (or DESK_DB). A new desk: "
        "`desk init`; to try it out: `desk demo` or ./run-demo.sh."
    ),
    "Tệp {path} chưa có cơ quan nào: khởi tạo bằng `desk init` (hoặc `desk demo` để dùng thử) "
    "rồi chạy lại.": (
        "{path} holds no office yet: set one up with `desk init` (or `desk demo` to try it out) "
        "and run again."
    ),
    "Tiếp theo: nạp danh mục thủ tục (desk catalog import) và tạo cán bộ (desk officer add).": (
        "Next: import the procedure catalogue (desk catalog import) and create officers (desk "
        "officer add)."
    ),
    "Đã tạo văn phòng trình diễn tại {path}.": "Demo office created at {path}.",
    "Đã tạo cán bộ {username}. Mật khẩu tạm: {password} (phải đổi khi đăng nhập lần đầu).": (
        "Officer {username} created. Temporary password: {password} (must be changed at first "
        "login)."
    ),
    "Mật khẩu tạm mới của {username}: {password}": (
        "New temporary password for {username}: {password}"
    ),
    "Mật khẩu hiện tại:": "Current password:",
    "Mật khẩu mới:": "New password:",
    "Nhập lại mật khẩu mới:": "Repeat the new password:",
    "Hai lần nhập mật khẩu mới không khớp.": "The two new passwords do not match.",
    "Đã đổi mật khẩu.": "Password changed.",
    # desk/cli/reference.py
    "Chọn đúng một trong --procedure, --duration hoặc --same-day.": (
        "Give exactly one of --procedure, --duration or --same-day."
    ),
    "Thời điểm tiếp nhận": "Time of receipt",
    "Thời hạn không hợp lệ: dùng số kèm đơn vị wh (giờ làm việc), wd (ngày làm việc) hoặc cd "
    "(ngày lịch), ví dụ 8wh, 3wd, 15cd.": (
        "Invalid time limit: use a number with the unit wh (working hours), wd (working days) or "
        "cd (calendar days), e.g. 8wh, 3wd, 15cd."
    ),
    "Giờ chốt không đúng dạng HH:MM, ví dụ 15:00.": (
        "The cut-off time is not in the format HH:MM, e.g. 15:00."
    ),
    "Khoảng tạm dừng cần dạng 'bắt đầu/kết thúc', ví dụ '2026-11-25 08:00/2026-11-26 08:00'.": (
        "Write a pause as 'start/end', e.g. '2026-11-25 08:00/2026-11-26 08:00'."
    ),
    "Thời điểm bắt đầu tạm dừng": "Pause start time",
    "Thời điểm kết thúc tạm dừng": "Pause end time",
    "Khoảng tạm dừng kết thúc trước khi bắt đầu.": "The pause ends before it starts.",
    "Đã nạp lịch năm {year}: {holidays} ngày nghỉ, {workdays} ngày làm bù.": (
        "Calendar for {year} imported: {holidays} days off, {workdays} make-up working days."
    ),
    "Năm phải từ 2000 đến 2100.": "The year must be from 2000 to 2100.",
    "Năm {year} — nguồn: {source}": "Year {year} — source: {source}",
    "nghỉ": "day off",
    "làm bù": "make-up day",
    "Đã nạp danh mục {version}: thêm {added}, cập nhật {updated} thủ tục.": (
        "Catalogue {version} imported: {added} procedures added, {updated} updated."
    ),
    # desk/domain/citizen_id.py
    "Giới tính phải là Nam hoặc Nữ.": "Sex must be male or female (Nam or Nữ).",
    "Không nhận ra mã QR căn cước: dữ liệu quét được trống. Hãy quét lại hoặc nhập tay thông "
    "tin trên thẻ.": (
        "Not a citizen ID card QR code: the scan is empty. Scan again or type in the details from "
        "the card."
    ),
    "Không nhận ra mã QR căn cước: đây là một địa chỉ trang web, không phải mã QR trên thẻ căn "
    "cước. Hãy quét lại hoặc nhập tay thông tin trên thẻ.": (
        "Not a citizen ID card QR code: this is a web address, not the QR code on an ID card. Scan "
        "again or type in the details from the card."
    ),
    "Không nhận ra mã QR căn cước: đây là một mã hồ sơ, không phải mã QR trên thẻ căn cước. Hãy "
    "quét lại hoặc nhập tay thông tin trên thẻ.": (
        "Not a citizen ID card QR code: this is a dossier code, not the QR code on an ID card. "
        "Scan again or type in the details from the card."
    ),
    "Không nhận ra mã QR căn cước: nội dung không gồm các trường ngăn cách bằng dấu |. Hãy quét "
    "lại hoặc nhập tay thông tin trên thẻ.": (
        "Not a citizen ID card QR code: the content is not made of fields separated by |. Scan "
        "again or type in the details from the card."
    ),
    "Không nhận ra mã QR căn cước: cần ít nhất 6 trường ngăn cách bằng dấu |, mã này có "
    "{count}. Hãy quét lại hoặc nhập tay thông tin trên thẻ.": (
        "Not a citizen ID card QR code: it needs at least 6 fields separated by |, this one has "
        "{count}. Scan again or type in the details from the card."
    ),
    "Mã QR căn cước thiếu họ và tên. Hãy quét lại hoặc nhập tay thông tin trên thẻ.": (
        "The ID card QR code has no full name. Scan again or type in the details from the card."
    ),
    "Trường họ và tên trong mã QR căn cước có chữ số; các trường có thể bị lệch. Hãy quét lại "
    "hoặc nhập tay thông tin trên thẻ.": (
        "The full name in the ID card QR code contains digits; the fields may be shifted. Scan "
        "again or type in the details from the card."
    ),
    "Mã QR căn cước thiếu nơi thường trú. Hãy quét lại hoặc nhập tay thông tin trên thẻ.": (
        "The ID card QR code has no permanent address. Scan again or type in the details from the "
        "card."
    ),
    "Số CMND cũ phải gồm 9 hoặc 12 chữ số, hoặc để trống (đang có {count} ký tự).": (
        "The old ID number (CMND) must have 9 or 12 digits, or be left empty (it has {count} "
        "characters)."
    ),
    "Ngày sinh phải có dạng ddMMyyyy hoặc dd/MM/yyyy, ví dụ 05031985.": (
        "The date of birth must be ddMMyyyy or dd/MM/yyyy, e.g. 05031985."
    ),
    "Ngày sinh không phải ngày có thật trên lịch.": (
        "The date of birth is not a real calendar date."
    ),
    "Ngày cấp phải có dạng ddMMyyyy hoặc dd/MM/yyyy, ví dụ 20042021.": (
        "The issue date must be ddMMyyyy or dd/MM/yyyy, e.g. 20042021."
    ),
    "Ngày cấp không phải ngày có thật trên lịch.": "The issue date is not a real calendar date.",
    "Ngày sinh trên thẻ nằm sau ngày hôm nay.": "The date of birth on the card is after today.",
    "Ngày cấp thẻ nằm trước ngày sinh.": "The card's issue date is before the date of birth.",
    "Ngày cấp thẻ nằm sau ngày hôm nay.": "The card's issue date is after today.",
    "Ba chữ số đầu của số định danh (mã tỉnh, thành phố nơi đăng ký khai sinh) không có trong "
    "danh mục 63 mã tỉnh, thành phố.": (
        "The first three digits of the ID number (the province or city where the birth was "
        "registered) are not one of the 63 province and city codes."
    ),
    "Chữ số thứ 5 và 6 của số định danh (hai số cuối năm sinh) không khớp với năm sinh trên thẻ.": (
        "Digits 5 and 6 of the ID number (the last two digits of the year of birth) do not match "
        "the year of birth on the card."
    ),
    "Thiếu số định danh cá nhân (12 chữ số).": "The personal ID number (12 digits) is missing.",
    "Số định danh chỉ được gồm chữ số.": "The ID number may contain only digits.",
    "Số định danh phải gồm 12 chữ số (đang có {count}).": (
        "The ID number must have 12 digits (it has {count})."
    ),
    "Chữ số thứ 4 của số định danh (thế kỷ và giới tính) không khớp với ngày sinh và giới tính "
    "trên thẻ.": (
        "Digit 4 of the ID number (century and sex) does not match the date of birth and sex on "
        "the card."
    ),
    "Chữ số thứ 4 của số định danh (thế kỷ sinh) không khớp với năm sinh trên thẻ.": (
        "Digit 4 of the ID number (century of birth) does not match the year of birth on the card."
    ),
    "Chữ số thứ 4 của số định danh (giới tính) không khớp với giới tính trên thẻ.": (
        "Digit 4 of the ID number (sex) does not match the sex on the card."
    ),
    # desk/domain/codes.py
    "Phần ngày của mã hồ sơ phải gồm 6 chữ số YYMMDD, ví dụ 261124 là ngày 24/11/2026.": (
        "The date part of the dossier code must be 6 digits YYMMDD, e.g. 261124 for 24/11/2026."
    ),
    "Số thứ tự ở cuối mã hồ sơ phải gồm từ 4 đến 10 chữ số, ví dụ 0001.": (
        "The sequence number at the end of the dossier code must have 4 to 10 digits, e.g. 0001."
    ),
    "Chưa nhập mã định danh cơ quan.": "Enter the agency code.",
    "Mã định danh cơ quan không đúng dạng: cần dạng 000.00.12.H53 (3 chữ số, 2 chữ số, 2 chữ số "
    "và một chữ cái in hoa kèm 2 chữ số, ngăn cách bằng dấu chấm) hoặc dạng mới G09.016.06.": (
        "The agency code is not in the right format: use 000.00.12.H53 (3 digits, 2 digits, 2 "
        "digits, and a capital letter with 2 digits, separated by dots) or the new format "
        "G09.016.06."
    ),
    "Số đầu của dải số hồ sơ phải từ 1 đến 9999 (đang là {start}).": (
        "The first number of the dossier number range must be from 1 to 9999 (it is {start})."
    ),
    "Số cuối của dải số hồ sơ phải từ 1 đến 9999 (đang là {end}).": (
        "The last number of the dossier number range must be from 1 to 9999 (it is {end})."
    ),
    "Số đầu của dải số hồ sơ ({start}) lớn hơn số cuối ({end}).": (
        "The first number of the dossier number range ({start}) is greater than the last ({end})."
    ),
    "Dải số hồ sơ không đúng dạng: cần hai số từ 1 đến 9999 nối bằng dấu gạch ngang, ví dụ "
    "0001-4999.": (
        "The dossier number range is not in the right format: use two numbers from 1 to 9999 "
        "joined by a hyphen, e.g. 0001-4999."
    ),
    "Đã dùng hết dải số hồ sơ {range} của quầy trong ngày hôm nay. Quản trị viên cần cấp dải số "
    "mới cho quầy; số đã cấp không bao giờ được dùng lại.": (
        "This desk has used up its dossier number range {range} for today. An administrator must "
        "give the desk a new range; numbers already issued are never reused."
    ),
    "Đã dùng hết dải số hồ sơ {range} của quầy cho ngày {day}. Quản trị viên cần cấp dải số mới "
    "cho quầy; số đã cấp không bao giờ được dùng lại.": (
        "This desk has used up its dossier number range {range} for {day}. An administrator must "
        "give the desk a new range; numbers already issued are never reused."
    ),
    "Chưa nhập mã hồ sơ.": "Enter a dossier code.",
    "Số thứ tự trong mã hồ sơ không được bằng 0.": (
        "The sequence number in the dossier code cannot be 0."
    ),
    "Ngày trong mã hồ sơ không phải ngày có thật: phần giữa phải là YYMMDD, ví dụ 261124 là "
    "ngày 24/11/2026.": (
        "The date in the dossier code is not a real date: the middle part must be YYMMDD, e.g. "
        "261124 for 24/11/2026."
    ),
    "Không nhận ra mã hồ sơ: cần dạng <mã cơ quan>-YYMMDD-NNNN, ví dụ 000.00.12.H53-261124-0001.": (
        "Not a dossier code: use <agency code>-YYMMDD-NNNN, e.g. 000.00.12.H53-261124-0001."
    ),
    # desk/domain/lifecycle.py
    "Mới đăng ký": "Newly submitted",
    "Được tiếp nhận": "Received",
    "Không được tiếp nhận": "Not accepted",
    "Đang xử lý": "Being processed",
    "Yêu cầu bổ sung giấy tờ": "Additional papers requested",
    "Yêu cầu thực hiện nghĩa vụ tài chính": "Payment of fees and taxes requested",
    "Công dân yêu cầu rút hồ sơ": "Withdrawn at the citizen's request",
    "Dừng xử lý": "Processing stopped",
    "Đã xử lý xong": "Processed",
    "Đã trả kết quả": "Result returned",
    "nộp hồ sơ trực tuyến": "submit the dossier online",
    "tiếp nhận hồ sơ": "receive the dossier",
    "ghi nhận hồ sơ chưa đầy đủ": "record an incomplete dossier",
    "tiếp nhận hồ sơ trực tuyến": "accept the online dossier",
    "từ chối tiếp nhận": "refuse the dossier",
    "yêu cầu bổ sung, hoàn thiện hồ sơ": "request additional or corrected papers",
    "nhận hồ sơ bổ sung": "receive the additional papers",
    "bàn giao hồ sơ cho đơn vị xử lý": "hand the dossier over to the processing unit",
    "yêu cầu thực hiện nghĩa vụ tài chính": "request payment of fees and taxes",
    "ghi nhận đã thực hiện nghĩa vụ tài chính": "record payment of fees and taxes",
    "rút hồ sơ": "withdraw the dossier",
    "dừng giải quyết hồ sơ": "stop processing the dossier",
    "ghi nhận đã có kết quả": "record that the result is ready",
    "trả kết quả": "return the result",
    "xin lỗi và hẹn lại ngày trả kết quả": "apologise and set a new return date",
    "Hồ sơ chưa có kết quả nên chưa thể trả kết quả.": (
        "The dossier has no result yet, so nothing can be returned."
    ),
    "Hồ sơ đang được xử lý, chưa có kết quả để trả.": (
        "The dossier is still being processed; there is no result to return yet."
    ),
    "Kết quả của hồ sơ này đã được trả trước đó.": (
        "The result of this dossier has already been returned."
    ),
    "Hồ sơ không ở trạng thái chờ bổ sung.": "The dossier is not waiting for additional papers.",
    "Hồ sơ đã có kết quả; không cần hẹn lại ngày trả.": (
        "The dossier already has its result; no new return date is needed."
    ),
    "Không thể {action}: hồ sơ chưa được tạo.": (
        "Cannot {action}: the dossier has not been created yet."
    ),
    'Không thể {action} đối với hồ sơ đang ở trạng thái "{status}".': (
        'Cannot {action} while the dossier has status "{status}".'
    ),
    # desk/logsetup.py (shown in F1 by screens/help.py)
    "Nhật ký: {path}": "Log: {path}",
    # data/storage.py
    "Lỗi lưu trữ dữ liệu": "Storage error",
    "Ổ đĩa chứa dữ liệu quầy ({path}) đã đầy: thao tác vừa rồi không được ghi, dữ liệu đã lưu "
    "trước đó không bị ảnh hưởng. Giải phóng dung lượng ổ đĩa rồi làm lại.": (
        "The disk holding the desk's data ({path}) is full: the last action was not saved; data "
        "saved before it is not affected. Free some disk space and try again."
    ),
    "Thư mục dữ liệu {folder} chỉ cho phép đọc: quầy không ghi được vào {path}. Dữ liệu không "
    "bị hỏng; kiểm tra ổ đĩa (gắn ở chế độ chỉ đọc, khóa ghi) hoặc quyền ghi của thư mục.": (
        "The data folder {folder} is read-only: the desk cannot write to {path}. The data is not "
        "damaged; check the disk (mounted read-only, write-protected) or the folder's write "
        "permission."
    ),
    "Không mở được tệp dữ liệu {path}: hệ điều hành từ chối. Kiểm tra quyền đọc, ghi của tệp "
    "và của thư mục {folder}.": (
        "The data file {path} cannot be opened: the operating system refused. Check the read "
        "and write permissions of the file and of the folder {folder}."
    ),
    "Tệp dữ liệu {path} bị hỏng (cấu trúc tệp SQLite bị sai lệch). Đừng ghi thêm vào tệp này: "
    "sao chép giữ lại tệp hỏng, rồi khôi phục từ bản sao lưu gần nhất và báo quản trị viên.": (
        "The data file {path} is damaged (its SQLite structure is corrupt). Do not write to it "
        "any more: keep a copy of the damaged file, restore the latest backup and tell the "
        "administrator."
    ),
    "Tệp {path} rỗng (0 byte): đây không phải dữ liệu của một quầy, và quầy không tự lập văn "
    "phòng mới thay cho nó. Nếu dữ liệu bị mất (ví dụ ổ đĩa đầy khi ghi), khôi phục từ bản sao "
    "lưu; nếu muốn lập quầy mới, xóa tệp rồi chạy `desk init`.": (
        "{path} is empty (0 bytes): it is not a desk's data, and the desk does not set up a new "
        "office in its place. If data was lost (for example the disk filled up while writing), "
        "restore a backup; to set up a new desk, delete the file and run `desk init`."
    ),
    # desk/domain/entry.py (and the field labels its messages name)
    "{field} của {role} có ký tự không hợp lệ (ký tự thứ {position}, mã {code}). Hãy nhập lại "
    "bằng bàn phím, không dán ký tự điều khiển.": (
        "{field} of the {role} holds a character that is not allowed (character {position}, "
        "{code}). Type it again on the keyboard; do not paste control characters."
    ),
    "{field} có ký tự không hợp lệ (ký tự thứ {position}, mã {code}). Hãy nhập lại bằng bàn "
    "phím, không dán ký tự điều khiển.": (
        "{field} holds a character that is not allowed (character {position}, {code}). Type "
        "it again on the keyboard; do not paste control characters."
    ),
    "{field} của {role} dài {length} ký tự, quá giới hạn {limit} ký tự.": (
        "{field} of the {role} is {length} characters long, over the limit of {limit}."
    ),
    "{field} dài {length} ký tự, quá giới hạn {limit} ký tự.": (
        "{field} is {length} characters long, over the limit of {limit}."
    ),
    "Họ tên": "Full name",
    "Trích yếu": "Summary",
    "Địa chỉ nhận kết quả": "Delivery address",
    "Tên thành phần hồ sơ": "Component name",
    "Ghi chú thành phần hồ sơ": "Component note",
    "Nội dung bổ sung": "Item to supplement",
    "Tên đơn vị": "Unit name",
    "Người ký": "Signer",
    "Chức danh người ký": "Signer's title",
    "Nội dung phản ánh": "Feedback text",
    "Nội dung trả lời": "Answer text",
    # desk/domain/person.py
    "Chưa nhập họ tên {role}.": "Enter the full name of the {role}.",
    "Địa chỉ email của {role} không hợp lệ.": "The email address of the {role} is not valid.",
    "Mã số của tổ chức ({role}) phải gồm 10 chữ số, có thể kèm -xxx.": (
        "The organisation's number ({role}) must have 10 digits, optionally followed by -xxx."
    ),
    "Số định danh của {role}: {problem}": "ID number of the {role}: {problem}",
    "Số điện thoại của {role} không hợp lệ (10–11 chữ số, bắt đầu bằng 0 hoặc +84).": (
        "The phone number of the {role} is not valid (10–11 digits, starting with 0 or +84)."
    ),
    # desk/domain/reports.py
    "Tháng {month} không hợp lệ.": "Month {month} is not valid.",
    "Kỳ báo cáo không hợp lệ: dùng YYYY-MM (tháng), YYYY-Qn (quý), YYYY-H1 hoặc YYYY-H2 "
    "(6 tháng), YYYY (năm), hoặc từ ngày..đến ngày, ví dụ 2026-11, 2026-Q4, 2026-H2, 2026, "
    "2026-10-16..2026-11-15.": (
        "Invalid report period: use YYYY-MM (month), YYYY-Qn (quarter), YYYY-H1 or YYYY-H2 "
        "(six months), YYYY (year), or first day..last day, e.g. 2026-11, 2026-Q4, 2026-H2, "
        "2026, 2026-10-16..2026-11-15."
    ),
    "Ngày cuối kỳ {last} trước ngày đầu kỳ {first}.": (
        "The period's last day {last} is before its first day {first}."
    ),
    "Kỳ báo cáo dài quá 10 năm.": "The report period is longer than 10 years.",
    "Ngày {day:02d}/{month:02d}/{year} không có trên lịch.": (
        "{day:02d}/{month:02d}/{year} is not a day of the calendar."
    ),
    "Năm {year} nằm ngoài phạm vi báo cáo (1900–2999).": (
        "Year {year} is outside the reporting range (1900–2999)."
    ),
    # desk/errors.py
    "Lỗi": "Error",
    "Dữ liệu không hợp lệ": "Invalid input",
    "Không tìm thấy": "Not found",
    "Không thực hiện được thao tác": "Action not allowed",
    "Hết dải số hồ sơ": "Dossier numbers used up",
    "Không đăng nhập được": "Login failed",
    "Chưa cấu hình": "Not set up",
    "Dữ liệu không toàn vẹn": "Data integrity failure",
    # desk/services/auth.py
    "Tiếp nhận": "Reception",
    "Lãnh đạo": "Leader",
    "Văn thư": "Records clerk",
    "Quản trị": "Administrator",
    "Vai trò không hợp lệ: {role}. Chọn: reception, leader, clerk, admin.": (
        "Invalid role: {role}. Choose reception, leader, clerk or admin."
    ),
    "Chưa nhập họ tên cán bộ.": "Enter the officer's full name.",
    "Tên đăng nhập {username} đã có.": "The username {username} is already taken.",
    "Tên đăng nhập hoặc mật khẩu không đúng. Còn {left} lần thử trước khi tài khoản bị khóa "
    "{minutes} phút.": (
        "Wrong username or password. {left} attempts left before the account is locked for "
        "{minutes} minutes."
    ),
    "Tài khoản đang bị khóa do nhập sai mật khẩu nhiều lần. Thử lại sau {minutes} phút hoặc nhờ "
    "quản trị viên mở khóa.": (
        "The account is locked after too many wrong passwords. Try again in {minutes} minutes or "
        "ask an administrator to unlock it."
    ),
    "Đã nhập sai mật khẩu {attempts} lần: tài khoản bị khóa {minutes} phút. Thử lại sau hoặc "
    "nhờ quản trị viên mở khóa.": (
        "The password was wrong {attempts} times: the account is locked for {minutes} minutes. Try "
        "again later or ask an administrator to unlock it."
    ),
    "Không tìm thấy cán bộ.": "Officer not found.",
    "Mật khẩu hiện tại không đúng.": "The current password is wrong.",
    "Mật khẩu mới phải khác mật khẩu cũ.": "The new password must be different from the old one.",
    "Tên đăng nhập cần 3–32 ký tự gồm chữ không dấu, chữ số, dấu chấm, gạch nối, gạch dưới.": (
        "A username needs 3–32 characters: letters without accents, digits, dots, hyphens and "
        "underscores."
    ),
    "Mật khẩu cần ít nhất {n} ký tự.": "The password must have at least {n} characters.",
    "Mật khẩu không được chứa tên đăng nhập.": "The password must not contain the username.",
    # desk/services/catalog.py
    "Thủ tục {code} không có trường hợp '{key}'. Các trường hợp: {keys}.": (
        "Procedure {code} has no case '{key}'. Its cases are: {keys}."
    ),
    "Không có thủ tục mã {code} trong danh mục.": (
        "There is no procedure with code {code} in the catalogue."
    ),
    # desk/services/container.py
    "Không tạo được thư mục dữ liệu {path}: {reason}": (
        "Cannot create the data folder {path}: {reason}"
    ),
    # desk/services/dossiers.py
    "Không tìm thấy hồ sơ mã {code}.": "No dossier has the code {code}.",
    # desk/services/files.py
    "Tệp {what} không hợp lệ, chưa ghi gì vào cơ sở dữ liệu ({where}): {detail}": (
        "The {what} file is not valid; nothing was written to the database ({where}): {detail}"
    ),
    # desk/services/intake.py
    "Hồ sơ còn thiếu thành phần bắt buộc: {missing}. Lập Phiếu yêu cầu bổ sung, hoàn thiện hồ "
    "sơ (Mẫu 02) thay cho Giấy tiếp nhận.": (
        "Required papers are missing: {missing}. Issue a request for additional documents (Form "
        "02) instead of the receipt."
    ),
    "Cần ghi rõ ít nhất một nội dung phải bổ sung, hoàn thiện.": (
        "List at least one item that must be added or corrected."
    ),
    "Cần ghi rõ lý do yêu cầu bổ sung.": "Give the reason for requesting additional papers.",
    "Số tiền nghĩa vụ tài chính phải lớn hơn 0.": (
        "The amount of fees and taxes due must be greater than 0."
    ),
    "Cần ghi tên đơn vị nhận hồ sơ để xử lý.": "Enter the unit that will process the dossier.",
    "Cần ghi rõ lý do để {action}.": "Give a reason to {action}.",
    "Kênh tiếp nhận không hợp lệ: {value}.": "Invalid intake channel: {value}.",
    "Hình thức nhận kết quả không hợp lệ: {value}.": (
        "Invalid way of receiving the result: {value}."
    ),
    "Nhận kết quả qua bưu chính cần địa chỉ nhận.": (
        "Receiving the result by post needs a delivery address."
    ),
    "Số bộ hồ sơ phải từ 1 đến 99.": "The number of dossier sets must be from 1 to 99.",
    "Số lượng bản của thành phần '{name}' không được âm.": (
        "The number of copies of '{name}' cannot be negative."
    ),
    # desk/services/ledger.py
    "Không tìm thấy cán bộ mã {officer_id}.": "No officer has the ID {officer_id}.",
    # desk/services/lookup.py
    "Số định danh cần 12 chữ số (hoặc 9 chữ số CMND cũ).": (
        "An ID number has 12 digits (or 9 for an old CMND)."
    ),
    "Nhập ít nhất 2 ký tự của họ tên để tìm.": "Enter at least 2 characters of the name to search.",
    # desk/services/maintenance.py
    "Tệp {path} đã tồn tại; chọn tên khác để không ghi đè.": (
        "The file {path} already exists; choose another name so that it is not overwritten."
    ),
    "Chỉ sao lưu được cơ sở dữ liệu dạng tệp.": (
        "Only a database stored in a file can be backed up."
    ),
    "Không sao lưu được vào {path}: {reason}": "Cannot back up to {path}: {reason}",
    # desk/services/returns.py
    "Rất hài lòng": "Very satisfied",
    "Hài lòng": "Satisfied",
    "Không hài lòng": "Not satisfied",
    "Mức độ hài lòng không hợp lệ: {value}.": "Invalid satisfaction rating: {value}.",
    "Số tiền phí, lệ phí đã thu không được âm.": "The fees collected cannot be negative.",
    "Cần ghi rõ lý do chậm trả kết quả.": "Give the reason why the result is late.",
    "Cần ghi người ký văn bản xin lỗi (thủ trưởng cơ quan, đơn vị).": (
        "Enter who signs the letter of apology (the head of the agency or unit)."
    ),
    "Cần số định danh của người nhận kết quả để đối chiếu.": (
        "The ID number of the person collecting the result is needed for the identity check."
    ),
    "Người nhận kết quả không phải chủ hồ sơ. Cần ghi giấy tờ ủy quyền (văn bản ủy quyền hợp "
    "lệ) trước khi trả kết quả.": (
        "The person collecting the result is not the dossier owner. Record the letter of "
        "authorisation (a valid one) before returning the result."
    ),
    "Hồ sơ đang tạm dừng tính thời gian, chưa có ngày hẹn để hẹn lại.": (
        "The dossier's clock is paused, so it has no return date to reschedule yet."
    ),
    "Hồ sơ đã được hẹn lại {count} lần; quy định chỉ cho phép {limit} lần.": (
        "The dossier has already been rescheduled {count} times; the rules allow only {limit}."
    ),
    "Ngày hẹn mới {day} không phải ngày làm việc; ngày làm việc gần nhất sau đó là {next}.": (
        "The new return date {day} is not a working day; the next working day is {next}."
    ),
    "Ngày hẹn mới phải sau ngày hẹn hiện tại và sau hôm nay.": (
        "The new return date must be after the current return date and after today."
    ),
    # desk/services/settings.py
    "Tên cơ quan không được để trống.": "The agency name cannot be empty.",
    "Máy này đã được khởi tạo cho một cơ quan. Dùng một tệp dữ liệu khác (--db) nếu muốn khởi "
    "tạo cơ quan mới.": (
        "This computer is already set up for an agency. Use another data file (--db) to set up a "
        "new agency."
    ),
    "Máy này chưa được khởi tạo. Chạy `desk init` (hoặc `desk demo` để dùng thử).": (
        "This computer is not set up yet. Run `desk init` (or `desk demo` to try it out)."
    ),
    # screens/app.py
    "Tiếp nhận hôm nay: {n}": "Received today: {n}",
    "Đến hạn hôm nay: {n}": "Due today: {n}",
    "Quá hạn: {n}": "Overdue: {n}",
    "Chờ bổ sung: {n}": "Awaiting additional papers: {n}",
    "Có kết quả chờ trả: {n}": "Results ready to return: {n}",
    "Làm mới": "Refresh",
    "Thoát": "Quit",
    "Bộ phận Một cửa": "One-Stop Office",
    # desk/i18n.py PARAMETER_LABELS: nouns used as message parameters
    "chủ hồ sơ": "dossier owner",
    "người nộp hồ sơ": "submitter",
    "người nhận kết quả": "result collector",
    "người nhận": "collector",
    "thành phần hồ sơ": "dossier components",
    "lịch": "calendar",
    "danh mục": "catalogue",
    "tệp": "file",
    # opening a database, backups, settings
    "Không có dữ liệu quầy tại {path}. Kiểm tra --db (hoặc DESK_DB), hoặc khởi tạo bằng "
    "`desk init` (`desk demo` để dùng thử).": (
        "There is no desk data at {path}. Check --db (or DESK_DB), or set the desk up with "
        "`desk init` (`desk demo` to try it)."
    ),
    "Tệp {path} không phải cơ sở dữ liệu của quầy (hoặc đã hỏng). Kiểm tra lại đường dẫn; nếu "
    "tệp bị hỏng, khôi phục từ bản sao lưu.": (
        "{path} is not a desk database (or it is damaged). Check the path; if the file is "
        "damaged, restore it from a backup."
    ),
    "Không sao lưu được vào {path}: SQLite báo lỗi khi sao chép.": (
        "Could not back up to {path}: SQLite reported an error while copying."
    ),
    "Cấu hình không hợp lệ ({where}): {detail}": "Invalid setting ({where}): {detail}",
    # desk/domain/validation.py: what is wrong with a field, and why a file operation failed
    "thiếu trường bắt buộc": "a required field is missing",
    "có trường không được phép": "this field is not allowed",
    "phải là số nguyên": "must be a whole number",
    "phải là true hoặc false": "must be true or false",
    "phải là chuỗi ký tự": "must be text",
    "không được để trống": "must not be empty",
    "phải là một danh sách": "must be a list",
    "cần ít nhất {min_length} mục": "needs at least {min_length} items",
    "phải là một đối tượng JSON": "must be a JSON object",
    "phải là ngày dạng YYYY-MM-DD": "must be a date like YYYY-MM-DD",
    "phải là giờ dạng HH:MM": "must be a time like HH:MM",
    "phải lớn hơn hoặc bằng {ge}": "must be at least {ge}",
    "phải lớn hơn {gt}": "must be greater than {gt}",
    "phải nhỏ hơn hoặc bằng {le}": "must be at most {le}",
    "phải là một trong các giá trị: {expected}": "must be one of: {expected}",
    "phải là một cặp giá trị": "must be a pair of values",
    "không có tệp hoặc thư mục này": "no such file or folder",
    "không có quyền truy cập": "permission denied",
    "đây là một thư mục, không phải tệp": "this is a folder, not a file",
    "đường dẫn có phần không phải thư mục": "part of the path is not a folder",
    "ổ đĩa đã đầy": "the disk is full",
    "ổ đĩa chỉ cho phép đọc": "the disk is read-only",
    "tệp đã tồn tại": "the file already exists",
    # validator messages (desk/domain/catalog.py, desk/services/calendar.py, settings.py)
    "thủ tục trả trong ngày (same_day) phải có duration bằng 0": (
        "a same-day procedure (same_day) must have duration 0"
    ),
    "thời hạn giải quyết (duration) phải lớn hơn 0": "the time limit (duration) must be above 0",
    "giờ chốt (cutoff) chỉ dùng cho thủ tục trả trong ngày (same_day)": (
        "a cut-off (cutoff) applies only to same-day procedures (same_day)"
    ),
    "mã trường hợp (key) của một thủ tục không được trùng nhau": (
        "the case keys (key) of a procedure must be unique"
    ),
    "các ca làm việc phải có ít nhất một ca, mỗi ca bắt đầu trước khi kết thúc, theo thứ tự "
    "trong ngày và không chồng lên nhau": (
        "working sessions need at least one session, each starting before it ends, in order "
        "through the day and not overlapping"
    ),
    "Ngừng dùng {retired} thủ tục không còn trong danh mục.": (
        "Retired {retired} procedures that are no longer in the catalogue."
    ),
    # printers and print jobs (desk/errors.py, printing/printers/, printing/journal.py)
    "Lỗi máy in": ("Printer error"),
    "Lệnh in không chuyển được từ trạng thái {current} sang {target}.": (
        "A print job cannot go from {current} to {target}."
    ),
    "Không tìm thấy lệnh in số {job}.": ("Print job {job} was not found."),
    "Lỗi không mong muốn khi in ({kind}). Hãy bấm In lại hoặc chọn máy in khác.": (
        "Unexpected error while printing ({kind}). Press Print again or choose another printer."
    ),
    "Lệnh in {job} vẫn đang chờ trên máy in {printer}. Hãy kiểm tra máy in; lệnh in sẽ không được"
    " gửi lại để tránh in trùng.": (
        "Print job {job} is still waiting on printer {printer}. Check the printer; the job will "
        "not be sent again, to avoid printing twice."
    ),
    "Chưa ghi tên máy in sau {kind}: trong phần cài đặt máy in.": (
        "No printer name after {kind}: in the printer settings."
    ),
    "Chưa chọn máy in cho mẫu {form}. Chọn máy in bằng Ctrl+G (trong các máy quản trị viên "
    "cho phép), hoặc nhờ quản trị viên đặt trong Cài đặt.": (
        "No printer is chosen for form {form}. Choose one with Ctrl+G (among those the "
        "administrator allowed), or ask the administrator to set it in Settings."
    ),
    "Cài đặt máy in theo mẫu bị hỏng. Hãy chọn lại máy in.": (
        "The per-form printer settings are damaged. Choose the printers again."
    ),
    "Không tìm thấy máy in {printer}. Hãy kiểm tra máy in đã được cài trên máy tính này, hoặc "
    "chọn máy in khác trong phần cài đặt.": (
        "Printer {printer} was not found. Check that it is installed on this computer, or choose "
        "another printer in the settings."
    ),
    "Máy này chưa cài hệ thống in CUPS (thiếu lệnh {command}). Hãy nhờ quản trị viên cài gói "
    "cups, hoặc chọn máy in khác.": (
        "The CUPS printing system is not installed on this computer (no {command} command). Ask "
        "the administrator to install the cups package, or choose another printer."
    ),
    "Hệ thống in CUPS không trả lời (lệnh {command}). Hãy khởi động lại dịch vụ in hoặc máy tính "
    "rồi in lại.": (
        "The CUPS printing system does not answer (command {command}). Restart the print service "
        "or the computer, then print again."
    ),
    "Máy in {printer} đang tạm dừng ({detail}). Hãy kiểm tra giấy, mực và cáp, bật lại máy in rồi"
    " bấm In lại; lệnh in được giữ lại, không bị mất.": (
        "Printer {printer} is paused ({detail}). Check the paper, toner and cable, resume the "
        "printer, then press Print again; the print job is kept, not lost."
    ),
    "Máy in {printer} không nhận lệnh in: {detail}. Hãy kiểm tra máy in rồi in lại, hoặc chọn máy"
    " in khác.": (
        "Printer {printer} did not accept the job: {detail}. Check the printer and print again, "
        "or choose another printer."
    ),
    "Lệnh in {job} trên máy in {printer} bị huỷ hoặc lỗi. Hãy kiểm tra máy in rồi bấm In lại.": (
        "Print job {job} on printer {printer} was cancelled or failed. Check the printer, then "
        "press Print again."
    ),
    "Máy in {printer} dừng lại khi đang in ({detail}); lệnh in đã được huỷ để không in trùng. Hãy"
    " kiểm tra giấy và máy in, bật lại rồi bấm In lại.": (
        "Printer {printer} stopped while printing ({detail}); the job was cancelled so that it "
        "does not print twice. Check the paper and the printer, resume it, then press Print "
        "again."
    ),
    "Máy in {printer} không in xong sau {seconds} giây; lệnh in đã được huỷ. Hãy kiểm tra máy in "
    "đã bật, còn giấy, rồi bấm In lại.": (
        "Printer {printer} did not finish within {seconds} seconds; the job was cancelled. Check "
        "that the printer is on and has paper, then press Print again."
    ),
    "Chuỗi kết nối máy in nhiệt {connection} không đúng. Hãy dùng dạng usb:04b8:0202, "
    "serial:/dev/ttyUSB0:19200 hoặc tcp:192.168.1.50:9100.": (
        "The thermal printer connection {connection} is not valid. Use the form usb:04b8:0202, "
        "serial:/dev/ttyUSB0:19200 or tcp:192.168.1.50:9100."
    ),
    "Không chuyển được tệp PDF thành ảnh cho máy in nhiệt ({detail}). Hãy cài poppler-utils "
    "(pdftoppm) hoặc chọn máy in khác.": (
        "Could not turn the PDF into an image for the thermal printer ({detail}). Install "
        "poppler-utils (pdftoppm) or choose another printer."
    ),
    "Máy in nhiệt {printer} không in được ({detail}). Hãy kiểm tra cáp USB hoặc mạng, giấy và nắp"
    " máy in, rồi bấm In lại.": (
        "Thermal printer {printer} could not print ({detail}). Check the USB or network cable, "
        "the paper and the printer cover, then press Print again."
    ),
    "Không lưu được tệp PDF vào thư mục {folder} ({detail}). Hãy kiểm tra thư mục còn chỗ trống "
    "và cho phép ghi, hoặc chọn thư mục khác.": (
        "Could not save the PDF in folder {folder} ({detail}). Check that the folder has free "
        "space and can be written, or choose another folder."
    ),
    "Máy này không dùng được máy in Windows (thiếu pywin32). Hãy nhờ quản trị viên cài pywin32, "
    "hoặc chọn máy in khác.": (
        "This computer cannot use Windows printers (pywin32 is missing). Ask the administrator to"
        " install pywin32, or choose another printer."
    ),
    # desk/services/printing.py, desk/cli/printing.py
    "Không có mẫu in {form}. Các mẫu in được: {forms}.": (
        "There is no form {form} to print. Forms that can be printed: {forms}."
    ),
    "Chọn một trong hai: in ra máy in (--printer) hoặc lưu tệp PDF (--out), không chọn cả hai.": (
        "Choose one: print on a printer (--printer) or save a PDF file (--out), not both."
    ),
    "Hồ sơ {code} chưa có ngày hẹn trả kết quả (hồ sơ chưa đủ giấy tờ), nên chưa in được Giấy "
    "tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01).": (
        "Dossier {code} has no appointment date yet (its papers are incomplete), so the receipt "
        "and appointment slip (Form 01) cannot be printed."
    ),
    "Không tìm thấy cơ quan của hồ sơ {code}.": "The office of dossier {code} was not found.",
    "{path} là một thư mục; hãy ghi đường dẫn tệp PDF, ví dụ {path}/phieu.pdf.": (
        "{path} is a folder; give the path of a PDF file, for example {path}/phieu.pdf."
    ),
    "Không có thư mục {folder} để lưu tệp PDF. Hãy tạo thư mục hoặc chọn đường dẫn khác.": (
        "There is no folder {folder} to save the PDF file in. Create the folder or choose "
        "another path."
    ),
    "Không được phép ghi vào thư mục {folder}. Hãy chọn đường dẫn khác.": (
        "Writing to folder {folder} is not allowed. Choose another path."
    ),
    "Lệnh in số {job} không có tệp PDF.": "Print job {job} has no PDF file.",
    "Chưa chọn máy in mặc định. Hãy ghi --printer hoặc chọn máy in trong phần cài đặt.": (
        "No default printer is chosen. Give --printer or choose a printer in the settings."
    ),
    "Lệnh in số {job} chưa in xong sau {seconds} giây. Lệnh in vẫn được giữ lại; hãy kiểm tra "
    "máy in.": (
        "Print job {job} had not finished after {seconds} seconds. The job is kept; check the "
        "printer."
    ),
    "Không ghi được tệp PDF {path}: {reason}": "Could not write the PDF file {path}: {reason}",
    "Tệp lưu trữ {sha256} đã bị thay đổi.": "Stored file {sha256} has been altered.",
    "Không tìm thấy tệp lưu trữ {sha256}.": "Stored file {sha256} was not found.",
    "Không ghi được tệp vào thư mục lưu trữ {folder}: {reason}": (
        "Could not write a file in the storage folder {folder}: {reason}"
    ),
    "Đã lưu {form} của hồ sơ {code} vào tệp {path}.": (
        "Saved {form} of dossier {code} to the file {path}."
    ),
    "Đã in {form} của hồ sơ {code} trên máy in {printer} (lệnh in số {job}).": (
        "Printed {form} of dossier {code} on printer {printer} (print job {job})."
    ),
    "Đây là bản in lại (in lần đầu: lệnh in số {job}).": (
        "This is a reprint (first printed by print job {job})."
    ),
    "Không tìm thấy máy in nào trên máy này.": "No printer was found on this computer.",
    "sẵn sàng": "ready",
    "đang dừng": "stopped",
    "mặc định": "default",
    "Đã in trang thử trên máy in {printer}.": "Printed a test page on printer {printer}.",
    # desk/services/form_data.py
    "Hồ sơ {code} chưa có bước {step}, nên chưa in được {form}.": (
        "Dossier {code} has had no step '{step}' yet, so {form} cannot be printed."
    ),
    "Hồ sơ {code} chưa có văn bản xin lỗi và hẹn lại ngày trả kết quả (desk apologise), "
    "nên chưa in được Mẫu 04.": (
        "Dossier {code} has no apology letter with a new return date yet (desk apologise), "
        "so Form 04 cannot be printed."
    ),
    "Hồ sơ {code} chưa có ngày hẹn trả kết quả, nên chưa in được Phiếu kiểm soát quá trình "
    "giải quyết hồ sơ (Mẫu 06).": (
        "Dossier {code} has no appointment date yet, so the processing control sheet (Form 06) "
        "cannot be printed."
    ),
    "Hồ sơ {code} chưa có ngày hẹn trả kết quả, nên chưa in được Giấy bàn giao hồ sơ.": (
        "Dossier {code} has no appointment date yet, so the hand-over note cannot be printed."
    ),
    # desk/services/printing.py (period documents)
    "Mẫu {form} không in theo kỳ. Các mẫu in theo kỳ: {forms}.": (
        "Form {form} is not printed per period. Period forms: {forms}."
    ),
    "Không in được {what} (lệnh in số {job} được giữ lại để in lại): {reason}": (
        "Could not print {what} (print job {job} is kept for a retry): {reason}"
    ),
    # desk/cli/printing.py (period documents, printer choice)
    "Mẫu {form} in theo kỳ: thêm --period, ví dụ --period 2026-11.": (
        "Form {form} is printed per period: add --period, e.g. --period 2026-11."
    ),
    "Mẫu {form} in theo kỳ, không theo một hồ sơ: bỏ mã hồ sơ, giữ --period.": (
        "Form {form} is printed per period, not per dossier: drop the dossier code, keep --period."
    ),
    "Đã lưu {form} kỳ {period} vào tệp {path}.": "Saved {form} for {period} to {path}.",
    "Đã in {form} kỳ {period} trên máy in {printer} (lệnh in số {job}).": (
        "Printed {form} for {period} on printer {printer} (print job {job})."
    ),
    "Thiếu mã hồ sơ cần in, ví dụ: desk print 000.00.01.H99-261124-0001.": (
        "The dossier code to print is missing, e.g. desk print 000.00.01.H99-261124-0001."
    ),
    "Mẫu {form} in theo hồ sơ: bỏ --period.": "Form {form} is printed per dossier: drop --period.",
    "--reset cần --form (mẫu cần bỏ máy in riêng) và không kèm --printer.": (
        "--reset needs --form (the form whose own printer to drop) and no --printer."
    ),
    "Tên máy in không được để trống.": "The printer name must not be empty.",
    "chưa chọn": "not chosen",
    "Máy in mặc định: {printer}": "Default printer: {printer}",
    "Lệnh in số {job} đã in xong. Muốn in thêm một bản, hãy in lại mẫu đó (bản in lại được "
    "đánh dấu BẢN IN LẠI).": (
        "Print job {job} has already printed. For another copy, print the form again (a reprint "
        "is marked BẢN IN LẠI)."
    ),
    "Không có lệnh in nào.": "No print jobs.",
    "Đã in lệnh in số {job} trên máy in {printer}.": "Printed job {job} on printer {printer}.",
    # printing/printers/escpos.py (status)
    "không kết nối được ({detail})": "cannot connect ({detail})",
    "máy in không báo trạng thái": "the printer reports no status",
    "nắp máy in đang mở": "the printer cover is open",
    "hết giấy": "out of paper",
    "máy in báo lỗi": "the printer reports an error",
    "máy in đang ngoại tuyến": "the printer is offline",
    "sắp hết giấy": "paper nearly out",
    "Máy in nhiệt {printer} chưa in được ({detail}). Hãy kiểm tra giấy và nắp máy in rồi bấm "
    "In lại; lệnh in được giữ lại, không bị mất.": (
        "Thermal printer {printer} cannot print ({detail}). Check the paper and the cover, then "
        "press Print again; the print job is kept, nothing is lost."
    ),
    # desk/services/feedback.py
    "Mới tiếp nhận": "Received",
    "Đã trả lời": "Answered",
    "Trực tiếp tại Bộ phận Một cửa": "In person at the one-stop desk",
    "Điện thoại (đường dây nóng)": "Telephone (hotline)",
    "Thư điện tử": "Email",
    "Văn bản gửi trực tiếp": "Letter handed in",
    "Cổng dịch vụ công (mục Hỏi đáp)": "Public service portal (Q&A)",
    "Hình thức tiếp nhận phản ánh không hợp lệ: {value}. Dùng một trong: {allowed}.": (
        "Invalid feedback channel: {value}. Use one of: {allowed}."
    ),
    "Cần ghi rõ nội dung phản ánh, kiến nghị.": "Write down what the feedback says.",
    "Phản ánh qua thư điện tử cần địa chỉ email để trả lời.": (
        "Feedback by email needs an email address to answer to."
    ),
    "Phản ánh qua điện thoại cần số điện thoại để trả lời.": (
        "Feedback by telephone needs a phone number to answer to."
    ),
    "Cần ghi đơn vị hoặc người được giao xử lý phản ánh.": (
        "Name the unit or person assigned to handle the feedback."
    ),
    "Phản ánh số {number} đã được trả lời, không giao xử lý lại được.": (
        "Feedback {number} has been answered; it cannot be assigned again."
    ),
    "Cần ghi nội dung trả lời người phản ánh.": "Write down the answer given to the sender.",
    "Phản ánh số {number} đã được trả lời rồi.": "Feedback {number} has already been answered.",
    "Không tìm thấy phản ánh số {number}. Xem danh sách: desk feedback list.": (
        "No feedback number {number}. See the list: desk feedback list."
    ),
    # desk/cli/feedback.py
    "{number}  {state}  hạn trả lời {due}  {content}": (
        "{number}  {state}  answer by {due}  {content}"
    ),
    "Đã ghi nhận phản ánh số {number}; hạn trả lời: {due}.": (
        "Recorded feedback {number}; answer by {due}."
    ),
    "Không có phản ánh nào đang chờ trả lời.": "No feedback is waiting for an answer.",
    "(QUÁ HẠN)": "(OVERDUE)",
    "Đã giao phản ánh số {number} cho {unit}.": "Assigned feedback {number} to {unit}.",
    "Đã trả lời phản ánh số {number} đúng hạn.": "Answered feedback {number} on time.",
    "Đã trả lời phản ánh số {number} (quá hạn).": "Answered feedback {number} (late).",
    "Kỳ {period}: tiếp nhận {received}; trả lời đúng hạn {answered_on_time}, quá hạn "
    "{answered_late}; đang xử lý trong hạn {open_on_time}, quá hạn {open_overdue}.": (
        "Period {period}: received {received}; answered on time {answered_on_time}, late "
        "{answered_late}; open within the limit {open_on_time}, overdue {open_overdue}."
    ),
}
