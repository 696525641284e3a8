"""Sneakernet: `desk sync export FILE` → `desk-server import FILE` (SQLite and PostgreSQL).

The bundle applies through the same idempotent store as an online batch: importing twice
changes nothing, the desk's next online sync sees its commands as duplicates and acks them,
and a tampered, foreign or damaged bundle is refused in Vietnamese with nothing written.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import select as desk_select

from data.models import OutboxCommand
from desk.errors import ConfigError
from desk.services.container import DeskServices
from sync.bundle import MANIFEST, SIGNATURE, BundleRefused
from sync.outbox import ACKED, PENDING
from sync.server.blobs import DiskBlobStorage
from sync.server.imports import import_bundle
from sync.server.tables import ServerDesk
from tests.conftest import citizen
from tests.devices.scan.pages import text_page
from tests.helpers import receive
from tests.sync.conftest import DeskFactory, LiveServer
from tests.sync.helpers import server_counts
from tests.sync.test_cli_processes import run


def _offline_desk(make_desk: DeskFactory, live: LiveServer, tmp_path: Path) -> DeskServices:
    """Enrolled once (that needs the network), then three dossiers and a scan offline."""
    desk = make_desk("quay-a", "0001-4999")
    desk.sync.enrol(live.url, live.add_desk("0001-4999"))
    codes = [receive(desk, owner=citizen(i)).code for i in range(1, 4)]
    page = tmp_path / "to-khai.png"
    text_page(100, lines=6).image.save(page, dpi=(200, 200))
    desk.scanning.attach_files(codes[0], 1, [page])
    return desk


def _states(desk: DeskServices) -> set[str]:
    with desk.context.db.read() as session:
        return set(session.exec(desk_select(OutboxCommand.state)).all())


def _server_files(live: LiveServer) -> list[Path]:
    return sorted(p for p in live.server.settings.blob_dir.rglob("*") if p.is_file())


def test_export_import_twice_then_sync_acks_duplicates(
    live_server: LiveServer, make_desk: DeskFactory, tmp_path: Path
) -> None:
    desk = _offline_desk(make_desk, live_server, tmp_path)
    bundle = tmp_path / "usb" / "quay-a.motcua"

    (tmp_path / "not-a-folder").write_text("")
    with pytest.raises(ConfigError, match="Không ghi được gói đồng bộ"):
        desk.sync.export_bundle(tmp_path / "not-a-folder" / "x.motcua")
    exported = desk.sync.export_bundle(bundle)
    first = import_bundle(live_server.server, bundle)
    after_first = server_counts(live_server)
    second = import_bundle(live_server.server, bundle)

    assert (exported.commands, exported.blobs) == (4, 2)
    assert (first.applied, first.duplicates, first.refused, first.blobs_stored) == (4, 0, 0, 2)
    assert (second.applied, second.duplicates, second.blobs_stored, second.blobs_present) == (
        0,
        4,
        0,
        2,
    )
    assert server_counts(live_server) == after_first  # importing twice changes nothing
    assert after_first["srv_command"] == 4
    storage = DiskBlobStorage(live_server.server.settings.blob_dir)
    with zipfile.ZipFile(bundle) as archive:
        for item in json.loads(archive.read(MANIFEST))["blobs"]:
            data = storage.final(item["sha256"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == item["sha256"]
    assert _states(desk) == {PENDING}  # the desk cannot know the import happened …

    report = desk.sync.sync_once()  # … until it is online again

    assert (report.applied, report.duplicates, report.quarantined) == (0, 4, 0)
    assert report.blobs_uploaded == 2  # confirmed by hash, not sent again
    assert _states(desk) == {ACKED}
    assert server_counts(live_server) == after_first
    assert desk.sync.status().bytes_pending == 0


def _rewrite(source: Path, target: Path, change: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            new.writestr(name, change.get(name, old.read(name)))
    return target


def test_a_tampered_or_foreign_bundle_is_refused_and_nothing_written(
    live_server: LiveServer, make_desk: DeskFactory, tmp_path: Path
) -> None:
    desk = _offline_desk(make_desk, live_server, tmp_path)
    bundle = tmp_path / "quay-a.motcua"
    desk.sync.export_bundle(bundle)
    with zipfile.ZipFile(bundle) as archive:
        manifest = archive.read(MANIFEST)
        first_blob = json.loads(manifest)["blobs"][0]["sha256"]
    before, files = server_counts(live_server), _server_files(live_server)
    edited = manifest.replace(b'"T-3WD"', b'"T-SAMEDAY"', 1)
    assert edited != manifest
    manifest_json = json.loads(manifest)
    foreign = json.dumps({**manifest_json, "desk_key": "0" * 8 + manifest_json["desk_key"][8:]})
    junk = tmp_path / "junk.motcua"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    bad = {
        "payload edited": (_rewrite(bundle, tmp_path / "a", {MANIFEST: edited}), "Chữ ký"),
        "scan swapped": (
            _rewrite(bundle, tmp_path / "b", {f"blobs/{first_blob}": b"%PDF-1.4 other"}),
            "không khớp mã băm",
        ),
        "signed by someone else": (
            _rewrite(bundle, tmp_path / "c", {SIGNATURE: b"0" * 64}),
            "Chữ ký",
        ),
        "another desk": (
            _rewrite(bundle, tmp_path / "d", {MANIFEST: foreign.encode()}),
            "máy chủ không biết",
        ),
        "not a bundle": (junk, "không phải gói đồng bộ"),
    }
    for name, (path, words) in bad.items():
        with pytest.raises(BundleRefused) as refused:
            import_bundle(live_server.server, path)
        assert words in refused.value.message, name
        assert "Không có gì được ghi" in refused.value.message, name
        assert server_counts(live_server) == before, name
        assert _server_files(live_server) == files, name


def test_the_commands_as_officer_and_administrator_run_them(
    live_server: LiveServer, make_desk: DeskFactory, tmp_path: Path, server_db_url: str
) -> None:
    desk = _offline_desk(make_desk, live_server, tmp_path)
    desk_db = str(tmp_path / "quay-a" / "desk.db")
    server = ["--db", server_db_url, "--blobs", str(live_server.server.settings.blob_dir)]
    bundle = tmp_path / "quay-a.motcua"

    exported = run("desk", "sync", "export", str(bundle), "--db", desk_db)
    imported = run("desk-server", "import", str(bundle), *server)
    again = run("desk-server", "import", str(bundle), *server)
    bundle.write_bytes(bundle.read_bytes()[:-40])  # cut short on the way
    cut = run("desk-server", "import", str(bundle), *server, check=False)

    assert "4 lệnh, 2 tệp" in exported.stdout
    assert "4 lệnh mới, 0 lệnh đã có" in imported.stdout
    assert "0 lệnh mới, 4 lệnh đã có" in again.stdout
    assert cut.returncode == 13
    assert "Không có gì được ghi" in cut.stderr and "Traceback" not in cut.stderr
    assert desk.sync.sync_once().duplicates == 4


def test_a_desk_enrolled_before_bundles_gets_its_key_at_its_next_contact(
    live_server: LiveServer, make_desk: DeskFactory, tmp_path: Path
) -> None:
    desk = _offline_desk(make_desk, live_server, tmp_path)
    with live_server.server.db.write() as session:
        for row in session.scalars(select(ServerDesk)).all():
            row.bundle_key = None
    bundle = tmp_path / "quay-a.motcua"
    desk.sync.export_bundle(bundle)
    with pytest.raises(BundleRefused):
        import_bundle(live_server.server, bundle)

    desk.sync.sync_once()  # authenticates: the server derives the key from the secret

    assert import_bundle(live_server.server, bundle).duplicates == 4


def test_export_needs_an_enrolled_desk(make_desk: DeskFactory, tmp_path: Path) -> None:
    desk = make_desk("quay-a", "0001-4999")
    receive(desk)
    with pytest.raises(ConfigError, match="chưa đăng ký"):
        desk.sync.export_bundle(tmp_path / "x.motcua")
    assert not (tmp_path / "x.motcua").exists()
