"""A throwaway PostgreSQL cluster for the tests (COMPONENTS.md §6): initdb + pg_ctl in a temp
dir, on a free localhost port, as the ``postgres`` user when the tests run as root."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.processes import dismiss, guard, on_exit


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def pg_bin() -> Path:
    override = os.environ.get("MOTCUA_PG_BIN")
    if override:
        return Path(override)
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not found:
        raise RuntimeError(
            "PostgreSQL server binaries not found: apt-get install postgresql, or set MOTCUA_PG_BIN"
        )
    return found[-1]


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Yields ``postgresql+psycopg://postgres@127.0.0.1:PORT`` (no database part)."""
    binaries = pg_bin()
    root = Path(tempfile.mkdtemp(prefix="motcua-pg-"))
    root.chmod(0o755)
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = free_port()
    run = {"check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE}
    subprocess.run(
        _as_postgres(
            [
                str(binaries / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        **run,  # type: ignore[call-overload]
    )
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        _as_postgres(
            [
                str(binaries / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(root / "log"),
                "-w",
                "-o",
                options,
                "start",
            ]
        ),
        **run,  # type: ignore[call-overload]
    )

    stop_cluster = _as_postgres(
        [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
    )
    watchdog = guard(stop_cluster)  # a SIGKILLed run stops the cluster too

    def stop() -> None:
        subprocess.run(
            stop_cluster, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        dismiss(watchdog)
        shutil.rmtree(root, ignore_errors=True)

    # pg_ctl leaves postgres running on its own: a killed run stops it too (tests/processes)
    stop_now = on_exit(stop)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        stop_now()


def create_database(base_url: str, name: str) -> str:
    import psycopg

    dsn = base_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{base_url}/{name}"
