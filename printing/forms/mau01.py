"""Mẫu 01 — GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ, on A5 (2 liên) and on an 80 mm roll.

Text followed: the TT 01/2018/TT-VPCP body (DOMAIN.md §2.2: numbered items 1–6, the components
table with bản chính / bản chứng thực / bản photo counts, the Sổ theo dõi reference, two liên)
with the lines TT 03/2025/TT-VPCP adds as reproduced in QĐ 3621/QĐ-BYT (DOMAIN.md §11.1): Số
định danh cá nhân/tổ chức, the authorising person's details when the submitter acts under an
authorisation, "Thời gian giải quyết … theo quy định". Provincial additions (DOMAIN §2.2): the
channel, the QR for tracking, the typed lookup code and the office's phone.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PIL import Image
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desk.domain.money import fee_text
from printing import forms
from printing.forms import Margins, build_pdf, mark_hook, story_height
from printing.layout import (
    Styles,
    esc,
    field,
    grid_table,
    header_blocks,
    make_styles,
    minute_time,
    national_header,
    place_date,
    reprint_lines,
    signature_row,
    title,
)
from printing.model import PersonBlock, PrintMeta, ReceiptSlip
from printing.qr import QrFlowable, slip_payload

TITLE = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
A5_MARGINS = Margins(left=15 * mm, right=10 * mm, top=12 * mm, bottom=8 * mm)
_TABLE_HEAD = ("TT", "Thành phần hồ sơ", "Bản chính", "Bản chứng thực", "Bản photo")


def qr_payload(slip: ReceiptSlip) -> str:
    return slip_payload(slip.office.tracking_base_url, slip.dossier_code, slip.tracking_token)


def render_a5(slip: ReceiptSlip, meta: PrintMeta) -> bytes:
    """The A5 PDF: one page per liên (Liên 1: Lưu, Liên 2: Giao khách hàng)."""
    st = make_styles(9.5)
    width = A5[0] - A5_MARGINS.left - A5_MARGINS.right
    height = A5[1] - A5_MARGINS.top - A5_MARGINS.bottom
    story: list[Flowable] = []
    for index, copy in enumerate(meta.copies, start=1):
        if index > 1:
            story.append(PageBreak())
        story += _fit_page(_a5_copy(slip, f"Liên {index}: {copy}", width, st), width, height)
    mark = reprint_lines(meta.printed_at, meta.reprint_of)
    return build_pdf(A5, A5_MARGINS, story, title_meta=_pdf_title(slip), on_page=mark_hook(mark, 7))


# A liên a little too long (a long address, a long commune name) is shrunk onto its page;
# below this scale the text would be too small to read, so it flows onto a second page.
_MIN_SHRINK = 0.8


def _fit_page(copy: list[Flowable], width: float, height: float) -> list[Flowable]:
    needed = story_height(copy, width)
    if needed <= height or needed * _MIN_SHRINK > height:
        return copy
    return [KeepInFrame(width, height, content=copy, mode="shrink")]


def render_thermal(slip: ReceiptSlip, meta: PrintMeta) -> bytes:
    """The 80 mm roll PDF: one narrow column, one copy, as tall as its content."""
    st = make_styles(9)
    width = forms.THERMAL_WIDTH
    story: list[Flowable] = []
    mark = reprint_lines(meta.printed_at, meta.reprint_of)
    if mark:
        banner = make_styles(12).title
        story += [
            Paragraph(esc(mark[0]), banner),
            *(Paragraph(esc(x), st.centre) for x in mark[1:]),
        ]
        story.append(Spacer(1, 6))
    left, right = header_blocks(
        slip.office.parent_name, slip.office.unit_name, _number(slip), st, width
    )
    story += [*left, Spacer(1, 3), *right, Spacer(1, 2)]
    story += _heading(slip, meta.copies[-1] if meta.copies else "", st, thermal=True)
    story += _body(slip, width, st, thermal=True)
    story += _tracking(slip, width, st, thermal=True)
    story.append(Spacer(1, 6))
    story.append(_signatures(slip, width, make_styles(8), room=30))
    margins = Margins(
        left=forms.THERMAL_LEFT,
        right=forms.THERMAL_PAGE_WIDTH - forms.THERMAL_LEFT - width,
        top=4 * mm,
        bottom=8 * mm,
    )
    height = story_height(story, width) + margins.top + margins.bottom + 2
    return build_pdf(
        (forms.THERMAL_PAGE_WIDTH, height), margins, story, title_meta=_pdf_title(slip)
    )


def render_thermal_raster(slip: ReceiptSlip, meta: PrintMeta) -> Image.Image:
    """The roll as a 1-bit image, 576 dots wide at 203 dpi, for ESC/POS raster printing."""
    return forms.thermal_raster(render_thermal(slip, meta))


def _number(slip: ReceiptSlip) -> str:
    """The "Số:" line of the header: the slip's number, or dots to fill by hand."""
    return slip.document_number or "……"


