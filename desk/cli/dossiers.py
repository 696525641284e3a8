"""Headless dossier commands: intake, lookup and every lifecycle action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, cast, get_args

import typer
from pydantic import BaseModel, ConfigDict, Field

from desk.cli.common import (
    DbOption,
    JsonOption,
    emit_json,
    parse_day,
    say,
    services,
)
from desk.domain.lifecycle import Status
from desk.domain.person import Person, PersonKind
from desk.domain.timefmt import iso_local, long_local, short_local
from desk.errors import InvalidInput
from desk.i18n import translate
from desk.services.files import read_json, read_model, validated
from desk.services.intake import ComponentInput, ReceiveRequest
from desk.services.lookup import DossierDetail, DossierSummary
from desk.services.returns import Rating, ReturnRequest

CodeArg = Annotated[str, typer.Argument(help="Mã hồ sơ, ví dụ 000.00.12.H53-261124-0001.")]
OfficerOption = Annotated[
    str | None, typer.Option(help="Tên đăng nhập của cán bộ thực hiện (ghi vào nhật ký).")
]


def register(app: typer.Typer) -> None:
    for name, command in (
        ("intake", intake),
        ("lookup", lookup),
        ("search", search),
        ("supplement", supplement),
        ("refuse", refuse),
        ("withdraw", withdraw),
        ("stop", stop),
        ("hand-over", hand_over),
        ("result-ready", result_ready),
        ("return", return_result),
        ("apologise", apologise),
    ):
        app.command(name)(command)


class PersonFile(BaseModel):
    """The applicant file of `desk intake --applicant`."""

    model_config = ConfigDict(extra="forbid")

    full_name: str
    id_number: str | None = None
    date_of_birth: date | None = None
    sex: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    kind: str = "person"
    submitter: PersonFile | None = None

    def person(self) -> Person:
        kind: PersonKind
        if self.kind == "person":
            kind = "person"
        elif self.kind == "organisation":
            kind = "organisation"
        else:
            raise InvalidInput("Loại người nộp không hợp lệ: dùng person hoặc organisation.")
        return Person(
            self.full_name,
            self.id_number,
            self.date_of_birth,
            self.sex,
            self.address,
            self.phone,
            self.email,
            kind,
        )


class ComponentFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    required: bool = True
    originals: int = Field(0, ge=0)
    certified: int = Field(0, ge=0)
    copies: int = Field(0, ge=0)
    note: str | None = None


def _officer_id(desk: Any, username: str | None) -> int | None:
    if username is None:
        return None
    for officer in desk.auth.officers():
        if officer.username == username.strip().lower():
            return int(officer.id)
    raise InvalidInput("Không có cán bộ với tên đăng nhập {username}.", username=username)


def intake(
    procedure: Annotated[str, typer.Option(help="Mã thủ tục.")],
    applicant: Annotated[Path, typer.Option(help="Tệp JSON thông tin chủ hồ sơ.")],
    components: Annotated[Path | None, typer.Option(help="Tệp JSON thành phần hồ sơ.")] = None,
    all_components: Annotated[
        bool,
        typer.Option("--all-components", help="Ghi nhận một bản chính mỗi thành phần bắt buộc."),
    ] = False,
    case: Annotated[str | None, typer.Option(help="Trường hợp của thủ tục.")] = None,
    channel: Annotated[str, typer.Option(help="direct | online | postal")] = "direct",
    delivery: Annotated[str, typer.Option(help="Nhận kết quả: desk | postal")] = "desk",
    address: Annotated[str | None, typer.Option(help="Địa chỉ nhận qua bưu chính.")] = None,
    sets: Annotated[int, typer.Option(help="Số bộ hồ sơ.")] = 1,
    incomplete: Annotated[
        bool, typer.Option("--incomplete", help="Ghi nhận hồ sơ thiếu giấy tờ (Mẫu 02).")
    ] = False,
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Tiếp nhận hồ sơ (không cần màn hình)."""
    if (components is None) == (not all_components):
        raise InvalidInput("Chọn đúng một trong --components FILE hoặc --all-components.")
    person_file = read_model(PersonFile, applicant, "chủ hồ sơ")
    given = None
    if components is not None:
        raw = read_json(components, "thành phần hồ sơ")
        if not isinstance(raw, list):
            raise InvalidInput("Tệp thành phần hồ sơ phải là một danh sách JSON.")
        given = [
            ComponentInput(**validated(ComponentFile, item, "thành phần hồ sơ").model_dump())
            for item in raw
        ]
    with services(db) as desk:
        result = desk.intake.receive(
            ReceiveRequest(
                procedure_code=procedure,
                owner=person_file.person(),
                components=given,
                case_key=case,
                submitter=person_file.submitter.person() if person_file.submitter else None,
                channel=channel,
                delivery=delivery,
                delivery_address=address,
                sets_count=sets,
                officer_id=_officer_id(desk, officer),
                allow_incomplete=incomplete,
            )
        )
    if json:
        emit_json(
            {
                "code": result.code,
                "due": iso_local(result.due_at) if result.due_at else None,
                "status": int(result.status),
                "received_at": iso_local(result.received_at),
                "lookup_code": result.lookup_code,
                "tracking_url": result.tracking_url,
                "missing": list(result.missing),
            }
        )
        return
    say(translate("Mã hồ sơ: {code}", {"code": result.code}))
    if result.due_at:
        say(translate("Hẹn trả kết quả: {due}", {"due": long_local(result.due_at)}))
    else:
        say(
            translate(
                "Hồ sơ thiếu: {missing}. In Phiếu yêu cầu bổ sung (Mẫu 02).",
                {"missing": "; ".join(result.missing)},
            )
        )


