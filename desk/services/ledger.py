"""Writes that accompany every state change, inside the caller's transaction:
the dossier's next audit event (hash-chained) and the outbox command for the server."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col, func, select
from uuid6 import uuid7

from data.models import Dossier, DossierEvent, Officer, OutboxCommand
from desk.domain.lifecycle import GENESIS_HASH, EventRecord, canonical_json
from desk.errors import NotFound

if TYPE_CHECKING:
    from sync.protocol import Payload

log = logging.getLogger("desk.ledger")
_PENDING_LOG = "desk_log_lines"


def log_after_commit(session: Session, message: str, *args: object) -> None:
    """Log ``message`` (codes and ids only, never a personal datum) once the transaction
    commits: a rolled-back action leaves no line saying it happened."""
    session.info.setdefault(_PENDING_LOG, []).append((message, args))


@sa_event.listens_for(OrmSession, "after_commit")
def _emit_committed(session: OrmSession) -> None:
    for message, args in session.info.pop(_PENDING_LOG, []):
        log.info(message, *args)


@sa_event.listens_for(OrmSession, "after_rollback")
def _drop_rolled_back(session: OrmSession) -> None:
    session.info.pop(_PENDING_LOG, None)


def instant_text(instant: datetime) -> str:
    """The form of an instant that is hashed: ISO 8601 UTC to the microsecond."""
    return instant.astimezone(UTC).isoformat(timespec="microseconds")


def wire_instant(instant: datetime | None) -> str | None:
    """Instants in payloads: ISO 8601 in UTC, whatever zone the caller's value carries."""
    return None if instant is None else instant.astimezone(UTC).isoformat()


def new_id() -> str:
    return str(uuid7())


def append_event(
    session: Session,
    dossier: Dossier,
    *,
    kind: str,
    at: datetime,
    from_status: int | None,
    to_status: int | None,
    officer_id: int | None,
    payload: dict[str, Any] | None = None,
) -> DossierEvent:
    """Add the next event of ``dossier``'s chain and move the dossier's chain head."""
    ensure_officer(session, officer_id)
    record = EventRecord(
        dossier_id=dossier.id,
        seq=dossier.event_count + 1,
        at=instant_text(at),
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        officer_id=officer_id,
        payload=canonical_json(payload or {}),
        prev_hash=dossier.last_event_hash or GENESIS_HASH,
    )
    digest = record.digest()
    event = DossierEvent(
        dossier_id=record.dossier_id,
        seq=record.seq,
        at=at,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        officer_id=officer_id,
        payload=record.payload,
        prev_hash=record.prev_hash,
        hash=digest,
    )
    session.add(event)
    log_after_commit(
        session, "dossier %s: %s (%s -> %s)", dossier.code, kind, from_status, to_status
    )
    dossier.event_count = record.seq
    dossier.last_event_hash = digest
    dossier.updated_at = at
    return event


def ensure_officer(session: Session, officer_id: int | None) -> None:
    """An unknown officer is a clear error, not a foreign-key failure at commit."""
    if officer_id is not None and session.get(Officer, officer_id) is None:
        raise NotFound("Không tìm thấy cán bộ mã {officer_id}.", officer_id=officer_id)


def record_of(event: DossierEvent) -> EventRecord:
    return EventRecord(
        dossier_id=event.dossier_id,
        seq=event.seq,
        at=instant_text(event.at),
        kind=event.kind,
        from_status=event.from_status,
        to_status=event.to_status,
        officer_id=event.officer_id,
        payload=event.payload,
        prev_hash=event.prev_hash,
    )


def enqueue_command(
    session: Session,
    *,
    desk_id: str,
    command_type: str,
    payload: Payload,
    at: datetime,
    dossier_id: str | None = None,
) -> OutboxCommand:
    """Queue a command for the server; its per-desk sequence is gap-free because the
    caller holds the write lock (BEGIN IMMEDIATE) until commit. ``payload`` is the typed
    wire payload (sync.protocol); it is stored as the JSON that will be sent and hashed."""
    from sync.protocol import payload_hash  # its models cost 0.12 s; `desk due` queues nothing

    last = session.exec(
        select(func.max(OutboxCommand.seq)).where(col(OutboxCommand.desk_id) == desk_id)
    ).one()
    wire = payload.wire()
    body = canonical_json(wire)
    command = OutboxCommand(
        command_id=new_id(),
        desk_id=desk_id,
        seq=(last or 0) + 1,
        type=command_type,
        dossier_id=dossier_id,
        payload=body,
        payload_hash=payload_hash(wire),
        state="pending",
        next_attempt_at=at,
        created_at=at,
    )
    session.add(command)
    log_after_commit(
        session, "command %s queued: %s seq %d", command.command_id, command_type, command.seq
    )
    return command
