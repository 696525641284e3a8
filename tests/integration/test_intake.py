"""Intake (tiếp nhận) and the lifecycle actions after it, checked against the stored rows."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import col, select

from data.models import (
    CodeCounter,
    Dossier,
    DossierComponent,
    DossierEvent,
    DossierPause,
    OutboxCommand,
    RegisterCounter,
)
from desk.domain.calendar import DueRule, DurationUnit
from desk.domain.lifecycle import GENESIS_HASH, Status
from desk.errors import IllegalTransition, InvalidInput, NotFound, RangeExhausted
from desk.services.container import DeskServices
from desk.services.intake import ComponentInput, ReceiveRequest
from desk.services.returns import ReturnRequest
from tests.conftest import AGENCY_CODE, SMALL_CATALOG, FakeClock, citizen
from tests.helpers import at, count, dossier, receive

SUBMITTER_NAME = "NGƯỜI NỘP THỬ NGHIỆM"


def events(services: DeskServices, code: str) -> list[DossierEvent]:
    with services.context.db.read() as session:
        row = session.exec(select(Dossier).where(col(Dossier.code) == code)).one()
        return list(
            session.exec(
                select(DossierEvent)
                .where(col(DossierEvent.dossier_id) == row.id)
                .order_by(col(DossierEvent.seq))
            ).all()
        )


def pauses(services: DeskServices, code: str) -> list[DossierPause]:
    with services.context.db.read() as session:
        row = session.exec(select(Dossier).where(col(Dossier.code) == code)).one()
        return list(
            session.exec(
                select(DossierPause)
                .where(col(DossierPause.dossier_id) == row.id)
                .order_by(col(DossierPause.id))
            ).all()
        )


def outbox_seqs(services: DeskServices) -> list[int]:
    with services.context.db.read() as session:
        return list(session.exec(select(OutboxCommand.seq).order_by(col(OutboxCommand.seq))).all())


def snapshot(services: DeskServices) -> dict[str, int]:
    """Row counts of everything an intake or an action may write."""
    tables = {
        "dossier": Dossier,
        "component": DossierComponent,
        "event": DossierEvent,
        "outbox": OutboxCommand,
        "pause": DossierPause,
        "register": RegisterCounter,
    }
    counts = {name: count(services, model) for name, model in tables.items()}
    with services.context.db.read() as session:
        counts["last_seq_sum"] = sum(c.last_seq for c in session.exec(select(CodeCounter)).all())
    return counts


# ------------------------------------------------------------------ codes and sequence


def test_receive_issues_a_code_of_the_national_shape(services: DeskServices) -> None:
    result = receive(services)

    assert result.code == f"{AGENCY_CODE}-261125-0001"
    assert result.status is Status.RECEIVED
    stored = dossier(services, result.code)
    assert stored.id == result.dossier_id
    assert stored.status == 2
    assert stored.register_book == "2026"
    assert stored.register_seq == 1
    assert result.tracking_url is not None
    assert result.tracking_url.startswith("https://tracuu.motcua.invalid/")
    assert stored.lookup_code == result.lookup_code


def test_sequence_increments_within_the_local_day_and_resets_after_local_midnight(
    services: DeskServices, clock: FakeClock
) -> None:
    first = receive(services)
    clock.set("2026-11-25T16:00")
    second = receive(services, "T-SAMEDAY")
    clock.set("2026-11-25T23:30")  # 16:30 UTC: still the 25th locally
    third = receive(services, "T-8WH")
    clock.set("2026-11-26T00:10")  # 17:10 UTC of the 25th, but the 26th locally
    fourth = receive(services)

    assert [first.code, second.code, third.code, fourth.code] == [
        f"{AGENCY_CODE}-261125-0001",
        f"{AGENCY_CODE}-261125-0002",
        f"{AGENCY_CODE}-261125-0003",
        f"{AGENCY_CODE}-261126-0001",
    ]
    with services.context.db.read() as session:
        counters = {c.day.isoformat(): c.last_seq for c in session.exec(select(CodeCounter))}
        register = session.exec(select(RegisterCounter)).one()
    assert counters == {"2026-11-25": 3, "2026-11-26": 1}
    assert register.last_seq == 4  # the Sổ theo dõi keeps counting across days


def test_range_exhausted_writes_nothing(bare_services: DeskServices, clock: FakeClock) -> None:
    bare_services.office.init_office(
        agency_code=AGENCY_CODE,
        agency_name="Ủy ban nhân dân xã Thử Nghiệm",
        desk_range="0001-0002",
    )
    bare_services.catalog.import_file(SMALL_CATALOG)
    codes = [receive(bare_services).code for _ in range(2)]
    assert codes[-1].endswith("-0002")
    before = snapshot(bare_services)

    with pytest.raises(RangeExhausted) as raised:
        receive(bare_services)

    assert "Đã dùng hết dải số hồ sơ 0001-0002" in str(raised.value)
    assert snapshot(bare_services) == before
    assert before["dossier"] == 2
    assert before["last_seq_sum"] == 2

    clock.set("2026-11-26T08:00")  # a new local day opens the range again
    assert receive(bare_services).code == f"{AGENCY_CODE}-261126-0001"


def test_a_desk_range_that_does_not_start_at_one(bare_services: DeskServices) -> None:
    bare_services.office.init_office(
        agency_code=AGENCY_CODE, agency_name="Ủy ban nhân dân xã Thử Nghiệm", desk_range="5000-5001"
    )
    bare_services.catalog.import_file(SMALL_CATALOG)
    assert receive(bare_services).code.endswith("-5000")
    assert receive(bare_services).code.endswith("-5001")


# ------------------------------------------------------------------ appointment (due)


@pytest.mark.parametrize(
    ("received", "procedure", "due"),
    [
        ("2026-11-25T09:00", "T-SAMEDAY", "2026-11-25T17:00"),
        ("2026-11-25T15:00", "T-SAMEDAY", "2026-11-25T17:00"),  # at the cut-off: same day
        ("2026-11-25T15:01", "T-SAMEDAY", "2026-11-26T17:00"),
        ("2026-11-23T16:00", "T-SAMEDAY", "2026-11-25T17:00"),  # next working day skips 24/11
        ("2026-11-24T10:00", "T-SAMEDAY", "2026-11-25T17:00"),  # received on the holiday
        ("2026-11-25T09:00", "T-3WD", "2026-11-30T09:00"),
        ("2026-11-24T10:00", "T-3WD", "2026-11-27T17:00"),  # clock starts 25/11 07:00
        ("2026-11-25T09:00", "T-8WH", "2026-11-26T09:00"),
        ("2026-11-25T16:00", "T-8WH", "2026-11-26T16:00"),
        ("2026-11-27T12:00", "T-8WH", "2026-11-30T11:30"),  # lunch: clock starts at 13:30
    ],
)
def test_due_follows_the_procedure_rule(
    services: DeskServices, clock: FakeClock, received: str, procedure: str, due: str
) -> None:
    clock.set(received)
    result = receive(services, procedure)

    assert result.due_at == at(due)
    stored = dossier(services, result.code)
    assert stored.due_at == at(due)
    assert stored.original_due_at == at(due)
    assert stored.extended_due_at is None
    assert stored.received_at == at(received)


def test_due_rule_and_calendar_version_are_stored(services: DeskServices) -> None:
    same_day = dossier(services, receive(services, "T-SAMEDAY").code)
    three_days = dossier(services, receive(services, "T-3WD").code)
    verification = dossier(services, receive(services, "T-3WD", case_key="xac-minh").code)

    assert same_day.due_rule is not None and three_days.due_rule is not None
    assert json.loads(same_day.due_rule) == {"unit": "same_day", "amount": 0, "cutoff": "15:00:00"}
    assert json.loads(three_days.due_rule) == {"unit": "wd", "amount": 3, "cutoff": None}
    assert verification.case_key == "xac-minh"
    assert verification.due_rule is not None
    assert json.loads(verification.due_rule)["amount"] == 23
    calendar = services.calendar.working_calendar()
    expected = calendar.compute_due(DueRule(DurationUnit.WORKING_DAYS, 3), at("2026-11-25T09:00"))
    assert three_days.calendar_version == expected.calendar_version
    assert three_days.calendar_version is not None
    assert three_days.calendar_version.startswith("s:")
    assert "2026:" in three_days.calendar_version
    assert three_days.clock_started_at == at("2026-11-25T09:00")


def test_fee_and_copied_catalogue_data(services: DeskServices) -> None:
    stored = dossier(services, receive(services, "T-SAMEDAY").code)
    assert stored.fee_amount == 2000
    assert stored.procedure_code == "T-SAMEDAY"
    assert stored.procedure_name == "Chứng thực bản sao từ bản chính"
    assert stored.sector == "Chứng thực"
    assert stored.case_key == "chung"


# ------------------------------------------------------------------ what one intake writes


def test_one_receive_writes_one_dossier_its_components_one_event_and_one_command(
    services: DeskServices,
) -> None:
    result = receive(
        services,
        components=[
            ComponentInput("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", originals=1),
            ComponentInput(
                "Giấy tờ chứng minh đã ly hôn", required=False, originals=0, certified=1
            ),
        ],
    )

    assert count(services, Dossier) == 1
    assert count(services, DossierComponent) == 2
    assert count(services, DossierEvent) == 1
    assert count(services, OutboxCommand) == 1
    assert count(services, DossierPause) == 0
    with services.context.db.read() as session:
        components = session.exec(
            select(DossierComponent).order_by(col(DossierComponent.position))
        ).all()
        command = session.exec(select(OutboxCommand)).one()
    assert [(c.name, c.required, c.originals, c.certified, c.provided) for c in components] == [
        ("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", True, 1, 0, True),
        ("Giấy tờ chứng minh đã ly hôn", False, 0, 1, True),
    ]
    assert all(c.dossier_id == result.dossier_id for c in components)
    assert command.seq == 1
    assert command.type == "dossier.receive"
    assert command.dossier_id == result.dossier_id
    assert command.state == "pending"
    assert json.loads(command.payload)["code"] == result.code

    [event] = events(services, result.code)
    assert (event.seq, event.kind, event.from_status, event.to_status) == (1, "receive", None, 2)
    assert event.prev_hash == GENESIS_HASH
    stored = dossier(services, result.code)
    assert stored.event_count == 1
    assert stored.last_event_hash == event.hash


def test_default_components_are_the_required_ones(services: DeskServices) -> None:
    receive(services)
    with services.context.db.read() as session:
        names = [c.name for c in session.exec(select(DossierComponent)).all()]
    assert names == ["Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"]


def test_outbox_sequence_is_gap_free_across_dossiers_and_actions(services: DeskServices) -> None:
    first = receive(services)
    receive(services, "T-SAMEDAY")
    services.intake.hand_over(first.code, unit="Công chức Tư pháp - Hộ tịch")
    receive(services, "T-8WH")
    services.intake.result_ready(first.code)

    assert outbox_seqs(services) == [1, 2, 3, 4, 5]
    assert services.maintenance.verify().outbox_gaps == []


# ------------------------------------------------------------------ refusals before writing


def test_missing_required_component_lists_it_and_writes_nothing(services: DeskServices) -> None:
    before = snapshot(services)
    with pytest.raises(InvalidInput) as raised:
        receive(
            services,
            "T-SAMEDAY",
            components=[ComponentInput("Bản chính giấy tờ", originals=1)],
        )
    assert "Bản sao cần chứng thực" in str(raised.value)
    assert "Bản chính giấy tờ" not in str(raised.value)
    assert "Mẫu 02" in str(raised.value)
    assert snapshot(services) == before


def test_component_given_with_zero_copies_counts_as_missing(services: DeskServices) -> None:
    with pytest.raises(InvalidInput) as raised:
        receive(
            services,
            "T-SAMEDAY",
            components=[
                ComponentInput("Bản chính giấy tờ", originals=1),
                ComponentInput("Bản sao cần chứng thực", originals=0),
            ],
        )
    assert "Bản sao cần chứng thực" in str(raised.value)
    assert count(services, Dossier) == 0


def test_negative_copy_count_is_refused(services: DeskServices) -> None:
    with pytest.raises(InvalidInput, match="không được âm"):
        receive(
            services,
            "T-8WH",
            components=[ComponentInput("Tờ khai", originals=1, copies=-1)],
        )
    assert count(services, Dossier) == 0


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"delivery": "postal"}, "bưu chính cần địa chỉ"),
        ({"delivery": "postal", "delivery_address": "   "}, "bưu chính cần địa chỉ"),
        ({"channel": "fax"}, "Kênh tiếp nhận không hợp lệ"),
        ({"delivery": "drone"}, "Hình thức nhận kết quả không hợp lệ"),
        ({"sets_count": 0}, "Số bộ hồ sơ"),
        ({"sets_count": 100}, "Số bộ hồ sơ"),
        ({"owner": citizen(id_number="999085000001")}, "Số định danh của chủ hồ sơ"),
        ({"owner": citizen(id_number="00108500001")}, "12 chữ số"),
        ({"owner": citizen(email="khong-phai-email")}, "email của chủ hồ sơ"),
        ({"owner": citizen(phone="12345")}, "Số điện thoại của chủ hồ sơ"),
        ({"owner": citizen(full_name="   ")}, "Chưa nhập họ tên chủ hồ sơ"),
        (
            {"submitter": citizen(2, phone="0912")},
            "Số điện thoại của người nộp hồ sơ",
        ),
    ],
)
def test_invalid_request_is_refused_in_vietnamese_and_writes_nothing(
    services: DeskServices, options: dict[str, Any], message: str
) -> None:
    before = snapshot(services)
    with pytest.raises(InvalidInput) as raised:
        receive(services, **options)
    assert message in str(raised.value)
    assert snapshot(services) == before


def test_error_about_an_id_number_does_not_echo_it(services: DeskServices) -> None:
    with pytest.raises(InvalidInput) as raised:
        receive(services, owner=citizen(id_number="999085000001"))
    assert "999085000001" not in str(raised.value)
    assert "999085000001" not in repr(raised.value.params)


def test_unknown_procedure_is_not_found(services: DeskServices) -> None:
    with pytest.raises(NotFound, match="T-KHONG-CO"):
        receive(services, "T-KHONG-CO")
    assert count(services, Dossier) == 0


def test_unknown_case_key_lists_the_known_ones(services: DeskServices) -> None:
    with pytest.raises(InvalidInput) as raised:
        receive(services, case_key="khong-co")
    assert "chung" in str(raised.value)
    assert "xac-minh" in str(raised.value)
    assert count(services, Dossier) == 0


def test_receive_before_the_office_exists_is_a_config_error(bare_services: DeskServices) -> None:
    from desk.errors import ConfigError

    with pytest.raises(ConfigError, match="desk init"):
        receive(bare_services)


# ------------------------------------------------------------------ people


def test_submitter_is_stored_apart_from_the_owner(services: DeskServices) -> None:
    submitter = citizen(2, full_name="  người nộp   thử nghiệm ", phone="0912.000.002")
    result = receive(services, submitter=submitter)

    stored = dossier(services, result.code)
    assert stored.owner_name == "CÔNG DÂN THỬ NGHIỆM"
    assert stored.owner_id_number == "001085000001"
    assert stored.owner_name_search == "cong dan thu nghiem"
    assert stored.submitter_id_number == "001085000002"
    assert stored.submitter_json is not None
    data = json.loads(stored.submitter_json)
    assert data["full_name"] == "người nộp thử nghiệm"
    assert data["phone"] == "0912000002"
    assert data["date_of_birth"] == "1985-01-01"


def test_owner_fields_are_normalised_on_the_dossier(services: DeskServices) -> None:
    owner = citizen(id_number=" 0010 8500 0001 ", phone="0912 000 000", sex="nam", email=" a@b.vn ")
    stored = dossier(services, receive(services, owner=owner).code)
    assert stored.owner_id_number == "001085000001"
    assert stored.owner_phone == "0912000000"
    assert stored.owner_sex == "Nam"
    assert stored.owner_email == "a@b.vn"


def test_personal_data_is_not_in_reprs(services: DeskServices) -> None:
    person = citizen(email="cong.dan@example.invalid")
    request = ReceiveRequest("T-3WD", person, submitter=citizen(2))
    for text_value in (repr(person), str(person), repr(request)):
        assert "001085000001" not in text_value
        assert "001085000002" not in text_value
        assert "THỬ NGHIỆM" not in text_value
        assert "0912000000" not in text_value
        assert "example.invalid" not in text_value
        assert "1985" not in text_value


# ------------------------------------------------------------------ incomplete at intake


def test_allow_incomplete_records_status_5_without_due_and_opens_a_pause(
    services: DeskServices, clock: FakeClock
) -> None:
    result = receive(
        services,
        "T-SAMEDAY",
        components=[ComponentInput("Bản chính giấy tờ", originals=1)],
        allow_incomplete=True,
    )

    assert result.status is Status.SUPPLEMENT_REQUESTED
    assert result.missing == ("Bản sao cần chứng thực",)
    assert result.due_at is None
    stored = dossier(services, result.code)
    assert stored.status == 5
    assert stored.due_at is None
    assert stored.due_rule is None
    assert stored.clock_started_at is None
    assert stored.paused_at == clock.now
    assert stored.status_before_pause is None
    [pause] = pauses(services, result.code)
    assert (pause.kind, pause.started_at, pause.ended_at) == ("supplement", clock.now, None)
    [event] = events(services, result.code)
    assert event.kind == "receive_incomplete"
    assert json.loads(event.payload)["missing"] == ["Bản sao cần chứng thực"]
    with services.context.db.read() as session:
        components = session.exec(
            select(DossierComponent).order_by(col(DossierComponent.position))
        ).all()
    assert [(c.name, c.provided) for c in components] == [
        ("Bản chính giấy tờ", True),
        ("Bản sao cần chứng thực", False),
    ]


def test_supplement_after_incomplete_intake_starts_the_clock_then(
    services: DeskServices, clock: FakeClock
) -> None:
    result = receive(services, components=[], allow_incomplete=True)
    clock.set("2026-11-26T10:00")

    status = services.intake.supplement_received(result.code)

    assert status is Status.RECEIVED
    stored = dossier(services, result.code)
    assert stored.status == 2
    assert stored.paused_at is None
    assert stored.clock_started_at == at("2026-11-26T10:00")
    # 3 working days from Thu 26/11 10:00 → Tue 01/12 10:00
    assert stored.due_at == at("2026-12-01T10:00")
    assert stored.original_due_at == at("2026-12-01T10:00")
    assert stored.due_rule is not None
    [pause] = pauses(services, result.code)
    assert pause.ended_at == at("2026-11-26T10:00")
    assert [e.kind for e in events(services, result.code)] == [
        "receive_incomplete",
        "supplement_received",
    ]


def test_refuse_an_incomplete_dossier(services: DeskServices, clock: FakeClock) -> None:
    result = receive(services, components=[], allow_incomplete=True)
    with pytest.raises(InvalidInput, match="lý do"):
        services.intake.refuse(result.code, reason="  ")
    assert len(events(services, result.code)) == 1

    clock.advance(hours=1)
    assert services.intake.refuse(result.code, reason="Không bổ sung đủ") is Status.REFUSED

    stored = dossier(services, result.code)
    assert stored.status == 3
    assert stored.finished_at == clock.now
    assert stored.paused_at is None
    assert pauses(services, result.code)[0].ended_at == clock.now
    assert json.loads(events(services, result.code)[-1].payload)["reason"] == "Không bổ sung đủ"


# ------------------------------------------------------------------ lifecycle via services


def test_hand_over_moves_2_to_4_and_records_the_unit(services: DeskServices) -> None:
    code = receive(services).code
    with pytest.raises(InvalidInput):
        services.intake.hand_over(code, unit=" ")

    assert services.intake.hand_over(code, unit="Công chức Tư pháp") is Status.PROCESSING

    assert dossier(services, code).status == 4
    last = events(services, code)[-1]
    assert (last.kind, last.from_status, last.to_status) == ("hand_over", 2, 4)
    assert json.loads(last.payload) == {"code": code, "unit": "Công chức Tư pháp"}


def test_request_supplement_from_processing(services: DeskServices, clock: FakeClock) -> None:
    code = receive(services).code
    services.intake.hand_over(code, unit="Công chức Tư pháp")
    due_before = dossier(services, code).due_at
    clock.set("2026-11-26T10:00")

    status = services.intake.request_supplement(
        code, items=["Bản sao giấy khai sinh", "  "], reason="Thiếu giấy tờ"
    )

    assert status is Status.SUPPLEMENT_REQUESTED
    stored = dossier(services, code)
    assert stored.status == 5
    assert stored.status_before_pause == 4
    assert stored.paused_at == clock.now
    assert stored.due_at == due_before
    last = events(services, code)[-1]
    assert (last.kind, last.from_status, last.to_status) == ("request_supplement", 4, 5)
    payload = json.loads(last.payload)
    assert payload["items"] == ["Bản sao giấy khai sinh"]
    assert payload["reason"] == "Thiếu giấy tờ"
    [pause] = pauses(services, code)
    assert (pause.kind, pause.started_at, pause.ended_at) == ("supplement", clock.now, None)


@pytest.mark.parametrize(
    ("items", "reason", "message"),
    [
        ([], "Thiếu", "ít nhất một nội dung"),
        (["  "], "Thiếu", "ít nhất một"),
        (["A"], " ", "lý do"),
    ],
)
def test_request_supplement_needs_items_and_reason(
    services: DeskServices, items: list[str], reason: str, message: str
) -> None:
    code = receive(services).code
    with pytest.raises(InvalidInput, match=message):
        services.intake.request_supplement(code, items=items, reason=reason)
    assert dossier(services, code).status == 2
    assert len(events(services, code)) == 1


def test_supplement_in_restart_mode_restarts_the_count(
    services: DeskServices, clock: FakeClock
) -> None:
    code = receive(services).code  # T-3WD, supplement_mode "restart"
    services.intake.hand_over(code, unit="Công chức Tư pháp")
    clock.set("2026-11-26T10:00")
    services.intake.request_supplement(code, items=["Tờ khai"], reason="Sai thông tin")
    clock.set("2026-11-30T10:00")

    assert services.intake.supplement_received(code) is Status.PROCESSING

    stored = dossier(services, code)
    assert stored.status == 4
    assert stored.paused_at is None
    assert stored.status_before_pause is None
    assert stored.clock_started_at == at("2026-11-30T10:00")
    # the full 3 working days again from Mon 30/11 10:00
    assert stored.due_at == at("2026-12-03T10:00")
    assert stored.original_due_at == at("2026-11-30T09:00")
    [pause] = pauses(services, code)
    assert pause.ended_at == at("2026-11-30T10:00")


def test_supplement_in_pause_mode_moves_the_due_by_the_paused_working_time(
    services: DeskServices, clock: FakeClock
) -> None:
    code = receive(services, "T-PAUSE").code
    calendar = services.calendar.working_calendar()
    first_due = dossier(services, code).due_at
    assert first_due is not None
    services.intake.hand_over(code, unit="Công chức Địa chính - Xây dựng")

    clock.set("2026-11-26T10:00")
    services.intake.request_supplement(code, items=["Bản vẽ"], reason="Thiếu bản vẽ")
    clock.set("2026-11-30T14:00")
    services.intake.supplement_received(code)

    paused = calendar.working_time_between(at("2026-11-26T10:00"), at("2026-11-30T14:00"))
    assert paused == timedelta(hours=18)
    stored = dossier(services, code)
    assert stored.status == 4
    assert stored.clock_started_at == at("2026-11-25T09:00")  # not restarted
    assert stored.due_at is not None
    assert calendar.working_time_between(first_due, stored.due_at) == paused
    assert stored.due_at == calendar.add_working_time(first_due, paused)
    assert stored.original_due_at == first_due

    # A second pause adds to the first one.
    second_due = stored.due_at
    clock.set("2026-12-01T09:00")
    services.intake.request_supplement(code, items=["Bản vẽ"], reason="Bản vẽ chưa ký")
    clock.set("2026-12-01T15:00")
    services.intake.supplement_received(code)
    again = calendar.working_time_between(at("2026-12-01T09:00"), at("2026-12-01T15:00"))
    assert again == timedelta(hours=4)
    final_due = dossier(services, code).due_at
    assert final_due is not None
    assert calendar.working_time_between(second_due, final_due) == again
    assert calendar.working_time_between(first_due, final_due) == paused + again
    assert all(p.ended_at is not None for p in pauses(services, code))


def test_pause_that_begins_before_the_clock_starts_still_counts(
    services: DeskServices, clock: FakeClock
) -> None:
    """Received and sent back on the 24/11 holiday: the clock would have started 25/11 07:00."""
    clock.set("2026-11-24T10:00")
    code = receive(services, "T-PAUSE").code
    calendar = services.calendar.working_calendar()
    first_due = dossier(services, code).due_at
    assert first_due is not None
    clock.set("2026-11-24T11:00")
    services.intake.request_supplement(code, items=["Bản vẽ"], reason="Thiếu bản vẽ")
    clock.set("2026-11-26T10:00")
    services.intake.supplement_received(code)

    stored = dossier(services, code)
    assert stored.due_at is not None
    # the whole of 25/11 and 26/11 07:00–10:00 were paused working time
    assert calendar.working_time_between(first_due, stored.due_at) == timedelta(hours=11)


def test_pause_before_a_restart_is_not_counted_again(
    services: DeskServices, clock: FakeClock
) -> None:
    """Incomplete at intake, then completed: the intake pause ends where the clock starts."""
    code = receive(services, "T-PAUSE", components=[], allow_incomplete=True).code
    clock.set("2026-11-26T10:00")
    services.intake.supplement_received(code)
    started_due = dossier(services, code).due_at
    clock.set("2026-11-27T09:00")
    services.intake.request_supplement(code, items=["Bản vẽ"], reason="Thiếu")
    clock.set("2026-11-27T10:00")
    services.intake.supplement_received(code)

    calendar = services.calendar.working_calendar()
    final_due = dossier(services, code).due_at
    assert started_due is not None and final_due is not None
    assert calendar.working_time_between(started_due, final_due) == timedelta(hours=1)


def test_supplement_received_when_not_waiting_is_illegal(services: DeskServices) -> None:
    code = receive(services).code
    with pytest.raises(IllegalTransition, match="không ở trạng thái chờ bổ sung"):
        services.intake.supplement_received(code)
    assert len(events(services, code)) == 1


def test_withdraw(services: DeskServices, clock: FakeClock) -> None:
    code = receive(services).code
    clock.advance(hours=2)
    assert services.intake.withdraw(code) is Status.WITHDRAWN
    stored = dossier(services, code)
    assert stored.status == 7
    assert stored.finished_at == clock.now
    assert json.loads(events(services, code)[-1].payload) == {"code": code}


def test_withdraw_while_waiting_for_supplement_closes_the_pause(
    services: DeskServices, clock: FakeClock
) -> None:
    code = receive(services).code
    services.intake.request_supplement(code, items=["Tờ khai"], reason="Sai")
    clock.advance(hours=1)
    services.intake.withdraw(code, reason="Công dân xin rút")
    stored = dossier(services, code)
    assert stored.status == 7
    assert stored.paused_at is None
    assert pauses(services, code)[0].ended_at == clock.now


def test_stop_requires_a_reason(services: DeskServices, clock: FakeClock) -> None:
    code = receive(services).code
    services.intake.hand_over(code, unit="Công chức Tư pháp")
    with pytest.raises(InvalidInput, match="lý do"):
        services.intake.stop(code, reason="")
    assert dossier(services, code).status == 4

    clock.advance(days=1)
    assert services.intake.stop(code, reason="Theo đề nghị của công dân") is Status.STOPPED
    stored = dossier(services, code)
    assert stored.status == 8
    assert stored.finished_at == clock.now


def test_result_ready_sets_finished_at(services: DeskServices, clock: FakeClock) -> None:
    code = receive(services).code
    services.intake.hand_over(code, unit="Công chức Tư pháp")
    clock.set("2026-11-27T10:00")
    assert services.intake.result_ready(code, note="Đã ký") is Status.RESULT_READY
    stored = dossier(services, code)
    assert stored.status == 9
    assert stored.finished_at == at("2026-11-27T10:00")
    assert stored.returned_at is None


def _at_status_9(services: DeskServices) -> str:
    code = receive(services).code
    services.intake.hand_over(code, unit="Công chức Tư pháp")
    services.intake.result_ready(code)
    return code


def _at_status_4(services: DeskServices) -> str:
    code = receive(services).code
    services.intake.hand_over(code, unit="Công chức Tư pháp")
    return code


@pytest.mark.parametrize(
    ("prepare", "act", "message"),
    [
        (
            lambda s: receive(s).code,
            lambda s, c: s.returns.return_result(ReturnRequest(c)),
            "chưa có kết quả",
        ),
        (
            _at_status_9,
            lambda s, c: s.intake.hand_over(c, unit="Công chức Tư pháp"),
            "Đã xử lý xong",
        ),
        (_at_status_4, lambda s, c: s.intake.refuse(c, reason="Không hợp lệ"), "Đang xử lý"),
        (_at_status_9, lambda s, c: s.intake.withdraw(c), "rút hồ sơ"),
        (_at_status_4, lambda s, c: s.intake.hand_over(c, unit="Tư pháp"), "bàn giao"),
    ],
)
def test_illegal_transition_is_refused_in_vietnamese_and_writes_nothing(
    services: DeskServices, prepare: Any, act: Any, message: str
) -> None:
    code: str = prepare(services)
    stored = dossier(services, code)
    before = snapshot(services)

    with pytest.raises(IllegalTransition) as raised:
        act(services, code)

    assert message in str(raised.value)
    assert snapshot(services) == before
    after = dossier(services, code)
    assert after.status == stored.status
    assert after.event_count == stored.event_count
    assert after.last_event_hash == stored.last_event_hash


def test_actions_on_unknown_or_malformed_codes(services: DeskServices) -> None:
    with pytest.raises(NotFound):
        services.intake.hand_over(f"{AGENCY_CODE}-261125-0099", unit="Tư pháp")
    with pytest.raises(InvalidInput):
        services.intake.withdraw("không phải mã")


# ------------------------------------------------------------------ audit chain


def test_every_action_appends_one_chained_event_and_verify_stays_ok(
    services: DeskServices, clock: FakeClock
) -> None:
    code = receive(services).code
    steps: list[Callable[[], object]] = [
        lambda: services.intake.hand_over(code, unit="Công chức Tư pháp"),
        lambda: services.intake.request_supplement(code, items=["Tờ khai"], reason="Sai"),
        lambda: services.intake.supplement_received(code),
        lambda: services.intake.result_ready(code),
        lambda: services.returns.return_result(ReturnRequest(code)),
    ]
    for number, step in enumerate(steps, start=2):
        clock.advance(hours=1)
        step()
        chain = events(services, code)
        assert len(chain) == number
        assert chain[-1].prev_hash == chain[-2].hash
        assert dossier(services, code).last_event_hash == chain[-1].hash
        assert services.maintenance.verify().ok

    chain = events(services, code)
    assert [e.seq for e in chain] == [1, 2, 3, 4, 5, 6]
    assert [e.kind for e in chain] == [
        "receive",
        "hand_over",
        "request_supplement",
        "supplement_received",
        "result_ready",
        "return",
    ]
    assert [(e.from_status, e.to_status) for e in chain] == [
        (None, 2),
        (2, 4),
        (4, 5),
        (5, 4),
        (4, 9),
        (9, 10),
    ]
    assert len({e.hash for e in chain}) == 6
    assert outbox_seqs(services) == [1, 2, 3, 4, 5, 6]


def test_tampering_with_an_event_breaks_that_dossiers_chain(services: DeskServices) -> None:
    tampered = receive(services).code
    untouched = receive(services, "T-SAMEDAY").code
    services.intake.hand_over(tampered, unit="Công chức Tư pháp")
    assert services.maintenance.verify().ok

    with services.context.db.write() as session:
        session.connection().execute(
            text(
                "UPDATE dossier_event SET payload = :payload WHERE seq = 1 AND dossier_id = "
                "(SELECT id FROM dossier WHERE code = :code)"
            ),
            {"payload": '{"code":"sua-doi"}', "code": tampered},
        )

    report = services.maintenance.verify()
    assert not report.ok
    assert set(report.broken_chains) == {tampered}
    assert untouched not in report.broken_chains
    assert any("hash" in reason for reason in report.broken_chains[tampered])
    assert report.dossiers_checked == 2
    assert report.events_checked == 3


def test_deleting_the_last_event_is_detected(services: DeskServices) -> None:
    code = receive(services).code
    services.intake.hand_over(code, unit="Công chức Tư pháp")
    with services.context.db.write() as session:
        session.connection().execute(text("DELETE FROM outbox_command WHERE seq = 2"))
        session.connection().execute(text("DELETE FROM dossier_event WHERE seq = 2"))

    report = services.maintenance.verify()
    assert code in report.broken_chains
    assert not report.ok


# ------------------------------------------------------------------ text refused at entry

_BAD_TEXT: dict[str, dict[str, Any]] = {
    "name-nul": {"owner": citizen(full_name="CÔNG DÂN\x00THỬ NGHIỆM")},
    "name-esc": {"owner": citizen(full_name="\x1b[31mCÔNG DÂN")},
    "name-100kB": {"owner": citizen(full_name="A" * 100_000)},
    "address-c1": {"owner": citizen(address="Thôn\x9bxã")},
    "address-long": {"owner": citizen(address="x" * 301)},
    "phone-esc": {"owner": citizen(phone="0912\x1b000000")},
    "submitter-name": {"submitter": citizen(2, full_name="NGƯỜI\x07NỘP")},
    "notes-nul": {"notes": "ghi\x00chú"},
    "notes-long": {"notes": "x" * 2001},
    "summary-bidi": {"summary": "Đăng ký \u202ekhai sinh"},
    "delivery-address": {"delivery": "postal", "delivery_address": "Số 1\x00 đường A"},
    "component-name": {"components": [ComponentInput("Tờ khai\x1b")]},
    "component-note": {"components": [ComponentInput("Tờ khai", note="\x00")]},
}


@pytest.mark.parametrize("options", _BAD_TEXT.values(), ids=_BAD_TEXT.keys())
def test_control_characters_and_long_text_are_refused_and_nothing_written(
    services: DeskServices, options: dict[str, Any]
) -> None:
    before = snapshot(services)
    with pytest.raises(InvalidInput, match=r"ký tự không hợp lệ|quá giới hạn"):
        receive(services, **options)
    assert snapshot(services) == before


@pytest.mark.parametrize(
    "act",
    [
        lambda s, c: s.intake.refuse(c, reason="lý do\x00"),
        lambda s, c: s.intake.stop(c, reason="x" * 2001),
        lambda s, c: s.intake.hand_over(c, unit="Phòng\x1b"),
        lambda s, c: s.intake.request_supplement(c, items=["Bản sao\x00"], reason="thiếu"),
        lambda s, c: s.intake.request_supplement(c, items=["Bản sao"], reason="\x1b"),
    ],
    ids=["refuse", "stop", "hand-over", "supplement-item", "supplement-reason"],
)
def test_actions_refuse_control_characters(
    services: DeskServices, act: Callable[[DeskServices, str], object]
) -> None:
    code = receive(services).code
    before = snapshot(services)
    with pytest.raises(InvalidInput, match=r"ký tự không hợp lệ|quá giới hạn"):
        act(services, code)
    assert snapshot(services) == before
    assert dossier(services, code).status == int(Status.RECEIVED)
