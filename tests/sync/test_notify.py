"""Notifying citizens: a dossier change on the server queues short Vietnamese messages (code
and tracking link, never the ID number), delivered by email to a real local SMTP server
(aiosmtpd) and by SMS to a local HTTP gateway stub; failures are retried, then kept."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desk.domain.lifecycle import Status
from sync.protocol import AdvanceRequest
from sync.server.context import ServerSettings
from sync.server.notify import NotifyError, compose
from sync.server.notify.email import SmtpNotifier
from sync.server.notify.queue import NotificationSender
from sync.server.notify.sms import SmsGatewayNotifier
from sync.server.tables import ServerNotification
from tests.conftest import AGENCY_CODE, FakeClock, citizen
from tests.helpers import dossier, events, receive
from tests.sync.conftest import PUBLIC_URL, DeskFactory, LiveServer, Mailbox, serve
from tests.sync.pg import free_port

EMAIL = "congdan@motcua.invalid"


@dataclass
class Gateway:
    received: list[dict[str, Any]] = field(default_factory=list)
    status: int = 200
    url: str = ""


@pytest.fixture
def sms_gateway() -> Iterator[Gateway]:
    gateway = Gateway()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if self.headers.get("Authorization") == "Bearer thu-nghiem":
                gateway.received.append(json.loads(body))
            self.send_response(gateway.status if gateway.received else 401)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    gateway.url = f"http://127.0.0.1:{httpd.server_address[1]}/sms"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield gateway
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def notifying_server(tmp_path: Path, clock: FakeClock) -> Iterator[LiveServer]:
    settings = ServerSettings(
        db_url=f"sqlite:///{tmp_path / 'server.db'}",
        blob_dir=tmp_path / "server-blobs",
        public_url=PUBLIC_URL,
        clock=clock,
    )
    yield from serve(settings)


def _notifications(live: LiveServer) -> list[ServerNotification]:
    with live.server.db.read() as session:
        return list(session.scalars(select(ServerNotification).order_by(ServerNotification.id)))


def test_receipt_and_result_ready_reach_the_citizen_by_email_and_sms(
    notifying_server: LiveServer,
    make_desk: DeskFactory,
    smtp: tuple[Mailbox, int],
    sms_gateway: Gateway,
    clock: FakeClock,
) -> None:
    mailbox, port = smtp
    desk = make_desk("quay-a", "0001-4999")
    code = receive(desk, owner=citizen(email=EMAIL)).code
    desk.sync.enrol(notifying_server.url, notifying_server.add_desk("0001-4999"))
    assert desk.sync.sync_once().applied == 1
    notifying_server.server.backoffice.advance(
        AGENCY_CODE, code, AdvanceRequest(to="result-ready", note="Đã ký")
    )
    sender = NotificationSender(
        notifying_server.server.db,
        {
            "email": SmtpNotifier(
                "127.0.0.1", port, sender="motcua@motcua.invalid", starttls=False
            ),
            "sms": SmsGatewayNotifier(sms_gateway.url, "thu-nghiem"),
        },
        clock,
    )
    assert sender.deliver_due() == 4  # receipt + result ready, each by email and SMS

    [receipt, ready] = mailbox.messages
    body = receipt.get_payload(decode=True).decode("utf-8")  # type: ignore[union-attr]
    assert receipt["To"] == EMAIL and code in str(receipt["Subject"])
    assert code in body and f"{PUBLIC_URL}/t/{code}?k=" in body and "đã được tiếp nhận" in body
    assert "001085000001" not in body  # never the ID number
    assert "đã có kết quả" in ready.get_payload(decode=True).decode("utf-8")  # type: ignore[union-attr]
    assert [sms["to"] for sms in sms_gateway.received] == ["0912000000", "0912000000"]
    assert all("001085000001" not in sms["text"] for sms in sms_gateway.received)
    rows = _notifications(notifying_server)
    assert {row.state for row in rows} == {"sent"} and len(rows) == 4
    assert sender.deliver_due() == 0  # nothing is sent twice
    assert [row.event_kind for row in sender.status(code)] == [
        "receive", "receive", "result_ready", "result_ready"
    ]  # fmt: skip
    assert dossier(desk, code).status == Status.RECEIVED  # the desk has not pulled yet

    pulled = desk.sync.sync_once()  # the result-ready move and the four notifications
    assert pulled.changes_applied == 5 and dossier(desk, code).status == Status.RESULT_READY
    told = [e for e in events(desk, code) if e.kind == "citizen_notified"]
    assert [(json.loads(e.payload)["about"], json.loads(e.payload)["channel"]) for e in told] == [
        ("receive", "email"), ("receive", "sms"), ("result_ready", "email"),
        ("result_ready", "sms"),
    ]  # fmt: skip
    assert {json.loads(e.payload)["delivery"] for e in told} == {"sent"}
    assert desk.maintenance.verify().ok  # the local audit chains still verify


def test_a_failing_gateway_is_retried_with_backoff_then_kept_as_failed(
    notifying_server: LiveServer,
    make_desk: DeskFactory,
    sms_gateway: Gateway,
    clock: FakeClock,
) -> None:
    desk = make_desk("quay-a", "0001-4999")
    receive(desk)
    desk.sync.enrol(notifying_server.url, notifying_server.add_desk("0001-4999"))
    desk.sync.sync_once()
    sms_gateway.status = 503
    sender = NotificationSender(
        notifying_server.server.db,
        {"sms": SmsGatewayNotifier(sms_gateway.url, "thu-nghiem")},
        clock,
        max_attempts=3,
    )
    assert sender.deliver_due() == 0
    [row] = _notifications(notifying_server)
    assert (row.state, row.attempts, row.last_error) == ("pending", 1, "cổng SMS trả lời 503")
    assert sender.deliver_due() == 0 and _notifications(notifying_server)[0].attempts == 1
    clock.now += timedelta(minutes=1)
    sender.deliver_due()
    clock.now += timedelta(minutes=2)
    sender.deliver_due()
    [row] = _notifications(notifying_server)
    assert (row.state, row.attempts) == ("failed", 3)  # kept, visible, never dropped


def test_an_unreachable_smtp_server_is_a_notify_error() -> None:
    notifier = SmtpNotifier("127.0.0.1", free_port(), sender="a@motcua.invalid", timeout=2)
    with pytest.raises(NotifyError, match="không gửi được thư"):
        notifier.send(compose_message())


def compose_message() -> Any:
    from sync.server.notify import Message

    return Message("email", EMAIL, "Hồ sơ X", "Nội dung")


def test_compose_says_nothing_for_steps_the_citizen_need_not_hear_of() -> None:
    assert compose("hand_over", "X", "https://a.invalid/t/X?k=1", None) is None
    text = compose("refuse", "X", "https://a.invalid/t/X?k=1", None)
    assert text is not None and "không được tiếp nhận" in text
