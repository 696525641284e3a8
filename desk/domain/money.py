"""Amounts and counts as Vietnamese writes them (dots between thousands): the one formatter
the screens, the printed forms and the server's messages share."""

from __future__ import annotations


def grouped(value: int) -> str:
    """1234567 → '1.234.567'."""
    return f"{value:,}".replace(",", ".")


def money(amount: int) -> str:
    """25000 → '25.000 đồng'; a fee is never negative."""
    if amount < 0:
        raise ValueError("amount: a fee is never negative")
    return f"{grouped(amount)} đồng"


def fee_text(amount: int) -> str:
    """A fee as a form or a message states it: '25.000 đồng', or 'không thu' for none."""
    return money(amount) if amount else "không thu"
