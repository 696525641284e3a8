"""Helpers the one-page counter forms share (Mẫu 02–05, Giấy biên nhận trả kết quả)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from printing.layout import Styles, esc, national_header, place_date, title
from printing.model import OfficeHeader


def roomy(st: Styles, leading: float = 1.4) -> Styles:
    """``st`` with airier body lines, for one-page forms with room to spare."""
    body = ParagraphStyle(f"body_{leading}", parent=st.body, leading=st.size * leading)
    return replace(st, body=body)


def form_number(number: str, symbol: str, issuer: str = "") -> str:
    """The header's 'Số' value: '15/PBS-BPTNTKQ'; dots to fill by hand when unnumbered."""
    tail = f"-{issuer}" if issuer.strip() else ""
    return f"{number.strip() or '……'}/{symbol}{tail}"


def contact_line(phone: str, email: str, st: Styles) -> Paragraph:
    """'Số điện thoại: …    Email: …' on one line, dots where a value is missing."""
    shown_phone = esc(phone) or "……………………"
    shown_email = esc(email) or "……………………"
    return Paragraph(
        f"Số điện thoại: {shown_phone}&nbsp;&nbsp;&nbsp;&nbsp;Email: {shown_email}", st.body
    )


def notice_opening(
    office: OfficeHeader,
    number: str,
    issued_at: datetime,
    heading: str,
    width: float,
    st: Styles,
    small: Styles,
    *,
    title_width: float | None = None,
) -> list[Flowable]:
    """National header with the 'Số' line, place and date, then the bold title: the top of
    every A5 notice (Mẫu 02–05)."""
    return [
        national_header(office.parent_name, office.unit_name, number, width, small),
        Spacer(1, 2),
        place_date(office.place, issued_at, st),
        Spacer(1, 10),
        title(heading, st, title_width),
        Spacer(1, 8),
    ]
