"""GIẤY BÀN GIAO HỒ SƠ, on A4 portrait (one page or more).

Text followed: none official; provinces print it (DOMAIN.md §2.9): the desk hands dossiers to a
processing unit, with the deadline by which each result must come back to the desk. Printed in
the common 2025 header (DOMAIN.md §11.1): the list of dossiers (Mã hồ sơ, thủ tục, chủ hồ sơ, số
bộ, hạn trả kết quả về bộ phận), the totals, and BÊN GIAO | BÊN NHẬN signatures with the 2025
"(Chữ ký số của … nếu là biểu mẫu điện tử)" line.

A4 rather than A5: the six-column table needs the width for dossier codes and procedure names
to stay readable. Assumption: the ký hiệu "BGHS" in "Số: …/BGHS" is ours (no national text).
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from desk.domain.timefmt import to_local
from printing.forms import Margins, build_pdf, mark_hook
from printing.forms.common import form_number, roomy
from printing.layout import (
    SIGN_HINT,
    Styles,
    esc,
    grid_table,
    make_styles,
    minute_time,
    national_header,
    place_date,
    reprint_lines,
    signature_cell,
    title,
)
from printing.model import HandOverLine, HandOverNote, PrintMeta, Signer

TITLE = "Giấy bàn giao hồ sơ"
SYMBOL = "BGHS"
A4_MARGINS = Margins(left=20 * mm, right=15 * mm, top=15 * mm, bottom=15 * mm)
A4_WIDTH = A4[0] - A4_MARGINS.left - A4_MARGINS.right
_HEAD = (
    "TT",
    "Mã hồ sơ",
    "Tên thủ tục hành chính",
    "Chủ hồ sơ",
    "Số lượng (bộ)",
    "Hạn trả kết quả về bộ phận",
)


def render_a4(note: HandOverNote, meta: PrintMeta) -> bytes:
    """The A4 PDF: one page, more for a long list (the table header repeats)."""
    st, small = roomy(make_styles(12)), make_styles(11)
    width = A4_WIDTH
    office = note.office
    giver_unit = note.from_unit.strip() or office.unit_name
    number = form_number(note.number, SYMBOL, note.issuer_symbol)
    sets = sum(line.sets for line in note.lines)
    story: list[Flowable] = [
        national_header(office.parent_name, office.unit_name, number, width, small),
        Spacer(1, 2),
        place_date(office.place, note.handed_at, st),
        Spacer(1, 12),
        title(TITLE, st),
        Spacer(1, 10),
        Paragraph(f"Hôm nay, vào {minute_time(note.handed_at)}, tại {esc(giver_unit)}:", st.body),
        Paragraph(f"Bên giao: <b>{esc(giver_unit)}</b>", st.body),
        Paragraph(f"Bên nhận: <b>{esc(note.to_unit) or '…………………………'}</b>", st.body),
        Paragraph("Bên giao bàn giao cho Bên nhận các hồ sơ sau:", st.body),
        Spacer(1, 4),
        _table(note.lines, width, small),
        Spacer(1, 4),
        KeepTogether(
            [
                Paragraph(f"Tổng số: <b>{len(note.lines)}</b> hồ sơ, <b>{sets}</b> bộ.", st.body),
                Paragraph(
                    f"Đề nghị {esc(note.to_unit) or 'Bên nhận'} trả kết quả giải quyết hồ sơ về "
                    f"{esc(giver_unit)} đúng thời hạn nêu trên./.",
                    st.body,
                ),
                Spacer(1, 12),
                _signatures(note.giver, note.receiver, width, st),
            ]
        ),
    ]
    mark = reprint_lines(meta.printed_at, meta.reprint_of)
    title_meta = f"{TITLE} — {note.to_unit}"
    return build_pdf(A4, A4_MARGINS, story, title_meta=title_meta, on_page=mark_hook(mark, 8))


def due_text(line: HandOverLine) -> str:
    """'16 giờ 30 phút, ngày 28/11/2026': short enough for its column."""
    local = to_local(line.due_back_at)
    return f"{local.hour:02d} giờ {local.minute:02d} phút, ngày {local:%d/%m/%Y}"


def _table(lines: tuple[HandOverLine, ...], width: float, st: Styles) -> Table:
    rows = [
        (str(i), line.dossier_code, line.procedure_name, line.owner, str(line.sets), due_text(line))
        for i, line in enumerate(lines, start=1)
    ]
    fixed = [9 * mm, 43 * mm, 0.0, 33 * mm, 15 * mm, 34 * mm]
    fixed[2] = width - sum(fixed)
    return grid_table(_HEAD, rows, fixed, st, left_cols=(1, 2, 3))


def _signatures(giver: Signer, receiver: Signer, width: float, st: Styles) -> Table:
    column = width / 2
    cells: list[list[Flowable]] = []
    for side, who in (("Bên giao", giver), ("Bên nhận", receiver)):
        cell = signature_cell(
            side, who.name, st, hint=SIGN_HINT, digital=side.lower(), width=column
        )
        if who.role.strip():
            cell.insert(1, Paragraph(esc(who.role), st.centre))
        cells.append(cell)
    table = Table([cells], colWidths=[column, column])
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    return table
