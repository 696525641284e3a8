"""QR round trip: what the printed code decodes to, on the A5 page and the thermal raster."""

from __future__ import annotations

import dataclasses

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image

from desk.domain.tracking import tracking_url
from printing.forms import mau01
from printing.forms.samples import sample_meta, sample_slip
from printing.model import ReceiptSlip
from printing.qr import qr_matrix, slip_payload

CODE = "000.00.01.H99-261125-0001"


def decode(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def pdf_pages_at(pdf: bytes, dpi: int) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].render(scale=dpi / 72).to_pil() for i in range(len(document))]
    finally:
        document.close()


def test_payload_is_the_tracking_url_or_the_bare_code() -> None:
    url = slip_payload("https://tracuu.motcua.invalid/", CODE, "abcdefghjk")
    assert url == tracking_url("https://tracuu.motcua.invalid", CODE, "abcdefghjk")
    assert slip_payload(None, CODE.lower(), "abcdefghjk") == CODE
    assert slip_payload("https://tracuu.motcua.invalid", CODE, None) == CODE


def test_matrix_is_square() -> None:
    matrix = qr_matrix("https://tracuu.motcua.invalid/t/X?k=Y")
    assert len(matrix) >= 21
    assert all(len(row) == len(matrix) for row in matrix)


def test_a5_qr_decodes_to_the_tracking_url_on_both_lien() -> None:
    slip = sample_slip()
    expected = tracking_url("https://tracuu.motcua.invalid", slip.dossier_code, "abcdefghjk")
    pages = pdf_pages_at(mau01.render_a5(slip, sample_meta()), 150)
    assert [decode(page) for page in pages] == [[expected], [expected]]


def test_thermal_raster_qr_decodes_at_203_dpi() -> None:
    slip = sample_slip()
    expected = tracking_url("https://tracuu.motcua.invalid", slip.dossier_code, "abcdefghjk")
    assert decode(mau01.render_thermal_raster(slip, sample_meta()).convert("L")) == [expected]


def test_without_tracking_page_the_qr_holds_the_code() -> None:
    slip: ReceiptSlip = sample_slip(tracking=False)
    pages = pdf_pages_at(mau01.render_a5(slip, sample_meta()), 150)
    assert decode(pages[0]) == [slip.dossier_code]
    raster = mau01.render_thermal_raster(dataclasses.replace(slip), sample_meta())
    assert decode(raster.convert("L")) == [slip.dossier_code]
