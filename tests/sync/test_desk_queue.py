"""The desk's queue: captive portals are offline, rejections are quarantined (never dropped,
never blocking), the footer status, the clock check — real server unless the point is a
scripted answer (httpx.MockTransport)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from sqlmodel import col, select

from data.models import OutboxCommand, Setting
from desk.services.blobs import blob_dir_for
from desk.services.container import DeskServices
from desk.services.sync import ENROLMENT_KEY, SyncService, footer_text
from sync.outbox import ACKED, PENDING, QUARANTINED
from tests.conftest import FakeClock, citizen
from tests.helpers import receive
from tests.sync.conftest import DeskFactory, LiveServer


def _states(desk: DeskServices) -> list[str]:
    with desk.context.db.read() as session:
        return list(session.exec(select(OutboxCommand.state).order_by(col(OutboxCommand.id))).all())


def _pretend_enrolled(desk: DeskServices) -> None:
    with desk.context.db.write() as session:
        value = {"server": "https://motcua.invalid", "bearer": "k.s", "ca_bundle": None}
        session.add(Setting(key=ENROLMENT_KEY, value=json.dumps(value)))


def test_a_captive_portal_is_offline_and_nothing_is_acked(make_desk: DeskFactory) -> None:
    desk = make_desk("quay-a", "0001-4999")
    receive(desk, owner=citizen(1))
    _pretend_enrolled(desk)
    portal = httpx.MockTransport(
        lambda request: httpx.Response(200, html="<html>Đăng nhập Wi-Fi khách sạn</html>")
    )
    service = SyncService(desk.context, blob_dir_for(desk.context.db.engine), transport=portal)

    report = service.sync_once()

    assert not report.online and report.error is not None
    assert _states(desk) == [PENDING]
    status = service.status()
    assert not status.online and status.commands_pending == 1
    assert footer_text(status).startswith("Ngoại tuyến · 1 lệnh")


def test_a_failed_push_backs_off_and_keeps_the_commands(make_desk: DeskFactory) -> None:
    desk = make_desk("quay-a", "0001-4999")
    receive(desk, owner=citizen(1))
    _pretend_enrolled(desk)
    calls: list[str] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path.endswith("/ping"):
            body = {
                "protocol": "motcua-sync",
                "version": 1,
                "server_time": "2026-11-25T02:00:00Z",
                "data": {"desk_key": "k", "agency_code": "000.00.01.H99"},
            }
            return httpx.Response(200, json=body)
        raise httpx.ConnectError("cut")

    service = SyncService(
        desk.context, blob_dir_for(desk.context.db.engine), transport=httpx.MockTransport(flaky)
    )
    report = service.sync_once()

    assert report.error == "ConnectError"
    with desk.context.db.read() as session:
        row = session.exec(select(OutboxCommand)).one()
    assert (row.state, row.attempts) == (PENDING, 1)
    assert row.next_attempt_at is not None and row.next_attempt_at > desk.context.now()
    assert report.clock_skew_seconds == 0.0 and report.warnings == []


def test_rejected_commands_are_quarantined_without_blocking_the_rest(
    live_server: LiveServer, make_desk: DeskFactory, clock: FakeClock, tmp_path: Path
) -> None:
    desk = make_desk("quay-a", "0001-4999")
    first = receive(desk, owner=citizen(1)).code  # seq 0001
    second = receive(desk, owner=citizen(2)).code  # seq 0002: outside the range given below
    desk.intake.hand_over(second, unit="Phòng Tư pháp")
    desk.intake.hand_over(first, unit="Phòng Tư pháp")
    enrolled = desk.sync.enrol(live_server.url, live_server.add_desk("0001-0001"))
    assert enrolled["codes_outside_range"] is True

    report = desk.sync.sync_once()

    assert (report.applied, report.quarantined) == (2, 2)
    assert _states(desk) == [ACKED, QUARANTINED, QUARANTINED, ACKED]
    held = desk.sync.quarantined()
    assert [row["dossier_code"] for row in held] == [second, second]
    assert [row["reason_code"] for row in held] == ["out_of_range", "not_found"]
    assert [row["outcome"] for row in held] == ["rejected", "rejected"]
    assert held[0]["reason"].startswith(f"Số thứ tự của hồ sơ {second} nằm ngoài dải số")
    assert desk.sync.status().commands_quarantined == 2

    # Retry puts them back; the server judges them afresh (still refused); never dropped.
    assert desk.sync.retry() == 2
    assert desk.sync.sync_once().quarantined == 2
    out = tmp_path / "quarantine.json"
    assert desk.sync.export_quarantined(out) == 2
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [row["payload"]["code"] for row in exported] == [second, second]


def test_a_wrong_clock_is_reported(
    live_server: LiveServer, make_desk: DeskFactory, clock: FakeClock
) -> None:
    desk = make_desk("quay-a", "0001-4999")
    desk.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    report = desk.sync.sync_once()
    server_now = live_server.server.now()
    skew = (clock() - server_now).total_seconds()
    assert report.clock_skew_seconds is not None
    assert abs(report.clock_skew_seconds - skew) < 30
    assert bool(report.warnings) == (abs(skew) > 120)
    clock.now = server_now
    assert desk.sync.sync_once().warnings == []
    clock.advance(minutes=5)
    warnings = desk.sync.sync_once().warnings
    assert len(warnings) == 1 and "lệch" in warnings[0]


def test_compact_scans_go_first_by_appointment_then_legal_copies_then_the_rest(
    services: DeskServices, tmp_path: Path
) -> None:
    from sqlmodel import select as desk_select

    from data.models import Blob
    from sync.outbox import pending_blobs
    from tests.devices.scan.pages import text_page

    later = receive(services, procedure="T-3WD").code  # due Mon 30/11
    sooner = receive(services, procedure="T-SAMEDAY").code  # due today
    pages = tmp_path / "trang-1.png", tmp_path / "trang-2.png"
    text_page(200, lines=30).image.save(pages[0], dpi=(200, 200))
    text_page(200, lines=20).image.save(pages[1], dpi=(200, 200))
    late_scan = services.scanning.attach_files(later, 1, [pages[0]])
    soon_scan = services.scanning.attach_files(sooner, 1, [pages[1]])
    services.printing.print_form(later, "mau01", out=tmp_path / "mau01.pdf")
    with services.context.db.read() as session:
        order = [blob.sha256 for blob in pending_blobs(session)]
        printed = {b.sha256 for b in session.exec(desk_select(Blob)).all()} - {
            late_scan.legal_sha256, late_scan.compact_sha256,
            soon_scan.legal_sha256, soon_scan.compact_sha256,
        }  # fmt: skip
    assert order[:4] == [
        soon_scan.compact_sha256, late_scan.compact_sha256,
        soon_scan.legal_sha256, late_scan.legal_sha256,
    ]  # fmt: skip
    assert set(order[-len(printed) :]) == printed


def test_a_throttled_server_is_offline_for_now_and_nothing_is_quarantined(
    make_desk: DeskFactory,
) -> None:
    desk = make_desk("quay-a", "0001-4999")
    receive(desk, owner=citizen(1))
    _pretend_enrolled(desk)
    body = {
        "protocol": "motcua-sync",
        "version": 1,
        "server_time": "2026-12-03T00:00:00Z",
        "error": {"code": "rate_limited", "message": "Quá nhiều lần; thử lại sau ít phút."},
    }
    throttled = httpx.MockTransport(lambda request: httpx.Response(429, json=body))
    service = SyncService(desk.context, blob_dir_for(desk.context.db.engine), transport=throttled)

    report = service.sync_once()

    assert not report.online and report.error is not None
    assert _states(desk) == [PENDING]
