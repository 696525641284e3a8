"""The office's working calendar: official yearly notices override the package defaults."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, col, delete, select

from data.models import CalendarDay, CalendarYear
from desk.domain.calendar import DueResult, DueRule, DurationUnit, WorkingCalendar, YearTable
from desk.domain.holiday_defaults import default_year_table
from desk.domain.notice import YearNotice
from desk.services.context import ServiceContext
from desk.services.files import read_model
from desk.services.settings import load_rules


@dataclass(frozen=True)
class YearView:
    table: YearTable
    official: bool


class CalendarService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def working_calendar(self) -> WorkingCalendar:
        with self._context.db.read() as session:
            return calendar_for(session)

    def online_review_deadline(self, submitted: datetime) -> DueResult:
        """When an online dossier must be accepted or sent back: N working hours after it
        reached the system, counted from the next session start when it came after hours."""
        with self._context.db.read() as session:
            hours = load_rules(session).online_review_hours
            calendar = calendar_for(session)
        return calendar.compute_due(DueRule(DurationUnit.WORKING_HOURS, hours), submitted)

    def import_notice(self, path: Path) -> YearView:
        notice = read_model(YearNotice, path, "lịch")
        with self._context.db.write() as session:
            write_notice(session, notice, self._context.now())
        return self.show_year(notice.year)

    def show_year(self, year: int) -> YearView:
        with self._context.db.read() as session:
            official = _official_tables(session)
        if year in official:
            return YearView(official[year], official=True)
        return YearView(default_year_table(year), official=False)


def write_notice(session: Session, notice: YearNotice, now: datetime) -> None:
    """The notice replaces whatever the office had for its year (imported or pulled)."""
    session.exec(delete(CalendarDay).where(col(CalendarDay.year) == notice.year))
    year_row = session.get(CalendarYear, notice.year) or CalendarYear(
        year=notice.year, source=notice.source
    )
    year_row.source = notice.source
    year_row.imported_at = now
    session.add(year_row)
    session.flush()
    for day in sorted(set(notice.holidays)):
        session.add(CalendarDay(day=day, year=notice.year, kind="holiday"))
    for day in sorted(set(notice.working_days)):
        session.add(CalendarDay(day=day, year=notice.year, kind="workday"))


def calendar_for(session: Session) -> WorkingCalendar:
    """The calendar as configured now; tables are read once, then consulted in memory."""
    official = _official_tables(session)
    sessions = load_rules(session).working_sessions()

    def year_table(year: int) -> YearTable:
        return official.get(year) or default_year_table(year)

    return WorkingCalendar(year_table, sessions)


def _official_tables(session: Session) -> dict[int, YearTable]:
    tables: dict[int, YearTable] = {}
    for year_row in session.exec(select(CalendarYear)).all():
        days = session.exec(select(CalendarDay).where(col(CalendarDay.year) == year_row.year)).all()
        tables[year_row.year] = YearTable(
            year=year_row.year,
            holidays=frozenset(d.day for d in days if d.kind == "holiday"),
            workdays=frozenset(d.day for d in days if d.kind == "workday"),
            source=year_row.source,
            names={d.day: d.name for d in days if d.name},
        )
    return tables
