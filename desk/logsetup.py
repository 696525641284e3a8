"""The desk's log file: rotating, in the platform's user log folder, never a personal datum.

Every `desk` command (and so `desk run`, the counter's screens) writes key events (dossier
codes, command ids, print jobs) and every unexpected error with its traceback to one file:
``user_log_dir("motcua-desk")/desk.log`` (DESK_LOG_DIR overrides the folder). Callers log
codes and ids only; ``RedactingFilter`` is the safety net that blanks what looks like an ID
number or a phone number before a line reaches the file, tracebacks included.
"""

from __future__ import annotations

import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

from desk.config import APP_NAME

LOG_FILE_NAME = "desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LOGGED_PACKAGES = ("desk", "screens", "printing", "sync", "data")
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# A 12-digit CCCD / định danh (or a 9-digit CMND) standing alone: not inside a dossier code,
# a UUID, a hash or a longer number (those have letters, dots or hyphens next to them).
_ID_NUMBER = re.compile(r"(?<![\w.\-])(\d{12}|\d{9})(?![\w\-]|\.\d)")
# A Vietnamese phone number: 0 or +84 then 9-10 digits, spaces or dots allowed between groups.
_PHONE = re.compile(r"(?<![\w.\-+])(?:\+84|0)(?:[ .]?\d){9,10}(?![\w\-]|\.\d)")
ID_MASK = "[số-định-danh]"
PHONE_MASK = "[số-điện-thoại]"


def redact(text: str) -> str:
    """``text`` with every ID-number-like and phone-like run replaced by a mask."""
    return _ID_NUMBER.sub(ID_MASK, _PHONE.sub(PHONE_MASK, text))


class RedactingFilter(logging.Filter):
    """Blank ID numbers and phone numbers in the message and in the traceback text."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def log_dir() -> Path:
    override = os.environ.get("DESK_LOG_DIR")
    return Path(override) if override else Path(user_log_dir(APP_NAME, appauthor=False))


def log_path() -> Path:
    """Where the log is written (shown in F1 and in the CLI's unexpected-error message)."""
    return log_dir() / LOG_FILE_NAME


_handler: RotatingFileHandler | None = None


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the desk's loggers to the rotating file; the path, or None when the folder cannot
    be written (the desk still works, it only has no log). Calling again is harmless; a new
    DESK_LOG_DIR moves the file."""
    global _handler
    path = log_path()
    if _handler is not None and Path(_handler.baseFilename) == path.absolute():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(RedactingFilter())
    handler.setLevel(level)
    for name in LOGGED_PACKAGES:
        logger = logging.getLogger(name)
        if _handler is not None:
            logger.removeHandler(_handler)
        logger.addHandler(handler)
        if logger.level == logging.NOTSET or logger.level > level:
            logger.setLevel(level)
    if _handler is not None:
        _handler.close()
    _handler = handler
    return path
