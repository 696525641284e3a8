"""Bad input is a 4xx with the Vietnamese envelope and no traceback in the server's log: a NUL
in the path, numbers past 64 bits, a body that is not UTF-8, a broken gzip body. Against
`desk-server run` as its own process (SQLite and PostgreSQL where the database is reached)."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from desk.domain.lifecycle import canonical_json
from desk.services.container import DeskServices
from sync.client import SyncClient
from sync.protocol import API_PREFIX, CommandBatch, Outcome
from sync.server.feed import encode_cursor
from tests.conftest import AGENCY_CODE, citizen
from tests.helpers import receive
from tests.sync.conftest import DeskFactory
from tests.sync.helpers import auth, bearer_of, wire_commands
from tests.sync.processes import ServerProcess, add_desk_code


@pytest.fixture
def server(server_db_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    with ServerProcess(server_db_url, tmp_path) as process:
        yield process


@pytest.fixture
def desk(server: ServerProcess, server_db_url: str, make_desk: DeskFactory) -> DeskServices:
    desk = make_desk("quay-a", "0001-4999")
    receive(desk, owner=citizen(1))
    desk.sync.enrol(server.url, add_desk_code(server_db_url))
    return desk


def _refused(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    envelope = response.json()
    assert envelope["protocol"] == "motcua-sync"
    assert envelope["error"]["code"] == code
    message: str = envelope["error"]["message"]
    return message


@pytest.mark.parametrize("path", ["/t/%00abc?k=x", f"{API_PREFIX}/track/%00abc"])
def test_a_nul_in_the_path_is_a_400_not_a_server_error(server: ServerProcess, path: str) -> None:
    message = _refused(httpx.get(server.url + path), 400, "bad_request")
    assert "NUL" in message
    assert httpx.get(f"{server.url}{API_PREFIX}/track/000.00.01.H99-250101-0001").status_code == 404
    assert "Traceback" not in server.log()


def test_a_pull_cursor_past_64_bits_is_refused(server: ServerProcess, desk: DeskServices) -> None:
    response = httpx.get(
        f"{server.url}{API_PREFIX}/changes",
        params={"cursor": encode_cursor(2**64)},
        headers=auth(bearer_of(desk)),
    )
    assert "đồng bộ lại" in _refused(response, 422, "bad_cursor")
    assert "Traceback" not in server.log()


def test_a_command_seq_past_64_bits_is_refused(server: ServerProcess, desk: DeskServices) -> None:
    command = wire_commands(desk)[0].model_copy(update={"seq": 2**64})
    body = CommandBatch(commands=[command]).model_dump_json()
    response = httpx.post(
        f"{server.url}{API_PREFIX}/commands",
        content=body,
        headers={**auth(bearer_of(desk)), "Content-Type": "application/json"},
    )
    assert "seq" in _refused(response, 422, "malformed_batch")
    assert "Traceback" not in server.log()


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_a_body_that_is_not_utf8_says_so(server: ServerProcess, desk: DeskServices) -> None:
    not_utf8 = b'{"code": "\xff\xfe\xfd", "desk_id": "x", "agency_code": "y"}'
    enrol = httpx.post(
        f"{server.url}{API_PREFIX}/enrol",
        content=not_utf8,
        headers={"Content-Type": "application/json"},
    )
    assert "UTF-8" in _refused(enrol, 400, "bad_encoding")
    push = httpx.post(
        f"{server.url}{API_PREFIX}/commands", content=not_utf8, headers=auth(bearer_of(desk))
    )
    assert "UTF-8" in _refused(push, 400, "bad_encoding")
    assert "Traceback" not in server.log()


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_a_broken_gzip_body_says_so(server: ServerProcess, desk: DeskServices) -> None:
    whole = gzip.compress(
        CommandBatch(commands=wire_commands(desk)).model_dump_json().encode("utf-8")
    )
    for broken in (whole[: len(whole) // 2], whole + b"extra"):
        response = httpx.post(
            f"{server.url}{API_PREFIX}/commands",
            content=broken,
            headers={**auth(bearer_of(desk)), "Content-Encoding": "gzip"},
        )
        assert "gzip" in _refused(response, 400, "bad_gzip")
    enrol = httpx.post(
        f"{server.url}{API_PREFIX}/enrol",
        content=gzip.compress(json.dumps({"code": "x"}).encode()),
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert "gzip" in _refused(enrol, 415, "unsupported_encoding")
    assert "Traceback" not in server.log()


def test_a_nul_in_a_json_text_is_a_4xx_not_a_server_error(
    server: ServerProcess, server_db_url: str
) -> None:
    add_desk_code(server_db_url)  # the agency exists, so the feedback reaches the database
    form = {
        "agency_code": AGENCY_CODE,
        "content": "Nội dung\u0000 có NUL",
        "sender_phone": "0912345678",
    }
    response = httpx.post(f"{server.url}{API_PREFIX}/public/feedback", json=form)
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["error"]["message"]
    assert "Traceback" not in server.log()


def test_a_nul_in_a_commands_text_rejects_that_command_only(
    server: ServerProcess, desk: DeskServices
) -> None:
    original = wire_commands(desk)[0]
    payload = {**original.payload, "summary": "có\u0000NUL"}
    forged = original.model_copy(
        update={
            "payload": payload,
            "payload_hash": hashlib.sha256(canonical_json(payload).encode()).hexdigest(),
        }
    )
    with SyncClient(server.url, bearer=bearer_of(desk)) as client:
        result = client.push(CommandBatch(commands=[forged])).results[0]
    assert (result.outcome, result.code) == (Outcome.REJECTED, "bad_payload")
    assert "Traceback" not in server.log()
