"""The desk's first screen shows the office and today's figures from the services."""

from __future__ import annotations

import asyncio

from textual.widgets import Static

from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from screens.app import HomeSummary, make_app
from tests.conftest import citizen


def _text(widget: Static) -> str:
    return str(widget.render())


def test_home_shows_office_and_counts_then_refreshes(services: DeskServices) -> None:
    async def scenario() -> tuple[str, str, str]:
        app = make_app(services)
        async with app.run_test(size=(80, 24)) as pilot:
            office = _text(app.query_one("#office", Static))
            before = _text(app.query_one(HomeSummary))
            services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen()))
            await pilot.press("f5")
            after = _text(app.query_one(HomeSummary))
        return office, before, after

    office, before, after = asyncio.run(scenario())
    assert "000.00.01.H99" in office
    assert "Ủy ban nhân dân xã Thử Nghiệm" in office
    assert "Tiếp nhận hôm nay: 0" in before
    assert "Tiếp nhận hôm nay: 1" in after
    assert "Chờ bổ sung: 0" in after
