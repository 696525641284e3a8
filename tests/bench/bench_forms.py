"""Benchmark of the printed forms; prints one JSON object.

    .venv/bin/python -m tests.bench.bench_forms [--iterations N]

Times one whole render (layout, QR with its cache cleared, font subsetting, PDF bytes) of the
sample Mẫu 01 after a warm-up that also registers the fonts.
Targets: A5 render p50 < 30 ms, A5 PDF < 60 KB.
Like tests/bench/run.py it reports and always exits 0.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from collections.abc import Callable

from printing.forms import mau01
from printing.forms.samples import sample_meta, sample_slip
from printing.qr import qr_matrix

RENDER_LIMIT_MS = 30.0
PDF_LIMIT_BYTES = 60 * 1024


def measure(render: Callable[[], object], iterations: int) -> dict[str, float]:
    for _ in range(3):
        render()
    samples = []
    for _ in range(iterations):
        start = time.perf_counter_ns()
        render()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    samples.sort()
    return {
        "n": iterations,
        "p50_ms": round(statistics.median(samples), 2),
        "p99_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.99))], 2),
        "min_ms": round(samples[0], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iterations", type=int, default=50)
    args = parser.parse_args()
    slip, meta = sample_slip(), sample_meta()

    def fresh(render: Callable[[], object]) -> Callable[[], object]:
        # Every real slip has a new code: do not let the QR cache hide the QR's cost.
        def run() -> object:
            qr_matrix.cache_clear()
            return render()

        return run

    a5 = measure(fresh(lambda: mau01.render_a5(slip, meta)), args.iterations)
    thermal = measure(fresh(lambda: mau01.render_thermal(slip, meta)), args.iterations)
    raster = measure(
        fresh(lambda: mau01.render_thermal_raster(slip, meta)), max(5, args.iterations // 5)
    )
    a5_bytes = len(mau01.render_a5(slip, meta))
    result = {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "results": {
            "mau01_a5_render": {**a5, "pdf_bytes": a5_bytes, "pages": 2},
            "mau01_thermal_render": {**thermal, "pdf_bytes": len(mau01.render_thermal(slip, meta))},
            "mau01_thermal_raster": raster,
        },
        "targets": {
            "mau01_a5_p50_ms": {"limit": RENDER_LIMIT_MS, "value": a5["p50_ms"]},
            "mau01_a5_pdf_bytes": {"limit": PDF_LIMIT_BYTES, "value": a5_bytes},
        },
    }
    result["all_targets_pass"] = a5["p50_ms"] < RENDER_LIMIT_MS and a5_bytes < PDF_LIMIT_BYTES
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
