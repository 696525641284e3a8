"""Helpers of the sync tests: a desk's credentials and wire commands, server row counts."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlmodel import col
from sqlmodel import select as desk_select

from data.models import OutboxCommand, Setting
from desk.services.container import DeskServices
from desk.services.sync import ENROLMENT_KEY
from sync.outbox import to_wire
from sync.protocol import Command
from sync.server.tables import (
    ServerBase,
    ServerBlob,
    ServerCommand,
    ServerDossier,
    ServerEvent,
)
from tests.sync.conftest import LiveServer


def bearer_of(desk: DeskServices) -> str:
    with desk.context.db.read() as session:
        row = session.get(Setting, ENROLMENT_KEY)
        assert row is not None
        value: str = json.loads(row.value)["bearer"]
        return value


def wire_commands(desk: DeskServices) -> list[Command]:
    with desk.context.db.read() as session:
        rows = session.exec(desk_select(OutboxCommand).order_by(col(OutboxCommand.id))).all()
        return [to_wire(row) for row in rows]


def server_counts(live: LiveServer) -> dict[str, int]:
    tables: list[type[ServerBase]] = [ServerDossier, ServerEvent, ServerCommand, ServerBlob]
    with live.server.db.read() as session:
        return {
            table.__tablename__: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in tables
        }


def auth(bearer: str) -> dict[str, Any]:
    return {"Authorization": f"Bearer {bearer}"}
