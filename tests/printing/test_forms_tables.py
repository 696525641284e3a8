"""The A4 tables: Mẫu 07 (Sổ theo dõi hồ sơ) and the period report in the shape of Biểu 06a.

Titles, column headers, every row's values and the totals are in the PDF text; a 500-line
register runs over several pages with its header on each; decomposed input prints as NFC.
"""

from __future__ import annotations

import dataclasses
import io
import unicodedata
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from printing.forms import mau07, report06a
from printing.forms.samples import sample_register, sample_report
from printing.forms.tables import count, percent
from printing.model import PeriodReportDoc, RegisterBook, RegisterLine, ReportLine

REGISTER_HEAD = [
    "STT",
    "Mã hồ sơ",
    "Tên TTHC",
    "Tên tổ chức, cá nhân",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Nhận và trả kết quả",
    "Nhận hồ sơ",
    "Hẹn trả kết quả",
    "Trả kết quả",
    "Phương thức nhận kết quả",
    "Ký nhận",
]
REPORT_HEAD = [
    "Số hồ sơ nhận giải quyết",
    "Từ kỳ trước",
    "Trực tuyến",
    "Trực tiếp, dịch vụ bưu chính",
    "Số hồ sơ đã giải quyết",
    "Trước hạn",
    "Đúng hạn",
    "Số hồ sơ đang giải quyết",
    "Trong hạn",
    "Quá hạn",
    "Tổng số",
    "Tỷ lệ đúng hạn (%)",
]


