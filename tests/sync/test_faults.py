"""The fault proxy itself, against a tiny request/answer server on localhost: each fault does
what it says, and the same seed draws the same faults."""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from typing import ClassVar

import pytest

from tests.sync.faults import CHAOS, FaultMix, FaultProxy


class _Answer(socketserver.BaseRequestHandler):
    """Answers every line with the same line upper-cased; remembers what it received."""

    received: ClassVar[list[bytes]] = []

    def handle(self) -> None:
        buffer = b""
        while True:
            try:
                data = self.request.recv(4096)
            except ConnectionResetError:  # the proxy's reset reached the server side too
                return
            if not data:
                return
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                _Answer.received.append(line)
                self.request.sendall(line.upper() + b"\n")


@pytest.fixture
def upstream() -> Iterator[tuple[str, int]]:
    _Answer.received.clear()
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Answer)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "127.0.0.1", int(server.server_address[1])
    server.shutdown()
    server.server_close()


def _ask(port: int, lines: list[bytes], timeout: float = 3.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        answer = b""
        for line in lines:
            conn.sendall(line + b"\n")
            while not answer.endswith(b"\n") or answer.count(b"\n") < lines.index(line) + 1:
                data = conn.recv(4096)
                if not data:
                    raise ConnectionResetError("closed")
                answer += data
        return answer


def test_clean_connections_pass_bytes_and_count_them(upstream: tuple[str, int]) -> None:
    with FaultProxy(upstream, seed=1) as proxy:
        assert _ask(proxy.port, [b"xin chao", b"lan hai"]) == b"XIN CHAO\nLAN HAI\n"
    assert proxy.stats["clean"] == 1
    assert proxy.stats["bytes_up"] == 17 and proxy.stats["bytes_down"] == 17


def test_a_lost_response_reached_the_server(upstream: tuple[str, int]) -> None:
    mix = FaultMix(clean=0, lose_response=1, lose_request_number=(2, 2))
    with FaultProxy(upstream, mix=mix) as proxy, pytest.raises(ConnectionError):
        _ask(proxy.port, [b"mot", b"hai"])
    assert _Answer.received == [b"mot", b"hai"]  # the server got (and answered) both
    assert proxy.stats["struck_lose_response"] == 1


def test_a_reset_cuts_the_connection(upstream: tuple[str, int]) -> None:
    mix = FaultMix(clean=0, reset=1, reset_after_bytes=(5, 5))
    with FaultProxy(upstream, mix=mix) as proxy, pytest.raises(ConnectionError):
        _ask(proxy.port, [b"mot hai ba bon"])
    assert _Answer.received == []


def test_a_blackhole_never_answers(upstream: tuple[str, int]) -> None:
    mix = FaultMix(clean=0, blackhole=1, blackhole_seconds=2.0)
    with FaultProxy(upstream, mix=mix) as proxy, pytest.raises((TimeoutError, ConnectionError)):
        _ask(proxy.port, [b"alo"], timeout=0.5)
    assert _Answer.received == []


def test_throttle_and_latency_slow_the_answer(upstream: tuple[str, int]) -> None:
    with FaultProxy(upstream, latency=0.2, rate=20_000) as proxy:
        started = time.monotonic()
        answer = _ask(proxy.port, [b"x" * 10_000])
        took = time.monotonic() - started
    assert answer == b"X" * 10_000 + b"\n"
    assert took >= 0.4  # 0.2 s each way, whatever the rate adds


def test_the_same_seed_draws_the_same_faults(upstream: tuple[str, int]) -> None:
    draws = []
    for _ in range(2):
        with FaultProxy(upstream, seed=42, mix=CHAOS) as proxy:
            draws.append([proxy._draw().kind for _ in range(50)])
    assert draws[0] == draws[1]
    assert len(set(draws[0])) >= 4
