"""CupsPrinter against a real cupsd and its test queue (a job sink after the real filters)."""

from __future__ import annotations

import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest

from desk.errors import PrinterError
from printing.journal import JobState, MemoryJobStore, NewPrintJob, PrintRunner
from printing.printers import (
    CupsPrinter,
    PrinterChoice,
    PrintOutcome,
    RemoteState,
    Submitted,
    discover,
    open_printer,
)
from tests.printing.conftest import CupsQueue, MakePdf


def test_job_reaches_completed_and_the_output_holds_the_text(
    cups: CupsQueue, make_pdf: MakePdf
) -> None:
    printer = CupsPrinter(cups.name, timeout=30)
    submitted: list[str] = []
    started = time.monotonic()
    outcome = printer.print_pdf(
        make_pdf("MAU01 Giay tiep nhan H99.01-261125-0001"),
        title="Mẫu 01 — H99.01-261125-0001",
        copies=1,
        on_submitted=submitted.append,
    )
    elapsed = time.monotonic() - started
    assert submitted == [outcome.ref]
    assert outcome.ref.startswith(f"{cups.name}-")
    assert printer.lookup(outcome.ref) is RemoteState.COMPLETED
    assert "MAU01 Giay tiep nhan H99.01-261125-0001" in cups.text()
    assert elapsed < 15


def test_stopped_printer_gives_a_clear_error_and_a_kept_job_that_can_be_retried(
    cups: CupsQueue, make_pdf: MakePdf
) -> None:
    subprocess.run(["cupsdisable", cups.name], check=True, timeout=30)
    with pytest.raises(PrinterError) as direct:
        CupsPrinter(cups.name).print_pdf(make_pdf("never"), title="x", copies=1)
    assert "đang tạm dừng" in direct.value.message
    assert "In lại" in direct.value.message
    assert direct.value.title == "Lỗi máy in"

    store = MemoryJobStore()
    runner = PrintRunner(store, printers=lambda spec: CupsPrinter(spec, timeout=30))
    job = runner.submit(
        NewPrintJob(form="mau01", printer=cups.name, dossier_id="H99.01-261125-0002"),
        make_pdf("MAU01 retried after cupsenable"),
    )
    assert runner.wait_idle(30)
    failed = store.get(job.id)
    assert failed.state is JobState.FAILED
    assert failed.error is not None and "đang tạm dừng" in failed.error
    assert failed.printer_ref is None  # nothing was sent: nothing can print later

    subprocess.run(["cupsenable", cups.name], check=True, timeout=30)
    runner.retry(job.id)
    assert runner.wait_idle(30)
    printed = store.get(job.id)
    assert printed.state is JobState.PRINTED
    assert printed.error is None
    assert printed.printed_at is not None
    assert "MAU01 retried after cupsenable" in cups.text()
    runner.close()


def test_unknown_printer_is_a_clear_error(cups: CupsQueue, make_pdf: MakePdf) -> None:
    printer = open_printer("cups:KHONG_CO_MAY_IN_NAY")
    with pytest.raises(PrinterError) as caught:
        printer.print_pdf(make_pdf("x"), title="x", copies=1)
    assert "Không tìm thấy máy in KHONG_CO_MAY_IN_NAY" in caught.value.message
    with pytest.raises(PrinterError):
        printer.status()


