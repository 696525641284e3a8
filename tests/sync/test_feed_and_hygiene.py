"""The change feed is gap-free in commit order under concurrent back-office moves; province
records have the portal's shape; the sync modules import no TUI and no desk services."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from sync.protocol import AdvanceRequest
from sync.server.feed import decode_cursor, read_page
from sync.server.tables import ProvinceRecord
from tests.conftest import AGENCY_CODE, citizen
from tests.helpers import receive
from tests.sync.conftest import DeskFactory, LiveServer


def test_concurrent_moves_reach_the_feed_once_each_in_commit_order(
    live_server: LiveServer, make_desk: DeskFactory
) -> None:
    desk = make_desk("quay-a", "0001-4999")
    codes = [receive(desk, owner=citizen(i)).code for i in range(1, 13)]
    desk.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    desk.sync.sync_once()
    backoffice = live_server.server.backoffice

    def move(code: str) -> int:
        return backoffice.advance(AGENCY_CODE, code, AdvanceRequest(to="processing")).status

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert set(pool.map(move, codes)) == {4}

    with live_server.server.db.read() as session:
        page = read_page(session, AGENCY_CODE, None, limit=5)
        seen = [change.dossier_code for change in page.changes]
        while page.more:
            page = read_page(session, AGENCY_CODE, page.cursor, limit=5)
            seen += [change.dossier_code for change in page.changes]
        assert decode_cursor(page.cursor) == len(codes)  # gap-free: one number per change
        record = session.scalars(
            select(ProvinceRecord).where(ProvinceRecord.service == "DongBoHoSoMC")
        ).first()
    assert sorted(seen) == sorted(codes)
    assert record is not None
    body = json.loads(record.body)
    assert body["MaHoSo"] in codes and body["KenhThucHien"] == 1
    assert len(body["NgayTiepNhan"]) == 14 and body["NgayTiepNhan"].isdigit()
    assert desk.sync.sync_once().changes_applied == len(codes)


def test_sync_modules_import_no_tui_and_the_server_no_desk_services() -> None:
    probe = (
        "import sys, sync.client, sync.worker, sync.outbox, sync.server.app, sync.server.cli;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'screens')"
        " or m.startswith(('desk.services', 'desk.cli'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
