"""Returning results (trả kết quả) and apologies with a new date (Mẫu 04)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from sqlmodel import col, select

from data.models import Dossier, DossierEvent, DossierExtension, OutboxCommand
from desk.domain.lifecycle import Status
from desk.errors import IllegalTransition, InvalidInput
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from desk.services.returns import ReturnRequest
from tests.conftest import FakeClock, citizen
from tests.helpers import at, count, dossier


def last_event(services: DeskServices, code: str) -> DossierEvent:
    with services.context.db.read() as session:
        row = session.exec(select(Dossier).where(col(Dossier.code) == code)).one()
        event = session.exec(
            select(DossierEvent)
            .where(col(DossierEvent.dossier_id) == row.id)
            .order_by(col(DossierEvent.seq).desc())
        ).first()
        assert event is not None
        return event


def extensions(services: DeskServices, code: str) -> list[DossierExtension]:
    with services.context.db.read() as session:
        row = session.exec(select(Dossier).where(col(Dossier.code) == code)).one()
        return list(
            session.exec(
                select(DossierExtension)
                .where(col(DossierExtension.dossier_id) == row.id)
                .order_by(col(DossierExtension.id))
            ).all()
        )


def ready(services: DeskServices, procedure: str = "T-SAMEDAY") -> str:
    """A dossier whose result is ready to be returned."""
    code = services.intake.receive(ReceiveRequest(procedure, citizen())).code
    services.intake.result_ready(code)
    return code


def open_3wd(services: DeskServices) -> str:
    """Received Wed 25/11 09:00; due Mon 30/11 09:00."""
    code = services.intake.receive(ReceiveRequest("T-3WD", citizen())).code
    services.intake.hand_over(code, unit="Công chức Tư pháp")
    return code


def state(services: DeskServices) -> tuple[int, int, int]:
    return (
        count(services, DossierEvent),
        count(services, OutboxCommand),
        count(services, DossierExtension),
    )


# ------------------------------------------------------------------ return_result


def test_owner_collects_with_default_fee_and_a_rating(
    services: DeskServices, clock: FakeClock
) -> None:
    code = ready(services)
    clock.set("2026-11-25T16:30")

    status = services.returns.return_result(ReturnRequest(code, rating="very_satisfied"))

    assert status is Status.RETURNED
    stored = dossier(services, code)
    assert stored.status == 10
    assert stored.returned_at == at("2026-11-25T16:30")
    assert stored.finished_at == at("2026-11-25T09:00")  # set by result_ready, kept
    assert stored.fee_amount == 2000
    assert stored.fee_collected == 2000
    assert stored.rating == "very_satisfied"
    assert stored.collector_json is not None
    assert json.loads(stored.collector_json) == {
        "full_name": "CÔNG DÂN THỬ NGHIỆM",
        "id_number": "001085000001",
        "authorised": False,
        "authorisation": None,
    }
    event = last_event(services, code)
    assert (event.kind, event.from_status, event.to_status) == ("return", 9, 10)
    assert json.loads(event.payload)["rating"] == "very_satisfied"
    assert json.loads(event.payload)["collector"]["authorised"] is False
    assert services.maintenance.verify().ok


def test_explicit_fee_and_no_rating(services: DeskServices) -> None:
    code = ready(services)
    services.returns.return_result(ReturnRequest(code, fee_collected=0))
    stored = dossier(services, code)
    assert stored.fee_collected == 0
    assert stored.rating is None


def test_owner_presenting_themselves_is_not_marked_authorised(services: DeskServices) -> None:
    code = ready(services)
    services.returns.return_result(ReturnRequest(code, collector=citizen()))
    assert dossier(services, code).collector_json is not None
    data = json.loads(dossier(services, code).collector_json or "")
    assert data["authorised"] is False
    assert data["id_number"] == "001085000001"


def test_another_collector_without_authorisation_is_refused(services: DeskServices) -> None:
    code = ready(services)
    before = state(services)
    other = citizen(7, full_name="NGƯỜI NHẬN THỬ NGHIỆM")

    with pytest.raises(InvalidInput, match="ủy quyền"):
        services.returns.return_result(ReturnRequest(code, collector=other))
    with pytest.raises(InvalidInput, match="ủy quyền"):
        services.returns.return_result(ReturnRequest(code, collector=other, authorisation="  "))

    assert state(services) == before
    stored = dossier(services, code)
    assert stored.status == 9
    assert stored.returned_at is None
    assert stored.collector_json is None


def test_another_collector_with_authorisation_is_recorded(services: DeskServices) -> None:
    code = ready(services)
    other = citizen(7, full_name="NGƯỜI NHẬN THỬ NGHIỆM")

    services.returns.return_result(
        ReturnRequest(code, collector=other, authorisation="Giấy ủy quyền số 01/UQ")
    )

    stored = dossier(services, code)
    assert stored.status == 10
    assert json.loads(stored.collector_json or "") == {
        "full_name": "NGƯỜI NHẬN THỬ NGHIỆM",
        "id_number": "001085000007",
        "authorised": True,
        "authorisation": "Giấy ủy quyền số 01/UQ",
    }
    assert json.loads(last_event(services, code).payload)["collector"]["authorised"] is True


def test_collector_needs_an_id_number(services: DeskServices) -> None:
    code = ready(services)
    with pytest.raises(InvalidInput, match="số định danh"):
        services.returns.return_result(
            ReturnRequest(code, collector=citizen(id_number=None), authorisation="Giấy ủy quyền")
        )
    assert dossier(services, code).status == 9


def test_collector_with_an_invalid_id_number(services: DeskServices) -> None:
    code = ready(services)
    with pytest.raises(InvalidInput, match="người nhận kết quả"):
        services.returns.return_result(
            ReturnRequest(code, collector=citizen(id_number="999085000001"), authorisation="UQ")
        )
    assert dossier(services, code).status == 9


@pytest.mark.parametrize(
    ("request_options", "message"),
    [
        ({"rating": "tuyet_voi"}, "Mức độ hài lòng không hợp lệ"),
        ({"fee_collected": -1}, "không được âm"),
    ],
)
def test_invalid_rating_or_fee(
    services: DeskServices, request_options: dict[str, Any], message: str
) -> None:
    code = ready(services)
    before = state(services)
    with pytest.raises(InvalidInput, match=message):
        services.returns.return_result(ReturnRequest(code, **request_options))
    assert state(services) == before
    assert dossier(services, code).status == 9


def test_returning_twice_is_illegal(services: DeskServices) -> None:
    code = ready(services)
    services.returns.return_result(ReturnRequest(code))
    before = state(services)
    with pytest.raises(IllegalTransition, match="đã được trả trước đó"):
        services.returns.return_result(ReturnRequest(code))
    assert state(services) == before


# ------------------------------------------------------------------ apologise


def test_apology_keeps_the_original_appointment(services: DeskServices, clock: FakeClock) -> None:
    code = open_3wd(services)
    clock.set("2026-11-27T10:00")

    view = services.returns.apologise(
        code, new_date=date(2026, 12, 3), reason="Chờ xác minh", signer="CHỦ TỊCH THỬ NGHIỆM"
    )

    assert view.previous_due_at == at("2026-11-30T09:00")
    assert view.new_due_at == at("2026-12-03T17:00")
    assert view.original_due_at == at("2026-11-30T09:00")
    stored = dossier(services, code)
    assert stored.due_at == at("2026-11-30T09:00")
    assert stored.original_due_at == at("2026-11-30T09:00")
    assert stored.extended_due_at == at("2026-12-03T17:00")
    assert stored.status == 4  # an apology does not change the status
    [extension] = extensions(services, code)
    assert extension.previous_due_at == at("2026-11-30T09:00")
    assert extension.new_due_at == at("2026-12-03T17:00")
    assert extension.reason == "Chờ xác minh"
    assert extension.signer == "CHỦ TỊCH THỬ NGHIỆM"
    assert extension.created_at == at("2026-11-27T10:00")
    event = last_event(services, code)
    assert (event.kind, event.from_status, event.to_status) == ("apologise", 4, 4)
    assert json.loads(event.payload)["reason"] == "Chờ xác minh"
    assert services.lookup.by_code(code).summary.due_at == at("2026-12-03T17:00")
    assert services.maintenance.verify().ok


def test_apology_to_a_saturday_names_the_next_working_day(
    services: DeskServices, clock: FakeClock
) -> None:
    code = open_3wd(services)
    before = state(services)
    with pytest.raises(InvalidInput) as raised:
        services.returns.apologise(
            code, new_date=date(2026, 12, 5), reason="Chờ xác minh", signer="CHỦ TỊCH"
        )
    message = str(raised.value)
    assert "05/12/2026" in message
    assert "07/12/2026" in message
    assert "không phải ngày làm việc" in message
    assert state(services) == before
    assert dossier(services, code).extended_due_at is None


def test_apology_to_the_holiday_names_the_next_working_day(services: DeskServices) -> None:
    code = services.intake.receive(ReceiveRequest("T-3WD", citizen())).code
    with pytest.raises(InvalidInput, match="25/11/2026"):
        services.returns.apologise(
            code, new_date=date(2026, 11, 24), reason="Chờ xác minh", signer="CHỦ TỊCH"
        )


@pytest.mark.parametrize(
    ("now", "new_date"),
    [
        ("2026-11-27T10:00", date(2026, 11, 30)),  # the due date itself
        ("2026-11-27T10:00", date(2026, 11, 27)),  # before the due
        ("2026-12-02T10:00", date(2026, 12, 2)),  # after the due but today
        ("2026-12-02T10:00", date(2026, 12, 1)),  # in the past
    ],
)
def test_apology_date_must_follow_the_due_and_today(
    services: DeskServices, clock: FakeClock, now: str, new_date: date
) -> None:
    code = open_3wd(services)
    clock.set(now)
    before = state(services)
    with pytest.raises(InvalidInput, match="sau ngày hẹn hiện tại và sau hôm nay"):
        services.returns.apologise(code, new_date=new_date, reason="Chậm", signer="CHỦ TỊCH")
    assert state(services) == before


def test_apology_after_the_due_passed_is_allowed(services: DeskServices, clock: FakeClock) -> None:
    code = open_3wd(services)
    clock.set("2026-12-02T10:00")
    view = services.returns.apologise(
        code, new_date=date(2026, 12, 3), reason="Chậm", signer="CHỦ TỊCH"
    )
    assert view.new_due_at == at("2026-12-03T17:00")


@pytest.mark.parametrize(
    ("reason", "signer", "message"),
    [(" ", "CHỦ TỊCH", "lý do"), ("Chậm", "", "người ký")],
)
def test_apology_needs_reason_and_signer(
    services: DeskServices, reason: str, signer: str, message: str
) -> None:
    code = open_3wd(services)
    before = state(services)
    with pytest.raises(InvalidInput, match=message):
        services.returns.apologise(code, new_date=date(2026, 12, 3), reason=reason, signer=signer)
    assert state(services) == before


def test_second_apology_needs_the_office_to_allow_it(
    services: DeskServices, clock: FakeClock
) -> None:
    code = open_3wd(services)
    clock.set("2026-11-27T10:00")
    services.returns.apologise(code, new_date=date(2026, 12, 3), reason="Chậm", signer="CHỦ TỊCH")
    before = state(services)

    with pytest.raises(InvalidInput) as raised:
        services.returns.apologise(
            code, new_date=date(2026, 12, 8), reason="Chậm nữa", signer="CHỦ TỊCH"
        )
    assert "1 lần" in str(raised.value)
    assert state(services) == before

    assert services.office.update_rules(max_extensions=2).max_extensions == 2
    with pytest.raises(InvalidInput, match="sau ngày hẹn hiện tại"):
        # the current appointment is now the extended one (03/12)
        services.returns.apologise(
            code, new_date=date(2026, 12, 3), reason="Chậm nữa", signer="CHỦ TỊCH"
        )
    view = services.returns.apologise(
        code, new_date=date(2026, 12, 8), reason="Chậm nữa", signer="CHỦ TỊCH"
    )

    assert view.previous_due_at == at("2026-12-03T17:00")
    assert view.original_due_at == at("2026-11-30T09:00")
    stored = dossier(services, code)
    assert stored.due_at == at("2026-11-30T09:00")
    assert stored.extended_due_at == at("2026-12-08T17:00")
    assert [e.new_due_at for e in extensions(services, code)] == [
        at("2026-12-03T17:00"),
        at("2026-12-08T17:00"),
    ]


def test_apology_for_a_finished_dossier_is_illegal(
    services: DeskServices, clock: FakeClock
) -> None:
    code = ready(services)
    before = state(services)
    with pytest.raises(IllegalTransition, match="đã có kết quả"):
        services.returns.apologise(
            code, new_date=date(2026, 12, 3), reason="Chậm", signer="CHỦ TỊCH"
        )
    assert state(services) == before


def test_apology_without_an_appointment(services: DeskServices) -> None:
    code = services.intake.receive(
        ReceiveRequest("T-3WD", citizen(), components=[], allow_incomplete=True)
    ).code
    with pytest.raises(InvalidInput, match="chưa có ngày hẹn"):
        services.returns.apologise(
            code, new_date=date(2026, 12, 3), reason="Chậm", signer="CHỦ TỊCH"
        )
    assert extensions(services, code) == []


def test_apology_end_of_day_follows_the_office_sessions(
    services: DeskServices, clock: FakeClock
) -> None:
    services.office.update_rules(sessions=[("07:30", "11:30"), ("13:00", "16:30")])
    code = open_3wd(services)
    view = services.returns.apologise(
        code, new_date=date(2026, 12, 8), reason="Chậm", signer="CHỦ TỊCH"
    )
    assert view.new_due_at == at("2026-12-08T16:30")
