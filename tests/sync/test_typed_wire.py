"""The typed wire (sync.protocol): each command's payload is built from its own model's
fields, so a desk table's new column never reaches the server; every v1 payload reads into
its model and back unchanged; a newer desk's extra field is tolerated by the server, which
hashes the payload exactly as it received it; and every feed change is read through its
kind's model, one the desk cannot read being noted while the rest applies."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlmodel import col, select

from data.models import Dossier, Feedback, OutboxCommand
from desk.services.container import DeskServices
from desk.services.sync_pull import NOTES_KEY, apply_change
from sync.client import SyncClient
from sync.outbox import load_state
from sync.protocol import (
    MOVE_PAYLOADS,
    Change,
    ChangeKind,
    CitizenNotified,
    CommandBatch,
    DossierCreated,
    OnlineDossierCreated,
    Outcome,
    PortalFeedbackFields,
    PortalFeedbackReceived,
    ReferencePublished,
    ScanAttached,
    StatusChanged,
    parse_payload,
    payload_hash,
    typed_change,
)
from sync.server.tables import ServerDossier
from tests.conftest import FIXTURES, FakeClock
from tests.helpers import receive
from tests.sync.conftest import DeskFactory, LiveServer
from tests.sync.helpers import bearer_of, wire_commands

WIRE = FIXTURES / "wire"


def _v1_commands() -> list[dict[str, Any]]:
    return [
        command
        for path in sorted(WIRE.glob("v1-batch-*.json"))
        for command in json.loads(path.read_text("utf-8"))["commands"]
    ]


def test_every_v1_payload_reads_into_its_model_and_back_unchanged() -> None:
    commands = _v1_commands()
    records = {"dossier.scan_attached", "dossier.result_signed"}
    creating = {"dossier.receive", "dossier.receive_incomplete"}
    feedback = {"feedback.receive", "feedback.assign", "feedback.close"}
    moves = {f"dossier.{action}" for action in MOVE_PAYLOADS}
    assert {c["type"] for c in commands} == moves | records | creating | feedback
    for command in commands:
        typed = parse_payload(command["type"], command["payload"])
        assert typed.wire() == command["payload"], command["type"]
        assert payload_hash(typed.wire()) == command["payload_hash"]


def test_a_desk_only_column_does_not_reach_the_wire(
    make_desk: DeskFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As if a migration added a column to the desk's dossier table: the receive command's
    payload is the wire model's fields, nothing else (the snapshot used to be a dump of the
    table, which would have carried the new column to the server)."""
    desk = make_desk("quay-a", "0001-4999")
    dump = Dossier.model_dump

    def with_new_column(self: Dossier, **options: Any) -> dict[str, Any]:
        return {**dump(self, **options), "desk_only_note": "chỉ ở quầy"}

    monkeypatch.setattr(Dossier, "model_dump", with_new_column)
    receive(desk)

    with desk.context.db.read() as session:
        row = session.exec(select(OutboxCommand).order_by(col(OutboxCommand.id))).first()
        assert row is not None
        payload = json.loads(row.payload)
    assert "desk_only_note" not in payload
    assert set(payload) == set(DossierCreated.model_fields)
    for desk_only in ("owner_name_search", "event_count", "last_event_hash", "updated_at"):
        assert desk_only not in payload


def test_an_unknown_type_and_a_bad_field_are_named() -> None:
    with pytest.raises(ValueError, match=r"union_tag_invalid|does not match"):
        parse_payload("dossier.teleport", {"code": "X"})
    with pytest.raises(ValueError, match="component"):
        parse_payload("dossier.scan_attached", {"code": "X", "legal_sha256": "a"})
    scan = parse_payload(
        "dossier.scan_attached",
        {"code": "X", "component": 1, "legal_sha256": "a", "compact_sha256": "b", "pages": 1},
    )
    assert isinstance(scan, ScanAttached) and scan.dpi == 0


@pytest.fixture
def desk(live_server: LiveServer, make_desk: DeskFactory) -> DeskServices:
    desk = make_desk("quay-a", "0001-4999")
    receive(desk)
    desk.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    return desk


def test_a_newer_desks_extra_field_is_applied_and_hashed_as_sent(
    live_server: LiveServer, desk: DeskServices
) -> None:
    original = wire_commands(desk)[0]
    payload = {**original.payload, "from_a_newer_desk": {"anything": [1, 2]}}
    newer = original.model_copy(update={"payload": payload, "payload_hash": payload_hash(payload)})
    rehashed = parse_payload(original.type, payload).wire()
    assert payload_hash(rehashed) != newer.payload_hash  # a re-serialisation would not match

    with SyncClient(live_server.url, bearer=bearer_of(desk)) as client:
        result = client.push(CommandBatch(commands=[newer])).results[0]
        again = client.push(CommandBatch(commands=[newer])).results[0]

    assert (result.outcome, again.outcome) == (Outcome.APPLIED, Outcome.DUPLICATE)
    with live_server.server.db.read() as session:
        row = session.get(ServerDossier, original.dossier_id)
        assert row is not None
        assert json.loads(row.snapshot)["from_a_newer_desk"] == {"anything": [1, 2]}


def test_every_v1_feed_change_reads_into_its_kinds_model() -> None:
    expected = {
        "dossier.status": StatusChanged,
        "dossier.created": OnlineDossierCreated,
        "feedback.received": PortalFeedbackReceived,
        "catalog.published": ReferencePublished,
        "calendar.published": ReferencePublished,
        "dossier.notified": CitizenNotified,
    }
    seen: set[str] = set()
    for path in sorted(WIRE.glob("v1-feed-*.json")):
        for raw in json.loads(path.read_text("utf-8"))["data"]["changes"]:
            typed = typed_change(Change.model_validate(raw))
            assert type(typed) is expected[raw["kind"]]
            seen.add(raw["kind"])
    assert seen == set(expected)


def test_a_change_the_desk_cannot_read_is_noted_and_the_rest_applies(
    make_desk: DeskFactory, clock: FakeClock
) -> None:
    desk = make_desk("quay-a", "0001-4999")
    common = {"action": "submit_online", "status": 1, "at": clock.now}
    unreadable = Change(
        kind=ChangeKind.DOSSIER_CREATED,
        dossier_id="01900000-0000-7000-8000-0000000000aa",
        dossier_code="000.00.01.H99-261125-9000",
        snapshot={"code": "000.00.01.H99-261125-9000"},  # no procedure, no owner …
        **common,
    )
    fields = PortalFeedbackFields(
        id="01900000-0000-7000-8000-0000000000bb",
        content="Xin hỏi thời hạn",
        sender_phone="0912000001",
        received_at=clock.now,
    )
    feedback = Change(
        kind=ChangeKind.FEEDBACK_RECEIVED,
        dossier_id=fields.id,
        dossier_code="",
        snapshot=fields.wire(),
        **{**common, "action": "feedback", "status": 0},
    )
    with desk.context.db.write() as session:
        assert apply_change(session, unreadable, clock.now) is False
        assert apply_change(session, feedback, clock.now) is True
    with desk.context.db.read() as session:
        assert session.get(Dossier, unreadable.dossier_id) is None
        assert session.get(Feedback, fields.id) is not None
        notes = load_state(session, NOTES_KEY)["notes"]
    assert notes == [
        {"code": unreadable.dossier_code, "action": "submit_online", "reason": "snapshot"}
    ]
