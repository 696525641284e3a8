"""PrintService: Mẫu 01 from a received dossier, the print journal on print_job, PDF blobs,
reprints, a real CUPS test queue (./run-tests.sh) and the failures that keep a job."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import col, select

from data.models import Blob
from data.models import PrintJob as PrintJobRow
from desk.errors import ConfigError, InvalidInput, NotFound, PrinterError
from desk.services.container import DeskServices
from desk.services.printing import FORMS, duration_label
from printing.journal import JobState
from printing.layout import minute_time
from printing.printers import PrinterChoice
from tests.helpers import count, dossier, receive
from tests.printing.conftest import CupsQueue, cups  # noqa: F401  (the CUPS queue fixture)

OWNER = "CÔNG DÂN THỬ NGHIỆM"


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "") for page in reader.pages).split())


def rows(services: DeskServices) -> list[PrintJobRow]:
    with services.context.db.read() as session:
        return list(session.exec(select(PrintJobRow).order_by(col(PrintJobRow.id))).all())


def test_print_to_a_file_journals_the_job_and_keeps_the_pdf(
    services: DeskServices, tmp_path: Path
) -> None:
    code = receive(services).code
    out = tmp_path / "mau01.pdf"
    job = services.printing.print_form(code, "mau01", out=out)
    assert job.state is JobState.PRINTED
    assert job.printer_ref == str(out)
    assert job.reprint_of is None
    pdf = out.read_bytes()
    text = pdf_text(pdf)
    due = dossier(services, code).due_at
    assert due is not None
    assert code in text
    assert OWNER in text
    assert minute_time(due) in text
    assert "03 ngày làm việc" in text
    assert "BẢN IN LẠI" not in text

    [row] = rows(services)
    sha = hashlib.sha256(pdf).hexdigest()
    assert row.state == "printed"
    assert row.document_sha256 == sha
    assert row.job_key and row.attempts == 1 and row.printed_at is not None
    blob_file = services.printing.blobs.path(sha)
    assert blob_file.is_file() and blob_file.read_bytes() == pdf
    assert (
        blob_file.parent.parent
        == Path(str(services.context.db.engine.url.database)).resolve().parent / "blobs"
    )
    with services.context.db.read() as session:
        blob = session.get(Blob, sha)
        assert blob is not None and blob.media_type == "application/pdf"
        assert blob.size == len(pdf)


def test_a_second_print_is_a_reprint(services: DeskServices, tmp_path: Path) -> None:
    code = receive(services).code
    first = services.printing.print_form(code, out=tmp_path / "first.pdf")
    second = services.printing.print_form(code, out=tmp_path / "second.pdf")
    assert second.reprint_of == first.id
    assert "BẢN IN LẠI" in pdf_text((tmp_path / "second.pdf").read_bytes())
    assert [row.reprint_of for row in rows(services)] == [None, first.id]


def test_print_on_the_cups_queue(
    services: DeskServices,
    cups: CupsQueue,  # noqa: F811
) -> None:
    code = receive(services).code
    services.printing.set_printer_choice(PrinterChoice(default=f"cups:{cups.name}"))
    job = services.printing.print_form(code)
    assert job.state is JobState.PRINTED
    assert job.printer == f"cups:{cups.name}"
    assert job.printer_ref
    assert code in cups.text()
    [row] = rows(services)
    assert row.state == "printed" and row.printer_ref == job.printer_ref


def test_an_unknown_printer_fails_and_the_job_is_kept(services: DeskServices) -> None:
    code = receive(services).code
    with pytest.raises(PrinterError):
        services.printing.print_form(code, printer="cups:NO_SUCH_QUEUE_MOTCUA")
    [row] = rows(services)
    assert row.state == "failed"
    assert row.error
    assert row.document_sha256 is not None
    assert services.printing.blobs.path(row.document_sha256).is_file()


def test_an_unknown_dossier_prints_nothing(services: DeskServices, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        services.printing.print_form("000.00.01.H99-261125-0999", out=tmp_path / "x.pdf")
    assert count(services, PrintJobRow) == 0
    assert not (tmp_path / "x.pdf").exists()


def test_refusals_before_anything_is_rendered(services: DeskServices, tmp_path: Path) -> None:
    code = receive(services).code
    with pytest.raises(InvalidInput):
        services.printing.print_form(code, "mau99", out=tmp_path / "x.pdf")
    with pytest.raises(InvalidInput):
        services.printing.print_form(code, printer="cups:X", out=tmp_path / "x.pdf")
    with pytest.raises(InvalidInput):
        services.printing.print_form(code, out=tmp_path / "missing" / "x.pdf")
    assert count(services, PrintJobRow) == 0


def test_no_printer_chosen_is_a_config_error(services: DeskServices) -> None:
    code = receive(services).code
    with pytest.raises(ConfigError, match="Chưa chọn máy in"):
        services.printing.print_form(code)
    assert count(services, PrintJobRow) == 0


def test_slip_for_builds_the_receipt(services: DeskServices) -> None:
    code = receive(services).code
    slip = services.printing.slip_for(code)
    stored = dossier(services, code)
    assert slip.dossier_code == code
    assert slip.applicant.full_name == OWNER
    assert slip.due_at == stored.due_at
    assert slip.lookup_code == stored.lookup_code
    assert slip.tracking_token == stored.tracking_token
    assert slip.register_number == str(stored.register_seq)
    assert slip.office.tracking_base_url == "https://tracuu.motcua.invalid"
    assert slip.components


@pytest.mark.parametrize(
    ("rule", "label"),
    [
        ('{"unit": "wd", "amount": 3, "cutoff": null}', "03 ngày làm việc"),
        ('{"unit": "wh", "amount": 8, "cutoff": null}', "08 giờ làm việc"),
        ('{"unit": "cd", "amount": 15, "cutoff": null}', "15 ngày"),
        ('{"unit": "same_day", "amount": 0, "cutoff": "15:00:00"}', "trong ngày"),
    ],
)
def test_duration_labels(rule: str, label: str) -> None:
    assert duration_label(rule) == label


def test_forms_registry_has_mau01() -> None:
    assert "mau01" in FORMS
