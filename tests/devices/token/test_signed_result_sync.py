"""The signed result reaches the server with the dossier's other files (a command and a blob,
SQLite and PostgreSQL), and the tracking page hands it to whoever holds the slip's token,
only when the office allows it."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from sqlalchemy import select

from desk.services.container import DeskServices
from sync.protocol import API_PREFIX
from sync.server.chain import check_chain
from sync.server.tables import ServerBlob, ServerDossier, ServerEvent
from tests.devices.token.conftest import result_pdf
from tests.devices.token.softhsm import SoftToken
from tests.devices.token.test_sign_tui import ready_dossier, signing_officer
from tests.helpers import dossier
from tests.sync.conftest import (  # noqa: F401  (fixtures of the sync tests, used here)
    DeskFactory,
    LiveServer,
    live_server,
    make_desk,
    pg_base,
    server_db_url,
)


def _signed(desk: DeskServices, token: SoftToken, officer_id: int) -> tuple[str, str]:
    code = ready_dossier(desk)
    result = desk.signing.sign_result(
        code,
        result_pdf(),
        token_label=token.label,
        cert_label="signer",
        pin=token.pin,
        officer_id=officer_id,
    )
    return code, result.sha256


def test_signed_result_stored_by_the_server_and_offered_on_the_tracking_page(
    live_server: LiveServer,  # noqa: F811
    make_desk: DeskFactory,  # noqa: F811
    soft_token: SoftToken,
    spy_path: Path,
) -> None:
    desk = make_desk("quay-a", "0001-4999")
    desk.signing.update_settings(module_path=str(spy_path), citizen_download=True)
    leader = signing_officer(desk, "leader")
    offered, offered_sha = _signed(desk, soft_token, leader.id)
    desk.signing.update_settings(citizen_download=False)
    kept, kept_sha = _signed(desk, soft_token, leader.id)

    desk.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    report = desk.sync.sync_once()

    assert report.quarantined == 0
    with live_server.server.db.read() as session:
        for code, sha256, public in ((offered, offered_sha, True), (kept, kept_sha, False)):
            row = session.scalars(select(ServerDossier).where(ServerDossier.code == code)).one()
            check_chain(session, row)
            assert (row.signed_result_sha256, row.signed_result_public) == (sha256, public)
            event = session.scalars(
                select(ServerEvent)
                .where(ServerEvent.dossier_id == row.id)
                .where(ServerEvent.kind == "result_signed")
            ).one()
            assert json.loads(event.payload)["blob_sha256"] == sha256
            blob = session.get(ServerBlob, sha256)
            assert blob is not None and blob.complete

    token = dossier(desk, offered).tracking_token
    track = httpx.get(f"{live_server.url}{API_PREFIX}/track/{offered}", params={"k": token})
    assert track.json()["data"]["signed_result"] is True
    page = httpx.get(f"{live_server.url}/t/{offered}", params={"k": token})
    assert "Tải kết quả đã ký số (PDF)" in page.text
    got = httpx.get(f"{live_server.url}/t/{offered}/ket-qua.pdf", params={"k": token})
    assert got.status_code == 200 and got.headers["content-type"] == "application/pdf"
    assert got.content == desk.signing.signed_file(offered)
    wrong = httpx.get(f"{live_server.url}/t/{offered}/ket-qua.pdf", params={"k": "0" * 10})
    assert wrong.status_code == 404 and b"%PDF" not in wrong.content

    other = dossier(desk, kept).tracking_token
    page = httpx.get(f"{live_server.url}/t/{kept}", params={"k": other})
    assert page.status_code == 200 and "Tải kết quả" not in page.text
    refused = httpx.get(f"{live_server.url}/t/{kept}/ket-qua.pdf", params={"k": other})
    assert refused.status_code == 404
