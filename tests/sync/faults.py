"""A fault-injecting TCP proxy of the project's own, between a desk and the central server.

Each accepted connection draws one fault from a seeded ``random.Random`` (so a run is
reproducible from its seed, up to the order in which the kernel hands over connections);
every fault kind of the mix comes up within the first connections, whatever the seed:

- ``clean``: bytes pass unchanged;
- ``delay``: every chunk is held back a fixed time in each direction (a pipe with latency:
  throughput is not limited by it);
- ``throttle``: each direction is limited to a few KB/s;
- ``reset``: after a random number of bytes both sides get a TCP RST (SO_LINGER 0);
- ``blackhole``: the connection is accepted, then nothing ever comes back (the desk's
  timeout must fire); the proxy lets go after ``blackhole_seconds``;
- ``lose_response``: the k-th request of the connection reaches the server, which commits
  and answers, but the answer is dropped and the desk sees a reset — the case that makes
  idempotency keys necessary.

Fixed shaping for every connection (``latency``, ``rate``) serves the benchmarks. ``stats``
counts connections per fault and the bytes that crossed in each direction (what the desk put
on the wire, as measured between desk and server).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

KINDS = ("clean", "delay", "throttle", "reset", "blackhole", "lose_response")
CHUNK = 16 * 1024


@dataclass(frozen=True)
class FaultMix:
    """Weights of each fault per connection; all zero but ``clean`` means no faults."""

    clean: float = 1.0
    delay: float = 0.0
    throttle: float = 0.0
    reset: float = 0.0
    blackhole: float = 0.0
    lose_response: float = 0.0
    delay_seconds: tuple[float, float] = (0.05, 0.4)
    throttle_bytes_per_second: tuple[int, int] = (8_000, 64_000)
    reset_after_bytes: tuple[int, int] = (1, 64_000)
    lose_request_number: tuple[int, int] = (1, 3)
    blackhole_seconds: float = 5.0
    fault_lifetime: float | None = 20.0
    """A delayed or throttled connection is reset after this long (None: never), so that a
    sync round over hundreds of requests cannot crawl for many minutes."""


CHAOS = FaultMix(
    clean=0.45,
    delay=0.1,
    throttle=0.1,
    reset=0.15,
    blackhole=0.05,
    lose_response=0.15,
    fault_lifetime=6.0,
)


@dataclass
class Fault:
    kind: str
    latency: float = 0.0
    rate: float | None = None
    cut_after: int | None = None
    lose_at: int | None = None


@dataclass
class _Connection:
    fault: Fault
    requests: int = 0
    last_direction: str = ""
    moved: int = 0
    writers: list[asyncio.StreamWriter] = field(default_factory=list)
    dead: bool = False


class FaultProxy:
    def __init__(
        self,
        upstream: tuple[str, int],
        *,
        seed: int = 0,
        mix: FaultMix | None = None,
        latency: float = 0.0,
        rate: float | None = None,
    ) -> None:
        self.upstream = upstream
        self.mix = mix or FaultMix()
        self.latency = latency
        self.rate = rate
        self.stats: Counter[str] = Counter()
        self._rng = random.Random(seed)
        self._loop = asyncio.new_event_loop()  # closed by stop(); a proxy is started once
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True, name="proxy")
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()
        self._unseen: list[str] | None = None
        self.port = 0

    # ----------------------------------------------------------------------- control

    def start(self) -> FaultProxy:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._listen(), self._loop)
        self.port = future.result(timeout=10)
        return self

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
            for writer in list(self._open):
                _reset(writer)
            tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if self._server is not None:
                await self._server.wait_closed()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_mix(self, mix: FaultMix) -> None:
        """Change the faults of connections accepted from now on (e.g. calm down at the end)."""
        self.mix = mix
        self._unseen = None

    # ----------------------------------------------------------------------- serving

    async def _listen(self) -> int:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    def _draw(self) -> Fault:
        mix, rng = self.mix, self._rng
        weights = [getattr(mix, kind) for kind in KINDS]
        if self._unseen is None:  # every fault of the mix appears early, whatever the seed
            self._unseen = [k for k, w in zip(KINDS, weights, strict=True) if w and k != "clean"]
            rng.shuffle(self._unseen)
        if self._unseen and rng.random() < 0.5:
            kind = self._unseen.pop()
        else:
            kind = rng.choices(KINDS, weights=weights)[0]
            if kind in self._unseen:
                self._unseen.remove(kind)
        fault = Fault(kind, latency=self.latency, rate=self.rate)
        if kind == "delay":
            fault.latency += rng.uniform(*mix.delay_seconds)
        elif kind == "throttle":
            fault.rate = rng.uniform(*mix.throttle_bytes_per_second)
        elif kind == "reset":
            fault.cut_after = rng.randint(*mix.reset_after_bytes)
        elif kind == "lose_response":
            fault.lose_at = rng.randint(*mix.lose_request_number)
        return fault

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        fault = self._draw()
        self.stats[fault.kind] += 1
        self._open.add(writer)
        try:
            await self._serve(fault, reader, writer)
        finally:
            self._open.discard(writer)
            _close(writer)

    async def _serve(
        self, fault: Fault, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        if fault.kind == "blackhole":
            with contextlib.suppress(TimeoutError, OSError):
                await asyncio.wait_for(_swallow(reader), self.mix.blackhole_seconds)
            _reset(writer)
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            _reset(writer)
            return
        self._open.add(up_writer)
        conn = _Connection(fault, writers=[writer, up_writer])
        pipes = asyncio.gather(
            self._pipe(conn, reader, up_writer, "up"),
            self._pipe(conn, up_reader, writer, "down"),
            return_exceptions=True,
        )
        lifetime = None if fault.kind == "clean" else self.mix.fault_lifetime
        try:
            await asyncio.wait_for(pipes, lifetime)
        except TimeoutError:  # a slow link does not stay up for ever either
            self.stats["struck_lifetime"] += 1
            self._kill(conn)
        finally:
            self._open.discard(up_writer)
            _close(up_writer)

    async def _pipe(
        self,
        conn: _Connection,
        source: asyncio.StreamReader,
        sink: asyncio.StreamWriter,
        direction: str,
    ) -> None:
        """Reader and writer run as two tasks joined by a queue, so that latency delays each
        chunk without limiting throughput."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def read() -> None:
            while not conn.dead:
                data = await source.read(CHUNK)
                if not data:
                    break
                if direction == "up" and conn.last_direction != "up":
                    conn.requests += 1
                conn.last_direction = direction
                await queue.put((time.monotonic() + conn.fault.latency, data))
            await queue.put((0.0, b""))

        async def write() -> None:
            while True:
                due, data = await queue.get()
                if not data:
                    with contextlib.suppress(OSError):
                        if sink.can_write_eof():
                            sink.write_eof()
                    return
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                if self._strike(conn, direction, len(data)):
                    return
                sink.write(data)
                self.stats[f"bytes_{direction}"] += len(data)
                await sink.drain()
                if conn.fault.rate:
                    await asyncio.sleep(len(data) / conn.fault.rate)

        tasks = [asyncio.ensure_future(read()), asyncio.ensure_future(write())]
        try:
            await asyncio.gather(*tasks)
        except (OSError, asyncio.IncompleteReadError):
            self._kill(conn)
        finally:
            for task in tasks:
                task.cancel()

    def _strike(self, conn: _Connection, direction: str, size: int) -> bool:
        """True when the fault hits now: both ends are reset and the chunk is dropped."""
        fault = conn.fault
        conn.moved += size
        hit = (fault.cut_after is not None and conn.moved >= fault.cut_after) or (
            direction == "down" and fault.lose_at is not None and conn.requests >= fault.lose_at
        )
        if hit or conn.dead:
            if not conn.dead:
                self.stats[f"struck_{fault.kind}"] += 1
            self._kill(conn)
            return True
        return False

    def _kill(self, conn: _Connection) -> None:
        conn.dead = True
        for end in conn.writers:
            _reset(end)


async def _swallow(reader: asyncio.StreamReader) -> None:
    while await reader.read(CHUNK):
        pass


def _reset(writer: asyncio.StreamWriter) -> None:
    """Abort with RST rather than FIN, like a router dropping state or a NAT timing out."""
    sock = writer.get_extra_info("socket")
    with contextlib.suppress(OSError, AttributeError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


def _close(writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(OSError, RuntimeError):
        writer.close()