def _detail_json(detail: DossierDetail) -> dict[str, Any]:
    s = detail.summary
    return {
        "code": s.code,
        "status": int(s.status),
        "status_label": s.status.label,
        "procedure_code": detail.procedure_code,
        "procedure_name": s.procedure_name,
        "channel": detail.channel,
        "received_at": s.received_at,
        "due": s.due_at,
        "original_due": detail.original_due_at,
        "extended_due": detail.extended_due_at,
        "remaining_working_hours": round(detail.remaining_working_time.total_seconds() / 3600, 2)
        if detail.remaining_working_time is not None
        else None,
        "applicant": detail.owner,
        "submitter": detail.submitter,
        "components": [c.__dict__ for c in detail.components],
        "events": [
            {
                "seq": e.seq,
                "at": e.at,
                "kind": e.kind,
                "from_status": e.from_status,
                "to_status": e.to_status,
                "officer_id": e.officer_id,
                "payload": e.payload,
            }
            for e in detail.events
        ],
        "allowed_actions": [a.value for a in detail.allowed_actions],
        "lookup_code": detail.lookup_code,
        "finished_at": detail.finished_at,
        "returned_at": detail.returned_at,
    }


def lookup(code: CodeArg, db: DbOption = None, json: JsonOption = False) -> None:
    """Xem một hồ sơ: trạng thái, ngày hẹn, thành phần, nhật ký."""
    with services(db) as desk:
        detail = desk.lookup.by_code(code)
    if json:
        emit_json(_detail_json(detail))
        return
    s = detail.summary
    say(f"{s.code}  {s.status.label}")
    say(f"{s.procedure_name} — {s.owner_name}")
    say(translate("Tiếp nhận: {at}", {"at": short_local(s.received_at)}))
    if s.due_at:
        say(translate("Hẹn trả: {at}", {"at": short_local(s.due_at)}))
    for event in detail.events:
        say(f"  {event.seq:>2}. {short_local(event.at)}  {event.kind}")


