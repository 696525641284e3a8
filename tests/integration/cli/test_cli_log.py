"""The CLI's log file: key events with codes and command ids, unexpected errors with their
traceback and the log's path in the message, never the applicant's data (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import logsetup
from desk.services.maintenance import MaintenanceService
from tests.integration.cli.test_cli import APPLICANT, assert_refused, cli, write_json


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DESK_LOG_DIR", str(tmp_path / "logs"))
    return tmp_path / "logs" / "desk.log"


def _read(path: Path) -> str:
    assert logsetup._handler is not None
    logsetup._handler.flush()
    return path.read_text(encoding="utf-8")


def test_an_unexpected_error_names_the_log_which_holds_the_traceback(
    capsys: pytest.CaptureFixture[str],
    db: Path,
    log_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(_self: MaintenanceService) -> None:
        raise RuntimeError("lỗi lập trình với 001085000001")

    monkeypatch.setattr(MaintenanceService, "verify", broken)
    run = cli(capsys, "verify", "--db", db)
    assert_refused(run, anticipated=False)
    assert "Lỗi không mong muốn (RuntimeError)" in run.err
    assert str(log_file) in run.err
    text = _read(log_file)
    assert "desk verify: unexpected error" in text
    assert "Traceback" in text and "RuntimeError: lỗi lập trình với [số-định-danh]" in text
    assert "001085000001" not in text


def test_intake_logs_the_code_and_the_command_never_the_applicant(
    capsys: pytest.CaptureFixture[str], db: Path, log_file: Path, tmp_path: Path
) -> None:
    applicant = write_json(tmp_path / "applicant.json", APPLICANT)
    run = cli(capsys, "intake", "--procedure", "T-3WD", "--applicant", applicant,
              "--all-components", "--db", db, "--json")  # fmt: skip
    code = run.json()["code"]
    text = _read(log_file)
    assert f"dossier {code}: receive" in text
    assert "queued: dossier.receive seq 1" in text
    for datum in ("CÔNG DÂN", "001085000001", "0912000000", "Thôn Thử Nghiệm", "1985-01-01"):
        assert datum not in text


def test_a_refused_action_leaves_no_line_saying_it_happened(
    capsys: pytest.CaptureFixture[str], db: Path, log_file: Path, tmp_path: Path
) -> None:
    applicant = write_json(tmp_path / "applicant.json", APPLICANT)
    code = cli(capsys, "intake", "--procedure", "T-3WD", "--applicant", applicant,
               "--all-components", "--db", db, "--json").json()["code"]  # fmt: skip
    assert_refused(cli(capsys, "return", code, "--db", db))  # not ready: rolled back
    text = _read(log_file)
    assert f"dossier {code}: return" not in text
    assert "desk return refused: IllegalTransition" in text
