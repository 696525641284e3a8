"""What the sync client raises, importable without the HTTP stack (the desk's start-up and
the status line need them; httpx loads only when the desk really talks to the server)."""

from __future__ import annotations

from desk.errors import DeskError

__all__ = ["Offline", "SyncRefused"]


class Offline(Exception):
    """The server could not be reached (or something else answered); try again later.

    The text is for logs and the status line only: it names no dossier and no person."""


class SyncRefused(DeskError):
    """The server refused the request; ``code`` is its stable reason code."""

    title_template = "Máy chủ từ chối"
    exit_code = 12

    def __init__(self, message: str, /, *, code: str, http_status: int) -> None:
        super().__init__("{message}", message=message)
        self.code = code
        self.http_status = http_status
