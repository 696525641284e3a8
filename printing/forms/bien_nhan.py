"""GIẤY BIÊN NHẬN TRẢ KẾT QUẢ, on A5 (one page) and on an 80 mm roll.

Not one of the national forms: the text followed is the provincial receipt described in
DOMAIN.md §2.9 (Mã hồ sơ; Tên TTHC; Chủ hồ sơ; người trả kết quả, họ tên và điện thoại; người
nhận kết quả, họ tên và điện thoại; loại kết quả; Số; Trích yếu; Ngày trả; signatures NGƯỜI NHẬN
KẾT QUẢ | NGƯỜI TRẢ KẾT QUẢ), with what the 2025 forms ask of every person at the desk (DOMAIN.md
§11.1): the recipient's số định danh and, when someone takes the result for the owner, the
authorisation paper. The fees already collected are printed so the receipt answers "what did I
pay"; the fee receipt itself (biên lai) belongs to finance (§2.9). The roll version lays the
same lines out as Mẫu 01's roll does (printing/forms/__init__.py, one PDF on the head's dots).
"""

from __future__ import annotations

from PIL import Image
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desk.domain.money import money
from printing import forms
from printing.forms import A5_WIDTH, a5_one_page, build_thermal
from printing.forms.common import roomy
from printing.layout import (
    Styles,
    esc,
    field,
    header_blocks,
    make_styles,
    minute_time,
    national_header,
    place_date,
    reprint_lines,
    signature_row,
    title,
)
from printing.model import PrintMeta, ReturnReceipt

TITLE = "Giấy biên nhận trả kết quả"


def render_a5(receipt: ReturnReceipt, meta: PrintMeta) -> bytes:
    """The A5 PDF, one page."""
    st, small = roomy(make_styles(11)), make_styles(10)
    width = A5_WIDTH
    office = receipt.office
    story: list[Flowable] = [
        national_header(
            office.parent_name, office.unit_name, receipt.document_number, width, small
        ),
        *_heading(receipt, st, thermal=False),
        *_body(receipt, st, thermal=False),
        Spacer(1, 10),
        _signatures(receipt, width, st),
    ]
    mark = reprint_lines(meta.printed_at, meta.reprint_of)
    return a5_one_page(story, title_meta=_pdf_title(receipt), mark=mark)


def render_thermal(receipt: ReturnReceipt, meta: PrintMeta) -> bytes:
    """The 80 mm roll PDF: one narrow column, as tall as its content."""
    st = make_styles(9)
    width = forms.THERMAL_WIDTH
    story: list[Flowable] = []
    mark = reprint_lines(meta.printed_at, meta.reprint_of)
    if mark:
        story += [
            Paragraph(esc(mark[0]), make_styles(12).title),
            *(Paragraph(esc(x), st.centre) for x in mark[1:]),
            Spacer(1, 6),
        ]
    office = receipt.office
    left, right = header_blocks(office.parent_name, office.unit_name, "", st, width)
    story += [*left, Spacer(1, 3), *right, Spacer(1, 2)]
    story += _heading(receipt, st, thermal=True)
    story += _body(receipt, st, thermal=True)
    story += [Spacer(1, 6), _signatures(receipt, width, make_styles(8), room=30)]
    return build_thermal(story, title_meta=_pdf_title(receipt))


def render_thermal_raster(receipt: ReturnReceipt, meta: PrintMeta) -> Image.Image:
    """The roll as a 1-bit image, 576 dots wide at 203 dpi, for ESC/POS raster printing."""
    return forms.thermal_raster(render_thermal(receipt, meta))


def _pdf_title(receipt: ReturnReceipt) -> str:
    return f"{TITLE} — {receipt.dossier_code}"


def _heading(receipt: ReturnReceipt, st: Styles, *, thermal: bool) -> list[Flowable]:
    date_line = place_date(receipt.office.place, receipt.returned_at, st)
    if thermal:
        date_line.style = st.centre_italic
    return [
        Spacer(1, 2),
        date_line,
        Spacer(1, 10 if not thermal else 8),
        title(TITLE, st, forms.THERMAL_WIDTH if thermal else None),
        Paragraph(f"Mã hồ sơ: <b>{esc(receipt.dossier_code)}</b>", st.centre),
        Spacer(1, 8 if not thermal else 5),
    ]


def _body(receipt: ReturnReceipt, st: Styles, *, thermal: bool) -> list[Flowable]:
    returner, recipient = receipt.returner, receipt.recipient
    story: list[Flowable] = [
        field("Tên thủ tục hành chính", receipt.procedure_name, st, bold=True),
        field("Chủ hồ sơ", receipt.owner.full_name, st, bold=True),
        field("Người trả kết quả", returner.full_name, st, bold=True),
        _details((("Điện thoại", returner.phone),), st, thermal),
        field("Người nhận kết quả", recipient.full_name, st, bold=True),
        _details(
            (("Số định danh cá nhân", recipient.id_number), ("Điện thoại", recipient.phone)),
            st,
            thermal,
        ),
    ]
    if receipt.authorised:
        story.append(
            Paragraph(
                "Người nhận kết quả nhận thay theo giấy ủy quyền "
                f"{esc(receipt.authorisation_paper)}.",
                _indented(st),
            )
        )
    story.append(field("Kết quả giải quyết", receipt.result_kind, st, bold=True))
    if receipt.result_number.strip():
        story.append(field("Số, ký hiệu", receipt.result_number, st))
    story += [
        field("Trích yếu", receipt.summary, st),
        Paragraph(f"Thời gian trả kết quả: <b>{minute_time(receipt.returned_at)}</b>", st.body),
        Paragraph(f"Phí, lệ phí đã thu: <b>{money(receipt.fee)}</b>", st.body),
    ]
    return story


def _indented(st: Styles) -> ParagraphStyle:
    return ParagraphStyle("indented", parent=st.body, leftIndent=st.size)


def _details(parts: tuple[tuple[str, str], ...], st: Styles, thermal: bool) -> Paragraph:
    """'Số định danh cá nhân: …    Điện thoại: …' under a person, dots where a value is missing
    (one item a line on the roll, where two do not fit side by side)."""
    shown = [f"{esc(label)}: {esc(value) or '……………'}" for label, value in parts]
    return Paragraph(("<br/>" if thermal else "&nbsp;" * 4).join(shown), _indented(st))


def _signatures(
    receipt: ReturnReceipt, width: float, st: Styles, room: float | None = None
) -> Table:
    return signature_row(
        [
            ("Người nhận kết quả", receipt.recipient.full_name),
            ("Người trả kết quả", receipt.returner.full_name),
        ],
        width,
        st,
        room,
    )
