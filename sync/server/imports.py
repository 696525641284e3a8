"""`desk-server import FILE`: apply a desk's sneakernet bundle as if the desk had sent it.

The bundle is verified whole first (sync.bundle.open_bundle: signature with the desk's
bundle key, every blob's hash) — a doubtful bundle is refused before anything is written.
Then each command goes through the same idempotent ``CommandStore`` as an online batch, so
importing twice, or importing and then letting the desk sync online, applies nothing twice;
blobs go through the same ``BlobService`` (hash-checked again when complete).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sync.bundle import BundleRefused, open_bundle
from sync.protocol import Outcome
from sync.server.auth import caller_of
from sync.server.context import Server
from sync.server.tables import ServerDesk


@dataclass
class ImportReport:
    desk_key: str
    applied: int = 0
    duplicates: int = 0
    refused: int = 0
    blobs_stored: int = 0
    blobs_present: int = 0
    refusals: list[str] = field(default_factory=list)
    """``command_id: code`` of the refused commands (the desk will see them quarantined)."""


def import_bundle(server: Server, path: Path) -> ImportReport:
    def key_of(desk_key: str) -> str | None:
        with server.db.read() as session:
            desk = session.get(ServerDesk, desk_key)
            if desk is None or desk.revoked or desk.role != "desk":
                return None
            return desk.bundle_key

    bundle = open_bundle(path, key_of, server.blobs.max_bytes)
    try:
        manifest = bundle.manifest
        with server.db.read() as session:
            desk = session.get(ServerDesk, manifest.desk_key)
            if desk is None:  # revoked and deleted between the two reads
                raise BundleRefused("Quầy của gói đồng bộ không còn trên máy chủ.")
            caller = caller_of(desk)
        report = ImportReport(desk_key=caller.key)
        for item in manifest.blobs:
            # a copy the server holds for another agency is not this agency's: the bundle's
            # bytes are uploaded (and deduplicated on disk) like any upload
            blob = server.blobs.create(caller.agency_code, item.sha256, item.size, item.media_type)
            if blob.complete:
                report.blobs_present += 1
                continue
            data = bundle.blob(item.sha256)
            server.blobs.append(caller.agency_code, item.sha256, blob.offset, data[blob.offset :])
            report.blobs_stored += 1
        for command in manifest.commands:
            result = server.commands.apply(caller, command)
            if result.outcome is Outcome.APPLIED:
                report.applied += 1
            elif result.outcome is Outcome.DUPLICATE:
                report.duplicates += 1
            else:
                report.refused += 1
                report.refusals.append(f"{command.command_id}: {result.code}")
        return report
    finally:
        bundle.close()
