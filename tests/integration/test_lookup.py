"""Finding dossiers (by code, ID number, name without accents), desk counts, time left."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from desk.domain.lifecycle import Action, Status
from desk.errors import InvalidInput, NotFound
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from tests.conftest import AGENCY_CODE, FakeClock, citizen
from tests.helpers import at


def receive(services: DeskServices, procedure: str = "T-3WD", **options: Any) -> str:
    owner = options.pop("owner", citizen())
    return services.intake.receive(ReceiveRequest(procedure, owner, **options)).code


# ------------------------------------------------------------------ by code


def test_by_code_returns_the_whole_detail(services: DeskServices) -> None:
    code = receive(services, submitter=citizen(2, full_name="NGƯỜI NỘP THỬ NGHIỆM"))
    services.intake.hand_over(code, unit="Công chức Tư pháp")

    detail = services.lookup.by_code(code)

    assert detail.summary.code == code
    assert detail.summary.status is Status.PROCESSING
    assert detail.summary.owner_name == "CÔNG DÂN THỬ NGHIỆM"
    assert detail.summary.procedure_name == "Xác nhận tình trạng hôn nhân"
    assert detail.summary.received_at == at("2026-11-25T09:00")
    assert detail.summary.due_at == at("2026-11-30T09:00")
    assert detail.procedure_code == "T-3WD"
    assert detail.channel == "direct"
    assert detail.owner["id_number"] == "001085000001"
    assert detail.owner["date_of_birth"] == "1985-01-01"
    assert detail.submitter is not None
    assert detail.submitter["full_name"] == "NGƯỜI NỘP THỬ NGHIỆM"
    assert [c.name for c in detail.components] == ["Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"]
    assert [(e.seq, e.kind) for e in detail.events] == [(1, "receive"), (2, "hand_over")]
    assert detail.events[1].payload["unit"] == "Công chức Tư pháp"
    assert Action.RESULT_READY in detail.allowed_actions
    assert Action.HAND_OVER not in detail.allowed_actions
    assert detail.original_due_at == at("2026-11-30T09:00")
    assert detail.extended_due_at is None
    assert detail.finished_at is None
    assert len(detail.lookup_code) >= 4


@pytest.mark.parametrize("transform", [str.lower, lambda c: f"  {c}\t", lambda c: f" {c.lower()} "])
def test_by_code_tolerates_case_and_spaces(services: DeskServices, transform: Any) -> None:
    code = receive(services)
    assert services.lookup.by_code(transform(code)).summary.code == code


@pytest.mark.parametrize(
    "text_value", ["", "000.00.01.H99-261125", "000.00.01.H99-261345-0001", "abc-def-ghi"]
)
def test_by_code_of_a_malformed_code(services: DeskServices, text_value: str) -> None:
    receive(services)
    with pytest.raises(InvalidInput):
        services.lookup.by_code(text_value)


def test_by_code_of_an_unknown_code(services: DeskServices) -> None:
    receive(services)
    with pytest.raises(NotFound, match="0002"):
        services.lookup.by_code(f"{AGENCY_CODE}-261125-0002")


# ------------------------------------------------------------------ by ID number and name


def test_by_id_number_finds_owner_and_submitter_dossiers(
    services: DeskServices, clock: FakeClock
) -> None:
    as_owner = receive(services, owner=citizen(5))
    clock.advance(minutes=5)
    as_submitter = receive(services, owner=citizen(6), submitter=citizen(5))
    clock.advance(minutes=5)
    unrelated = receive(services, owner=citizen(7))

    found = [s.code for s in services.lookup.by_id_number("001085000005")]
    assert found == [as_submitter, as_owner]  # newest first
    assert unrelated not in found
    assert [s.code for s in services.lookup.by_id_number(" 0010 8500 0007 ")] == [unrelated]
    assert services.lookup.by_id_number("001085000099") == []


def test_by_id_number_accepts_an_old_nine_digit_number(services: DeskServices) -> None:
    code = receive(services, owner=citizen(id_number="123456789"))
    assert [s.code for s in services.lookup.by_id_number("123456789")] == [code]


@pytest.mark.parametrize("text_value", ["12345", "00108500000A", "0010850000011"])
def test_by_id_number_rejects_other_shapes(services: DeskServices, text_value: str) -> None:
    with pytest.raises(InvalidInput, match="12 chữ số"):
        services.lookup.by_id_number(text_value)


def test_by_name_ignores_accents_and_case(services: DeskServices) -> None:
    code = receive(services)
    assert [s.code for s in services.lookup.by_name("cong dan thu nghiem")] == [code]
    assert [s.code for s in services.lookup.by_name("  THU   nghiem ")] == [code]
    assert [s.code for s in services.lookup.by_name("Công Dân")] == [code]
    assert services.lookup.by_name("nguoi khac") == []


def test_by_name_folds_the_letter_d_with_stroke(services: DeskServices) -> None:
    code = receive(services, owner=citizen(full_name="ĐỖ THỬ NGHIỆM"))
    receive(services)
    assert [s.code for s in services.lookup.by_name("do thu")] == [code]
    assert [s.code for s in services.lookup.by_name("đỗ")] == [code]


def test_by_name_needs_two_characters(services: DeskServices) -> None:
    with pytest.raises(InvalidInput, match="2 ký tự"):
        services.lookup.by_name(" a ")


def test_search_routes_by_shape(services: DeskServices, clock: FakeClock) -> None:
    first = receive(services)
    clock.advance(minutes=1)
    second = receive(services, owner=citizen(2, full_name="ĐỖ THỬ NGHIỆM"))

    assert [s.code for s in services.lookup.search(f" {first.lower()} ")] == [first]
    assert [s.code for s in services.lookup.search("001085000002")] == [second]
    assert [s.code for s in services.lookup.search("thu nghiem")] == [second, first]
    assert [s.code for s in services.lookup.search("do thu")] == [second]
    # A well-formed code that does not exist is an empty result, like any other search.
    assert services.lookup.search(f"{AGENCY_CODE}-261125-0042") == []


# ------------------------------------------------------------------ counts


def test_counts_follow_the_clock(services: DeskServices, clock: FakeClock) -> None:
    clock.set("2026-11-23T09:00")  # Monday
    overdue = receive(services, "T-8WH")  # due Wed 25/11 09:00 (24/11 is a holiday)
    clock.set("2026-11-25T08:00")
    due_today = receive(services, "T-SAMEDAY")  # due 25/11 17:00
    waiting = receive(services, components=[], allow_incomplete=True)
    to_return = receive(services, "T-SAMEDAY")
    services.intake.result_ready(to_return)
    receive(services)  # due 30/11: open, not due today

    counts = services.lookup.counts()
    assert counts.received_today == 4
    assert counts.due_today == 2  # the Monday dossier and the same-day one
    assert counts.overdue == 0
    assert counts.waiting_supplement == 1
    assert counts.ready_to_return == 1

    clock.set("2026-11-25T23:30")  # still the 25th locally; both appointments passed
    counts = services.lookup.counts()
    assert counts.received_today == 4
    assert counts.due_today == 2
    assert counts.overdue == 2

    clock.set("2026-11-26T00:30")  # the next local day
    counts = services.lookup.counts()
    assert counts.received_today == 0
    assert counts.due_today == 0
    assert counts.overdue == 2

    services.intake.result_ready(overdue)
    services.intake.withdraw(due_today)
    services.intake.supplement_received(waiting)
    counts = services.lookup.counts()
    assert counts.overdue == 0
    assert counts.waiting_supplement == 0
    assert counts.ready_to_return == 2


# ------------------------------------------------------------------ time left


def test_remaining_working_time(services: DeskServices, clock: FakeClock) -> None:
    code = receive(services, "T-8WH")  # due Thu 26/11 09:00
    assert services.lookup.by_code(code).remaining_working_time == timedelta(hours=8)

    clock.set("2026-11-25T16:00")
    assert services.lookup.by_code(code).remaining_working_time == timedelta(hours=3)

    clock.set("2026-11-25T20:00")  # after hours: no working time passes
    assert services.lookup.by_code(code).remaining_working_time == timedelta(hours=2)

    clock.set("2026-11-26T10:30")
    assert services.lookup.by_code(code).remaining_working_time == -timedelta(hours=1, minutes=30)

    clock.set("2026-11-27T09:00")
    assert services.lookup.by_code(code).remaining_working_time == -timedelta(hours=8)


def test_remaining_working_time_is_none_when_paused_or_finished(
    services: DeskServices, clock: FakeClock
) -> None:
    code = receive(services)
    services.intake.request_supplement(code, items=["Tờ khai"], reason="Sai")
    assert services.lookup.by_code(code).remaining_working_time is None

    incomplete = receive(services, components=[], allow_incomplete=True)
    assert services.lookup.by_code(incomplete).remaining_working_time is None

    finished = receive(services)
    services.intake.result_ready(finished)
    detail = services.lookup.by_code(finished)
    assert detail.remaining_working_time is None
    assert detail.finished_at == at("2026-11-25T09:00")


def test_remaining_working_time_uses_the_extended_date(
    services: DeskServices, clock: FakeClock
) -> None:
    code = receive(services, "T-8WH")  # due Thu 26/11 09:00
    clock.set("2026-11-26T10:00")
    services.returns.apologise(
        code, new_date=date(2026, 11, 27), reason="Chậm", signer="CHỦ TỊCH THỬ NGHIỆM"
    )
    detail = services.lookup.by_code(code)
    assert detail.extended_due_at == at("2026-11-27T17:00")
    assert detail.original_due_at == at("2026-11-26T09:00")
    # Thu 10:00–11:30, 13:30–17:00 and Fri 07:00–11:30, 13:30–17:00
    assert detail.remaining_working_time == timedelta(hours=13)
