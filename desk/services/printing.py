"""Printing a dossier's forms: build the plain data, render it, keep the PDF, journal the job.

Each form is an entry of ``FORMS`` (name → what it prints from the database and how it renders),
so Mẫu 02 … 04 plug in without touching the printing flow. Every print is a ``print_job`` row
(printing.journal's record) whose PDF is a blob; the second and later prints of a form for a
dossier are reprints and say so on the paper. Personal data is never logged: only job ids,
form names and dossier codes.
"""

from __future__ import annotations

import importlib
import io
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from data.models import Dossier, Setting
from data.models import PrintJob as PrintJobRow
from desk.domain.calendar import DueRule, DurationUnit
from desk.domain.reports import Period
from desk.domain.timefmt import local_date, long_local
from desk.domain.validation import os_reason
from desk.errors import ConfigError, InvalidInput, NotFound, PrinterError
from desk.services import form_data
from desk.services.blobs import BlobStore
from desk.services.context import ServiceContext
from desk.services.dossiers import find_dossier
from desk.services.form_data import (
    agency_of,
    local_office_header,
    office_header,
    officer_name,
    owner_block,
    person_block,
    provided_components,
)
from desk.services.reports import GroupBy, ReportsService
from desk.services.return_papers import return_papers
from desk.services.settings import load_rules
from printing.journal import JobState, NewPrintJob, PrintJob, PrintRunner
from printing.model import (
    Channel,
    PrintMeta,
    ReceiptSlip,
)
from printing.printers import (
    Printer,
    PrinterChoice,
    PrinterInfo,
    PrinterState,
    PrintOutcome,
    RemoteState,
    Submitted,
    discover,
    open_printer,
)

log = logging.getLogger(__name__)

PDF_MEDIA_TYPE = "application/pdf"
PRINTER_CHOICE_KEY = "printer_choice"
ESCPOS_PREFIX = "escpos:"
FILE_PREFIX = "file:"
"""The printer spec of a save-to-PDF job: ``file:<path>`` (handled here, not by a printer)."""
WAIT_SECONDS = 300.0


# ------------------------------------------------------------------------------ the forms


def duration_label(
    due_rule_json: str, received_at: datetime | None = None, due_at: datetime | None = None
) -> str:
    """The case's time limit as Mẫu 01 words it: "03 ngày làm việc", "trong ngày" … A same-day
    case received after the cut-off (or after hours) is returned the next working day, and the
    slip says so instead of "trong ngày"."""
    rule = DueRule.from_dict(json.loads(due_rule_json))
    if rule.unit is DurationUnit.SAME_DAY:
        if received_at is None or due_at is None or local_date(due_at) == local_date(received_at):
            return "trong ngày"
        cutoff = rule.effective_cutoff
        return (
            "trong ngày làm việc tiếp theo (hồ sơ tiếp nhận sau "
            f"{cutoff.hour:02d} giờ {cutoff.minute:02d} hoặc ngoài giờ làm việc)"
        )
    unit = {
        DurationUnit.WORKING_DAYS: "ngày làm việc",
        DurationUnit.WORKING_HOURS: "giờ làm việc",
        DurationUnit.CALENDAR_DAYS: "ngày",
    }[rule.unit]
    return f"{rule.amount:02d} {unit}"


def receipt_slip(session: Session, dossier: Dossier) -> ReceiptSlip:
    """What Mẫu 01 prints for ``dossier``."""
    if dossier.due_at is None or dossier.due_rule is None:
        raise InvalidInput(
            "Hồ sơ {code} chưa có ngày hẹn trả kết quả (hồ sơ chưa đủ giấy tờ), nên chưa in "
            "được Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01).",
            code=dossier.code,
        )
    agency = agency_of(session, dossier)
    office = office_header(session, dossier)
    owner = owner_block(dossier)
    submitter = person_block(json.loads(dossier.submitter_json)) if dossier.submitter_json else None
    components = provided_components(session, dossier)
    papers = return_papers(session, dossier)
    receiver = officer_name(session, dossier.received_by)
    delivery = agency.unit_name
    if dossier.delivery == "postal" and dossier.delivery_address:
        delivery = dossier.delivery_address
    return ReceiptSlip(
        office=office,
        dossier_code=dossier.code,
        submitter=submitter or owner,
        owner=owner if submitter else None,
        procedure_name=dossier.summary or dossier.procedure_name,
        components=components,
        duration_text=duration_label(dossier.due_rule, dossier.received_at, dossier.due_at),
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        channel=Channel(dossier.channel),
        result_delivery=delivery,
        lookup_code=dossier.lookup_code,
        receiver=receiver,
        tracking_token=dossier.tracking_token,
        sets=dossier.sets_count,
        register_book=dossier.register_book,
        register_number=str(dossier.register_seq),
        fee=papers.fee,
        fee_note=papers.fee_note,
        originals_at_return=papers.originals,
    )


