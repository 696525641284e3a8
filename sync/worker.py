"""The background loop: run one sync step, then wait — longer after each failure, with jitter.

Used by `desk sync` (headless) and by the TUI's worker thread. ``step`` returns True when
the server was reached; a run of failures backs off exponentially (full jitter, so that fifty
desks coming back after a power cut do not all knock at the same second), and one success
returns to the normal polling interval.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base: float = 2.0
    cap: float = 300.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self) -> float:
        self.failures += 1
        ceiling = min(self.cap, self.base * 2 ** (self.failures - 1))
        return self.rng.uniform(ceiling / 2, ceiling)

    def reset(self) -> None:
        self.failures = 0


class SyncLoop:
    def __init__(
        self,
        step: Callable[[], bool],
        *,
        poll_interval: float = 30.0,
        backoff: Backoff | None = None,
    ) -> None:
        self._step = step
        self._poll = poll_interval
        self._backoff = backoff or Backoff()

    def run(self, stop: threading.Event) -> None:
        """Until ``stop`` is set; ``stop.wait`` doubles as the sleep so stopping is prompt."""
        while not stop.is_set():
            online = self._step()
            if online:
                self._backoff.reset()
                delay = self._poll
            else:
                delay = self._backoff.next_delay()
            stop.wait(delay)
