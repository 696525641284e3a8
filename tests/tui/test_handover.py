"""Home shows the dossiers waiting for hand-over (overdue marked); the hand-over screen takes
several at once and prints one Giấy bàn giao hồ sơ."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from desk.domain.lifecycle import Status
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from printing.journal import JobState
from screens.app import DeskApp, make_app
from screens.handover import HandOverScreen
from screens.home import HomeScreen
from tests.conftest import FakeClock, citizen
from tests.helpers import receive
from tests.tui.conftest import Ticks, drive, settle, type_text


def test_two_of_three_handed_over_together_with_one_note(
    services: DeskServices,
    officer: OfficerView,
    printed: Path,
    ticks: Ticks,
    clock: FakeClock,
) -> None:
    services.office.update_rules(hand_over_working_hours=4)
    clock.set("2026-11-25 09:00")
    early = [receive(services, owner=citizen(n)).code for n in (1, 2)]
    clock.set("2026-11-25 15:30")
    late = receive(services, owner=citizen(3)).code
    clock.set("2026-11-25 16:00")  # the morning's two are past 15:00, their deadline

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, HomeScreen)
        summary = str(app.screen.query_one("#summary", Static).render())
        assert "Chờ bàn giao: 3 (F12) — quá hạn bàn giao: 2" in summary
        await pilot.press("f12")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HandOverScreen)
        table = screen.query_one("#handover-list", DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert [row[1] for row in rows] == [*early, late]  # nearest deadline first
        assert ["QUÁ HẠN" in str(row[3]) for row in rows] == [True, True, False]
        await pilot.press("ctrl+s")  # nothing marked: said, nothing done
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("space", "down", "space")
        screen.query_one("#handover-unit").focus()
        await type_text(pilot, ticks, "Phòng Tư pháp", 0.2)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert [str(table.get_row_at(i)[1]) for i in range(table.row_count)] == [late]
        await pilot.press("escape")
        await pilot.pause()
        summary = str(app.screen.query_one("#summary", Static).render())
        assert "Chờ bàn giao: 1 (F12)" in summary and "quá hạn" not in summary

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert [services.lookup.by_code(c).summary.status for c in [*early, late]] == [
        Status.PROCESSING,
        Status.PROCESSING,
        Status.RECEIVED,
    ]
    handed = services.lookup.by_code(early[0]).events[-1]
    assert handed.officer_id == officer.id and handed.payload["unit"] == "Phòng Tư pháp"
    (job,) = services.printing.jobs_for(early[0])
    assert (job.form, job.state) == ("ban-giao", JobState.PRINTED)
    (pdf,) = printed.glob("*.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert all(code in text for code in early) and late not in text
