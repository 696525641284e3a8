"""`desk scanner-choice`: the desk's document scanner is chosen, kept and shown; bad choices
are refused and leave the previous one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.cli.test_cli import assert_refused, cli, isolate_env, office_copy


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_env(monkeypatch, tmp_path)


@pytest.fixture
def db(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    return office_copy(tmp_path_factory, tmp_path)


def test_scanner_choice_is_kept_and_shown(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    inbox = tmp_path / "scans"
    inbox.mkdir()
    chosen = cli(capsys, "scanner-choice", "--folder", inbox, "--polling", "--db", db, "--json")
    assert chosen.json()["kind"] == "folder" and chosen.json()["polling"] is True
    assert chosen.json()["folder"] == str(inbox)
    shown = cli(capsys, "scanner-choice", "--db", db)
    assert "folder" in shown.out and str(inbox) in shown.out
    sane = cli(capsys, "scanner-choice", "--device", "test:0", "--adf", "--db", db, "--json")
    assert (sane.json()["kind"], sane.json()["device"], sane.json()["feeder"]) == (
        "sane",
        "test:0",
        True,
    )
    cleared = cli(capsys, "scanner-choice", "--none", "--db", db, "--json")
    assert cleared.json()["kind"] == "none"


def test_scanner_choice_refuses_bad_input(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    both = cli(capsys, "scanner-choice", "--device", "test:0", "--none", "--db", db)
    assert_refused(both)
    assert "--device" in both.err
    missing = cli(capsys, "scanner-choice", "--folder", tmp_path / "khong-co", "--db", db)
    assert_refused(missing)
    assert "khong-co" in missing.err
    assert cli(capsys, "scanner-choice", "--db", db, "--json").json()["kind"] == "none"
