"""Benchmarks of the desk TUI; prints one JSON object (see tests/bench/README.md).

    .venv/bin/python -m tests.bench.bench_tui [--intakes 500] [--keys 100] [--quick]

- ``process_to_login_ms``: ``desk run`` as a whole process in a pseudo-terminal (interpreter
  start, imports, database open, first frame) until the login screen is on the terminal
  (target < 1000 ms).
- ``app_to_home_ms``: in-process, from ``make_app`` to the home screen mounted and drawn with
  an officer logged in (Textual's headless driver).
- ``intake_keystroke_ms``: ``desk run`` in a pseudo-terminal, logged in, on the intake screen:
  one key written to the terminal until the frame showing it comes back (keystroke to screen).
- ``rss_after_intakes_mb``: the resident memory of one app after N whole intakes driven
  through the pilot (fill, procedure, Ctrl+S, receipt printed to a folder, back home)
  (target < 150 MB at 500).
Like tests/bench/run.py it reports and always exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import pty
import random
import re
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from textual.widgets import Input

from desk.services.container import DeskServices
from printing.printers import PrinterChoice
from screens.app import make_app
from screens.home import HomeScreen
from screens.intake import IntakeScreen
from screens.receipt import ReceiptScreen
from tests.conftest import citizen

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "tests" / "fixtures" / "catalog_small.json"
DEMO_LOGIN = ("tiepnhan", "motcua-demo-1")
LOGIN_TARGET_MS = 1000.0
RSS_TARGET_MB = 150.0
TAIL = 6
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")


def stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered), 2),
        "p99_ms": round(p99, 2),
        "min_ms": round(ordered[0], 2),
        "max_ms": round(ordered[-1], 2),
    }


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


class Desk:
    """``desk run`` in a pseudo-terminal of 100×30; reads the frames it writes."""

    def __init__(self, db: Path, home: Path) -> None:
        script = Path(sys.executable).parent / "desk"
        command = [str(script)] if script.exists() else [sys.executable, "-m", "desk.cli"]
        self.master, slave = pty.openpty()
        os.set_blocking(self.master, False)
        env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config")}
        env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color", COLUMNS="100")
        env["LINES"] = "30"
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [*command, "run", "--db", str(db)], stdin=slave, stdout=slave, stderr=slave, env=env
        )
        os.close(slave)
        self.buffer = ""

    def read_until(self, text: str, timeout: float = 20.0) -> float:
        """Seconds until ``text`` appears in what the desk wrote since the last call."""
        deadline = time.perf_counter() + timeout
        start = time.perf_counter()
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536).decode("utf-8", "replace")
                except OSError:
                    break
                self.buffer += ANSI.sub("", chunk)
                if text in self.buffer:
                    self.buffer = ""
                    return time.perf_counter() - start
        raise RuntimeError(f"{text!r} did not appear within {timeout} s")

    def drain(self) -> None:
        """Forget what the desk wrote so far (frames of earlier keys, cursor blinks)."""
        while select.select([self.master], [], [], 0)[0]:
            try:
                os.read(self.master, 65536)
            except OSError:
                break
        self.buffer = ""

    def write(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> None:
        self.write("\x11")  # Ctrl+Q
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def unique_tails(count: int) -> str:
    """Letters whose every last-TAIL-characters window is new, so the frame that shows a key
    is told apart from an earlier frame of the same field."""
    chooser = random.Random(7)
    text = ""
    seen: set[str] = set()
    while len(text) < count:
        char = chooser.choice("ABCDEFGHIKLMNOPQRSTUVXY")
        tail = (text + char)[-TAIL:]
        if tail not in seen:
            seen.add(tail)
            text += char
    return text


def demo_office(folder: Path) -> Path:
    db = folder / "desk.db"
    command = [sys.executable, "-m", "desk.cli", "demo", "--db", str(db)]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return db


def process_measures(folder: Path, starts: int, keys: int) -> dict[str, object]:
    db = demo_office(folder)
    login = []
    for _ in range(starts):
        desk = Desk(db, folder)
        try:
            desk.read_until("Tên đăng nhập")
            login.append((time.perf_counter() - desk.started) * 1000)
        finally:
            desk.close()
    desk = Desk(db, folder)
    latencies = []
    try:
        desk.read_until("Tên đăng nhập")
        time.sleep(0.3)
        for text in DEMO_LOGIN:
            desk.write(text)
            time.sleep(0.3)  # typed, not a scanner burst
            desk.write("\r")
            time.sleep(0.3)
        desk.read_until("Tiếp nhận hôm nay")
        desk.write("\x1bOQ")  # F2
        desk.read_until("Chủ hồ sơ")
        time.sleep(0.3)
        typed = ""
        for char in unique_tails(keys + TAIL):
            typed += char
            desk.drain()
            sent = time.perf_counter()
            desk.write(char)
            desk.read_until(typed[-TAIL:])  # no earlier frame holds this tail
            if len(typed) > TAIL:  # the first keys are a warm-up with too short a tail
                latencies.append((time.perf_counter() - sent) * 1000)
            time.sleep(0.06)  # slower than a scanner: these are a person's keys
    finally:
        desk.close()
    return {"process_to_login_ms": stats(login), "intake_keystroke_ms": stats(latencies)}


def office(folder: Path) -> DeskServices:
    services = DeskServices.open(folder / "pilot.db")
    services.office.init_office(
        agency_code="000.00.01.H99",
        agency_name="Ủy ban nhân dân xã Thử Nghiệm",
        desk_range="0001-4999",
        tracking_base_url="https://tracuu.motcua.invalid",
    )
    services.catalog.import_file(CATALOG)
    printed = folder / "printed"
    printed.mkdir()
    services.printing.set_printer_choice(PrinterChoice(default=f"folder:{printed}"))
    return services


def pilot_measures(folder: Path, intakes: int, starts: int) -> dict[str, object]:
    services = office(folder)
    officer, _ = services.auth.create_officer(
        username="tiepnhan",
        full_name="CÁN BỘ THỬ NGHIỆM",
        role="reception",
        password="mat-khau-thu-1",
        must_change_password=False,
    )
    to_home: list[float] = []
    rss: dict[str, float] = {}

    async def start_once() -> None:
        started = time.perf_counter()
        app = make_app(services, officer=officer)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            to_home.append((time.perf_counter() - started) * 1000)

    async def intake_many() -> None:
        app = make_app(services, officer=officer)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            rss["at_home"] = rss_mb()
            for number in range(1, intakes + 1):
                await pilot.press("f2")
                screen = app.screen
                assert isinstance(screen, IntakeScreen)
                person = citizen(number)
                screen.query_one("#owner-full-name", Input).value = person.full_name
                screen.query_one("#owner-id-number", Input).value = person.id_number or ""
                screen.query_one("#owner-date-of-birth", Input).value = "01/01/1985"
                await screen.choose_procedure("T-3WD")
                await pilot.press("ctrl+s")
                for _ in range(3):
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                assert isinstance(app.screen, ReceiptScreen), app.screen
                await pilot.press("escape")
                if number == min(100, intakes):
                    rss["after_100"] = rss_mb()
            rss["after_all"] = rss_mb()

    for _ in range(starts):
        asyncio.run(start_once())
    asyncio.run(intake_many())
    received = services.lookup.counts().received_today
    services.close()
    return {
        "app_to_home_ms": stats(to_home),
        "rss_after_intakes_mb": {"intakes": intakes, "received": received, **rss},
    }


def run(intakes: int, keys: int, starts: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="motcua-bench-tui-") as tmp:
        folder = Path(tmp)
        (folder / "pty").mkdir()
        (folder / "pilot").mkdir()
        process = process_measures(folder / "pty", starts, keys)
        pilot = pilot_measures(folder / "pilot", intakes, starts)
    login = process["process_to_login_ms"]
    memory = pilot["rss_after_intakes_mb"]
    assert isinstance(login, dict) and isinstance(memory, dict)
    return {
        "machine": {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "results": {**process, **pilot},
        "targets": {
            "process_to_login_p50_ms": LOGIN_TARGET_MS,
            "login_within_target": login["p50_ms"] < LOGIN_TARGET_MS,
            "rss_after_500_intakes_mb": RSS_TARGET_MB,
            "rss_within_target": memory["after_all"] < RSS_TARGET_MB,
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--intakes", type=int, default=500)
    parser.add_argument("--keys", type=int, default=100)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="a few of each: for the smoke test")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.quick:
        args.intakes, args.keys, args.starts = 3, 5, 1
    result = run(args.intakes, args.keys, args.starts)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
