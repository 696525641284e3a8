"""Scanning from the intake and dossier screens: which component, the dialog, what was scanned.

Intake keeps each component's confirmed batch until the dossier is received, then attaches
them (a failure is said, the dossier stays received, the scan can be redone on its screen).
The dossier screen attaches a confirmed batch at once. Both in thread workers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widgets import Static

from desk.errors import DeskError
from desk.i18n import translate
from desk.services.lookup import EventView
from desk.services.scan_batch import ScanBatch
from screens.messages import ScanAttached
from screens.scan_dialog import ScanDialog, size_text
from screens.widgets.dialogs import unexpected

if TYPE_CHECKING:
    from screens.app import DeskApp


class AttachFailed(DeskError):
    title_template = "Chưa gắn được bản quét"


def batch_line(batch: ScanBatch) -> str:
    summary = batch.summary()
    return translate(
        "{number}. {name}: {pages} trang · bản pháp lý {legal} · bản gọn {compact}",
        {
            "number": batch.number,
            "name": batch.name,
            "pages": summary.pages,
            "legal": size_text(summary.legal_size),
            "compact": size_text(summary.compact_size),
        },
    )


def scan_event_text(event: EventView, names: list[str]) -> str:
    """A scan in the dossier's timeline: which component, how many pages."""
    number, pages = event.payload.get("component"), event.payload.get("pages")
    if not isinstance(number, int) or not 1 <= number <= len(names):
        return translate("gắn bản quét")
    return translate(
        "gắn bản quét: {name} ({pages} trang)", {"name": names[number - 1], "pages": pages}
    )


def open_scan(screen: Screen[None], batch: ScanBatch, done: Callable[[ScanBatch], None]) -> None:
    """The scan dialog for ``batch``; it scans at once when the batch has no page yet."""

    def answered(result: ScanBatch | None) -> None:
        if result is not None:
            done(result)

    screen.app.push_screen(ScanDialog(batch, start=not batch.pages), answered)


class IntakeScans:
    """The batches confirmed during one intake, by component number (1-based)."""

    def __init__(self) -> None:
        self.batches: dict[int, ScanBatch] = {}

    def keep(self, batch: ScanBatch, view: Static) -> None:
        self.batches[batch.number] = batch
        lines = [batch_line(b) for _, b in sorted(self.batches.items())]
        view.update(translate("Bản quét:") + "\n" + "\n".join(lines))

    def attach_all(self, app: DeskApp, code: str) -> list[DeskError]:
        """Attach every batch to the received dossier ``code`` (from the worker's thread);
        returns what could not be attached, each said as an error for the officer."""
        officer_id = app.officer.id if app.officer else None
        failures: list[DeskError] = []
        for _, batch in sorted(self.batches.items()):
            try:
                batch.attach(code, officer_id)
            except Exception as error:
                reason = (
                    error.message if isinstance(error, DeskError) else unexpected(error).message
                )
                failed = AttachFailed(
                    "Hồ sơ {code} đã được tiếp nhận, nhưng chưa gắn được bản quét của '{name}': "
                    "{reason} Hãy quét lại thành phần này trên màn hình hồ sơ (F3, rồi F5).",
                    code=code,
                    name=batch.name,
                    reason=reason,
                )
                failures.append(failed)
        return failures


def attach_now(app: DeskApp, screen: Screen[None], code: str, batch: ScanBatch) -> None:
    """Dossier screen: attach the confirmed batch in a worker; ScanAttached when done."""
    officer_id = app.officer.id if app.officer else None
    app.run_blocking(screen, lambda: batch.attach(code, officer_id), ScanAttached)
