"""SQLite's failures in the officer's words: a full disk, a read-only folder, a damaged file.

SQLite names its failure (``sqlite_errorname``); the desk says what happened and what to do,
and never calls a healthy file damaged (restoring a backup over it would lose the day's work).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from desk.errors import ConfigError, DeskError, IntegrityFailure, StorageError

DISK_FULL = (
    "Ổ đĩa chứa dữ liệu quầy ({path}) đã đầy: thao tác vừa rồi không được ghi, dữ liệu đã lưu "
    "trước đó không bị ảnh hưởng. Giải phóng dung lượng ổ đĩa rồi làm lại."
)
READ_ONLY = (
    "Thư mục dữ liệu {folder} chỉ cho phép đọc: quầy không ghi được vào {path}. Dữ liệu không "
    "bị hỏng; kiểm tra ổ đĩa (gắn ở chế độ chỉ đọc, khóa ghi) hoặc quyền ghi của thư mục."
)
CANNOT_OPEN = (
    "Không mở được tệp dữ liệu {path}: hệ điều hành từ chối. Kiểm tra quyền đọc, ghi của tệp "
    "và của thư mục {folder}."
)
DAMAGED = (
    "Tệp dữ liệu {path} bị hỏng (cấu trúc tệp SQLite bị sai lệch). Đừng ghi thêm vào tệp này: "
    "sao chép giữ lại tệp hỏng, rồi khôi phục từ bản sao lưu gần nhất và báo quản trị viên."
)
NOT_A_DATABASE = (
    "Tệp {path} không phải cơ sở dữ liệu của quầy (hoặc đã hỏng). Kiểm tra lại đường dẫn; nếu "
    "tệp bị hỏng, khôi phục từ bản sao lưu."
)
EMPTY_FILE = (
    "Tệp {path} rỗng (0 byte): đây không phải dữ liệu của một quầy, và quầy không tự lập văn "
    "phòng mới thay cho nó. Nếu dữ liệu bị mất (ví dụ ổ đĩa đầy khi ghi), khôi phục từ bản sao "
    "lưu; nếu muốn lập quầy mới, xóa tệp rồi chạy `desk init`."
)


def read_only_folder(folder: Path) -> bool:
    """The folder is on a read-only file system, or this user may not write in it."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):  # statvfs is POSIX only
        pass
    return folder.is_dir() and not os.access(folder, os.W_OK)


def check_before_open(path: Path) -> None:
    """Refuse what SQLite would misreport: an empty file, a folder the desk cannot write."""
    if path.is_file() and path.stat().st_size == 0:
        raise IntegrityFailure(EMPTY_FILE, path=str(path))
    if path.parent.is_dir() and read_only_folder(path.parent):
        raise StorageError(READ_ONLY, folder=str(path.parent), path=str(path))


def storage_problem(error: BaseException, path: str) -> DeskError | None:
    """The DeskError for a SQLite failure on the disk or the file, or None (a bug, not the
    disk: let it propagate)."""
    original = getattr(error, "orig", error)
    if not isinstance(original, sqlite3.Error):
        return None
    name = getattr(original, "sqlite_errorname", "") or ""
    folder = str(Path(path).parent)
    if name == "SQLITE_FULL":
        return StorageError(DISK_FULL, path=path)
    if name.startswith("SQLITE_READONLY") or (
        name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR")) and read_only_folder(Path(folder))
    ):
        return StorageError(READ_ONLY, folder=folder, path=path)
    if name.startswith("SQLITE_IOERR") and _disk_full(Path(path)):  # e.g. the -shm file
        return StorageError(DISK_FULL, path=path)
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return StorageError(CANNOT_OPEN, path=path, folder=folder)
    if name.startswith("SQLITE_CORRUPT"):
        return IntegrityFailure(DAMAGED, path=path)
    if name == "SQLITE_NOTADB":
        return ConfigError(NOT_A_DATABASE, path=path)
    return None


def _disk_full(path: Path) -> bool:
    try:
        return os.statvfs(path.parent).f_bavail == 0
    except (OSError, AttributeError):
        return False
