"""Example-based tests of the working calendar rules R1–R8 (DOMAIN.md §4, §11.3).

Instants are local Asia/Ho_Chi_Minh unless a test says otherwise. The 2026 facts used here come
from the default tables: Tết 16/02–20/02, Giỗ Tổ observed Mon 27/04, 30/04 and 01/05 off,
Saturday 22/08 worked for Monday 31/08, Quốc khánh 01/09–02/09, Ngày Văn hóa Tue 24/11.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desk.domain.calendar import (
    VN_TZ,
    DueResult,
    DueRule,
    DurationUnit,
    Sessions,
    WorkingCalendar,
    YearTable,
)
from desk.domain.holiday_defaults import MAKE_UP_DAY_NAME, default_year_table


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


def plain_year(year: int) -> YearTable:
    """A year with weekends only: no holidays, no make-up days."""
    return YearTable(year, frozenset(), frozenset(), source="test: weekends only")


@pytest.fixture
def cal() -> WorkingCalendar:
    return WorkingCalendar(default_year_table)


def due(cal: WorkingCalendar, text: str, received: datetime) -> datetime:
    return cal.compute_due(DueRule.parse(text), received).due


# -- default year tables ----------------------------------------------------------------------


def test_default_table_2026_facts() -> None:
    table = default_year_table(2026)
    assert table.year == 2026
    assert date(2026, 11, 24) in table.holidays
    assert date(2026, 4, 27) in table.holidays
    assert date(2026, 8, 31) in table.holidays
    assert table.workdays == frozenset({date(2026, 8, 22)})
    assert {date(2026, 2, d) for d in range(16, 21)} <= table.holidays
    assert table.source.startswith("holidays ") and table.source.endswith(" (VN)")
    assert table.names[date(2026, 11, 24)] == "Ngày Văn hóa Việt Nam"
    assert table.names[date(2026, 8, 22)] == MAKE_UP_DAY_NAME


def test_default_table_keeps_only_its_year_and_is_cached() -> None:
    table = default_year_table(2015)
    assert all(d.year == 2015 for d in table.holidays | table.workdays)
    assert date(2015, 1, 2) in table.holidays
    assert date(2014, 12, 27) in default_year_table(2014).workdays
    assert default_year_table(2015) is table


def test_default_calendar_2026_days(cal: WorkingCalendar) -> None:
    assert not cal.is_working_day(date(2026, 11, 24))
    assert not cal.is_working_day(date(2026, 4, 27))
    assert cal.is_working_day(date(2026, 8, 22))  # make-up Saturday
    assert not cal.is_working_day(date(2026, 8, 29))  # ordinary Saturday
    assert not cal.is_working_day(date(2026, 8, 31))
    assert cal.is_working_day(date(2026, 2, 13))
    assert not any(cal.is_working_day(date(2026, 2, d)) for d in range(14, 23))
    assert cal.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)
    assert cal.next_working_day(date(2026, 8, 21)) == date(2026, 8, 22)
    assert cal.next_working_day(date(2026, 8, 28)) == date(2026, 9, 3)


# -- YearTable --------------------------------------------------------------------------------


def test_year_table_fingerprint_is_stable_and_ignores_names_and_source() -> None:
    a = YearTable(2030, frozenset({date(2030, 1, 1)}), frozenset(), source="a")
    b = YearTable(2030, {date(2030, 1, 1)}, set(), source="b", names={date(2030, 1, 1): "x"})  # type: ignore[arg-type]
    assert a.fingerprint() == b.fingerprint() == "e1cc3a81"
    named = YearTable(2030, a.holidays, a.workdays, source="a", names={date(2030, 1, 1): "x"})
    assert a == named and hash(a) == hash(named)  # names are display only
    c = YearTable(2030, frozenset(), frozenset({date(2030, 1, 1)}), source="a")
    assert c.fingerprint() != a.fingerprint()


def test_year_table_refuses_dates_of_another_year() -> None:
    with pytest.raises(ValueError, match="another year"):
        YearTable(2030, frozenset({date(2031, 1, 1)}), frozenset(), source="bad")


def test_custom_make_up_day_wins_over_holiday() -> None:
    saturday = date(2030, 3, 2)
    table = YearTable(
        2030,
        holidays=frozenset({saturday, date(2030, 3, 4)}),
        workdays=frozenset({saturday}),
        source="test",
    )
    cal = WorkingCalendar(lambda y: table if y == 2030 else plain_year(y))
    assert cal.is_working_day(saturday)
    assert not cal.is_working_day(date(2030, 3, 4))  # Monday off
    assert cal.is_working_day(date(2030, 3, 5))
    # Fri 01/03 16:00 + 2 wh: one hour on Friday, one on the make-up Saturday.
    rule = DueRule(DurationUnit.WORKING_HOURS, 2)
    got = cal.compute_due(rule, datetime(2030, 3, 1, 16, tzinfo=VN_TZ)).due
    assert got == datetime(2030, 3, 2, 8, tzinfo=VN_TZ)


def test_year_tables_are_fetched_lazily_and_once() -> None:
    calls: list[int] = []

    def supplier(year: int) -> YearTable:
        calls.append(year)
        return plain_year(year)

    cal = WorkingCalendar(supplier)
    assert calls == []
    for _ in range(3):
        cal.compute_due(DueRule.parse("3wd"), vn(2030, 12, 30, 9))
    assert calls == [2030, 2031]


def test_supplier_returning_wrong_year_is_refused() -> None:
    cal = WorkingCalendar(lambda y: plain_year(2000))
    with pytest.raises(ValueError, match="returned 2000"):
        cal.is_working_day(date(2030, 1, 2))


def test_calendar_that_never_works_stops_with_value_error() -> None:
    def all_off(year: int) -> YearTable:
        days = frozenset(date(year, 1, 1) + timedelta(days=i) for i in range(366))
        return YearTable(year, frozenset(d for d in days if d.year == year), frozenset(), "off")

    cal = WorkingCalendar(all_off)
    with pytest.raises(ValueError, match="No working day"):
        cal.compute_due(DueRule.parse("1wh"), vn(2030, 1, 2, 9))


# -- Sessions (R1) ----------------------------------------------------------------------------


def test_default_sessions() -> None:
    sessions = Sessions()
    assert sessions.periods == ((time(7), time(11, 30)), (time(13, 30), time(17)))
    assert sessions.hours_per_day() == timedelta(hours=8)
    assert sessions.first_start == time(7) and sessions.last_end == time(17)


@pytest.mark.parametrize(
    "periods",
    [
        (),
        ((time(11), time(7)),),
        ((time(7), time(7)),),
        ((time(13), time(17)), (time(7), time(11))),
        ((time(7), time(12)), (time(11), time(17))),
        ((time(7, tzinfo=UTC), time(11)),),
    ],
    ids=["empty", "reversed", "zero-length", "unordered", "overlapping", "aware"],
)
def test_bad_sessions_raise(periods: tuple[tuple[time, time], ...]) -> None:
    with pytest.raises(ValueError):
        Sessions(periods)


def test_custom_sessions_change_the_working_day() -> None:
    sessions = Sessions(((time(8), time(12)),))
    assert sessions.hours_per_day() == timedelta(hours=4)
    cal = WorkingCalendar(plain_year, sessions)
    # Mon 07/01/2030 13:00 is after closing: clock starts Tue 08:00; 1 wd = 4 h → Tue 12:00.
    result = cal.compute_due(DueRule.parse("1wd"), vn(2030, 1, 7, 13))
    assert result.clock_start == vn(2030, 1, 8, 8)
    assert result.due == vn(2030, 1, 8, 12)


def test_touching_sessions_are_allowed() -> None:
    sessions = Sessions(((time(8), time(12)), (time(12), time(16))))
    cal = WorkingCalendar(plain_year, sessions)
    assert cal.add_working_time(vn(2030, 1, 7, 11), timedelta(hours=2)) == vn(2030, 1, 7, 13)


# -- is_working_time and clock start (R3) -----------------------------------------------------


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        (vn(2026, 3, 10, 7), True),
        (vn(2026, 3, 10, 6, 59), False),
        (vn(2026, 3, 10, 11, 29), True),
        (vn(2026, 3, 10, 11, 30), False),
        (vn(2026, 3, 10, 13, 30), True),
        (vn(2026, 3, 10, 17), False),
        (vn(2026, 3, 14, 9), False),  # Saturday
        (vn(2026, 8, 22, 9), True),  # make-up Saturday
        (vn(2026, 11, 24, 9), False),  # holiday
    ],
)
def test_is_working_time(cal: WorkingCalendar, instant: datetime, expected: bool) -> None:
    assert cal.is_working_time(instant) is expected


def test_is_working_time_last_microsecond(cal: WorkingCalendar) -> None:
    almost = datetime(2026, 3, 10, 16, 59, 59, 999999, tzinfo=VN_TZ)
    assert cal.is_working_time(almost)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (vn(2026, 3, 10, 9, 15), vn(2026, 3, 10, 9, 15)),  # inside a session: itself
        (vn(2026, 3, 10, 12), vn(2026, 3, 10, 13, 30)),  # lunch
        (vn(2026, 3, 10, 11, 30), vn(2026, 3, 10, 13, 30)),  # exactly at the morning end
        (vn(2026, 3, 10, 17, 30), vn(2026, 3, 11, 7)),  # after 17:00
        (vn(2026, 3, 10, 17), vn(2026, 3, 11, 7)),  # exactly 17:00
        (vn(2026, 3, 11, 6, 30), vn(2026, 3, 11, 7)),  # before 07:00
        (vn(2026, 3, 14, 9), vn(2026, 3, 16, 7)),  # Saturday → Monday
        (vn(2026, 11, 24, 9), vn(2026, 11, 25, 7)),  # Ngày Văn hóa Việt Nam
        (vn(2026, 2, 13, 17, 5), vn(2026, 2, 23, 7)),  # Friday evening before Tết
        (vn(2026, 8, 21, 18), vn(2026, 8, 22, 7)),  # make-up Saturday
        (vn(2026, 12, 31, 18), vn(2027, 1, 4, 7)),  # year end, 01/01 and weekend
    ],
)
def test_clock_start(cal: WorkingCalendar, received: datetime, expected: datetime) -> None:
    got = cal.clock_start(received)
    assert got == expected
    assert got.tzinfo is VN_TZ


# -- working hours and days (R4, R5) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "received", "expected"),
    [
        ("8wh", vn(2026, 3, 10, 12), vn(2026, 3, 11, 11, 30)),  # lunch; ends exactly 11:30
        ("1wd", vn(2026, 3, 10, 17, 30), vn(2026, 3, 11, 17)),  # after hours; ends exactly 17:00
        ("4wh", vn(2026, 3, 11, 6, 30), vn(2026, 3, 11, 11)),  # before 07:00
        ("2wh", vn(2026, 3, 14, 9), vn(2026, 3, 16, 9)),  # Saturday
        ("1wd", vn(2026, 11, 24, 9), vn(2026, 11, 25, 17)),  # holiday
        ("2wh", vn(2026, 3, 9, 9, 30), vn(2026, 3, 9, 11, 30)),  # exactly 11:30
        ("4wh", vn(2026, 3, 9, 8), vn(2026, 3, 9, 14)),  # crosses lunch
        ("1wd", vn(2026, 3, 9, 7), vn(2026, 3, 9, 17)),  # a whole day ends at 17:00
        ("2wd", vn(2026, 3, 9, 7), vn(2026, 3, 10, 17)),  # not rolled to Wed 07:00
        ("3wd", vn(2026, 2, 12, 10), vn(2026, 2, 24, 10)),  # crosses Tết 2026
        ("2wh", vn(2026, 8, 21, 16), vn(2026, 8, 22, 8)),  # into the make-up Saturday
        ("2wd", vn(2026, 8, 28, 7), vn(2026, 9, 3, 17)),  # over 31/08 and Quốc khánh
        ("1wd", vn(2026, 4, 24, 9), vn(2026, 4, 28, 9)),  # over observed Giỗ Tổ (Mon 27/04)
        ("0wh", vn(2026, 3, 10, 12), vn(2026, 3, 10, 13, 30)),  # zero: the clock start
    ],
)
def test_working_hours_and_days(
    cal: WorkingCalendar, text: str, received: datetime, expected: datetime
) -> None:
    assert due(cal, text, received) == expected


def test_working_days_equal_eight_working_hours(cal: WorkingCalendar) -> None:
    received = vn(2026, 2, 11, 15, 45)
    for days in range(0, 12):
        assert due(cal, f"{days}wd", received) == due(cal, f"{8 * days}wh", received)


def test_two_hundred_working_days_span_years(cal: WorkingCalendar) -> None:
    result = cal.compute_due(DueRule.parse("200wd"), vn(2026, 6, 1, 7))
    assert result.due.year == 2027
    assert cal.working_time_between(result.clock_start, result.due) == timedelta(hours=1600)
    assert result.calendar_version == (
        f"{result.calendar_version.split('|')[0]}"
        f"|2026:{default_year_table(2026).fingerprint()}"
        f"|2027:{default_year_table(2027).fingerprint()}"
    )


# -- same day with a cut-off (R6) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (vn(2026, 3, 10, 15), vn(2026, 3, 10, 17)),  # exactly the cut-off: same day
        (vn(2026, 3, 10, 15, 1), vn(2026, 3, 11, 17)),  # one minute late: next working day
        (vn(2026, 3, 13, 15, 1), vn(2026, 3, 16, 17)),  # Friday late: Monday
        (vn(2026, 3, 10, 6, 30), vn(2026, 3, 10, 17)),  # before opening
        (vn(2026, 3, 10, 12), vn(2026, 3, 10, 17)),  # lunch
        (vn(2026, 11, 24, 10), vn(2026, 11, 25, 17)),  # received on a holiday
        (vn(2026, 3, 14, 10), vn(2026, 3, 16, 17)),  # received on a Saturday
        (vn(2026, 8, 22, 10), vn(2026, 8, 22, 17)),  # the make-up Saturday works
        (vn(2026, 2, 13, 16), vn(2026, 2, 23, 17)),  # late on the Friday before Tết
    ],
)
def test_same_day(cal: WorkingCalendar, received: datetime, expected: datetime) -> None:
    assert due(cal, "same_day", received) == expected


def test_same_day_custom_cutoff(cal: WorkingCalendar) -> None:
    rule = DueRule(DurationUnit.SAME_DAY, cutoff=time(16))
    assert cal.compute_due(rule, vn(2026, 3, 10, 15, 30)).due == vn(2026, 3, 10, 17)
    assert cal.compute_due(rule, vn(2026, 3, 10, 16, 1)).due == vn(2026, 3, 11, 17)


def test_same_day_cutoff_after_closing_is_capped(cal: WorkingCalendar) -> None:
    # A cut-off later than 17:00 must not produce a due before the receipt.
    rule = DueRule(DurationUnit.SAME_DAY, cutoff=time(20))
    assert cal.compute_due(rule, vn(2026, 3, 10, 17)).due == vn(2026, 3, 10, 17)
    assert cal.compute_due(rule, vn(2026, 3, 10, 18)).due == vn(2026, 3, 11, 17)


def test_same_day_clock_start(cal: WorkingCalendar) -> None:
    result = cal.compute_due(DueRule.parse("same_day"), vn(2026, 3, 10, 6, 30))
    assert result.clock_start == vn(2026, 3, 10, 7)


# -- calendar days (R7) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "received", "expected"),
    [
        ("4cd", vn(2026, 3, 11, 10), vn(2026, 3, 16, 7)),  # lands on a Sunday
        ("7cd", vn(2026, 3, 11, 10), vn(2026, 3, 18, 10)),  # lands in working time
        ("1cd", vn(2026, 3, 9, 12), vn(2026, 3, 10, 13, 30)),  # lands at lunch
        ("1cd", vn(2026, 3, 9, 17), vn(2026, 3, 11, 7)),  # lands at 17:00, not working time
        ("7cd", vn(2026, 11, 17, 9), vn(2026, 11, 25, 7)),  # lands on 24/11
        ("1cd", vn(2026, 8, 21, 10), vn(2026, 8, 22, 10)),  # lands on the make-up Saturday
        ("0cd", vn(2026, 3, 14, 10), vn(2026, 3, 16, 7)),  # zero days from a Saturday
        ("15cd", vn(2026, 2, 5, 9), vn(2026, 2, 23, 7)),  # lands on Friday 20/02, in Tết
    ],
)
def test_calendar_days(
    cal: WorkingCalendar, text: str, received: datetime, expected: datetime
) -> None:
    assert due(cal, text, received) == expected


# -- time zones and naive datetimes -----------------------------------------------------------


def test_receipt_in_utc_is_converted(cal: WorkingCalendar) -> None:
    received = datetime(2026, 3, 10, 5, 0, tzinfo=UTC)  # 12:00 in Hà Nội: lunch
    result = cal.compute_due(DueRule.parse("8wh"), received)
    assert result.clock_start == vn(2026, 3, 10, 13, 30)
    assert result.due == vn(2026, 3, 11, 11, 30)
    assert result.due.tzinfo is VN_TZ


def test_receipt_in_utc_on_the_previous_utc_day(cal: WorkingCalendar) -> None:
    received = datetime(2026, 3, 9, 23, 30, tzinfo=UTC)  # Tue 10/03 06:30 local
    assert cal.clock_start(received) == vn(2026, 3, 10, 7)
    assert due(cal, "same_day", received) == vn(2026, 3, 10, 17)


def test_other_timezone_input(cal: WorkingCalendar) -> None:
    paris = ZoneInfo("Europe/Paris")
    received = datetime(2026, 3, 10, 3, 0, tzinfo=paris)  # 09:00 local (UTC+1 in March)
    assert cal.clock_start(received) == vn(2026, 3, 10, 9)


def test_naive_datetimes_raise(cal: WorkingCalendar) -> None:
    naive = datetime(2026, 3, 10, 9)
    aware = vn(2026, 3, 10, 9)
    with pytest.raises(ValueError, match="timezone-aware"):
        cal.compute_due(DueRule.parse("8wh"), naive)
    with pytest.raises(ValueError):
        cal.clock_start(naive)
    with pytest.raises(ValueError):
        cal.is_working_time(naive)
    with pytest.raises(ValueError):
        cal.add_working_time(naive, timedelta(hours=1))
    with pytest.raises(ValueError):
        cal.working_time_between(aware, naive)
    with pytest.raises(ValueError):
        cal.compute_due(DueRule.parse("8wh"), aware, pauses=[(naive, naive)])


# -- DueRule ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8wh", DueRule(DurationUnit.WORKING_HOURS, 8)),
        ("3wd", DueRule(DurationUnit.WORKING_DAYS, 3)),
        ("15cd", DueRule(DurationUnit.CALENDAR_DAYS, 15)),
        (" 3 WD ", DueRule(DurationUnit.WORKING_DAYS, 3)),
        ("0wh", DueRule(DurationUnit.WORKING_HOURS, 0)),
        ("same_day", DueRule(DurationUnit.SAME_DAY)),
        ("same_day@16:00", DueRule(DurationUnit.SAME_DAY, cutoff=time(16))),
    ],
)
def test_due_rule_parse(text: str, expected: DueRule) -> None:
    assert DueRule.parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "wh",
        "8",
        "8 hours",
        "-3wd",
        "3.5wd",
        "3wd2",
        "8wm",
        "same_day@25:00",
        "same_day@7:00",
        "1same_day",
    ],
)
def test_due_rule_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        DueRule.parse(text)


@pytest.mark.parametrize("text", ["8wh", "3wd", "15cd", "same_day", "same_day@16:30"])
def test_due_rule_text_round_trip(text: str) -> None:
    assert str(DueRule.parse(text)) == text


@pytest.mark.parametrize(
    "rule",
    [
        DueRule(DurationUnit.WORKING_HOURS, 8),
        DueRule(DurationUnit.WORKING_DAYS, 3),
        DueRule(DurationUnit.CALENDAR_DAYS, 15),
        DueRule(DurationUnit.SAME_DAY),
        DueRule(DurationUnit.SAME_DAY, cutoff=time(15, 30)),
    ],
)
def test_due_rule_dict_round_trip(rule: DueRule) -> None:
    data = rule.to_dict()
    assert all(isinstance(v, str | int | type(None)) for v in data.values())
    assert DueRule.from_dict(data) == rule


def test_due_rule_effective_cutoff() -> None:
    assert DueRule(DurationUnit.SAME_DAY).effective_cutoff == time(15)
    assert DueRule(DurationUnit.SAME_DAY, cutoff=time(16)).effective_cutoff == time(16)


@pytest.mark.parametrize(
    "data",
    [
        {"unit": "weeks", "amount": 1},
        {"unit": "wd", "amount": "3"},
        {"unit": "wd", "amount": True},
        {"unit": "wd", "amount": -1},
        {"unit": "same_day", "amount": 2},
        {"unit": "wd", "amount": 3, "cutoff": "15:00"},
        {"unit": "same_day", "cutoff": "late"},
        {"unit": "same_day", "cutoff": 15},
        {"unit": "same_day", "cutoff": ""},
        {"unit": "wd", "amount": 3, "days": 3},
    ],
)
def test_due_rule_from_dict_rejects(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        DueRule.from_dict(data)


def test_due_rule_accepts_unit_as_text() -> None:
    rule = DueRule("wd", 2)  # type: ignore[arg-type]
    assert rule.unit is DurationUnit.WORKING_DAYS


# -- pauses (R8) ------------------------------------------------------------------------------


def test_pause_inside_the_span(cal: WorkingCalendar) -> None:
    pauses = [(vn(2026, 3, 9, 9), vn(2026, 3, 9, 10))]
    assert cal.compute_due(DueRule.parse("1wd"), vn(2026, 3, 9, 7), pauses).due == vn(
        2026, 3, 10, 8
    )


def test_overlapping_pauses_are_merged(cal: WorkingCalendar) -> None:
    pauses = [(vn(2026, 3, 9, 9), vn(2026, 3, 9, 10)), (vn(2026, 3, 9, 9, 30), vn(2026, 3, 9, 11))]
    assert cal.compute_due(DueRule.parse("1wd"), vn(2026, 3, 9, 7), pauses).due == vn(
        2026, 3, 10, 9
    )


def test_nested_and_unordered_pauses_are_merged(cal: WorkingCalendar) -> None:
    pauses = [
        (vn(2026, 3, 9, 14), vn(2026, 3, 9, 15)),
        (vn(2026, 3, 9, 8), vn(2026, 3, 9, 9)),  # inside the next one
        (vn(2026, 3, 9, 7), vn(2026, 3, 9, 12)),
    ]
    # From 11:00: paused until lunch, 13:30–14:00 counts, paused 14–15, then 15:00–16:30.
    result = cal.compute_due(DueRule.parse("2wh"), vn(2026, 3, 9, 11), pauses)
    assert result.due == vn(2026, 3, 9, 16, 30)


def test_pauses_outside_the_span_change_nothing(cal: WorkingCalendar) -> None:
    received = vn(2026, 3, 9, 7)
    pauses = [
        (vn(2026, 3, 6, 8), vn(2026, 3, 6, 16)),  # before receipt
        (vn(2026, 3, 9, 12), vn(2026, 3, 9, 13, 30)),  # lunch only
        (vn(2026, 3, 9, 17), vn(2026, 3, 9, 23)),  # evening only
        (vn(2026, 3, 20, 8), vn(2026, 3, 21, 8)),  # after the due
        (vn(2026, 3, 9, 9), vn(2026, 3, 9, 9)),  # empty
    ]
    rule = DueRule.parse("1wd")
    assert cal.compute_due(rule, received, pauses).due == vn(2026, 3, 9, 17)


def test_pause_over_lunch_counts_only_working_time(cal: WorkingCalendar) -> None:
    pauses = [(vn(2026, 3, 9, 11), vn(2026, 3, 9, 14))]  # 30 min + 30 min of work
    assert cal.compute_due(DueRule.parse("4wh"), vn(2026, 3, 9, 9), pauses).due == vn(
        2026, 3, 9, 16
    )


def test_pause_covering_the_clock_start(cal: WorkingCalendar) -> None:
    pauses = [(vn(2026, 3, 9, 6), vn(2026, 3, 9, 8))]
    result = cal.compute_due(DueRule.parse("2wh"), vn(2026, 3, 9, 6, 30), pauses)
    assert result.clock_start == vn(2026, 3, 9, 7)  # R3 ignores pauses
    assert result.due == vn(2026, 3, 9, 10)


def test_pause_across_days_and_tet(cal: WorkingCalendar) -> None:
    # Paused from Thu 12/02 15:00 to Tue 24/02 09:00: 3 h count on Thursday before the pause,
    # then 2.5 + 3.5 h on Tue 24/02, 8 h on Wed 25/02 and the last 7 h on Thu 26/02.
    pauses = [(vn(2026, 2, 12, 15), vn(2026, 2, 24, 9))]
    received = vn(2026, 2, 12, 10)
    result = cal.compute_due(DueRule.parse("3wd"), received, pauses)
    assert result.due == vn(2026, 2, 26, 16)
    assert cal.working_time_between(result.clock_start, result.due, pauses) == timedelta(hours=24)


def test_same_day_with_pause(cal: WorkingCalendar) -> None:
    # 1.5 h of morning work is paused; the 17:00 due moves to 08:30 of the next working day.
    pauses = [(vn(2026, 3, 10, 10), vn(2026, 3, 10, 12))]
    result = cal.compute_due(DueRule.parse("same_day"), vn(2026, 3, 10, 10), pauses)
    assert result.due == vn(2026, 3, 11, 8, 30)


def test_same_day_pause_after_due_changes_nothing(cal: WorkingCalendar) -> None:
    pauses = [(vn(2026, 3, 10, 17), vn(2026, 3, 11, 12))]
    result = cal.compute_due(DueRule.parse("same_day"), vn(2026, 3, 10, 10), pauses)
    assert result.due == vn(2026, 3, 10, 17)


def test_extension_running_into_a_second_pause(cal: WorkingCalendar) -> None:
    # Base due Tue 17:00; 1 h paused before it; the extension walks into Wed's 07:00–09:00 pause.
    pauses = [(vn(2026, 3, 10, 9), vn(2026, 3, 10, 10)), (vn(2026, 3, 11, 6), vn(2026, 3, 11, 9))]
    result = cal.compute_due(DueRule.parse("same_day"), vn(2026, 3, 10, 8), pauses)
    assert result.due == vn(2026, 3, 11, 10)


def test_calendar_days_with_pause(cal: WorkingCalendar) -> None:
    # Base due Wed 18/03 10:00; 2 h paused on Thu 12/03 → 1.5 h before lunch, 0.5 h after.
    pauses = [(vn(2026, 3, 12, 14), vn(2026, 3, 12, 16))]
    result = cal.compute_due(DueRule.parse("7cd"), vn(2026, 3, 11, 10), pauses)
    assert result.due == vn(2026, 3, 18, 14)


def test_reversed_pause_raises(cal: WorkingCalendar) -> None:
    with pytest.raises(ValueError, match="pause"):
        cal.compute_due(
            DueRule.parse("1wd"), vn(2026, 3, 9, 7), [(vn(2026, 3, 9, 10), vn(2026, 3, 9, 9))]
        )


# -- working-time arithmetic ------------------------------------------------------------------


def test_working_time_between(cal: WorkingCalendar) -> None:
    assert cal.working_time_between(vn(2026, 3, 9, 7), vn(2026, 3, 9, 17)) == timedelta(hours=8)
    assert cal.working_time_between(vn(2026, 3, 9, 10), vn(2026, 3, 9, 14)) == timedelta(hours=2)
    assert cal.working_time_between(vn(2026, 3, 13, 16), vn(2026, 3, 16, 8)) == timedelta(hours=2)
    assert cal.working_time_between(vn(2026, 3, 9, 14), vn(2026, 3, 9, 10)) == timedelta(0)
    week = cal.working_time_between(vn(2026, 2, 9), vn(2026, 2, 23))
    assert week == timedelta(hours=40)  # Tết week does not count


def test_add_working_time_zero_and_negative(cal: WorkingCalendar) -> None:
    assert cal.add_working_time(vn(2026, 3, 9, 17), timedelta(0)) == vn(2026, 3, 10, 7)
    with pytest.raises(ValueError):
        cal.add_working_time(vn(2026, 3, 9, 9), timedelta(seconds=-1))


def test_add_working_time_keeps_microseconds(cal: WorkingCalendar) -> None:
    start = datetime(2026, 3, 9, 11, 29, 59, 999999, tzinfo=VN_TZ)
    got = cal.add_working_time(start, timedelta(microseconds=2))
    assert got == datetime(2026, 3, 9, 13, 30, 0, 1, tzinfo=VN_TZ)


# -- results and versions ---------------------------------------------------------------------


def test_due_result_fields_and_version(cal: WorkingCalendar) -> None:
    rule = DueRule.parse("3wd")
    result = cal.compute_due(rule, vn(2026, 12, 30, 9))
    assert isinstance(result, DueResult)
    assert result.rule is rule
    assert result.clock_start == vn(2026, 12, 30, 9)
    assert result.due == vn(2027, 1, 5, 9)  # 01/01/2027 off, then a weekend
    parts = result.calendar_version.split("|")
    assert parts[0].startswith("s:") and len(parts[0]) == 10
    assert parts[1:] == [
        f"2026:{default_year_table(2026).fingerprint()}",
        f"2027:{default_year_table(2027).fingerprint()}",
    ]
    again = WorkingCalendar(default_year_table).compute_due(rule, vn(2026, 12, 30, 9))
    assert again.calendar_version == result.calendar_version


def test_version_changes_with_sessions_and_tables() -> None:
    received = vn(2030, 1, 7, 9)
    rule = DueRule.parse("1wd")
    base = WorkingCalendar(plain_year).compute_due(rule, received).calendar_version
    other_sessions = WorkingCalendar(plain_year, Sessions(((time(8), time(16)),)))
    assert other_sessions.compute_due(rule, received).calendar_version != base

    def with_holiday(year: int) -> YearTable:
        return YearTable(year, frozenset({date(year, 1, 1)}), frozenset(), "test")

    assert WorkingCalendar(with_holiday).compute_due(rule, received).calendar_version != base
