"""FolderPrinter (save to PDF) and the per-form PrinterChoice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desk.errors import ConfigError, PrinterError
from printing.printers import (
    CupsPrinter,
    FolderPrinter,
    Printer,
    PrinterChoice,
    RemoteState,
    open_printer,
)


def test_writes_the_pdf_atomically_with_a_readable_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printer = open_printer(f"folder:{tmp_path / 'out'}")
    assert isinstance(printer, FolderPrinter)
    seen: list[list[str]] = []
    real_replace = os.replace

    def spying_replace(source: str, target: str) -> None:
        seen.append(sorted(p.name for p in (tmp_path / "out").iterdir()))
        assert Path(source).read_bytes() == b"%PDF-1.7 body"  # complete before it gets its name
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spying_replace)
    outcome = printer.print_pdf(b"%PDF-1.7 body", title="Mẫu 01 Đơn", copies=2)
    target = Path(outcome.ref)
    assert target.read_bytes() == b"%PDF-1.7 body"
    assert target.name.startswith("Mau-01-Don-") and target.suffix == ".pdf"
    assert seen == [[next(n for n in seen[0] if n.endswith(".part"))]]  # only the temp file
    assert [p.name for p in target.parent.iterdir()] == [target.name]
    assert printer.lookup(outcome.ref) is RemoteState.COMPLETED
    second = printer.print_pdf(b"%PDF-1.7 body", title="Mẫu 01 Đơn", copies=1)
    assert second.ref != outcome.ref


def test_an_unwritable_folder_is_a_printer_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(PrinterError) as caught:
        FolderPrinter(blocker / "sub").print_pdf(b"%PDF", title="x", copies=1)
    assert "Không lưu được tệp PDF" in caught.value.message
    assert not FolderPrinter(blocker).status().ready


def test_every_printer_kind_satisfies_the_protocol(tmp_path: Path) -> None:
    for spec in ("cups:Q", "Q", "windows:HP", "escpos:tcp:10.0.0.1", f"folder:{tmp_path}"):
        assert isinstance(open_printer(spec), Printer)
    assert isinstance(open_printer("Q"), CupsPrinter)
    with pytest.raises(ConfigError):
        open_printer("windows:")


def test_printer_choice_per_form_with_a_default() -> None:
    choice = PrinterChoice(default="cups:A4").with_form("bien_nhan", "escpos:usb:04b8:0202")
    assert choice.printer_for("mau01") == "cups:A4"
    assert choice.printer_for("bien_nhan") == "escpos:usb:04b8:0202"
    assert PrinterChoice.from_dict(choice.to_dict()) == choice
    assert choice.with_form("bien_nhan", None).printer_for("bien_nhan") == "cups:A4"
    with pytest.raises(ConfigError) as caught:
        PrinterChoice().printer_for("mau01")
    assert "Chưa chọn máy in cho mẫu mau01" in caught.value.message
    with pytest.raises(ConfigError):
        PrinterChoice.from_dict({"default": 3})


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Giấy tiếp nhận hồ sơ và hẹn trả kết quả 000.00.01.H99-261203-0001",
            "Giay-tiep-nhan-ho-so-va-hen-tra-ket-qua-000.00.01.H99-261203-0001-20261203-113553",
        ),
        (
            "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) theo Thông tư 03/2025/TT-VPCP "
            "000.00.12.H53-261203-4999",
            "Phieu-yeu-cau-bo-sung-hoan-thien-ho-so-Mau-02-theo-Thong-tu-000.00.12.H53-261203-"
            "4999-20261203-113553",
        ),
        ("Trang in thử", "Trang-in-thu-20261203-113553"),
        ("???", "ban-in-20261203-113553"),
    ],
)
def test_file_names_carry_the_whole_code_the_form_and_the_time(title: str, expected: str) -> None:
    from datetime import datetime

    from printing.printers.folder import file_stem

    assert file_stem(title, datetime(2026, 12, 3, 11, 35, 53)) == expected


def test_a_printed_file_keeps_the_days_number(tmp_path: Path) -> None:
    printer = FolderPrinter(tmp_path)
    title = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả 000.00.01.H99-261203-0001"
    name = Path(printer.print_pdf(b"%PDF", title=title, copies=1).ref).name
    assert "-000.00.01.H99-261203-0001-" in name
