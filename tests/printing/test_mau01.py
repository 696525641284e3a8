"""Mẫu 01: every field of DOMAIN §2.2 / §11.1 is in the PDF text, NFC, two liên, reprints."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import unicodedata
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from printing.forms import THERMAL_DOTS, mau01
from printing.forms.samples import sample_meta, sample_slip
from printing.model import PersonBlock, PrintMeta, ReceiptSlip


def page_texts(pdf: bytes) -> list[str]:
    """Text of each page with whitespace collapsed (wrapped lines join with a space)."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


@pytest.fixture
def slip() -> ReceiptSlip:
    return sample_slip()


def test_a5_has_two_pages_one_per_lien(slip: ReceiptSlip) -> None:
    pages = page_texts(mau01.render_a5(slip, sample_meta()))
    assert len(pages) == 2
    assert "Liên 1: Lưu" in pages[0]
    assert "Liên 2: Giao khách hàng" in pages[1]
    assert "Liên 2" not in pages[0]


@pytest.mark.parametrize("render", [mau01.render_a5, mau01.render_thermal])
def test_every_field_is_printed(slip: ReceiptSlip, render: object) -> None:
    assert callable(render)
    text = " ".join(page_texts(render(slip, sample_meta())))
    owner = slip.owner
    assert owner is not None
    expected = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Thử Nghiệm, ngày 25 tháng 11 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "Mã hồ sơ: 000.00.01.H99-261125-0001",
        "UBND XÃ THỬ NGHIỆM",
        "Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức: CÔNG DÂN THỬ NGHIỆM MỘT",
        "Số định danh cá nhân/tổ chức: 001099000001",
        "Bản Thử Nghiệm, xã Thử Nghiệm, tỉnh Thử Nghiệm",
        "0900 000 001",
        "congdan1@motcua.invalid",
        "Người nộp hồ sơ nộp theo ủy quyền",
        owner.full_name,
        "001099000002",
        "Giấy ủy quyền số 12/2026 ngày 20/11/2026",
        "Hình thức nộp hồ sơ: Trực tiếp",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        "Bản chính",
        "Bản chứng thực",
        "Bản photo",
        "Số lượng hồ sơ: 01 (bộ)",
        "theo quy định là: 03 ngày làm việc",
        "Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 25 tháng 11 năm 2026",
        "Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 30 tháng 11 năm 2026",
        "Đăng ký nhận kết quả tại: Bộ phận Tiếp nhận và Trả kết quả xã Thử Nghiệm",
        "Quyển số: 05/2026",
        "Số thứ tự: 1234",
        "Mã tra cứu: 7KQ3MZ",
        "0212 3888 999",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        "CÁN BỘ THỬ NGHIỆM",
    ]
    expected += [component.name for component in slip.components]
    missing = [item for item in expected if item not in text]
    assert missing == []


def test_a5_header_number(slip: ReceiptSlip) -> None:
    text = page_texts(mau01.render_a5(slip, sample_meta()))[0]
    assert "Số: 1234/GTN-BPTNTKQ" in text


def test_same_person_prints_no_authorisation_sentence(slip: ReceiptSlip) -> None:
    alone = dataclasses.replace(slip, owner=None, authorisation_paper="")
    text = page_texts(mau01.render_a5(alone, sample_meta()))[0]
    assert "nộp theo ủy quyền" not in text
    assert "CÔNG DÂN THỬ NGHIỆM HAI" not in text


def test_nfd_input_is_printed_as_nfc(slip: ReceiptSlip) -> None:
    name = "CÔNG DÂN THỬ NGHIỆM BỐN Nguyễn Thị Ánh"
    nfd = unicodedata.normalize("NFD", name)
    assert nfd != name
    decomposed = dataclasses.replace(
        slip,
        submitter=PersonBlock(full_name=nfd, id_number="001099000004"),
        procedure_name=unicodedata.normalize("NFD", "Chứng thực bản sao từ bản chính"),
    )
    for render in (mau01.render_a5, mau01.render_thermal):
        text = " ".join(page_texts(render(decomposed, sample_meta())))
        assert name in text
        assert "Chứng thực bản sao từ bản chính" in text
        assert not any(unicodedata.combining(ch) for ch in text)


def test_reprint_is_marked_with_both_times(slip: ReceiptSlip) -> None:
    meta = sample_meta(reprint=True)
    for render in (mau01.render_a5, mau01.render_thermal):
        pages = page_texts(render(slip, meta))
        for page in pages:
            assert "BẢN IN LẠI" in page
            assert "14 giờ 20 phút, ngày 26 tháng 11 năm 2026" in page
            assert "09 giờ 06 phút, ngày 25 tháng 11 năm 2026" in page


def test_original_is_not_marked(slip: ReceiptSlip) -> None:
    for render in (mau01.render_a5, mau01.render_thermal):
        text = " ".join(page_texts(render(slip, sample_meta())))
        assert "BẢN IN LẠI" not in text


def test_long_component_list_keeps_each_lien_apart(slip: ReceiptSlip) -> None:
    many = dataclasses.replace(slip, components=slip.components * 6)
    pages = page_texts(mau01.render_a5(many, sample_meta()))
    lien2 = [i for i, page in enumerate(pages) if "Liên 2: Giao khách hàng" in page]
    assert lien2 and lien2[0] >= 2  # liên 1 took two pages; liên 2 starts on a fresh one


def test_naive_datetimes_are_refused(slip: ReceiptSlip) -> None:
    with pytest.raises(ValueError, match="naive"):
        dataclasses.replace(slip, received_at=datetime(2026, 11, 25, 9, 5))
    with pytest.raises(ValueError, match="naive"):
        PrintMeta(printed_at=datetime(2026, 11, 25, 9, 5))


def test_thermal_pdf_is_80_mm_wide_and_raster_576_dots(slip: ReceiptSlip) -> None:
    pdf = mau01.render_thermal(slip, sample_meta())
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(80 / 25.4 * 72, abs=0.01)
    image = mau01.render_thermal_raster(slip, sample_meta())
    assert image.mode == "1"
    assert image.width == THERMAL_DOTS
    assert image.height > image.width


def test_thermal_height_fits_content(slip: ReceiptSlip) -> None:
    short = dataclasses.replace(slip, components=slip.components[:1], owner=None)
    long = dataclasses.replace(slip, components=slip.components * 3)
    heights = [
        float(
            PdfReader(io.BytesIO(mau01.render_thermal(s, sample_meta()))).pages[0].mediabox.height
        )
        for s in (short, long)
    ]
    assert heights[0] < heights[1]
    assert len(PdfReader(io.BytesIO(mau01.render_thermal(long, sample_meta()))).pages) == 1


def test_received_time_is_local(slip: ReceiptSlip) -> None:
    utc = slip.received_at.astimezone(UTC)  # the same instant, given in UTC
    text = page_texts(mau01.render_a5(dataclasses.replace(slip, received_at=utc), sample_meta()))
    assert "09 giờ 05 phút, ngày 25 tháng 11 năm 2026" in text[0]


def test_the_bundled_serif_is_embedded(slip: ReceiptSlip) -> None:
    page = PdfReader(io.BytesIO(mau01.render_a5(slip, sample_meta()))).pages[0]
    resources = page["/Resources"]
    fonts = resources["/Font"]  # type: ignore[index]
    names = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    assert any("LiberationSerif" in name for name in names)
    assert any("LiberationSerif-Italic" in name for name in names)


def test_importing_the_form_registers_no_font() -> None:
    code = (
        "import printing.forms.mau01\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "assert 'LiberationSerif' not in pdfmetrics.getRegisteredFontNames()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
