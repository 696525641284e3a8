"""A desk database with N synthetic dossiers, made fast, for the benchmarks.

The office and the catalogue (tests/fixtures/catalog_small.json) are set up through the
services, like any desk; the dossiers, one audit event each, one outbox command each and the
code and register counters are then written straight into the migrated schema with
executemany, with the secondary indexes dropped during the load and rebuilt after it, and the
file is ANALYZEd. 1,000,000 dossiers take about two minutes on two cores.

The data is shaped like a busy commune office: working days of 2024-01 to 2026-11 with
about 1,400 intakes a day in office hours (codes 0001.. per day, in time order), most dossiers
returned, a few withdrawn, stopped or refused, the last weeks still open, and a few stuck for
ever; citizens come back (about half of the ID numbers appear more than once) and a few
agents submit for many people. Every name is a synthetic placeholder.

Not real: the hash chains (one event per dossier with a made-up hash), appointments (working
days counted without the session rules), outbox payloads (a few bytes instead of the
snapshot). `desk verify` is therefore not meant for a seeded database.

The file is cached as <cache dir>/dossiers-<N>-<key>.db, where the key changes with this
module, the catalogue and the schema head; see cache_dir().
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from sqlmodel import col, select

from data.models import Procedure
from desk.domain.calendar import DueRule
from desk.domain.holiday_defaults import default_year_table
from desk.domain.lifecycle import GENESIS_HASH, Status
from desk.domain.timefmt import VN_TZ
from desk.services.container import DeskServices
from desk.services.dossiers import due_rule_for

AGENCY_CODE = "000.00.01.H99"
AGENCY_NAME = "Ủy ban nhân dân xã Thử Nghiệm"
CATALOG = Path(__file__).resolve().parents[1] / "fixtures" / "catalog_small.json"
FIRST_DAY = date(2024, 1, 1)
LAST_DAY = date(2026, 11, 30)
BENCH_NOW = datetime(2026, 12, 1, 8, 0, tzinfo=VN_TZ)
"""The benchmarks' "now": the first working morning after the seeded period."""
DESK_RANGE = "0001-4999"
MAX_PER_DAY = 4999
SEED = 20240101
CHUNK = 20_000
_UTC_OFFSET = timedelta(hours=7)  # Viet Nam keeps UTC+7 all year
_NOW_LOCAL = BENCH_NOW.replace(tzinfo=None)
_DAY_START = clock_time(7)
_MORNING_SECONDS = 4.5 * 3600  # 07:00-11:30, then 13:30-17:00
_AFTERNOON_START = clock_time(13, 30)
_OFFICE_SECONDS = 8 * 3600
_BIG_TABLES = ("dossier", "dossier_event", "outbox_command")
_BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_PROVINCES = ("001", "019", "026", "031", "038", "040", "048", "079", "092", "096")


@dataclass(frozen=True)
class Kind:
    """One procedure case as the seeder uses it."""

    procedure_id: int
    code: str
    name: str
    sector: str
    case_key: str
    fee: int
    unit: str
    duration: int
    due_rule: str
    weight: float


def cache_dir() -> Path:
    """$DESK_BENCH_CACHE, else motcua-desk-bench in the system's temporary directory."""
    configured = os.environ.get("DESK_BENCH_CACHE")
    return Path(configured) if configured else Path(tempfile.gettempdir()) / "motcua-desk-bench"


def cache_key() -> str:
    from data.migrate import head_revision

    digest = hashlib.sha256()
    digest.update(Path(__file__).read_bytes())
    digest.update(CATALOG.read_bytes())
    digest.update(head_revision().encode())
    return digest.hexdigest()[:12]


