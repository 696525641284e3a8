"""Every typed Message of the TUI, in one module: small dataclass-like messages that workers
and widgets post, and screens or the app handle."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from desk.devices.barcode import Scan
from desk.domain.lifecycle import Action, Status
from desk.errors import DeskError
from desk.services.intake import ReceiveResult
from desk.services.scanning import AttachedScan
from printing.journal import PrintJob


class ScanArrived(Message):
    """A scanner (keyboard burst or serial port) delivered text, already classified."""

    def __init__(self, scan: Scan) -> None:
        super().__init__()
        self.scan = scan


class SerialText(Message):
    """Raw text from the serial scanner's thread, to be routed on the UI thread."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class WorkFailed(Message):
    """A thread worker met a DeskError (or a bug, wrapped as one): the one error dialog shows it."""

    def __init__(self, error: DeskError) -> None:
        super().__init__()
        self.error = error


class PrintFinished(Message):
    def __init__(self, code: str, form: str, job: PrintJob) -> None:
        super().__init__()
        self.code = code
        self.form = form
        self.job = job


class PrintFailed(WorkFailed):
    """Printing failed; the dossier and the journalled job are kept for a reprint."""

    def __init__(self, code: str, form: str, error: DeskError) -> None:
        super().__init__(error)
        self.code = code
        self.form = form


class DossierReceived(Message):
    def __init__(self, result: ReceiveResult) -> None:
        super().__init__()
        self.result = result


class ActionDone(Message):
    """A lifecycle action was recorded by its service."""

    def __init__(self, code: str, action: Action, status: Status | None) -> None:
        super().__init__()
        self.code = code
        self.action = action
        self.status = status


class ExportProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class ExportFinished(Message):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class LoggedIn(Message):
    """The officer logged in (or unlocked the desk)."""


class ScanProgress(Message):
    """The scanning worker has ``pages`` pages of the current scan so far."""

    def __init__(self, pages: int) -> None:
        super().__init__()
        self.pages = pages


class ScanEnded(Message):
    """The scanning worker finished: ``error`` is None when the pages were added."""

    def __init__(self, error: DeskError | None) -> None:
        super().__init__()
        self.error = error


class ScannerStateKnown(Message):
    """The office's document scanner was asked for its state (the status line shows it)."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label


class Exported(Message):
    """``count`` records were written to ``path``."""

    def __init__(self, path: Path, count: int) -> None:
        super().__init__()
        self.path = path
        self.count = count


class ReturnedAtOnce(Message):
    """A same-day dossier was received and its result returned in one flow (trả ngay)."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code


class HandedOver(Message):
    """Dossiers were handed over to a processing unit together."""

    def __init__(self, codes: list[str]) -> None:
        super().__init__()
        self.codes = codes


class ScanAttached(Message):
    """A confirmed scan was attached to its dossier component."""

    def __init__(self, scan: AttachedScan) -> None:
        super().__init__()
        self.scan = scan
