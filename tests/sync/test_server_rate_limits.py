"""Rate limits (tracking page, public feedback, failed logins) hold across the worker processes
of `desk-server run --workers 2` and across a restart: they are kept in the database."""

from __future__ import annotations

import secrets
from pathlib import Path

import httpx

from sync.protocol import API_PREFIX
from tests.conftest import AGENCY_CODE
from tests.sync.helpers import auth
from tests.sync.processes import ServerProcess, add_backoffice_bearer

CODE = f"{AGENCY_CODE}-250101-0001"


def _track(server: ServerProcess) -> int:
    return httpx.get(f"{server.url}{API_PREFIX}/track/{CODE}", params={"k": "x"}).status_code


def _feedback(server: ServerProcess) -> int:
    form = {"agency_code": AGENCY_CODE, "content": "Xin hỏi thủ tục", "sender_phone": "0912345678"}
    return httpx.post(f"{server.url}{API_PREFIX}/public/feedback", json=form).status_code


def _guess(server: ServerProcess, key: str) -> int:
    bearer = f"{key}.{secrets.token_urlsafe(32)}"
    return httpx.get(f"{server.url}{API_PREFIX}/ping", headers=auth(bearer)).status_code


def test_limits_hold_across_workers_and_a_restart(server_db_url: str, tmp_path: Path) -> None:
    with ServerProcess(server_db_url, tmp_path, workers=2) as server:
        key = add_backoffice_bearer(server_db_url).split(".")[0]
        tracked = [_track(server) for _ in range(21)]
        sent = [_feedback(server) for _ in range(6)]
        guessed = [_guess(server, key) for _ in range(11)]
        assert tracked == [404] * 20 + [429]
        assert 429 not in sent[:5] and sent[5] == 429
        assert guessed == [401] * 10 + [429]

        server.restart()
        assert (_track(server), _feedback(server), _guess(server, key)) == (429, 429, 429)
        refused = httpx.get(f"{server.url}{API_PREFIX}/track/{CODE}", params={"k": "x"})
        assert refused.json()["error"]["code"] == "rate_limited"
    assert "Traceback" not in server.log()
