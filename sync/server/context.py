"""Everything one server process holds: settings, database, services (built by the app factory)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from data.db import Database
from sync.protocol import MAX_BLOB_BYTES
from sync.server.adapters import ProvinceAdapter
from sync.server.adapters.reference import OutboxProvinceAdapter
from sync.server.auth import VERIFY_PER_ADDRESS, VERIFY_PER_KEY, Authenticator
from sync.server.backoffice import BackOffice
from sync.server.blobs import BlobService, DiskBlobStorage
from sync.server.limits import DbLimiter
from sync.server.notify.queue import NotifyingAdapter
from sync.server.online import OnlineIntake
from sync.server.portal_feedback import PortalFeedback
from sync.server.store import CommandStore
from sync.server.track import Tracker


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ServerSettings:
    db_url: str
    """SQLAlchemy URL: sqlite:///server.db (trial) or postgresql+psycopg://… (production)."""
    blob_dir: Path
    """Where uploaded scans and result files are kept (one file per SHA-256)."""
    max_blob_bytes: int = MAX_BLOB_BYTES
    """Largest accepted upload."""
    track_per_minute: int = 20
    """Public tracking look-ups per client address per minute."""
    track_per_code_per_hour: int = 60
    """Look-ups of one dossier code per hour, from all addresses together."""
    clock: Callable[[], datetime] = field(default=utc_now)
    feedback_per_hour: int = 5
    """Phản ánh sent through the public page per client address per hour."""
    trusted_proxies: tuple[str, ...] = ()
    """Addresses or CIDRs of the reverse proxies whose X-Forwarded-For names the client."""
    public_url: str = ""
    """The public address of the tracking page (links in citizens' messages); empty: the
    server queues no notifications."""


@dataclass(frozen=True)
class Server:
    settings: ServerSettings
    db: Database
    auth: Authenticator
    commands: CommandStore
    blobs: BlobService
    backoffice: BackOffice
    online: OnlineIntake
    tracker: Tracker
    feedback: PortalFeedback

    @classmethod
    def build(cls, settings: ServerSettings, adapter: ProvinceAdapter | None = None) -> Server:
        db = Database.open(settings.db_url)
        province = adapter or OutboxProvinceAdapter()
        if settings.public_url:
            province = NotifyingAdapter(province, settings.public_url)
        clock = settings.clock
        blobs = BlobService(db, DiskBlobStorage(settings.blob_dir), clock, settings.max_blob_bytes)
        return cls(
            settings=settings,
            db=db,
            auth=Authenticator(
                db,
                clock=clock,
                per_key=DbLimiter(db, "verify-key", VERIFY_PER_KEY, 60.0, clock),
                per_address=DbLimiter(db, "verify-address", VERIFY_PER_ADDRESS, 60.0, clock),
            ),
            commands=CommandStore(db, province, clock),
            blobs=blobs,
            backoffice=BackOffice(db, blobs, province, clock),
            online=OnlineIntake(db, blobs, province, clock, settings.public_url),
            feedback=PortalFeedback(
                db, DbLimiter(db, "feedback", settings.feedback_per_hour, 3600.0, clock), clock
            ),
            tracker=Tracker(
                db,
                DbLimiter(db, "track-address", settings.track_per_minute, 60.0, clock),
                DbLimiter(db, "track-code", settings.track_per_code_per_hour, 3600.0, clock),
            ),
        )

    def now(self) -> datetime:
        return self.settings.clock()

    def close(self) -> None:
        self.db.dispose()
