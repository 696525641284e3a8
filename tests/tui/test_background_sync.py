"""The TUI syncs on the same policy as `desk sync`: its rounds leave each command's backoff
alone (only "Đồng bộ ngay", F11, makes every command due), and the next round waits the
loop's delay: the polling interval while online, a growing backoff while offline."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.pilot import Pilot

import screens.background_sync as background_sync
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from desk.services.sync import SyncReport, SyncStatus
from screens.app import DeskApp, make_app
from tests.tui.conftest import drive, settle


def test_rounds_respect_backoffs_and_sync_now_makes_everything_due(
    services: DeskServices, officer: OfficerView, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []
    real_status = services.sync.status

    def enrolled() -> SyncStatus:
        return replace(real_status(), enrolled=True)

    def sync_once(server: str | None = None, *, now_due: bool = True) -> SyncReport:
        asked.append(now_due)
        return SyncReport(online=False, error="ConnectError")  # the link is down

    monkeypatch.setattr(services.sync, "status", enrolled)
    monkeypatch.setattr(services.sync, "sync_once", sync_once)
    monkeypatch.setattr(background_sync, "FIRST_ROUND_SECONDS", 0.01)
    # a backoff far longer than the scenario, so no timed round comes between
    monkeypatch.setattr(background_sync, "SYNC_BACKOFF_BASE", 600.0)
    monkeypatch.setattr(background_sync, "SYNC_BACKOFF_CAP", 100_000.0)
    delays: list[float] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.pause(0.2)
        await settle(app, pilot)
        assert app.sync_loop is not None
        timer = app._sync_timer
        assert timer is not None
        delays.append(timer._interval)
        await pilot.press("f11")
        await settle(app, pilot)
        timer = app._sync_timer
        assert timer is not None
        delays.append(timer._interval)

    drive(make_app(services, officer=officer), scenario)
    assert asked == [False, True]  # the timed round waits for backoffs; "sync now" does not
    assert 300 <= delays[0] <= 600  # offline: the backoff, not the 60 s polling interval
    assert 600 <= delays[1] <= 1200  # it grows (jitter keeps it in its ceiling's upper half)
