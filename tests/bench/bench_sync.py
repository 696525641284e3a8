"""Benchmarks of sync; prints one JSON object (see tests/bench/README.md, "Sync").

    .venv/bin/python -m tests.bench.bench_sync [--part server,wire,link] [--out FILE] [--quick]

- ``server``: `desk-server run` as its own process on a throwaway PostgreSQL cluster; 50
  enrolled desks push realistic receive commands concurrently (one thread and one HTTP
  connection per desk, batches gzipped beforehand so the load generator spends its CPU on
  the wire, not on JSON). Commands applied per second (target >= 2,000) and batch latency
  p50/p99 (target p99 < 250 ms), for a large and a small batch size.
- ``wire``: a real desk syncs a backlog of dossiers without scans through the fault proxy
  (no faults); bytes that crossed the proxy in both directions per dossier (target <= 1.5 KB).
- ``link`` (root only): a network namespace whose loopback is shaped with tbf to 256 kbit/s
  and nft 2 % random loss, the proxy adding 300 ms each way; the goodput of a backlog with one
  compact scan per dossier as a ratio of the raw capacity measured in the same run (target
  >= 0.8).

Like the other benchmarks it reports and always exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.bench.bench_server import AGENCY, PHASES, part_server

SERVER_TARGET_PER_SECOND = 2000.0
SERVER_TARGET_P99_MS = 250.0
WIRE_TARGET_BYTES = 1536
LINK_TARGET_RATIO = 0.8


# ------------------------------------------------------------------------------- wire


def part_wire(dossiers: int, work: Path) -> dict[str, Any]:
    from desk.services.container import DeskServices
    from sync.server.context import ServerSettings
    from tests.conftest import SMALL_CATALOG, FakeClock, citizen
    from tests.helpers import receive
    from tests.sync.conftest import serve
    from tests.sync.faults import FaultProxy

    services = DeskServices.open(work / "wire" / "desk.db", clock=FakeClock())
    settings = ServerSettings(db_url=f"sqlite:///{work / 'wire-server.db'}", blob_dir=work / "wb")
    running = contextmanager(serve)(settings)
    live = running.__enter__()
    try:
        services.office.init_office(
            agency_code=AGENCY,
            agency_name="Ủy ban nhân dân xã Thử Nghiệm",
            desk_range="0001-8999",
            tracking_base_url="https://tracuu.motcua.invalid",
            desk_name="quầy",
        )
        services.catalog.import_file(SMALL_CATALOG)
        services.sync.enrol(live.url, live.add_desk("0001-8999"))
        host, port = live.url.removeprefix("http://").split(":")
        rounds: dict[str, Any] = {}
        with FaultProxy((host, int(port))) as proxy:
            services.sync.sync_once(proxy.url)
            rounds["empty_round_bytes"] = proxy.stats["bytes_up"] + proxy.stats["bytes_down"]
            codes = [receive(services, owner=citizen(i)).code for i in range(dossiers)]
            proxy.stats.clear()
            report = services.sync.sync_once(proxy.url)
            receive_bytes = proxy.stats["bytes_up"] + proxy.stats["bytes_down"]
            for code in codes:
                services.intake.hand_over(code, unit="Phòng Tư pháp")
            proxy.stats.clear()
            services.sync.sync_once(proxy.url)
            hand_over_bytes = proxy.stats["bytes_up"] + proxy.stats["bytes_down"]
        rounds.update(
            {
                "dossiers": dossiers,
                "applied": report.applied,
                "receive_round_bytes": receive_bytes,
                "bytes_per_dossier": round(receive_bytes / dossiers, 1),
                "bytes_per_dossier_with_hand_over": round(
                    (receive_bytes + hand_over_bytes) / dossiers, 1
                ),
            }
        )
        return rounds
    finally:
        services.close()
        running.__exit__(None, None, None)


# ------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="server,wire")
    parser.add_argument("--desks", type=int, default=50)
    parser.add_argument("--per-desk", type=int, default=200)
    parser.add_argument("--dossiers", type=int, default=300)
    parser.add_argument("--server-workers", type=int, default=2)
    parser.add_argument("--link-dossiers", type=int, default=1000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--quick", action="store_true", help="tiny sizes (for the smoke test)")
    args = parser.parse_args(argv)
    parts = set(args.part.split(","))
    if args.quick:
        args.desks, args.per_desk, args.dossiers = 3, 20, 20
    out: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "results": {},
        "targets": {},
    }
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as temp:
        work = Path(temp)
        if "server" in parts:
            server = part_server(args.desks, args.per_desk, args.server_workers, work)
            out["results"]["server"] = server
            phases = server["phases"]
            rate = max(phases[name]["commands_per_second"] for name, _b, _p in PHASES)
            p99 = phases["paced_batch_10_every_2s"]["batch_latency_p99_ms"]
            out["targets"]["server_commands_per_second"] = {
                "limit": SERVER_TARGET_PER_SECOND,
                "value": rate,
                "pass": rate >= SERVER_TARGET_PER_SECOND,
            }
            out["targets"]["server_batch_p99_ms"] = {
                "limit": SERVER_TARGET_P99_MS,
                "value": p99,
                "pass": p99 < SERVER_TARGET_P99_MS,
            }
        if "wire" in parts:
            wire = part_wire(args.dossiers, work)
            out["results"]["wire"] = wire
            out["targets"]["wire_bytes_per_dossier"] = {
                "limit": WIRE_TARGET_BYTES,
                "value": wire["bytes_per_dossier"],
                "pass": wire["bytes_per_dossier"] <= WIRE_TARGET_BYTES,
            }
        if "link" in parts:
            from tests.bench.bench_link import part_link

            link = part_link(work, quick=args.quick, dossiers=args.link_dossiers)
            out["results"]["link"] = link
            if "goodput_ratio" in link:
                out["targets"]["link_goodput_ratio"] = {
                    "limit": LINK_TARGET_RATIO,
                    "value": link["goodput_ratio"],
                    "pass": link["goodput_ratio"] >= LINK_TARGET_RATIO,
                }
    out["all_targets_pass"] = all(t["pass"] for t in out["targets"].values())
    text = json.dumps(out, indent=2, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
