"""Pilot-test fixtures: an office with a logged-in officer, a folder printer, a fake clock."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from printing.printers import PrinterChoice
from screens.app import DeskApp
from tests.devices.scan.sane_env import sane_dir

__all__ = ["sane_dir"]  # the private SANE configuration, for the scanning screens' tests

PASSWORD = "mat-khau-thu-1"
PAYLOAD = "001085000001||CÔNG DÂN THỬ NGHIỆM|01011985|Nam|Thôn Thử Nghiệm, xã Thử Nghiệm|01012021"


class Ticks:
    """The scan recogniser's and idle lock's clock, moved by the test (no sleeps)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticks() -> Ticks:
    return Ticks()


@pytest.fixture
def printed(services: DeskServices, tmp_path: Path) -> Path:
    """Every form goes to a save-to-folder printer in this folder."""
    folder = tmp_path / "printed"
    folder.mkdir()
    services.printing.set_printer_choice(PrinterChoice(default=f"folder:{folder}"))
    return folder


@pytest.fixture
def officer(services: DeskServices) -> OfficerView:
    view, _ = services.auth.create_officer(
        username="tiepnhan",
        full_name="CÁN BỘ THỬ NGHIỆM",
        role="reception",
        password=PASSWORD,
        must_change_password=False,
    )
    return view


@pytest.fixture
def admin(services: DeskServices) -> OfficerView:
    view, _ = services.auth.create_officer(
        username="quantri",
        full_name="QUẢN TRỊ THỬ NGHIỆM",
        role="admin",
        password=PASSWORD,
        must_change_password=False,
    )
    return view


Scenario = Callable[[DeskApp, Pilot[None]], Awaitable[None]]


def drive(app: DeskApp, scenario: Scenario, size: tuple[int, int] = (80, 24)) -> None:
    """Run ``scenario`` against the app in a headless terminal, then close the app."""

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(run())


async def settle(app: DeskApp, pilot: Pilot[None]) -> None:
    """Wait for the thread workers (saving, printing) and the messages they post."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def type_text(pilot: Pilot[None], ticks: Ticks, text: str, gap: float) -> None:
    """Type ``text`` with ``gap`` seconds of the fake clock between keys (no sleeping)."""
    for char in text:
        ticks.now += gap
        await pilot.press(char)
