"""Applying the server's change feed to the desk's dossiers, through the desk's lifecycle.

A pulled change is the back office's move (processing, supplement requested, result ready),
another desk's decision on an online dossier, or a new online dossier (created here with
status 1 for the online inbox, desk.services.online): the desk records it with the same
lifecycle rules and its own audit event, but queues NO command for it — the server already
has it. The cursor is saved in the same transaction as
the change (a follower stores its position with what it applied), so a cut in the middle
neither skips nor repeats a change. A change that the local dossier cannot take (the officer
withdrew it meanwhile …) is noted for the officer and the feed moves on.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import ValidationError
from sqlmodel import Session, col, select

from data.models import Blob, Dossier, DossierComponent, Procedure, RegisterCounter
from desk.domain.catalog import CatalogFile
from desk.domain.lifecycle import Action, Status
from desk.domain.notice import YearNotice
from desk.domain.text import fold, nfc
from desk.domain.timefmt import local_date
from desk.errors import IllegalTransition
from desk.services.calendar import write_notice
from desk.services.catalog import apply_catalog
from desk.services.dossiers import apply_effects, effects_of
from desk.services.feedback import record_from_portal
from desk.services.ledger import append_event
from desk.services.settings import load_office
from sync.outbox import load_state, save_state
from sync.protocol import (
    Change,
    ChangeKind,
    CitizenNotified,
    OnlineDossierCreated,
    PortalFeedbackReceived,
    ReferencePublished,
    StatusChanged,
    TypedChange,
    typed_change,
)

CURSOR_KEY = "sync.cursor"
NOTIFIED_EVENT = "citizen_notified"
NOTES_KEY = "sync.pull_notes"
MAX_NOTES = 200


def apply_change(session: Session, change: Change, now: datetime) -> bool:
    """Apply one change; True when the local dossier moved (or was created)."""
    try:
        typed = typed_change(change)
    except ValidationError:
        _note(session, change, "snapshot")  # a change this desk cannot read: noted, skipped
        return False
    if isinstance(typed, OnlineDossierCreated):
        return create_online_dossier(session, typed, now)
    if isinstance(typed, CitizenNotified):
        return record_notification(session, typed)
    if isinstance(typed, PortalFeedbackReceived):
        return record_from_portal(session, typed.snapshot)
    if isinstance(typed, ReferencePublished):
        return apply_reference(session, typed, now)
    return apply_status(session, typed)


def apply_status(session: Session, change: StatusChanged) -> bool:
    """A back-office move, or another desk's decision on an online dossier."""
    dossier = session.get(Dossier, change.dossier_id)
    if dossier is None or dossier.status == change.status:
        return False  # another desk's dossier, or already there (a repeated delivery)
    if change.desk_id is not None and change.desk_id == load_office(session).desk_id:
        return False  # this desk's own decision, echoed by the feed (it may have moved on)
    try:
        action = Action(change.action)
        effects = effects_of(dossier, action)
    except (ValueError, IllegalTransition) as error:
        _note(session, change, str(error) if isinstance(error, IllegalTransition) else "action")
        return False
    current, target = Status(dossier.status), effects.target
    if change.due is not None:  # another desk accepted an online dossier: its appointment
        dossier.due_at = change.due
        dossier.original_due_at = dossier.original_due_at or change.due
        dossier.clock_started_at = dossier.clock_started_at or change.at
    apply_effects(session, dossier, effects, change.at)
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


def apply_reference(session: Session, change: ReferencePublished, now: datetime) -> bool:
    """A catalogue or a year's holiday notice published by the server; a file this desk
    cannot read (a newer format) is noted for the officer, never half-applied."""
    try:
        if change.kind is ChangeKind.CATALOG_PUBLISHED:
            catalog = CatalogFile.model_validate(change.snapshot)
            apply_catalog(session, catalog, replace=change.note == "replace")
        else:
            write_notice(session, YearNotice.model_validate(change.snapshot), now)
    except ValidationError:
        _note(session, change, "reference data")
        return False
    return True


