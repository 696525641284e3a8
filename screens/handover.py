"""Hand-over (bàn giao hồ sơ): the received dossiers waiting for the processing unit, nearest
deadline first with the overdue ones marked; mark several, name the unit, Ctrl+S hands them
over in one transaction and prints one Giấy bàn giao hồ sơ listing them all."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Input, Label, Static

from desk.domain.timefmt import short_local
from desk.errors import InvalidInput
from desk.i18n import translate
from desk.services.handover import WaitingHandOver
from screens.home import DeskScreen
from screens.keymap import key
from screens.messages import HandedOver, PrintFinished
from screens.numbers import number


def deadline_text(item: WaitingHandOver) -> str:
    hours = abs(item.working_time_left.total_seconds()) / 3600
    if item.overdue:
        return translate(
            "{at} — QUÁ HẠN {hours} giờ",
            {"at": short_local(item.hand_over_by), "hours": number(hours)},
        )
    return translate(
        "{at} — còn {hours} giờ", {"at": short_local(item.hand_over_by), "hours": number(hours)}
    )


class HandOverScreen(DeskScreen):
    DEFAULT_CSS = """
    HandOverScreen #handover-list { height: 1fr; }
    HandOverScreen #handover-title { text-style: bold; padding: 0 1; }
    HandOverScreen .row { height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("mark"), "mark", translate("Chọn/bỏ"), id="mark"),
        Binding(key("mark-all"), "mark_all", translate("Chọn tất cả"), id="mark-all"),
        Binding(key("submit"), "submit", translate("Bàn giao"), id="submit", priority=True),
        Binding(key("back"), "back", translate("Quay lại"), id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[WaitingHandOver] = []
        self.marked: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="handover"):
            yield Static("", id="handover-title")
            yield DataTable(id="handover-list", cursor_type="row")
            with Horizontal(classes="row"):
                yield Label(translate("Đơn vị nhận"))
                yield Input(id="handover-unit")
            yield Static(
                translate(
                    "Phím cách: chọn/bỏ · Ctrl+A: chọn tất cả · Ctrl+S: bàn giao và in Giấy bàn "
                    "giao hồ sơ"
                ),
                classes="muted",
            )
        yield from self.compose_frame()

    def on_mount(self) -> None:
        table = self.query_one("#handover-list", DataTable)
        table.add_columns(
            "✔", translate("Mã hồ sơ"), translate("Chủ hồ sơ"), translate("Hạn bàn giao")
        )
        self.reload()
        table.focus()

    def reload(self) -> None:
        self.items = self.desk.services.handover.waiting()
        self.marked &= {item.code for item in self.items}
        hours = self.desk.services.office.rules().hand_over_working_hours
        overdue = sum(1 for item in self.items if item.overdue)
        self.query_one("#handover-title", Static).update(
            translate(
                "Chờ bàn giao: {n} hồ sơ, quá hạn {overdue} (hạn: {hours} giờ làm việc sau khi "
                "tiếp nhận)",
                {"n": len(self.items), "overdue": overdue, "hours": hours},
            )
        )
        self._draw()

    def _draw(self) -> None:
        table = self.query_one("#handover-list", DataTable)
        row = table.cursor_row
        table.clear()
        for item in self.items:
            mark = "✔" if item.code in self.marked else ""
            deadline = deadline_text(item)
            style = "bold red" if item.overdue else ""
            table.add_row(mark, item.code, item.owner_name, Text(deadline, style=style))
        if self.items:
            table.move_cursor(row=min(row, len(self.items) - 1))

    def action_mark(self) -> None:
        if not self.items:
            return
        code = self.items[self.query_one("#handover-list", DataTable).cursor_row].code
        self.marked.symmetric_difference_update({code})
        self._draw()

    def action_mark_all(self) -> None:
        codes = {item.code for item in self.items}
        self.marked = set() if self.marked == codes else codes
        self._draw()

    def action_submit(self) -> None:
        codes = [item.code for item in self.items if item.code in self.marked]
        unit = self.query_one("#handover-unit", Input).value
        officer_id = self.desk.officer.id if self.desk.officer else None
        if not codes:
            self.desk.show_error(
                InvalidInput("Chưa chọn hồ sơ nào để bàn giao: đánh dấu hồ sơ bằng phím cách.")
            )
            return
        if not unit.strip():
            self.desk.show_error(InvalidInput("Cần ghi tên đơn vị nhận hồ sơ để xử lý."))
            self.query_one("#handover-unit", Input).focus()
            return
        self.desk.run_blocking(
            self,
            lambda: self.desk.services.handover.hand_over(codes, unit=unit, officer_id=officer_id),
            HandedOver,
        )

    def on_handed_over(self, message: HandedOver) -> None:
        codes, printing = message.codes, self.desk.services.printing
        officer_id = self.desk.officer.id if self.desk.officer else None
        self.notify(translate("Đã bàn giao {n} hồ sơ.", {"n": len(codes)}))
        self.marked.clear()
        self.reload()
        self.desk.run_blocking(
            self.desk,
            lambda: printing.print_hand_over(codes, officer_id=officer_id),
            lambda job: PrintFinished(codes[0], "ban-giao", job),
            group="print",
        )

    def action_back(self) -> None:
        self.dismiss(None)
