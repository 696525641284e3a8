"""The feedback screen (F9): record, assign and answer a phản ánh, kiến nghị; what the register
holds afterwards. And the status line's link state once the desk has a sync status."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Static

from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from desk.services.feedback import NewFeedback
from screens.app import DeskApp, make_app
from screens.feedback import FeedbackScreen
from screens.widgets.dialogs import ErrorDialog
from tests.tui.conftest import Ticks, drive

CONTENT = "Chưa nhận được kết quả đúng ngày hẹn"


async def fill(app: DeskApp, pilot: Pilot[None], values: dict[str, str]) -> None:
    for field, value in values.items():
        app.screen.query_one(f"#field-{field}", Input).value = value
    await pilot.press("ctrl+s")
    await pilot.pause()


def test_record_assign_and_answer_feedback(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    services.feedback.receive(NewFeedback("in_person", "Phản ánh đã có từ trước"))

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f9")
        screen = app.screen
        assert isinstance(screen, FeedbackScreen)
        assert screen.query_one("#feedback-table", DataTable).row_count == 1
        screen.query_one("#feedback-add", Button).press()
        await pilot.pause()
        await fill(app, pilot, {"content": CONTENT, "channel": "phone", "phone": "0912000000"})
        assert app.screen is screen
        assert "0002/2026" in str(screen.query_one("#feedback-result", Static).render())
        table = screen.query_one("#feedback-table", DataTable)
        assert table.row_count == 2
        table.move_cursor(row=1)
        screen.query_one("#feedback-assign", Button).press()
        await pilot.pause()
        await fill(app, pilot, {"to": "Công chức Văn phòng - Thống kê"})
        table.move_cursor(row=1)
        screen.query_one("#feedback-close", Button).press()
        await pilot.pause()
        await fill(app, pilot, {"answer": "Đã gọi điện trả lời công dân"})
        assert screen.query_one("#feedback-table", DataTable).row_count == 1

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    item = services.feedback.get("0002/2026")
    assert item.state == "closed" and item.assigned_to == "Công chức Văn phòng - Thống kê"
    assert item.answer == "Đã gọi điện trả lời công dân" and item.on_time is True


def test_bad_feedback_shows_the_error_and_records_nothing(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f9")
        app.screen.query_one("#feedback-add", Button).press()
        await pilot.pause()
        await fill(app, pilot, {"content": CONTENT, "channel": "email", "email": "sai-dia-chi"})
        assert isinstance(app.screen, ErrorDialog)
        assert "email" in app.screen.error.message

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert services.feedback.open_items() == []


def test_the_status_line_says_the_desk_is_not_enrolled(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        status = str(app.screen.query_one("#status", Static).render())
        assert "Kết nối: Chưa đăng ký máy chủ" in status
        assert "Chưa đăng ký máy chủ" in str(app.screen.query_one("#link", Static).render())
        assert app.sync_step(False) is True  # not enrolled: nothing sent, no backoff
        assert services.sync.status().commands_pending >= 0 and not services.sync.status().online

    drive(make_app(services, officer=officer, clock=ticks), scenario)
