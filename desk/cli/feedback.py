"""`desk feedback …`: the register of phản ánh, kiến nghị."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from desk.cli.common import PERIODS, DbOption, JsonOption, emit_json, say, services
from desk.cli.dossiers import OfficerOption, _officer_id
from desk.domain.reports import Period
from desk.domain.timefmt import iso_local, short_local
from desk.i18n import translate
from desk.services.feedback import CHANNEL_LABELS, STATE_LABELS, FeedbackView, NewFeedback

feedback_app = typer.Typer(
    help="Sổ theo dõi phản ánh, kiến nghị của tổ chức, cá nhân.", no_args_is_help=True
)
NumberArg = Annotated[str, typer.Argument(help="Số phản ánh trong sổ, ví dụ 0012/2026 hoặc 12.")]


def register(app: typer.Typer) -> None:
    app.add_typer(feedback_app, name="feedback")


def _json(item: FeedbackView) -> dict[str, Any]:
    return {
        "id": item.id,
        "number": item.number,
        "channel": item.channel,
        "state": item.state,
        "content": item.content,
        "sender_name": item.sender_name,
        "dossier_code": item.dossier_code,
        "received_at": iso_local(item.received_at),
        "due_at": iso_local(item.due_at),
        "assigned_to": item.assigned_to,
        "answer": item.answer,
        "answered_at": iso_local(item.answered_at) if item.answered_at else None,
        "on_time": item.on_time,
    }


def _line(item: FeedbackView) -> str:
    state = translate(STATE_LABELS[item.state])
    return translate(
        "{number}  {state}  hạn trả lời {due}  {content}",
        {
            "number": item.number,
            "state": state,
            "due": short_local(item.due_at),
            "content": item.content[:60],
        },
    )


@feedback_app.command("add")
def add(
    content: Annotated[str, typer.Option(help="Nội dung phản ánh, kiến nghị.")],
    channel: Annotated[
        str, typer.Option(help="Hình thức: " + ", ".join(CHANNEL_LABELS) + ".")
    ] = "in_person",
    name: Annotated[str, typer.Option(help="Họ tên người phản ánh.")] = "",
    phone: Annotated[str | None, typer.Option(help="Số điện thoại để trả lời.")] = None,
    email: Annotated[str | None, typer.Option(help="Email để trả lời.")] = None,
    dossier: Annotated[str | None, typer.Option(help="Mã hồ sơ liên quan, nếu có.")] = None,
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Ghi nhận một phản ánh, kiến nghị; hạn trả lời tính theo ngày làm việc."""
    with services(db) as desk:
        item = desk.feedback.receive(
            NewFeedback(
                channel=channel,
                content=content,
                sender_name=name,
                sender_phone=phone,
                sender_email=email,
                dossier_code=dossier,
                officer_id=_officer_id(desk, officer),
            )
        )
    if json:
        emit_json(_json(item))
        return
    say(
        translate(
            "Đã ghi nhận phản ánh số {number}; hạn trả lời: {due}.",
            {"number": item.number, "due": short_local(item.due_at)},
        )
    )


@feedback_app.command("list")
def list_open(db: DbOption = None, json: JsonOption = False) -> None:
    """Các phản ánh chưa trả lời, hạn gần nhất trước."""
    with services(db) as desk:
        items = desk.feedback.open_items()
        now = desk.context.now()
    if json:
        emit_json([{**_json(item), "overdue": item.overdue(now)} for item in items])
        return
    if not items:
        say(translate("Không có phản ánh nào đang chờ trả lời."))
        return
    for item in items:
        late = " " + translate("(QUÁ HẠN)") if item.overdue(now) else ""
        say(_line(item) + late)


@feedback_app.command("assign")
def assign(
    number: NumberArg,
    to: Annotated[str, typer.Option("--to", help="Đơn vị hoặc người được giao xử lý.")],
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Giao phản ánh cho đơn vị, người xử lý."""
    with services(db) as desk:
        item = desk.feedback.assign(number, to=to, officer_id=_officer_id(desk, officer))
    if json:
        emit_json(_json(item))
        return
    say(translate("Đã giao phản ánh số {number} cho {unit}.", {"number": item.number, "unit": to}))


@feedback_app.command("close")
def close(
    number: NumberArg,
    answer: Annotated[str, typer.Option(help="Nội dung đã trả lời người phản ánh.")],
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Ghi nội dung trả lời và đóng phản ánh."""
    with services(db) as desk:
        item = desk.feedback.close(number, answer=answer, officer_id=_officer_id(desk, officer))
    if json:
        emit_json(_json(item))
        return
    say(
        translate(
            "Đã trả lời phản ánh số {number} đúng hạn."
            if item.on_time
            else "Đã trả lời phản ánh số {number} (quá hạn).",
            {"number": item.number},
        )
    )


@feedback_app.command("report")
def report(
    period: Annotated[str, typer.Option(help=f"Kỳ: {PERIODS}.")],
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Số phản ánh tiếp nhận, đã trả lời đúng hạn / quá hạn, còn đang xử lý trong kỳ."""
    parsed = Period.parse(period)
    with services(db) as desk:
        counts = desk.feedback.counts(parsed)
    values = {
        "period": parsed.label,
        "received": counts.received,
        "answered_on_time": counts.answered_on_time,
        "answered_late": counts.answered_late,
        "open_on_time": counts.open_on_time,
        "open_overdue": counts.open_overdue,
    }
    if json:
        emit_json(values)
        return
    say(
        translate(
            "Kỳ {period}: tiếp nhận {received}; trả lời đúng hạn {answered_on_time}, quá hạn "
            "{answered_late}; đang xử lý trong hạn {open_on_time}, quá hạn {open_overdue}.",
            values,
        )
    )
