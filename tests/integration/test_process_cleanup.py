"""A test run that is killed leaves no child process behind (issue 15): the probe run starts a
process through a fixture, is killed, and the process is gone; the registered cleanup ran."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = ROOT / "tests" / "fixtures" / "killed_run_probe.py"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and process groups")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.is_file() and ") Z" in stat.read_text())  # a zombie has ended


def _wait_for(condition: object, what: str, limit: float = 60.0) -> None:
    """Poll ``condition`` (a callable) until true; the limit only stops a hung run."""
    assert callable(condition)
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_killed_run_leaves_no_child_behind(tmp_path: Path, sig: signal.Signals) -> None:
    if sig is signal.SIGKILL and not sys.platform.startswith("linux"):
        pytest.skip("dying with the parent (PR_SET_PDEATHSIG) is Linux only")
    run = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(PROBE)],
        cwd=ROOT,
        env={**os.environ, "MOTCUA_PROBE_DIR": str(tmp_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    pid_file = tmp_path / "child.pid"
    try:
        _wait_for(pid_file.is_file, "the probe run never started its child")
        child = int(pid_file.read_text(encoding="utf-8"))
        assert _alive(child)
        run.send_signal(sig)
        run.wait(timeout=60)
        _wait_for(lambda: not _alive(child), f"child {child} outlived the killed run")
        if sig is signal.SIGTERM:
            assert run.returncode == -signal.SIGTERM
            assert (tmp_path / "cleanup-ran").read_text(encoding="utf-8") == "yes"
        # even after a SIGKILL, the guard stops what runs on its own (a PostgreSQL cluster)
        guard_ran = tmp_path / "guard-ran"
        _wait_for(guard_ran.is_file, "the guard's cleanup never ran")
        assert guard_ran.read_text(encoding="utf-8").strip() == "yes"
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
