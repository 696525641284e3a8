"""Barcode scanners typing like keyboards: every key passes the burst recogniser first, and a
burst that ends in Enter is taken out of the field it was typed into and routed (CCCD →
intake, slip QR or dossier code → that dossier). Mixed into DeskApp."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import App
from textual.widgets import Input

from desk.devices.barcode import BurstRecogniser, Scan, ScanKind, ScanRouter, looks_like_scan
from desk.errors import DeskError
from desk.services.auth import OfficerView
from screens.login import LoginScreen
from screens.messages import ScanArrived


class ScanInput(App[None]):
    clock: Callable[[], float]
    recogniser: BurstRecogniser
    router: ScanRouter
    officer: OfficerView | None
    last_input: float
    show_error: Callable[[DeskError], None]

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and self._scanned(event):
            return
        await super().on_event(event)

    key_arrival: bool
    """Time keys by their arrival (the real clock) rather than by when they are handled."""
    _key_time: float | None = None

    def scan_clock(self) -> float:
        """The recogniser's clock: when the key being handled reached the app. A key event
        carries the monotonic time the terminal delivered it, so a busy moment of the UI
        (a redraw on a slow PC) cannot split one scan into two. Tests' fake clocks count as is."""
        if self.key_arrival and self._key_time is not None:
            return self._key_time
        return self.clock()

    def _scanned(self, event: events.Key) -> bool:
        """Feed the burst recogniser; True when this Enter ended a scan (then routed)."""
        self.last_input = self.clock()
        self._key_time = event.time
        if event.key == "enter":
            text = self.recogniser.enter()
            focused = self.focused
            if text is None or not looks_like_scan(text, strict=self._login_field(focused)):
                return False  # a person's Enter, or a paste: the field's own text
            event.stop()
            event.prevent_default()
            if isinstance(focused, Input):
                # A real terminal delivers a scan as one chunk: the field may not have taken
                # all its keys yet. Its queue runs this after them, so the trim is whole.
                focused.call_later(self._take_scan_out_of, focused, text)
            else:
                self.router.route(text)
            return True
        if event.character is not None and event.is_printable:
            self.recogniser.feed(event.character)
        else:
            self.recogniser.reset()
        return False

    def _login_field(self, focused: object) -> bool:
        return isinstance(focused, Input) and isinstance(focused.screen, LoginScreen)

    def _take_scan_out_of(self, field: Input, text: str) -> None:
        if field.value.endswith(text):
            field.value = field.value[: -len(text)]  # the scan typed into the field
        self.router.route(text)

    def _post_scan(self, scan: Scan) -> None:
        self.post_message(ScanArrived(scan))

    def on_scan_arrived(self, message: ScanArrived) -> None:
        scan = message.scan
        if scan.notice is not None:
            self.notify(scan.notice.message, title=scan.notice.title, severity="warning")
        if scan.kind is ScanKind.UNKNOWN:
            if scan.problem is not None:
                self.show_error(scan.problem)
            return
        if self.officer is None or isinstance(self.screen, LoginScreen):
            return
        handler = getattr(self.screen, "accept_scan", None)
        if callable(handler) and handler(scan):
            return
        if scan.kind is ScanKind.CITIZEN:
            from screens.intake import IntakeScreen

            self.push_screen(IntakeScreen(citizen=scan.citizen))
        elif scan.code is not None:
            from screens.dossier import DossierScreen

            self.push_screen(DossierScreen(code=scan.code))
