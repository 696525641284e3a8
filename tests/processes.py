"""Processes the tests start end with the run, even when the run is killed.

Every fixture that starts a process goes through ``spawn`` (its own process group, so ending
it reaches its workers too; on Linux it also dies with the test run, even on SIGKILL, through
PR_SET_PDEATHSIG) and ends it with ``end``; what a process leaves running on its own (a
PostgreSQL cluster started by pg_ctl) is stopped by a cleanup registered with ``on_exit``, and,
should the run be SIGKILLed, by a ``guard`` watchdog that dies with the run. A
run that ends normally, fails, or gets SIGTERM/SIGHUP/SIGINT runs every pending cleanup
(atexit and the signal handlers that tests/conftest.py installs).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import shlex
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

_lock = threading.Lock()
_children: dict[int, subprocess.Popen[Any]] = {}
_cleanups: list[Callable[[], None]] = []
_PR_SET_PDEATHSIG = 1


def _die_with_the_run() -> None:  # pragma: no cover - runs in the child, before exec
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def spawn(args: Sequence[str], **options: Any) -> subprocess.Popen[Any]:
    """``subprocess.Popen(args, **options)`` in a new process group, remembered until ended."""
    if os.name == "posix":
        options.setdefault("start_new_session", True)
        if sys.platform.startswith("linux"):
            options.setdefault("preexec_fn", _die_with_the_run)
    process: subprocess.Popen[Any] = subprocess.Popen(list(args), **options)
    with _lock:
        _children[process.pid] = process
    return process


def end(process: subprocess.Popen[Any], timeout: float = 20.0) -> None:
    """SIGTERM to the process's group, then SIGKILL if it has not ended within ``timeout``."""
    with _lock:
        _children.pop(process.pid, None)
    if process.poll() is None:
        _signal_group(process, signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait(timeout=timeout)
    # its workers may outlive it: the group goes too
    _signal_group(process, signal.SIGKILL)


def guard(cleanup_args: Sequence[str]) -> subprocess.Popen[Any]:
    """A watchdog that runs ``cleanup_args`` when the test run dies, even by SIGKILL (the
    kernel sends it SIGTERM then, PR_SET_PDEATHSIG): for what a process leaves running on its
    own, which atexit and signal handlers cannot reach after a SIGKILL (a PostgreSQL cluster
    started by pg_ctl). ``dismiss`` it once the fixture has cleaned up itself."""
    script = f"trap {shlex.quote(shlex.join(cleanup_args) + '; exit 0')} TERM; "
    script += "while :; do sleep 1; done"
    return spawn(
        ["sh", "-c", script],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def dismiss(watchdog: subprocess.Popen[Any]) -> None:
    """End a ``guard`` without running its cleanup."""
    with _lock:
        _children.pop(watchdog.pid, None)
    _signal_group(watchdog, signal.SIGKILL)
    watchdog.wait()


def _signal_group(process: subprocess.Popen[Any], sig: signal.Signals) -> None:
    if os.name != "posix":
        with contextlib.suppress(OSError):
            process.kill()
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, sig)


def on_exit(cleanup: Callable[[], None]) -> Callable[[], None]:
    """Run ``cleanup`` when the run ends, however it ends; returns a function that runs it now
    (once) and forgets it, for the fixture's own teardown."""
    done = threading.Event()

    def once() -> None:
        if done.is_set():
            return
        done.set()
        with _lock:
            if once in _cleanups:
                _cleanups.remove(once)
        cleanup()

    with _lock:
        _cleanups.append(once)
    return once


def end_all() -> None:
    """End every process still running and run every pending cleanup (latest first)."""
    with _lock:
        children = list(_children.values())
        cleanups = list(reversed(_cleanups))
    for process in children:
        with contextlib.suppress(Exception):
            end(process, timeout=5.0)
    for cleanup in cleanups:
        with contextlib.suppress(Exception):
            cleanup()


def _on_signal(signum: int, _frame: object) -> None:
    end_all()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)  # die of the same signal, as the killer expects


def install_signal_handlers() -> None:
    """SIGTERM and SIGHUP (a killed CI job, a closed terminal) end the children first."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None:
            signal.signal(sig, _on_signal)


atexit.register(end_all)
