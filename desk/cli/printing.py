"""Printing: `desk print`, `desk printers`, `desk print-test`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from desk.cli.common import PERIODS, DbOption, JsonOption, emit_json, say, services
from desk.cli.dossiers import OfficerOption, _officer_id
from desk.domain.reports import Period
from desk.errors import InvalidInput
from desk.i18n import translate
from desk.services.printing import FORMS, PERIOD_FORMS, available_printers
from printing.journal import PrintJob


def register(app: typer.Typer) -> None:
    app.command("print")(print_form)
    app.command("printers")(printers)
    app.command("print-test")(print_test)
    app.command("printer-choice")(printer_choice)
    app.command("print-jobs")(print_jobs)
    app.command("print-retry")(print_retry)


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


ALL_FORMS = (*sorted(FORMS), *sorted(PERIOD_FORMS))


def print_form(
    code: Annotated[
        str | None,
        typer.Argument(help="Mã hồ sơ (không cần với mẫu in theo kỳ: mau07, bao-cao)."),
    ] = None,
    form: Annotated[str, typer.Option(help="Mẫu in: " + ", ".join(ALL_FORMS) + ".")] = "mau01",
    period: Annotated[str | None, typer.Option(help=f"Kỳ của mẫu in theo kỳ: {PERIODS}.")] = None,
    printer: Annotated[
        str | None,
        typer.Option(help="Máy in, ví dụ cups:TEN_HANG_IN (mặc định: máy in đã chọn cho mẫu)."),
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Lưu ra tệp PDF thay vì in.")] = None,
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """In một mẫu của hồ sơ (Mẫu 01–06, biên nhận, bàn giao) hoặc của một kỳ (Mẫu 07, báo cáo)."""
    if form not in FORMS and form not in PERIOD_FORMS:
        raise InvalidInput(
            "Không có mẫu in {form}. Các mẫu in được: {forms}.",
            form=form,
            forms=", ".join(ALL_FORMS),
        )
    if form in PERIOD_FORMS:
        if period is None:
            raise InvalidInput(
                "Mẫu {form} in theo kỳ: thêm --period, ví dụ --period 2026-11.", form=form
            )
        if code is not None:
            raise InvalidInput(
                "Mẫu {form} in theo kỳ, không theo một hồ sơ: bỏ mã hồ sơ, giữ --period.",
                form=form,
            )
        parsed = Period.parse(period)
        with services(db) as desk:
            job = desk.printing.print_period(
                form, parsed, printer=printer, out=out, officer_id=_officer_id(desk, officer)
            )
        if json:
            emit_json(_job_json(job, parsed.label, out))
        elif out is not None:
            say(
                translate(
                    "Đã lưu {form} kỳ {period} vào tệp {path}.",
                    {"form": form, "period": parsed.label, "path": str(out)},
                )
            )
        else:
            say(
                translate(
                    "Đã in {form} kỳ {period} trên máy in {printer} (lệnh in số {job}).",
                    {"form": form, "period": parsed.label, "printer": job.printer, "job": job.id},
                )
            )
        return
    if code is None:
        raise InvalidInput("Thiếu mã hồ sơ cần in, ví dụ: desk print 000.00.01.H99-261124-0001.")
    if period is not None:
        raise InvalidInput("Mẫu {form} in theo hồ sơ: bỏ --period.", form=form)
    with services(db) as desk:
        job = desk.printing.print_form(
            code, form, printer=printer, out=out, officer_id=_officer_id(desk, officer)
        )
    _report(job, code.strip().upper(), out, json)


def _report(job: PrintJob, subject: str, out: Path | None, json: bool) -> None:
    if json:
        emit_json(_job_json(job, subject, out))
        return
    if out is not None:
        say(
            translate(
                "Đã lưu {form} của hồ sơ {code} vào tệp {path}.",
                {"form": job.form, "code": subject, "path": str(out)},
            )
        )
    else:
        say(
            translate(
                "Đã in {form} của hồ sơ {code} trên máy in {printer} (lệnh in số {job}).",
                {"form": job.form, "code": subject, "printer": job.printer, "job": job.id},
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


def printer_choice(
    form: Annotated[
        str | None, typer.Option(help="Mẫu cần chọn máy in riêng: " + ", ".join(ALL_FORMS) + ".")
    ] = None,
    printer: Annotated[
        str | None,
        typer.Option(
            help="Máy in cho mẫu (--form) hoặc máy in mặc định: cups:TEN, windows:TEN, "
            "escpos:usb:04b8:0202, folder:THƯ_MỤC."
        ),
    ] = None,
    reset: Annotated[
        bool, typer.Option("--reset", help="Bỏ máy in riêng của mẫu, dùng máy in mặc định.")
    ] = False,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Xem hoặc chọn máy in mặc định và máy in riêng cho từng mẫu in."""
    if form is not None and form not in ALL_FORMS:
        raise InvalidInput(
            "Không có mẫu in {form}. Các mẫu in được: {forms}.",
            form=form,
            forms=", ".join(ALL_FORMS),
        )
    if reset and (form is None or printer is not None):
        raise InvalidInput("--reset cần --form (mẫu cần bỏ máy in riêng) và không kèm --printer.")
    with services(db) as desk:
        choice = desk.printing.printer_choice()
        if reset and form is not None:
            choice = choice.with_form(form, None)
        elif printer is not None:
            spec = printer.strip()
            if not spec:
                raise InvalidInput("Tên máy in không được để trống.")
            choice = choice.with_form(form, spec) if form else choice.with_default(spec)
        if reset or printer is not None:
            desk.printing.set_printer_choice(choice)
    if json:
        emit_json(choice.to_dict())
        return
    none = translate("chưa chọn")
    say(translate("Máy in mặc định: {printer}", {"printer": choice.default or none}))
    for name in ALL_FORMS:
        if name in choice.by_form:
            say(f"  {name}: {choice.by_form[name]}")


def print_jobs(
    failed: Annotated[
        bool, typer.Option("--failed", help="Chỉ các lệnh in lỗi hoặc chưa in xong.")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Số lệnh in tối đa.")] = 50,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Nhật ký in: các lệnh in gần nhất, trạng thái và lỗi của máy in."""
    with services(db) as desk:
        jobs = desk.printing.recent_jobs(failed_only=failed, limit=limit)
    if json:
        emit_json([_job_json(job, job.title, None) for job in jobs])
        return
    if not jobs:
        say(translate("Không có lệnh in nào."))
        return
    for job in jobs:
        line = f"#{job.id}  {job.state.value:<8}  {job.form:<9}  {job.printer}  {job.title}"
        say(line + (f"  — {job.error}" if job.error else ""))


def print_retry(
    job_id: Annotated[int, typer.Argument(help="Số lệnh in (xem desk print-jobs --failed).")],
    printer: Annotated[
        str | None, typer.Option(help="In sang máy in khác, ví dụ cups:TEN_HANG_IN.")
    ] = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """In lại một lệnh in bị lỗi (trên máy in cũ hoặc máy in khác)."""
    with services(db) as desk:
        job = desk.printing.retry(job_id, printer=printer)
    if json:
        emit_json(_job_json(job, job.title, None))
        return
    say(
        translate(
            "Đã in lệnh in số {job} trên máy in {printer}.",
            {"job": job.id, "printer": job.printer},
        )
    )
