"""Exporting the period report (Biểu 06a shape) to CSV, XLSX or PDF, for the TUI and scripts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from desk.domain.reports import Period
from desk.domain.validation import os_reason
from desk.errors import InvalidInput
from desk.fileio import write_atomically
from desk.services.context import ServiceContext
from desk.services.form_data import local_office_header, period_report_doc
from desk.services.reports import (
    GroupBy,
    PeriodReport,
    ReportsService,
    report_csv,
    write_report_xlsx,
)

ExportFormat = Literal["csv", "xlsx", "pdf"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("xlsx", "pdf", "csv")
Progress = Callable[[int, int], object]


class ReportExportService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context
        self._reports = ReportsService(context)

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

        with self._context.db.read() as session:
            office = local_office_header(session)
        return report06a.render_a4(period_report_doc(office, report, self._context.now(), ""))
