"""The client address the rate limits count comes from X-Forwarded-For only when the request
arrives from a proxy named with `--trusted-proxy`: rotating the header from anywhere else
neither dodges the limit nor locks someone else out."""

from __future__ import annotations

from pathlib import Path

import httpx

from sync.protocol import API_PREFIX
from tests.conftest import AGENCY_CODE
from tests.sync.processes import ServerProcess

CODE = f"{AGENCY_CODE}-250101-0001"


def _track(server: ServerProcess, forwarded: str) -> int:
    response = httpx.get(
        f"{server.url}{API_PREFIX}/track/{CODE}",
        params={"k": "x"},
        headers={"X-Forwarded-For": forwarded},
    )
    return response.status_code


def test_without_a_trusted_proxy_rotating_the_header_does_not_dodge_the_limit(
    tmp_path: Path,
) -> None:
    with ServerProcess(f"sqlite:///{tmp_path / 'server.db'}", tmp_path) as server:
        answers = [_track(server, f"203.0.113.{n}") for n in range(1, 22)]
    assert answers == [404] * 20 + [429]


def test_behind_a_trusted_proxy_the_client_the_proxy_saw_is_counted(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    with ServerProcess(db_url, tmp_path, "--trusted-proxy", "127.0.0.1/32", workers=2) as server:
        # The attacker (203.0.113.9, appended by the proxy) writes a victim's address first.
        attack = [_track(server, "198.51.100.7, 203.0.113.9") for _ in range(21)]
        victim = _track(server, "198.51.100.7")
        other = _track(server, "198.51.100.8")
    assert attack == [404] * 20 + [429]
    assert (victim, other) == (404, 404)
