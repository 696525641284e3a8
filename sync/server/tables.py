"""The server's tables (separate metadata and migrations from the desk's ``data.models``).

Instants are UTC (data.types.UTCDateTime, the same column type as the desk's). Every row
that a desk caused carries the desk's key, so a refused or suspicious batch can be traced.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from data.types import UTCDateTime


class ServerBase(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class ServerAgency(ServerBase):
    """An agency; ``feed_last`` is the counter of its change feed (see sync.server.feed)."""

    __tablename__ = "srv_agency"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    tracking_secret: Mapped[bytes] = mapped_column(LargeBinary)
    feed_last: Mapped[int] = mapped_column(default=0)
    online_range_start: Mapped[int] = mapped_column(default=9000, server_default="9000")
    online_range_end: Mapped[int] = mapped_column(default=9999, server_default="9999")
    """The daily sequence numbers the server issues to online dossiers (sync.server.online);
    no desk of the agency may be given a range that overlaps them."""
    created_at: Mapped[datetime]


class ServerDesk(ServerBase):
    """A credential: a desk (enrolled with a one-time code) or a back-office client."""

    __tablename__ = "srv_desk"
    key: Mapped[str] = mapped_column(String(36), primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("srv_agency.code"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # desk | backoffice
    name: Mapped[str] = mapped_column(String(200), default="")
    range_start: Mapped[int] = mapped_column(default=0)
    range_end: Mapped[int] = mapped_column(default=0)
    enrol_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    enrol_expires_at: Mapped[datetime | None]
    secret_hash: Mapped[str | None] = mapped_column(String(200))
    desk_id: Mapped[str | None] = mapped_column(String(36), unique=True)
    enrolled_at: Mapped[datetime | None]
    revoked: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    credential_version: Mapped[int] = mapped_column(default=0, server_default="0")
    """Bumped whenever the credential stops being what it was (revoked, rotated, re-enrolled):
    a verdict cached for a bearer is good only while this and ``revoked`` are unchanged."""
    last_seen_at: Mapped[datetime | None]
    """The desk's last authenticated request (written at most once a minute)."""
    bundle_key: Mapped[str | None] = mapped_column(String(64))
    """HMAC key of the desk's sneakernet bundles (sync.bundle.bundle_key), derived from its
    secret at enrolment, or at its first authenticated request for desks enrolled before."""


class ServerDossier(ServerBase):
    __tablename__ = "srv_dossier"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("srv_agency.code"), index=True)
    desk_key: Mapped[str] = mapped_column(ForeignKey("srv_desk.key"))
    status: Mapped[int]
    status_before_pause: Mapped[int | None]
    received_at: Mapped[datetime]
    due_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    snapshot: Mapped[str] = mapped_column(Text)
    tracking_token: Mapped[str] = mapped_column(String(32))
    lookup_code: Mapped[str] = mapped_column(String(16))
    result_sha256: Mapped[str | None] = mapped_column(String(64))
    signed_result_sha256: Mapped[str | None] = mapped_column(String(64))
    """The result signed at the desk with the officer's token (dossier.result_signed)."""
    signed_result_public: Mapped[bool] = mapped_column(default=False, server_default=false())
    """The office lets the tracking page offer it to whoever holds the slip's token."""
    event_count: Mapped[int] = mapped_column(default=0)
    last_event_hash: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime]


