"""Login, first-login password change, idle re-lock, home counts, admin screens, help, keymap."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from desk.errors import ConfigError
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from screens.app import DeskApp, HomeSummary, make_app
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.keymap import load_keymap
from screens.login import LoginScreen
from screens.officers import OfficersScreen
from screens.reports import ReportsScreen
from screens.settings import SettingsScreen
from screens.widgets.dialogs import ErrorDialog
from tests.conftest import citizen
from tests.tui.conftest import PASSWORD, Ticks, drive, settle


def _text(widget: Static) -> str:
    return str(widget.render())


async def login(app: DeskApp, pilot: Pilot[None], username: str, password: str) -> None:
    screen = app.screen
    screen.query_one("#username", Input).value = username
    screen.query_one("#password", Input).value = password
    screen.query_one("#login-button", Button).press()
    await settle(app, pilot)  # the password check runs in a worker


def test_wrong_password_then_login_shows_home_with_counts(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen()))

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, LoginScreen)
        await login(app, pilot, "tiepnhan", "sai-mat-khau")
        assert isinstance(app.screen, ErrorDialog)
        assert "Còn 4 lần thử" in app.screen.error.message
        await pilot.press("enter")
        await login(app, pilot, "tiepnhan", PASSWORD)
        assert isinstance(app.screen, HomeScreen)
        assert app.officer is not None and app.officer.id == officer.id
        assert "Tiếp nhận hôm nay: 1" in _text(app.screen.query_one(HomeSummary))
        assert "000.00.01.H99" in _text(app.screen.query_one("#office", Static))
        status = _text(app.screen.query_one("#status", Static))
        assert "CÁN BỘ THỬ NGHIỆM" in status and "Chưa đăng ký máy chủ" in status

    drive(make_app(services, clock=ticks), scenario)


def test_first_login_forces_a_new_password(services: DeskServices, ticks: Ticks) -> None:
    view, temporary = services.auth.create_officer(
        username="canbomoi", full_name="CÁN BỘ MỚI", role="reception"
    )

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await login(app, pilot, "canbomoi", temporary)
        assert isinstance(app.screen, LoginScreen)
        assert app.screen.query_one("#change-box").display
        app.screen.query_one("#new-password", Input).value = "mat-khau-moi-9"
        app.screen.query_one("#new-again", Input).value = "mat-khau-moi-9"
        app.screen.query_one("#login-button", Button).press()
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)

    drive(make_app(services, clock=ticks), scenario)
    changed = next(o for o in services.auth.officers() if o.id == view.id)
    assert not changed.must_change_password
    assert services.auth.login("canbomoi", "mat-khau-moi-9").officer.id == view.id


def test_idle_desk_locks_and_unlocks(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        ticks.now += 9 * 60
        app.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        ticks.now += 2 * 60
        app.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        assert app.screen.query_one("#username", Input).value == "tiepnhan"
        await login(app, pilot, "tiepnhan", PASSWORD)
        assert isinstance(app.screen, HomeScreen)

    drive(make_app(services, officer=officer, clock=ticks), scenario)


def test_settings_and_officers_are_for_administrators_only(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f7")
        assert isinstance(app.screen, ErrorDialog)
        assert "quản trị" in app.screen.error.message

    drive(make_app(services, officer=officer, clock=ticks), scenario)


def test_admin_sets_printers_scanner_and_adds_an_officer(
    services: DeskServices, admin: OfficerView, tmp_path: Path, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f7")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#printer-default", Input).value = f"folder:{tmp_path}"
        screen.query_one("#scanner-port", Input).value = "/dev/ttyACM0"
        screen.query_one("#server-url", Input).value = "https://maychu.motcua.invalid"
        screen.query_one("#idle-minutes", Input).value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape", "f8")
        assert isinstance(app.screen, OfficersScreen)
        app.screen.query_one("#officer-add", Button).press()
        await pilot.pause()
        app.screen.query_one("#field-username", Input).value = "canbo2"
        app.screen.query_one("#field-full_name", Input).value = "CÁN BỘ THỨ HAI"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "canbo2" in _text(app.screen.query_one("#officer-result", Static))

    drive(make_app(services, officer=admin, clock=ticks), scenario)
    assert services.printing.printer_choice().default == f"folder:{tmp_path}"
    preferences = services.preferences.get()
    assert preferences.scanner_port == "/dev/ttyACM0"
    assert preferences.server_url == "https://maychu.motcua.invalid"
    assert services.office.rules().idle_lock_minutes == 5
    assert any(o.username == "canbo2" and o.must_change_password for o in services.auth.officers())


def test_reports_show_06a_and_export_csv(
    services: DeskServices, officer: OfficerView, tmp_path: Path, ticks: Ticks
) -> None:
    services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen()))

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f6")
        screen = app.screen
        assert isinstance(screen, ReportsScreen)
        assert screen.report is not None and screen.report.total.received_total == 1
        assert "Không được tiếp nhận trong kỳ: 0" in _text(screen.query_one("#chart", Static))
        screen.query_one("#export-folder", Input).value = str(tmp_path)
        screen.query_one("#export-csv", Button).press()
        await settle(app, pilot)
        assert "Đã lưu" in _text(screen.query_one("#export-state", Static))

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    exported = (tmp_path / "bao-cao-06a-2026-11.csv").read_text("utf-8-sig")
    assert "Tỷ lệ đúng hạn" in exported


def test_keymap_file_remaps_a_binding_shown_in_help(
    services: DeskServices, officer: OfficerView, tmp_path: Path, ticks: Ticks
) -> None:
    keymap_file = tmp_path / "keymap.toml"
    keymap_file.write_text('[keymap]\nnew-intake = "f9"\n', encoding="utf-8")
    keymap = load_keymap(keymap_file)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert ("f9", "Tiếp nhận", "new-intake") in app.screen.keys
        await pilot.press("escape", "f9")
        assert type(app.screen).__name__ == "IntakeScreen"

    drive(make_app(services, officer=officer, keymap=keymap, clock=ticks), scenario)


def test_a_bad_keymap_file_is_a_vietnamese_error(tmp_path: Path) -> None:
    bad = tmp_path / "keymap.toml"
    bad.write_text('[keymap]\nno-such-binding = "f9"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="mã phím không tồn tại"):
        load_keymap(bad)
