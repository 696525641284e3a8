"""One module per form; this package holds the page builders every form shares.

``build_pdf`` lays a story out on fixed pages (A5, A4) or, with ``story_height``, on a roll
cut to fit. A thermal form is a PDF exactly as wide as the roll, laid out on the printer's
dot grid, so the 1-bit ESC/POS raster is that PDF rendered at the printer's resolution: one
layout, one set of fonts, identical diacritics on paper and on screen.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import Image
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepInFrame, PageTemplate

from desk.domain.text import nfc
from printing import fonts

THERMAL_DPI = 203
THERMAL_DOTS = 576  # printable width of an 80 mm head at 203 dpi (72 mm)
DOT = 72 / THERMAL_DPI  # one printer dot in PDF points
THERMAL_PAGE_WIDTH = 80 * mm
THERMAL_LEFT_DOTS = 32  # 4 mm: the unprintable strip left of the head
THERMAL_LEFT = THERMAL_LEFT_DOTS * DOT
THERMAL_WIDTH = THERMAL_DOTS * DOT
_INK_THRESHOLD = 150  # grey levels below this become black dots

PageHook = Callable[[Canvas, BaseDocTemplate], None]


def mark_hook(lines: Sequence[str], size: float) -> PageHook | None:
    """A page hook writing a mark in the top margin of every page: the first of ``lines``
    large and bold (so nobody misses "BẢN IN LẠI"), the rest after it in small type."""
    if not lines:
        return None
    head, tail = nfc(lines[0]), nfc(" ".join(lines[1:]))
    big = size * 1.4

    def draw(canv: Canvas, doc: BaseDocTemplate) -> None:
        head_w = canv.stringWidth(head + "  ", fonts.BOLD, big)
        x = (doc.pagesize[0] - head_w - canv.stringWidth(tail, fonts.REGULAR, size)) / 2
        y = doc.pagesize[1] - big * 1.5
        canv.saveState()
        canv.setFont(fonts.BOLD, big)
        canv.drawString(x, y, head)
        canv.setFont(fonts.REGULAR, size)
        canv.drawString(x + head_w, y, tail)
        canv.restoreState()

    return draw


@dataclass(frozen=True, slots=True)
class Margins:
    left: float
    right: float
    top: float
    bottom: float


def build_pdf(
    pagesize: tuple[float, float],
    margins: Margins,
    story: list[Flowable],
    *,
    title_meta: str,
    on_page: PageHook | None = None,
) -> bytes:
    """Lay ``story`` out on pages of ``pagesize`` and return the PDF bytes."""
    fonts.register()
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=pagesize,
        title=nfc(title_meta),
        author="motcua-desk",
        creator="motcua-desk",
        pageCompression=1,
        invariant=1,
        # reportlab's canvas starts in Helvetica, which it never embeds: every font in the PDF
        # must be embedded (a printer without Helvetica substitutes one), so start in ours.
        initialFontName=fonts.REGULAR,
    )
    frame = Frame(
        margins.left,
        margins.bottom,
        pagesize[0] - margins.left - margins.right,
        pagesize[1] - margins.top - margins.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    hook: PageHook = on_page or _no_hook
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=hook)])
    doc.build(story)
    return out.getvalue()


def _no_hook(canv: Canvas, doc: BaseDocTemplate) -> None:
    return None


def story_height(story: Sequence[Flowable], width: float) -> float:
    """Height the flowables take in a frame ``width`` wide (for roll paper sized to fit)."""
    return sum(f.wrap(width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)


A5_MARGINS = Margins(left=15 * mm, right=10 * mm, top=12 * mm, bottom=8 * mm)
A5_WIDTH = A5[0] - A5_MARGINS.left - A5_MARGINS.right
A5_HEIGHT = A5[1] - A5_MARGINS.top - A5_MARGINS.bottom


def a5_one_page(story: list[Flowable], *, title_meta: str, mark: Sequence[str]) -> bytes:
    """A one-page A5 form (Mẫu 02-04, biên nhận): a story too tall is shrunk onto the page,
    ``mark`` (reprint_lines) is written in the top margin."""
    if story_height(story, A5_WIDTH) > A5_HEIGHT:
        story = [KeepInFrame(A5_WIDTH, A5_HEIGHT, content=story, mode="shrink")]
    return build_pdf(A5, A5_MARGINS, story, title_meta=title_meta, on_page=mark_hook(mark, 7))


def build_thermal(story: list[Flowable], *, title_meta: str) -> bytes:
    """An 80 mm roll PDF, THERMAL_WIDTH of print on the head's dots, as tall as ``story``."""
    margins = Margins(
        left=THERMAL_LEFT,
        right=THERMAL_PAGE_WIDTH - THERMAL_LEFT - THERMAL_WIDTH,
        top=4 * mm,
        bottom=8 * mm,
    )
    height = story_height(story, THERMAL_WIDTH) + margins.top + margins.bottom + 2
    return build_pdf((THERMAL_PAGE_WIDTH, height), margins, story, title_meta=title_meta)


def thermal_raster(pdf: bytes) -> Image.Image:
    """Render a one-page thermal PDF to a 1-bit image THERMAL_DOTS wide (black = 0)."""
    import pypdfium2 as pdfium  # lazy: only thermal printing needs the PDFium engine

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=THERMAL_DPI / 72, grayscale=True)
        grey: Image.Image = bitmap.to_pil().convert("L")
        page.close()
    finally:
        document.close()
    band = grey.crop((THERMAL_LEFT_DOTS, 0, THERMAL_LEFT_DOTS + THERMAL_DOTS, grey.height))
    ink = band.point(lambda value: 0 if value < _INK_THRESHOLD else 255)
    return ink.convert("1", dither=Image.Dither.NONE)
