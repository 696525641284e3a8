"""Report exports to XLSX and PDF, the command palette, and the layout at 80×24 and 120×40."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from rich.cells import cell_len
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from screens.app import DeskApp, make_app
from screens.dossier import DossierScreen
from screens.intake import IntakeScreen
from screens.reports import ReportsScreen
from screens.returns import ReturnScreen
from tests.conftest import citizen
from tests.tui.conftest import Ticks, drive, settle

SIZES = [(80, 24), (120, 40)]
OFFICER = "CÁN BỘ THỬ NGHIỆM"


def two_dossiers(services: DeskServices) -> str:
    code = services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen())).code
    services.intake.receive(ReceiveRequest(procedure_code="T-3WD", owner=citizen(2)))
    return code


def test_reports_export_xlsx_and_pdf_with_the_figures(
    services: DeskServices, officer: OfficerView, tmp_path: Path, ticks: Ticks
) -> None:
    two_dossiers(services)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f6")
        screen = app.screen
        assert isinstance(screen, ReportsScreen)
        screen.query_one("#export-folder", Input).value = str(tmp_path)
        for fmt in ("xlsx", "pdf"):
            screen.query_one(f"#export-{fmt}", Button).press()
            await settle(app, pilot)
            assert f".{fmt}" in str(screen.query_one("#export-state", Static).render())

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    workbook = load_workbook(tmp_path / "bao-cao-06a-2026-11.xlsx", read_only=True)
    cells = [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]
    workbook.close()
    assert "Hộ tịch" in cells and 2 in cells
    pdf = PdfReader(io.BytesIO((tmp_path / "bao-cao-06a-2026-11.pdf").read_bytes()))
    text = " ".join(page.extract_text() or "" for page in pdf.pages)
    assert "Hộ tịch" in text and " 2 " in f" {' '.join(text.split())} "


def test_an_export_to_a_folder_that_is_a_file_is_a_vietnamese_error(
    services: DeskServices, officer: OfficerView, tmp_path: Path, ticks: Ticks
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f6")
        app.screen.query_one("#export-folder", Input).value = str(blocker)
        app.screen.query_one("#export-xlsx", Button).press()
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ErrorDialog"

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert not (blocker / "bao-cao-06a-2026-11.xlsx").exists()


def test_the_command_palette_opens_a_screen(
    services: DeskServices, officer: OfficerView, ticks: Ticks
) -> None:
    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Báo cáo")
        await pilot.pause(0.3)  # the palette searches in a worker
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReportsScreen)

    drive(make_app(services, officer=officer, clock=ticks), scenario)


def assert_drawn(app: DeskApp, widget: Widget) -> None:
    """``widget`` is on screen, inside the terminal, and not covered by another widget."""
    region = widget.region
    width, height = app.size
    assert region.width > 0 and region.height > 0, widget
    assert region.right <= width and region.bottom <= height, (widget, region)
    x, y = region.x + region.width // 2, region.y + region.height // 2
    found, _ = app.screen.get_widget_at(x, y)
    assert found is widget or widget in found.ancestors, (widget, found)


def status_fits(app: DeskApp) -> None:
    """The status line keeps the officer's name on screen, even at 80 columns."""
    bar = app.screen.query_one("#status", Static)
    text = str(bar.render())
    end = text.index(OFFICER) + len(OFFICER)
    assert cell_len(text[:end]) <= bar.content_region.width, text


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_main_screens_fit_the_terminal(
    services: DeskServices, officer: OfficerView, ticks: Ticks, size: tuple[int, int]
) -> None:
    code = two_dossiers(services)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        for selector in ("#office", "#summary", "#hint", "#status", "Footer"):
            assert_drawn(app, app.screen.query_one(selector))
        status_fits(app)
        app.push_screen(IntakeScreen())
        await pilot.pause()
        for selector in ("Tabs", "#owner-full-name", "#owner-id-number", "#status", "Footer"):
            assert_drawn(app, app.screen.query_one(selector))
        app.pop_screen()
        app.push_screen(DossierScreen(code=code))
        await pilot.pause()
        await pilot.pause()
        for selector in ("#dossier-search", "#dossier-header", "#dossier-due", "#actions Button"):
            assert_drawn(app, app.screen.query(selector).first())
        buttons = list(app.screen.query("#actions Button").results(Button))
        assert len(buttons) >= 3
        for button in buttons:  # every action whole on screen, its label not cut
            assert_drawn(app, button)
            assert button.content_region.width >= cell_len(str(button.label)), button
        app.pop_screen()
        app.push_screen(ReturnScreen(code=code))
        await pilot.pause()
        for selector in ("#return-code", "#return-dossier", "#owner-collects", "Footer"):
            assert_drawn(app, app.screen.query_one(selector))

    drive(make_app(services, officer=officer, clock=ticks), scenario, size=size)
