"""Goodput of a scan backlog over a bad link (part ``link`` of bench_sync; root only).

Two network namespaces joined by a veth pair (10.231.0.1 desk side, 10.231.0.2 server side,
nothing in the host's namespace): each end shaped with ``tbf rate 256kbit`` and dropping 2 %
of incoming packets at random with nft (COMPONENTS.md §7). This kernel has no netem, so the
fault proxy (tests/sync/faults.py), running next to the desk, adds 150 ms each way (300 ms
to every round trip). `desk-server run` (SQLite) and a TCP sink run in the server namespace;
this module re-runs itself in the desk namespace (``--inner``) for the desk and the proxy.

Measured in the same run, through the same proxy and link: the raw capacity (one bulk TCP
transfer to the sink) and the sync of a backlog of dossiers with one compact scan each.
Goodput counts what the desk had to deliver (each blob's bytes plus the gzipped command
batches), not HTTP headers, retries or TCP; the ratio goodput / raw capacity is the target.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

NS_DESK, NS_SRV = f"motcua-bd{os.getpid()}", f"motcua-bs{os.getpid()}"
DESK_IP, SERVER_IP = "10.231.0.1", "10.231.0.2"
SERVER_PORT, SINK_PORT = 8700, 8701
RATE = "256kbit"
NOMINAL_BYTES_PER_SECOND = 32_000
LOSS_PERCENT = 2
ONE_WAY_DELAY = 0.15
RAW_PROBE_BYTES = 192 * 1024
AGENCY = "000.00.01.H99"

SINK = f"""
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("{SERVER_IP}", {SINK_PORT})); s.listen(8)
while True:
    c, _ = s.accept()
    n = 0
    while True:
        d = c.recv(65536)
        if not d:
            break
        n += len(d)
    c.sendall(str(n).encode()); c.close()
