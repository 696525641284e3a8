"""Save-to-PDF: a "printer" that writes each job atomically into a folder."""

from __future__ import annotations

import os
import re
import time
import unicodedata
from datetime import datetime
from pathlib import Path

from desk.errors import PrinterError
from desk.fileio import write_atomically
from printing.printers.base import PrinterState, PrintOutcome, RemoteState, Submitted

FOLDER_PRINTER_LABEL = "Lưu thành tệp PDF"


def _slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title.replace("đ", "d").replace("Đ", "D"))
    ascii_title = ascii_title.encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-")[:60] or "ban-in"


class FolderPrinter:
    """Writes ``<title>-<timestamp>.pdf`` via a temporary file, fsync and ``os.replace``.

    A reader of the folder never sees a half-written PDF; ``copies`` is ignored (one file).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @property
    def name(self) -> str:
        return f"folder:{self.folder}"

    def status(self) -> PrinterState:
        ready = self.folder.is_dir() and os.access(self.folder, os.W_OK)
        return PrinterState(self.name, ready=ready, detail="" if ready else "not writable")

    def _target(self, title: str) -> Path:
        stem = f"{_slug(title)}-{datetime.now():%Y%m%d-%H%M%S}"
        target = self.folder / f"{stem}.pdf"
        counter = 1
        while target.exists():
            counter += 1
            target = self.folder / f"{stem}-{counter}.pdf"
        return target

    def print_pdf(
        self, pdf: bytes, *, title: str, copies: int, on_submitted: Submitted | None = None
    ) -> PrintOutcome:
        started = time.monotonic()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self._target(title)
            write_atomically(target, pdf)
        except OSError as error:
            raise PrinterError(
                "Không lưu được tệp PDF vào thư mục {folder} ({detail}). Hãy kiểm tra thư mục "
                "còn chỗ trống và cho phép ghi, hoặc chọn thư mục khác.",
                folder=str(self.folder),
                detail=error.strerror or type(error).__name__,
            ) from error
        if on_submitted is not None:
            on_submitted(str(target))
        return PrintOutcome(self.name, str(target), time.monotonic() - started)

    def lookup(self, ref: str) -> RemoteState:
        return RemoteState.COMPLETED if Path(ref).is_file() else RemoteState.UNKNOWN
