"""Loading a dossier for a change, applying a lifecycle action, and recomputing its due."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, time
from typing import Any

from sqlmodel import Session, col, select

from data.models import Dossier, DossierPause, Procedure
from desk.domain.calendar import DueResult, DueRule, DurationUnit, WorkingCalendar
from desk.domain.catalog import CaseSpec
from desk.domain.codes import parse_dossier_code
from desk.domain.lifecycle import (
    Action,
    PauseKind,
    Status,
    TransitionEffects,
    transition_effects,
)
from desk.errors import NotFound
from desk.services.ledger import append_event, enqueue_command


def find_dossier(session: Session, code: str) -> Dossier:
    text = code.strip().upper()
    parse_dossier_code(text)  # a typo gets a shape error, not "not found"
    dossier = session.exec(select(Dossier).where(col(Dossier.code) == text)).first()
    if dossier is None:
        raise NotFound("Không tìm thấy hồ sơ mã {code}.", code=text)
    return dossier


def due_rule_for(case: CaseSpec, default_cutoff: time) -> DueRule:
    unit = DurationUnit(case.unit)
    cutoff = (case.cutoff or default_cutoff) if unit is DurationUnit.SAME_DAY else None
    return DueRule(unit=unit, amount=case.duration, cutoff=cutoff)


def closed_pauses(session: Session, dossier: Dossier) -> list[tuple[datetime, datetime]]:
    """Pauses that end after the clock last started; the clock ignores earlier ones.

    A pause that began before the clock start (e.g. a supplement requested on the day off on
    which the dossier was received) still stops the clock for the part after it.
    """
    rows = session.exec(
        select(DossierPause)
        .where(col(DossierPause.dossier_id) == dossier.id)
        .where(col(DossierPause.ended_at).is_not(None))
    ).all()
    start = dossier.clock_started_at
    return [
        (row.started_at, row.ended_at)
        for row in rows
        if row.ended_at is not None and (start is None or row.ended_at > start)
    ]


def start_clock(dossier: Dossier, result: DueResult, *, origin: datetime) -> None:
    """Record a (re)started count. ``origin`` is the unrounded instant the count runs from
    (receipt, or completion of a supplement): calendar-day rules add days to it, so the
    rounded session start in ``result`` must not replace it."""
    dossier.clock_started_at = origin
    dossier.due_at = result.due
    dossier.due_rule = _rule_json(result.rule)
    dossier.calendar_version = result.calendar_version
    if dossier.original_due_at is None:
        dossier.original_due_at = result.due


def recompute_due(
    session: Session,
    dossier: Dossier,
    calendar: WorkingCalendar,
    *,
    now: datetime,
    restart: bool,
) -> None:
    """After a pause ends: restart the count from ``now`` or resume it (R8)."""
    if dossier.due_rule is None:
        return
    rule = DueRule.from_dict(_rule_dict(dossier.due_rule))
    if restart or dossier.clock_started_at is None:
        start_clock(dossier, calendar.compute_due(rule, now), origin=now)
        return
    pauses: Sequence[tuple[datetime, datetime]] = closed_pauses(session, dossier)
    result = calendar.compute_due(rule, dossier.clock_started_at, pauses)
    dossier.due_at = result.due
    dossier.calendar_version = result.calendar_version


def supplement_restarts(session: Session, dossier: Dossier) -> bool:
    procedure = session.get(Procedure, dossier.procedure_id)
    return procedure is None or procedure.supplement_mode == "restart"


def check_action(dossier: Dossier, action: Action) -> Status:
    """The status ``action`` would lead to; raises IllegalTransition before anything changes."""
    return effects_of(dossier, action).target


def effects_of(dossier: Dossier, action: Action) -> TransitionEffects:
    """The domain's verdict on ``action`` for this dossier (IllegalTransition when illegal)."""
    before_pause = Status(dossier.status_before_pause) if dossier.status_before_pause else None
    return transition_effects(action, Status(dossier.status), status_before_pause=before_pause)


def apply_effects(
    session: Session, dossier: Dossier, effects: TransitionEffects, at: datetime
) -> None:
    """Carry out a move's effects: the status, the pause row opened or closed, the finish."""
    if effects.opens_pause is not None:
        open_pause(session, dossier, effects.opens_pause, at, resume_to=effects.status_before_pause)
    elif effects.closes_pause:
        close_pause(session, dossier, at)
    dossier.status_before_pause = (
        int(effects.status_before_pause) if effects.status_before_pause is not None else None
    )
    if effects.finishes and dossier.finished_at is None:
        dossier.finished_at = at
    dossier.status = int(effects.target)


def apply_action(
    session: Session,
    dossier: Dossier,
    action: Action,
    *,
    at: datetime,
    officer_id: int | None,
    payload: dict[str, Any] | None = None,
) -> Status:
    """Move ``dossier`` through the lifecycle and write its event and outbox command."""
    current = Status(dossier.status)
    effects = effects_of(dossier, action)
    target = effects.target
    from sync.protocol import move_payload  # the wire's models load only when a move happens

    apply_effects(session, dossier, effects, at)
    body = {"code": dossier.code, **(payload or {})}
    append_event(
        session,
        dossier,
        kind=action.value,
        at=at,
        from_status=int(current),
        to_status=int(target),
        officer_id=officer_id,
        payload=body,
    )
    enqueue_command(
        session,
        desk_id=dossier.desk_id,
        command_type=f"dossier.{action.value}",
        payload=move_payload(action.value, {**body, "status": int(target), "at": at}),
        at=at,
        dossier_id=dossier.id,
    )
    session.add(dossier)
    return target


def open_pause(
    session: Session,
    dossier: Dossier,
    kind: PauseKind,
    at: datetime,
    *,
    resume_to: int | None,
) -> None:
    """Stop the clock; ``resume_to`` is the status to return to when the pause ends."""
    dossier.paused_at = at
    dossier.status_before_pause = resume_to
    session.add(DossierPause(dossier_id=dossier.id, kind=kind.value, started_at=at))


def close_pause(session: Session, dossier: Dossier, at: datetime) -> None:
    pause = session.exec(
        select(DossierPause)
        .where(col(DossierPause.dossier_id) == dossier.id)
        .where(col(DossierPause.ended_at).is_(None))
    ).first()
    if pause is not None:
        pause.ended_at = at
        session.add(pause)
    dossier.paused_at = None


def _rule_json(rule: DueRule) -> str:
    return json.dumps(rule.to_dict(), sort_keys=True)


def _rule_dict(text: str) -> dict[str, Any]:
    value = json.loads(text)
    assert isinstance(value, dict)
    return value
