"""Office set-up commands: init, demo, officers, and `desk run` (the TUI)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer

from desk.cli.common import DbOption, JsonOption, emit_json, resolve_db, say, services
from desk.errors import ConfigError, InvalidInput
from desk.i18n import translate
from desk.services.auth import ROLE_LABELS
from desk.services.catalog import bundled_catalog_path, read_catalog
from desk.services.container import DeskServices
from desk.services.demo import DEMO_PRINT_FOLDER, create_demo, demo_printer

officer_app = typer.Typer(help="Quản lý cán bộ (tài khoản đăng nhập).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("demo")(demo)
    app.command("run")(run)
    app.add_typer(officer_app, name="officer")


def init(
    agency_code: Annotated[str, typer.Option(help="Mã định danh cơ quan, ví dụ 000.00.12.H53.")],
    agency_name: Annotated[str, typer.Option(help="Tên cơ quan, ví dụ Ủy ban nhân dân xã …")],
    desk_range: Annotated[str, typer.Option(help="Dải số hồ sơ của quầy này, ví dụ 0001-4999.")],
    place: Annotated[str | None, typer.Option(help="Địa danh ghi ở dòng ngày tháng.")] = None,
    unit_name: Annotated[str | None, typer.Option(help="Tên Bộ phận Một cửa / TTPVHCC.")] = None,
    phone: Annotated[str | None, typer.Option(help="Số điện thoại in trên phiếu hẹn.")] = None,
    tracking_url: Annotated[str | None, typer.Option(help="Địa chỉ trang tra cứu hồ sơ.")] = None,
    catalog: Annotated[
        Path | None,
        typer.Option(
            "--catalog",
            help="Tệp danh mục thủ tục của tỉnh (mặc định: danh mục kèm theo phần mềm).",
        ),
    ] = None,
    no_catalog: Annotated[
        bool, typer.Option("--no-catalog", help="Không nạp danh mục thủ tục nào.")
    ] = False,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Khởi tạo cơ quan và quầy trên máy này, nạp danh mục thủ tục kèm theo phần mềm."""
    if catalog is not None and no_catalog:
        raise InvalidInput("Chọn một trong --catalog FILE hoặc --no-catalog, không dùng cả hai.")
    catalog_file = None if no_catalog else (catalog or bundled_catalog_path())
    if catalog_file is not None:
        read_catalog(catalog_file)  # a bad file is refused before the office is created
    with services(db, create=True) as desk:
        view = desk.office.init_office(
            agency_code=agency_code,
            agency_name=agency_name,
            desk_range=desk_range,
            place_name=place,
            unit_name=unit_name,
            phone=phone,
            tracking_base_url=tracking_url,
        )
        loaded = desk.catalog.import_file(catalog_file) if catalog_file is not None else None
    if json:
        emit_json(
            {
                "agency_code": view.agency_code,
                "agency_name": view.agency_name,
                "desk_id": view.desk_id,
                "desk_range": str(view.desk_range),
                "catalog": None
                if loaded is None
                else {"version": loaded.version, "procedures": loaded.added + loaded.updated},
            }
        )
        return
    say(
        translate(
            "Đã khởi tạo {name} ({code}), dải số {range}.",
            {"name": view.agency_name, "code": view.agency_code, "range": str(view.desk_range)},
        )
    )
    if loaded is None:
        say(
            translate(
                "Tiếp theo: nạp danh mục thủ tục (desk catalog import) và tạo cán bộ "
                "(desk officer add)."
            )
        )
        return
    say(
        translate(
            "Đã nạp danh mục thủ tục {version}: {count} thủ tục.",
            {"version": loaded.version, "count": loaded.added + loaded.updated},
        )
    )
    say(translate("Tiếp theo: tạo cán bộ (desk officer add)."))


def demo(db: DbOption = None, json: JsonOption = False) -> None:
    """Tạo văn phòng trình diễn (danh mục thủ tục và hai cán bộ) và in tài khoản đăng nhập."""
    with services(db, create=True) as desk:
        logins = create_demo(desk.office, desk.catalog, desk.auth)
        prints = demo_printer(desk.printing, resolve_db(db).parent / DEMO_PRINT_FOLDER)
    if json:
        emit_json(
            [{"username": x.username, "password": x.password, "role": x.role} for x in logins]
        )
        return
    say(translate("Đã tạo văn phòng trình diễn tại {path}.", {"path": str(resolve_db(db))}))
    say(
        translate(
            "Máy in trình diễn: các mẫu in ra tệp PDF trong thư mục {path}.", {"path": str(prints)}
        )
    )
    for login in logins:
        say(f"  {login.username} / {login.password}  ({translate(ROLE_LABELS[login.role])})")


