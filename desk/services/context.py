"""What every service needs: the database and a clock (injected so tests can fix time)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from data.db import Database

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ServiceContext:
    db: Database
    clock: Clock = field(default=system_clock)

    def now(self) -> datetime:
        instant = self.clock()
        if instant.tzinfo is None:
            raise ValueError("the clock must return aware datetimes")
        return instant
