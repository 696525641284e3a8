"""Benchmark of scanning into PDFs; prints one JSON object.

    .venv/bin/python -m tests.bench.bench_scan [--iterations N]

- ``scan_to_compact_ms_per_page``: a 200 dpi colour A4 text page (tests/devices/scan/pages.py:
  paper tint, sensor noise, blur) → the compact PDF copy (colour check, 150 dpi, median,
  JPEG quality search), per page.
- ``legal_ms_per_page``: the same page → the legal copy (colour JPEG q90, 200 dpi).
- ``compact_bytes_per_text_page`` (target ≤ 120 KB = 122,880 bytes) and the same with a red
  seal (the page then stays in colour); ``legal_bytes_per_text_page``.
Like tests/bench/run.py it reports and always exits 0.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from collections.abc import Callable

from desk.devices.scanning.base import ScannedPage
from desk.devices.scanning.pdf import compact_pdf, legal_pdf
from tests.devices.scan.pages import text_page

COMPACT_TARGET_BYTES = 120 * 1024


def measure(work: Callable[[], object], iterations: int) -> dict[str, float]:
    work()
    samples = []
    for _ in range(iterations):
        start = time.perf_counter_ns()
        work()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    samples.sort()
    return {
        "n": iterations,
        "p50_ms": round(statistics.median(samples), 2),
        "max_ms": round(samples[-1], 2),
        "min_ms": round(samples[0], 2),
    }


def run(iterations: int) -> dict[str, object]:
    page: ScannedPage = text_page(200)
    sealed = text_page(200, seal=True)
    compact_text = len(compact_pdf([page])[0])
    compact_sealed = len(compact_pdf([sealed])[0])
    return {
        "machine": {"python": platform.python_version(), "processor": platform.machine()},
        "results": {
            "scan_to_compact_ms_per_page": measure(lambda: compact_pdf([page]), iterations),
            "scan_to_compact_ms_per_colour_page": measure(
                lambda: compact_pdf([sealed]), iterations
            ),
            "legal_ms_per_page": measure(lambda: legal_pdf([page]), iterations),
            "compact_bytes_per_text_page": compact_text,
            "compact_bytes_per_sealed_page": compact_sealed,
            "legal_bytes_per_text_page": len(legal_pdf([page])),
        },
        "targets": {
            "compact_bytes_per_text_page": COMPACT_TARGET_BYTES,
            "compact_text_page_within_target": compact_text <= COMPACT_TARGET_BYTES,
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iterations", type=int, default=10)
    args = parser.parse_args()
    print(json.dumps(run(args.iterations), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
