"""A minimal PDF 1.4 writer for scanned pages: one JPEG image filling each page.

Pillow and reportlab both write PDFs, but neither lets each page keep its own resolution and
its own JPEG (already encoded at the quality chosen for that page) without re-encoding it; a
scan needs both: the page size follows the scan resolution (scale 100 %, Nghị định 30/2020)
and the compact copy's quality is tuned page by page. The format is small and stable
(ISO 32000-1 §7.5); tests read the output back with pypdf and pypdfium2.
"""

from __future__ import annotations

from dataclasses import dataclass

PDF_HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"  # binary comment: the file is not text


@dataclass(frozen=True)
class JpegPage:
    jpeg: bytes
    width_px: int
    height_px: int
    width_pt: float
    height_pt: float
    gray: bool


def _number(value: float) -> bytes:
    return f"{value:.3f}".rstrip("0").rstrip(".").encode()


def jpeg_pdf(pages: list[JpegPage], *, producer: str = "motcua-desk") -> bytes:
    if not pages:
        raise ValueError("a PDF needs at least one page")
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled once the page tree's number is known
    tree = add(b"")
    kids: list[int] = []
    for page in pages:
        colour_space = b"/DeviceGray" if page.gray else b"/DeviceRGB"
        image = add(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
            b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
            % (page.width_px, page.height_px, colour_space, len(page.jpeg))
            + page.jpeg
            + b"\nendstream"
        )
        width, height = _number(page.width_pt), _number(page.height_pt)
        content = b"q %s 0 0 %s 0 0 cm /Im0 Do Q" % (width, height)
        stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] "
                b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                % (tree, width, height, image, stream)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    refs = b" ".join(b"%d 0 R" % kid for kid in kids)
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
    info = add(b"<< /Producer (%s) >>" % producer.encode("ascii"))

    out = bytearray(PDF_HEADER)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)
