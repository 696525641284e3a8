"""The bundled serif face: Liberation Serif (OFL 1.1, see LICENSE-LiberationSerif.txt).

Metrically compatible with Times New Roman, the face of Vietnamese administrative documents,
and it covers every Vietnamese letter. Fonts are registered with reportlab on first use, not
at import.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent
FAMILY = "LiberationSerif"
REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


@cache
def register() -> str:
    """Register the four faces (once per process) and return the family name."""
    # reportlab loads here, so that naming the font folder (signing stamps) stays cheap.
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, filename in _FILES.items():
        # Not asciiReadable: embed only the glyphs used, not all of ASCII (smaller PDFs).
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename), asciiReadable=False))
    # <b> and <i> inside Paragraphs pick the right face through these mappings.
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    # reportlab falls back on Helvetica, a font it never embeds, wherever a font is not named:
    # a new canvas, and every table cell (it sets the cell's font even around a Paragraph).
    # Every font in our PDFs is embedded, so the fall-back is ours too.
    from reportlab import rl_config
    from reportlab.platypus.tables import CellStyle

    rl_config.canvas_basefontname = REGULAR
    CellStyle.fontname = REGULAR
    return FAMILY
