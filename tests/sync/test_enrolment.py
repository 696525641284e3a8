"""Enrolment survives a lost answer; credentials are revoked and rotated at once on every
worker (real server: in-process for the lost answer, `desk-server run --workers 2` for
revocation; SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import select

from desk.errors import ConfigError
from sync.errors import SyncRefused
from sync.server.tables import ServerDesk
from tests.conftest import FakeClock
from tests.sync.conftest import DeskFactory, LiveServer
from tests.sync.faults import FaultMix, FaultProxy
from tests.sync.helpers import auth, bearer_of
from tests.sync.server_process import worker_server
from tests.sync.test_cli_processes import run

LOSE_FIRST_ANSWER = FaultMix(clean=0.0, lose_response=1.0, lose_request_number=(1, 1))


def _enrolled(live: LiveServer) -> list[ServerDesk]:
    with live.server.db.read() as session:
        rows = session.scalars(select(ServerDesk).where(ServerDesk.enrolled_at.is_not(None)))
        return list(rows.all())


def test_a_desk_whose_enrolment_answer_was_lost_enrols_on_retry(
    clocked_server: LiveServer, make_desk: DeskFactory, clock: FakeClock
) -> None:
    desk = make_desk("quay-a", "0001-4999")
    code = clocked_server.add_desk("0001-4999")
    upstream = urlsplit(clocked_server.url)
    assert upstream.hostname is not None and upstream.port is not None
    with FaultProxy((upstream.hostname, upstream.port), mix=LOSE_FIRST_ANSWER) as proxy:
        with pytest.raises(ConfigError):
            desk.sync.enrol(proxy.url, code)
        assert proxy.stats["struck_lose_response"] == 1
    assert len(_enrolled(clocked_server)) == 1  # the server did enrol it; the desk never heard

    clock.advance(days=6)
    intruder = make_desk("quay-b", "0001-4999")
    with pytest.raises(SyncRefused) as refused:  # another desk with the same code: no
        intruder.sync.enrol(clocked_server.url, code)
    assert refused.value.code == "enrol_invalid"

    answer = desk.sync.enrol(clocked_server.url, code)

    assert answer["range"] == "0001-4999"
    report = desk.sync.sync_once()
    assert (report.online, report.error) == (True, None)
    (row,) = _enrolled(clocked_server)
    assert bearer_of(desk).startswith(row.key)
    clock.advance(days=2)  # the code's lifetime is over: not even this desk may use it again
    with pytest.raises(SyncRefused):
        desk.sync.enrol(clocked_server.url, code)
    assert desk.sync.sync_once().error is None  # its credentials are untouched


@pytest.fixture
def two_workers(server_db_url: str, tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    with worker_server(server_db_url, tmp_path) as served:
        yield served


def _pings(url: str, bearer: str, count: int = 12) -> set[int]:
    """Each on a new connection, so that both worker processes answer some of them."""
    return {httpx.get(f"{url}/api/v1/ping", headers=auth(bearer)).status_code for _ in range(count)}


def test_revoking_and_rotating_a_desk_take_effect_at_once_on_every_worker(
    two_workers: tuple[str, list[str]], make_desk: DeskFactory
) -> None:
    url, options = two_workers
    added = run("desk-server", "desk", "add", "--agency", "000.00.01.H99", "--range", "0001-4999",
                "--name", "Quầy một", *options)  # fmt: skip
    key = added.stdout.splitlines()[1].rsplit(" ", 1)[-1]
    desk = make_desk("quay-a", "0001-4999")
    desk.sync.enrol(url, added.stdout.splitlines()[0].rsplit(" ", 1)[-1])
    old = bearer_of(desk)
    assert _pings(url, old) == {200}  # every worker has verified (and remembered) it

    run("desk-server", "desk", "revoke", key[:8], *options)

    assert _pings(url, old) == {401}
    listed = run("desk-server", "desk", "list", *options).stdout
    (line,) = [text for text in listed.splitlines() if text.startswith(key)]
    assert "000.00.01.H99" in line and "0001-4999" in line and "đã thu hồi" in line
    assert "chưa liên lạc" not in line and "Quầy một" in line

    rotated = run("desk-server", "desk", "rotate", key, *options).stdout
    desk.sync.enrol(url, rotated.splitlines()[0].rsplit(" ", 1)[-1])

    assert _pings(url, old) == {401}
    assert _pings(url, bearer_of(desk)) == {200}
    assert desk.sync.sync_once().error is None
    listed = run("desk-server", "desk", "list", *options).stdout
    (line,) = [text for text in listed.splitlines() if text.startswith(key)]
    assert "0001-4999" in line and "đang hoạt động" in line


def test_revoking_and_rotating_a_back_office_credential(
    two_workers: tuple[str, list[str]],
) -> None:
    url, options = two_workers
    first = run("desk-server", "backoffice", "add", "--agency", "000.00.01.H99", *options)
    bearer = first.stdout.strip()
    key = bearer.partition(".")[0]
    assert _pings(url, bearer) == {200}

    second = run("desk-server", "backoffice", "rotate", key, *options).stdout.strip()

    assert second.startswith(key) and second != bearer
    assert _pings(url, bearer) == {401}
    assert _pings(url, second) == {200}
    run("desk-server", "backoffice", "revoke", key, *options)
    assert _pings(url, second) == {401}
    listed = run("desk-server", "backoffice", "list", *options).stdout
    assert key in listed and "đã thu hồi" in listed
