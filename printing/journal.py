"""Durable print jobs: the state machine queued → printing → printed | failed, and a runner.

Printing never touches the database: the services layer implements ``JobStore`` on the
print_job table; ``MemoryJobStore`` serves the tests. A failed job is kept with the printer's
error and can be retried, on the same printer or another one.

Idempotency: the runner records the printer's ref (CUPS job id, file path …) as soon as the
printer accepted the job and before waiting for it. A job found with a ref — after a crash, or
on retry — is first looked up on the printer: completed means printed (not sent again), pending
means wait for it, and only failed/unknown sends it again.
"""

from __future__ import annotations

import enum
import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Protocol

from desk.errors import DeskError, IllegalTransition, NotFound, PrinterError
from printing.printers import Printer, RemoteState, open_printer

log = logging.getLogger(__name__)


class JobState(enum.StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"


TRANSITIONS: dict[JobState, frozenset[JobState]] = {
    JobState.QUEUED: frozenset({JobState.PRINTING, JobState.PRINTED, JobState.FAILED}),
    JobState.PRINTING: frozenset({JobState.PRINTED, JobState.FAILED}),
    JobState.FAILED: frozenset({JobState.QUEUED}),
    JobState.PRINTED: frozenset(),
}
"""QUEUED → PRINTED happens when a recorded ref turns out to have printed already."""


@dataclass(frozen=True)
class NewPrintJob:
    form: str
    printer: str
    title: str = ""
    copies: int = 1
    dossier_id: str | None = None
    reprint_of: int | None = None
    officer_id: int | None = None
    document_sha256: str | None = None
    job_key: str = field(default_factory=lambda: uuid.uuid4().hex)


@dataclass(frozen=True)
class PrintJob:
    id: int
    job_key: str
    form: str
    title: str
    copies: int
    printer: str
    state: JobState
    created_at: datetime
    error: str | None = None
    printer_ref: str | None = None
    printed_at: datetime | None = None
    dossier_id: str | None = None
    reprint_of: int | None = None
    officer_id: int | None = None
    document_sha256: str | None = None


def advance(job: PrintJob, state: JobState, **changes: object) -> PrintJob:
    """``job`` moved to ``state``; refuses a transition the state machine does not have."""
    if state not in TRANSITIONS[job.state]:
        raise IllegalTransition(
            "Lệnh in không chuyển được từ trạng thái {current} sang {target}.",
            current=job.state.value,
            target=state.value,
        )
    return replace(job, state=state, **changes)  # type: ignore[arg-type]


class JobStore(Protocol):
    """Where print jobs and their documents live; the services implement it on print_job."""

    def create(self, new: NewPrintJob, pdf: bytes, *, now: datetime) -> PrintJob: ...

    def update(self, job: PrintJob) -> None: ...

    def get(self, job_id: int) -> PrintJob: ...

    def pending(self) -> list[PrintJob]:
        """Jobs queued or left printing (by a crash), oldest first."""
        ...

    def document(self, job: PrintJob) -> bytes: ...


class MemoryJobStore:
    """A thread-safe JobStore in memory, for tests and the demo."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[int, PrintJob] = {}
        self._documents: dict[int, bytes] = {}

    def create(self, new: NewPrintJob, pdf: bytes, *, now: datetime) -> PrintJob:
        with self._lock:
            job = PrintJob(
                id=len(self._jobs) + 1,
                job_key=new.job_key,
                form=new.form,
                title=new.title or new.form,
                copies=new.copies,
                printer=new.printer,
                state=JobState.QUEUED,
                created_at=now,
                dossier_id=new.dossier_id,
                reprint_of=new.reprint_of,
                officer_id=new.officer_id,
                document_sha256=new.document_sha256,
            )
            self._jobs[job.id] = job
            self._documents[job.id] = pdf
            return job

    def update(self, job: PrintJob) -> None:
        with self._lock:
            self._jobs[job.id] = job

    def get(self, job_id: int) -> PrintJob:
        with self._lock:
            if job_id not in self._jobs:
                raise NotFound("Không tìm thấy lệnh in số {job}.", job=job_id)
            return self._jobs[job_id]

    def pending(self) -> list[PrintJob]:
        with self._lock:
            waiting = {JobState.QUEUED, JobState.PRINTING}
            return [job for job in self._jobs.values() if job.state in waiting]

    def document(self, job: PrintJob) -> bytes:
        with self._lock:
            return self._documents[job.id]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class PrintRunner:
    """Prints jobs one at a time in a background thread; no method blocks on a printer.

    The thread starts with the first job, so constructing a runner has no side effects.
    """

    def __init__(
        self,
        store: JobStore,
        *,
        printers: Callable[[str], Printer] = open_printer,
        clock: Callable[[], datetime] = _utc_now,
        on_change: Callable[[PrintJob], None] | None = None,
        pending_timeout: float = 120.0,
        poll: float = 0.1,
    ) -> None:
        self.store = store
        self._printers = printers
        self._clock = clock
        self._on_change = on_change
        self.pending_timeout = pending_timeout
        self.poll = poll
        self._queue: queue.Queue[int | None] = queue.Queue()
        self._idle = threading.Condition()
        self._outstanding = 0
        self._thread: threading.Thread | None = None

    # -------------------------------------------------------------------- the caller's side

    def submit(self, new: NewPrintJob, pdf: bytes) -> PrintJob:
        job = self.store.create(new, pdf, now=self._clock())
        self._enqueue(job.id)
        return job

    def retry(self, job_id: int, *, printer: str | None = None) -> PrintJob:
        """Queue a failed job again, on ``printer`` when given (another printer forgets the ref)."""
        job = self.store.get(job_id)
        target = printer or job.printer
        ref = job.printer_ref if target == job.printer else None
        job = advance(job, JobState.QUEUED, printer=target, error=None, printer_ref=ref)
        self._save(job)
        self._enqueue(job.id)
        return job

    def resume(self) -> int:
        """Queue the jobs a previous run left queued or printing; returns how many."""
        jobs = self.store.pending()
        for job in jobs:
            self._enqueue(job.id)
        return len(jobs)

    def wait_idle(self, timeout: float) -> bool:
        """True once every queued job is done; False if ``timeout`` seconds passed first."""
        with self._idle:
            return self._idle.wait_for(lambda: self._outstanding == 0, timeout)

    def close(self, timeout: float = 5.0) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    def _enqueue(self, job_id: int) -> None:
        with self._idle:
            self._outstanding += 1
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._work, name="print-runner", daemon=True)
            self._thread.start()
        self._queue.put(job_id)

    # ---------------------------------------------------------------------- the worker side

    def _work(self) -> None:
        while (job_id := self._queue.get()) is not None:
            try:
                self._process(job_id)
            except Exception:  # never let one job kill the thread
                log.exception("print job %s", job_id)
            finally:
                with self._idle:
                    self._outstanding -= 1
                    self._idle.notify_all()

    def _save(self, job: PrintJob) -> PrintJob:
        self.store.update(job)
        if self._on_change is not None:
            self._on_change(job)
        return job

    def _process(self, job_id: int) -> None:
        job = self.store.get(job_id)
        if job.state not in (JobState.QUEUED, JobState.PRINTING):
            return
        try:
            printer = self._printers(job.printer)
            if job.printer_ref and self._already_printed(printer, job.printer_ref):
                self._save(advance(job, JobState.PRINTED, printed_at=self._clock(), error=None))
                return
            if job.state is JobState.QUEUED:
                job = self._save(advance(job, JobState.PRINTING, printer_ref=None))

            def record(ref: str) -> None:
                nonlocal job
                job = self._save(replace(job, printer_ref=ref))

            outcome = printer.print_pdf(
                self.store.document(job), title=job.title, copies=job.copies, on_submitted=record
            )
            self._save(
                advance(
                    job,
                    JobState.PRINTED,
                    printer_ref=outcome.ref,
                    printed_at=self._clock(),
                    error=None,
                )
            )
        except DeskError as error:
            self._save(advance(job, JobState.FAILED, error=error.message))
        except Exception as error:
            log.exception("print job %s", job_id)
            failure = PrinterError(
                "Lỗi không mong muốn khi in ({kind}). Hãy bấm In lại hoặc chọn máy in khác.",
                kind=type(error).__name__,
            )
            self._save(advance(job, JobState.FAILED, error=failure.message))

    def _already_printed(self, printer: Printer, ref: str) -> bool:
        """True when ``ref`` printed (waiting while it is pending); False: send it again."""
        deadline = time.monotonic() + self.pending_timeout
        while (state := printer.lookup(ref)) is RemoteState.PENDING:
            if time.monotonic() > deadline:
                raise PrinterError(
                    "Lệnh in {job} vẫn đang chờ trên máy in {printer}. Hãy kiểm tra máy in; "
                    "lệnh in sẽ không được gửi lại để tránh in trùng.",
                    job=ref,
                    printer=printer.name,
                )
            time.sleep(self.poll)
        return state is RemoteState.COMPLETED
