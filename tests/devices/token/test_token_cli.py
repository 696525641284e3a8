"""`desk token …` round trip: the installed command against the real SoftHSM2 token, and the
in-process command for the refusals (wrong PIN, expired certificate, unsigned file)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.devices.token.conftest import login_attempts, result_pdf
from tests.devices.token.softhsm import HOLDER, SoftToken
from tests.integration.cli.test_cli import (
    Run,
    assert_refused,
    cli,
    console_script,
    isolate_env,
    office_copy,
)


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_env(monkeypatch, tmp_path)


@pytest.fixture
def db(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    return office_copy(tmp_path_factory, tmp_path)


def _desk(*args: str | Path, token: SoftToken, pin: str | None = None) -> Run:
    """The installed `desk` in a child process, on SoftHSM directly (not through the spy)."""
    env = {**os.environ, "DESK_LANGUAGE": "vi", "SOFTHSM2_CONF": str(token.conf)}
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, f"{pin or ''}\n".encode())
        os.close(write_end)
        command = [str(console_script()), *map(str, args)]
        if pin is not None:
            command += ["--pin-fd", str(read_end)]
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
            pass_fds=(read_end,),
            check=False,
        )
    finally:
        os.close(read_end)
    return Run(done.returncode, done.stdout, done.stderr)


def test_list_sign_verify_round_trip(soft_token: SoftToken, db: Path, tmp_path: Path) -> None:
    module = str(soft_token.module)
    listed = _desk("token", "list", "--json", "--module", module, token=soft_token).json()
    assert [t["label"] for t in listed] == ["ci-token"]
    labels = {c["label"]: c for c in listed[0]["certificates"]}
    assert HOLDER in labels["signer"]["subject"]
    assert labels["expiring"]["warning"] and "sẽ hết hạn" in labels["expiring"]["warning"]

    source, target = tmp_path / "ket-qua.pdf", tmp_path / "ket-qua-da-ky.pdf"
    source.write_bytes(result_pdf())
    signed = _desk(
        "token", "sign", source, target, "--cert", "signer", "--module", module,
        "--db", db, "--json", token=soft_token, pin=soft_token.pin,
    ).json()  # fmt: skip
    assert signed["level"] == "PAdES-B-B"
    assert target.read_bytes().startswith(b"%PDF")
    assert soft_token.pin not in signed["out"]

    verified = _desk(
        "token", "verify", target, "--trust", soft_token.ca_pem, "--json", token=soft_token
    ).json()
    assert verified["ok"] is True
    (check,) = verified["signatures"]
    assert check["whole_file"] and check["intact"] and check["trusted"]

    untrusted = _desk("token", "verify", target, token=soft_token)
    assert untrusted.code == 10
    assert "KHÔNG dẫn tới chứng thư gốc tin cậy" in untrusted.out

    tampered = tmp_path / "sua.pdf"
    tampered.write_bytes(target.read_bytes() + b"\n% them sau khi ky\n")
    changed = _desk("token", "verify", tampered, "--trust", soft_token.ca_pem, token=soft_token)
    assert changed.code == 10
    assert "KHÔNG bao trùm toàn bộ tệp" in changed.out


def test_wrong_pin_and_expired_refused_in_vietnamese(
    capsys: pytest.CaptureFixture[str],
    soft_token: SoftToken,
    spy_path: Path,
    db: Path,
    tmp_path: Path,
) -> None:
    source, target = tmp_path / "in.pdf", tmp_path / "out.pdf"
    source.write_bytes(result_pdf())
    before = login_attempts(soft_token)
    read_end, write_end = os.pipe()
    os.write(write_end, b"0000\n")
    os.close(write_end)
    wrong = cli(
        capsys, "token", "sign", source, target, "--cert", "signer", "--module", spy_path,
        "--db", db, "--pin-fd", str(read_end),
    )  # fmt: skip
    assert_refused(wrong)
    assert "Mã PIN không đúng" in wrong.err
    assert "0000" not in wrong.err + wrong.out
    assert login_attempts(soft_token) == before + 1
    assert not target.exists()

    expired = cli(
        capsys, "token", "sign", source, target, "--cert", "expired", "--module", spy_path,
        "--db", db, "--pin-fd", "999",
    )  # fmt: skip
    assert_refused(expired)
    assert "đã hết hạn" in expired.err
    assert login_attempts(soft_token) == before + 1
    assert not target.exists()


def test_info_and_unsigned_file(
    capsys: pytest.CaptureFixture[str], soft_token: SoftToken, spy_path: Path, tmp_path: Path
) -> None:
    info = cli(capsys, "token", "info", "--module", spy_path, "--json")
    assert info.json()["status"] == "ready"
    plain = tmp_path / "chua-ky.pdf"
    plain.write_bytes(result_pdf())
    unsigned = cli(capsys, "token", "verify", plain)
    assert_refused(unsigned)
    assert "không có chữ ký số" in unsigned.err
    not_pdf = tmp_path / "rac.pdf"
    not_pdf.write_bytes(b"khong phai pdf")
    assert_refused(cli(capsys, "token", "verify", not_pdf))
    missing = cli(capsys, "token", "info", "--module", tmp_path / "khong-co.so")
    assert missing.code == 0
    assert "Không tìm thấy trình điều khiển token" in missing.out
