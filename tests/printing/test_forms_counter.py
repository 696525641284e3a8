"""Mẫu 02, 03, 04 and the Giấy biên nhận trả kết quả: every field in the PDF text, one A5 page,
NFC, the reprint mark, the roll width."""

from __future__ import annotations

import dataclasses
import io
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from pypdf import PdfReader

from desk.domain.money import money
from desk.domain.timefmt import VN_TZ
from printing.forms import THERMAL_DOTS, bien_nhan, mau02, mau03, mau04
from printing.forms.samples import (
    sample_apology,
    sample_meta,
    sample_refusal,
    sample_return,
    sample_supplement,
)
from printing.model import PersonBlock, ReturnReceipt, Signer

Render = Callable[[Any, Any], bytes]


def page_texts(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def one_page(pdf: bytes) -> str:
    pages = page_texts(pdf)
    assert len(pages) == 1
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((419.53, 595.28), abs=0.1)
    return pages[0]


def missing(text: str, expected: list[str]) -> list[str]:
    return [item for item in expected if item not in text]


COMMON = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "UBND XÃ THỬ NGHIỆM",
]


def test_mau02_numbered_list() -> None:
    text = one_page(mau02.render_a5(sample_supplement(), sample_meta()))
    assert (
        missing(
            text,
            [
                *COMMON,
                "Số: 15/PBS-BPTNTKQ",
                "Thử Nghiệm, ngày 25 tháng 11 năm 2026",
                "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                "Hồ sơ của: CÔNG DÂN THỬ NGHIỆM MỘT",
                "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
                "Địa chỉ: Bản Thử Nghiệm, xã Thử Nghiệm, tỉnh Thử Nghiệm",
                "Số điện thoại: 0900 000 001",
                "Email: congdan1@motcua.invalid",
                "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:",
                "1. Bổ sung Giấy chứng sinh (bản chính)",
                "2. Ghi đầy đủ quê quán của người mẹ tại mục 5 của Tờ khai",
                "Lý do: Hồ sơ chưa có Giấy chứng sinh; Tờ khai ghi thiếu thông tin",
                "Ông/Bà liên hệ với CÁN BỘ THỬ NGHIỆM, số điện thoại 0212 3888 999 để được "
                "hướng dẫn./.",
                "Mã hồ sơ: 000.00.01.H99-261125-0001",
                "NGƯỜI HƯỚNG DẪN",
                "(Ký và ghi rõ họ tên)",
                "(Chữ ký số của người hướng dẫn nếu là biểu mẫu điện tử)",
            ],
        )
        == []
    )
    assert "Bản chứng thực" not in text


def test_mau02_components_table_with_counts() -> None:
    text = one_page(mau02.render_a5(sample_supplement(table=True), sample_meta()))
    assert missing(text, ["Bản chính", "Bản chứng thực", "Bản photo", "Giấy chứng sinh"]) == []
    assert "1. Bổ sung" not in text


def test_unnumbered_forms_leave_dots_before_the_symbol() -> None:
    plain = dataclasses.replace(sample_supplement(), number="", issuer_symbol="")
    assert "Số: ……/PBS" in one_page(mau02.render_a5(plain, sample_meta()))


def test_mau03() -> None:
    text = one_page(mau03.render_a5(sample_refusal(), sample_meta()))
    assert (
        missing(
            text,
            [
                *COMMON,
                "Số: 07/PTC-BPTNTKQ",
                "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
                "Tiếp nhận hồ sơ của: CÔNG DÂN THỬ NGHIỆM MỘT",
                "Số định danh cá nhân/tổ chức: 001099000001",
                "Mã hồ sơ: 000.00.01.H99-261125-0001",
                "Địa chỉ: Bản Thử Nghiệm, xã Thử Nghiệm, tỉnh Thử Nghiệm",
                "Số điện thoại: 0900 000 001",
                "Email: congdan1@motcua.invalid",
                "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
                "Qua xem xét, Bộ phận Tiếp nhận và Trả kết quả thông báo không tiếp nhận, "
                "giải quyết hồ sơ này với lý do cụ thể như sau: Thủ tục thuộc thẩm quyền "
                "giải quyết của cơ quan khác (cơ quan thử nghiệm)",
                "Xin thông báo cho Ông/Bà được biết và thực hiện./.",
                "NGƯỜI NỘP HỒ SƠ",
                "NGƯỜI TIẾP NHẬN HỒ SƠ",
                "CÁN BỘ THỬ NGHIỆM",
            ],
        )
        == []
    )


