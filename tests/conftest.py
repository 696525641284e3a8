"""Shared fixtures: a real SQLite file per test, migrated with Alembic, and a fixed clock."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desk.devices.scanning.sane_backend import ignore_broken_pipes
from desk.domain.person import Person
from desk.domain.timefmt import VN_TZ
from desk.services.container import DeskServices
from tests.processes import install_signal_handlers

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL_CATALOG = FIXTURES / "catalog_small.json"
AGENCY_CODE = "000.00.01.H99"
# The one instant every test's dates come from: the fake clock starts here and the test
# token's certificates are made around it, so no test depends on the day it runs.
TEST_EPOCH = datetime(2026, 11, 25, 9, 0, tzinfo=VN_TZ)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--shift-clock-days",
        type=int,
        default=0,
        help="run with the real clock moved this many days ahead (time-machine), to prove that "
        "no test depends on the day it runs",
    )


def pytest_configure(config: pytest.Config) -> None:
    # A killed run (SIGTERM, SIGHUP) ends the processes its fixtures started (tests/processes).
    install_signal_handlers()
    # The desk's log file (desk.logsetup) goes to a folder of this run, never the user's.
    if "DESK_LOG_DIR" not in os.environ:
        log_dir = tempfile.mkdtemp(prefix="desk-test-logs-")
        os.environ["DESK_LOG_DIR"] = log_dir
        config.add_cleanup(lambda: shutil.rmtree(log_dir, ignore_errors=True))
    days = int(config.getoption("--shift-clock-days"))
    if days:
        import time_machine

        traveller = time_machine.travel(datetime.now(UTC) + timedelta(days=days), tick=True)
        traveller.start()
        config.add_cleanup(traveller.stop)


# The lanes (`./run-tests.sh --fast` runs neither): what needs PostgreSQL, and what needs a
# device service (CUPS, SoftHSM2, pcscd, SANE); "slow" covers chaos, crash, tmux, benchmarks.
_HARDWARE_FIXTURES = frozenset({"cups", "soft_token", "pcscd", "sane_dir", "spy_path", "module"})
_HARDWARE_DIRS = ("tests/devices/token/", "tests/devices/scan/")
_SLOW_FILES = (
    "tests/sync/test_chaos.py",
    "tests/integration/test_crash.py",
    "tests/tui/test_tmux_e2e.py",
    "tests/devices/token/test_tmux_sign.py",
    "tests/bench/",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = config.rootpath
    for item in items:
        where = item.path.relative_to(root).as_posix() if item.path.is_relative_to(root) else ""
        names = set(getattr(item, "fixturenames", ()))
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "pg_base" in names or "postgresql" in params.values():
            item.add_marker(pytest.mark.pg)
        if names & _HARDWARE_FIXTURES or where.startswith(_HARDWARE_DIRS):
            item.add_marker(pytest.mark.hardware)
        if where.startswith(_SLOW_FILES):
            item.add_marker(pytest.mark.slow)


class FakeClock:
    """A clock the test moves by hand; starts on a working Wednesday morning."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or TEST_EPOCH

    def __call__(self) -> datetime:
        return self.now

    def set(self, text: str) -> None:
        self.now = datetime.fromisoformat(text).replace(tzinfo=VN_TZ)

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def _broken_pipes_ignored() -> bool | None:
    """Whether this process ignores SIGPIPE (None where /proc cannot tell)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("SigIgn:"):
                    return bool(int(line.split()[1], 16) & (1 << (signal.SIGPIPE - 1)))
    except OSError:
        return None
    return None


@pytest.fixture(autouse=True)
def _sigpipe_stays_ignored() -> Iterator[None]:
    """A C library that puts SIGPIPE back to its default (SANE's reader did) turns the next
    write to a dropped connection into the death of the whole process: the desk, or the test
    run (exit 141 with no report). Name the test that let it happen."""
    yield
    if _broken_pipes_ignored() is False:
        ignore_broken_pipes()
        pytest.fail("SIGPIPE is no longer ignored after this test (a C library reset it)")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.db"


@pytest.fixture
def bare_services(db_path: Path, clock: FakeClock) -> Iterator[DeskServices]:
    """Migrated database, no office yet."""
    services = DeskServices.open(db_path, clock=clock)
    yield services
    services.close()


@pytest.fixture
def services(bare_services: DeskServices) -> DeskServices:
    """An initialised office with the small test catalogue."""
    bare_services.office.init_office(
        agency_code=AGENCY_CODE,
        agency_name="Ủy ban nhân dân xã Thử Nghiệm",
        desk_range="0001-4999",
        tracking_base_url="https://tracuu.motcua.invalid",
    )
    bare_services.catalog.import_file(SMALL_CATALOG)
    return bare_services


def citizen(suffix: int = 1, **changes: object) -> Person:
    """A synthetic, self-consistent applicant (male, born 1985, province code 001)."""
    values: dict[str, object] = {
        "full_name": "CÔNG DÂN THỬ NGHIỆM",
        "id_number": f"001085{suffix:06d}",
        "date_of_birth": date(1985, 1, 1),
        "sex": "Nam",
        "address": "Thôn Thử Nghiệm, xã Thử Nghiệm",
        "phone": "0912000000",
        "email": None,
    }
    values.update(changes)
    return Person(**values)  # type: ignore[arg-type]
