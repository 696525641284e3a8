"""Scans and result files: content-addressed by SHA-256, uploaded resumably (tus 1.0 style).

``HEAD`` tells the desk how much the server has (``Upload-Offset``); ``PATCH`` appends from
exactly that offset; when the last byte arrives the whole file is hashed and accepted only if
it matches its name — otherwise the partial file is discarded and the upload starts over.
Bytes live behind ``BlobStorage`` (disk here; an S3-compatible store implements the same
four methods with multipart uploads).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import delete
from sqlalchemy.orm import Session

from data.db import Database
from sync.server.errors import Refused
from sync.server.tables import ServerBlob, ServerBlobAccess


class BlobStorage(Protocol):
    def write_at(self, sha256: str, offset: int, data: bytes) -> None:
        """Write ``data`` at ``offset`` of the partial upload, dropping anything after it."""
        ...

    def finish(self, sha256: str) -> bool:
        """Hash the partial upload; move it into place and return True when it matches."""
        ...

    def discard(self, sha256: str) -> None: ...

    def read(self, sha256: str) -> bytes: ...


class DiskBlobStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _partial(self, sha256: str) -> Path:
        return self.root / "partial" / sha256

    def final(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def write_at(self, sha256: str, offset: int, data: bytes) -> None:
        path = self._partial(sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "r+b" if path.exists() else "w+b") as handle:
            handle.truncate(offset)
            handle.seek(offset)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    def finish(self, sha256: str) -> bool:
        path = self._partial(sha256)
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != sha256:
            path.unlink()
            return False
        target = self.final(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
        return True

    def discard(self, sha256: str) -> None:
        self._partial(sha256).unlink(missing_ok=True)

    def read(self, sha256: str) -> bytes:
        return self.final(sha256).read_bytes()


class BlobService:
    def __init__(
        self,
        db: Database,
        storage: BlobStorage,
        clock: Callable[[], datetime],
        max_bytes: int,
    ) -> None:
        self._db = db
        self._storage = storage
        self._clock = clock
        self.max_bytes = max_bytes

    def state(self, sha256: str) -> ServerBlob | None:
        with self._db.read() as session:
            return session.get(ServerBlob, sha256)

    def create(self, agency_code: str, sha256: str, length: int, media_type: str) -> ServerBlob:
        if length <= 0 or length > self.max_bytes:
            raise Refused(
                "Tệp quá lớn hoặc rỗng ({size} byte); giới hạn của máy chủ là {limit} byte.",
                reason_code="too_large",
                http_status=413,
                size=length,
                limit=self.max_bytes,
            )
        with self._db.write() as session:
            blob = session.get(ServerBlob, sha256)
            if blob is None:
                blob = ServerBlob(
                    sha256=sha256,
                    length=length,
                    offset=0,
                    media_type=media_type[:100],
                    complete=False,
                    created_at=self._clock(),
                )
                session.add(blob)
                session.flush()
            elif blob.length != length:
                raise _length_mismatch()
            _grant(session, sha256, agency_code)
            return blob

    def append(self, agency_code: str, sha256: str, offset: int, data: bytes) -> ServerBlob:
        with self._db.write() as session:
            blob = session.get(ServerBlob, sha256, with_for_update=True)
            if blob is None or session.get(ServerBlobAccess, (sha256, agency_code)) is None:
                raise Refused(
                    "Máy chủ chưa có phiên tải lên cho tệp này.",
                    reason_code="no_upload",
                    http_status=404,
                )
            if blob.complete or offset != blob.offset:
                raise Refused(
                    "Vị trí tải lên không khớp ({given}, máy chủ đang có {offset}).",
                    reason_code="offset_mismatch",
                    http_status=409,
                    given=offset,
                    offset=blob.offset,
                )
            if offset + len(data) > blob.length:
                raise Refused(
                    "Dữ liệu gửi lên dài hơn kích thước đã khai báo của tệp.",
                    reason_code="too_large",
                    http_status=413,
                )
            self._storage.write_at(sha256, offset, data)
            blob.offset = offset + len(data)
            matched = blob.offset < blob.length or self._complete(session, blob)
        if not matched:
            raise Refused(
                "Tệp tải lên không khớp mã băm SHA-256; máy chủ đã hủy bản tải lên này.",
                reason_code="hash_mismatch",
                http_status=422,
            )
        return blob

    def _complete(self, session: Session, blob: ServerBlob) -> bool:
        """Accept the finished upload, or forget it (committed) so the desk starts over."""
        if not self._storage.finish(blob.sha256):
            session.execute(delete(ServerBlobAccess).where(ServerBlobAccess.sha256 == blob.sha256))
            session.delete(blob)
            return False
        blob.complete = True
        blob.completed_at = self._clock()
        return True

    def read(self, agency_code: str, sha256: str) -> tuple[ServerBlob, bytes]:
        with self._db.read() as session:
            blob = session.get(ServerBlob, sha256)
            allowed = session.get(ServerBlobAccess, (sha256, agency_code)) is not None
            if blob is None or not blob.complete or not allowed:
                raise Refused(
                    "Không tìm thấy tệp {sha256}.",
                    reason_code="not_found",
                    http_status=404,
                    sha256=sha256,
                )
        return blob, self._storage.read(sha256)

    def store_whole(self, session: Session, agency_code: str, data: bytes, media_type: str) -> str:
        """Keep a file that arrived in one piece (an online submission's attachment) in the
        caller's transaction; returns its SHA-256. If that transaction fails, the file may
        stay on disk without a row: harmless, it is content-addressed and written again."""
        sha256 = hashlib.sha256(data).hexdigest()
        blob = session.get(ServerBlob, sha256, with_for_update=True)
        if blob is None or not blob.complete:
            self._storage.write_at(sha256, 0, data)
            if not self._storage.finish(sha256):  # only if the disk changed the bytes under us
                raise Refused(
                    "Tệp tải lên không khớp mã băm SHA-256; máy chủ đã hủy bản tải lên này.",
                    reason_code="hash_mismatch",
                    http_status=422,
                )
            now = self._clock()
            if blob is None:
                blob = ServerBlob(sha256=sha256, media_type=media_type[:100], created_at=now)
                session.add(blob)
            blob.length = blob.offset = len(data)
            blob.complete = True
            blob.completed_at = now
            session.flush()
        _grant(session, sha256, agency_code)
        return sha256

    def grant(self, session: Session, sha256: str, agency_code: str) -> None:
        blob = session.get(ServerBlob, sha256)
        if blob is None or not blob.complete:
            raise Refused(
                "Tệp kết quả {sha256} chưa được tải lên máy chủ.",
                reason_code="no_result_file",
                sha256=sha256,
            )
        _grant(session, sha256, agency_code)


def _grant(session: Session, sha256: str, agency_code: str) -> None:
    if session.get(ServerBlobAccess, (sha256, agency_code)) is None:
        session.add(ServerBlobAccess(sha256=sha256, agency_code=agency_code))


def _length_mismatch() -> Refused:
    return Refused(
        "Kích thước tệp khác với bản đang tải lên dở trên máy chủ.",
        reason_code="length_mismatch",
        http_status=409,
    )
