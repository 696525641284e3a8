"""Mẫu 04 — VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT, on A5 (one page).

Text followed: the TT 03/2025/TT-VPCP body as reproduced in QĐ 3621/QĐ-BYT (DOMAIN.md §11.1):
"Số: …/PXL"; Kính gửi; the receipt date, the procedure, số định danh, mã hồ sơ; the original
appointment (giờ, ngày); "Tuy nhiên đến nay, (tên cơ quan, đơn vị) chưa trả kết quả … đúng thời
hạn"; Lý do; the apology; the new date (a date, no time); Nơi nhận; signed by THỦ TRƯỞNG CƠ QUAN,
ĐƠN VỊ with the 2025 "(Chữ ký số của … nếu là biểu mẫu điện tử)" line. Sentence wording between
those points follows the 2018 "Phiếu xin lỗi và hẹn lại ngày trả kết quả" seen in production
(DOMAIN.md §2.5); Nơi nhận and the signature sit side by side as NĐ 30/2020 lays them out.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from printing.forms import A5_WIDTH, a5_one_page
from printing.forms.common import form_number, notice_opening, roomy
from printing.layout import (
    Styles,
    esc,
    make_styles,
    minute_time,
    reprint_lines,
    signature_cell,
    vn_date,
    vn_day,
)
from printing.model import ApologyLetter, PrintMeta

TITLE = "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"
SYMBOL = "PXL"
SIGN_HINT = "(Ký, ghi rõ họ tên và đóng dấu)"
_DOTS = "…………………………"


def render_a5(letter: ApologyLetter, meta: PrintMeta) -> bytes:
    """The A5 PDF, one page."""
    st, small = roomy(make_styles(11)), make_styles(10)
    width = A5_WIDTH
    office = letter.office
    number = form_number(letter.number, SYMBOL, letter.issuer_symbol)
    # Left-aligned: on an A5 column a justified line with a long code or name opens wide gaps.
    text = ParagraphStyle("letter", parent=st.body, alignment=TA_LEFT, firstLineIndent=14)
    story: list[Flowable] = [
        *notice_opening(
            office, number, letter.issued_at, TITLE, width, st, small, title_width=width * 0.8
        ),
        Paragraph(f"Kính gửi: Ông/Bà <b>{esc(letter.applicant.full_name)}</b>", st.centre),
        Spacer(1, 6),
        *(Paragraph(sentence, text) for sentence in _sentences(letter)),
        Spacer(1, 8),
        _closing(letter, width, st),
    ]
    mark = reprint_lines(meta.printed_at, meta.reprint_of)
    return a5_one_page(story, title_meta=f"{TITLE} — {letter.dossier_code}", mark=mark)


def _sentences(letter: ApologyLetter) -> list[str]:
    agency = esc(letter.agency_name or letter.office.parent_name)
    id_number = esc(letter.applicant.id_number) or _DOTS
    return [
        f"{agency} đã tiếp nhận hồ sơ của Ông/Bà vào {vn_date(letter.received_at)}, về việc "
        f"đề nghị giải quyết thủ tục <b>{esc(letter.procedure_name)}</b>; số định danh cá "
        f"nhân/tổ chức: {id_number}; mã hồ sơ: <b>{esc(letter.dossier_code)}</b>.",
        f"Thời gian hẹn trả kết quả là: <b>{minute_time(letter.due_at)}</b>.",
        f"Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng thời "
        "hạn theo quy định.",
        f"Lý do: {esc(letter.reason) or _DOTS}",
        f"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, thời gian của Ông/Bà. {agency} "
        "thành thật xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ, hẹn trả kết "
        f"quả vào <b>{vn_day(letter.new_date)}</b>.",
        f"Mong nhận được sự thông cảm của Ông/Bà. {agency} sẽ trả kết quả cho Ông/Bà đúng thời "
        "hạn đã hẹn lại.",
    ]


def _closing(letter: ApologyLetter, width: float, st: Styles) -> Table:
    """Nơi nhận on the left, the head's signature on the right (NĐ 30/2020)."""
    places: list[Flowable] = [Paragraph("<b><i>Nơi nhận:</i></b>", st.small)]
    last = len(letter.recipients) - 1
    for i, recipient in enumerate(letter.recipients):
        places.append(Paragraph(f"- {esc(recipient)}{'.' if i == last else ';'}", st.small))
    signer = letter.signer
    sign = signature_cell(
        signer.role or "Thủ trưởng cơ quan, đơn vị",
        signer.name,
        st,
        hint=SIGN_HINT,
        digital="thủ trưởng cơ quan, đơn vị",
        width=width * 0.58,
    )
    table = Table([[places, sign]], colWidths=[width * 0.42, width * 0.58])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
