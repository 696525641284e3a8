"""Mẫu 07 — SỔ THEO DÕI HỒ SƠ, on A4 landscape, as many pages as the lines need.

Columns of the 2025 body (DOMAIN.md §11.1, the 2018 Mẫu 06 of §2.8 without "Số lượng hồ sơ"):
STT | Mã hồ sơ | Tên TTHC | Tên tổ chức, cá nhân | Địa chỉ, số điện thoại | Cơ quan chủ trì giải
quyết | Nhận và trả kết quả: Nhận hồ sơ | Hẹn trả kết quả | Trả kết quả | Phương thức nhận kết
quả | Ký nhận. The two header rows repeat on every page; times print as "HH:MM dd/MM/yyyy" (the
time above the date, so the narrow columns hold them).
"""

from __future__ import annotations

from datetime import date, datetime

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Paragraph, Spacer

from desk.domain.timefmt import to_local
from printing import fonts
from printing.forms import Margins, build_pdf
from printing.forms.tables import Column, ruled_table
from printing.layout import esc, make_styles, national_header, title
from printing.model import RegisterBook, RegisterLine

TITLE = "Sổ theo dõi hồ sơ"
PAGE = landscape(A4)
MARGINS = Margins(left=15 * mm, right=12 * mm, top=12 * mm, bottom=12 * mm)
WIDTH = PAGE[0] - MARGINS.left - MARGINS.right
TABLE_SIZE = 8
_GROUP = "Nhận và trả kết quả"
COLUMNS = (
    Column("STT", 9 * mm),
    Column("Mã hồ sơ", 36 * mm, "left", wrap=True),
    Column("Tên TTHC", 36 * mm, "left", wrap=True),
    Column("Tên tổ chức, cá nhân", 30 * mm, "left", wrap=True),
    Column("Địa chỉ, số điện thoại", 36 * mm, "left", wrap=True),
    Column("Cơ quan chủ trì giải quyết", 27 * mm, "left", wrap=True),
    Column("Nhận hồ sơ", 18 * mm, group=_GROUP),
    Column("Hẹn trả kết quả", 18 * mm, group=_GROUP),
    Column("Trả kết quả", 18 * mm, group=_GROUP),
    Column("Phương thức nhận kết quả", 21 * mm, "left", wrap=True),
    Column("Ký nhận", WIDTH - 249 * mm),
)


def render_a4(book: RegisterBook) -> bytes:
    """The register's PDF on A4 landscape; the header rows repeat and pages are numbered."""
    st = make_styles(11)
    story: list[Flowable] = [
        national_header(book.office.parent_name, book.office.unit_name, "", WIDTH * 0.75, st),
        Spacer(1, 8),
        title(TITLE, st),
        Spacer(1, 3),
        Paragraph(f"Quyển số: <b>{esc(book.book_number) or '……'}</b>", st.centre),
    ]
    if book.sector.strip():
        story.append(Paragraph(f"Lĩnh vực: {esc(book.sector)}", st.centre))
    story += [
        Paragraph(f"Từ ngày {_day(book.first_day)} đến ngày {_day(book.last_day)}", st.centre),
        Spacer(1, 8),
        ruled_table(COLUMNS, [_row(line) for line in book.lines], TABLE_SIZE),
    ]
    return build_pdf(PAGE, MARGINS, story, title_meta=_pdf_title(book), on_page=_page_number)


def _pdf_title(book: RegisterBook) -> str:
    return (
        f"{TITLE} — quyển {book.book_number or '…'} ({_day(book.first_day)}–{_day(book.last_day)})"
    )


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def stamp(instant: datetime | None) -> str:
    """'09:05\\n25/11/2026' (HH:MM dd/MM/yyyy, local), "" for no time."""
    return "" if instant is None else to_local(instant).strftime("%H:%M\n%d/%m/%Y")


def _row(line: RegisterLine) -> list[str]:
    return [
        str(line.seq),
        line.dossier_code,
        line.procedure_name,
        line.applicant_name,
        line.contact,
        line.processing_agency,
        stamp(line.received_at),
        stamp(line.due_at),
        stamp(line.returned_at),
        line.delivery,
        "",
    ]


def _page_number(canv: Canvas, doc: BaseDocTemplate) -> None:
    canv.saveState()
    canv.setFont(fonts.ITALIC, 8)
    canv.drawCentredString(PAGE[0] / 2, MARGINS.bottom / 2, f"Trang {canv.getPageNumber()}")
    canv.restoreState()
