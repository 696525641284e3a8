"""Hồ sơ trực tuyến: the inbox of dossiers submitted online (oldest first, the working time
left of the review limit, overdue marked) and the three decisions — accept (Mẫu 01 printed),
ask for a supplement (Mẫu 02), refuse (Mẫu 03). Each decision goes to the server by sync."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Header, Static

from desk.domain.timefmt import short_local
from desk.errors import DeskError
from desk.i18n import translate
from screens.home import DeskScreen
from screens.keymap import key
from screens.widgets.dialogs import FormDialog


def hours_text(left: timedelta, overdue: bool) -> str:
    hours = round(abs(left.total_seconds()) / 3600, 1)
    if overdue:
        return translate("QUÁ HẠN {hours} giờ làm việc", {"hours": hours})
    return translate("còn {hours} giờ làm việc", {"hours": hours})


class OnlineScreen(DeskScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("back"), "back", translate("Quay lại"), id="back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="online"):
            yield Static(translate("Hồ sơ trực tuyến chờ tiếp nhận"), classes="title")
            yield DataTable(id="online-table", cursor_type="row")
            with Horizontal(classes="dialog-buttons"):
                yield Button(translate("Tiếp nhận"), id="online-accept", variant="primary")
                yield Button(translate("Yêu cầu bổ sung"), id="online-supplement")
                yield Button(translate("Từ chối"), id="online-refuse", variant="error")
            yield Static("", id="online-result")
        yield from self.compose_frame()

    def on_mount(self) -> None:
        table = self.query_one("#online-table", DataTable)
        table.add_columns(
            translate("Mã hồ sơ"),
            translate("Nộp lúc"),
            translate("Hạn xem xét"),
            translate("Còn lại"),
            translate("Thủ tục"),
            translate("Thiếu tệp"),
        )
        self.reload()

    def reload(self) -> None:
        table = self.query_one("#online-table", DataTable)
        table.clear()
        for item in self.desk.services.online.inbox():
            table.add_row(
                item.code,
                short_local(item.submitted_at),
                short_local(item.review_due),
                hours_text(item.working_time_left, item.overdue),
                item.procedure_name[:40],
                ", ".join(item.missing_required)[:40],
                key=item.code,
            )

    def _selected(self) -> str | None:
        table = self.query_one("#online-table", DataTable)
        if table.row_count == 0:
            return None
        return str(table.get_row_at(table.cursor_row)[0])

    def _decide(self, code: str, act: Callable[[], str], form: str) -> None:
        try:
            said = act()
        except DeskError as error:
            self.desk.show_error(error)
            return
        self.query_one("#online-result", Static).update(said)
        self.desk.print_form(code, form)
        self.reload()

    def _officer_id(self) -> int | None:
        return self.desk.officer.id if self.desk.officer else None

    @on(Button.Pressed, "#online-accept")
    def accept(self) -> None:
        code = self._selected()
        if code is None:
            return

        def act() -> str:
            done = self.desk.services.online.accept(code, officer_id=self._officer_id())
            return translate(
                "Đã tiếp nhận hồ sơ {code}; hẹn trả kết quả {due}.",
                {"code": code, "due": short_local(done.due_at)},
            )

        self._decide(code, act, "mau01")

    @on(Button.Pressed, "#online-supplement")
    def supplement(self) -> None:
        code = self._selected()
        if code is None:
            return
        fields = [
            ("items", translate("Nội dung cần bổ sung (ngăn cách bằng dấu ;)"), ""),
            ("reason", translate("Lý do"), ""),
        ]

        def answered(values: dict[str, str] | None) -> None:
            if values is None:
                return
            items = [item.strip() for item in values["items"].split(";") if item.strip()]

            def act() -> str:
                self.desk.services.online.request_supplement(
                    code, items=items, reason=values["reason"], officer_id=self._officer_id()
                )
                return translate("Đã yêu cầu bổ sung hồ sơ {code}.", {"code": code})

            self._decide(code, act, "mau02")

        self.app.push_screen(FormDialog(translate("Yêu cầu bổ sung"), fields), answered)

    @on(Button.Pressed, "#online-refuse")
    def refuse(self) -> None:
        code = self._selected()
        if code is None:
            return

        def answered(values: dict[str, str] | None) -> None:
            if values is None:
                return

            def act() -> str:
                self.desk.services.online.refuse(
                    code, reason=values["reason"], officer_id=self._officer_id()
                )
                return translate("Đã từ chối hồ sơ {code}.", {"code": code})

            self._decide(code, act, "mau03")

        fields = [("reason", translate("Lý do từ chối"), "")]
        self.app.push_screen(FormDialog(translate("Từ chối hồ sơ"), fields), answered)

    def action_back(self) -> None:
        self.dismiss(None)
