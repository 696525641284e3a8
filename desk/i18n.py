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
        text = text.format(**params)
    return unicodedata.normalize("NFC", text)
