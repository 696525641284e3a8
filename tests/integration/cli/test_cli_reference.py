"""`desk due`, `desk calendar`, `desk catalog` and `desk parse-id`.

Due dates are checked by hand against the rules: sessions 07:00-11:30 and 13:30-17:00
(8 working hours a day), 2026-11-24 is a public holiday (Ngày Văn hóa Việt Nam), the clock
starts at receipt when that is inside a session, else at the next session's start.
"""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SMALL_CATALOG
from tests.integration.cli.test_cli import (
    Run,
    assert_refused,
    cli,
    write_json,
)

MONDAY_16H = "2026-11-23 16:00"  # the day before the 24/11 holiday


def due(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> dict[str, Any]:
    result: dict[str, Any] = cli(capsys, "due", *args, "--db", db, "--json").json()
    return result


# --- desk due -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # 1 h on Monday, holiday Tuesday, 8 h Wed, 8 h Thu, 7 h Fri (4.5 + 2.5 from 13:30).
        (["--duration", "3wd", "--received", MONDAY_16H], "2026-11-27T16:00:00+07:00"),
        (["--procedure", "T-3WD", "--received", MONDAY_16H], "2026-11-27T16:00:00+07:00"),
        # 0.5 h before lunch, 3.5 h after, the holiday, then 4 h on Wednesday morning.
        (["--duration", "8wh", "--received", "2026-11-23 11:00"], "2026-11-25T11:00:00+07:00"),
        # At the cut-off: still today. One minute later: the next working day (after 24/11).
        (["--same-day", "--received", "2026-11-23 15:00"], "2026-11-23T17:00:00+07:00"),
        (["--same-day", "--received", "2026-11-23 15:01"], "2026-11-25T17:00:00+07:00"),
        (["--procedure", "T-SAMEDAY", "--received", "2026-11-23 15:01"],
         "2026-11-25T17:00:00+07:00"),
        (["--same-day", "--cutoff", "16:00", "--received", "2026-11-23 15:30"],
         "2026-11-23T17:00:00+07:00"),
        # Received on a Saturday: the clock starts Monday 07:00.
        (["--duration", "8wh", "--received", "2026-11-28 10:00"], "2026-11-30T17:00:00+07:00"),
        # Calendar days count every day: 23/11 + 15 days.
        (["--duration", "15cd", "--received", MONDAY_16H], "2026-12-08T16:00:00+07:00"),
    ],
    ids=["3wd", "procedure-3wd", "8wh-over-lunch", "same-day-15:00", "same-day-15:01",
         "procedure-same-day", "own-cutoff", "saturday", "15cd"],
)  # fmt: skip
def test_due_rules(
    capsys: pytest.CaptureFixture[str], db: Path, args: list[str], expected: str
) -> None:
    result = due(capsys, db, *args)
    assert result["due"] == expected
    assert datetime.fromisoformat(result["due"]).utcoffset() == timedelta(hours=7)


