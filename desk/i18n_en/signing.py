"""English for signing results at the desk: the TUI flow, the token in the status line, the
role rule and the signed result at return and on the tracking page."""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # desk/cli/token.py
    "Đã bổ sung cho kết quả hồ sơ {code} ({level}).": (
        "The result of dossier {code} was completed ({level})."
    ),
    # desk/devices/signature_check.py
    "Dấu thời gian tài liệu của máy chủ TSA lúc {at}: còn nguyên vẹn.": (
        "Document timestamp from the TSA at {at}: intact."
    ),
    "Dấu thời gian tài liệu bị hỏng hoặc sai: KHÔNG hợp lệ.": (
        "The document timestamp is damaged or wrong: NOT valid."
    ),
    "Chữ ký bao trùm toàn bộ tệp, trừ phần bổ sung sau để kiểm tra lâu dài (dữ liệu thu hồi "
    "chứng thư, dấu thời gian tài liệu).": (
        "The signature covers the whole file except what was added later for long-term "
        "validation (certificate revocation data, a document timestamp)."
    ),
    # desk/devices/signing.py
    "Không lấy được dữ liệu thu hồi (OCSP/CRL) của chứng thư: chữ ký ở mức PAdES-B-T; có thể "
    "bổ sung sau để kiểm tra lâu dài.": (
        "The certificate's revocation data (OCSP/CRL) could not be fetched: the signature is "
        "PAdES-B-T; it can be completed later for long-term validation."
    ),
    # desk/devices/signing_ltv.py
    "Tệp không có chữ ký số nào để bổ sung dấu thời gian.": (
        "The file has no signature to add a timestamp to."
    ),
    "Không bổ sung được dữ liệu kiểm tra lâu dài cho tệp đã ký ({kind}): tệp vẫn giữ nguyên như "
    "cũ. Kiểm tra kết nối tới máy chủ dấu thời gian và CA rồi thử lại.": (
        "Long-term validation data could not be added to the signed file ({kind}); the file is "
        "unchanged. Check the connection to the timestamp server and the CA, then try again."
    ),
    # desk/services/signing.py
    "Hồ sơ {code} chưa có kết quả ký số để bổ sung.": (
        "Dossier {code} has no signed result to complete."
    ),
    "Cán bộ này không được ký số kết quả: theo quy định của cơ quan, chỉ cán bộ có vai trò "
    "được giao (lãnh đạo, văn thư) mới ký. Quản trị viên giao vai trò ở F8.": (
        "This officer may not sign results: by the office's rule only officers with a signing "
        "role (leader, records clerk) sign. An administrator gives roles with F8."
    ),
    # screens/officers.py
    "Đổi vai trò": "Change role",
    "Đổi vai trò — {username}": "Change role — {username}",
    # screens/sign_action.py
    "Ký số kết quả": "Sign the result",
    "Đã ký số kết quả hồ sơ {code} ({level}).": "Result of dossier {code} signed ({level}).",
    "Kết quả đã ký số ({level}, {kb} KB): in và trao cho công dân khi trả kết quả.": (
        "Signed result ({level}, {kb} KB): printed and handed to the citizen at return."
    ),
    "Kết quả ký số": "Signed result",
    # screens/sign_result.py, screens/sign_token.py
    "Chưa chọn tệp kết quả (PDF) để ký.": "Choose the result file (PDF) to sign.",
    "Tệp {path} không phải tệp PDF.": "The file {path} is not a PDF file.",
    "Token: {label} ({model})": "Token: {label} ({model})",
    "{label}: {holder}, hiệu lực đến {until}": "{label}: {holder}, valid until {until}",
    "Đang ký…": "Signing…",
    "Tệp kết quả do bộ phận chuyên môn gửi ({kb} KB).": (
        "Result file sent by the processing unit ({kb} KB)."
    ),
    "Chưa có tệp kết quả từ bộ phận chuyên môn: chọn tệp PDF cần ký.": (
        "No result file from the processing unit: choose the PDF to sign."
    ),
    "Đang cắm {n} token ({labels}): chỉ cắm một token khi ký.": (
        "{n} tokens are plugged in ({labels}): plug in only one token to sign."
    ),
    "Không đọc được token.": "The token could not be read.",
    "Chủ chứng thư: {holder}\nNơi cấp: {issuer} — hiệu lực đến {until}": (
        "Certificate holder: {holder}\nIssued by: {issuer} — valid until {until}"
    ),
    "Ký số kết quả — {code}": "Sign the result — {code}",
    "Đang đọc token…": "Reading the token…",
    "Đường dẫn tệp kết quả (PDF) để ký": "Path of the result file (PDF) to sign",
    "Mã PIN token (đang kiểm tra token…)": "Token PIN (checking the token…)",
    "Nhập mã PIN token rồi nhấn Enter": "Type the token PIN, then press Enter",
    "Ký số (Enter)": "Sign (Enter)",
    "Token đang được kiểm tra: nhấn Enter lần nữa khi sẵn sàng.": (
        "The token is still being checked: press Enter again when it is ready."
    ),
    # sync/server/routes_public.py
    "Tải kết quả đã ký số (PDF)": "Download the signed result (PDF)",
    # screens/token_watch.py
    "Token: {label} sẵn sàng": "Token: {label} ready",
    "Token: đang dùng để ký": "Token: in use for signing",
    "Token: chưa cài trình điều khiển": "Token: no driver installed",
    "Token: chưa cắm": "Token: not plugged in",
    "Token: không có dịch vụ đọc thẻ": "Token: no card reader service",
    "Token: bị khóa mã PIN": "Token: PIN locked",
    "Token: lỗi, rút ra cắm lại": "Token: error, unplug and plug in again",
}
