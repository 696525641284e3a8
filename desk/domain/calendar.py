"""The working calendar: when a dossier's clock starts and when its appointment falls due.

Rules (DOMAIN.md §4 and §11.3):

* R1 working sessions are 07:00–11:30 and 13:30–17:00 local time unless the office configures
  other ones (``Sessions``).
* R2 a working day is Monday–Friday that is not a holiday, plus every make-up working day.
* R3 counting starts at the receipt instant when that is working time, else at the next session
  start.
* R4 N working hours: walk the sessions from the clock start; the due is the instant the count
  ends, which may be exactly a session end (11:30 or 17:00 are never rolled forward).
* R5 N working days are N × the working time of one day (8 h by default).
* R6 same day with a cut-off (default 15:00): received on a working day at or before the cut-off
  → end of the last session that day, otherwise the end of the last session of the next
  working day.
* R7 N calendar days: receipt + N days on the wall clock, moved to the next session start when
  that is not working time.
* R8 pauses (supplement, legal stop): working time inside a pause does not count.

The module is pure (standard library only). Years of holidays come from a caller-supplied
function so that the database, the bundled defaults or a test table can all feed it.

Arithmetic is exact (``timedelta``) and done on local wall-clock time: Asia/Ho_Chi_Minh has had
no daylight saving time since 1975, so wall-clock time and elapsed time agree there.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

__all__ = [
    "DEFAULT_CUTOFF",
    "VN_TZ",
    "DueResult",
    "DueRule",
    "DurationUnit",
    "Sessions",
    "WorkingCalendar",
    "YearTable",
]

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

DEFAULT_CUTOFF = time(15, 0)
"""R6: same-day procedures received after 15:00 are returned the next working day."""

_ZERO = timedelta(0)
_ONE_DAY = timedelta(days=1)

# A calendar whose year tables declare every day off would make the day walk spin for ever;
# no real office closes for this long, so stop and report the broken table instead.
_MAX_DAYS_WITHOUT_WORK = 3 * 366


def _short_hash(payload: object) -> str:
    """Eight hex digits of a SHA-256 over canonical JSON (stable across runs and machines)."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:8]


class DurationUnit(StrEnum):
    """How a procedure's processing time (thời hạn giải quyết) is expressed."""

    WORKING_HOURS = "wh"
    WORKING_DAYS = "wd"
    CALENDAR_DAYS = "cd"
    SAME_DAY = "same_day"


