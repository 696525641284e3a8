"""Engine factory and transaction scopes.

SQLite is opened in WAL mode with synchronous=FULL, so a committed intake survives a power
cut and an interrupted one leaves nothing behind. Writes start with BEGIN IMMEDIATE: the
write lock is taken before the daily counter is read, so two processes can never hand out
the same sequence number, and a busy database waits (busy_timeout) instead of failing on
a lock upgrade.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from data.storage import storage_problem

BUSY_TIMEOUT_MS = 10_000
_BEGIN_OPTION = "desk_sqlite_begin"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create an engine; for SQLite apply the durability pragmas on every connection."""
    if not url.startswith("sqlite"):
        return create_engine(url, echo=echo, pool_pre_ping=True)
    engine = create_engine(
        url,
        echo=echo,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Take transaction control away from the driver so that BEGIN is ours (see _begin_sqlite).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """The one way services reach the database: short read and write scopes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})

    @classmethod
    def open(cls, url: str) -> Database:
        return cls(make_engine(url))

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits when the block ends and rolls back on any error; a full
        disk, a read-only folder or a damaged file is a DeskError saying exactly that."""
        with (
            self._storage_errors(),
            Session(self._writer, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with (
            self._storage_errors(),
            Session(self.engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def _storage_errors(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as error:
            problem = storage_problem(error, self.engine.url.database or "")
            if problem is None or self.engine.dialect.name != "sqlite":
                raise
            raise problem from error

    def dispose(self) -> None:
        self.engine.dispose()
