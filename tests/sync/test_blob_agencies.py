"""Blobs belong to an agency: knowing a hash grants nothing (real server, SQLite and
PostgreSQL). Agency A is a desk; agency B speaks the API with its back-office credential,
as any client of another agency could."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit
from uuid import uuid4

import httpx
import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select
from sqlmodel import col
from sqlmodel import select as desk_select

from data.models import OutboxCommand
from desk.services.blobs import BlobStore, blob_dir_for
from desk.services.container import DeskServices
from desk.services.feedback import NewFeedback
from desk.services.scanning import AttachedScan
from sync.outbox import ACKED, PENDING, QUARANTINED
from sync.protocol import API_PREFIX, H_LENGTH, H_OFFSET, H_TUS, TUS_VERSION, payload_hash
from sync.server.tables import ServerEvent
from tests.conftest import citizen
from tests.helpers import receive
from tests.sync.conftest import DeskFactory, LiveServer
from tests.sync.faults import FaultMix, FaultProxy
from tests.sync.helpers import auth, bearer_of

OTHER_AGENCY = "000.00.02.H99"
UNKNOWN = "f" * 64


@pytest.fixture
def desk(live_server: LiveServer, make_desk: DeskFactory) -> DeskServices:
    desk = make_desk("quay-a", "0001-4999")
    desk.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    return desk


@pytest.fixture
def other(live_server: LiveServer) -> Iterator[httpx.Client]:
    """Agency B's client (its own, valid credential)."""
    headers = {**auth(live_server.add_backoffice(OTHER_AGENCY)), H_TUS: TUS_VERSION}
    with httpx.Client(base_url=f"{live_server.url}{API_PREFIX}", headers=headers) as client:
        yield client


def _scan(desk: DeskServices, tmp_path: Path, seed: int = 1) -> AttachedScan:
    rng = random.Random(seed)
    image = Image.new("L", (240, 320), 245)
    draw = ImageDraw.Draw(image)
    for _ in range(14):
        x, y = rng.randint(0, 200), rng.randint(0, 310)
        draw.rectangle((x, y, x + rng.randint(5, 40), y + 3), fill=20)
    page = tmp_path / f"page-{seed}.png"
    image.save(page, dpi=(200, 200))
    code = receive(desk, owner=citizen(seed)).code
    return desk.scanning.attach_files(code, 1, [page])


def _bytes(desk: DeskServices, sha256: str) -> bytes:
    return BlobStore(desk.context, blob_dir_for(desk.context.db.engine)).get(sha256)


def _answer(response: httpx.Response) -> tuple[int, dict[str, str], object]:
    """What a response tells: status, our headers, the error (the hash itself blanked)."""
    headers = {k: v for k, v in response.headers.items() if k.lower().startswith("upload-")}
    body = response.json()["error"] if response.content else None
    text = json.dumps(body).replace(response.url.path.rsplit("/", 1)[-1], "<sha>")
    return response.status_code, headers, text


def _scan_commands(desk: DeskServices) -> list[OutboxCommand]:
    with desk.context.db.read() as session:
        rows = session.exec(
            desk_select(OutboxCommand).where(col(OutboxCommand.type) == "dossier.scan_attached")
        ).all()
        return list(rows)


def _scan_events(live: LiveServer) -> int:
    with live.server.db.read() as session:
        kinds = session.scalars(select(ServerEvent.kind)).all()
    return kinds.count("scan_attached")


def test_another_agencys_hash_reads_as_no_file_at_all(
    live_server: LiveServer, desk: DeskServices, other: httpx.Client, tmp_path: Path
) -> None:
    scan = _scan(desk, tmp_path)
    assert desk.sync.sync_once().blobs_uploaded == 2
    sha = scan.legal_sha256
    data = _bytes(desk, sha)

    # HEAD and GET answer for A's file exactly what they answer for one that does not exist
    assert _answer(other.head(f"/blobs/{sha}")) == _answer(other.head(f"/blobs/{UNKNOWN}"))
    assert other.head(f"/blobs/{sha}").status_code == 404
    assert _answer(other.get(f"/blobs/{sha}")) == _answer(other.get(f"/blobs/{UNKNOWN}"))
    # Announcing the hash opens B's own, empty upload: the file is not handed over
    created = other.post(f"/blobs/{sha}", headers={H_LENGTH: str(len(data))})
    assert (created.status_code, created.headers[H_OFFSET]) == (201, "0")
    assert other.get(f"/blobs/{sha}").status_code == 404
    # Only the bytes themselves prove B has the file; then B sees it, stored once on disk
    patched = other.patch(f"/blobs/{sha}", content=data, headers={H_OFFSET: "0"})
    assert patched.status_code == 204
    assert other.get(f"/blobs/{sha}").content == data
    blob_dir = live_server.server.settings.blob_dir
    assert [p.name for p in blob_dir.rglob(sha)] == [sha]