def record_notification(session: Session, change: CitizenNotified) -> bool:
    """The server told the citizen (or gave up): an event in the dossier's log, so the officer
    sees on the dossier whether the citizen was notified. The status does not change."""
    dossier = session.get(Dossier, change.dossier_id)
    if dossier is None:
        return False  # another desk's dossier
    append_event(
        session,
        dossier,
        kind=NOTIFIED_EVENT,
        at=change.at,
        from_status=dossier.status,
        to_status=dossier.status,
        officer_id=None,
        payload={
            "code": dossier.code,
            "about": change.action,
            "channel": change.note,
            "delivery": change.delivery,
            "source": "server",
        },
    )
    session.add(dossier)
    return True


def create_online_dossier(session: Session, change: OnlineDossierCreated, now: datetime) -> bool:
    """A dossier submitted online: create it at this desk with status 1 (Mới đăng ký), its
    components linked to the attachments the caller already downloaded into the blob store,
    and its own ``submit_online`` event. No command is queued: the server created it."""
    if session.get(Dossier, change.dossier_id) is not None:
        return False  # delivered again
    snapshot = change.snapshot
    taken = session.exec(select(Dossier).where(col(Dossier.code) == change.dossier_code)).first()
    procedure = session.exec(
        select(Procedure).where(col(Procedure.code) == snapshot.procedure_code)
    ).first()
    if taken is not None or procedure is None or procedure.id is None:
        _note(session, change, "code_taken" if taken is not None else "procedure_unknown")
        return False
    office = load_office(session)
    book, register_seq = _next_register_entry(session, change.at)
    owner_name = nfc(snapshot.owner_name)
    dossier = Dossier(
        id=change.dossier_id,
        code=change.dossier_code,
        agency_id=office.agency_id,
        desk_id=office.desk_id,  # this desk reviews it: its decisions are this desk's commands
        procedure_id=procedure.id,
        procedure_code=procedure.code,
        procedure_name=snapshot.procedure_name or procedure.name,
        sector=snapshot.sector or procedure.sector,
        case_key=snapshot.case_key,
        status=int(Status.SUBMITTED),
        channel="online",
        owner_kind=snapshot.owner_kind or "person",
        owner_name=owner_name,
        owner_name_search=fold(owner_name),
        owner_id_number=snapshot.owner_id_number or None,
        owner_date_of_birth=snapshot.owner_date_of_birth,
        owner_sex=snapshot.owner_sex or None,
        owner_address=snapshot.owner_address or None,
        owner_phone=snapshot.owner_phone or None,
        owner_email=snapshot.owner_email or None,
        submitter_json=snapshot.submitter_json or None,
        submitter_id_number=snapshot.submitter_id_number or None,
        summary=snapshot.summary or procedure.name,
        sets_count=snapshot.sets_count or 1,
        received_at=change.at,
        delivery=snapshot.delivery or "desk",
        delivery_address=snapshot.delivery_address or None,
        register_book=book,
        register_seq=register_seq,
        tracking_token=snapshot.tracking_token,
        lookup_code=snapshot.lookup_code,
        updated_at=now,
    )
    session.add(dossier)
    session.flush()
    for position, item in enumerate(snapshot.components):
        sha256 = item.blob_sha256
        session.add(
            DossierComponent(
                dossier_id=dossier.id,
                position=position,
                name=item.name,
                required=item.required,
                originals=item.originals,
                certified=item.certified,
                copies=item.copies,
                provided=sha256 is not None,
                note=item.file_name or None,
                blob_sha256=sha256 if sha256 and session.get(Blob, sha256) else None,
            )
        )
    append_event(
        session,
        dossier,
        kind=Action.SUBMIT_ONLINE.value,
        at=change.at,
        from_status=None,
        to_status=int(Status.SUBMITTED),
        officer_id=None,
        payload={"code": dossier.code, "source": "server", "attachments": change.attachments},
    )
    return True


def _next_register_entry(session: Session, at: datetime) -> tuple[str, int]:
    book = str(local_date(at).year)  # one Sổ theo dõi a year, as at intake
    counter = session.get(RegisterCounter, book) or RegisterCounter(book=book, last_seq=0)
    counter.last_seq += 1
    session.add(counter)
    return book, counter.last_seq


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


def _note(session: Session, change: Change | TypedChange, reason: str) -> None:
    """Remember a change that did not apply (dossier code and reason only, no personal data)."""
    notes = load_state(session, NOTES_KEY).get("notes", [])
    notes.append({"code": change.dossier_code, "action": change.action, "reason": reason})
    save_state(session, NOTES_KEY, {"notes": notes[-MAX_NOTES:]})
