"""The disk refuses the desk's file: each failure is named as what it is (issue 15).

A full disk and a read-only folder are made for real where the run may mount a small tmpfs in
a private mount namespace (root and `unshare -m`); the full disk is also simulated everywhere
with SQLite's max_page_count. A damaged file and an empty one need no privilege.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlmodel import func, select

from data.models import Dossier
from desk.errors import IntegrityFailure, StorageError
from desk.services.container import DeskServices
from tests.conftest import citizen
from tests.helpers import receive
from tests.integration.cli.test_cli import (
    APPLICANT,
    assert_refused,
    cli,
    console_script,
    write_json,
)


def _can_mount() -> bool:
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount(), reason="needs root and unshare -m (tmpfs)")


def _in_namespace(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``script`` (sh) in a private mount namespace with $MNT a 1 MB tmpfs."""
    mount = tmp_path / "mnt"
    mount.mkdir(parents=True)
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=1m tmpfs {mount} && {script}"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, "MNT": str(mount), "DESK": str(console_script()), "DESK_LANGUAGE": "vi"},
    )


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    data[3 * page : 20 * page] = b"\x5a" * len(data[3 * page : 20 * page])
    path.write_bytes(bytes(data))


def test_verify_reports_a_damaged_file_as_damaged(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    _damage(db)
    run = cli(capsys, "verify", "--db", db)
    assert_refused(run)
    assert run.code == IntegrityFailure.exit_code
    assert "bị hỏng" in run.err
    assert "Lỗi không mong muốn" not in run.err


def test_an_empty_file_is_not_turned_into_an_office(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "desk.db"
    empty.touch()
    for args in (
        ["verify"],
        ["init", "--agency-code", "000.00.01.H99", "--agency-name", "UBND xã A",
         "--desk-range", "0001-4999"],
    ):  # fmt: skip
        run = cli(capsys, *args, "--db", empty)
        assert_refused(run)
        assert "rỗng (0 byte)" in run.err
    assert empty.stat().st_size == 0
    with pytest.raises(IntegrityFailure, match="rỗng"):
        DeskServices.open(empty)
    assert empty.stat().st_size == 0


def test_a_full_disk_is_named_and_nothing_is_half_written(services: DeskServices) -> None:
    """max_page_count stands in for the disk: the file may not grow by one page."""
    engine = services.context.db.engine

    @event.listens_for(engine, "connect")
    def _cap(connection: object, _record: object) -> None:
        cursor = connection.cursor()  # type: ignore[attr-defined]
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count={pages}")
        cursor.close()

    engine.dispose()
    codes = []
    with pytest.raises(StorageError) as caught:
        for suffix in range(1, 2000):
            codes.append(receive(services, owner=citizen(suffix)).code)
    assert "đã đầy" in caught.value.message
    assert "không phải cơ sở dữ liệu" not in caught.value.message
    event.remove(engine, "connect", _cap)
    engine.dispose()
    with services.context.db.read() as session:
        assert session.exec(select(func.count()).select_from(Dossier)).one() == len(codes)


@needs_mount
def test_a_real_full_disk_and_a_read_only_folder(db: Path, tmp_path: Path) -> None:
    applicant = write_json(tmp_path / "applicant.json", APPLICANT)
    intake = f'"$DESK" intake --procedure T-3WD --applicant {applicant} --all-components'
    full = _in_namespace(
        f'cp {db} "$MNT/desk.db" && (dd if=/dev/zero of="$MNT/fill" bs=4k 2>/dev/null; true) '
        f'&& {intake} --db "$MNT/desk.db"',
        tmp_path / "full",
    )
    assert full.returncode == StorageError.exit_code, full.stderr
    assert "đã đầy" in full.stderr
    read_only = _in_namespace(
        f'cp {db} "$MNT/desk.db" && mount -o remount,ro "$MNT" && '
        f'{intake} --db "$MNT/desk.db"; echo "rc=$?"; "$DESK" verify --db "$MNT/desk.db"',
        tmp_path / "ro",
    )
    assert read_only.stderr.count("chỉ cho phép đọc") == 2, read_only.stderr
    assert f"rc={StorageError.exit_code}" in read_only.stdout
    assert "không phải cơ sở dữ liệu" not in read_only.stderr
    assert "Traceback" not in full.stderr + read_only.stderr
