"""Sổ theo dõi rows and the period report in the shape of Biểu 06a (DOMAIN §6.1)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from data.models import Dossier, DossierEvent
from desk.domain.lifecycle import Action, Status
from desk.domain.reports import (
    Period,
    ReportCounts,
    Timeliness,
    finished_timeliness,
    pending_is_late,
)
from desk.domain.validation import os_reason
from desk.errors import InvalidInput
from desk.services.context import ServiceContext
from desk.services.settings import load_rules

GroupBy = Literal["sector", "procedure"]
RESOLVED = frozenset({int(Status.RESULT_READY), int(Status.RETURNED)})
NOT_RECEIVED = (int(Status.SUBMITTED), int(Status.REFUSED))


@dataclass
class ReportRow(ReportCounts):
    """One line of the 06a table; 'label' is a sector or a procedure."""

    label: str
    carried_over: int = 0
    received_online: int = 0
    received_direct: int = 0
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    withdrawn_or_stopped: int = 0
    pending_on_time: int = 0
    pending_late: int = 0

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = asdict(self)
        data.update(
            received_total=self.received_total,
            resolved_total=self.resolved_total,
            pending_total=self.pending_total,
            on_time_rate=self.on_time_rate,
        )
        return data


@dataclass(frozen=True)
class Refusals:
    """Dossiers not received in the period (Không được tiếp nhận: at the counter, or an
    online submission found not eligible), by row and by reason (Sơn La 2017 Đ17.2c, Lai
    Châu 2017 Đ15.2). Biểu 06a counts only received dossiers, so they stand beside it."""

    label: str
    reason: str
    direct: int = 0
    online: int = 0

    @property
    def total(self) -> int:
        return self.direct + self.online


@dataclass(frozen=True)
class PeriodReport:
    period: Period
    group_by: GroupBy
    rows: list[ReportRow]
    total: ReportRow
    granularity: str = "day"
    generated_at: datetime | None = None
    refusals: tuple[Refusals, ...] = ()

    @property
    def refused_total(self) -> int:
        return sum(r.total for r in self.refusals)


@dataclass(frozen=True)
class RegisterRow:
    """A line of the Sổ theo dõi hồ sơ (Mẫu 07)."""

    book: str
    seq: int
    code: str
    procedure_name: str
    owner_name: str
    owner_contact: str
    received_at: datetime
    due_at: datetime | None
    returned_at: datetime | None
    delivery: str
    extra: dict[str, str] = field(default_factory=dict)


class ReportsService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def period_report(self, period: Period, *, group_by: GroupBy = "sector") -> PeriodReport:
        start, end = period.start_instant, period.end_instant
        with self._context.db.read() as session:
            granularity = load_rules(session).timeliness_granularity
            # Two index-friendly parts: dossiers finished since the period began, and
            # dossiers still open; everything finished earlier is irrelevant. The bound on
            # received_at is applied in Python: in SQL it tempts SQLite (no STAT4 statistics)
            # into the received_at index, which reads every dossier ever received.
            # SQLAlchemy's select: SQLModel's typed overloads stop at four columns.
            base = sa_select(
                col(Dossier.sector),
                col(Dossier.procedure_name),
                col(Dossier.channel),
                col(Dossier.status),
                col(Dossier.received_at),
                col(Dossier.finished_at),
                col(Dossier.due_at),
            ).where(
                col(Dossier.clock_started_at).is_not(None),
                col(Dossier.status).not_in(NOT_RECEIVED),
            )
            connection = session.connection()
            finished = connection.execute(base.where(col(Dossier.finished_at) >= start)).all()
            still_open = connection.execute(base.where(col(Dossier.finished_at).is_(None))).all()
            refusals = refusals_in(session, period, group_by)
        # A period that is not over yet is judged as of now, not as of its last day.
        as_of = min(end, self._context.now())
        rows: dict[str, ReportRow] = {}
        for sector, procedure, channel, status, received, done, due in [*finished, *still_open]:
            if received >= end:
                continue
            label = sector if group_by == "sector" else procedure
            row = rows.setdefault(label, ReportRow(label))
            _count(row, start, end, as_of, channel, status, received, done, due, granularity)
        ordered = [rows[key] for key in sorted(rows)]
        return PeriodReport(
            period, group_by, ordered, _sum(ordered), granularity, self._context.now(), refusals
        )

    def register(self, period: Period) -> list[RegisterRow]:
        with self._context.db.read() as session:
            dossiers = session.exec(
                select(Dossier)
                .where(col(Dossier.received_at) >= period.start_instant)
                .where(col(Dossier.received_at) < period.end_instant)
                .order_by(col(Dossier.register_book), col(Dossier.register_seq))
            ).all()
        return [
            RegisterRow(
                book=d.register_book,
                seq=d.register_seq,
                code=d.code,
                procedure_name=d.procedure_name,
                owner_name=d.owner_name,
                owner_contact=", ".join(x for x in (d.owner_address, d.owner_phone) if x),
                received_at=d.received_at,
                due_at=d.extended_due_at or d.due_at,
                returned_at=d.returned_at,
                delivery=d.delivery,
            )
            for d in dossiers
        ]


def refusals_in(session: Session, period: Period, group_by: GroupBy) -> tuple[Refusals, ...]:
    """Refusals finished in ``period``, read through the finished_at index, each with the
    reason its refusal event gave (the same words the Mẫu 03 notice printed)."""
    start, end = period.start_instant, period.end_instant
    label = col(Dossier.sector) if group_by == "sector" else col(Dossier.procedure_name)
    rows = (
        session.connection()
        .execute(
            sa_select(label, col(Dossier.channel), col(DossierEvent.payload))
            .join(DossierEvent, col(DossierEvent.dossier_id) == col(Dossier.id))
            .where(
                col(Dossier.status) == int(Status.REFUSED),
                col(Dossier.finished_at) >= start,
                col(Dossier.finished_at) < end,
                col(DossierEvent.kind) == Action.REFUSE.value,
            )
        )
        .all()
    )
    counted: dict[tuple[str, str], Refusals] = {}
    for name, channel, payload in rows:
        reason = str(json.loads(payload or "{}").get("reason") or "").strip()
        key = (str(name), reason or "Không ghi lý do")
        old = counted.get(key, Refusals(*key))
        online = channel == "online"
        counted[key] = replace(old, direct=old.direct + (not online), online=old.online + online)
    return tuple(counted[key] for key in sorted(counted))


def _count(
    row: ReportRow,
    start: datetime,
    end: datetime,
    as_of: datetime,
    channel: str,
    status: int,
    received: datetime,
    done: datetime | None,
    due: datetime | None,
    granularity: str,
) -> None:
    if received < start:
        row.carried_over += 1
    elif channel == "online":
        row.received_online += 1
    else:
        row.received_direct += 1
    if done is not None and done < end:
        if status in RESOLVED:
            verdict = finished_timeliness(done, due, "day" if granularity == "day" else "instant")
            if verdict is Timeliness.EARLY:
                row.resolved_early += 1
            elif verdict is Timeliness.ON_TIME:
                row.resolved_on_time += 1
            else:
                row.resolved_late += 1
        else:
            row.withdrawn_or_stopped += 1
    elif pending_is_late(due, as_of):
        row.pending_late += 1
    else:
        row.pending_on_time += 1


def _sum(rows: list[ReportRow]) -> ReportRow:
    total = ReportRow("Tổng cộng")
    for row in rows:
        for name in (
            "carried_over",
            "received_online",
            "received_direct",
            "resolved_early",
            "resolved_on_time",
            "resolved_late",
            "withdrawn_or_stopped",
            "pending_on_time",
            "pending_late",
        ):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return total


# ------------------------------------------------------------------ exports

HEADERS = [
    ("label", "Lĩnh vực / thủ tục"),
    ("received_total", "Tổng số nhận giải quyết"),
    ("carried_over", "Từ kỳ trước"),
    ("received_online", "Trực tuyến"),
    ("received_direct", "Trực tiếp, dịch vụ bưu chính"),
    ("resolved_total", "Tổng số đã giải quyết"),
    ("resolved_early", "Trước hạn"),
    ("resolved_on_time", "Đúng hạn"),
    ("resolved_late", "Quá hạn"),
    ("pending_total", "Tổng số đang giải quyết"),
    ("pending_on_time", "Đang giải quyết trong hạn"),
    ("pending_late", "Đang giải quyết quá hạn"),
    ("withdrawn_or_stopped", "Rút, dừng giải quyết"),
    ("on_time_rate", "Tỷ lệ đúng hạn (%)"),
]


REFUSAL_HEADERS = [
    ("label", "Lĩnh vực / thủ tục"),
    ("reason", "Lý do không tiếp nhận"),
    ("direct", "Trực tiếp, dịch vụ bưu chính"),
    ("online", "Trực tuyến"),
    ("total", "Tổng số"),
]


def report_json(report: PeriodReport) -> str:
    return json.dumps(
        {
            "period": report.period.label,
            "start": report.period.start.isoformat(),
            "end": report.period.end.isoformat(),
            "group_by": report.group_by,
            "granularity": report.granularity,
            "rows": [row.as_dict() for row in report.rows],
            "total": report.total.as_dict(),
            "refused": {
                "total": report.refused_total,
                "by_reason": [{**asdict(r), "total": r.total} for r in report.refusals],
            },
        },
        ensure_ascii=False,
        indent=2,
    )


def report_csv(report: PeriodReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([title for _, title in HEADERS])
    for row in [*report.rows, report.total]:
        values = row.as_dict()
        writer.writerow(["" if values[key] is None else values[key] for key, _ in HEADERS])
    return buffer.getvalue()


def write_report_xlsx(report: PeriodReport, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "06a"
    sheet.append([f"Tình hình, kết quả giải quyết TTHC — kỳ {report.period.label}"])
    sheet["A1"].font = Font(bold=True)
    sheet.append([title for _, title in HEADERS])
    for row in [*report.rows, report.total]:
        values = row.as_dict()
        sheet.append([values[key] for key, _ in HEADERS])
    refused = workbook.create_sheet("Không được tiếp nhận")
    refused.append([title for _, title in REFUSAL_HEADERS])
    for line in report.refusals:
        refused.append([line.label, line.reason, line.direct, line.online, line.total])
    refused.append(["Tổng cộng", None, None, None, report.refused_total])
    try:
        workbook.save(path)
    except OSError as error:
        raise InvalidInput(
            "Không ghi được tệp {path}: {reason}",
            path=str(path),
            reason=os_reason(error),
        ) from None