def search(
    text: Annotated[str, typer.Argument(help="Mã hồ sơ, số định danh hoặc họ tên (không dấu).")],
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Tìm hồ sơ theo mã, số định danh hoặc họ tên."""
    with services(db) as desk:
        found = desk.lookup.search(text)
    if json:
        emit_json([_summary_json(s) for s in found])
        return
    if not found:
        say(translate("Không tìm thấy hồ sơ nào."))
    for s in found:
        say(f"{s.code}  {s.status.label:<28} {s.owner_name} — {s.procedure_name}")


def _summary_json(s: DossierSummary) -> dict[str, Any]:
    return {
        "code": s.code,
        "status": int(s.status),
        "procedure_name": s.procedure_name,
        "owner_name": s.owner_name,
        "received_at": s.received_at,
        "due": s.due_at,
    }


def _done(status: Status, json: bool, code: str) -> None:
    if json:
        emit_json({"code": code.strip().upper(), "status": int(status)})
    else:
        say(
            translate(
                "Hồ sơ {code}: {status}.", {"code": code.strip().upper(), "status": status.label}
            )
        )


def supplement(
    code: CodeArg,
    item: Annotated[
        list[str] | None, typer.Option(help="Nội dung cần bổ sung (lặp lại được).")
    ] = None,
    reason: Annotated[str, typer.Option(help="Lý do yêu cầu bổ sung.")] = "",
    received: Annotated[bool, typer.Option("--received", help="Công dân đã nộp bổ sung.")] = False,
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Yêu cầu bổ sung hồ sơ (Mẫu 02), hoặc ghi nhận đã nhận bổ sung (--received)."""
    with services(db) as desk:
        who = _officer_id(desk, officer)
        if received:
            if item:
                raise InvalidInput("--received không đi kèm --item.")
            status = desk.intake.supplement_received(code, officer_id=who)
        else:
            status = desk.intake.request_supplement(
                code, items=item or [], reason=reason, officer_id=who
            )
    _done(status, json, code)


ReasonOption = Annotated[str, typer.Option(help="Lý do.")]


def _reason_command(method: str, summary: str) -> Callable[..., None]:
    """refuse, withdraw and stop differ only in the service method they call."""

    def command(
        code: CodeArg,
        reason: ReasonOption = "",
        officer: OfficerOption = None,
        db: DbOption = None,
        json: JsonOption = False,
    ) -> None:
        with services(db) as desk:
            act = getattr(desk.intake, method)
            _done(act(code, reason=reason, officer_id=_officer_id(desk, officer)), json, code)

    command.__doc__ = summary
    return command


refuse = _reason_command("refuse", "Từ chối tiếp nhận hồ sơ (Mẫu 03).")
withdraw = _reason_command("withdraw", "Công dân rút hồ sơ.")
stop = _reason_command("stop", "Dừng giải quyết hồ sơ (Mẫu 05).")


def hand_over(
    code: CodeArg,
    unit: Annotated[str, typer.Option(help="Đơn vị nhận xử lý.")],
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Bàn giao hồ sơ cho đơn vị xử lý (Phiếu kiểm soát)."""
    with services(db) as desk:
        _done(
            desk.intake.hand_over(code, unit=unit, officer_id=_officer_id(desk, officer)),
            json,
            code,
        )


def result_ready(
    code: CodeArg,
    note: ReasonOption = "",
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Ghi nhận đã có kết quả giải quyết (khi chưa có máy chủ)."""
    with services(db) as desk:
        _done(
            desk.intake.result_ready(code, note=note, officer_id=_officer_id(desk, officer)),
            json,
            code,
        )


def return_result(
    code: CodeArg,
    collector: Annotated[
        Path | None, typer.Option(help="Tệp JSON người nhận thay (nếu không phải chủ hồ sơ).")
    ] = None,
    authorisation: Annotated[str | None, typer.Option(help="Giấy tờ ủy quyền.")] = None,
    fee: Annotated[int | None, typer.Option(help="Phí, lệ phí đã thu (đồng).")] = None,
    rating: Annotated[
        str | None, typer.Option(help="very_satisfied | satisfied | unsatisfied")
    ] = None,
    originals_checked: Annotated[
        bool,
        typer.Option(
            "--originals-checked",
            help="Hồ sơ trực tuyến: đã đối chiếu bản chính với tệp đã nộp trực tuyến.",
        ),
    ] = False,
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Trả kết quả cho công dân."""
    person = None
    if collector is not None:
        person = read_model(PersonFile, collector, "người nhận").person()
    with services(db) as desk:
        status = desk.returns.return_result(
            ReturnRequest(
                code=code,
                collector=person,
                authorisation=authorisation,
                fee_collected=fee,
                rating=_rating(rating),
                officer_id=_officer_id(desk, officer),
                originals_checked=originals_checked,
            )
        )
    _done(status, json, code)


def _rating(value: str | None) -> Rating | None:
    if value is None:
        return None
    for rating in get_args(Rating):
        if value == rating:
            return cast(Rating, rating)
    raise InvalidInput("Mức độ hài lòng phải là very_satisfied, satisfied hoặc unsatisfied.")


def apologise(
    code: CodeArg,
    new_date: Annotated[str, typer.Option(help="Ngày hẹn mới YYYY-MM-DD.")],
    reason: Annotated[str, typer.Option(help="Lý do chậm trả kết quả.")],
    signer: Annotated[str, typer.Option(help="Người ký (thủ trưởng cơ quan, đơn vị).")],
    signer_title: Annotated[
        str | None,
        typer.Option(help="Chức danh in dưới chữ ký, ví dụ Chủ tịch, Giám đốc."),
    ] = None,
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04); ngày hẹn ban đầu được giữ lại."""
    day = parse_day(new_date, translate("Ngày hẹn mới"))
    with services(db) as desk:
        view = desk.returns.apologise(
            code,
            new_date=day,
            reason=reason,
            signer=signer,
            signer_title=signer_title,
            officer_id=_officer_id(desk, officer),
        )
    if json:
        emit_json(
            {
                "code": view.code,
                "previous_due": view.previous_due_at,
                "new_due": view.new_due_at,
                "original_due": view.original_due_at,
            }
        )
        return
    say(translate("Hẹn lại: {due}", {"due": long_local(view.new_due_at)}))
