"""The desk side of the chaos test: sync one desk until everything is acked, or be killed.

    python -m tests.sync.chaos_child DB SERVER_URL [ENROL_CODE]

Runs ``sync_once`` in a loop against SERVER_URL (the fault proxy) with a short request
timeout, so that blackholed connections cost seconds, not minutes. Prints ``ready`` once the
desk is open. With ENROL_CODE, a desk not yet enrolled first enrols through the same faulty
link, asking again (same code, same stored secret) until it hears the answer.

Exit codes: 0 nothing pending (acked or quarantined) and every blob uploaded; 3 more commands
quarantined than the test planted (the test fails); 4 still not done after DEADLINE_SECONDS
(so an orphan cannot run forever); 5 the server refused the enrolment.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desk.errors import ConfigError
from desk.services.container import DeskServices
from desk.services.sync import SyncLimits
from sync.errors import SyncRefused

DEADLINE_SECONDS = 600.0
REQUEST_TIMEOUT = 2.0
MAX_QUARANTINED = 3
"""The test numbers one dossier outside the desk's range: its receive, and maybe a hand-over
and a scan, are rightly refused. More than that is a failure."""


def enrol(services: DeskServices, url: str, code: str, deadline: float) -> bool:
    """True once enrolled; False if the server refused (a retry must never be refused)."""
    while not services.sync.status().enrolled and time.monotonic() < deadline:
        try:
            services.sync.enrol(url, code)
        except ConfigError:  # the link failed (the answer may be lost): ask again
            time.sleep(0.05)
        except SyncRefused as refused:
            sys.stdout.write(f"enrolment refused: {refused.code}\n")
            return False
    return True


def main(db: Path, url: str, code: str | None = None) -> int:
    services = DeskServices.open(db)
    services.sync.limits = SyncLimits(
        batch_count=50, batch_bytes=64 * 1024, timeout=REQUEST_TIMEOUT
    )
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    deadline = time.monotonic() + DEADLINE_SECONDS
    try:
        if code is not None and not enrol(services, url, code, deadline):
            return 5
        while time.monotonic() < deadline:
            report = services.sync.sync_once(url)
            status = services.sync.status()
            if status.commands_quarantined > MAX_QUARANTINED:
                for held in services.sync.quarantined():  # what the test will show
                    sys.stdout.write(
                        f"quarantined {held['type']} {held['dossier_code']}: "
                        f"{held['outcome']} {held['reason_code']} {held['reason']}\n"
                    )
                return 3
            done = status.commands_pending == 0 and status.blobs_pending == 0
            if report.online and report.error is None and done:
                return 0
            time.sleep(0.05)
        return 4
    finally:
        services.close()


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2], *sys.argv[3:4]))
