"""Intake by keyboard and scanner, asserting on what the services hold afterwards."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from desk.domain.lifecycle import Status
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from printing.journal import JobState
from printing.printers import PrinterChoice
from screens.app import DeskApp, make_app
from screens.intake import IntakeScreen
from screens.receipt import ReceiptScreen
from screens.widgets.components import ComponentsChecklist
from screens.widgets.dialogs import ConfirmDialog, ErrorDialog
from tests.tui.conftest import PAYLOAD, Ticks, drive, settle, type_text

SCANNER_GAP = 0.004
PERSON_GAP = 0.2


def only_code(services: DeskServices) -> str:
    found = services.lookup.by_id_number("001085000001")
    assert len(found) == 1
    return found[0].code


def test_scanned_cccd_fills_applicant_and_intake_prints_mau01(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await type_text(pilot, ticks, PAYLOAD, SCANNER_GAP)
        ticks.now += SCANNER_GAP
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        assert screen.query_one("#owner-full-name", Input).value == "CÔNG DÂN THỬ NGHIỆM"
        assert screen.query_one("#owner-id-number", Input).value == "001085000001"
        assert screen.query_one("#owner-date-of-birth", Input).value == "01/01/1985"
        await pilot.press("ctrl+n")
        search = screen.query_one("#procedure-search", Input)
        search.focus()
        await type_text(pilot, ticks, "tinh trang hon nhan", PERSON_GAP)  # no accents
        ticks.now += PERSON_GAP
        await pilot.press("enter")  # the highlighted procedure
        await settle(app, pilot)
        assert screen.procedure is not None
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ReceiptScreen)

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    code = only_code(services)
    detail = services.lookup.by_code(code)
    assert detail.summary.status is Status.RECEIVED
    assert detail.owner["full_name"] == "CÔNG DÂN THỬ NGHIỆM"
    assert [e.kind for e in detail.events] == ["receive"]
    assert detail.events[0].officer_id == officer.id
    jobs = services.printing.jobs_for(code)
    assert [(j.form, j.state) for j in jobs] == [("mau01", JobState.PRINTED)]
    assert len(list(printed.glob("*.pdf"))) == 1


def test_the_same_text_typed_slowly_stays_in_the_field(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(IntakeScreen())
        await pilot.pause()
        field = app.screen.query_one("#owner-address", Input)
        field.focus()
        text = PAYLOAD[:30]
        await type_text(pilot, ticks, text, PERSON_GAP)
        ticks.now += PERSON_GAP
        await pilot.press("enter")
        await pilot.pause()
        assert field.value == text
        assert app.screen.query_one("#owner-full-name", Input).value == ""

    drive(make_app(services, officer=officer, clock=ticks), scenario)


def test_unrecognised_scan_shows_the_error_dialog(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await type_text(pilot, ticks, "001085000001|x|y|z|w|v", SCANNER_GAP)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ErrorDialog)
        assert "Số CMND cũ" in app.screen.error.message
        assert "001085000001" not in app.screen.error.message

    drive(make_app(services, officer=officer, clock=ticks), scenario)


async def _fill_by_hand(app: DeskApp, pilot: Pilot[None], id_number: str) -> IntakeScreen:
    app.push_screen(IntakeScreen())
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, IntakeScreen)
    screen.query_one("#owner-full-name", Input).value = "CÔNG DÂN THỬ NGHIỆM"
    screen.query_one("#owner-id-number", Input).value = id_number
    screen.query_one("#owner-date-of-birth", Input).value = "01/01/1985"
    await screen.choose_procedure("T-3WD")
    await pilot.pause()
    return screen


def test_invalid_id_number_is_refused_and_nothing_saved(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await _fill_by_hand(app, pilot, "0010850000")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert "Số định danh" in app.screen.error.message

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert services.lookup.counts().received_today == 0


def test_missing_required_component_leads_to_an_incomplete_dossier(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = await _fill_by_hand(app, pilot, "001085000001")
        checklist = screen.query_one(ComponentsChecklist)
        first = checklist.query("Checkbox").first()
        first.value = False  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReceiptScreen)
        assert app.screen.result.missing

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    detail = services.lookup.by_code(only_code(services))
    assert detail.summary.status is Status.SUPPLEMENT_REQUESTED
    assert [e.kind for e in detail.events] == ["receive_incomplete"]
    jobs = services.printing.jobs_for(detail.summary.code)
    assert [(j.form, j.state) for j in jobs] == [("mau02", JobState.PRINTED)]


def test_printer_down_shows_the_error_and_keeps_the_dossier(
    services: DeskServices, officer: OfficerView, tmp_path: Path, ticks: Ticks
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the printer's folder should be")
    services.printing.set_printer_choice(PrinterChoice(default=f"folder:{blocker / 'out'}"))

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await _fill_by_hand(app, pilot, "001085000001")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorDialog)
        assert app.screen.error.title == "Lỗi máy in"

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    code = only_code(services)
    assert services.lookup.by_code(code).summary.status is Status.RECEIVED
    assert [j.state for j in services.printing.jobs_for(code)] == [JobState.FAILED]


def test_a_scan_arriving_in_one_chunk_leaves_nothing_in_the_field(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    """A real terminal hands the app a whole scan at once (found by the tmux test): the Enter
    is seen before the field has taken all the keys, and the field must still end up clean."""

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(IntakeScreen())
        await pilot.pause()
        for char in PAYLOAD:  # posted, not awaited one by one as pilot.press does
            app.post_message(events.Key(char, char))
        app.post_message(events.Key("enter", "\r"))
        for _ in range(5):
            await pilot.pause()
        screen = app.screen
        assert screen.query_one("#owner-full-name", Input).value == "CÔNG DÂN THỬ NGHIỆM"
        assert screen.query_one("#owner-id-number", Input).value == "001085000001"

    drive(make_app(services, officer=officer, clock=ticks), scenario)
