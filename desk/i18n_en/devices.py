"""English renderings of the text of desk/devices and its CLI (token, scan, barcode)."""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # desk/devices/token_errors.py
    "Lỗi token ký số": "Signing token error",
    "Mã PIN token ký số": "Signing token PIN",
    "Chứng thư số không dùng để ký được": "Certificate cannot be used to sign",
    "Không ký được tài liệu": "Could not sign the document",
    "Chữ ký số không hợp lệ": "Invalid digital signature",
    # desk/devices/token.py
    "Dịch vụ đọc thẻ thông minh không chạy (pcscd trên Linux, Smart Card trên Windows), nên "
    "không thấy token. Khởi động dịch vụ đó (hoặc khởi động lại máy) rồi cắm lại token.": (
        "The smart card service is not running (pcscd on Linux, Smart Card on Windows), so no "
        "token can be seen. Start that service (or restart the computer), then plug the token "
        "in again."
    ),
    "Chưa cắm token ký số. Cắm token vào cổng USB rồi chờ đèn token sáng.": (
        "No signing token is plugged in. Plug the token into a USB port and wait for its light."
    ),
    "Có thiết bị trong đầu đọc (mẫu: {model}) nhưng trình điều khiển token {module} không "
    "nhận ra. Kiểm tra đã cài đúng phần mềm token của nhà cung cấp chữ ký số chưa.": (
        "A device is in the reader (model: {model}) but the token driver {module} does not "
        "recognise it. Check that the signature provider's token software is installed."
    ),
    "Không thấy token có nhãn {label} (token đang cắm: {present}). Cắm đúng token rồi thử lại.": (
        "No token labelled {label} (tokens plugged in: {present}). Plug in the right token and "
        "try again."
    ),
    "Chưa cấu hình token ký số.": "No signing token is configured.",
    # desk/devices/token_certs.py
    "Chứng thư số {label} sẽ hết hạn sau {days} ngày ({until}): liên hệ {issuer} để gia hạn "
    "trước khi hết hạn.": (
        "Certificate {label} expires in {days} days ({until}): contact {issuer} to renew it "
        "before then."
    ),
    "Chứng thư số {label} đã hết hạn từ ngày {until}: không ký được (chưa nhập mã PIN). Liên "
    "hệ {issuer} để gia hạn hoặc cấp chứng thư mới.": (
        "Certificate {label} expired on {until}: it cannot sign (no PIN was asked). Contact "
        "{issuer} to renew it or issue a new one."
    ),
    "Chứng thư số {label} chỉ có hiệu lực từ ngày {since}: chưa ký được. Kiểm tra đồng hồ của "
    "máy tính.": (
        "Certificate {label} is valid only from {since}: it cannot sign yet. Check the "
        "computer's clock."
    ),
    "Chứng thư số {label} không dùng để ký số (mục đích sử dụng khóa: {usage}). Chọn chứng thư "
    "ký số khác trên token (--cert).": (
        "Certificate {label} is not for digital signatures (key usage: {usage}). Choose another "
        "certificate on the token (--cert)."
    ),
    # desk/devices/token_pkcs11.py
    "Không tìm thấy trình điều khiển token (thư viện PKCS#11) {path}. Kiểm tra lại đường dẫn "
    "trong cài đặt, hoặc cài phần mềm token của nhà cung cấp chữ ký số.": (
        "Token driver (PKCS#11 library) {path} not found. Check the path in the settings, or "
        "install the signature provider's token software."
    ),
    "Tệp {path} không phải trình điều khiển token (thư viện PKCS#11): không có hàm "
    "C_GetFunctionList. Chọn đúng tệp .dll/.so do nhà cung cấp chữ ký số cài.": (
        "{path} is not a token driver (PKCS#11 library): it has no C_GetFunctionList. Choose "
        "the .dll/.so file the signature provider installed."
    ),
    "Chưa có trình điều khiển token ký số (thư viện PKCS#11). Cài phần mềm token của nhà cung "
    "cấp chữ ký số, hoặc chỉ đường dẫn tới tệp .dll/.so trong cài đặt ký số.": (
        "No signing token driver (PKCS#11 library) found. Install the signature provider's "
        "token software, or give the path of its .dll/.so file in the signing settings."
    ),
    "Token đã bị khóa mã PIN: không nhập mã PIN nữa.": (
        "The token's PIN is locked: do not enter the PIN again."
    ),
    "Cảnh báo: token báo chỉ còn 1 lần nhập mã PIN. Nhập sai lần này token sẽ bị khóa.": (
        "Warning: the token allows only 1 more PIN attempt. A wrong PIN now locks the token."
    ),
    "Cảnh báo: token ghi nhận đã có lần nhập sai mã PIN kể từ lần đăng nhập đúng gần nhất. "
    "Kiểm tra kỹ trước khi nhập.": (
        "Warning: the token recorded a wrong PIN since the last correct one. Check carefully "
        "before typing."
    ),
    "Token đã bị khóa mã PIN do nhập sai quá số lần cho phép. Chỉ nơi cấp chứng thư số "
    "({issuer}) mới mở khóa được: mang token đến hoặc gọi bộ phận hỗ trợ của họ. Không thử "
    "nhập lại mã PIN.": (
        "The token's PIN is locked after too many wrong attempts. Only the certificate's issuer "
        "({issuer}) can unlock it: take the token to them or call their support. Do not try the "
        "PIN again."
    ),
    "Token đã bị khóa mã PIN do nhập sai quá số lần cho phép. Chỉ tổ chức cung cấp chữ ký số "
    "(CA) đã cấp token mới mở khóa được: liên hệ bộ phận hỗ trợ của họ. Không thử nhập lại mã "
    "PIN.": (
        "The token's PIN is locked after too many wrong attempts. Only the signature provider "
        "(CA) that issued the token can unlock it: contact their support. Do not try the PIN "
        "again."
    ),
    "Máy này chưa cài phần ký số của phần mềm (gói token). Cài lại với "
    "`pip install motcua-desk[token]`.": (
        "The signing part of the software (the token extra) is not installed here. Reinstall "
        "with `pip install motcua-desk[token]`."
    ),
    "Không nạp được trình điều khiển token {path} ({kind}). Cài lại phần mềm token của nhà "
    "cung cấp chữ ký số.": (
        "Could not load the token driver {path} ({kind}). Reinstall the signature provider's "
        "token software."
    ),
    "Trình điều khiển token báo lỗi khi liệt kê token ({kind}). Rút token ra, cắm lại rồi thử "
    "lại.": (
        "The token driver failed while listing tokens ({kind}). Unplug the token, plug it in "
        "again and retry."
    ),
    "Có {n} token cùng nhãn {label}: chỉ cắm một token khi ký.": (
        "{n} tokens share the label {label}: plug in only one token to sign."
    ),
    "Không đọc được chứng thư số trên token {label} ({kind}). Rút token ra, cắm lại rồi thử lại.": (
        "Could not read the certificates on token {label} ({kind}). Unplug the token, plug it "
        "in again and retry."
    ),
    "Chưa nhập mã PIN của token.": "The token PIN was not entered.",
    "Mã PIN không đúng độ dài hoặc có ký tự không hợp lệ (token chưa tính là một lần nhập "
    "sai). Kiểm tra lại rồi nhập lại.": (
        "The PIN has the wrong length or invalid characters (the token did not count it as a "
        "wrong attempt). Check it and type it again."
    ),
    "Mã PIN của token đã hết hạn. Đổi mã PIN bằng phần mềm quản lý token của nhà cung cấp chữ "
    "ký số rồi ký lại.": (
        "The token PIN has expired. Change it with the signature provider's token manager, "
        "then sign again."
    ),
    "Token đã bị rút ra khi đang đăng nhập. Cắm lại rồi thử lại.": (
        "The token was unplugged during login. Plug it in again and retry."
    ),
    "Token báo lỗi khi đăng nhập ({kind}). Rút token ra, cắm lại rồi thử lại.": (
        "The token failed during login ({kind}). Unplug it, plug it in again and retry."
    ),
    "Mã PIN không đúng. Token báo chỉ còn 1 lần thử: nếu nhập sai lần nữa token sẽ bị khóa và "
    "phải mang đến nơi cấp để mở khóa.": (
        "Wrong PIN. The token allows only 1 more attempt: another wrong PIN locks it, and only "
        "its issuer can unlock it."
    ),
    "Mã PIN không đúng. Token không cho biết còn bao nhiêu lần thử (thường bị khóa sau 3 đến "
    "10 lần sai liên tiếp): kiểm tra kỹ rồi mới nhập lại.": (
        "Wrong PIN. The token does not say how many attempts are left (tokens usually lock "
        "after 3 to 10 wrong PINs in a row): check carefully before trying again."
    ),
    # desk/devices/signing.py
    "Chưa cấu hình máy chủ dấu thời gian (TSA): chữ ký ở mức PAdES-B-B, thời gian ký lấy theo "
    "đồng hồ máy này; có thể bổ sung dấu thời gian sau.": (
        "No timestamp server (TSA) is configured: the signature is PAdES-B-B, its time taken "
        "from this computer's clock; a timestamp can be added later."
    ),
    "Không kết nối được máy chủ dấu thời gian (TSA) {url}: chữ ký ở mức PAdES-B-B, thời gian "
    "ký lấy theo đồng hồ máy này; có thể bổ sung dấu thời gian sau.": (
        "Could not reach the timestamp server (TSA) {url}: the signature is PAdES-B-B, its time "
        "taken from this computer's clock; a timestamp can be added later."
    ),
    "Không đọc được phông chữ {path} để vẽ dấu chữ ký. Cài lại phần mềm.": (
        "Could not read the font {path} to draw the signature stamp. Reinstall the software."
    ),
    "Không đọc được ảnh chữ ký hoặc ảnh con dấu trong cài đặt ký số. Chọn lại tệp PNG nền "
    "trong suốt.": (
        "Could not read the signature or seal image from the signing settings. Choose a PNG "
        "with a transparent background again."
    ),
    "Không có chứng thư số nhãn {label} trên token (có: {labels}).": (
        "No certificate labelled {label} on the token (there are: {labels})."
    ),
    "Token không có chứng thư số nào để ký.": "The token has no certificate to sign with.",
    "Token có {n} chứng thư số ({labels}): chọn một bằng --cert NHÃN.": (
        "The token has {n} certificates ({labels}): choose one with --cert LABEL."
    ),
    "Tệp cần ký không phải PDF hợp lệ (hoặc đã hỏng). Xuất lại tệp kết quả rồi ký lại.": (
        "The file to sign is not a valid PDF (or is damaged). Export the result again and sign "
        "it again."
    ),
    "Tệp này đã được ký số trên token rồi; không ký lại lần nữa.": (
        "This file has already been signed with the token; it is not signed twice."
    ),
    "Token không ký được tài liệu ({kind}). Không có tệp nào được ghi. Rút token ra, cắm lại "
    "rồi ký lại.": (
        "The token could not sign the document ({kind}). No file was written. Unplug the token, "
        "plug it in again and sign again."
    ),
    # desk/devices/signature_check.py
    "Tệp không có chữ ký số nào.": "The file has no digital signature.",
    "Mọi chữ ký số trong tệp đều hợp lệ.": "Every digital signature in the file is valid.",
    "Có chữ ký số trong tệp KHÔNG hợp lệ: xem chi tiết từng chữ ký.": (
        "A digital signature in the file is NOT valid: see the details of each signature."
    ),
    "Tệp chứng thư gốc tin cậy không đọc được (cần tệp .pem hoặc .der của chứng thư CA).": (
        "A trusted root certificate file could not be read (a CA certificate .pem or .der file "
        "is needed)."
    ),
    "Tệp không phải PDF hợp lệ (hoặc đã hỏng): không kiểm tra được.": (
        "The file is not a valid PDF (or is damaged): it cannot be checked."
    ),
    "Chữ ký {field} bị hỏng, không đọc được: coi như không hợp lệ.": (
        "Signature {field} is damaged and cannot be read: treated as invalid."
    ),
    "Nội dung đã ký còn nguyên vẹn, chữ ký đúng về mật mã.": (
        "The signed content is intact and the signature is cryptographically correct."
    ),
    "Nội dung đã bị thay đổi sau khi ký, hoặc chữ ký sai: KHÔNG hợp lệ.": (
        "The content was changed after signing, or the signature is wrong: NOT valid."
    ),
    "Chữ ký bao trùm toàn bộ tệp.": "The signature covers the whole file.",
    "Chữ ký KHÔNG bao trùm toàn bộ tệp: có phần được thêm vào sau khi ký, cần xem lại.": (
        "The signature does NOT cover the whole file: something was added after signing; review it."
    ),
    "Chứng thư của người ký dẫn tới một chứng thư gốc tin cậy.": (
        "The signer's certificate leads to a trusted root certificate."
    ),
    "Chứng thư của người ký KHÔNG dẫn tới chứng thư gốc tin cậy nào đã cho (hoặc đã hết hạn): "
    "chưa xác nhận được người ký.": (
        "The signer's certificate does NOT lead to any given trusted root (or has expired): the "
        "signer is not confirmed."
    ),
    "Chữ ký không ghi thời gian ký.": "The signature records no signing time.",
    "Thời gian ký {at}, có dấu thời gian của máy chủ TSA.": (
        "Signed at {at}, with a timestamp from a TSA server."
    ),
    "Thời gian ký {at} theo đồng hồ máy của người ký (không có dấu thời gian TSA).": (
        "Signed at {at} by the signer's computer clock (no TSA timestamp)."
    ),
    "Chưa kiểm tra tình trạng thu hồi chứng thư (cần mạng).": (
        "Certificate revocation was not checked (needs the network)."
    ),
    # desk/services/signing.py
    "Không đọc được tệp chứng thư gốc tin cậy {path}: {reason}": (
        "Could not read the trusted root certificate file {path}: {reason}"
    ),
    # desk/cli/token.py
    "Không thấy token nào.": "No token found.",
    "Token {label} ({model})": "Token {label} ({model})",
    "Cấp bởi: {issuer}": "Issued by: {issuer}",
    "Số hiệu {serial}, hiệu lực {since} đến {until}, mục đích: {usage}": (
        "Serial {serial}, valid {since} to {until}, usage: {usage}"
    ),
    "Trạng thái: {status}": "State: {status}",
    "Trình điều khiển: {module}": "Driver: {module}",
    "Dịch vụ đọc thẻ: {status}": "Smart card service: {status}",
    "Không đọc được mã PIN từ --pin-fd {fd}: {reason}": (
        "Could not read the PIN from --pin-fd {fd}: {reason}"
    ),
    "Không có bàn phím để nhập mã PIN: chạy trong cửa sổ lệnh, hoặc đưa mã PIN qua --pin-fd.": (
        "No keyboard to type the PIN: run in a terminal, or pass the PIN through --pin-fd."
    ),
    "Mã PIN của token {label}:": "PIN of token {label}:",
    "Đang cắm {n} token ({labels}): chọn một bằng --token NHÃN.": (
        "{n} tokens are plugged in ({labels}): choose one with --token LABEL."
    ),
    "Không đọc được tệp PDF {path}: {reason}": "Could not read the PDF file {path}: {reason}",
    "Token đã bị rút ra. Cắm lại rồi thử lại.": "The token was unplugged. Plug it in and retry.",
    "Đã ký và lưu vào {path} ({level}).": "Signed and saved to {path} ({level}).",
}
