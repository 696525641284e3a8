"""The typed wire (sync.protocol): each command's payload is built from its own model's
fields, so a desk table's new column never reaches the server; every v1 payload reads into
its model and back unchanged; and a newer desk's extra field is tolerated by the server,
which hashes the payload exactly as it received it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlmodel import col, select

from data.models import Dossier, OutboxCommand
from desk.services.container import DeskServices
from sync.client import SyncClient
from sync.protocol import (
    MOVE_PAYLOADS,
    CommandBatch,
    DossierCreated,
    Outcome,
    ScanAttached,
    parse_payload,
    payload_hash,
)
from sync.server.tables import ServerDossier
from tests.conftest import FIXTURES
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