def cached_database(dossiers: int, directory: Path | None = None) -> tuple[Path, bool]:
    """The seeded file for ``dossiers`` (made if missing) and whether it came from the cache."""
    folder = directory or cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"dossiers-{dossiers}-{cache_key()}.db"
    if target.exists():
        return target, True
    partial = target.with_name(target.name + ".partial")
    for leftover in (partial, *(Path(f"{partial}{s}") for s in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    seed_database(partial, dossiers)
    partial.replace(target)
    return target, False


def seed_database(path: Path, dossiers: int, seed: int = SEED) -> None:
    rng = random.Random(seed)
    agency_id, desk_id, kinds = _initialise(path)
    workdays = _working_days(FIRST_DAY, LAST_DAY + timedelta(days=150))
    seeded_days = [d for d in workdays if d <= LAST_DAY]
    counts = _daily_counts(rng, seeded_days, dossiers)
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("PRAGMA cache_size=-262144")  # 256 MiB
        connection.execute("PRAGMA temp_store=MEMORY")
        indexes = _drop_indexes(connection)
        connection.execute("BEGIN")
        writer = _Writer(connection)
        generator = _Generator(rng, agency_id, desk_id, kinds, workdays, dossiers)
        for day, count in zip(seeded_days, counts, strict=True):
            for dossier, event, command in generator.day(day, count):
                writer.add(dossier, event, command)
        writer.flush()
        connection.executemany(
            "INSERT INTO code_counter (agency_id, desk_id, day, last_seq) VALUES (?, ?, ?, ?)",
            [
                (agency_id, desk_id, day.isoformat(), count)
                for day, count in zip(seeded_days, counts, strict=True)
                if count
            ],
        )
        connection.executemany(
            "INSERT INTO register_counter (book, last_seq) VALUES (?, ?)",
            sorted(generator.register.items()),
        )
        connection.execute("COMMIT")
        for sql in indexes:
            connection.execute(sql)
        connection.execute("ANALYZE")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _initialise(path: Path) -> tuple[int, str, list[Kind]]:
    services = DeskServices.open(path, clock=lambda: BENCH_NOW)
    try:
        office = services.office.init_office(
            agency_code=AGENCY_CODE, agency_name=AGENCY_NAME, desk_range=DESK_RANGE
        )
        services.catalog.import_file(CATALOG)
        cutoff = services.office.rules().same_day_cutoff
        views = services.catalog.procedures()
        with services.context.db.read() as session:
            rows = session.exec(select(Procedure.code, col(Procedure.id))).all()
        ids = {code: number for code, number in rows if number is not None}
    finally:
        services.close()
    # Share of intakes by procedure code and case (the fixture catalogue has four procedures).
    weights = {
        ("T-SAMEDAY", "chung"): 0.35,
        ("T-3WD", "chung"): 0.27,
        ("T-3WD", "xac-minh"): 0.03,
        ("T-8WH", "chung"): 0.20,
        ("T-PAUSE", "chung"): 0.15,
    }
    kinds = [
        Kind(
            procedure_id=ids[view.code],
            code=view.code,
            name=view.name,
            sector=view.sector,
            case_key=case.key,
            fee=case.fee,
            unit=case.unit,
            duration=case.duration,
            due_rule=_rule_json(due_rule_for(case, cutoff)),
            weight=weights.get((view.code, case.key), 0.01),
        )
        for view in views
        for case in view.cases
    ]
    return office.agency_id, office.desk_id, kinds


def _rule_json(rule: DueRule) -> str:
    return json.dumps(rule.to_dict(), sort_keys=True)


def _working_days(first: date, last: date) -> list[date]:
    tables = {year: default_year_table(year) for year in range(first.year, last.year + 1)}
    days: list[date] = []
    day = first
    while day <= last:
        table = tables[day.year]
        if day in table.workdays or (day.weekday() < 5 and day not in table.holidays):
            days.append(day)
        day += timedelta(days=1)
    return days


def _daily_counts(rng: random.Random, days: Sequence[date], total: int) -> list[int]:
    """Spread ``total`` over ``days``: busier Mondays, some quiet days, exactly ``total``."""
    weights = [rng.uniform(0.7, 1.3) * (1.2 if d.weekday() == 0 else 1.0) for d in days]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for index in rng.sample(range(len(days)), total - sum(counts)):
        counts[index] += 1
    busiest = max(counts)
    if busiest > MAX_PER_DAY:
        raise ValueError(
            f"{total} dossiers need {busiest} codes on one day; a desk issues at most "
            f"{MAX_PER_DAY} ({DESK_RANGE})"
        )
    return counts


def _stamp(local: datetime) -> str:
    """A local wall-clock time as UTCDateTime stores it: naive UTC text, microseconds."""
    return (local - _UTC_OFFSET).isoformat(" ", "microseconds")


class _Generator:
    def __init__(
        self,
        rng: random.Random,
        agency_id: int,
        desk_id: str,
        kinds: list[Kind],
        workdays: list[date],
        total: int,
    ) -> None:
        self.rng = rng
        self.agency_id = agency_id
        self.desk_id = desk_id
        self.kinds = kinds
        self.kind_weights = [k.weight for k in kinds]
        self.workdays = workdays
        self.day_index = {day: index for index, day in enumerate(workdays)}
        self.register: dict[str, int] = {}
        self.outbox_seq = 0
        # Citizens come back: most draws from a large pool, the rest from regulars.
        self.pool = max(1_000, total * 6 // 10)
        self.regulars = max(100, self.pool // 10)
        self.agents = [_agent(number) for number in range(300)]
        self.calendar_version = {
            year: f"s:seeded|{year}:{default_year_table(year).fingerprint()}"
            for year in range(FIRST_DAY.year, LAST_DAY.year + 2)
        }

    def day(self, day: date, count: int) -> Iterator[tuple[tuple[object, ...], ...]]:
        rng = self.rng
        start = datetime.combine(day, _DAY_START)
        afternoon = datetime.combine(day, _AFTERNOON_START)
        offsets = sorted(rng.random() * _OFFICE_SECONDS for _ in range(count))
        kinds = rng.choices(self.kinds, self.kind_weights, k=count)
        index = self.day_index[day]
        prefix = f"{AGENCY_CODE}-{day:%y%m%d}-"
        for seq, (offset, kind) in enumerate(zip(offsets, kinds, strict=True), start=1):
            if offset < _MORNING_SECONDS:
                received = start + timedelta(seconds=offset)
            else:
                received = afternoon + timedelta(seconds=offset - _MORNING_SECONDS)
            yield self._dossier(prefix + f"{seq:04d}", received, index, kind)

    def _due(self, received: datetime, index: int, kind: Kind) -> datetime:
        if kind.unit == "same_day":
            if received.time() < clock_time(15):
                return datetime.combine(received.date(), clock_time(17))
            return datetime.combine(self.workdays[index + 1], clock_time(17))
        if kind.unit == "wh":
            days = max(1, kind.duration // 8)
        elif kind.unit == "cd":
            return received + timedelta(days=kind.duration)
        else:
            days = kind.duration
        return datetime.combine(self.workdays[index + days], received.time())

    def _dossier(
        self, code: str, received: datetime, index: int, kind: Kind
    ) -> tuple[tuple[object, ...], ...]:
        rng = self.rng
        roll = rng.random()
        clock_started: datetime | None = received
        due: datetime | None = self._due(received, index, kind)
        finished: datetime | None = None
        returned: datetime | None = None
        paused: datetime | None = None
        event_kind = "receive"
        intake_status = Status.RECEIVED
        if roll < 0.010:  # incomplete at intake, then refused
            status, clock_started, due = Status.REFUSED, None, None
            finished = received + timedelta(days=rng.uniform(1, 10))
            event_kind, intake_status = "receive_incomplete", Status.SUPPLEMENT_REQUESTED
        elif roll < 0.017:  # incomplete at intake; the citizen never came back
            status, clock_started, due, paused = Status.SUPPLEMENT_REQUESTED, None, None, received
            event_kind, intake_status = "receive_incomplete", Status.SUPPLEMENT_REQUESTED
        elif roll < 0.020:  # stuck in processing for ever
            status = Status.PROCESSING
        else:
            assert due is not None
            finished = self._finish(received, due)
            if roll < 0.035:
                status = Status.WITHDRAWN
            elif roll < 0.040:
                status = Status.STOPPED
            else:
                status = Status.RETURNED
                returned = finished + timedelta(days=rng.expovariate(0.5))
                if returned > _NOW_LOCAL or rng.random() < 0.03:
                    status, returned = Status.RESULT_READY, None
        if finished is not None and finished > _NOW_LOCAL:
            finished = returned = None
            status = (
                Status.RECEIVED
                if _NOW_LOCAL - received < timedelta(days=1)
                else (Status.PROCESSING)
            )
        if finished is not None and finished < received:
            finished = received
        book = str(received.year)
        register_seq = self.register.get(book, 0) + 1
        self.register[book] = register_seq
        dossier_id = _uuid7(received, rng)
        citizen = self._citizen()
        agent = self.agents[rng.randrange(len(self.agents))] if rng.random() < 0.08 else None
        received_text = _stamp(received)
        last = returned or finished or received
        payload = (
            f'{{"case":"{kind.case_key}","code":"{code}","due":null,"missing":[],'
            f'"procedure":"{kind.code}"}}'
        )
        event_hash = f"{rng.getrandbits(256):064x}"
        channel = rng.choices(("direct", "online", "postal"), (0.72, 0.23, 0.05))[0]
        dossier = (
            dossier_id,
            code,
            self.agency_id,
            self.desk_id,
            kind.procedure_id,
            kind.code,
            kind.name,
            kind.sector,
            kind.case_key,
            int(status),
            channel,
            "person",
            citizen[0],
            citizen[1],
            citizen[2],
            citizen[3],
            citizen[4],
            citizen[5],
            citizen[6],
            None,
            agent[0] if agent else None,
            agent[1] if agent else None,
            kind.name,
            1,
            received_text,
            None,
            received_text if clock_started else None,
            _stamp(due) if due else None,
            _stamp(due) if due else None,
            None,
            kind.due_rule if clock_started else None,
            self.calendar_version[received.year] if clock_started else None,
            _stamp(paused) if paused else None,
            None,
            _stamp(finished) if finished else None,
            _stamp(returned) if returned else None,
            "postal" if channel == "postal" else "desk",
            "Hộp thư thử nghiệm, xã Thử Nghiệm" if channel == "postal" else None,
            kind.fee,
            kind.fee if returned else 0,
            None,
            book,
            register_seq,
            _base32(rng.getrandbits(50), 10).lower(),
            _base32(rng.getrandbits(30), 6),
            None,
            None,
            1,
            event_hash,
            _stamp(last),
        )
        event = (
            dossier_id,
            1,
            received_text,
            event_kind,
            None,
            int(intake_status),
            None,
            payload,
            GENESIS_HASH,
            event_hash,
        )
        self.outbox_seq += 1
        command = (
            _uuid7(received, rng),
            self.desk_id,
            self.outbox_seq,
            f"dossier.{event_kind}",
            dossier_id,
            payload,
            hashlib.sha256(payload.encode()).hexdigest(),
            "acked",
            1,
            received_text,
            None,
            received_text,
            _stamp(received + timedelta(seconds=2)),
        )
        return dossier, event, command

    def _finish(self, received: datetime, due: datetime) -> datetime:
        rng = self.rng
        roll = rng.random()
        if roll < 0.65:  # early
            return received + (due - received) * rng.uniform(0.1, 0.9)
        if roll < 0.90:  # on the due day, before the appointment
            return max(received, due - timedelta(hours=rng.uniform(0, 3)))
        return due + timedelta(days=rng.uniform(1, 12))  # late

    def _citizen(self) -> tuple[str, str, str, str, str, str, str]:
        rng = self.rng
        pool = self.regulars if rng.random() < 0.35 else self.pool
        return person_fields(rng.randrange(pool))


def person_fields(number: int) -> tuple[str, str, str, str, str, str, str]:
    """name, name folded, ID number, date of birth, sex, address, phone of citizen ``number``."""
    year = 1950 + (number * 7) % 56
    female = number % 2 == 1
    century = (0 if year < 2000 else 2) + (1 if female else 0)
    province = _PROVINCES[number % len(_PROVINCES)]
    serial = (number // len(_PROVINCES)) % 1_000_000
    id_number = f"{province}{century}{year % 100:02d}{serial:06d}"
    born = date(year, 1 + number % 12, 1 + number % 28)
    return (
        f"CÔNG DÂN THỬ NGHIỆM {number}",
        f"cong dan thu nghiem {number}",
        id_number,
        born.isoformat(),
        "Nữ" if female else "Nam",
        f"Thôn Thử Nghiệm {number % 12 + 1}, xã Thử Nghiệm",
        f"0900{number % 1_000_000:06d}",
    )


def _agent(number: int) -> tuple[str, str]:
    """submitter_json and ID number of agent ``number`` (who submits for many people)."""
    name, _, id_number, born, sex, address, phone = person_fields(7_000_000 + number)
    person = {
        "full_name": name.replace("CÔNG DÂN", "NGƯỜI NỘP"),
        "id_number": id_number,
        "date_of_birth": born,
        "sex": sex,
        "address": address,
        "phone": phone,
        "email": None,
        "kind": "person",
    }
    return json.dumps(person, ensure_ascii=False), id_number


def _uuid7(local: datetime, rng: random.Random) -> str:
    """A UUIDv7 whose time is ``local`` (so ids sort like intake times, as real ones do)."""
    millis = int((local - _UTC_OFFSET - datetime(1970, 1, 1)).total_seconds() * 1000)
    value = (
        (millis << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62)
    ) | rng.getrandbits(62)
    text = f"{value:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _base32(value: int, chars: int) -> str:
    return "".join(_BASE32[(value >> (5 * i)) & 31] for i in reversed(range(chars)))


def _drop_indexes(connection: sqlite3.Connection) -> list[str]:
    """Drop the explicit indexes of the big tables; return the SQL that rebuilds them."""
    rows = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' for _ in _BIG_TABLES)})",
        _BIG_TABLES,
    ).fetchall()
    for name, _ in rows:
        connection.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


class _Writer:
    """Buffers rows and writes them with executemany, CHUNK at a time."""

    DOSSIER = (
        "INSERT INTO dossier (id, code, agency_id, desk_id, procedure_id, procedure_code, "
        "procedure_name, sector, case_key, status, channel, owner_kind, owner_name, "
        "owner_name_search, owner_id_number, owner_date_of_birth, owner_sex, owner_address, "
        "owner_phone, owner_email, submitter_json, submitter_id_number, summary, sets_count, "
        "received_at, received_by, clock_started_at, due_at, original_due_at, extended_due_at, "
        "due_rule, calendar_version, paused_at, status_before_pause, finished_at, returned_at, "
        "delivery, delivery_address, fee_amount, fee_collected, notes, register_book, "
        "register_seq, tracking_token, lookup_code, collector_json, rating, event_count, "
        "last_event_hash, updated_at) VALUES (" + ", ".join("?" * 50) + ")"
    )
    EVENT = (
        "INSERT INTO dossier_event (dossier_id, seq, at, kind, from_status, to_status, "
        "officer_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    COMMAND = (
        "INSERT INTO outbox_command (command_id, desk_id, seq, type, dossier_id, payload, "
        "payload_hash, state, attempts, next_attempt_at, last_error, created_at, acked_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.dossiers: list[tuple[object, ...]] = []
        self.events: list[tuple[object, ...]] = []
        self.commands: list[tuple[object, ...]] = []

    def add(
        self, dossier: tuple[object, ...], event: tuple[object, ...], command: tuple[object, ...]
    ) -> None:
        self.dossiers.append(dossier)
        self.events.append(event)
        self.commands.append(command)
        if len(self.dossiers) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        self.connection.executemany(self.DOSSIER, self.dossiers)
        self.connection.executemany(self.EVENT, self.events)
        self.connection.executemany(self.COMMAND, self.commands)
        self.dossiers.clear()
        self.events.clear()
        self.commands.clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path, cached = cached_database(args.dossiers)
    how = "cached" if cached else f"seeded in {time.perf_counter() - started:.1f} s"
    sys.stderr.write(f"{args.dossiers} dossiers {how}: {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
