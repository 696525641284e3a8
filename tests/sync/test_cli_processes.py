"""The commands as officers and administrators run them: `desk-server run` as its own process,
`desk-server desk add` / `dossier advance`, `desk enrol` / `desk sync` / `desk sync status`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from data.models import Blob
from desk.domain.lifecycle import Status
from tests.conftest import citizen
from tests.helpers import count, dossier, receive
from tests.processes import end, spawn
from tests.sync.conftest import DeskFactory
from tests.sync.pg import free_port

BIN = Path(sys.executable).parent


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DESK_LANGUAGE"}
    done = subprocess.run(
        [str(BIN / args[0]), *args[1:]], capture_output=True, text=True, env=env, timeout=120
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def server_process(server_db_url: str, tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    port = free_port()
    options = ["--db", server_db_url, "--blobs", str(tmp_path / "server-blobs")]
    log = (tmp_path / "server.log").open("wb")
    process = spawn(
        [str(BIN / "desk-server"), "run", *options, "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/api/v1/openapi.json").status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            log.close()
            raise AssertionError((tmp_path / "server.log").read_text(errors="replace"))
        time.sleep(0.1)
    try:
        yield url, options
    finally:
        end(process)
        log.close()


def test_enrol_sync_advance_and_pull_through_the_commands(
    server_process: tuple[str, list[str]], make_desk: DeskFactory, tmp_path: Path
) -> None:
    url, server_options = server_process
    desk = make_desk("quay-a", "0001-4999")
    code = receive(desk, owner=citizen(1)).code
    db = str(tmp_path / "quay-a" / "desk.db")

    unenrolled = run("desk", "sync", "--once", "--db", db, check=False)
    assert unenrolled.returncode == 7 and "desk enrol" in unenrolled.stderr
    added = run(
        "desk-server",
        "desk",
        "add",
        "--agency",
        "000.00.01.H99",
        "--range",
        "0001-4999",
        *server_options,
    )
    enrol_code = added.stdout.splitlines()[0].rsplit(" ", 1)[-1]
    run("desk", "enrol", "--server", url, "--code", enrol_code, "--db", db)
    run("desk", "enrol", "--server", url, "--code", enrol_code, "--db", db)  # same desk: again
    make_desk("quay-b", "0001-4999")
    other_db = str(tmp_path / "quay-b" / "desk.db")
    replay = run(
        "desk", "enrol", "--server", url, "--code", enrol_code, "--db", other_db, check=False
    )
    assert replay.returncode == 12 and "Mã đăng ký không đúng" in replay.stderr

    pushed = json.loads(run("desk", "sync", "--once", "--json", "--db", db).stdout)
    assert (pushed["online"], pushed["applied"], pushed["quarantined"]) == (True, 1, 0)

    result = tmp_path / "ket-qua.pdf"
    result.write_bytes(b"%PDF-1.4 ket qua thu nghiem\n%%EOF\n")
    wrong = run(
        "desk-server", "dossier", "advance", code, "--to", "done", *server_options, check=False
    )
    assert wrong.returncode == 2 and "result-ready" in wrong.stderr
    run(
        "desk-server",
        "dossier",
        "advance",
        code,
        "--to",
        "result-ready",
        "--result",
        str(result),
        *server_options,
    )

    pulled = json.loads(run("desk", "sync", "--once", "--json", "--db", db).stdout)
    assert pulled["changes_applied"] == 1
    assert dossier(desk, code).status == Status.RESULT_READY
    assert count(desk, Blob) == 1  # the result file came with the move
    status = json.loads(run("desk", "sync", "status", "--json", "--db", db).stdout)
    assert status["online"] is True and status["commands_pending"] == 0
    assert status["blobs_pending"] == 0
    footer = run("desk", "sync", "status", "--db", db).stdout
    assert footer.startswith("Trực tuyến · 0 lệnh")
