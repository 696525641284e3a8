"""Refusals the server sends back: a stable ``code`` for programs, Vietnamese text for people."""

from __future__ import annotations

from desk.errors import DeskError


class Refused(DeskError):
    """A request or a command the server will not apply; nothing of it has been written.

    ``reason_code`` is the stable code (``hash_mismatch``, ``not_found`` …). The message never
    carries personal data: only codes, field names and dossier codes.
    """

    title_template = "Máy chủ từ chối"

    def __init__(
        self, message: str, /, *, reason_code: str, http_status: int = 400, **params: object
    ) -> None:
        super().__init__(message, **params)
        self.reason_code = reason_code
        self.http_status = http_status


def not_found(dossier_code: str) -> Refused:
    """The same answer for an unknown dossier and another agency's: nothing leaks."""
    return Refused(
        "Không tìm thấy hồ sơ mã {code}.",
        reason_code="not_found",
        http_status=404,
        code=dossier_code,
    )


def bad_payload(field: str) -> Refused:
    return Refused(
        "Nội dung lệnh không hợp lệ (trường {field}).", reason_code="bad_payload", field=field
    )
