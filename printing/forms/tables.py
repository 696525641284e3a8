"""Ruled tables of the A4 registers and reports: one or two header rows (a spanned group over
its sub-columns), repeated on every page, numbers right-aligned.

Short cells (numbers, dates) are plain strings, which Table draws without the cost of a
Paragraph: a 500-line register stays quick. Text cells wrap in Paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from desk.domain.money import grouped
from desk.domain.text import nfc
from printing import fonts
from printing.layout import esc

Align = Literal["left", "centre", "right"]
_ALIGN = {"left": "LEFT", "centre": "CENTER", "right": "RIGHT"}
CellValue = str | Paragraph


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: float
    align: Align = "centre"
    group: str = ""
    """The spanned heading above this column ("" for a column with no group)."""
    wrap: bool = False
    """Text that wraps (a Paragraph); otherwise a plain string, lines split on "\\n"."""


def plain(text: str) -> str:
    """NFC of each line of ``text``, for a plain (non-Paragraph) table cell."""
    return "\n".join(nfc(line) for line in text.split("\n"))


def ruled_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    size: float,
    *,
    bold_rows: Sequence[int] = (),
) -> Table:
    """The ruled table: header rows repeat on every page; ``bold_rows`` index ``rows``."""
    fonts.register()
    lead = size * 1.2
    head = ParagraphStyle(
        "tbl_head", fontName=fonts.BOLD, fontSize=size, leading=lead, alignment=TA_CENTER
    )
    body = ParagraphStyle("tbl_body", fontName=fonts.REGULAR, fontSize=size, leading=lead)
    bold = ParagraphStyle("tbl_bold", parent=body, fontName=fonts.BOLD)
    styles = {
        (a, b): ParagraphStyle(
            f"tbl_{a}_{b}",
            parent=bold if b else body,
            alignment=TA_LEFT if a == "left" else TA_CENTER,
        )
        for a in _ALIGN
        for b in (False, True)
    }
    two = any(c.group for c in columns)
    header = _header(columns, head, two)
    strong = frozenset(bold_rows)
    data: list[list[CellValue]] = [*header]
    for index, row in enumerate(rows):
        is_bold = index in strong
        data.append(
            [
                Paragraph(esc(cell), styles[(c.align, is_bold)]) if c.wrap else plain(cell)
                for c, cell in zip(columns, row, strict=True)
            ]
        )
    first = len(header)
    commands: list[Any] = [  # TableStyle commands (typed per command in the stubs)
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, first), (-1, -1), fonts.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), lead),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for i, c in enumerate(columns):
        commands.append(("ALIGN", (i, first), (i, -1), _ALIGN[c.align]))
        if c.align == "right":  # figures clear of the rule
            commands.append(("RIGHTPADDING", (i, first), (i, -1), 4))
    for index in strong:
        commands.append(("FONTNAME", (0, first + index), (-1, first + index), fonts.BOLD))
    if two:
        commands += _spans(columns)
    table = Table(data, colWidths=[c.width for c in columns], repeatRows=first)
    table.setStyle(TableStyle(commands))
    return table


def _header(columns: Sequence[Column], head: ParagraphStyle, two: bool) -> list[list[CellValue]]:
    if not two:
        return [[Paragraph(esc(c.title), head) for c in columns]]
    top: list[CellValue] = []
    sub: list[CellValue] = []
    for i, c in enumerate(columns):
        if not c.group:
            top.append(Paragraph(esc(c.title), head))
            sub.append("")
            continue
        starts = i == 0 or columns[i - 1].group != c.group
        top.append(Paragraph(esc(c.group), head) if starts else "")
        sub.append(Paragraph(esc(c.title), head))
    return [top, sub]


def _spans(columns: Sequence[Column]) -> list[Any]:
    spans: list[Any] = []
    i = 0
    while i < len(columns):
        group = columns[i].group
        if not group:
            spans.append(("SPAN", (i, 0), (i, 1)))
            i += 1
            continue
        end = i
        while end + 1 < len(columns) and columns[end + 1].group == group:
            end += 1
        spans.append(("SPAN", (i, 0), (end, 0)))
        i = end + 1
    return spans


def count(value: int) -> str:
    """A count with Vietnamese digit grouping: 1.234."""
    return grouped(value)


def percent(value: float | None) -> str:
    """'95,5' (Vietnamese decimal comma); '-' when there is nothing to rate."""
    return "-" if value is None else f"{value:.1f}".replace(".", ",")
