"""Scanned pages → one PDF per dossier component, in two copies.

- The legal copy (bản sao điện tử, Nghị định 30/2020 Phụ lục I): PDF ≥ 1.4, colour, ≥ 200 dpi,
  scale 100 % (the page size follows the scan resolution), high-quality JPEG.
- The compact copy for the slow link: grayscale where the page has no colour (with the paper
  tint and scanner noise of the background whitened), 150 dpi, and the highest JPEG quality
  that keeps the page within its byte budget.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageFilter

from desk.devices.scanning.base import LEGAL_MIN_DPI, ScanInputError, ScannedPage
from desk.devices.scanning.pdfwriter import JpegPage, jpeg_pdf

LEGAL_QUALITY = 90
COMPACT_DPI = 150
COMPACT_PAGE_BUDGET = 120_000
"""Bytes per compact page aimed at (an A4 text page at 200 dpi); the quality steps down to fit."""
COMPACT_QUALITIES = (60, 50, 40, 32, 25, 20, 15)
"""Tried in turn; text at 150 dpi stays legible, diacritics included, down to 15."""
PAPER_WHITE = 215
"""Gray levels at or above this are paper, made pure white in the compact copy."""
_COLOUR_CHROMA = 48
"""max(R,G,B) − min(R,G,B) above which a thumbnail pixel counts as coloured."""
_COLOUR_SHARE = 0.002
"""Share of coloured thumbnail pixels (0.2 %) that makes a page a colour page (a red seal)."""
_THUMBNAIL = 256


@dataclass(frozen=True)
class ScanDocument:
    """Both copies of one scanned component, with what the dossier records about them."""

    legal: bytes
    compact: bytes
    pages: int
    dpi: float
    colour_pages: int

    @property
    def legal_size(self) -> int:
        return len(self.legal)

    @property
    def compact_size(self) -> int:
        return len(self.compact)


def has_colour(image: Image.Image) -> bool:
    """True when the page carries colour (a seal, a photo, coloured ink), judged on an averaged
    thumbnail so that scanner noise and colour fringes at text edges do not count."""
    if image.mode not in ("RGB", "RGBA", "P", "CMYK"):
        return False
    thumbnail = image.convert("RGB")
    thumbnail.thumbnail((_THUMBNAIL, _THUMBNAIL), Image.Resampling.BOX)
    red, green, blue = thumbnail.split()
    brightest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    darkest = ImageChops.darker(ImageChops.darker(red, green), blue)
    histogram = ImageChops.subtract(brightest, darkest).histogram()
    coloured = sum(histogram[_COLOUR_CHROMA + 1 :])
    return coloured >= _COLOUR_SHARE * thumbnail.width * thumbnail.height


def _jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def _points(page: ScannedPage) -> tuple[float, float]:
    return page.image.width * 72 / page.dpi, page.image.height * 72 / page.dpi


def check_legal(pages: list[ScannedPage]) -> None:
    for number, page in enumerate(pages, start=1):
        if page.dpi < LEGAL_MIN_DPI - 0.5:
            raise ScanInputError(
                "Trang {page} chỉ có {dpi} dpi; bản sao điện tử theo Nghị định 30/2020 cần ít "
                "nhất 200 dpi. Hãy quét lại ở 200 dpi trở lên (hoặc ghi --dpi nếu tệp ảnh "
                "không ghi độ phân giải).",
                page=number,
                dpi=round(page.dpi),
            )


def legal_page(page: ScannedPage) -> JpegPage:
    image = page.image.convert("RGB")
    width, height = _points(page)
    return JpegPage(_jpeg(image, LEGAL_QUALITY), image.width, image.height, width, height, False)


def legal_pdf(pages: list[ScannedPage]) -> bytes:
    check_legal(pages)
    return jpeg_pdf([legal_page(page) for page in pages])


def compact_page(page: ScannedPage, *, budget: int = COMPACT_PAGE_BUDGET) -> JpegPage:
    colour = has_colour(page.image)
    image = page.image.convert("RGB" if colour else "L")
    if page.dpi > COMPACT_DPI:
        size = (
            max(1, round(image.width * COMPACT_DPI / page.dpi)),
            max(1, round(image.height * COMPACT_DPI / page.dpi)),
        )
        image = image.resize(size, Image.Resampling.LANCZOS)
    # Sensor noise costs JPEG bytes and carries nothing: a 3×3 median removes it, then the
    # paper's tint becomes white.
    image = image.filter(ImageFilter.MedianFilter(3))
    if not colour:
        image = image.point(lambda level: 255 if level >= PAPER_WHITE else level)
    jpeg = b""
    for quality in COMPACT_QUALITIES:
        jpeg = _jpeg(image, quality)
        if len(jpeg) <= budget:
            break
    width, height = _points(page)
    return JpegPage(jpeg, image.width, image.height, width, height, not colour)


def compact_pdf(pages: list[ScannedPage]) -> tuple[bytes, int]:
    """The compact PDF and how many of its pages stayed in colour."""
    out = [compact_page(page) for page in pages]
    return jpeg_pdf(out), sum(1 for page in out if not page.gray)


@dataclass(frozen=True)
class EncodedPage:
    """One page already encoded for both copies: documents are assembled from these without
    encoding a page twice (the counter's scan dialog rescans or removes single pages)."""

    legal: JpegPage
    compact: JpegPage
    dpi: float


def encode_page(page: ScannedPage) -> EncodedPage:
    check_legal([page])
    return EncodedPage(legal_page(page), compact_page(page), page.dpi)


def assemble(pages: list[EncodedPage]) -> ScanDocument:
    if not pages:
        raise ScanInputError("Bản quét không có trang nào. Hãy quét lại.")
    return ScanDocument(
        legal=jpeg_pdf([page.legal for page in pages]),
        compact=jpeg_pdf([page.compact for page in pages]),
        pages=len(pages),
        dpi=min(page.dpi for page in pages),
        colour_pages=sum(1 for page in pages if not page.compact.gray),
    )


def make_document(pages: list[ScannedPage]) -> ScanDocument:
    if not pages:
        raise ScanInputError("Bản quét không có trang nào. Hãy quét lại.")
    check_legal(pages)  # every page's resolution is said before any is encoded
    return assemble([encode_page(page) for page in pages])
