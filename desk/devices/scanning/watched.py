"""Scanners that save into a folder (network scanners, "scan to folder"): watchdog tells us
when a file is COMPLETE, and each file is handed on exactly once.

inotify (Linux) reports ``closed`` when a writer closes the file and ``moved`` when a
write-to-temporary-then-rename lands; ``created`` fires before any byte is written, so it
never triggers a pick-up. The polling observer (network shares, some platforms) reports no
``closed``: there a file is taken once its size has stopped changing for ``settle`` seconds.
Temporary names (``.name``, ``*.part``, ``*.tmp``, ``~``) are ignored until renamed.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from desk.devices.scanning.base import (
    PageProgress,
    ScannedPage,
    ScannerError,
    ScannerMissing,
    ScannerState,
    ScannerStatus,
    ScanSettings,
    report_pages,
    require_pages,
)
from desk.devices.scanning.files import SUPPORTED_SUFFIXES, load_pages

_TEMPORARY_SUFFIXES = (".part", ".tmp", ".crdownload", "~")
_TICK = 0.05


def is_candidate(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or name.endswith(_TEMPORARY_SUFFIXES):
        return False
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _path(raw: str | bytes) -> Path:
    return Path(os.fsdecode(raw))


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: FolderWatcher) -> None:
        self._watcher = watcher

    def on_closed(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self._watcher._complete(_path(event.src_path))

    def on_moved(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self._watcher._complete(_path(event.dest_path))

    def on_created(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self._watcher._touched(_path(event.src_path))

    def on_modified(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self._watcher._touched(_path(event.src_path))


class FolderWatcher:
    """Calls ``on_file`` (from the watcher's thread) once per complete new file in ``folder``;
    ``next_file`` waits for one instead."""

    def __init__(
        self,
        folder: Path,
        on_file: Callable[[Path], None] | None = None,
        *,
        settle: float = 0.2,
        polling: bool = False,
        poll_interval: float = 0.5,
    ) -> None:
        self.folder = folder
        self._on_file = on_file
        self._polling = polling
        self._settle = max(settle, 2 * poll_interval) if polling else settle
        self._poll_interval = poll_interval
        self._lock = threading.Lock()
        self._pending: dict[Path, tuple[float, int]] = {}  # path → (deadline, size seen)
        self._delivered: set[Path] = set()
        self._ready: queue.Queue[Path] = queue.Queue()
        self._stop = threading.Event()
        self._observer: BaseObserver | None = None
        self._ticker: threading.Thread | None = None

    def start(self) -> FolderWatcher:
        check_folder(self.folder)
        observer: BaseObserver = (
            PollingObserver(timeout=self._poll_interval) if self._polling else Observer()
        )
        observer.schedule(_Handler(self), str(self.folder), recursive=False)
        observer.start()
        self._observer = observer
        self._ticker = threading.Thread(target=self._tick, name="scan-folder", daemon=True)
        self._ticker.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            self._observer = None
        if self._ticker is not None:
            self._ticker.join(timeout=5)
            self._ticker = None

    def __enter__(self) -> FolderWatcher:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def next_file(self, timeout: float) -> Path | None:
        try:
            return self._ready.get(timeout=timeout)
        except queue.Empty:
            return None

    # ----------------------------------------------------------------- events

    def _complete(self, path: Path) -> None:
        """The writer closed the file, or renamed it into place."""
        self._arm(path)

    def _touched(self, path: Path) -> None:
        """Created or written to: still being written, unless only polling can tell."""
        with self._lock:
            if self._polling:
                self._arm_locked(path)
            elif path in self._pending:  # written again after a close: wait for the next one
                del self._pending[path]

    def _arm(self, path: Path) -> None:
        with self._lock:
            self._arm_locked(path)

    def _arm_locked(self, path: Path) -> None:
        if path in self._delivered or not is_candidate(path):
            return
        self._pending[path] = (time.monotonic() + self._settle, _size(path))

    def _tick(self) -> None:
        while not self._stop.wait(_TICK):
            now = time.monotonic()
            with self._lock:
                due = [p for p, (deadline, _) in self._pending.items() if deadline <= now]
                ready = []
                for path in due:
                    _, seen = self._pending.pop(path)
                    size = _size(path)
                    if size < 0:
                        continue  # gone (moved away or deleted)
                    if size != seen or size == 0:
                        self._pending[path] = (now + self._settle, size)
                        continue
                    self._delivered.add(path)
                    ready.append(path)
            for path in ready:
                self._ready.put(path)
                if self._on_file is not None:
                    self._on_file(path)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


def check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise ScannerMissing(
            "Không có thư mục {folder} để nhận tệp quét. Hãy tạo thư mục hoặc sửa đường dẫn "
            "trong cài đặt máy quét.",
            folder=str(folder),
        )
    if not os.access(folder, os.R_OK | os.X_OK):
        raise ScannerError(
            "Không được phép đọc thư mục {folder}. Hãy cấp quyền đọc cho tài khoản chạy phần mềm.",
            folder=str(folder),
        )


class WatchedFolderScanner:
    """A scanner that saves into ``folder``: a scan is the next complete file there."""

    kind = "folder"

    def __init__(self, folder: Path, *, polling: bool = False) -> None:
        self.folder = folder
        self.polling = polling

    @property
    def name(self) -> str:
        return f"folder:{self.folder}"

    def status(self) -> ScannerStatus:
        try:
            check_folder(self.folder)
        except ScannerMissing as error:
            return ScannerStatus(self.name, ScannerState.ABSENT, self.kind, problem=error)
        except ScannerError as error:
            return ScannerStatus(self.name, ScannerState.ERROR, self.kind, problem=error)
        return ScannerStatus(self.name, ScannerState.READY, self.kind, str(self.folder))

    def scan(
        self, settings: ScanSettings, progress: PageProgress | None = None
    ) -> list[ScannedPage]:
        with FolderWatcher(self.folder, polling=self.polling) as watcher:
            path = watcher.next_file(settings.timeout)
        if path is None:
            raise ScannerError(
                "Chưa nhận được tệp quét nào trong thư mục {folder} sau {seconds} giây. Hãy "
                "bấm quét trên máy quét rồi thử lại.",
                folder=str(self.folder),
                seconds=int(settings.timeout),
            )
        return report_pages(require_pages(load_pages([path]), self.name), progress)
