"""Scanning at the counter through the real SANE `test` backend and a real watched folder:
a whole intake with two scanned components, scanner faults said in the dialog while the intake
stays, rescan and remove before confirming, a scan on the dossier screen, the status line."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Static

from desk.devices.scanning.factory import ScannerChoice
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from screens.app import DeskApp, make_app
from screens.intake import IntakeScreen
from screens.receipt import ReceiptScreen
from screens.scan_dialog import ScanDialog
from tests.tui.conftest import PAYLOAD, Ticks, drive, settle, type_text

TEST_SCANNER = ScannerChoice(
    kind="sane", device="test:0", options={"test_picture": "Color pattern"}
)


def sane_choice(**options: object) -> ScannerChoice:
    test_options = {"enable_test_options": True, **options} if options else {}
    return ScannerChoice(
        kind="sane", device="test:0", options={**TEST_SCANNER.options, **test_options}
    )


async def intake_at_components(app: DeskApp, pilot: Pilot[None], ticks: Ticks) -> IntakeScreen:
    """F2, the CCCD scanned, the procedure T-3WD chosen: the components step is open."""
    await type_text(pilot, ticks, PAYLOAD, 0.004)
    ticks.now += 0.004
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, IntakeScreen)
    await screen.choose_procedure("T-3WD")
    await pilot.pause()
    return screen


def dialog(app: DeskApp) -> ScanDialog:
    assert isinstance(app.screen, ScanDialog), type(app.screen).__name__
    return app.screen


def text(screen: ScanDialog, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def test_whole_intake_with_two_scanned_components(
    services: DeskServices, officer: OfficerView, printed: Path, ticks: Ticks, sane_dir: Path
) -> None:
    services.scanning.set_scanner_choice(TEST_SCANNER)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = await intake_at_components(app, pilot, ticks)
        await pilot.press("f5")  # the first component has the cursor: one key scans
        await settle(app, pilot)
        scan = dialog(app)
        assert len(scan.component.pages) == 1
        await pilot.press("f5")  # one more page from the glass
        await settle(app, pilot)
        assert len(scan.component.pages) == 2
        assert scan.query_one("#scan-pages", DataTable).row_count == 2
        assert text(scan, "#scan-summary").startswith("2 trang · bản pháp lý ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        screen.query_one("#component-1", Checkbox).focus()
        await pilot.press("f5")
        await settle(app, pilot)
        assert dialog(app).component.name == "Giấy tờ chứng minh đã ly hôn"
        await pilot.press("ctrl+s")
        await pilot.pause()
        listed = str(screen.query_one("#component-scans", Static).render())
        assert "1. Tờ khai cấp Giấy xác nhận tình trạng hôn nhân: 2 trang" in listed
        assert "2. Giấy tờ chứng minh đã ly hôn: 1 trang" in listed
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ReceiptScreen)

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    (summary,) = services.lookup.by_id_number("001085000001")
    scans = services.scanning.scans_for(summary.code)
    assert [(s.component, s.pages) for s in scans] == [(1, 2), (2, 1)]
    assert all(s.dpi == 200 and s.compact_size < s.legal_size for s in scans)
    for s in scans:
        assert services.scanning.blobs.path(s.legal_sha256).read_bytes().startswith(b"%PDF-1.4")
    events = [e.kind for e in services.lookup.by_code(summary.code).events]
    assert events == ["receive", "scan_attached", "scan_attached"]
    assert all(e.officer_id == officer.id for e in services.lookup.by_code(summary.code).events)
