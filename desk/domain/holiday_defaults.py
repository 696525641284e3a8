"""Default year tables for Vietnam, taken from the ``holidays`` package.

The package knows the statutory holidays (Bộ luật Lao động 2019, Điều 112), Ngày Văn hóa Việt
Nam from 2026, substituted days off (nghỉ bù) and the announced swaps (hoán đổi / làm bù). An
office that receives a newer announcement overrides a year in its own database; these tables
are only the fallback.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from importlib.metadata import version

from desk.domain.calendar import YearTable

__all__ = ["MAKE_UP_DAY_NAME", "default_year_table"]

MAKE_UP_DAY_NAME = "Ngày làm việc bù"
"""Display name of a make-up working day (the package names only days off)."""


# Bounded only to keep a long-running desk tidy; a few dozen years are ever asked for.
@lru_cache(maxsize=256)
def default_year_table(year: int) -> YearTable:
    """The holidays and make-up working days of ``year`` according to ``holidays`` (VN)."""
    # A swap announced for one year may move work into the neighbouring year (e.g. Saturday
    # 27/12/2014 worked for Friday 02/01/2015), so load the neighbours and keep only `year`.
    import holidays  # 0.15 s of imports: paid only when a year is not stored yet

    vn = holidays.country_holidays("VN", years=(year - 1, year, year + 1), language="vi")
    names: dict[date, str] = {day: str(name) for day, name in vn.items() if day.year == year}
    weekend_workdays: set[date] = set(vn.weekend_workdays)
    workdays = frozenset(day for day in weekend_workdays if day.year == year)
    all_names = {**names, **dict.fromkeys(workdays, MAKE_UP_DAY_NAME)}
    return YearTable(
        year=year,
        holidays=frozenset(names),
        workdays=workdays,
        source=f"holidays {version('holidays')} (VN)",
        names=all_names,
    )
