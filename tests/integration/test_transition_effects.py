"""A move's effects (pause opened or closed with its kind, finish time) are decided once, in
desk.domain.lifecycle, and the desk, its pull of the feed and the server carry them out alike."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select

from data.models import Dossier, DossierPause
from desk.domain.lifecycle import (
    FINISHED_STATUSES,
    TRANSITIONS,
    Action,
    PauseKind,
    Status,
    transition_effects,
)
from desk.services.container import DeskServices
from desk.services.sync_pull import apply_change
from sync.protocol import Change, ChangeKind
from tests.conftest import FakeClock
from tests.helpers import dossier, receive


def _pauses(services: DeskServices, code: str) -> list[tuple[str, bool]]:
    """(kind, still open) of each pause of ``code``, oldest first."""
    with services.context.db.read() as session:
        row = session.exec(select(Dossier).where(col(Dossier.code) == code)).one()
        pauses = session.exec(
            select(DossierPause)
            .where(col(DossierPause.dossier_id) == row.id)
            .order_by(col(DossierPause.started_at))
        ).all()
        return [(pause.kind, pause.ended_at is None) for pause in pauses]


@pytest.mark.parametrize(
    ("action", "current", "kind"),
    [
        (Action.REQUEST_SUPPLEMENT, Status.RECEIVED, PauseKind.SUPPLEMENT),
        (Action.REQUEST_PAYMENT, Status.PROCESSING, PauseKind.PAYMENT),
        (Action.RECEIVE_INCOMPLETE, None, PauseKind.SUPPLEMENT),
    ],
)
def test_a_pause_opens_with_the_kind_of_the_status_it_leads_to(
    action: Action, current: Status | None, kind: PauseKind
) -> None:
    effects = transition_effects(action, current)
    assert effects.opens_pause is kind and not effects.closes_pause
    assert effects.status_before_pause == current  # where the dossier returns afterwards


def test_every_legal_move_closes_a_pause_exactly_when_it_leaves_one() -> None:
    paused = {Status.SUPPLEMENT_REQUESTED, Status.PAYMENT_REQUESTED}
    for action, targets in TRANSITIONS.items():
        for current in targets:
            effects = transition_effects(action, current, status_before_pause=Status.PROCESSING)
            left = current in paused and effects.target not in paused
            assert effects.closes_pause is left, (action, current)
            assert effects.finishes is (effects.target in FINISHED_STATUSES)
            if effects.target not in paused:
                assert effects.status_before_pause is None, (action, current)


def test_a_payment_pause_reported_by_the_server_is_a_payment_pause_on_the_desk(
    services: DeskServices, clock: FakeClock
) -> None:
    """The drift this fixes: the pull opened every pause as a supplement pause."""
    code = receive(services).code
    services.intake.hand_over(code, unit="Công chức Tư pháp - Hộ tịch")
    row = dossier(services, code)
    clock.advance(hours=2)
    moved = Change(
        kind=ChangeKind.DOSSIER_STATUS,
        dossier_id=row.id,
        dossier_code=code,
        action=Action.REQUEST_PAYMENT.value,
        status=int(Status.PAYMENT_REQUESTED),
        at=clock.now,
        desk_id="quay-khac",  # another counter's decision, as the feed carries it
    )
    with services.context.db.write() as session:
        assert apply_change(session, moved, clock.now)
    assert _pauses(services, code) == [(PauseKind.PAYMENT.value, True)]
    assert dossier(services, code).status_before_pause == Status.PROCESSING

    paid = moved.model_copy(
        update={
            "action": Action.PAYMENT_RECEIVED.value,
            "status": int(Status.PROCESSING),
            "at": clock.now + timedelta(hours=1),
        }
    )
    with services.context.db.write() as session:
        assert apply_change(session, paid, clock.now)
    after = dossier(services, code)
    assert _pauses(services, code) == [(PauseKind.PAYMENT.value, False)]
    assert after.status == Status.PROCESSING and after.status_before_pause is None


def test_refusing_a_dossier_waiting_for_papers_closes_its_pause_and_finishes_it(
    services: DeskServices, clock: FakeClock
) -> None:
    code = receive(services).code
    services.intake.request_supplement(code, items=["Bản sao"], reason="Thiếu bản sao")
    clock.advance(hours=1)
    services.intake.stop(code, reason="Công dân không bổ sung")
    row = dossier(services, code)
    assert _pauses(services, code) == [(PauseKind.SUPPLEMENT.value, False)]
    assert row.paused_at is None and row.status_before_pause is None
    assert row.finished_at is not None
