"""`desk-server desk list|revoke|rotate` and `desk-server backoffice list|revoke|rotate`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from desk.i18n import translate
from sync.server.cli import BlobsOption, DbOption, backoffice_app, desk_app, open_server, say
from sync.server.credentials import list_credentials, revoke, rotate_backoffice, rotate_desk

KeyArgument = Annotated[str, typer.Argument(help="Khóa (hoặc ít nhất 8 ký tự đầu của khóa).")]


def _list(role: str, db: str | None, blobs: Path | None) -> None:
    server = open_server(db, blobs)
    try:
        with server.db.read() as session:
            rows = list_credentials(session, role, server.now())
    finally:
        server.close()
    if not rows:
        say(translate("Chưa có quầy hoặc tài khoản nào."))
    never = translate("chưa liên lạc")
    for row in rows:
        seen = row.last_seen_at.strftime("%Y-%m-%d %H:%M UTC") if row.last_seen_at else never
        parts = [row.key, row.agency_code, row.range, seen, _state_text(row.state), row.name]
        say("  ".join(part for part in parts if part))


def _state_text(state: str) -> str:
    if state == "active":
        return translate("đang hoạt động")
    if state == "waiting":
        return translate("chờ đăng ký")
    if state == "expired":
        return translate("mã đăng ký hết hạn")
    return translate("đã thu hồi")


@desk_app.command("list")
def desk_list(db: DbOption = None, blobs: BlobsOption = None) -> None:
    """Các quầy: khóa, cơ quan, dải số, lần liên lạc cuối, trạng thái, tên."""
    _list("desk", db, blobs)


@backoffice_app.command("list")
def backoffice_list(db: DbOption = None, blobs: BlobsOption = None) -> None:
    """Các tài khoản xử lý hồ sơ: khóa, cơ quan, lần liên lạc cuối, trạng thái, tên."""
    _list("backoffice", db, blobs)


def _revoke(role: str, key: str, db: str | None, blobs: Path | None) -> None:
    server = open_server(db, blobs)
    try:
        with server.db.write() as session:
            row = revoke(session, role, key, server.now())
            full = row.key
    finally:
        server.close()
    say(translate("Đã thu hồi {key}; mọi yêu cầu dùng khóa này bị từ chối ngay.", {"key": full}))


@desk_app.command("revoke")
def desk_revoke(key: KeyArgument, db: DbOption = None, blobs: BlobsOption = None) -> None:
    """Thu hồi quyền truy cập của một quầy (máy bị mất, hỏng hoặc không dùng nữa)."""
    _revoke("desk", key, db, blobs)


@backoffice_app.command("revoke")
def backoffice_revoke(key: KeyArgument, db: DbOption = None, blobs: BlobsOption = None) -> None:
    """Thu hồi một tài khoản xử lý hồ sơ."""
    _revoke("backoffice", key, db, blobs)


@desk_app.command("rotate")
def desk_rotate(key: KeyArgument, db: DbOption = None, blobs: BlobsOption = None) -> None:
    """Cấp mã đăng ký mới cho quầy (cùng dải số); khóa cũ của quầy hết hiệu lực ngay."""
    server = open_server(db, blobs)
    try:
        with server.db.write() as session:
            row, code = rotate_desk(session, key, server.now())
            full = row.key
    finally:
        server.close()
    say(translate("Mã đăng ký (dùng một lần, hết hạn sau 7 ngày): {code}", {"code": code}))
    say(translate("Khóa quầy: {key}", {"key": full}))


@backoffice_app.command("rotate")
def backoffice_rotate(key: KeyArgument, db: DbOption = None, blobs: BlobsOption = None) -> None:
    """Cấp mã truy cập mới cho tài khoản xử lý hồ sơ (chỉ hiện một lần); mã cũ hết hiệu lực."""
    server = open_server(db, blobs)
    try:
        with server.db.write() as session:
            _row, bearer = rotate_backoffice(session, key, server.now())
    finally:
        server.close()
    say(bearer)
