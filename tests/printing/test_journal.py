"""The print job state machine and the background PrintRunner, with fake printers."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desk.errors import IllegalTransition, PrinterError
from printing.journal import (
    JobState,
    MemoryJobStore,
    NewPrintJob,
    PrintJob,
    PrintRunner,
    advance,
)
from printing.printers import PrinterState, PrintOutcome, RemoteState, Submitted


class FakePrinter:
    """Records jobs; ``fail`` makes the next jobs fail, ``gate`` holds them until set."""

    def __init__(self, name: str) -> None:
        self._name = name
        self.printed: list[tuple[bytes, str, int]] = []
        self.remote: dict[str, RemoteState] = {}
        self.fail: str | None = None
        self.gate: threading.Event | None = None

    @property
    def name(self) -> str:
        return self._name

    def status(self) -> PrinterState:
        return PrinterState(self._name, ready=self.fail is None)

    def lookup(self, ref: str) -> RemoteState:
        return self.remote.get(ref, RemoteState.UNKNOWN)

    def print_pdf(
        self, pdf: bytes, *, title: str, copies: int, on_submitted: Submitted | None = None
    ) -> PrintOutcome:
        if self.gate is not None:
            assert self.gate.wait(10)
        if self.fail:
            raise PrinterError("Máy in {printer} đang tạm dừng ({detail}).", printer=self._name,
                               detail=self.fail)  # fmt: skip
        ref = f"{self._name}-{len(self.printed) + 1}"
        if on_submitted is not None:
            on_submitted(ref)
        self.printed.append((pdf, title, copies))
        self.remote[ref] = RemoteState.COMPLETED
        return PrintOutcome(self._name, ref, 0.0)


@pytest.fixture
def printers() -> dict[str, FakePrinter]:
    return {"A": FakePrinter("A"), "B": FakePrinter("B")}


@pytest.fixture
def store() -> MemoryJobStore:
    return MemoryJobStore()


@pytest.fixture
def runner(store: MemoryJobStore, printers: dict[str, FakePrinter]) -> PrintRunner:
    return PrintRunner(store, printers=printers.__getitem__, poll=0.01, pending_timeout=1)


def test_a_job_goes_queued_printing_printed(
    runner: PrintRunner, store: MemoryJobStore, printers: dict[str, FakePrinter]
) -> None:
    seen: list[JobState] = []
    runner = PrintRunner(
        store, printers=printers.__getitem__, on_change=lambda j: seen.append(j.state)
    )
    job = runner.submit(NewPrintJob(form="mau01", printer="A", copies=2), b"%PDF-1")
    assert job.state is JobState.QUEUED
    assert runner.wait_idle(5)
    done = store.get(job.id)
    assert done.state is JobState.PRINTED and done.printer_ref == "A-1"
    assert printers["A"].printed == [(b"%PDF-1", "mau01", 2)]
    assert seen == [JobState.PRINTING, JobState.PRINTING, JobState.PRINTED]  # ref recorded first
    runner.close()


def test_a_failed_job_is_kept_and_can_go_to_another_printer(
    runner: PrintRunner, store: MemoryJobStore, printers: dict[str, FakePrinter]
) -> None:
    printers["A"].fail = "Paused"
    job = runner.submit(NewPrintJob(form="mau01", printer="A"), b"%PDF-1")
    assert runner.wait_idle(5)
    failed = store.get(job.id)
    assert failed.state is JobState.FAILED
    assert failed.error == "Máy in A đang tạm dừng (Paused)."
    runner.retry(job.id, printer="B")
    assert runner.wait_idle(5)
    assert store.get(job.id).state is JobState.PRINTED
    assert store.get(job.id).printer == "B"
    assert len(printers["B"].printed) == 1 and not printers["A"].printed
    runner.close()


def test_a_recorded_ref_that_printed_is_not_sent_again(
    runner: PrintRunner, store: MemoryJobStore, printers: dict[str, FakePrinter]
) -> None:
    job = store.create(NewPrintJob(form="mau01", printer="A"), b"%PDF-1", now=_now())
    store.update(replace(job, state=JobState.PRINTING, printer_ref="A-41"))  # crash after lp
    printers["A"].remote["A-41"] = RemoteState.COMPLETED
    assert runner.resume() == 1
    assert runner.wait_idle(5)
    assert store.get(job.id).state is JobState.PRINTED
    assert printers["A"].printed == []
    runner.close()


def test_a_recorded_ref_that_failed_or_vanished_is_printed_again(
    runner: PrintRunner, store: MemoryJobStore, printers: dict[str, FakePrinter]
) -> None:
    first = store.create(NewPrintJob(form="mau01", printer="A"), b"one", now=_now())
    store.update(replace(first, state=JobState.PRINTING, printer_ref="A-41"))
    printers["A"].remote["A-41"] = RemoteState.FAILED
    second = store.create(NewPrintJob(form="mau02", printer="A"), b"two", now=_now())
    store.update(replace(second, state=JobState.PRINTING, printer_ref="A-42"))  # unknown
    assert runner.resume() == 2
    assert runner.wait_idle(5)
    assert [pdf for pdf, _, _ in printers["A"].printed] == [b"one", b"two"]
    assert {store.get(j.id).state for j in (first, second)} == {JobState.PRINTED}
    runner.close()


def test_a_ref_still_pending_is_waited_for_then_fails_without_resending(
    runner: PrintRunner, store: MemoryJobStore, printers: dict[str, FakePrinter]
) -> None:
    job = store.create(NewPrintJob(form="mau01", printer="A"), b"%PDF", now=_now())
    store.update(replace(job, state=JobState.PRINTING, printer_ref="A-9"))
    printers["A"].remote["A-9"] = RemoteState.PENDING
    runner.resume()
    assert runner.wait_idle(5)
    failed = store.get(job.id)
    assert failed.state is JobState.FAILED and failed.error is not None
    assert "không được gửi lại" in failed.error
    assert printers["A"].printed == []


def test_the_runner_never_blocks_the_caller(
    runner: PrintRunner, store: MemoryJobStore, printers: dict[str, FakePrinter]
) -> None:
    printers["A"].gate = threading.Event()
    started = time.monotonic()
    jobs = [runner.submit(NewPrintJob(form="mau01", printer="A"), b"%PDF") for _ in range(3)]
    assert time.monotonic() - started < 0.5
    assert not runner.wait_idle(0.2)
    assert store.get(jobs[0].id).state is JobState.PRINTING
    printers["A"].gate.set()
    assert runner.wait_idle(5)
    assert [store.get(j.id).state for j in jobs] == [JobState.PRINTED] * 3
    runner.close()


def test_an_unexpected_exception_fails_the_job_and_keeps_the_thread(
    store: MemoryJobStore, printers: dict[str, FakePrinter]
) -> None:
    def broken(spec: str) -> FakePrinter:
        if spec == "boom":
            raise RuntimeError("driver crashed")
        return printers[spec]

    runner = PrintRunner(store, printers=broken)
    bad = runner.submit(NewPrintJob(form="mau01", printer="boom"), b"%PDF")
    good = runner.submit(NewPrintJob(form="mau01", printer="A"), b"%PDF")
    assert runner.wait_idle(5)
    assert store.get(bad.id).state is JobState.FAILED
    assert "RuntimeError" in (store.get(bad.id).error or "")
    assert store.get(good.id).state is JobState.PRINTED
    runner.close()


def test_the_state_machine_refuses_illegal_moves() -> None:
    job = PrintJob(1, "k", "mau01", "t", 1, "A", JobState.PRINTED, _now())
    with pytest.raises(IllegalTransition):
        advance(job, JobState.QUEUED)
    with pytest.raises(IllegalTransition):
        advance(replace(job, state=JobState.QUEUED), JobState.QUEUED)
    assert advance(replace(job, state=JobState.FAILED), JobState.QUEUED).state is JobState.QUEUED


def _now() -> datetime:
    return datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
