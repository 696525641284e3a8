"""Every font a printed form uses is embedded: no bare Helvetica for the printer to substitute
(pdffonts showed one on every form, from reportlab's table cells and canvas start)."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from desk.services.printing import check_page_pdf
from printing.forms import (
    ban_giao,
    bien_nhan,
    mau01,
    mau02,
    mau03,
    mau04,
    mau05,
    mau06,
    mau07,
    report06a,
)
from printing.forms import samples as s

RENDERS: dict[str, Callable[[], bytes]] = {
    "mau01-a5": lambda: mau01.render_a5(s.sample_slip(), s.sample_meta()),
    "mau01-thermal": lambda: mau01.render_thermal(s.sample_slip(), s.sample_meta(reprint=True)),
    "mau02": lambda: mau02.render_a5(s.sample_supplement(table=True), s.sample_meta()),
    "mau03": lambda: mau03.render_a5(s.sample_refusal(), s.sample_meta()),
    "mau04": lambda: mau04.render_a5(s.sample_apology(), s.sample_meta()),
    "mau05": lambda: mau05.render_a5(s.sample_stop(), s.sample_meta()),
    "mau06": lambda: mau06.render_a5(s.sample_control(), s.sample_meta()),
    "mau07": lambda: mau07.render_a4(s.sample_register(5)),
    "bien-nhan": lambda: bien_nhan.render_a5(s.sample_return(), s.sample_meta()),
    "bien-nhan-thermal": lambda: bien_nhan.render_thermal(s.sample_return(), s.sample_meta()),
    "ban-giao": lambda: ban_giao.render_a4(s.sample_hand_over(), s.sample_meta()),
    "report06a": lambda: report06a.render_a4(s.sample_report(3)),
    "trang-in-thu": lambda: check_page_pdf("folder:/tmp", s.sample_meta().printed_at),
}


def _fonts(pdf: bytes) -> dict[str, bool]:
    """Each font's base name -> whether its program is embedded."""
    found: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object() if fonts else {}).values():
            font = ref.get_object()
            target = font
            if "/DescendantFonts" in font:
                target = font["/DescendantFonts"][0].get_object()
            descriptor = target.get("/FontDescriptor")
            embedded = isinstance(descriptor, DictionaryObject) or descriptor is not None
            if embedded:
                descriptor = descriptor.get_object()
                embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = bool(embedded)
    return found


@pytest.mark.parametrize("form", RENDERS.keys())
def test_every_font_is_embedded(form: str) -> None:
    fonts = _fonts(RENDERS[form]())
    assert fonts, "no font found: the check would pass on anything"
    missing = sorted(name for name, embedded in fonts.items() if not embedded)
    assert not missing, f"{form}: fonts not embedded: {missing}"
    assert not any("Helvetica" in name for name in fonts)


def test_pdffonts_agrees(tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:  # an outside checker: missing is a failure, not a skip
        pytest.fail("pdffonts (apt: poppler-utils) is needed; ./run-tests.sh installs it")
    path = tmp_path / "mau01.pdf"
    path.write_bytes(RENDERS["mau01-a5"]())
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = listing.stdout.splitlines()[2:]
    assert rows
    assert all(row.split()[-5] == "yes" for row in rows), listing.stdout
