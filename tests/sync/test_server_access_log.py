"""Tracking tokens and lookup codes never reach the server's access log: it names the path
without the query string. Against `desk-server run` as its own process, one and two workers."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from sync.protocol import API_PREFIX
from tests.conftest import AGENCY_CODE
from tests.sync.processes import ServerProcess

CODE = f"{AGENCY_CODE}-250101-0001"
TOKEN = "tokenbimat7Q2xZ"
LOOKUP = "MATRACUU9K"


@pytest.mark.parametrize("workers", [1, 2])
def test_the_access_log_has_the_path_and_not_the_token(tmp_path: Path, workers: int) -> None:
    with ServerProcess(f"sqlite:///{tmp_path / 'server.db'}", tmp_path, workers=workers) as s:
        assert httpx.get(f"{s.url}/t/{CODE}", params={"k": TOKEN}).status_code == 404
        track = httpx.get(f"{s.url}{API_PREFIX}/track/{CODE}", params={"k": LOOKUP})
        assert track.status_code == 404
    log = s.log()
    assert f'"GET /t/{CODE} HTTP/1.1" 404' in log
    assert f'"GET {API_PREFIX}/track/{CODE} HTTP/1.1" 404' in log
    assert TOKEN not in log and LOOKUP not in log and "?k=" not in log