def test_due_reports_receipt_and_clock_start(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    result = due(capsys, db, "--duration", "8wh", "--received", "2026-11-28 10:00")
    assert result["received"] == "2026-11-28T10:00:00+07:00"
    assert result["clock_start"] == "2026-11-30T07:00:00+07:00"
    assert result["rule"] == {"unit": "wh", "amount": 8, "cutoff": None}


def test_due_pause_moves_the_date(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    # Wed 08:00 -> Thu 08:00 is 3.5 + 3.5 + 1 = 8 working hours: one working day later,
    # and the weekend sits in between.
    result = due(
        capsys, db, "--duration", "3wd", "--received", MONDAY_16H,
        "--pause", "2026-11-25 08:00/2026-11-26 08:00",
    )  # fmt: skip
    assert result["due"] == "2026-11-30T16:00:00+07:00"


def test_due_text_output(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    run = cli(capsys, "due", "--duration", "3wd", "--received", MONDAY_16H, "--db", db)
    assert run.code == 0
    assert "ngày 27 tháng 11 năm 2026" in run.out
    assert "16 giờ 00" in run.out


def test_calendar_import_moves_due_dates(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    assert due(capsys, db, "--duration", "3wd", "--received", MONDAY_16H)["due"] == (
        "2026-11-27T16:00:00+07:00"
    )
    notice = {
        "year": 2026,
        "source": "Thông báo thử nghiệm số 01/TB",
        "holidays": ["2026-11-24", "2026-11-26"],
        "working_days": ["2026-11-28"],
    }
    imported = cli(
        capsys,
        "calendar",
        "import",
        write_json(tmp_path / "notice.json", notice),
        "--db",
        db,
        "--json",
    )
    assert imported.json()["holidays"] == ["2026-11-24", "2026-11-26"]
    # Now: 1 h Mon, Tue and Thu off, 8 h Wed, 8 h Fri, 7 h on the make-up Saturday.
    assert due(capsys, db, "--duration", "3wd", "--received", MONDAY_16H)["due"] == (
        "2026-11-28T16:00:00+07:00"
    )
    shown = cli(capsys, "calendar", "show", "2026", "--db", db, "--json").json()
    assert shown["official"] is True
    assert shown["source"] == "Thông báo thử nghiệm số 01/TB"
    assert shown["working_days"] == ["2026-11-28"]
    text = cli(capsys, "calendar", "show", "2026", "--db", db)
    assert "26/11/2026" in text.out


def test_calendar_show_defaults(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    shown = cli(capsys, "calendar", "show", "2026", "--db", db, "--json").json()
    assert shown["official"] is False
    assert "2026-11-24" in shown["holidays"]
    assert "2026-01-01" in shown["holidays"]


_MALFORMED_RECEIVED = ["2026-13-23 16:00", "23/11/2026 16:00", "hôm nay", "2026-11-23 25:00", ""]


@pytest.mark.parametrize(
    "args",
    [
        ["--duration", "3wd"],  # --received missing
        ["--received", MONDAY_16H],  # no rule at all
        ["--procedure", "T-3WD", "--duration", "3wd", "--received", MONDAY_16H],
        ["--same-day", "--duration", "3wd", "--received", MONDAY_16H],
        ["--duration", "3x", "--received", MONDAY_16H],
        ["--duration", "-3wd", "--received", MONDAY_16H],
        ["--duration", "wd", "--received", MONDAY_16H],
        *[["--duration", "3wd", "--received", bad] for bad in _MALFORMED_RECEIVED],
        ["--same-day", "--cutoff", "25:00", "--received", MONDAY_16H],
        ["--duration", "3wd", "--received", MONDAY_16H, "--pause", "2026-11-25 08:00"],
        ["--duration", "3wd", "--received", MONDAY_16H,
         "--pause", "2026-11-26 08:00/2026-11-25 08:00"],
        ["--duration", "3wd", "--received", MONDAY_16H, "--pause", "hôm qua/hôm nay"],
        ["--procedure", "KHONG-CO", "--received", MONDAY_16H],
        ["--procedure", "T-3WD", "--case", "khong-co", "--received", MONDAY_16H],
    ],
)  # fmt: skip
def test_due_bad_input(capsys: pytest.CaptureFixture[str], db: Path, args: list[str]) -> None:
    assert_refused(cli(capsys, "due", *args, "--db", db))


@pytest.mark.parametrize(
    "content",
    [
        "không phải JSON",
        json.dumps({"year": 2026, "holidays": []}),  # no source
        json.dumps({"year": 2026, "source": "TB", "holidays": ["2027-01-01"]}),  # other year
        json.dumps({"year": 2026, "source": "TB", "holidays": ["2026-02-30"]}),
        json.dumps({"year": 2026, "source": "TB", "holidays": ["2026-05-02"],
                    "working_days": ["2026-05-02"]}),
        json.dumps({"year": 2026, "source": "TB", "holidays": [], "ghi_chu": "x"}),
        json.dumps({"year": 1999, "source": "TB", "holidays": []}),
        json.dumps([2026]),
    ],
)  # fmt: skip
def test_calendar_import_bad_file_changes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path, content: str
) -> None:
    before = cli(capsys, "calendar", "show", "2026", "--db", db, "--json").json()
    bad = tmp_path / "notice.json"
    bad.write_text(content, encoding="utf-8")
    assert_refused(cli(capsys, "calendar", "import", bad, "--db", db))
    assert cli(capsys, "calendar", "show", "2026", "--db", db, "--json").json() == before


@pytest.mark.parametrize(
    "args",
    [
        ["import", "khong-co-tep.json"],
        ["import", "."],  # a directory
        ["import"],
        ["show", "1999"],
        ["show"],
    ],
)
def test_calendar_bad_input(capsys: pytest.CaptureFixture[str], db: Path, args: list[str]) -> None:
    assert_refused(cli(capsys, "calendar", *args, "--db", db))


# --- desk catalog ---------------------------------------------------------------------------


def test_catalog_list_and_search(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    expected = {p["code"] for p in json.loads(SMALL_CATALOG.read_text("utf-8"))["procedures"]}
    listed = cli(capsys, "catalog", "list", "--db", db, "--json").json()
    assert {p["code"] for p in listed} == expected
    three = next(p for p in listed if p["code"] == "T-3WD")
    assert three["name"] == "Xác nhận tình trạng hôn nhân"
    assert {c["key"] for c in three["cases"]} == {"chung", "xac-minh"}
    found = cli(capsys, "catalog", "list", "--search", "hon nhan", "--db", db, "--json").json()
    assert [p["code"] for p in found] == ["T-3WD"]
    text = cli(capsys, "catalog", "list", "--db", db)
    assert "Xác nhận tình trạng hôn nhân" in text.out


def test_catalog_reimport_updates(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    again = cli(capsys, "catalog", "import", SMALL_CATALOG, "--db", db, "--json").json()
    assert again == {"version": "test-1", "added": 0, "updated": 5, "retired": 0}


def _catalog_with(change: dict[str, Any]) -> str:
    raw = json.loads(SMALL_CATALOG.read_text("utf-8"))
    raw["version"] = "test-2"
    raw["procedures"][0].update(change)
    return json.dumps(raw, ensure_ascii=False)


@pytest.mark.parametrize(
    "content",
    [
        "{ không phải JSON",
        json.dumps({}),
        json.dumps({"version": "x", "source": "y", "procedures": [{"code": "A"}]}),
        _catalog_with({"name": ""}),
        _catalog_with({"cases": [{"key": "chung", "name": "x", "duration": 3, "unit": "tuần"}]}),
        _catalog_with({"unexpected_field": 1}),
    ],
    ids=["not-json", "empty", "no-name", "blank-name", "bad-unit", "unknown-key"],
)
def test_catalog_import_bad_file_keeps_previous_catalogue(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path, content: str
) -> None:
    before = cli(capsys, "catalog", "list", "--db", db, "--json").json()
    bad = tmp_path / "catalog.json"
    bad.write_text(content, encoding="utf-8")
    assert_refused(cli(capsys, "catalog", "import", bad, "--db", db))
    assert cli(capsys, "catalog", "list", "--db", db, "--json").json() == before


@pytest.mark.parametrize("args", [["import", "khong-co-tep.json"], ["import", "."], ["import"]])
def test_catalog_bad_input(capsys: pytest.CaptureFixture[str], db: Path, args: list[str]) -> None:
    assert_refused(cli(capsys, "catalog", *args, "--db", db))


# --- desk parse-id --------------------------------------------------------------------------

QR = "001085000123|012345678|CÔNG DÂN THỬ NGHIỆM|05031985|Nam|Thôn Thử Nghiệm, xã Mẫu|20042021"
PARSED = {
    "id_number": "001085000123",
    "old_id_number": "012345678",
    "full_name": "CÔNG DÂN THỬ NGHIỆM",
    "date_of_birth": "1985-03-05",
    "sex": "Nam",
    "address": "Thôn Thử Nghiệm, xã Mẫu",
    "issue_date": "2021-04-20",
}


def test_parse_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "parse-id", QR, "--json").json() == PARSED
    text = cli(capsys, "parse-id", QR)
    assert "full_name: CÔNG DÂN THỬ NGHIỆM" in text.out


def test_parse_id_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(QR + "\n"))
    assert cli(capsys, "parse-id", "-", "--json").json() == PARSED


@pytest.mark.parametrize(
    "payload",
    [
        "rác",
        "",
        "|||||",
        QR.replace("001085000123", "001285000123"),  # century digit contradicts 1985
        QR.replace("001085000123", "00108500012"),  # 11 digits
        QR.replace("|Nam|", "|Nữ|"),  # digit 4 '0' says male
        QR.replace("05031985", "31021985"),  # 31 February
    ],
)
def test_parse_id_rejects_without_echoing(capsys: pytest.CaptureFixture[str], payload: str) -> None:
    run: Run = cli(capsys, "parse-id", payload, "--json")
    assert_refused(run)
    assert run.out == ""
    assert "001085000123" not in run.err  # personal data is never repeated in a message
    assert "THỬ NGHIỆM" not in run.err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--duration", "3wd", "--received", "2026-11-23"], "YYYY-MM-DD HH:MM"),
        (["--duration", "0wd", "--received", MONDAY_16H], "Thời hạn không hợp lệ"),
        (["--duration", "0wh", "--received", MONDAY_16H], "Thời hạn không hợp lệ"),
    ],
)
def test_due_refuses_a_bare_date_and_a_zero_limit(
    capsys: pytest.CaptureFixture[str], db: Path, args: list[str], expected: str
) -> None:
    run = cli(capsys, "due", *args, "--db", db)
    assert_refused(run)
    assert expected in run.err


def test_file_errors_explain_the_field_in_vietnamese(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "notice.json"
    bad.write_text(json.dumps({"year": 2026, "holidays": [], "ghi_chu": "x"}), encoding="utf-8")
    run = cli(capsys, "calendar", "import", bad, "--db", db)
    assert_refused(run)
    assert "thiếu trường bắt buộc" in run.err or "có trường không được phép" in run.err
    assert "Field required" not in run.err and "Extra inputs" not in run.err


def test_catalog_replace_retires_missing_procedures_but_keeps_their_dossiers(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    full = json.loads(SMALL_CATALOG.read_text(encoding="utf-8"))
    full["version"] = "test-2"
    full["procedures"] = [p for p in full["procedures"] if p["code"] != "T-8WH"]
    run = cli(capsys, "catalog", "import", write_json(tmp_path / "v2.json", full),
              "--replace", "--json", "--db", db)  # fmt: skip
    assert run.json()["retired"] == 1
    listed = {p["code"] for p in cli(capsys, "catalog", "list", "--json", "--db", db).json()}
    assert "T-8WH" not in listed and "T-3WD" in listed
    assert_refused(cli(capsys, "due", "--procedure", "T-8WH", "--received", MONDAY_16H,
                       "--db", db))  # fmt: skip
