"""The signing token as the officer sees it: one visible state, never a guess.

``TokenDevice`` is the small Protocol the TUI and the services use; ``RealTokenDevice``
combines the PKCS#11 driver (token_pkcs11) with the PC/SC reader service (token_pcsc), and
``FakeTokenDevice`` plays any state for tests of the logic above it. ``open_token_device``
chooses from the settings (module path or probe). The parts:

- token_pcsc: readers, cards, ATR → model (data in token_atrs.json), live insert/remove;
- token_pkcs11: module probe, tokens by label, PIN flags, the one login;
- token_certs: certificate details, expiry warning, "may this certificate sign now?";
- token_errors: the DeskError subclasses, in Vietnamese.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from desk.devices.token_certs import CertificateInfo
from desk.devices.token_errors import PinError, TokenError
from desk.devices.token_pcsc import PcscScanner, PcscSnapshot, PcscStatus
from desk.devices.token_pkcs11 import Pkcs11Module, TokenInfo, find_module, locked_error
from desk.errors import DeskError

__all__ = [
    "CertificateInfo",
    "FakeTokenDevice",
    "PinError",
    "RealTokenDevice",
    "TokenDevice",
    "TokenError",
    "TokenInfo",
    "TokenState",
    "TokenStatus",
    "open_token_device",
]


class TokenStatus(StrEnum):
    NOT_CONFIGURED = "not_configured"
    ABSENT = "absent"
    READY = "ready"
    BUSY = "busy"
    ERROR = "error"


@dataclass(frozen=True)
class TokenState:
    status: TokenStatus
    problem: DeskError | None = None
    """Why the token is not ready, in Vietnamese (rendered at display time)."""
    tokens: tuple[TokenInfo, ...] = ()
    readers: PcscSnapshot = field(default_factory=lambda: PcscSnapshot(PcscStatus.UNAVAILABLE))

    @property
    def reason(self) -> str:
        return self.problem.message if self.problem is not None else ""


class TokenDevice(Protocol):
    def state(self) -> TokenState: ...

    def tokens(self) -> list[TokenInfo]: ...

    def certificates(self, token_label: str) -> list[CertificateInfo]: ...


# ------------------------------------------------------------------------------ the real one

_NO_SERVICE = TokenError(
    "Dịch vụ đọc thẻ thông minh không chạy (pcscd trên Linux, Smart Card trên Windows), nên "
    "không thấy token. Khởi động dịch vụ đó (hoặc khởi động lại máy) rồi cắm lại token."
)
_NO_TOKEN = TokenError("Chưa cắm token ký số. Cắm token vào cổng USB rồi chờ đèn token sáng.")
_UNKNOWN_CARD = (
    "Có thiết bị trong đầu đọc (mẫu: {model}) nhưng trình điều khiển token {module} không "
    "nhận ra. Kiểm tra đã cài đúng phần mềm token của nhà cung cấp chữ ký số chưa."
)


class RealTokenDevice:
    def __init__(self, module: Pkcs11Module | None, problem: DeskError | None = None) -> None:
        self.module = module
        self._problem = problem
        self._scanner = PcscScanner()
        self.busy = False
        """Set by the signer while it holds a session, so the screen shows "busy"."""

    def state(self) -> TokenState:
        readers = self._scanner.scan()
        if self.module is None:
            return TokenState(TokenStatus.NOT_CONFIGURED, self._problem, readers=readers)
        try:
            tokens = tuple(self.module.tokens())
        except TokenError as error:
            return TokenState(TokenStatus.ERROR, error, readers=readers)
        if not tokens:
            return TokenState(TokenStatus.ABSENT, _absent_reason(readers, self.module), (), readers)
        if self.busy:
            return TokenState(TokenStatus.BUSY, None, tokens, readers)
        if all(t.pin.locked for t in tokens):
            return TokenState(TokenStatus.ERROR, locked_error(None), tokens, readers)
        return TokenState(TokenStatus.READY, None, tokens, readers)

    def tokens(self) -> list[TokenInfo]:
        return self._require().tokens()

    def certificates(self, token_label: str) -> list[CertificateInfo]:
        return self._require().certificates(token_label)

    def _require(self) -> Pkcs11Module:
        if self.module is None:
            raise self._problem or TokenError("Chưa cấu hình token ký số.")
        return self.module

    def close(self) -> None:
        self._scanner.close()


def _absent_reason(readers: PcscSnapshot, module: Pkcs11Module) -> DeskError:
    if readers.status is PcscStatus.NO_SERVICE:
        return _NO_SERVICE
    cards = readers.cards()
    if cards:
        model = cards[0].model.model if cards[0].model else cards[0].atr_hex
        return TokenError(_UNKNOWN_CARD, model=model, module=module.path.name)
    return _NO_TOKEN


def open_token_device(module_path: str | None) -> RealTokenDevice:
    """The token device for the configured module path, or the first known driver found."""
    try:
        return RealTokenDevice(Pkcs11Module(find_module(module_path)))
    except TokenError as problem:
        return RealTokenDevice(None, problem)


# ------------------------------------------------------------------------------ the fake


class FakeTokenDevice:
    """Plays a fixed state (and its tokens and certificates) for tests of screens and services."""

    def __init__(
        self,
        status: TokenStatus = TokenStatus.READY,
        *,
        problem: DeskError | None = None,
        tokens: tuple[TokenInfo, ...] = (),
        certificates: dict[str, list[CertificateInfo]] | None = None,
    ) -> None:
        self._state = TokenState(status, problem, tokens)
        self._certificates = certificates or {}

    def state(self) -> TokenState:
        return self._state

    def tokens(self) -> list[TokenInfo]:
        return list(self._state.tokens)

    def certificates(self, token_label: str) -> list[CertificateInfo]:
        if token_label not in self._certificates:
            raise TokenError(
                "Không thấy token có nhãn {label} (token đang cắm: {present}). Cắm đúng token "
                "rồi thử lại.",
                label=token_label,
                present=", ".join(sorted(self._certificates)) or "—",
            )
        return list(self._certificates[token_label])