@dataclass(frozen=True)
class FormSpec:
    """One printable dossier form: its title, what it prints (read in one short read
    transaction), how that becomes a PDF (outside any transaction), and, for the forms a
    receipt printer can take, the 80 mm variant used when the form's printer is ESC/POS."""

    title: str
    build: Callable[[Session, Dossier], Any]
    render: Callable[[Any, PrintMeta], bytes]
    render_thermal: Callable[[Any, PrintMeta], bytes] | None = None


def _renderer(module: str, function: str) -> Callable[[Any, PrintMeta], bytes]:
    """``printing.forms.<module>.<function>``, imported on first use: reportlab loads only
    when something is printed, so the CLI and the TUI start fast."""

    def render(data: Any, meta: PrintMeta) -> bytes:
        forms = importlib.import_module(f"printing.forms.{module}")
        result: bytes = getattr(forms, function)(data, meta)
        return result

    return render


FORMS: dict[str, FormSpec] = {
    "mau01": FormSpec(
        "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        receipt_slip,
        _renderer("mau01", "render_a5"),
        _renderer("mau01", "render_thermal"),
    ),
    "mau02": FormSpec(
        "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
        form_data.supplement_notice,
        _renderer("mau02", "render_a5"),
    ),
    "mau03": FormSpec(
        "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
        form_data.refusal_notice,
        _renderer("mau03", "render_a5"),
    ),
    "mau04": FormSpec(
        "Văn bản xin lỗi và hẹn lại ngày trả kết quả",
        form_data.apology_letter,
        _renderer("mau04", "render_a5"),
    ),
    "mau05": FormSpec(
        "Thông báo dừng giải quyết hồ sơ",
        form_data.stop_notice,
        _renderer("mau05", "render_a5"),
    ),
    "mau06": FormSpec(
        "Phiếu kiểm soát quá trình giải quyết hồ sơ",
        form_data.control_sheet,
        _renderer("mau06", "render_a5"),
    ),
    "bien-nhan": FormSpec(
        "Giấy biên nhận trả kết quả",
        form_data.return_receipt,
        _renderer("bien_nhan", "render_a5"),
        _renderer("bien_nhan", "render_thermal"),
    ),
    "ban-giao": FormSpec(
        "Giấy bàn giao hồ sơ",
        form_data.hand_over_note,
        _renderer("ban_giao", "render_a4"),
    ),
}
"""Dossier form name → FormSpec. The period documents (Mẫu 07, Biểu 06a) are in PERIOD_FORMS."""

PERIOD_FORMS: dict[str, str] = {
    "mau07": "Sổ theo dõi hồ sơ",
    "bao-cao": "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính",
}
"""Period document name → title; printed with print_period."""


# ------------------------------------------------------------------ the journal's store


def _job(row: PrintJobRow) -> PrintJob:
    assert row.id is not None
    return PrintJob(
        id=row.id,
        job_key=row.job_key,
        form=row.form,
        title=row.title,
        copies=row.copies,
        printer=row.printer or "",
        state=JobState(row.state),
        created_at=row.created_at,
        error=row.error,
        printer_ref=row.printer_ref,
        printed_at=row.printed_at,
        dossier_id=row.dossier_id,
        reprint_of=row.reprint_of,
        officer_id=row.officer_id,
        document_sha256=row.document_sha256,
    )


