"""Shared blocks of Vietnamese administrative documents (NĐ 30/2020 style), for every form.

National header, place-and-date line, title, signature blocks, grid tables, the reprint mark
and the page builders. Every string goes through :func:`esc` (NFC, XML-escaped) before it
reaches a Paragraph, so decomposed input never prints as stacked marks.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desk.domain.text import nfc
from desk.domain.timefmt import long_local, to_local
from printing import fonts


def esc(text: str) -> str:
    """NFC, whitespace collapsed, escaped for Paragraph markup."""
    return escape(nfc(text))


def upper(text: str) -> str:
    return unicodedata.normalize("NFC", text).upper()


@dataclass(frozen=True, slots=True)
class Styles:
    """Paragraph styles of one form size; ``size`` is the body size in points."""

    size: float
    body: ParagraphStyle
    centre: ParagraphStyle
    right_italic: ParagraphStyle
    centre_italic: ParagraphStyle
    title: ParagraphStyle
    small: ParagraphStyle
    small_centre: ParagraphStyle
    header: ParagraphStyle
    motto: ParagraphStyle


def make_styles(size: float) -> Styles:
    family = fonts.register()
    lead = size * 1.25

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {"fontName": family, "fontSize": size, "leading": lead}
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    return Styles(
        size=size,
        body=style("body", alignment=TA_LEFT),
        centre=style("centre", alignment=TA_CENTER),
        right_italic=style("place", alignment=TA_RIGHT, fontName=fonts.ITALIC),
        centre_italic=style("place_c", alignment=TA_CENTER, fontName=fonts.ITALIC),
        title=style(
            "title",
            alignment=TA_CENTER,
            fontName=fonts.BOLD,
            fontSize=size + 2,
            leading=(size + 2) * 1.2,
        ),
        small=style("small", fontSize=size - 1.5, leading=(size - 1.5) * 1.2),
        small_centre=style(
            "small_centre", alignment=TA_CENTER, fontSize=size - 1.5, leading=(size - 1.5) * 1.2
        ),
        header=style("header", alignment=TA_CENTER, fontSize=size - 0.5, leading=size * 1.15),
        motto=style(
            "motto", alignment=TA_CENTER, fontName=fonts.BOLD, fontSize=size, leading=size * 1.2
        ),
    )


class Rule(Flowable):
    """A short centred horizontal rule, as under the agency name and the motto."""

    def __init__(self, length: float, thickness: float = 0.6, gap: float = 2.0) -> None:
        super().__init__()
        self.length, self.thickness, self.gap = length, thickness, gap
        self._avail = length

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        return availWidth, self.gap * 2

    def draw(self) -> None:
        start = (self._avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(start, self.gap, start + self.length, self.gap)


def text_width(text: str, font: str, size: float) -> float:
    fonts.register()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(nfc(text), font, size))


def balanced(text: str, font: str, style: ParagraphStyle, width: float) -> str:
    """Escaped markup of ``text`` broken into the fewest even lines that fit ``width``.

    Agency names are centred; a greedy wrap leaves one or two words alone on the second line.
    """
    words = nfc(text).split()
    if text_width(text, font, style.fontSize) <= width or len(words) < 2:
        return esc(text)
    allowed = [
        k
        for k in range(1, len(words))
        if (words[k - 1].upper(), words[k].upper()) not in _KEEP_TOGETHER
    ] or list(range(1, len(words)))

    def lines_of(breaks: tuple[int, ...]) -> list[str]:
        edges = (0, *breaks, len(words))
        return [" ".join(words[a:b]) for a, b in itertools.pairwise(edges)]

    def widest(breaks: tuple[int, ...]) -> float:
        return max(text_width(line, font, style.fontSize) for line in lines_of(breaks))

    # The fewest lines that fit, as even as possible; never cutting a word like "HÀNH CHÍNH".
    best: tuple[int, ...] | None = None
    for count in range(1, min(4, len(allowed) + 1)):
        fitting = [b for b in itertools.combinations(allowed, count) if widest(b) <= width]
        if fitting:
            best = min(fitting, key=widest)
            break
    if best is None:
        best = (min(allowed, key=lambda k: widest((k,))),)
    return "<br/>".join(esc(line) for line in lines_of(best))


# Two-syllable words of agency names that a line break must not cut ("HÀNH / CHÍNH").
_KEEP_TOGETHER = frozenset(
    (nfc(first), nfc(second))
    for first, second in (
        ("HÀNH", "CHÍNH"),
        ("PHỤC", "VỤ"),
        ("TRUNG", "TÂM"),
        ("NHÂN", "DÂN"),
        ("ỦY", "BAN"),
        ("BỘ", "PHẬN"),
        ("TIẾP", "NHẬN"),
        ("KẾT", "QUẢ"),
        ("MỘT", "CỬA"),
    )
)


def header_blocks(
    parent: str, unit: str, number: str, st: Styles, width: float
) -> tuple[list[Flowable], list[Flowable]]:
    """The left (agency) and right (quốc hiệu, tiêu ngữ) columns of the national header."""
    left: list[Flowable] = []
    if parent:
        left.append(Paragraph(balanced(upper(parent), fonts.REGULAR, st.header, width), st.header))
    unit_text = balanced(upper(unit), fonts.BOLD, st.header, width)
    left.append(Paragraph(f"<b>{unit_text}</b>", st.header))
    left.append(Rule(min(text_width(upper(unit), fonts.BOLD, st.header.fontSize) / 2, 60)))
    if number:
        left.append(Paragraph(f"Số: {esc(number)}", st.header))
    motto = "Độc lập - Tự do - Hạnh phúc"
    right: list[Flowable] = [
        Paragraph("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", st.header),
        Paragraph(motto, st.motto),
        Rule(text_width(motto, fonts.BOLD, st.motto.fontSize)),
    ]
    return left, right


def national_header(parent: str, unit: str, number: str, width: float, st: Styles) -> Table:
    """Two-column header: agency on the left (40 %), the State's name and motto on the right."""
    left, right = header_blocks(parent, unit, number, st, width * 0.42)
    table = Table([[left, right]], colWidths=[width * 0.42, width * 0.58])
    table.setStyle(_PLAIN)
    return table


