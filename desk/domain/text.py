"""Text helpers: NFC for storage and printing, accent folding for search."""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    """NFC with whitespace collapsed: what is stored and printed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str) -> str:
    """Lower case without diacritics, so "nguyen van an" finds "Nguyễn Văn An"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
