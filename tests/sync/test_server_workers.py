"""`desk-server run --workers 2`: stateless worker processes built from the environment serve
the same API; a desk enrols and its commands and scan arrive (SQLite and PostgreSQL)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx

from tests.conftest import citizen
from tests.helpers import receive
from tests.processes import end, spawn
from tests.sync.conftest import DeskFactory
from tests.sync.pg import free_port
from tests.sync.test_cli_processes import BIN, run


def test_two_worker_processes_serve_a_desk(
    server_db_url: str, make_desk: DeskFactory, tmp_path: Path
) -> None:
    options = ["--db", server_db_url, "--blobs", str(tmp_path / "server-blobs")]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path / "server.log").open("wb")
    process = spawn(
        [str(BIN / "desk-server"), "run", *options, "--port", str(port), "--workers", "2"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/v1/openapi.json").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, (
                tmp_path / "server.log"
            ).read_text(errors="replace")
            time.sleep(0.2)
        added = run(
            "desk-server",
            "desk",
            "add",
            "--agency",
            "000.00.01.H99",
            "--range",
            "0001-4999",
            *options,
        )
        desk = make_desk("quay-a", "0001-4999")
        receive(desk, owner=citizen(1))
        desk.sync.enrol(url, added.stdout.splitlines()[0].rsplit(" ", 1)[-1])
        report = desk.sync.sync_once()
        again = desk.sync.sync_once()
    finally:
        end(process, timeout=30)
        log.close()
    assert (report.online, report.applied, report.quarantined, report.error) == (
        True,
        1,
        0,
        None,
    )
    assert again.error is None and again.applied == 0
    assert "Traceback" not in (tmp_path / "server.log").read_text(errors="replace")
