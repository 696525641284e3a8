"""Reports: a period, the 06a table, an on-time chart, and exports with a progress bar."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Header, Input, Label, ProgressBar, Select, Static

from desk.domain.reports import Period
from desk.domain.timefmt import local_date
from desk.errors import DeskError
from desk.i18n import translate
from desk.services.report_export import EXPORT_FORMATS, ExportFormat
from desk.services.reports import GroupBy, PeriodReport
from screens.home import DeskScreen
from screens.keymap import key
from screens.messages import ExportFinished, ExportProgress
from screens.numbers import percent

BAR_WIDTH = 30


def on_time_chart(report: PeriodReport) -> str:
    """One bar per row: the share resolved early or on time."""
    lines = []
    for row in [*report.rows, report.total]:
        rate = row.on_time_rate
        filled = round(BAR_WIDTH * (rate or 0) / 100)
        shown = f"{percent(rate):>7}" if rate is not None else "     — "
        lines.append(f"{row.label[:24]:<24} {'█' * filled}{'░' * (BAR_WIDTH - filled)} {shown}")
    # Not in Biểu 06a (never received), but the regulations ask for them with their reasons.
    lines.append(
        translate("Không được tiếp nhận trong kỳ: {count}", {"count": report.refused_total})
    )
    return "\n".join(lines)


class ReportsScreen(DeskScreen):
    CSS_PATH = "reports.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("back"), "back", translate("Quay lại"), id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report: PeriodReport | None = None

    def compose(self) -> ComposeResult:
        today = local_date(self.desk.services.context.now())
        yield Header()
        with VerticalScroll(id="reports"):
            with Horizontal(classes="row"):
                yield Label(translate("Kỳ báo cáo"))
                yield Input(
                    today.strftime("%Y-%m"),
                    id="period",
                    placeholder="2026-11 · 2026-Q4 · 2026-H2 · 2026-10-16..2026-11-15",
                )
                yield Select(
                    [
                        (translate("Theo lĩnh vực"), "sector"),
                        (translate("Theo thủ tục"), "procedure"),
                    ],
                    value="sector",
                    allow_blank=False,
                    id="group-by",
                )
            yield DataTable(id="report-table", header_height=2)
            yield Static("", id="chart")
            with Horizontal(classes="row"):
                yield Label(translate("Lưu vào thư mục"))
                yield Input(str(Path.home()), id="export-folder")
            with Horizontal(id="export-buttons"):
                for fmt in EXPORT_FORMATS:
                    yield Button(fmt.upper(), id=f"export-{fmt}")
            yield ProgressBar(total=3, id="export-progress", show_eta=False)
            yield Static("", id="export-state")
        yield from self.compose_frame()

    def on_mount(self) -> None:
        table = self.query_one("#report-table", DataTable)
        # Two-line headings and set widths: all seven columns fit 80 columns (78 cells).
        for label, width in (
            (translate("Lĩnh vực / thủ tục"), 20),
            (translate("Nhận"), 5),
            (translate("Đã giải quyết"), 8),
            (translate("Đúng/trước hạn"), 8),
            (translate("Quá hạn"), 6),
            (translate("Đang giải quyết"), 8),
            (translate("Tỷ lệ đúng hạn"), 7),
        ):
            table.add_column(Text(label, overflow="fold"), width=width)
        self.compute()

    @on(Input.Submitted, "#period")
    @on(Select.Changed, "#group-by")
    def compute(self) -> None:
        try:
            period = Period.parse(self.query_one("#period", Input).value)
            report = self.desk.services.reports.period_report(period, group_by=self._group())
        except DeskError as error:
            self.desk.show_error(error)
            return
        self.report = report
        table = self.query_one("#report-table", DataTable)
        table.clear()
        for row in [*report.rows, report.total]:
            rate = percent(row.on_time_rate) if row.on_time_rate is not None else "—"
            table.add_row(
                row.label,
                row.received_total,
                row.resolved_total,
                row.resolved_early + row.resolved_on_time,
                row.resolved_late,
                row.pending_total,
                rate,
            )
        self.query_one("#chart", Static).update(on_time_chart(report))

    def _group(self) -> GroupBy:
        return "procedure" if self.query_one("#group-by", Select).value == "procedure" else "sector"

    @on(Button.Pressed, "#export-buttons Button")
    def _export(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        name = event.button.id.removeprefix("export-")
        self.export(next((fmt for fmt in EXPORT_FORMATS if fmt == name), "csv"))

    def export(self, fmt: ExportFormat) -> None:
        try:
            period = Period.parse(self.query_one("#period", Input).value)
        except DeskError as error:
            self.desk.show_error(error)
            return
        folder = Path(self.query_one("#export-folder", Input).value.strip() or ".").expanduser()
        path = folder / f"bao-cao-06a-{period.label}.{fmt}"
        self.query_one("#export-progress", ProgressBar).update(progress=0)
        group = self._group()

        def work() -> Path:
            self.desk.services.exports.export(
                period,
                fmt,
                path,
                group_by=group,
                progress=lambda done, total: self.post_message(ExportProgress(done, total)),
            )
            return path

        self.desk.run_blocking(self, work, ExportFinished, group="export")

    def on_export_progress(self, message: ExportProgress) -> None:
        self.query_one("#export-progress", ProgressBar).update(
            total=message.total, progress=message.done
        )

    def on_export_finished(self, message: ExportFinished) -> None:
        text = translate("Đã lưu {path}.", {"path": str(message.path)})
        self.query_one("#export-state", Static).update(text)
        self.notify(text)

    def action_back(self) -> None:
        self.dismiss(None)
