"""Every registered form prints from a real dossier: the words on the paper are the ones the
dossier's audit log holds (reason, list, collector, new date), and a form whose step has not
happened is refused with a clear message and no job."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from data.models import PrintJob as PrintJobRow
from desk.domain.reports import Period
from desk.errors import InvalidInput
from desk.services.container import DeskServices
from desk.services.printing import FORMS, PERIOD_FORMS, PrintService
from desk.services.returns import ReturnRequest
from printing.journal import JobState
from printing.printers import PrinterState, PrintOutcome, RemoteState, Submitted
from tests.conftest import FakeClock
from tests.helpers import at, count, receive
from tests.integration.test_print_service import pdf_text

OWNER = "CÔNG DÂN THỬ NGHIỆM"
UNIT = "Công chức Tư pháp - Hộ tịch"


def _supplement(services: DeskServices) -> str:
    code = receive(services).code
    services.intake.request_supplement(
        code, items=["Bổ sung Giấy chứng sinh (bản chính)"], reason="Hồ sơ thiếu Giấy chứng sinh"
    )
    return code


def _incomplete(services: DeskServices) -> str:
    return receive(services, components=[], allow_incomplete=True).code


def _refused(services: DeskServices) -> str:
    code = _incomplete(services)
    services.intake.refuse(code, reason="Thủ tục thuộc thẩm quyền của cơ quan khác")
    return code


def _apologised(services: DeskServices) -> str:
    code = receive(services).code
    services.intake.hand_over(code, unit=UNIT)
    services.returns.apologise(
        code,
        new_date=date(2026, 12, 4),
        reason="Cần xác minh thêm thông tin nơi sinh",
        signer="THỦ TRƯỞNG THỬ NGHIỆM",
    )
    return code


def _stopped(services: DeskServices) -> str:
    code = receive(services).code
    services.intake.hand_over(code, unit=UNIT)
    services.intake.stop(code, reason="Người yêu cầu xin dừng để nộp lại hồ sơ")
    return code


def _handed_over(services: DeskServices) -> str:
    code = receive(services).code
    services.intake.hand_over(code, unit=UNIT)
    return code


def _returned(services: DeskServices) -> str:
    code = receive(services, procedure="T-SAMEDAY").code
    services.intake.result_ready(code)
    services.returns.return_result(
        ReturnRequest(code, fee_collected=25000, rating="very_satisfied")
    )
    return code


CASES: dict[str, tuple[Callable[[DeskServices], str], tuple[str, ...]]] = {
    "mau01": (lambda services: receive(services).code, ("HẸN TRẢ KẾT QUẢ", OWNER)),
    "mau02": (_supplement, ("Bổ sung Giấy chứng sinh (bản chính)", "Hồ sơ thiếu Giấy chứng sinh")),
    "mau03": (_refused, ("TỪ CHỐI", "Thủ tục thuộc thẩm quyền của cơ quan khác")),
    "mau04": (_apologised, ("Cần xác minh thêm thông tin nơi sinh", "04 tháng 12 năm 2026")),
    "mau05": (_stopped, ("DỪNG GIẢI QUYẾT", "Người yêu cầu xin dừng để nộp lại hồ sơ")),
    "mau06": (_handed_over, ("KIỂM SOÁT", UNIT)),
    "bien-nhan": (_returned, ("25.000", OWNER)),
    "ban-giao": (_handed_over, ("BÀN GIAO", UNIT)),
}


def test_every_dossier_form_has_a_case() -> None:
    assert set(CASES) == set(FORMS)


@pytest.mark.parametrize("form", sorted(CASES))
def test_each_form_prints_what_the_dossier_holds(
    services: DeskServices, tmp_path: Path, form: str
) -> None:
    make, expected = CASES[form]
    code = make(services)
    out = tmp_path / f"{form}.pdf"
    job = services.printing.print_form(code, form, out=out)
    assert job.state is JobState.PRINTED and job.form == form
    text = pdf_text(out.read_bytes())
    assert code in text
    for words in expected:
        assert words in text, (form, words)


def test_incomplete_intake_prints_mau02_with_the_missing_list(
    services: DeskServices, tmp_path: Path
) -> None:
    code = _incomplete(services)
    out = tmp_path / "mau02.pdf"
    services.printing.print_form(code, "mau02", out=out)
    assert "1. Bổ sung Tờ khai cấp Giấy xác nhận tình trạng hôn nhân" in pdf_text(out.read_bytes())


@pytest.mark.parametrize(
    ("form", "step"),
    [
        ("mau03", "từ chối tiếp nhận"),
        ("mau05", "dừng"),
        ("bien-nhan", "trả kết quả"),
        ("ban-giao", "bàn giao"),
        ("mau02", "yêu cầu bổ sung"),
    ],
)
def test_a_form_whose_step_has_not_happened_is_refused_and_journals_nothing(
    services: DeskServices, tmp_path: Path, form: str, step: str
) -> None:
    code = receive(services).code
    with pytest.raises(InvalidInput) as refused:
        services.printing.print_form(code, form, out=tmp_path / "x.pdf")
    assert code in refused.value.message and step in refused.value.message
    assert count(services, PrintJobRow) == 0
    assert not (tmp_path / "x.pdf").exists()


def test_mau04_without_an_apology_is_refused(services: DeskServices, tmp_path: Path) -> None:
    code = receive(services).code
    with pytest.raises(InvalidInput, match="Mẫu 04"):
        services.printing.print_form(code, "mau04", out=tmp_path / "x.pdf")


def test_register_book_for_a_month_lists_its_dossiers(
    services: DeskServices, tmp_path: Path
) -> None:
    codes = [receive(services).code for _ in range(3)]
    out = tmp_path / "so.pdf"
    job = services.printing.print_period("mau07", Period.parse("2026-11"), out=out)
    assert job.state is JobState.PRINTED and job.dossier_id is None
    text = pdf_text(out.read_bytes())
    assert "SỔ THEO DÕI HỒ SƠ" in text
    for code in codes:
        assert code in text
    assert "Quyển số: 2026" in text or "2026" in text


def test_period_report_pdf_counts_the_month(
    services: DeskServices, clock: FakeClock, tmp_path: Path
) -> None:
    receive(services)
    receive(services, procedure="T-SAMEDAY")
    out = tmp_path / "bao-cao.pdf"
    services.printing.print_period("bao-cao", Period.parse("2026-11"), out=out)
    text = pdf_text(out.read_bytes())
    assert "Tháng 11 năm 2026" in text
    assert "Tổng" in text or "TỔNG" in text


def test_period_report_pdf_says_the_refusals_and_a_custom_periods_days(
    services: DeskServices, clock: FakeClock, tmp_path: Path
) -> None:
    _refused(services)
    out = tmp_path / "bao-cao.pdf"
    services.printing.print_period("bao-cao", Period.parse("2026-10-16..2026-12-15"), out=out)
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert "Kỳ báo cáo: Từ ngày 16/10/2026 đến ngày 15/12/2026" in text
    assert text.count("Từ ngày 16/10/2026") == 1  # the days are not said twice
    assert "Hồ sơ không được tiếp nhận trong kỳ: 1" in text
    assert "Thủ tục thuộc thẩm quyền của cơ quan khác: 1" in text


def test_a_dossier_form_is_not_a_period_form(services: DeskServices, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="không in theo kỳ"):
        services.printing.print_period("mau01", Period.parse("2026-11"), out=tmp_path / "x.pdf")
    assert set(PERIOD_FORMS) == {"mau07", "bao-cao"}


def test_the_register_of_an_empty_month_still_prints(
    services: DeskServices, tmp_path: Path
) -> None:
    services.office.office()  # the office exists; no dossier yet
    out = tmp_path / "so.pdf"
    services.printing.print_period("mau07", Period.parse("2026-10"), out=out)
    assert "SỔ THEO DÕI HỒ SƠ" in pdf_text(out.read_bytes())


class RecordingThermalPrinter:
    """Stands in for an ESC/POS printer: keeps the PDF it was sent (the raster itself is
    tested against python-escpos's Dummy device in tests/printing)."""

    def __init__(self, spec: str, sent: list[bytes]) -> None:
        self._spec, self._sent = spec, sent

    @property
    def name(self) -> str:
        return self._spec

    def print_pdf(
        self, pdf: bytes, *, title: str, copies: int, on_submitted: Submitted | None = None
    ) -> PrintOutcome:
        self._sent.append(pdf)
        return PrintOutcome(self._spec, "", 0.0)

    def status(self) -> PrinterState:
        return PrinterState(self._spec, True)

    def lookup(self, ref: str) -> RemoteState:
        return RemoteState.UNKNOWN


@pytest.mark.parametrize(("form", "make"), [("mau01", None), ("bien-nhan", _returned)])
def test_a_form_sent_to_a_receipt_printer_is_the_80mm_variant(
    services: DeskServices, form: str, make: Callable[[DeskServices], str] | None
) -> None:
    sent: list[bytes] = []
    thermal = PrintService(
        services.context,
        services.printing.blobs.root,
        printers=lambda spec: RecordingThermalPrinter(spec, sent),
    )
    try:
        code = make(services) if make else receive(services).code
        thermal.print_form(code, form, printer="escpos:usb:04b8:0202")
        thermal.print_form(code, form, printer="cups:A5_QUEUE")
    finally:
        thermal.close()
    widths = [PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width for pdf in sent]
    assert round(widths[0] * 25.4 / 72) == 80  # the thermal roll
    assert round(widths[1] * 25.4 / 72) == 148  # A5


@pytest.mark.parametrize(
    ("ready_at", "says"),
    [
        ("2026-11-27 10:00", "Trước hạn"),
        ("2026-11-30 15:00", "Đúng hạn"),
        ("2026-12-01 08:00", "Quá hạn"),
    ],
)
def test_mau06_judges_the_hand_back_as_the_reports_do(
    services: DeskServices, clock: FakeClock, tmp_path: Path, ready_at: str, says: str
) -> None:
    code = _handed_over(services)  # received Wed 25/11 09:00, due Mon 30/11 09:00
    clock.now = at(ready_at)
    services.intake.result_ready(code)
    out = tmp_path / "mau06.pdf"
    services.printing.print_form(code, "mau06", out=out)
    assert says in pdf_text(out.read_bytes())  # by local date: later on the due day is on time
