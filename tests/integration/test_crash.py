"""Power-cut safety: a desk process killed with SIGKILL at random moments, many times.

A child process (tests/integration/crash_child.py) receives dossiers and moves earlier ones
along in a tight loop; the test kills it at a random moment, ROUNDS times, on one SQLite
file. Afterwards the file must be exactly what the committed transactions made of it:
`desk verify` passes, no code or register number is handed out twice or skipped, and every
dossier has exactly its audit events and outbox commands.
"""

from __future__ import annotations

import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from contextlib import closing
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import IO

import pytest

from desk.domain.codes import parse_dossier_code
from desk.domain.lifecycle import Status
from desk.domain.timefmt import VN_TZ
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from tests.conftest import AGENCY_CODE, SMALL_CATALOG, FakeClock, citizen

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and select() on pipes are POSIX"),
]

ROUNDS = 60
SEED = 20261125
FIRST_DAY = date(2026, 11, 2)  # a Monday
ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT = 30.0


def test_sigkill_storm_leaves_whole_data(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    _initialise(db)
    rng = random.Random(SEED)
    log = tmp_path / "children.log"
    days = _working_days(FIRST_DAY, (ROUNDS + 1) // 2)
    started = time.monotonic()
    for round_no in range(ROUNDS):
        # Two rounds a day: the second continues a daily counter the first was killed on.
        hour = clock_time(8) if round_no % 2 == 0 else clock_time(13, 30)
        start = datetime.combine(days[round_no // 2], hour, tzinfo=VN_TZ)
        _kill_one_child(db, start, rng.randrange(2**32), rng.uniform(0.005, 0.150), log)
    storm_seconds = time.monotonic() - started

    verify = subprocess.run(
        [*_desk_command(), "verify", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr

    with closing(sqlite3.connect(db)) as connection:
        facts = _check_invariants(connection)
    # Shown with `pytest -rP` (or -s): what the storm produced.
    sys.stdout.write(
        f"crash storm: {ROUNDS} kills in {storm_seconds:.1f} s, {facts.dossiers} dossiers, "
        f"{facts.events} events, {facts.receive_incomplete} incomplete at intake\n"
    )
    assert facts.dossiers > 0, "no dossier was ever committed: the storm tested nothing"
    assert facts.receive_incomplete > 0, "the mix never recorded an incomplete dossier"
    assert facts.later_actions > 0, "the mix never acted on an earlier dossier"

    # The desk keeps working on the same file, and the next number follows the last one.
    last_day = days[-1]
    clock = FakeClock(datetime.combine(last_day, clock_time(16, 30), tzinfo=VN_TZ))
    services = DeskServices.open(db, clock=clock)
    try:
        result = services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen(9)))
    finally:
        services.close()
    assert result.status is Status.RECEIVED
    code = parse_dossier_code(result.code)
    assert code.day == last_day
    assert code.seq == facts.last_seq_by_day.get(last_day, 0) + 1
    with closing(sqlite3.connect(db)) as connection:
        after = _check_invariants(connection)
    assert after.dossiers == facts.dossiers + 1


def _initialise(db: Path) -> None:
    services = DeskServices.open(db, clock=FakeClock())
    try:
        services.office.init_office(
            agency_code=AGENCY_CODE,
            agency_name="Ủy ban nhân dân xã Thử Nghiệm",
            desk_range="0001-4999",
        )
        services.catalog.import_file(SMALL_CATALOG)
    finally:
        services.close()


def _working_days(first: date, count: int) -> list[date]:
    days: list[date] = []
    day = first
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _desk_command() -> list[str]:
    """The installed `desk` script next to this interpreter, else the same entry point."""
    script = Path(sys.executable).with_name("desk")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from desk.cli import main; sys.exit(main())"]


def _kill_one_child(db: Path, start: datetime, seed: int, delay: float, log: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "tests.integration.crash_child",
        str(db),
        start.isoformat(),
        str(seed),
    ]
    with (
        log.open("ab") as errors,
        subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors) as child,
    ):
        assert child.stdout is not None
        line = _read_line(child.stdout, READY_TIMEOUT)
        if line == b"ready\n":
            time.sleep(delay)
        child.kill()  # SIGKILL on POSIX: no handler, no atexit, no rollback in the process
        returncode = child.wait(timeout=30)
    detail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
    assert line == b"ready\n", f"child never became ready: {line!r}\n{detail}"
    assert returncode == -signal.SIGKILL, f"child ended by itself ({returncode}):\n{detail}"


def _read_line(stream: IO[bytes], timeout: float) -> bytes:
    readable, _, _ = select.select([stream], [], [], timeout)
    return stream.readline() if readable else b""


class Facts:
    def __init__(self) -> None:
        self.dossiers = 0
        self.events = 0
        self.receive_incomplete = 0
        self.later_actions = 0
        self.last_seq_by_day: dict[date, int] = {}


def _check_invariants(connection: sqlite3.Connection) -> Facts:
    facts = Facts()
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []

    duplicates = connection.execute(
        "SELECT code, COUNT(*) FROM dossier GROUP BY code HAVING COUNT(*) > 1"
    ).fetchall()
    assert duplicates == []

    dossiers = connection.execute(
        "SELECT id, code, event_count, paused_at IS NOT NULL, register_book, register_seq "
        "FROM dossier"
    ).fetchall()
    facts.dossiers = len(dossiers)

    kinds: dict[str, list[str]] = defaultdict(list)
    for dossier_id, seq, kind in connection.execute(
        "SELECT dossier_id, seq, kind FROM dossier_event ORDER BY dossier_id, seq"
    ):
        assert seq == len(kinds[dossier_id]) + 1, f"event seq gap in {dossier_id}"
        kinds[dossier_id].append(kind)
    commands: dict[str, list[str]] = defaultdict(list)
    for dossier_id, command_type in connection.execute(
        "SELECT dossier_id, type FROM outbox_command ORDER BY desk_id, seq"
    ):
        assert dossier_id is not None, "an outbox command without its dossier"
        commands[dossier_id].append(command_type)
    open_pauses = dict(
        connection.execute(
            "SELECT dossier_id, COUNT(*) FROM dossier_pause WHERE ended_at IS NULL "
            "GROUP BY dossier_id"
        ).fetchall()
    )
    components = dict(
        connection.execute(
            "SELECT dossier_id, COUNT(*) FROM dossier_component GROUP BY dossier_id"
        ).fetchall()
    )
    known_ids = {row[0] for row in dossiers}
    assert set(kinds) <= known_ids, "events of a dossier that does not exist"
    assert set(commands) <= known_ids, "outbox commands of a dossier that does not exist"

    seqs_by_day: dict[date, list[int]] = defaultdict(list)
    register: dict[str, list[int]] = defaultdict(list)
    for dossier_id, code, event_count, paused, book, register_seq in dossiers:
        events = kinds.get(dossier_id, [])
        assert len(events) == event_count, f"{code}: {len(events)} events, head says {event_count}"
        assert events[0] in ("receive", "receive_incomplete"), f"{code} starts with {events[0]}"
        assert commands.get(dossier_id, []) == [f"dossier.{kind}" for kind in events], code
        assert open_pauses.get(dossier_id, 0) == (1 if paused else 0), f"{code}: pause rows"
        assert components.get(dossier_id, 0) >= 1, f"{code} has no components"
        facts.events += len(events)
        facts.receive_incomplete += events[0] == "receive_incomplete"
        facts.later_actions += len(events) - 1
        parsed = parse_dossier_code(code)
        seqs_by_day[parsed.day].append(parsed.seq)
        register[book].append(register_seq)

    # One desk: its outbox sequence is 1..N without a gap or a repeat.
    for desk_id, seqs in _grouped(connection, "SELECT desk_id, seq FROM outbox_command").items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1)), f"outbox of desk {desk_id}"
    assert sum(len(c) for c in commands.values()) == facts.events

    # A rolled-back intake consumes no number: each day's codes are exactly 1..last_seq.
    counters = {
        date.fromisoformat(day): last_seq
        for day, last_seq in connection.execute("SELECT day, last_seq FROM code_counter")
    }
    assert set(counters) == set(seqs_by_day)
    for day, seqs in seqs_by_day.items():
        assert sorted(seqs) == list(range(1, counters[day] + 1)), f"codes of {day}"
    facts.last_seq_by_day = counters

    books = dict(connection.execute("SELECT book, last_seq FROM register_counter").fetchall())
    assert set(books) == set(register)
    for book, numbers in register.items():
        assert sorted(numbers) == list(range(1, books[book] + 1)), f"register book {book}"
    return facts


def _grouped(connection: sqlite3.Connection, query: str) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for key, value in connection.execute(query):
        groups[key].append(value)
    return groups
