"""Periods and timeliness verdicts of the periodic reports (desk/domain/reports.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desk.domain.reports import Period, Timeliness, finished_timeliness, pending_is_late
from desk.domain.timefmt import VN_TZ
from desk.errors import InvalidInput


def at(text_value: str) -> datetime:
    return datetime.fromisoformat(text_value).replace(tzinfo=VN_TZ)


@pytest.mark.parametrize(
    ("text_value", "label", "start", "end"),
    [
        ("2026-11", "2026-11", date(2026, 11, 1), date(2026, 12, 1)),
        ("2026-12", "2026-12", date(2026, 12, 1), date(2027, 1, 1)),
        ("2026-01", "2026-01", date(2026, 1, 1), date(2026, 2, 1)),
        (" 2026-02 ", "2026-02", date(2026, 2, 1), date(2026, 3, 1)),
        ("2026-Q1", "2026-Q1", date(2026, 1, 1), date(2026, 4, 1)),
        ("2026-Q4", "2026-Q4", date(2026, 10, 1), date(2027, 1, 1)),
        ("2026-q3", "2026-Q3", date(2026, 7, 1), date(2026, 10, 1)),
        ("2026", "2026", date(2026, 1, 1), date(2027, 1, 1)),
        ("2026-H1", "2026-H1", date(2026, 1, 1), date(2026, 7, 1)),
        ("2026-h2", "2026-H2", date(2026, 7, 1), date(2027, 1, 1)),
        # An office's own cut-off (the 15th): both days are in the period.
        (
            "2026-10-16..2026-11-15",
            "2026-10-16..2026-11-15",
            date(2026, 10, 16),
            date(2026, 11, 16),
        ),
        (
            "2026-12-03 .. 2026-12-03",
            "2026-12-03..2026-12-03",
            date(2026, 12, 3),
            date(2026, 12, 4),
        ),
        ("2026-12-21..2027-01-20", "2026-12-21..2027-01-20", date(2026, 12, 21), date(2027, 1, 21)),
    ],
)
def test_period_parse(text_value: str, label: str, start: date, end: date) -> None:
    period = Period.parse(text_value)
    assert (period.label, period.start, period.end) == (label, start, end)


def test_period_instants_are_local_midnights() -> None:
    period = Period.parse("2026-11")
    assert period.start_instant == at("2026-11-01T00:00")
    assert period.end_instant == at("2026-12-01T00:00")
    assert period.start_instant.astimezone(UTC) == datetime(2026, 10, 31, 17, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "text_value",
    [
        "2026-13",
        "2026-00",
        "26-11",
        "",
        "  ",
        "2026-Q5",
        "2026-Q0",
        "2026/11",
        "11-2026",
        "2026-H3",
        "2026-H0",
        "2026-10-16..",
        "..2026-11-15",
        "2026-10-16..2026-11",
    ],
)
def test_period_parse_rejects(text_value: str) -> None:
    with pytest.raises(InvalidInput):
        Period.parse(text_value)


@pytest.mark.parametrize("text_value", ["0000", "9999", "9999-12", "0000-Q1", "1899-12"])
def test_period_parse_rejects_years_out_of_range(text_value: str) -> None:
    with pytest.raises(InvalidInput, match="phạm vi báo cáo"):
        Period.parse(text_value)


def test_bad_month_names_the_month() -> None:
    with pytest.raises(InvalidInput, match="Tháng 13"):
        Period.parse("2026-13")


def test_bad_shape_explains_the_accepted_forms() -> None:
    with pytest.raises(InvalidInput) as raised:
        Period.parse("26-11")
    assert "YYYY-MM" in str(raised.value)
    assert "YYYY-Qn" in str(raised.value)


DUE = at("2026-11-30T17:00")


@pytest.mark.parametrize(
    ("finished", "day", "instant"),
    [
        ("2026-11-27T10:00", Timeliness.EARLY, Timeliness.EARLY),
        ("2026-11-30T08:00", Timeliness.ON_TIME, Timeliness.ON_TIME),
        ("2026-11-30T17:00", Timeliness.ON_TIME, Timeliness.ON_TIME),
        ("2026-11-30T18:00", Timeliness.ON_TIME, Timeliness.LATE),
        ("2026-11-30T23:59", Timeliness.ON_TIME, Timeliness.LATE),
        ("2026-12-01T00:00", Timeliness.LATE, Timeliness.LATE),
        ("2026-12-01T07:00", Timeliness.LATE, Timeliness.LATE),
    ],
)
def test_finished_timeliness(finished: str, day: Timeliness, instant: Timeliness) -> None:
    assert finished_timeliness(at(finished), DUE, "day") is day
    assert finished_timeliness(at(finished), DUE, "instant") is instant
    assert finished_timeliness(at(finished), DUE) is day  # day is the default


def test_day_granularity_uses_local_dates_not_utc_dates() -> None:
    # 06:30 local on 01/12 is 23:30 UTC on 30/11: still a day late locally.
    finished = at("2026-12-01T06:30")
    assert finished.astimezone(UTC).date() == date(2026, 11, 30)
    assert finished_timeliness(finished, DUE, "day") is Timeliness.LATE
    # 17:00 local on 30/11 given in UTC is the same day.
    assert finished_timeliness(DUE.astimezone(UTC), DUE, "day") is Timeliness.ON_TIME


def test_without_an_appointment_it_is_on_time() -> None:
    assert finished_timeliness(at("2027-01-01T10:00"), None) is Timeliness.ON_TIME
    assert finished_timeliness(at("2027-01-01T10:00"), None, "instant") is Timeliness.ON_TIME


def test_pending_is_late() -> None:
    end = at("2026-12-01T00:00")
    assert pending_is_late(at("2026-11-30T17:00"), end)
    assert not pending_is_late(end, end)
    assert not pending_is_late(at("2026-12-02T09:00"), end)
    assert not pending_is_late(None, end)


@pytest.mark.parametrize(
    ("text_value", "message"),
    [
        ("2026-11-15..2026-10-16", "Ngày cuối kỳ 16/10/2026 trước ngày đầu kỳ 15/11/2026."),
        ("2026-02-30..2026-03-15", "Ngày 30/02/2026 không có trên lịch."),
        ("2026-01-01..2036-12-31", "Kỳ báo cáo dài quá 10 năm."),
        ("1899-12-01..2026-01-01", "phạm vi báo cáo"),
    ],
)
def test_a_custom_period_that_cannot_be_says_why(text_value: str, message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        Period.parse(text_value)
    assert message in raised.value.message


@pytest.mark.parametrize(
    ("text_value", "words"),
    [
        ("2026-11", "Tháng 11 năm 2026"),
        ("2026-Q4", "Quý IV năm 2026"),
        ("2026-H1", "6 tháng đầu năm 2026"),
        ("2026-H2", "6 tháng cuối năm 2026"),
        ("2026", "Năm 2026"),
        # A month-long custom period is not "Tháng 10": it says its days.
        ("2026-10-16..2026-11-15", "Từ ngày 16/10/2026 đến ngày 15/11/2026"),
    ],
)
def test_the_report_words_each_kind_of_period(text_value: str, words: str) -> None:
    from desk.services.form_data import period_words

    assert period_words(Period.parse(text_value)) == words
