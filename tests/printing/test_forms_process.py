"""Mẫu 05 (thông báo dừng), Mẫu 06 (phiếu kiểm soát) and the Giấy bàn giao hồ sơ: every field
in the PDF text, the page size, NFC, the reprint mark on every page, long tables over pages."""

from __future__ import annotations

import dataclasses
import io
import unicodedata
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from pypdf import PdfReader

from desk.domain.timefmt import VN_TZ
from printing.forms import ban_giao, mau05, mau06
from printing.forms.samples import (
    sample_control,
    sample_hand_over,
    sample_meta,
    sample_stop,
)
from printing.model import HandOff, HandOverLine, PersonBlock

Render = Callable[[Any, Any], bytes]
A5_POINTS = (419.53, 595.28)
A4_POINTS = (595.28, 841.89)
COMMON = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "UBND XÃ THỬ NGHIỆM",
    "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
]


def page_texts(pdf: bytes, size: tuple[float, float] = A5_POINTS) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(size, abs=0.1)
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def one_page(pdf: bytes, size: tuple[float, float] = A5_POINTS) -> str:
    pages = page_texts(pdf, size)
    assert len(pages) == 1
    return pages[0]


def missing(text: str, expected: list[str]) -> list[str]:
    return [item for item in expected if item not in text]


def test_mau05_stop_notice() -> None:
    text = one_page(mau05.render_a5(sample_stop(), sample_meta()))
    assert (
        missing(
            text,
            [
                *COMMON,
                "Số: 02/TBDG-BPTNTKQ",
                "Thử Nghiệm, ngày 26 tháng 11 năm 2026",
                "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
                "Mã hồ sơ: 000.00.01.H99-261125-0001",
                "Người yêu cầu: CÔNG DÂN THỬ NGHIỆM MỘT",
                "Số định danh cá nhân/tổ chức: 001099000001",
                "Địa chỉ: Bản Thử Nghiệm, xã Thử Nghiệm, tỉnh Thử Nghiệm",
                "Số điện thoại: 0900 000 001",
                "Email: congdan1@motcua.invalid",
                "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
                "Thời gian nhận yêu cầu dừng giải quyết: 10 giờ 15 phút, ngày 26 tháng 11 năm 2026",
                "Hình thức yêu cầu: Trực tuyến",
                "Tình trạng giải quyết hồ sơ tại thời điểm nhận yêu cầu: Đang thẩm định hồ sơ",
                "Lý do: Người yêu cầu muốn nộp lại hồ sơ",
                "thông báo dừng giải quyết hồ sơ nêu trên theo yêu cầu của Ông/Bà.",
                "NGƯỜI TIẾP NHẬN HỒ SƠ",
                "(Ký và ghi rõ họ tên)",
                "(Chữ ký số của người tiếp nhận hồ sơ nếu là biểu mẫu điện tử)",
                "CÁN BỘ THỬ NGHIỆM",
            ],
        )
        == []
    )


def test_mau05_unnumbered_and_default_signer() -> None:
    notice = dataclasses.replace(
        sample_stop(),
        number="",
        issuer_symbol="",
        reason="",
        issuer=dataclasses.replace(sample_stop().issuer, role=""),
    )
    text = one_page(mau05.render_a5(notice, sample_meta()))
    assert missing(text, ["Số: ……/TBDG", "Lý do: …", "NGƯỜI TIẾP NHẬN HỒ SƠ"]) == []


