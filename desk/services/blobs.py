"""Content-addressed files (printed PDFs, scans) beside the database: ``blobs/<sha[:2]>/<sha>``.

A file is written to a temporary name in its folder, flushed to disk, then renamed, so a
power cut leaves either the whole file or none; each file has a ``blob`` row.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from data.models import Blob
from desk.domain.validation import os_reason
from desk.errors import ConfigError, IntegrityFailure, NotFound
from desk.fileio import write_atomically
from desk.services.context import ServiceContext

BLOB_FOLDER = "blobs"


def blob_dir_for(engine: Engine) -> Path:
    """``<db dir>/blobs`` for a SQLite file database."""
    database = engine.url.database
    if not database or database == ":memory:":
        raise ValueError("blob storage needs a SQLite file database")
    return Path(database).resolve().parent / BLOB_FOLDER


class BlobStore:
    def __init__(self, context: ServiceContext, blob_dir: Path) -> None:
        self._context = context
        self.root = blob_dir

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes, media_type: str) -> str:
        """Store ``data`` (once: the same bytes are the same blob); returns its SHA-256."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path(sha256)
        if not target.is_file() or target.stat().st_size != len(data):
            self._write(target, data)
        with self._context.db.write() as session:
            if session.get(Blob, sha256) is None:
                session.add(
                    Blob(
                        sha256=sha256,
                        size=len(data),
                        media_type=media_type,
                        created_at=self._context.now(),
                    )
                )
        return sha256

    def store_file(self, data: bytes) -> tuple[str, bool]:
        """Write the file only, for a caller that adds the row in its own transaction
        (``add_row``); returns the SHA-256 and whether this call created the file, so that a
        caller whose transaction fails can take back what it added (``discard_file``)."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path(sha256)
        if target.is_file() and target.stat().st_size == len(data):
            return sha256, False
        self._write(target, data)
        return sha256, True

    def add_row(self, session: Session, sha256: str, size: int, media_type: str) -> None:
        if session.get(Blob, sha256) is None:
            session.add(
                Blob(
                    sha256=sha256, size=size, media_type=media_type, created_at=self._context.now()
                )
            )

    def discard_file(self, sha256: str) -> None:
        """Remove a file whose row was never committed (no-op when a row exists)."""
        with self._context.db.read() as session:
            if session.get(Blob, sha256) is not None:
                return
        self.path(sha256).unlink(missing_ok=True)

    def get(self, sha256: str) -> bytes:
        try:
            data = self.path(sha256).read_bytes()
        except FileNotFoundError:
            raise NotFound("Không tìm thấy tệp lưu trữ {sha256}.", sha256=sha256) from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise IntegrityFailure("Tệp lưu trữ {sha256} đã bị thay đổi.", sha256=sha256)
        return data

    def _write(self, target: Path, data: bytes) -> None:
        try:
            write_atomically(target, data)
        except OSError as error:
            raise ConfigError(
                "Không ghi được tệp vào thư mục lưu trữ {folder}: {reason}",
                folder=str(self.root),
                reason=os_reason(error),
            ) from None
