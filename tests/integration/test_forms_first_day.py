"""The printed forms against the TT 03/2025 bodies, as a first day at the counter showed them
(issue 15): printed through the service from a real dossier, read back from the PDF."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from desk.domain.reports import Period
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from desk.services.printing import duration_label
from desk.services.returns import ReturnRequest
from tests.conftest import FakeClock, citizen
from tests.helpers import at, receive


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _layout_lines(path: Path) -> list[str]:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]


def _print(services: DeskServices, code: str, form: str, tmp_path: Path) -> Path:
    out = tmp_path / f"{form}.pdf"
    services.printing.print_form(code, form, out=out)
    return out


def test_mau01_number_line_centre_in_the_body_and_no_split_word(
    services: DeskServices, tmp_path: Path
) -> None:
    code = receive(services).code
    pdf = _print(services, code, "mau01", tmp_path)
    text = _text(pdf)
    unit = services.office.office().unit_name
    assert unit.startswith("Trung tâm Phục vụ hành chính công")
    assert "Số: ……" in text
    assert f"{unit} Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức" in text  # the header's unit
    assert "Bộ phận tiếp nhận và trả kết quả: ỦY BAN" not in text
    lines = _layout_lines(pdf)
    assert not [line for line in lines if line.endswith("HÀNH") or line.startswith("CHÍNH")]


def test_mau01_says_next_day_for_a_same_day_case_received_after_the_cutoff(
    services: DeskServices, clock: FakeClock, tmp_path: Path
) -> None:
    clock.set("2026-11-25T16:00")  # after the 15:00 cut-off
    result = services.intake.receive(ReceiveRequest("T-SAMEDAY", citizen()))
    assert result.due_at is not None and result.due_at.date() == date(2026, 11, 26)
    text = _text(_print(services, result.code, "mau01", tmp_path))
    assert "theo quy định là: trong ngày làm việc tiếp theo" in text
    clock.set("2026-11-26T09:00")
    early = services.intake.receive(ReceiveRequest("T-SAMEDAY", citizen(2))).code
    assert "theo quy định là: trong ngày 4." in _text(_print(services, early, "mau01", tmp_path))


def test_duration_label_of_a_next_day_return() -> None:
    rule = '{"unit": "same_day", "amount": 0, "cutoff": "15:00:00"}'
    assert duration_label(rule) == "trong ngày"
    received, due = at("2026-11-25T16:00"), at("2026-11-26T17:00")
    assert duration_label(rule, received, due).startswith("trong ngày làm việc tiếp theo")
    assert "15 giờ 00" in duration_label(rule, received, due)


def test_mau04_sentences_and_the_signers_title(
    services: DeskServices, clock: FakeClock, tmp_path: Path
) -> None:
    code = receive(services).code
    clock.set("2026-11-27T10:00")
    services.returns.apologise(
        code, new_date=date(2026, 12, 3), reason="Chờ xác minh", signer="NGƯỜI KÝ THỬ NGHIỆM",
        signer_title="Chủ tịch",
    )  # fmt: skip
    text = _text(_print(services, code, "mau04", tmp_path))
    assert "gây phiền hà, tốn kém" in text
    assert "Mong nhận được sự thông cảm" in text
    assert "CHỦ TỊCH" in text.upper() and "NGƯỜI KÝ THỬ NGHIỆM" in text
    assert text.upper().count("THỦ TRƯỞNG CƠ QUAN") == 1  # only in the digital-signature hint


def test_bien_nhan_shows_the_phone_taken_at_intake(
    services: DeskServices, clock: FakeClock, tmp_path: Path
) -> None:
    code = receive(services, "T-SAMEDAY").code
    services.intake.result_ready(code)
    services.returns.return_result(ReturnRequest(code))
    assert "0912000000" in _text(_print(services, code, "bien-nhan", tmp_path))


def test_report_06a_signers_are_filled_from_the_office_settings(
    services: DeskServices, tmp_path: Path
) -> None:
    services.office.update_rules(report_head="THỦ TRƯỞNG THỬ NGHIỆM", report_preparer="NGƯỜI LẬP")
    out = tmp_path / "06a.pdf"
    services.printing.print_period("bao-cao", Period.parse("2026-11"), out=out)
    text = _text(out)
    assert "THỦ TRƯỞNG THỬ NGHIỆM" in text and "NGƯỜI LẬP" in text
