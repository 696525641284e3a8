"""The signed result reaches the server with the dossier's other files (a command and a blob,
SQLite and PostgreSQL), and the tracking page hands it to whoever holds the slip's token,
only when the office allows it."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from sqlalchemy import select
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from desk.services.container import DeskServices
from screens.app import DeskApp, make_app
from screens.dossier import DossierScreen
from sync.protocol import API_PREFIX, AdvanceRequest
from sync.server.chain import check_chain
from sync.server.tables import ServerBlob, ServerDossier, ServerEvent
from tests.conftest import AGENCY_CODE
from tests.devices.token.conftest import result_pdf
from tests.devices.token.softhsm import SoftToken
from tests.devices.token.test_sign_tui import ready_dossier, signing_officer
from tests.helpers import dossier, receive
from tests.sync.conftest import (  # noqa: F401  (fixtures of the sync tests, used here)
    DeskFactory,
    LiveServer,
    live_server,
    make_desk,
    pg_base,
    server_db_url,
)
from tests.tui.conftest import drive, settle


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


def test_the_back_office_result_file_is_the_one_signed_at_the_desk(
    live_server: LiveServer,  # noqa: F811
    make_desk: DeskFactory,  # noqa: F811
    soft_token: SoftToken,
    spy_path: Path,
) -> None:
    """The processing unit sends the result file with "result ready"; the desk pulls it and
    the signing dialog offers that file (no path to type); the signed file goes back up."""
    desk = make_desk("quay-a", "0001-4999")
    desk.signing.update_settings(module_path=str(spy_path))
    leader = signing_officer(desk, "leader")
    code = receive(desk).code
    desk.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    desk.sync.sync_once()
    original = result_pdf("QUYẾT ĐỊNH — do bộ phận chuyên môn soạn")
    server = live_server.server
    with server.db.write() as session:
        sha256 = server.blobs.store_whole(session, AGENCY_CODE, original, "application/pdf")
    server.backoffice.advance(
        AGENCY_CODE,
        code,
        AdvanceRequest(to="result-ready", note="Đã có kết quả", result_sha256=sha256),
    )
    desk.sync.sync_once()
    seen: list[str] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(DossierScreen(code=code))
        await settle(app, pilot)
        app.screen.query_one("#act-sign_result", Button).press()
        await settle(app, pilot)
        dialog = app.screen
        seen.append(str(dialog.query_one("#sign-file", Static).render()))
        assert dialog.query_one("#sign-path", Input).display is False
        dialog.query_one("#sign-pin", Input).focus()
        await pilot.press(*soft_token.pin, "enter")
        await settle(app, pilot)

    drive(make_app(desk, officer=leader), scenario, size=(100, 40))
    assert "bộ phận chuyên môn gửi" in seen[0]
    signed = desk.signing.signed_file(code)
    assert signed is not None
    assert desk.signing.verify(signed).signatures[0].intact
    # Incremental signature: the back office's bytes are the start of the signed file.
    assert signed[: len(original)] == original
    desk.sync.sync_once()
    with server.db.read() as session:
        row = session.scalars(select(ServerDossier).where(ServerDossier.code == code)).one()
        assert row.signed_result_sha256 == desk.signing.signed(code).sha256  # type: ignore[union-attr]
