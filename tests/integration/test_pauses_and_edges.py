"""Financial-obligation pauses, what the outbox tells the server, and edge cases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from data.models import DossierPause, OutboxCommand
from desk.domain.lifecycle import Action, Status
from desk.errors import AuthError, IllegalTransition, InvalidInput, NotFound
from desk.services.container import DeskServices
from tests.conftest import FakeClock, citizen
from tests.helpers import at, commands, count, dossier, events, last_payload, receive


def test_payment_pauses_the_clock_and_resumes_it(services: DeskServices, clock: FakeClock) -> None:
    code = receive(services).code  # Wed 25/11 09:00, 3 working days -> Mon 30/11 09:00
    services.intake.hand_over(code, unit="Công chức Tư pháp - Hộ tịch")
    assert dossier(services, code).due_at == at("2026-11-30 09:00")
    clock.set("2026-11-26 09:00")
    assert services.intake.request_payment(code, amount=50_000) is Status.PAYMENT_REQUESTED
    clock.set("2026-11-27 09:00")  # one working day later
    assert services.intake.payment_received(code) is Status.PROCESSING
    row = dossier(services, code)
    assert row.due_at == at("2026-12-01 09:00")  # moved by exactly the paused 8 working hours
    assert row.original_due_at == at("2026-11-30 09:00")
    assert row.paused_at is None and row.status_before_pause is None
    assert last_payload(services, code)["due"] == "2026-12-01T02:00:00+00:00"


def test_payment_needs_a_positive_amount_and_a_legal_status(services: DeskServices) -> None:
    code = receive(services).code
    with pytest.raises(InvalidInput):
        services.intake.request_payment(code, amount=0)
    with pytest.raises(IllegalTransition):
        services.intake.payment_received(code)
    assert count(services, DossierPause) == 0


def test_supplement_completion_tells_the_server_the_new_due(
    services: DeskServices, clock: FakeClock
) -> None:
    code = receive(services).code
    services.intake.request_supplement(code, items=["Bản sao giấy tờ"], reason="Thiếu bản sao")
    clock.set("2026-11-27 10:00")
    services.intake.supplement_received(code)
    due = dossier(services, code).due_at
    assert due == at("2026-12-02 10:00")  # restart: 3 working days from completion
    assert last_payload(services, code)["due"] == "2026-12-02T03:00:00+00:00"
    assert events(services, code)[-1].kind == Action.SUPPLEMENT_RECEIVED.value


def test_every_action_writes_exactly_one_event_and_one_command(services: DeskServices) -> None:
    code = receive(services).code
    services.intake.hand_over(code, unit="Đơn vị xử lý")
    services.intake.request_payment(code, amount=10_000)
    services.intake.payment_received(code)
    services.intake.result_ready(code)
    assert len(events(services, code)) == len(commands(services, code)) == 5
    assert [c.seq for c in commands(services, code)] == [1, 2, 3, 4, 5]


def test_calendar_day_count_resumes_from_the_unrounded_receipt(
    services: DeskServices, clock: FakeClock
) -> None:
    # 15 calendar days from Fri 27/11 17:30 is Sat 12/12 17:30 -> Mon 14/12 07:00. A pause of
    # no working time must not move it (the count runs from receipt, not the rounded start).
    clock.set("2026-11-27 17:30")
    code = receive(services, "T-PAUSE-CD").code
    before = dossier(services, code).due_at
    services.intake.request_supplement(code, items=["Bản vẽ"], reason="Thiếu bản vẽ")
    services.intake.supplement_received(code)  # same instant: no working time paused
    assert dossier(services, code).due_at == before == at("2026-12-14 07:00")


def test_unknown_officer_is_a_clear_error_and_nothing_is_written(
    services: DeskServices,
) -> None:
    with pytest.raises(NotFound, match="cán bộ"):
        receive(services, officer_id=999)
    code = receive(services).code
    with pytest.raises(NotFound, match="cán bộ"):
        services.intake.hand_over(code, unit="Đơn vị xử lý", officer_id=999)
    assert count(services, OutboxCommand) == 1


def test_apology_is_no_longer_offered_once_the_limit_is_used(
    services: DeskServices, clock: FakeClock
) -> None:
    code = receive(services).code
    services.office.update_rules(apology_notice_hours=80)  # offered from the day of receipt
    assert Action.APOLOGISE in services.lookup.by_code(code).allowed_actions
    services.returns.apologise(
        code, new_date=date(2026, 12, 4), reason="Chờ xác minh", signer="Chủ tịch UBND xã"
    )
    assert Action.APOLOGISE not in services.lookup.by_code(code).allowed_actions


def test_desk_counts_use_the_apology_date(services: DeskServices, clock: FakeClock) -> None:
    code = receive(services).code
    services.returns.apologise(
        code, new_date=date(2026, 12, 4), reason="Chờ xác minh", signer="Chủ tịch UBND xã"
    )
    clock.set("2026-12-01 09:00")  # past the original due (30/11), before the new one
    assert services.lookup.counts().overdue == 0
    clock.set("2026-12-04 08:00")
    assert services.lookup.counts().due_today == 1


def test_name_search_treats_wildcards_literally(services: DeskServices) -> None:
    receive(services, owner=citizen(1, full_name="CÔNG DÂN THỬ NGHIỆM"))
    assert services.lookup.by_name("%%") == []
    assert services.lookup.by_name("c_ng") == []
    assert services.catalog.search("%") == []


def test_the_locking_attempt_says_the_account_is_locked(services: DeskServices) -> None:
    services.auth.create_officer(
        username="canbo1", full_name="Cán bộ thử nghiệm", role="reception", password="mat-khau-1"
    )
    for _ in range(4):
        with pytest.raises(AuthError):
            services.auth.login("canbo1", "sai-mat-khau")
    with pytest.raises(AuthError, match="bị khóa 15 phút"):
        services.auth.login("canbo1", "sai-mat-khau")


def test_remaining_time_counts_down_in_working_hours(
    services: DeskServices, clock: FakeClock
) -> None:
    code = receive(services).code
    clock.advance(hours=2)
    remaining = services.lookup.by_code(code).remaining_working_time
    assert remaining == timedelta(hours=22)


def test_online_review_deadline_is_eight_working_hours_and_configurable(
    services: DeskServices,
) -> None:
    # Submitted Friday 27/11 at 20:00: counting starts Monday 07:00; 8 h is the whole day.
    result = services.calendar.online_review_deadline(at("2026-11-27 20:00"))
    assert result.due == at("2026-11-30 17:00")
    services.office.update_rules(online_review_hours=4)
    assert services.calendar.online_review_deadline(at("2026-11-27 20:00")).due == at(
        "2026-11-30 11:00"
    )
