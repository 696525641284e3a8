"""End to end in a real terminal: a lãnh đạo signs a result with the token and the result is
returned, by keystrokes only (`desk run` in tmux, on a copy of the SoftHSM2 token through the
real PKCS#11 path). The signed file and the return receipt end in the printer folder."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.services.container import DeskServices
from tests.devices.token.conftest import result_pdf
from tests.devices.token.softhsm import SOFTHSM_MODULE, SoftToken
from tests.devices.token.token_copy import copy_token
from tests.helpers import receive
from tests.tui.test_tmux_e2e import TIMEOUT, Terminal, desk_command, home  # noqa: F401

PASSWORD = "mat-khau-lanh-dao-1"


@pytest.fixture
def signing_desk(
    tmp_path: Path,
    home: dict[str, str],  # noqa: F811
    soft_token: SoftToken,
) -> Iterator[tuple[Terminal, Path, Path, str]]:
    db, out, rc = tmp_path / "desk.db", tmp_path / "printed", tmp_path / "exit-status"
    out.mkdir()
    desk = desk_command()
    for args in (["demo"], ["printer-choice", "--printer", f"folder:{out}"]):
        done = subprocess.run([*desk, *args, "--db", str(db)], env=home, capture_output=True)
        assert done.returncode == 0, done.stderr.decode()
    conf = copy_token(soft_token, tmp_path / "token")
    services = DeskServices.open(db)
    services.preferences.update(scan_max_gap_ms=250)
    services.auth.create_officer(
        username="lanhdao",
        full_name="LÃNH ĐẠO THỬ NGHIỆM",
        role="leader",
        password=PASSWORD,
        must_change_password=False,
    )
    services.signing.update_settings(module_path=str(SOFTHSM_MODULE))
    procedure = services.catalog.search("xac nhan tinh trang hon nhan")[0].code
    code = receive(services, procedure).code
    services.intake.hand_over(code, unit="Công chức Tư pháp - Hộ tịch")
    services.intake.result_ready(code)
    services.close()
    (tmp_path / "kq.pdf").write_bytes(result_pdf())
    term = Terminal(tmp_path / "tmux.sock")
    command = " ".join([*desk, "run", "--db", str(db)]) + f"; echo $? > {rc}"
    term.tmux("-f", "/dev/null", "-u", "new-session", "-d", "-s", "desk", "-x", "110", "-y", "40")
    term.tmux("set-environment", "-g", "LANG", "C.UTF-8")
    term.keys(
        f"cd {tmp_path} && env HOME={home['HOME']} XDG_CONFIG_HOME={home['XDG_CONFIG_HOME']} "
        f"XDG_DATA_HOME={home['XDG_DATA_HOME']} SOFTHSM2_CONF={conf} LANG=C.UTF-8 "
        f"{command}; exit",
        "Enter",
    )
    try:
        yield term, out, rc, code
    finally:
        subprocess.run(["tmux", "-S", str(term.socket), "kill-server"], capture_output=True)


def test_sign_and_return_by_keys(
    signing_desk: tuple[Terminal, Path, Path, str], soft_token: SoftToken
) -> None:
    term, out, rc, code = signing_desk
    term.wait_for("Tên đăng nhập")
    time.sleep(0.5)
    term.type("lanhdao")
    term.keys("Enter")
    term.type(PASSWORD)
    term.keys("Enter")
    term.wait_for(f"Token: {soft_token.label} sẵn sàng")  # the status line, live

    term.keys("F3")
    term.wait_for("Quét giấy hẹn, gõ mã hồ sơ")
    term.type(code)
    term.keys("Enter")
    term.wait_for("Ký số kết quả")
    term.keys("Tab", "Tab", "Enter")  # past "Trả kết quả" to "Ký số kết quả"
    term.wait_for("Đường dẫn tệp kết quả")
    term.type("kq.pdf")
    term.keys("Enter")
    shown = term.wait_for("Chủ chứng thư: CÔNG DÂN THỬ NGHIỆM")
    assert "Token: ci-token" in shown
    term.wait_for("Nhập mã PIN token rồi nhấn Enter")  # the PIN field is open and focused
    term.type(soft_token.pin)
    shown = term.screen()
    assert soft_token.pin not in shown  # masked
    term.keys("Enter")
    term.wait_for("Đã ký số kết quả hồ sơ")

    term.keys("Escape")
    term.keys("F4")
    term.wait_for("Quét giấy hẹn hoặc gõ mã hồ sơ")
    term.type(code)
    term.keys("Enter")
    term.wait_for("Kết quả đã ký số")
    term.keys("C-s")
    term.wait_for("Đã trả kết quả hồ sơ")
    deadline = time.monotonic() + TIMEOUT
    while len(list(out.glob("*.pdf"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    printed = sorted(p.name for p in out.glob("*.pdf"))
    assert len(printed) == 2, printed
    term.keys("C-q")
    deadline = time.monotonic() + TIMEOUT
    while not rc.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert rc.read_text().strip() == "0"
