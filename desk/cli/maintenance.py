"""Reports, verification and backup."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from desk.cli.common import PERIODS, DbOption, JsonOption, emit_json, say, services
from desk.domain.reports import Period
from desk.domain.validation import os_reason
from desk.errors import IntegrityFailure, InvalidInput
from desk.i18n import translate
from desk.services.reports import report_csv, report_json, write_report_xlsx


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("verify")(verify)
    app.command("backup")(backup)


def report(
    period: Annotated[str, typer.Option(help=f"Kỳ: {PERIODS}.")],
    format: Annotated[str, typer.Option(help="json | csv | xlsx")] = "json",
    by: Annotated[str, typer.Option(help="Nhóm theo: sector | procedure")] = "sector",
    out: Annotated[Path | None, typer.Option(help="Tệp kết quả (bắt buộc với xlsx).")] = None,
    db: DbOption = None,
) -> None:
    """Báo cáo tình hình, kết quả giải quyết TTHC theo kỳ (mẫu 06a)."""
    if format not in ("json", "csv", "xlsx"):
        raise InvalidInput(
            "Định dạng không hỗ trợ: {value}. Dùng json, csv hoặc xlsx.", value=format
        )
    if by not in ("sector", "procedure"):
        raise InvalidInput(
            "Nhóm báo cáo theo lĩnh vực (--by sector) hoặc theo thủ tục (--by procedure)."
        )
    if format == "xlsx" and out is None:
        raise InvalidInput("Báo cáo xlsx cần --out TỆP.xlsx.")
    parsed = Period.parse(period)
    with services(db) as desk:
        result = desk.reports.period_report(parsed, group_by=by)  # type: ignore[arg-type]
    if format == "xlsx":
        assert out is not None
        write_report_xlsx(result, out)
        say(translate("Đã ghi báo cáo vào {path}.", {"path": str(out)}))
        return
    text = report_json(result) + "\n" if format == "json" else report_csv(result)
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InvalidInput(
            "Không ghi được tệp {path}: {reason}",
            path=str(out),
            reason=os_reason(error),
        ) from None


def verify(db: DbOption = None, json: JsonOption = False) -> None:
    """Kiểm tra toàn vẹn cơ sở dữ liệu và chuỗi nhật ký của mọi hồ sơ."""
    with services(db) as desk:
        result = desk.maintenance.verify()
    if json:
        emit_json(
            {
                "ok": result.ok,
                "integrity": result.integrity,
                "foreign_key_errors": result.foreign_key_errors,
                "dossiers_checked": result.dossiers_checked,
                "events_checked": result.events_checked,
                "broken_chains": result.broken_chains,
                "outbox_gaps": result.outbox_gaps,
            }
        )
    else:
        say(
            translate(
                "Đã kiểm tra {d} hồ sơ, {e} sự kiện.",
                {"d": result.dossiers_checked, "e": result.events_checked},
            )
        )
    if not result.ok:
        raise IntegrityFailure(
            "Phát hiện dữ liệu không toàn vẹn: {count} hồ sơ có nhật ký bị sai lệch, "
            "kiểm tra SQLite: {integrity}.",
            count=len(result.broken_chains),
            integrity=result.integrity,
        )
    if not json:
        say(translate("Dữ liệu toàn vẹn."))


def backup(target: Path, db: DbOption = None) -> None:
    """Sao lưu cơ sở dữ liệu (an toàn khi quầy đang chạy)."""
    with services(db) as desk:
        path = desk.maintenance.backup(target)
    say(translate("Đã sao lưu vào {path}.", {"path": str(path)}))
