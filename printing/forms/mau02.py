"""Mẫu 02 — PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ, on A5 (one page).

Text followed: the TT 03/2025/TT-VPCP body as reproduced in QĐ 3621/QĐ-BYT (DOMAIN.md §11.1):
"Số: …/PBS"; Hồ sơ của; Nội dung yêu cầu giải quyết; Địa chỉ; Số điện thoại … Email; "Yêu cầu
hoàn thiện hồ sơ gồm những nội dung sau: 1… 2…"; Lý do; "Trong quá trình hoàn thiện hồ sơ nếu có
vướng mắc, Ông/Bà liên hệ với … số điện thoại … để được hướng dẫn./."; signature NGƯỜI HƯỚNG
DẪN with the 2025 "(Chữ ký số của … nếu là biểu mẫu điện tử)" line. The components table with
bản chính / bản chứng thực / bản photo counts is the TT 01/2018 body (DOMAIN.md §2.3), printed
instead of the numbered list when the papers to bring are given with counts.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from printing.forms import A5_WIDTH, a5_one_page
from printing.forms.common import contact_line, form_number, notice_opening, roomy
from printing.layout import (
    Styles,
    esc,
    field,
    grid_table,
    make_styles,
    reprint_lines,
    signature_row,
)
from printing.model import PrintMeta, SupplementNotice

TITLE = "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"
SYMBOL = "PBS"
_TABLE_HEAD = ("TT", "Thành phần hồ sơ", "Bản chính", "Bản chứng thực", "Bản photo")


def render_a5(notice: SupplementNotice, meta: PrintMeta) -> bytes:
    """The A5 PDF, one page (a long list is shrunk onto it)."""
    st, small = roomy(make_styles(11)), make_styles(10)
    width = A5_WIDTH
    office = notice.office
    number = form_number(notice.number, SYMBOL, notice.issuer_symbol)
    applicant = notice.applicant
    story: list[Flowable] = [
        *notice_opening(office, number, notice.issued_at, TITLE, width, st, small),
        field("Hồ sơ của", applicant.full_name, st, bold=True),
        field("Nội dung yêu cầu giải quyết", notice.procedure_name, st, bold=True),
        field("Địa chỉ", applicant.address, st),
        contact_line(applicant.phone, applicant.email, st),
        Spacer(1, 3),
        Paragraph("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", st.body),
        *_requests(notice, width, st, small),
        Spacer(1, 3),
        field("Lý do", notice.reason, st),
        Spacer(1, 3),
        Paragraph(_help_sentence(notice), st.body),
    ]
    if notice.dossier_code.strip():
        story.append(field("Mã hồ sơ", notice.dossier_code, st, bold=True))
    story += [
        Spacer(1, 10),
        signature_row(
            [("", ""), ("Người hướng dẫn", notice.guide)],
            width,
            st,
            digital=("", "người hướng dẫn"),
        ),
    ]
    mark = reprint_lines(meta.printed_at, meta.reprint_of)
    return a5_one_page(story, title_meta=_pdf_title(notice), mark=mark)


def _pdf_title(notice: SupplementNotice) -> str:
    return f"{TITLE} — {notice.dossier_code or notice.applicant.full_name}"


def _requests(
    notice: SupplementNotice, width: float, st: Styles, table_st: Styles
) -> list[Flowable]:
    if notice.components:
        rows = [
            (str(i), c.name, str(c.originals), str(c.certified), str(c.photocopies))
            for i, c in enumerate(notice.components, start=1)
        ]
        count, first = 16 * mm, 8 * mm
        widths = [first, width - first - 3 * count, count, count, count]
        table: Table = grid_table(_TABLE_HEAD, rows, widths, table_st)
        return [Spacer(1, 2), table]
    items = notice.requests or ("",)
    return [
        Paragraph(f"{i}. {esc(text) if text.strip() else '…………………………'}", st.body)
        for i, text in enumerate(items, start=1)
    ]


def _help_sentence(notice: SupplementNotice) -> str:
    guide = esc(notice.guide) or "……………………"
    phone = esc(notice.guide_phone) or "……………………"
    return (
        "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với "
        f"<b>{guide}</b>, số điện thoại <b>{phone}</b> để được hướng dẫn./."
    )
