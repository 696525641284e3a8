"""Online dossiers end to end, against a real uvicorn server (SQLite and PostgreSQL), desks on
real SQLite files and a real local SMTP server: submitted over the API → in the desks' inbox
after a sync → accepted at one desk, refused at another → the citizen's email holds the code
and the tracking link → the server has the decisions and each desk learns the other's."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
from sqlmodel import col, select

from data.models import Blob, DossierComponent, OutboxCommand
from desk.domain.lifecycle import Status
from desk.services.blobs import BlobStore, blob_dir_for
from sync.server.notify.email import SmtpNotifier
from sync.server.notify.queue import NotificationSender
from sync.server.tables import ServerNotification
from tests.conftest import FakeClock
from tests.helpers import count, dossier, events
from tests.sync.conftest import PUBLIC_URL, DeskFactory, LiveServer, Mailbox
from tests.sync.helpers import auth
from tests.sync.online_helpers import EMAIL, FORM, PDF, server_dossier, submission


def test_submitted_online_accepted_at_a_desk_and_the_citizen_is_told(
    clocked_server: LiveServer,
    make_desk: DeskFactory,
    smtp: tuple[Mailbox, int],
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    mailbox, port = smtp
    desk_a = make_desk("quay-a", "0001-4999")
    desk_b = make_desk("quay-b", "5000-8999")
    desk_a.sync.enrol(clocked_server.url, clocked_server.add_desk("0001-4999"))
    desk_b.sync.enrol(clocked_server.url, clocked_server.add_desk("5000-8999"))
    bearer = clocked_server.add_backoffice()

    posted = [
        httpx.post(
            f"{clocked_server.url}/api/v1/backoffice/dossiers",
            json=submission(),
            headers=auth(bearer),
        )
        for _ in range(2)
    ]
    assert [answer.status_code for answer in posted] == [201, 201]
    first, second = (answer.json()["data"] for answer in posted)
    assert first["code"].endswith("-261125-9000") and second["code"].endswith("-261125-9001")
    assert first["status"] == 1 and first["tracking_url"].startswith(f"{PUBLIC_URL}/t/")

    assert desk_a.sync.sync_once().changes_applied == 2
    inbox = desk_a.online.inbox()
    assert [item.code for item in inbox] == [first["code"], second["code"]]
    item = inbox[0]
    assert (item.attachments, item.missing_required, item.overdue) == (1, (), False)
    assert item.review_due.isoformat() == "2026-11-26T09:00:00+07:00"  # 8 working hours
    created = dossier(desk_a, first["code"])
    assert (created.status, created.channel) == (Status.SUBMITTED, "online")
    with desk_a.context.db.read() as session:
        linked = session.exec(
            select(DossierComponent.blob_sha256).where(
                col(DossierComponent.dossier_id) == created.id, col(DossierComponent.name) == FORM
            )
        ).one()
    assert linked == hashlib.sha256(PDF).hexdigest()
    blobs = BlobStore(desk_a.context, blob_dir_for(desk_a.context.db.engine))
    assert linked is not None and blobs.get(linked) == PDF  # downloaded, hash checked
    assert count(desk_a, OutboxCommand) == 0  # the server created it: nothing echoed back
    assert [e.kind for e in events(desk_a, first["code"])] == ["submit_online"]

    clock.advance(hours=1)
    accepted = desk_a.online.accept(first["code"])
    assert accepted.status is Status.RECEIVED
    assert accepted.due_at.isoformat() == "2026-11-30T10:00:00+07:00"  # 3 working days from 10:00
    slip = desk_a.printing.print_form(first["code"], "mau01", out=tmp_path / "mau01.pdf")
    assert slip.state.value == "printed" and (tmp_path / "mau01.pdf").read_bytes()[:5] == b"%PDF-"
    assert desk_b.sync.sync_once().changes_applied == 2
    desk_b.online.refuse(second["code"], reason="Thủ tục không thuộc thẩm quyền của xã")

    assert (desk_a.sync.sync_once().applied, desk_b.sync.sync_once().applied) == (1, 1)
    on_server = server_dossier(clocked_server, first["code"])
    assert on_server.status == Status.RECEIVED and on_server.due_at == accepted.due_at
    assert server_dossier(clocked_server, second["code"]).status == Status.REFUSED
    # Each desk learns the other's decision by pull; its own is not applied twice.
    desk_a.sync.sync_once()
    desk_b.sync.sync_once()
    assert dossier(desk_a, second["code"]).status == Status.REFUSED
    assert dossier(desk_b, first["code"]).status == Status.RECEIVED
    assert dossier(desk_b, first["code"]).due_at == accepted.due_at
    assert desk_a.online.inbox() == [] and desk_b.online.inbox() == []
    assert [e.kind for e in events(desk_a, first["code"])] == ["submit_online", "accept"]
    assert desk_a.maintenance.verify().ok and desk_b.maintenance.verify().ok

    sender = NotificationSender(
        clocked_server.server.db,
        {"email": SmtpNotifier("127.0.0.1", port, sender="motcua@motcua.invalid", starttls=False)},
        clock,
    )
    assert sender.deliver_due() == 2  # the receipt of the first, the refusal of the second
    receipt = next(m for m in mailbox.messages if first["code"] in str(m["Subject"]))
    body = receipt.get_payload(decode=True).decode("utf-8")  # type: ignore[union-attr]
    assert receipt["To"] == EMAIL
    assert "Hồ sơ trực tuyến" in body and first["code"] in body
    assert f"{PUBLIC_URL}/t/{first['code']}?k=" in body and "10:00 ngày 30/11/2026" in body
    assert "001085000001" not in body
    with clocked_server.server.db.read() as session:
        kinds = set(session.scalars(select(ServerNotification.event_kind)).all())
    assert kinds == {"accept", "refuse"}
    with desk_b.context.db.read() as session:
        assert session.exec(select(Blob)).all()  # desk B downloaded the attachments too
