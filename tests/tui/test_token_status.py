"""The signing token in the status line, live: inserted, removed, no reader service, locked;
shown only to an officer the office lets sign. The device is a stand-in whose state the test
changes (a real token cannot be unplugged by a test; the SoftHSM2 pilot tests cover the
real driver)."""

from __future__ import annotations

from textual.pilot import Pilot

from desk.devices.token import TokenState, TokenStatus
from desk.devices.token_certs import CertificateInfo
from desk.devices.token_errors import TokenError
from desk.devices.token_pcsc import PcscSnapshot, PcscStatus
from desk.devices.token_pkcs11 import PinStatus, TokenInfo
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from screens.app import DeskApp, make_app
from screens.widgets.status_bar import StatusBar
from tests.tui.conftest import PASSWORD, drive, settle

TOKEN = TokenInfo(
    label="VNPT-CA 0001",
    manufacturer="Thử nghiệm",
    model="ePass2003",
    serial="0001",
    pin=PinStatus(False, False, False, False),
    protected_path=False,
)
LOCKED = TokenInfo(**{**TOKEN.__dict__, "pin": PinStatus(False, False, True, False)})


class PluggableToken:
    """A token device whose state the test sets: plugged in, pulled out, service stopped."""

    def __init__(self) -> None:
        self.now = TokenState(TokenStatus.ABSENT, TokenError("Chưa cắm token ký số."))
        self.polls = 0

    def state(self) -> TokenState:
        self.polls += 1
        return self.now

    def tokens(self) -> list[TokenInfo]:
        return list(self.now.tokens)

    def certificates(self, token_label: str) -> list[CertificateInfo]:
        return []


def line(app: DeskApp) -> str:
    return str(app.screen.query_one(StatusBar).render())


async def tick(app: DeskApp, pilot: Pilot[None]) -> str:
    app.token_tick()
    await settle(app, pilot)
    return line(app)


def _leader(services: DeskServices) -> OfficerView:
    view, _ = services.auth.create_officer(
        username="lanhdao",
        full_name="LÃNH ĐẠO THỬ NGHIỆM",
        role="leader",
        password=PASSWORD,
        must_change_password=False,
    )
    return view


def test_status_line_follows_the_token(services: DeskServices) -> None:
    device = PluggableToken()
    seen: list[str] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        seen.append(await tick(app, pilot))
        device.now = TokenState(TokenStatus.READY, None, (TOKEN,))
        seen.append(await tick(app, pilot))
        device.now = TokenState(TokenStatus.ABSENT, TokenError("Chưa cắm token ký số."))
        seen.append(await tick(app, pilot))
        device.now = TokenState(
            TokenStatus.ABSENT,
            TokenError("Dịch vụ đọc thẻ thông minh không chạy."),
            readers=PcscSnapshot(PcscStatus.NO_SERVICE),
        )
        seen.append(await tick(app, pilot))
        device.now = TokenState(TokenStatus.ERROR, TokenError("khóa"), (LOCKED,))
        seen.append(await tick(app, pilot))
        polls = device.polls
        app.token_busy = True  # the signing dialog holds the token
        seen.append(await tick(app, pilot))
        seen.append(str(device.polls - polls))

    app = make_app(services, officer=_leader(services), token_device=lambda: device)
    drive(app, scenario, size=(160, 24))
    assert "Token: chưa cắm" in seen[0]
    assert "Token: VNPT-CA 0001 sẵn sàng" in seen[1]
    assert "Token: chưa cắm" in seen[2]
    assert "Token: không có dịch vụ đọc thẻ" in seen[3]
    assert "Token: bị khóa mã PIN" in seen[4]
    assert "Token: đang dùng để ký" in seen[5] and seen[6] == "0"  # not polled meanwhile


def test_no_token_in_the_line_of_an_officer_who_may_not_sign(
    services: DeskServices, officer: OfficerView
) -> None:
    device = PluggableToken()
    device.now = TokenState(TokenStatus.READY, None, (TOKEN,))
    seen: list[str] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        seen.append(await tick(app, pilot))

    drive(make_app(services, officer=officer, token_device=lambda: device), scenario, (160, 24))
    assert "Token" not in seen[0]
    assert device.polls == 0  # nothing touches the token for a reception officer
