"""Reviewing online dossiers at the desk: the 8-working-hour countdown across a weekend and
holidays, a required file missing (accept refused, supplement instead), and the originals
compared at return of a "một phần" dossier — a real uvicorn server on SQLite, FakeClock."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from data.models import OutboxCommand
from desk.domain.lifecycle import Status
from desk.errors import IllegalTransition, InvalidInput
from desk.services.container import DeskServices
from desk.services.returns import ReturnRequest
from desk.services.sync_pull import NOTES_KEY
from sync.outbox import load_state
from sync.server.context import ServerSettings
from tests.conftest import FakeClock
from tests.helpers import count, dossier, events, last_payload, receive
from tests.sync.conftest import PUBLIC_URL, DeskFactory, LiveServer, serve
from tests.sync.online_helpers import FORM, attachment, server_dossier, submit


@pytest.fixture
def sqlite_server(tmp_path: Path, clock: FakeClock) -> Iterator[LiveServer]:
    settings = ServerSettings(
        db_url=f"sqlite:///{tmp_path / 'server.db'}",
        blob_dir=tmp_path / "server-blobs",
        public_url=PUBLIC_URL,
        clock=clock,
    )
    yield from serve(settings)


@pytest.fixture
def desk(sqlite_server: LiveServer, make_desk: DeskFactory) -> DeskServices:
    services = make_desk("quay-a", "0001-4999")
    services.sync.enrol(sqlite_server.url, sqlite_server.add_desk("0001-4999"))
    return services


def test_the_review_countdown_skips_the_weekend_and_the_national_day_holidays(
    sqlite_server: LiveServer, desk: DeskServices, clock: FakeClock
) -> None:
    clock.set("2026-08-28 15:00")  # Friday; 29-30 weekend, 31/8-2/9 holidays (2026 defaults)
    late = submit(sqlite_server)
    clock.set("2026-08-28 17:30")  # after hours: counts from the next working day's start
    later = submit(sqlite_server)
    desk.sync.sync_once()

    def left() -> list[tuple[str, timedelta, bool]]:
        items = desk.online.inbox()
        return [(i.review_due.isoformat(), i.working_time_left, i.overdue) for i in items]

    clock.set("2026-08-28 16:00")
    assert [item.code for item in desk.online.inbox()] == [late.code, later.code]  # oldest first
    assert left()[0] == ("2026-09-03T15:00:00+07:00", timedelta(hours=7), False)
    clock.set("2026-09-01 10:00")  # a holiday: no working time passes
    assert left() == [
        ("2026-09-03T15:00:00+07:00", timedelta(hours=6), False),
        ("2026-09-03T17:00:00+07:00", timedelta(hours=8), False),
    ]
    clock.set("2026-09-03 14:00")
    assert [entry[1] for entry in left()] == [timedelta(hours=1), timedelta(hours=3)]
    clock.set("2026-09-03 16:00")
    assert left()[0] == ("2026-09-03T15:00:00+07:00", -timedelta(hours=1), True)  # overdue
    assert left()[1][2] is False


def test_a_required_file_missing_cannot_be_accepted_only_sent_back_for_supplement(
    sqlite_server: LiveServer, desk: DeskServices, clock: FakeClock
) -> None:
    code = submit(sqlite_server, form_attached=False).code
    desk.sync.sync_once()
    [item] = desk.online.inbox()
    assert (item.attachments, item.missing_required) == (0, (FORM,))

    with pytest.raises(InvalidInput, match="yêu cầu bổ sung") as refused:
        desk.online.accept(code)
    assert FORM in refused.value.message
    assert dossier(desk, code).status == Status.SUBMITTED and dossier(desk, code).due_at is None
    assert count(desk, OutboxCommand) == 0  # nothing half-written
    with pytest.raises(InvalidInput, match="nội dung phải bổ sung"):
        desk.online.request_supplement(code, items=[" "], reason="Thiếu tờ khai")

    clock.advance(minutes=30)
    status = desk.online.request_supplement(code, items=[FORM], reason="Chưa tải lên tờ khai")
    assert status is Status.SUPPLEMENT_REQUESTED
    assert last_payload(desk, code)["items"] == [FORM]
    assert desk.online.inbox() == []
    with pytest.raises(IllegalTransition):
        desk.online.accept(code)  # no longer awaiting review
    assert desk.sync.sync_once().applied == 1
    assert server_dossier(sqlite_server, code).status == Status.SUPPLEMENT_REQUESTED


def test_refusal_needs_a_reason_and_only_online_dossiers_are_in_the_inbox(
    sqlite_server: LiveServer, desk: DeskServices
) -> None:
    code = submit(sqlite_server).code
    desk.sync.sync_once()
    with pytest.raises(InvalidInput, match="lý do"):
        desk.online.refuse(code, reason="  ")
    assert desk.online.refuse(code, reason="Sai thẩm quyền") is Status.REFUSED
    direct = receive(desk).code
    with pytest.raises(InvalidInput, match="không phải hồ sơ nộp trực tuyến"):
        desk.online.accept(direct)


def test_returning_a_partly_online_result_needs_the_originals_compared(
    sqlite_server: LiveServer, desk: DeskServices, tmp_path: Path, clock: FakeClock
) -> None:
    catalog = {
        "version": "test-online",
        "source": "Dữ liệu kiểm thử",
        "procedures": [
            {
                "code": "T-MOTPHAN",
                "name": "Thủ tục trực tuyến một phần",
                "sector": "Hộ tịch",
                "online_level": "mot_phan",
                "components": [{"name": FORM, "required": True, "originals": 1}],
                "cases": [{"key": "chung", "name": "Chung", "duration": 3, "unit": "wd"}],
                "source": "Dữ liệu kiểm thử",
            }
        ],
    }
    path = tmp_path / "catalog-online.json"
    path.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    desk.catalog.import_file(path)
    procedure = {"code": "T-MOTPHAN", "name": "Thủ tục trực tuyến một phần", "sector": "Hộ tịch"}
    code = submit(sqlite_server, procedure=procedure, components=[_form()]).code
    desk.sync.sync_once()
    desk.online.accept(code)
    desk.intake.result_ready(code)

    with pytest.raises(InvalidInput, match="đối chiếu bản chính"):
        desk.returns.return_result(ReturnRequest(code=code))
    assert dossier(desk, code).status == Status.RESULT_READY
    assert desk.returns.return_result(ReturnRequest(code=code, originals_checked=True)) is (
        Status.RETURNED
    )
    assert json.loads(events(desk, code)[-1].payload)["originals_checked"] is True
    assert last_payload(desk, code)["originals_checked"] is True  # the server learns it too
    assert desk.sync.sync_once().quarantined == 0
    assert server_dossier(sqlite_server, code).status == Status.RETURNED


def _form() -> dict[str, object]:
    return {"name": FORM, "originals": 1, "attachment": attachment()}


def test_an_online_dossier_of_a_procedure_the_desk_does_not_know_is_noted_not_created(
    sqlite_server: LiveServer, desk: DeskServices
) -> None:
    procedure = {"code": "T-KHONG-CO", "name": "Thủ tục chưa có", "sector": "Hộ tịch"}
    code = submit(sqlite_server, procedure=procedure).code
    assert desk.sync.sync_once().changes_applied == 0
    assert desk.online.inbox() == []
    with desk.context.db.read() as session:
        notes = load_state(session, NOTES_KEY)["notes"]
    assert notes == [{"code": code, "action": "submit_online", "reason": "procedure_unknown"}]


def test_a_desk_that_moved_on_after_accepting_ignores_the_echo_of_its_own_decision(
    sqlite_server: LiveServer, desk: DeskServices
) -> None:
    code = submit(sqlite_server).code
    desk.sync.sync_once()
    desk.online.accept(code)
    desk.intake.hand_over(code, unit="Phòng Tư pháp")
    assert desk.sync.sync_once().applied == 2
    assert desk.sync.sync_once().changes_applied == 0
    assert dossier(desk, code).status == Status.PROCESSING
    with desk.context.db.read() as session:
        assert load_state(session, NOTES_KEY) == {}  # no spurious "cannot apply" note
