"""Attaching a scan to a dossier component: blobs, the scan row, the link, the audit event
and the outbox command in one transaction; a failure in the middle leaves nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from data.models import Blob, DossierComponent, DossierEvent, DossierScan, OutboxCommand
from desk.devices.scanning.factory import ScannerChoice
from desk.devices.scanning.fake import FakeScanner
from desk.errors import NotFound
from desk.services import ledger
from desk.services.container import DeskServices
from tests.devices.scan.pages import text_page
from tests.helpers import commands, count, events, receive


@pytest.fixture
def scan_file(tmp_path: Path) -> Path:
    path = tmp_path / "to-khai.png"
    text_page(200).image.save(path, dpi=(200, 200))
    return path


def blob_files(services: DeskServices) -> list[Path]:
    root = services.scanning.blobs.root
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def test_attach_writes_everything_together(services: DeskServices, scan_file: Path) -> None:
    code = receive(services).code
    before_events = len(events(services, code))

    attached = services.scanning.attach_files(code, 1, [scan_file])

    assert attached.pages == 1 and attached.dpi == 200
    assert attached.compact_size < attached.legal_size
    with services.context.db.read() as session:
        scan = session.exec(select(DossierScan)).one()
        component = session.get(DossierComponent, scan.component_id)
        assert component is not None and component.position == 0
        assert component.blob_sha256 == attached.legal_sha256
        blobs = {b.sha256: b for b in session.exec(select(Blob)).all()}
        assert blobs[attached.legal_sha256].size == attached.legal_size == scan.legal_size
        assert blobs[attached.compact_sha256].size == attached.compact_size
    for sha in (attached.legal_sha256, attached.compact_sha256):
        assert hashlib.sha256(services.scanning.blobs.get(sha)).hexdigest() == sha
    chain = events(services, code)
    assert len(chain) == before_events + 1
    assert chain[-1].kind == "scan_attached"
    command = commands(services, code)[-1]
    assert command.type == "dossier.scan_attached"
    payload = json.loads(command.payload)
    assert payload["compact_sha256"] == attached.compact_sha256
    assert payload["legal_size"] == attached.legal_size
    assert services.maintenance.verify().ok
    assert [s.legal_sha256 for s in services.scanning.scans_for(code)] == [attached.legal_sha256]


def test_a_failure_in_the_middle_leaves_nothing(
    services: DeskServices, scan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = receive(services).code
    models: tuple[Any, ...] = (Blob, DossierScan, OutboxCommand, DossierEvent)
    rows = {model: count(services, model) for model in models}
    files = blob_files(services)

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(ledger, "enqueue_command", broken)
    with pytest.raises(OSError):
        services.scanning.attach_files(code, 1, [scan_file])

    assert {model: count(services, model) for model in rows} == rows
    assert blob_files(services) == files
    with services.context.db.read() as session:
        assert all(c.blob_sha256 is None for c in session.exec(select(DossierComponent)).all())


def test_wrong_dossier_or_component(services: DeskServices, scan_file: Path) -> None:
    code = receive(services).code
    with pytest.raises(NotFound, match="không có thành phần số 9"):
        services.scanning.attach_files(code, 9, [scan_file])
    with pytest.raises(NotFound, match="Không tìm thấy hồ sơ"):
        services.scanning.attach_files("000.00.01.H99-261125-4999", 1, [scan_file])
    assert count(services, DossierScan) == 0
    assert blob_files(services) == []


def test_the_office_scanner_comes_from_the_settings(services: DeskServices) -> None:
    assert services.scanning.status().state.value == "not_configured"
    services.scanning.set_scanner_choice(ScannerChoice(kind="folder", folder="/nonexistent"))
    assert services.scanning.scanner_choice().kind == "folder"
    assert services.scanning.status().state.value == "absent"
    fake = FakeScanner([text_page(200)])
    document = services.scanning.scan(fake)
    assert document.pages == 1 and fake.scans == 1
