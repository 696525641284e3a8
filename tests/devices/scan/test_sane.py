"""Real SANE backends: an ADF scan becomes one legal PDF; a rendered slip scanned through the
`pnm` backend still has a QR that decodes; busy and missing scanners have a visible state."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader

from desk.devices.scanning.base import (
    ScannerBusy,
    ScannerError,
    ScannerMissing,
    ScannerState,
    ScanSettings,
)
from desk.devices.scanning.factory import ScannerChoice, discover, open_scanner
from desk.devices.scanning.pdf import make_document
from desk.devices.scanning.sane_backend import SaneScanner, sane
from printing.forms import mau01
from printing.forms.samples import sample_meta, sample_slip


@pytest.fixture
def test_scanner(sane_dir: Path) -> SaneScanner:
    return SaneScanner("test:0", options={"test_picture": "Color pattern"})


def _image_dicts(pdf: bytes) -> list[dict[str, Any]]:
    reader = PdfReader(io.BytesIO(pdf))
    found: list[dict[str, Any]] = []
    for page in reader.pages:
        xobjects: Any = page["/Resources"]["/XObject"]  # type: ignore[index]
        found.extend(xobjects[name].get_object() for name in xobjects)
    return found


def test_adf_scan_becomes_one_colour_pdf_at_200_dpi(test_scanner: SaneScanner) -> None:
    pages = test_scanner.scan(ScanSettings(resolution=200, feeder=True))
    assert len(pages) >= 2  # the test backend's feeder holds several sheets
    assert all(page.image.mode == "RGB" and page.dpi >= 200 for page in pages)

    document = make_document(pages)
    assert document.legal.startswith(b"%PDF-1.4")
    reader = PdfReader(io.BytesIO(document.legal))
    assert len(reader.pages) == len(pages) == document.pages
    for page, image in zip(reader.pages, _image_dicts(document.legal), strict=True):
        assert image["/ColorSpace"] == "/DeviceRGB"
        dpi = image["/Width"] / (float(page.mediabox.width) / 72)
        assert dpi == pytest.approx(200, abs=0.5)  # scale 100 %
    assert document.compact_size < document.legal_size


def test_pnm_backend_scans_a_rendered_slip_whose_qr_decodes(sane_dir: Path, tmp_path: Path) -> None:
    slip = sample_slip()
    expected = mau01.qr_payload(slip)
    assert expected.startswith("https://")
    pdf = pdfium.PdfDocument(mau01.render_a5(slip, sample_meta()))
    rendered = pdf[0].render(scale=200 / 72).to_pil().convert("RGB")
    pdf.close()
    ppm = tmp_path / "slip.ppm"
    rendered.save(ppm)

    scanner = SaneScanner("pnm:0", options={"filename": str(ppm)})
    pages = scanner.scan(ScanSettings())
    assert len(pages) == 1
    assert pages[0].image.size == rendered.size
    decoded = [result.text for result in zxingcpp.read_barcodes(pages[0].image)]
    assert decoded == [expected]

    # And the QR survives the compact copy sent over the slow link.
    compact = make_document(pages).compact
    page_image = pdfium.PdfDocument(compact)[0].render(scale=150 / 72).to_pil()
    assert [r.text for r in zxingcpp.read_barcodes(page_image)] == [expected]


def test_a_scanner_held_by_another_program_is_busy(test_scanner: SaneScanner) -> None:
    holder = sane().open("test:0")
    try:
        status = test_scanner.status()
        assert status.state is ScannerState.BUSY
        assert "bận" in status.reason
        with pytest.raises(ScannerBusy):
            test_scanner.scan(ScanSettings())
    finally:
        holder.close()
    assert test_scanner.status().state is ScannerState.READY


def test_an_unknown_scanner_is_absent(sane_dir: Path) -> None:
    scanner = SaneScanner("test:9")
    status = scanner.status()
    assert status.state is ScannerState.ABSENT
    assert "desk scanners" in status.reason
    with pytest.raises(ScannerMissing):
        SaneScanner("nosuch:0").scan(ScanSettings())


def test_feeder_asked_of_a_flatbed_only_scanner(sane_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(ScannerError, match="khay nạp giấy"):
        SaneScanner("pnm:0").scan(ScanSettings(feeder=True))


def test_discover_and_factory(sane_dir: Path) -> None:
    names = {status.name: status for status in discover()}
    assert {"test:0", "pnm:0"} <= set(names)
    assert names["test:0"].state is ScannerState.READY
    chosen = open_scanner(ScannerChoice(kind="sane", device="test:0"))
    assert chosen.status().ready
    assert open_scanner(ScannerChoice()).status().state is ScannerState.NOT_CONFIGURED
    twain = open_scanner(ScannerChoice(kind="twain")).status()
    assert twain.state is ScannerState.ERROR and "TWAIN" in twain.reason


@pytest.fixture
def _no_leftover_handles(sane_dir: Path) -> Iterator[None]:
    yield
    assert SaneScanner("test:0").status().state is ScannerState.READY


def test_scanners_are_closed_after_each_scan(
    test_scanner: SaneScanner, _no_leftover_handles: None
) -> None:
    test_scanner.scan(ScanSettings())
    test_scanner.scan(ScanSettings(feeder=True))


BROKEN_PIPE_AFTER_SCAN = """
import os, threading
from desk.devices.scanning.base import ScanSettings
from desk.devices.scanning.sane_backend import SaneScanner

pages = SaneScanner("test:0").scan(ScanSettings(resolution=75, feeder=True))
read_end, write_end = os.pipe()
os.close(read_end)
outcome = []

def write() -> None:  # as the sync worker does when the link drops: another thread
    try:
        os.write(write_end, b"x")
    except BrokenPipeError:
        outcome.append("BrokenPipeError")

worker = threading.Thread(target=write)
worker.start()
worker.join()
print(len(pages), *outcome)
"""


def test_a_write_to_a_closed_socket_after_a_scan_is_an_error_not_the_end_of_the_desk(
    sane_dir: Path,
) -> None:
    """SANE's reader leaves SIGPIPE at its default: without putting it back, the next write to
    a dropped connection killed the desk (and once the whole test run, exit 141)."""
    child = subprocess.run(
        [sys.executable, "-c", BROKEN_PIPE_AFTER_SCAN],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, (child.returncode, child.stderr[-2000:])
    pages, outcome = child.stdout.split()
    assert int(pages) >= 2 and outcome == "BrokenPipeError"
