"""Scanning papers into a dossier: pick the office's scanner, make the legal and compact PDFs,
and attach them to a dossier component.

An attach is one transaction: both blob rows, the ``dossier_scan`` row, the component's link,
the audit event and the outbox command commit together or not at all. The blob files are
written (atomically) before it; if the transaction fails, the files it would have added are
removed again, so a failure leaves nothing behind. Logs carry codes and hashes only.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from data.models import DossierComponent, DossierScan, Setting
from desk.devices.scanning.base import DocumentScanner, ScannerError, ScannerStatus, ScanSettings
from desk.devices.scanning.factory import ScannerChoice, open_scanner
from desk.errors import NotFound
from desk.services import ledger
from desk.services.blobs import BlobStore
from desk.services.context import ServiceContext
from desk.services.dossiers import find_dossier
from desk.services.settings import load_office
from sync.protocol import ScanAttached

if TYPE_CHECKING:  # Pillow and pypdfium2 load only when something is scanned
    from desk.devices.scanning.pdf import ScanDocument
    from desk.services.scan_batch import ScanBatch

log = logging.getLogger(__name__)

PDF_MEDIA_TYPE = "application/pdf"
SCANNER_CHOICE_KEY = "scanner_choice"
EVENT_KIND = "scan_attached"
COMMAND_TYPE = "dossier.scan_attached"


@dataclass(frozen=True)
class AttachedScan:
    code: str
    component: int
    """1-based number of the component in the dossier (the order `desk lookup` shows)."""
    component_name: str
    legal_sha256: str
    compact_sha256: str
    legal_size: int
    compact_size: int
    pages: int
    dpi: int
    colour_pages: int
    created_at: datetime


def load_scanner_choice(session: Session) -> ScannerChoice:
    row = session.get(Setting, SCANNER_CHOICE_KEY)
    if row is None:
        return ScannerChoice()
    try:
        data = json.loads(row.value)
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict):
        raise ScannerError("Cài đặt máy quét bị hỏng. Hãy chọn lại máy quét.")
    return ScannerChoice.from_dict(data)


def _component(session: Session, dossier_id: str, code: str, number: int) -> DossierComponent:
    components = session.exec(
        select(DossierComponent)
        .where(col(DossierComponent.dossier_id) == dossier_id)
        .order_by(col(DossierComponent.position))
    ).all()
    if not 1 <= number <= len(components):
        raise NotFound(
            "Hồ sơ {code} không có thành phần số {number} (hồ sơ có {count} thành phần). Xem "
            "danh sách bằng `desk lookup {code}`.",
            code=code,
            number=number,
            count=len(components),
        )
    return components[number - 1]


class ScanService:
    def __init__(
        self,
        context: ServiceContext,
        blob_dir: Path,
        *,
        scanners: Callable[[ScannerChoice], DocumentScanner] = open_scanner,
    ) -> None:
        self._context = context
        self.blobs = BlobStore(context, blob_dir)
        self._scanners = scanners

    # --------------------------------------------------------------- scanner

    def scanner_choice(self) -> ScannerChoice:
        with self._context.db.read() as session:
            return load_scanner_choice(session)

    def set_scanner_choice(self, choice: ScannerChoice) -> None:
        value = json.dumps(choice.to_dict(), ensure_ascii=False)
        with self._context.db.write() as session:
            row = session.get(Setting, SCANNER_CHOICE_KEY) or Setting(
                key=SCANNER_CHOICE_KEY, value=""
            )
            row.value = value
            session.add(row)

    def scanner(self) -> DocumentScanner:
        return self._scanners(self.scanner_choice())

    def scanners(self, choice: ScannerChoice) -> DocumentScanner:
        """The scanner ``choice`` names (through the factory this service was given)."""
        return self._scanners(choice)

    def batch(self, number: int, name: str) -> ScanBatch:
        """An empty batch of pages for component ``number`` (1-based) called ``name``."""
        from desk.services.scan_batch import ScanBatch

        return ScanBatch(self, number, name)

    def status(self) -> ScannerStatus:
        return self.scanner().status()

    def scan(
        self, scanner: DocumentScanner | None = None, settings: ScanSettings | None = None
    ) -> ScanDocument:
        """Scan with ``scanner`` (default: the office's) into both PDFs."""
        from desk.devices.scanning.pdf import make_document

        if scanner is None:
            choice = self.scanner_choice()
            scanner, settings = self._scanners(choice), settings or choice.settings()
        return make_document(scanner.scan(settings or ScanSettings()))

    # ---------------------------------------------------------------- attach

    def attach_files(
        self,
        code: str,
        component: int,
        paths: list[Path],
        *,
        officer_id: int | None = None,
        assumed_dpi: float | None = None,
    ) -> AttachedScan:
        with self._context.db.read() as session:  # a wrong code fails before the slow part
            dossier = find_dossier(session, code)
            _component(session, dossier.id, dossier.code, component)
        from desk.devices.scanning.documents import document_from_files

        document = document_from_files(paths, assumed_dpi=assumed_dpi)
        return self.attach(code, component, document, officer_id=officer_id)

    def attach(
        self, code: str, component: int, document: ScanDocument, *, officer_id: int | None = None
    ) -> AttachedScan:
        legal_sha, legal_new = self.blobs.store_file(document.legal)
        compact_sha, compact_new = self.blobs.store_file(document.compact)
        try:
            attached = self._record(code, component, document, legal_sha, compact_sha, officer_id)
        except BaseException:
            for sha, created in ((legal_sha, legal_new), (compact_sha, compact_new)):
                if created:
                    self.blobs.discard_file(sha)
            raise
        log.info("scan attached to %s component %s: %s", attached.code, component, legal_sha)
        return attached

    def _record(
        self,
        code: str,
        number: int,
        document: ScanDocument,
        legal_sha: str,
        compact_sha: str,
        officer_id: int | None,
    ) -> AttachedScan:
        now = self._context.now()
        with self._context.db.write() as session:
            dossier = find_dossier(session, code)
            component = _component(session, dossier.id, dossier.code, number)
            assert component.id is not None
            self.blobs.add_row(session, legal_sha, document.legal_size, PDF_MEDIA_TYPE)
            self.blobs.add_row(session, compact_sha, document.compact_size, PDF_MEDIA_TYPE)
            scan = DossierScan(
                dossier_id=dossier.id,
                component_id=component.id,
                legal_sha256=legal_sha,
                compact_sha256=compact_sha,
                legal_size=document.legal_size,
                compact_size=document.compact_size,
                pages=document.pages,
                dpi=round(document.dpi),
                colour_pages=document.colour_pages,
                officer_id=officer_id,
                created_at=now,
            )
            session.add(scan)
            component.blob_sha256 = legal_sha
            session.add(component)
            payload = {
                "component": number,
                "legal_sha256": legal_sha,
                "legal_size": document.legal_size,
                "compact_sha256": compact_sha,
                "compact_size": document.compact_size,
                "pages": document.pages,
                "dpi": round(document.dpi),
            }
            ledger.append_event(
                session,
                dossier,
                kind=EVENT_KIND,
                at=now,
                from_status=dossier.status,
                to_status=dossier.status,
                officer_id=officer_id,
                payload=payload,
            )
            session.add(dossier)
            ledger.enqueue_command(
                session,
                desk_id=load_office(session).desk_id,
                command_type=COMMAND_TYPE,
                payload=ScanAttached(
                    code=dossier.code,
                    component=number,
                    legal_sha256=legal_sha,
                    legal_size=document.legal_size,
                    compact_sha256=compact_sha,
                    compact_size=document.compact_size,
                    pages=document.pages,
                    dpi=round(document.dpi),
                ),
                at=now,
                dossier_id=dossier.id,
            )
            return AttachedScan(
                code=dossier.code,
                component=number,
                component_name=component.name,
                legal_sha256=legal_sha,
                compact_sha256=compact_sha,
                legal_size=document.legal_size,
                compact_size=document.compact_size,
                pages=document.pages,
                dpi=round(document.dpi),
                colour_pages=document.colour_pages,
                created_at=now,
            )

    def scans_for(self, code: str) -> list[AttachedScan]:
        with self._context.db.read() as session:
            dossier = find_dossier(session, code)
            components = session.exec(
                select(DossierComponent)
                .where(col(DossierComponent.dossier_id) == dossier.id)
                .order_by(col(DossierComponent.position))
            ).all()
            numbers = {c.id: (index, c.name) for index, c in enumerate(components, start=1)}
            rows = session.exec(
                select(DossierScan)
                .where(col(DossierScan.dossier_id) == dossier.id)
                .order_by(col(DossierScan.id))
            ).all()
            return [
                AttachedScan(
                    code=dossier.code,
                    component=numbers[row.component_id][0],
                    component_name=numbers[row.component_id][1],
                    legal_sha256=row.legal_sha256,
                    compact_sha256=row.compact_sha256,
                    legal_size=row.legal_size,
                    compact_size=row.compact_size,
                    pages=row.pages,
                    dpi=row.dpi,
                    colour_pages=row.colour_pages,
                    created_at=row.created_at,
                )
                for row in rows
            ]