def test_mau03_without_code_prints_no_code_line() -> None:
    text = one_page(
        mau03.render_a5(dataclasses.replace(sample_refusal(), dossier_code=""), sample_meta())
    )
    assert "Mã hồ sơ" not in text


def test_mau04_keeps_the_old_appointment_and_the_new_date() -> None:
    text = one_page(mau04.render_a5(sample_apology(), sample_meta()))
    assert (
        missing(
            text,
            [
                *COMMON[:2],
                "UBND TỈNH THỬ NGHIỆM",
                "Số: 03/PXL-UBND",
                "Thử Nghiệm, ngày 29 tháng 11 năm 2026",
                "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
                "Kính gửi: Ông/Bà CÔNG DÂN THỬ NGHIỆM MỘT",
                "đã tiếp nhận hồ sơ của Ông/Bà vào ngày 25 tháng 11 năm 2026",
                "Đăng ký khai sinh",
                "001099000001",
                "mã hồ sơ: 000.00.01.H99-261125-0001",
                "Thời gian hẹn trả kết quả là: 16 giờ 30 phút, ngày 30 tháng 11 năm 2026",
                "Tuy nhiên đến nay, UBND xã Thử Nghiệm chưa trả kết quả",
                "đúng thời hạn",
                "Lý do: Cần xác minh thông tin nơi sinh với cơ quan thử nghiệm",
                "thành thật xin lỗi Ông/Bà",
                "hẹn trả kết quả vào ngày 04 tháng 12 năm 2026.",
                "Nơi nhận:",
                "- Như trên;",
                "- Lưu: VT.",
                "CHỦ TỊCH",
                "THỦ TRƯỞNG THỬ NGHIỆM",
            ],
        )
        == []
    )


def test_mau04_new_date_is_a_date_not_a_datetime() -> None:
    with pytest.raises(ValueError, match="not a datetime"):
        dataclasses.replace(sample_apology(), new_date=datetime(2026, 12, 4, 8, tzinfo=VN_TZ))
    default = dataclasses.replace(sample_apology(), signer=Signer(role="", name="X"))
    assert "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ" in one_page(mau04.render_a5(default, sample_meta()))


def test_bien_nhan_fields_fee_and_authorisation() -> None:
    for render in (bien_nhan.render_a5, bien_nhan.render_thermal):
        text = " ".join(page_texts(render(sample_return(), sample_meta())))
        assert (
            missing(
                text,
                [
                    "GIẤY BIÊN NHẬN TRẢ KẾT QUẢ",
                    "Mã hồ sơ: 000.00.01.H99-261125-0001",
                    "Tên thủ tục hành chính: Đăng ký khai sinh",
                    "Chủ hồ sơ: CÔNG DÂN THỬ NGHIỆM MỘT",
                    "Người trả kết quả: CÁN BỘ THỬ NGHIỆM",
                    "0212 3888 999",
                    "Người nhận kết quả: CÔNG DÂN THỬ NGHIỆM HAI",
                    "Số định danh cá nhân: 001099000002",
                    "0900 000 002",
                    "nhận thay theo giấy ủy quyền số 12/2026 ngày 20/11/2026",
                    "Kết quả giải quyết: Giấy khai sinh (bản chính)",
                    "Số, ký hiệu: 123/2026",
                    "Trích yếu: Giấy khai sinh của CÔNG DÂN THỬ NGHIỆM BA",
                    "Thời gian trả kết quả: 15 giờ 45 phút, ngày 30 tháng 11 năm 2026",
                    "Phí, lệ phí đã thu: 25.000 đồng",
                    "NGƯỜI NHẬN KẾT QUẢ",
                    "NGƯỜI TRẢ KẾT QUẢ",
                ],
            )
            == []
        )
    one_page(bien_nhan.render_a5(sample_return(), sample_meta()))
    text = one_page(bien_nhan.render_a5(sample_return(authorised=False), sample_meta()))
    assert "ủy quyền" not in text


