"""The Printer protocol and the plain values every printer kind shares."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


class RemoteState(enum.Enum):
    """What a printer says about a job it was given earlier (see ``Printer.lookup``)."""

    PENDING = "pending"  # still queued or printing: wait, do not send again
    COMPLETED = "completed"  # printed (or written): never send again
    FAILED = "failed"  # cancelled or aborted: safe to send again
    UNKNOWN = "unknown"  # the printer cannot tell (no such job, no job ids): send again


@dataclass(frozen=True)
class PrinterState:
    """``ready`` is False when a job sent now would not print; ``detail`` says why."""

    name: str
    ready: bool
    detail: str = ""


@dataclass(frozen=True)
class PrintOutcome:
    """A job the printer finished: ``ref`` is its CUPS job id, spooler id(s) or file path."""

    printer: str
    ref: str
    seconds: float


@dataclass(frozen=True)
class PrinterInfo:
    """One printer found by ``discover()``; ``spec`` is what ``open_printer`` takes."""

    spec: str
    label: str
    kind: str
    ready: bool
    is_default: bool = False


Submitted = Callable[[str], None]
"""Called with the job's ref as soon as the printer accepted it, before waiting for it."""


@runtime_checkable
class Printer(Protocol):
    """Anything that prints a PDF.

    ``print_pdf`` blocks until the job printed (or fails with a ``PrinterError``); callers that
    must not block use ``printing.journal.PrintRunner``. ``on_submitted`` lets the journal
    record the job's ref before waiting, and ``lookup`` answers for such a ref after a crash.
    """

    @property
    def name(self) -> str: ...

    def print_pdf(
        self, pdf: bytes, *, title: str, copies: int, on_submitted: Submitted | None = None
    ) -> PrintOutcome: ...

    def status(self) -> PrinterState: ...

    def lookup(self, ref: str) -> RemoteState: ...
