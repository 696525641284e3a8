"""Which version of the wire the server speaks with the caller (sync.protocol: negotiated)."""

from __future__ import annotations

from fastapi import Request

from sync.protocol import H_VERSIONS, SUPPORTED_VERSIONS, negotiate, offered_versions
from sync.server.errors import Refused

SERVER_VERSIONS = SUPPORTED_VERSIONS
"""The versions this server answers in."""


def unsupported(version: int | str) -> Refused:
    return Refused(
        "Phiên bản giao thức {version} không được máy chủ hỗ trợ; hãy cập nhật phần mềm.",
        reason_code="unsupported_version",
        http_status=422,
        version=version,
    )


def negotiated(request: Request) -> int:
    """The highest version both speak; refused when the desk offers none the server speaks."""
    header = request.headers.get(H_VERSIONS)
    version = negotiate(offered_versions(header), SERVER_VERSIONS)
    if version is None:
        raise unsupported(header or "?")
    return version


def accepted_batch_version(version: int) -> None:
    if version not in SERVER_VERSIONS:
        raise unsupported(version)
