"""Shared pieces of the `desk` commands: the --db option, opening services, output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from desk.config import DeskSettings
from desk.domain.timefmt import iso_local, parse_local
from desk.errors import ConfigError, InvalidInput
from desk.services.container import DeskServices

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="Tệp dữ liệu SQLite của quầy (mặc định: biến DESK_DB, rồi thư mục dữ liệu "
        "người dùng).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")]
PERIODS = "2026-11, 2026-Q4, 2026-H2, 2026 hoặc 2026-10-16..2026-11-15 (cả hai ngày)"
"""The report periods an officer may give (desk.domain.reports.Period)."""


def resolve_db(db: Path | None) -> Path:
    return db if db is not None else DeskSettings().db_path()


@contextmanager
def services(db: Path | None, *, create: bool = False) -> Iterator[DeskServices]:
    """Open the desk's services. Only commands that set an office up may create the file:
    anywhere else a mistyped --db would silently start an empty office."""
    path = resolve_db(db)
    if not create and not path.is_file():
        raise ConfigError(
            "Không có dữ liệu quầy tại {path}. Kiểm tra --db (hoặc DESK_DB), hoặc khởi tạo "
            "bằng `desk init` (`desk demo` để dùng thử).",
            path=str(path),
        )
    opened = DeskServices.open(path)
    try:
        yield opened
    finally:
        opened.close()


def to_jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso_local(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


def emit_json(value: Any) -> None:
    sys.stdout.write(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2) + "\n")


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def parse_instant(text: str, what: str) -> datetime:
    try:
        return parse_local(text)
    except ValueError:
        raise InvalidInput(
            "{what} không đúng dạng: cần 'YYYY-MM-DD HH:MM' (giờ Việt Nam), ví dụ "
            "'2026-11-25 09:30'.",
            what=what,
        ) from None


def parse_day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            "{what} không đúng dạng YYYY-MM-DD, ví dụ 2026-12-01.", what=what
        ) from None
