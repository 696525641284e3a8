"""English renderings of scanning at the counter: the scan dialog, the file picker, the
component scans of intake and the dossier screen, the document scanner in the status line."""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # desk/services/scan_batch.py
    "Thành phần '{name}' chưa có trang quét nào: hãy quét trước khi xác nhận.": (
        "Component '{name}' has no scanned page yet: scan before confirming."
    ),
    "Hãy chọn một trang trong danh sách trước.": "Choose a page in the list first.",
    # screens/component_scans.py
    "{number}. {name}: {pages} trang · bản pháp lý {legal} · bản gọn {compact}": (
        "{number}. {name}: {pages} pages · legal copy {legal} · compact copy {compact}"
    ),
    "gắn bản quét: {name} ({pages} trang)": "scan attached: {name} ({pages} pages)",
    "Bản quét:": "Scans:",
    "Hồ sơ {code} đã được tiếp nhận, nhưng chưa gắn được bản quét của '{name}': {reason} Hãy "
    "quét lại thành phần này trên màn hình hồ sơ (F3, rồi F5).": (
        "Dossier {code} was received, but the scan of '{name}' could not be attached: {reason} "
        "Scan this component again on the dossier screen (F3, then F5)."
    ),
    "Chưa gắn được bản quét": "Scan not attached",
    # screens/dossier.py, screens/intake.py
    "Quét": "Scan",
    "Đã gắn bản quét {pages} trang vào '{name}'.": "Attached a {pages}-page scan to '{name}'.",
    "F5: quét giấy tờ của thành phần đang chọn": "F5: scan the papers of the chosen component",
    # screens/file_picker.py
    "Thư mục này không có tệp PDF hay ảnh nào.": "This folder has no PDF or image file.",
    "Chọn tệp quét (PDF hoặc ảnh)": "Pick a scanned file (PDF or image)",
    "Không mở được thư mục {folder}. Kiểm tra đường dẫn và quyền đọc.": (
        "Could not open the folder {folder}. Check the path and the read permission."
    ),
    # screens/scan_dialog.py
    "Quét lại trang": "Rescan page",
    "Bỏ trang": "Remove page",
    "Chọn tệp": "Pick a file",
    "Xác nhận": "Confirm",
    "Trang": "Page",
    "Điểm ảnh": "Pixels",
    "dpi": "dpi",
    "Đang quét…": "Scanning…",
    "Đang quét… đã nhận {n} trang": "Scanning… {n} pages received",
    "{pages} trang · bản pháp lý {legal} · bản gọn {compact}": (
        "{pages} pages · legal copy {legal} · compact copy {compact}"
    ),
    "Đang quét lại trang {n}…": "Rescanning page {n}…",
    "Đang bỏ trang…": "Removing the page…",
    "Chưa có trang nào: bấm F5 để quét, hoặc Esc để thôi.": (
        "No page yet: press F5 to scan, or Esc to stop."
    ),
    "Chưa có trang nào: bấm F5 để quét.": "No page yet: press F5 to scan.",
    "Sẵn sàng.": "Ready.",
    "Chưa có trang nào.": "No page yet.",
    "Quét thành phần: {name}": "Scanning component: {name}",
    "F5 quét (thêm trang) · F6 quét lại trang chọn · Delete bỏ trang · F7 chọn tệp · Ctrl+S "
    "xác nhận · Esc hủy": (
        "F5 scan (more pages) · F6 rescan the chosen page · Delete remove page · F7 pick a file · "
        "Ctrl+S confirm · Esc cancel"
    ),
    "Đang đọc tệp…": "Reading the file…",
    # screens/scanner_state.py
    "Máy quét giấy: {state}": "Document scanner: {state}",
    "Máy quét giấy: đang quét": "Document scanner: scanning",
}
