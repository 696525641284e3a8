"""Reading the JSON files an administrator hands the desk (catalogue, calendar notice,
applicant), with one set of Vietnamese errors and nothing written until all is valid."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from desk.domain.validation import describe, dotted, first_problem, os_reason
from desk.errors import InvalidInput

Model = TypeVar("Model", bound=BaseModel)
Locator = Callable[[Any, tuple[int | str, ...]], str]


def read_json(path: Path, what: str) -> Any:
    """Parse ``path`` as UTF-8 JSON; ``what`` names the file for the user ("danh mục" …)."""
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
            "Không đọc được tệp {what}: {reason}", what=what, reason=os_reason(error)
        ) from None


def validated(model: type[Model], raw: Any, what: str, locate: Locator | None = None) -> Model:
    """``raw`` as ``model``, or InvalidInput naming the first wrong entry."""
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        detail = first_problem(error)
        where = (locate or _dotted)(raw, tuple(detail["loc"]))
        raise InvalidInput(
            "Tệp {what} không hợp lệ, chưa ghi gì vào cơ sở dữ liệu ({where}): {detail}",
            what=what,
            where=where,
            detail=describe(detail),
        ) from None


def read_model(model: type[Model], path: Path, what: str, locate: Locator | None = None) -> Model:
    return validated(model, read_json(path, what), what, locate)


def _dotted(_raw: Any, loc: tuple[int | str, ...]) -> str:
    return dotted(loc)
