"""`desk intake`, `desk lookup`, `desk search` and every lifecycle command.

The CLI uses the system clock, so these tests assert shapes and statuses; exact due dates
are covered through `desk due` in test_cli_reference.py.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.integration.cli.test_cli import (
    APPLICANT,
    CODE_PATTERN,
    Run,
    assert_refused,
    cli,
    write_json,
)

UNKNOWN_CODE = "000.00.01.H99-261124-4999"


@pytest.fixture
def applicant(tmp_path: Path) -> Path:
    return write_json(tmp_path / "applicant.json", APPLICANT)


def intake(
    capsys: pytest.CaptureFixture[str], db: Path, applicant: Path, *extra: str | Path
) -> dict[str, Any]:
    if "--components" not in extra:
        extra = ("--all-components", *extra)
    args = ("intake", "--procedure", "T-3WD", "--applicant", applicant, *extra)
    result: dict[str, Any] = cli(capsys, *args, "--db", db, "--json").json()
    return result


def lookup(capsys: pytest.CaptureFixture[str], db: Path, code: str) -> dict[str, Any]:
    result: dict[str, Any] = cli(capsys, "lookup", code, "--db", db, "--json").json()
    return result


def act(capsys: pytest.CaptureFixture[str], db: Path, *args: str | Path) -> int:
    """Run a lifecycle command with --json and return the new status."""
    result = cli(capsys, *args, "--db", db, "--json").json()
    status: int = result["status"]
    return status


def test_intake_json_shape(capsys: pytest.CaptureFixture[str], db: Path, applicant: Path) -> None:
    result = intake(capsys, db, applicant)
    assert CODE_PATTERN.match(result["code"]), result["code"]
    assert result["status"] == 2
    due = datetime.fromisoformat(result["due"])
    assert due.utcoffset() == timedelta(hours=7)
    assert result["due"].endswith("+07:00")
    assert due > datetime.fromisoformat(result["received_at"])
    assert result["missing"] == []
    second = intake(capsys, db, applicant)
    assert second["code"] != result["code"]
    if second["code"][:-4] == result["code"][:-4]:  # same day (not across midnight)
        assert int(second["code"][-4:]) == int(result["code"][-4:]) + 1


def test_intake_text_output(capsys: pytest.CaptureFixture[str], db: Path, applicant: Path) -> None:
    run = cli(
        capsys, "intake", "--procedure", "T-3WD", "--applicant", applicant, "--all-components",
        "--db", db,
    )  # fmt: skip
    assert run.code == 0, run.err
    assert "Mã hồ sơ: 000.00.01.H99-" in run.out
    assert "Hẹn trả kết quả:" in run.out


def test_lookup_after_intake(capsys: pytest.CaptureFixture[str], db: Path, applicant: Path) -> None:
    received = intake(capsys, db, applicant)
    detail = lookup(capsys, db, received["code"])
    assert {"code", "status", "received_at", "due", "applicant", "events"} <= detail.keys()
    assert (detail["code"], detail["status"], detail["due"]) == (
        received["code"],
        2,
        received["due"],
    )
    assert detail["applicant"]["full_name"] == "CÔNG DÂN THỬ NGHIỆM"
    assert detail["applicant"]["id_number"] == "001085000001"
    assert detail["applicant"]["date_of_birth"] == "1985-01-01"
    assert [e["kind"] for e in detail["events"]] == ["receive"]
    assert detail["events"][0]["to_status"] == 2
    # Codes are read tolerantly: lower case and surrounding spaces.
    assert lookup(capsys, db, f"  {received['code'].lower()} ")["code"] == received["code"]
    text = cli(capsys, "lookup", received["code"], "--db", db)
    assert "Được tiếp nhận" in text.out
    assert "CÔNG DÂN THỬ NGHIỆM" in text.out


def test_intake_with_components_and_submitter(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    submitter = {
        "full_name": "NGƯỜI NỘP THỬ NGHIỆM",
        "id_number": "001190000002",
        "date_of_birth": "1990-02-02",
        "sex": "Nữ",
    }
    owner = write_json(tmp_path / "owner.json", {**APPLICANT, "submitter": submitter})
    components = write_json(
        tmp_path / "components.json",
        [
            {"name": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "originals": 1},
            {"name": "Giấy tờ chứng minh đã ly hôn", "required": False, "certified": 2},
        ],
    )
    received = intake(capsys, db, owner, "--components", components)
    detail = lookup(capsys, db, received["code"])
    assert detail["submitter"]["full_name"] == "NGƯỜI NỘP THỬ NGHIỆM"
    assert detail["submitter"]["sex"] == "Nữ"
    given = {c["name"]: c for c in detail["components"]}
    assert given["Giấy tờ chứng minh đã ly hôn"]["certified"] == 2


def test_search(capsys: pytest.CaptureFixture[str], db: Path, applicant: Path) -> None:
    code = intake(capsys, db, applicant)["code"]
    for text in ("001085000001", "cong dan thu nghiem", "CÔNG DÂN", code):
        found = cli(capsys, "search", text, "--db", db, "--json").json()
        assert [s["code"] for s in found] == [code], text
    assert cli(capsys, "search", "999999999999", "--db", db, "--json").json() == []
    nothing = cli(capsys, "search", "không ai cả", "--db", db)
    assert nothing.code == 0
    assert "Không tìm thấy hồ sơ nào." in nothing.out


def test_full_lifecycle(
    capsys: pytest.CaptureFixture[str], db: Path, applicant: Path, tmp_path: Path
) -> None:
    code = intake(capsys, db, applicant)["code"]
    assert act(capsys, db, "supplement", code, "--item", "Tờ khai", "--reason", "Thiếu chữ ký") == 5
    assert act(capsys, db, "supplement", code, "--received") == 2
    assert act(capsys, db, "hand-over", code, "--unit", "Công chức Tư pháp - Hộ tịch") == 4
    assert act(capsys, db, "result-ready", code) == 9
    collector = write_json(
        tmp_path / "collector.json",
        {"full_name": "NGƯỜI NHẬN THAY", "id_number": "001190000002",
         "date_of_birth": "1990-02-02", "sex": "Nữ"},
    )  # fmt: skip
    returned = act(
        capsys, db, "return", code, "--collector", collector,
        "--authorisation", "Giấy ủy quyền số 01/UQ", "--fee", "5000", "--rating", "satisfied",
    )  # fmt: skip
    assert returned == 10
    detail = lookup(capsys, db, code)
    assert detail["status"] == 10
    assert detail["events"][0]["kind"] == "receive"
    assert [e["to_status"] for e in detail["events"]] == [2, 5, 2, 4, 9, 10]
    assert [e["seq"] for e in detail["events"]] == [1, 2, 3, 4, 5, 6]
    assert detail["returned_at"] is not None
    # And nothing more can happen to it.
    assert_refused(cli(capsys, "return", code, "--db", db))
    assert_refused(cli(capsys, "withdraw", code, "--reason", "Rút", "--db", db))


def test_refuse_withdraw_stop(
    capsys: pytest.CaptureFixture[str], db: Path, applicant: Path, tmp_path: Path
) -> None:
    optional_only = write_json(
        tmp_path / "optional.json",
        [{"name": "Giấy tờ chứng minh đã ly hôn", "required": False, "certified": 1}],
    )
    incomplete = intake(capsys, db, applicant, "--components", optional_only, "--incomplete")
    assert (incomplete["status"], incomplete["due"]) == (5, None)
    assert incomplete["missing"] == ["Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"]
    refused = act(capsys, db, "refuse", incomplete["code"], "--reason", "Không đủ điều kiện")
    assert refused == 3
    withdrawn = intake(capsys, db, applicant)["code"]
    assert act(capsys, db, "withdraw", withdrawn, "--reason", "Công dân xin rút") == 7
    stopped = intake(capsys, db, applicant)["code"]
    assert act(capsys, db, "stop", stopped, "--reason", "Phát hiện giấy tờ giả") == 8
    text = cli(capsys, "stop", intake(capsys, db, applicant)["code"], "--reason", "x", "--db", db)
    assert "Dừng xử lý" in text.out


def test_apologise(capsys: pytest.CaptureFixture[str], db: Path, applicant: Path) -> None:
    received = intake(capsys, db, applicant)
    # A working day after the current appointment, found with `desk due` itself.
    local_due = received["due"][:16].replace("T", " ")
    later = cli(
        capsys, "due", "--duration", "2wd", "--received", local_due, "--db", db, "--json"
    ).json()["due"]
    new_date = later[:10]
    view = cli(
        capsys, "apologise", received["code"], "--new-date", new_date,
        "--reason", "Cần xác minh thêm", "--signer", "CHỦ TỊCH THỬ NGHIỆM", "--db", db, "--json",
    ).json()  # fmt: skip
    assert view["previous_due"] == received["due"]
    assert view["original_due"] == received["due"]
    assert view["new_due"].startswith(new_date)
    assert lookup(capsys, db, received["code"])["extended_due"] == view["new_due"]


# --- bad input ------------------------------------------------------------------------------

NOT_A_LIST = {"name": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "originals": 1}
NEGATIVE = [{"name": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "originals": -1}]


@pytest.mark.parametrize(
    ("applicant_value", "args"),
    [
        (APPLICANT, ["--procedure", "KHONG-CO", "--all-components"]),
        ("{ không phải JSON", ["--procedure", "T-3WD", "--all-components"]),
        ({**APPLICANT, "nghe_nghiep": "x"}, ["--procedure", "T-3WD", "--all-components"]),
        ({**APPLICANT, "id_number": "001285000001"}, ["--procedure", "T-3WD", "--all-components"]),
        ({**APPLICANT, "id_number": "12345"}, ["--procedure", "T-3WD", "--all-components"]),
        ({**APPLICANT, "date_of_birth": "1985-02-30"}, ["--procedure", "T-3WD",
                                                        "--all-components"]),
        ({**APPLICANT, "submitter": {"full_name": "A", "x": 1}}, ["--procedure", "T-3WD",
                                                                  "--all-components"]),
        ({k: v for k, v in APPLICANT.items() if k != "full_name"},
         ["--procedure", "T-3WD", "--all-components"]),
        ([APPLICANT], ["--procedure", "T-3WD", "--all-components"]),
        (APPLICANT, ["--procedure", "T-3WD"]),  # neither --components nor --all-components
        (APPLICANT, ["--procedure", "T-3WD", "--all-components", "--components", "c.json"]),
        (APPLICANT, ["--all-components"]),  # --procedure missing
        (APPLICANT, ["--procedure", "T-3WD", "--all-components", "--sets", "0"]),
        (APPLICANT, ["--procedure", "T-3WD", "--all-components", "--sets", "-1"]),
        (APPLICANT, ["--procedure", "T-3WD", "--all-components", "--channel", "fax"]),
        (APPLICANT, ["--procedure", "T-3WD", "--all-components", "--officer", "khong-co"]),
        (APPLICANT, ["--procedure", "T-3WD", "--all-components", "--case", "khong-co"]),
        (APPLICANT, ["--procedure", "T-3WD", "--components", "khong-co-tep.json"]),
        (APPLICANT, ["--procedure", "T-3WD", "--components", "not-a-list.json"]),
        (APPLICANT, ["--procedure", "T-3WD", "--components", "negative.json"]),
        (APPLICANT, ["--procedure", "T-3WD", "--components", "empty.json"]),
        (APPLICANT, ["--procedure", "T-3WD", "--components", "garbage.json"]),
    ],
    ids=["unknown-procedure", "not-json", "unknown-key", "id-century", "id-short", "bad-dob",
         "submitter-unknown-key", "no-name", "list", "no-components", "both-components",
         "no-procedure", "sets-0", "sets-negative", "channel", "officer", "case",
         "missing-components-file", "components-not-list", "negative-count", "nothing-given",
         "components-not-json"],
)  # fmt: skip
def test_intake_bad_input_leaves_nothing(
    capsys: pytest.CaptureFixture[str],
    db: Path,
    tmp_path: Path,
    applicant_value: Any,
    args: list[str],
) -> None:
    person = tmp_path / "person.json"
    if isinstance(applicant_value, str):
        person.write_text(applicant_value, encoding="utf-8")
    else:
        write_json(person, applicant_value)
    write_json(tmp_path / "c.json", [])
    write_json(tmp_path / "not-a-list.json", NOT_A_LIST)
    write_json(tmp_path / "negative.json", NEGATIVE)
    write_json(tmp_path / "empty.json", [])
    (tmp_path / "garbage.json").write_text("[1, 2", encoding="utf-8")
    args = [str(tmp_path / a) if a.endswith(".json") else a for a in args]
    assert_refused(cli(capsys, "intake", "--applicant", person, *args, "--db", db))
    assert cli(capsys, "search", "001085000001", "--db", db, "--json").json() == []


def test_intake_missing_applicant_file(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    run = cli(
        capsys, "intake", "--procedure", "T-3WD", "--applicant", tmp_path / "khong-co.json",
        "--all-components", "--db", db,
    )  # fmt: skip
    assert_refused(run)
    assert "khong-co.json" in run.err


def test_intake_before_init(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, applicant: Path
) -> None:
    run = cli(
        capsys, "intake", "--procedure", "T-3WD", "--applicant", applicant, "--all-components",
        "--db", tmp_path / "new.db",
    )  # fmt: skip
    assert_refused(run)
    assert "desk init" in run.err


@pytest.fixture
def received(capsys: pytest.CaptureFixture[str], db: Path, applicant: Path) -> str:
    code: str = intake(capsys, db, applicant)["code"]
    return code


_SUNDAY = "2026-11-29"
assert date.fromisoformat(_SUNDAY).weekday() == 6


@pytest.mark.parametrize(
    "args",
    [
        ["lookup", "ABC"],
        ["lookup", "000.00.01.H99-261324-0001"],  # month 13
        ["lookup", UNKNOWN_CODE],
        ["lookup", ""],
        ["supplement", "{code}"],  # no --item
        ["supplement", "{code}", "--item", "   "],
        ["supplement", "{code}", "--received", "--item", "Tờ khai"],
        ["supplement", UNKNOWN_CODE, "--item", "Tờ khai", "--reason", "Thiếu"],
        ["supplement", "{code}", "--item", "Tờ khai"],  # no reason
        ["refuse", "{code}"],  # no reason
        ["refuse", "{code}", "--reason", "Không đủ điều kiện"],  # already received
        ["withdraw", "ABC", "--reason", "x"],
        ["stop", UNKNOWN_CODE, "--reason", "x"],
        ["hand-over", "{code}"],  # --unit missing
        ["result-ready", UNKNOWN_CODE],
        ["return", "{code}"],  # no result yet
        ["return", "{code}", "--rating", "tuyệt vời"],
        ["return", "{code}", "--collector", "khong-co.json"],
        ["apologise", "{code}", "--new-date", _SUNDAY, "--reason", "Chậm", "--signer", "S"],
        ["apologise", "{code}", "--new-date", "30/11/2026", "--reason", "Chậm", "--signer", "S"],
        ["apologise", "{code}", "--new-date", "2026-11-30", "--reason", " ", "--signer", "S"],
        ["apologise", "{code}", "--new-date", "2026-11-30", "--reason", "Chậm"],  # no signer
        ["apologise", "{code}", "--new-date", "2020-01-02", "--reason", "Chậm", "--signer", "S"],
        ["lookup", "{code}", "--officer", "x"],
    ],
    ids=lambda args: " ".join(args)[:60],
)
def test_lifecycle_bad_input(
    capsys: pytest.CaptureFixture[str], db: Path, received: str, args: list[str]
) -> None:
    before = lookup(capsys, db, received)
    run: Run = cli(capsys, *[a.format(code=received) for a in args], "--db", db)
    assert_refused(run)
    assert lookup(capsys, db, received) == before  # a refused command changes nothing


def test_apologise_on_sunday_names_the_next_working_day(
    capsys: pytest.CaptureFixture[str], db: Path, received: str
) -> None:
    run = cli(
        capsys, "apologise", received, "--new-date", _SUNDAY, "--reason", "Chậm",
        "--signer", "CHỦ TỊCH THỬ NGHIỆM", "--db", db,
    )  # fmt: skip
    assert_refused(run)
    assert "29/11/2026 không phải ngày làm việc" in run.err
    assert "30/11/2026" in run.err


@pytest.mark.parametrize(
    ("changes", "shown"),
    [
        ({"full_name": "CÔNG DÂN\u0000THỬ"}, "Họ tên của chủ hồ sơ có ký tự không hợp lệ"),
        ({"full_name": "\u001b[2JCÔNG DÂN"}, "mã U+001B"),
        ({"full_name": "A" * 100_000}, "dài 100000 ký tự, quá giới hạn 100 ký tự"),
        ({"address": "x" * 301}, "Địa chỉ của chủ hồ sơ dài 301 ký tự"),
        ({"full_name": "A\ud800"}, "mã U+D800"),  # a lone surrogate in the JSON file
        ({"submitter": {"full_name": "B\u0085"}}, "Họ tên của người nộp hồ sơ"),
    ],
    ids=["nul", "esc", "100kB", "address", "surrogate", "submitter-c1"],
)
def test_intake_refuses_control_characters_and_long_text(
    capsys: pytest.CaptureFixture[str],
    db: Path,
    tmp_path: Path,
    changes: dict[str, Any],
    shown: str,
) -> None:
    person = tmp_path / "person.json"
    # ensure_ascii keeps the lone surrogate writable; the CLI reads it back as one
    person.write_text(json.dumps({**APPLICANT, **changes}), encoding="utf-8")
    run = cli(capsys, "intake", "--procedure", "T-3WD", "--applicant", person,
              "--all-components", "--db", db)  # fmt: skip
    assert_refused(run)
    assert shown in run.err
    assert "\x1b" not in run.err and "\x00" not in run.err
    assert cli(capsys, "search", "001085000001", "--db", db, "--json").json() == []
