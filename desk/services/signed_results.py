"""A dossier's result as the signing flow and the return see it: the file to sign (the one the
back office sent, when there is one) and the signed file kept with the dossier.

Both are read from the dossier's audit chain: the back office's file is named by the
``result_sha256`` of the event that made the result ready (pulled from the server), the signed
file by the ``blob_sha256`` of the newest ``result_signed`` event. Who may sign is an office
rule (``SigningSettings.signing_roles``), checked by the screen before it offers the action and
again by the service before the token is touched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from data.models import Dossier, DossierEvent
from desk.domain.lifecycle import Action

SIGNED_EVENT = "result_signed"
RESULT_COMMAND = "dossier.result_signed"


@dataclass(frozen=True)
class SignedResultView:
    code: str
    sha256: str
    size: int
    level: str
    signed_at: datetime
    officer_id: int | None


def _payloads(
    session: Session, dossier: Dossier, kind: str
) -> list[tuple[DossierEvent, dict[str, Any]]]:
    rows = session.exec(
        select(DossierEvent)
        .where(col(DossierEvent.dossier_id) == dossier.id)
        .where(col(DossierEvent.kind) == kind)
        .order_by(col(DossierEvent.seq))
    ).all()
    return [(row, json.loads(row.payload or "{}")) for row in rows]


def back_office_result(session: Session, dossier: Dossier) -> str | None:
    """The SHA-256 of the result file the back office sent with "result ready", if any."""
    found = [
        payload["result_sha256"]
        for _, payload in _payloads(session, dossier, Action.RESULT_READY.value)
        if isinstance(payload.get("result_sha256"), str)
    ]
    return found[-1] if found else None


def signed_result(session: Session, dossier: Dossier) -> SignedResultView | None:
    """The newest signed result of ``dossier`` (None: not signed at the desk)."""
    found = _payloads(session, dossier, SIGNED_EVENT)
    if not found:
        return None
    event, payload = found[-1]
    return SignedResultView(
        code=dossier.code,
        sha256=str(payload["blob_sha256"]),
        size=int(payload.get("size", 0)),
        level=str(payload.get("level", "")),
        signed_at=event.at,
        officer_id=event.officer_id,
    )
