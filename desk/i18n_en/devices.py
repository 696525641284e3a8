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
    # desk/cli/scanning.py (scanner choice)
    "Chọn một trong: {options}, không chọn nhiều cùng lúc.": (
        "Choose one of: {options}, not several at once."
    ),
    "Không có thư mục {folder}. Hãy tạo thư mục hoặc chọn thư mục khác.": (
        "There is no folder {folder}. Create it or choose another folder."
    ),
    "Máy quét của quầy: {kind} {where}": "The desk's scanner: {kind} {where}",
}
