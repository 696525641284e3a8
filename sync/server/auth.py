"""Desk enrolment and request authentication.

An administrator creates a desk with its agency and code range; the server prints a one-time
enrolment code (only its SHA-256 is stored). The desk exchanges it once for a key and a
secret; the secret is stored as an argon2 hash. Requests carry ``Authorization: Bearer
<key>.<secret>``. Argon2 is slow by design, so a verified bearer is remembered in memory (by
the SHA-256 of the whole header value) for ``CACHE_SECONDS``: a revocation takes effect within
that time on every worker.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from uuid import uuid4

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from data.db import Database
from desk.domain.codes import DeskRange, validate_agency_code
from desk.domain.tracking import new_tracking_secret
from sync.bundle import bundle_key
from sync.protocol import EnrolRequest, EnrolResponse
from sync.server.errors import Refused
from sync.server.store import Caller
from sync.server.tables import ServerAgency, ServerDesk

CACHE_SECONDS = 60.0
ENROL_TTL = timedelta(days=7)
_HASHER = PasswordHasher()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ensure_agency(session: Session, agency_code: str, now: datetime) -> ServerAgency:
    code = validate_agency_code(agency_code)
    agency = session.get(ServerAgency, code)
    if agency is None:
        agency = ServerAgency(
            code=code,
            tracking_secret=new_tracking_secret(),
            feed_last=0,
            online_range_start=9000,
            online_range_end=9999,
            created_at=now,
        )
        session.add(agency)
        session.flush()
    return agency


def add_desk(
    session: Session, agency_code: str, desk_range: str, name: str, now: datetime
) -> tuple[str, str]:
    """Create a desk awaiting enrolment; returns (key, one-time enrolment code)."""
    agency = ensure_agency(session, agency_code, now)
    wanted = DeskRange.parse(desk_range)
    others = session.scalars(
        select(ServerDesk).where(
            ServerDesk.agency_code == agency.code,
            ServerDesk.role == "desk",
            ServerDesk.revoked.is_(False),
        )
    ).all()
    online = DeskRange(agency.online_range_start, agency.online_range_end)
    if wanted.overlaps(online):
        raise Refused(
            "Dải số {range} trùng với dải {online} mà máy chủ dành cho hồ sơ nộp trực tuyến của "
            "cơ quan. Chọn dải khác cho quầy (hoặc đổi dải trực tuyến bằng `desk-server agency "
            "online-range`).",
            reason_code="range_overlap",
            range=str(wanted),
            online=str(online),
        )
    for other in others:
        if wanted.overlaps(DeskRange(other.range_start, other.range_end)):
            raise Refused(
                "Dải số {range} trùng với dải {other} của một quầy khác cùng cơ quan.",
                reason_code="range_overlap",
                range=str(wanted),
                other=str(DeskRange(other.range_start, other.range_end)),
            )
    code = "-".join(secrets.token_hex(3).upper() for _ in range(4))
    key = str(uuid4())
    session.add(
        ServerDesk(
            key=key,
            agency_code=agency.code,
            role="desk",
            name=name,
            range_start=wanted.start,
            range_end=wanted.end,
            enrol_code_hash=_digest(code),
            enrol_expires_at=now + ENROL_TTL,
            created_at=now,
        )
    )
    return key, code


def add_backoffice(session: Session, agency_code: str, name: str, now: datetime) -> str:
    """A back-office credential (no enrolment step); returns the bearer value to give out."""
    agency = ensure_agency(session, agency_code, now)
    key, secret = str(uuid4()), secrets.token_urlsafe(32)
    session.add(
        ServerDesk(
            key=key,
            agency_code=agency.code,
            role="backoffice",
            name=name,
            secret_hash=_HASHER.hash(secret),
            enrolled_at=now,
            created_at=now,
        )
    )
    return f"{key}.{secret}"


def exchange(session: Session, request: EnrolRequest, now: datetime) -> EnrolResponse:
    """Trade a one-time code for credentials; a used, expired or unknown code is refused
    with one message."""
    desk = session.scalars(
        select(ServerDesk).where(ServerDesk.enrol_code_hash == _digest(request.code.strip()))
    ).first()
    if desk is None or desk.enrol_expires_at is None or desk.enrol_expires_at < now:
        raise Refused(
            "Mã đăng ký không đúng, đã dùng hoặc đã hết hạn. Xin quản trị viên máy chủ cấp mã mới.",
            reason_code="enrol_invalid",
            http_status=401,
        )
    if desk.agency_code != request.agency_code.strip().upper():
        raise Refused(
            "Mã đăng ký này dành cho cơ quan {expected}, không phải {given}.",
            reason_code="enrol_agency",
            http_status=403,
            expected=desk.agency_code,
            given=request.agency_code,
        )
    if session.scalars(select(ServerDesk).where(ServerDesk.desk_id == request.desk_id)).first():
        raise Refused(
            "Quầy này đã được đăng ký với máy chủ.", reason_code="enrol_twice", http_status=409
        )
    secret = secrets.token_urlsafe(32)
    desk.secret_hash = _HASHER.hash(secret)
    desk.bundle_key = bundle_key(desk.key, secret)
    desk.desk_id = request.desk_id
    desk.enrolled_at = now
    desk.enrol_code_hash = None
    desk.enrol_expires_at = None
    agency = session.get(ServerAgency, desk.agency_code)
    assert agency is not None
    return EnrolResponse(
        desk_key=desk.key,
        secret=secret,
        agency_code=desk.agency_code,
        range_start=desk.range_start,
        range_end=desk.range_end,
        tracking_secret=base64.b64encode(agency.tracking_secret).decode("ascii"),
    )


def _unauthorised() -> Refused:
    return Refused(
        "Quầy chưa được xác thực với máy chủ. Đăng ký lại bằng `desk enrol`.",
        reason_code="unauthorised",
        http_status=401,
    )


class Authenticator:
    def __init__(self, db: Database, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._db = db
        self._monotonic = monotonic
        self._cache: dict[str, tuple[Caller, float]] = {}
        self._lock = threading.Lock()

    def caller(self, authorization: str | None) -> Caller:
        if not authorization or not authorization.startswith("Bearer "):
            raise _unauthorised()
        bearer = authorization.removeprefix("Bearer ").strip()
        token = _digest(bearer)
        with self._lock:
            cached = self._cache.get(token)
        if cached is not None and cached[1] > self._monotonic():
            return cached[0]
        caller = self._verify(bearer)
        with self._lock:
            self._cache[token] = (caller, self._monotonic() + CACHE_SECONDS)
        return caller

    def _verify(self, bearer: str) -> Caller:
        key, _, secret = bearer.partition(".")
        with self._db.read() as session:
            desk = session.get(ServerDesk, key) if len(key) == 36 else None
            if desk is None or desk.revoked or desk.secret_hash is None:
                raise _unauthorised()
            try:
                _HASHER.verify(desk.secret_hash, secret)
            except (VerificationError, InvalidHashError):
                raise _unauthorised() from None
            missing_bundle_key = desk.role == "desk" and desk.bundle_key is None
            caller = caller_of(desk)
        if missing_bundle_key:  # a desk enrolled before bundles existed
            with self._db.write() as session:
                row = session.get(ServerDesk, key)
                if row is not None and row.bundle_key is None:
                    row.bundle_key = bundle_key(key, secret)
        return caller


def caller_of(desk: ServerDesk) -> Caller:
    return Caller(
        key=desk.key,
        agency_code=desk.agency_code,
        role=desk.role,
        desk_id=desk.desk_id,
        range_start=desk.range_start,
        range_end=desk.range_end,
    )
