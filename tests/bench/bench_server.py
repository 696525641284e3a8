"""Part ``server`` of bench_sync: `desk-server run` on PostgreSQL under 50 concurrent desks.

See bench_sync.py and tests/bench/README.md ("Sync") for what is measured and the targets.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx

from desk.domain.lifecycle import canonical_json
from sync.protocol import API_PREFIX, Command, CommandBatch, EnrolRequest
from tests.sync.pg import create_database, free_port, throwaway_cluster

AGENCY = "000.00.01.H99"


def log(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))], 1)


def template_payload(work: Path) -> dict[str, Any]:
    """One real receive payload (a throwaway desk's first intake): realistic size and fields."""
    from sqlmodel import select

    from data.models import OutboxCommand
    from desk.services.container import DeskServices
    from tests.conftest import SMALL_CATALOG, FakeClock, citizen
    from tests.helpers import receive

    services = DeskServices.open(work / "template" / "desk.db", clock=FakeClock())
    try:
        services.office.init_office(
            agency_code=AGENCY,
            agency_name="Ủy ban nhân dân xã Thử Nghiệm",
            desk_range="0001-8999",
            tracking_base_url="https://tracuu.motcua.invalid",
            desk_name="mẫu",
        )
        services.catalog.import_file(SMALL_CATALOG)
        receive(services, owner=citizen(1))
        with services.context.db.read() as session:
            row = session.exec(select(OutboxCommand)).one()
            payload: dict[str, Any] = json.loads(row.payload)
            return payload
    finally:
        services.close()


def desk_commands(
    template: dict[str, Any], desk_id: str, first: int, span: int, count: int, day0: int
) -> list[Command]:
    """``count`` receive commands with codes first..first+span-1, a new day every ``span``."""
    commands = []
    for n in range(count):
        day = date(2026, 1, 5) + timedelta(days=day0 + n // span)
        at = datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC) + timedelta(seconds=n)
        dossier_id = str(uuid4())
        payload = {
            **template,
            "id": dossier_id,
            "desk_id": desk_id,
            "code": f"{AGENCY}-{day:%y%m%d}-{first + n % span:04d}",
            "received_at": at.isoformat(),
            "clock_started_at": at.isoformat(),
            "register_seq": n + 1,
        }
        commands.append(
            Command(
                command_id=str(uuid4()),
                desk_id=desk_id,
                seq=n + 1,
                type="dossier.receive",
                dossier_id=dossier_id,
                payload=payload,
                payload_hash=hashlib.sha256(canonical_json(payload).encode()).hexdigest(),
                created_at=at,
            )
        )
    return commands


def _wait_for(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{url}{API_PREFIX}/openapi.json").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not start")


def _push_all(
    url: str, bearer: str, bodies: list[bytes], latencies: list[float], pace: float
) -> int:
    """Push the batches one after the other; with ``pace`` > 0 start one every ``pace``
    seconds (a desk's ordinary rhythm) instead of back to back (a backlog after an outage)."""
    headers = {
        "Authorization": f"Bearer {bearer}",
        "Content-Encoding": "gzip",
        "Content-Type": "application/json",
    }
    applied = 0
    with httpx.Client(base_url=url + API_PREFIX, headers=headers, timeout=300) as client:
        # desks are not in lockstep: each starts at its own moment of the interval
        began = time.perf_counter() + (int(bearer[:8], 16) % 1000) / 1000 * pace
        for number, body in enumerate(bodies):
            if pace:
                time.sleep(max(0.0, began + number * pace - time.perf_counter()))
            start = time.perf_counter()
            response = client.post("/commands", content=body)
            latencies.append((time.perf_counter() - start) * 1000)
            response.raise_for_status()
            results = response.json()["data"]["results"]
            applied += sum(1 for r in results if r["outcome"] == "applied")
    return applied


PHASES = (
    # (name, batch size, seconds between a desk's batches; 0 = back to back)
    ("backlog_batch_100", 100, 0.0),
    ("backlog_batch_10", 10, 0.0),
    ("paced_batch_10_every_2s", 10, 2.0),
)


def part_server(desks: int, per_desk: int, workers: int, work: Path) -> dict[str, Any]:
    from sync.client import SyncClient
    from sync.server.auth import add_desk
    from sync.server.context import Server, ServerSettings

    template = template_payload(work)
    span = 8999 // desks  # desk ranges stay below the online range (9000-9999)
    os.environ["DESK_SERVER_BLOBS"] = str(work / "blobs")  # read by the server process
    with throwaway_cluster() as base:
        db_url = create_database(base, "bench_sync")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server.cli",
                "run",
                "--db",
                db_url,
                "--port",
                str(port),
                "--workers",
                str(workers),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for(url, process)
            admin = Server.build(ServerSettings(db_url=db_url, blob_dir=work / "blobs"))
            enrolled = []
            for index in range(desks):
                first = 1 + index * span
                with admin.db.write() as session:
                    _key, code = add_desk(
                        session, AGENCY, f"{first:04d}-{first + span - 1:04d}", "", admin.now()
                    )
                desk_id = str(uuid4())
                with SyncClient(url) as client:
                    answer = client.enrol(
                        EnrolRequest(code=code, desk_id=desk_id, agency_code=AGENCY)
                    )
                bearer = f"{answer.desk_key}.{answer.secret}"
                with SyncClient(url, bearer=bearer) as client:
                    client.ping()  # argon2 once, then the server's credential cache
                enrolled.append((desk_id, first, bearer))
            admin.close()
            log(f"server: {desks} desks enrolled")
            phases = {}
            for number, (name, batch, pace) in enumerate(PHASES):
                count = per_desk // 2 if pace else per_desk
                phases[name] = _phase(
                    url, enrolled, template, span, count, batch, pace, day0=number * 400
                )
                log(f"server: {name}: {phases[name]}")
        finally:
            process.terminate()
            process.wait(timeout=30)
    return {
        "desks": desks,
        "commands_per_desk": per_desk,
        "server_workers": workers,
        "phases": phases,
    }


def _phase(
    url: str,
    enrolled: list[tuple[str, int, str]],
    template: dict[str, Any],
    span: int,
    per_desk: int,
    batch: int,
    pace: float,
    day0: int,
) -> dict[str, Any]:
    work = []
    for desk_id, first, bearer in enrolled:
        commands = desk_commands(template, desk_id, first, span, per_desk, day0)
        bodies = [
            gzip.compress(
                CommandBatch(commands=commands[i : i + batch]).model_dump_json().encode(), 6
            )
            for i in range(0, len(commands), batch)
        ]
        work.append((bearer, bodies))
    latencies: list[float] = []
    applied: list[int] = []
    threads = [
        threading.Thread(
            target=lambda b=bearer, w=bodies: applied.append(_push_all(url, b, w, latencies, pace))
        )
        for bearer, bodies in work
    ]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    total = sum(applied)
    return {
        "batch_size": batch,
        "seconds_between_batches": pace,
        "commands_applied": total,
        "expected": len(enrolled) * per_desk,
        "desks": len(enrolled),
        "seconds": round(seconds, 2),
        "commands_per_second": round(total / seconds, 1),
        "batch_latency_p50_ms": percentile(latencies, 0.5),
        "batch_latency_p99_ms": percentile(latencies, 0.99),
        "batch_latency_max_ms": round(max(latencies), 1),
        "batches": len(latencies),
    }
