"""Applying the server's change feed to the desk's dossiers, through the desk's lifecycle.

A pulled change is the back office's move (processing, supplement requested, result ready):
the desk records it with the same lifecycle rules and its own audit event, but queues NO
command for it — the server already has it. The cursor is saved in the same transaction as
the change (a follower stores its position with what it applied), so a cut in the middle
neither skips nor repeats a change. A change that the local dossier cannot take (the officer
withdrew it meanwhile …) is noted for the officer and the feed moves on.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from data.models import Blob, Dossier
from desk.domain.lifecycle import FINISHED_STATUSES, PAUSED_STATUSES, Action, Status
from desk.errors import IllegalTransition
from desk.services.dossiers import check_action, close_pause, open_pause
from desk.services.ledger import append_event
from sync.outbox import load_state, save_state
from sync.protocol import Change

CURSOR_KEY = "sync.cursor"
NOTES_KEY = "sync.pull_notes"
MAX_NOTES = 200


def apply_change(session: Session, change: Change, now: datetime) -> bool:
    """Apply one change; True when the local dossier moved."""
    dossier = session.get(Dossier, change.dossier_id)
    if dossier is None or dossier.status == change.status:
        return False  # another desk's dossier, or already there (a repeated delivery)
    try:
        action = Action(change.action)
        target = check_action(dossier, action)
    except (ValueError, IllegalTransition) as error:
        _note(session, change, str(error) if isinstance(error, IllegalTransition) else "action")
        return False
    current = Status(dossier.status)
    if target in PAUSED_STATUSES and current not in PAUSED_STATUSES:
        open_pause(session, dossier, "supplement", change.at, resume_to=int(current))
    elif target not in PAUSED_STATUSES and dossier.paused_at is not None:
        close_pause(session, dossier, change.at)
        dossier.status_before_pause = None
    if target in FINISHED_STATUSES and dossier.finished_at is None:
        dossier.finished_at = change.at
    dossier.status = int(target)
    payload: dict[str, object] = {"code": dossier.code, "source": "server"}
    if change.note:
        payload["note"] = change.note
    if change.result_sha256:
        payload["result_sha256"] = change.result_sha256
    append_event(
        session,
        dossier,
        kind=action.value,
        at=change.at,
        from_status=int(current),
        to_status=int(target),
        officer_id=None,
        payload=payload,
    )
    session.add(dossier)
    return True


def save_cursor(session: Session, cursor: str) -> None:
    save_state(session, CURSOR_KEY, {"cursor": cursor})


def load_cursor(session: Session) -> str | None:
    value = load_state(session, CURSOR_KEY).get("cursor")
    return str(value) if value else None


def mark_uploaded(session: Session, sha256: str, now: datetime) -> None:
    """The server holds this blob (it sent it, or confirmed it has it)."""
    blob = session.get(Blob, sha256)
    if blob is not None:
        blob.uploaded_at = blob.uploaded_at or now
        session.add(blob)


def _note(session: Session, change: Change, reason: str) -> None:
    """Remember a change that did not apply (dossier code and reason only, no personal data)."""
    notes = load_state(session, NOTES_KEY).get("notes", [])
    notes.append({"code": change.dossier_code, "action": change.action, "reason": reason})
    save_state(session, NOTES_KEY, {"notes": notes[-MAX_NOTES:]})
