"""Phản ánh, kiến nghị: the open feedback with its answer deadline (nearest first, overdue
marked), recording a new one, assigning it, and closing it with the answer given."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Header, Static

from desk.domain.timefmt import short_local
from desk.errors import DeskError
from desk.i18n import translate
from desk.services.feedback import CHANNEL_LABELS, STATE_LABELS, FeedbackView, NewFeedback
from screens.home import DeskScreen
from screens.keymap import key
from screens.widgets.dialogs import FormDialog


class FeedbackScreen(DeskScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("back"), "back", translate("Quay lại"), id="back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="feedback"):
            yield Static(translate("Phản ánh, kiến nghị đang chờ trả lời"), classes="title")
            yield DataTable(id="feedback-table", cursor_type="row")
            with Horizontal(classes="dialog-buttons"):
                yield Button(translate("Ghi nhận phản ánh"), id="feedback-add", variant="primary")
                yield Button(translate("Giao xử lý"), id="feedback-assign")
                yield Button(translate("Trả lời và đóng"), id="feedback-close")
            yield Static("", id="feedback-result")
        yield from self.compose_frame()

    def on_mount(self) -> None:
        table = self.query_one("#feedback-table", DataTable)
        table.add_columns(
            translate("Số"),
            translate("Trạng thái"),
            translate("Hạn trả lời"),
            translate("Nội dung"),
        )
        self.reload()

    def reload(self) -> None:
        table = self.query_one("#feedback-table", DataTable)
        table.clear()
        now = self.desk.services.context.now()
        for item in self.desk.services.feedback.open_items():
            due = short_local(item.due_at)
            if item.overdue(now):
                due = f"{due} " + translate("(QUÁ HẠN)")
            state = translate(STATE_LABELS[item.state])
            table.add_row(item.number, state, due, item.content[:50], key=item.number)

    def _selected(self) -> str | None:
        table = self.query_one("#feedback-table", DataTable)
        if table.row_count == 0:
            return None
        return str(table.get_row_at(table.cursor_row)[0])

    def _ask(
        self, title: str, fields: list[tuple[str, str, str]], act: Callable[..., FeedbackView]
    ) -> None:
        def answered(values: dict[str, str] | None) -> None:
            if values is None:
                return
            try:
                item = act(values)
            except DeskError as error:
                self.desk.show_error(error)
                return
            self.query_one("#feedback-result", Static).update(
                translate(
                    "Phản ánh số {number}: {state}; hạn trả lời {due}.",
                    {
                        "number": item.number,
                        "state": translate(STATE_LABELS[item.state]),
                        "due": short_local(item.due_at),
                    },
                )
            )
            self.reload()

        self.app.push_screen(FormDialog(title, fields), answered)

    @on(Button.Pressed, "#feedback-add")
    def add(self) -> None:
        officer = self.desk.officer
        fields = [
            ("content", translate("Nội dung phản ánh, kiến nghị"), ""),
            (
                "channel",
                translate("Hình thức: {channels}", {"channels": ", ".join(CHANNEL_LABELS)}),
                "in_person",
            ),
            ("name", translate("Họ tên người phản ánh"), ""),
            ("phone", translate("Số điện thoại"), ""),
            ("email", translate("Email"), ""),
            ("dossier", translate("Mã hồ sơ liên quan (nếu có)"), ""),
        ]
        self._ask(
            translate("Ghi nhận phản ánh"),
            fields,
            lambda v: self.desk.services.feedback.receive(
                NewFeedback(
                    channel=v["channel"].strip(),
                    content=v["content"],
                    sender_name=v["name"],
                    sender_phone=v["phone"] or None,
                    sender_email=v["email"] or None,
                    dossier_code=v["dossier"] or None,
                    officer_id=officer.id if officer else None,
                )
            ),
        )

    @on(Button.Pressed, "#feedback-assign")
    def assign(self) -> None:
        number = self._selected()
        if number is None:
            return
        self._ask(
            translate("Giao xử lý phản ánh số {number}", {"number": number}),
            [("to", translate("Đơn vị, người được giao"), "")],
            lambda v: self.desk.services.feedback.assign(number, to=v["to"]),
        )

    @on(Button.Pressed, "#feedback-close")
    def close(self) -> None:
        number = self._selected()
        if number is None:
            return
        officer = self.desk.officer
        self._ask(
            translate("Trả lời phản ánh số {number}", {"number": number}),
            [("answer", translate("Nội dung đã trả lời"), "")],
            lambda v: self.desk.services.feedback.close(
                number, answer=v["answer"], officer_id=officer.id if officer else None
            ),
        )

    def action_back(self) -> None:
        self.dismiss(None)
