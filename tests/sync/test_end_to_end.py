"""Two desks of one agency work offline, enrol, sync; the back office moves their dossiers and
each desk pulls the moves — against a real uvicorn server on SQLite and on PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlmodel import select as desk_select

from data.models import OutboxCommand
from desk.domain.lifecycle import Status
from desk.services.returns import ReturnRequest
from sync.outbox import ACKED
from sync.protocol import AdvanceRequest
from sync.server.tables import ProvinceRecord, ServerCommand, ServerDossier
from tests.conftest import citizen
from tests.helpers import count, dossier, events, receive
from tests.sync.conftest import DeskFactory, LiveServer


def test_two_desks_offline_then_sync_and_pull_results(
    live_server: LiveServer, make_desk: DeskFactory
) -> None:
    desk_a = make_desk("quay-a", "0001-4999")
    desk_b = make_desk("quay-b", "5000-8999")
    codes_a = [receive(desk_a, owner=citizen(i)).code for i in range(1, 4)]
    codes_b = [receive(desk_b, owner=citizen(10 + i)).code for i in range(1, 3)]
    desk_a.intake.hand_over(codes_a[0], unit="Phòng Tư pháp")  # a later command, same dossier

    desk_a.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    desk_b.sync.enrol(live_server.url, live_server.add_desk("5000-8999"))
    report_a = desk_a.sync.sync_once()
    report_b = desk_b.sync.sync_once()

    assert (report_a.applied, report_a.quarantined) == (4, 0)
    assert (report_b.applied, report_b.quarantined) == (2, 0)
    with live_server.server.db.read() as session:
        server_codes = set(session.scalars(select(ServerDossier.code)).all())
        assert session.scalar(select(func.count()).select_from(ServerCommand)) == 6
        assert (session.scalar(select(func.count()).select_from(ProvinceRecord)) or 0) > 0
    assert server_codes == set(codes_a + codes_b)  # same day, no collision
    assert len({code.rsplit("-", 1)[0] for code in server_codes}) == 1
    with desk_a.context.db.read() as session:
        states = session.exec(desk_select(OutboxCommand.state)).all()
    assert set(states) == {ACKED}

    bearer = live_server.add_backoffice()
    assert bearer
    backoffice = live_server.server.backoffice
    backoffice.advance("000.00.01.H99", codes_a[0], AdvanceRequest(to="result-ready", note="Đã ký"))
    backoffice.advance("000.00.01.H99", codes_b[1], AdvanceRequest(to="processing"))
    backoffice.advance(
        "000.00.01.H99", codes_b[0], AdvanceRequest(to="supplement", note="Bổ sung bản sao")
    )

    pulled_a = desk_a.sync.sync_once()
    pulled_b = desk_b.sync.sync_once()

    assert pulled_a.changes_applied == 1 and pulled_b.changes_applied == 2
    assert dossier(desk_a, codes_a[0]).status == Status.RESULT_READY
    assert dossier(desk_b, codes_b[1]).status == Status.PROCESSING
    assert dossier(desk_b, codes_b[0]).status == Status.SUPPLEMENT_REQUESTED
    assert dossier(desk_b, codes_b[0]).paused_at is not None
    last = events(desk_a, codes_a[0])[-1]
    assert (last.kind, last.to_status) == ("result_ready", int(Status.RESULT_READY))
    assert desk_a.maintenance.verify().ok  # the pulled move extended the desk's own chain
    # Pulling again changes nothing, and the desk queued no command for a pulled move.
    assert desk_a.sync.sync_once().changes_applied == 0
    assert count(desk_a, OutboxCommand) == 4

    # The officer returns the result; that command reaches the server like any other.
    desk_a.returns.return_result(ReturnRequest(code=codes_a[0], collector=None))
    assert desk_a.sync.sync_once().applied == 1
    with live_server.server.db.read() as session:
        row = session.scalars(select(ServerDossier).where(ServerDossier.code == codes_a[0])).one()
    assert row.status == Status.RETURNED
