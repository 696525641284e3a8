"""HTTP client of the central server (httpx): push, pull, enrol, resumable blob upload.

Every answer must be our envelope (``protocol == "motcua-sync"``): anything else — a captive
portal's login page with status 200, a proxy's error page — means "not really online" and is
raised as ``Offline``, as are connection errors, timeouts, 5xx answers and 429 (throttled:
try again later). Any other 4xx envelope is a refusal (``SyncRefused``) with the server's
Vietnamese message. The transport is
injectable (``httpx.MockTransport`` in unit tests); ``verify`` takes a CA bundle path for a
server whose certificate comes from a private CA.
"""

from __future__ import annotations

import gzip
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from sync.errors import Offline, SyncRefused
from sync.protocol import (
    API_PREFIX,
    H_LENGTH,
    H_MEDIA,
    H_OFFSET,
    H_TUS,
    H_VERSIONS,
    OFFSET_MEDIA_TYPE,
    PROTOCOL,
    SUPPORTED_VERSIONS,
    TUS_VERSION,
    BatchResult,
    ChangePage,
    CommandBatch,
    EnrolRequest,
    EnrolResponse,
    Envelope,
    Pong,
)

_M = TypeVar("_M", bound=BaseModel)
DESK_VERSIONS = SUPPORTED_VERSIONS
"""The versions this desk offers (sync.protocol: negotiated with the server)."""


class SyncClient:
    def __init__(
        self,
        base_url: str,
        *,
        bearer: str | None = None,
        transport: httpx.BaseTransport | None = None,
        ca_bundle: Path | None = None,
        timeout: float = 30.0,
    ) -> None:
        headers = {
            "User-Agent": f"motcua-desk ({PROTOCOL})",
            H_VERSIONS: ",".join(str(v) for v in DESK_VERSIONS),
        }
        if bearer:
            headers["Authorization"] = f"Bearer {bearer}"
        self._http = httpx.Client(
            base_url=base_url.rstrip("/") + API_PREFIX,
            headers=headers,
            transport=transport,
            verify=str(ca_bundle) if ca_bundle else True,
            timeout=timeout,
        )
        self.server_time: datetime | None = None
        self.bytes_sent = 0
        self.version = min(DESK_VERSIONS)
        """The version the server chose (every answer says it); until then, the oldest."""

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------------ calls

    def ping(self) -> Pong:
        return self._data(self._send("GET", "/ping"), Pong)

    def enrol(self, request: EnrolRequest) -> EnrolResponse:
        return self._data(self._send("POST", "/enrol", json=request.model_dump()), EnrolResponse)

    def push(self, batch: CommandBatch) -> BatchResult:
        """Send ``batch`` in the version the server chose (the commands' JSON is the same in
        every version; only the batch says which one it is)."""
        batch = batch.model_copy(update={"version": self.version})
        body = gzip.compress(batch.model_dump_json().encode("utf-8"), compresslevel=6)
        headers = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
        response = self._send("POST", "/commands", content=body, headers=headers)
        return self._data(response, BatchResult)

    def pull(self, cursor: str | None) -> ChangePage:
        params = {"cursor": cursor} if cursor else None
        return self._data(self._send("GET", "/changes", params=params), ChangePage)

    def blob_offset(self, sha256: str) -> tuple[int, int] | None:
        """(offset, length) of the server's copy, or None when it has none."""
        response = self._send("HEAD", f"/blobs/{sha256}")
        self._require_tus(response)
        if response.status_code == 404:
            return None
        self._raise_for_status(response)
        return int(response.headers[H_OFFSET]), int(response.headers[H_LENGTH])

    def blob_create(self, sha256: str, length: int, media_type: str) -> int:
        headers = {H_TUS: TUS_VERSION, H_LENGTH: str(length), H_MEDIA: media_type}
        response = self._send("POST", f"/blobs/{sha256}", headers=headers)
        self._require_tus(response)
        self._raise_for_status(response)
        return int(response.headers[H_OFFSET])

    def blob_patch(self, sha256: str, offset: int, chunk: bytes) -> int:
        headers = {H_TUS: TUS_VERSION, H_OFFSET: str(offset), "Content-Type": OFFSET_MEDIA_TYPE}
        response = self._send("PATCH", f"/blobs/{sha256}", content=chunk, headers=headers)
        self._require_tus(response)
        self._raise_for_status(response)
        return int(response.headers[H_OFFSET])

    def blob_get(self, sha256: str) -> bytes:
        response = self._send("GET", f"/blobs/{sha256}")
        self._raise_for_status(response)
        return response.content

    # ---------------------------------------------------------------------- plumbing

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        content = kwargs.get("content")
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException:
            raise Offline("timeout") from None
        except httpx.TransportError as error:
            raise Offline(type(error).__name__) from None
        self.bytes_sent += len(content) if isinstance(content, bytes) else 0
        if response.status_code >= 500:
            raise Offline(f"server error {response.status_code}")
        if response.status_code == 429:  # throttled: like an outage, try again later
            raise Offline("rate limited")
        return response

    def _envelope(self, response: httpx.Response) -> Envelope[Any]:
        try:
            envelope = Envelope[Any].model_validate_json(response.content)
        except ValidationError:
            raise Offline("not our server (captive portal or proxy page)") from None
        self.server_time = envelope.server_time
        if envelope.version in DESK_VERSIONS:
            self.version = envelope.version
        return envelope

    def _data(self, response: httpx.Response, model: type[_M]) -> _M:
        envelope = self._envelope(response)
        if envelope.error is not None or response.status_code >= 400:
            error = envelope.error
            raise SyncRefused(
                error.message if error else response.reason_phrase,
                code=error.code if error else "http_error",
                http_status=response.status_code,
            )
        try:
            return model.model_validate(envelope.data)
        except ValidationError:
            raise Offline("unexpected answer from the server") from None

    def _require_tus(self, response: httpx.Response) -> None:
        if response.headers.get(H_TUS) != TUS_VERSION and response.status_code < 400:
            raise Offline("not our server (no tus header)")

    def _raise_for_status(self, response: httpx.Response) -> None:
        if response.status_code >= 400:
            self._data(response, BaseModel)  # raises SyncRefused (or Offline if not ours)
