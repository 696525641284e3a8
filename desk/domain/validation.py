"""Pydantic and OS errors in the officer's language.

Pydantic explains problems in English ("Field required"); an administrator importing a
province's catalogue needs to read, in Vietnamese, which entry is wrong and why.
"""

from __future__ import annotations

import errno
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from desk.errors import InvalidInput
from desk.i18n import translate

SettingsModel = TypeVar("SettingsModel", bound=BaseModel)

# pydantic error type -> Vietnamese template (filled from the error's ctx)
_BY_TYPE: dict[str, str] = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "có trường không được phép",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "bool_parsing": "phải là true hoặc false",
    "bool_type": "phải là true hoặc false",
    "string_type": "phải là chuỗi ký tự",
    "string_too_short": "không được để trống",
    "list_type": "phải là một danh sách",
    "too_short": "cần ít nhất {min_length} mục",
    "dict_type": "phải là một đối tượng JSON",
    "model_type": "phải là một đối tượng JSON",
    "model_attributes_type": "phải là một đối tượng JSON",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_type": "phải là ngày dạng YYYY-MM-DD",
    "time_parsing": "phải là giờ dạng HH:MM",
    "time_type": "phải là giờ dạng HH:MM",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "greater_than": "phải lớn hơn {gt}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "literal_error": "phải là một trong các giá trị: {expected}",
    "enum": "phải là một trong các giá trị: {expected}",
    "tuple_type": "phải là một cặp giá trị",
}

_OS_REASONS: dict[int, str] = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không có quyền truy cập",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "đường dẫn có phần không phải thư mục",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.EEXIST: "tệp đã tồn tại",
}


def first_problem(error: ValidationError) -> ErrorDetails:
    return error.errors()[0]


def describe(detail: ErrorDetails) -> str:
    """What is wrong with one field, in the current language."""
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    if detail["type"] == "value_error":
        # Our own validators raise ValueError with a Vietnamese (translatable) sentence.
        return translate(str(context.get("error", detail["msg"])))
    template = _BY_TYPE.get(detail["type"])
    if template is None:
        return detail["msg"]
    return translate(template, {key: str(value) for key, value in context.items()})


def dotted(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or translate("tệp")


def os_reason(error: OSError) -> str:
    """The reason for a failed file operation, without the OS's English text."""
    template = _OS_REASONS.get(error.errno or 0)
    return translate(template) if template else (error.strerror or type(error).__name__)


def updated_settings(
    model: type[SettingsModel], current: BaseModel, changes: dict[str, object]
) -> SettingsModel:
    """``current`` with ``changes``, validated as ``model``; a wrong value is InvalidInput
    naming the setting, and nothing is saved."""
    data = current.model_dump()
    data.update(changes)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InvalidInput(
            "Cấu hình không hợp lệ ({where}): {detail}",
            where=dotted(tuple(first_problem(error)["loc"])),
            detail=describe(first_problem(error)),
        ) from None
