"""What a new officer's first day tripped on (issue 15): each test fails on the desk before."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Input, OptionList, Static
from textual.widgets._footer import FooterKey

from desk.domain.citizen_id import parse_cccd_qr
from desk.domain.timefmt import long_local
from desk.errors import InvalidInput
from desk.services.auth import LoginResult, OfficerView
from desk.services.catalog import ProcedureView, bundled_catalog_path
from desk.services.container import DeskServices
from desk.services.demo import DEMO_PRINT_FOLDER, create_demo, demo_printer
from desk.services.intake import ReceiveRequest
from desk.services.returns import ReturnRequest
from screens.app import DeskApp, make_app
from screens.dossier import DossierScreen
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.intake import IntakeScreen
from screens.login import LoginScreen
from screens.numbers import number, percent
from screens.printer_picker import PrinterPicker
from screens.receipt import ReceiptScreen
from screens.returns import ReturnScreen
from screens.widgets.components import ComponentRow
from screens.widgets.dialogs import ConfirmDialog, ErrorDialog
from screens.widgets.procedure_picker import ProcedurePicker
from tests.conftest import FakeClock, citizen
from tests.tui.conftest import PASSWORD, PAYLOAD, Ticks, drive, settle, type_text

SCANNER_GAP = 0.004


def test_a_fast_burst_in_the_login_fields_is_text_not_a_scan(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = app.screen
        assert isinstance(screen, LoginScreen)
        await type_text(pilot, ticks, "tiepnhan", SCANNER_GAP)  # a password manager's burst
        ticks.now += SCANNER_GAP
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ErrorDialog)
        assert screen.query_one("#username", Input).value == "tiepnhan"
        assert app.focused is screen.query_one("#password", Input)
        await type_text(pilot, ticks, PASSWORD, SCANNER_GAP)
        ticks.now += SCANNER_GAP
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.officer is not None and app.officer.id == officer.id

    drive(make_app(services, clock=ticks), scenario)


def test_after_a_cccd_scan_the_cursor_is_in_the_first_field_it_did_not_fill(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        for _ in range(2):  # from home (a new intake), then again on the intake itself
            ticks.now += 1
            await type_text(pilot, ticks, PAYLOAD, SCANNER_GAP)
            ticks.now += SCANNER_GAP
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, IntakeScreen), getattr(screen, "error", None)
            assert app.focused is screen.query_one("#owner-phone", Input)
            await type_text(pilot, ticks, "0912345678", 0.3)
            assert screen.query_one("#owner-full-name", Input).value == "CÔNG DÂN THỬ NGHIỆM"
            assert screen.query_one("#owner-phone", Input).value == "0912345678"
            screen.query_one("#owner-phone", Input).value = ""
            screen.query_one("#owner-full-name", Input).focus()

    drive(make_app(services, officer=officer, clock=ticks), scenario)


def test_optional_components_start_unticked_and_read_without_colour(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(IntakeScreen())
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        await screen.choose_procedure("T-3WD")
        await pilot.pause()
        required, optional = list(screen.query(ComponentRow))
        assert required.query_one(Checkbox).value and not optional.query_one(Checkbox).value
        assert str(required.query_one(Checkbox).render()).startswith("[x]")
        assert str(optional.query_one(Checkbox).render()).startswith("[ ]")
        optional.query_one(Checkbox).toggle()
        await pilot.pause()
        assert str(optional.query_one(Checkbox).render()).startswith("[x]")

    drive(make_app(services, officer=officer, clock=ticks), scenario)


def test_procedure_search_ranks_exact_first_and_down_enter_picks_the_highlight(
    services: DeskServices, officer: OfficerView, ticks: Ticks, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.catalog.import_file(bundled_catalog_path())
    assert [p.code for p in services.catalog.search("đăng ký khai sinh")][:1] == ["1.001193"]
    assert [p.code for p in services.catalog.search("khai sinh")][:1] == ["1.001193"]
    searches: list[bool] = []
    search = services.catalog.search

    def recorded(text: str, *, limit: int = 20) -> list[ProcedureView]:
        searches.append(threading.current_thread() is threading.main_thread())
        return search(text, limit=limit)

    monkeypatch.setattr(services.catalog, "search", recorded)
    monkeypatch.setattr(ProcedurePicker, "DEBOUNCE", 3600.0)  # only Enter ends the pause here

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(IntakeScreen())
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, ticks, "đăng ký khai sinh", 0.2)
        assert searches == []  # not one search per keystroke
        await pilot.press("enter")
        await settle(app, pilot)
        assert searches == [False]  # one, in a worker
        assert screen.procedure is not None and screen.procedure.code == "1.001193"
        await pilot.press("ctrl+b")  # back to the procedure step: the search box, as typed
        await pilot.pause()
        assert app.focused is screen.query_one("#procedure-search", Input)
        shown = screen.query_one("#procedure-results", OptionList)
        second = shown.get_option_at_index(1).id
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert screen.procedure.code == second

    drive(make_app(services, officer=officer, clock=ticks), scenario)


def test_the_appointment_is_shown_on_the_last_step_before_ctrl_s(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(IntakeScreen(citizen=parse_cccd_qr(PAYLOAD)))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        await screen.choose_procedure("T-3WD")
        await pilot.pause()
        await pilot.press("ctrl+n")  # components → fees and delivery
        await pilot.pause()
        preview = str(screen.query_one("#appointment-preview", Static).render())
        assert preview.startswith("Hẹn trả kết quả (nếu tiếp nhận bây giờ): ")
        shown.append(preview)
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    shown: list[str] = []
    drive(make_app(services, officer=officer, clock=ticks), scenario)
    (summary,) = services.lookup.by_id_number("001085000001")
    due = services.lookup.by_code(summary.code).summary.due_at
    assert due is not None and shown == [
        f"Hẹn trả kết quả (nếu tiếp nhận bây giờ): {long_local(due)}"
    ]


def test_f3_finds_a_dossier_by_day_and_number_and_by_todays_number(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    first = services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen()))
    second = services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen(2)))
    day_and_number = first.code.split("-", 1)[1]  # "261203-0001"
    todays_number = second.code.rsplit("-", 1)[1]  # "0002"

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        for typed, code in ((day_and_number, first.code), (todays_number, second.code)):
            await pilot.press("f3")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, DossierScreen)
            await type_text(pilot, ticks, typed, 0.2)
            ticks.now += 0.2
            await pilot.press("enter")
            await pilot.pause()
            assert not isinstance(app.screen, ErrorDialog)
            assert screen.detail is not None and screen.detail.summary.code == code
            app.back_home()
            await pilot.pause()

    drive(make_app(services, officer=officer, clock=ticks), scenario)


def test_the_apology_letter_is_offered_only_when_the_dossier_is_late_or_about_to_be(
    services: DeskServices, officer: OfficerView, ticks: Ticks, clock: FakeClock
) -> None:
    code = services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen())).code
    due = services.lookup.by_code(code).summary.due_at
    assert due is not None
    offered: list[tuple[bool, bool]] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        for when, notice in ((None, 8), (due - timedelta(hours=2), 8), (None, 0)):
            if when is not None:
                clock.now = when
            services.office.update_rules(apology_notice_hours=notice)
            app.push_screen(DossierScreen(code=code))
            await pilot.pause()
            button = bool(app.screen.query("#act-apologise"))
            app.pop_screen()
            app.push_screen(ReturnScreen(code=code))
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ReturnScreen)
            offered.append((button, screen.query_one("#return-apologise").display))
            if button:
                assert "sắp đến hạn" in str(screen.query_one("#overdue-note", Static).render())
            app.pop_screen()
            await pilot.pause()

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    # just received: none; two working hours before the date: offered; notice 0: not yet
    assert offered == [(False, False), (True, True), (False, False)]


def test_the_return_screen_says_one_thing_of_a_returned_dossier(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    code = services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen())).code
    services.intake.result_ready(code)
    services.returns.return_result(ReturnRequest(code=code))
    texts: list[str] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(ReturnScreen(code=code))
        await pilot.pause()
        texts.append(str(app.screen.query_one("#return-dossier", Static).render()))

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    (text,) = texts
    assert "Hồ sơ đã trả kết quả lúc" in text
    assert "chưa" not in text and "[" not in text


def test_the_demo_office_prints_mau01_on_its_first_intake_and_the_officer_picks_a_printer(
    bare_services: DeskServices, tmp_path: Path, ticks: Ticks
) -> None:
    services = bare_services
    create_demo(services.office, services.catalog, services.auth)
    folder = demo_printer(services.printing, tmp_path / DEMO_PRINT_FOLDER)
    officer = next(o for o in services.auth.officers() if o.role == "reception")
    shown: list[str] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+g")  # no F7: the officer's own choice
        await pilot.pause()
        assert isinstance(app.screen, PrinterPicker)
        shown.append(
            str(app.screen.query_one("#printer-options", OptionList).get_option_at_index(0).prompt)
        )
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, (PrinterPicker, ErrorDialog))
        app.push_screen(IntakeScreen(citizen=parse_cccd_qr(PAYLOAD)))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        await screen.choose_procedure("1.001193")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ReceiptScreen)
        state = str(app.screen.query_one("#print-state", Static).render())
        assert state.startswith("Đã in Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)")

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert shown == [f"Lưu PDF vào thư mục {folder}"]
    assert services.printing.printer_choice().default == f"folder:{folder}"
    assert len(list(folder.glob("*.pdf"))) == 1


def test_f1_shows_the_desks_own_keys_in_vietnamese_and_only_those_the_officer_may_use(
    services: DeskServices, officer: OfficerView, admin: OfficerView, ticks: Ticks
) -> None:
    seen: dict[str, list[tuple[str, ...]]] = {}

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        footer = app.export_screenshot()
        assert "palette" not in footer
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#keys", DataTable)
        assert len(table.columns) == 2
        assert app.officer is not None
        seen[app.officer.role] = [
            tuple(str(cell) for cell in table.get_row_at(row)) for row in range(table.row_count)
        ]

    for who in (officer, admin):
        drive(make_app(services, officer=who, clock=ticks), scenario)
    reception = seen["reception"]
    shown = " ".join(" ".join(row) for row in reception)
    for english in ("Focus", "Copy", "super", "palette", "ctrl+"):
        assert english not in shown
    assert ("F2", "Tiếp nhận") in reception and ("Ctrl+Q", "Thoát") in reception
    assert ("Ctrl+P", "Bảng lệnh") in reception
    assert not any(row[0] in ("F7", "F8") for row in reception)
    assert ("F7", "Cài đặt") in seen["admin"]


def test_hours_and_rates_read_without_a_trailing_zero(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    code = services.intake.receive(ReceiveRequest(procedure_code="T-8WH", owner=citizen())).code
    texts: list[str] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(DossierScreen(code=code))
        await pilot.pause()
        texts.append(str(app.screen.query_one("#dossier-due", Static).render()))

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert "Còn 8 giờ làm việc." in texts[0]
    assert (percent(100.0), percent(87.5), number(7.25)) == ("100 %", "87,5 %", "7,2")


def test_ctrl_q_on_a_half_filled_intake_asks_and_the_idle_lock_keeps_it(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(IntakeScreen(citizen=parse_cccd_qr(PAYLOAD)))
        await pilot.pause()
        intake = app.screen
        assert isinstance(intake, IntakeScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # no: back to the intake as it was
        await pilot.pause()
        assert app.screen_stack[-1] is intake and app.is_running
        ticks.now += 11 * 60
        app.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        app.screen.query_one("#password", Input).value = PASSWORD
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen_stack[-1] is intake
        assert intake.query_one("#owner-full-name", Input).value == "CÔNG DÂN THỬ NGHIỆM"

    drive(make_app(services, officer=officer, clock=ticks), scenario)


def test_the_password_check_runs_in_a_worker_and_the_screen_keeps_answering(
    services: DeskServices, officer: OfficerView, ticks: Ticks, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    threads: list[bool] = []
    login = services.auth.login

    def slow_login(username: str, password: str) -> LoginResult:
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(timeout=30)
        return login(username, password)

    monkeypatch.setattr(services.auth, "login", slow_login)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = app.screen
        assert isinstance(screen, LoginScreen)
        screen.query_one("#username", Input).value = "tiepnhan"
        screen.query_one("#password", Input).value = PASSWORD
        await pilot.press("tab", "enter")  # to the password field, then Enter
        await pilot.pause()
        assert screen.checking and screen.query_one("#login-wait").display
        await pilot.press("enter")  # a second Enter meanwhile: not a second attempt
        await pilot.pause()
        assert app.screen is screen  # the UI answered while argon2 worked
        release.set()
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)

    drive(make_app(services, clock=ticks), scenario)
    assert threads == [False]


def test_the_demo_offices_login_screen_shows_its_logins_and_a_real_office_does_not(
    bare_services: DeskServices, tmp_path: Path, ticks: Ticks
) -> None:
    logins = create_demo(bare_services.office, bare_services.catalog, bare_services.auth)
    shown: list[str] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, LoginScreen)
        found = app.screen.query("#demo-logins").results(Static)
        shown.extend(str(widget.render()) for widget in found)

    drive(make_app(bare_services, clock=ticks), scenario)
    (text,) = shown
    for login in logins:
        assert f"{login.username} / {login.password}" in text
    assert "(Tiếp nhận)" in text and "(Quản trị)" in text and "reception" not in text


def test_a_real_offices_login_screen_shows_no_logins(services: DeskServices, ticks: Ticks) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, LoginScreen)
        assert not app.screen.query("#demo-logins")

    drive(make_app(services, clock=ticks), scenario)


def test_at_80x24_the_footer_f6_table_and_f1_fit_and_the_status_keeps_the_desk(
    services: DeskServices, admin: OfficerView, ticks: Ticks
) -> None:
    services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen()))

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        width, height = app.size
        keys = list(app.screen.query(FooterKey))
        assert keys and all(k.region.right <= width and k.region.width > 0 for k in keys)
        assert "Trả KQ" in str(keys[-1].render()) or any("Trả KQ" in str(k.render()) for k in keys)
        status = str(app.screen.query_one("#status", Static).render())
        assert "Quầy 1" in status
        assert cell_len(status[: status.index("Quầy 1") + 6]) <= width
        await pilot.press("f6")
        await pilot.pause()
        table = app.screen.query_one("#report-table", DataTable)
        assert len(table.columns) == 7
        assert table.virtual_size.width <= table.scrollable_content_region.width
        app.pop_screen()
        await pilot.press("f1")
        await pilot.pause()
        help_table = app.screen.query_one("#keys", DataTable)
        assert app.screen.query_one("#help").region.bottom <= height
        assert help_table.region.bottom <= height
        for _ in range(help_table.row_count):  # the last key is reachable by the arrows
            await pilot.press("down")
        await pilot.pause()
        last_row = help_table.row_count - 1
        assert help_table.cursor_row == last_row
        visible = help_table.scrollable_content_region.height - help_table.header_height
        assert help_table.scroll_y + visible >= help_table.row_count

    drive(make_app(services, officer=admin, clock=ticks), scenario, size=(80, 24))


def test_the_administrator_allows_printers_and_the_desk_refuses_others(
    services: DeskServices, admin: OfficerView, tmp_path: Path, ticks: Ticks
) -> None:
    allowed = f"folder:{tmp_path / 'a'}, folder:{tmp_path / 'b'}"

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f7")
        await settle(app, pilot)  # the printers are looked for in a worker
        screen = app.screen
        assert "Đang tìm máy in" not in str(screen.query_one("#printers-found", Static).render())
        screen.query_one("#printer-allowed", Input).value = allowed
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(make_app(services, officer=admin, clock=ticks), scenario)
    choice = services.printing.printer_choice()
    assert choice.allowed == (f"folder:{tmp_path / 'a'}", f"folder:{tmp_path / 'b'}")
    services.printing.choose_desk_printer(f"folder:{tmp_path / 'b'}")
    assert services.printing.printer_choice().default == f"folder:{tmp_path / 'b'}"
    with pytest.raises(InvalidInput, match="chưa được quản trị viên cho phép"):
        services.printing.choose_desk_printer("cups:Khac")


def test_without_a_printer_the_officer_is_told_the_form_by_name_and_the_key_to_choose_one(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    messages: list[str] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(IntakeScreen(citizen=parse_cccd_qr(PAYLOAD)))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        await screen.choose_procedure("T-3WD")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        for shown in app.screen_stack:
            if isinstance(shown, ErrorDialog):
                messages.append(shown.error.message)
            if isinstance(shown, ReceiptScreen):
                messages.append(str(shown.query_one("#print-state", Static).render()))

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    text = " ".join(messages)
    assert "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" in text and "Ctrl+G" in text
    assert "mau01" not in text and "F7" not in text
