"""Intake (tiếp nhận): receive a dossier, and the actions around it before processing.

receive() writes the code, the appointment, the dossier, its components, the audit event
and the outbox command in ONE transaction: after a power cut either all of it exists or
none of it does, and no code is ever handed out twice.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlmodel import Session, col, select

from data.models import (
    Agency,
    CodeCounter,
    Dossier,
    DossierComponent,
    Procedure,
    RegisterCounter,
)
from desk.domain.codes import format_dossier_code
from desk.domain.entry import (
    MAX_ADDRESS_LENGTH,
    MAX_LINE_LENGTH,
    MAX_NOTE_LENGTH,
    checked_optional,
    checked_text,
)
from desk.domain.lifecycle import Action, PauseKind, Status
from desk.domain.person import Person
from desk.domain.text import fold, nfc
from desk.domain.timefmt import local_date
from desk.domain.tracking import lookup_code, tracking_token, tracking_url
from desk.errors import InvalidInput
from desk.services.calendar import calendar_for
from desk.services.catalog import ProcedureView, procedure_view
from desk.services.context import ServiceContext
from desk.services.dossiers import (
    apply_action,
    check_action,
    close_pause,
    due_rule_for,
    find_dossier,
    open_pause,
    recompute_due,
    start_clock,
    supplement_restarts,
)
from desk.services.ledger import (
    append_event,
    enqueue_command,
    ensure_officer,
    new_id,
    wire_instant,
)
from desk.services.return_papers import return_papers
from desk.services.settings import OfficeView, load_office, load_rules
from sync.protocol import ComponentRecord, DossierCreated

CHANNELS = ("direct", "online", "postal")
DELIVERIES = ("desk", "postal")


@dataclass(frozen=True)
class ComponentInput:
    name: str
    required: bool = True
    originals: int = 1
    certified: int = 0
    copies: int = 0
    provided: bool = True
    note: str | None = None


@dataclass(frozen=True)
class ReceiveRequest:
    procedure_code: str
    owner: Person
    components: Sequence[ComponentInput] | None = None
    """None records one bản chính of each required component of the catalogue."""
    case_key: str | None = None
    submitter: Person | None = None
    channel: str = "direct"
    delivery: str = "desk"
    delivery_address: str | None = None
    sets_count: int = 1
    summary: str | None = None
    notes: str | None = None
    officer_id: int | None = None
    allow_incomplete: bool = False
    """Record a dossier with missing required papers (status 5, Mẫu 02) instead of refusing."""


@dataclass(frozen=True)
class ReceiveResult:
    dossier_id: str
    code: str
    status: Status
    received_at: datetime
    due_at: datetime | None
    lookup_code: str
    tracking_url: str | None
    missing: tuple[str, ...] = field(default=())


class IntakeService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def receive(self, request: ReceiveRequest) -> ReceiveResult:
        owner, submitter = _validated_people(request)
        request = _checked_texts(request)
        _check_options(request)
        now = self._context.now()
        with self._context.db.write() as session:
            office = load_office(session)
            ensure_officer(session, request.officer_id)
            procedure = procedure_view(session, request.procedure_code)
            case = procedure.case(request.case_key)
            components = _components(procedure, request.components)
            missing = tuple(c.name for c in components if c.required and not c.provided)
            if missing and not request.allow_incomplete:
                raise InvalidInput(
                    "Hồ sơ còn thiếu thành phần bắt buộc: {missing}. Lập Phiếu yêu cầu bổ sung, "
                    "hoàn thiện hồ sơ (Mẫu 02) thay cho Giấy tiếp nhận.",
                    missing="; ".join(missing),
                )
            dossier = _new_dossier(session, office, procedure, request, owner, submitter, now)
            dossier.fee_amount = case.fee
            action = Action.RECEIVE_INCOMPLETE if missing else Action.RECEIVE
            if missing:
                dossier.status = int(Status.SUPPLEMENT_REQUESTED)
            else:
                rule = due_rule_for(case, load_rules(session).same_day_cutoff)
                start_clock(dossier, calendar_for(session).compute_due(rule, now), origin=now)
                dossier.status = int(Status.RECEIVED)
            dossier.case_key = case.key
            session.add(dossier)
            session.flush()
            _add_components(session, dossier.id, components)
            if missing:
                open_pause(session, dossier, PauseKind.SUPPLEMENT, now, resume_to=None)
            _record_creation(session, dossier, action, now, request.officer_id, missing)
            return _result(dossier, office, missing)

    def appointment_now(self, procedure_code: str, case_key: str | None = None) -> datetime:
        """The appointment a complete dossier of this case received now would get, computed as
        receive() does: the officer tells the citizen before committing."""
        now = self._context.now()
        with self._context.db.read() as session:
            case = procedure_view(session, procedure_code).case(case_key)
            rule = due_rule_for(case, load_rules(session).same_day_cutoff)
            return calendar_for(session).compute_due(rule, now).due

    def request_supplement(
        self, code: str, *, items: Sequence[str], reason: str, officer_id: int | None = None
    ) -> Status:
        checked = [_note(item, "Nội dung bổ sung") for item in items]
        reason = _note(reason, "Lý do")
        wanted = [item for item in checked if item]
        if not wanted:
            raise InvalidInput("Cần ghi rõ ít nhất một nội dung phải bổ sung, hoàn thiện.")
        if not nfc(reason):
            raise InvalidInput("Cần ghi rõ lý do yêu cầu bổ sung.")
        payload: dict[str, object] = {"items": wanted, "reason": nfc(reason)}
        return self._start_pause(code, Action.REQUEST_SUPPLEMENT, payload, officer_id)

    def supplement_received(self, code: str, *, officer_id: int | None = None) -> Status:
        return self._end_pause(code, Action.SUPPLEMENT_RECEIVED, officer_id)

    def request_payment(
        self, code: str, *, amount: int, note: str = "", officer_id: int | None = None
    ) -> Status:
        """Status 6: the citizen must pay a financial obligation; the clock pauses (R8)."""
        if amount <= 0:
            raise InvalidInput("Số tiền nghĩa vụ tài chính phải lớn hơn 0.")
        note = _note(note, "Ghi chú")
        payload: dict[str, object] = {"amount": amount, "note": nfc(note)}
        return self._start_pause(code, Action.REQUEST_PAYMENT, payload, officer_id)

    def payment_received(self, code: str, *, officer_id: int | None = None) -> Status:
        return self._end_pause(code, Action.PAYMENT_RECEIVED, officer_id)

    def _start_pause(
        self,
        code: str,
        action: Action,
        payload: dict[str, object],
        officer_id: int | None,
    ) -> Status:
        """Stop the clock; the status left is where the dossier returns when the pause ends."""
        now = self._context.now()
        with self._context.db.write() as session:
            dossier = find_dossier(session, code)
            return apply_action(  # the domain opens the pause of the status it leads to
                session, dossier, action, at=now, officer_id=officer_id, payload=payload
            )

    def _end_pause(self, code: str, action: Action, officer_id: int | None) -> Status:
        """Close the pause, recompute the appointment, then record the action with the new
        due in its event and outbox command (so the server learns the new date too)."""
        now = self._context.now()
        with self._context.db.write() as session:
            dossier = find_dossier(session, code)
            target = check_action(dossier, action)
            close_pause(session, dossier, now)
            if target is not Status.SUBMITTED:
                if action is Action.PAYMENT_RECEIVED:  # a financial obligation always pauses
                    recompute_due(session, dossier, calendar_for(session), now=now, restart=False)
                else:
                    self._restart_or_resume(session, dossier, now)
            status = apply_action(
                session,
                dossier,
                action,
                at=now,
                officer_id=officer_id,
                payload={"due": wire_instant(dossier.due_at)},
            )
            return status

    def refuse(self, code: str, *, reason: str, officer_id: int | None = None) -> Status:
        return self._simple(code, Action.REFUSE, officer_id, reason=reason, required=True)

    def withdraw(self, code: str, *, reason: str = "", officer_id: int | None = None) -> Status:
        return self._simple(code, Action.WITHDRAW, officer_id, reason=reason)

    def stop(self, code: str, *, reason: str, officer_id: int | None = None) -> Status:
        return self._simple(code, Action.STOP, officer_id, reason=reason, required=True)

    def hand_over(self, code: str, *, unit: str, officer_id: int | None = None) -> Status:
        unit = checked_text(unit, "Tên đơn vị", limit=MAX_LINE_LENGTH)
        if not nfc(unit):
            raise InvalidInput("Cần ghi tên đơn vị nhận hồ sơ để xử lý.")
        now = self._context.now()
        with self._context.db.write() as session:
            dossier = find_dossier(session, code)
            return apply_action(
                session,
                dossier,
                Action.HAND_OVER,
                at=now,
                officer_id=officer_id,
                payload={"unit": nfc(unit)},
            )

    def result_ready(self, code: str, *, note: str = "", officer_id: int | None = None) -> Status:
        return self._simple(code, Action.RESULT_READY, officer_id, reason=note)

    def _simple(
        self,
        code: str,
        action: Action,
        officer_id: int | None,
        *,
        reason: str,
        required: bool = False,
    ) -> Status:
        text = _note(reason, "Lý do")
        if required and not text:
            raise InvalidInput("Cần ghi rõ lý do để {action}.", action=action.label)
        now = self._context.now()
        with self._context.db.write() as session:
            dossier = find_dossier(session, code)
            return apply_action(
                session,
                dossier,
                action,
                at=now,
                officer_id=officer_id,
                payload={"reason": text} if text else None,
            )

    def _restart_or_resume(self, session: Session, dossier: Dossier, now: datetime) -> None:
        calendar = calendar_for(session)
        if dossier.due_rule is None:  # incomplete at intake: the clock starts now
            procedure = procedure_view(session, dossier.procedure_code)
            rule = due_rule_for(
                procedure.case(dossier.case_key), load_rules(session).same_day_cutoff
            )
            start_clock(dossier, calendar.compute_due(rule, now), origin=now)
            return
        restart = supplement_restarts(session, dossier)
        recompute_due(session, dossier, calendar, now=now, restart=restart)


def _validated_people(request: ReceiveRequest) -> tuple[Person, Person | None]:
    owner = request.owner.validated("chủ hồ sơ")
    submitter = request.submitter.validated("người nộp hồ sơ") if request.submitter else None
    return owner, submitter


def _note(value: str, field: str) -> str:
    return checked_text(value, field, limit=MAX_NOTE_LENGTH, multiline=True)


def _checked_texts(request: ReceiveRequest) -> ReceiveRequest:
    """The request with every free text checked (control characters, length) and in NFC,
    before anything is written."""
    components = (
        None
        if request.components is None
        else [
            replace(
                c,
                name=checked_text(c.name, "Tên thành phần hồ sơ", limit=MAX_LINE_LENGTH),
                note=checked_optional(
                    c.note, "Ghi chú thành phần hồ sơ", limit=MAX_NOTE_LENGTH, multiline=True
                ),
            )
            for c in request.components
        ]
    )
    checked_optional(request.case_key, "Trường hợp", limit=MAX_LINE_LENGTH)
    return replace(
        request,
        components=components,
        delivery_address=checked_optional(
            request.delivery_address, "Địa chỉ nhận kết quả", limit=MAX_ADDRESS_LENGTH
        ),
        summary=checked_optional(
            request.summary, "Trích yếu", limit=MAX_NOTE_LENGTH, multiline=True
        ),
        notes=checked_optional(request.notes, "Ghi chú", limit=MAX_NOTE_LENGTH, multiline=True),
    )


def _check_options(request: ReceiveRequest) -> None:
    if request.channel not in CHANNELS:
        raise InvalidInput("Kênh tiếp nhận không hợp lệ: {value}.", value=request.channel)
    if request.delivery not in DELIVERIES:
        raise InvalidInput("Hình thức nhận kết quả không hợp lệ: {value}.", value=request.delivery)
    if request.delivery == "postal" and not nfc(request.delivery_address or ""):
        raise InvalidInput("Nhận kết quả qua bưu chính cần địa chỉ nhận.")
    if not 1 <= request.sets_count <= 99:
        raise InvalidInput("Số bộ hồ sơ phải từ 1 đến 99.")


def _components(
    procedure: ProcedureView, given: Sequence[ComponentInput] | None
) -> list[ComponentInput]:
    if given is None:
        return [
            ComponentInput(name=c.name, required=c.required, originals=1, provided=True)
            for c in procedure.components
            if c.required
        ]
    known = {c.name: c for c in procedure.components}
    result = [
        ComponentInput(
            name=nfc(c.name),
            required=known[nfc(c.name)].required if nfc(c.name) in known else c.required,
            originals=c.originals,
            certified=c.certified,
            copies=c.copies,
            provided=c.provided and (c.originals + c.certified + c.copies) > 0,
            note=c.note,
        )
        for c in given
    ]
    for component in result:
        if min(component.originals, component.certified, component.copies) < 0:
            raise InvalidInput(
                "Số lượng bản của thành phần '{name}' không được âm.", name=component.name
            )
    listed = {c.name for c in result}
    result += [
        ComponentInput(name=c.name, required=True, originals=0, provided=False)
        for c in procedure.components
        if c.required and c.name not in listed
    ]
    return result


def _new_dossier(
    session: Session,
    office: OfficeView,
    procedure: ProcedureView,
    request: ReceiveRequest,
    owner: Person,
    submitter: Person | None,
    now: datetime,
) -> Dossier:
    day = local_date(now)
    seq = _next_sequence(session, office, day)
    code = format_dossier_code(office.agency_code, day, seq)
    secret = _secret(session, office.agency_id)
    book, register_seq = _next_register_entry(session, day)
    return Dossier(
        id=new_id(),
        code=code,
        agency_id=office.agency_id,
        desk_id=office.desk_id,
        procedure_id=_procedure_id(session, procedure.code),
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        sector=procedure.sector,
        case_key="",
        status=0,
        channel=request.channel,
        owner_kind=owner.kind,
        owner_name=owner.full_name,
        owner_name_search=fold(owner.full_name),
        owner_id_number=owner.id_number,
        owner_date_of_birth=owner.date_of_birth,
        owner_sex=owner.sex,
        owner_address=owner.address,
        owner_phone=owner.phone,
        owner_email=owner.email,
        submitter_json=json.dumps(submitter.to_json(), ensure_ascii=False) if submitter else None,
        submitter_id_number=submitter.id_number if submitter else None,
        summary=nfc(request.summary or procedure.name),
        sets_count=request.sets_count,
        received_at=now,
        received_by=request.officer_id,
        delivery=request.delivery,
        delivery_address=nfc(request.delivery_address or "") or None,
        notes=nfc(request.notes or "") or None,
        register_book=book,
        register_seq=register_seq,
        tracking_token=tracking_token(secret, code),
        lookup_code=lookup_code(secret, code),
        updated_at=now,
    )


def _next_sequence(session: Session, office: OfficeView, day: date) -> int:
    counter = session.get(CodeCounter, (office.agency_id, office.desk_id, day))
    seq = office.desk_range.next_after(counter.last_seq if counter else None)
    if counter is None:
        counter = CodeCounter(
            agency_id=office.agency_id, desk_id=office.desk_id, day=day, last_seq=seq
        )
    counter.last_seq = seq
    session.add(counter)
    return seq


def _next_register_entry(session: Session, day: date) -> tuple[str, int]:
    book = str(day.year)  # one Sổ theo dõi a year; Quyển số is the year
    counter = session.get(RegisterCounter, book) or RegisterCounter(book=book, last_seq=0)
    counter.last_seq += 1
    session.add(counter)
    return book, counter.last_seq


def _secret(session: Session, agency_id: int) -> bytes:
    agency = session.get(Agency, agency_id)
    assert agency is not None
    return agency.tracking_secret


def _procedure_id(session: Session, code: str) -> int:
    row = session.exec(select(Procedure).where(col(Procedure.code) == code)).one()
    assert row.id is not None
    return row.id


def _add_components(session: Session, dossier_id: str, components: list[ComponentInput]) -> None:
    for position, component in enumerate(components):
        session.add(
            DossierComponent(
                dossier_id=dossier_id,
                position=position,
                name=component.name,
                required=component.required,
                originals=component.originals,
                certified=component.certified,
                copies=component.copies,
                provided=component.provided,
                note=component.note,
            )
        )


def _record_creation(
    session: Session,
    dossier: Dossier,
    action: Action,
    now: datetime,
    officer_id: int | None,
    missing: tuple[str, ...],
) -> None:
    payload = {
        "code": dossier.code,
        "procedure": dossier.procedure_code,
        "case": dossier.case_key,
        "due": wire_instant(dossier.due_at),
        "missing": list(missing),
    }
    append_event(
        session,
        dossier,
        kind=action.value,
        at=now,
        from_status=None,
        to_status=dossier.status,
        officer_id=officer_id,
        payload=payload,
    )
    enqueue_command(
        session,
        desk_id=dossier.desk_id,
        command_type=f"dossier.{action.value}",
        payload=dossier_snapshot(session, dossier),
        at=now,
        dossier_id=dossier.id,
    )


def dossier_snapshot(session: Session, dossier: Dossier) -> DossierCreated:
    """Everything the server needs to create the dossier on its side, field by field (a new
    column of the desk's table does not reach the wire unless it is added here)."""
    components = session.exec(
        select(DossierComponent)
        .where(col(DossierComponent.dossier_id) == dossier.id)
        .order_by(col(DossierComponent.position))
    ).all()
    notice = return_papers(session, dossier)
    return DossierCreated(
        id=dossier.id,
        code=dossier.code,
        agency_id=dossier.agency_id,
        desk_id=dossier.desk_id,
        procedure_id=dossier.procedure_id,
        procedure_code=dossier.procedure_code,
        procedure_name=dossier.procedure_name,
        sector=dossier.sector,
        case_key=dossier.case_key,
        status=dossier.status,
        channel=dossier.channel,
        owner_kind=dossier.owner_kind,
        owner_name=dossier.owner_name,
        owner_id_number=dossier.owner_id_number,
        owner_date_of_birth=dossier.owner_date_of_birth,
        owner_sex=dossier.owner_sex,
        owner_address=dossier.owner_address,
        owner_phone=dossier.owner_phone,
        owner_email=dossier.owner_email,
        submitter_json=dossier.submitter_json,
        submitter_id_number=dossier.submitter_id_number,
        summary=dossier.summary,
        sets_count=dossier.sets_count,
        received_at=dossier.received_at,
        received_by=dossier.received_by,
        clock_started_at=dossier.clock_started_at,
        due_at=dossier.due_at,
        original_due_at=dossier.original_due_at,
        extended_due_at=dossier.extended_due_at,
        due_rule=dossier.due_rule,
        calendar_version=dossier.calendar_version,
        paused_at=dossier.paused_at,
        status_before_pause=dossier.status_before_pause,
        finished_at=dossier.finished_at,
        returned_at=dossier.returned_at,
        delivery=dossier.delivery,
        delivery_address=dossier.delivery_address,
        fee_amount=dossier.fee_amount,
        fee_collected=dossier.fee_collected,
        notes=dossier.notes,
        register_book=dossier.register_book,
        register_seq=dossier.register_seq,
        tracking_token=dossier.tracking_token,
        lookup_code=dossier.lookup_code,
        collector_json=dossier.collector_json,
        rating=dossier.rating,
        components=[
            ComponentRecord(
                position=c.position,
                name=c.name,
                required=c.required,
                originals=c.originals,
                certified=c.certified,
                copies=c.copies,
                provided=c.provided,
                note=c.note,
            )
            for c in components
        ],
        fee=notice.fee,
        originals_at_return=list(notice.originals),
    )


def _result(dossier: Dossier, office: OfficeView, missing: tuple[str, ...]) -> ReceiveResult:
    url = (
        tracking_url(office.tracking_base_url, dossier.code, dossier.tracking_token)
        if office.tracking_base_url
        else None
    )
    return ReceiveResult(
        dossier_id=dossier.id,
        code=dossier.code,
        status=Status(dossier.status),
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        lookup_code=dossier.lookup_code,
        tracking_url=url,
        missing=missing,
    )
