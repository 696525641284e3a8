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
from desk.errors import InvalidInput
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


def resolve_db(db: Path | None) -> Path:
    return db if db is not None else DeskSettings().db_path()


@contextmanager
def services(db: Path | None) -> Iterator[DeskServices]:
    opened = DeskServices.open(resolve_db(db))
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


def read_json_file(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(
            "Không tìm thấy tệp {what}: {path}.", what=what, path=str(path)
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInput(
            "Tệp {what} không phải JSON hợp lệ (UTF-8): {detail}", what=what, detail=str(error)
        ) from None
    except OSError as error:
        raise InvalidInput(
            "Không đọc được tệp {what}: {reason}", what=what, reason=error.strerror or str(error)
        ) from None
