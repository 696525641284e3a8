"""`desk scan`, `desk scanners` and `desk attach` from the command line (real SANE backends)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.devices.scan.pages import text_page
from tests.integration.cli.test_cli import (
    APPLICANT,
    assert_refused,
    cli,
    isolate_env,
    office_copy,
    write_json,
)


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_env(monkeypatch, tmp_path)


def test_scan_from_the_test_scanner_feeder(
    capsys: pytest.CaptureFixture[str], sane_dir: Path, tmp_path: Path
) -> None:
    out, compact = tmp_path / "legal.pdf", tmp_path / "compact.pdf"
    args = ("scan", "--device", "test:0", "--adf", "--out", out, "--compact-out", compact)
    result = cli(capsys, *args, "--json").json()
    assert result["pages"] >= 2 and result["dpi"] == 200
    assert len(PdfReader(out).pages) == result["pages"]
    assert compact.stat().st_size == result["compact_size"] < out.stat().st_size


def test_scanners_lists_the_sane_devices(
    capsys: pytest.CaptureFixture[str], sane_dir: Path
) -> None:
    listed = cli(capsys, "scanners", "--json").json()
    states = {entry["name"]: entry["state"] for entry in listed}
    assert states["test:0"] == "ready"
    plain = cli(capsys, "scanners")
    assert "test:0" in plain.out and "sẵn sàng" in plain.out


@pytest.mark.parametrize(
    "args",
    [
        ("--device", "test:0", "--folder", "."),
        ("--device", "nosuch:0"),
        ("--folder", "does-not-exist"),
        ("--file", "does-not-exist.pdf"),
        ("--device", "test:0", "--resolution", "150"),
    ],
)
def test_scan_refuses_bad_input(
    capsys: pytest.CaptureFixture[str], sane_dir: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    out = tmp_path / "out.pdf"
    run = cli(capsys, "scan", *args, "--out", out)
    assert_refused(run)
    assert not out.exists()


def test_scan_into_a_folder_that_does_not_exist(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "page.png"
    text_page(200).image.save(page, dpi=(200, 200))
    assert_refused(cli(capsys, "scan", "--file", page, "--out", tmp_path / "no" / "x.pdf"))
    assert_refused(cli(capsys, "scan", "--file", page, "--out", tmp_path))


def test_attach_a_scan_to_a_dossier(
    capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    db = office_copy(tmp_path_factory, tmp_path)
    applicant = write_json(tmp_path / "applicant.json", APPLICANT)
    intake = ("intake", "--procedure", "T-3WD", "--applicant", applicant, "--all-components")
    code = cli(capsys, *intake, "--db", db, "--json").json()["code"]
    page = tmp_path / "page.png"
    text_page(200).image.save(page, dpi=(200, 200))

    attached = cli(capsys, "attach", code, page, "--component", "1", "--db", db, "--json").json()
    assert attached["code"] == code and attached["component"] == 1
    assert attached["compact_size"] < attached["legal_size"]
    lookup = cli(capsys, "lookup", code, "--db", db, "--json").json()
    assert lookup["events"][-1]["kind"] == "scan_attached"

    assert_refused(cli(capsys, "attach", code, page, "--component", "99", "--db", db))
    missing = "000.00.01.H99-261125-4999"
    assert_refused(cli(capsys, "attach", missing, page, "--component", "1", "--db", db))
    assert_refused(cli(capsys, "attach", code, applicant, "--component", "1", "--db", db))
