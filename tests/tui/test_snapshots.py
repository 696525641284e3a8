"""SVG snapshots (pytest-textual-snapshot) of the main screens at 80×24, with fixed data: the
office and officer of the fixtures, the fake clock, and the placeholder applicant.

After an intended change of a screen, review the new SVGs and update them with
``pytest tests/tui/test_snapshots.py --snapshot-update``."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from screens.app import make_app
from screens.dossier import DossierScreen
from tests.conftest import citizen
from tests.tui.conftest import Ticks

SnapCompare = Callable[..., bool]
SIZE = (80, 24)


def test_home(
    snap_compare: SnapCompare, services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen()))
    app = make_app(services, officer=officer, clock=ticks)
    assert snap_compare(app, terminal_size=SIZE)


def test_intake_step_one(
    snap_compare: SnapCompare, services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    app = make_app(services, officer=officer, clock=ticks)

    async def open_intake(pilot: Pilot[None]) -> None:
        # The screen as the officer sees it once it has settled: on a loaded machine the picture
        # was once taken before the intake's workers had answered.
        await pilot.press("f2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, run_before=open_intake, terminal_size=SIZE)


def test_dossier(
    snap_compare: SnapCompare, services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    code = services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen())).code
    app = make_app(services, officer=officer, clock=ticks)

    async def open_dossier(pilot: Pilot[None]) -> None:
        app.push_screen(DossierScreen(code=code))
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, run_before=open_dossier, terminal_size=SIZE)