def test_money_groups_thousands_with_dots() -> None:
    assert [money(x) for x in (0, 25000, 1234567)] == ["0 đồng", "25.000 đồng", "1.234.567 đồng"]
    with pytest.raises(ValueError):
        dataclasses.replace(sample_return(), fee=-1)


def test_bien_nhan_thermal_is_80_mm_and_576_dots() -> None:
    pdf = bien_nhan.render_thermal(sample_return(), sample_meta())
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.width) == pytest.approx(80 / 25.4 * 72, abs=0.01)
    image = bien_nhan.render_thermal_raster(sample_return(), sample_meta())
    assert image.mode == "1"
    assert image.width == THERMAL_DOTS
    assert image.height > image.width


A5_FORMS: list[tuple[Render, Callable[[], Any]]] = [
    (mau02.render_a5, sample_supplement),
    (mau03.render_a5, sample_refusal),
    (mau04.render_a5, sample_apology),
    (bien_nhan.render_a5, sample_return),
    (bien_nhan.render_thermal, sample_return),
]


@pytest.mark.parametrize(("render", "sample"), A5_FORMS)
def test_reprint_is_marked_and_original_is_not(render: Render, sample: Callable[[], Any]) -> None:
    reprint = " ".join(page_texts(render(sample(), sample_meta(reprint=True))))
    assert "BẢN IN LẠI" in reprint
    assert "14 giờ 20 phút, ngày 26 tháng 11 năm 2026" in reprint
    assert "09 giờ 06 phút, ngày 25 tháng 11 năm 2026" in reprint
    assert "BẢN IN LẠI" not in " ".join(page_texts(render(sample(), sample_meta())))


NAME = "CÔNG DÂN THỬ NGHIỆM BỐN Nguyễn Thị Ánh"
PROCEDURE = "Chứng thực bản sao từ bản chính"


def _nfd(text: str) -> str:
    out = unicodedata.normalize("NFD", text)
    assert out != text
    return out


def _decomposed(sample: Any) -> Any:
    person = PersonBlock(full_name=_nfd(NAME), id_number="001099000004")
    if isinstance(sample, ReturnReceipt):
        return dataclasses.replace(sample, owner=person, procedure_name=_nfd(PROCEDURE))
    who = {"SupplementNotice": "applicant", "RefusalNotice": "submitter"}.get(
        type(sample).__name__, "applicant"
    )
    return dataclasses.replace(sample, **{who: person, "procedure_name": _nfd(PROCEDURE)})


@pytest.mark.parametrize(("render", "sample"), A5_FORMS)
def test_nfd_input_is_printed_as_nfc(render: Render, sample: Callable[[], Any]) -> None:
    text = " ".join(page_texts(render(_decomposed(sample()), sample_meta())))
    assert NAME in text
    assert PROCEDURE in text
    assert not any(unicodedata.combining(ch) for ch in text)


def test_naive_datetimes_are_refused() -> None:
    naive = datetime(2026, 11, 25, 9, 5)
    with pytest.raises(ValueError, match="naive"):
        dataclasses.replace(sample_supplement(), issued_at=naive)
    with pytest.raises(ValueError, match="naive"):
        dataclasses.replace(sample_refusal(), issued_at=naive)
    with pytest.raises(ValueError, match="naive"):
        dataclasses.replace(sample_apology(), due_at=naive)
    with pytest.raises(ValueError, match="naive"):
        dataclasses.replace(sample_return(), returned_at=naive)
    assert sample_apology().new_date == date(2026, 12, 4)
