"""The server hands desks their reference data by the change feed: a year's holiday notice
and the procedures catalogue, checked with the desk's own models; a bad file is refused with
nothing queued (real uvicorn server, SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from sync.server import cli as server_cli
from sync.server.errors import Refused
from sync.server.publish import publish
from sync.server.tables import ServerChange
from tests.conftest import SMALL_CATALOG
from tests.sync.conftest import DeskFactory, LiveServer

NOTICE_2027: dict[str, Any] = {
    "year": 2027,
    "source": "Thông báo thử nghiệm của Bộ Nội vụ về lịch nghỉ năm 2027",
    "holidays": ["2027-01-01", "2027-02-08", "2027-02-09", "2027-04-30", "2027-05-01"],
    "working_days": ["2027-02-20"],
}


def changes(live: LiveServer) -> int:
    with live.server.db.read() as session:
        return session.scalar(select(func.count()).select_from(ServerChange)) or 0


def test_a_published_notice_and_catalogue_reach_the_desk(
    live_server: LiveServer, make_desk: DeskFactory, tmp_path: Path
) -> None:
    desk = make_desk("quay-a", "0001-4999")
    desk.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    assert not desk.calendar.show_year(2027).official

    notice = tmp_path / "lich-2027.json"
    notice.write_text(json.dumps(NOTICE_2027, ensure_ascii=False), encoding="utf-8")
    args = ["calendar", "publish", str(notice), "--db", live_server.server.settings.db_url]
    assert server_cli.main(args) == 0
    catalog = json.loads(SMALL_CATALOG.read_text(encoding="utf-8"))
    catalog["version"] = "2027.1"
    catalog["procedures"][0]["name"] = "Chứng thực bản sao từ bản chính (tên mới)"
    publish(
        live_server.server.db, "catalog", catalog, agencies=None, replace=False,
        clock=live_server.server.now,
    )  # fmt: skip

    assert desk.sync.sync_once().changes_applied == 2
    year = desk.calendar.show_year(2027)
    assert year.official and date(2027, 2, 8) in year.table.holidays
    assert date(2027, 2, 20) in year.table.workdays
    assert desk.catalog.get("T-SAMEDAY").name.endswith("(tên mới)")
    assert desk.sync.sync_once().changes_applied == 0  # applied once


@pytest.mark.parametrize(
    ("what", "content", "says"),
    [
        ("calendar", {**NOTICE_2027, "holidays": ["2026-12-31"]}, "không thuộc năm 2027"),
        ("calendar", {"year": 2027}, "source"),
        ("catalog", {"version": "x", "procedures": [{"code": "T"}]}, "source"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_is_queued(
    live_server: LiveServer, what: str, content: dict[str, Any], says: str
) -> None:
    live_server.add_desk("0001-4999")
    before = changes(live_server)
    with pytest.raises(Refused) as refused:
        publish(
            live_server.server.db, what, content, agencies=None, replace=False,
            clock=live_server.server.now,
        )  # fmt: skip
    assert says in refused.value.message and "Không có gì được gửi" in refused.value.message
    assert changes(live_server) == before


def test_an_unknown_agency_is_refused(live_server: LiveServer) -> None:
    live_server.add_desk("0001-4999")
    with pytest.raises(Refused, match=r"000\.00\.99\.H99"):
        publish(
            live_server.server.db, "calendar", NOTICE_2027, agencies=["000.00.99.H99"],
            replace=False, clock=live_server.server.now,
        )  # fmt: skip
    assert changes(live_server) == 0
