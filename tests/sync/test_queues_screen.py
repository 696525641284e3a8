"""Home shows the online inbox (count, nearest review deadline) and the commands the server
refused; the refused commands' screen (Ctrl+Y) reads each reason, exports them and puts one
back in the queue, against a real server process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from desk.domain.timefmt import short_local
from desk.services.container import DeskServices
from screens.app import DeskApp, make_app
from screens.home import HomeScreen
from screens.quarantine import QuarantineScreen
from screens.widgets.dialogs import FormDialog
from sync.server.context import ServerSettings
from tests.conftest import FakeClock, citizen
from tests.helpers import receive
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


def test_home_queues_and_the_refused_commands_screen(
    server: LiveServer, make_desk: DeskFactory, clock: FakeClock, tmp_path: Path
) -> None:
    desk: DeskServices = make_desk("quay-a", "0001-4999")
    receive(desk, owner=citizen(1))  # seq 0001
    outside = receive(desk, owner=citizen(2)).code  # seq 0002: outside the range below
    desk.sync.enrol(server.url, server.add_desk("0001-0001"))
    submit(server)  # an online dossier for the inbox
    report = desk.sync.sync_once()
    assert report.quarantined == 1
    (due,) = [item.review_due for item in desk.online.inbox()]
    officer, _ = desk.auth.create_officer(
        username="tiepnhan", full_name="CÁN BỘ THỬ NGHIỆM", role="reception",
        password="mat-khau-thu-1", must_change_password=False,
    )  # fmt: skip
    out = tmp_path / "refused.json"
    clock.now = due + timedelta(hours=1)  # the review limit has passed

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, HomeScreen)
        summary = str(app.screen.query_one("#summary", Static).render())
        assert f"Trực tuyến chờ xem xét: 1 (Ctrl+O) — hạn gần nhất {short_local(due)}" in summary
        assert "quá hạn xem xét: 1" in summary
        assert "Lệnh đồng bộ bị từ chối: 1 (Ctrl+Y)" in summary
        await pilot.press("ctrl+y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuarantineScreen)
        assert screen.query_one("#quarantine-table", DataTable).get_row_at(0)[0] == outside
        reason = str(screen.query_one("#quarantine-reason", Static).render())
        assert reason.startswith(f"Lý do: Số thứ tự của hồ sơ {outside} nằm ngoài dải số")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#field-path", Input).value = str(out)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert screen.query_one("#quarantine-table", DataTable).row_count == 0
        await pilot.press("escape")
        await pilot.pause()
        summary = str(app.screen.query_one("#summary", Static).render())
        assert "Lệnh đồng bộ bị từ chối: 0 (Ctrl+Y)" in summary

    drive(make_app(desk, officer=officer, clock=Ticks()), scenario)
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [row["payload"]["code"] for row in exported] == [outside]
    assert desk.sync.status().commands_quarantined == 0
    assert desk.sync.sync_once().quarantined == 1  # sent again, judged afresh, never dropped
