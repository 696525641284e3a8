"""What the desk accepts in a text field typed, scanned or read from a file (pure).

Every service that stores a person's or an officer's text runs it through ``checked_text``
before anything is written, so the screens and the command line refuse the same input with
the same Vietnamese sentence: control characters (NUL, ESC, the rest of C0 and C1, DEL, the
bidirectional overrides that make a name print reversed, lone surrogates a JSON file can
carry) and text longer than any real name, address or note.
"""

from __future__ import annotations

import unicodedata

from desk.domain.text import nfc
from desk.errors import InvalidInput

MAX_NAME_LENGTH = 100
"""A person's or an organisation's name (the longest real names are well under 60)."""
MAX_ADDRESS_LENGTH = 300
MAX_LINE_LENGTH = 300
"""Any other one-line field: a component's name, a unit, a phone, an email, a title."""
MAX_NOTE_LENGTH = 2000
"""A note, a reason, a summary: the only fields where a tab or a new line is allowed."""

_LINE_BREAKS = frozenset("\t\n\r")
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def forbidden_character(text: str, *, multiline: bool = False) -> int | None:
    """The 1-based position of the first character a field may not hold, or None.

    Tab and new line are allowed in a note (``multiline``), and around any field (a pasted
    name often ends with a new line); nowhere else."""
    inner = text.strip(" \t\r\n")
    offset = len(text) - len(text.lstrip(" \t\r\n"))
    for index, char in enumerate(inner):
        if char in _LINE_BREAKS:
            if multiline:
                continue
            return offset + index + 1
        code = ord(char)
        if code < 0x20 or 0x7F <= code <= 0x9F or char in _BIDI_CONTROLS:
            return offset + index + 1
        if unicodedata.category(char) == "Cs":  # a lone surrogate cannot be stored as UTF-8
            return offset + index + 1
    return None


def checked_text(
    value: str,
    field: str,
    *,
    limit: int,
    multiline: bool = False,
    role: str | None = None,
) -> str:
    """``value`` in NFC with its spaces collapsed, or InvalidInput naming the field (and whose
    it is) when it holds a control character or is longer than ``limit`` characters.

    ``field`` and ``role`` are labels translated with the message (desk.i18n.PARAMETER_LABELS);
    the value itself never enters the message, so the error is safe to log."""
    position = forbidden_character(value, multiline=multiline)
    if position is not None:
        code = f"U+{ord(value[position - 1]):04X}"
        if role:
            raise InvalidInput(
                "{field} của {role} có ký tự không hợp lệ (ký tự thứ {position}, mã {code}). "
                "Hãy nhập lại bằng bàn phím, không dán ký tự điều khiển.",
                field=field,
                role=role,
                position=position,
                code=code,
            )
        raise InvalidInput(
            "{field} có ký tự không hợp lệ (ký tự thứ {position}, mã {code}). Hãy nhập lại "
            "bằng bàn phím, không dán ký tự điều khiển.",
            field=field,
            position=position,
            code=code,
        )
    text = nfc(value)
    if len(text) > limit:
        if role:
            raise InvalidInput(
                "{field} của {role} dài {length} ký tự, quá giới hạn {limit} ký tự.",
                field=field,
                role=role,
                length=len(text),
                limit=limit,
            )
        raise InvalidInput(
            "{field} dài {length} ký tự, quá giới hạn {limit} ký tự.",
            field=field,
            length=len(text),
            limit=limit,
        )
    return text


def checked_optional(
    value: str | None,
    field: str,
    *,
    limit: int,
    multiline: bool = False,
    role: str | None = None,
) -> str | None:
    """``checked_text`` for a field that may be empty: None stays None, blank becomes None."""
    if value is None:
        return None
    return checked_text(value, field, limit=limit, multiline=multiline, role=role) or None
