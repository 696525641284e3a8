"""`desk print`, `desk printers` and `desk print-test` from the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.integration.cli.test_cli import (
    APPLICANT,
    assert_refused,
    cli,
    write_json,
)

UNKNOWN_CODE = "000.00.01.H99-261124-4999"


@pytest.fixture
def code(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> str:
    applicant = write_json(tmp_path / "applicant.json", APPLICANT)
    args = ("intake", "--procedure", "T-3WD", "--applicant", applicant, "--all-components")
    result: str = cli(capsys, *args, "--db", db, "--json").json()["code"]
    return result


def text_of(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join((page.extract_text() or "") for page in reader.pages).split())


def test_print_to_a_pdf_file(
    capsys: pytest.CaptureFixture[str], db: Path, code: str, tmp_path: Path
) -> None:
    out = tmp_path / "mau01.pdf"
    result = cli(capsys, "print", code, "--form", "mau01", "--out", out, "--db", db, "--json")
    job = result.json()
    assert job["state"] == "printed"
    assert job["code"] == code
    assert job["reprint_of"] is None
    assert job["document_sha256"]
    assert code in text_of(out)
    assert APPLICANT["full_name"] in text_of(out)

    again = cli(capsys, "print", code, "--out", out, "--db", db)
    assert again.code == 0, again.err
    assert code in again.out and str(out) in again.out
    assert "BẢN IN LẠI" in text_of(out)


def test_bad_form_name(
    capsys: pytest.CaptureFixture[str], db: Path, code: str, tmp_path: Path
) -> None:
    run = cli(capsys, "print", code, "--form", "mau99", "--out", tmp_path / "x.pdf", "--db", db)
    assert_refused(run)
    assert "mau01" in run.err


def test_unknown_code(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    run = cli(capsys, "print", UNKNOWN_CODE, "--out", tmp_path / "x.pdf", "--db", db)
    assert_refused(run)
    assert UNKNOWN_CODE in run.err
    assert not (tmp_path / "x.pdf").exists()


def test_printer_and_out_together(
    capsys: pytest.CaptureFixture[str], db: Path, code: str, tmp_path: Path
) -> None:
    run = cli(capsys, "print", code, "--printer", "cups:X", "--out", tmp_path / "x.pdf", "--db", db)
    assert_refused(run)


@pytest.mark.parametrize("where", ["missing-folder/x.pdf", "."])
def test_unwritable_out(
    capsys: pytest.CaptureFixture[str], db: Path, code: str, tmp_path: Path, where: str
) -> None:
    run = cli(capsys, "print", code, "--out", tmp_path / where, "--db", db)
    assert_refused(run)


def test_unknown_printer_is_a_printer_error(
    capsys: pytest.CaptureFixture[str], db: Path, code: str
) -> None:
    run = cli(capsys, "print", code, "--printer", "cups:NO_SUCH_QUEUE_MOTCUA", "--db", db)
    assert_refused(run)
    assert run.code == 9  # PrinterError


def test_no_printer_chosen(capsys: pytest.CaptureFixture[str], db: Path, code: str) -> None:
    assert_refused(cli(capsys, "print", code, "--db", db))


def test_printers_lists_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    result = cli(capsys, "printers", "--json").json()
    assert isinstance(result, list)
    assert all({"spec", "label", "kind", "ready", "default"} <= set(p) for p in result)


def test_print_test_without_a_printer(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert_refused(cli(capsys, "print-test", "--db", db))
