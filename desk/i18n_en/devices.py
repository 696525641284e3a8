"""English renderings of the text of desk/devices and its CLI (token, scan, barcode)."""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # desk/devices/scanning/base.py
    "Lỗi máy quét": "Scanner error",
    "Tệp quét không dùng được": "Unusable scan file",
    "chưa cấu hình": "not configured",
    "không thấy máy quét": "scanner not found",
    "đang bận": "busy",
    "lỗi": "error",
    "Máy quét {source} không trả về trang nào. Hãy đặt giấy vào khay rồi quét lại.": (
        "Scanner {source} returned no page. Put the paper in the tray and scan again."
    ),
    # desk/devices/scanning/files.py
    "Không có tệp {path}. Kiểm tra lại đường dẫn.": "There is no file {path}. Check the path.",
    "{path} là một thư mục, không phải tệp quét. Hãy ghi đường dẫn tệp PDF hoặc ảnh.": (
        "{path} is a folder, not a scan file. Give the path of a PDF or image file."
    ),
    "Không đọc được tệp {path}. Kiểm tra quyền đọc tệp rồi thử lại.": (
        "Cannot read the file {path}. Check the permission to read it and try again."
    ),
    "Tệp {path} rỗng (0 byte): chưa có trang nào.": "The file {path} is empty (0 bytes): no page.",
    "Tệp {path} không phải PDF hay ảnh quét (JPEG, PNG, TIFF). Hãy chọn đúng tệp.": (
        "The file {path} is not a PDF or a scanned image (JPEG, PNG, TIFF). Choose the right file."
    ),
    "Tệp ảnh {path} bị hỏng hoặc chưa ghi xong. Hãy quét lại.": (
        "The image file {path} is damaged or not completely written. Scan again."
    ),
    # desk/devices/scanning/documents.py
    "Chưa chọn tệp quét nào. Hãy ghi ít nhất một tệp PDF hoặc ảnh.": (
        "No scan file given. Give at least one PDF or image file."
    ),
    "Tệp PDF {path} bị hỏng, chưa ghi xong hoặc có mật khẩu. Hãy quét lại.": (
        "The PDF file {path} is damaged, not completely written or password-protected. Scan again."
    ),
    "Bản quét không có trang nào. Hãy quét lại.": "The scan has no page. Scan again.",
    # desk/devices/scanning/pdf.py
    "Trang {page} chỉ có {dpi} dpi; bản sao điện tử theo Nghị định 30/2020 cần ít nhất 200 dpi. "
    "Hãy quét lại ở 200 dpi trở lên (hoặc ghi --dpi nếu tệp ảnh không ghi độ phân giải).": (
        "Page {page} has only {dpi} dpi; an electronic copy under Decree 30/2020 needs at least "
        "200 dpi. Scan again at 200 dpi or more (or give --dpi if the image file does not "
        "record its resolution)."
    ),
    # desk/devices/scanning/sane_backend.py
    "Máy quét {device} đang bận (một chương trình khác đang dùng). Hãy đợi quét xong hoặc đóng "
    "chương trình kia rồi thử lại.": (
        "Scanner {device} is busy (another program is using it). Wait for that scan to finish "
        "or close the other program, then try again."
    ),
    "Máy quét {device} bị kẹt giấy. Hãy gỡ giấy kẹt rồi quét lại.": (
        "Scanner {device} has a paper jam. Clear the jam and scan again."
    ),
    "Nắp máy quét {device} đang mở. Hãy đóng nắp rồi quét lại.": (
        "The cover of scanner {device} is open. Close it and scan again."
    ),
    "Không thấy máy quét {device}. Kiểm tra cáp và nguồn của máy quét, rồi xem danh sách bằng "
    "`desk scanners`.": (
        "Scanner {device} not found. Check its cable and power, then see the list with "
        "`desk scanners`."
    ),
    "Máy quét {device} báo lỗi: {detail}. Hãy kiểm tra máy quét rồi thử lại.": (
        "Scanner {device} reports an error: {detail}. Check the scanner and try again."
    ),
    "Chưa cài phần quét SANE (python-sane). Cài bằng: pip install 'motcua-desk[scan]' (cần gói "
    "libsane-dev).": (
        "SANE scanning (python-sane) is not installed. Install it with: pip install "
        "'motcua-desk[scan]' (needs the libsane-dev package)."
    ),
    "Máy quét {device} không có khay nạp giấy tự động (ADF). Hãy quét từng trang trên mặt kính.": (
        "Scanner {device} has no automatic document feeder (ADF). Scan each page on the glass."
    ),
    # desk/devices/scanning/watched.py
    "Không có thư mục {folder} để nhận tệp quét. Hãy tạo thư mục hoặc sửa đường dẫn trong cài "
    "đặt máy quét.": (
        "There is no folder {folder} to receive scan files. Create it or correct the path in "
        "the scanner settings."
    ),
    "Không được phép đọc thư mục {folder}. Hãy cấp quyền đọc cho tài khoản chạy phần mềm.": (
        "Not allowed to read the folder {folder}. Give the account running the desk permission "
        "to read it."
    ),
    "Chưa nhận được tệp quét nào trong thư mục {folder} sau {seconds} giây. Hãy bấm quét trên "
    "máy quét rồi thử lại.": (
        "No scan file arrived in the folder {folder} within {seconds} seconds. Press scan on "
        "the scanner and try again."
    ),
    # desk/devices/scanning/windows.py
    "Phần mềm chưa hỗ trợ quét trực tiếp qua TWAIN/WIA. Hãy cài máy quét lưu tệp vào một thư mục "
    "và chọn kiểu máy quét “thư mục”, hoặc nhập tệp đã quét.": (
        "Scanning directly through TWAIN/WIA is not supported yet. Set the scanner to save its "
        "files into a folder and choose the “folder” scanner kind, or import scanned files."
    ),
    "Máy quét TWAIN/WIA chỉ có trên Windows, không dùng được trên máy này. Hãy chọn máy quét "
    "SANE, thư mục quét hoặc nhập tệp.": (
        "TWAIN/WIA scanners exist only on Windows and cannot be used on this machine. Choose a "
        "SANE scanner, a scan folder or file import."
    ),
    # desk/devices/scanning/factory.py
    "Cài đặt máy quét không hợp lệ (kiểu {kind}). Hãy chọn lại máy quét.": (
        "The scanner setting is not valid (kind {kind}). Choose the scanner again."
    ),
    "Chưa chọn máy quét cho quầy. Hãy chọn máy quét trong phần cài đặt, hoặc ghi --device, "
    "--folder hay --file.": (
        "No scanner is chosen for this desk. Choose one in the settings, or give --device, "
        "--folder or --file."
    ),
    # desk/services/scanning.py
    "Cài đặt máy quét bị hỏng. Hãy chọn lại máy quét.": (
        "The scanner setting is damaged. Choose the scanner again."
    ),
    "Hồ sơ {code} không có thành phần số {number} (hồ sơ có {count} thành phần). Xem danh sách "
    "bằng `desk lookup {code}`.": (
        "Dossier {code} has no component number {number} (it has {count} components). See the "
        "list with `desk lookup {code}`."
    ),
    # desk/cli/scanning.py
    "{path} là một thư mục; hãy ghi đường dẫn tệp PDF cho {option}, ví dụ {path}/ban-quet.pdf.": (
        "{path} is a folder; give a PDF file path for {option}, for example {path}/ban-quet.pdf."
    ),
    "Không ghi được tệp {path}. Kiểm tra chỗ trống trên đĩa và quyền ghi.": (
        "Cannot write the file {path}. Check the free disk space and the permission to write."
    ),
    "Chọn một nguồn quét: máy quét (--device), thư mục (--folder) hoặc tệp (--file), không chọn "
    "nhiều nguồn cùng lúc.": (
        "Choose one scan source: a scanner (--device), a folder (--folder) or files (--file), "
        "not several at once."
    ),
    "Độ phân giải {dpi} dpi quá thấp: bản sao điện tử theo Nghị định 30/2020 cần ít nhất "
    "200 dpi.": (
        "A resolution of {dpi} dpi is too low: an electronic copy under Decree 30/2020 needs at "
        "least 200 dpi."
    ),
    "Đã quét {pages} trang vào {path} ({size} KB; bản nén {compact} KB).": (
        "Scanned {pages} page(s) into {path} ({size} KB; compact copy {compact} KB)."
    ),
    "Không tìm thấy máy quét nào trên máy này.": "No scanner found on this machine.",
    "đã chọn cho quầy": "chosen for this desk",
    "Đã gắn bản quét {pages} trang vào thành phần {number} của hồ sơ {code} ({size} KB; bản nén "
    "{compact} KB).": (
        "Attached a {pages}-page scan to component {number} of dossier {code} ({size} KB; "
        "compact copy {compact} KB)."
    ),
}
