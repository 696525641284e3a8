"""What a new officer's first day tripped on (issue 15): each test fails on the desk before."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from screens.app import DeskApp, make_app
from screens.home import HomeScreen
from screens.login import LoginScreen
from screens.widgets.dialogs import ErrorDialog
from tests.tui.conftest import PASSWORD, Ticks, drive, settle, type_text

SCANNER_GAP = 0.004


def test_a_fast_burst_in_the_login_fields_is_text_not_a_scan(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = app.screen
        assert isinstance(screen, LoginScreen)
        await type_text(pilot, ticks, "tiepnhan", SCANNER_GAP)  # a password manager's burst
        ticks.now += SCANNER_GAP
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ErrorDialog)
        assert screen.query_one("#username", Input).value == "tiepnhan"
        assert app.focused is screen.query_one("#password", Input)
        await type_text(pilot, ticks, PASSWORD, SCANNER_GAP)
        ticks.now += SCANNER_GAP
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.officer is not None and app.officer.id == officer.id

    drive(make_app(services, clock=ticks), scenario)
