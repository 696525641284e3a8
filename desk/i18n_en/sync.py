"""English renderings of the text of sync/ (desk side and server) and the sync CLI."""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    "Phiếu hẹn từ nay in mã QR dẫn tới trang tra cứu {url}.": (
        "From now on, slips print a QR code that opens the tracking page {url}."
    ),
    # desk/cli/sync.py
    "Đã đăng ký quầy với máy chủ. Dải số hồ sơ: {range}.": (
        "The desk is enrolled with the server. Dossier number range: {range}."
    ),
    "Cảnh báo: quầy đã cấp mã hồ sơ ngoài dải số này; các hồ sơ đó sẽ bị máy chủ từ chối và "
    "hiện trong danh sách cách ly (`desk sync quarantine`).": (
        "Warning: this desk has issued dossier codes outside this range; the server will refuse "
        "those dossiers and they will appear in the quarantine list (`desk sync quarantine`)."
    ),
    "Không có lệnh nào bị cách ly.": "No command is quarantined.",
    "Đã đưa {count} lệnh trở lại hàng đợi.": "{count} command(s) put back in the queue.",
    "Đã lưu {count} lệnh vào {path}.": "Saved {count} command(s) to {path}.",
    "Chưa đăng ký máy chủ": "Not enrolled with a server",
    "Trực tuyến": "Online",
    "Ngoại tuyến": "Offline",
    "{commands} lệnh, {kb} KB chờ gửi": "{commands} command(s), {kb} KB waiting to be sent",
    "còn khoảng {minutes} phút": "about {minutes} min left",
    "{count} lệnh bị từ chối": "{count} command(s) refused",
    "Ngoại tuyến: chưa liên lạc được máy chủ; dữ liệu vẫn được giữ để gửi sau.": (
        "Offline: the server could not be reached; everything is kept to be sent later."
    ),
    "Đã đồng bộ: {applied} lệnh mới, {duplicates} lệnh trùng, {quarantined} lệnh bị từ chối, "
    "{blobs} tệp, {changes} thay đổi từ máy chủ.": (
        "Synchronised: {applied} new command(s), {duplicates} duplicate(s), {quarantined} "
        "refused, {blobs} file(s), {changes} change(s) from the server."
    ),
    # desk/services/sync.py
    "Địa chỉ máy chủ phải bắt đầu bằng https:// (ví dụ https://motcua.example.vn).": (
        "The server address must start with https:// (e.g. https://motcua.example.vn)."
    ),
    "Không kết nối được máy chủ {server}. Kiểm tra địa chỉ và đường truyền rồi thử lại.": (
        "Could not connect to the server {server}. Check the address and the link, then try again."
    ),
    "Quầy chưa đăng ký với máy chủ. Chạy `desk enrol --server URL --code MÃ-ĐĂNG-KÝ` trước.": (
        "This desk is not enrolled with a server. Run `desk enrol --server URL --code "
        "ENROLMENT-CODE` first."
    ),
    "Đồng hồ của máy lệch {seconds} giây so với máy chủ. Chỉnh lại giờ máy: ngày hẹn trả in "
    "trên giấy tiếp nhận phụ thuộc vào giờ này.": (
        "This computer's clock is {seconds} seconds off the server's. Set the clock right: the "
        "appointment printed on the receipt depends on it."
    ),
    # sync/client.py, sync/server/errors.py
    "Máy chủ từ chối": "Refused by the server",
    # sync/server/app.py
    "Yêu cầu không hợp lệ (trường {field}).": "Invalid request (field {field}).",
    "Máy chủ không có địa chỉ hoặc thao tác này.": "The server has no such address or operation.",
    "Lỗi máy chủ; yêu cầu chưa được ghi. Quầy sẽ tự gửi lại sau.": (
        "Server error; the request was not recorded. The desk will send it again later."
    ),
    # sync/server/auth.py
    "Dải số {range} trùng với dải {other} của một quầy khác cùng cơ quan.": (
        "The range {range} overlaps the range {other} of another desk of the same agency."
    ),
    "Mã đăng ký không đúng, đã dùng hoặc đã hết hạn. Xin quản trị viên máy chủ cấp mã mới.": (
        "The enrolment code is wrong, already used or expired. Ask the server administrator "
        "for a new one."
    ),
    "Mã đăng ký này dành cho cơ quan {expected}, không phải {given}.": (
        "This enrolment code is for agency {expected}, not {given}."
    ),
    "Quầy này đã được đăng ký với máy chủ.": "This desk is already enrolled with the server.",
    "Quầy chưa được xác thực với máy chủ. Đăng ký lại bằng `desk enrol`.": (
        "The desk is not authenticated with the server. Enrol again with `desk enrol`."
    ),
    # sync/server/backoffice.py
    "Cần ghi rõ nội dung yêu cầu bổ sung.": "State what must be supplemented.",
    # sync/server/blobs.py
    "Tệp quá lớn hoặc rỗng ({size} byte); giới hạn của máy chủ là {limit} byte.": (
        "The file is too large or empty ({size} bytes); the server's limit is {limit} bytes."
    ),
    "Máy chủ chưa có phiên tải lên cho tệp này.": "The server has no upload for this file yet.",
    "Vị trí tải lên không khớp ({given}, máy chủ đang có {offset}).": (
        "Upload offset mismatch ({given}; the server has {offset})."
    ),
    "Dữ liệu gửi lên dài hơn kích thước đã khai báo của tệp.": (
        "The data sent is longer than the declared size of the file."
    ),
    "Tệp tải lên không khớp mã băm SHA-256; máy chủ đã hủy bản tải lên này.": (
        "The uploaded file does not match its SHA-256; the server discarded this upload."
    ),
    "Không tìm thấy tệp {sha256}.": "File {sha256} not found.",
    "Tệp kết quả {sha256} chưa được tải lên máy chủ.": (
        "The result file {sha256} has not been uploaded to the server."
    ),
    "Kích thước tệp khác với bản đang tải lên dở trên máy chủ.": (
        "The file size differs from the upload in progress on the server."
    ),
    # sync/server/chain.py
    "Nhật ký của hồ sơ {code} trên máy chủ không toàn vẹn; thao tác chưa được ghi. Báo cho "
    "quản trị viên máy chủ.": (
        "The audit log of dossier {code} on the server is broken; the action was not recorded. "
        "Tell the server administrator."
    ),
    # sync/server/cli.py
    "Cơ sở dữ liệu máy chủ đã ở phiên bản mới nhất.": "The server database is up to date.",
    "Mã đăng ký (dùng một lần, hết hạn sau 7 ngày): {code}": (
        "Enrolment code (single use, expires in 7 days): {code}"
    ),
    "Khóa quầy: {key}": "Desk key: {key}",
    "Trạng thái đích không hợp lệ: {value}; chọn processing, supplement hoặc result-ready.": (
        "Invalid target status: {value}; choose processing, supplement or result-ready."
    ),
    "Hồ sơ {code}: trạng thái {status}.": "Dossier {code}: status {status}.",
    "Không đọc được tệp kết quả {path}.": "Could not read the result file {path}.",
    # sync/server/dossiers.py
    "{reason}": "{reason}",
    # sync/server/feed.py
    "Con trỏ đồng bộ không hợp lệ; hãy đồng bộ lại từ đầu.": (
        "Invalid sync cursor; synchronise again from the start."
    ),
    # sync/server/routes_desk.py
    "Gói lệnh không hợp lệ (trường {field}); không lệnh nào được ghi.": (
        "Invalid command batch (field {field}); no command was recorded."
    ),
    "Phiên bản giao thức {version} không được máy chủ hỗ trợ; hãy cập nhật phần mềm.": (
        "Protocol version {version} is not supported by the server; update the software."
    ),
    "Chỉ tài khoản xử lý hồ sơ (back office) mới được chuyển trạng thái hồ sơ.": (
        "Only a back-office account may change a dossier's status."
    ),
    "Mã băm SHA-256 không hợp lệ.": "Invalid SHA-256.",
    "Yêu cầu quá lớn (giới hạn {limit} byte).": "Request too large (limit {limit} bytes).",
    # sync/server/routes_public.py
    "Mã hồ sơ": "Dossier code",
    "Trạng thái": "Status",
    "Ngày hẹn trả kết quả": "Appointment for the result",
    "Tra cứu hồ sơ": "Dossier tracking",
    # sync/server/store.py
    "Máy chủ đang bận với một thao tác trùng; lệnh sẽ được gửi lại.": (
        "The server is busy with an identical operation; the command will be sent again."
    ),
    "Lệnh không phải của quầy đang kết nối.": "The command is not from the connected desk.",
    "Hồ sơ {code} không thuộc cơ quan của quầy này.": (
        "Dossier {code} does not belong to this desk's agency."
    ),
    "Số thứ tự của hồ sơ {code} nằm ngoài dải số cấp cho quầy ({start:04d}-{end:04d}).": (
        "The sequence number of dossier {code} is outside the desk's range ({start:04d}-{end:04d})."
    ),
    "Mã hồ sơ {code} đã có trên máy chủ; số đã cấp không được dùng lại.": (
        "Dossier code {code} already exists on the server; an issued number is never reused."
    ),
    "Mã băm của lệnh không khớp nội dung; lệnh có thể đã bị hỏng trên đường truyền.": (
        "The command's hash does not match its content; it may have been damaged in transit."
    ),
    "Mã lệnh {command_id} đã được dùng cho một lệnh khác; lệnh này không được áp dụng.": (
        "Command id {command_id} was already used for a different command; this one was not "
        "applied."
    ),
    "Máy chủ không biết loại lệnh {type}.": "The server does not know the command type {type}.",
    "Nội dung lệnh không hợp lệ (trường {field}).": "Invalid command content (field {field}).",
    # sync/server/track.py
    "Không tìm thấy hồ sơ. Kiểm tra lại mã hồ sơ và mã tra cứu in trên giấy tiếp nhận.": (
        "Dossier not found. Check the dossier code and the lookup code printed on the receipt."
    ),
    "Tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút.": (
        "Too many look-ups. Please try again in a few minutes."
    ),
    # sync/server/cli.py (notifications)
    "Đã gửi {count} thông báo.": "Sent {count} notifications.",
    "Hồ sơ {code} chưa có thông báo nào.": "Dossier {code} has no notifications yet.",
    # sync/server/records.py
    "Phản ánh này không thuộc cơ quan của quầy.": (
        "This feedback does not belong to the desk's agency."
    ),
    # desk/cli/online.py
    "QUÁ HẠN {hours} giờ làm việc": "OVERDUE by {hours} working hours",
    "còn {hours} giờ làm việc": "{hours} working hours left",
    "{code}  nộp {submitted}  hạn xem xét {due} ({left})  {procedure}": (
        "{code}  submitted {submitted}  review by {due} ({left})  {procedure}"
    ),
    "(thiếu tệp: {missing})": "(files missing: {missing})",
    "Không có hồ sơ trực tuyến nào chờ xem xét.": "No online dossier is awaiting review.",
    "Đã tiếp nhận hồ sơ {code}; hẹn trả kết quả: {due}.": (
        "Dossier {code} accepted; result appointment: {due}."
    ),
    # desk/services/online.py
    "Hồ sơ {code} không phải hồ sơ nộp trực tuyến; dùng các lệnh tiếp nhận tại quầy.": (
        "Dossier {code} was not submitted online; use the counter's intake commands."
    ),
    "Hồ sơ {code} chưa có tệp của thành phần bắt buộc: {missing}. Chưa tiếp nhận được; hãy yêu "
    "cầu bổ sung, hoàn thiện hồ sơ (liệt kê đủ các thành phần còn thiếu trong một lần).": (
        "Dossier {code} has no file for the required component(s): {missing}. It cannot be "
        "accepted; request a supplement instead (list everything missing in one go)."
    ),
    # desk/services/returns.py (online dossiers)
    "Hồ sơ {code} nộp trực tuyến một phần: cần đối chiếu bản chính công dân mang đến với các tệp "
    "đã nộp trực tuyến và ghi nhận đã đối chiếu trước khi trả kết quả.": (
        "Dossier {code} was submitted partly online: compare the originals the citizen brought "
        "with the uploaded files and record that you did before returning the result."
    ),
    # sync/server/auth.py (online range)
    "Dải số {range} trùng với dải {online} mà máy chủ dành cho hồ sơ nộp trực tuyến của cơ quan. "
    "Chọn dải khác cho quầy (hoặc đổi dải trực tuyến bằng `desk-server agency online-range`).": (
        "Range {range} overlaps {online}, which the server keeps for the agency's online "
        "dossiers. Choose another range for the desk (or move the online range with "
        "`desk-server agency online-range`)."
    ),
    # sync/server/cli.py (online dossiers)
    "Đã tạo hồ sơ trực tuyến {code} (trạng thái {status}); mã tra cứu {lookup}.": (
        "Online dossier {code} created (status {status}); lookup code {lookup}."
    ),
    "Dải số hồ sơ trực tuyến của cơ quan {agency}: {range}.": (
        "Online dossier number range of agency {agency}: {range}."
    ),
    # sync/server/online.py
    "Máy chủ chưa có cơ quan {agency}. Tạo quầy (desk-server desk add) cho cơ quan trước khi "
    "nhận hồ sơ trực tuyến.": (
        "The server has no agency {agency}. Create a desk (desk-server desk add) for the agency "
        "before receiving online dossiers."
    ),
    "Tài khoản này không được nộp hồ sơ cho cơ quan {agency}.": (
        "This account may not submit dossiers for agency {agency}."
    ),
    # sync/server/online_input.py
    "Nhận kết quả qua bưu chính cần địa chỉ nhận (delivery_address).": (
        "Delivery by post needs a delivery address (delivery_address)."
    ),
    "Hai thành phần hồ sơ trùng tên; mỗi thành phần chỉ được khai một lần.": (
        "Two components have the same name; declare each component once."
    ),
    "Tệp đính kèm của thành phần '{name}' không phải tệp {kind} hợp lệ.": (
        "The attachment of component '{name}' is not a valid {kind} file."
    ),
    "Hồ sơ trực tuyến không hợp lệ (trường {field}); không có gì được ghi. Sửa trường này rồi "
    "gửi lại.": (
        "Invalid online dossier (field {field}); nothing was written. Correct this field and "
        "send it again."
    ),
    "{reason} Không có gì được ghi.": "{reason} Nothing was written.",
    "Tệp đính kèm của thành phần '{name}' không phải dữ liệu base64 hợp lệ.": (
        "The attachment of component '{name}' is not valid base64 data."
    ),
    "Không đọc được tệp {path}.": "Cannot read the file {path}.",
    "Tệp {path} không phải JSON hợp lệ (dòng {line}); không có gì được ghi.": (
        "The file {path} is not valid JSON (line {line}); nothing was written."
    ),
    # sync/server/routes_desk.py (online dossiers)
    "Chỉ tài khoản xử lý hồ sơ (back office) mới được nộp hồ sơ trực tuyến.": (
        "Only a back-office account may submit online dossiers."
    ),
    # sync/server/portal_feedback.py, routes_public.py (feedback through the public page)
    "Đã gửi quá nhiều phản ánh trong thời gian ngắn; vui lòng thử lại sau.": (
        "Too much feedback sent in a short time; please try again later."
    ),
    "Cần số điện thoại hoặc email để cơ quan trả lời phản ánh.": (
        "A phone number or an email address is needed so the office can answer."
    ),
    "Không tìm thấy cơ quan {agency}.": "No agency {agency}.",
    "Mã hồ sơ (nếu có)": "Dossier code (if any)",
    "Đã gửi phản ánh. Cơ quan sẽ trả lời trong thời hạn quy định.": (
        "Feedback sent. The office will answer within the legal time limit."
    ),
    "Gửi": "Send",
    "Gửi phản ánh, kiến nghị": "Send feedback",
    # sync/server/publish.py, cli.py (reference data for the desks)
    "Tệp không hợp lệ ({where}): {detail}. Không có gì được gửi.": (
        "Invalid file ({where}): {detail}. Nothing was sent."
    ),
    "Không có cơ quan {agency} trên máy chủ.": "The server has no agency {agency}.",
    "Không đọc được tệp JSON {path}.": "Cannot read the JSON file {path}.",
    "Đã gửi cho {count} cơ quan; các quầy nhận khi đồng bộ.": (
        "Sent to {count} agencies; desks receive it when they sync."
    ),
    # sync/server/routes_desk.py (chaos)
    "Kết nối bị ngắt khi đang nhận dữ liệu; chưa có gì được ghi.": (
        "The connection dropped while data was being received; nothing was written."
    ),
    # sync/bundle.py
    "Gói đồng bộ bị từ chối": "Sync bundle refused",
    "Tệp {path} không phải gói đồng bộ của motcua-desk hoặc đã hỏng. Không có gì được ghi.": (
        "{path} is not a motcua-desk sync bundle, or it is damaged. Nothing was written."
    ),
    "Tệp {sha256} trong gói đồng bộ bị thiếu hoặc không khớp mã băm. Không có gì được ghi.": (
        "File {sha256} in the sync bundle is missing or does not match its hash. Nothing was "
        "written."
    ),
    "Gói đồng bộ đến từ một quầy mà máy chủ không biết hoặc đã thu hồi. Không có gì được ghi.": (
        "The sync bundle comes from a desk the server does not know or has revoked. Nothing was "
        "written."
    ),
    (
        "Chữ ký của gói đồng bộ không đúng: gói đã bị sửa hoặc không phải của quầy này. "
        "Không có gì được ghi."
    ): (
        "The sync bundle's signature is wrong: the bundle was altered or is not this desk's. "
        "Nothing was written."
    ),
    # sync/server/imports.py, sync/server/cli.py (import)
    "Quầy của gói đồng bộ không còn trên máy chủ.": (
        "The desk of this sync bundle no longer exists on the server."
    ),
    (
        "Đã nhập gói của quầy {desk}: {applied} lệnh mới, {duplicates} lệnh đã có, "
        "{refused} lệnh bị từ chối, {stored} tệp mới, {present} tệp đã có."
    ): (
        "Imported the bundle of desk {desk}: {applied} new commands, {duplicates} already "
        "present, {refused} refused, {stored} new files, {present} files already present."
    ),
    # desk/services/sync_export.py, desk/cli/sync.py (export)
    (
        "Quầy chưa đăng ký với máy chủ nên không ký được gói đồng bộ. Chạy `desk enrol` "
        "trước (cần mạng một lần)."
    ): (
        "The desk is not enrolled with the server, so it cannot sign a sync bundle. Run "
        "`desk enrol` first (it needs the network once)."
    ),
    (
        "Không ghi được gói đồng bộ {path}: {reason}. Chọn thư mục khác (ví dụ ổ USB đã "
        "cắm) rồi thử lại."
    ): (
        "Could not write the sync bundle {path}: {reason}. Choose another folder (for example "
        "a plugged-in USB drive) and try again."
    ),
    (
        "Đã lưu gói đồng bộ {path}: {commands} lệnh, {blobs} tệp ({kb} KB). Mang gói đến "
        "máy chủ và nhập bằng `desk-server import`; lần đồng bộ trực tuyến sau, các lệnh "
        "này được máy chủ xác nhận là đã có."
    ): (
        "Saved the sync bundle {path}: {commands} commands, {blobs} files ({kb} KB). Take it "
        "to the server and import it with `desk-server import`; at the next online sync the "
        "server confirms these commands as already present."
    ),
    # trust boundary: files belong to an agency
    "Máy chủ chưa nhận đủ tệp (bản quét, kết quả) của hồ sơ {code}; lệnh sẽ được gửi lại "
    "sau khi tải tệp lên xong.": (
        "The server does not have all the files (scans, result) of dossier {code} yet; the "
        "command is "
        "sent again once they are uploaded."
    ),
    "{count} bản quét chưa có trên máy chủ (tệp đang chờ tải lên).": (
        "{count} scans are not on the server yet (files waiting to be uploaded)."
    ),
    # sync/server/credentials.py, sync/server/cli_credentials.py
    "Không tìm thấy quầy hoặc tài khoản có khóa {key} (cần khóa đầy đủ, hoặc ít nhất 8 ký tự "
    "đầu không trùng với khóa khác).": (
        "No desk or account has the key {key} (give the whole key, or at least its first 8 "
        "characters if no other key starts with them)."
    ),
    "Chưa có quầy hoặc tài khoản nào.": "No desks or accounts yet.",
    "chưa liên lạc": "never contacted",
    "đang hoạt động": "active",
    "chờ đăng ký": "awaiting enrolment",
    "mã đăng ký hết hạn": "enrolment code expired",
    "đã thu hồi": "revoked",
    "Đã thu hồi {key}; mọi yêu cầu dùng khóa này bị từ chối ngay.": (
        "Revoked {key}; every request with this key is refused from now on."
    ),
    "Địa chỉ yêu cầu chứa ký tự điều khiển (như NUL); không hợp lệ.": (
        "The request address contains a control character (such as NUL); it is not valid."
    ),
    "Máy chủ không nhận nội dung nén kiểu {encoding} ở địa chỉ này.": (
        "The server does not accept {encoding}-encoded content at this address."
    ),
    "Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ.": (
        "The request body is not valid UTF-8 text."
    ),
    "Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ (byte thứ {position}); không có "
    "gì được ghi.": (
        "The request body is not valid UTF-8 text (byte {position}); nothing was written."
    ),
    "Nội dung yêu cầu không đọc được (cần JSON).": "The request body cannot be read (JSON needed).",
    "Máy chủ không có địa chỉ này.": "The server has no such address.",
    "Địa chỉ này không nhận phương thức {method}.": "This address does not accept {method}.",
    "Yêu cầu chứa giá trị không hợp lệ; không có gì được ghi.": (
        "The request contains an invalid value; nothing was written."
    ),
    "Gói lệnh nén gzip bị hỏng hoặc không trọn vẹn; không lệnh nào được ghi.": (
        "The gzip-compressed batch is broken or incomplete; no command was written."
    ),
    "Quá nhiều lần xác thực không thành công; thử lại sau ít phút.": (
        "Too many failed authentication attempts; try again in a few minutes."
    ),
    "Địa chỉ proxy tin cậy không hợp lệ: {cidr} (cần dạng 10.0.0.0/8 hoặc 127.0.0.1).": (
        "Invalid trusted proxy address: {cidr} (expected a form like 10.0.0.0/8 or 127.0.0.1)."
    ),
    "Phần tệp gửi lên rỗng; không có gì được ghi.": (
        "The uploaded chunk is empty; nothing was written."
    ),
    "Nội dung yêu cầu chứa ký tự NUL; không có gì được ghi.": (
        "The request body contains a NUL character; nothing was written."
    ),
}