def test_mau06_control_sheet() -> None:
    text = one_page(mau06.render_a5(sample_control(), sample_meta()))
    assert (
        missing(
            text,
            [
                *COMMON,
                "Số: 21/PKS-BPTNTKQ",
                "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
                "Kèm theo hồ sơ của: CÔNG DÂN THỬ NGHIỆM MỘT",
                "Mã số hồ sơ: 000.00.01.H99-261125-0001",
                "Cơ quan (bộ phận) giải quyết hồ sơ: Công chức Tư pháp - Hộ tịch xã Thử Nghiệm",
                "Cơ quan phối hợp giải quyết hồ sơ: Cơ quan thử nghiệm A; Cơ quan thử nghiệm B",
                "Ngày nhận: 25/11/2026",
                "Hẹn trả kết quả vào 16 giờ 30 phút, ngày 30 tháng 11 năm 2026",
                "TÊN CƠ QUAN",
                "THỜI GIAN GIAO, NHẬN HỒ SƠ",
                "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ đúng hạn/ quá hạn)",
                "GHI CHÚ",
                "1. Giao: Bộ phận Tiếp nhận và Trả kết quả 2. Nhận: Công chức Tư pháp - Hộ tịch",
                "09 giờ 30 phút, ngày 25 tháng 11 năm 2026",
                "Người giao Người nhận CÁN BỘ THỬ NGHIỆM CÔNG CHỨC THỬ NGHIỆM",
                "Đúng hạn",
                "Trước hạn",
                "Quá hạn Chờ xác minh",
            ],
        )
        == []
    )


def test_mau06_without_hand_offs_prints_rows_to_fill_by_hand() -> None:
    sheet = dataclasses.replace(sample_control(stages=0), coordinating_units=())
    text = one_page(mau06.render_a5(sheet, sample_meta()))
    assert text.count("1. Giao: ……………") == mau06.BLANK_ROWS
    assert text.count("… giờ … phút, ngày … tháng … năm …") == mau06.BLANK_ROWS
    assert "Cơ quan phối hợp giải quyết hồ sơ: …" in text


def test_mau06_many_hand_offs_run_over_pages_with_the_mark_and_header_on_each() -> None:
    pages = page_texts(mau06.render_a5(sample_control(stages=9), sample_meta(reprint=True)))
    assert len(pages) >= 2
    for text in pages:
        assert text.startswith("BẢN IN LẠI")
        assert "TÊN CƠ QUAN" in text
    assert sum(text.count("1. Giao:") for text in pages) == 9


def test_ban_giao_hand_over_note() -> None:
    text = one_page(ban_giao.render_a4(sample_hand_over(), sample_meta()), A4_POINTS)
    assert (
        missing(
            text,
            [
                *COMMON,
                "Số: 05/BGHS-BPTNTKQ",
                "Thử Nghiệm, ngày 25 tháng 11 năm 2026",
                "GIẤY BÀN GIAO HỒ SƠ",
                "Hôm nay, vào 15 giờ 00 phút, ngày 25 tháng 11 năm 2026",
                "Bên giao: Bộ phận Tiếp nhận và Trả kết quả",
                "Bên nhận: Công chức Tư pháp - Hộ tịch xã Thử Nghiệm",
                "TT Mã hồ sơ Tên thủ tục hành chính Chủ hồ sơ Số lượng (bộ) Hạn trả kết quả về "
                "bộ phận",
                "1 000.00.01.H99-261125-0001 Đăng ký khai sinh CÔNG DÂN THỬ NGHIỆM 1 1 "
                "16 giờ 30 phút, ngày 28/11/2026",
                "2 000.00.01.H99-261125-0002 Chứng thực bản sao từ bản chính CÔNG DÂN THỬ "
                "NGHIỆM 2 2 16 giờ 30 phút, ngày 29/11/2026",
                "Tổng số: 3 hồ sơ, 4 bộ.",
                "trả kết quả giải quyết hồ sơ về Bộ phận Tiếp nhận và Trả kết quả đúng thời hạn",
                "BÊN GIAO Cán bộ tiếp nhận (Ký và ghi rõ họ tên)",
                "(Chữ ký số của bên giao nếu là biểu mẫu điện tử) CÁN BỘ THỬ NGHIỆM",
                "BÊN NHẬN",
                "(Chữ ký số của bên nhận nếu là biểu mẫu điện tử) CÔNG CHỨC THỬ NGHIỆM",
            ],
        )
        == []
    )