@dataclass(frozen=True)
class YearTable:
    """The official list of days off and make-up working days for one year."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str
    # Display names only: left out of equality and of the fingerprint.
    names: Mapping[date, str] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        # Accept any iterable of dates from callers but store immutable sets.
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        object.__setattr__(self, "workdays", frozenset(self.workdays))
        object.__setattr__(self, "names", dict(self.names))
        # The calendar looks a day up in the table of day.year, so a stray date from another
        # year would be silently ignored: refuse it here.
        stray = sorted(d for d in self.holidays | self.workdays if d.year != self.year)
        if stray:
            raise ValueError(f"YearTable {self.year} lists dates of another year: {stray[0]}")

    def fingerprint(self) -> str:
        """A short hash of the two date lists (not of names or source)."""
        return _short_hash(
            {
                "holidays": sorted(d.isoformat() for d in self.holidays),
                "workdays": sorted(d.isoformat() for d in self.workdays),
            }
        )


@dataclass(frozen=True)
class Sessions:
    """R1: the daily working sessions of an office, as local wall-clock times."""

    periods: tuple[tuple[time, time], ...] = ((time(7), time(11, 30)), (time(13, 30), time(17)))

    def __post_init__(self) -> None:
        periods = tuple((start, end) for start, end in self.periods)
        object.__setattr__(self, "periods", periods)
        if not periods:
            raise ValueError("Sessions needs at least one period")
        previous_end: time | None = None
        for start, end in periods:
            _check_period(start, end)
            if previous_end is not None and start < previous_end:
                raise ValueError("Session periods must be in order and must not overlap")
            previous_end = end

    def hours_per_day(self) -> timedelta:
        """Working time of one full working day (R5): 8 h with the default sessions."""
        return sum((_span(start, end) for start, end in self.periods), _ZERO)

    @property
    def first_start(self) -> time:
        return self.periods[0][0]

    @property
    def last_end(self) -> time:
        return self.periods[-1][1]

    def fingerprint(self) -> str:
        """A short hash of the periods, stable across runs."""
        return _short_hash([[s.isoformat(), e.isoformat()] for s, e in self.periods])


def _check_period(start: time, end: time) -> None:
    if not isinstance(start, time) or not isinstance(end, time):
        raise ValueError("Session periods are pairs of datetime.time")
    if start.tzinfo is not None or end.tzinfo is not None:
        raise ValueError("Session times are local wall-clock times without tzinfo")
    if not start < end:
        raise ValueError(f"Session period {start}–{end} must start before it ends")


def _span(start: time, end: time) -> timedelta:
    anchor = date(2000, 1, 3)
    return datetime.combine(anchor, end) - datetime.combine(anchor, start)


_RULE_TEXT = re.compile(r"(?P<amount>\d+)\s*(?P<unit>wh|wd|cd)")
_SAME_DAY_TEXT = re.compile(r"same_day(?:@(?P<cutoff>\d{2}:\d{2}))?")


@dataclass(frozen=True)
class DueRule:
    """A procedure's time limit: an amount in a unit, and a cut-off for same-day procedures."""

    unit: DurationUnit
    amount: int = 0
    cutoff: time | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit", DurationUnit(self.unit))
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise ValueError("DueRule.amount must be an integer")
        if self.amount < 0:
            raise ValueError("DueRule.amount must not be negative")
        if self.unit is DurationUnit.SAME_DAY and self.amount != 0:
            raise ValueError("A same-day rule has no amount")
        if self.cutoff is not None:
            self._check_cutoff(self.cutoff)

    def _check_cutoff(self, cutoff: time) -> None:
        if self.unit is not DurationUnit.SAME_DAY:
            raise ValueError("Only a same-day rule has a cut-off time")
        if not isinstance(cutoff, time) or cutoff.tzinfo is not None:
            raise ValueError("The cut-off is a local time without tzinfo")

    @property
    def effective_cutoff(self) -> time:
        """The cut-off R6 applies: the configured one or 15:00."""
        return self.cutoff if self.cutoff is not None else DEFAULT_CUTOFF

    def to_dict(self) -> dict[str, object]:
        """JSON-safe form; ``from_dict`` reverses it."""
        cutoff = None if self.cutoff is None else self.cutoff.isoformat()
        return {"unit": self.unit.value, "amount": self.amount, "cutoff": cutoff}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> DueRule:
        unknown = set(data) - {"unit", "amount", "cutoff"}
        if unknown:
            raise ValueError(f"Unknown DueRule keys: {sorted(unknown)}")
        unit = data.get("unit")
        amount = data.get("amount", 0)
        cutoff = data.get("cutoff")
        if not isinstance(unit, str) or unit not in {u.value for u in DurationUnit}:
            raise ValueError(f"Unknown duration unit: {unit!r}")
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise ValueError("DueRule.amount must be an integer")
        if cutoff is not None and not isinstance(cutoff, str):
            raise ValueError("The cut-off must be an ISO time string")
        return cls(DurationUnit(unit), amount, None if cutoff is None else _parse_time(cutoff))

    @classmethod
    def parse(cls, text: str) -> DueRule:
        """Read the CLI form: "8wh", "3wd", "15cd", "same_day" or "same_day@16:00"."""
        cleaned = text.strip().lower()
        match = _RULE_TEXT.fullmatch(cleaned)
        if match:
            return cls(DurationUnit(match["unit"]), int(match["amount"]))
        match = _SAME_DAY_TEXT.fullmatch(cleaned)
        if match:
            cutoff = match["cutoff"]
            return cls(DurationUnit.SAME_DAY, 0, _parse_time(cutoff) if cutoff else None)
        raise ValueError(f"Not a time limit: {text!r} (expected e.g. 8wh, 3wd, 15cd, same_day)")

    def __str__(self) -> str:
        if self.unit is DurationUnit.SAME_DAY:
            return "same_day" if self.cutoff is None else f"same_day@{self.cutoff:%H:%M}"
        return f"{self.amount}{self.unit.value}"


def _parse_time(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"Not a time of day: {text!r}") from exc


@dataclass(frozen=True)
class DueResult:
    """The appointment (ngày hẹn trả) and what it was computed from."""

    due: datetime
    clock_start: datetime
    rule: DueRule
    calendar_version: str


# Internally every instant is a naive local wall-clock datetime; this alias documents that.
_Local = datetime
_Interval = tuple[_Local, _Local]


