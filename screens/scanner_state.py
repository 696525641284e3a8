"""The office's document scanner in the status line: asked in a thread worker (a SANE device
can take a moment to answer), at start, every half minute and after each scan. An office with
no document scanner shows nothing. Mixed into DeskApp."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from desk.errors import DeskError
from desk.i18n import translate
from desk.services.container import DeskServices
from desk.services.devices import ScannerState
from desk.services.devices import scanner_state_label as state_label
from screens.messages import ScannerStateKnown

SCANNER_SECONDS = 30.0


def scanner_label(services: DeskServices) -> str:
    try:
        status = services.scanning.status()
    except DeskError:
        return translate("Máy quét giấy: {state}", {"state": state_label(ScannerState.ERROR)})
    if status.state is ScannerState.NOT_CONFIGURED:
        return ""
    return translate("Máy quét giấy: {state}", {"state": state_label(status.state)})


class DocumentScannerState(App[None]):
    services: DeskServices
    refresh_status: Callable[[], None]
    document_scanner: str = ""

    def start_scanner_watch(self) -> None:
        self.refresh_scanner_state()
        self.set_interval(SCANNER_SECONDS, self.refresh_scanner_state)

    def refresh_scanner_state(self) -> None:
        def job() -> None:
            self.post_message(ScannerStateKnown(scanner_label(self.services)))

        self.run_worker(job, thread=True, exit_on_error=False, group="scanner-state")

    def scanner_busy(self) -> None:
        """A scan of ours is running: said at once, asked again when it ends."""
        self.document_scanner = translate("Máy quét giấy: đang quét")
        self.refresh_status()

    def on_scanner_state_known(self, message: ScannerStateKnown) -> None:
        if message.label != self.document_scanner:
            self.document_scanner = message.label
            self.refresh_status()
