"""The benchmark program still runs and still prints everything the README promises.

Timings are not checked here: benchmarks report, they do not gate (see README.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.bench.run import TARGETS

ROOT = Path(__file__).resolve().parents[2]
STATS = {"n", "p50_ms", "p99_ms", "mean_ms", "min_ms", "max_ms"}
RESULTS = {
    "receive_empty",
    "receive_seeded",
    "lookup_by_code",
    "lookup_by_id_number",
    "report_monthly",
    "desk_due_process",
}


def test_benchmark_program_prints_every_expected_key(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.bench.run",
            "--dossiers",
            "2000",
            "--quick",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    result = json.loads(done.stdout)
    assert json.loads(out.read_text(encoding="utf-8")) == result

    assert result["dossiers"] == 2000
    assert result["quick"] is True
    assert {"cpu_count", "python", "sqlite"} <= set(result["machine"])
    assert set(result["results"]) == RESULTS
    for name, values in result["results"].items():
        assert set(values) >= STATS, name
        assert values["n"] > 0, name
    assert {"period", "rows", "received_total"} <= set(result["results"]["report_monthly"])
    assert result["results"]["report_monthly"]["received_total"] > 0
    assert set(result["extra"]) >= {"lookup_by_name", "desk_counts", "report_yearly"}
    assert set(result["targets"]) == {f"{name}.{stat}" for name, stat, _ in TARGETS}
    for verdict in result["targets"].values():
        assert set(verdict) == {"limit_ms", "value_ms", "pass"}
        assert isinstance(verdict["pass"], bool)
    assert isinstance(result["all_targets_pass"], bool)
    assert isinstance(result["full_scans"], list)
    assert set(result["query_plans"]) >= {"receive", "lookup_by_code", "report_monthly"}
    assert result["seed"]["cached"] is False
    assert {"seed", "receive_empty", "desk_due_process"} <= set(result["phases_s"])
