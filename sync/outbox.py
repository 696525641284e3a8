"""The desk's side of the queue: pick the next batch, record the server's answers, quarantine.

Commands leave oldest first. A command the server rejected (or that conflicts) is quarantined
with the server's code and Vietnamese reason in ``last_error``; it is never deleted and never
holds back the commands after it. The officer can release it for another try or export it.
All functions work inside the caller's transaction.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, func, or_, select

from data.models import Blob, Dossier, DossierComponent, DossierScan, OutboxCommand, Setting
from sync.protocol import Command, CommandResult, Outcome
from sync.worker import backoff_seconds

PENDING = "pending"
ACKED = "acked"
SCAN_COMMAND = "dossier.scan_attached"
QUARANTINED = "quarantined"
TRANSIENT_CODES = frozenset({"busy"})
"""Rejections that mean "try again later", not "this command is wrong"."""
BLOB_MISSING = "blob_missing"
"""The server does not hold (for this agency) a file the command names: upload it, then the
command goes again. It stays pending, and its files are marked as not on the server."""


def next_batch(
    session: Session, now: datetime, *, max_count: int, max_bytes: int
) -> list[OutboxCommand]:
    """The oldest due commands, at most ``max_count`` and about ``max_bytes`` of payload
    (always at least one, however big, so a large command cannot block the queue)."""
    rows = session.exec(
        select(OutboxCommand)
        .where(col(OutboxCommand.state) == PENDING)
        .where(
            or_(
                col(OutboxCommand.next_attempt_at).is_(None),
                col(OutboxCommand.next_attempt_at) <= now,
            )
        )
        .order_by(col(OutboxCommand.id))
        .limit(max_count)
    ).all()
    batch: list[OutboxCommand] = []
    size = 0
    for row in rows:
        size += len(row.payload.encode("utf-8")) + 300  # the envelope fields around it
        if batch and size > max_bytes:
            break
        batch.append(row)
    return batch


def to_wire(row: OutboxCommand) -> Command:
    payload: dict[str, Any] = json.loads(row.payload)
    return Command(
        command_id=row.command_id,
        desk_id=row.desk_id,
        seq=row.seq,
        type=row.type,
        dossier_id=row.dossier_id,
        payload=payload,
        payload_hash=row.payload_hash,
        created_at=row.created_at,
    )


@dataclass
class Tally:
    applied: int = 0
    duplicate: int = 0
    quarantined: int = 0
    retry: int = 0
    waiting: list[str] = field(default_factory=list)
    """Commands that wait for their files to reach the server."""


def record_results(
    session: Session, results: list[CommandResult], now: datetime, retry_at: datetime
) -> Tally:
    tally = Tally()
    for result in results:
        row = session.exec(
            select(OutboxCommand).where(col(OutboxCommand.command_id) == result.command_id)
        ).first()
        if row is None or row.state != PENDING:
            continue
        row.attempts += 1
        if result.outcome in (Outcome.APPLIED, Outcome.DUPLICATE):
            row.state, row.acked_at, row.last_error = ACKED, now, None
            tally.applied += result.outcome is Outcome.APPLIED
            tally.duplicate += result.outcome is Outcome.DUPLICATE
        elif result.code in TRANSIENT_CODES:
            row.next_attempt_at, row.last_error = retry_at, result.reason
            tally.retry += 1
        elif result.code == BLOB_MISSING and _not_on_server(session, row):
            row.next_attempt_at, row.last_error = retry_at, result.reason
            tally.waiting.append(row.command_id)
        else:
            row.state = QUARANTINED
            row.last_error = json.dumps(
                {"outcome": result.outcome.value, "code": result.code, "reason": result.reason},
                ensure_ascii=False,
            )
            tally.quarantined += 1
        session.add(row)
    return tally


def _not_on_server(session: Session, row: OutboxCommand) -> bool:
    """Mark the files ``row`` names as still to upload (the server says it lacks them, even if
    it once confirmed them); False when this desk does not hold them either."""
    payload: dict[str, Any] = json.loads(row.payload)
    named = [v for k, v in payload.items() if k.endswith("_sha256") and isinstance(v, str)]
    blobs = session.exec(select(Blob).where(col(Blob.sha256).in_(named))).all() if named else []
    for blob in blobs:
        blob.uploaded_at = None
        session.add(blob)
    return bool(blobs) and len(blobs) == len(set(named))


def make_due(session: Session, command_ids: list[str], now: datetime) -> None:
    for row in session.exec(
        select(OutboxCommand).where(col(OutboxCommand.command_id).in_(command_ids))
    ).all():
        if row.state == PENDING:
            row.next_attempt_at = now
            session.add(row)


def scans_not_on_server(session: Session) -> int:
    """Scans whose files, or whose record, the server does not hold yet."""
    waiting = {
        str(json.loads(payload).get("legal_sha256"))
        for payload in session.exec(
            select(OutboxCommand.payload)
            .where(col(OutboxCommand.state) == PENDING)
            .where(col(OutboxCommand.type) == SCAN_COMMAND)
        ).all()
    }
    waiting.update(
        session.exec(
            select(DossierScan.legal_sha256)
            .join(
                Blob,
                or_(
                    col(Blob.sha256) == col(DossierScan.legal_sha256),
                    col(Blob.sha256) == col(DossierScan.compact_sha256),
                ),
            )
            .where(col(Blob.uploaded_at).is_(None))
        ).all()
    )
    return len(waiting)


def postpone(session: Session, command_ids: list[str], retry_at: datetime, error: str) -> None:
    """The batch did not get through (offline, server error): try it again later."""
    for row in session.exec(
        select(OutboxCommand).where(col(OutboxCommand.command_id).in_(command_ids))
    ).all():
        row.attempts += 1
        row.next_attempt_at = retry_at
        row.last_error = error
        session.add(row)


def release(session: Session, command_ids: list[str] | None, now: datetime) -> int:
    """Put quarantined commands (all, or the given ones) back in the queue."""
    query = select(OutboxCommand).where(col(OutboxCommand.state) == QUARANTINED)
    if command_ids is not None:
        query = query.where(col(OutboxCommand.command_id).in_(command_ids))
    rows = session.exec(query).all()
    for row in rows:
        row.state, row.next_attempt_at = PENDING, now
        session.add(row)
    return len(rows)


def quarantined(session: Session) -> list[OutboxCommand]:
    return list(
        session.exec(
            select(OutboxCommand)
            .where(col(OutboxCommand.state) == QUARANTINED)
            .order_by(col(OutboxCommand.id))
        ).all()
    )


def make_due_now(session: Session, now: datetime) -> None:
    """An explicit `desk sync` does not wait for the backoff of earlier failures."""
    for row in session.exec(
        select(OutboxCommand)
        .where(col(OutboxCommand.state) == PENDING)
        .where(col(OutboxCommand.next_attempt_at) > now)
    ).all():
        row.next_attempt_at = now
        session.add(row)


def pending_totals(session: Session) -> tuple[int, int, int, int]:
    """(commands pending, their bytes, blobs pending, their bytes)."""
    commands, command_bytes = session.exec(
        select(func.count(), func.coalesce(func.sum(func.length(OutboxCommand.payload)), 0)).where(
            col(OutboxCommand.state) == PENDING
        )
    ).one()
    blobs, blob_bytes = session.exec(
        select(func.count(), func.coalesce(func.sum(Blob.size), 0)).where(
            col(Blob.uploaded_at).is_(None)
        )
    ).one()
    return int(commands), int(command_bytes), int(blobs), int(blob_bytes)


def pending_blobs(session: Session) -> list[Blob]:
    """Blobs the server does not have yet, in the order the link should carry them: first the
    compact copies of scans and the other files of dossiers (online attachments), those due
    soonest first; then the legal-quality copies of scans, likewise; then the rest (printed
    documents, signed results …) oldest first. Metadata always goes before any of them."""
    rows = list(session.exec(select(Blob).where(col(Blob.uploaded_at).is_(None))).all())
    rank: dict[str, tuple[int, datetime]] = {}

    def place(sha: str | None, tier: int, due_at: datetime | None) -> None:
        if sha is None or due_at is None:
            return
        rank[sha] = min(rank.get(sha, (tier, due_at)), (tier, due_at))

    for sha, due_at in session.exec(
        select(DossierComponent.blob_sha256, Dossier.due_at)
        .join(Dossier, col(Dossier.id) == col(DossierComponent.dossier_id))
        .where(col(DossierComponent.blob_sha256).is_not(None))
    ).all():
        place(sha, 0, due_at)
    for compact, legal, due_at in session.exec(
        select(DossierScan.compact_sha256, DossierScan.legal_sha256, Dossier.due_at).join(
            Dossier, col(Dossier.id) == col(DossierScan.dossier_id)
        )
    ).all():
        place(compact, 0, due_at)
        rank.pop(legal, None)  # the component links the legal copy: it goes after compacts
        place(legal, 1, due_at)
    if not rows:
        return []
    far = datetime.max.replace(tzinfo=rows[0].created_at.tzinfo)
    return sorted(rows, key=lambda blob: (*rank.get(blob.sha256, (2, far)), blob.created_at))


# ------------------------------------------------------------------ sync state (settings)


def load_state(session: Session, key: str) -> dict[str, Any]:
    row = session.get(Setting, key)
    value: dict[str, Any] = json.loads(row.value) if row else {}
    return value


def save_state(session: Session, key: str, value: dict[str, Any]) -> None:
    row = session.get(Setting, key) or Setting(key=key, value="{}")
    row.value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    session.add(row)


COMMAND_BACKOFF_BASE = 5.0
COMMAND_BACKOFF_CAP = 900.0
_jitter = random.Random()


def backoff_until(now: datetime, attempts: int, *, rng: random.Random | None = None) -> datetime:
    """When a command that failed ``attempts`` times becomes due again: the same curve and
    jitter as the sync loop (sync.worker), per command, so a refused-then-offline command is
    never retried sooner than its own backoff, whoever runs the loop."""
    seconds = backoff_seconds(
        attempts, base=COMMAND_BACKOFF_BASE, cap=COMMAND_BACKOFF_CAP, rng=rng or _jitter
    )
    return now + timedelta(seconds=seconds)
