"""Desk enrolment and request authentication.

An administrator creates a desk with its agency and code range; the server prints a one-time
enrolment code (only its SHA-256 is stored). The desk generates its secret, stores it, and
sends it with the code; the server keeps an argon2 hash of it. If the answer is lost, the same
desk asking again with the same code and secret gets the same enrolment again, until the code
expires; any other desk is refused. Requests carry ``Authorization: Bearer <key>.<secret>``.

Argon2 is slow by design, so its verdict on a bearer is remembered in memory (under a keyed
BLAKE2b of the whole header value) — but only together with the credential's
``credential_version``, which every request reads from the database (one primary-key read):
a revoked or rotated credential is refused at once, on every worker process.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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
from sync.server.limits import Limiter, MemoryLimiter
from sync.server.store import Caller
from sync.server.tables import ServerAgency, ServerDesk

CACHE_SECONDS = 600.0
ENROL_TTL = timedelta(days=7)
_HASHER = PasswordHasher()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def code_digest(code: str) -> str:
    """What the server keeps of an enrolment code."""
    return _digest(code)


def hash_secret(secret: str) -> str:
    return _HASHER.hash(secret)


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
    check_range(session, agency, wanted, except_key=None)
    code = new_enrol_code()
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


def new_enrol_code() -> str:
    return "-".join(secrets.token_hex(3).upper() for _ in range(4))


def check_range(
    session: Session, agency: ServerAgency, wanted: DeskRange, except_key: str | None
) -> None:
    """Refuse a range that overlaps the online range or another live desk's range."""
    others = session.scalars(
        select(ServerDesk).where(
            ServerDesk.agency_code == agency.code,
            ServerDesk.role == "desk",
            ServerDesk.revoked.is_(False),
            ServerDesk.key != (except_key or ""),
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
    with one message. The same desk asking again with its secret gets the same answer."""
    desk = session.scalars(
        select(ServerDesk).where(ServerDesk.enrol_code_hash == _digest(request.code.strip()))
    ).first()
    if desk is None or desk.enrol_expires_at is None or desk.enrol_expires_at < now:
        raise _enrol_invalid()
    if desk.agency_code != request.agency_code.strip().upper():
        raise Refused(
            "Mã đăng ký này dành cho cơ quan {expected}, không phải {given}.",
            reason_code="enrol_agency",
            http_status=403,
            expected=desk.agency_code,
            given=request.agency_code,
        )
    if desk.enrolled_at is not None:  # asked again: only the desk whose answer was lost
        if not _same_enrolment(desk, request):
            raise _enrol_invalid()
        return _answer(session, desk, str(request.secret))
    taken = session.scalars(
        select(ServerDesk.key).where(
            ServerDesk.desk_id == request.desk_id, ServerDesk.key != desk.key
        )
    ).first()
    if taken is not None:
        raise Refused(
            "Quầy này đã được đăng ký với máy chủ.", reason_code="enrol_twice", http_status=409
        )
    secret = request.secret or secrets.token_urlsafe(32)
    desk.secret_hash = _HASHER.hash(secret)
    desk.bundle_key = bundle_key(desk.key, secret)
    desk.desk_id = request.desk_id
    desk.enrolled_at = now
    desk.credential_version += 1
    if request.secret is None:  # a desk that cannot ask again: the code is spent now
        desk.enrol_code_hash = None
        desk.enrol_expires_at = None
    return _answer(session, desk, secret)


def _same_enrolment(desk: ServerDesk, request: EnrolRequest) -> bool:
    if request.secret is None or desk.secret_hash is None or desk.desk_id != request.desk_id:
        return False
    try:
        return _HASHER.verify(desk.secret_hash, request.secret)
    except (VerificationError, InvalidHashError):
        return False


def _answer(session: Session, desk: ServerDesk, secret: str) -> EnrolResponse:
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


def _enrol_invalid() -> Refused:
    return Refused(
        "Mã đăng ký không đúng, đã dùng hoặc đã hết hạn. Xin quản trị viên máy chủ cấp mã mới.",
        reason_code="enrol_invalid",
        http_status=401,
    )


def _unauthorised() -> Refused:
    return Refused(
        "Quầy chưa được xác thực với máy chủ. Đăng ký lại bằng `desk enrol`.",
        reason_code="unauthorised",
        http_status=401,
    )


SEEN_EVERY = timedelta(minutes=1)
VERIFY_PER_KEY = 10
"""Failed (or still running) argon2 verifications, per desk key per minute."""
VERIFY_PER_ADDRESS = 20
"""The same, per client address per minute."""
PARALLEL_VERIFICATIONS = 2
"""Argon2 runs at once in one process; the others wait, leaving the CPU to cached callers."""
CACHE_ENTRIES = 10_000


def _too_many_attempts() -> Refused:
    return Refused(
        "Quá nhiều lần xác thực không thành công; thử lại sau ít phút.",
        reason_code="rate_limited",
        http_status=429,
    )


@dataclass(frozen=True)
class _Verdict:
    caller: Caller | None
    """None: the secret was wrong."""
    version: int
    expires: float


class Authenticator:
    """Checks bearers. Argon2 runs once per bearer and credential version; its verdict (also
    a wrong secret's) is kept for ``CACHE_SECONDS`` under a keyed BLAKE2b of the whole
    bearer. Verifications that the cache cannot answer are throttled per key and per client
    address, so guessing secrets costs the server little and a desk's cached calls go on."""

    def __init__(
        self,
        db: Database,
        monotonic: Callable[[], float] = time.monotonic,
        clock: Callable[[], datetime] | None = None,
        per_key: Limiter | None = None,
        per_address: Limiter | None = None,
    ) -> None:
        self._db = db
        self._monotonic = monotonic
        self._clock = clock or (lambda: datetime.now(UTC))
        self._cache: dict[bytes, _Verdict] = {}
        self._lock = threading.Lock()
        self._flights: dict[bytes, threading.Lock] = {}
        self._argon2 = threading.BoundedSemaphore(PARALLEL_VERIFICATIONS)
        self._hash_key = secrets.token_bytes(32)
        self._per_key = per_key or MemoryLimiter(VERIFY_PER_KEY, 60.0)
        self._per_address = per_address or MemoryLimiter(VERIFY_PER_ADDRESS, 60.0)

    def caller(self, authorization: str | None, address: str = "?") -> Caller:
        if not authorization or not authorization.startswith("Bearer "):
            raise _unauthorised()
        bearer = authorization.removeprefix("Bearer ").strip()
        key, _, secret = bearer.partition(".")
        with self._db.read() as session:  # every request: revocation is seen at once
            desk = session.get(ServerDesk, key) if len(key) == 36 else None
            if desk is None or desk.revoked or desk.secret_hash is None:
                raise _unauthorised()
            version, seen = desk.credential_version, desk.last_seen_at
            secret_hash = desk.secret_hash
            needs_bundle_key = desk.role == "desk" and desk.bundle_key is None
            fresh = caller_of(desk)
        token = hashlib.blake2b(bearer.encode("utf-8"), key=self._hash_key).digest()
        verdict = self._cached(token, version)
        if verdict is None:
            try:
                with self._flight(token):  # the same bearer many times at once: verified once
                    verdict = self._cached(token, version) or self._verify(
                        token, version, key, address, secret_hash, secret, fresh
                    )
            finally:
                with self._lock:
                    self._flights.pop(token, None)
        if verdict.caller is None:
            raise _unauthorised()
        self._touch(key, secret, seen, needs_bundle_key)
        return fresh

    def _cached(self, token: bytes, version: int) -> _Verdict | None:
        with self._lock:
            verdict = self._cache.get(token)
        if verdict is None or verdict.version != version or verdict.expires <= self._monotonic():
            return None
        return verdict

    def _flight(self, token: bytes) -> threading.Lock:
        with self._lock:
            return self._flights.setdefault(token, threading.Lock())

    def _verify(
        self,
        token: bytes,
        version: int,
        key: str,
        address: str,
        secret_hash: str,
        secret: str,
        fresh: Caller,
    ) -> _Verdict:
        if not self._per_address.allow(address):
            raise _too_many_attempts()
        if not self._per_key.allow(key):
            self._per_address.release(address)
            raise _too_many_attempts()
        with self._argon2:
            try:
                ok: bool = _HASHER.verify(secret_hash, secret)
            except (VerificationError, InvalidHashError):
                ok = False
        if ok:  # only failures count (and attempts still running, so a burst cannot pass)
            self._per_key.release(key)
            self._per_address.release(address)
        verdict = _Verdict(fresh if ok else None, version, self._monotonic() + CACHE_SECONDS)
        with self._lock:
            if len(self._cache) >= CACHE_ENTRIES:
                now = self._monotonic()
                self._cache = {t: v for t, v in self._cache.items() if v.expires > now}
                if len(self._cache) >= CACHE_ENTRIES:
                    self._cache.clear()
            self._cache[token] = verdict
        return verdict

    def _touch(self, key: str, secret: str, seen: datetime | None, needs_bundle_key: bool) -> None:
        """Note the last contact (at most once a minute); derive the bundle key of a desk
        enrolled before bundles existed."""
        now = self._clock()
        if not needs_bundle_key and seen is not None and now - seen < SEEN_EVERY:
            return
        with self._db.write() as session:
            row = session.get(ServerDesk, key)
            if row is None:
                return
            row.last_seen_at = now
            if needs_bundle_key and row.bundle_key is None:
                row.bundle_key = bundle_key(key, secret)


def caller_of(desk: ServerDesk) -> Caller:
    return Caller(
        key=desk.key,
        agency_code=desk.agency_code,
        role=desk.role,
        desk_id=desk.desk_id,
        range_start=desk.range_start,
        range_end=desk.range_end,
    )