def _pdf_title(slip: ReceiptSlip) -> str:
    return f"{TITLE} — {slip.dossier_code}"


def _a5_copy(slip: ReceiptSlip, copy_label: str, width: float, st: Styles) -> list[Flowable]:
    office = slip.office
    story: list[Flowable] = [
        national_header(office.parent_name, office.unit_name, _number(slip), width, st),
    ]
    story += _heading(slip, copy_label, st, thermal=False)
    story += _body(slip, width, st, thermal=False)
    story += _tracking(slip, width, st, thermal=False)
    story += [Spacer(1, 2), _signatures(slip, width, st)]
    return story


def _heading(slip: ReceiptSlip, copy_label: str, st: Styles, *, thermal: bool) -> list[Flowable]:
    date_line = place_date(slip.office.place, slip.received_at, st)
    if thermal:
        date_line.style = st.centre_italic
    heading = title(TITLE, st, forms.THERMAL_WIDTH if thermal else None)
    story: list[Flowable] = [Spacer(1, 2), date_line, Spacer(1, 8), heading]
    story.append(Paragraph(f"Mã hồ sơ: <b>{esc(slip.dossier_code)}</b>", st.centre))
    if copy_label:
        story.append(Paragraph(f"<i>({esc(copy_label)})</i>", st.centre))
    story.append(Spacer(1, 5))
    return story


def _body(slip: ReceiptSlip, width: float, st: Styles, *, thermal: bool) -> list[Flowable]:
    person = slip.submitter
    # The unit named in the header (TTPVHCC / Bộ phận Tiếp nhận và Trả kết quả) receives it.
    unit = slip.office.unit_name or slip.office.parent_name
    story: list[Flowable] = [
        Paragraph(f"<b>{esc(unit)}</b>", st.body),
        field("Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức", person.full_name, st, bold=True),
        field("Số định danh cá nhân/tổ chức", person.id_number, st),
        field("Địa chỉ", person.address, st),
        *_contact(person, st, thermal=thermal),
    ]
    if slip.owner is not None:
        story.append(_authorisation(slip.owner, slip.authorisation_paper, st))
    story += [
        field("Hình thức nộp hồ sơ", slip.channel.label, st),
        field("Nội dung yêu cầu giải quyết", slip.procedure_name, st, bold=True),
        Paragraph("1. Thành phần hồ sơ nộp gồm:", st.body),
        Spacer(1, 2),
        _components(slip, width, st, thermal=thermal),
        Spacer(1, 3),
        Paragraph(f"2. Số lượng hồ sơ: {slip.sets:02d} (bộ)", st.body),
        Paragraph(
            f"3. Thời gian giải quyết hồ sơ theo quy định là: {esc(slip.duration_text)}", st.body
        ),
        Paragraph(f"4. Thời gian nhận hồ sơ: <b>{minute_time(slip.received_at)}</b>", st.body),
        Paragraph(
            f"5. Thời gian trả kết quả giải quyết hồ sơ: <b>{minute_time(slip.due_at)}</b>",
            st.body,
        ),
        Paragraph(f"6. Đăng ký nhận kết quả tại: {esc(slip.result_delivery)}", st.body),
        *_return_papers(slip, st),
    ]
    return story


