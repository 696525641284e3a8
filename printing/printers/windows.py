"""The Windows print spooler, through pywin32's ``win32print`` (imported only when used).

For Windows offices: install pywin32 (``pip install pywin32``) and pick the printer by the name
shown in Settings → Printers & scanners (spec ``windows:<name>``). The PDF is spooled RAW, so
the printer itself must accept PDF ("PDF direct print", most office laser printers from 2015
on do). For a printer that does not, use the PDF folder printer and print from a PDF reader.
Each copy is one spooler job; ``ref`` lists their ids, comma-separated.
"""

from __future__ import annotations

import importlib
import time
from typing import Any

from desk.errors import PrinterError
from printing.printers.base import PrinterState, PrintOutcome, RemoteState, Submitted

# winspool.h
PRINTER_STATUS_PAUSED = 0x1
PRINTER_STATUS_ERROR = 0x2
PRINTER_STATUS_PAPER_JAM = 0x8
PRINTER_STATUS_PAPER_OUT = 0x10
PRINTER_STATUS_OFFLINE = 0x80
JOB_STATUS_ERROR = 0x2
JOB_STATUS_DELETED = 0x100
JOB_STATUS_PRINTED = 0x80

_STOPPED = {
    PRINTER_STATUS_PAUSED: "paused",
    PRINTER_STATUS_ERROR: "error",
    PRINTER_STATUS_PAPER_JAM: "paper jam",
    PRINTER_STATUS_PAPER_OUT: "paper out",
    PRINTER_STATUS_OFFLINE: "offline",
}


def _win32print() -> Any:
    try:
        return importlib.import_module("win32print")
    except ImportError:
        raise PrinterError(
            "Máy này không dùng được máy in Windows (thiếu pywin32). Hãy nhờ quản trị viên cài "
            "pywin32, hoặc chọn máy in khác."
        ) from None


class WindowsPrinter:
    """One printer of the Windows spooler; ``print_pdf`` returns once the jobs are spooled."""

    def __init__(self, printer_name: str) -> None:
        self.printer_name = printer_name

    @property
    def name(self) -> str:
        return f"windows:{self.printer_name}"

    def _open(self, module: Any) -> Any:
        try:
            return module.OpenPrinter(self.printer_name)
        except Exception:  # pywintypes.error
            raise PrinterError(
                "Không tìm thấy máy in {printer}. Hãy kiểm tra máy in đã được cài trên máy tính "
                "này, hoặc chọn máy in khác trong phần cài đặt.",
                printer=self.printer_name,
            ) from None

    def status(self) -> PrinterState:
        module = _win32print()
        handle = self._open(module)
        try:
            flags = int(module.GetPrinter(handle, 2)["Status"])
        finally:
            module.ClosePrinter(handle)
        reasons = [text for bit, text in _STOPPED.items() if flags & bit]
        return PrinterState(self.name, ready=not reasons, detail=", ".join(reasons))

    def print_pdf(
        self, pdf: bytes, *, title: str, copies: int, on_submitted: Submitted | None = None
    ) -> PrintOutcome:
        if copies < 1:
            raise ValueError(f"copies must be at least 1, not {copies}")
        started = time.monotonic()
        state = self.status()
        if not state.ready:
            raise PrinterError(
                "Máy in {printer} đang tạm dừng ({detail}). Hãy kiểm tra giấy, mực và cáp, bật "
                "lại máy in rồi bấm In lại; lệnh in được giữ lại, không bị mất.",
                printer=self.printer_name,
                detail=state.detail,
            )
        module = _win32print()
        handle = self._open(module)
        job_ids: list[str] = []
        try:
            for _ in range(copies):
                job_ids.append(str(module.StartDocPrinter(handle, 1, (title, None, "RAW"))))
                try:
                    module.StartPagePrinter(handle)
                    module.WritePrinter(handle, pdf)
                    module.EndPagePrinter(handle)
                finally:
                    module.EndDocPrinter(handle)
        except PrinterError:
            raise
        except Exception as error:  # pywintypes.error
            raise PrinterError(
                "Máy in {printer} không nhận lệnh in: {detail}. "
                "Hãy kiểm tra máy in rồi in lại, hoặc chọn máy in khác.",
                printer=self.printer_name,
                detail=str(error),
            ) from error
        finally:
            module.ClosePrinter(handle)
        ref = ",".join(job_ids)
        if on_submitted is not None:
            on_submitted(ref)
        return PrintOutcome(self.name, ref, time.monotonic() - started)

    def lookup(self, ref: str) -> RemoteState:
        module = _win32print()
        handle = self._open(module)
        states = []
        try:
            for job_id in filter(None, ref.split(",")):
                try:
                    flags = int(module.GetJob(handle, int(job_id), 1)["Status"])
                except Exception:  # gone from the queue: printed long ago, or deleted
                    states.append(RemoteState.UNKNOWN)
                    continue
                if flags & (JOB_STATUS_ERROR | JOB_STATUS_DELETED):
                    states.append(RemoteState.FAILED)
                elif flags & JOB_STATUS_PRINTED:
                    states.append(RemoteState.COMPLETED)
                else:
                    states.append(RemoteState.PENDING)
        finally:
            module.ClosePrinter(handle)
        for worst in (RemoteState.FAILED, RemoteState.PENDING, RemoteState.UNKNOWN):
            if worst in states:
                return worst
        return RemoteState.COMPLETED if states else RemoteState.UNKNOWN
