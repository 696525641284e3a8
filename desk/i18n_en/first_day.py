"""English renderings of the TUI text added for a new officer's first day (issue 15)."""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # desk/services/lookup.py
    "Số thứ tự hồ sơ từ 0001 đến 9999.": "A dossier's number is 0001 to 9999.",
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
