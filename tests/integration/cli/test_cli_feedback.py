"""`desk feedback add|list|assign|close|report` from the command line."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desk.domain.timefmt import VN_TZ
from tests.integration.cli.test_cli import assert_refused, cli

CONTENT = "Chưa nhận được kết quả đúng ngày hẹn"


def test_feedback_round_trip(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    added = cli(
        capsys, "feedback", "add", "--content", CONTENT, "--channel", "email",
        "--email", "congdan@motcua.invalid", "--db", db, "--json",
    )  # fmt: skip
    item = added.json()
    year = item["number"].split("/")[1]  # the CLI runs on the real clock: the year it came in
    assert year == str(datetime.now(VN_TZ).year) and item["state"] == "open"
    listed = cli(capsys, "feedback", "list", "--db", db)
    assert item["number"] in listed.out and "congdan@" not in listed.out
    assigned = cli(capsys, "feedback", "assign", item["number"], "--to", "Văn phòng", "--db", db)
    assert assigned.code == 0, assigned.err
    closed = cli(
        capsys, "feedback", "close", item["number"], "--answer", "Đã trả lời qua email",
        "--db", db, "--json",
    )  # fmt: skip
    assert closed.json()["state"] == "closed" and closed.json()["on_time"] is True
    assert "Không có phản ánh" in cli(capsys, "feedback", "list", "--db", db).out
    report = cli(capsys, "feedback", "report", "--period", year, "--db", db, "--json").json()
    assert (report["received"], report["answered_on_time"]) == (1, 1)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["add", "--content", CONTENT, "--channel", "email", "--email", "sai@"], "email"),
        (["add", "--content", CONTENT, "--channel", "telex"], "telex"),
        (["close", "7", "--answer", "Đã trả lời"], "7"),
        (["report", "--period", "2026-13"], "Tháng 13"),
    ],
)
def test_feedback_bad_input(
    capsys: pytest.CaptureFixture[str], db: Path, args: list[str], says: str
) -> None:
    run = cli(capsys, "feedback", *args, "--db", db)
    assert_refused(run)
    assert says in run.err
