"""Returning results (trả kết quả) and apologies with a new date (xin lỗi, hẹn lại)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlmodel import Session, col, func, select

from data.models import Dossier, DossierExtension, Procedure
from desk.domain.entry import (
    MAX_LINE_LENGTH,
    MAX_NAME_LENGTH,
    MAX_NOTE_LENGTH,
    checked_optional,
    checked_text,
)
from desk.domain.lifecycle import Action, Status
from desk.domain.person import Person
from desk.domain.text import nfc
from desk.domain.timefmt import VN_TZ, local_date
from desk.errors import InvalidInput
from desk.services.calendar import calendar_for
from desk.services.context import ServiceContext
from desk.services.dossiers import apply_action, find_dossier
from desk.services.ledger import wire_instant
from desk.services.settings import load_rules

Rating = Literal["very_satisfied", "satisfied", "unsatisfied"]
RATING_LABELS: dict[str, str] = {
    "very_satisfied": "Rất hài lòng",
    "satisfied": "Hài lòng",
    "unsatisfied": "Không hài lòng",
}


@dataclass(frozen=True)
class ReturnRequest:
    code: str
    collector: Person | None = None
    """None: the owner collects in person (identity checked by the officer)."""
    authorisation: str | None = None
    """The paper that authorises a collector who is not the owner (giấy ủy quyền …)."""
    fee_collected: int | None = None
    """None: the fee set at intake."""
    rating: Rating | None = None
    officer_id: int | None = None
    originals_checked: bool = False
    """Online dossiers: the officer compared the originals the citizen brought with the files
    uploaded online. Required when the procedure's catalogue level is "một phần" (mot_phan)."""


@dataclass(frozen=True)
class ExtensionView:
    code: str
    previous_due_at: datetime
    new_due_at: datetime
    original_due_at: datetime | None
    reason: str
    signer: str


class ReturnsService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def return_result(self, request: ReturnRequest) -> Status:
        if request.rating is not None and request.rating not in RATING_LABELS:
            raise InvalidInput("Mức độ hài lòng không hợp lệ: {value}.", value=request.rating)
        if request.fee_collected is not None and request.fee_collected < 0:
            raise InvalidInput("Số tiền phí, lệ phí đã thu không được âm.")
        now = self._context.now()
        with self._context.db.write() as session:
            dossier = find_dossier(session, request.code)
            collector = _checked_collector(dossier, request)
            fee = request.fee_collected if request.fee_collected is not None else dossier.fee_amount
            payload: dict[str, object] = {
                "rating": request.rating,
                "collector": collector,
                "fee_collected": fee,
            }
            if dossier.channel == "online":
                _check_originals(session, dossier, request.originals_checked)
                payload["originals_checked"] = request.originals_checked
            status = apply_action(
                session,
                dossier,
                Action.RETURN,
                at=now,
                officer_id=request.officer_id,
                payload=payload,
            )
            dossier.returned_at = now
            dossier.collector_json = json.dumps(collector, ensure_ascii=False)
            dossier.fee_collected = fee
            dossier.rating = request.rating
            session.add(dossier)
            return status

    def apologise(
        self,
        code: str,
        *,
        new_date: date,
        reason: str,
        signer: str,
        signer_title: str | None = None,
        officer_id: int | None = None,
    ) -> ExtensionView:
        """Mẫu 04: a new date for an open dossier; the original appointment is kept.
        ``signer_title`` is printed under the signature (e.g. "Chủ tịch")."""
        reason = checked_text(reason, "Lý do", limit=MAX_NOTE_LENGTH, multiline=True)
        signer = checked_text(signer, "Người ký", limit=MAX_NAME_LENGTH)
        title = checked_optional(signer_title, "Chức danh người ký", limit=MAX_LINE_LENGTH)
        if not nfc(reason):
            raise InvalidInput("Cần ghi rõ lý do chậm trả kết quả.")
        if not nfc(signer):
            raise InvalidInput("Cần ghi người ký văn bản xin lỗi (thủ trưởng cơ quan, đơn vị).")
        now = self._context.now()
        with self._context.db.write() as session:
            dossier = find_dossier(session, code)
            previous = dossier.extended_due_at or dossier.due_at
            new_due = _new_due(session, dossier, new_date, previous, now)
            apply_action(
                session,
                dossier,
                Action.APOLOGISE,
                at=now,
                officer_id=officer_id,
                payload={"new_due": wire_instant(new_due), "reason": nfc(reason)},
            )
            assert previous is not None
            session.add(
                DossierExtension(
                    dossier_id=dossier.id,
                    previous_due_at=previous,
                    new_due_at=new_due,
                    reason=nfc(reason),
                    signer=nfc(signer),
                    signer_title=title,
                    officer_id=officer_id,
                    created_at=now,
                )
            )
            dossier.extended_due_at = new_due
            session.add(dossier)
            return ExtensionView(
                dossier.code, previous, new_due, dossier.original_due_at, nfc(reason), nfc(signer)
            )


