"""English renderings of the day's queues at the counter: hand-over to the processing unit,
the online inbox and the quarantined sync commands on home, same-day return."""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # desk/services/handover.py
    "Chưa chọn hồ sơ nào để bàn giao: đánh dấu hồ sơ bằng phím cách.": (
        "No dossier chosen to hand over: mark dossiers with the space bar."
    ),
    # desk/services/printing.py
    "Chưa chọn hồ sơ nào để in Giấy bàn giao hồ sơ.": (
        "No dossier chosen to print a hand-over note for."
    ),
    # screens/app.py, screens/commands.py
    "Bàn giao": "Hand over",
    "Bàn giao hồ sơ": "Hand over dossiers",
    "Hồ sơ chờ bàn giao cho đơn vị xử lý, in Giấy bàn giao (F12)": (
        "Dossiers waiting for the processing unit, print the hand-over note (F12)"
    ),
    # screens/handover.py
    "{at} — còn {hours} giờ": "{at} — {hours} h left",
    "{at} — QUÁ HẠN {hours} giờ": "{at} — OVERDUE by {hours} h",
    "Chọn/bỏ": "Mark/unmark",
    "Chọn tất cả": "Mark all",
    "Chủ hồ sơ": "Owner",
    "Hạn bàn giao": "Hand over by",
    "Chờ bàn giao: {n} hồ sơ, quá hạn {overdue} (hạn: {hours} giờ làm việc sau khi tiếp nhận)": (
        "Waiting for hand-over: {n} dossiers, {overdue} overdue (limit: {hours} working hours "
        "after receipt)"
    ),
    "Đã bàn giao {n} hồ sơ.": "Handed over {n} dossiers.",
    "Phím cách: chọn/bỏ · Ctrl+A: chọn tất cả · Ctrl+S: bàn giao và in Giấy bàn giao hồ sơ": (
        "Space: mark/unmark · Ctrl+A: mark all · Ctrl+S: hand over and print the hand-over note"
    ),
    "Đơn vị nhận": "Receiving unit",
    # screens/queues.py
    "Chờ bàn giao: {n} (F12)": "Waiting for hand-over: {n} (F12)",
    "quá hạn bàn giao: {n}": "hand-over overdue: {n}",
    "Trực tuyến chờ xem xét: {n} (Ctrl+O)": "Online, waiting for review: {n} (Ctrl+O)",
    "Lệnh đồng bộ bị từ chối: {n} (Ctrl+Y)": "Sync commands refused: {n} (Ctrl+Y)",
    "— hạn gần nhất {at}": "— nearest deadline {at}",
    "quá hạn xem xét: {n}": "review overdue: {n}",
    # screens/quarantine.py, screens/app.py, screens/commands.py
    "Lệnh bị từ chối": "Refused commands",
    "Lệnh đồng bộ máy chủ từ chối: xem lý do, thử lại, xuất tệp (Ctrl+Y)": (
        "Sync commands the server refused: read the reason, retry, export (Ctrl+Y)"
    ),
    "Lý do: {reason}": "Reason: {reason}",
    "Thử lại lệnh": "Retry command",
    "Thử lại tất cả": "Retry all",
    "Xuất tệp": "Export",
    "Lệnh": "Command",
    "Mã lý do": "Reason code",
    "Lệnh đồng bộ bị máy chủ từ chối: {n}": "Sync commands refused by the server: {n}",
    "Đã đưa {n} lệnh trở lại hàng đợi; lần đồng bộ tới sẽ gửi lại.": (
        "Put {n} command(s) back in the queue; the next sync sends them again."
    ),
    "Đã ghi {n} lệnh vào {path}.": "Wrote {n} command(s) to {path}.",
    "Xuất lệnh bị từ chối": "Export the refused commands",
    "Ctrl+R: thử lại lệnh đang chọn · Ctrl+T: thử lại tất cả · Ctrl+E: xuất tệp JSON cho quản "
    "trị viên": (
        "Ctrl+R: retry the chosen command · Ctrl+T: retry all · Ctrl+E: export a JSON file for "
        "the administrator"
    ),
    "Tệp JSON": "JSON file",
    # desk/services/immediate.py, screens/immediate.py
    "Cơ quan chưa cho phép trả kết quả ngay. Hãy tiếp nhận và hẹn trả như thường lệ.": (
        "The office does not allow returning at once. Receive and give an appointment as usual."
    ),
    "Thủ tục {code} không phải thủ tục giải quyết trong ngày, nên không trả ngay được. Hãy "
    "tiếp nhận và in giấy hẹn.": (
        "Procedure {code} is not a same-day procedure, so it cannot be returned at once. "
        "Receive it and print the appointment slip."
    ),
    "Hồ sơ chưa đầy đủ thì không trả ngay được: hãy yêu cầu bổ sung (Mẫu 02).": (
        "An incomplete dossier cannot be returned at once: request a supplement (Mẫu 02)."
    ),
    "Trả kết quả ngay (thủ tục giải quyết trong ngày, không in giấy hẹn)": (
        "Return the result at once (same-day procedure, no appointment slip)"
    ),
    "Đã tiếp nhận và trả kết quả ngay hồ sơ {code}.": (
        "Dossier {code} received and its result returned at once."
    ),
}
