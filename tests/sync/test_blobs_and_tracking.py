"""Resumable blob upload, upload limits, and the public tracking page, on a real server."""

from __future__ import annotations

import hashlib
import random

import httpx
import pytest

from desk.services.blobs import BlobStore, blob_dir_for
from desk.services.container import DeskServices
from sync.client import SyncClient
from sync.errors import SyncRefused
from sync.protocol import API_PREFIX, H_LENGTH, H_OFFSET, H_TUS, TUS_VERSION
from sync.server.tables import ServerBlob, ServerBlobUpload
from tests.conftest import citizen
from tests.helpers import dossier, receive
from tests.sync.conftest import DeskFactory, LiveServer
from tests.sync.helpers import auth, bearer_of, server_counts

SIZE = 700 * 1024


@pytest.fixture
def desk(live_server: LiveServer, make_desk: DeskFactory) -> DeskServices:
    desk = make_desk("quay-a", "0001-4999")
    desk.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    return desk


def _scan_bytes(seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(SIZE)


def test_an_interrupted_upload_resumes_from_the_servers_offset(
    live_server: LiveServer, desk: DeskServices
) -> None:
    data = _scan_bytes()
    sha = BlobStore(desk.context, blob_dir_for(desk.context.db.engine)).put(data, "image/jpeg")
    with SyncClient(live_server.url, bearer=bearer_of(desk)) as client:
        assert client.blob_offset(sha) is None
        client.blob_create(sha, SIZE, "image/jpeg")
        client.blob_patch(sha, 0, data[: 300 * 1024])  # …and the link drops here
    with SyncClient(live_server.url, bearer=bearer_of(desk)) as client:
        assert client.blob_offset(sha) == (300 * 1024, SIZE)
        with pytest.raises(SyncRefused) as refused:  # a restart from zero would be refused
            client.blob_patch(sha, 0, data[:1024])
        assert refused.value.code == "offset_mismatch"

    report = desk.sync.sync_once()

    assert report.blobs_uploaded == 1
    with live_server.server.db.read() as session:
        row = session.get(ServerBlob, sha)
        assert row is not None and row.complete and row.offset == SIZE
    stored = live_server.server.blobs.read("000.00.01.H99", sha)[1]
    assert hashlib.sha256(stored).hexdigest() == sha
    assert desk.sync.status().blobs_pending == 0
    assert desk.sync.sync_once().blobs_uploaded == 0  # uploaded once, never again


def test_a_corrupted_upload_is_discarded_not_accepted(
    live_server: LiveServer, desk: DeskServices
) -> None:
    data = _scan_bytes()
    sha = hashlib.sha256(data).hexdigest()
    with SyncClient(live_server.url, bearer=bearer_of(desk)) as client:
        client.blob_create(sha, SIZE, "image/jpeg")
        client.blob_patch(sha, 0, data[: SIZE // 2])
        with pytest.raises(SyncRefused) as refused:
            client.blob_patch(sha, SIZE // 2, bytes(SIZE - SIZE // 2))  # zeros, not the scan
        assert (refused.value.code, refused.value.http_status) == ("hash_mismatch", 422)
        assert client.blob_offset(sha) is None  # forgotten: the desk starts over
    assert server_counts(live_server)["srv_blob"] == 0


def test_oversized_uploads_are_refused_before_anything_is_written(
    live_server: LiveServer, desk: DeskServices
) -> None:
    url = f"{live_server.url}{API_PREFIX}/blobs/{'a' * 64}"
    headers = {**auth(bearer_of(desk)), H_TUS: TUS_VERSION}
    too_big = live_server.server.settings.max_blob_bytes + 1
    response = httpx.post(url, headers={**headers, H_LENGTH: str(too_big)})
    assert (response.status_code, response.json()["error"]["code"]) == (413, "too_large")
    assert server_counts(live_server)["srv_blob"] == 0
    assert httpx.post(url, headers={**headers, H_LENGTH: "10"}).status_code == 201
    longer = httpx.patch(url, content=b"x" * 11, headers={**headers, H_OFFSET: "0"})
    assert (longer.status_code, longer.json()["error"]["code"]) == (409, "too_long")
    bad_sha = httpx.head(f"{live_server.url}{API_PREFIX}/blobs/nothex", headers=headers)
    assert bad_sha.status_code == 422  # the path's pattern (the published schema's)
    with live_server.server.db.read() as session:
        row = session.get(ServerBlobUpload, ("a" * 64, "000.00.01.H99"))
        assert row is not None and row.offset == 0


def test_tracking_shows_status_only_with_the_right_token_and_is_rate_limited(
    live_server: LiveServer, desk: DeskServices
) -> None:
    received = receive(desk, owner=citizen(3))
    desk.sync.sync_once()
    row = dossier(desk, received.code)
    track = f"{live_server.url}{API_PREFIX}/track/{received.code}"

    good = httpx.get(track, params={"k": row.tracking_token})
    typed = httpx.get(track, params={"k": row.lookup_code})
    page = httpx.get(f"{live_server.url}/t/{received.code}", params={"k": row.tracking_token})

    assert good.status_code == typed.status_code == page.status_code == 200
    assert good.json()["data"]["status"] == 2
    assert good.json()["data"]["appointment"] is not None
    assert set(good.json()["data"]) == {
        "code",
        "status",
        "status_label",
        "appointment",
        "signed_result",
    }
    assert good.json()["data"]["signed_result"] is False
    for private in (row.owner_name, row.owner_id_number or "?", row.owner_phone or "?"):
        assert private not in good.text and private not in page.text
    assert "Được tiếp nhận" in page.text

    wrong = httpx.get(track, params={"k": "0000000000"})
    missing = httpx.get(track)
    unknown = httpx.get(
        f"{live_server.url}{API_PREFIX}/track/000.00.01.H99-261125-0999",
        params={"k": row.tracking_token},
    )
    bodies = {(r.status_code, str(r.json()["error"])) for r in (wrong, missing, unknown)}
    assert len(bodies) == 1 and next(iter(bodies))[0] == 404

    limit = live_server.server.settings.track_per_minute
    statuses = [httpx.get(track, params={"k": f"{i:010d}"}).status_code for i in range(limit)]
    assert statuses[-1] == 429
    assert httpx.get(track, params={"k": row.tracking_token}).status_code == 429
