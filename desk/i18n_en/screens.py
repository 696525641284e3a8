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
}
