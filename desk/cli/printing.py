"""Printing: `desk print`, `desk printers`, `desk print-test`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from desk.cli.common import DbOption, JsonOption, emit_json, say, services
from desk.cli.dossiers import CodeArg, OfficerOption, _officer_id
from desk.errors import InvalidInput
from desk.i18n import translate
from desk.services.printing import FORMS, available_printers
from printing.journal import PrintJob


def register(app: typer.Typer) -> None:
    app.command("print")(print_form)
    app.command("printers")(printers)
    app.command("print-test")(print_test)


def _job_json(job: PrintJob, code: str, out: Path | None) -> dict[str, Any]:
    return {
        "job": job.id,
        "code": code,
        "form": job.form,
        "state": job.state.value,
        "printer": job.printer,
        "printer_ref": job.printer_ref,
        "out": str(out) if out is not None else None,
        "reprint_of": job.reprint_of,
        "document_sha256": job.document_sha256,
        "printed_at": job.printed_at,
    }


def print_form(
    code: CodeArg,
    form: Annotated[str, typer.Option(help="Mẫu in: " + ", ".join(sorted(FORMS)) + ".")] = "mau01",
    printer: Annotated[
        str | None,
        typer.Option(help="Máy in, ví dụ cups:TEN_HANG_IN (mặc định: máy in đã chọn cho mẫu)."),
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Lưu ra tệp PDF thay vì in.")] = None,
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """In một mẫu của hồ sơ (Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả)."""
    if form not in FORMS:
        raise InvalidInput(
            "Không có mẫu in {form}. Các mẫu in được: {forms}.",
            form=form,
            forms=", ".join(sorted(FORMS)),
        )
    if printer is not None and out is not None:
        raise InvalidInput(
            "Chọn một trong hai: in ra máy in (--printer) hoặc lưu tệp PDF (--out), "
            "không chọn cả hai."
        )
    with services(db) as desk:
        job = desk.printing.print_form(
            code, form, printer=printer, out=out, officer_id=_officer_id(desk, officer)
        )
    dossier_code = code.strip().upper()
    if json:
        emit_json(_job_json(job, dossier_code, out))
        return
    if out is not None:
        say(
            translate(
                "Đã lưu {form} của hồ sơ {code} vào tệp {path}.",
                {"form": form, "code": dossier_code, "path": str(out)},
            )
        )
    else:
        say(
            translate(
                "Đã in {form} của hồ sơ {code} trên máy in {printer} (lệnh in số {job}).",
                {"form": form, "code": dossier_code, "printer": job.printer, "job": job.id},
            )
        )
    if job.reprint_of is not None:
        say(translate("Đây là bản in lại (in lần đầu: lệnh in số {job}).", {"job": job.reprint_of}))


def printers(json: JsonOption = False) -> None:
    """Liệt kê các máy in của máy này."""
    found = available_printers()
    if json:
        emit_json(
            [
                {
                    "spec": info.spec,
                    "label": info.label,
                    "kind": info.kind,
                    "ready": info.ready,
                    "default": info.is_default,
                }
                for info in found
            ]
        )
        return
    if not found:
        say(translate("Không tìm thấy máy in nào trên máy này."))
        return
    for info in found:
        state = translate("sẵn sàng") if info.ready else translate("đang dừng")
        notes = [state, translate("mặc định")] if info.is_default else [state]
        say(f"{info.spec}  {info.label} ({', '.join(notes)})")


def print_test(
    printer: Annotated[
        str | None, typer.Option(help="Máy in (mặc định: máy in mặc định đã chọn).")
    ] = None,
    db: DbOption = None,
) -> None:
    """In một trang thử có chữ tiếng Việt."""
    with services(db) as desk:
        outcome = desk.printing.print_test(printer)
    say(translate("Đã in trang thử trên máy in {printer}.", {"printer": outcome.printer}))
