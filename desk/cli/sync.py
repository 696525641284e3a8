"""Sync with the central server: `desk enrol`, `desk sync [--once]`, `desk sync status` …"""

from __future__ import annotations

import logging
import signal
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from desk.cli.common import DbOption, JsonOption, emit_json, say, services
from desk.errors import DeskError
from desk.i18n import translate
from desk.services.sync import SyncReport, footer_text
from sync.worker import SyncLoop

log = logging.getLogger("desk.sync")

sync_app = typer.Typer(
    help="Đồng bộ với máy chủ trung tâm (mặc định: chạy liên tục; --once: một lượt).",
    invoke_without_command=True,
    add_completion=False,
)
ServerOption = Annotated[
    str | None, typer.Option("--server", help="Địa chỉ máy chủ (mặc định: địa chỉ lúc đăng ký).")
]


def register(app: typer.Typer) -> None:
    app.command("enrol")(enrol)
    app.add_typer(sync_app, name="sync")


def enrol(
    server: Annotated[str, typer.Option("--server", help="Địa chỉ máy chủ, ví dụ https://…")],
    code: Annotated[str, typer.Option("--code", help="Mã đăng ký do quản trị viên máy chủ cấp.")],
    ca_bundle: Annotated[
        Path | None,
        typer.Option("--ca-bundle", help="Tệp chứng thư CA riêng của máy chủ (PEM)."),
    ] = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Đăng ký quầy với máy chủ trung tâm (một lần)."""
    with services(db) as opened:
        result = opened.sync.enrol(server, code, ca_bundle=ca_bundle)
    if json:
        emit_json(result)
        return
    say(
        translate("Đã đăng ký quầy với máy chủ. Dải số hồ sơ: {range}.", {"range": result["range"]})
    )
    if result["tracking_url"]:
        say(
            translate(
                "Phiếu hẹn từ nay in mã QR dẫn tới trang tra cứu {url}.",
                {"url": result["tracking_url"]},
            )
        )
    if result["codes_outside_range"]:
        say(
            translate(
                "Cảnh báo: quầy đã cấp mã hồ sơ ngoài dải số này; các hồ sơ đó sẽ bị máy chủ "
                "từ chối và hiện trong danh sách cách ly (`desk sync quarantine`)."
            )
        )


@sync_app.callback()
def sync(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option("--once", help="Chạy một lượt rồi dừng.")] = False,
    server: ServerOption = None,
    interval: Annotated[float, typer.Option(help="Số giây giữa hai lượt khi có mạng.")] = 30.0,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Gửi lệnh, tải tệp lên, nhận thay đổi từ máy chủ."""
    if ctx.invoked_subcommand is not None:
        return
    with services(db) as opened:
        if once:
            report = opened.sync.sync_once(server)
            _show_report(report, json)
            if not report.online or report.error:
                raise typer.Exit(11)
            return
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())

        def step(due_now: bool) -> bool:
            try:
                report = opened.sync.sync_once(server, now_due=due_now)
            except DeskError as error:
                say(f"{error.title}: {error.message}")
                return False
            _show_report(report, json)
            return report.online and report.error is None

        try:
            SyncLoop(step, poll_interval=interval).run(stop)
        except KeyboardInterrupt:
            stop.set()


@sync_app.command("status")
def status(db: DbOption = None, json: JsonOption = False) -> None:
    """Trạng thái đồng bộ: trực tuyến/ngoại tuyến, lệnh và dữ liệu còn chờ gửi."""
    with services(db) as opened:
        current = opened.sync.status()
    if json:
        emit_json(asdict(current))
        return
    say(footer_text(current))
    if current.scans_pending:
        say(
            translate(
                "{count} bản quét chưa có trên máy chủ (tệp đang chờ tải lên).",
                {"count": current.scans_pending},
            )
        )


@sync_app.command("quarantine")
def quarantine(db: DbOption = None, json: JsonOption = False) -> None:
    """Các lệnh bị máy chủ từ chối (đang cách ly), với lý do."""
    with services(db) as opened:
        rows = opened.sync.quarantined()
    if json:
        emit_json(rows)
        return
    if not rows:
        say(translate("Không có lệnh nào bị cách ly."))
    for row in rows:
        say(f"{row['command_id']}  {row['dossier_code'] or '-'}  {row['type']}: {row['reason']}")


@sync_app.command("retry")
def retry(
    command_ids: Annotated[
        list[str] | None, typer.Argument(help="Mã lệnh (bỏ trống: tất cả).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Đưa các lệnh đang cách ly trở lại hàng đợi để gửi lại."""
    with services(db) as opened:
        count = opened.sync.retry(command_ids or None)
    say(translate("Đã đưa {count} lệnh trở lại hàng đợi.", {"count": count}))


@sync_app.command("export-quarantine")
def export_quarantine(
    out: Annotated[Path, typer.Argument(help="Tệp JSON để lưu.")], db: DbOption = None
) -> None:
    """Lưu các lệnh đang cách ly (đầy đủ nội dung) ra tệp để gửi cho quản trị viên."""
    with services(db) as opened:
        count = opened.sync.export_quarantined(out)
    say(translate("Đã lưu {count} lệnh vào {path}.", {"count": count, "path": str(out)}))


@sync_app.command("export")
def export(
    out: Annotated[Path, typer.Argument(help="Tệp gói đồng bộ để mang đến máy chủ.")],
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Lưu các lệnh và tệp chưa gửi vào một gói có chữ ký, để nhập ở máy chủ khi mất mạng lâu."""
    with services(db) as opened:
        report = opened.sync.export_bundle(out)
    if json:
        emit_json(asdict(report))
        return
    say(
        translate(
            "Đã lưu gói đồng bộ {path}: {commands} lệnh, {blobs} tệp ({kb} KB). Mang gói đến "
            "máy chủ và nhập bằng `desk-server import`; lần đồng bộ trực tuyến sau, các lệnh "
            "này được máy chủ xác nhận là đã có.",
            {
                "path": report.path,
                "commands": report.commands,
                "blobs": report.blobs,
                "kb": report.bytes // 1024,
            },
        )
    )


def _show_report(report: SyncReport, as_json: bool) -> None:
    if as_json:
        emit_json(asdict(report))
        return
    for warning in report.warnings:
        say(warning)
    if not report.online or report.error:
        say(translate("Ngoại tuyến: chưa liên lạc được máy chủ; dữ liệu vẫn được giữ để gửi sau."))
        return
    say(
        translate(
            "Đã đồng bộ: {applied} lệnh mới, {duplicates} lệnh trùng, {quarantined} lệnh bị từ "
            "chối, {blobs} tệp, {changes} thay đổi từ máy chủ.",
            {
                "applied": report.applied,
                "duplicates": report.duplicates,
                "quarantined": report.quarantined,
                "blobs": report.blobs_uploaded,
                "changes": report.changes_applied,
            },
        )
    )