def page_texts(pdf: bytes) -> list[str]:
    """Text of each page with whitespace collapsed (wrapped lines join with a space)."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def test_register_prints_title_header_and_every_line() -> None:
    book = sample_register(12)
    text = " ".join(page_texts(mau07.render_a4(book)))
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "UBND XÃ THỬ NGHIỆM",
        "SỔ THEO DÕI HỒ SƠ",
        "Quyển số: 05/2026",
        "Lĩnh vực: Hộ tịch",
        "Từ ngày 01/11/2026 đến ngày 30/11/2026",
        *REGISTER_HEAD,
    ]:
        assert expected in text
    for line in book.lines:
        assert line.due_at is not None
        for value in [
            line.dossier_code,
            line.procedure_name,
            line.applicant_name,
            line.contact,
            line.processing_agency,
            line.delivery,
            mau07.stamp(line.received_at).replace("\n", " "),
            mau07.stamp(line.due_at).replace("\n", " "),
        ]:
            assert value in text, value
        if line.returned_at is not None:
            assert mau07.stamp(line.returned_at).replace("\n", " ") in text


def test_register_times_are_local_hh_mm_then_date() -> None:
    # 02:05 UTC is 09:05 in Việt Nam.
    instant = datetime(2026, 11, 25, 2, 5, tzinfo=UTC)
    assert mau07.stamp(instant) == "09:05\n25/11/2026"
    assert mau07.stamp(None) == ""
    line = dataclasses.replace(sample_register(1).lines[0], received_at=instant)
    book = dataclasses.replace(sample_register(1), lines=(line,))
    assert "09:05 25/11/2026" in page_texts(mau07.render_a4(book))[0]


def test_500_lines_run_over_pages_with_the_header_on_each() -> None:
    book = sample_register(500)
    pages = page_texts(mau07.render_a4(book))
    assert len(pages) >= 5
    for number, page in enumerate(pages, start=1):
        for head in REGISTER_HEAD:
            assert head in page, (number, head)
        assert f"Trang {number}" in page
    assert "SỔ THEO DÕI HỒ SƠ" in pages[0]
    assert "SỔ THEO DÕI HỒ SƠ" not in pages[1]
    text = " ".join(pages)
    for line in book.lines:
        assert text.count(line.dossier_code) == 1


def test_register_prints_decomposed_input_as_nfc() -> None:
    name = "CÔNG DÂN THỬ NGHIỆM NFD"
    line = dataclasses.replace(
        sample_register(1).lines[0], applicant_name=unicodedata.normalize("NFD", name)
    )
    book = dataclasses.replace(sample_register(1), lines=(line,))
    text = " ".join(page_texts(mau07.render_a4(book)))
    assert name in text
    assert text == unicodedata.normalize("NFC", text)


def test_register_refuses_naive_times_and_reversed_span() -> None:
    line = sample_register(1).lines[0]
    with pytest.raises(ValueError, match="naive"):
        dataclasses.replace(line, due_at=datetime(2026, 11, 25, 9, 0))
    with pytest.raises(ValueError, match="last_day"):
        dataclasses.replace(sample_register(1), last_day=date(2026, 10, 1))


def _numbers(line: ReportLine) -> list[str]:
    return [
        count(line.received_total),
        count(line.carried_over),
        count(line.received_online),
        count(line.received_direct),
        count(line.resolved_total),
        count(line.resolved_early),
        count(line.resolved_on_time),
        count(line.resolved_late),
        count(line.pending_total),
        count(line.pending_on_time),
        count(line.pending_late),
        percent(line.on_time_rate),
    ]


def test_report_prints_title_header_rows_total_and_signers() -> None:
    doc = sample_report(6)
    text = " ".join(page_texts(report06a.render_a4(doc)))
    for expected in [
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI UBND XÃ THỬ NGHIỆM",
        "Kỳ báo cáo: Tháng 11 năm 2026",
        "(Từ ngày 01/11/2026 đến ngày 30/11/2026)",
        "Lĩnh vực",
        *REPORT_HEAD,
        "NGƯỜI LẬP BIỂU",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "CÁN BỘ THỬ NGHIỆM",
        "THỦ TRƯỞNG THỬ NGHIỆM",
        "Thử Nghiệm, ngày 01 tháng 12 năm 2026",
    ]:
        assert expected in text, expected
    for number, line in enumerate(doc.lines, start=1):
        row = " ".join([str(number), line.label, *_numbers(line)])
        assert row in text, row
    total = doc.total
    assert " ".join(["Tổng cộng", *_numbers(total)]) in text
    on_time = total.resolved_early + total.resolved_on_time
    rate = f"{percent(total.on_time_rate)}% ({count(on_time)}/{count(total.resolved_total)}"
    assert rate in text


def test_report_total_sums_every_count() -> None:
    doc = sample_report(20)
    total = doc.total
    assert total.carried_over == sum(range(1, 21))
    assert total.received_total == sum(line.received_total for line in doc.lines)
    assert total.pending_late == 10
    assert count(total.received_online) == "2.100"


def test_report_rates_and_empty_report() -> None:
    line = ReportLine("Thử Nghiệm", resolved_early=1, resolved_on_time=1, resolved_late=1)
    assert percent(line.on_time_rate) == "66,7"
    assert percent(ReportLine("Thử Nghiệm").on_time_rate) == "-"
    empty = dataclasses.replace(sample_report(1), lines=())
    text = " ".join(page_texts(report06a.render_a4(empty)))
    assert "Tổng cộng 0 0 0 0 0 0 0 0 0 0 0 -" in text
    assert "chưa có hồ sơ đã giải quyết" in text
    with pytest.raises(ValueError, match="never negative"):
        ReportLine("Thử Nghiệm", pending_late=-1)


def test_report_by_procedure_nfc_and_many_rows() -> None:
    label = "Đăng ký khai sinh thử nghiệm"
    doc = PeriodReportDoc(
        office=sample_report().office,
        unit_label=unicodedata.normalize("NFD", "UBND xã Thử Nghiệm"),
        period_label="Quý IV năm 2026",
        first_day=date(2026, 10, 1),
        last_day=date(2026, 12, 31),
        lines=tuple(
            ReportLine(f"{unicodedata.normalize('NFD', label)} {i}", received_online=i)
            for i in range(1, 61)
        ),
        issued_at=datetime(2027, 1, 2, 2, 0, tzinfo=UTC),
        group_label="Thủ tục hành chính",
    )
    pages = page_texts(report06a.render_a4(doc))
    assert len(pages) > 1
    for page in pages:
        assert "Số hồ sơ nhận giải quyết" in page
        assert page == unicodedata.normalize("NFC", page)
    text = " ".join(pages)
    assert "THỦ TỤC HÀNH CHÍNH TẠI UBND XÃ THỬ NGHIỆM" in text
    assert "Thủ tục hành chính" in text
    for i in range(1, 61):
        assert f"{label} {i} " in text
    assert "Tổng cộng 1.830 0 1.830 0" in text


def test_register_line_type_is_plain_data() -> None:
    line = RegisterLine(
        seq=1,
        dossier_code="000.00.01.H99-261125-0001",
        procedure_name="Đăng ký khai sinh",
        applicant_name="CÔNG DÂN THỬ NGHIỆM",
        contact="Thử Nghiệm; congdan@motcua.invalid",
        processing_agency="UBND xã Thử Nghiệm",
        received_at=datetime(2026, 11, 25, 2, 5, tzinfo=UTC),
        due_at=None,
    )
    book = RegisterBook(
        office=sample_report().office,
        book_number="",
        first_day=date(2026, 11, 25),
        last_day=date(2026, 11, 25),
        lines=(line,),
    )
    text = page_texts(mau07.render_a4(book))[0]
    assert "Quyển số: ……" in text
    assert "congdan@motcua.invalid" in text
    assert "Lĩnh vực:" not in text
