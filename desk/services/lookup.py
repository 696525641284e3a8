"""Finding dossiers: by code (or the slip's QR), by ID number, by name without accents."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, column, literal_column
from sqlalchemy import text as sql_text
from sqlmodel import Session, col, func, select

from data.models import Dossier, DossierComponent, DossierEvent, DossierExtension
from desk.domain.codes import looks_like_dossier_code
from desk.domain.lifecycle import Action, Status, allowed_actions
from desk.domain.text import fold
from desk.domain.timefmt import VN_TZ, local_date
from desk.errors import InvalidInput, NotFound
from desk.services.calendar import calendar_for
from desk.services.context import ServiceContext
from desk.services.dossiers import find_dossier
from desk.services.settings import load_rules

SEARCH_LIMIT = 50
_ID_NUMBER = re.compile(r"^\d{9}$|^\d{12}$")
_DAY_AND_NUMBER = re.compile(r"^(\d{6})[-.\s]?(\d{1,4})$")
"""The end of a code as an officer reads it off a slip: "261203-0001" (YYMMDD-number)."""
_TODAYS_NUMBER = re.compile(r"^\d{1,4}$")
"""Today's number alone: "0001" or "1"."""


@dataclass(frozen=True)
class DossierSummary:
    code: str
    status: Status
    procedure_name: str
    owner_name: str
    received_at: datetime
    due_at: datetime | None


@dataclass(frozen=True)
class EventView:
    seq: int
    at: datetime
    kind: str
    from_status: int | None
    to_status: int | None
    officer_id: int | None
    payload: dict[str, object]


@dataclass(frozen=True)
class ComponentView:
    name: str
    required: bool
    originals: int
    certified: int
    copies: int
    provided: bool


@dataclass(frozen=True)
class DossierDetail:
    summary: DossierSummary
    procedure_code: str
    channel: str
    owner: dict[str, object]
    submitter: dict[str, object] | None
    original_due_at: datetime | None
    extended_due_at: datetime | None
    remaining_working_time: timedelta | None
    """Working time left until the appointment (negative when overdue; None when paused)."""
    components: tuple[ComponentView, ...]
    events: tuple[EventView, ...]
    allowed_actions: tuple[Action, ...]
    lookup_code: str
    delivery: str
    fee_amount: int
    finished_at: datetime | None
    returned_at: datetime | None


@dataclass(frozen=True)
class DeskCounts:
    received_today: int
    due_today: int
    overdue: int
    waiting_supplement: int
    ready_to_return: int


