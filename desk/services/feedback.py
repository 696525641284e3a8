"""The register of phản ánh, kiến nghị (citizens' feedback about how procedures are handled).

Sơn La 2019 Điều 17–18 (a provincial rule the project started from): feedback arrives in
person, by phone, by email, by letter or through the public portal; the office answers within
03 working days of receipt.
The number of days is an office rule (``OfficeRules.feedback_answer_days``), the deadline is
counted on the working calendar like a dossier's. Each step is one transaction that also
queues an outbox command, so the server's register gets the same entries. The sender's name,
phone and email are personal data: they are stored, never logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlmodel import Session, col, select

from data.models import Dossier, Feedback, RegisterCounter
from desk.domain.calendar import DueRule, DurationUnit
from desk.domain.entry import MAX_LINE_LENGTH, MAX_NAME_LENGTH, MAX_NOTE_LENGTH, checked_text
from desk.domain.person import validated_email, validated_phone
from desk.domain.reports import Period
from desk.domain.text import nfc
from desk.domain.timefmt import local_date
from desk.errors import IllegalTransition, InvalidInput, NotFound
from desk.services.calendar import calendar_for
from desk.services.context import ServiceContext
from desk.services.ledger import enqueue_command, new_id
from desk.services.settings import load_office, load_rules
from sync.protocol import FeedbackRecord, PortalFeedbackFields

Channel = Literal["in_person", "phone", "email", "letter", "portal"]
CHANNEL_LABELS: dict[str, str] = {
    "in_person": "Trực tiếp tại Bộ phận Một cửa",
    "phone": "Điện thoại (đường dây nóng)",
    "email": "Thư điện tử",
    "letter": "Văn bản gửi trực tiếp",
    "portal": "Cổng dịch vụ công (mục Hỏi đáp)",
}
STATE_LABELS: dict[str, str] = {
    "open": "Mới tiếp nhận",
    "assigned": "Đang xử lý",
    "closed": "Đã trả lời",
}
SENDER = "người phản ánh"


@dataclass(frozen=True)
class NewFeedback:
    channel: str
    content: str
    sender_name: str = ""
    sender_phone: str | None = None
    sender_email: str | None = None
    dossier_code: str | None = None
    officer_id: int | None = None


@dataclass(frozen=True)
class FeedbackView:
    id: str
    number: str
    channel: str
    state: str
    content: str
    sender_name: str
    dossier_code: str | None
    received_at: datetime
    due_at: datetime
    assigned_to: str | None
    answer: str | None
    answered_at: datetime | None

    @property
    def on_time(self) -> bool | None:
        """Answered by the deadline; None while unanswered."""
        return None if self.answered_at is None else self.answered_at <= self.due_at

    def overdue(self, now: datetime) -> bool:
        return self.answered_at is None and now > self.due_at


@dataclass(frozen=True)
class FeedbackCounts:
    period: Period
    received: int
    answered_on_time: int
    answered_late: int
    open_on_time: int
    open_overdue: int


def _view(row: Feedback) -> FeedbackView:
    return FeedbackView(
        id=row.id,
        number=f"{row.seq:04d}/{row.book}",
        channel=row.channel,
        state=row.state,
        content=row.content,
        sender_name=row.sender_name,
        dossier_code=row.dossier_code,
        received_at=row.received_at,
        due_at=row.due_at,
        assigned_to=row.assigned_to,
        answer=row.answer,
        answered_at=row.answered_at,
    )


def _checked(new: NewFeedback) -> NewFeedback:
    if new.channel not in CHANNEL_LABELS:
        raise InvalidInput(
            "Hình thức tiếp nhận phản ánh không hợp lệ: {value}. Dùng một trong: {allowed}.",
            value=new.channel,
            allowed=", ".join(CHANNEL_LABELS),
        )
    content = checked_text(new.content, "Nội dung phản ánh", limit=MAX_NOTE_LENGTH, multiline=True)
    sender = checked_text(new.sender_name or "", "Họ tên", limit=MAX_NAME_LENGTH, role=SENDER)
    if len(content) < 5:
        raise InvalidInput("Cần ghi rõ nội dung phản ánh, kiến nghị.")
    email = validated_email(new.sender_email, SENDER)
    phone = validated_phone(new.sender_phone, SENDER)
    if new.channel == "email" and email is None:
        raise InvalidInput("Phản ánh qua thư điện tử cần địa chỉ email để trả lời.")
    if new.channel == "phone" and phone is None:
        raise InvalidInput("Phản ánh qua điện thoại cần số điện thoại để trả lời.")
    code = nfc(new.dossier_code or "").upper() or None
    return NewFeedback(new.channel, content, sender, phone, email, code, new.officer_id)


class FeedbackService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def receive(self, new: NewFeedback) -> FeedbackView:
        """Record a feedback and its answer deadline; returns it with its register number."""
        new = _checked(new)
        now = self._context.now()
        with self._context.db.write() as session:
            office = load_office(session)
            days = load_rules(session).feedback_answer_days
            due = calendar_for(session).compute_due(DueRule(DurationUnit.WORKING_DAYS, days), now)
            dossier_id = _dossier_id(session, new.dossier_code)
            book, seq = _next_number(session, now)
            row = Feedback(
                id=new_id(),
                agency_id=office.agency_id,
                desk_id=office.desk_id,
                book=book,
                seq=seq,
                channel=new.channel,
                dossier_id=dossier_id,
                dossier_code=new.dossier_code,
                sender_name=new.sender_name,
                sender_phone=new.sender_phone,
                sender_email=new.sender_email,
                content=new.content,
                received_at=now,
                received_by=new.officer_id,
                due_at=due.due,
            )
            session.add(row)
            session.flush()
            self._queue(session, row, "feedback.receive", now)
            return _view(row)

    def assign(self, number_or_id: str, *, to: str, officer_id: int | None = None) -> FeedbackView:
        """Hand the feedback to the unit or officer who must answer it."""
        unit = checked_text(to, "Tên đơn vị", limit=MAX_LINE_LENGTH)
        if not unit:
            raise InvalidInput("Cần ghi đơn vị hoặc người được giao xử lý phản ánh.")
        now = self._context.now()
        with self._context.db.write() as session:
            row = _find(session, number_or_id, self._context.now())
            if row.state == "closed":
                raise IllegalTransition(
                    "Phản ánh số {number} đã được trả lời, không giao xử lý lại được.",
                    number=_view(row).number,
                )
            row.state, row.assigned_to, row.assigned_at = "assigned", unit, now
            session.add(row)
            self._queue(session, row, "feedback.assign", now)
            return _view(row)

    def close(
        self, number_or_id: str, *, answer: str, officer_id: int | None = None
    ) -> FeedbackView:
        """Record the answer given to the sender; this closes the feedback."""
        text = checked_text(answer, "Nội dung trả lời", limit=MAX_NOTE_LENGTH, multiline=True)
        if len(text) < 5:
            raise InvalidInput("Cần ghi nội dung trả lời người phản ánh.")
        now = self._context.now()
        with self._context.db.write() as session:
            row = _find(session, number_or_id, self._context.now())
            if row.state == "closed":
                raise IllegalTransition(
                    "Phản ánh số {number} đã được trả lời rồi.", number=_view(row).number
                )
            row.state, row.answer, row.answered_at, row.answered_by = (
                "closed",
                text,
                now,
                officer_id,
            )
            session.add(row)
            self._queue(session, row, "feedback.close", now)
            return _view(row)

    def get(self, number_or_id: str) -> FeedbackView:
        with self._context.db.read() as session:
            return _view(_find(session, number_or_id, self._context.now()))

    def open_items(self) -> list[FeedbackView]:
        """Unanswered feedback, the nearest deadline first (what the officer must act on)."""
        with self._context.db.read() as session:
            rows = session.exec(
                select(Feedback)
                .where(col(Feedback.state) != "closed")
                .order_by(col(Feedback.due_at), col(Feedback.seq))
            ).all()
            return [_view(row) for row in rows]

    def for_period(self, period: Period) -> list[FeedbackView]:
        with self._context.db.read() as session:
            rows = session.exec(
                select(Feedback)
                .where(col(Feedback.received_at) >= period.start_instant)
                .where(col(Feedback.received_at) < period.end_instant)
                .order_by(col(Feedback.received_at))
            ).all()
            return [_view(row) for row in rows]

    def counts(self, period: Period) -> FeedbackCounts:
        """Received in the period; of those, answered on time / late, and still open."""
        now = self._context.now()
        items = self.for_period(period)
        return FeedbackCounts(
            period=period,
            received=len(items),
            answered_on_time=sum(1 for item in items if item.on_time is True),
            answered_late=sum(1 for item in items if item.on_time is False),
            open_on_time=sum(1 for i in items if i.answered_at is None and not i.overdue(now)),
            open_overdue=sum(1 for item in items if item.overdue(now)),
        )

    def _queue(self, session: Session, row: Feedback, kind: str, now: datetime) -> None:
        enqueue_command(
            session,
            desk_id=row.desk_id,
            command_type=kind,
            payload=FeedbackRecord(
                id=row.id,
                book=row.book,
                seq=row.seq,
                channel=row.channel,
                dossier_code=row.dossier_code,
                sender_name=row.sender_name,
                sender_phone=row.sender_phone,
                sender_email=row.sender_email,
                content=row.content,
                state=row.state,
                received_at=row.received_at,
                due_at=row.due_at,
                assigned_to=row.assigned_to,
                answer=row.answer,
                answered_at=row.answered_at,
            ),
            at=now,
            dossier_id=row.dossier_id,
        )


def _next_number(session: Session, at: datetime) -> tuple[str, int]:
    """The next number of this desk's Sổ theo dõi phản ánh of ``at``'s year."""
    book = str(local_date(at).year)
    counter = session.get(RegisterCounter, f"pakn-{book}") or RegisterCounter(
        book=f"pakn-{book}", last_seq=0
    )
    counter.last_seq += 1
    session.add(counter)
    return book, counter.last_seq


def record_from_portal(session: Session, fields: PortalFeedbackFields) -> bool:
    """A feedback sent through the server's public page, pulled by sync: added to this desk's
    register with its own number and its deadline from the time it reached the server. No
    command is queued (the server has it); True when it was new here."""
    if session.get(Feedback, fields.id) is not None:
        return False
    received = fields.received_at
    office = load_office(session)
    days = load_rules(session).feedback_answer_days
    due = calendar_for(session).compute_due(DueRule(DurationUnit.WORKING_DAYS, days), received)
    book, seq = _next_number(session, received)
    code = fields.dossier_code or None
    session.add(
        Feedback(
            id=fields.id,
            agency_id=office.agency_id,
            desk_id=office.desk_id,
            book=book,
            seq=seq,
            channel="portal",
            dossier_id=_dossier_id(session, code),
            dossier_code=code,
            sender_name=fields.sender_name,
            sender_phone=fields.sender_phone or None,
            sender_email=fields.sender_email or None,
            content=fields.content,
            received_at=received,
            due_at=due.due,
        )
    )
    return True


def _dossier_id(session: Session, code: str | None) -> str | None:
    """The local dossier a feedback names; a code of another desk is kept as text only."""
    if code is None:
        return None
    dossier = session.exec(select(Dossier).where(col(Dossier.code) == code)).first()
    return dossier.id if dossier is not None else None


def _find(session: Session, number_or_id: str, now: datetime) -> Feedback:
    """By register number ("0012/2026", "12/2026", or "12" for this year) or by id."""
    text = number_or_id.strip()
    row = session.get(Feedback, text)
    if row is not None:
        return row
    seq_text, _, book = text.partition("/")
    if seq_text.isdigit():
        book = book.strip() or str(local_date(now).year)
        row = session.exec(
            select(Feedback)
            .where(col(Feedback.book) == book)
            .where(col(Feedback.seq) == int(seq_text))
        ).first()
        if row is not None:
            return row
    raise NotFound(
        "Không tìm thấy phản ánh số {number}. Xem danh sách: desk feedback list.", number=text
    )
