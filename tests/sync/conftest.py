"""Fixtures of the sync tests: a real uvicorn server on a free port (SQLite or a throwaway
PostgreSQL cluster), and desks (real SQLite files) with the small test catalogue."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from desk.services.container import DeskServices
from sync.server.app import create_app
from sync.server.auth import add_backoffice, add_desk
from sync.server.context import Server, ServerSettings
from sync.server.migrate import upgrade
from tests.conftest import AGENCY_CODE, SMALL_CATALOG, FakeClock
from tests.sync.pg import create_database, free_port, throwaway_cluster

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_base() -> Iterator[str]:
    with throwaway_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    base: str = request.getfixturevalue("pg_base")
    return create_database(base, f"srv_{next(_databases)}")


@dataclass
class LiveServer:
    url: str
    server: Server

    def add_desk(self, desk_range: str, agency: str = AGENCY_CODE) -> str:
        with self.server.db.write() as session:
            _key, code = add_desk(session, agency, desk_range, "Quầy thử", self.server.now())
        return code

    def add_backoffice(self, agency: str = AGENCY_CODE) -> str:
        with self.server.db.write() as session:
            return add_backoffice(session, agency, "Phòng thử", self.server.now())


def serve(settings: ServerSettings) -> Iterator[LiveServer]:
    server = Server.build(settings)
    upgrade(server.db.engine)
    port = free_port()
    config = uvicorn.Config(
        create_app(server), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    runner = uvicorn.Server(config)
    thread = threading.Thread(target=runner.run, name="test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not runner.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield LiveServer(url=f"http://127.0.0.1:{port}", server=server)
    finally:
        runner.should_exit = True
        thread.join(timeout=20)
        server.close()


@pytest.fixture
def live_server(server_db_url: str, tmp_path: Path) -> Iterator[LiveServer]:
    yield from serve(ServerSettings(db_url=server_db_url, blob_dir=tmp_path / "server-blobs"))


DeskFactory = Callable[[str, str], DeskServices]


@pytest.fixture
def make_desk(tmp_path: Path, clock: FakeClock) -> Iterator[DeskFactory]:
    """``make_desk(name, range)``: a desk with its own database file, the shared agency."""
    opened: list[DeskServices] = []

    def make(name: str, desk_range: str) -> DeskServices:
        services = DeskServices.open(tmp_path / name / "desk.db", clock=clock)
        services.office.init_office(
            agency_code=AGENCY_CODE,
            agency_name="Ủy ban nhân dân xã Thử Nghiệm",
            desk_range=desk_range,
            tracking_base_url="https://tracuu.motcua.invalid",
            desk_name=name,
        )
        services.catalog.import_file(SMALL_CATALOG)
        opened.append(services)
        return services

    yield make
    for services in opened:
        services.close()
