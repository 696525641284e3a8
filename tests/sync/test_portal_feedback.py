"""Phản ánh, kiến nghị through the server's public page: stored, pulled into every desk's
register with a working-day deadline, answered at a desk and mirrored back; bad input and
floods refused with nothing written (real uvicorn server, SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from sync.protocol import API_PREFIX
from sync.server.tables import ServerFeedback
from tests.conftest import AGENCY_CODE
from tests.helpers import at
from tests.sync.conftest import DeskFactory, LiveServer

CONTENT = "Cán bộ hẹn trả kết quả nhưng chưa có kết quả"


def send(live: LiveServer, **fields: Any) -> httpx.Response:
    body = {"agency_code": AGENCY_CODE, "content": CONTENT, "sender_phone": "0912000000"}
    body.update(fields)
    return httpx.post(f"{live.url}{API_PREFIX}/public/feedback", json=body, timeout=10)


def rows(live: LiveServer) -> int:
    with live.server.db.read() as session:
        return session.scalar(select(func.count()).select_from(ServerFeedback)) or 0


def test_portal_feedback_reaches_the_desks_and_the_answer_comes_back(
    clocked_server: LiveServer, make_desk: DeskFactory
) -> None:
    live_server = clocked_server
    desk_a = make_desk("quay-a", "0001-4999")
    desk_b = make_desk("quay-b", "5000-8999")
    desk_a.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    desk_b.sync.enrol(live_server.url, live_server.add_desk("5000-8999"))
    sent = send(live_server, sender_name="CÔNG DÂN THỬ NGHIỆM", dossier_code="000.00.01.h99-x")
    assert sent.status_code == 201, sent.text
    feedback_id = sent.json()["data"]["id"]

    assert desk_a.sync.sync_once().changes_applied == 1
    assert desk_b.sync.sync_once().changes_applied == 1
    [item] = desk_a.feedback.open_items()
    assert item.id == feedback_id and item.channel == "portal"
    assert item.due_at == at("2026-11-30 09:00")  # received Wed 09:00 + 03 working days
    assert [i.id for i in desk_b.feedback.open_items()] == [feedback_id]
    assert desk_a.sync.sync_once().changes_applied == 0  # pulled once only

    desk_a.feedback.close(item.number, answer="Đã gọi điện trả lời công dân")
    assert desk_a.sync.sync_once().applied == 1
    with live_server.server.db.read() as session:
        row = session.get(ServerFeedback, feedback_id)
        assert row is not None and row.state == "closed"
        assert row.answer == "Đã gọi điện trả lời công dân"


@pytest.mark.parametrize(
    ("fields", "status", "says"),
    [
        ({"content": "ừ"}, 422, "nội dung"),
        ({"sender_email": "khong-phai-email", "sender_phone": None}, 422, "email"),
        ({"sender_phone": None}, 422, "Số điện thoại hoặc email"),
        ({"sender_phone": "12ab"}, 422, "điện thoại"),
        ({"agency_code": "000.00.99.H99"}, 404, "000.00.99.H99"),
        ({"content": "x" * 5000}, 422, ""),
    ],
)
def test_bad_feedback_is_refused_and_nothing_is_written(
    live_server: LiveServer, fields: dict[str, Any], status: int, says: str
) -> None:
    live_server.add_desk("0001-4999")  # the agency exists
    answer = send(live_server, **fields)
    assert answer.status_code == status
    assert says.lower() in answer.json()["error"]["message"].lower()
    assert rows(live_server) == 0


def test_a_flood_from_one_address_is_limited(live_server: LiveServer) -> None:
    live_server.add_desk("0001-4999")
    codes = [send(live_server).status_code for _ in range(6)]
    assert codes == [201] * 5 + [429]
    assert rows(live_server) == 5


def test_the_public_page_has_the_form(live_server: LiveServer) -> None:
    page = httpx.get(f"{live_server.url}/gop-y/{AGENCY_CODE}", timeout=10)
    assert page.status_code == 200
    assert "Gửi phản ánh, kiến nghị" in page.text and 'name="content"' in page.text
    assert f"{API_PREFIX}/public/feedback" in page.text
