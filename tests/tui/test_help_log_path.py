"""F1 shows where the desk's log file is (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from screens.app import DeskApp, make_app
from screens.help import HelpScreen
from tests.tui.conftest import Ticks, drive


def test_help_shows_the_log_file(
    services: DeskServices,
    officer: OfficerView,
    ticks: Ticks,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DESK_LOG_DIR", str(tmp_path / "nhat-ky"))

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        line = str(app.screen.query_one("#log-path", Static).render())
        assert line == f"Nhật ký: {tmp_path / 'nhat-ky' / 'desk.log'}"

    drive(make_app(services, officer=officer, clock=ticks), scenario)
