"""Every failing command exits non-zero, so a scheduled job can tell: `desk sync --once` when
the server cannot be reached, enrolment against no server, unknown commands and keys."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import citizen
from tests.helpers import receive
from tests.sync.conftest import DeskFactory
from tests.sync.pg import free_port
from tests.sync.processes import ServerProcess, add_desk_code
from tests.sync.test_cli_processes import run


def test_sync_once_exits_non_zero_when_the_server_cannot_be_reached(
    tmp_path: Path, make_desk: DeskFactory
) -> None:
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    desk = make_desk("quay-a", "0001-4999")
    receive(desk, owner=citizen(1))
    db = str(tmp_path / "quay-a" / "desk.db")
    with ServerProcess(db_url, tmp_path) as server:
        desk.sync.enrol(server.url, add_desk_code(db_url))
        assert run("desk", "sync", "--once", "--db", db).returncode == 0
    receive(desk, owner=citizen(2))

    offline = run("desk", "sync", "--once", "--db", db, check=False)
    assert offline.returncode == 11, (offline.stdout, offline.stderr)
    assert "Ngoại tuyến" in offline.stdout
    as_json = run("desk", "sync", "--once", "--json", "--db", db, check=False)
    assert as_json.returncode == 11 and '"online": false' in as_json.stdout


def test_failing_commands_exit_non_zero(tmp_path: Path, make_desk: DeskFactory) -> None:
    make_desk("quay-a", "0001-4999")
    db = str(tmp_path / "quay-a" / "desk.db")
    nowhere = f"http://127.0.0.1:{free_port()}"
    enrol = run(
        "desk", "enrol", "--server", nowhere, "--code", "ABCD-EF01-2345", "--db", db, check=False
    )
    assert enrol.returncode != 0
    assert run("desk", "no-such-command", check=False).returncode == 2
    server_db = ["--db", f"sqlite:///{tmp_path / 'server.db'}"]
    assert run("desk-server", "no-such-command", check=False).returncode == 2
    revoke = run("desk-server", "desk", "revoke", "00000000-0000", *server_db, check=False)
    assert revoke.returncode != 0 and revoke.stderr
