"""Typer's own words (Usage, Options, Commands, the --help line, "Did you mean", parameter
names, type labels) are Vietnamese by default and English with DESK_LANGUAGE=en (issue 15)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desk.cli import click_vi
from desk.i18n import set_language
from tests.integration.cli.test_cli import cli

ENGLISH_WORDS = ("Usage:", "Options", "Commands", "Arguments", "Show this message and exit.",
                 "<str>", "<bool>", "<path>", "[required]", "[default:", "[OPTIONS]",
                 "COMMAND [ARGS]", "{code}")  # fmt: skip


@pytest.fixture(autouse=True)
def _back_to_vietnamese() -> Iterator[None]:
    yield
    set_language("vi")
    click_vi.install()


@pytest.mark.parametrize("args", [["--help"], ["lookup", "--help"], ["print", "--help"]])
def test_help_is_vietnamese(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    run = cli(capsys, *args)
    assert run.code == 0
    assert "Cách dùng: desk" in run.out
    assert "Hiện hướng dẫn này rồi thoát." in run.out
    assert "Tùy chọn" in run.out
    for word in ENGLISH_WORDS:
        assert word not in run.out, word
    assert "[TÙY CHỌN]" in run.out
    if args == ["--help"]:
        assert "Các lệnh" in run.out and "LỆNH [THAM SỐ]..." in run.out
    if args == ["lookup", "--help"]:
        assert "Tham số" in run.out and "[bắt buộc]" in run.out and "<chữ>" in run.out
        assert "desk lookup [TÙY CHỌN] {mã hồ sơ}" in run.out


def test_a_mistyped_command_is_suggested_in_vietnamese_without_a_stray_full_stop(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run = cli(capsys, "inta")
    assert run.code == 2
    assert "Có phải ý bạn là 'intake'" in run.err
    assert "?." not in run.err and "Did you mean" not in run.err


def test_a_missing_argument_is_named_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "lookup")
    assert "Thiếu tham số 'mã hồ sơ'" in run.err
    assert "'code'" not in run.err


def test_english_with_desk_language_en(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESK_LANGUAGE", "en")
    run = cli(capsys, "lookup", "--help")
    assert "Usage: desk lookup [OPTIONS] {code}" in run.out
    assert "Show this message and exit." in run.out
    assert "Arguments" in run.out and "Options" in run.out and "<str>" in run.out
    assert "Cách dùng" not in run.out and "Tùy chọn" not in run.out
    mistyped = cli(capsys, "inta")
    assert "Did you mean 'intake'" in mistyped.err and "?." not in mistyped.err
    assert "Missing argument 'code'" in cli(capsys, "lookup").err
