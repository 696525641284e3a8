"""A scanner for unit tests and the demo: hands back the pages it was given."""

from __future__ import annotations

from PIL import Image

from desk.devices.scanning.base import (
    PageProgress,
    ScannedPage,
    ScannerBusy,
    ScannerState,
    ScannerStatus,
    ScanSettings,
    report_pages,
    require_pages,
)


def blank_page(dpi: int = 200, colour: tuple[int, int, int] = (255, 255, 255)) -> ScannedPage:
    """An A4 page of one colour at ``dpi``."""
    size = (round(210 / 25.4 * dpi), round(297 / 25.4 * dpi))
    return ScannedPage(Image.new("RGB", size, colour), dpi)


class FakeScanner:
    kind = "fake"

    def __init__(self, pages: list[ScannedPage] | None = None, *, name: str = "fake:0") -> None:
        self._name = name
        self.pages = pages if pages is not None else [blank_page()]
        self.state = ScannerState.READY
        self.scans = 0

    @property
    def name(self) -> str:
        return self._name

    def status(self) -> ScannerStatus:
        problem = None
        if self.state is ScannerState.BUSY:
            problem = ScannerBusy(
                "Máy quét {device} đang bận (một chương trình khác đang dùng). Hãy đợi quét "
                "xong hoặc đóng chương trình kia rồi thử lại.",
                device=self._name,
            )
        return ScannerStatus(self._name, self.state, self.kind, "fake", problem)

    def scan(
        self, settings: ScanSettings, progress: PageProgress | None = None
    ) -> list[ScannedPage]:
        status = self.status()
        if status.problem is not None:
            raise status.problem
        self.scans += 1
        return report_pages(require_pages(list(self.pages), self._name), progress)
