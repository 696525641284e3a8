"""How the frozen v1 wire samples in tests/fixtures/wire/ were made (run once, from the code of
protocol version 1, before the typed wire): ``python -m tests.sync.wire_v1 tests/fixtures/wire``.

A desk does one of each thing it sends to the server (intake, every move, a scan, a signed
result, the feedback register, decisions on online dossiers) and its outbox is saved as the
batches it would POST (``v1-batch-*.json``); a server, on the same fake clock, produces one of
each change of the feed and its pull answers are saved page by page (``v1-feed-*.json``), with
the files the pages name (``blobs/``). Ids come from counters and the clock is the tests' fake
one, so nothing depends on the day or the machine. The files are NOT regenerated when the code
changes: they are what a desk or a server of version 1 sends, and newer code must still take
them (tests/sync/test_wire_v1.py)."""

from __future__ import annotations

import itertools
import json
import shutil
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest import mock

from sqlmodel import col, select

from data.models import OutboxCommand
from desk.devices.signature_check import VerificationReport
from desk.devices.signing import SignedPdf
from desk.services.container import DeskServices
from desk.services.feedback import NewFeedback
from desk.services.intake import ComponentInput
from desk.services.returns import ReturnRequest
from sync.outbox import to_wire
from sync.protocol import AdvanceRequest, CommandBatch, Envelope, PublicFeedback
from sync.server.context import ServerSettings
from sync.server.feed import read_page
from sync.server.notify import Message
from sync.server.notify.queue import NotificationSender
from sync.server.publish import publish
from tests.conftest import AGENCY_CODE, SMALL_CATALOG, FakeClock
from tests.helpers import receive
from tests.sync.conftest import PUBLIC_URL, LiveServer, serve
from tests.sync.online_helpers import submit

DESK_RANGE = "0001-4999"
FEED_PAGE = 3
BATCHES = {
    "intake": ("dossier.receive", "dossier.receive_incomplete"),
    "moves": (
        "dossier.hand_over",
        "dossier.request_payment",
        "dossier.payment_received",
        "dossier.request_supplement",
        "dossier.supplement_received",
        "dossier.apologise",
        "dossier.result_ready",
        "dossier.return",
        "dossier.refuse",
        "dossier.withdraw",
        "dossier.stop",
    ),
    "records": ("dossier.scan_attached", "dossier.result_signed"),
    "feedback": ("feedback.receive", "feedback.assign", "feedback.close"),
}


@contextmanager
def fixed_ids() -> Iterator[None]:
    """uuid7 replaced by counters (version-7 shaped, so every pattern still matches), and
    one fixed tracking secret."""
    counter = itertools.count(1)

    def next_uuid() -> uuid.UUID:
        return uuid.UUID(f"01900000-0000-7000-8000-{next(counter):012x}")

    with ExitStack() as stack:
        for target in (
            "desk.services.ledger.uuid7",
            "sync.server.online.uuid7",
            "sync.server.portal_feedback.uuid7",
        ):
            stack.enter_context(mock.patch(target, next_uuid))
        stack.enter_context(mock.patch("uuid.uuid4", next_uuid))
        for target in ("desk.services.settings", "sync.server.auth"):
            stack.enter_context(
                mock.patch(f"{target}.new_tracking_secret", lambda: b"wire-v1-secret".ljust(32))
            )
        yield


class _Delivered:
    channel = "email"

    def send(self, message: Message) -> None:
        del message


def _desk(root: Path, clock: FakeClock) -> DeskServices:
    services = DeskServices.open(root / "desk.db", clock=clock)
    services.office.init_office(
        agency_code=AGENCY_CODE,
        agency_name="Ủy ban nhân dân xã Thử Nghiệm",
        desk_range=DESK_RANGE,
        tracking_base_url="https://tracuu.motcua.invalid",
        desk_name="quay-a",
    )
    services.catalog.import_file(SMALL_CATALOG)
    return services


def _intake_and_moves(desk: DeskServices, clock: FakeClock, page: Path) -> str:
    """One of each desk command; returns the code of a dossier left at status 2."""
    whole = receive(desk).code
    incomplete = receive(
        desk,
        components=[
            ComponentInput("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", provided=False)
        ],
        allow_incomplete=True,
    ).code
    clock.advance(minutes=5)
    desk.intake.hand_over(whole, unit="Phòng Tư pháp")
    desk.intake.request_payment(whole, amount=50000, note="Lệ phí")
    clock.advance(minutes=5)
    desk.intake.payment_received(whole)
    desk.intake.request_supplement(whole, items=["Bản sao giấy khai sinh"], reason="Còn thiếu")
    clock.advance(minutes=5)
    desk.intake.supplement_received(whole)
    desk.returns.apologise(
        whole,
        new_date=(clock.now + timedelta(days=14)).date(),
        reason="Cần xác minh thêm",
        signer="Chủ tịch",
    )
    desk.intake.result_ready(whole, note="Đã có kết quả")
    desk.scanning.attach_files(whole, 1, [page])
    with mock.patch.object(
        type(desk.signing), "verify", lambda self, data: VerificationReport(signatures=())
    ):
        desk.signing._keep(  # the signing itself needs a token; what is kept is the same
            whole,
            SignedPdf(
                data=b"%PDF-1.4\n% ket qua thu nghiem (v1)\n%%EOF\n",
                level="PAdES-B-T",
                signed_at=clock.now,
                field_name="Signature1",
                certificate_label="signer",
            ),
            None,
        )
    desk.returns.return_result(ReturnRequest(code=whole, rating="satisfied"))
    desk.intake.refuse(incomplete, reason="Không bổ sung đúng hạn")
    desk.intake.withdraw(receive(desk).code, reason="Công dân xin rút")
    desk.intake.stop(receive(desk).code, reason="Có tranh chấp")
    item = desk.feedback.receive(
        NewFeedback(
            "phone", "Chưa nhận được kết quả", sender_phone="0912000000", dossier_code=whole
        )
    )
    desk.feedback.assign(item.number, to="Phòng Tư pháp")
    desk.feedback.close(item.number, answer="Đã gọi điện trả lời")
    return receive(desk).code


