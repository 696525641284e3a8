"""Mẫu 03 — PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ, on A5 (one page).

Text followed: the TT 03/2025/TT-VPCP body as reproduced in QĐ 3621/QĐ-BYT (DOMAIN.md §11.1),
which adds to the TT 01/2018 body (DOMAIN.md §2.4) the Số định danh and "Mã hồ sơ (nếu có)":
"Số: …/PTC"; Tiếp nhận hồ sơ của; Số định danh cá nhân/tổ chức; Mã hồ sơ (nếu có); Địa chỉ;
Số điện thoại; Email; Nội dung yêu cầu giải quyết; "Qua xem xét, … thông báo không tiếp nhận,
giải quyết hồ sơ này với lý do cụ thể như sau: …"; "Xin thông báo cho Ông/Bà được biết và thực
hiện./."; signatures NGƯỜI NỘP HỒ SƠ | NGƯỜI TIẾP NHẬN HỒ SƠ, each with the 2025 "(Chữ ký số
của … nếu là biểu mẫu điện tử)" line.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from printing.forms import A5_WIDTH, a5_one_page
from printing.forms.common import form_number, notice_opening, roomy
from printing.layout import (
    esc,
    field,
    make_styles,
    reprint_lines,
    signature_row,
)
from printing.model import PrintMeta, RefusalNotice

TITLE = "Phiếu từ chối tiếp nhận giải quyết hồ sơ"
SYMBOL = "PTC"


def render_a5(notice: RefusalNotice, meta: PrintMeta) -> bytes:
    """The A5 PDF, one page."""
    st, small = roomy(make_styles(11)), make_styles(10)
    width = A5_WIDTH
    office = notice.office
    person = notice.submitter
    number = form_number(notice.number, SYMBOL, notice.issuer_symbol)
    story: list[Flowable] = [
        *notice_opening(office, number, notice.issued_at, TITLE, width, st, small),
        field("Tiếp nhận hồ sơ của", person.full_name, st, bold=True),
        field("Số định danh cá nhân/tổ chức", person.id_number, st),
    ]
    if notice.dossier_code.strip():
        story.append(field("Mã hồ sơ", notice.dossier_code, st, bold=True))
    story += [
        field("Địa chỉ", person.address, st),
        field("Số điện thoại", person.phone, st),
        field("Email", person.email, st),
        field("Nội dung yêu cầu giải quyết", notice.procedure_name, st, bold=True),
        Spacer(1, 4),
        Paragraph(
            f"Qua xem xét, {esc(office.unit_name)} thông báo không tiếp nhận, giải quyết hồ sơ "
            "này với lý do cụ thể như sau: "
            f"<b>{esc(notice.reason) or '…………………………'}</b>",
            st.body,
        ),
        Spacer(1, 3),
        Paragraph("Xin thông báo cho Ông/Bà được biết và thực hiện./.", st.body),
        Spacer(1, 10),
        signature_row(
            [("Người nộp hồ sơ", person.full_name), ("Người tiếp nhận hồ sơ", notice.receiver)],
            width,
            st,
            digital=("người nộp hồ sơ", "người tiếp nhận hồ sơ"),
        ),
    ]
    mark = reprint_lines(meta.printed_at, meta.reprint_of)
    title_meta = f"{TITLE} — {notice.dossier_code or person.full_name}"
    return a5_one_page(story, title_meta=title_meta, mark=mark)
