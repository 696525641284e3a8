"""Sync commands the server refused (cách ly): read each one's reason, put them back in the
queue for another try, or export them (whole, with payloads) to a JSON file for the
administrator. Nothing is ever deleted here."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from desk.domain.timefmt import local_date
from desk.i18n import translate
from screens.home import DeskScreen
from screens.keymap import key
from screens.messages import Exported
from screens.widgets.dialogs import FormDialog


class QuarantineScreen(DeskScreen):
    DEFAULT_CSS = """
    QuarantineScreen #quarantine-table { height: auto; max-height: 12; }
    QuarantineScreen #quarantine-reason { margin: 1 0; padding: 0 1; border: round $warning; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            key("retry-command"), "retry(False)", translate("Thử lại lệnh"), id="retry-command"
        ),
        Binding(key("retry-all"), "retry(True)", translate("Thử lại tất cả"), id="retry-all"),
        Binding(key("export-commands"), "export", translate("Xuất tệp"), id="export-commands"),
        Binding(key("back"), "back", translate("Quay lại"), id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.held: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="quarantine"):
            yield Static("", id="quarantine-title", classes="section-title")
            yield DataTable(id="quarantine-table", cursor_type="row")
            yield Static("", id="quarantine-reason")
            yield Static(
                translate(
                    "Ctrl+R: thử lại lệnh đang chọn · Ctrl+T: thử lại tất cả · Ctrl+E: xuất "
                    "tệp JSON cho quản trị viên"
                ),
                classes="muted",
            )
        yield from self.compose_frame()

    def on_mount(self) -> None:
        table = self.query_one("#quarantine-table", DataTable)
        table.add_columns(translate("Mã hồ sơ"), translate("Lệnh"), translate("Mã lý do"))
        self.reload()
        table.focus()

    def reload(self) -> None:
        self.held = self.desk.services.sync.quarantined()
        self.query_one("#quarantine-title", Static).update(
            translate("Lệnh đồng bộ bị máy chủ từ chối: {n}", {"n": len(self.held)})
        )
        table = self.query_one("#quarantine-table", DataTable)
        table.clear()
        for row in self.held:
            table.add_row(row["dossier_code"] or "", row["type"], row["reason_code"] or "")
        self._show_reason()
        self.refresh_status()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_reason()

    def _show_reason(self) -> None:
        reason = self.query_one("#quarantine-reason", Static)
        index = self.query_one("#quarantine-table", DataTable).cursor_row
        if not self.held:
            reason.update(translate("Không có lệnh nào bị cách ly."))
            return
        row = self.held[min(index, len(self.held) - 1)]
        said = translate("Lý do: {reason}", {"reason": row["reason"] or row["outcome"] or ""})
        reason.update(Text(said))  # the server's words, never read as markup

    def action_retry(self, everything: bool) -> None:
        if not self.held:
            return
        index = min(self.query_one("#quarantine-table", DataTable).cursor_row, len(self.held) - 1)
        ids = None if everything else [self.held[index]["command_id"]]
        count = self.desk.services.sync.retry(ids)
        self.notify(
            translate("Đã đưa {n} lệnh trở lại hàng đợi; lần đồng bộ tới sẽ gửi lại.", {"n": count})
        )
        self.reload()

    def action_export(self) -> None:
        today = local_date(self.desk.services.context.now()).strftime("%Y%m%d")
        default = str(Path.home() / f"lenh-bi-tu-choi-{today}.json")

        def answered(values: dict[str, str] | None) -> None:
            if not values or not values["path"].strip():
                return
            path = Path(values["path"].strip()).expanduser()
            self.desk.run_blocking(
                self,
                lambda: self.desk.services.sync.export_quarantined(path),
                lambda count: Exported(path, count),
            )

        self.app.push_screen(
            FormDialog(
                translate("Xuất lệnh bị từ chối"), [("path", translate("Tệp JSON"), default)]
            ),
            answered,
        )

    def on_exported(self, message: Exported) -> None:
        self.notify(
            translate(
                "Đã ghi {n} lệnh vào {path}.", {"n": message.count, "path": str(message.path)}
            )
        )

    def action_back(self) -> None:
        self.dismiss(None)
