"""The online inbox screen (Ctrl+O) on a desk that pulled dossiers from a real server: the list
with the review time left, accept (Mẫu 01 printed), supplement and refusal; what the desk and
the server hold afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Static

from desk.domain.lifecycle import Status
from desk.services.container import DeskServices
from printing.printers import PrinterChoice
from screens.app import DeskApp, make_app
from screens.online import OnlineScreen
from screens.widgets.dialogs import ErrorDialog
from sync.server.context import ServerSettings
from tests.conftest import FakeClock
from tests.helpers import dossier
from tests.sync.conftest import PUBLIC_URL, DeskFactory, LiveServer, serve
from tests.sync.online_helpers import submit
from tests.tui.conftest import Ticks, drive, settle


@pytest.fixture
def server(tmp_path: Path, clock: FakeClock) -> Iterator[LiveServer]:
    settings = ServerSettings(
        db_url=f"sqlite:///{tmp_path / 'server.db'}",
        blob_dir=tmp_path / "server-blobs",
        public_url=PUBLIC_URL,
        clock=clock,
    )
    yield from serve(settings)


@pytest.fixture
def desk(server: LiveServer, make_desk: DeskFactory, tmp_path: Path) -> DeskServices:
    services = make_desk("quay-a", "0001-4999")
    services.sync.enrol(server.url, server.add_desk("0001-4999"))
    printed = tmp_path / "printed"
    printed.mkdir()
    services.printing.set_printer_choice(PrinterChoice(default=f"folder:{printed}"))
    return services


def test_accept_and_refuse_from_the_inbox_screen(
    server: LiveServer, desk: DeskServices, tmp_path: Path
) -> None:
    first, second, third = submit(server), submit(server), submit(server, form_attached=False)
    desk.sync.sync_once()
    officer, _ = desk.auth.create_officer(
        username="tiepnhan", full_name="CÁN BỘ THỬ NGHIỆM", role="reception",
        password="mat-khau-thu-1", must_change_password=False,
    )  # fmt: skip

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+o")
        screen = app.screen
        assert isinstance(screen, OnlineScreen)
        table = screen.query_one("#online-table", DataTable)
        assert table.row_count == 3
        assert "còn" in str(table.get_row_at(0)[3])
        screen.query_one("#online-accept", Button).press()  # the first (oldest) row
        await settle(app, pilot)
        assert first.code in str(screen.query_one("#online-result", Static).render())
        table.move_cursor(row=1)  # third: no file for a required component
        screen.query_one("#online-accept", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ErrorDialog) and "bổ sung" in app.screen.error.message
        await pilot.press("enter")
        table.move_cursor(row=0)  # second
        screen.query_one("#online-refuse", Button).press()
        await pilot.pause()
        app.screen.query_one("#field-reason", Input).value = "Không thuộc thẩm quyền của xã"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert table.row_count == 1

    drive(make_app(desk, officer=officer, clock=Ticks()), scenario)
    assert dossier(desk, first.code).status == Status.RECEIVED
    assert dossier(desk, second.code).status == Status.REFUSED
    assert dossier(desk, third.code).status == Status.SUBMITTED
    forms = {job.form for job in desk.printing.jobs_for(first.code)}
    assert forms == {"mau01"}
    assert {job.form for job in desk.printing.jobs_for(second.code)} == {"mau03"}
    report = desk.sync.sync_once()
    assert report.quarantined == 0 and report.applied >= 2
