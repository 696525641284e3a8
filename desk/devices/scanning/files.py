"""Pages from files: what a folder scanner saved, or what the officer picked (PDF, JPEG, PNG,
TIFF, PNM). A PDF's pages are rendered at the resolution of the images inside it."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from desk.devices.scanning.base import (
    LEGAL_MIN_DPI,
    PageProgress,
    ScanInputError,
    ScannedPage,
    ScannerState,
    ScannerStatus,
    ScanSettings,
    report_pages,
    require_pages,
)

A4_LONG_SIDE_INCHES = 297 / 25.4
MAX_RENDER_DPI = 600
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\xff\xd8\xff", "image"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"P4", "image"),
    (b"P5", "image"),
    (b"P6", "image"),
)
SUPPORTED_SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pnm", ".ppm"})


def kind_of(head: bytes) -> str | None:
    """ "pdf", "image" or None, from the first bytes (the name's suffix may lie)."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def read_scan_file(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ScanInputError(
            "Không có tệp {path}. Kiểm tra lại đường dẫn.", path=str(path)
        ) from None
    except IsADirectoryError:
        raise ScanInputError(
            "{path} là một thư mục, không phải tệp quét. Hãy ghi đường dẫn tệp PDF hoặc ảnh.",
            path=str(path),
        ) from None
    except OSError:
        raise ScanInputError(
            "Không đọc được tệp {path}. Kiểm tra quyền đọc tệp rồi thử lại.", path=str(path)
        ) from None
    if not data:
        raise ScanInputError("Tệp {path} rỗng (0 byte): chưa có trang nào.", path=str(path))
    return data


def load_pages(paths: list[Path], *, assumed_dpi: float | None = None) -> list[ScannedPage]:
    """Every page of ``paths``, in order. ``assumed_dpi`` is for images that do not record
    their resolution; without it such an image is taken to be an A4 page."""
    pages: list[ScannedPage] = []
    for path in paths:
        data = read_scan_file(path)
        kind = kind_of(data[:16])
        if kind is None:
            raise ScanInputError(
                "Tệp {path} không phải PDF hay ảnh quét (JPEG, PNG, TIFF). Hãy chọn đúng tệp.",
                path=str(path),
            )
        if kind == "pdf":
            pages.extend(pdf_pages(data, str(path)))
        else:
            pages.extend(image_pages(path, assumed_dpi))
    return pages


def image_pages(path: Path, assumed_dpi: float | None) -> list[ScannedPage]:
    try:
        with Image.open(path) as opened:
            frames = [frame.copy() for frame in ImageSequence.Iterator(opened)]
            recorded = opened.info.get("dpi")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise ScanInputError(
            "Tệp ảnh {path} bị hỏng hoặc chưa ghi xong. Hãy quét lại.", path=str(path)
        ) from None
    pages = []
    for frame in frames:
        dpi = _recorded_dpi(recorded) or assumed_dpi or _a4_dpi(frame)
        pages.append(ScannedPage(frame, dpi))
    return pages


def _recorded_dpi(recorded: object) -> float | None:
    if isinstance(recorded, tuple) and recorded and isinstance(recorded[0], int | float):
        value = float(min(recorded))
        return round(value, 1) if value >= 1 else None
    return None


def _a4_dpi(image: Image.Image) -> float:
    return round(max(image.size) / A4_LONG_SIDE_INCHES)


def pdf_pages(data: bytes, source: str, *, dpi: float | None = None) -> list[ScannedPage]:
    """Render each page at ``dpi``, or at the resolution of its largest embedded image."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise ScanInputError(
            "Tệp PDF {path} bị hỏng, chưa ghi xong hoặc có mật khẩu. Hãy quét lại.", path=source
        ) from None
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            page_dpi = dpi or image_dpi(page) or LEGAL_MIN_DPI
            image = page.render(scale=page_dpi / 72).to_pil().convert("RGB")
            pages.append(ScannedPage(image, page_dpi))
            page.close()
        return pages
    finally:
        document.close()


def image_dpi(page: object) -> float | None:
    """The resolution of the largest image on a PDF page (a scanned page is one image)."""
    import pypdfium2.raw as pdfium_c

    best: tuple[int, float] | None = None
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):  # type: ignore[attr-defined]
        meta = obj.get_metadata()
        pixels = int(meta.width) * int(meta.height)
        value = float(min(meta.horizontal_dpi, meta.vertical_dpi))
        if value > 0 and (best is None or pixels > best[0]):
            best = (pixels, value)
    return None if best is None else round(min(best[1], MAX_RENDER_DPI))


def pdf_version(data: bytes) -> int | None:
    """The header version as pdfium reads it (14 for PDF 1.4), or None when not readable."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        version = document.get_version()
        return int(version) if version else None
    finally:
        document.close()


class FileScanner:
    """Files the officer picked, behind the scanner Protocol (`desk scan --file`)."""

    kind = "file"

    def __init__(self, paths: list[Path], *, assumed_dpi: float | None = None) -> None:
        self.paths = paths
        self.assumed_dpi = assumed_dpi

    @property
    def name(self) -> str:
        return "file:" + ",".join(str(p) for p in self.paths)

    def status(self) -> ScannerStatus:
        missing = [p for p in self.paths if not p.is_file()]
        if missing:
            problem = ScanInputError(
                "Không có tệp {path}. Kiểm tra lại đường dẫn.", path=str(missing[0])
            )
            return ScannerStatus(self.name, ScannerState.ABSENT, self.kind, problem=problem)
        return ScannerStatus(self.name, ScannerState.READY, self.kind)

    def scan(
        self, settings: ScanSettings, progress: PageProgress | None = None
    ) -> list[ScannedPage]:
        pages = load_pages(self.paths, assumed_dpi=self.assumed_dpi)
        return report_pages(require_pages(pages, self.name), progress)