def _outbox(desk: DeskServices, after: int = 0) -> list[OutboxCommand]:
    with desk.context.db.read() as session:
        rows = session.exec(
            select(OutboxCommand)
            .where(col(OutboxCommand.seq) > after)
            .order_by(col(OutboxCommand.id))
        ).all()
        return list(rows)


def _write(path: Path, text: str) -> None:
    path.write_text(json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n", "utf-8")


def _save_batch(out: Path, name: str, rows: list[OutboxCommand]) -> None:
    batch = CommandBatch(version=1, commands=[to_wire(row) for row in rows])
    _write(out / f"v1-batch-{name}.json", batch.model_dump_json())


def _blob_names(rows: list[OutboxCommand]) -> set[str]:
    names: set[str] = set()
    for row in rows:
        payload: dict[str, Any] = json.loads(row.payload)
        names.update(v for k, v in payload.items() if k.endswith("_sha256"))
    return names


def freeze(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "blobs").mkdir(exist_ok=True)
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as tmp, fixed_ids():
        root = Path(tmp)
        from tests.devices.scan.pages import text_page

        page = root / "to-khai.png"
        text_page(200, lines=2).image.save(page, dpi=(200, 200))
        settings = ServerSettings(
            db_url=f"sqlite:///{root / 'server.db'}",
            blob_dir=root / "server-blobs",
            public_url=PUBLIC_URL,
            clock=clock,
        )
        desk = _desk(root / "quay-a", clock)
        left = _intake_and_moves(desk, clock, page)
        rows = _outbox(desk)
        for name, types in BATCHES.items():
            _save_batch(out, name, [row for row in rows if row.type in types])
        for sha256 in _blob_names(rows):
            shutil.copyfile(desk.sync._blobs.path(sha256), out / "blobs" / sha256)
        for live in serve(settings):
            _feed(live, desk, clock, out, left, after=max(row.seq for row in rows))
        desk.close()


def _feed(
    live: LiveServer, desk: DeskServices, clock: FakeClock, out: Path, left: str, after: int
) -> None:
    desk.sync.enrol(live.url, live.add_desk(DESK_RANGE))
    report = desk.sync.sync_once()
    assert report.quarantined == 0, report
    server = live.server
    clock.advance(minutes=5)
    accepted = submit(live).code
    supplemented = submit(live).code
    server.feedback.submit(
        "127.0.0.1",
        PublicFeedback(
            agency_code=AGENCY_CODE,
            content="Xin hỏi thời hạn trả kết quả",
            sender_phone="0912000001",
        ),
    )
    catalog = json.loads(SMALL_CATALOG.read_text("utf-8"))
    publish(server.db, "catalog", catalog, agencies=None, replace=False, clock=clock)
    notice = {
        "year": 2027,
        "source": "Thông báo nghỉ lễ năm 2027 (thử nghiệm)",
        "holidays": ["2027-01-01"],
    }
    publish(server.db, "calendar", notice, agencies=None, replace=False, clock=clock)
    for to, note in (("processing", ""), ("supplement", "Thiếu bản sao")):
        server.backoffice.advance(AGENCY_CODE, left, AdvanceRequest(to=to, note=note))
    desk.sync.sync_once()
    desk.online.accept(accepted)
    desk.online.request_supplement(supplemented, items=["Tờ khai"], reason="Tờ khai mờ")
    _save_batch(out, "online", _outbox(desk, after))
    report = desk.sync.sync_once()
    assert report.quarantined == 0, report
    clock.advance(minutes=1)
    NotificationSender(server.db, {"email": _Delivered()}, clock).deliver_due()
    _save_feed(live, out)
    for sha256 in _attachments(live):
        shutil.copyfile(live.server.settings.blob_dir / sha256[:2] / sha256, out / "blobs" / sha256)


def _save_feed(live: LiveServer, out: Path) -> None:
    cursor: str | None = None
    for number in itertools.count(1):
        with live.server.db.read() as session:
            page = read_page(session, AGENCY_CODE, cursor, limit=FEED_PAGE)
        answer = Envelope[Any](server_time=live.server.now(), data=page, version=1)
        _write(out / f"v1-feed-{number}.json", answer.model_dump_json())
        cursor = page.cursor
        if not page.more:
            return


def _attachments(live: LiveServer) -> set[str]:
    with live.server.db.read() as session:
        page = read_page(session, AGENCY_CODE, None, limit=10_000)
    return {sha for change in page.changes for sha in change.attachments}


if __name__ == "__main__":
    freeze(Path(sys.argv[1]))
