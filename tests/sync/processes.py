"""`desk-server run` as its own process, for the tests that need its memory, its log, several
workers or a restart."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx

from sync.server.auth import add_backoffice, add_desk
from sync.server.context import Server, ServerSettings
from tests.conftest import AGENCY_CODE
from tests.sync.pg import free_port

BIN = Path(sys.executable).parent


class ServerProcess:
    """``desk-server run`` on a free port; ``restart()`` stops it and starts it again on the
    same port and database; the log of every run is appended to ``log_path``."""

    def __init__(
        self,
        db_url: str,
        folder: Path,
        *extra: str,
        workers: int = 1,
        env: dict[str, str] | None = None,
    ) -> None:
        self.options = ["--db", db_url, "--blobs", str(folder / "server-blobs")]
        self.extra = list(extra)
        self.workers = workers
        self.env = {**os.environ, **(env or {})}
        self.env.pop("DESK_LANGUAGE", None)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = folder / f"server-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ServerProcess:
        self.start()
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _error: BaseException | None,
        _trace: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> None:
        command = [str(BIN / "desk-server"), "run", *self.options, "--port", str(self.port)]
        command += ["--workers", str(self.workers), *self.extra]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env=self.env
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/api/v1/openapi.json").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError(self.log())
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def rss_kib(self) -> int:
        """Resident memory of the server process (its workers' are not counted)."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
        return int(line.split()[1])


def add_desk_code(db_url: str, desk_range: str = "0001-4999") -> str:
    """A desk awaiting enrolment on the server's database; returns its enrolment code."""
    opened = Server.build(ServerSettings(db_url=db_url, blob_dir=Path("unused")))
    try:
        with opened.db.write() as session:
            _key, code = add_desk(session, AGENCY_CODE, desk_range, "Quầy thử", opened.now())
    finally:
        opened.close()
    return code


def add_backoffice_bearer(db_url: str) -> str:
    opened = Server.build(ServerSettings(db_url=db_url, blob_dir=Path("unused")))
    try:
        with opened.db.write() as session:
            return add_backoffice(session, AGENCY_CODE, "Phòng thử", opened.now())
    finally:
        opened.close()
