"""Settings (quản trị only): the office and its rules, printers per form, the barcode scanner,
the token module path and the server URL."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Static

from desk.errors import DeskError
from desk.i18n import translate
from desk.services.printing import FORMS
from screens.home import DeskScreen
from screens.keymap import key


def _row(label: str, widget_id: str, value: str) -> Horizontal:
    return Horizontal(Label(label), Input(value, id=widget_id), classes="row")


class SettingsScreen(DeskScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("submit"), "save", translate("Lưu"), id="submit", priority=True),
        Binding(key("back"), "back", translate("Quay lại"), id="back"),
    ]

    def compose(self) -> ComposeResult:
        services = self.desk.services
        office = services.office.office()
        rules = services.office.rules()
        choice = services.printing.printer_choice()
        prefs = services.preferences.get()
        yield Header()
        with VerticalScroll(id="settings"):
            yield Static(translate("Cơ quan"), classes="section-title")
            yield Static(
                f"{office.agency_name} ({office.agency_code})\n{office.unit_name}\n"
                + translate(
                    "Quầy: {desk}, dải số {range}",
                    {"desk": office.desk_name, "range": str(office.desk_range)},
                ),
                id="office-info",
            )
            yield _row(
                translate("Khóa máy sau (phút)"), "idle-minutes", str(rules.idle_lock_minutes)
            )
            yield Static(
                translate("Máy in theo mẫu (cups:…, folder:…, escpos:…)"), classes="section-title"
            )
            yield Static(translate("Đang tìm máy in…"), classes="muted", id="printers-found")
            yield _row(translate("Mặc định"), "printer-default", choice.default or "")
            yield _row(
                translate("Máy in cán bộ được chọn (cách nhau dấu phẩy)"),
                "printer-allowed",
                ", ".join(choice.allowed),
            )
            for form in sorted(FORMS):
                yield _row(form, f"printer-{form}", choice.by_form.get(form, ""))
            yield Static(translate("Máy quét mã vạch"), classes="section-title")
            yield _row(translate("Cổng COM"), "scanner-port", prefs.scanner_port)
            yield _row(translate("Tốc độ (baud)"), "scanner-baud", str(prefs.scanner_baudrate))
            yield _row(translate("Khoảng cách phím (ms)"), "scan-gap", str(prefs.scan_max_gap_ms))
            yield Static(translate("Chữ ký số và máy chủ"), classes="section-title")
            yield _row(translate("Thư viện token"), "token-module", prefs.token_module)
            yield _row(translate("Địa chỉ máy chủ"), "server-url", prefs.server_url)
            yield Button(translate("Lưu (Ctrl+S)"), id="save", variant="primary")
        yield from self.compose_frame()

    def on_mount(self) -> None:
        printing = self.desk.services.printing

        def find() -> None:  # lpstat and the like: never on the UI thread
            found = ", ".join(p.spec for p in printing.printers())
            self.app.call_from_thread(self._found, found)

        self.run_worker(find, thread=True, group="printers", exit_on_error=False)

    def _found(self, found: str) -> None:
        text = found or translate("Không tìm thấy máy in nào trên máy này.")
        self.query_one("#printers-found", Static).update(text)

    def value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        services = self.desk.services
        try:
            services.office.update_rules(idle_lock_minutes=self.value("idle-minutes"))
            choice = services.printing.printer_choice().with_default(
                self.value("printer-default") or None
            )
            for form in FORMS:
                choice = choice.with_form(form, self.value(f"printer-{form}") or None)
            allowed = [spec.strip() for spec in self.value("printer-allowed").split(",")]
            choice = choice.with_allowed(tuple(spec for spec in allowed if spec))
            services.printing.set_printer_choice(choice)
            services.preferences.update(
                scanner_port=self.value("scanner-port"),
                scanner_baudrate=self.value("scanner-baud"),
                scan_max_gap_ms=self.value("scan-gap"),
                token_module=self.value("token-module"),
                server_url=self.value("server-url"),
            )
        except DeskError as error:
            self.desk.show_error(error)
            return
        self.desk.idle_lock_seconds = services.office.rules().idle_lock_minutes * 60
        self.desk.recogniser.max_gap = services.preferences.get().scan_max_gap_ms / 1000
        self.notify(translate("Đã lưu cài đặt."))

    def action_back(self) -> None:
        self.dismiss(None)
