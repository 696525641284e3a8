"""What each dossier form prints, read from the database into printing's plain dataclasses.

One function per form, each ``(session, dossier) -> dataclass``, called inside one short read
transaction. The words a form needs (the reason of a refusal, the list of a supplement
request, the collector of a return) are read back from the dossier's audit events: the event
is the legal record, so the paper always says what the log says. A form whose event has not
happened yet (Mẫu 03 for a dossier that was not refused) is refused with a clear message.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from data.models import Agency, Dossier, DossierComponent, DossierEvent, DossierExtension, Officer
from desk.domain.lifecycle import Action, Status
from desk.domain.reports import Period, finished_timeliness
from desk.domain.timefmt import local_date
from desk.errors import InvalidInput, NotFound
from desk.services.reports import PeriodReport, RegisterRow
from desk.services.settings import load_office, load_rules
from printing.model import (
    ApologyLetter,
    Channel,
    ComponentLine,
    ControlSheet,
    HandOff,
    HandOverLine,
    HandOverNote,
    OfficeHeader,
    PeriodReportDoc,
    PersonBlock,
    RefusalNotice,
    RegisterBook,
    RegisterLine,
    ReportLine,
    ReturnReceipt,
    Signer,
    StopNotice,
    SupplementNotice,
)

DELIVERY_LABELS = {"desk": "Trực tiếp", "postal": "Qua dịch vụ bưu chính công ích"}
_QUARTERS = ("I", "II", "III", "IV")

RECEIVER_ROLE = "Người tiếp nhận hồ sơ"
HEAD_ROLE = "Thủ trưởng cơ quan"


def office_header(session: Session, dossier: Dossier) -> OfficeHeader:
    return agency_header(agency_of(session, dossier))


def agency_header(agency: Agency) -> OfficeHeader:
    return OfficeHeader(
        parent_name=agency.parent_name or agency.name,
        unit_name=agency.unit_name,
        place=agency.place_name,
        phone=agency.phone or "",
        tracking_base_url=agency.tracking_base_url,
    )


def local_office_header(session: Session) -> OfficeHeader:
    """The header of this desk's own agency (for documents of no one dossier)."""
    agency = session.get(Agency, load_office(session).agency_id)
    assert agency is not None  # load_office found it
    return agency_header(agency)


def agency_of(session: Session, dossier: Dossier) -> Agency:
    agency = session.get(Agency, dossier.agency_id)
    if agency is None:
        raise NotFound("Không tìm thấy cơ quan của hồ sơ {code}.", code=dossier.code)
    return agency


def person_block(data: dict[str, Any]) -> PersonBlock:
    return PersonBlock(
        full_name=str(data.get("full_name") or ""),
        id_number=str(data.get("id_number") or ""),
        address=str(data.get("address") or ""),
        phone=str(data.get("phone") or ""),
        email=str(data.get("email") or ""),
    )


def owner_block(dossier: Dossier) -> PersonBlock:
    return PersonBlock(
        full_name=dossier.owner_name,
        id_number=dossier.owner_id_number or "",
        address=dossier.owner_address or "",
        phone=dossier.owner_phone or "",
        email=dossier.owner_email or "",
    )


def applicant_block(dossier: Dossier) -> PersonBlock:
    """The person the desk dealt with: người nộp when recorded, else chủ hồ sơ."""
    if dossier.submitter_json:
        return person_block(json.loads(dossier.submitter_json))
    return owner_block(dossier)


def officer_name(session: Session, officer_id: int | None) -> str:
    if officer_id is None:
        return ""
    officer = session.get(Officer, officer_id)
    return officer.full_name if officer is not None else ""


def provided_components(session: Session, dossier: Dossier) -> tuple[ComponentLine, ...]:
    rows = session.exec(
        select(DossierComponent)
        .where(col(DossierComponent.dossier_id) == dossier.id)
        .where(col(DossierComponent.provided))
        .order_by(col(DossierComponent.position))
    ).all()
    return tuple(ComponentLine(c.name, c.originals, c.certified, c.copies) for c in rows)


