"""The frozen wire of protocol version 1 (tests/fixtures/wire/, made by tests.sync.wire_v1
before the wire was typed): a server of today applies every batch a v1 desk sent, and a desk
of today reads every feed page a v1 server answered (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import httpx
import pytest
from sqlalchemy import select
from sqlmodel import col
from sqlmodel import select as desk_select

from data.models import CalendarYear, Dossier, DossierComponent, DossierEvent, Feedback
from desk.domain.lifecycle import Status
from desk.services.blobs import blob_dir_for
from desk.services.sync import ENROLMENT_KEY, SyncService
from sync import outbox
from sync.protocol import API_PREFIX, Outcome
from sync.server.chain import check_chain
from sync.server.tables import ServerDossier, ServerFeedback
from tests.conftest import AGENCY_CODE, FIXTURES
from tests.sync.conftest import DeskFactory, LiveServer
from tests.sync.helpers import auth
from tests.sync.online_helpers import submit
from tests.sync.wire_v1 import freeze

WIRE = FIXTURES / "wire"
BATCH_ORDER = ("intake", "moves", "records", "feedback", "online")


def _json(path: Path) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return value


def _batches() -> list[dict[str, Any]]:
    return [_json(WIRE / f"v1-batch-{name}.json") for name in BATCH_ORDER]


def _feed_pages() -> list[dict[str, Any]]:
    pages = sorted(WIRE.glob("v1-feed-*.json"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [_json(page) for page in pages]


def _created_changes() -> list[dict[str, Any]]:
    return [
        change
        for page in _feed_pages()
        for change in page["data"]["changes"]
        if change["kind"] == "dossier.created"
    ]


def _online_dossiers_as_in_v1(live: LiveServer) -> None:
    """The two online dossiers the v1 desk decided on, created again with the same ids (the
    codes follow from the day, as they did then)."""
    ids = iter(change["dossier_id"] for change in _created_changes())
    with mock.patch("sync.server.online.uuid7", lambda: next(ids)):
        codes = [submit(live).code, submit(live).code]
    assert codes == [change["dossier_code"] for change in _created_changes()]


def _enrolled(live: LiveServer, client: httpx.Client) -> str:
    desk_id = _batches()[0]["commands"][0]["desk_id"]
    answer = client.post(
        f"{API_PREFIX}/enrol",
        json={"code": live.add_desk("0001-4999"), "desk_id": desk_id, "agency_code": AGENCY_CODE},
    )
    assert answer.status_code == 200, answer.text
    data = answer.json()["data"]
    return f"{data['desk_key']}.{data['secret']}"


def _upload_blobs(live: LiveServer) -> None:
    with live.server.db.write() as session:
        for path in (WIRE / "blobs").iterdir():
            live.server.blobs.store_whole(
                session, AGENCY_CODE, path.read_bytes(), "application/pdf"
            )


def test_the_server_applies_every_frozen_v1_batch(clocked_server: LiveServer) -> None:
    live_server = clocked_server  # on the fake clock: the online codes follow from the day
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        headers = auth(_enrolled(live_server, client))
        _online_dossiers_as_in_v1(live_server)
        _upload_blobs(live_server)
        sent: list[dict[str, Any]] = []
        for batch in _batches():
            answer = client.post(
                f"{API_PREFIX}/commands", content=json.dumps(batch), headers=headers
            )
            assert answer.status_code == 200, answer.text
            assert answer.json()["version"] == 1  # no versions header: a desk of version 1
            results = answer.json()["data"]["results"]
            assert [r["outcome"] for r in results] == ["applied"] * len(batch["commands"]), results
            sent += batch["commands"]
        again = client.post(
            f"{API_PREFIX}/commands", content=json.dumps(_batches()[1]), headers=headers
        )
        assert {r["outcome"] for r in again.json()["data"]["results"]} == {Outcome.DUPLICATE}

    last_status = {
        c["dossier_id"]: c["payload"]["status"] for c in sent if "status" in c["payload"]
    }
    with live_server.server.db.read() as session:
        for dossier_id, status in last_status.items():
            row = session.get(ServerDossier, dossier_id)
            assert row is not None and row.status == status
            check_chain(session, row)
        signed = next(c for c in sent if c["type"] == "dossier.result_signed")
        row = session.get(ServerDossier, signed["dossier_id"])
        assert row is not None and row.signed_result_sha256 == signed["payload"]["blob_sha256"]
        feedback = next(c for c in sent if c["type"] == "feedback.close")["payload"]
        kept = session.get(ServerFeedback, feedback["id"])
        assert kept is not None and (kept.state, kept.answer) == ("closed", feedback["answer"])
        stored = session.scalars(select(ServerDossier.snapshot)).all()
        assert any('"owner_name"' in text for text in stored)


def _v1_server(pages: list[dict[str, Any]]) -> httpx.MockTransport:
    """Answers like the v1 server did: its ping, its feed pages by cursor, its files."""
    by_cursor: dict[str | None, dict[str, Any]] = {}
    cursor: str | None = None
    for page in pages:
        by_cursor[cursor] = page
        cursor = page["data"]["cursor"]
    server_time = pages[-1]["server_time"]

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix(API_PREFIX)
        if path == "/ping":
            data = {"desk_key": "0" * 8, "agency_code": AGENCY_CODE}
            return httpx.Response(
                200, json={"protocol": "motcua-sync", "version": 1, "server_time": server_time,
                           "data": data}
            )  # fmt: skip
        if path == "/changes":
            return httpx.Response(200, json=by_cursor[request.url.params.get("cursor")])
        if path.startswith("/blobs/") and request.method == "GET":
            return httpx.Response(200, content=(WIRE / "blobs" / path.split("/")[-1]).read_bytes())
        error = {"code": "not_found", "message": "?"}
        return httpx.Response(
            404, json={"protocol": "motcua-sync", "version": 1, "server_time": server_time,
                       "error": error}
        )  # fmt: skip

    return httpx.MockTransport(answer)


@pytest.fixture
def reading_desk(make_desk: DeskFactory) -> Iterator[SyncService]:
    desk = make_desk("quay-c", "5000-5999")
    with desk.context.db.write() as session:
        outbox.save_state(
            session,
            ENROLMENT_KEY,
            {"server": "https://motcua.invalid", "bearer": "k.s", "ca_bundle": None},
        )
    yield SyncService(
        desk.context, blob_dir_for(desk.context.db.engine), transport=_v1_server(_feed_pages())
    )


def test_a_desk_reads_every_frozen_v1_feed_page(reading_desk: SyncService) -> None:
    report = reading_desk.sync_once()

    assert report.error is None and report.online
    created = _created_changes()
    context = reading_desk._context
    with context.db.read() as session:
        accepted = session.get(Dossier, created[0]["dossier_id"])
        supplemented = session.get(Dossier, created[1]["dossier_id"])
        assert accepted is not None and supplemented is not None
        assert accepted.owner_name == created[0]["snapshot"]["owner_name"]
        assert accepted.owner_phone == created[0]["snapshot"]["owner_phone"]
        assert accepted.status == Status.RECEIVED and accepted.due_at is not None
        assert supplemented.status == Status.SUPPLEMENT_REQUESTED
        components = session.exec(
            desk_select(DossierComponent).where(col(DossierComponent.dossier_id) == accepted.id)
        ).all()
        names = [c.name for c in components]
        assert names == [c["name"] for c in created[0]["snapshot"]["components"]]
        assert components[0].blob_sha256 == created[0]["attachments"][0]
        kinds = session.exec(
            desk_select(DossierEvent.kind).where(col(DossierEvent.dossier_id) == accepted.id)
        ).all()
        assert "citizen_notified" in kinds
        portal = session.exec(desk_select(Feedback).where(col(Feedback.channel) == "portal")).all()
        assert [f.content for f in portal] == ["Xin hỏi thời hạn trả kết quả"]
        assert session.get(CalendarYear, 2027) is not None


def _comparable(document: dict[str, Any]) -> dict[str, Any]:
    """The bytes of a scan's PDF depend on the image encoders' state, not on the wire: its
    files' hashes and sizes (and so its payload's hash) are left out of the comparison."""
    for command in document.get("commands", []):
        if command["type"] == "dossier.scan_attached":
            command["payload_hash"] = "(scan)"
            for key in [k for k in command["payload"] if k.endswith(("_sha256", "_size"))]:
                command["payload"][key] = "(scan)"
    return document


def test_the_code_still_makes_exactly_the_v1_wire(tmp_path: Path) -> None:
    """While desks and servers speak version 1 to each other, what a desk sends and what a
    server answers stay the frozen samples (a new field of a desk table changes nothing)."""
    freeze(tmp_path)

    made = sorted(p.name for p in tmp_path.glob("*.json"))
    assert made == sorted(p.name for p in WIRE.glob("*.json"))
    for name in made:
        assert _comparable(_json(tmp_path / name)) == _comparable(_json(WIRE / name)), name