def _return_papers(slip: ReceiptSlip, st: Styles) -> list[Flowable]:
    """7–8: the fee and the originals to bring at return (Sơn La 2017 Đ10.1b)."""
    fee = fee_text(slip.fee)
    note = f" ({esc(slip.fee_note)})" if slip.fee_note else ""
    originals = "; ".join(esc(name) for name in slip.originals_at_return) or "không"
    return [
        Paragraph(f"7. Phí, lệ phí: <b>{fee}</b>{note}", st.body),
        Paragraph(f"8. Bản chính mang theo khi nhận kết quả: {originals}", st.body),
    ]


def _register(slip: ReceiptSlip, st: Styles) -> Paragraph:
    return Paragraph(
        f"Vào Sổ theo dõi hồ sơ, Quyển số: {esc(slip.register_book) or '……'}"
        f"&nbsp;&nbsp;&nbsp;Số thứ tự: {esc(slip.register_number) or '……'}",
        st.body,
    )


def _contact(person: PersonBlock, st: Styles, *, thermal: bool) -> list[Flowable]:
    if thermal:
        return [field("Số điện thoại", person.phone, st), field("Email", person.email, st)]
    email = esc(person.email) or "……………………"
    phone = esc(person.phone) or "……………………"
    return [Paragraph(f"Số điện thoại: {phone}&nbsp;&nbsp;&nbsp;&nbsp;Email: {email}", st.body)]


def _authorisation(owner: PersonBlock, paper: str, st: Styles) -> Paragraph:
    parts = [f"Chủ hồ sơ (người ủy quyền): <b>{esc(owner.full_name)}</b>"]
    for label, value in (
        ("số định danh", owner.id_number),
        ("địa chỉ", owner.address),
        ("số điện thoại", owner.phone),
        ("email", owner.email),
        ("giấy tờ ủy quyền", paper),
    ):
        if value.strip():
            parts.append(f"{label}: {esc(value)}")
    sentence = "; ".join(parts)
    return Paragraph(f"Người nộp hồ sơ nộp theo ủy quyền. {sentence}.", st.body)


def _components(slip: ReceiptSlip, width: float, st: Styles, *, thermal: bool) -> Table:
    rows = [
        (str(i), c.name, str(c.originals), str(c.certified), str(c.photocopies))
        for i, c in enumerate(slip.components, start=1)
    ]
    count = 12 * mm if thermal else 16 * mm
    first = 6 * mm if thermal else 8 * mm
    widths = [first, width - first - 3 * count, count, count, count]
    return grid_table(_TABLE_HEAD, rows, widths, st)


def _tracking(slip: ReceiptSlip, width: float, st: Styles, *, thermal: bool) -> list[Flowable]:
    lines = [
        _register(slip, st),
        Spacer(1, 4),
        Paragraph(f"Tra cứu tình trạng hồ sơ{_where(slip)}: quét mã QR hoặc nhập", st.body),
        Paragraph(f"Mã tra cứu: <b>{esc(slip.lookup_code)}</b>", st.body),
    ]
    if slip.office.phone.strip():
        lines.append(Paragraph(f"Điện thoại: <b>{esc(slip.office.phone)}</b>", st.body))
    payload = qr_payload(slip)
    if thermal:
        # 4 dots a module: every module lands on whole printer dots.
        qr_roll = QrFlowable(payload, 4 * forms.DOT)
        qr_roll.hAlign = "CENTER"
        return [Spacer(1, 4), *lines, Spacer(1, 2), qr_roll]
    qr = QrFlowable(payload, 0.75 * mm if len(payload) < 40 else 0.55 * mm)
    box = Table([[lines, qr]], colWidths=[width - qr.side, qr.side])
    box.setStyle(_TRACKING_STYLE)
    return [Spacer(1, 2), box]


def _where(slip: ReceiptSlip) -> str:
    base = slip.office.tracking_base_url
    host = urlsplit(base).netloc if base else ""
    return f" tại {esc(host)}" if host else ""


def _signatures(slip: ReceiptSlip, width: float, st: Styles, room: float | None = None) -> Table:
    return signature_row(
        [("Người nộp hồ sơ", slip.submitter.full_name), ("Người tiếp nhận hồ sơ", slip.receiver)],
        width,
        st,
        room,
    )


_TRACKING_STYLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
)
