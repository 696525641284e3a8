"""Mẫu 05 (TT 03/2025) — THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ, on A5 (one page).

Text followed: none official. The 2025 body was not found (DOMAIN.md §11.1, §2.7); this form
prints the data listed there for a stop at the citizen's request (TT 03/2025 Điều 7 / NĐ 118
Điều 21): requester, mã hồ sơ, the time of the request, its channel, the processing status at
that moment, the reason, the issuer; in the common 2025 header with the 2025 "(Chữ ký số của …
nếu là biểu mẫu điện tử)" line. The sentences are plain wording of that data, not a quotation.

Assumption: the ký hiệu "TBDG" in "Số: …/TBDG" is ours; DOMAIN.md §11.1 lists no ký hiệu for
Mẫu 05. An office that learns the official one changes ``SYMBOL``.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from printing.forms import A5_WIDTH, a5_one_page
from printing.forms.common import contact_line, form_number, notice_opening, roomy
from printing.layout import (
    esc,
    field,
    make_styles,
    minute_time,
    reprint_lines,
    signature_row,
)
from printing.model import PrintMeta, StopNotice

TITLE = "Thông báo dừng giải quyết hồ sơ"
SYMBOL = "TBDG"
DEFAULT_ROLE = "Người tiếp nhận hồ sơ"


def render_a5(notice: StopNotice, meta: PrintMeta) -> bytes:
    """The A5 PDF, one page."""
    st, small = roomy(make_styles(11)), make_styles(10)
    width = A5_WIDTH
    office = notice.office
    person = notice.requester
    number = form_number(notice.number, SYMBOL, notice.issuer_symbol)
    role = notice.issuer.role.strip() or DEFAULT_ROLE
    story: list[Flowable] = [
        *notice_opening(office, number, notice.issued_at, TITLE, width, st, small),
        field("Mã hồ sơ", notice.dossier_code, st, bold=True),
        field("Người yêu cầu", person.full_name, st, bold=True),
        field("Số định danh cá nhân/tổ chức", person.id_number, st),
        field("Địa chỉ", person.address, st),
        contact_line(person.phone, person.email, st),
        field("Nội dung yêu cầu giải quyết", notice.procedure_name, st, bold=True),
        field("Thời gian nhận yêu cầu dừng giải quyết", minute_time(notice.requested_at), st),
        field("Hình thức yêu cầu", notice.request_channel.label, st),
        field("Tình trạng giải quyết hồ sơ tại thời điểm nhận yêu cầu", notice.status, st),
        field("Lý do", notice.reason, st),
        Spacer(1, 4),
        Paragraph(
            f"{esc(office.unit_name)} thông báo dừng giải quyết hồ sơ nêu trên theo yêu cầu "
            "của Ông/Bà.",
            st.body,
        ),
        Spacer(1, 3),
        Paragraph("Xin thông báo cho Ông/Bà được biết./.", st.body),
        Spacer(1, 10),
        signature_row(
            [("", ""), (role, notice.issuer.name)],
            width,
            st,
            digital=("", role[:1].lower() + role[1:]),
        ),
    ]
    mark = reprint_lines(meta.printed_at, meta.reprint_of)
    title_meta = f"{TITLE} — {notice.dossier_code or person.full_name}"
    return a5_one_page(story, title_meta=title_meta, mark=mark)
