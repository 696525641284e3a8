"""Exporting the period report (Biểu 06a shape) to CSV, XLSX or PDF, for the TUI and scripts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Literal

from desk.domain.reports import Period
from desk.errors import InvalidInput
from desk.fileio import write_atomically
from desk.services.context import ServiceContext
from desk.services.reports import (
    GroupBy,
    PeriodReport,
    ReportRow,
    ReportsService,
    report_csv,
    write_report_xlsx,
)
from desk.services.settings import OfficeService
from desk.services.validation import os_reason

ExportFormat = Literal["csv", "xlsx", "pdf"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("xlsx", "pdf", "csv")
Progress = Callable[[int, int], object]


class ReportExportService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context
        self._reports = ReportsService(context)
        self._office = OfficeService(context)

    def export(
        self,
        period: Period,
        fmt: ExportFormat,
        path: Path,
        *,
        group_by: GroupBy = "sector",
        progress: Progress | None = None,
    ) -> PeriodReport:
        """Compute the report and write it to ``path``; ``progress(done, total)`` is called
        after each of the three steps (compute, render, write)."""
        tick = progress or (lambda _done, _total: None)
        if fmt not in EXPORT_FORMATS:
            raise InvalidInput(
                "Định dạng xuất không hỗ trợ: {value}. Dùng xlsx, pdf hoặc csv.", value=fmt
            )
        if not path.parent.is_dir():
            raise InvalidInput(
                "Không có thư mục {folder} để lưu báo cáo. Hãy tạo thư mục hoặc chọn đường dẫn "
                "khác.",
                folder=str(path.parent),
            )
        report = self._reports.period_report(period, group_by=group_by)
        tick(1, 3)
        if fmt == "xlsx":
            tick(2, 3)
            write_report_xlsx(report, path)
        else:
            data = report_csv(report).encode("utf-8-sig") if fmt == "csv" else self._pdf(report)
            tick(2, 3)
            try:
                write_atomically(path, data)
            except OSError as error:
                raise InvalidInput(
                    "Không ghi được tệp {path}: {reason}", path=str(path), reason=os_reason(error)
                ) from None
        tick(3, 3)
        return report

    def _pdf(self, report: PeriodReport) -> bytes:
        from printing.forms import report06a
        from printing.model import OfficeHeader, PeriodReportDoc, ReportLine

        office = self._office.office()
        header = OfficeHeader(
            parent_name=office.parent_name or office.agency_name,
            unit_name=office.unit_name,
            place=office.place_name,
            phone=office.phone or "",
            tracking_base_url=office.tracking_base_url,
        )

        def line(row: ReportRow) -> ReportLine:
            return ReportLine(
                label=row.label,
                carried_over=row.carried_over,
                received_online=row.received_online,
                received_direct=row.received_direct,
                resolved_early=row.resolved_early,
                resolved_on_time=row.resolved_on_time,
                resolved_late=row.resolved_late,
                pending_on_time=row.pending_on_time,
                pending_late=row.pending_late,
            )

        doc = PeriodReportDoc(
            office=header,
            unit_label=office.agency_name,
            period_label=report.period.label,
            first_day=report.period.start,
            last_day=report.period.end - timedelta(days=1),
            lines=tuple(line(row) for row in report.rows),
            issued_at=self._context.now(),
            group_label="Lĩnh vực" if report.group_by == "sector" else "Thủ tục hành chính",
        )
        return report06a.render_a4(doc)
