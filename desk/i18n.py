"""User-facing text: Vietnamese by default, English by setting.

Source strings are Vietnamese templates (NFC). English renderings live in a plain
dict keyed by the Vietnamese template, so adding a language needs no build step
(gettext .mo files would need msgfmt on every Windows desk).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Literal

Language = Literal["vi", "en"]

_language: Language = "vi"

PARAMETER_LABELS = frozenset(
    {
        "chủ hồ sơ",
        "người nộp hồ sơ",
        "người nhận kết quả",
        "người nhận",
        "thành phần hồ sơ",
        "lịch",
        "danh mục",
        "tệp",
        # the fields of desk.domain.entry's messages
        "Họ tên",
        "Số định danh",
        "Giới tính",
        "Địa chỉ",
        "Số điện thoại",
        "Email",
        "Ghi chú",
        "Trích yếu",
        "Trường hợp",
        "Địa chỉ nhận kết quả",
        "Tên thành phần hồ sơ",
        "Ghi chú thành phần hồ sơ",
        "Nội dung bổ sung",
        "Lý do",
        "Tên đơn vị",
        "Người ký",
        "Chức danh người ký",
        "Nội dung phản ánh",
        "Nội dung trả lời",
    }
)
"""Nouns passed as message parameters ("Chưa nhập họ tên {role}."); translated with them."""


def set_language(language: Language) -> None:
    global _language
    _language = language


def current_language() -> Language:
    return _language


def translate(template: str, params: Mapping[str, object] | None = None) -> str:
    """Render ``template`` in the current language, filled with ``params``, in NFC."""
    text = template
    if _language == "en":
        from desk.i18n_en import ENGLISH

        text = ENGLISH.get(template, template)
        if params:
            # Labels passed as values ("chủ hồ sơ", a status name …) are translated too.
            params = {
                key: ENGLISH.get(value, value) if isinstance(value, str) else value
                for key, value in params.items()
            }
    if params:
        text = text.format(**params)
    return unicodedata.normalize("NFC", text)
