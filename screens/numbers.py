"""Numbers as a Vietnamese reader expects them: no ".0" on whole numbers, a decimal comma."""

from __future__ import annotations


def number(value: float, decimals: int = 1) -> str:
    """8.0 → "8", 7.5 → "7,5", 100.0 → "100"."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def percent(value: float) -> str:
    """ "100 %", "87,5 %" (a space before the sign, as Vietnamese typesetting has it)."""
    return f"{number(value)} %"