class ServerEvent(ServerBase):
    """The server's own hash-chained audit log of a dossier (desk.domain.lifecycle rules)."""

    __tablename__ = "srv_event"
    __table_args__ = (UniqueConstraint("dossier_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("srv_dossier.id"))
    seq: Mapped[int]
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(64))
    from_status: Mapped[int | None]
    to_status: Mapped[int | None]
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ServerCommand(ServerBase):
    """An applied command: the idempotency record (id + payload hash → original result)."""

    __tablename__ = "srv_command"
    command_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    desk_key: Mapped[str] = mapped_column(ForeignKey("srv_desk.key"), index=True)
    seq: Mapped[int]
    type: Mapped[str] = mapped_column(String(64))
    dossier_id: Mapped[str | None] = mapped_column(String(36))
    payload_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[int | None]
    applied_at: Mapped[datetime]


class ServerChange(ServerBase):
    """One entry of an agency's change feed; ``seq`` is assigned in commit order."""

    __tablename__ = "srv_change"
    agency_code: Mapped[str] = mapped_column(ForeignKey("srv_agency.code"), primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class ServerBlob(ServerBase):
    """A file the server holds whole (its bytes once on disk, whoever uploaded them); which
    agencies may see it is ``srv_blob_access``, never the mere knowledge of its hash."""

    __tablename__ = "srv_blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    length: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    media_type: Mapped[str] = mapped_column(String(100))
    complete: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]


class ServerBlobUpload(ServerBase):
    """An agency's upload in progress (tus session): each agency has its own, so one agency
    can neither see nor block another's upload of the same file."""

    __tablename__ = "srv_blob_upload"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("srv_agency.code"), primary_key=True)
    length: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    media_type: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]


class ServerBlobAccess(ServerBase):
    """Which agencies may see a blob: those that uploaded its bytes themselves, and the agency
    of an online dossier whose attachment the server stored."""

    __tablename__ = "srv_blob_access"
    sha256: Mapped[str] = mapped_column(ForeignKey("srv_blob.sha256"), primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("srv_agency.code"), primary_key=True)


class ProvinceRecord(ServerBase):
    """An outbound DongBoHoSoMC / CapNhatTienDoHoSoMC record for the provincial system."""

    __tablename__ = "srv_province_record"
    __table_args__ = (Index("ix_srv_province_record_pending", "sent_at", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    service: Mapped[str] = mapped_column(String(32))
    dossier_code: Mapped[str] = mapped_column(String(64), index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class ServerNotification(ServerBase):
    """A message to the citizen about a dossier change: pending → sent | failed (kept)."""

    __tablename__ = "srv_notification"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("srv_dossier.id"), index=True)
    dossier_code: Mapped[str] = mapped_column(String(64), index=True)
    event_kind: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(8))
    to: Mapped[str] = mapped_column(String(320))
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_try_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class ServerFeedback(ServerBase):
    """The server's copy of a desk's phản ánh, kiến nghị, brought up to date by each command."""

    __tablename__ = "srv_feedback"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agency_code: Mapped[str] = mapped_column(ForeignKey("srv_agency.code"), index=True)
    desk_key: Mapped[str | None] = mapped_column(ForeignKey("srv_desk.key"))
    """The desk that recorded it; None for feedback sent through the public page."""
    book: Mapped[str] = mapped_column(String(16), default="")
    seq: Mapped[int] = mapped_column(default=0)
    channel: Mapped[str] = mapped_column(String(16), default="")
    dossier_code: Mapped[str | None] = mapped_column(String(64))
    sender_name: Mapped[str] = mapped_column(String(200), default="")
    sender_phone: Mapped[str | None] = mapped_column(String(32))
    sender_email: Mapped[str | None] = mapped_column(String(320))
    content: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="open", index=True)
    received_at: Mapped[datetime | None]
    due_at: Mapped[datetime | None] = mapped_column(index=True)
    assigned_to: Mapped[str | None] = mapped_column(String(200))
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None]
    updated_at: Mapped[datetime | None]


class ServerRateHit(ServerBase):
    """One counted hit of a rate limit (sync.server.limits.DbLimiter), shared by every worker
    process and kept across restarts. ``bucket`` is a hash of the limit's name and its key
    (a client address, a dossier code, a desk key): none of them is stored as such."""

    __tablename__ = "srv_rate_limit"
    __table_args__ = (Index("ix_srv_rate_limit_bucket_at", "bucket", "at_us"),)
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    bucket: Mapped[str] = mapped_column(String(32))
    at_us: Mapped[int] = mapped_column(BigInteger)
    """When, in microseconds since the epoch (UTC)."""
