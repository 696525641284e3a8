"""Small readers of what the services left in the database, shared by the tests."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlmodel import col, func, select

from data.models import Dossier, DossierEvent, OutboxCommand
from desk.domain.timefmt import VN_TZ
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest, ReceiveResult
from tests.conftest import citizen


def at(text_value: str) -> datetime:
    """A local (Asia/Ho_Chi_Minh) instant from 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text_value).replace(tzinfo=VN_TZ)


def receive(services: DeskServices, procedure: str = "T-3WD", **options: Any) -> ReceiveResult:
    owner = options.pop("owner", citizen())
    return services.intake.receive(ReceiveRequest(procedure, owner, **options))


def count(services: DeskServices, model: Any) -> int:
    with services.context.db.read() as session:
        value: int = session.exec(select(func.count()).select_from(model)).one()
        return value


def dossier(services: DeskServices, code: str) -> Dossier:
    with services.context.db.read() as session:
        return session.exec(select(Dossier).where(col(Dossier.code) == code)).one()


def events(services: DeskServices, code: str) -> list[DossierEvent]:
    with services.context.db.read() as session:
        row = session.exec(select(Dossier).where(col(Dossier.code) == code)).one()
        query = (
            select(DossierEvent)
            .where(col(DossierEvent.dossier_id) == row.id)
            .order_by(col(DossierEvent.seq))
        )
        return list(session.exec(query).all())


def commands(services: DeskServices, code: str) -> list[OutboxCommand]:
    with services.context.db.read() as session:
        row = session.exec(select(Dossier).where(col(Dossier.code) == code)).one()
        query = (
            select(OutboxCommand)
            .where(col(OutboxCommand.dossier_id) == row.id)
            .order_by(col(OutboxCommand.seq))
        )
        return list(session.exec(query).all())


def last_payload(services: DeskServices, code: str) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(commands(services, code)[-1].payload)
    return payload
