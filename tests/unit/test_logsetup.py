"""desk.logsetup: the rotating log file, and the filter that keeps personal data out of it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from desk import logsetup
from desk.logsetup import ID_MASK, PHONE_MASK, redact, setup_logging


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cccd 001085000001 ok", f"cccd {ID_MASK} ok"),
        ("cmnd=123456789.", f"cmnd={ID_MASK}."),
        ("gọi 0912000000", f"gọi {PHONE_MASK}"),
        ("gọi 0912 000 000 hoặc +84912000000", f"gọi {PHONE_MASK} hoặc {PHONE_MASK}"),
        ("(0912.000.000)", f"({PHONE_MASK})"),
    ],
)
def test_id_numbers_and_phones_are_masked(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "kept",
    [
        "dossier 000.00.01.H99-261203-0001: receive (None -> 2)",
        "command 0192f4a1-7b3c-7def-8123-456789012345 queued: dossier.receive seq 12",
        "sha 123456789012abcdef0123456789abcdef0123456789abcdef0123456789abcd",
        "mau01-000.00.01.H99-261203-0001-20261203-113553.pdf",
        "port 8443, 20261203113553, 2026-12-03 11:35:53",
    ],
)
def test_codes_ids_hashes_and_times_are_kept(kept: str) -> None:
    assert redact(kept) == kept


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DESK_LOG_DIR", str(tmp_path / "logs"))
    return tmp_path / "logs"


def _flush() -> None:
    assert logsetup._handler is not None
    logsetup._handler.flush()


def test_the_log_file_is_in_desk_log_dir_and_never_holds_personal_data(log_dir: Path) -> None:
    path = setup_logging()
    assert path == log_dir / "desk.log"
    logging.getLogger("desk.test").info("applicant %s phone %s", "001085000001", "0912000000")
    try:
        raise ValueError("bad id 001085000001")
    except ValueError:
        logging.getLogger("screens").error("unexpected error", exc_info=True)
    _flush()
    text = path.read_text(encoding="utf-8")
    assert "001085000001" not in text and "0912000000" not in text
    assert f"applicant {ID_MASK} phone {PHONE_MASK}" in text
    assert "Traceback" in text and "ValueError: bad id [số-định-danh]" in text
    assert setup_logging() == path  # a second call keeps the one handler
    assert logging.getLogger("desk").handlers.count(logsetup._handler) == 1  # type: ignore[arg-type]


def test_the_log_rotates(log_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logsetup, "MAX_BYTES", 2_000)
    path = setup_logging()
    assert path is not None
    for index in range(100):
        logging.getLogger("desk.test").info("line %d %s", index, "x" * 50)
    _flush()
    assert (log_dir / "desk.log.1").is_file()
    assert path.stat().st_size <= 2_000


def test_an_unwritable_log_folder_is_no_log_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DESK_LOG_DIR", str(blocker / "logs"))
    assert setup_logging() is None
