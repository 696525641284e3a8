"""Period arithmetic and timeliness rules of the periodic reports (DOMAIN §4.3, §6.1)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Literal

from desk.domain.timefmt import VN_TZ, local_date
from desk.errors import InvalidInput

Granularity = Literal["day", "instant"]
PeriodKind = Literal["month", "quarter", "half", "year", "range"]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-H([12])$", re.IGNORECASE)
_RANGE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\s*\.\.\s*(\d{4})-(\d{2})-(\d{2})$")
MAX_RANGE_DAYS = 3660
"""A custom period spans at most ten years (the reports are monthly to yearly)."""


@dataclass(frozen=True)
class Period:
    """A reporting period [start, end) of local calendar days.

    Besides months, quarters and years, the seed regulations ask for six-month reports
    (Hà Tĩnh 2016 Đ14) and for periods that close on an office's own cut-off day (the 15th or
    the 20th, not the month's end): ``2026-H1`` and ``2026-10-16..2026-11-15`` (both ends
    included, as the officer says it)."""

    label: str
    start: date
    end: date
    kind: PeriodKind = "range"

    @classmethod
    def parse(cls, text: str) -> Period:
        value = text.strip()
        if match := _MONTH.match(value):
            year, month = _year(match[1]), int(match[2])
            if not 1 <= month <= 12:
                raise InvalidInput("Tháng {month} không hợp lệ.", month=month)
            first = date(year, month, 1)
            return cls(value, first, _add_months(first, 1), "month")
        if match := _QUARTER.match(value):
            year, quarter = _year(match[1]), int(match[2])
            first = date(year, 3 * quarter - 2, 1)
            return cls(f"{year}-Q{quarter}", first, _add_months(first, 3), "quarter")
        if match := _HALF.match(value):
            year, half = _year(match[1]), int(match[2])
            first = date(year, 6 * half - 5, 1)
            return cls(f"{year}-H{half}", first, _add_months(first, 6), "half")
        if match := _YEAR.match(value):
            year = _year(match[1])
            return cls(value, date(year, 1, 1), date(year + 1, 1, 1), "year")
        if match := _RANGE.match(value):
            return cls._range(match)
        raise InvalidInput(
            "Kỳ báo cáo không hợp lệ: dùng YYYY-MM (tháng), YYYY-Qn (quý), YYYY-H1 hoặc YYYY-H2 "
            "(6 tháng), YYYY (năm), hoặc từ ngày..đến ngày, ví dụ 2026-11, 2026-Q4, 2026-H2, 2026, "
            "2026-10-16..2026-11-15."
        )

    @classmethod
    def _range(cls, match: re.Match[str]) -> Period:
        first = _day(int(_year(match[1])), int(match[2]), int(match[3]))
        last = _day(int(_year(match[4])), int(match[5]), int(match[6]))
        if last < first:
            raise InvalidInput(
                "Ngày cuối kỳ {last} trước ngày đầu kỳ {first}.",
                first=first.strftime("%d/%m/%Y"),
                last=last.strftime("%d/%m/%Y"),
            )
        if (last - first).days >= MAX_RANGE_DAYS:
            raise InvalidInput("Kỳ báo cáo dài quá 10 năm.")
        label = f"{first.isoformat()}..{last.isoformat()}"
        return cls(label, first, last + timedelta(days=1), "range")

    @property
    def start_instant(self) -> datetime:
        return datetime.combine(self.start, time(0), tzinfo=VN_TZ)

    @property
    def end_instant(self) -> datetime:
        return datetime.combine(self.end, time(0), tzinfo=VN_TZ)


def _year(digits: str) -> int:
    year = int(digits)
    # A bound keeps date() and the UTC conversion of the period's instants from overflowing.
    if not 1900 <= year <= 2999:
        raise InvalidInput("Năm {year} nằm ngoài phạm vi báo cáo (1900–2999).", year=year)
    return year


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidInput(
            "Ngày {day:02d}/{month:02d}/{year} không có trên lịch.", day=day, month=month, year=year
        ) from None


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class Timeliness(StrEnum):
    EARLY = "early"  # trước hạn
    ON_TIME = "on_time"  # đúng hạn
    LATE = "late"  # quá hạn

    @property
    def label(self) -> str:
        """As the forms print it (Mẫu 06's KẾT QUẢ GIẢI QUYẾT HỒ SƠ column)."""
        return _TIMELINESS_LABELS[self]


_TIMELINESS_LABELS = {
    Timeliness.EARLY: "Trước hạn",
    Timeliness.ON_TIME: "Đúng hạn",
    Timeliness.LATE: "Quá hạn",
}


class ReportCounts:
    """The totals and the on-time rate of a Biểu 06a row, for any class with its counts
    (the computed report row and the printed line share them, so they cannot disagree)."""

    __slots__ = ()
    carried_over: int
    received_online: int
    received_direct: int
    resolved_early: int
    resolved_on_time: int
    resolved_late: int
    pending_on_time: int
    pending_late: int

    @property
    def received_total(self) -> int:
        return self.carried_over + self.received_online + self.received_direct

    @property
    def resolved_total(self) -> int:
        return self.resolved_early + self.resolved_on_time + self.resolved_late

    @property
    def pending_total(self) -> int:
        return self.pending_on_time + self.pending_late

    @property
    def on_time_rate(self) -> float | None:
        """Resolved early or on time, in percent of resolved (one decimal); None if none."""
        if not self.resolved_total:
            return None
        return round(100 * (self.resolved_early + self.resolved_on_time) / self.resolved_total, 1)


def finished_timeliness(
    finished: datetime, due: datetime | None, granularity: Granularity = "day"
) -> Timeliness:
    """Deployed systems compare local dates; a dossier without an appointment is on time."""
    if due is None:
        return Timeliness.ON_TIME
    if granularity == "day":
        left, right = local_date(finished), local_date(due)
        if left < right:
            return Timeliness.EARLY
        return Timeliness.ON_TIME if left == right else Timeliness.LATE
    if finished < due:
        return Timeliness.EARLY if local_date(finished) < local_date(due) else Timeliness.ON_TIME
    return Timeliness.ON_TIME if finished == due else Timeliness.LATE


def pending_is_late(due: datetime | None, period_end: datetime) -> bool:
    """Still open at the end of the period: late when the appointment fell inside it."""
    return due is not None and due < period_end
