"""Login, the forced first-login password change, and the idle re-lock."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, Static

from desk.errors import DeskError, InvalidInput
from desk.i18n import translate
from desk.services.auth import ROLE_LABELS, OfficerView
from desk.services.demo import shown_logins
from screens.widgets.enter_moves import ENTER_MOVES_BINDING, EnterMovesFocus

if TYPE_CHECKING:
    from screens.app import DeskApp


class LoginScreen(EnterMovesFocus[None]):
    """Asks for the officer's password; when locked, only that officer (or another login)."""

    BINDINGS: ClassVar[list[BindingType]] = [ENTER_MOVES_BINDING]
    ENTER_MOVES: ClassVar[dict[str, str]] = {"username": "password", "new-password": "new-again"}

    def __init__(self, locked_for: OfficerView | None = None) -> None:
        super().__init__(id="login")
        self.locked_for = locked_for
        self.pending: OfficerView | None = None
        self._old_password = ""
        self.checking = False

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
            logins = [] if self.locked_for else shown_logins(self.desk.services.office)
            if logins:  # the demo office: its logins were printed before the TUI hid them
                lines = [
                    f"  {x.username} / {x.password}  ({translate(ROLE_LABELS[x.role])})"
                    for x in logins
                ]
                text = translate("Văn phòng trình diễn — tài khoản dùng thử:")
                yield Static("\n".join([text, *lines]), id="demo-logins", classes="muted")
            yield Static(translate("Đang kiểm tra mật khẩu…"), id="login-wait", classes="muted")

    @property
    def desk(self) -> DeskApp:
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.query_one("#change-box").display = False
        self.query_one("#login-wait").display = False
        target = "#password" if self.locked_for else "#username"
        self.query_one(target, Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id not in self.ENTER_MOVES:  # those moved on in the binding
            self.submit()

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.submit()

    def submit(self) -> None:
        """The password check (argon2, a deliberately slow hash) runs in a worker: the screen
        keeps drawing while it works, and a second Enter meanwhile is not a second attempt."""
        if self.checking:
            return
        pending = self.pending
        username = self.query_one("#username", Input).value
        password = self.query_one("#password", Input).value
        new = self.query_one("#new-password", Input).value
        again = self.query_one("#new-again", Input).value
        auth = self.desk.services.auth

        def check() -> None:
            try:
                if pending is not None:
                    if new != again:
                        raise InvalidInput("Hai lần nhập mật khẩu mới không khớp.")
                    officer = auth.change_password(pending.id, self._old_password, new)
                else:
                    officer = auth.login(username, password).officer
            except DeskError as error:
                self.app.call_from_thread(self._refused, error)
                return
            self.app.call_from_thread(self._checked, officer, password)

        self._busy(True)
        self.run_worker(check, thread=True, group="login", exit_on_error=False)

    def _busy(self, busy: bool) -> None:
        self.checking = busy
        self.query_one("#login-wait", Static).display = busy
        self.query_one("#login-button", Button).disabled = busy

    def _refused(self, error: DeskError) -> None:
        self._busy(False)
        self.query_one("#password", Input).value = ""
        self.desk.show_error(error)

    def _checked(self, officer: OfficerView, password: str) -> None:
        self._busy(False)
        if self.pending is None and officer.must_change_password:
            self.pending = officer
            self._old_password = password
            self.query_one("#change-box").display = True
            self.query_one("#new-password", Input).focus()
            return
        self._enter(officer)

    def _enter(self, officer: OfficerView) -> None:
        switched = self.locked_for is not None and officer.id != self.locked_for.id
        self.desk.logged_in(officer)
        self.dismiss(None)
        if switched:  # another officer takes the desk: the previous one's work is closed
            self.desk.back_home()
