"""Commands that record without moving a dossier reach the server too: an attached scan joins
the dossier's audit chain with both file hashes, and the feedback register is mirrored row by
row — applied, never quarantined as unknown (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from desk.services.feedback import NewFeedback
from sync.server.chain import check_chain
from sync.server.tables import ServerDossier, ServerEvent, ServerFeedback
from tests.devices.scan.pages import text_page
from tests.helpers import receive
from tests.sync.conftest import DeskFactory, LiveServer


def test_a_scan_and_the_feedback_register_reach_the_server(
    live_server: LiveServer, make_desk: DeskFactory, tmp_path: Path
) -> None:
    desk = make_desk("quay-a", "0001-4999")
    code = receive(desk).code
    page = tmp_path / "to-khai.png"
    text_page(200).image.save(page, dpi=(200, 200))
    attached = desk.scanning.attach_files(code, 1, [page])
    item = desk.feedback.receive(
        NewFeedback("phone", "Chưa nhận được kết quả", sender_phone="0912000000", dossier_code=code)
    )
    desk.feedback.close(item.number, answer="Đã gọi điện trả lời")

    desk.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    report = desk.sync.sync_once()

    assert (report.applied, report.quarantined) == (4, 0)
    with live_server.server.db.read() as session:
        dossier = session.scalars(select(ServerDossier).where(ServerDossier.code == code)).one()
        check_chain(session, dossier)
        kinds = session.scalars(
            select(ServerEvent.kind)
            .where(ServerEvent.dossier_id == dossier.id)
            .order_by(ServerEvent.seq)
        ).all()
        assert list(kinds) == ["receive", "scan_attached"]
        event = session.scalars(
            select(ServerEvent).where(ServerEvent.kind == "scan_attached")
        ).one()
        assert json.loads(event.payload)["legal_sha256"] == attached.legal_sha256
        row = session.get(ServerFeedback, item.id)
        assert row is not None
        assert (row.state, row.answer, row.dossier_code) == ("closed", "Đã gọi điện trả lời", code)
        assert row.due_at == item.due_at
