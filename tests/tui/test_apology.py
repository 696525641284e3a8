"""The apology letter (Mẫu 04) with a new date for an overdue dossier, from the dossier screen
and from the return screen; once the result is ready the return screen says why there is none."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from sqlmodel import col, select
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from data.models import Dossier, DossierExtension
from desk.domain.lifecycle import Status
from desk.domain.timefmt import local_date
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from printing.journal import JobState
from screens.app import DeskApp, make_app
from screens.dossier import DossierScreen
from screens.returns import ReturnScreen
from screens.widgets.dialogs import ErrorDialog, FormDialog
from tests.conftest import FakeClock, citizen
from tests.tui.conftest import Ticks, drive, settle

REASON = "Cần xác minh thêm thông tin nơi sinh"
SIGNER = "CHỦ TỊCH THỬ NGHIỆM"


def overdue(services: DeskServices, clock: FakeClock) -> str:
    """A dossier received on Wednesday 25/11, due a few working days later, seen on 07/12."""
    code = services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen())).code
    clock.set("2026-12-07T09:00")
    return code


def extensions(services: DeskServices, code: str) -> list[DossierExtension]:
    with services.context.db.read() as session:
        row = session.exec(select(Dossier).where(col(Dossier.code) == code)).one()
        return list(
            session.exec(
                select(DossierExtension).where(col(DossierExtension.dossier_id) == row.id)
            ).all()
        )


def pdf_text(folder: Path) -> str:
    (pdf,) = folder.glob("*.pdf")
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


async def fill_apology(app: DeskApp, pilot: Pilot[None], new_date: str) -> None:
    assert isinstance(app.screen, FormDialog)
    app.screen.query_one("#field-new_date", Input).value = new_date
    app.screen.query_one("#field-reason", Input).value = REASON
    app.screen.query_one("#field-signer", Input).value = SIGNER
    await pilot.press("ctrl+s")
    await settle(app, pilot)


def assert_apologised(services: DeskServices, code: str, first_due: object) -> None:
    detail = services.lookup.by_code(code)
    assert detail.original_due_at == first_due  # the first appointment is kept
    assert detail.extended_due_at is not None
    assert local_date(detail.extended_due_at) == date(2026, 12, 9)
    assert detail.events[-1].kind == "apologise"
    assert detail.summary.status is Status.RECEIVED
    (extension,) = extensions(services, code)
    assert extension.reason == REASON and extension.signer == SIGNER
    jobs = services.printing.jobs_for(code)
    assert [(j.form, j.state) for j in jobs] == [("mau04", JobState.PRINTED)]


def test_apology_with_a_new_date_from_the_dossier_screen(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks, clock: FakeClock
) -> None:
    code = overdue(services, clock)
    first_due = services.lookup.by_code(code).original_due_at

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(DossierScreen(code=code))
        await pilot.pause()
        await pilot.pause()
        assert "QUÁ HẠN" in str(app.screen.query_one("#dossier-due", Static).render())
        app.screen.query_one("#act-apologise", Button).press()
        await pilot.pause()
        await fill_apology(app, pilot, "09/12/2026")
        assert isinstance(app.screen, DossierScreen)
        due = str(app.screen.query_one("#dossier-due", Static).render())
        assert "hẹn ban đầu" in due

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert_apologised(services, code, first_due)
    text = pdf_text(printed)
    assert code in text and "09 tháng 12 năm 2026" in text


def test_a_new_date_on_a_saturday_is_refused_and_nothing_written(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks, clock: FakeClock
) -> None:
    code = overdue(services, clock)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(DossierScreen(code=code))
        await pilot.pause()
        await pilot.pause()
        app.screen.query_one("#act-apologise", Button).press()
        await pilot.pause()
        await fill_apology(app, pilot, "12/12/2026")
        assert isinstance(app.screen, ErrorDialog)
        assert "không phải ngày làm việc" in app.screen.error.message

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert extensions(services, code) == []
    assert services.lookup.by_code(code).extended_due_at is None
    assert services.printing.jobs_for(code) == []


def test_return_of_an_overdue_open_dossier_offers_the_apology_letter(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks, clock: FakeClock
) -> None:
    code = overdue(services, clock)
    first_due = services.lookup.by_code(code).original_due_at

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f4")
        screen = app.screen
        assert isinstance(screen, ReturnScreen)
        screen.load(code)
        await pilot.pause()
        assert screen.query_one("#overdue-row").display
        assert screen.query_one("#return-apologise").display
        assert "Mẫu 04" in str(screen.query_one("#overdue-note", Static).render())
        await pilot.press("f10")
        await pilot.pause()
        await fill_apology(app, pilot, "09/12/2026")
        assert app.screen is screen
        assert not screen.query_one("#overdue-row").display  # no longer overdue

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert_apologised(services, code, first_due)


def test_return_of_a_late_result_says_why_there_is_no_apology(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks, clock: FakeClock
) -> None:
    code = overdue(services, clock)
    services.intake.result_ready(code)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(ReturnScreen(code=code))
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#overdue-row").display
        assert not screen.query_one("#return-apologise").display
        note = str(screen.query_one("#overdue-note", Static).render())
        assert "Không lập văn bản xin lỗi" in note
        await pilot.press("f10")
        await pilot.pause()
        assert app.screen is screen  # no dialog: the lifecycle forbids it
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    detail = services.lookup.by_code(code)
    assert detail.summary.status is Status.RETURNED
    assert extensions(services, code) == []
    jobs = services.printing.jobs_for(code)
    assert [(j.form, j.state) for j in jobs] == [("bien-nhan", JobState.PRINTED)]