def events(session: Session, dossier: Dossier) -> list[DossierEvent]:
    return list(
        session.exec(
            select(DossierEvent)
            .where(col(DossierEvent.dossier_id) == dossier.id)
            .order_by(col(DossierEvent.seq))
        ).all()
    )


def latest_event(
    session: Session, dossier: Dossier, actions: tuple[Action, ...], form: str
) -> tuple[DossierEvent, dict[str, Any]]:
    """The dossier's latest event of one of ``actions`` and its payload, or a clear refusal."""
    kinds = [action.value for action in actions]
    found = [event for event in events(session, dossier) if event.kind in kinds]
    if not found:
        raise InvalidInput(
            "Hồ sơ {code} chưa có bước {step}, nên chưa in được {form}.",
            code=dossier.code,
            step=actions[0].label,
            form=form,
        )
    event = found[-1]
    payload = json.loads(event.payload or "{}")
    return event, payload if isinstance(payload, dict) else {}


def supplement_notice(session: Session, dossier: Dossier) -> SupplementNotice:
    """Mẫu 02, from the latest supplement request or the incomplete intake's missing list."""
    event, payload = latest_event(
        session,
        dossier,
        (Action.REQUEST_SUPPLEMENT, Action.RECEIVE_INCOMPLETE),
        "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)",
    )
    if event.kind == Action.REQUEST_SUPPLEMENT.value:
        requests = tuple(str(item) for item in payload.get("items") or ())
        reason = str(payload.get("reason") or "")
    else:
        missing = [str(item) for item in payload.get("missing") or ()]
        requests = tuple(f"Bổ sung {name}" for name in missing)
        reason = "Hồ sơ chưa có: " + "; ".join(missing) if missing else ""
    office = office_header(session, dossier)
    return SupplementNotice(
        office=office,
        applicant=applicant_block(dossier),
        procedure_name=dossier.summary or dossier.procedure_name,
        requests=requests or ("Bổ sung, hoàn thiện hồ sơ theo hướng dẫn của cán bộ tiếp nhận",),
        reason=reason,
        guide=officer_name(session, event.officer_id),
        guide_phone=office.phone,
        issued_at=event.at,
        dossier_code=dossier.code,
    )


def refusal_notice(session: Session, dossier: Dossier) -> RefusalNotice:
    """Mẫu 03, from the refusal event."""
    event, payload = latest_event(
        session,
        dossier,
        (Action.REFUSE,),
        "Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)",
    )
    return RefusalNotice(
        office=office_header(session, dossier),
        submitter=applicant_block(dossier),
        procedure_name=dossier.summary or dossier.procedure_name,
        reason=str(payload.get("reason") or ""),
        receiver=officer_name(session, event.officer_id),
        issued_at=event.at,
        dossier_code=dossier.code,
    )


def apology_letter(session: Session, dossier: Dossier) -> ApologyLetter:
    """Mẫu 04, from the latest extension (new date, reason, signer)."""
    extension = session.exec(
        select(DossierExtension)
        .where(col(DossierExtension.dossier_id) == dossier.id)
        .order_by(col(DossierExtension.id).desc())
        .limit(1)
    ).first()
    if extension is None:
        raise InvalidInput(
            "Hồ sơ {code} chưa có văn bản xin lỗi và hẹn lại ngày trả kết quả (desk apologise), "
            "nên chưa in được Mẫu 04.",
            code=dossier.code,
        )
    agency = agency_of(session, dossier)
    return ApologyLetter(
        office=office_header(session, dossier),
        applicant=applicant_block(dossier),
        dossier_code=dossier.code,
        procedure_name=dossier.summary or dossier.procedure_name,
        received_at=dossier.received_at,
        due_at=extension.previous_due_at,
        reason=extension.reason,
        new_date=local_date(extension.new_due_at),
        signer=Signer(role=extension.signer_title or HEAD_ROLE, name=extension.signer),
        issued_at=extension.created_at,
        agency_name=agency.name,
    )


