"""Hand-over to the processing unit (bàn giao hồ sơ): which received dossiers wait for it, by
when (``OfficeRules.hand_over_working_hours`` on the working calendar), and several handed
over at once, in one transaction, to one unit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import col, select

from data.models import Dossier
from desk.domain.calendar import DueRule, DurationUnit
from desk.domain.lifecycle import Action, Status
from desk.domain.text import nfc
from desk.errors import InvalidInput
from desk.services.calendar import calendar_for
from desk.services.context import ServiceContext
from desk.services.dossiers import apply_action, find_dossier
from desk.services.ledger import ensure_officer
from desk.services.settings import load_rules


@dataclass(frozen=True)
class WaitingHandOver:
    code: str
    procedure_name: str
    owner_name: str
    received_at: datetime
    hand_over_by: datetime
    """The deadline: the dossier's clock start plus the office's hand-over working hours."""
    overdue: bool
    working_time_left: timedelta
    """Negative when overdue."""


@dataclass(frozen=True)
class HandOverCounts:
    waiting: int
    overdue: int


class HandOverService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def waiting(self) -> list[WaitingHandOver]:
        """Received dossiers not yet handed over, the nearest deadline first."""
        now = self._context.now()
        with self._context.db.read() as session:
            calendar = calendar_for(session)
            rule = DueRule(DurationUnit.WORKING_HOURS, load_rules(session).hand_over_working_hours)
            rows = session.exec(
                select(Dossier).where(col(Dossier.status) == int(Status.RECEIVED))
            ).all()
            items = []
            for row in rows:
                started = row.clock_started_at or row.received_at
                due = calendar.compute_due(rule, started).due
                overdue = now > due
                left = (
                    -calendar.working_time_between(due, now)
                    if overdue
                    else calendar.working_time_between(now, due)
                )
                items.append(
                    WaitingHandOver(
                        row.code,
                        row.procedure_name,
                        row.owner_name,
                        row.received_at,
                        due,
                        overdue,
                        left,
                    )
                )
        return sorted(items, key=lambda item: (item.hand_over_by, item.code))

    def counts(self) -> HandOverCounts:
        items = self.waiting()
        return HandOverCounts(len(items), sum(1 for item in items if item.overdue))

    def hand_over(
        self, codes: Sequence[str], *, unit: str, officer_id: int | None = None
    ) -> list[str]:
        """Hand every dossier of ``codes`` to ``unit``: all of them or, on any error, none."""
        unit = nfc(unit)
        if not unit:
            raise InvalidInput("Cần ghi tên đơn vị nhận hồ sơ để xử lý.")
        if not codes:
            raise InvalidInput("Chưa chọn hồ sơ nào để bàn giao: đánh dấu hồ sơ bằng phím cách.")
        now = self._context.now()
        done: list[str] = []
        with self._context.db.write() as session:
            ensure_officer(session, officer_id)
            for code in dict.fromkeys(codes):
                dossier = find_dossier(session, code)
                apply_action(
                    session,
                    dossier,
                    Action.HAND_OVER,
                    at=now,
                    officer_id=officer_id,
                    payload={"unit": unit},
                )
                done.append(dossier.code)
        return done