def test_ban_giao_long_list_runs_over_pages() -> None:
    pages = page_texts(
        ban_giao.render_a4(sample_hand_over(count=30), sample_meta(reprint=True)), A4_POINTS
    )
    assert len(pages) >= 2
    assert all(text.startswith("BẢN IN LẠI") and "Mã hồ sơ" in text for text in pages)
    joined = " ".join(pages)
    assert "000.00.01.H99-261125-0030" in joined
    assert "Tổng số: 30 hồ sơ, 45 bộ." in joined
    assert "CÔNG CHỨC THỬ NGHIỆM" in pages[-1]


FORMS: list[tuple[Render, Callable[[], Any], tuple[float, float]]] = [
    (mau05.render_a5, sample_stop, A5_POINTS),
    (mau06.render_a5, sample_control, A5_POINTS),
    (ban_giao.render_a4, sample_hand_over, A4_POINTS),
]


@pytest.mark.parametrize(("render", "sample", "size"), FORMS)
def test_reprint_is_marked_and_original_is_not(
    render: Render, sample: Callable[[], Any], size: tuple[float, float]
) -> None:
    reprint = " ".join(page_texts(render(sample(), sample_meta(reprint=True)), size))
    assert "BẢN IN LẠI" in reprint
    assert "14 giờ 20 phút, ngày 26 tháng 11 năm 2026" in reprint
    assert "09 giờ 06 phút, ngày 25 tháng 11 năm 2026" in reprint
    assert "BẢN IN LẠI" not in " ".join(page_texts(render(sample(), sample_meta()), size))


NAME = "CÔNG DÂN THỬ NGHIỆM BỐN Nguyễn Thị Ánh"
PROCEDURE = "Chứng thực bản sao từ bản chính"
UNIT = "Phòng Thử Nghiệm Kinh tế - Hạ tầng"


def _nfd(text: str) -> str:
    out = unicodedata.normalize("NFD", text)
    assert out != text
    return out


def _decomposed(sample: Any) -> Any:
    person = PersonBlock(full_name=_nfd(NAME), id_number="001099000004")
    name = type(sample).__name__
    if name == "StopNotice":
        return dataclasses.replace(
            sample, requester=person, procedure_name=_nfd(PROCEDURE), status=_nfd(UNIT)
        )
    if name == "ControlSheet":
        at = datetime(2026, 11, 25, 10, 0, tzinfo=VN_TZ)
        hop = HandOff(_nfd(UNIT), _nfd(NAME), at)
        return dataclasses.replace(
            sample, owner=person, procedure_name=_nfd(PROCEDURE), hand_offs=(hop,)
        )
    line = dataclasses.replace(sample.lines[0], procedure_name=_nfd(PROCEDURE), owner=_nfd(NAME))
    return dataclasses.replace(sample, lines=(line,), to_unit=_nfd(UNIT))


@pytest.mark.parametrize(("render", "sample", "size"), FORMS)
def test_nfd_input_is_printed_as_nfc(
    render: Render, sample: Callable[[], Any], size: tuple[float, float]
) -> None:
    text = " ".join(page_texts(render(_decomposed(sample()), sample_meta()), size))
    for expected in (NAME, PROCEDURE, UNIT):
        assert expected in text
    assert not any(unicodedata.combining(ch) for ch in text)


def test_naive_datetimes_and_empty_sets_are_refused() -> None:
    naive = datetime(2026, 11, 25, 9, 5)
    with pytest.raises(ValueError, match="naive"):
        dataclasses.replace(sample_stop(), requested_at=naive)
    with pytest.raises(ValueError, match="naive"):
        dataclasses.replace(sample_stop(), issued_at=naive)
    with pytest.raises(ValueError, match="naive"):
        dataclasses.replace(sample_control(), due_at=naive)
    with pytest.raises(ValueError, match="naive"):
        HandOff("A", "B", naive)
    with pytest.raises(ValueError, match="naive"):
        dataclasses.replace(sample_hand_over(), handed_at=naive)
    with pytest.raises(ValueError, match="naive"):
        HandOverLine("X", "Y", "Z", naive)
    with pytest.raises(ValueError, match="sets"):
        dataclasses.replace(sample_hand_over().lines[0], sets=0)
