"""Scans and result files: content-addressed by SHA-256, uploaded resumably (tus 1.0 style).

``HEAD`` tells the desk how much the server has (``Upload-Offset``); ``PATCH`` appends from
exactly that offset; when the last byte arrives the whole file is hashed and accepted only if
it matches its name — otherwise the partial file is discarded and the upload starts over.

Knowing a hash grants nothing. Each agency has its own upload session for a file
(``srv_blob_upload``), so another agency's session never blocks it; a file is visible to an
agency (``srv_blob_access``) only once that agency uploaded its bytes itself, or the server
stored it for one of the agency's dossiers (an online submission's attachment). The bytes are
deduplicated on disk, the permission never is: to anyone else a file answers exactly like one
that does not exist (HEAD, GET and PATCH alike). Bytes live behind ``BlobStorage`` (disk
here; an S3-compatible store implements the same four methods with multipart uploads).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol
from uuid import uuid4

from sqlalchemy.orm import Session

from data.db import Database
from sync.server.errors import Refused
from sync.server.tables import ServerBlob, ServerBlobAccess, ServerBlobUpload


class BlobStorage(Protocol):
    def write_at(self, upload: str, offset: int, data: bytes) -> None:
        """Write ``data`` at ``offset`` of the partial upload ``upload``, dropping anything
        after it."""
        ...

    def finish(self, upload: str, sha256: str) -> bool:
        """Hash the partial upload; move it into place as ``sha256`` and return True when it
        matches (the same bytes may already be there: they are simply replaced)."""
        ...

    def discard(self, upload: str) -> None: ...

    def read(self, sha256: str) -> bytes: ...


class DiskBlobStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _partial(self, upload: str) -> Path:
        return self.root / "partial" / upload

    def final(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def write_at(self, upload: str, offset: int, data: bytes) -> None:
        path = self._partial(upload)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "r+b" if path.exists() else "w+b") as handle:
            handle.truncate(offset)
            handle.seek(offset)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    def finish(self, upload: str, sha256: str) -> bool:
        path = self._partial(upload)
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

    def discard(self, upload: str) -> None:
        self._partial(upload).unlink(missing_ok=True)

    def read(self, sha256: str) -> bytes:
        return self.final(sha256).read_bytes()


@dataclass(frozen=True)
class UploadState:
    """What one agency sees of a file: how much of it the server holds for that agency."""

    offset: int
    length: int

    @property
    def complete(self) -> bool:
        return self.offset == self.length


def visible(session: Session, agency_code: str, sha256: str) -> ServerBlob | None:
    """The file if the server holds it whole and ``agency_code`` may see it."""
    if session.get(ServerBlobAccess, (sha256, agency_code)) is None:
        return None
    blob = session.get(ServerBlob, sha256)
    return blob if blob is not None and blob.complete else None


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

    def state(self, agency_code: str, sha256: str) -> UploadState | None:
        """None when the agency has neither the file nor an upload of it under way."""
        with self._db.read() as session:
            blob = visible(session, agency_code, sha256)
            if blob is not None:
                return UploadState(blob.length, blob.length)
            upload = session.get(ServerBlobUpload, (sha256, agency_code))
            return None if upload is None else UploadState(upload.offset, upload.length)

    def create(self, agency_code: str, sha256: str, length: int, media_type: str) -> UploadState:
        if length <= 0 or length > self.max_bytes:
            raise Refused(
                "Tệp quá lớn hoặc rỗng ({size} byte); giới hạn của máy chủ là {limit} byte.",
                reason_code="too_large",
                http_status=413,
                size=length,
                limit=self.max_bytes,
            )
        with self._db.write() as session:
            blob = visible(session, agency_code, sha256)
            if blob is not None:
                if blob.length != length:
                    raise _length_mismatch()
                return UploadState(blob.length, blob.length)
            upload = session.get(ServerBlobUpload, (sha256, agency_code))
            if upload is None:
                upload = ServerBlobUpload(
                    sha256=sha256,
                    agency_code=agency_code,
                    length=length,
                    offset=0,
                    media_type=media_type[:100],
                    created_at=self._clock(),
                )
                session.add(upload)
            elif upload.length != length:
                raise _length_mismatch()
            return UploadState(upload.offset, upload.length)

    def append(self, agency_code: str, sha256: str, offset: int, data: bytes) -> UploadState:
        with self._db.write() as session:
            upload = session.get(ServerBlobUpload, (sha256, agency_code), with_for_update=True)
            if upload is None:
                raise Refused(
                    "Máy chủ chưa có phiên tải lên cho tệp này.",
                    reason_code="no_upload",
                    http_status=404,
                )
            if offset != upload.offset:
                raise Refused(
                    "Vị trí tải lên không khớp ({given}, máy chủ đang có {offset}).",
                    reason_code="offset_mismatch",
                    http_status=409,
                    given=offset,
                    offset=upload.offset,
                )
            if offset + len(data) > upload.length:
                raise Refused(
                    "Dữ liệu gửi lên dài hơn kích thước đã khai báo của tệp.",
                    reason_code="too_long",
                    http_status=409,
                )
            self._storage.write_at(_upload_name(agency_code, sha256), offset, data)
            upload.offset = offset + len(data)
            state = UploadState(upload.offset, upload.length)
            matched = not state.complete or self._complete(session, upload)
        if not matched:
            raise Refused(
                "Tệp tải lên không khớp mã băm SHA-256; máy chủ đã hủy bản tải lên này.",
                reason_code="hash_mismatch",
                http_status=422,
            )
        return state

    def _complete(self, session: Session, upload: ServerBlobUpload) -> bool:
        """Accept the finished upload (the agency proved it has the bytes: it may see the
        file from now on), or forget it (committed) so the desk starts over."""
        name = _upload_name(upload.agency_code, upload.sha256)
        session.delete(upload)
        if not self._storage.finish(name, upload.sha256):
            return False
        _keep(session, upload.sha256, upload.length, upload.media_type, self._clock())
        _grant(session, upload.sha256, upload.agency_code)
        return True

    def read(self, agency_code: str, sha256: str) -> tuple[ServerBlob, bytes]:
        with self._db.read() as session:
            blob = visible(session, agency_code, sha256)
            if blob is None:
                raise Refused(
                    "Không tìm thấy tệp {sha256}.",
                    reason_code="not_found",
                    http_status=404,
                    sha256=sha256,
                )
        return blob, self._storage.read(sha256)

    def store_whole(self, session: Session, agency_code: str, data: bytes, media_type: str) -> str:
        """Keep a file that arrived in one piece (an online submission's attachment, a result
        file given on the command line) in the caller's transaction, visible to the agency;
        returns its SHA-256. If that transaction fails, the file may stay on disk without a
        row: harmless, it is content-addressed and written again."""
        sha256 = hashlib.sha256(data).hexdigest()
        blob = session.get(ServerBlob, sha256, with_for_update=True)
        if blob is None or not blob.complete:
            name = f"whole/{uuid4()}"
            self._storage.write_at(name, 0, data)
            if not self._storage.finish(name, sha256):  # only if the disk changed the bytes
                raise Refused(
                    "Tệp tải lên không khớp mã băm SHA-256; máy chủ đã hủy bản tải lên này.",
                    reason_code="hash_mismatch",
                    http_status=422,
                )
            _keep(session, sha256, len(data), media_type, self._clock())
        _grant(session, sha256, agency_code)
        return sha256

    def grant(self, session: Session, sha256: str, agency_code: str) -> None:
        """A result file named by the agency's back office: it must be one the agency can
        already see (uploaded by it), or it is refused as not uploaded."""
        if visible(session, agency_code, sha256) is None:
            raise Refused(
                "Tệp kết quả {sha256} chưa được tải lên máy chủ.",
                reason_code="no_result_file",
                http_status=409,
                sha256=sha256,
            )


def _upload_name(agency_code: str, sha256: str) -> str:
    return f"{agency_code}/{sha256}"


def _keep(session: Session, sha256: str, length: int, media_type: str, now: datetime) -> None:
    blob = session.get(ServerBlob, sha256)
    if blob is None:
        blob = ServerBlob(sha256=sha256, media_type=media_type[:100], created_at=now)
        session.add(blob)
    blob.length = blob.offset = length
    blob.complete = True
    blob.completed_at = blob.completed_at or now
    session.flush()


def _grant(session: Session, sha256: str, agency_code: str) -> None:
    if session.get(ServerBlobAccess, (sha256, agency_code)) is None:
        session.add(ServerBlobAccess(sha256=sha256, agency_code=agency_code))


def _length_mismatch() -> Refused:
    return Refused(
        "Kích thước tệp khác với bản đang tải lên dở trên máy chủ.",
        reason_code="length_mismatch",
        http_status=409,
    )
