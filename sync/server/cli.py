"""The `desk-server` command: run the server, enrol desks, move dossiers from the back office."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.errors import DeskError
from desk.i18n import translate
from sync.protocol import AdvanceRequest
from sync.server.auth import add_backoffice, add_desk
from sync.server.context import Server, ServerSettings
from sync.server.errors import Refused, not_found
from sync.server.guard import trusted_networks
from sync.server.migrate import upgrade
from sync.server.notify.config import notifiers_from, start_sender_loop
from sync.server.notify.queue import NotificationSender
from sync.server.online import set_online_range
from sync.server.online_input import parse_submission, read_submission_file
from sync.server.publish import publish
from sync.server.tables import ServerDossier

app = typer.Typer(
    name="desk-server",
    help="Máy chủ trung tâm của motcua-desk.",
    add_completion=False,
    pretty_exceptions_enable=False,
)
desk_app = typer.Typer(help="Quản lý quầy.", add_completion=False)
dossier_app = typer.Typer(help="Xử lý hồ sơ (back office).", add_completion=False)
backoffice_app = typer.Typer(help="Tài khoản xử lý hồ sơ.", add_completion=False)
notify_app = typer.Typer(help="Thông báo cho công dân (email, SMS).", add_completion=False)
agency_app = typer.Typer(help="Cấu hình cơ quan.", add_completion=False)
app.add_typer(desk_app, name="desk")
app.add_typer(dossier_app, name="dossier")
app.add_typer(backoffice_app, name="backoffice")
app.add_typer(notify_app, name="notify")
app.add_typer(agency_app, name="agency")
catalog_app = typer.Typer(help="Danh mục thủ tục gửi xuống các quầy.", add_completion=False)
calendar_app = typer.Typer(help="Lịch nghỉ lễ, làm bù gửi xuống các quầy.", add_completion=False)
app.add_typer(catalog_app, name="catalog")
app.add_typer(calendar_app, name="calendar")
AgencyOption = Annotated[
    list[str] | None,
    typer.Option("--agency", help="Chỉ gửi cho cơ quan này (lặp lại được; mặc định: tất cả)."),
]

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="URL cơ sở dữ liệu (mặc định: biến DESK_SERVER_DB, rồi sqlite:///server.db)."
    ),
]
BlobsOption = Annotated[
    Path | None,
    typer.Option("--blobs", help="Thư mục lưu tệp (mặc định: DESK_SERVER_BLOBS, rồi ./blobs)."),
]


def settings(
    db: str | None, blobs: Path | None, trusted_proxies: list[str] | None = None
) -> ServerSettings:
    url = db or os.environ.get("DESK_SERVER_DB") or "sqlite:///server.db"
    folder = blobs or Path(os.environ.get("DESK_SERVER_BLOBS") or "blobs")
    public_url = os.environ.get("DESK_SERVER_PUBLIC_URL") or ""
    proxies = trusted_proxies or os.environ.get(PROXIES_ENV, "").replace(",", " ").split()
    trusted_networks(tuple(proxies))  # a bad CIDR stops the start, with a message
    return ServerSettings(
        db_url=url, blob_dir=folder, public_url=public_url, trusted_proxies=tuple(proxies)
    )


PROXIES_ENV = "DESK_SERVER_TRUSTED_PROXIES"


def open_server(
    db: str | None, blobs: Path | None, trusted_proxies: list[str] | None = None
) -> Server:
    server = Server.build(settings(db, blobs, trusted_proxies))
    upgrade(server.db.engine)
    return server


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


@app.command("migrate")
def migrate_command(db: DbOption = None, blobs: BlobsOption = None) -> None:
    """Tạo hoặc nâng cấp cơ sở dữ liệu của máy chủ."""
    open_server(db, blobs).close()
    say(translate("Cơ sở dữ liệu máy chủ đã ở phiên bản mới nhất."))


@app.command("run")
def run_command(
    db: DbOption = None,
    blobs: BlobsOption = None,
    host: Annotated[str, typer.Option(help="Địa chỉ lắng nghe.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Cổng lắng nghe.")] = 8700,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Số tiến trình phục vụ (mỗi tiến trình có giới hạn tra cứu công khai riêng).",
        ),
    ] = 1,
    trusted_proxy: Annotated[
        list[str] | None,
        typer.Option(
            "--trusted-proxy",
            help="Địa chỉ/CIDR của reverse proxy được tin X-Forwarded-For (lặp lại được; "
            "mặc định: biến DESK_SERVER_TRUSTED_PROXIES, rồi không tin proxy nào).",
        ),
    ] = None,
) -> None:
    """Chạy máy chủ (đặt sau một reverse proxy có TLS)."""
    import uvicorn

    from sync.server.app import create_app

    server = open_server(db, blobs, trusted_proxy)
    stop = start_sender_loop(_sender(server))
    try:
        if workers == 1:
            app_or_factory: object = create_app(server)
        else:  # stateless workers: each process builds its own Server from the environment
            os.environ["DESK_SERVER_DB"] = server.settings.db_url
            os.environ["DESK_SERVER_BLOBS"] = str(server.settings.blob_dir.resolve())
            os.environ[PROXIES_ENV] = " ".join(server.settings.trusted_proxies)
            app_or_factory = "sync.server.cli:app_from_env"
        uvicorn.run(
            app_or_factory,  # type: ignore[arg-type]
            host=host,
            port=port,
            proxy_headers=False,  # X-Forwarded-For only from --trusted-proxy (sync.server.guard)
            log_level="info",
            workers=workers,
            factory=workers > 1,
        )
    finally:
        stop.set()
        server.close()


app.command("serve", hidden=True)(run_command)  # the same command under the name some docs use


def app_from_env() -> Any:
    """The app of one worker process of `desk-server run --workers N` (already migrated)."""
    from sync.server.app import create_app

    return create_app(Server.build(settings(None, None)))


def _sender(server: Server) -> NotificationSender:
    return NotificationSender(server.db, notifiers_from(os.environ), server.settings.clock)


@notify_app.command("send")
def notify_send(db: DbOption = None, blobs: BlobsOption = None) -> None:
    """Gửi ngay các thông báo đến hạn gửi (email, SMS) cho công dân."""
    server = open_server(db, blobs)
    try:
        sent = _sender(server).deliver_due()
    finally:
        server.close()
    say(translate("Đã gửi {count} thông báo.", {"count": sent}))


@notify_app.command("list")
def notify_list(
    code: Annotated[str, typer.Argument(help="Mã hồ sơ.")],
    db: DbOption = None,
    blobs: BlobsOption = None,
) -> None:
    """Các thông báo đã gửi, chờ gửi hoặc lỗi của một hồ sơ."""
    server = open_server(db, blobs)
    try:
        rows = _sender(server).status(code.strip().upper())
    finally:
        server.close()
    if not rows:
        say(translate("Hồ sơ {code} chưa có thông báo nào.", {"code": code}))
    for row in rows:
        error = f" — {row.last_error}" if row.last_error else ""
        say(f"{row.event_kind:<20} {row.channel:<5} {row.state:<8} x{row.attempts}{error}")


@desk_app.command("add")
def desk_add(
    agency: Annotated[str, typer.Option("--agency", help="Mã định danh cơ quan.")],
    desk_range: Annotated[str, typer.Option("--range", help="Dải số hồ sơ, ví dụ 0001-4999.")],
    name: Annotated[str, typer.Option("--name", help="Tên quầy.")] = "",
    db: DbOption = None,
    blobs: BlobsOption = None,
) -> None:
    """Tạo quầy mới và in mã đăng ký dùng một lần."""
    server = open_server(db, blobs)
    try:
        with server.db.write() as session:
            key, code = add_desk(session, agency, desk_range, name, server.now())
    finally:
        server.close()
    say(translate("Mã đăng ký (dùng một lần, hết hạn sau 7 ngày): {code}", {"code": code}))
    say(translate("Khóa quầy: {key}", {"key": key}))


@backoffice_app.command("add")
def backoffice_add(
    agency: Annotated[str, typer.Option("--agency", help="Mã định danh cơ quan.")],
    name: Annotated[str, typer.Option("--name", help="Tên đơn vị xử lý.")] = "",
    db: DbOption = None,
    blobs: BlobsOption = None,
) -> None:
    """Tạo tài khoản cho đơn vị xử lý hồ sơ và in mã truy cập (chỉ hiện một lần)."""
    server = open_server(db, blobs)
    try:
        with server.db.write() as session:
            bearer = add_backoffice(session, agency, name, server.now())
    finally:
        server.close()
    say(bearer)


@dossier_app.command("advance")
def dossier_advance(
    code: Annotated[str, typer.Argument(help="Mã hồ sơ.")],
    to: Annotated[str, typer.Option("--to", help="processing | supplement | result-ready")],
    result: Annotated[Path | None, typer.Option("--result", help="Tệp kết quả (PDF).")] = None,
    note: Annotated[str, typer.Option("--note", help="Ghi chú, nội dung bổ sung.")] = "",
    db: DbOption = None,
    blobs: BlobsOption = None,
) -> None:
    """Chuyển trạng thái hồ sơ; quầy nhận được khi đồng bộ."""
    if to not in ("processing", "supplement", "result-ready"):
        raise Refused(
            "Trạng thái đích không hợp lệ: {value}; chọn processing, supplement hoặc result-ready.",
            reason_code="bad_target",
            value=to,
        )
    server = open_server(db, blobs)
    try:
        with server.db.read() as session:
            agency = _agency_of(session, code)
        sha = _store_result(server, agency, result) if result is not None else None
        request = AdvanceRequest.model_validate({"to": to, "note": note, "result_sha256": sha})
        response = server.backoffice.advance(agency, code, request)
    finally:
        server.close()
    say(
        translate(
            "Hồ sơ {code}: trạng thái {status}.", {"code": response.code, "status": response.status}
        )
    )


@dossier_app.command("submit")
def dossier_submit(
    file: Annotated[Path, typer.Argument(help="Tệp JSON của hồ sơ nộp trực tuyến.")],
    db: DbOption = None,
    blobs: BlobsOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")] = False,
) -> None:
    """Tạo một hồ sơ nộp trực tuyến (trạng thái Mới đăng ký); các quầy nhận khi đồng bộ."""
    submission = parse_submission(read_submission_file(file))
    server = open_server(db, blobs)
    try:
        submitted = server.online.submit(submission)
    finally:
        server.close()
    if json_output:
        say(submitted.model_dump_json())
        return
    say(
        translate(
            "Đã tạo hồ sơ trực tuyến {code} (trạng thái {status}); mã tra cứu {lookup}.",
            {"code": submitted.code, "status": submitted.status, "lookup": submitted.lookup_code},
        )
    )


@agency_app.command("online-range")
def agency_online_range(
    agency: Annotated[str, typer.Option("--agency", help="Mã định danh cơ quan.")],
    online_range: Annotated[
        str, typer.Option("--range", help="Dải số cho hồ sơ trực tuyến, ví dụ 9000-9999.")
    ],
    db: DbOption = None,
    blobs: BlobsOption = None,
) -> None:
    """Đặt dải số thứ tự máy chủ cấp cho hồ sơ nộp trực tuyến (không trùng dải của quầy)."""
    server = open_server(db, blobs)
    try:
        with server.db.write() as session:
            wanted = set_online_range(session, agency.strip().upper(), online_range)
    finally:
        server.close()
    say(
        translate(
            "Dải số hồ sơ trực tuyến của cơ quan {agency}: {range}.",
            {"agency": agency.strip().upper(), "range": str(wanted)},
        )
    )


def _agency_of(session: Session, code: str) -> str:
    wanted = code.strip().upper()
    agency = session.scalars(
        select(ServerDossier.agency_code).where(ServerDossier.code == wanted)
    ).first()
    if agency is None:
        raise not_found(wanted)
    return agency


def _store_result(server: Server, agency: str, path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError:
        raise Refused(
            "Không đọc được tệp kết quả {path}.", reason_code="bad_file", path=str(path)
        ) from None
    with server.db.write() as session:
        return server.blobs.store_whole(session, agency, data, "application/pdf")


def _publish(
    what: str, path: Path, agencies: list[str] | None, replace: bool, db: str | None
) -> None:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise Refused(
            "Không đọc được tệp JSON {path}.", reason_code="bad_input", path=str(path)
        ) from None
    server = open_server(db, None)
    try:
        targets = publish(
            server.db, what, content, agencies=agencies, replace=replace, clock=server.now
        )
    finally:
        server.close()
    say(
        translate("Đã gửi cho {count} cơ quan; các quầy nhận khi đồng bộ.", {"count": len(targets)})
    )


@catalog_app.command("publish")
def catalog_publish(
    path: Annotated[
        Path, typer.Argument(help="Tệp danh mục thủ tục (JSON, như desk catalog import).")
    ],
    agency: AgencyOption = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Là toàn bộ danh mục: thủ tục không có trong tệp bị ngừng."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Gửi danh mục thủ tục xuống các quầy."""
    _publish("catalog", path, agency, replace, db)


