"""What every document scanner offers: a visible state and pages at a known resolution.

A scanner is anything that turns paper into page images: a SANE device, a folder a network
scanner saves into, files the officer picks, or (on Windows) a TWAIN/WIA driver. The desk
only sees ``DocumentScanner``; the factory picks the implementation from the office settings.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from desk.errors import DeskError, InvalidInput
from desk.i18n import translate

if TYPE_CHECKING:  # Pillow loads only when something is scanned
    from PIL import Image

LEGAL_MIN_DPI = 200
"""Nghị định 30/2020, Phụ lục I: a paper scanned as an electronic copy is ≥ 200 dpi, colour."""


class ScannerError(DeskError):
    """The scanner is missing, busy or failed; the message says what the officer can do."""

    title_template = "Lỗi máy quét"
    exit_code = 11


class ScannerBusy(ScannerError):
    """Another program (or another scan) holds the scanner."""


class ScannerMissing(ScannerError):
    """No such scanner: unplugged, switched off, or a wrong name."""


class ScanInputError(InvalidInput):
    """A file given as a scan cannot be used (unreadable, not a PDF or image, too coarse)."""

    title_template = "Tệp quét không dùng được"


class ScannerState(enum.Enum):
    NOT_CONFIGURED = "not_configured"
    ABSENT = "absent"
    READY = "ready"
    BUSY = "busy"
    ERROR = "error"


def state_label(state: ScannerState) -> str:
    """The state as the officer reads it, in the current language."""
    if state is ScannerState.NOT_CONFIGURED:
        return translate("chưa cấu hình")
    if state is ScannerState.ABSENT:
        return translate("không thấy máy quét")
    if state is ScannerState.READY:
        return translate("sẵn sàng")
    if state is ScannerState.BUSY:
        return translate("đang bận")
    return translate("lỗi")


@dataclass(frozen=True)
class ScannerStatus:
    """What the desk shows about a scanner; ``problem`` carries the reason in Vietnamese."""

    name: str
    state: ScannerState
    kind: str
    label: str = ""
    problem: DeskError | None = None

    @property
    def reason(self) -> str:
        return self.problem.message if self.problem is not None else ""

    @property
    def ready(self) -> bool:
        return self.state is ScannerState.READY


@dataclass(frozen=True)
class ScanSettings:
    """How to scan: the defaults make a legal copy (colour, 200 dpi)."""

    resolution: int = LEGAL_MIN_DPI
    colour: bool = True
    feeder: bool = False
    """Take every page from the automatic document feeder (ADF) instead of one from the glass."""
    timeout: float = 120.0
    """How long a folder scanner waits for the scanner to save its file, in seconds."""


@dataclass(frozen=True)
class ScannedPage:
    """One page image and the resolution it was scanned at (so the PDF is at scale 100 %)."""

    image: Image.Image
    dpi: float


PageProgress = Callable[[int], None]
"""Told the number of pages scanned so far, after each page (from the scanning thread)."""


def report_pages(pages: list[ScannedPage], progress: PageProgress | None) -> list[ScannedPage]:
    """For scanners that deliver a document at once: tell ``progress`` of each page in turn."""
    if progress is not None:
        for number in range(1, len(pages) + 1):
            progress(number)
    return pages


class DocumentScanner(Protocol):
    @property
    def name(self) -> str: ...

    def status(self) -> ScannerStatus: ...

    def scan(
        self, settings: ScanSettings, progress: PageProgress | None = None
    ) -> list[ScannedPage]:
        """Scan one document (every page of the feeder, or one page); raises ScannerError.
        ``progress`` hears of each page as it comes."""
        ...


def require_pages(pages: list[ScannedPage], source: str) -> list[ScannedPage]:
    if not pages:
        raise ScannerError(
            "Máy quét {source} không trả về trang nào. Hãy đặt giấy vào khay rồi quét lại.",
            source=source,
        )
    return pages
