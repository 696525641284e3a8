"""Fixtures of the sync tests: a real uvicorn server on a free port (SQLite or a throwaway
PostgreSQL cluster), desks (real SQLite files) with the small test catalogue, and a real
local SMTP server (aiosmtpd) that captures the citizens' emails."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message as EmailMessage
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from aiosmtpd.controller import Controller

from desk.services.container import DeskServices
from sync.server.app import create_app
from sync.server.auth import add_backoffice, add_desk
from sync.server.context import Server, ServerSettings
from sync.server.migrate import upgrade
from tests.conftest import AGENCY_CODE, SMALL_CATALOG, FakeClock
from tests.sync.pg import create_database, free_port, throwaway_cluster

_databases = itertools.count(1)
PUBLIC_URL = "https://dichvucong.motcua.invalid"


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


@pytest.fixture
def clocked_server(server_db_url: str, tmp_path: Path, clock: FakeClock) -> Iterator[LiveServer]:
    """A live server on the tests' FakeClock (shared with the desks) that queues citizens'
    notifications with links to PUBLIC_URL; SQLite and PostgreSQL."""
    settings = ServerSettings(
        db_url=server_db_url,
        blob_dir=tmp_path / "server-blobs",
        public_url=PUBLIC_URL,
        clock=clock,
    )
    yield from serve(settings)


@dataclass
class Mailbox:
    """What the local SMTP server received."""

    messages: list[EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    """A real SMTP server (aiosmtpd) on a free localhost port: (mailbox, port)."""
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()
