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


def period_of(code: str) -> str:
    """The month (YYYY-MM) a dossier was received in, read from its code's YYMMDD part."""
    yymmdd = code.split("-")[1]
    return f"20{yymmdd[:2]}-{yymmdd[2:4]}"


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


def test_print_the_register_book_of_a_period(
    capsys: pytest.CaptureFixture[str], db: Path, code: str, tmp_path: Path
) -> None:
    out = tmp_path / "so.pdf"
    period = period_of(code)  # the CLI runs on the real clock: the month the dossier came in
    run = cli(capsys, "print", "--form", "mau07", "--period", period, "--out", out, "--db", db)
    assert run.code == 0, run.err
    assert period in run.out and str(out) in run.out
    assert code in text_of(out)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--form", "mau07"], "--period"),  # a period form without its period
        (["--form", "bao-cao", "--period", "2026-13"], "Tháng 13"),
        (["--form", "mau01", "--period", "2026-11"], "Thiếu mã hồ sơ"),
    ],
)
def test_period_printing_refuses_bad_input(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path, args: list[str], says: str
) -> None:
    out = tmp_path / "x.pdf"
    run = cli(capsys, "print", *args, "--out", out, "--db", db)
    assert_refused(run)
    assert says in run.err
    assert not out.exists()


def test_a_dossier_code_with_a_period_form_is_refused(
    capsys: pytest.CaptureFixture[str], db: Path, code: str, tmp_path: Path
) -> None:
    run = cli(capsys, "print", code, "--form", "mau07", "--period", "2026-11", "--db", db)
    assert_refused(run)
    assert "bỏ mã hồ sơ" in run.err


def test_a_form_whose_step_has_not_happened(
    capsys: pytest.CaptureFixture[str], db: Path, code: str, tmp_path: Path
) -> None:
    run = cli(capsys, "print", code, "--form", "mau03", "--out", tmp_path / "x.pdf", "--db", db)
    assert_refused(run)
    assert "từ chối tiếp nhận" in run.err and code in run.err


def test_choose_a_printer_per_form(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert cli(capsys, "printer-choice", "--printer", "cups:A5", "--db", db).code == 0
    run = cli(capsys, "printer-choice", "--form", "mau01", "--printer", "escpos:usb:04b8:0202")
    assert run.code != 0  # no --db: the default database does not exist
    run = cli(
        capsys, "printer-choice", "--form", "mau01", "--printer", "escpos:usb:04b8:0202",
        "--db", db, "--json",
    )  # fmt: skip
    assert run.json() == {"default": "cups:A5", "by_form": {"mau01": "escpos:usb:04b8:0202"}}
    shown = cli(capsys, "printer-choice", "--db", db)
    assert "cups:A5" in shown.out and "mau01: escpos:usb:04b8:0202" in shown.out
    reset = cli(capsys, "printer-choice", "--form", "mau01", "--reset", "--db", db, "--json")
    assert reset.json() == {"default": "cups:A5", "by_form": {}}


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--form", "mau99", "--printer", "cups:A5"], "mau99"),
        (["--reset"], "--reset"),
        (["--form", "mau01", "--printer", "  "], "trống"),
    ],
)
def test_printer_choice_refuses_bad_input(
    capsys: pytest.CaptureFixture[str], db: Path, args: list[str], says: str
) -> None:
    run = cli(capsys, "printer-choice", *args, "--db", db)
    assert_refused(run)
    assert says in run.err
    assert cli(capsys, "printer-choice", "--db", db, "--json").json()["by_form"] == {}


def test_a_failed_job_is_kept_listed_and_retried_on_another_printer(
    capsys: pytest.CaptureFixture[str], db: Path, code: str, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    broken = blocker / "pdf"  # cannot be created: its parent is a file
    failed = cli(capsys, "print", code, "--printer", f"folder:{broken}", "--db", db)
    assert_refused(failed)
    assert "giữ lại" in failed.err
    [kept] = cli(capsys, "print-jobs", "--failed", "--db", db, "--json").json()
    assert kept["state"] == "failed"

    again = cli(capsys, "print-retry", str(kept["job"]), "--db", db)
    assert_refused(again)  # the same broken printer: still kept, still failed
    working = tmp_path / "pdf"
    args = ("print-retry", str(kept["job"]), "--printer", f"folder:{working}")
    done = cli(capsys, *args, "--db", db, "--json").json()
    assert done["state"] == "printed" and done["job"] == kept["job"]
    assert done["printer"] == f"folder:{working}"
    [pdf] = list(working.glob("*.pdf"))
    assert code in text_of(pdf)
    assert cli(capsys, "print-jobs", "--failed", "--db", db, "--json").json() == []

    twice = cli(capsys, "print-retry", str(kept["job"]), "--db", db)
    assert_refused(twice)
    assert "đã in xong" in twice.err
    unknown = cli(capsys, "print-retry", "999", "--db", db)
    assert_refused(unknown)
    assert "999" in unknown.err
