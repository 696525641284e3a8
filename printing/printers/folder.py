"""Save-to-PDF: a "printer" that writes each job atomically into a folder."""

from __future__ import annotations

import os
import re
import time
import unicodedata
from datetime import datetime
from pathlib import Path

from desk.domain.codes import DOSSIER_CODE_RE
from desk.errors import PrinterError
from desk.fileio import write_atomically
from printing.printers.base import PrinterState, PrintOutcome, RemoteState, Submitted

FOLDER_PRINTER_LABEL = "Lưu thành tệp PDF"


TITLE_CHARS = 60


def _slug(title: str, limit: int = TITLE_CHARS) -> str:
    ascii_title = unicodedata.normalize("NFKD", title.replace("đ", "d").replace("Đ", "D"))
    ascii_title = ascii_title.encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-")[:limit].strip("-")


def file_stem(title: str, at: datetime) -> str:
    """``<form>-<whole dossier code>-<YYYYMMDD-HHMMSS>``: the form's name may be shortened,
    the dossier code never is (the day's number is what tells two dossiers apart)."""
    match = DOSSIER_CODE_RE.search(title)
    when = f"{at:%Y%m%d-%H%M%S}"
    if match is None:
        return f"{_slug(title) or 'ban-in'}-{when}"
    rest = _slug(f"{title[: match.start()]} {title[match.end() :]}") or "ban-in"
    return f"{rest}-{match.group(0)}-{when}"


class FolderPrinter:
    """Writes ``<form>-<dossier code>-<timestamp>.pdf`` (see file_stem) via a temporary
    file, fsync and ``os.replace``.

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
        stem = file_stem(title, datetime.now())
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