def test_a_recorded_completed_job_is_not_printed_again(cups: CupsQueue, make_pdf: MakePdf) -> None:
    first = CupsPrinter(cups.name, timeout=30).print_pdf(make_pdf("FIRST"), title="a", copies=1)
    store = MemoryJobStore()

    class Counting(CupsPrinter):
        calls = 0

        def print_pdf(
            self, pdf: bytes, *, title: str, copies: int, on_submitted: Submitted | None = None
        ) -> PrintOutcome:
            Counting.calls += 1
            return super().print_pdf(pdf, title=title, copies=copies, on_submitted=on_submitted)

    runner = PrintRunner(store, printers=lambda spec: Counting(spec, timeout=30))
    # A crash right after lp accepted the job: the store says "printing" with the CUPS id.
    crashed = runner.submit(NewPrintJob(form="mau01", printer=cups.name), make_pdf("SECOND"))
    runner.wait_idle(30)
    store.update(replace(store.get(crashed.id), state=JobState.PRINTING, printer_ref=first.ref))
    Counting.calls = 0
    assert runner.resume() == 1
    assert runner.wait_idle(30)
    assert store.get(crashed.id).state is JobState.PRINTED
    assert store.get(crashed.id).printer_ref == first.ref
    assert Counting.calls == 0
    runner.close()


def test_a_cancelled_recorded_job_is_printed_again(cups: CupsQueue, make_pdf: MakePdf) -> None:
    subprocess.run(["cupsdisable", cups.name], check=True, timeout=30)
    done = subprocess.run(
        ["lp", "-d", cups.name, "-t", "held", "-"],
        input=make_pdf("HELD"),
        capture_output=True,
        check=True,
        timeout=30,
    )
    ref = done.stdout.decode().split()[3]
    subprocess.run(["cancel", ref], check=True, timeout=30)
    subprocess.run(["cupsenable", cups.name], check=True, timeout=30)
    printer = CupsPrinter(cups.name, timeout=30)
    assert printer.lookup(ref) is RemoteState.FAILED
    assert printer.lookup(f"{cups.name}-999999") is RemoteState.UNKNOWN


def test_discover_lists_the_queue_and_the_pdf_folder(cups: CupsQueue, tmp_path: Path) -> None:
    found = discover(tmp_path)
    specs = {info.spec: info for info in found}
    assert f"cups:{cups.name}" in specs
    assert specs[f"cups:{cups.name}"].ready
    assert found[-1].kind == "folder"
    choice = PrinterChoice(default=f"cups:{cups.name}")
    assert isinstance(open_printer(choice.printer_for("mau01")), CupsPrinter)


def _lp(queue: str, pdf: bytes, *options: str) -> str:
    done = subprocess.run(
        ["lp", "-d", queue, *options, "-"], input=pdf, capture_output=True, check=True, timeout=30
    )
    return done.stdout.decode().split()[3]  # "request id is Q-12 (0 file(s))"


def test_a_printer_stopped_while_waiting_cancels_the_job(
    cups: CupsQueue, make_pdf: MakePdf
) -> None:
    subprocess.run(["cupsdisable", cups.name], check=True, timeout=30)
    ref = _lp(cups.name, make_pdf("STOPPED WHILE WAITING"))
    printer = CupsPrinter(cups.name, timeout=30)
    assert printer.lookup(ref) is RemoteState.PENDING
    with pytest.raises(PrinterError) as caught:
        printer.wait(ref)
    assert "dừng lại khi đang in" in caught.value.message
    assert printer.lookup(ref) is RemoteState.FAILED  # cancelled: cupsenable will not print it


def test_a_job_that_never_prints_times_out_and_is_cancelled(
    cups: CupsQueue, make_pdf: MakePdf
) -> None:
    ref = _lp(cups.name, make_pdf("HELD FOREVER"), "-H", "hold")
    printer = CupsPrinter(cups.name, timeout=0.5)
    with pytest.raises(PrinterError) as caught:
        printer.wait(ref)
    assert "không in xong sau 1 giây; lệnh in đã được huỷ" in caught.value.message
    assert printer.lookup(ref) is RemoteState.FAILED


def test_without_cups_commands_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, make_pdf: MakePdf
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrinterError) as caught:
        CupsPrinter("Q").print_pdf(make_pdf("x"), title="x", copies=1)
    assert "chưa cài hệ thống in CUPS (thiếu lệnh lpstat)" in caught.value.message
    assert [info.kind for info in discover(tmp_path)] == ["folder"]
