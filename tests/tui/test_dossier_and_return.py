"""Dossier screen (find, act as the lifecycle allows) and the return of the result."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Input

from desk.domain.lifecycle import Status
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from printing.journal import JobState
from screens.app import DeskApp, make_app
from screens.dossier import DossierScreen
from screens.returns import ReturnScreen
from screens.widgets.dialogs import ErrorDialog, FormDialog
from tests.conftest import citizen
from tests.tui.conftest import PAYLOAD, Ticks, drive, settle, type_text

SCANNER_GAP = 0.004


def received(services: DeskServices) -> str:
    return services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen())).code


async def scan(pilot: Pilot[None], ticks: Ticks, text: str) -> None:
    await type_text(pilot, ticks, text, SCANNER_GAP)
    ticks.now += SCANNER_GAP
    await pilot.press("enter")
    await pilot.pause()


def test_scanned_code_opens_the_dossier_and_hand_over_then_result_ready(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks
) -> None:
    code = received(services)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await scan(pilot, ticks, code)
        screen = app.screen
        assert isinstance(screen, DossierScreen)
        await pilot.pause()
        shown = {b.id for b in screen.query("#actions Button").results(Button)}
        assert "act-hand_over" in shown and "act-return" not in shown
        screen.query_one("#act-hand_over", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#field-unit", Input).value = "Công chức Tư pháp - Hộ tịch"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert services.lookup.by_code(code).summary.status is Status.PROCESSING
        screen.query_one("#act-result_ready", Button).press()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    detail = services.lookup.by_code(code)
    assert detail.summary.status is Status.RESULT_READY
    assert [e.kind for e in detail.events] == ["receive", "hand_over", "result_ready"]
    assert detail.events[1].payload["unit"] == "Công chức Tư pháp - Hộ tịch"
    assert detail.events[1].officer_id == officer.id
    jobs = services.printing.jobs_for(code)
    assert [(j.form, j.state) for j in jobs] == [("ban-giao", JobState.PRINTED)]


def test_refusal_needs_a_reason(services: DeskServices, officer: OfficerView, ticks: Ticks) -> None:
    code = services.intake.receive(
        ReceiveRequest(
            procedure_code="T-3WD", owner=citizen(), components=[], allow_incomplete=True
        )
    ).code

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(DossierScreen(code=code))
        await pilot.pause()
        await pilot.pause()
        app.screen.query_one("#act-refuse", Button).press()
        await pilot.pause()
        await pilot.press("ctrl+s")  # no reason given
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "lý do" in app.screen.error.message

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert services.lookup.by_code(code).summary.status is Status.SUPPLEMENT_REQUESTED


def test_unknown_code_and_name_search(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    received(services)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(DossierScreen())
        await pilot.pause()
        app.screen.query_one("#dossier-search", Input).value = "000.00.01.H99-261125-0999"
        await app.screen.query_one("#dossier-search", Input).action_submit()
        await pilot.pause()
        assert not isinstance(app.screen, ErrorDialog)  # none found: an empty list
        search = app.screen.query_one("#dossier-search", Input)
        search.value = "cong dan thu"
        await search.action_submit()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DossierScreen)
        assert screen.detail is not None
        assert screen.detail.summary.owner_name == "CÔNG DÂN THỬ NGHIỆM"

    drive(make_app(services, officer=officer, clock=ticks), scenario)


def test_return_checks_the_collector_against_the_owner(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks
) -> None:
    code = received(services)
    services.intake.result_ready(code)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(ReturnScreen(code=code))
        await pilot.pause()
        await scan(pilot, ticks, PAYLOAD)  # the owner's own CCCD
        assert "Khớp" in str(app.screen.query_one("#collector-check").render())
        app.screen.query_one("#rating-very_satisfied").value = True  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    detail = services.lookup.by_code(code)
    assert detail.summary.status is Status.RETURNED
    assert detail.events[-1].payload["rating"] == "very_satisfied"
    assert detail.events[-1].payload["collector"] == {
        "full_name": "CÔNG DÂN THỬ NGHIỆM",
        "id_number": "001085000001",
        "authorised": False,
        "authorisation": None,
    }
    jobs = services.printing.jobs_for(code)
    assert [(j.form, j.state) for j in jobs] == [("bien-nhan", JobState.PRINTED)]


def test_return_to_another_person_needs_an_authorisation(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    code = received(services)
    services.intake.result_ready(code)
    other = PAYLOAD.replace("001085000001", "001085000002")

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(ReturnScreen(code=code))
        await pilot.pause()
        await scan(pilot, ticks, other)
        assert "ủy quyền" in str(app.screen.query_one("#collector-check").render())
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorDialog)

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert services.lookup.by_code(code).summary.status is Status.RESULT_READY
