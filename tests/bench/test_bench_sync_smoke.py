"""bench_sync still runs and prints every key tests/bench/README.md promises (tiny sizes).

Timings are not checked: benchmarks report, they do not gate. The ``link`` part needs root
(network namespaces), as CI has.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_sync_prints_every_expected_key(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    command = [sys.executable, "-m", "tests.bench.bench_sync", "--quick", "--out", str(out)]
    done = subprocess.run(
        [*command, "--part", "server,wire,link"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed == json.loads(out.read_text(encoding="utf-8"))
    server = printed["results"]["server"]["phases"]
    for phase in ("backlog_batch_100", "backlog_batch_10", "paced_batch_10_every_2s"):
        assert server[phase]["commands_applied"] == server[phase]["expected"]
        assert {"commands_per_second", "batch_latency_p99_ms"} <= set(server[phase])
    assert printed["results"]["wire"]["applied"] == 20
    link = printed["results"]["link"]
    assert "error" not in link, link
    assert {"goodput_ratio", "raw_capacity_bytes_per_second", "seconds"} <= set(link)
    assert set(printed["targets"]) == {
        "server_commands_per_second",
        "server_batch_p99_ms",
        "wire_bytes_per_dossier",
        "link_goodput_ratio",
    }
