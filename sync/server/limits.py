"""Rate limits: at most ``limit`` hits per ``window`` seconds for each key (sliding window).

The server's limits (tracking page, public feedback, credential verifications) are kept in
the database (``DbLimiter``), so that every worker process shares them and a restart does
not reset them. Two workers counting the same key at the same instant may let one hit past
the limit; no more.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import datetime
from typing import Protocol
from uuid import uuid4

from sqlalchemy import delete, func, select

from data.db import Database
from sync.server.tables import ServerRateHit

SWEEP_EVERY = 500
"""Every so many hits, one process also deletes every bucket's expired rows."""
LONGEST_WINDOW_US = 24 * 3600 * 1_000_000


class Limiter(Protocol):
    def allow(self, key: str) -> bool:
        """Count a hit for ``key``; False (and nothing counted) when it is over the limit."""
        ...

    def release(self, key: str) -> None:
        """Take back the last hit counted for ``key`` (it turned out not to count)."""
        ...


class MemoryLimiter:
    """At most ``limit`` hits per ``window`` seconds for each key (sliding window)."""

    def __init__(
        self, limit: int, window: float, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self._monotonic = monotonic
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self._monotonic()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            if len(self._hits) > 100_000:  # bound memory under a scan of many addresses
                self._hits = {k: v for k, v in self._hits.items() if v}
            return True

    def release(self, key: str) -> None:
        with self._lock:
            hits = self._hits.get(key)
            if hits:
                hits.pop()


class DbLimiter:
    """A limit named ``name`` whose hits are rows of ``srv_rate_limit``."""

    _calls = itertools.count(1)

    def __init__(
        self, db: Database, name: str, limit: int, window: float, clock: Callable[[], datetime]
    ) -> None:
        self.limit = limit
        self.window = window
        self._db = db
        self._name = name
        self._clock = clock

    def _bucket(self, key: str) -> str:
        return hashlib.blake2b(f"{self._name}\0{key}".encode(), digest_size=16).hexdigest()

    def release(self, key: str) -> None:
        bucket = self._bucket(key)
        with self._db.write() as session:
            last = session.scalar(
                select(ServerRateHit.id)
                .where(ServerRateHit.bucket == bucket)
                .order_by(ServerRateHit.at_us.desc())
                .limit(1)
            )
            if last is not None:
                session.execute(delete(ServerRateHit).where(ServerRateHit.id == last))

    def allow(self, key: str) -> bool:
        bucket = self._bucket(key)
        now = int(self._clock().timestamp() * 1_000_000)
        since = now - int(self.window * 1_000_000)
        with self._db.write() as session:
            session.execute(
                delete(ServerRateHit).where(
                    ServerRateHit.bucket == bucket, ServerRateHit.at_us <= since
                )
            )
            hits = session.scalar(
                select(func.count())
                .select_from(ServerRateHit)
                .where(ServerRateHit.bucket == bucket)
            )
            if int(hits or 0) >= self.limit:
                return False
            session.add(ServerRateHit(id=uuid4().hex, bucket=bucket, at_us=now))
            if next(self._calls) % SWEEP_EVERY == 0:
                session.execute(
                    delete(ServerRateHit).where(ServerRateHit.at_us < now - LONGEST_WINDOW_US)
                )
        return True
