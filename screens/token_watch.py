"""The signing token in the status line, live: a thread worker polls the token device (the
PKCS#11 driver and the PC/SC reader service) every few seconds and the line says inserted,
removed, locked or no reader service. Shown only to an officer whom the office lets sign.
Polling stops while the signing dialog uses the token. Mixed into DeskApp."""

from __future__ import annotations

import logging
from collections.abc import Callable

from textual.app import App

from desk.i18n import translate
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from desk.services.devices import PcscStatus, TokenDevice, TokenState, TokenStatus

TOKEN_SECONDS = 3.0
log = logging.getLogger(__name__)
DeviceFactory = Callable[[], TokenDevice]


def token_text(state: TokenState) -> str:
    """The status line's words for the token's state (Vietnamese)."""
    status = state.status
    if status is TokenStatus.READY:
        labels = ", ".join(t.label for t in state.tokens)
        return translate("Token: {label} sẵn sàng", {"label": labels})
    if status is TokenStatus.BUSY:
        return translate("Token: đang dùng để ký")
    if status is TokenStatus.NOT_CONFIGURED:
        return translate("Token: chưa cài trình điều khiển")
    if status is TokenStatus.ABSENT:
        if state.readers.status is PcscStatus.NO_SERVICE:
            return translate("Token: không có dịch vụ đọc thẻ")
        return translate("Token: chưa cắm")
    if any(t.pin.locked for t in state.tokens):
        return translate("Token: bị khóa mã PIN")
    return translate("Token: lỗi, rút ra cắm lại")


class TokenWatch(App[None]):
    services: DeskServices
    officer: OfficerView | None
    refresh_status: Callable[[], None]
    token_factory: DeviceFactory | None = None
    token_line: str = ""
    token_busy: bool = False
    """The signing dialog is open: no polling (one PKCS#11 user at a time)."""

    def start_token_watch(self) -> None:
        self.set_interval(TOKEN_SECONDS, self.token_tick)
        self.token_tick()

    def watches_token(self) -> bool:
        officer = self.officer
        return officer is not None and self.services.signing.may_sign(officer.role)

    def token_tick(self) -> None:
        if not self.watches_token():
            if self.token_line:
                self.token_line = ""
                self.refresh_status()
            return
        if self.token_busy:
            self._show_token(translate("Token: đang dùng để ký"))
            return
        self.run_worker(
            self._poll_token, thread=True, group="token", exclusive=True, exit_on_error=False
        )

    def _poll_token(self) -> None:
        factory = self.token_factory or self.services.signing.device
        device = factory()
        try:
            text = token_text(device.state())
        except Exception as error:  # a driver fault must never close the desk
            log.warning("token poll failed: %s", type(error).__name__)
            text = translate("Token: lỗi, rút ra cắm lại")
        finally:
            close = getattr(device, "close", None)
            if callable(close):
                close()
        self.call_from_thread(self._show_token, text)

    def _show_token(self, text: str) -> None:
        if text != self.token_line:
            self.token_line = text
            self.refresh_status()
