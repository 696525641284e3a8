"""`desk init`, `desk demo`, `desk officer`, `desk report`, `desk verify` and `desk backup`."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest

from desk.services.container import DeskServices
from tests.conftest import AGENCY_CODE
from tests.integration.cli.test_cli import (
    APPLICANT,
    assert_refused,
    cli,
    write_json,
)

AGENCY_NAME = "Ủy ban nhân dân xã Thử Nghiệm"
INIT = ("init", "--agency-code", AGENCY_CODE, "--agency-name", AGENCY_NAME)


@contextmanager
def opened(path: Path) -> Iterator[DeskServices]:
    services = DeskServices.open(path)
    try:
        yield services
    finally:
        services.close()


def intake_one(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> dict[str, Any]:
    applicant = write_json(tmp_path / "applicant.json", APPLICANT)
    result: dict[str, Any] = cli(
        capsys, "intake", "--procedure", "T-3WD", "--applicant", applicant, "--all-components",
        "--db", db, "--json",
    ).json()  # fmt: skip
    return result


# --- desk init ------------------------------------------------------------------------------


def test_init(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "office" / "desk.db"
    run = cli(capsys, *INIT, "--desk-range", "0001-4999", "--place", "Thử Nghiệm", "--db", db)
    assert run.code == 0, run.err
    assert AGENCY_NAME in run.out
    assert "Đã nạp danh mục thủ tục" in run.out
    assert "desk officer add" in run.out  # tells the administrator what comes next
    with opened(db) as desk:
        office = desk.office.office()
        bundled = desk.catalog.procedures()
    assert (office.agency_code, office.agency_name) == (AGENCY_CODE, AGENCY_NAME)
    assert len(bundled) > 10  # the bundled catalogue: a new office can receive at once


def test_init_catalog_file_or_none(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.conftest import SMALL_CATALOG

    small, none = tmp_path / "small.db", tmp_path / "none.db"
    run = cli(capsys, *INIT, "--desk-range", "0001-4999", "--catalog", SMALL_CATALOG, "--db", small)
    assert run.code == 0, run.err
    none_run = cli(capsys, *INIT, "--desk-range", "0001-4999", "--no-catalog", "--db", none)
    assert none_run.code == 0, none_run.err
    assert "desk catalog import" in none_run.out
    with opened(small) as desk:
        assert {p.code for p in desk.catalog.procedures()} >= {"T-3WD"}
        assert len(desk.catalog.procedures()) < 10
    with opened(none) as desk:
        assert desk.catalog.procedures() == []


@pytest.mark.parametrize("catalog", ["both", "missing", "bad"])
def test_init_with_a_bad_catalog_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: str
) -> None:
    from tests.conftest import SMALL_CATALOG

    db = tmp_path / "desk.db"
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1}', encoding="utf-8")
    args = {
        "both": ["--catalog", str(SMALL_CATALOG), "--no-catalog"],
        "missing": ["--catalog", str(tmp_path / "khong-co.json")],
        "bad": ["--catalog", str(bad)],
    }[catalog]
    run = cli(capsys, *INIT, "--desk-range", "0001-4999", *args, "--db", db)
    assert_refused(run)
    assert not db.exists()


def test_init_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = cli(
        capsys, *INIT, "--desk-range", "5000-9999", "--db", tmp_path / "desk.db", "--json"
    ).json()
    assert result["agency_code"] == AGENCY_CODE
    assert result["desk_range"] == "5000-9999"
    assert result["desk_id"]


def test_init_twice_is_refused_and_keeps_the_office(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    run = cli(
        capsys, "init", "--agency-code", "000.00.02.H99", "--agency-name", "Cơ quan khác",
        "--desk-range", "0001-0100", "--db", db,
    )  # fmt: skip
    assert_refused(run)
    assert run.code == 7
    with opened(db) as desk:
        assert desk.office.office().agency_code == AGENCY_CODE


@pytest.mark.parametrize(
    "args",
    [
        [*INIT, "--desk-range", "5000-1000"],
        [*INIT, "--desk-range", "abc"],
        [*INIT, "--desk-range", "0001-0000"],
        [*INIT, "--desk-range", "0001-99999"],
        ["init", "--agency-code", "mã sai", "--agency-name", AGENCY_NAME, "--desk-range", "1-9"],
        ["init", "--agency-code", AGENCY_CODE, "--agency-name", " ", "--desk-range", "1-9"],
        ["init", "--agency-name", AGENCY_NAME, "--desk-range", "0001-4999"],
        [*INIT],  # --desk-range missing
    ],
    ids=["reversed", "letters", "zero", "five-digits", "bad-code", "blank-name", "no-code",
         "no-range"],
)  # fmt: skip
def test_init_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    db = tmp_path / "desk.db"
    assert_refused(cli(capsys, *args, "--db", db))
    with opened(db) as desk:
        assert not desk.office.is_initialised()


# --- desk demo ------------------------------------------------------------------------------


def test_demo_prints_working_logins(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # Needs the bundled catalogue data/reference/procedures.json.
    db = tmp_path / "demo.db"
    run = cli(capsys, "demo", "--db", db)
    assert run.code == 0, run.err
    with opened(db) as desk:
        officers = desk.auth.officers()
        assert officers
        for officer in officers:
            line = next(
                x for x in run.out.splitlines() if x.split() and x.split()[0] == officer.username
            )
            password = line.split("/")[1].split()[0]
            assert desk.auth.login(officer.username, password).officer.username == officer.username
        assert len(desk.catalog.procedures()) >= 10
    assert {o.role for o in officers} >= {"reception", "admin"}
    assert_refused(cli(capsys, "demo", "--db", db))  # only on an empty database


def test_demo_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    logins = cli(capsys, "demo", "--db", db, "--json").json()
    assert {"username", "password", "role"} <= logins[0].keys()
    listed = cli(capsys, "officer", "list", "--db", db, "--json").json()
    assert {x["username"] for x in logins} == {o["username"] for o in listed}


# --- desk officer ---------------------------------------------------------------------------


def test_officer_add_list_reset(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    added = cli(
        capsys, "officer", "add", "nv01", "--full-name", "CÁN BỘ THỬ NGHIỆM", "--role", "leader",
        "--db", db, "--json",
    ).json()  # fmt: skip
    assert (added["username"], added["role"]) == ("nv01", "leader")
    first = added["temporary_password"]
    assert len(first) >= 8
    listed = cli(capsys, "officer", "list", "--db", db, "--json").json()
    assert listed == [
        {
            "username": "nv01",
            "full_name": "CÁN BỘ THỬ NGHIỆM",
            "role": "leader",
            "active": True,
            "must_change_password": True,
        }
    ]
    reset = cli(capsys, "officer", "reset-password", "nv01", "--db", db)
    assert reset.code == 0
    second = reset.out.strip().rsplit(" ", 1)[-1]
    assert second != first
    with opened(db) as desk:
        assert desk.auth.login("nv01", second).officer.username == "nv01"
    text = cli(capsys, "officer", "list", "--db", db)
    assert "CÁN BỘ THỬ NGHIỆM" in text.out


@pytest.mark.parametrize(
    "args",
    [
        ["add", "nv02", "--full-name", "CÁN BỘ THỬ NGHIỆM", "--role", "giam-doc"],
        ["add", "nv01", "--full-name", "CÁN BỘ TRÙNG TÊN"],  # exists already
        ["add", "nv02"],  # --full-name missing
        ["add", "", "--full-name", "CÁN BỘ THỬ NGHIỆM"],
        ["reset-password", "khong-co"],
        ["reset-password"],
    ],
    ids=["bad-role", "duplicate", "no-name", "blank-username", "unknown", "no-username"],
)
def test_officer_bad_input(capsys: pytest.CaptureFixture[str], db: Path, args: list[str]) -> None:
    cli(capsys, "officer", "add", "nv01", "--full-name", "CÁN BỘ THỬ NGHIỆM", "--db", db)
    assert_refused(cli(capsys, "officer", *args, "--db", db))
    listed = cli(capsys, "officer", "list", "--db", db, "--json").json()
    assert [o["username"] for o in listed] == ["nv01"]


def test_officer_passwd_mismatch(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["cu-mat-khau", "moi-mat-khau-1", "moi-mat-khau-2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert_refused(cli(capsys, "officer", "passwd", "nv01", "--db", db))


# --- desk report ----------------------------------------------------------------------------


def test_report_formats(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    period = intake_one(capsys, db, tmp_path)["received_at"][:7]  # this month, e.g. 2026-11
    report = cli(capsys, "report", "--period", period, "--db", db).json()
    assert report["period"] == period
    assert report["total"]["received_total"] == 1
    assert [row["label"] for row in report["rows"]] == ["Hộ tịch"]
    by_procedure = cli(
        capsys, "report", "--period", period[:4], "--by", "procedure", "--db", db
    ).json()
    assert by_procedure["total"]["received_total"] == 1
    as_csv = cli(capsys, "report", "--period", period, "--format", "csv", "--db", db)
    rows = list(csv.reader(io.StringIO(as_csv.out)))
    assert rows[0][0] == "Lĩnh vực / thủ tục"
    assert rows[1][:2] == ["Hộ tịch", "1"]
    xlsx = tmp_path / "bao-cao.xlsx"
    written = cli(
        capsys, "report", "--period", period, "--format", "xlsx", "--out", xlsx, "--db", db
    )
    assert written.code == 0, written.err
    with zipfile.ZipFile(xlsx) as book:
        assert "xl/workbook.xml" in book.namelist()
    out = tmp_path / "bao-cao.json"
    assert cli(capsys, "report", "--period", period, "--out", out, "--db", db).out == ""
    assert '"received_total": 1' in out.read_text("utf-8")


def test_report_quarter_of_an_empty_office(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    report = cli(capsys, "report", "--period", "2020-Q4", "--db", db).json()
    assert (report["start"], report["end"]) == ("2020-10-01", "2021-01-01")
    assert report["rows"] == []
    assert report["total"]["received_total"] == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--period", "2026-13"],
        ["--period", "2026-Q5"],
        ["--period", "11-2026"],
        ["--period", "tháng này"],
        [],  # --period missing
        ["--period", "2026-11", "--format", "pdf"],
        ["--period", "2026-11", "--format", "xlsx"],  # no --out
        ["--period", "2026-11", "--by", "officer"],
        ["--period", "2026-11", "--out", "{missing_dir}/r.json"],
    ],
)
def test_report_bad_input(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path, args: list[str]
) -> None:
    filled = [a.format(missing_dir=tmp_path / "khong-co") for a in args]
    assert_refused(cli(capsys, "report", *filled, "--db", db))
    assert not (tmp_path / "khong-co").exists()


# --- desk verify and desk backup ------------------------------------------------------------


def test_verify_ok(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    intake_one(capsys, db, tmp_path)
    run = cli(capsys, "verify", "--db", db)
    assert (run.code, run.err) == (0, "")
    assert "Dữ liệu toàn vẹn." in run.out
    result = cli(capsys, "verify", "--db", db, "--json").json()
    assert (result["ok"], result["dossiers_checked"], result["events_checked"]) == (True, 1, 1)


def test_verify_detects_a_tampered_event(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    code = intake_one(capsys, db, tmp_path)["code"]
    with closing(sqlite3.connect(db)) as raw, raw:
        changed = raw.execute(
            "UPDATE dossier_event SET payload = replace(payload, 'T-3WD', 'T-8WH')"
        ).rowcount
    assert changed == 1
    run = cli(capsys, "verify", "--db", db)
    assert_refused(run)
    assert run.code == 8
    result = cli(capsys, "verify", "--db", db, "--json")
    assert result.code == 8
    assert code in result.out
    assert '"ok": false' in result.out


def test_verify_of_a_missing_database_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nham-ten.db"
    assert_refused(cli(capsys, "verify", "--db", missing))
    assert_refused(cli(capsys, "backup", tmp_path / "copy.db", "--db", missing))
    assert not missing.exists()
    assert not (tmp_path / "copy.db").exists()


def test_backup(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    code = intake_one(capsys, db, tmp_path)["code"]
    target = tmp_path / "sao-luu" / "desk-copy.db"
    run = cli(capsys, "backup", target, "--db", db)
    assert run.code == 0, run.err
    assert target.is_file()
    assert cli(capsys, "verify", "--db", target).code == 0
    assert cli(capsys, "lookup", code, "--db", target, "--json").json()["code"] == code
    # Never overwrite: the second backup to the same name is refused, the first is intact.
    size = target.stat().st_size
    again = cli(capsys, "backup", target, "--db", db)
    assert_refused(again)
    assert target.stat().st_size == size
    assert_refused(cli(capsys, "backup", "--db", db))  # the target is required


def test_a_file_that_is_not_a_desk_database_is_named_as_such(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_db = tmp_path / "ghi-chu.db"
    not_a_db.write_text("đây không phải cơ sở dữ liệu", encoding="utf-8")
    run = cli(capsys, "verify", "--db", not_a_db)
    assert_refused(run)
    assert "không phải cơ sở dữ liệu của quầy" in run.err
    assert not_a_db.read_text(encoding="utf-8") == "đây không phải cơ sở dữ liệu"


def test_commands_other_than_set_up_never_create_a_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "go-nham.db"
    for args in (["lookup", "000.00.01.H99-261125-0001"], ["report", "--period", "2026-11"],
                 ["officer", "list"], ["catalog", "list"]):  # fmt: skip
        run = cli(capsys, *args, "--db", missing)
        assert_refused(run)
        assert "Không có dữ liệu quầy" in run.err
    assert not missing.exists()


# --- desk run on a database that is not there -------------------------------------------------


def test_run_on_a_mistyped_path_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "khong-co" / "thu-muc" / "x.db"
    run = cli(capsys, "run", "--db", missing)
    assert_refused(run)
    assert run.code == 7
    assert str(missing) in run.err and "desk init" in run.err and "desk demo" in run.err
    assert not (tmp_path / "khong-co").exists()
    monkeypatch.setenv("DESK_DB", str(missing))  # `desk` alone is `desk run`
    assert_refused(cli(capsys))
    assert not (tmp_path / "khong-co").exists()


def test_run_on_a_database_without_an_office_makes_no_demo(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "desk.db"
    DeskServices.open(db).close()
    run = cli(capsys, "run", "--db", db)
    assert_refused(run)
    assert "chưa có cơ quan" in run.err
    with opened(db) as desk:
        assert not desk.office.is_initialised()
