"""The one sync timing policy: a loop that runs a sync step, then waits — the polling interval
after a success, longer after each failure — and a per-command backoff, both with the same
exponential curve and full jitter (so that fifty desks coming back after a power cut do not all
knock at the same second).

`desk sync` and the TUI's background worker run the same ``SyncLoop``. A step only sends the
commands that are due (each keeps its own backoff in the outbox); "sync now" (a key in the TUI,
`desk sync --once`) wakes the loop and makes every command due at once.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

WAIT_SLICE = 0.25
"""Seconds between two looks at the stop and wake flags while the loop waits."""


def backoff_seconds(failures: int, *, base: float, cap: float, rng: random.Random) -> float:
    """The wait after ``failures`` failures in a row: exponential up to ``cap``, drawn in the
    upper half of that ceiling (full jitter, but never much sooner than the curve)."""
    ceiling = min(cap, base * 2 ** max(0, failures - 1))
    return rng.uniform(ceiling / 2, ceiling)


@dataclass
class Backoff:
    base: float = 2.0
    cap: float = 300.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self) -> float:
        self.failures += 1
        return backoff_seconds(self.failures, base=self.base, cap=self.cap, rng=self.rng)

    def reset(self) -> None:
        self.failures = 0


Step = Callable[[bool], bool]
"""One sync round: called with True when "sync now" asked for it (every command due), else
False (only commands past their backoff); returns True when the server was reached."""


class SyncLoop:
    def __init__(
        self, step: Step, *, poll_interval: float = 30.0, backoff: Backoff | None = None
    ) -> None:
        self._step = step
        self._poll = poll_interval
        self._backoff = backoff or Backoff()
        self._woken = threading.Event()

    def wake(self) -> None:
        """Run a round now, with every command due ("sync now")."""
        self._woken.set()

    def next_delay(self, online: bool) -> float:
        """Seconds until the next round after one that did (or did not) reach the server;
        the TUI schedules its rounds with this, `desk sync` sleeps it in ``run``."""
        if online:
            self._backoff.reset()
            return self._poll
        return self._backoff.next_delay()

    def run(self, stop: threading.Event) -> None:
        """Until ``stop`` is set; the wait is sliced so stopping and waking are prompt."""
        due_now = False
        while not stop.is_set():
            online = self._step(due_now)
            due_now = self._wait(stop, self.next_delay(online))

    def _wait(self, stop: threading.Event, delay: float) -> bool:
        """Wait ``delay`` seconds unless stopped or woken; True when woken."""
        waited = 0.0
        while waited < delay and not stop.is_set():
            if self._woken.wait(min(WAIT_SLICE, delay - waited)):
                self._woken.clear()
                return True
            waited += WAIT_SLICE
        return False
