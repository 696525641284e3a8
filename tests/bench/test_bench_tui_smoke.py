"""The TUI benchmark still runs and prints every key the README promises (timings unchecked:
benchmarks report, they do not gate)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_tui_benchmark_prints_every_expected_key(tmp_path: Path) -> None:
    out = tmp_path / "tui.json"
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_tui", "--quick", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    result = json.loads(done.stdout)
    assert json.loads(out.read_text(encoding="utf-8")) == result
    results = result["results"]
    for name in ("process_to_login_ms", "intake_keystroke_ms", "app_to_home_ms"):
        assert results[name]["n"] > 0 and results[name]["p50_ms"] > 0, name
    memory = results["rss_after_intakes_mb"]
    assert memory["intakes"] == memory["received"] == 3
    assert memory["after_all"] >= memory["at_home"] > 0
    assert set(result["targets"]) == {
        "process_to_login_p50_ms",
        "login_within_target",
        "rss_after_500_intakes_mb",
        "rss_within_target",
    }