@calendar_app.command("publish")
def calendar_publish(
    path: Annotated[
        Path, typer.Argument(help="Tệp lịch một năm (JSON, như desk calendar import).")
    ],
    agency: AgencyOption = None,
    db: DbOption = None,
) -> None:
    """Gửi lịch nghỉ lễ, ngày làm bù của một năm xuống các quầy."""
    _publish("calendar", path, agency, False, db)


@app.command("import")
def import_command(
    bundle: Annotated[Path, typer.Argument(help="Gói đồng bộ do `desk sync export` tạo.")],
    db: DbOption = None,
    blobs: BlobsOption = None,
) -> None:
    """Nhập gói đồng bộ mang tay từ một quầy mất mạng (nhập lại lần nữa không thay đổi gì)."""
    from sync.server.imports import import_bundle

    server = open_server(db, blobs)
    try:
        report = import_bundle(server, bundle)
    finally:
        server.close()
    say(
        translate(
            "Đã nhập gói của quầy {desk}: {applied} lệnh mới, {duplicates} lệnh đã có, "
            "{refused} lệnh bị từ chối, {stored} tệp mới, {present} tệp đã có.",
            {
                "desk": report.desk_key,
                "applied": report.applied,
                "duplicates": report.duplicates,
                "refused": report.refused,
                "stored": report.blobs_stored,
                "present": report.blobs_present,
            },
        )
    )
    for line in report.refusals:
        say(line)


from sync.server import cli_credentials  # noqa: E402, F401  (registers list, revoke, rotate)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING)
    try:
        # Without standalone mode, Typer returns (not raises) the code of a `typer.Exit`.
        returned = app(
            args=sys.argv[1:] if argv is None else argv,
            prog_name="desk-server",
            standalone_mode=False,
        )
    except DeskError as error:
        sys.stderr.write(f"{error.title}: {error.message}\n")
        return 2 if isinstance(error, Refused) else error.exit_code
    except typer.Exit as done:
        return int(done.exit_code or 0)
    except typer.TyperException as error:
        sys.stderr.write(f"{error}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    return returned if isinstance(returned, int) else 0


if __name__ == "__main__":
    raise SystemExit(main())
