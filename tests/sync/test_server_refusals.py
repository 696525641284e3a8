"""Idempotency and bad input against the real server: each refused cleanly, nothing written."""

from __future__ import annotations

import gzip
import hashlib
import uuid

import httpx
import pytest

from desk.domain.lifecycle import canonical_json
from desk.services.container import DeskServices
from sync.client import SyncClient
from sync.errors import SyncRefused
from sync.protocol import API_PREFIX, CommandBatch, Outcome
from tests.conftest import citizen
from tests.helpers import receive
from tests.sync.conftest import DeskFactory, LiveServer
from tests.sync.helpers import auth, bearer_of, server_counts, wire_commands

OTHER_AGENCY = "000.00.02.H99"


@pytest.fixture
def desk(live_server: LiveServer, make_desk: DeskFactory) -> DeskServices:
    desk = make_desk("quay-a", "0001-4999")
    for i in range(1, 3):
        receive(desk, owner=citizen(i))
    desk.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    return desk


def _client(live: LiveServer, bearer: str) -> SyncClient:
    return SyncClient(live.url, bearer=bearer)


def test_the_same_batch_twice_gives_duplicates_and_nothing_doubles(
    live_server: LiveServer, desk: DeskServices
) -> None:
    batch = CommandBatch(commands=wire_commands(desk))
    with _client(live_server, bearer_of(desk)) as client:
        first = client.push(batch)
        after_first = server_counts(live_server)
        second = client.push(batch)
    assert [r.outcome for r in first.results] == [Outcome.APPLIED] * 2
    assert [r.outcome for r in second.results] == [Outcome.DUPLICATE] * 2
    assert [r.status for r in second.results] == [r.status for r in first.results]
    assert server_counts(live_server) == after_first
    assert after_first["srv_dossier"] == 2


def test_same_id_different_payload_is_a_conflict(
    live_server: LiveServer, desk: DeskServices
) -> None:
    original = wire_commands(desk)[0]
    with _client(live_server, bearer_of(desk)) as client:
        client.push(CommandBatch(commands=[original]))
        before = server_counts(live_server)
        payload = {**original.payload, "summary": "nội dung khác"}
        forged = original.model_copy(
            update={
                "payload": payload,
                "payload_hash": hashlib.sha256(canonical_json(payload).encode()).hexdigest(),
            }
        )
        result = client.push(CommandBatch(commands=[forged])).results[0]
    assert (result.outcome, result.code) == (Outcome.CONFLICT, "conflict")
    assert result.reason and "đã được dùng" in result.reason
    assert server_counts(live_server) == before


def test_a_wrong_hash_is_rejected_and_the_rest_of_the_batch_applies(
    live_server: LiveServer, desk: DeskServices
) -> None:
    first, second = wire_commands(desk)
    broken = first.model_copy(update={"payload_hash": "0" * 64})
    with _client(live_server, bearer_of(desk)) as client:
        results = client.push(CommandBatch(commands=[broken, second])).results
    assert (results[0].outcome, results[0].code) == (Outcome.REJECTED, "hash_mismatch")
    assert results[1].outcome is Outcome.APPLIED
    assert server_counts(live_server)["srv_dossier"] == 1


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b"{not json", {}),
        (b'{"version": 1, "commands": []}', {}),
        (b'{"version": 1, "commands": [{"command_id": "x"}]}', {}),
        (b"\x1f\x8b\x08\x00garbage", {"Content-Encoding": "gzip"}),
        (gzip.compress(b"{" * 5_000_000), {"Content-Encoding": "gzip"}),  # a gzip bomb
    ],
    ids=["not-json", "empty", "missing-fields", "bad-gzip", "bomb"],
)
def test_malformed_batches_are_refused_whole(
    live_server: LiveServer, desk: DeskServices, body: bytes, headers: dict[str, str]
) -> None:
    before = server_counts(live_server)
    response = httpx.post(
        f"{live_server.url}{API_PREFIX}/commands",
        content=body,
        headers={**auth(bearer_of(desk)), **headers},
    )
    assert response.status_code in (400, 413, 422)
    envelope = response.json()
    assert envelope["protocol"] == "motcua-sync"
    assert envelope["error"]["code"] in ("malformed_batch", "too_large", "bad_gzip")
    assert server_counts(live_server) == before


def test_bad_credentials_and_a_replayed_enrolment_code_are_refused(
    live_server: LiveServer, desk: DeskServices
) -> None:
    key, _, secret = bearer_of(desk).partition(".")
    for bearer in (f"{key}.{secret[:-2]}xx", "garbage", f"{uuid.uuid4()}.{secret}"):
        with _client(live_server, bearer) as client, pytest.raises(SyncRefused) as refused:
            client.push(CommandBatch(commands=wire_commands(desk)))
        assert (refused.value.code, refused.value.http_status) == ("unauthorised", 401)
    response = httpx.get(f"{live_server.url}{API_PREFIX}/changes")
    assert response.status_code == 401
    code = live_server.add_desk("5000-5999")
    first = httpx.post(
        f"{live_server.url}{API_PREFIX}/enrol",
        json={"code": code, "desk_id": str(uuid.uuid4()), "agency_code": "000.00.01.H99"},
    )
    replay = httpx.post(
        f"{live_server.url}{API_PREFIX}/enrol",
        json={"code": code, "desk_id": str(uuid.uuid4()), "agency_code": "000.00.01.H99"},
    )
    assert first.status_code == 200
    assert (replay.status_code, replay.json()["error"]["code"]) == (401, "enrol_invalid")
    assert server_counts(live_server)["srv_dossier"] == 0


def test_a_desk_cannot_touch_another_agencys_dossiers(
    live_server: LiveServer, desk: DeskServices
) -> None:
    own = wire_commands(desk)
    desk.intake.hand_over(own[0].payload["code"], unit="Phòng Tư pháp")
    own = wire_commands(desk)
    with _client(live_server, bearer_of(desk)) as client:
        client.push(CommandBatch(commands=own))
    intruder_desk = str(uuid.uuid4())
    intruder = httpx.post(
        f"{live_server.url}{API_PREFIX}/enrol",
        json={
            "code": live_server.add_desk("0001-4999", agency=OTHER_AGENCY),
            "desk_id": intruder_desk,
            "agency_code": OTHER_AGENCY,
        },
    ).json()["data"]
    intruder_bearer = f"{intruder['desk_key']}.{intruder['secret']}"
    # Agency A's commands replayed under new ids by agency B's (properly enrolled) desk.
    stolen = [
        c.model_copy(update={"command_id": str(uuid.uuid4()), "desk_id": intruder_desk})
        for c in own
    ]
    before = server_counts(live_server)
    with _client(live_server, intruder_bearer) as client:
        results = client.push(CommandBatch(commands=stolen)).results
        page = client.pull(None)
        tracked = client.ping()
    assert [r.outcome for r in results] == [Outcome.REJECTED] * 3
    assert [r.code for r in results] == ["other_agency", "other_agency", "not_found"]
    assert page.changes == []
    assert tracked.agency_code == OTHER_AGENCY
    assert server_counts(live_server) == before
