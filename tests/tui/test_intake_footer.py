"""At 80×24 the intake's footer keeps its own keys whole (the first day saw "f4 T")."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets._footer import FooterKey

from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from screens.app import DeskApp, make_app
from screens.help import help_rows
from screens.intake import IntakeScreen
from tests.tui.conftest import Ticks, drive, settle


def test_at_80x24_the_intake_footer_shows_its_keys_whole(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    seen: dict[str, list[str]] = {}

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, IntakeScreen)
        width = app.size.width
        keys = list(app.screen.query(FooterKey))
        seen["labels"] = [str(k.render()) for k in keys]
        seen["cut"] = [str(k.render()) for k in keys if k.region.right > width]
        seen["help"] = [row[2] for row in help_rows(app)]  # F1 still lists the desk's keys

    drive(make_app(services, officer=officer, clock=ticks), scenario, size=(80, 24))
    labels = " ".join(seen["labels"])
    for own in ("Bước sau", "Bước trước", "Tiếp nhận", "Quay lại"):
        assert own in labels, labels
    assert seen["cut"] == [], seen
    assert {"new-intake", "find-dossier", "return-result"} <= set(seen["help"])
