"""Sneakernet bundles: a desk's pending commands and blobs in one signed file on a USB stick.

A bundle is a ZIP file: ``manifest.json`` (the desk key, the commands exactly as they would
go on the wire, and the list of blobs with their SHA-256 and size), ``blobs/<sha256>`` (the
bytes) and ``signature`` (hex HMAC-SHA256 of ``manifest.json``). The HMAC key is derived
from the desk's enrolment secret (``bundle_key``): the server keeps that derived key, never
the secret itself, so a bundle proves it came from that desk and was not edited on the way.
Blobs are covered through their hashes in the signed manifest.

Reading verifies everything — signature, the manifest's shape, every blob's size and hash —
before the caller writes anything, so a tampered or damaged bundle leaves no trace.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError

from desk.errors import DeskError
from sync.protocol import Command, Sha256, Strict, Uuid

FORMAT = "motcua-sync-bundle"
MANIFEST = "manifest.json"
SIGNATURE = "signature"
MAX_MANIFEST_BYTES = 256 * 1024 * 1024


def bundle_key(desk_key: str, secret: str) -> str:
    """The desk's bundle-signing key (hex), derived from its secret; both sides compute it."""
    label = f"{FORMAT}|{desk_key}".encode()
    return hmac.new(secret.encode("utf-8"), label, hashlib.sha256).hexdigest()


def _sign(key: str, manifest: bytes) -> str:
    return hmac.new(bytes.fromhex(key), manifest, hashlib.sha256).hexdigest()


class BundleBlob(Strict):
    sha256: Sha256
    size: Annotated[int, Field(ge=1)]
    media_type: Annotated[str, Field(max_length=100)]


class BundleManifest(Strict):
    format: Literal["motcua-sync-bundle"] = "motcua-sync-bundle"
    version: Literal[1] = 1
    desk_key: Uuid
    created_at: datetime
    commands: list[Command]
    blobs: list[BundleBlob]


class BundleRefused(DeskError):
    """The bundle cannot be imported; nothing of it has been written."""

    title_template = "Gói đồng bộ bị từ chối"
    exit_code = 13


def write_bundle(
    path: Path,
    manifest: BundleManifest,
    read_blob: Callable[[str], bytes],
    key: str,
) -> int:
    """Write the bundle atomically (a temp file renamed into place); returns its size."""
    data = manifest.model_dump_json().encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".bundle-", dir=path.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temp, "w") as archive:
            archive.writestr(MANIFEST, data, compress_type=zipfile.ZIP_DEFLATED)
            archive.writestr(SIGNATURE, _sign(key, data))
            for blob in manifest.blobs:  # scans are compressed already: stored as they are
                archive.writestr(f"blobs/{blob.sha256}", read_blob(blob.sha256))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path.stat().st_size


@dataclass
class OpenedBundle:
    manifest: BundleManifest
    archive: zipfile.ZipFile

    def blob(self, sha256: str) -> bytes:
        return self.archive.read(f"blobs/{sha256}")

    def close(self) -> None:
        self.archive.close()


def open_bundle(
    path: Path, key_of: Callable[[str], str | None], max_blob_bytes: int
) -> OpenedBundle:
    """Open and verify a bundle; ``key_of(desk_key)`` is the server's bundle key of that desk
    (None: unknown or revoked). Raises ``BundleRefused`` on any doubt."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile):
        raise _not_a_bundle(path) from None
    try:
        manifest = _verified_manifest(archive, path, key_of)
        _check_blobs(archive, manifest.blobs, max_blob_bytes)
    except BaseException:
        archive.close()
        raise
    return OpenedBundle(manifest, archive)


def _verified_manifest(
    archive: zipfile.ZipFile, path: Path, key_of: Callable[[str], str | None]
) -> BundleManifest:
    try:
        info = archive.getinfo(MANIFEST)
        if info.file_size > MAX_MANIFEST_BYTES:
            raise _not_a_bundle(path)
        data = archive.read(info)
        signature = archive.read(SIGNATURE).decode("ascii").strip()
        desk_key = str(json.loads(data)["desk_key"])
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile, OSError):
        raise _not_a_bundle(path) from None
    key = key_of(desk_key) if len(desk_key) == 36 else None
    if key is None:
        raise BundleRefused(
            "Gói đồng bộ đến từ một quầy mà máy chủ không biết hoặc đã thu hồi. Không có gì "
            "được ghi."
        )
    if not hmac.compare_digest(_sign(key, data), signature):
        raise BundleRefused(
            "Chữ ký của gói đồng bộ không đúng: gói đã bị sửa hoặc không phải của quầy này. "
            "Không có gì được ghi."
        )
    try:
        return BundleManifest.model_validate_json(data)
    except ValidationError:
        raise _not_a_bundle(path) from None


def _check_blobs(archive: zipfile.ZipFile, blobs: Iterable[BundleBlob], limit: int) -> None:
    for blob in blobs:
        try:
            info = archive.getinfo(f"blobs/{blob.sha256}")
            if info.file_size != blob.size or blob.size > limit:
                raise _damaged_blob(blob.sha256)
            digest = hashlib.sha256()
            with archive.open(info) as stream:
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(chunk)
        except (KeyError, zipfile.BadZipFile, OSError):
            raise _damaged_blob(blob.sha256) from None
        if digest.hexdigest() != blob.sha256:
            raise _damaged_blob(blob.sha256)


def _not_a_bundle(path: Path) -> BundleRefused:
    return BundleRefused(
        "Tệp {path} không phải gói đồng bộ của motcua-desk hoặc đã hỏng. Không có gì được ghi.",
        path=str(path),
    )


def _damaged_blob(sha256: str) -> BundleRefused:
    return BundleRefused(
        "Tệp {sha256} trong gói đồng bộ bị thiếu hoặc không khớp mã băm. Không có gì được ghi.",
        sha256=sha256,
    )
