"""The online inbox (hồ sơ nộp trực tuyến): review within 8 working hours, then decide.

Online dossiers arrive by pull with status 1 (desk.services.sync_pull). The officer checks
the uploaded files and accepts (status 2: the legal clock starts at acceptance, the
appointment comes from the working calendar, Mẫu 01 becomes printable and the server sends
the citizen the receipt), asks for a supplement with the full list in one go (status 5), or
refuses with the reason (status 3). Each decision is an outbox command like any other.

The review limit is ``OfficeRules.online_review_hours`` working hours from submission,
counted from the next session start when the dossier came after hours or on a day off
(DOMAIN §4.2, §11.3).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from data.models import Dossier, DossierComponent
from desk.domain.calendar import DueRule, DurationUnit, WorkingCalendar
from desk.domain.lifecycle import Action, Status
from desk.errors import InvalidInput
from desk.services.calendar import calendar_for
from desk.services.catalog import procedure_view
from desk.services.context import ServiceContext
from desk.services.dossiers import (
    apply_action,
    check_action,
    due_rule_for,
    find_dossier,
    start_clock,
)
from desk.services.intake import IntakeService
from desk.services.ledger import ensure_officer, wire_instant
from desk.services.return_papers import notice_fields
from desk.services.settings import load_rules

ONLINE = "online"


@dataclass(frozen=True)
class InboxItem:
    code: str
    procedure_code: str
    procedure_name: str
    owner_name: str
    submitted_at: datetime
    review_due: datetime
    """When the officer must have accepted or sent it back (N working hours)."""
    working_time_left: timedelta
    """Working time until ``review_due``; negative (the working time past it) when overdue."""
    overdue: bool
    components: int
    attachments: int
    missing_required: tuple[str, ...]
    """Required components without an uploaded file: accept is refused until supplemented."""


@dataclass(frozen=True)
class AcceptResult:
    code: str
    status: Status
    accepted_at: datetime
    due_at: datetime


class OnlineService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context
        self._intake = IntakeService(context)

    def inbox(self) -> list[InboxItem]:
        """Online dossiers awaiting review, the oldest first."""
        now = self._context.now()
        with self._context.db.read() as session:
            calendar = calendar_for(session)
            rule = DueRule(DurationUnit.WORKING_HOURS, load_rules(session).online_review_hours)
            rows = session.exec(
                select(Dossier)
                .where(col(Dossier.status) == int(Status.SUBMITTED))
                .where(col(Dossier.channel) == ONLINE)
                .order_by(col(Dossier.received_at), col(Dossier.code))
            ).all()
            return [_item(session, row, calendar, rule, now) for row in rows]

    def accept(self, code: str, *, officer_id: int | None = None) -> AcceptResult:
        """Status 2; the appointment runs from now. Refused while a required component has
        no uploaded file: the officer must request a supplement instead."""
        now = self._context.now()
        with self._context.db.write() as session:
            dossier = _online(session, code)
            check_action(dossier, Action.ACCEPT)
            ensure_officer(session, officer_id)
            missing = _missing_required(_components(session, dossier))
            if missing:
                raise InvalidInput(
                    "Hồ sơ {code} chưa có tệp của thành phần bắt buộc: {missing}. Chưa tiếp nhận "
                    "được; hãy yêu cầu bổ sung, hoàn thiện hồ sơ (liệt kê đủ các thành phần "
                    "còn thiếu trong một lần).",
                    code=dossier.code,
                    missing="; ".join(missing),
                )
            case = procedure_view(session, dossier.procedure_code).case(dossier.case_key or None)
            rule = due_rule_for(case, load_rules(session).same_day_cutoff)
            start_clock(dossier, calendar_for(session).compute_due(rule, now), origin=now)
            dossier.case_key = case.key
            dossier.fee_amount = case.fee
            dossier.received_by = officer_id
            status = apply_action(
                session,
                dossier,
                Action.ACCEPT,
                at=now,
                officer_id=officer_id,
                payload={
                    "due": wire_instant(dossier.due_at),
                    "submitted_at": wire_instant(dossier.received_at),
                    **notice_fields(session, dossier),
                },
            )
            assert dossier.due_at is not None
            return AcceptResult(dossier.code, status, now, dossier.due_at)

    def request_supplement(
        self, code: str, *, items: Sequence[str], reason: str, officer_id: int | None = None
    ) -> Status:
        """Status 5 with the list of what to supplement and why (Mẫu 02)."""
        self._check_in_inbox(code)
        return self._intake.request_supplement(
            code, items=items, reason=reason, officer_id=officer_id
        )

    def refuse(self, code: str, *, reason: str, officer_id: int | None = None) -> Status:
        """Status 3 with the reason (Mẫu 03)."""
        self._check_in_inbox(code)
        return self._intake.refuse(code, reason=reason, officer_id=officer_id)

    def _check_in_inbox(self, code: str) -> None:
        with self._context.db.read() as session:
            check_action(_online(session, code), Action.ACCEPT)  # i.e. still status 1


def _online(session: Session, code: str) -> Dossier:
    dossier = find_dossier(session, code)
    if dossier.channel != ONLINE:
        raise InvalidInput(
            "Hồ sơ {code} không phải hồ sơ nộp trực tuyến; dùng các lệnh tiếp nhận tại quầy.",
            code=dossier.code,
        )
    return dossier


def _components(session: Session, dossier: Dossier) -> list[DossierComponent]:
    return list(
        session.exec(
            select(DossierComponent)
            .where(col(DossierComponent.dossier_id) == dossier.id)
            .order_by(col(DossierComponent.position))
        ).all()
    )


def _missing_required(components: Sequence[DossierComponent]) -> tuple[str, ...]:
    return tuple(c.name for c in components if c.required and c.blob_sha256 is None)


def _item(
    session: Session, row: Dossier, calendar: WorkingCalendar, rule: DueRule, now: datetime
) -> InboxItem:
    due = calendar.compute_due(rule, row.received_at).due
    overdue = now > due
    left = (
        -calendar.working_time_between(due, now)
        if overdue
        else calendar.working_time_between(now, due)
    )
    components = _components(session, row)
    return InboxItem(
        code=row.code,
        procedure_code=row.procedure_code,
        procedure_name=row.procedure_name,
        owner_name=row.owner_name,
        submitted_at=row.received_at,
        review_due=due,
        working_time_left=left,
        overdue=overdue,
        components=len(components),
        attachments=sum(1 for c in components if c.blob_sha256 is not None),
        missing_required=_missing_required(components),
    )
