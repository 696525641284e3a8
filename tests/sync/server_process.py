"""`desk-server run --workers N` as its own process group for a test: started, waited for
until it answers, ended, and its log checked for tracebacks."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.processes import end, spawn
from tests.sync.pg import free_port
from tests.sync.test_cli_processes import BIN


@contextmanager
def worker_server(
    server_db_url: str, tmp_path: Path, workers: int = 2
) -> Iterator[tuple[str, list[str]]]:
    """Yields the server's URL and the ``--db``/``--blobs`` options its CLI commands need."""
    options = ["--db", server_db_url, "--blobs", str(tmp_path / "server-blobs")]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "server.log"
    command = [str(BIN / "desk-server"), "run", *options, "--port", str(port)]
    with log_path.open("wb") as log:
        process = spawn(
            [*command, "--workers", str(workers)],
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
            assert process.poll() is None, log_path.read_text(errors="replace")
            assert time.monotonic() < deadline, log_path.read_text(errors="replace")
            time.sleep(0.2)
        yield url, options
    finally:
        end(process, timeout=30)
    assert "Traceback" not in log_path.read_text(errors="replace")