_PLAIN = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
)


def vn_date(instant: datetime) -> str:
    """'ngày 05 tháng 01 năm 2026': zero before days < 10 and months 1-2 (NĐ 30/2020)."""
    return vn_day(to_local(instant).date())


def vn_day(day: date) -> str:
    """:func:`vn_date` of a calendar date (a date with no time, such as a new appointment)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_date(place: str, instant: datetime, st: Styles) -> Paragraph:
    """'<Địa danh>, ngày … tháng … năm …' in italics, under the motto."""
    return Paragraph(f"{esc(place)}, {vn_date(instant)}", st.right_italic)


def minute_time(instant: datetime) -> str:
    """'… giờ … phút, ngày … tháng … năm …' in local time."""
    return long_local(instant)


def title(text: str, st: Styles, width: float | None = None) -> Paragraph:
    """The bold centred title; on narrow paper pass ``width`` to break it evenly."""
    if width is None:
        return Paragraph(esc(upper(text)), st.title)
    return Paragraph(balanced(upper(text), fonts.BOLD, st.title, width), st.title)


def field(label: str, value: str, st: Styles, *, bold: bool = False) -> Paragraph:
    """'Label: value' with the value in bold when it is the line's point."""
    shown = esc(value) if value.strip() else "…………………………"
    return Paragraph(f"{esc(label)}: {f'<b>{shown}</b>' if bold else shown}", st.body)


SIGN_HINT = "(Ký và ghi rõ họ tên)"


def signature_cell(
    role: str,
    name: str,
    st: Styles,
    room: float | None = None,
    *,
    hint: str = SIGN_HINT,
    digital: str = "",
    width: float | None = None,
) -> list[Flowable]:
    """One signature block: role bold, hint italic, room, name bold. With ``digital`` (whose
    signature, e.g. "người hướng dẫn") it adds the TT 03/2025 line "(Chữ ký số của … nếu là
    biểu mẫu điện tử)" in small italics under the hint. Given the column ``width``, a line too
    wide for it breaks into two even lines. An empty role is an empty cell."""
    if not role.strip():
        return []

    def lines(text: str, font: str, style: ParagraphStyle) -> str:
        return esc(text) if width is None else balanced(text, font, style, width - 4)

    cell: list[Flowable] = [
        Paragraph(f"<b>{lines(upper(role), fonts.BOLD, st.centre)}</b>", st.centre),
        Paragraph(f"<i>{esc(hint)}</i>", st.centre),
    ]
    if digital:
        note = f"(Chữ ký số của {digital} nếu là biểu mẫu điện tử)"
        markup = lines(note, fonts.ITALIC, st.small_centre)
        cell.append(Paragraph(f"<i>{markup}</i>", st.small_centre))
    shown = lines(name, fonts.BOLD, st.centre)
    cell += [
        Spacer(1, st.size * 3.6 if room is None else room),
        Paragraph(f"<b>{shown}</b>" if name.strip() else "", st.centre),
    ]
    return cell


def signature_row(
    signers: Sequence[tuple[str, str]],
    width: float,
    st: Styles,
    room: float | None = None,
    *,
    digital: Sequence[str] = (),
) -> Table:
    """Side-by-side signature blocks: role bold, '(Ký và ghi rõ họ tên)' italic, room, name.

    ``digital`` names, per signer, whose digital signature the 2025 note mentions (see
    :func:`signature_cell`); a role of "" leaves its column blank (a lone signer on the right).
    """
    column = width / len(signers)
    cells = [
        signature_cell(
            role, name, st, room, digital=digital[i] if i < len(digital) else "", width=column
        )
        for i, (role, name) in enumerate(signers)
    ]
    table = Table([cells], colWidths=[column] * len(signers))
    table.setStyle(_PLAIN)
    return table


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    col_widths: Sequence[float],
    st: Styles,
    *,
    left_cols: Sequence[int] = (1,),
) -> Table:
    """A ruled table: bold centred header, numbers centred, text columns left-aligned."""
    head_style = ParagraphStyle("th", parent=st.small_centre, fontName=fonts.BOLD)
    text_style = ParagraphStyle("td", parent=st.small)
    data: list[list[Flowable]] = [[Paragraph(esc(h), head_style) for h in header]]
    for row in rows:
        data.append(
            [
                Paragraph(esc(cell), text_style if i in left_cols else st.small_centre)
                for i, cell in enumerate(row)
            ]
        )
    table = Table(data, colWidths=list(col_widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def reprint_lines(printed_at: datetime, reprint_of: datetime | None) -> tuple[str, ...]:
    """("BẢN IN LẠI", "lúc …", "(in lần đầu lúc …)") for a reprint; () for an original."""
    if reprint_of is None:
        return ()
    return (
        "BẢN IN LẠI",
        f"lúc {minute_time(printed_at)}",
        f"(in lần đầu lúc {minute_time(reprint_of)})",
    )
