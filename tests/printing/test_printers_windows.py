"""WindowsPrinter with a fake win32print module (pywin32 exists only on Windows)."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from desk.errors import PrinterError
from printing.printers import RemoteState, WindowsPrinter, open_printer
from printing.printers.windows import JOB_STATUS_PRINTED, PRINTER_STATUS_PAPER_OUT


class FakeWin32Print:
    def __init__(self, printers: dict[str, int]) -> None:
        self.printers = printers  # name -> status flags
        self.jobs: dict[int, dict[str, Any]] = {}
        self.closed = 0

    def OpenPrinter(self, name: str) -> str:
        if name not in self.printers:
            raise OSError(1801, "OpenPrinter", "The printer name is invalid.")
        return name

    def ClosePrinter(self, handle: str) -> None:
        self.closed += 1

    def GetPrinter(self, handle: str, level: int) -> dict[str, Any]:
        return {"Status": self.printers[handle]}

    def StartDocPrinter(self, handle: str, level: int, info: tuple[str, None, str]) -> int:
        job_id = len(self.jobs) + 7
        self.jobs[job_id] = {"title": info[0], "type": info[2], "data": b"", "Status": 0}
        self.current = job_id
        return job_id

    def StartPagePrinter(self, handle: str) -> None: ...

    def WritePrinter(self, handle: str, data: bytes) -> int:
        self.jobs[self.current]["data"] += data
        return len(data)

    def EndPagePrinter(self, handle: str) -> None: ...

    def EndDocPrinter(self, handle: str) -> None: ...

    def GetJob(self, handle: str, job_id: int, level: int) -> dict[str, Any]:
        return self.jobs[job_id]


@pytest.fixture
def win32(monkeypatch: pytest.MonkeyPatch) -> FakeWin32Print:
    fake = FakeWin32Print({"HP LaserJet M404": 0, "Canon hết giấy": PRINTER_STATUS_PAPER_OUT})
    monkeypatch.setitem(sys.modules, "win32print", fake)
    return fake


def test_prints_raw_pdf_one_job_per_copy(win32: FakeWin32Print) -> None:
    printer = open_printer("windows:HP LaserJet M404")
    assert isinstance(printer, WindowsPrinter)
    assert printer.status().ready
    refs: list[str] = []
    outcome = printer.print_pdf(b"%PDF-1.7 ...", title="Mẫu 01", copies=2, on_submitted=refs.append)
    assert outcome.ref == "7,8" == refs[0]
    assert [job["data"] for job in win32.jobs.values()] == [b"%PDF-1.7 ..."] * 2
    assert {job["type"] for job in win32.jobs.values()} == {"RAW"}
    assert printer.lookup(outcome.ref) is RemoteState.PENDING
    for job in win32.jobs.values():
        job["Status"] = JOB_STATUS_PRINTED
    assert printer.lookup(outcome.ref) is RemoteState.COMPLETED


def test_a_stopped_printer_is_refused_with_the_reason(win32: FakeWin32Print) -> None:
    with pytest.raises(PrinterError) as caught:
        WindowsPrinter("Canon hết giấy").print_pdf(b"%PDF", title="x", copies=1)
    assert "đang tạm dừng (paper out)" in caught.value.message
    assert not win32.jobs


def test_an_unknown_printer_is_a_clear_error(win32: FakeWin32Print) -> None:
    with pytest.raises(PrinterError) as caught:
        WindowsPrinter("Không có").status()
    assert "Không tìm thấy máy in Không có" in caught.value.message


def test_without_pywin32_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "win32print", None)  # makes the import fail
    with pytest.raises(PrinterError) as caught:
        WindowsPrinter("HP").status()
    assert "pywin32" in caught.value.message
