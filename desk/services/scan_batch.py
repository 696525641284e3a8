"""The pages of one dossier component scanned at the counter, before the officer confirms them.

A batch is built page by page (scan, scan more, rescan one page, remove one page, add a file)
and holds both PDF copies of its current pages, so the officer sees the page count and the
size of the legal and compact copies before anything is written. Confirming hands the batch's
document to ``ScanService.attach`` (the dossier screen at once; intake once the dossier is
received). Every method may block (a scanner, PDF making): callers run it in a worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desk.devices.scanning.base import PageProgress, ScannedPage, ScanSettings
from desk.errors import InvalidInput

if TYPE_CHECKING:
    from desk.devices.scanning.pdf import EncodedPage, ScanDocument
    from desk.services.scanning import AttachedScan, ScanService


@dataclass(frozen=True)
class BatchSummary:
    pages: int
    legal_size: int
    compact_size: int


@dataclass
class ScanBatch:
    """Pages for component ``number`` (1-based, the dossier's order) named ``name``."""

    service: ScanService
    number: int
    name: str
    pages: list[ScannedPage] = field(default_factory=list)
    document: ScanDocument | None = None
    encoded: list[EncodedPage] = field(default_factory=list)
    """Each page of ``pages`` encoded for both copies: only new pages are ever encoded."""

    def summary(self) -> BatchSummary:
        document = self.document
        if document is None:
            return BatchSummary(0, 0, 0)
        return BatchSummary(document.pages, document.legal_size, document.compact_size)

    def _scan(self, progress: PageProgress | None, *, one_page: bool) -> list[ScannedPage]:
        choice = self.service.scanner_choice()
        settings = choice.settings()
        if one_page:
            settings = ScanSettings(resolution=settings.resolution, feeder=False)
        return self.service.scanners(choice).scan(settings, progress)

    def scan(self, progress: PageProgress | None = None) -> int:
        """Scan with the office's scanner and add the pages at the end; returns how many."""
        done = len(self.pages)
        new = self._scan(lambda n: progress(done + n) if progress else None, one_page=False)
        self._rebuild(len(self.pages), len(self.pages), new)
        return len(new)

    def rescan(self, index: int, progress: PageProgress | None = None) -> None:
        """Scan page ``index`` (0-based) again from the glass, in its place."""
        self._check(index)
        new = self._scan(lambda n: progress(index + n) if progress else None, one_page=True)
        self._rebuild(index, index + 1, new)

    def remove(self, index: int) -> None:
        self._check(index)
        self._rebuild(index, index + 1, [])

    def add_files(self, paths: list[Path]) -> int:
        """Pages from files the officer picked (PDF or images)."""
        from desk.devices.scanning.files import load_pages

        new = load_pages(paths)
        self._rebuild(len(self.pages), len(self.pages), new)
        return len(new)

    def attach(self, code: str, officer_id: int | None) -> AttachedScan:
        if self.document is None:
            raise InvalidInput(
                "Thành phần '{name}' chưa có trang quét nào: hãy quét trước khi xác nhận.",
                name=self.name,
            )
        return self.service.attach(code, self.number, self.document, officer_id=officer_id)

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self.pages):
            raise InvalidInput("Hãy chọn một trang trong danh sách trước.")

    def _rebuild(self, start: int, end: int, new: list[ScannedPage]) -> None:
        """Pages ``start:end`` replaced by ``new``; only ``new`` is encoded (the legal copy's
        resolution is checked first), the document reassembled. Nothing changes on error."""
        from desk.devices.scanning.pdf import assemble, check_legal, encode_page

        check_legal(new)
        encoded = [*self.encoded[:start], *map(encode_page, new), *self.encoded[end:]]
        pages = [*self.pages[:start], *new, *self.pages[end:]]
        document = assemble(encoded) if encoded else None
        self.pages, self.encoded, self.document = pages, encoded, document
