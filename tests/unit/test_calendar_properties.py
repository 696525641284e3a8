"""Property tests of the working calendar over random receipts in 2025–2028.

Receipt instants are drawn in several time zones and are biased towards the session boundaries,
where off-by-one mistakes live.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from desk.domain.calendar import (
    VN_TZ,
    DueRule,
    DurationUnit,
    Sessions,
    WorkingCalendar,
    YearTable,
)
from desk.domain.holiday_defaults import default_year_table

CAL = WorkingCalendar(default_year_table)
SESSIONS = Sessions()

BOUNDARY_TIMES = [
    time(0),
    time(6, 59, 59, 999999),
    time(7),
    time(9, 15),
    time(11, 29, 59, 999999),
    time(11, 30),
    time(12),
    time(13, 30),
    time(15),
    time(15, 0, 0, 1),
    time(16, 59, 59, 999999),
    time(17),
    time(23, 59, 59, 999999),
]
ZONES = [VN_TZ, UTC, ZoneInfo("America/New_York"), ZoneInfo("Asia/Tokyo")]

PROPERTY = settings(max_examples=200, deadline=None)


@st.composite
def instants(draw: st.DrawFn) -> datetime:
    """An aware instant whose Hà Nội date is in 2025–2028, shown in a random zone."""
    day = draw(st.dates(date(2025, 1, 1), date(2028, 12, 31)))
    clock = draw(st.one_of(st.sampled_from(BOUNDARY_TIMES), st.times()))
    local = datetime.combine(day, clock, tzinfo=VN_TZ)
    return local.astimezone(draw(st.sampled_from(ZONES)))


def rules(unit: DurationUnit, max_amount: int) -> st.SearchStrategy[DueRule]:
    if unit is DurationUnit.SAME_DAY:
        cutoffs = st.one_of(st.none(), st.sampled_from([time(11), time(15), time(16, 30)]))
        return cutoffs.map(lambda c: DueRule(DurationUnit.SAME_DAY, cutoff=c))
    return st.integers(0, max_amount).map(lambda n: DueRule(unit, n))


ANY_RULE = st.one_of(
    rules(DurationUnit.WORKING_HOURS, 400),
    rules(DurationUnit.WORKING_DAYS, 60),
    rules(DurationUnit.CALENDAR_DAYS, 90),
    rules(DurationUnit.SAME_DAY, 0),
)
COUNTED_UNITS = st.sampled_from([DurationUnit.WORKING_HOURS, DurationUnit.WORKING_DAYS])

working_spans = st.integers(0, 600 * 60).map(lambda m: timedelta(minutes=m))


@st.composite
def pauses(draw: st.DrawFn, around: datetime) -> tuple[datetime, datetime]:
    """One pause starting up to 5 days before and 40 days after ``around``."""
    offset = draw(st.integers(-5 * 24 * 60, 40 * 24 * 60))
    length = draw(st.integers(0, 20 * 24 * 60))
    start = around + timedelta(minutes=offset)
    return start, start + timedelta(minutes=length)


def rule_length(rule: DueRule) -> timedelta:
    hours = rule.amount * 8 if rule.unit is DurationUnit.WORKING_DAYS else rule.amount
    return timedelta(hours=hours)


def ends_a_working_span(cal: WorkingCalendar, instant: datetime) -> bool:
    """On a working day with start < local time <= end of a session (a session end counts)."""
    local = instant.astimezone(cal.tz)
    clock = local.time()
    periods = cal.sessions.periods
    return cal.is_working_day(local.date()) and any(s < clock <= e for s, e in periods)


def single_pause_working_time(
    cal: WorkingCalendar, pause: tuple[datetime, datetime], lo: datetime, hi: datetime
) -> timedelta:
    """Working time of ``pause`` inside [lo, hi), computed without the pause machinery."""
    return cal.working_time_between(max(pause[0], lo), min(pause[1], hi))


# -- due dates ------------------------------------------------------------------------------------


@PROPERTY
@given(rule=ANY_RULE, received=instants())
def test_due_is_never_before_receipt(rule: DueRule, received: datetime) -> None:
    result = CAL.compute_due(rule, received)
    assert received <= result.clock_start <= result.due
    assert result.due.tzinfo is VN_TZ and result.clock_start.tzinfo is VN_TZ
    assert CAL.is_working_time(result.clock_start)


@PROPERTY
@given(rule=ANY_RULE, received=instants())
def test_due_lies_in_working_time(rule: DueRule, received: datetime) -> None:
    result = CAL.compute_due(rule, received)
    if rule.unit is DurationUnit.SAME_DAY:
        assert result.due.time() == SESSIONS.last_end
        assert CAL.is_working_day(result.due.date())
    elif rule.unit is DurationUnit.CALENDAR_DAYS:
        assert CAL.is_working_time(result.due)
    elif rule.amount == 0:
        assert result.due == result.clock_start  # a session start only for zero amounts
    else:
        assert ends_a_working_span(CAL, result.due)


@PROPERTY
@given(unit=COUNTED_UNITS, amount=st.integers(1, 200), received=instants())
def test_counted_rules_count_exactly(unit: DurationUnit, amount: int, received: datetime) -> None:
    rule = DueRule(unit, amount)
    result = CAL.compute_due(rule, received)
    assert CAL.working_time_between(result.clock_start, result.due) == rule_length(rule)


@PROPERTY
@given(
    unit=st.sampled_from([u for u in DurationUnit if u is not DurationUnit.SAME_DAY]),
    amounts=st.tuples(st.integers(0, 120), st.integers(0, 120)),
    received=instants(),
)
def test_due_grows_with_the_amount(
    unit: DurationUnit, amounts: tuple[int, int], received: datetime
) -> None:
    small, large = sorted(amounts)
    due_small = CAL.compute_due(DueRule(unit, small), received).due
    due_large = CAL.compute_due(DueRule(unit, large), received).due
    assert due_small <= due_large


@PROPERTY
@given(days=st.integers(0, 40), received=instants())
def test_working_days_are_eight_working_hours(days: int, received: datetime) -> None:
    by_days = CAL.compute_due(DueRule(DurationUnit.WORKING_DAYS, days), received).due
    by_hours = CAL.compute_due(DueRule(DurationUnit.WORKING_HOURS, 8 * days), received).due
    assert by_days == by_hours


@PROPERTY
@given(rule=ANY_RULE, received=instants())
def test_same_inputs_same_version(rule: DueRule, received: datetime) -> None:
    first = CAL.compute_due(rule, received)
    again = WorkingCalendar(default_year_table).compute_due(rule, received.astimezone(UTC))
    assert first == again
    years = first.calendar_version.split("|")[1:]
    assert [int(y.split(":")[0]) for y in years] == list(
        range(received.astimezone(VN_TZ).year, first.due.year + 1)
    )


# -- pauses (R8) ----------------------------------------------------------------------------------


@PROPERTY
@given(unit=COUNTED_UNITS, amount=st.integers(0, 60), received=instants(), data=st.data())
def test_a_pause_moves_the_due_by_its_working_time(
    unit: DurationUnit, amount: int, received: datetime, data: st.DataObject
) -> None:
    rule = DueRule(unit, amount)
    pause = data.draw(pauses(received))
    plain = CAL.compute_due(rule, received)
    paused = CAL.compute_due(rule, received, [pause])
    assert paused.due >= plain.due
    assert paused.clock_start == plain.clock_start
    # Unpaused working time up to the new due is exactly the rule's amount...
    counted = CAL.working_time_between(paused.clock_start, paused.due, [pause])
    assert counted == rule_length(rule)
    # ...and the total grows by exactly the pause's working time before the new due.
    total = CAL.working_time_between(paused.clock_start, paused.due)
    lost = single_pause_working_time(CAL, pause, paused.clock_start, paused.due)
    assert total == rule_length(rule) + lost


@PROPERTY
@given(
    rule=st.one_of(rules(DurationUnit.SAME_DAY, 0), rules(DurationUnit.CALENDAR_DAYS, 60)),
    received=instants(),
    data=st.data(),
)
def test_a_pause_extends_same_day_and_calendar_day_dues(
    rule: DueRule, received: datetime, data: st.DataObject
) -> None:
    pause = data.draw(pauses(received))
    base = CAL.compute_due(rule, received)
    paused = CAL.compute_due(rule, received, [pause])
    assert paused.due >= base.due
    lost = single_pause_working_time(CAL, pause, base.clock_start, base.due)
    assert CAL.working_time_between(base.due, paused.due, [pause]) == lost
    if lost == timedelta(0):
        assert paused.due == base.due


@PROPERTY
@given(unit=COUNTED_UNITS, amount=st.integers(0, 30), received=instants(), data=st.data())
def test_overlapping_pauses_equal_their_union(
    unit: DurationUnit, amount: int, received: datetime, data: st.DataObject
) -> None:
    first = data.draw(pauses(received))
    # The second pause starts inside the first one and runs on beyond it.
    minutes = data.draw(st.integers(0, (first[1] - first[0]) // timedelta(minutes=1)))
    second_start = first[0] + timedelta(minutes=minutes)
    second = (second_start, first[1] + timedelta(hours=3))
    union = (first[0], max(first[1], second[1]))
    rule = DueRule(unit, amount)
    both = CAL.compute_due(rule, received, [second, first]).due
    assert both == CAL.compute_due(rule, received, [union]).due


# -- add_working_time and working_time_between ---------------------------------------------------


@PROPERTY
@given(start=instants(), span=working_spans)
def test_between_inverts_add(start: datetime, span: timedelta) -> None:
    end = CAL.add_working_time(start, span)
    assert end >= start
    assert CAL.working_time_between(start, end) == span


@PROPERTY
@given(start=instants(), span=working_spans, data=st.data())
def test_between_inverts_add_with_a_pause(
    start: datetime, span: timedelta, data: st.DataObject
) -> None:
    pause = data.draw(pauses(start))
    end = CAL.add_working_time(start, span, [pause])
    assert CAL.working_time_between(start, end, [pause]) == span


@PROPERTY
@given(a=instants(), b=instants())
def test_add_inverts_between(a: datetime, b: datetime) -> None:
    span = CAL.working_time_between(a, b)
    if b <= a:
        assert span == timedelta(0)
        return
    if span > timedelta(0):
        end = CAL.add_working_time(a, span)
        assert a < end <= b
        assert CAL.working_time_between(end, b) == timedelta(0)


@PROPERTY
@given(start=instants(), first=working_spans, second=working_spans.filter(bool))
def test_adding_in_two_steps(start: datetime, first: timedelta, second: timedelta) -> None:
    # A non-zero second step continues from a session end exactly as one long walk would.
    once = CAL.add_working_time(start, first + second)
    assert CAL.add_working_time(CAL.add_working_time(start, first), second) == once


@PROPERTY
@given(a=instants(), b=instants(), c=instants())
def test_between_is_additive(a: datetime, b: datetime, c: datetime) -> None:
    lo, mid, hi = sorted((a, b, c))
    whole = CAL.working_time_between(lo, hi)
    assert whole == CAL.working_time_between(lo, mid) + CAL.working_time_between(mid, hi)


# -- other sessions and tables --------------------------------------------------------------------


@st.composite
def session_sets(draw: st.DrawFn) -> Sessions:
    """One to three ordered, non-overlapping periods on whole quarter hours."""
    marks = draw(st.lists(st.integers(1, 95), min_size=2, max_size=6, unique=True))
    marks = sorted(marks)[: len(marks) // 2 * 2]
    quarter = [time(m // 4, m % 4 * 15) for m in marks]
    return Sessions(tuple(zip(quarter[::2], quarter[1::2], strict=True)))


def weekends_only(year: int) -> YearTable:
    return YearTable(year, frozenset(), frozenset(), source="test: weekends only")


@PROPERTY
@given(sessions=session_sets(), received=instants(), days=st.integers(0, 30))
def test_custom_sessions_count_whole_days(
    sessions: Sessions, received: datetime, days: int
) -> None:
    cal = WorkingCalendar(weekends_only, sessions)
    result = cal.compute_due(DueRule(DurationUnit.WORKING_DAYS, days), received)
    assert result.due >= received
    expected = days * sessions.hours_per_day()
    assert cal.working_time_between(result.clock_start, result.due) == expected
    if days:
        assert ends_a_working_span(cal, result.due)