class _Pauses:
    """Merged, sorted, disjoint pause intervals with fast "free pieces" lookups."""

    def __init__(self, intervals: Sequence[_Interval]) -> None:
        merged: list[list[_Local]] = []
        for start, end in sorted(i for i in intervals if i[0] < i[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def touches(self, lo: _Local, hi: _Local) -> bool:
        """Whether any pause overlaps [lo, hi)."""
        i = bisect_right(self._ends, lo)
        return i < len(self._starts) and self._starts[i] < hi

    def free(self, lo: _Local, hi: _Local) -> Iterator[_Interval]:
        """The non-empty pieces of [lo, hi) that lie outside every pause, in order."""
        i = bisect_right(self._ends, lo)
        while i < len(self._starts) and self._starts[i] < hi and lo < hi:
            if self._starts[i] > lo:
                yield lo, self._starts[i]
            lo = max(lo, self._ends[i])
            i += 1
        if lo < hi:
            yield lo, hi


_NO_PAUSES = _Pauses(())


class WorkingCalendar:
    """Working days and sessions of one office, and the due-date rules R1–R8 on top of them."""

    def __init__(
        self,
        year_table: Callable[[int], YearTable],
        sessions: Sessions = Sessions(),  # frozen, so one shared default is safe
        tz: ZoneInfo = VN_TZ,
    ) -> None:
        self._year_table = year_table
        self._tables: dict[int, YearTable] = {}
        self._fingerprints: dict[int, str] = {}  # hashing a table on every due would dominate
        self.sessions = sessions
        self.tz = tz
        self._day_length = sessions.hours_per_day()
        # The timezone changes every result, so it is part of the sessions' share of the version.
        self._sessions_tag = _short_hash([sessions.fingerprint(), str(tz)])

    # -- year tables -----------------------------------------------------------------------

    def table_for(self, year: int) -> YearTable:
        """The year table of ``year``, fetched once from the supplier and then cached."""
        table = self._tables.get(year)
        if table is None:
            table = self._year_table(year)
            if table.year != year:
                raise ValueError(f"The year table supplier returned {table.year} for {year}")
            self._tables[year] = table
            self._fingerprints[year] = table.fingerprint()
        return table

    def calendar_version(self, first: datetime, last: datetime) -> str:
        """Sessions plus the fingerprint of every year from ``first`` to ``last`` (local years)."""
        lo, hi = sorted((self._local(first).year, self._local(last).year))
        parts = [f"s:{self._sessions_tag}"]
        for year in range(lo, hi + 1):
            self.table_for(year)
            parts.append(f"{year}:{self._fingerprints[year]}")
        return "|".join(parts)

    # -- days and instants -----------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """R2: Mon–Fri and not a holiday, or a make-up working day (which wins over a holiday)."""
        table = self.table_for(day.year)
        if day in table.workdays:
            return True
        return day.weekday() < 5 and day not in table.holidays

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        for offset in range(1, _MAX_DAYS_WITHOUT_WORK + 1):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError(f"No working day within {_MAX_DAYS_WITHOUT_WORK} days after {day}")

    def is_working_time(self, instant: datetime) -> bool:
        """Inside a session (start inclusive, end exclusive) on a working day."""
        local = self._local(instant)
        if not self.is_working_day(local.date()):
            return False
        now = local.time()
        return any(start <= now < end for start, end in self.sessions.periods)

    def clock_start(self, instant: datetime) -> datetime:
        """R3: the instant itself when it is working time, else the next session start."""
        return self._aware(self._clock_start(self._local(instant)))

    # -- working-time arithmetic ----------------------------------------------------------

    def add_working_time(
        self,
        start: datetime,
        amount: timedelta,
        pauses: Sequence[tuple[datetime, datetime]] = (),
    ) -> datetime:
        """R4 + R8: the instant at which ``amount`` of unpaused working time has elapsed.

        A zero amount gives the first unpaused working instant at or after ``start``.
        """
        if amount < _ZERO:
            raise ValueError("The working time to add must not be negative")
        local = self._local(start)
        return self._aware(self._walk(local, amount, self._pauses(pauses)))

    def working_time_between(
        self,
        a: datetime,
        b: datetime,
        pauses: Sequence[tuple[datetime, datetime]] = (),
    ) -> timedelta:
        """Working time in [a, b) outside every pause; zero when b is not after a."""
        return self._between(self._local(a), self._local(b), self._pauses(pauses))

    # -- the due date ----------------------------------------------------------------------

    def compute_due(
        self,
        rule: DueRule,
        received: datetime,
        pauses: Sequence[tuple[datetime, datetime]] = (),
    ) -> DueResult:
        """The appointment for a dossier received at ``received`` under ``rule`` (R3–R8)."""
        local = self._local(received)
        merged = self._pauses(pauses)
        start = self._clock_start(local)
        if rule.unit in (DurationUnit.WORKING_HOURS, DurationUnit.WORKING_DAYS):
            # R8 for wh/wd: the walk itself skips paused time.
            due = self._walk(start, self._rule_length(rule), merged)
        else:
            base = self._base_due(rule, local)
            due = self._extend_by_pauses(start, base, merged)
        return DueResult(
            due=self._aware(due),
            clock_start=self._aware(start),
            rule=rule,
            calendar_version=self.calendar_version(received, self._aware(due)),
        )

    def _rule_length(self, rule: DueRule) -> timedelta:
        if rule.unit is DurationUnit.WORKING_DAYS:
            return rule.amount * self._day_length  # R5
        return timedelta(hours=rule.amount)  # R4

    def _base_due(self, rule: DueRule, received: _Local) -> _Local:
        """The due of a same-day or calendar-day rule before pauses are taken into account."""
        if rule.unit is DurationUnit.SAME_DAY:
            return self._same_day_due(received, rule.effective_cutoff)
        # R7: wall-clock days, then off any non-working instant.
        return self._clock_start(received + timedelta(days=rule.amount))

    def _same_day_due(self, received: _Local, cutoff: time) -> _Local:
        """R6. A cut-off after closing time is capped there, so the due never precedes receipt."""
        day = received.date()
        limit = min(cutoff, self.sessions.last_end)
        if not (self.is_working_day(day) and received.time() <= limit):
            day = self.next_working_day(day)
        return datetime.combine(day, self.sessions.last_end)

    def _extend_by_pauses(self, start: _Local, base: _Local, pauses: _Pauses) -> _Local:
        """R8 for same-day and calendar-day rules: push the due by the paused working time.

        Walking forward from the base due while still skipping pauses also covers an extension
        that itself runs into a later pause.
        """
        if not pauses:
            return base
        paused = self._between(start, base, _NO_PAUSES) - self._between(start, base, pauses)
        if paused == _ZERO:
            return base  # keep an exact 17:00 instead of rolling it to the next morning
        return self._walk(base, paused, pauses)

    # -- internals on local wall-clock time -----------------------------------------------

    def _local(self, instant: datetime) -> _Local:
        if instant.tzinfo is None or instant.utcoffset() is None:
            raise ValueError("Datetimes given to the working calendar must be timezone-aware")
        return instant.astimezone(self.tz).replace(tzinfo=None)

    def _aware(self, local: _Local) -> datetime:
        return local.replace(tzinfo=self.tz)

    def _pauses(self, pauses: Sequence[tuple[datetime, datetime]]) -> _Pauses:
        intervals: list[_Interval] = []
        for start, end in pauses:
            lo, hi = self._local(start), self._local(end)
            if hi < lo:
                raise ValueError("A pause must not end before it starts")
            intervals.append((lo, hi))
        return _Pauses(intervals)

    def _day_sessions(self, day: date) -> Iterator[_Interval]:
        for start, end in self.sessions.periods:
            yield datetime.combine(day, start), datetime.combine(day, end)

    def _clock_start(self, local: _Local) -> _Local:
        day = local.date()
        if self.is_working_day(day):
            for start, end in self._day_sessions(day):
                if local < end:
                    return max(local, start)
        return datetime.combine(self.next_working_day(day), self.sessions.first_start)

    def _walk(self, cursor: _Local, remaining: timedelta, pauses: _Pauses) -> _Local:
        """Count ``remaining`` unpaused working time from ``cursor``, one day at a time."""
        day = cursor.date()
        idle_days = 0
        while True:
            if self.is_working_day(day):
                idle_days = 0
                found, remaining = self._walk_day(day, cursor, remaining, pauses)
                if found is not None:
                    return found
            else:
                idle_days += 1
                if idle_days > _MAX_DAYS_WITHOUT_WORK:
                    raise ValueError(f"No working day within {_MAX_DAYS_WITHOUT_WORK} days")
            day += _ONE_DAY
            cursor = datetime.combine(day, time.min)

    def _walk_day(
        self, day: date, cursor: _Local, remaining: timedelta, pauses: _Pauses
    ) -> tuple[_Local | None, timedelta]:
        """Spend working time of one working day; return the end instant if it is reached."""
        opening = datetime.combine(day, self.sessions.first_start)
        closing = datetime.combine(day, self.sessions.last_end)
        # Fast path: a whole unpaused day that does not finish the count. Strictly greater, so
        # that a count ending exactly at closing time returns 17:00 of this day.
        if (
            cursor <= opening
            and remaining > self._day_length
            and not pauses.touches(opening, closing)
        ):
            return None, remaining - self._day_length
        for start, end in self._day_sessions(day):
            for lo, hi in pauses.free(max(start, cursor), end):
                if remaining <= hi - lo:
                    return lo + remaining, _ZERO
                remaining -= hi - lo
        return None, remaining

    def _between(self, a: _Local, b: _Local, pauses: _Pauses) -> timedelta:
        total = _ZERO
        day = a.date()
        while day <= b.date():
            if self.is_working_day(day):
                total += self._between_on(day, a, b, pauses)
            day += _ONE_DAY
        return total

    def _between_on(self, day: date, a: _Local, b: _Local, pauses: _Pauses) -> timedelta:
        opening = datetime.combine(day, self.sessions.first_start)
        closing = datetime.combine(day, self.sessions.last_end)
        if a <= opening and closing <= b and not pauses.touches(opening, closing):
            return self._day_length
        total = _ZERO
        for start, end in self._day_sessions(day):
            for lo, hi in pauses.free(max(start, a), min(end, b)):
                total += hi - lo
        return total
