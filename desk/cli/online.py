"""`desk online …`: the inbox of dossiers submitted online (review within 8 working hours)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any

import typer

from desk.cli.common import DbOption, JsonOption, emit_json, say, services
from desk.cli.dossiers import CodeArg, OfficerOption, _officer_id
from desk.domain.timefmt import iso_local, short_local
from desk.i18n import translate
from desk.services.online import InboxItem

online_app = typer.Typer(
    help="Hồ sơ nộp trực tuyến: xem, tiếp nhận, yêu cầu bổ sung, từ chối.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(online_app, name="online")


def _hours(left: timedelta) -> str:
    minutes = int(abs(left).total_seconds() // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def _json(item: InboxItem) -> dict[str, Any]:
    return {
        "code": item.code,
        "procedure_code": item.procedure_code,
        "procedure_name": item.procedure_name,
        "owner_name": item.owner_name,
        "submitted_at": iso_local(item.submitted_at),
        "review_due": iso_local(item.review_due),
        "working_minutes_left": int(item.working_time_left.total_seconds() // 60),
        "overdue": item.overdue,
        "components": item.components,
        "attachments": item.attachments,
        "missing_required": list(item.missing_required),
    }


def _line(item: InboxItem) -> str:
    if item.overdue:
        left = translate("QUÁ HẠN {hours} giờ làm việc", {"hours": _hours(item.working_time_left)})
    else:
        left = translate("còn {hours} giờ làm việc", {"hours": _hours(item.working_time_left)})
    missing = (
        " " + translate("(thiếu tệp: {missing})", {"missing": "; ".join(item.missing_required)})
        if item.missing_required
        else ""
    )
    return (
        translate(
            "{code}  nộp {submitted}  hạn xem xét {due} ({left})  {procedure}",
            {
                "code": item.code,
                "submitted": short_local(item.submitted_at),
                "due": short_local(item.review_due),
                "left": left,
                "procedure": item.procedure_name[:50],
            },
        )
        + missing
    )


@online_app.command("list")
def list_inbox(db: DbOption = None, json: JsonOption = False) -> None:
    """Hồ sơ trực tuyến chờ xem xét, hồ sơ nộp sớm nhất trước."""
    with services(db) as desk:
        items = desk.online.inbox()
    if json:
        emit_json([_json(item) for item in items])
        return
    if not items:
        say(translate("Không có hồ sơ trực tuyến nào chờ xem xét."))
    for item in items:
        say(_line(item))


@online_app.command("accept")
def accept(
    code: CodeArg,
    print_slip: Annotated[
        bool, typer.Option("--print", help="In Giấy tiếp nhận và hẹn trả kết quả (Mẫu 01).")
    ] = False,
    printer: Annotated[str | None, typer.Option(help="Máy in (mặc định: máy in đã chọn).")] = None,
    out: Annotated[Path | None, typer.Option(help="Lưu Mẫu 01 ra tệp PDF thay vì in.")] = None,
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Tiếp nhận hồ sơ trực tuyến: thời hạn giải quyết tính từ lúc này."""
    with services(db) as desk:
        who = _officer_id(desk, officer)
        result = desk.online.accept(code, officer_id=who)
        job = None
        if print_slip or out is not None:
            job = desk.printing.print_form(
                result.code, "mau01", printer=printer, out=out, officer_id=who
            )
    if json:
        emit_json(
            {
                "code": result.code,
                "status": int(result.status),
                "accepted_at": iso_local(result.accepted_at),
                "due_at": iso_local(result.due_at),
                "print_job": job.id if job is not None else None,
            }
        )
        return
    say(
        translate(
            "Đã tiếp nhận hồ sơ {code}; hẹn trả kết quả: {due}.",
            {"code": result.code, "due": short_local(result.due_at)},
        )
    )


OutOption = Annotated[
    Path | None,
    typer.Option(help="Lưu phiếu (Mẫu 02 hoặc 03) ra tệp PDF để gửi hoặc in cho công dân."),
]


@online_app.command("supplement")
def supplement(
    code: CodeArg,
    item: Annotated[list[str], typer.Option(help="Nội dung cần bổ sung (lặp lại được).")],
    reason: Annotated[str, typer.Option(help="Lý do yêu cầu bổ sung.")],
    out: OutOption = None,
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Yêu cầu bổ sung, hoàn thiện hồ sơ trực tuyến (liệt kê đủ trong một lần)."""
    with services(db) as desk:
        who = _officer_id(desk, officer)
        status = desk.online.request_supplement(code, items=item, reason=reason, officer_id=who)
        if out is not None:
            desk.printing.print_form(code, "mau02", out=out, officer_id=who)
    _done(code, int(status), status.label, json)


@online_app.command("refuse")
def refuse(
    code: CodeArg,
    reason: Annotated[str, typer.Option(help="Lý do từ chối tiếp nhận.")],
    out: OutOption = None,
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Từ chối tiếp nhận hồ sơ trực tuyến, ghi rõ lý do."""
    with services(db) as desk:
        who = _officer_id(desk, officer)
        status = desk.online.refuse(code, reason=reason, officer_id=who)
        if out is not None:
            desk.printing.print_form(code, "mau03", out=out, officer_id=who)
    _done(code, int(status), status.label, json)


def _done(code: str, status: int, label: str, json: bool) -> None:
    if json:
        emit_json({"code": code.strip().upper(), "status": status})
    else:
        say(translate("Hồ sơ {code}: {status}.", {"code": code.strip().upper(), "status": label}))
