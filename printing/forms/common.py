"""Helpers the one-page counter forms share (Mẫu 02, 03, 04, Giấy biên nhận trả kết quả)."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from printing.layout import Styles, esc


def roomy(st: Styles, leading: float = 1.4) -> Styles:
    """``st`` with airier body lines, for one-page forms with room to spare."""
    body = ParagraphStyle(f"body_{leading}", parent=st.body, leading=st.size * leading)
    return replace(st, body=body)


def form_number(number: str, symbol: str, issuer: str = "") -> str:
    """The header's 'Số' value: '15/PBS-BPTNTKQ'; dots to fill by hand when unnumbered."""
    tail = f"-{issuer}" if issuer.strip() else ""
    return f"{number.strip() or '……'}/{symbol}{tail}"


def money(amount: int) -> str:
    """'25.000 đồng': Vietnamese digit grouping with dots."""
    if amount < 0:
        raise ValueError("amount: a fee is never negative")
    return f"{amount:,} đồng".replace(",", ".")


def contact_line(phone: str, email: str, st: Styles) -> Paragraph:
    """'Số điện thoại: …    Email: …' on one line, dots where a value is missing."""
    shown_phone = esc(phone) or "……………………"
    shown_email = esc(email) or "……………………"
    return Paragraph(
        f"Số điện thoại: {shown_phone}&nbsp;&nbsp;&nbsp;&nbsp;Email: {shown_email}", st.body
    )