"""


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True)


def _in(ns: str, *args: str, stdin: str | None = None) -> None:
    subprocess.run(
        ["ip", "netns", "exec", ns, *args], check=True, capture_output=True, input=stdin, text=True
    )


def _setup() -> None:
    _ip("netns", "add", NS_DESK)
    _ip("netns", "add", NS_SRV)
    _ip(
        "link", "add", "vd", "netns", NS_DESK, "type", "veth", "peer", "name", "vs", "netns", NS_SRV
    )
    for ns, dev, addr in ((NS_DESK, "vd", DESK_IP), (NS_SRV, "vs", SERVER_IP)):
        _in(ns, "ip", "link", "set", "lo", "up")
        _in(ns, "ip", "addr", "add", f"{addr}/30", "dev", dev)
        _in(ns, "ip", "link", "set", dev, "up")
        _in(
            ns,
            "tc",
            "qdisc",
            "add",
            "dev",
            dev,
            "root",
            "tbf",
            "rate",
            RATE,
            "burst",
            "1600",
            "latency",
            "400ms",
        )
        rules = (
            "table inet motcua_loss {\n  chain input { type filter hook input priority 0; "
            f'policy accept; iifname "{dev}" numgen random mod 100 < {LOSS_PERCENT} drop; }}\n}}\n'
        )
        _in(ns, "nft", "-f", "-", stdin=rules)


def _teardown() -> None:
    for ns in (NS_DESK, NS_SRV):
        subprocess.run(["ip", "netns", "del", ns], check=False, capture_output=True)


def part_link(work: Path, *, quick: bool, dossiers: int = 1000) -> dict[str, Any]:
    if os.geteuid() != 0:
        return {"skipped": "needs root (ip netns, tc tbf, nft)"}
    if quick:
        dossiers = 3
    env = {**os.environ, "DESK_SERVER_BLOBS": str(work / "link-blobs")}
    db = f"sqlite:///{work / 'link-server.db'}"
    processes: list[subprocess.Popen[bytes]] = []
    try:
        _setup()
        netns = ["ip", "netns", "exec", NS_SRV]
        processes.append(
            subprocess.Popen(
                [
                    *netns,
                    sys.executable,
                    "-m",
                    "sync.server.cli",
                    "run",
                    "--db",
                    db,
                    "--host",
                    SERVER_IP,
                    "--port",
                    str(SERVER_PORT),
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        processes.append(subprocess.Popen([*netns, sys.executable, "-c", SINK]))
        inner = subprocess.run(
            [
                "ip",
                "netns",
                "exec",
                NS_DESK,
                sys.executable,
                "-m",
                "tests.bench.bench_link",
                "--inner",
                str(work),
                "--db",
                db,
                "--dossiers",
                str(dossiers),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=7200,
            check=False,
        )
        if inner.returncode != 0:
            return {"error": inner.stderr[-2000:]}
        result: dict[str, Any] = json.loads(inner.stdout)
        return result
    finally:
        for process in processes:
            process.kill()
            process.wait()
        _teardown()


# ------------------------------------------------------------- inside the desk namespace


def _wait_for_server(url: str) -> None:
    import httpx

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v1/openapi.json", timeout=30).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise RuntimeError("the server in the namespace did not start")


def _raw_capacity(proxy_port: int, size: int) -> float:
    """Bytes per second of one bulk transfer desk → sink, through the proxy and the link."""
    payload = os.urandom(size)
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", proxy_port), timeout=600) as conn:
        conn.sendall(payload)
        conn.shutdown(socket.SHUT_WR)
        answer = conn.recv(64)
    seconds = time.perf_counter() - start
    assert int(answer) == size, answer
    return size / seconds


def inner(work: Path, db: str, dossiers: int) -> dict[str, Any]:
    from sqlmodel import col, select

    from data.models import Blob, OutboxCommand
    from desk.devices.scanning.pdf import ScanDocument, compact_pdf
    from desk.services.container import DeskServices
    from desk.services.sync import SyncLimits
    from sync.outbox import to_wire
    from sync.protocol import CommandBatch
    from sync.server.auth import add_desk
    from sync.server.context import Server, ServerSettings
    from tests.conftest import SMALL_CATALOG, FakeClock, citizen
    from tests.devices.scan.pages import text_page
    from tests.helpers import receive
    from tests.sync.faults import FaultProxy

    server_url = f"http://{SERVER_IP}:{SERVER_PORT}"
    _wait_for_server(server_url)
    admin = Server.build(ServerSettings(db_url=db, blob_dir=work / "link-blobs"))
    with admin.db.write() as session:
        _key, code = add_desk(session, AGENCY, "0001-8999", "", admin.now())
    admin.close()

    services = DeskServices.open(work / "link-desk" / "desk.db", clock=FakeClock())
    services.office.init_office(
        agency_code=AGENCY,
        agency_name="Ủy ban nhân dân xã Thử Nghiệm",
        desk_range="0001-8999",
        tracking_base_url="https://tracuu.motcua.invalid",
        desk_name="quầy",
    )
    services.catalog.import_file(SMALL_CATALOG)
    services.sync.enrol(server_url, code)
    compact, colour = compact_pdf([text_page(200)])
    for number in range(dossiers):
        dossier = receive(services, owner=citizen(number + 1)).code
        unique = compact + f"%motcua-bench {number}\n".encode()  # one distinct blob each
        document = ScanDocument(unique, unique, pages=1, dpi=200, colour_pages=colour)
        services.scanning.attach(dossier, 1, document)
    with services.context.db.read() as session:
        blob_bytes = sum(b.size for b in session.exec(select(Blob)).all())
        rows = session.exec(select(OutboxCommand).order_by(col(OutboxCommand.id))).all()
        wire = [to_wire(row) for row in rows]
    command_bytes = sum(
        len(gzip.compress(CommandBatch(commands=wire[i : i + 200]).model_dump_json().encode(), 6))
        for i in range(0, len(wire), 200)
    )
    services.sync.limits = SyncLimits(timeout=120.0)
    with FaultProxy((SERVER_IP, SINK_PORT), latency=ONE_WAY_DELAY) as raw_proxy:
        raw = _raw_capacity(raw_proxy.port, RAW_PROBE_BYTES if dossiers > 10 else 32 * 1024)
    with FaultProxy((SERVER_IP, SERVER_PORT), latency=ONE_WAY_DELAY) as proxy:
        start = time.perf_counter()
        rounds = 0
        while True:
            rounds += 1
            services.sync.sync_once(proxy.url)
            status = services.sync.status()
            if status.commands_pending == 0 and status.blobs_pending == 0:
                break
        seconds = time.perf_counter() - start
    services.close()
    useful = blob_bytes + command_bytes
    goodput = useful / seconds
    return {
        "dossiers": dossiers,
        "link": f"tbf {RATE}, {LOSS_PERCENT} % loss each way, +{int(ONE_WAY_DELAY * 2000)} ms RTT",
        "compact_scan_bytes": len(compact),
        "useful_bytes": useful,
        "wire_bytes_up": proxy.stats["bytes_up"],
        "wire_bytes_down": proxy.stats["bytes_down"],
        "seconds": round(seconds, 1),
        "sync_rounds": rounds,
        "raw_capacity_bytes_per_second": round(raw, 1),
        "goodput_bytes_per_second": round(goodput, 1),
        "goodput_ratio": round(goodput / raw, 3),
        "nominal_rate_bytes_per_second": NOMINAL_BYTES_PER_SECOND,
        "goodput_ratio_to_nominal_rate": round(goodput / NOMINAL_BYTES_PER_SECOND, 3),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--inner", type=Path, required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--dossiers", type=int, default=1000)
    args = parser.parse_args()
    sys.stdout.write(json.dumps(inner(args.inner, args.db, args.dossiers)) + "\n")