def stop_notice(session: Session, dossier: Dossier) -> StopNotice:
    """Mẫu 05, from the stop or withdrawal event."""
    event, payload = latest_event(
        session,
        dossier,
        (Action.STOP, Action.WITHDRAW),
        "Thông báo dừng giải quyết hồ sơ (Mẫu 05)",
    )
    before = Status(event.from_status) if event.from_status is not None else None
    return StopNotice(
        office=office_header(session, dossier),
        requester=applicant_block(dossier),
        dossier_code=dossier.code,
        procedure_name=dossier.summary or dossier.procedure_name,
        requested_at=event.at,
        request_channel=Channel(dossier.channel),
        status=before.label if before is not None else "",
        reason=str(payload.get("reason") or ""),
        issuer=Signer(role=RECEIVER_ROLE, name=officer_name(session, event.officer_id)),
        issued_at=event.at,
    )


def control_sheet(session: Session, dossier: Dossier) -> ControlSheet:
    """Mẫu 06: one hand-off per move of the dossier between the desk and the units."""
    if dossier.due_at is None:
        raise InvalidInput(
            "Hồ sơ {code} chưa có ngày hẹn trả kết quả, nên chưa in được Phiếu kiểm soát "
            "quá trình giải quyết hồ sơ (Mẫu 06).",
            code=dossier.code,
        )
    office = office_header(session, dossier)
    desk_unit = office.unit_name
    unit = ""
    hops: list[HandOff] = []
    due = dossier.extended_due_at or dossier.due_at
    granularity = load_rules(session).timeliness_granularity  # as the reports judge it
    for event in events(session, dossier):
        payload = json.loads(event.payload or "{}")
        who = officer_name(session, event.officer_id)
        if event.kind == Action.HAND_OVER.value:
            unit = str(payload.get("unit") or "")
            hops.append(HandOff(desk_unit, unit, event.at, giver=who, timeliness=None))
        elif event.kind == Action.RESULT_READY.value:
            hops.append(
                HandOff(
                    unit or dossier.sector,
                    desk_unit,
                    event.at,
                    receiver=who,
                    timeliness=finished_timeliness(event.at, due, granularity),
                    note=str(payload.get("reason") or ""),
                )
            )
    return ControlSheet(
        office=office,
        owner=owner_block(dossier),
        dossier_code=dossier.code,
        processing_unit=unit or dossier.sector,
        received_at=dossier.received_at,
        due_at=due,
        hand_offs=tuple(hops),
        procedure_name=dossier.summary or dossier.procedure_name,
    )


def return_receipt(session: Session, dossier: Dossier) -> ReturnReceipt:
    """Giấy biên nhận trả kết quả, from the return event (collector, fee)."""
    event, payload = latest_event(session, dossier, (Action.RETURN,), "Giấy biên nhận trả kết quả")
    collector = payload.get("collector") or {}
    if (
        isinstance(collector, dict)
        and not collector.get("phone")
        and not collector.get("authorised")
    ):  # the owner collected the result: print the phone taken at intake
        collector = {**collector, "phone": dossier.owner_phone}
    office = office_header(session, dossier)
    returner = PersonBlock(full_name=officer_name(session, event.officer_id), phone=office.phone)
    return ReturnReceipt(
        office=office,
        dossier_code=dossier.code,
        procedure_name=dossier.summary or dossier.procedure_name,
        owner=owner_block(dossier),
        returner=returner,
        recipient=person_block(collector if isinstance(collector, dict) else {}),
        result_kind=f"Kết quả giải quyết thủ tục {dossier.procedure_name}",
        summary=dossier.summary,
        returned_at=event.at,
        fee=int(payload.get("fee_collected") or 0),
        authorisation_paper=str(collector.get("authorisation") or "")
        if isinstance(collector, dict)
        else "",
    )


def hand_over_note(session: Session, dossier: Dossier) -> HandOverNote:
    """Giấy bàn giao hồ sơ for this dossier's latest hand-over to a processing unit."""
    return hand_over_batch(session, [dossier])