class SqlJobStore:
    """printing.journal.JobStore on the print_job table; each method is its own transaction."""

    def __init__(self, context: ServiceContext, blobs: BlobStore) -> None:
        self._context = context
        self._blobs = blobs

    def create(self, new: NewPrintJob, pdf: bytes, *, now: datetime) -> PrintJob:
        sha256 = new.document_sha256 or self._blobs.put(pdf, PDF_MEDIA_TYPE)
        with self._context.db.write() as session:
            row = PrintJobRow(
                job_key=new.job_key,
                dossier_id=new.dossier_id,
                form=new.form,
                title=new.title or new.form,
                copies=new.copies,
                printer=new.printer,
                state=JobState.QUEUED.value,
                reprint_of=new.reprint_of,
                document_sha256=sha256,
                officer_id=new.officer_id,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            return _job(row)

    def update(self, job: PrintJob) -> None:
        with self._context.db.write() as session:
            row = session.get(PrintJobRow, job.id)
            if row is None:
                raise NotFound("Không tìm thấy lệnh in số {job}.", job=job.id)
            if job.state is JobState.PRINTING and row.state != JobState.PRINTING.value:
                row.attempts += 1
            row.state = job.state.value
            row.printer = job.printer
            row.error = job.error
            row.printer_ref = job.printer_ref
            row.printed_at = job.printed_at
            row.updated_at = self._context.now()
            session.add(row)

    def get(self, job_id: int) -> PrintJob:
        with self._context.db.read() as session:
            row = session.get(PrintJobRow, job_id)
            if row is None:
                raise NotFound("Không tìm thấy lệnh in số {job}.", job=job_id)
            return _job(row)

    def pending(self) -> list[PrintJob]:
        waiting = [JobState.QUEUED.value, JobState.PRINTING.value]
        with self._context.db.read() as session:
            rows = session.exec(
                select(PrintJobRow)
                .where(col(PrintJobRow.state).in_(waiting))
                .order_by(col(PrintJobRow.id))
            ).all()
            return [_job(row) for row in rows]

    def document(self, job: PrintJob) -> bytes:
        if job.document_sha256 is None:
            raise NotFound("Lệnh in số {job} không có tệp PDF.", job=job.id)
        return self._blobs.get(job.document_sha256)


# --------------------------------------------------------------------- save to a PDF file


class FilePrinter:
    """The ``file:<path>`` printer of `desk print --out`: writes the PDF atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def name(self) -> str:
        return f"{FILE_PREFIX}{self.path}"

    def print_pdf(
        self, pdf: bytes, *, title: str, copies: int, on_submitted: Submitted | None = None
    ) -> PrintOutcome:
        started = time.monotonic()
        try:
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".desk-print-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(pdf)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            raise PrinterError(
                "Không ghi được tệp PDF {path}: {reason}",
                path=str(self.path),
                reason=os_reason(error),
            ) from None
        if on_submitted is not None:
            on_submitted(str(self.path))
        return PrintOutcome(self.name, str(self.path), time.monotonic() - started)

    def status(self) -> PrinterState:
        return PrinterState(self.name, self.path.parent.is_dir())

    def lookup(self, ref: str) -> RemoteState:
        return RemoteState.UNKNOWN  # written again: the same bytes, the same file


def _check_out(out: Path) -> None:
    if out.is_dir():
        raise InvalidInput(
            "{path} là một thư mục; hãy ghi đường dẫn tệp PDF, ví dụ {path}/phieu.pdf.",
            path=str(out),
        )
    if not out.parent.is_dir():
        raise InvalidInput(
            "Không có thư mục {folder} để lưu tệp PDF. Hãy tạo thư mục hoặc chọn đường dẫn khác.",
            folder=str(out.parent),
        )
    if not os.access(out.parent, os.W_OK):
        raise InvalidInput(
            "Không được phép ghi vào thư mục {folder}. Hãy chọn đường dẫn khác.",
            folder=str(out.parent),
        )


# ------------------------------------------------------------------------- the service


def load_printer_choice(session: Session) -> PrinterChoice:
    row = session.get(Setting, PRINTER_CHOICE_KEY)
    if row is None:
        return PrinterChoice()
    try:
        data = json.loads(row.value)
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict):
        raise ConfigError("Cài đặt máy in theo mẫu bị hỏng. Hãy chọn lại máy in.")
    return PrinterChoice.from_dict(data)


def check_page_pdf(printer: str, now: datetime) -> bytes:
    """A one-page A4 test print with Vietnamese text in the bundled font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from printing import fonts

    fonts.register()
    buffer = io.BytesIO()
    page = Canvas(buffer, pagesize=A4)  # fonts.register() made our font the canvas default
    page.setTitle("Trang in thử")
    y = A4[1] - 30 * mm
    lines = [
        (fonts.BOLD, 16, "TRANG IN THỬ — motcua-desk"),
        (fonts.BOLD, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (fonts.REGULAR, 12, "Độc lập - Tự do - Hạnh phúc"),
        (fonts.REGULAR, 12, "Tiếng Việt có dấu: ă â đ ê ô ơ ư — Ă Â Đ Ê Ô Ơ Ư"),
        (fonts.REGULAR, 12, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        (fonts.REGULAR, 11, f"Máy in: {printer}"),
        (fonts.REGULAR, 11, f"In lúc: {long_local(now)}"),
    ]
    for font, size, text in lines:
        page.setFont(font, size)
        page.drawString(25 * mm, y, text)
        y -= size * 1.8
    page.showPage()
    page.save()
    return buffer.getvalue()


def available_printers() -> list[PrinterInfo]:
    """The printers of this machine (no database needed)."""
    return discover()


def _checked_target(printer: str | None, out: Path | None) -> Path | None:
    if printer is not None and out is not None:
        raise InvalidInput(
            "Chọn một trong hai: in ra máy in (--printer) hoặc lưu tệp PDF (--out), "
            "không chọn cả hai."
        )
    if out is None:
        return None
    out = out.expanduser().absolute()
    _check_out(out)
    return out


def _target(session: Session, form: str, printer: str | None, out: Path | None) -> str:
    if out is not None:
        return f"{FILE_PREFIX}{out}"
    title = FORMS[form].title if form in FORMS else None
    return printer or load_printer_choice(session).printer_for(form, title)


class PrintService:
    def __init__(
        self,
        context: ServiceContext,
        blob_dir: Path,
        *,
        printers: Callable[[str], Printer] = open_printer,
        wait_seconds: float = WAIT_SECONDS,
    ) -> None:
        self._context = context
        self.blobs = BlobStore(context, blob_dir)
        self.store = SqlJobStore(context, self.blobs)
        self._printers = printers
        self._wait_seconds = wait_seconds
        self._runner: PrintRunner | None = None

    # ------------------------------------------------------------------ reading

    def slip_for(self, code: str) -> ReceiptSlip:
        with self._context.db.read() as session:
            return receipt_slip(session, find_dossier(session, code))

    def job(self, job_id: int) -> PrintJob:
        return self.store.get(job_id)

    def jobs_for(self, code: str) -> list[PrintJob]:
        with self._context.db.read() as session:
            dossier = find_dossier(session, code)
            rows = session.exec(
                select(PrintJobRow)
                .where(col(PrintJobRow.dossier_id) == dossier.id)
                .order_by(col(PrintJobRow.id))
            ).all()
            return [_job(row) for row in rows]

    # --------------------------------------------------------------- printers

    def printer_choice(self) -> PrinterChoice:
        with self._context.db.read() as session:
            return load_printer_choice(session)

    def set_printer_choice(self, choice: PrinterChoice) -> None:
        with self._context.db.write() as session:
            row = session.get(Setting, PRINTER_CHOICE_KEY)
            value = json.dumps(choice.to_dict(), ensure_ascii=False)
            if row is None:
                row = Setting(key=PRINTER_CHOICE_KEY, value=value)
            row.value = value
            session.add(row)

    def choose_desk_printer(self, spec: str) -> PrinterChoice:
        """A reception officer's choice of this desk's default printer, among those the
        administrator allowed (Settings); the per-form choices stay as they are."""
        choice = self.printer_choice()
        if spec not in choice.allowed:
            raise InvalidInput("Máy in này chưa được quản trị viên cho phép chọn ở quầy.")
        chosen = choice.with_default(spec)
        self.set_printer_choice(chosen)
        return chosen

    def printers(self) -> list[PrinterInfo]:
        return available_printers()

    def print_test(self, printer: str | None = None) -> PrintOutcome:
        spec = printer or self.printer_choice().default
        if not spec:
            raise ConfigError(
                "Chưa chọn máy in mặc định. Hãy ghi --printer hoặc chọn máy in trong phần cài đặt."
            )
        pdf = check_page_pdf(spec, self._context.now())
        return self._open(spec).print_pdf(pdf, title="Trang in thử", copies=1)

    # ------------------------------------------------------------------ printing

    def print_form(
        self,
        code: str,
        form: str = "mau01",
        *,
        printer: str | None = None,
        out: Path | None = None,
        officer_id: int | None = None,
    ) -> PrintJob:
        """Print ``form`` of dossier ``code`` on ``printer`` (default: the office's choice)
        or save it to ``out``; waits for the job and returns it printed, or raises
        PrinterError with the failed job kept for a retry."""
        spec = FORMS.get(form)
        if spec is None:
            raise InvalidInput(
                "Không có mẫu in {form}. Các mẫu in được: {forms}.",
                form=form,
                forms=", ".join([*sorted(FORMS), *sorted(PERIOD_FORMS)]),
            )
        out = _checked_target(printer, out)
        with self._context.db.read() as session:
            dossier = find_dossier(session, code)
            data = spec.build(session, dossier)
            original = session.exec(
                select(PrintJobRow)
                .where(col(PrintJobRow.dossier_id) == dossier.id)
                .where(col(PrintJobRow.form) == form)
                .where(col(PrintJobRow.state) == JobState.PRINTED.value)
                .order_by(col(PrintJobRow.printed_at), col(PrintJobRow.id))
                .limit(1)
            ).first()
            target = _target(session, form, printer, out)
            dossier_id, dossier_code = dossier.id, dossier.code
        meta = PrintMeta(
            printed_at=self._context.now(),
            reprint_of=original.printed_at if original is not None else None,
        )
        thermal = spec.render_thermal is not None and target.startswith(ESCPOS_PREFIX)
        pdf = (spec.render_thermal if thermal and spec.render_thermal else spec.render)(data, meta)
        new = NewPrintJob(
            form=form,
            printer=target,
            title=f"{spec.title} {dossier_code}",
            dossier_id=dossier_id,
            reprint_of=original.id if original is not None else None,
            officer_id=officer_id,
            document_sha256=self.blobs.put(pdf, PDF_MEDIA_TYPE),
        )
        log.info(
            "print job: %s %s %s", form, dossier_code, "reprint" if original else "first print"
        )
        return self._run(new, pdf, what=f"{form} {dossier_code}")

    def print_file(
        self,
        code: str,
        pdf: bytes,
        *,
        form: str,
        title: str,
        officer_id: int | None = None,
    ) -> PrintJob:
        """Print a file kept with dossier ``code`` (the signed result) as it is, journalled
        like a form: ``form`` names it in the journal and in the office's printer choice."""
        with self._context.db.read() as session:
            dossier = find_dossier(session, code)
            target = _target(session, form, None, None)
            dossier_id, dossier_code = dossier.id, dossier.code
        new = NewPrintJob(
            form=form,
            printer=target,
            title=f"{title} {dossier_code}",
            dossier_id=dossier_id,
            officer_id=officer_id,
            document_sha256=self.blobs.put(pdf, PDF_MEDIA_TYPE),
        )
        return self._run(new, pdf, what=f"{form} {dossier_code}")

    def print_hand_over(
        self, codes: Sequence[str], *, officer_id: int | None = None, printer: str | None = None
    ) -> PrintJob:
        """One Giấy bàn giao hồ sơ for dossiers handed over together (the job is filed under
        the first of them)."""
        if not codes:
            raise InvalidInput("Chưa chọn hồ sơ nào để in Giấy bàn giao hồ sơ.")
        from printing.forms import ban_giao

        with self._context.db.read() as session:
            dossiers = [find_dossier(session, code) for code in codes]
            note = form_data.hand_over_batch(session, dossiers)
            target = _target(session, "ban-giao", printer, None)
            dossier_id = dossiers[0].id
        pdf = ban_giao.render_a4(note, PrintMeta(printed_at=self._context.now()))
        new = NewPrintJob(
            form="ban-giao",
            printer=target,
            title=f"{FORMS['ban-giao'].title} ({len(dossiers)} hồ sơ)",
            dossier_id=dossier_id,
            officer_id=officer_id,
            document_sha256=self.blobs.put(pdf, PDF_MEDIA_TYPE),
        )
        log.info("print job: ban-giao, %d dossiers", len(dossiers))
        return self._run(new, pdf, what=f"ban-giao {len(dossiers)}")

    def print_period(
        self,
        form: str,
        period: Period,
        *,
        printer: str | None = None,
        out: Path | None = None,
        officer_id: int | None = None,
        group_by: GroupBy = "sector",
    ) -> PrintJob:
        """Print a period document: the Sổ theo dõi hồ sơ (Mẫu 07) or the Biểu 06a report."""
        if form not in PERIOD_FORMS:
            raise InvalidInput(
                "Mẫu {form} không in theo kỳ. Các mẫu in theo kỳ: {forms}.",
                form=form,
                forms=", ".join(sorted(PERIOD_FORMS)),
            )
        out = _checked_target(printer, out)
        now = self._context.now()
        with self._context.db.read() as session:
            office = local_office_header(session)
            target = _target(session, form, printer, out)
            rules = load_rules(session)
            preparer = officer_name(session, officer_id) or rules.report_preparer
        if form == "mau07":
            from printing.forms import mau07

            rows = ReportsService(self._context).register(period)
            pdf = mau07.render_a4(form_data.register_book(office, period, rows))
        else:
            from printing.forms import report06a

            report = ReportsService(self._context).period_report(period, group_by=group_by)
            doc = form_data.period_report_doc(office, report, now, preparer, rules.report_head)
            pdf = report06a.render_a4(doc)
        new = NewPrintJob(
            form=form,
            printer=target,
            title=f"{PERIOD_FORMS[form]} {period.label}",
            officer_id=officer_id,
            document_sha256=self.blobs.put(pdf, PDF_MEDIA_TYPE),
        )
        log.info("print job: %s %s", form, period.label)
        return self._run(new, pdf, what=f"{form} {period.label}")

    def _run(self, new: NewPrintJob, pdf: bytes, *, what: str) -> PrintJob:
        runner = self.runner()
        job = runner.submit(new, pdf)
        return self._finish(runner, job.id, what=what)

    def _finish(self, runner: PrintRunner, job_id: int, *, what: str) -> PrintJob:
        if not runner.wait_idle(self._wait_seconds):
            raise PrinterError(
                "Lệnh in số {job} chưa in xong sau {seconds} giây. Lệnh in vẫn được giữ lại; "
                "hãy kiểm tra máy in.",
                job=job_id,
                seconds=int(self._wait_seconds),
            )
        job = self.store.get(job_id)
        if job.state is not JobState.PRINTED:
            raise PrinterError(
                "Không in được {what} (lệnh in số {job} được giữ lại để in lại): {reason}",
                what=what,
                job=job.id,
                reason=job.error or job.state.value,
            )
        return job

    def recent_jobs(self, *, failed_only: bool = False, limit: int = 50) -> list[PrintJob]:
        """The latest jobs, newest first (the failed and unfinished ones with ``failed_only``)."""
        query = select(PrintJobRow).order_by(col(PrintJobRow.id).desc()).limit(limit)
        if failed_only:
            query = query.where(col(PrintJobRow.state) != JobState.PRINTED.value)
        with self._context.db.read() as session:
            return [_job(row) for row in session.exec(query).all()]

    def retry(self, job_id: int, *, printer: str | None = None) -> PrintJob:
        """Print a kept job again, on ``printer`` when given; waits like print_form. A job
        the printer already accepted is checked with the printer first (printing.journal), so
        a retry never prints twice what had in fact been printed."""
        job = self.store.get(job_id)
        if job.state is JobState.PRINTED:
            raise InvalidInput(
                "Lệnh in số {job} đã in xong. Muốn in thêm một bản, hãy in lại mẫu đó "
                "(bản in lại được đánh dấu BẢN IN LẠI).",
                job=job_id,
            )
        if printer is not None and not printer.strip():
            raise InvalidInput("Tên máy in không được để trống.")
        runner = self.runner()
        runner.retry(job_id, printer=printer.strip() if printer else None)
        return self._finish(runner, job_id, what=job.title or job.form)

    def resume_pending(self) -> int:
        """Start again the jobs a previous run left queued or printing (at start-up); returns
        how many were queued. They print in the background."""
        return self.runner().resume()

    def runner(self) -> PrintRunner:
        """The journal's runner (started on first use, so the service has no side effects)."""
        if self._runner is None:
            self._runner = PrintRunner(self.store, printers=self._open, clock=self._context.now)
        return self._runner

    def close(self) -> None:
        if self._runner is not None:
            self._runner.close()
            self._runner = None

    def _open(self, spec: str) -> Printer:
        if spec.startswith(FILE_PREFIX):
            return FilePrinter(Path(spec.removeprefix(FILE_PREFIX)))
        return self._printers(spec)
