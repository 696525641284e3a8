"""Scanning at the counter through the real SANE `test` backend and a real watched folder:
a whole intake with two scanned components, scanner faults said in the dialog while the intake
stays, rescan and remove before confirming, a scan on the dossier screen, the status line."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Input, Static

from desk.devices.scanning.factory import ScannerChoice
from desk.devices.scanning.sane_backend import sane
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from desk.services.intake import ComponentInput, ReceiveRequest
from screens.app import DeskApp, make_app
from screens.dossier import DossierScreen
from screens.intake import IntakeScreen
from screens.receipt import ReceiptScreen
from screens.scan_dialog import ScanDialog
from screens.widgets.status_bar import StatusBar
from tests.conftest import citizen
from tests.devices.scan.pages import text_page
from tests.tui.conftest import PAYLOAD, Ticks, drive, settle, type_text

TEST_OPTIONS = {
    "test_picture": "Color pattern",
    "enable_test_options": True,
    "read_return_value": "Default",
}
"""The test backend keeps option values from one open to the next: every choice sets them."""
TEST_SCANNER = ScannerChoice(kind="sane", device="test:0", options=TEST_OPTIONS)


def sane_choice(**options: object) -> ScannerChoice:
    return ScannerChoice(kind="sane", device="test:0", options={**TEST_OPTIONS, **options})


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


def test_the_feeder_scans_every_sheet_with_progress_page_by_page(
    services: DeskServices, officer: OfficerView, ticks: Ticks, sane_dir: Path
) -> None:
    services.scanning.set_scanner_choice(
        ScannerChoice(kind="sane", device="test:0", options=TEST_OPTIONS, feeder=True)
    )

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await intake_at_components(app, pilot, ticks)
        await pilot.press("f5")
        await settle(app, pilot)
        scan = dialog(app)
        pages = len(scan.component.pages)
        assert pages >= 2 and scan.heard == pages  # the test backend's feeder holds 10 sheets
        assert text(scan, "#scan-summary").startswith(f"{pages} trang · bản pháp lý ")

    drive(make_app(services, officer=officer, clock=ticks), scenario)


def test_scanner_faults_are_said_in_the_dialog_and_the_intake_stays(
    services: DeskServices, officer: OfficerView, ticks: Ticks, sane_dir: Path
) -> None:
    faults = [
        (sane_choice(read_return_value="SANE_STATUS_JAMMED"), "bị kẹt giấy. Hãy gỡ giấy kẹt"),
        (sane_choice(read_return_value="SANE_STATUS_COVER_OPEN"), "đang mở. Hãy đóng nắp"),
        (ScannerChoice(kind="sane", device="test:9"), "Không thấy máy quét test:9"),
        (TEST_SCANNER, "đang bận"),  # held by another program below
    ]
    seen: list[str] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        screen = await intake_at_components(app, pilot, ticks)
        for choice, expected in faults:
            services.scanning.set_scanner_choice(choice)
            holder = sane().open("test:0") if choice is TEST_SCANNER else None
            try:
                await pilot.press("f5")
                await settle(app, pilot)
            finally:
                if holder is not None:
                    holder.close()
            scan = dialog(app)
            problem = text(scan, "#scan-problem")
            seen.append(problem)
            assert expected in problem
            assert scan.component.pages == []
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
            assert screen.query_one("#owner-full-name", Input).value == "CÔNG DÂN THỬ NGHIỆM"
            assert screen.procedure is not None and screen.procedure.code == "T-3WD"
        # The scanner back in order: the same intake goes on and scans.
        await pilot.press("f5")
        await settle(app, pilot)
        assert len(dialog(app).component.pages) == 1

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    assert len(seen) == 4
    assert services.lookup.by_id_number("001085000001") == []  # nothing received meanwhile


def test_rescan_and_remove_a_page_before_confirming(
    services: DeskServices, officer: OfficerView, ticks: Ticks, sane_dir: Path
) -> None:
    services.scanning.set_scanner_choice(TEST_SCANNER)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await intake_at_components(app, pilot, ticks)
        await pilot.press("f5")
        await settle(app, pilot)
        scan = dialog(app)
        services.scanning.set_scanner_choice(sane_choice(test_picture="Solid black"))
        await pilot.press("f5")
        await settle(app, pilot)
        first, second = scan.component.pages
        assert second.image.getpixel((5, 5)) == (0, 0, 0)
        services.scanning.set_scanner_choice(sane_choice(test_picture="Solid white"))
        await pilot.press("down", "f6")  # the second page again, from the glass
        await settle(app, pilot)
        assert scan.component.pages[0] is first
        assert scan.component.pages[1].image.getpixel((5, 5)) == (255, 255, 255)
        await pilot.press("up", "delete")
        await settle(app, pilot)
        assert len(scan.component.pages) == 1
        assert scan.component.pages[0].image.getpixel((5, 5)) == (255, 255, 255)
        assert scan.component.document is not None and scan.component.document.pages == 1
        assert text(scan, "#scan-summary").startswith("1 trang")
        await pilot.press("delete")
        await settle(app, pilot)
        await pilot.press("ctrl+s")  # nothing left to confirm: said, the dialog stays
        await pilot.pause()
        assert "Chưa có trang nào" in text(scan, "#scan-problem")
        assert app.screen is scan

    drive(make_app(services, officer=officer, clock=ticks), scenario)


def drop_when_watched(folder: Path, name: str) -> threading.Thread:
    """Like a network scanner: once the desk watches ``folder``, save a page there (written
    under a temporary name, then renamed into place)."""
    buffer = io.BytesIO()
    text_page(200).image.save(buffer, "PNG", dpi=(200, 200))

    def save() -> None:
        for _ in range(400):
            if any(t.name == "scan-folder" for t in threading.enumerate()):
                break
            time.sleep(0.05)  # waiting for the desk to start watching; nothing is asserted
        temporary = folder / f".{name}.part"
        temporary.write_bytes(buffer.getvalue())
        temporary.rename(folder / name)

    thread = threading.Thread(target=save, daemon=True)
    thread.start()
    return thread


def test_scan_on_the_dossier_screen_from_a_watched_folder_and_a_picked_file(
    services: DeskServices, officer: OfficerView, ticks: Ticks, tmp_path: Path
) -> None:
    inbox = tmp_path / "scanner-inbox"
    inbox.mkdir()
    services.scanning.set_scanner_choice(ScannerChoice(kind="folder", folder=str(inbox)))
    components = [
        ComponentInput(name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", required=True),
        ComponentInput(name="Giấy tờ chứng minh đã ly hôn", required=False),
    ]
    request = ReceiveRequest(procedure_code="T-3WD", owner=citizen(), components=components)
    code = services.intake.receive(request).code

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await settle(app, pilot)
        app.push_screen(DossierScreen(code))
        await settle(app, pilot)
        screen = app.screen
        assert "Máy quét giấy: sẵn sàng" in str(screen.query_one(StatusBar).render())
        screen.query_one("#components-table", DataTable).focus()
        await pilot.press("down")
        saver = drop_when_watched(inbox, "scan-0001.png")
        await pilot.press("f5")
        saver.join(timeout=30)
        await settle(app, pilot)
        scan = dialog(app)
        assert scan.component.number == 2 and len(scan.component.pages) == 1
        await pilot.press("f7")  # the same folder's file, picked by hand this time
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert len(scan.component.pages) == 2
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        timeline = screen.query_one("#timeline", DataTable)
        labels = [str(timeline.get_row_at(i)[1]) for i in range(timeline.row_count)]
        assert labels[-1] == "gắn bản quét: Giấy tờ chứng minh đã ly hôn (2 trang)"
        for leftover in inbox.iterdir():
            leftover.unlink()
        inbox.rmdir()
        app.refresh_scanner_state()
        await settle(app, pilot)
        assert "Máy quét giấy: không thấy máy quét" in str(screen.query_one(StatusBar).render())

    drive(make_app(services, officer=officer, clock=ticks), scenario)
    (attached,) = services.scanning.scans_for(code)
    assert (attached.component, attached.pages, attached.dpi) == (2, 2, 200)
    assert services.scanning.blobs.path(attached.compact_sha256).is_file()
