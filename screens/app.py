"""The desk TUI's composition root. This first screen shows the office and today's work;
the counter flows (intake, return, reports) arrive with the TUI issue."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static

from desk.i18n import translate
from desk.services.container import DeskServices


class HomeSummary(Static):
    """Today's figures: what the officer must act on."""

    def __init__(self, services: DeskServices) -> None:
        super().__init__(id="summary")
        self._services = services

    def on_mount(self) -> None:
        self.refresh_counts()

    def refresh_counts(self) -> None:
        counts = self._services.lookup.counts()
        lines = [
            translate("Tiếp nhận hôm nay: {n}", {"n": counts.received_today}),
            translate("Đến hạn hôm nay: {n}", {"n": counts.due_today}),
            translate("Quá hạn: {n}", {"n": counts.overdue}),
            translate("Chờ bổ sung: {n}", {"n": counts.waiting_supplement}),
            translate("Có kết quả chờ trả: {n}", {"n": counts.ready_to_return}),
        ]
        self.update("\n".join(lines))


class DeskApp(App[None]):
    TITLE = "motcua-desk"
    CSS = """
    #office { padding: 1 2; text-style: bold; }
    #summary { padding: 0 2; }
    #link { padding: 1 2; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "refresh", translate("Làm mới"), id="refresh"),
        Binding("ctrl+q", "quit", translate("Thoát"), id="quit"),
    ]

    def __init__(self, services: DeskServices) -> None:
        super().__init__()
        self.services = services

    def compose(self) -> ComposeResult:
        office = self.services.office.office()
        yield Header()
        with Vertical():
            yield Static(
                f"{office.unit_name}\n{office.agency_name} — {office.agency_code}", id="office"
            )
            yield HomeSummary(self.services)
            yield Static(translate("Kết nối: chưa cấu hình máy chủ"), id="link")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = translate("Bộ phận Một cửa")

    def action_refresh(self) -> None:
        self.query_one(HomeSummary).refresh_counts()


def make_app(services: DeskServices) -> DeskApp:
    return DeskApp(services)