def _check_originals(session: Session, dossier: Dossier, checked: bool) -> None:
    """Online level "một phần": the citizen brings the originals to collect the result, and
    the officer must compare them with the uploaded files before handing it over."""
    procedure = session.get(Procedure, dossier.procedure_id)
    if procedure is not None and procedure.online_level == "mot_phan" and not checked:
        raise InvalidInput(
            "Hồ sơ {code} nộp trực tuyến một phần: cần đối chiếu bản chính công dân mang đến "
            "với các tệp đã nộp trực tuyến và ghi nhận đã đối chiếu trước khi trả kết quả.",
            code=dossier.code,
        )


def _checked_collector(dossier: Dossier, request: ReturnRequest) -> dict[str, object]:
    if request.collector is None:
        return {
            "full_name": dossier.owner_name,
            "id_number": dossier.owner_id_number,
            "authorised": False,
            "authorisation": None,
        }
    collector = request.collector.validated("người nhận kết quả")
    if not collector.id_number:
        raise InvalidInput("Cần số định danh của người nhận kết quả để đối chiếu.")
    is_owner = collector.id_number == dossier.owner_id_number
    authorisation = nfc(request.authorisation or "")
    if not is_owner and not authorisation:
        raise InvalidInput(
            "Người nhận kết quả không phải chủ hồ sơ. Cần ghi giấy tờ ủy quyền "
            "(văn bản ủy quyền hợp lệ) trước khi trả kết quả."
        )
    return {
        "full_name": collector.full_name,
        "id_number": collector.id_number,
        "authorised": not is_owner,
        "authorisation": authorisation or None,
    }


def _new_due(
    session: Session, dossier: Dossier, new_date: date, previous: datetime | None, now: datetime
) -> datetime:
    if previous is None:
        raise InvalidInput("Hồ sơ đang tạm dừng tính thời gian, chưa có ngày hẹn để hẹn lại.")
    count = session.exec(
        select(func.count()).where(col(DossierExtension.dossier_id) == dossier.id)
    ).one()
    limit = load_rules(session).max_extensions
    if count >= limit:
        raise InvalidInput(
            "Hồ sơ đã được hẹn lại {count} lần; quy định chỉ cho phép {limit} lần.",
            count=count,
            limit=limit,
        )
    calendar = calendar_for(session)
    if not calendar.is_working_day(new_date):
        raise InvalidInput(
            "Ngày hẹn mới {day} không phải ngày làm việc; ngày làm việc gần nhất sau đó là {next}.",
            day=new_date.strftime("%d/%m/%Y"),
            next=calendar.next_working_day(new_date).strftime("%d/%m/%Y"),
        )
    if new_date <= local_date(previous) or new_date <= local_date(now):
        raise InvalidInput("Ngày hẹn mới phải sau ngày hẹn hiện tại và sau hôm nay.")
    last_session_end = load_rules(session).sessions[-1][1]
    return datetime.combine(new_date, last_session_end, tzinfo=VN_TZ)