class LookupService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def by_code(self, code: str) -> DossierDetail:
        with self._context.db.read() as session:
            return self._detail(session, find_dossier(session, code))

    def by_id_number(self, id_number: str) -> list[DossierSummary]:
        number = "".join(id_number.split())
        if not _ID_NUMBER.match(number):
            raise InvalidInput("Số định danh cần 12 chữ số (hoặc 9 chữ số CMND cũ).")
        with self._context.db.read() as session:
            query = (
                select(Dossier)
                .where(
                    (col(Dossier.owner_id_number) == number)
                    | (col(Dossier.submitter_id_number) == number)
                )
                .order_by(col(Dossier.received_at).desc())
                .limit(SEARCH_LIMIT)
            )
            return [_summary(d) for d in session.exec(query).all()]

    def by_name(self, text: str) -> list[DossierSummary]:
        needle = fold(text)
        if len(needle) < 2:
            raise InvalidInput("Nhập ít nhất 2 ký tự của họ tên để tìm.")
        with self._context.db.read() as session:
            query = select(Dossier)
            if len(needle) >= 3:  # the trigram index answers without reading every dossier
                phrase = '"' + needle.replace('"', '""') + '"'
                matching = (
                    sql_text(
                        "SELECT rowid FROM dossier_name_fts WHERE dossier_name_fts MATCH :phrase"
                    )
                    .bindparams(phrase=phrase)
                    .columns(column("rowid"))
                )
                query = query.where(literal_column("dossier.rowid").in_(matching))
            else:
                query = query.where(
                    col(Dossier.owner_name_search).contains(needle, autoescape=True)
                )
            query = query.order_by(col(Dossier.received_at).desc()).limit(SEARCH_LIMIT)
            return [_summary(d) for d in session.exec(query).all()]

    def search(self, text: str) -> list[DossierSummary]:
        """One box for everything the officer may type or scan."""
        value = text.strip()
        if looks_like_dossier_code(value):
            try:
                return [self.by_code(value).summary]
            except NotFound:
                return []
        if _ID_NUMBER.match("".join(value.split())):
            return self.by_id_number(value)
        short = _DAY_AND_NUMBER.match(value)
        if short is not None:
            return self.by_day_and_number(short.group(1), int(short.group(2)))
        if _TODAYS_NUMBER.match(value):
            day = f"{local_date(self._context.now()):%y%m%d}"
            return self.by_day_and_number(day, int(value))
        return self.by_name(value)

    def by_day_and_number(self, yymmdd: str, number: int) -> list[DossierSummary]:
        """The dossiers whose code ends in ``-YYMMDD-NNNN`` (one per agency code; the office's
        own, and those synced from its other desks, share one)."""
        if not 1 <= number <= 9999:
            raise InvalidInput("Số thứ tự hồ sơ từ 0001 đến 9999.")
        suffix = f"-{yymmdd}-{number:04d}"
        with self._context.db.read() as session:
            query = (
                select(Dossier)
                .where(col(Dossier.code).endswith(suffix, autoescape=True))
                .order_by(col(Dossier.received_at).desc())
                .limit(SEARCH_LIMIT)
            )
            return [_summary(d) for d in session.exec(query).all()]

    def counts(self) -> DeskCounts:
        now = self._context.now()
        today = local_date(now)
        day_start = datetime.combine(today, datetime.min.time(), tzinfo=VN_TZ)
        day_end = day_start + timedelta(days=1)
        open_statuses = [int(Status.RECEIVED), int(Status.PROCESSING)]
        # An apology's new date is the one the citizen was given, so the desk counts by it.
        due = func.coalesce(col(Dossier.extended_due_at), col(Dossier.due_at))
        with self._context.db.read() as session:

            def count(*conditions: ColumnElement[bool]) -> int:
                query = select(func.count()).select_from(Dossier).where(*conditions)
                return session.exec(query).one()

            return DeskCounts(
                received_today=count(
                    col(Dossier.received_at) >= day_start, col(Dossier.received_at) < day_end
                ),
                due_today=count(
                    col(Dossier.status).in_(open_statuses),
                    due >= day_start,
                    due < day_end,
                ),
                overdue=count(col(Dossier.status).in_(open_statuses), due < now),
                waiting_supplement=count(col(Dossier.status) == int(Status.SUPPLEMENT_REQUESTED)),
                ready_to_return=count(col(Dossier.status) == int(Status.RESULT_READY)),
            )

    def _detail(self, session: Session, dossier: Dossier) -> DossierDetail:
        components = session.exec(
            select(DossierComponent)
            .where(col(DossierComponent.dossier_id) == dossier.id)
            .order_by(col(DossierComponent.position))
        ).all()
        events = session.exec(
            select(DossierEvent)
            .where(col(DossierEvent.dossier_id) == dossier.id)
            .order_by(col(DossierEvent.seq))
        ).all()
        status = Status(dossier.status)
        actions = tuple(allowed_actions(status))
        rules = load_rules(session)
        remaining = self._remaining(session, dossier)
        # Mẫu 04 says the dossier was not returned on time: only when it is late or about to
        # be (the office's notice), and while an apology may still move the date.
        about_late = remaining is not None and remaining <= timedelta(
            hours=rules.apology_notice_hours
        )
        if not about_late or _extensions_used(session, dossier) >= rules.max_extensions:
            actions = tuple(a for a in actions if a is not Action.APOLOGISE)
        return DossierDetail(
            summary=_summary(dossier),
            procedure_code=dossier.procedure_code,
            channel=dossier.channel,
            owner=_owner(dossier),
            submitter=json.loads(dossier.submitter_json) if dossier.submitter_json else None,
            original_due_at=dossier.original_due_at,
            extended_due_at=dossier.extended_due_at,
            remaining_working_time=remaining,
            components=tuple(
                ComponentView(c.name, c.required, c.originals, c.certified, c.copies, c.provided)
                for c in components
            ),
            events=tuple(
                EventView(
                    e.seq,
                    e.at,
                    e.kind,
                    e.from_status,
                    e.to_status,
                    e.officer_id,
                    json.loads(e.payload),
                )
                for e in events
            ),
            allowed_actions=actions,
            lookup_code=dossier.lookup_code,
            delivery=dossier.delivery,
            fee_amount=dossier.fee_amount,
            finished_at=dossier.finished_at,
            returned_at=dossier.returned_at,
        )

    def _remaining(self, session: Session, dossier: Dossier) -> timedelta | None:
        due = dossier.extended_due_at or dossier.due_at
        if due is None or dossier.paused_at is not None or dossier.finished_at is not None:
            return None
        now = self._context.now()
        calendar = calendar_for(session)
        if now <= due:
            return calendar.working_time_between(now, due)
        return -calendar.working_time_between(due, now)


def _extensions_used(session: Session, dossier: Dossier) -> int:
    return session.exec(
        select(func.count()).where(col(DossierExtension.dossier_id) == dossier.id)
    ).one()


def _summary(dossier: Dossier) -> DossierSummary:
    return DossierSummary(
        code=dossier.code,
        status=Status(dossier.status),
        procedure_name=dossier.procedure_name,
        owner_name=dossier.owner_name,
        received_at=dossier.received_at,
        due_at=dossier.extended_due_at or dossier.due_at,
    )


def _owner(dossier: Dossier) -> dict[str, object]:
    return {
        "kind": dossier.owner_kind,
        "full_name": dossier.owner_name,
        "id_number": dossier.owner_id_number,
        "date_of_birth": dossier.owner_date_of_birth.isoformat()
        if dossier.owner_date_of_birth
        else None,
        "sex": dossier.owner_sex,
        "address": dossier.owner_address,
        "phone": dossier.owner_phone,
        "email": dossier.owner_email,
    }
