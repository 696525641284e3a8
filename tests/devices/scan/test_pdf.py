"""Both copies of a scan: the legal one (PDF 1.4, colour, ≥ 200 dpi) and the compact one
(grayscale when the page has no colour, small), and the files the desk refuses."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from desk.devices.scanning.base import ScanInputError, ScannedPage
from desk.devices.scanning.documents import document_from_files
from desk.devices.scanning.fake import blank_page
from desk.devices.scanning.pdf import COMPACT_PAGE_BUDGET, has_colour, make_document
from tests.devices.scan.pages import text_page


def colour_spaces(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    spaces: list[str] = []
    for page in reader.pages:
        xobjects: Any = page["/Resources"]["/XObject"]  # type: ignore[index]
        spaces.extend(str(xobjects[name].get_object()["/ColorSpace"]) for name in xobjects)
    return spaces


def test_a_text_page_gets_a_small_grayscale_compact_copy() -> None:
    page = text_page(200)
    assert not has_colour(page.image)  # paper tint and sensor noise are not colour
    document = make_document([page])
    assert colour_spaces(document.legal) == ["/DeviceRGB"]
    assert colour_spaces(document.compact) == ["/DeviceGray"]
    assert document.compact_size < document.legal_size / 4
    assert document.compact_size <= COMPACT_PAGE_BUDGET + 2_000  # the page plus PDF overhead
    assert document.colour_pages == 0
    # Both copies keep the page's real size (A4) whatever their resolution.
    for pdf in (document.legal, document.compact):
        box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
        assert float(box.width) == pytest.approx(595.3, abs=1)
        assert float(box.height) == pytest.approx(841.9, abs=1)


def test_a_page_with_a_red_seal_stays_in_colour() -> None:
    sealed = text_page(200, seal=True)
    assert has_colour(sealed.image)
    document = make_document([text_page(200), sealed])
    assert colour_spaces(document.compact) == ["/DeviceGray", "/DeviceRGB"]
    assert document.colour_pages == 1


def test_a_page_below_200_dpi_is_refused_for_the_legal_copy() -> None:
    with pytest.raises(ScanInputError, match="200 dpi") as caught:
        make_document([blank_page(200), blank_page(150)])
    assert caught.value.params["page"] == 2


def test_images_become_one_pdf_and_a_pdf_is_kept_as_it_is(tmp_path: Path) -> None:
    first, second = tmp_path / "1.png", tmp_path / "2.jpg"
    text_page(200).image.save(first, dpi=(200, 200))
    text_page(300, seal=True).image.save(second, dpi=(300, 300), quality=92)
    document = document_from_files([first, second])
    assert document.pages == 2
    assert document.dpi == 200
    legal = tmp_path / "legal.pdf"
    legal.write_bytes(document.legal)

    again = document_from_files([legal])
    assert again.legal == document.legal  # not re-encoded
    assert again.pages == 2
    assert again.dpi == pytest.approx(200, abs=1)


def test_an_image_without_a_resolution_is_taken_as_a4_or_as_told(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    text_page(200).image.save(path)  # no pHYs chunk
    assert document_from_files([path]).dpi == 200
    with pytest.raises(ScanInputError):
        document_from_files([path], assumed_dpi=100)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"not a scan", "không phải PDF hay ảnh"),
        ("empty.pdf", b"", "rỗng"),
        ("broken.png", b"\x89PNG\r\n\x1a\nbroken", "bị hỏng"),
        ("broken.pdf", b"%PDF-1.7\nbroken", "bị hỏng"),
    ],
)
def test_bad_files_are_refused_in_vietnamese(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ScanInputError, match=message):
        document_from_files([path])


def test_missing_file_folder_and_nothing(tmp_path: Path) -> None:
    with pytest.raises(ScanInputError, match="Không có tệp"):
        document_from_files([tmp_path / "none.pdf"])
    with pytest.raises(ScanInputError, match="là một thư mục"):
        document_from_files([tmp_path])
    with pytest.raises(ScanInputError, match="Chưa chọn tệp"):
        document_from_files([])
    with pytest.raises(ScanInputError, match="không có trang"):
        make_document([])


def test_grayscale_input_still_makes_a_colour_legal_copy() -> None:
    gray = ScannedPage(Image.new("L", (1654, 2339), 255), 200)
    document = make_document([gray])
    assert colour_spaces(document.legal) == ["/DeviceRGB"]
    assert colour_spaces(document.compact) == ["/DeviceGray"]
