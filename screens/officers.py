"""Officers (quản trị only): the accounts, a new officer with a temporary password, resets."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Header, Static

from desk.errors import DeskError
from desk.i18n import translate
from desk.services.auth import ROLE_LABELS
from screens.home import DeskScreen
from screens.keymap import key
from screens.widgets.dialogs import FormDialog


class OfficersScreen(DeskScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("back"), "back", translate("Quay lại"), id="back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="officers"):
            yield DataTable(id="officer-table", cursor_type="row")
            with Horizontal(classes="dialog-buttons"):
                yield Button(translate("Thêm cán bộ"), id="officer-add", variant="primary")
                yield Button(translate("Cấp lại mật khẩu"), id="officer-reset")
                yield Button(translate("Đổi vai trò"), id="officer-role")
            yield Static("", id="officer-result")
        yield from self.compose_frame()

    def on_mount(self) -> None:
        table = self.query_one("#officer-table", DataTable)
        table.add_columns(
            translate("Tên đăng nhập"),
            translate("Họ và tên"),
            translate("Vai trò"),
            translate("Đổi mật khẩu"),
        )
        self.reload()

    def reload(self) -> None:
        table = self.query_one("#officer-table", DataTable)
        table.clear()
        for officer in self.desk.services.auth.officers():
            table.add_row(
                officer.username,
                officer.full_name,
                translate(ROLE_LABELS[officer.role]),
                "✔" if officer.must_change_password else "",
                key=officer.username,
            )

    @on(Button.Pressed, "#officer-add")
    def add(self) -> None:
        fields = [
            ("username", translate("Tên đăng nhập (không dấu)"), ""),
            ("full_name", translate("Họ và tên"), ""),
            ("role", translate("Vai trò: reception, leader, clerk, admin"), "reception"),
        ]

        def answered(values: dict[str, str] | None) -> None:
            if values is None:
                return
            try:
                view, password = self.desk.services.auth.create_officer(
                    username=values["username"],
                    full_name=values["full_name"],
                    role=values["role"].strip(),
                )
            except DeskError as error:
                self.desk.show_error(error)
                return
            self._say_password(view.username, password)

        self.app.push_screen(FormDialog(translate("Thêm cán bộ"), fields), answered)

    @on(Button.Pressed, "#officer-reset")
    def reset(self) -> None:
        table = self.query_one("#officer-table", DataTable)
        if table.row_count == 0:
            return
        username = str(table.get_row_at(table.cursor_row)[0])
        try:
            password = self.desk.services.auth.reset_password(username)
        except DeskError as error:
            self.desk.show_error(error)
            return
        self._say_password(username, password)

    @on(Button.Pressed, "#officer-role")
    def change_role(self) -> None:
        table = self.query_one("#officer-table", DataTable)
        if table.row_count == 0:
            return
        username = str(table.get_row_at(table.cursor_row)[0])
        fields = [("role", translate("Vai trò: reception, leader, clerk, admin"), "clerk")]

        def answered(values: dict[str, str] | None) -> None:
            if values is None:
                return
            try:
                self.desk.services.auth.set_role(username, values["role"].strip())
            except DeskError as error:
                self.desk.show_error(error)
                return
            self.reload()

        title = translate("Đổi vai trò — {username}", {"username": username})
        self.app.push_screen(FormDialog(title, fields), answered)

    def _say_password(self, username: str, password: str) -> None:
        self.query_one("#officer-result", Static).update(
            translate(
                "Mật khẩu tạm của {username}: {password} (phải đổi khi đăng nhập lần đầu).",
                {"username": username, "password": password},
            )
        )
        self.reload()

    def action_back(self) -> None:
        self.dismiss(None)
