"""Home: the office and today's work, with the status line."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from desk.i18n import translate
from screens.keymap import key
from screens.queues import queue_lines
from screens.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from screens.app import DeskApp


class HomeSummary(Static):
    """Today's figures: what the officer must act on."""

    def __init__(self) -> None:
        super().__init__(id="summary")

    def on_mount(self) -> None:
        self.refresh_counts()

    def refresh_counts(self) -> None:
        app: DeskApp = self.app  # type: ignore[assignment]
        counts = app.services.lookup.counts()
        lines = [
            translate("Tiếp nhận hôm nay: {n}", {"n": counts.received_today}),
            translate("Đến hạn hôm nay: {n}", {"n": counts.due_today}),
            translate("Quá hạn: {n}", {"n": counts.overdue}),
            translate("Chờ bổ sung: {n}", {"n": counts.waiting_supplement}),
            translate("Có kết quả chờ trả: {n}", {"n": counts.ready_to_return}),
            *queue_lines(app.services),
        ]
        self.update("\n".join(lines))


class DeskScreen(Screen[None]):
    """A screen with the header, the status line and the key footer."""

    def compose_frame(self) -> ComposeResult:
        yield StatusBar(id="status")
        # The palette's key is in F1 and the palette itself: the footer keeps its room for
        # the desk's keys (an 80-column terminal cut the last one).
        yield Footer(show_command_palette=False)

    def on_screen_resume(self) -> None:
        self.refresh_status()

    def refresh_status(self) -> None:
        app: DeskApp = self.app  # type: ignore[assignment]
        for bar in self.query(StatusBar):
            bar.line = app.status_line()

    @property
    def desk(self) -> DeskApp:
        return self.app  # type: ignore[return-value]


class HomeScreen(DeskScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("refresh"), "refresh", translate("Làm mới"), id="refresh"),
    ]

    def compose(self) -> ComposeResult:
        office = self.desk.services.office.office()
        yield Header()
        with Vertical(id="home"):
            yield Static(
                f"{office.unit_name}\n{office.agency_name} — {office.agency_code}", id="office"
            )
            yield HomeSummary()
            yield Static("", id="link")
            yield Static(
                translate(
                    "F2 tiếp nhận · F3 tìm hồ sơ · F4 trả kết quả · F6 báo cáo · F1 trợ giúp · "
                    "quét mã CCCD hoặc giấy tiếp nhận bất cứ lúc nào"
                ),
                id="hint",
            )
        yield from self.compose_frame()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.action_refresh()
        self.desk.forget_removed_widgets()  # back home: the work screens are gone

    def action_refresh(self) -> None:
        self.query_one(HomeSummary).refresh_counts()
        self.refresh_status()

    def refresh_status(self) -> None:
        super().refresh_status()
        line = self.desk.status_line()
        self.query_one("#link", Static).update(translate("Kết nối: {link}", {"link": line.link}))
