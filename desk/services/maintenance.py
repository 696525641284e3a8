"""`desk verify` and `desk backup`: prove the data is whole, and copy it safely while in use."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlmodel import col, select

from data.models import Dossier, DossierEvent, OutboxCommand
from desk.domain.lifecycle import verify_chain
from desk.domain.validation import os_reason
from desk.errors import InvalidInput
from desk.services.context import ServiceContext
from desk.services.ledger import record_of


@dataclass
class VerifyReport:
    integrity: str = "ok"
    foreign_key_errors: int = 0
    dossiers_checked: int = 0
    events_checked: int = 0
    broken_chains: dict[str, list[str]] = field(default_factory=dict)
    outbox_gaps: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.integrity == "ok"
            and not self.foreign_key_errors
            and not self.broken_chains
            and not self.outbox_gaps
        )


class MaintenanceService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def verify(self) -> VerifyReport:
        report = VerifyReport()
        with self._context.db.read() as session:
            report.integrity = "; ".join(
                str(row[0])
                for row in session.exec(text("PRAGMA integrity_check")).all()  # type: ignore[call-overload]
            )
            report.foreign_key_errors = len(
                session.exec(text("PRAGMA foreign_key_check")).all()  # type: ignore[call-overload]
            )
            heads = {
                d.id: (d.code, d.event_count, d.last_event_hash)
                for d in session.exec(select(Dossier)).all()
            }
            chains: dict[str, list[DossierEvent]] = defaultdict(list)
            for event in session.exec(
                select(DossierEvent).order_by(col(DossierEvent.dossier_id), col(DossierEvent.seq))
            ).all():
                chains[event.dossier_id].append(event)
            seqs = session.exec(
                select(OutboxCommand.desk_id, OutboxCommand.seq).order_by(
                    col(OutboxCommand.desk_id), col(OutboxCommand.seq)
                )
            ).all()
        report.dossiers_checked = len(heads)
        for dossier_id, (code, count, head) in heads.items():
            events = chains.get(dossier_id, [])
            report.events_checked += len(events)
            problems = [b.reason for b in verify_chain((record_of(e), e.hash) for e in events)]
            if len(events) != count or (events and events[-1].hash != head) or not events:
                problems.append("dossier head does not match its last event")
            if problems:
                report.broken_chains[code] = problems
        report.outbox_gaps = _gaps(list(seqs))
        return report

    def backup(self, target: Path) -> Path:
        """Online backup through SQLite's backup API: consistent while the desk is in use."""
        if target.exists():
            raise InvalidInput(
                "Tệp {path} đã tồn tại; chọn tên khác để không ghi đè.", path=str(target)
            )
        source_path = self._context.db.engine.url.database
        if not source_path:
            raise InvalidInput("Chỉ sao lưu được cơ sở dữ liệu dạng tệp.")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # closing(): a sqlite3 connection's own `with` ends a transaction, not the connection.
            with (
                closing(sqlite3.connect(source_path)) as source,
                closing(sqlite3.connect(target)) as copy,
            ):
                source.backup(copy)
        except OSError as error:
            raise InvalidInput(
                "Không sao lưu được vào {path}: {reason}", path=str(target), reason=os_reason(error)
            ) from None
        except sqlite3.Error:
            target.unlink(missing_ok=True)  # never leave a half-written backup behind
            raise InvalidInput(
                "Không sao lưu được vào {path}: SQLite báo lỗi khi sao chép.", path=str(target)
            ) from None
        return target


def _gaps(seqs: list[tuple[str, int]]) -> list[str]:
    gaps: list[str] = []
    expected: dict[str, int] = {}
    for desk_id, seq in seqs:
        want = expected.get(desk_id, 1)
        if seq != want:
            gaps.append(f"desk {desk_id}: expected command {want}, found {seq}")
        expected[desk_id] = seq + 1
    return gaps
