"""The server's audit chain of a dossier, built and checked with desk.domain.lifecycle's rules."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.domain.lifecycle import GENESIS_HASH, EventRecord, canonical_json, verify_chain
from sync.server.errors import Refused
from sync.server.tables import ServerDossier, ServerEvent


def instant_text(instant: datetime) -> str:
    return instant.astimezone(UTC).isoformat(timespec="microseconds")


def append_event(
    session: Session,
    dossier: ServerDossier,
    *,
    kind: str,
    at: datetime,
    from_status: int | None,
    to_status: int | None,
    payload: dict[str, Any],
) -> ServerEvent:
    record = EventRecord(
        dossier_id=dossier.id,
        seq=dossier.event_count + 1,
        at=instant_text(at),
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        officer_id=None,  # desk officers are local ids; the payload names the desk instead
        payload=canonical_json(payload),
        prev_hash=dossier.last_event_hash or GENESIS_HASH,
    )
    event = ServerEvent(
        dossier_id=dossier.id,
        seq=record.seq,
        at=at,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        payload=record.payload,
        prev_hash=record.prev_hash,
        hash=record.digest(),
    )
    session.add(event)
    dossier.event_count = record.seq
    dossier.last_event_hash = event.hash
    dossier.updated_at = at
    return event


def check_chain(session: Session, dossier: ServerDossier) -> None:
    """Re-verify the dossier's whole chain before changing it; a break refuses the change."""
    rows = session.scalars(
        select(ServerEvent).where(ServerEvent.dossier_id == dossier.id).order_by(ServerEvent.seq)
    ).all()
    pairs = [(_record(row), row.hash) for row in rows]
    head_ok = (rows[-1].hash if rows else "") == dossier.last_event_hash
    if verify_chain(pairs) or not head_ok or len(rows) != dossier.event_count:
        raise Refused(
            "Nhật ký của hồ sơ {code} trên máy chủ không toàn vẹn; thao tác chưa được ghi. "
            "Báo cho quản trị viên máy chủ.",
            reason_code="chain_broken",
            http_status=409,
            code=dossier.code,
        )


def _record(row: ServerEvent) -> EventRecord:
    return EventRecord(
        dossier_id=row.dossier_id,
        seq=row.seq,
        at=instant_text(row.at),
        kind=row.kind,
        from_status=row.from_status,
        to_status=row.to_status,
        officer_id=None,
        payload=row.payload,
        prev_hash=row.prev_hash,
    )