def run(db: DbOption = None) -> None:
    """Mở màn hình quầy trên dữ liệu đã khởi tạo (`desk init`, hoặc `desk demo` để dùng thử)."""
    from screens.app import make_app
    from screens.keymap import load_keymap

    path = resolve_db(db)
    if not path.is_file():  # a mistyped --db must not look like an office whose data is gone
        raise ConfigError(
            "Không có dữ liệu quầy tại {path}; không tạo gì mới. Kiểm tra --db (hoặc DESK_DB). "
            "Quầy mới: `desk init`; dùng thử: `desk demo` hoặc ./run-demo.sh.",
            path=str(path),
        )
    keymap = load_keymap()
    desk = DeskServices.open(path)
    try:
        if not desk.office.is_initialised():
            raise ConfigError(
                "Tệp {path} chưa có cơ quan nào: khởi tạo bằng `desk init` (hoặc `desk demo` "
                "để dùng thử) rồi chạy lại.",
                path=str(path),
            )
        desk.printing.runner().resume()  # jobs a previous run left queued continue now
        make_app(desk, keymap=keymap).run()
    finally:
        desk.close()


@officer_app.command("add")
def officer_add(
    username: Annotated[str, typer.Argument(help="Tên đăng nhập (chữ không dấu).")],
    full_name: Annotated[str, typer.Option(help="Họ và tên cán bộ.")],
    role: Annotated[str, typer.Option(help="reception | leader | admin")] = "reception",
    title: Annotated[str | None, typer.Option(help="Chức vụ in dưới chữ ký.")] = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Tạo cán bộ với mật khẩu tạm; cán bộ phải đổi mật khẩu ở lần đăng nhập đầu."""
    with services(db) as desk:
        view, password = desk.auth.create_officer(
            username=username, full_name=full_name, role=role, title=title
        )
    if json:
        emit_json({"username": view.username, "role": view.role, "temporary_password": password})
        return
    say(
        translate(
            "Đã tạo cán bộ {username}. Mật khẩu tạm: {password} (phải đổi khi đăng nhập lần đầu).",
            {"username": view.username, "password": password},
        )
    )


@officer_app.command("list")
def officer_list(db: DbOption = None, json: JsonOption = False) -> None:
    """Danh sách cán bộ."""
    with services(db) as desk:
        officers = desk.auth.officers()
    if json:
        emit_json(
            [
                {
                    "username": o.username,
                    "full_name": o.full_name,
                    "role": o.role,
                    "active": o.active,
                    "must_change_password": o.must_change_password,
                }
                for o in officers
            ]
        )
        return
    for o in officers:
        say(f"{o.username:<16} {o.role:<10} {o.full_name}")


@officer_app.command("reset-password")
def officer_reset(username: str, db: DbOption = None) -> None:
    """Cấp mật khẩu tạm mới và mở khóa tài khoản."""
    with services(db) as desk:
        password = desk.auth.reset_password(username)
    say(
        translate(
            "Mật khẩu tạm mới của {username}: {password}",
            {"username": username, "password": password},
        )
    )


@officer_app.command("passwd")
def officer_passwd(username: str, db: DbOption = None) -> None:
    """Đổi mật khẩu (hỏi mật khẩu cũ và mới, không hiện trên màn hình)."""
    old = getpass.getpass(translate("Mật khẩu hiện tại:") + " ")
    new = getpass.getpass(translate("Mật khẩu mới:") + " ")
    if new != getpass.getpass(translate("Nhập lại mật khẩu mới:") + " "):
        raise InvalidInput("Hai lần nhập mật khẩu mới không khớp.")
    with services(db) as desk:
        officer = desk.auth.login(username, old).officer
        desk.auth.change_password(officer.id, old, new)
    say(translate("Đã đổi mật khẩu."))
