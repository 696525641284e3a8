"""The wire's version is negotiated: the desk offers the versions it speaks, the server answers
in the highest common one; a desk one version behind keeps syncing with a newer server, a
newer desk with an older server, and with nothing in common the refusal is clear."""

from __future__ import annotations

import httpx
import pytest

from desk.services.container import DeskServices
from sync.client import SyncClient
from sync.errors import SyncRefused
from sync.protocol import (
    API_PREFIX,
    H_VERSIONS,
    SUPPORTED_VERSIONS,
    VERSION,
    CommandBatch,
    negotiate,
    offered_versions,
)
from tests.conftest import AGENCY_CODE
from tests.helpers import receive
from tests.sync.conftest import DeskFactory, LiveServer
from tests.sync.helpers import auth, bearer_of, wire_commands


def test_negotiation_picks_the_highest_common_version() -> None:
    assert offered_versions(None) == (1,)  # a desk of version 1 sends no header
    assert offered_versions("2, 1,x") == (1, 2)
    assert negotiate((1, 2), (1, 2, 3)) == 2
    assert negotiate((1,), (1, 2)) == 1
    assert negotiate((3,), (1, 2)) is None
    assert VERSION == max(SUPPORTED_VERSIONS) == 2


@pytest.fixture
def desk(live_server: LiveServer, make_desk: DeskFactory) -> DeskServices:
    desk = make_desk("quay-a", "0001-4999")
    receive(desk)
    desk.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    return desk


def test_todays_desk_and_server_speak_version_2(
    live_server: LiveServer, desk: DeskServices
) -> None:
    with SyncClient(live_server.url, bearer=bearer_of(desk)) as client:
        assert client.version == 1  # until the server has said
        client.ping()
        assert client.version == 2
        result = client.push(CommandBatch(commands=wire_commands(desk)))
    assert [r.outcome.value for r in result.results] == ["applied"]


def test_a_desk_one_version_behind_keeps_syncing_with_a_newer_server(
    live_server: LiveServer, desk: DeskServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sync.client.DESK_VERSIONS", (1,))
    sent: list[int] = []
    push = SyncClient.push

    def spy(self: SyncClient, batch: CommandBatch) -> object:
        sent.append(self.version)
        return push(self, batch)

    monkeypatch.setattr(SyncClient, "push", spy)

    report = desk.sync.sync_once()

    assert (report.online, report.error, report.applied, report.quarantined) == (
        True,
        None,
        1,
        0,
    )
    assert sent == [1]


def test_a_newer_desk_syncs_with_an_older_server(
    live_server: LiveServer, desk: DeskServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that speaks only version 1 answers 1, so the desk sends its batches as 1."""
    monkeypatch.setattr("sync.server.versions.SERVER_VERSIONS", (1,))

    report = desk.sync.sync_once()

    assert (report.error, report.applied, report.quarantined) == (None, 1, 0)
    with SyncClient(live_server.url, bearer=bearer_of(desk)) as client:
        client.ping()
        assert client.version == 1


def test_no_common_version_is_refused_in_vietnamese(
    live_server: LiveServer, desk: DeskServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = {**auth(bearer_of(desk)), H_VERSIONS: "7,8"}
    with httpx.Client(base_url=live_server.url) as client:
        answer = client.get(f"{API_PREFIX}/ping", headers=headers)
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "unsupported_version"
    assert "không được máy chủ hỗ trợ" in answer.json()["error"]["message"]

    monkeypatch.setattr("sync.client.DESK_VERSIONS", (7,))
    with (
        SyncClient(live_server.url, bearer=bearer_of(desk)) as desk_client,
        pytest.raises(SyncRefused) as refused,
    ):
        desk_client.ping()
    assert refused.value.code == "unsupported_version"


def test_a_batch_of_a_version_the_server_does_not_speak_writes_nothing(
    live_server: LiveServer, desk: DeskServices
) -> None:
    batch = CommandBatch(version=9, commands=wire_commands(desk))
    with httpx.Client(base_url=live_server.url) as client:
        answer = client.post(
            f"{API_PREFIX}/commands", content=batch.model_dump_json(), headers=auth(bearer_of(desk))
        )
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "unsupported_version"
    with SyncClient(live_server.url, bearer=bearer_of(desk)) as client:
        client.ping()
        again = client.push(CommandBatch(commands=wire_commands(desk)))
    assert [r.outcome.value for r in again.results] == ["applied"]  # the first wrote nothing


def test_a_version_1_desk_enrols_with_an_answer_it_can_read(live_server: LiveServer) -> None:
    """The tracking address is a version-2 field of the enrolment answer: a desk of version 1
    (which refuses fields it does not know) gets the answer without it."""
    import uuid

    from sync.protocol import EnrolResponse

    code = live_server.add_desk("0001-4999")
    body = {"code": code, "desk_id": str(uuid.uuid4()), "agency_code": AGENCY_CODE}
    v1 = httpx.post(f"{live_server.url}{API_PREFIX}/enrol", json=body, headers={H_VERSIONS: "1"})
    assert v1.status_code == 200, v1.text
    assert v1.json()["version"] == 1 and "tracking_url" not in v1.json()["data"]
    old_fields = set(EnrolResponse.model_fields) - {"tracking_url"}
    assert set(v1.json()["data"]) == old_fields