def test_a_half_uploaded_file_is_invisible_to_another_agency(
    live_server: LiveServer, desk: DeskServices, other: httpx.Client, tmp_path: Path
) -> None:
    scan = _scan(desk, tmp_path)
    sha = scan.legal_sha256
    data = _bytes(desk, sha)
    mine = httpx.Client(base_url=f"{live_server.url}{API_PREFIX}")
    mine.headers.update({**auth(bearer_of(desk)), H_TUS: TUS_VERSION})
    with mine:
        mine.post(f"/blobs/{sha}", headers={H_LENGTH: str(len(data))})
        mine.patch(f"/blobs/{sha}", content=data[:100], headers={H_OFFSET: "0"})
        assert mine.head(f"/blobs/{sha}").headers[H_OFFSET] == "100"

    # neither its existence nor its size leaks; B cannot append to A's upload either
    assert _answer(other.head(f"/blobs/{sha}")) == _answer(other.head(f"/blobs/{UNKNOWN}"))
    appended = other.patch(f"/blobs/{sha}", content=data[100:], headers={H_OFFSET: "100"})
    unknown = other.patch(f"/blobs/{UNKNOWN}", content=data[100:], headers={H_OFFSET: "100"})
    assert _answer(appended) == _answer(unknown)
    assert appended.status_code == 404


def test_another_agencys_upload_session_never_blocks_the_desk(
    live_server: LiveServer, desk: DeskServices, other: httpx.Client, tmp_path: Path
) -> None:
    scan = _scan(desk, tmp_path)
    for sha in (scan.legal_sha256, scan.compact_sha256):  # B squats both of A's files
        size = len(_bytes(desk, sha))
        assert other.post(f"/blobs/{sha}", headers={H_LENGTH: str(size)}).status_code == 201
        other.patch(f"/blobs/{sha}", content=b"x" * 10, headers={H_OFFSET: "0"})

    report = desk.sync.sync_once()

    assert (report.error, report.blobs_uploaded, report.quarantined) == (None, 2, 0)
    assert {row.state for row in _scan_commands(desk)} == {ACKED}
    assert _scan_events(live_server) == 1
    assert desk.sync.status().scans_pending == 0
    # B's squatting got B nothing either
    assert other.get(f"/blobs/{scan.legal_sha256}").status_code == 404


def test_a_scan_record_is_not_applied_before_its_files_are_on_the_server(
    live_server: LiveServer, desk: DeskServices, tmp_path: Path
) -> None:
    _scan(desk, tmp_path)
    upstream = urlsplit(live_server.url)
    assert upstream.hostname is not None and upstream.port is not None
    # ping, push, then the first file's HEAD: its answer is lost and the round ends there
    mix = FaultMix(clean=0.0, lose_response=1.0, lose_request_number=(3, 3))
    with FaultProxy((upstream.hostname, upstream.port), mix=mix) as proxy:
        cut = desk.sync.sync_once(proxy.url)

    assert cut.error is not None and cut.applied == 1  # the receive went through
    assert [row.state for row in _scan_commands(desk)] == [PENDING]
    assert _scan_events(live_server) == 0
    assert desk.sync.status().scans_pending == 1

    report = desk.sync.sync_once()

    assert (report.error, report.blobs_uploaded, report.applied) == (None, 2, 1)
    assert [row.state for row in _scan_commands(desk)] == [ACKED]
    assert _scan_events(live_server) == 1
    assert desk.sync.status().scans_pending == 0


def test_a_scan_record_naming_another_agencys_file_is_not_applied(
    live_server: LiveServer, desk: DeskServices, other: httpx.Client, tmp_path: Path
) -> None:
    data = b"a file of agency B" * 100
    sha = hashlib.sha256(data).hexdigest()
    other.post(f"/blobs/{sha}", headers={H_LENGTH: str(len(data))})
    assert other.patch(f"/blobs/{sha}", content=data, headers={H_OFFSET: "0"}).status_code == 204
    scan = _scan(desk, tmp_path)
    desk.sync.sync_once()
    (row,) = _scan_commands(desk)  # a desk that names B's file in its record
    mine = _wire(row, legal_sha256=sha)
    with httpx.Client(base_url=f"{live_server.url}{API_PREFIX}") as client:
        client.headers.update(auth(bearer_of(desk)))
        answer = client.post("/commands", json={"version": 1, "commands": [mine]})
    result = answer.json()["data"]["results"][0]
    assert (result["outcome"], result["code"]) == ("rejected", "blob_missing")
    assert scan.legal_sha256 != sha and _scan_events(live_server) == 1


def test_feedback_naming_another_agencys_dossier_is_refused(
    live_server: LiveServer, desk: DeskServices
) -> None:
    foreign = f"{OTHER_AGENCY}-261125-0001"
    desk.feedback.receive(NewFeedback("in_person", "Hồ sơ chậm trả kết quả", dossier_code=foreign))
    own = receive(desk, owner=citizen(2)).code
    desk.feedback.receive(NewFeedback("in_person", "Hồ sơ của tôi chậm", dossier_code=own))

    report = desk.sync.sync_once()

    assert report.quarantined == 1
    held = [(row["type"], row["reason_code"]) for row in desk.sync.quarantined()]
    assert held == [("feedback.receive", "not_found")]
    with desk.context.db.read() as session:
        states = session.exec(
            desk_select(OutboxCommand.state).where(col(OutboxCommand.type) == "feedback.receive")
        ).all()
    assert sorted(states) == sorted([ACKED, QUARANTINED])


def _wire(row: OutboxCommand, **changes: str) -> dict[str, object]:
    payload = {**json.loads(row.payload), **changes}
    return {
        "command_id": str(uuid4()),
        "desk_id": row.desk_id,
        "seq": row.seq + 1000,
        "type": row.type,
        "dossier_id": row.dossier_id,
        "payload": payload,
        "payload_hash": payload_hash(payload),
        "created_at": row.created_at.isoformat(),
    }
