"""A pcscd of the test's own: foreground, with a private reader configuration whose vpcd
reader listens on a free port (so nothing else on the machine is touched or needed).

pcsc-lite 1.9 has one fixed socket (/run/pcscd/pcscd.comm) for daemon and clients alike, so
only one pcscd runs at a time: if another one is already running, the fixture says so and
fails rather than testing against a daemon whose readers it does not know. Needs root to
create /run/pcscd (CI runs as root).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from desk.devices.token_pcsc import PcscScanner, PcscStatus
from tests.processes import end, spawn

SOCKET = Path("/run/pcscd/pcscd.comm")
PID_FILE = Path("/run/pcscd/pcscd.pid")
VPCD_DRIVER_DIRS = (Path("/usr/lib/pcsc/drivers/serial"), Path("/usr/lib64/pcsc/drivers/serial"))


def vpcd_driver() -> Path | None:
    return next(
        (d / "libifdvpcd.so" for d in VPCD_DRIVER_DIRS if (d / "libifdvpcd.so").is_file()), None
    )


def foreign_pcscd() -> int | None:
    """The pid of a pcscd that is already running, if any."""
    if not SOCKET.exists():
        return None
    try:
        pid = int(PID_FILE.read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def free_port_pair() -> int:
    """A port P with P+1 also free: vpcd opens one reader per port (P and P+1)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        if port < 65000:
            with socket.socket() as second:
                try:
                    second.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
            return port
    raise RuntimeError("no free pair of TCP ports")


class Pcscd:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port_pair()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        driver = vpcd_driver()
        assert driver is not None
        config = self.folder / "reader.conf.d"
        config.mkdir(parents=True, exist_ok=True)
        (config / "vpcd").write_text(
            'FRIENDLYNAME "Virtual PCD"\n'
            f"DEVICENAME   /dev/null:0x{self.port:X}\n"
            f"LIBPATH      {driver}\n"
            f"CHANNELID    0x{self.port:X}\n",
            encoding="utf-8",
        )
        pcscd = shutil.which("pcscd") or "/usr/sbin/pcscd"
        log = (self.folder / "pcscd.log").open("ab")
        self.process = spawn(
            [pcscd, "--foreground", "--info", "--config", str(config)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        scanner = PcscScanner()
        deadline = time.monotonic() + 15
        try:
            while scanner.scan().status is not PcscStatus.READY:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "pcscd did not start: " + (self.folder / "pcscd.log").read_text()[-800:]
                    )
                time.sleep(0.05)
        finally:
            scanner.close()

    def stop(self) -> None:
        if self.process is None:
            return
        end(self.process, timeout=10)
        self.process = None
