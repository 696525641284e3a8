"""The desk TUI's composition root (``make_app``) and the App: navigation, scans, idle lock,
the one error dialog, and thread workers for everything that blocks."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from typing import ClassVar, TypeVar

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer

from desk.devices.barcode import BurstRecogniser, ScanRouter
from desk.devices.serial_scanner import ScannerState, SerialScanner, state_label
from desk.domain.timefmt import local_date
from desk.errors import AuthError, DeskError
from desk.i18n import translate
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from desk.services.sync import footer_text
from screens.background_sync import BackgroundSync
from screens.home import HomeScreen, HomeSummary
from screens.keymap import key
from screens.login import LoginScreen
from screens.messages import SerialText
from screens.navigation import DeskNavigation
from screens.scan_input import ScanInput
from screens.scanner_state import DocumentScannerState
from screens.token_watch import DeviceFactory, TokenWatch
from screens.widgets.status_bar import StatusLine
from screens.work import DeskWork

__all__ = ["DeskApp", "HomeSummary", "make_app"]

T = TypeVar("T")
Clock = Callable[[], float]
log = logging.getLogger(__name__)
IDLE_CHECK_SECONDS = 15.0


class DeskApp(
    ScanInput, DocumentScannerState, DeskWork, TokenWatch, BackgroundSync, DeskNavigation
):
    TITLE = "motcua-desk"
    CSS_PATH = "global.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("help"), "help", translate("Trợ giúp"), id="help"),
        Binding(key("new-intake"), "intake", translate("Tiếp nhận"), id="new-intake"),
        Binding(key("find-dossier"), "find", translate("Tìm hồ sơ"), id="find-dossier"),
        Binding(key("return-result"), "return_result", translate("Trả KQ"), id="return-result"),
        Binding(key("reports"), "reports", translate("Báo cáo"), id="reports", show=False),
        Binding(key("settings"), "settings", translate("Cài đặt"), id="settings", show=False),
        Binding(key("officers"), "officers", translate("Cán bộ"), id="officers", show=False),
        Binding(key("feedback"), "feedback", translate("Phản ánh"), id="feedback", show=False),
        Binding(key("online"), "online", translate("Trực tuyến"), id="online", show=False),
        Binding(key("hand-over"), "hand_over", translate("Bàn giao"), id="hand-over", show=False),
        Binding(
            key("quarantine"),
            "quarantine",
            translate("Lệnh bị từ chối"),
            id="quarantine",
            show=False,
        ),
        Binding(key("lock"), "lock", translate("Khóa máy"), id="lock", show=False),
        Binding(key("sync-now"), "sync_now", translate("Đồng bộ ngay"), id="sync-now", show=False),
        Binding(
            key("choose-printer"),
            "choose_printer",
            translate("Máy in"),
            id="choose-printer",
            show=False,
        ),
        Binding(key("quit"), "quit", translate("Thoát"), id="quit"),
        Binding(
            key("command-palette"),
            "command_palette",
            translate("Bảng lệnh"),
            id="command-palette",
            show=False,
            priority=True,
        ),
    ]

    def __init__(
        self,
        services: DeskServices,
        *,
        keymap: Mapping[str, str] | None = None,
        clock: Clock = time.monotonic,
        officer: OfficerView | None = None,
        serial_scanner: Callable[[str, int, Callable[[str], object]], SerialScanner] | None = None,
        token_device: DeviceFactory | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.token_factory = token_device
        self.officer = officer
        self.clock = clock
        self.idle_lock_seconds = services.office.rules().idle_lock_minutes * 60
        self.last_input = clock()
        preferences = services.preferences.get()
        self.key_arrival = clock is time.monotonic  # Key.time is monotonic, as this clock
        self.recogniser = BurstRecogniser(
            max_gap=preferences.scan_max_gap_ms / 1000,
            min_length=preferences.scan_min_length,
            clock=self.scan_clock,
        )
        self.router = ScanRouter(
            on_citizen=self._post_scan,
            on_dossier=self._post_scan,
            on_unknown=self._post_scan,
            today=lambda: local_date(services.context.now()),
        )
        self._keymap = dict(keymap or {})
        self._serial_factory = serial_scanner
        self.serial: SerialScanner | None = None

    # ------------------------------------------------------------------ start and stop

    def on_mount(self) -> None:
        self.sub_title = translate("Bộ phận Một cửa")
        if self._keymap:
            self.set_keymap(self._keymap)
        self.push_screen(HomeScreen())
        if self.officer is None:
            self.push_screen(LoginScreen())
        self.set_interval(IDLE_CHECK_SECONDS, self.lock_if_idle)
        self.start_background_sync()
        self._start_serial_scanner()
        self.start_scanner_watch()
        self.start_token_watch()

    def on_unmount(self) -> None:
        if self.serial is not None:
            self.serial.close()

    def _start_serial_scanner(self) -> None:
        preferences = self.services.preferences.get()
        if not preferences.scanner_port:
            return
        factory = self._serial_factory or (
            lambda port, baud, sink: SerialScanner(port, sink, baudrate=baud)
        )
        self.serial = factory(
            preferences.scanner_port,
            preferences.scanner_baudrate,
            lambda text: self.post_message(SerialText(text)),
        )
        try:
            self.serial.start()
        except DeskError as error:
            self.show_error(error)
        self.refresh_status()

    def on_serial_text(self, message: SerialText) -> None:
        self.router.route(message.text)

    # ----------------------------------------------------------------------- sessions

    def logged_in(self, officer: OfficerView) -> None:
        self.officer = officer
        self.last_input = self.clock()
        self.refresh_status()
        self.token_tick()

    def lock_if_idle(self) -> None:
        """Lock the desk after the office's idle time; the work on screen stays as it was."""
        if self.officer is None or isinstance(self.screen, LoginScreen):
            return
        if self.clock() - self.last_input >= self.idle_lock_seconds:
            self.action_lock()

    def action_lock(self) -> None:
        if self.officer is not None and not isinstance(self.screen, LoginScreen):
            self.push_screen(LoginScreen(locked_for=self.officer))

    def back_home(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def require_admin(self) -> bool:
        if self.officer is not None and self.officer.role == "admin":
            return True
        self.show_error(AuthError("Chỉ quản trị viên mới dùng được chức năng này."))
        return False

    def action_help(self) -> None:
        from screens.help import HelpScreen, help_rows

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(help_rows(self)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from screens.commands import system_commands

        yield from system_commands(self)

    def forget_removed_widgets(self) -> None:
        """Textual drops the watcher a removed Header keeps on the app's title, and a removed
        FooterKey on its Footer's ``compact``, only when the watched value changes: without
        this, every intake would leave its screens' widgets in memory (~0.6 MB each). A change
        and its undo prune them through the public reactive machinery."""
        for name in ("title", "sub_title"):
            value = getattr(self, name)
            setattr(self, name, value + " ")
            setattr(self, name, value)
        for screen in self.screen_stack:
            for footer in screen.query(Footer):
                compact = footer.compact
                footer.compact = not compact
                footer.compact = compact

    def refresh_status(self) -> None:
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_status", None)
            if callable(refresh):
                refresh()

    def status_line(self) -> StatusLine:
        office = self.services.office.office()
        officer = self.officer.full_name if self.officer else ""
        pending = len(self.services.printing.store.pending())
        scanner = ""
        if self.serial is not None:
            scanner = state_label(self.serial.state)
        elif self.services.preferences.get().scanner_port:
            scanner = state_label(ScannerState.ABSENT)
        link = footer_text(self.services.sync.status())
        return StatusLine(
            office.agency_name,
            officer,
            link,
            pending,
            scanner,
            self.document_scanner,
            token=self.token_line,
            desk=office.desk_name,
        )


def make_app(
    services: DeskServices,
    *,
    keymap: Mapping[str, str] | None = None,
    clock: Clock = time.monotonic,
    officer: OfficerView | None = None,
    token_device: DeviceFactory | None = None,
) -> DeskApp:
    """The one composition root: the CLI and the tests build the app here."""
    return DeskApp(services, keymap=keymap, clock=clock, officer=officer, token_device=token_device)
