"""Moving a server-side dossier through desk.domain.lifecycle — for desks and the back office."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.domain.lifecycle import Action, Status, transition_effects
from desk.errors import IllegalTransition
from sync.server.adapters import ProvinceAdapter
from sync.server.chain import append_event, check_chain
from sync.server.errors import Refused, not_found
from sync.server.tables import ServerDossier, ServerEvent


def dossier_for_change(
    session: Session, agency_code: str, *, dossier_id: str | None = None, code: str | None = None
) -> ServerDossier:
    """The dossier, locked for the rest of the transaction (FOR UPDATE on PostgreSQL), if it
    belongs to ``agency_code``; otherwise the same "not found" as an unknown one."""
    query = select(ServerDossier).with_for_update()
    if dossier_id is not None:
        query = query.where(ServerDossier.id == dossier_id)
    else:
        query = query.where(ServerDossier.code == (code or "").strip().upper())
    dossier = session.scalars(query).first()
    if dossier is None or dossier.agency_code != agency_code:
        raise not_found((code or "").strip().upper() or "?")
    return dossier


def transition(
    session: Session,
    dossier: ServerDossier,
    action: Action,
    *,
    at: datetime,
    adapter: ProvinceAdapter,
    event_payload: dict[str, Any],
    due_at: datetime | None = None,
) -> ServerEvent:
    """Apply ``action`` the way the desk does (same table, same refusal texts)."""
    check_chain(session, dossier)
    current = Status(dossier.status)
    before = Status(dossier.status_before_pause) if dossier.status_before_pause else None
    try:
        effects = transition_effects(action, current, status_before_pause=before)
    except IllegalTransition as error:
        raise Refused(
            "{reason}", reason_code="illegal_transition", http_status=409, reason=error.message
        ) from None
    target = effects.target
    # The server keeps no pause rows (the desk computes the clock); the rest is the same.
    dossier.status_before_pause = (
        int(effects.status_before_pause) if effects.status_before_pause is not None else None
    )
    if effects.finishes and dossier.finished_at is None:
        dossier.finished_at = at
    if due_at is not None:
        dossier.due_at = due_at
    dossier.status = int(target)
    event = append_event(
        session,
        dossier,
        kind=action.value,
        at=at,
        from_status=int(current),
        to_status=int(target),
        payload=event_payload,
    )
    session.flush()
    adapter.dossier_changed(session, dossier, event)
    return event
