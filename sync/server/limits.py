"""Rate limits: at most ``limit`` hits per ``window`` seconds for each key."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Protocol


class Limiter(Protocol):
    def allow(self, key: str) -> bool:
        """Count a hit for ``key``; False (and nothing counted) when it is over the limit."""
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
