"""Login, the forced first-login password change, and the idle re-lock."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from desk.errors import DeskError, InvalidInput
from desk.i18n import translate
from desk.services.auth import OfficerView

if TYPE_CHECKING:
    from screens.app import DeskApp


class LoginScreen(Screen[None]):
    """Asks for the officer's password; when locked, only that officer (or another login)."""

    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, locked_for: OfficerView | None = None) -> None:
        super().__init__(id="login")
        self.locked_for = locked_for
        self.pending: OfficerView | None = None
        self._old_password = ""

    def compose(self) -> ComposeResult:
        office = self.desk.services.office.office()
        with Vertical(id="login-box", classes="dialog-body"):
            yield Label(office.agency_name, classes="dialog-title")
            title = (
                translate("Quầy đã khóa do không dùng. Nhập mật khẩu để mở.")
                if self.locked_for
                else translate("Đăng nhập")
            )
            yield Static(title, id="login-title")
            yield Input(
                value=self.locked_for.username if self.locked_for else "",
                placeholder=translate("Tên đăng nhập"),
                id="username",
            )
            yield Input(placeholder=translate("Mật khẩu"), password=True, id="password")
            with Vertical(id="change-box"):
                yield Static(
                    translate("Lần đăng nhập đầu: hãy đặt mật khẩu mới (ít nhất 8 ký tự).")
                )
                yield Input(placeholder=translate("Mật khẩu mới"), password=True, id="new-password")
                yield Input(
                    placeholder=translate("Nhập lại mật khẩu mới"), password=True, id="new-again"
                )
            yield Button(translate("Đăng nhập (Enter)"), id="login-button", variant="primary")

    @property
    def desk(self) -> DeskApp:
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.query_one("#change-box").display = False
        target = "#password" if self.locked_for else "#username"
        self.query_one(target, Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "username":
            self.query_one("#password", Input).focus()
        elif event.input.id == "new-password":
            self.query_one("#new-again", Input).focus()
        else:
            self.submit()

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.submit()

    def submit(self) -> None:
        try:
            if self.pending is not None:
                self._change_password(self.pending)
            else:
                self._login()
        except DeskError as error:
            self.query_one("#password", Input).value = ""
            self.desk.show_error(error)

    def _login(self) -> None:
        username = self.query_one("#username", Input).value
        password = self.query_one("#password", Input).value
        result = self.desk.services.auth.login(username, password)
        officer = result.officer
        if officer.must_change_password:
            self.pending = officer
            self._old_password = password
            self.query_one("#change-box").display = True
            self.query_one("#new-password", Input).focus()
            return
        self._enter(officer)

    def _change_password(self, officer: OfficerView) -> None:
        new = self.query_one("#new-password", Input).value
        if new != self.query_one("#new-again", Input).value:
            raise InvalidInput("Hai lần nhập mật khẩu mới không khớp.")
        self._enter(self.desk.services.auth.change_password(officer.id, self._old_password, new))

    def _enter(self, officer: OfficerView) -> None:
        switched = self.locked_for is not None and officer.id != self.locked_for.id
        self.desk.logged_in(officer)
        self.dismiss(None)
        if switched:  # another officer takes the desk: the previous one's work is closed
            self.desk.back_home()
