"""Rules and reference data: due dates, the calendar, the catalogue, the CCCD QR parser."""

from __future__ import annotations

import sys
from datetime import datetime, time
from pathlib import Path
from typing import Annotated

import typer

from desk.cli.common import DbOption, JsonOption, emit_json, parse_instant, say, services
from desk.domain.calendar import DueRule, DurationUnit, YearTable
from desk.domain.citizen_id import parse_cccd_qr
from desk.domain.timefmt import iso_local, long_local
from desk.errors import InvalidInput
from desk.i18n import translate
from desk.services.dossiers import due_rule_for

calendar_app = typer.Typer(help="Lịch làm việc: ngày nghỉ lễ, ngày làm bù.", no_args_is_help=True)
catalog_app = typer.Typer(help="Danh mục thủ tục hành chính.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("due")(due)
    app.command("parse-id")(parse_id)
    app.add_typer(calendar_app, name="calendar")
    app.add_typer(catalog_app, name="catalog")


def due(
    received: Annotated[str, typer.Option(help="Thời điểm tiếp nhận 'YYYY-MM-DD HH:MM'.")],
    procedure: Annotated[str | None, typer.Option(help="Mã thủ tục trong danh mục.")] = None,
    case: Annotated[str | None, typer.Option(help="Trường hợp của thủ tục.")] = None,
    duration: Annotated[str | None, typer.Option(help="Thời hạn: 8wh, 3wd hoặc 15cd.")] = None,
    same_day: Annotated[bool, typer.Option("--same-day", help="Trả trong ngày.")] = False,
    cutoff: Annotated[str | None, typer.Option(help="Giờ chốt của thủ tục trong ngày.")] = None,
    pause: Annotated[
        list[str] | None,
        typer.Option(help="Khoảng tạm dừng 'YYYY-MM-DD HH:MM/YYYY-MM-DD HH:MM' (lặp lại được)."),
    ] = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Tính ngày hẹn trả kết quả theo lịch làm việc."""
    chosen = (procedure is not None) + (duration is not None) + same_day
    if chosen != 1:
        raise InvalidInput("Chọn đúng một trong --procedure, --duration hoặc --same-day.")
    at = parse_instant(received, translate("Thời điểm tiếp nhận"))
    pauses = [_pause(text) for text in pause or []]
    with services(db, create=True) as desk:
        rules = desk.office.rules()
        if procedure is not None:
            rule = due_rule_for(desk.catalog.get(procedure).case(case), rules.same_day_cutoff)
        elif duration is not None:
            rule = _parse_duration(duration)
        else:
            rule = DueRule(DurationUnit.SAME_DAY, 0, _cutoff(cutoff) or rules.same_day_cutoff)
        result = desk.calendar.working_calendar().compute_due(rule, at, pauses)
    if json:
        emit_json(
            {
                "due": iso_local(result.due),
                "received": iso_local(at),
                "clock_start": iso_local(result.clock_start),
                "rule": result.rule.to_dict(),
                "calendar_version": result.calendar_version,
            }
        )
        return
    say(translate("Hẹn trả kết quả: {due}", {"due": long_local(result.due)}))


def _parse_duration(text: str) -> DueRule:
    try:
        rule = DueRule.parse(text)
        if rule.unit is not DurationUnit.SAME_DAY and rule.amount <= 0:
            raise ValueError("a time limit must be positive")
        return rule
    except ValueError:
        raise InvalidInput(
            "Thời hạn không hợp lệ: dùng số kèm đơn vị wh (giờ làm việc), wd (ngày làm việc) hoặc "
            "cd (ngày lịch), ví dụ 8wh, 3wd, 15cd."
        ) from None


def _cutoff(text: str | None) -> time | None:
    if text is None:
        return None
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("Giờ chốt không đúng dạng HH:MM, ví dụ 15:00.") from None


def _pause(text: str) -> tuple[datetime, datetime]:
    start_text, sep, end_text = text.partition("/")
    if not sep:
        raise InvalidInput(
            "Khoảng tạm dừng cần dạng 'bắt đầu/kết thúc', ví dụ "
            "'2026-11-25 08:00/2026-11-26 08:00'."
        )
    start = parse_instant(start_text, translate("Thời điểm bắt đầu tạm dừng"))
    end = parse_instant(end_text, translate("Thời điểm kết thúc tạm dừng"))
    if end < start:
        raise InvalidInput("Khoảng tạm dừng kết thúc trước khi bắt đầu.")
    return start, end


def parse_id(
    payload: Annotated[
        str, typer.Argument(help="Nội dung mã QR trên thẻ căn cước ('-' để đọc từ đầu vào chuẩn).")
    ],
    json: JsonOption = False,
) -> None:
    """Đọc nội dung mã QR căn cước thành các trường thông tin."""
    text = sys.stdin.read() if payload == "-" else payload
    citizen = parse_cccd_qr(text)
    if json:
        emit_json(citizen.to_json())
        return
    for key, value in citizen.to_json().items():
        say(f"{key}: {value or ''}")


@calendar_app.command("import")
def calendar_import(file: Path, db: DbOption = None, json: JsonOption = False) -> None:
    """Nạp thông báo nghỉ lễ chính thức của một năm (thay thế danh sách của năm đó)."""
    with services(db, create=True) as desk:
        view = desk.calendar.import_notice(file)
    if json:
        emit_json(_year_json(view.table, view.official))
        return
    say(
        translate(
            "Đã nạp lịch năm {year}: {holidays} ngày nghỉ, {workdays} ngày làm bù.",
            {
                "year": view.table.year,
                "holidays": len(view.table.holidays),
                "workdays": len(view.table.workdays),
            },
        )
    )


@calendar_app.command("show")
def calendar_show(year: int, db: DbOption = None, json: JsonOption = False) -> None:
    """Xem ngày nghỉ và ngày làm bù của một năm."""
    if not 2000 <= year <= 2100:
        raise InvalidInput("Năm phải từ 2000 đến 2100.")
    with services(db) as desk:
        view = desk.calendar.show_year(year)
    data = _year_json(view.table, view.official)
    if json:
        emit_json(data)
        return
    say(translate("Năm {year} — nguồn: {source}", {"year": year, "source": data["source"]}))
    for day in sorted(view.table.holidays):
        say(f"  {translate('nghỉ')}   {day.strftime('%d/%m/%Y')} {view.table.names.get(day, '')}")
    for day in sorted(view.table.workdays):
        say(f"  {translate('làm bù')} {day.strftime('%d/%m/%Y')}")


def _year_json(table: YearTable, official: bool) -> dict[str, object]:
    return {
        "year": table.year,
        "source": table.source,
        "official": official,
        "holidays": sorted(d.isoformat() for d in table.holidays),
        "working_days": sorted(d.isoformat() for d in table.workdays),
        "fingerprint": table.fingerprint(),
    }


@catalog_app.command("import")
def catalog_import(
    file: Path,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Tệp là toàn bộ danh mục: ngừng dùng các thủ tục không có "
            "trong tệp (hồ sơ cũ vẫn giữ nguyên).",
        ),
    ] = False,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Nạp danh mục thủ tục từ tệp JSON (kiểm tra toàn bộ trước khi ghi)."""
    with services(db, create=True) as desk:
        summary = desk.catalog.import_file(file, replace=replace)
    counts = {"version": summary.version, "added": summary.added, "updated": summary.updated,
              "retired": summary.retired}  # fmt: skip
    if json:
        emit_json(counts)
        return
    say(translate("Đã nạp danh mục {version}: thêm {added}, cập nhật {updated} thủ tục.", counts))
    if summary.retired:
        say(translate("Ngừng dùng {retired} thủ tục không còn trong danh mục.", counts))


@catalog_app.command("list")
def catalog_list(
    search: Annotated[str | None, typer.Option(help="Tìm theo tên (không dấu) hoặc mã.")] = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Danh sách thủ tục trong danh mục."""
    with services(db) as desk:
        procedures = desk.catalog.search(search, limit=200) if search else desk.catalog.procedures()
    if json:
        emit_json(
            [
                {
                    "code": p.code,
                    "national_code": p.national_code,
                    "name": p.name,
                    "sector": p.sector,
                    "result_signed": p.result_signed,
                    "cases": [c.model_dump(mode="json") for c in p.cases],
                    "components": [c.model_dump(mode="json") for c in p.components],
                }
                for p in procedures
            ]
        )
        return
    for p in procedures:
        say(f"{p.code:<14} {p.sector:<22} {p.name}")
