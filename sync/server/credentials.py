"""Administering credentials: list desks and back-office clients, revoke, rotate.

Revoking or rotating bumps ``credential_version`` (and sets ``revoked_at`` on revocation):
sync.server.auth reads both on every request, so the old credential gets 401 at once on every
worker, whatever any process remembers of an earlier verification.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.domain.codes import DeskRange
from sync.server.auth import (
    ENROL_TTL,
    check_range,
    code_digest,
    ensure_agency,
    hash_secret,
    new_enrol_code,
)
from sync.server.errors import Refused
from sync.server.tables import ServerDesk

STATES = ("active", "waiting", "expired", "revoked")


@dataclass(frozen=True)
class CredentialRow:
    key: str
    role: str
    agency_code: str
    name: str
    range: str
    last_seen_at: datetime | None
    state: str
    """One of STATES."""


def list_credentials(session: Session, role: str, now: datetime) -> list[CredentialRow]:
    rows = session.scalars(
        select(ServerDesk)
        .where(ServerDesk.role == role)
        .order_by(ServerDesk.agency_code, ServerDesk.range_start, ServerDesk.created_at)
    ).all()
    return [
        CredentialRow(
            key=row.key,
            role=row.role,
            agency_code=row.agency_code,
            name=row.name,
            range=str(DeskRange(row.range_start, row.range_end)) if role == "desk" else "",
            last_seen_at=row.last_seen_at,
            state=_state(row, now),
        )
        for row in rows
    ]


def _state(row: ServerDesk, now: datetime) -> str:
    if row.revoked:
        return "revoked"
    if row.secret_hash is not None:
        return "active"
    if row.enrol_expires_at is None or row.enrol_expires_at < now:
        return "expired"
    return "waiting"


def find(session: Session, role: str, key: str) -> ServerDesk:
    """By its key, or a unique beginning of it (8 characters at least)."""
    wanted = key.strip().lower()
    rows = (
        session.scalars(
            select(ServerDesk)
            .where(ServerDesk.role == role, ServerDesk.key.startswith(wanted, autoescape=True))
            .with_for_update()
        ).all()
        if len(wanted) >= 8
        else []
    )
    if len(rows) != 1:
        raise Refused(
            "Không tìm thấy quầy hoặc tài khoản có khóa {key} (cần khóa đầy đủ, hoặc ít nhất "
            "8 ký tự đầu không trùng với khóa khác).",
            reason_code="not_found",
            http_status=404,
            key=key,
        )
    return rows[0]


def revoke(session: Session, role: str, key: str, now: datetime) -> ServerDesk:
    row = find(session, role, key)
    if not row.revoked:
        row.revoked, row.revoked_at = True, now
        row.credential_version += 1
    row.enrol_code_hash = row.enrol_expires_at = None  # a code not yet used dies with it
    return row


def rotate_desk(session: Session, key: str, now: datetime) -> tuple[ServerDesk, str]:
    """A new one-time code for the same desk row and range; the old secret stops working."""
    row = find(session, "desk", key)
    agency = ensure_agency(session, row.agency_code, now)
    if row.revoked:  # its range may have gone to another desk meanwhile
        check_range(session, agency, DeskRange(row.range_start, row.range_end), row.key)
    code = new_enrol_code()
    row.revoked, row.revoked_at = False, None
    row.secret_hash = row.bundle_key = row.enrolled_at = None
    row.enrol_code_hash, row.enrol_expires_at = code_digest(code), now + ENROL_TTL
    row.credential_version += 1
    return row, code


def rotate_backoffice(session: Session, key: str, now: datetime) -> tuple[ServerDesk, str]:
    """A new secret for a back-office client; returns the bearer value to give out."""
    row = find(session, "backoffice", key)
    secret = secrets.token_urlsafe(32)
    row.revoked, row.revoked_at = False, None
    row.secret_hash, row.enrolled_at = hash_secret(secret), now
    row.credential_version += 1
    return row, f"{row.key}.{secret}"
