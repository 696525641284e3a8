"""Intake variants: a submitter who is not the owner, an organisation, postal delivery.
Each asserts on the saved dossier and on what Mẫu 01 prints, not only on the screen."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, RadioButton, Select

from desk.domain.lifecycle import Status
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from printing.journal import JobState
from screens.app import DeskApp, make_app
from screens.intake import IntakeScreen
from screens.receipt import ReceiptScreen
from screens.widgets.dialogs import ErrorDialog
from tests.tui.conftest import Ticks, drive, settle

OWNER = "CÔNG DÂN THỬ NGHIỆM"
SUBMITTER = "NGƯỜI NỘP THỬ NGHIỆM"
COMPANY = "CÔNG TY TNHH THỬ NGHIỆM"
ADDRESS = "Số 1 đường Thử Nghiệm, xã Thử Nghiệm"


async def open_intake(app: DeskApp, pilot: Pilot[None]) -> IntakeScreen:
    await pilot.press("f2")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, IntakeScreen)
    return screen


def fill(screen: IntakeScreen, prefix: str, **values: str) -> None:
    for field, value in values.items():
        screen.query_one(f"#{prefix}-{field.replace('_', '-')}", Input).value = value


async def choose_and_submit(app: DeskApp, pilot: Pilot[None], screen: IntakeScreen) -> None:
    await screen.choose_procedure("T-3WD")
    await pilot.pause()
    await pilot.press("ctrl+s")
    await settle(app, pilot)


def the_code(services: DeskServices) -> str:
    found = services.lookup.search(OWNER) or services.lookup.search(COMPANY)
    assert len(found) == 1
    return found[0].code


def test_submitter_who_is_not_the_owner_is_kept_and_printed(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = await open_intake(app, pilot)
        assert not screen.query_one("#submitter-form").display
        fill(screen, "owner", full_name=OWNER, id_number="001085000001", date_of_birth="01/01/1985")
        screen.query_one("#separate-submitter", Checkbox).value = True
        await pilot.pause()
        assert screen.query_one("#submitter-form").display
        fill(screen, "submitter", full_name=SUBMITTER, id_number="001090000002")
        fill(screen, "submitter", date_of_birth="02/02/1990", phone="0912000001")
        await choose_and_submit(app, pilot, screen)
        assert isinstance(app.screen, ReceiptScreen)

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    code = the_code(services)
    detail = services.lookup.by_code(code)
    assert detail.owner["full_name"] == OWNER
    assert detail.submitter is not None
    assert detail.submitter["full_name"] == SUBMITTER
    assert detail.submitter["id_number"] == "001090000002"
    slip = services.printing.slip_for(code)
    assert slip.submitter.full_name == SUBMITTER
    assert slip.owner is not None and slip.owner.full_name == OWNER
    assert [(j.form, j.state) for j in services.printing.jobs_for(code)] == [
        ("mau01", JobState.PRINTED)
    ]


def test_a_submitter_without_a_name_is_refused(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = await open_intake(app, pilot)
        fill(screen, "owner", full_name=OWNER)
        screen.query_one("#separate-submitter", Checkbox).value = True
        await choose_and_submit(app, pilot, screen)
        assert isinstance(app.screen, ErrorDialog)
        assert "người nộp hồ sơ" in app.screen.error.message

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert services.lookup.counts().received_today == 0


def test_an_organisation_applicant_with_its_tax_code(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = await open_intake(app, pilot)
        screen.query_one("#owner-kind", Select).value = "organisation"
        fill(screen, "owner", full_name=COMPANY, id_number="0100000001", address=ADDRESS)
        await choose_and_submit(app, pilot, screen)
        assert isinstance(app.screen, ReceiptScreen)

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    detail = services.lookup.by_code(the_code(services))
    assert detail.owner["kind"] == "organisation"
    assert detail.owner["full_name"] == COMPANY
    assert detail.owner["id_number"] == "0100000001"
    assert detail.summary.status is Status.RECEIVED


def test_an_organisation_with_a_personal_id_number_is_refused(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = await open_intake(app, pilot)
        screen.query_one("#owner-kind", Select).value = "organisation"
        fill(screen, "owner", full_name=COMPANY, id_number="001085000001")
        await choose_and_submit(app, pilot, screen)
        assert isinstance(app.screen, ErrorDialog)
        assert "10 chữ số" in app.screen.error.message

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert services.lookup.counts().received_today == 0


def test_postal_delivery_keeps_the_address_and_prints_it_on_mau01(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = await open_intake(app, pilot)
        fill(screen, "owner", full_name=OWNER, id_number="001085000001", date_of_birth="01/01/1985")
        await screen.choose_procedure("T-3WD")
        await pilot.pause()  # step 3 has taken the cursor
        assert not screen.query_one("#postal-row").display
        screen.query_one("#delivery-postal", RadioButton).value = True
        await pilot.pause()
        assert screen.query_one("#postal-row").display
        assert app.focused is screen.query_one("#postal-address", Input)
        screen.query_one("#postal-address", Input).value = ADDRESS
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ReceiptScreen)

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    code = the_code(services)
    detail = services.lookup.by_code(code)
    assert detail.summary.status is Status.RECEIVED
    assert detail.delivery == "postal"
    assert services.printing.slip_for(code).result_delivery == ADDRESS
    jobs = services.printing.jobs_for(code)
    assert [(j.form, j.state) for j in jobs] == [("mau01", JobState.PRINTED)]
    assert len(list(printed.glob("*.pdf"))) == 1


def test_postal_delivery_without_an_address_is_refused(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = await open_intake(app, pilot)
        fill(screen, "owner", full_name=OWNER, id_number="001085000001", date_of_birth="01/01/1985")
        screen.query_one("#delivery-postal", RadioButton).value = True
        await choose_and_submit(app, pilot, screen)
        assert isinstance(app.screen, ErrorDialog)
        assert "địa chỉ nhận" in app.screen.error.message

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert services.lookup.counts().received_today == 0


def test_each_step_puts_the_cursor_in_its_first_field(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks
) -> None:
    """An intake by keys alone: no mouse and no focusing by hand between the steps."""

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = await open_intake(app, pilot)
        assert app.focused is screen.query_one("#owner-full-name", Input)
        fill(screen, "owner", full_name=OWNER, id_number="001085000001", date_of_birth="01/01/1985")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.focused is screen.query_one("#procedure-search", Input)
        for char in "tinh trang hon nhan":
            ticks.now += 0.2  # a person typing, not a scanner
            await pilot.press(char)
        ticks.now += 0.2
        await pilot.press("enter")  # picks the highlighted (first) procedure
        await settle(app, pilot)
        assert screen.procedure is not None and screen.procedure.code == "T-3WD"
        assert app.focused is not None and app.focused.id is not None
        assert app.focused.id == "component-0"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ReceiptScreen)

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert services.lookup.by_code(the_code(services)).summary.status is Status.RECEIVED