def hand_over_batch(session: Session, dossiers: Sequence[Dossier]) -> HandOverNote:
    """One Giấy bàn giao hồ sơ listing ``dossiers``, handed over together: the unit, the time
    and the officer are those of the first one's latest hand-over."""
    event, payload = latest_event(session, dossiers[0], (Action.HAND_OVER,), "Giấy bàn giao hồ sơ")
    lines = []
    for dossier in dossiers:
        due = dossier.extended_due_at or dossier.due_at
        if due is None:
            raise InvalidInput(
                "Hồ sơ {code} chưa có ngày hẹn trả kết quả, nên chưa in được Giấy bàn giao hồ sơ.",
                code=dossier.code,
            )
        lines.append(
            HandOverLine(
                dossier_code=dossier.code,
                procedure_name=dossier.summary or dossier.procedure_name,
                owner=dossier.owner_name,
                due_back_at=due,
                sets=dossier.sets_count,
            )
        )
    office = office_header(session, dossiers[0])
    return HandOverNote(
        office=office,
        to_unit=str(payload.get("unit") or ""),
        lines=tuple(lines),
        handed_at=event.at,
        giver=Signer(role="Cán bộ tiếp nhận", name=officer_name(session, event.officer_id)),
        receiver=Signer(role="Người nhận hồ sơ"),
        from_unit=office.unit_name,
    )


def period_words(period: Period) -> str:
    """The period as a report words it: "Tháng 11 năm 2026", "Quý IV năm 2026", "6 tháng cuối
    năm 2026", "Năm 2026", "Từ ngày 16/10/2026 đến ngày 15/11/2026"."""
    year = period.start.year
    if period.kind == "month":
        return f"Tháng {period.start.month} năm {year}"
    if period.kind == "quarter":
        return f"Quý {_QUARTERS[(period.start.month - 1) // 3]} năm {year}"
    if period.kind == "half":
        return f"6 tháng {'đầu' if period.start.month == 1 else 'cuối'} năm {year}"
    if period.kind == "year":
        return f"Năm {year}"
    last = period.end - timedelta(days=1)
    return f"Từ ngày {period.start:%d/%m/%Y} đến ngày {last:%d/%m/%Y}"


def register_book(office: OfficeHeader, period: Period, rows: list[RegisterRow]) -> RegisterBook:
    """Mẫu 07 over ``period`` from the register rows (one book a year: Quyển số is the year)."""
    books = sorted({row.book for row in rows})
    return RegisterBook(
        office=office,
        book_number=", ".join(books),
        first_day=period.start,
        last_day=period.end - timedelta(days=1),
        lines=tuple(
            RegisterLine(
                seq=row.seq,
                dossier_code=row.code,
                procedure_name=row.procedure_name,
                applicant_name=row.owner_name,
                contact=row.owner_contact,
                processing_agency=office.unit_name,
                received_at=row.received_at,
                due_at=row.due_at,
                returned_at=row.returned_at,
                delivery=DELIVERY_LABELS.get(row.delivery, row.delivery),
            )
            for row in rows
        ),
    )


def period_report_doc(
    office: OfficeHeader,
    report: PeriodReport,
    issued_at: datetime,
    preparer: str,
    head: str = "",
) -> PeriodReportDoc:
    """The Biểu 06a page of a computed period report."""
    return PeriodReportDoc(
        office=office,
        unit_label=office.unit_name,
        period_label=period_words(report.period),
        first_day=report.period.start,
        last_day=report.period.end - timedelta(days=1),
        lines=tuple(
            ReportLine(
                label=row.label,
                carried_over=row.carried_over,
                received_online=row.received_online,
                received_direct=row.received_direct,
                resolved_early=row.resolved_early,
                resolved_on_time=row.resolved_on_time,
                resolved_late=row.resolved_late,
                pending_on_time=row.pending_on_time,
                pending_late=row.pending_late,
            )
            for row in report.rows
        ),
        issued_at=issued_at,
        group_label="Lĩnh vực" if report.group_by == "sector" else "Thủ tục hành chính",
        preparer=preparer,
        head=head,
        refusals=_by_reason(report),
    )


def _by_reason(report: PeriodReport) -> tuple[tuple[str, int], ...]:
    reasons: dict[str, int] = {}
    for line in report.refusals:
        reasons[line.reason] = reasons.get(line.reason, 0) + line.total
    return tuple(sorted(reasons.items(), key=lambda item: (-item[1], item[0])))
