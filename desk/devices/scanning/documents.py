"""Files → a ScanDocument. A PDF that already meets the legal rules is kept byte for byte as
the legal copy (re-encoding it would only lose quality); everything else is rebuilt."""

from __future__ import annotations

from pathlib import Path

from desk.devices.scanning.base import LEGAL_MIN_DPI, ScanInputError
from desk.devices.scanning.files import (
    image_dpi,
    kind_of,
    load_pages,
    pdf_pages,
    pdf_version,
    read_scan_file,
)
from desk.devices.scanning.pdf import (
    COMPACT_DPI,
    ScanDocument,
    check_legal,
    compact_pdf,
    make_document,
)

LEGAL_MIN_PDF_VERSION = 14


def document_from_files(paths: list[Path], *, assumed_dpi: float | None = None) -> ScanDocument:
    if not paths:
        raise ScanInputError("Chưa chọn tệp quét nào. Hãy ghi ít nhất một tệp PDF hoặc ảnh.")
    if len(paths) == 1:
        data = read_scan_file(paths[0])
        if kind_of(data[:16]) == "pdf":
            return document_from_pdf(data, str(paths[0]))
    return make_document(load_pages(paths, assumed_dpi=assumed_dpi))


def document_from_pdf(data: bytes, source: str) -> ScanDocument:
    version = pdf_version(data)
    if version is None:
        raise ScanInputError(
            "Tệp PDF {path} bị hỏng, chưa ghi xong hoặc có mật khẩu. Hãy quét lại.", path=source
        )
    scan_dpi = embedded_dpi(data)
    if version < LEGAL_MIN_PDF_VERSION:
        return make_document(pdf_pages(data, source))  # rebuilt as PDF 1.4
    if scan_dpi is not None and scan_dpi < LEGAL_MIN_DPI - 0.5:
        check_legal(pdf_pages(data, source, dpi=scan_dpi))  # raises with the page number
    previews = pdf_pages(data, source, dpi=COMPACT_DPI)
    if not previews:
        raise ScanInputError("Bản quét không có trang nào. Hãy quét lại.")
    compact, colour_pages = compact_pdf(previews)
    return ScanDocument(
        legal=data,
        compact=compact,
        pages=len(previews),
        dpi=scan_dpi or LEGAL_MIN_DPI,
        colour_pages=colour_pages,
    )


def embedded_dpi(data: bytes) -> float | None:
    """The lowest resolution among the pages' scanned images (None: no images, a born-digital
    PDF, taken as it is)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        found = [image_dpi(document[index]) for index in range(len(document))]
    finally:
        document.close()
    values = [value for value in found if value is not None]
    return min(values) if values else None
