"""`desk sync export FILE`: the desk's pending commands and blobs as one signed bundle.

For a desk offline for days: the officer carries the file to the central office, where an
administrator runs `desk-server import FILE`. Nothing is marked sent here — the desk cannot
know whether the import happened — so the next online sync sends the same commands, the
server answers "duplicate", and they are acked then; blobs the server already holds are
skipped by their hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import col, select

from data.models import Blob, OutboxCommand
from desk.domain.validation import os_reason
from desk.errors import ConfigError
from desk.services.blobs import BlobStore
from desk.services.context import ServiceContext
from sync import outbox
from sync.bundle import BundleBlob, BundleManifest, bundle_key, write_bundle


@dataclass(frozen=True)
class ExportReport:
    path: str
    commands: int
    blobs: int
    bytes: int


def export_bundle(
    context: ServiceContext, blobs: BlobStore, enrolment: dict[str, str], path: Path
) -> ExportReport:
    desk_key, _, secret = str(enrolment.get("bearer", "")).partition(".")
    if not secret:
        raise ConfigError(
            "Quầy chưa đăng ký với máy chủ nên không ký được gói đồng bộ. Chạy `desk enrol` "
            "trước (cần mạng một lần)."
        )
    with context.db.read() as session:
        rows = session.exec(
            select(OutboxCommand)
            .where(col(OutboxCommand.state) == outbox.PENDING)
            .order_by(col(OutboxCommand.id))
        ).all()
        commands = [outbox.to_wire(row) for row in rows]
        pending = session.exec(
            select(Blob).where(col(Blob.uploaded_at).is_(None)).order_by(col(Blob.created_at))
        ).all()
        listed = [
            BundleBlob(sha256=blob.sha256, size=blob.size, media_type=blob.media_type)
            for blob in pending
        ]
    manifest = BundleManifest(
        desk_key=desk_key, created_at=context.now(), commands=commands, blobs=listed
    )
    try:
        size = write_bundle(path, manifest, blobs.get, bundle_key(desk_key, secret))
    except OSError as error:
        raise ConfigError(
            "Không ghi được gói đồng bộ {path}: {reason}. Chọn thư mục khác (ví dụ ổ USB đã "
            "cắm) rồi thử lại.",
            path=str(path),
            reason=os_reason(error),
        ) from None
    return ExportReport(path=str(path), commands=len(commands), blobs=len(listed), bytes=size)
