"""A folder a scanner saves into, watched with inotify (watchdog): a file is taken only once
it is complete, and exactly once."""

from __future__ import annotations

import io
import os
import threading
import time
from pathlib import Path

import pytest

from desk.devices.scanning.base import ScannerError, ScannerMissing, ScannerState, ScanSettings
from desk.devices.scanning.watched import FolderWatcher, WatchedFolderScanner
from tests.devices.scan.pages import text_page


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    text_page(200).image.save(buffer, "PNG", dpi=(200, 200))
    return buffer.getvalue()


def write_slowly(path: Path, data: bytes, *, chunks: int = 6, pause: float = 0.15) -> None:
    """One open handle, the data in chunks with pauses: a slow network scanner."""
    step = len(data) // chunks + 1
    with path.open("wb") as stream:
        for start in range(0, len(data), step):
            stream.write(data[start : start + step])
            stream.flush()
            os.fsync(stream.fileno())
            time.sleep(pause)


def test_a_slowly_written_file_is_taken_once_complete_and_only_once(tmp_path: Path) -> None:
    data = png_bytes()
    target = tmp_path / "scan-0001.png"
    seen: list[tuple[Path, int]] = []
    with FolderWatcher(tmp_path, lambda p: seen.append((p, p.stat().st_size))) as watcher:
        writer = threading.Thread(target=write_slowly, args=(target, data))
        writer.start()
        time.sleep(0.4)  # part-way through the write
        assert seen == []
        writer.join()
        found = watcher.next_file(timeout=5)
        assert found == target
        time.sleep(0.6)  # later events for the same file bring nothing new
        assert watcher.next_file(timeout=0.1) is None
    assert seen == [(target, len(data))]


def test_a_file_renamed_into_place_is_taken_once(tmp_path: Path) -> None:
    data = png_bytes()
    with FolderWatcher(tmp_path) as watcher:
        temporary = tmp_path / ".scan-0002.png.part"
        write_slowly(temporary, data, chunks=2, pause=0.05)
        assert watcher.next_file(timeout=0.5) is None  # temporary names are ignored
        temporary.rename(tmp_path / "scan-0002.png")
        assert watcher.next_file(timeout=5) == tmp_path / "scan-0002.png"
        assert watcher.next_file(timeout=0.5) is None


def test_other_files_are_ignored(tmp_path: Path) -> None:
    with FolderWatcher(tmp_path) as watcher:
        (tmp_path / "readme.txt").write_text("x", encoding="utf-8")
        (tmp_path / "empty.pdf").write_bytes(b"")
        assert watcher.next_file(timeout=0.6) is None


def test_the_folder_scanner_returns_the_next_scan(tmp_path: Path) -> None:
    scanner = WatchedFolderScanner(tmp_path)
    assert scanner.status().state is ScannerState.READY
    data = png_bytes()
    writer = threading.Timer(0.3, write_slowly, args=(tmp_path / "a.png", data))
    writer.start()
    pages = scanner.scan(ScanSettings(timeout=10))
    writer.join()
    assert len(pages) == 1 and pages[0].dpi == 200


def test_a_missing_folder_is_a_visible_state(tmp_path: Path) -> None:
    scanner = WatchedFolderScanner(tmp_path / "gone")
    status = scanner.status()
    assert status.state is ScannerState.ABSENT
    assert "Không có thư mục" in status.reason
    with pytest.raises(ScannerMissing):
        scanner.scan(ScanSettings(timeout=0.1))


def test_nothing_arrives(tmp_path: Path) -> None:
    with pytest.raises(ScannerError, match="Chưa nhận được tệp quét"):
        WatchedFolderScanner(tmp_path).scan(ScanSettings(timeout=0.3))


def test_polling_watches_network_shares(tmp_path: Path) -> None:
    data = png_bytes()
    with FolderWatcher(tmp_path, polling=True, poll_interval=0.1) as watcher:
        write_slowly(tmp_path / "net.png", data, chunks=3, pause=0.1)
        assert watcher.next_file(timeout=5) == tmp_path / "net.png"
        assert watcher.next_file(timeout=0.6) is None
