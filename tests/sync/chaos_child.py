"""The desk side of the chaos test: sync one desk until everything is acked, or be killed.

    python -m tests.sync.chaos_child DB SERVER_URL

Runs ``sync_once`` in a loop against SERVER_URL (the fault proxy) with a short request
timeout, so that blackholed connections cost seconds, not minutes. Prints ``ready`` once the
desk is open. Exit codes: 0 nothing pending (acked or quarantined) and every blob uploaded;
3 more commands quarantined than the test planted (the test fails); 4 still not done after
DEADLINE_SECONDS (so an orphan cannot run forever).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desk.services.container import DeskServices
from desk.services.sync import SyncLimits

DEADLINE_SECONDS = 600.0
REQUEST_TIMEOUT = 2.0
MAX_QUARANTINED = 3
"""The test numbers one dossier outside the desk's range: its receive, and maybe a hand-over
and a scan, are rightly refused. More than that is a failure."""


def main(db: Path, url: str) -> int:
    services = DeskServices.open(db)
    services.sync.limits = SyncLimits(
        batch_count=50, batch_bytes=64 * 1024, timeout=REQUEST_TIMEOUT
    )
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    deadline = time.monotonic() + DEADLINE_SECONDS
    try:
        while time.monotonic() < deadline:
            report = services.sync.sync_once(url)
            status = services.sync.status()
            if status.commands_quarantined > MAX_QUARANTINED:
                return 3
            done = status.commands_pending == 0 and status.blobs_pending == 0
            if report.online and report.error is None and done:
                return 0
            time.sleep(0.05)
        return 4
    finally:
        services.close()


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2]))
