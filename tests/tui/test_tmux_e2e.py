"""End to end in a real terminal (COMPONENTS.md §8): `desk run` on a fresh demo office inside a
detached tmux session on a private socket, driven by keystrokes, read back with capture-pane.
A whole intake by keys (the CCCD arrives as one fast chunk, like a USB scanner) ends with the
receipt's PDF in the printer folder; Ctrl+Q then ends the process with exit status 0. Another
intake scans two components through the real SANE `test` backend (F5 on each) and the scans
are attached to the dossier received."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desk.services.container import DeskServices
from tests.tui.conftest import PAYLOAD

DEMO = Path(__file__).resolve().parents[2] / "data" / "reference" / "demo_office.json"
TIMEOUT = 20.0


def desk_command() -> list[str]:
    script = Path(sys.executable).parent / "desk"
    return [str(script)] if script.exists() else [sys.executable, "-m", "desk.cli"]


class Terminal:
    """One tmux server of our own (a private socket in the test's folder) running the desk."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), *args], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise AssertionError(f"tmux {args[0]}: {done.stderr.strip()}")
        return done.stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "desk", *keys)

    def type(self, text: str) -> None:
        """Typed as a person would: the Enter after it comes well after the last key."""
        self.tmux("send-keys", "-t", "desk", "-l", text)
        time.sleep(0.3)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "desk")

    def wait_for(self, text: str) -> str:
        return self.wait_until(lambda shown: text in shown, repr(text))

    def wait_until(self, check: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if check(shown):
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{what} did not appear; the screen shows:\n{shown}")


def field(shown: str, label: str) -> str:
    """The text in the input box on the line of ``label``."""
    line = next((line for line in shown.splitlines() if line.startswith(label)), "")
    return line.split("▊", 1)[-1].rsplit("▎", 1)[0].strip()  # "" while not yet drawn


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """The desk's environment: its own home and config folders, UTF-8, no keymap file."""
    assert shutil.which("tmux"), "tmux is missing: apt-get install tmux (.ci/components/tmux.sh)"
    return {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "xterm-256color",
    }


@pytest.fixture
def terminal(tmp_path: Path, home: dict[str, str]) -> Iterator[tuple[Terminal, Path, Path]]:
    # The demo office prints into its own folder: no printer set-up before the first intake.
    db, out, rc = tmp_path / "desk.db", tmp_path / "ban-in", tmp_path / "exit-status"
    sane = tmp_path / "sane.d"  # the SANE `test` backend only (see tests/devices/scan)
    sane.mkdir()
    (sane / "dll.conf").write_text("test\n", encoding="utf-8")
    desk = desk_command()
    done = subprocess.run([*desk, "demo", "--db", str(db)], env=home, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    assert str(out) in done.stdout.decode()  # the folder printer's path is said
    services = DeskServices.open(db)
    # A loaded CI machine can stall the app for more than the 50 ms default between two keys
    # of one scan; this test is about the terminal, not the scanner's timing.
    services.preferences.update(scan_max_gap_ms=250)
    services.close()
    term = Terminal(tmp_path / "tmux.sock")
    command = " ".join([*desk, "run", "--db", str(db)]) + f"; echo $? > {rc}"
    term.tmux("-f", "/dev/null", "-u", "new-session", "-d", "-s", "desk", "-x", "100", "-y", "30")
    term.tmux("set-environment", "-g", "LANG", "C.UTF-8")
    term.keys(
        f"env HOME={home['HOME']} XDG_CONFIG_HOME={home['XDG_CONFIG_HOME']} "
        f"XDG_DATA_HOME={home['XDG_DATA_HOME']} SANE_CONFIG_DIR={sane} LANG=C.UTF-8 "
        f"{command}; exit",
        "Enter",
    )
    try:
        yield term, out, rc
    finally:
        subprocess.run(["tmux", "-S", str(term.socket), "kill-server"], capture_output=True)


def log_in(term: Terminal) -> None:
    login = json.loads(DEMO.read_text(encoding="utf-8"))["officers"][0]
    term.wait_for("Tên đăng nhập")
    time.sleep(0.5)  # the first screen is drawn a moment before it takes keys
    term.type(login["username"])
    term.wait_for(login["username"])
    term.keys("Enter")
    term.type(login["password"])
    term.keys("Enter")
    term.wait_for("Tiếp nhận hôm nay: 0")


def test_a_login_typed_at_once_puts_the_password_in_its_masked_field(
    terminal: tuple[Terminal, Path, Path],
) -> None:
    """A password manager types name, Enter, password, Enter in one go, faster than the screen
    handles the first Enter: the password must still land in the masked field (it once could
    land in the name field, in clear) and the officer is logged in."""
    term, _out, _rc = terminal
    login = json.loads(DEMO.read_text(encoding="utf-8"))["officers"][0]
    term.wait_for("Tên đăng nhập")
    time.sleep(0.5)  # the first screen is drawn a moment before it takes keys
    burst: list[str] = []
    for part in (["-l", login["username"]], ["Enter"], ["-l", login["password"]], ["Enter"]):
        burst += [*(burst and [";"]), "send-keys", "-t", "desk", *part]
    term.tmux(*burst)
    seen: list[str] = []

    def home_or_refused(shown: str) -> bool:
        seen.append(shown)
        return "Tiếp nhận hôm nay: 0" in shown or "không đúng" in shown

    shown = term.wait_until(home_or_refused, "the home screen")
    assert "Tiếp nhận hôm nay: 0" in shown, shown
    fields = [line for shown in seen for line in shown.splitlines() if "▊" in line]
    assert not [line for line in fields if login["password"] in line]  # the demo's hint aside


def test_login_intake_by_keys_and_quit(terminal: tuple[Terminal, Path, Path]) -> None:
    term, out, rc = terminal
    log_in(term)

    term.keys("F2")
    shown = term.wait_for("Chủ hồ sơ — quét mã QR trên CCCD hoặc nhập tay")
    assert "Họ và tên" in shown and "Số định danh" in shown
    # The scanner: the whole payload and its Enter in one go, as a USB scanner types it.
    term.tmux("send-keys", "-t", "desk", "-l", PAYLOAD, ";", "send-keys", "-t", "desk", "Enter")
    shown = term.wait_until(
        lambda shown: field(shown, "Số định danh") == "001085000001", "the scanned ID number"
    )
    assert field(shown, "Họ và tên") == "CÔNG DÂN THỬ NGHIỆM"  # nothing of the payload left
    assert field(shown, "Ngày sinh") == "01/01/1985"

    term.keys("C-n")
    term.wait_for("Tên hoặc mã thủ tục")
    time.sleep(0.3)
    term.type("xac nhan tinh trang hon nhan")
    term.wait_for("Cấp Giấy xác nhận tình trạng hôn nhân")  # the demo catalogue's name
    term.keys("Enter")  # the highlighted procedure, straight from the search box
    term.wait_for("Bản chính · Chứng thực · Photo")  # step 3 opened
    time.sleep(0.3)
    time.sleep(0.3)
    term.keys("C-s")
    shown = term.wait_for("Đã tiếp nhận hồ sơ")
    assert "Hẹn trả kết quả" in shown
    term.wait_for("Đã in Giấy tiếp nhận")  # "… hồ sơ và hẹn trả kết quả (Mẫu 01)"
    assert len(list(out.glob("*.pdf"))) == 1

    term.keys("Escape")
    term.wait_for("Tiếp nhận hôm nay: 1")
    term.keys("C-q")
    deadline = time.monotonic() + TIMEOUT
    while not rc.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert rc.read_text().strip() == "0"


def test_intake_with_two_components_scanned_through_sane(
    terminal: tuple[Terminal, Path, Path], home: dict[str, str]
) -> None:
    term, out, rc = terminal
    db = out.parent / "desk.db"
    chosen = subprocess.run(
        [*desk_command(), "scanner-choice", "--device", "test:0", "--db", str(db)],
        env=home,
        capture_output=True,
    )
    assert chosen.returncode == 0, chosen.stderr.decode()
    log_in(term)
    term.keys("F2")
    term.wait_for("Chủ hồ sơ — quét mã QR trên CCCD hoặc nhập tay")
    term.tmux("send-keys", "-t", "desk", "-l", PAYLOAD, ";", "send-keys", "-t", "desk", "Enter")
    term.wait_until(lambda shown: field(shown, "Số định danh") == "001085000001", "the ID")
    term.keys("C-n")
    term.wait_for("Tên hoặc mã thủ tục")
    time.sleep(0.3)
    term.type("xac nhan tinh trang hon nhan")
    term.wait_for("Cấp Giấy xác nhận tình trạng hôn nhân")
    term.keys("Enter")
    term.wait_for("F5: quét giấy tờ của thành phần đang chọn")
    time.sleep(0.3)
    term.keys("F5")  # the first component has the cursor
    term.wait_for("1 trang · bản pháp lý")
    term.keys("F5")  # a second page
    term.wait_for("2 trang · bản pháp lý")
    term.keys("C-s")
    term.wait_for("Bản quét:")
    term.keys("Tab", "Tab", "Tab", "Tab")  # past the first row's counts to the second paper
    time.sleep(0.3)
    term.keys("F5")
    shown = term.wait_for("1 trang · bản pháp lý")
    assert "Quét thành phần: Giấy tờ chứng minh" in shown
    term.keys("C-s")
    shown = term.wait_for(": 1 trang · bản pháp lý")
    assert "│ Máy quét" in shown  # the status line (its end is cut at 100 columns)
    term.keys("C-s")
    term.wait_for("Đã tiếp nhận hồ sơ")
    term.wait_for("Đã in Giấy tiếp nhận")  # "… hồ sơ và hẹn trả kết quả (Mẫu 01)"
    term.keys("Escape")
    term.wait_for("Tiếp nhận hôm nay: 1")
    term.keys("C-q")
    deadline = time.monotonic() + TIMEOUT
    while not rc.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert rc.read_text().strip() == "0"

    services = DeskServices.open(db)
    try:
        (summary,) = services.lookup.by_id_number("001085000001")
        scans = services.scanning.scans_for(summary.code)
    finally:
        services.close()
    assert [(scan.component, scan.pages, scan.dpi) for scan in scans] == [(1, 2, 200), (2, 1, 200)]
