"""Refusals are bounded: bodies past a route's limit get 413 with the envelope before they are
buffered, against `desk-server run` as its own process."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sync.protocol import API_PREFIX
from tests.sync.processes import ServerProcess

SMALL_ROUTES = [f"{API_PREFIX}/enrol", f"{API_PREFIX}/public/feedback"]


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[ServerProcess]:
    with ServerProcess(f"sqlite:///{tmp_path / 'server.db'}", tmp_path) as server:
        yield server


def _raw(server: ServerProcess, head: str, body: bytes = b"") -> bytes:
    """Send one request as bytes and read the whole answer (the server closes after it)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as conn:
        conn.sendall(head.encode("latin-1") + b"\r\n" + body)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
            if b"\r\n\r\n" in answer and answer.endswith(b"}"):
                break
    return answer


def _chunked(body: bytes, size: int = 4096) -> Iterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


@pytest.mark.parametrize("path", SMALL_ROUTES)
def test_a_streamed_body_past_the_limit_gets_413_with_the_envelope(
    sqlite_server: ServerProcess, path: str
) -> None:
    body = b'{"code": "' + b"x" * 40_000 + b'"}'
    response = httpx.post(
        sqlite_server.url + path,
        content=_chunked(body),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "too_large"
    assert "quá lớn" in error["message"]


@pytest.mark.parametrize("path", [*SMALL_ROUTES, "/t/X"])
def test_a_declared_length_past_the_limit_is_refused_before_a_byte_is_read(
    sqlite_server: ServerProcess, path: str
) -> None:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 400000000\r\n"
    )
    answer = _raw(sqlite_server, head)  # not a byte of the body sent: the answer comes anyway
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b'"too_large"' in answer


def test_a_400_mb_post_does_not_lift_the_servers_memory(sqlite_server: ServerProcess) -> None:
    before = sqlite_server.rss_kib()

    def flood() -> None:
        head = (
            f"POST {API_PREFIX}/enrol HTTP/1.1\r\nHost: x\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"x" * (1024 * 1024)
        framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
        try:
            with socket.create_connection(("127.0.0.1", sqlite_server.port), timeout=30) as c:
                c.sendall(head.encode())
                for _ in range(400):
                    c.sendall(framed)
        except OSError:
            pass  # the server answered 413 and hung up: what is wanted

    sender = threading.Thread(target=flood)
    sender.start()
    sender.join(timeout=120)
    assert not sender.is_alive()
    assert httpx.get(f"{sqlite_server.url}{API_PREFIX}/openapi.json").status_code == 200
    assert sqlite_server.rss_kib() - before < 64 * 1024, (before, sqlite_server.rss_kib())
    assert "Traceback" not in sqlite_server.log()
