"""The ASGI guard in front of every route: bounded bodies, refused before they are buffered.

Every request body is counted as it arrives from ``receive()``; past the route's limit the
server answers 413 with the error envelope and reads no further (a body declared too large
by ``Content-Length`` is refused before a byte of it is read). Unauthenticated routes get a
small limit, so a 400 MB POST to ``/api/v1/enrol`` costs the server nothing.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from datetime import datetime
from typing import Any

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from desk.errors import InvalidInput
from desk.i18n import translate
from sync.protocol import (
    API_PREFIX,
    MAX_BATCH_BYTES,
    MAX_SUBMISSION_BYTES,
    Envelope,
    WireError,
)

SMALL_BODY = 16 * 1024
"""Enrolment, the public feedback form, the tracking page and every route not listed below."""
MAX_PATCH_BYTES = 8 * 1024 * 1024
"""One chunk of a blob upload."""


def body_limit(method: str, path: str) -> int:
    """The largest body the route ``method path`` reads."""
    if method == "POST" and path == f"{API_PREFIX}/commands":
        return MAX_BATCH_BYTES
    if method == "POST" and path == f"{API_PREFIX}/backoffice/dossiers":
        return MAX_SUBMISSION_BYTES
    if method == "PATCH" and path.startswith(f"{API_PREFIX}/blobs/"):
        return MAX_PATCH_BYTES
    return SMALL_BODY


class NulInBody(HTTPException):
    def __init__(self) -> None:
        super().__init__(status_code=422)


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413)
        self.limit = limit


def too_large_message(limit: int) -> str:
    return translate("Yêu cầu quá lớn (giới hạn {limit} byte).", {"limit": limit})


def envelope_bytes(now: datetime, code: str, message: str) -> bytes:
    body = Envelope[Any](server_time=now, error=WireError(code=code, message=message))
    return body.model_dump_json().encode("utf-8")


async def send_envelope(
    send: Send, status: int, now: datetime, code: str, message: str, close: bool = False
) -> None:
    body = envelope_bytes(now, code, message)
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware: see the module's docstring."""

    def __init__(
        self,
        app: ASGIApp,
        clock: Callable[[], datetime],
        trusted_proxies: tuple[str, ...] = (),
    ) -> None:
        self.app = app
        self.clock = clock
        self.trusted = trusted_networks(trusted_proxies)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope["client"] = (client_address(scope, self.trusted), 0)
        refusal = _refusal(scope)
        if refusal is not None:
            status, code, message = refusal
            await send_envelope(send, status, self.clock(), code, message, close=True)
            return
        limit = body_limit(scope["method"], scope["path"])
        declared = _header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await send_envelope(
                send, 413, self.clock(), "too_large", too_large_message(limit), close=True
            )
            return
        state: dict[str, Any] = {"read": 0, "over": False, "started": False, "tail": b""}
        # A command's bad text is refused command by command (sync.server.store), not the batch.
        json_text = _is_json(scope) and scope["path"] != f"{API_PREFIX}/commands"

        async def counted() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                chunk: bytes = message.get("body", b"")
                state["read"] += len(chunk)
                if state["read"] > limit:
                    state["over"] = True
                    raise BodyTooLarge(limit)
                if json_text:  # a NUL in JSON text: refused on every database alike
                    seen = state["tail"] + chunk
                    if b"\\u0000" in seen or b"\x00" in seen:
                        raise NulInBody()
                    state["tail"] = seen[-5:]
            return message

        async def guarded_send(message: Message) -> None:
            if state["over"]:  # whatever the route made of it, the answer is 413
                if message["type"] == "http.response.start" and not state["started"]:
                    state["started"] = True
                    await send_envelope(
                        send, 413, self.clock(), "too_large", too_large_message(limit), True
                    )
                return
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        await self.app(scope, counted, guarded_send)


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_networks(cidrs: tuple[str, ...]) -> tuple[Network, ...]:
    """The proxies whose ``X-Forwarded-For`` is believed; a bad CIDR is refused at start."""
    networks: list[Network] = []
    for cidr in cidrs:
        try:
            networks.append(ipaddress.ip_network(cidr.strip(), strict=False))
        except ValueError:
            raise InvalidInput(
                "Địa chỉ proxy tin cậy không hợp lệ: {cidr} (cần dạng 10.0.0.0/8 hoặc 127.0.0.1).",
                cidr=cidr,
            ) from None
    return tuple(networks)


def client_address(scope: Scope, trusted: tuple[Network, ...]) -> str:
    """The address rate limits count: the peer's, unless the peer is a trusted proxy; then
    the right-most address of ``X-Forwarded-For`` that is not itself a trusted proxy (what
    the client wrote to the left of it is not believed)."""
    peer = scope.get("client")
    address = str(peer[0]) if peer else "?"
    if not trusted or not _within(address, trusted):
        return address
    forwarded = _header(scope, b"x-forwarded-for") or ""
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if not _parses(hop):
            return address  # a chain the proxy did not write: the proxy is the client
        if not _within(hop, trusted):
            return hop
        address = hop
    return address


def _parses(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _within(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def _refusal(scope: Scope) -> tuple[int, str, str] | None:
    """(status, code, message) for a request no route could read sensibly."""
    path: str = scope["path"]
    query: bytes = scope.get("query_string", b"")
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in path) or b"%00" in query.lower():
        message = translate("Địa chỉ yêu cầu chứa ký tự điều khiển (như NUL); không hợp lệ.")
        return 400, "bad_request", message
    encoding = (_header(scope, b"content-encoding") or "identity").lower()
    commands = scope["method"] == "POST" and path == f"{API_PREFIX}/commands"
    if encoding not in ("identity", *(("gzip",) if commands else ())):
        message = translate(
            "Máy chủ không nhận nội dung nén kiểu {encoding} ở địa chỉ này.", {"encoding": encoding}
        )
        return 415, "unsupported_encoding", message
    return None


def _is_json(scope: Scope) -> bool:
    kind = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
    encoding = (_header(scope, b"content-encoding") or "identity").lower()
    return encoding == "identity" and (kind == "application/json" or kind.endswith("+json"))


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            text: str = value.decode("latin-1").strip()
            return text
    return None
