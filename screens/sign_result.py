"""Ký số kết quả: the result file, the token (label, certificate holder, expiry), the PIN in a
masked field, ONE try per Enter, and the signed file kept with the dossier.

Order, each step before the next can cost anything: read the token and its certificates (no
PIN); check the chosen certificate and the PIN flags (an expired certificate or a locked token
stops here, and the PIN field closes); then one ``sign_result`` per press of Enter once the
check has passed. A wrong PIN is shown with what the token's flags say about the tries left,
the field is emptied and nothing is tried again until the officer types and presses Enter once
more.

Where the keys go: an officer types the path, Enter, and the PIN at once. Textual forwards each
key to the widget focused when the app reads it, and ``Widget.focus()`` only takes effect
later, so a PIN typed quickly after Enter would land in the path field, in clear. Enter on the
path therefore moves focus at once (screens/widgets/enter_moves.py), and the PIN field is
open (masked) while the token is still being checked; only signing waits for the check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from desk.domain.timefmt import short_local
from desk.errors import DeskError
from desk.i18n import translate
from desk.services.container import DeskServices
from desk.services.devices import CertificateInfo, PinError, signer_name
from desk.services.signing import SignedResult
from screens.sign_token import TokenRead, read_pdf, read_token
from screens.widgets.dialogs import unexpected
from screens.widgets.enter_moves import ENTER_MOVES_BINDING, EnterMovesFocus

if TYPE_CHECKING:
    from screens.app import DeskApp

T = TypeVar("T")

PIN_WAIT = "Mã PIN token (đang kiểm tra token…)"
PIN_READY = "Nhập mã PIN token rồi nhấn Enter"


class SignResultScreen(EnterMovesFocus[SignedResult | None], ModalScreen[SignedResult | None]):
    ENTER_MOVES: ClassVar[dict[str, str]] = {"sign-path": "sign-pin"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", translate("Hủy"), id="cancel-sign"),
        ENTER_MOVES_BINDING,
    ]

    def __init__(self, code: str) -> None:
        super().__init__(classes="dialog")
        self.code = code
        self.token: TokenRead | None = None
        self.certificate: CertificateInfo | None = None
        self.back_office: bytes | None = None
        self.tries = 0
        """Signatures started from this dialog: one per Enter, never more."""
        self.path_given = False
        self.ready = False
        """The chosen certificate and the PIN flags passed their check: Enter may sign."""
        self.busy = False
        """A signature is under way: Enter signs nothing more until it answers."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body", id="sign-body"):
            yield Label(
                translate("Ký số kết quả — {code}", {"code": self.code}), classes="dialog-title"
            )
            yield Static("", id="sign-file")
            yield Input(placeholder=translate("Đường dẫn tệp kết quả (PDF) để ký"), id="sign-path")
            yield Static(translate("Đang đọc token…"), id="sign-token")
            yield OptionList(id="sign-certs")
            yield Static("", id="sign-cert")
            yield Input(password=True, placeholder=translate(PIN_WAIT), id="sign-pin")
            yield Static("", id="sign-message", classes="warning")
            with Horizontal(classes="dialog-buttons"):
                yield Button(translate("Ký số (Enter)"), id="sign-ok", variant="primary")
                yield Button(translate("Hủy"), id="sign-cancel")

    def on_mount(self) -> None:
        self.desk.token_busy = True  # the status line stops polling: one user of the token
        self._pin_ready(False)
        self.query_one("#sign-certs").display = False
        try:
            self.back_office = self.services.signing.result_to_sign(self.code)
        except DeskError as error:
            self._say(error.message)
        path = self.query_one("#sign-path", Input)
        if self.back_office is not None:
            path.display = False
            self.query_one("#sign-file", Static).update(
                translate(
                    "Tệp kết quả do bộ phận chuyên môn gửi ({kb} KB).",
                    {"kb": max(1, len(self.back_office) // 1024)},
                )
            )
        else:
            self.query_one("#sign-file", Static).update(
                translate("Chưa có tệp kết quả từ bộ phận chuyên môn: chọn tệp PDF cần ký.")
            )
            path.focus()
        if self.back_office is not None:
            self.query_one("#sign-pin", Input).focus()
        self._background(lambda: read_token(self.services), self._token_read)

    @property
    def desk(self) -> DeskApp:
        return self.app  # type: ignore[return-value]

    @property
    def services(self) -> DeskServices:
        return self.desk.services

    # ------------------------------------------------------------------ background work

    def _background(
        self, work: Callable[[], T], done: Callable[[T | None, DeskError | None], None]
    ) -> None:
        def job() -> None:
            try:
                result = work()
            except DeskError as error:
                self.app.call_from_thread(done, None, error)
                return
            except Exception as error:  # a bug or a driver fault: never a traceback
                self.app.call_from_thread(done, None, unexpected(error))
                return
            self.app.call_from_thread(done, result, None)

        self.run_worker(job, thread=True, exit_on_error=False, group="sign")

    # ------------------------------------------------------------------ the token

    def _token_read(self, read: TokenRead | None, error: DeskError | None) -> None:
        if read is None:
            self.query_one("#sign-token", Static).update(translate("Không đọc được token."))
            self._say(error.message if error else "")
            self._pin_closed()
            return
        self.token = read
        self.query_one("#sign-token", Static).update(read.description)
        if not read.certificates:
            self._say(translate("Token không có chứng thư số nào để ký."))
            self._pin_closed()
            return
        now = self.services.context.now()
        choices = self.query_one("#sign-certs", OptionList)
        for cert in read.certificates:
            text = translate(
                "{label}: {holder}, hiệu lực đến {until}",
                {
                    "label": cert.label,
                    "holder": signer_name(cert),
                    "until": cert.not_after.date().isoformat(),
                },
            )
            choices.add_option(Option(text, id=cert.label))
        usable = [c for c in read.certificates if c.not_before <= now <= c.not_after]
        choices.display = len(read.certificates) > 1
        best = max(usable, key=lambda c: c.not_after) if usable else read.certificates[0]
        first = read.certificates.index(best)  # the one valid longest
        choices.highlighted = first
        self._check(read.certificates[first])

    @on(OptionList.OptionHighlighted, "#sign-certs")
    def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        if self.token is None or event.option.id is None:
            return
        if event.option_index != event.option_list.highlighted:
            return  # a stale event: the list has moved on since
        cert = next(c for c in self.token.certificates if c.label == event.option.id)
        if cert != self.certificate:
            self._check(cert)

    def _check(self, cert: CertificateInfo) -> None:
        """Certificate and PIN flags, before the PIN field opens (no C_Login)."""
        assert self.token is not None
        self.certificate = cert
        self._pin_ready(False)
        now = self.services.context.now()
        self.query_one("#sign-cert", Static).update(
            translate(
                "Chủ chứng thư: {holder}\nNơi cấp: {issuer} — hiệu lực đến {until}",
                {
                    "holder": signer_name(cert),
                    "issuer": cert.issuer_name,
                    "until": short_local(cert.not_after),
                },
            )
            + ("\n" + warning if (warning := cert.expiry_warning(now)) else "")
        )
        label = self.token.label
        self._background(
            lambda: self.services.signing.check_ready(label, cert.label),
            self._checked,
        )

    def _checked(
        self, ready: tuple[CertificateInfo, str | None] | None, error: DeskError | None
    ) -> None:
        if ready is None:
            self._say(error.message if error else "")
            self._pin_closed()
            return
        self._say(ready[1] or "")
        self._pin_ready(True)

    # ------------------------------------------------------------------ the PIN, once

    def _pin_ready(self, ready: bool) -> None:
        """Open the PIN field (masked, typing allowed); ``ready`` says whether Enter signs."""
        self.ready = ready
        pin = self.query_one("#sign-pin", Input)
        pin.disabled = False
        pin.placeholder = translate(PIN_READY if ready else PIN_WAIT)
        self.query_one("#sign-ok", Button).disabled = not ready
        path = self.query_one("#sign-path", Input)
        if ready and (self.path_given or not path.has_focus):
            self.set_focus(pin)

    def _pin_closed(self) -> None:
        """A refusal (no token, expired certificate, locked PIN): nothing may be typed as a
        PIN. If the PIN field had the keys, nothing has them now (digits typed next show
        nowhere, an Enter presses no button); Tab or Esc go on from there."""
        self.ready = False
        pin = self.query_one("#sign-pin", Input)
        pin.value = ""
        if pin.has_focus:
            self.set_focus(None)
        pin.disabled = True
        self.query_one("#sign-ok", Button).disabled = True

    def entered(self, field_id: str) -> None:
        self.path_given = True  # the PIN takes the keys now, or the moment its check passes

    @on(Input.Submitted, "#sign-pin")
    @on(Button.Pressed, "#sign-ok")
    def sign(self) -> None:
        pin = self.query_one("#sign-pin", Input)
        if self.busy or pin.disabled or self.token is None or self.certificate is None:
            return
        if not self.ready:
            self._say(translate("Token đang được kiểm tra: nhấn Enter lần nữa khi sẵn sàng."))
            return
        try:
            pdf = self.back_office or read_pdf(self.query_one("#sign-path", Input).value)
        except DeskError as error:
            self._say(error.message)
            return
        secret = pin.value
        if not secret:
            self._say(translate("Chưa nhập mã PIN của token."))
            return
        pin.value = ""
        self._pin_ready(False)
        self.busy = True
        self.tries += 1
        self._say(translate("Đang ký…"))
        officer = self.desk.officer
        label, cert = self.token.label, self.certificate.label
        self._background(
            lambda: self.services.signing.sign_result(
                self.code,
                pdf,
                token_label=label,
                cert_label=cert,
                pin=secret,
                officer_id=officer.id if officer else None,
            ),
            self._signed,
        )

    def _signed(self, result: SignedResult | None, error: DeskError | None) -> None:
        self.busy = False
        if result is not None:
            self.dismiss(result)
            return
        self._say(error.message if error else "")
        if not isinstance(error, PinError):
            self._pin_closed()  # the token was pulled out or failed: Hủy, then try again
        elif self.token and self.certificate:
            # Read the flags again (no login): a locked token keeps the PIN field closed.
            message, label, cert = error.message, self.token.label, self.certificate.label
            self._background(
                lambda: self.services.signing.check_ready(label, cert),
                lambda ready, again: self._after_wrong_pin(message, ready, again),
            )

    def _after_wrong_pin(
        self,
        message: str,
        ready: tuple[CertificateInfo, str | None] | None,
        error: DeskError | None,
    ) -> None:
        if ready is None:
            self._say(error.message if error else message)
            self._pin_closed()
            return
        self._say(message)
        self._pin_ready(True)

    def _say(self, text: str) -> None:
        self.query_one("#sign-message", Static).update(text)

    @property
    def message(self) -> str:
        return str(self.query_one("#sign-message", Static).render())

    def on_unmount(self) -> None:
        self.desk.token_busy = False

    @on(Button.Pressed, "#sign-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
