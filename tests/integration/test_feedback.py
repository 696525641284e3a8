"""The register of phản ánh, kiến nghị: numbers, the working-day deadline (over a weekend and a
holiday), assign and close, on-time counts, the outbox, and bad input that writes nothing."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlmodel import col, select

from data.models import Feedback, OutboxCommand
from desk.domain.reports import Period
from desk.errors import IllegalTransition, InvalidInput, NotFound
from desk.services.container import DeskServices
from desk.services.feedback import NewFeedback
from tests.conftest import FakeClock
from tests.helpers import at, count, receive

CONTENT = "Cán bộ hẹn trả kết quả nhưng đến ngày hẹn chưa có kết quả"


def feedback_commands(services: DeskServices) -> list[OutboxCommand]:
    with services.context.db.read() as session:
        return list(
            session.exec(
                select(OutboxCommand)
                .where(col(OutboxCommand.type).startswith("feedback."))
                .order_by(col(OutboxCommand.seq))
            ).all()
        )


def test_received_feedback_gets_a_number_and_a_three_working_day_deadline(
    services: DeskServices,
) -> None:
    first = services.feedback.receive(NewFeedback("in_person", CONTENT))
    second = services.feedback.receive(NewFeedback("phone", CONTENT, sender_phone="0912000000"))
    assert (first.number, second.number) == ("0001/2026", "0002/2026")
    # received Wed 25/11 09:00 → Thu, Fri, Mon → Mon 30/11 09:00
    assert first.due_at == at("2026-11-30 09:00")
    assert first.state == "open" and first.on_time is None
    [command, _] = feedback_commands(services)
    assert command.type == "feedback.receive"
    assert json.loads(command.payload)["id"] == first.id


def test_the_deadline_skips_the_new_year_holiday_and_the_weekend(
    services: DeskServices, clock: FakeClock
) -> None:
    clock.now = at("2026-12-31 09:00")  # Thursday; 1/1/2027 is a holiday, then a weekend
    item = services.feedback.receive(NewFeedback("letter", CONTENT))
    assert item.due_at == at("2027-01-06 09:00")
    assert item.number == "0001/2026"


def test_the_number_of_days_is_an_office_rule(services: DeskServices) -> None:
    services.office.update_rules(feedback_answer_days=5)
    item = services.feedback.receive(NewFeedback("in_person", CONTENT))
    assert item.due_at == at("2026-12-02 09:00")


def test_assign_then_close_on_time_and_late(services: DeskServices, clock: FakeClock) -> None:
    early = services.feedback.receive(NewFeedback("in_person", CONTENT))
    late = services.feedback.receive(NewFeedback("in_person", CONTENT))
    assigned = services.feedback.assign(early.number, to="Công chức Tư pháp - Hộ tịch")
    assert assigned.state == "assigned"
    clock.now += timedelta(days=1)
    closed = services.feedback.close("1", answer="Đã trả kết quả cho công dân ngày 26/11")
    assert closed.state == "closed" and closed.on_time is True
    clock.now = at("2026-12-01 10:00")
    assert services.feedback.close(late.id, answer="Đã liên hệ và trả lời").on_time is False

    counts = services.feedback.counts(Period.parse("2026-11"))
    assert (counts.received, counts.answered_on_time, counts.answered_late) == (2, 1, 1)
    assert [c.type for c in feedback_commands(services)] == [
        "feedback.receive",
        "feedback.receive",
        "feedback.assign",
        "feedback.close",
        "feedback.close",
    ]


def test_open_items_nearest_deadline_first_and_overdue_counted(
    services: DeskServices, clock: FakeClock
) -> None:
    older = services.feedback.receive(NewFeedback("in_person", CONTENT))
    clock.now += timedelta(days=1)
    newer = services.feedback.receive(NewFeedback("in_person", CONTENT))
    assert [item.id for item in services.feedback.open_items()] == [older.id, newer.id]
    clock.now = at("2026-11-30 15:00")  # after the first deadline, before the second
    counts = services.feedback.counts(Period.parse("2026-11"))
    assert (counts.open_overdue, counts.open_on_time) == (1, 1)


def test_a_feedback_names_its_dossier(services: DeskServices) -> None:
    code = receive(services).code
    item = services.feedback.receive(NewFeedback("in_person", CONTENT, dossier_code=code.lower()))
    assert item.dossier_code == code
    with services.context.db.read() as session:
        row = session.get(Feedback, item.id)
        assert row is not None and row.dossier_id is not None


@pytest.mark.parametrize(
    ("new", "says"),
    [
        (NewFeedback("fax", CONTENT), "Hình thức"),
        (NewFeedback("in_person", "  "), "nội dung"),
        (NewFeedback("email", CONTENT, sender_email="khong-phai-email"), "email"),
        (NewFeedback("email", CONTENT), "địa chỉ email"),
        (NewFeedback("phone", CONTENT), "số điện thoại"),
        (NewFeedback("in_person", CONTENT, sender_phone="12ab"), "điện thoại"),
    ],
)
def test_bad_input_is_refused_at_entry_and_writes_nothing(
    services: DeskServices, new: NewFeedback, says: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        services.feedback.receive(new)
    assert says in refused.value.message
    assert count(services, Feedback) == 0
    assert feedback_commands(services) == []


def test_closing_twice_or_assigning_a_closed_one_is_refused(services: DeskServices) -> None:
    item = services.feedback.receive(NewFeedback("in_person", CONTENT))
    services.feedback.close(item.number, answer="Đã trả lời trực tiếp")
    with pytest.raises(IllegalTransition):
        services.feedback.close(item.number, answer="Trả lời lần hai")
    with pytest.raises(IllegalTransition):
        services.feedback.assign(item.number, to="Công chức Văn phòng")
    with pytest.raises(InvalidInput):
        services.feedback.assign(item.number, to=" ")
    with pytest.raises(NotFound, match="99/2026"):
        services.feedback.get("99/2026")
    assert len(feedback_commands(services)) == 2
