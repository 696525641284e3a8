"""Sync with the central server: enrol, push the outbox, upload blobs, pull the change feed.

One ``sync_once`` is: ping (clock check) → commands, oldest first, in batches bounded in
count and bytes → blobs, resuming any half-done upload from the server's offset → pull and
apply changes. Any network failure stops the round and leaves everything queued; the
caller's loop (sync.worker) retries with backoff. Nothing here blocks on a rejected command:
it is quarantined with the server's reason and the rest continues.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from sqlmodel import Session, col, select

from data.models import Agency, Blob, CodeCounter, Desk
from desk.errors import ConfigError, InvalidInput
from desk.fileio import write_atomically
from desk.i18n import translate
from desk.services.blobs import BlobStore
from desk.services.context import ServiceContext
from desk.services.settings import load_office
from desk.services.sync_export import ExportReport, export_bundle
from desk.services.sync_pull import apply_change, load_cursor, mark_uploaded, save_cursor
from sync import outbox
from sync.errors import Offline
from sync.protocol import Change, CommandBatch, EnrolRequest, OnlineDossierCreated, typed_change

if TYPE_CHECKING:
    import httpx

    from sync.client import SyncClient

ENROLMENT_KEY = "sync.enrolment"
ENROL_ATTEMPT_KEY = "sync.enrol_attempt"
"""The digest of the last enrolment code tried and the secret generated for it."""
STATS_KEY = "sync.stats"
MAX_SKEW = timedelta(minutes=2)
BLOB_CHUNK = 256 * 1024


@dataclass(frozen=True)
class SyncLimits:
    batch_count: int = 200
    batch_bytes: int = 256 * 1024
    timeout: float = 30.0
    """Seconds without an answer before a request counts as offline."""


@dataclass
class SyncReport:
    online: bool = False
    applied: int = 0
    duplicates: int = 0
    quarantined: int = 0
    blobs_uploaded: int = 0
    changes_applied: int = 0
    clock_skew_seconds: float | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server: str | None
    online: bool
    last_contact: str | None
    commands_pending: int
    commands_quarantined: int
    blobs_pending: int
    bytes_pending: int
    eta_seconds: float | None
    clock_skew_seconds: float | None
    scans_pending: int = 0
    """Scans not yet on the server (a file still to upload, or its record not yet applied)."""


class SyncService:
    def __init__(
        self,
        context: ServiceContext,
        blob_dir: Path,
        *,
        transport: httpx.BaseTransport | None = None,
        limits: SyncLimits | None = None,
    ) -> None:
        self._context = context
        self._blobs = BlobStore(context, blob_dir)
        self._transport = transport
        self.limits = limits or SyncLimits()

    # ---------------------------------------------------------------------- enrolment

    def enrol(self, server: str, code: str, *, ca_bundle: Path | None = None) -> dict[str, Any]:
        if not server.startswith(("https://", "http://")):
            raise InvalidInput(
                "Địa chỉ máy chủ phải bắt đầu bằng https:// (ví dụ https://motcua.example.vn)."
            )
        code = code.strip()
        with self._context.db.write() as session:  # committed before the call: see _secret_for
            office = load_office(session)
            secret = _secret_for(session, code)
        with self._client(server, None, ca_bundle) as client:
            try:
                answer = client.enrol(
                    EnrolRequest(
                        code=code,
                        desk_id=office.desk_id,
                        agency_code=office.agency_code,
                        secret=secret,
                    )
                )
            except Offline:
                raise ConfigError(
                    "Không kết nối được máy chủ {server}. Kiểm tra địa chỉ và đường truyền rồi "
                    "thử lại.",
                    server=server,
                ) from None
        with self._context.db.write() as session:
            desk = session.get(Desk, office.desk_id)
            agency = session.get(Agency, office.agency_id)
            assert desk is not None and agency is not None
            desk.range_start, desk.range_end = answer.range_start, answer.range_end
            agency.tracking_secret = base64.b64decode(answer.tracking_secret)
            if answer.tracking_url:  # the slips' QR opens the server's public tracking page
                agency.tracking_base_url = answer.tracking_url
            outside = session.exec(
                select(CodeCounter)
                .where(col(CodeCounter.desk_id) == desk.id)
                .where(
                    (col(CodeCounter.last_seq) < desk.range_start)
                    | (col(CodeCounter.last_seq) > desk.range_end)
                )
            ).first()
            outbox.save_state(
                session,
                ENROLMENT_KEY,
                {
                    "server": server.rstrip("/"),
                    "bearer": f"{answer.desk_key}.{answer.secret}",
                    "ca_bundle": str(ca_bundle) if ca_bundle else None,
                },
            )
        return {
            "desk_key": answer.desk_key,
            "range": f"{answer.range_start:04d}-{answer.range_end:04d}",
            "codes_outside_range": outside is not None,
            "tracking_url": answer.tracking_url,
        }

    # ---------------------------------------------------------------------- one round

    def sync_once(self, server: str | None = None, *, now_due: bool = True) -> SyncReport:
        report = SyncReport()
        enrolment = self._enrolment()
        url = server or enrolment["server"]
        ca = Path(enrolment["ca_bundle"]) if enrolment.get("ca_bundle") else None
        started = self._context.now()
        with self._client(url, enrolment["bearer"], ca) as client:
            try:
                client.ping()
                report.online = True
                report.clock_skew_seconds = self._clock_check(client, report)
                if now_due:
                    with self._context.db.write() as session:
                        outbox.make_due_now(session, self._context.now())
                waiting = self._push(client, report)
                self._upload_blobs(client, report)
                if waiting:  # records that named files the server lacked: their turn now
                    with self._context.db.write() as session:
                        outbox.make_due(session, waiting, self._context.now())
                    self._push(client, report)
                self._pull(client, report)
            except Offline as cut:
                report.error = str(cut)
            self._save_stats(report, client.bytes_sent, started)
        return report

    def _push(self, client: SyncClient, report: SyncReport) -> list[str]:
        """Send the due commands; returns those that wait for their files to be uploaded."""
        waiting: list[str] = []
        while True:
            now = self._context.now()
            with self._context.db.read() as session:
                rows = outbox.next_batch(
                    session,
                    now,
                    max_count=self.limits.batch_count,
                    max_bytes=self.limits.batch_bytes,
                )
                wire = [outbox.to_wire(row) for row in rows]
            if not wire:
                return waiting
            try:
                result = client.push(CommandBatch(commands=wire))
            except Offline as cut:
                with self._context.db.write() as session:
                    attempts = max(row.attempts for row in rows) + 1
                    retry_at = outbox.backoff_until(now, attempts)
                    outbox.postpone(session, [c.command_id for c in wire], retry_at, str(cut))
                raise
            with self._context.db.write() as session:
                tally = outbox.record_results(
                    session, result.results, now, outbox.backoff_until(now, 1)
                )
            report.applied += tally.applied
            report.duplicates += tally.duplicate
            report.quarantined += tally.quarantined
            waiting += tally.waiting
            if tally.retry:
                return waiting  # the server is busy: leave the rest for the next round

    def _upload_blobs(self, client: SyncClient, report: SyncReport) -> None:
        with self._context.db.read() as session:
            pending = [(b.sha256, b.size, b.media_type) for b in outbox.pending_blobs(session)]
        for sha256, size, media_type in pending:
            state = client.blob_offset(sha256)
            offset = client.blob_create(sha256, size, media_type) if state is None else state[0]
            if offset < size:
                data = self._blobs.get(sha256)
                while offset < size:
                    offset = client.blob_patch(sha256, offset, data[offset : offset + BLOB_CHUNK])
            with self._context.db.write() as session:
                mark_uploaded(session, sha256, self._context.now())
            report.blobs_uploaded += 1

    def _pull(self, client: SyncClient, report: SyncReport) -> None:
        while True:
            with self._context.db.read() as session:
                cursor = load_cursor(session)
            page = client.pull(cursor)
            for sha256, media_type in _files_of(page.changes).items():
                self._fetch(client, sha256, media_type)
            with self._context.db.write() as session:
                for change in page.changes:
                    report.changes_applied += apply_change(session, change, self._context.now())
                save_cursor(session, page.cursor)
            if not page.more:
                return

    def _fetch(self, client: SyncClient, sha256: str, media_type: str) -> None:
        if self._blobs.path(sha256).is_file():
            with self._context.db.read() as session:
                if session.get(Blob, sha256) is not None:
                    return  # a change delivered again: the file is already here
        data = client.blob_get(sha256)
        stored = self._blobs.put(data, media_type)
        if stored != sha256:
            raise Offline("result file damaged in transit")
        with self._context.db.write() as session:
            mark_uploaded(session, sha256, self._context.now())

    # ------------------------------------------------------------------------ status

    def status(self) -> SyncStatus:
        with self._context.db.read() as session:
            enrolment = outbox.load_state(session, ENROLMENT_KEY)
            stats = outbox.load_state(session, STATS_KEY)
            commands, command_bytes, blobs, blob_bytes = outbox.pending_totals(session)
            held = len(outbox.quarantined(session))
            scans = outbox.scans_not_on_server(session)
        pending_bytes = command_bytes + blob_bytes
        rate = float(stats.get("bytes_per_second") or 0)
        return SyncStatus(
            enrolled=bool(enrolment),
            server=enrolment.get("server"),
            online=bool(stats.get("online")),
            last_contact=stats.get("last_contact"),
            commands_pending=commands,
            commands_quarantined=held,
            blobs_pending=blobs,
            bytes_pending=pending_bytes,
            eta_seconds=round(pending_bytes / rate, 1) if rate > 0 else None,
            clock_skew_seconds=stats.get("clock_skew_seconds"),
            scans_pending=scans,
        )

    def quarantined(self) -> list[dict[str, Any]]:
        """The commands the server refused: dossier code, type, outcome, reason code, reason."""
        with self._context.db.read() as session:
            rows = outbox.quarantined(session)
            held = []
            for row in rows:
                error = json.loads(row.last_error or "{}")
                held.append(
                    {
                        "command_id": row.command_id,
                        "type": row.type,
                        "dossier_code": json.loads(row.payload).get("code"),
                        "outcome": error.get("outcome"),
                        "reason_code": error.get("code"),
                        "reason": error.get("reason"),
                    }
                )
            return held

    def retry(self, command_ids: list[str] | None = None) -> int:
        with self._context.db.write() as session:
            return outbox.release(session, command_ids, self._context.now())

    def export_quarantined(self, path: Path) -> int:
        """Write the quarantined commands, whole (with their payloads), to a JSON file."""
        with self._context.db.read() as session:
            rows = [
                {**outbox.to_wire(row).model_dump(mode="json"), "last_error": row.last_error}
                for row in outbox.quarantined(session)
            ]
        write_atomically(path, json.dumps(rows, ensure_ascii=False, indent=2).encode("utf-8"))
        return len(rows)

    def export_bundle(self, path: Path) -> ExportReport:
        """Pending commands and blobs as a signed bundle for `desk-server import`."""
        return export_bundle(self._context, self._blobs, self._enrolment(), path)

    # ---------------------------------------------------------------------- plumbing

    def _enrolment(self) -> dict[str, Any]:
        with self._context.db.read() as session:
            enrolment = outbox.load_state(session, ENROLMENT_KEY)
        if not enrolment:
            raise ConfigError(
                "Quầy chưa đăng ký với máy chủ. Chạy `desk enrol --server URL --code "
                "MÃ-ĐĂNG-KÝ` trước."
            )
        return enrolment

    def _client(self, url: str, bearer: str | None, ca_bundle: Path | None) -> SyncClient:
        from sync.client import SyncClient  # httpx loads here, not at the desk's start-up

        return SyncClient(
            url,
            bearer=bearer,
            transport=self._transport,
            ca_bundle=ca_bundle,
            timeout=self.limits.timeout,
        )

    def _clock_check(self, client: SyncClient, report: SyncReport) -> float | None:
        if client.server_time is None:
            return None
        skew = (self._context.now() - client.server_time).total_seconds()
        if abs(skew) > MAX_SKEW.total_seconds():
            report.warnings.append(
                translate(
                    "Đồng hồ của máy lệch {seconds} giây so với máy chủ. Chỉnh lại giờ máy: "
                    "ngày hẹn trả in trên giấy tiếp nhận phụ thuộc vào giờ này.",
                    {"seconds": round(skew)},
                )
            )
        return round(skew, 1)

    def _save_stats(self, report: SyncReport, bytes_sent: int, started: datetime) -> None:
        now = self._context.now()
        with self._context.db.write() as session:
            stats = outbox.load_state(session, STATS_KEY)
            stats["online"] = report.online and report.error is None
            if report.online:
                stats["last_contact"] = now.isoformat()
                stats["clock_skew_seconds"] = report.clock_skew_seconds
            seconds = (now - started).total_seconds()
            if bytes_sent > 16 * 1024 and seconds > 0:
                stats["bytes_per_second"] = round(bytes_sent / seconds, 1)
            stats["last_report"] = asdict(report)
            outbox.save_state(session, STATS_KEY, stats)


def _secret_for(session: Session, code: str) -> str:
    """The secret this desk sends with ``code``: made and stored once per code, so that a
    retry after a lost answer sends the same one and the server recognises the desk."""
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()
    attempt = outbox.load_state(session, ENROL_ATTEMPT_KEY)
    if attempt.get("code") != digest:
        attempt = {"code": digest, "secret": secrets.token_urlsafe(32)}
        outbox.save_state(session, ENROL_ATTEMPT_KEY, attempt)
    return str(attempt["secret"])


def footer_text(current: SyncStatus) -> str:
    """One line for the footer: online/offline, what is waiting, and how long it will take."""
    if not current.enrolled:
        return translate("Chưa đăng ký máy chủ")
    parts = [
        translate("Trực tuyến") if current.online else translate("Ngoại tuyến"),
        translate(
            "{commands} lệnh, {kb} KB chờ gửi",
            {"commands": current.commands_pending, "kb": current.bytes_pending // 1024},
        ),
    ]
    if current.eta_seconds is not None and current.bytes_pending:
        minutes = max(1, round(current.eta_seconds / 60))
        parts.append(translate("còn khoảng {minutes} phút", {"minutes": minutes}))
    if current.commands_quarantined:
        parts.append(translate("{count} lệnh bị từ chối", {"count": current.commands_quarantined}))
    return " · ".join(parts)


def _files_of(changes: list[Change]) -> dict[str, str]:
    """The files a page of changes refers to (result files, online attachments) and their
    media types: they are downloaded before the changes that link them are applied."""
    files: dict[str, str] = {}
    for change in changes:
        if change.result_sha256:
            files[change.result_sha256] = "application/pdf"
        try:
            typed = typed_change(change)
        except ValidationError:
            continue  # noted when the change is applied
        if not isinstance(typed, OnlineDossierCreated):
            continue
        for item in typed.snapshot.components:
            if item.blob_sha256 is not None and item.blob_sha256 in change.attachments:
                files[item.blob_sha256] = item.media_type or "application/octet-stream"
    return files
