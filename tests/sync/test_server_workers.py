"""`desk-server run --workers 2`: stateless worker processes built from the environment serve
the same API; a desk enrols and its commands and scan arrive (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import citizen
from tests.helpers import receive
from tests.sync.conftest import DeskFactory
from tests.sync.server_process import worker_server
from tests.sync.test_cli_processes import run


def test_two_worker_processes_serve_a_desk(
    server_db_url: str, make_desk: DeskFactory, tmp_path: Path
) -> None:
    with worker_server(server_db_url, tmp_path) as (url, options):
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
    assert (report.online, report.applied, report.quarantined, report.error) == (
        True,
        1,
        0,
        None,
    )
    assert again.error is None and again.applied == 0
