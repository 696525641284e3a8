"""Trả ngay (Sơn La 2019 Đ12.1d): with the office's leave, a same-day procedure is received and
returned in one flow, without an appointment slip; otherwise the box is not offered and the
service refuses, writing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox

from data.models import Dossier
from desk.domain.lifecycle import Status
from desk.errors import InvalidInput
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from printing.journal import JobState
from screens.app import DeskApp, make_app
from screens.home import HomeScreen
from screens.intake import IntakeScreen
from tests.conftest import citizen
from tests.helpers import count
from tests.tui.conftest import Ticks, drive, settle
from tests.tui.test_intake_variants import fill, open_intake


def test_same_day_procedure_received_and_returned_at_once(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks
) -> None:
    services.office.update_rules(immediate_return=True)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = await open_intake(app, pilot)
        fill(screen, "owner", full_name="CÔNG DÂN THỬ NGHIỆM", id_number="001085000001",
             date_of_birth="01/01/1985")  # fmt: skip
        box = screen.query_one("#immediate", Checkbox)
        await screen.choose_procedure("T-3WD")  # three working days: not offered
        await pilot.pause()
        assert not box.display
        await screen.choose_procedure("T-SAMEDAY")
        await pilot.pause()
        assert box.display
        screen.open_step("step-fees")
        await pilot.pause()
        box.focus()
        await pilot.press("space")
        assert box.value
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    (summary,) = services.lookup.by_id_number("001085000001")
    detail = services.lookup.by_code(summary.code)
    assert detail.summary.status is Status.RETURNED
    assert [e.kind for e in detail.events] == ["receive", "result_ready", "return"]
    assert all(e.officer_id == officer.id for e in detail.events)
    jobs = services.printing.jobs_for(summary.code)
    assert [(j.form, j.state) for j in jobs] == [("bien-nhan", JobState.PRINTED)]  # no mau01
    assert len(list(printed.glob("*.pdf"))) == 1


def test_not_offered_unless_the_office_allows_it(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = await open_intake(app, pilot)
        assert isinstance(screen, IntakeScreen)
        await screen.choose_procedure("T-SAMEDAY")
        await pilot.pause()
        assert not screen.query_one("#immediate", Checkbox).display

    drive(make_app(services, officer=officer, clock=ticks), scenario)


@pytest.mark.parametrize(
    ("allowed", "procedure", "said"),
    [
        (False, "T-SAMEDAY", "chưa cho phép trả kết quả ngay"),
        (True, "T-3WD", "không phải thủ tục giải quyết trong ngày"),
    ],
)
def test_the_service_refuses_and_writes_nothing(
    services: DeskServices, allowed: bool, procedure: str, said: str
) -> None:
    services.office.update_rules(immediate_return=allowed)
    with pytest.raises(InvalidInput, match=said):
        services.immediate.receive_and_return(ReceiveRequest(procedure, citizen()))
    assert count(services, Dossier) == 0
