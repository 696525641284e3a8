"""Mẫu 06 (TT 03/2025; Mẫu 05 of TT 01/2018) — PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ, A5.

Text followed: the 2025 body as summarised from QĐ 3621/QĐ-BYT (DOMAIN.md §11.1) with the 2018
header line "Kèm theo hồ sơ của" (DOMAIN.md §2.6): "Số: …/PKS"; Mã số hồ sơ; Cơ quan (bộ phận)
giải quyết hồ sơ; Cơ quan phối hợp giải quyết hồ sơ; Ngày nhận; "Hẹn trả kết quả vào … giờ …
phút, ngày …"; the table TÊN CƠ QUAN | THỜI GIAN GIAO, NHẬN HỒ SƠ | KẾT QUẢ GIẢI QUYẾT HỒ SƠ
(Trước hạn/đúng hạn/quá hạn) | GHI CHÚ, one row per hand-off: "1. Giao: … 2. Nhận: …", "… giờ …
phút, ngày …", Người giao / Người nhận with room to sign. The 2025 printed notes on electronic
tracking are not printed: their wording was not seen.

Unlike Mẫu 02-05 the sheet may run over several pages (the header row repeats); the reprint
mark is on every page. With no hand-offs yet it prints blank rows to fill by hand.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desk.domain.timefmt import to_local
from printing import fonts
from printing.forms import A5_MARGINS, A5_WIDTH, build_pdf, mark_hook
from printing.forms.common import form_number, roomy
from printing.layout import (
    Styles,
    esc,
    field,
    make_styles,
    minute_time,
    national_header,
    place_date,
    reprint_lines,
    title,
)
from printing.model import ControlSheet, HandOff, PrintMeta

TITLE = "Phiếu kiểm soát quá trình giải quyết hồ sơ"
SYMBOL = "PKS"
BLANK_ROWS = 4
_HEAD = (
    "TÊN CƠ QUAN",
    "THỜI GIAN GIAO, NHẬN HỒ SƠ",
    "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ đúng hạn/ quá hạn)",
    "GHI CHÚ",
)
_DOTS = "……………"


def render_a5(sheet: ControlSheet, meta: PrintMeta) -> bytes:
    """The A5 PDF: one page, more when the hand-offs do not fit."""
    st, small = roomy(make_styles(10.5)), make_styles(10)
    width = A5_WIDTH
    office = sheet.office
    number = form_number(sheet.number, SYMBOL, sheet.issuer_symbol)
    partners = "; ".join(u.strip() for u in sheet.coordinating_units if u.strip())
    story: list[Flowable] = [
        national_header(office.parent_name, office.unit_name, number, width, small),
        Spacer(1, 2),
        place_date(office.place, sheet.received_at, st),
        Spacer(1, 8),
        title(TITLE, st, width),
        Spacer(1, 6),
        field("Kèm theo hồ sơ của", sheet.owner.full_name, st, bold=True),
        field("Mã số hồ sơ", sheet.dossier_code, st, bold=True),
    ]
    if sheet.procedure_name.strip():
        story.append(field("Nội dung yêu cầu giải quyết", sheet.procedure_name, st))
    story += [
        field("Cơ quan (bộ phận) giải quyết hồ sơ", sheet.processing_unit, st),
        field("Cơ quan phối hợp giải quyết hồ sơ", partners, st),
        Paragraph(f"Ngày nhận: {to_local(sheet.received_at):%d/%m/%Y}", st.body),
        Paragraph(f"Hẹn trả kết quả vào <b>{minute_time(sheet.due_at)}</b>", st.body),
        Spacer(1, 6),
        _table(sheet.hand_offs, width, small),
    ]
    mark = reprint_lines(meta.printed_at, meta.reprint_of)
    title_meta = f"{TITLE} — {sheet.dossier_code or sheet.owner.full_name}"
    return build_pdf(A5, A5_MARGINS, story, title_meta=title_meta, on_page=mark_hook(mark, 7))


def _table(hand_offs: tuple[HandOff, ...], width: float, st: Styles) -> Table:
    head = ParagraphStyle("pks_th", parent=st.small_centre, fontName=fonts.BOLD)
    cell = ParagraphStyle("pks_td", parent=st.small)
    widths = [34 * mm, 44 * mm, 24 * mm]
    widths.append(width - sum(widths))
    data: list[list[Flowable | list[Flowable]]] = [[Paragraph(esc(h), head) for h in _HEAD]]
    for h in hand_offs:
        data.append(
            [
                Paragraph(
                    f"1. Giao: <b>{esc(h.giver_unit) or _DOTS}</b><br/>"
                    f"2. Nhận: <b>{esc(h.receiver_unit) or _DOTS}</b>",
                    cell,
                ),
                _when(minute_time(h.at), h.giver, h.receiver, widths[1] - 4, st),
                Paragraph(esc(h.timeliness.label) if h.timeliness else "", st.small_centre),
                Paragraph(esc(h.note), cell),
            ]
        )
    if not hand_offs:
        blank = "… giờ … phút, ngày … tháng … năm …"
        for _ in range(BLANK_ROWS):
            data.append(
                [
                    Paragraph(f"1. Giao: {_DOTS}<br/>2. Nhận: {_DOTS}", cell),
                    _when(blank, "", "", widths[1] - 4, st),
                    Paragraph("", cell),
                    Paragraph("", cell),
                ]
            )
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("VALIGN", (2, 1), (2, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _when(moment: str, giver: str, receiver: str, width: float, st: Styles) -> list[Flowable]:
    """The time line, then Người giao | Người nhận side by side with room to sign."""
    centre = st.small_centre
    signs = Table(
        [
            [Paragraph("<b>Người giao</b>", centre), Paragraph("<b>Người nhận</b>", centre)],
            [Spacer(1, 22), Spacer(1, 22)],
            [Paragraph(esc(giver), centre), Paragraph(esc(receiver), centre)],
        ],
        colWidths=[width / 2, width / 2],
    )
    signs.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    hour, _, day = moment.partition(", ")
    return [Paragraph(f"{esc(hour)},<br/>{esc(day)}", centre), Spacer(1, 2), signs]
