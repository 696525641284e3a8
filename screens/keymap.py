"""Key bindings: every binding has an id; a site remaps keys from a TOML file.

The file (``DESK_KEYMAP``, else ``keymap.toml`` in the user config folder) looks like::

    [keymap]
    new-intake = "f2,ctrl+t"
    find-dossier = "f3"

Ids not listed keep their default key; unknown ids are refused so that a typo is seen.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from platformdirs import user_config_dir

from desk.config import APP_NAME
from desk.errors import ConfigError

DEFAULT_KEYS: dict[str, str] = {
    "help": "f1",
    "new-intake": "f2",
    "find-dossier": "f3",
    "return-result": "f4",
    "refresh": "f5",
    "reports": "f6",
    "settings": "f7",
    "officers": "f8",
    "feedback": "f9",
    "online": "ctrl+o",
    "lock": "ctrl+l",
    "sync-now": "f11,ctrl+u",
    "choose-printer": "ctrl+g",
    "command-palette": "ctrl+p",
    "quit": "ctrl+q",
    "back": "escape",
    "intake-next": "ctrl+n",
    "intake-previous": "ctrl+b",
    "submit": "ctrl+s",
    "reprint": "ctrl+r",
    "apologise": "f10",
    "scan-component": "f5",
    "scan-rescan-page": "f6",
    "scan-remove-page": "delete",
    "scan-pick-file": "f7",
    "hand-over": "f12",
    "mark": "space",
    "mark-all": "ctrl+a",
    "quarantine": "ctrl+y",
    "retry-command": "ctrl+r",
    "retry-all": "ctrl+t",
    "export-commands": "ctrl+e",
}
"""Binding id -> default keys (Textual key names, comma-separated alternatives)."""


def keymap_path() -> Path:
    configured = os.environ.get("DESK_KEYMAP")
    if configured:
        return Path(configured)
    return Path(user_config_dir(APP_NAME, appauthor=False)) / "keymap.toml"


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """The remapped keys of ``path`` (no file: no remapping)."""
    target = path or keymap_path()
    if not target.is_file():
        return {}
    try:
        data = tomllib.loads(target.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        raise ConfigError(
            "Tệp phím tắt {path} không đọc được (cần dạng TOML với bảng [keymap]). Hãy sửa "
            "hoặc xóa tệp này.",
            path=str(target),
        ) from None
    table = data.get("keymap", {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise ConfigError(
            'Bảng [keymap] trong {path} phải gồm các dòng mã-phím = "phím".', path=str(target)
        )
    unknown = sorted(set(table) - set(DEFAULT_KEYS))
    if unknown:
        raise ConfigError(
            "Tệp phím tắt {path} có mã phím không tồn tại: {ids}. Các mã dùng được: {known}.",
            path=str(target),
            ids=", ".join(unknown),
            known=", ".join(DEFAULT_KEYS),
        )
    return {key: str(value) for key, value in table.items()}


def key(binding_id: str) -> str:
    return DEFAULT_KEYS[binding_id]


_KEY_NAMES = {"escape": "Esc", "delete": "Delete", "space": "Space", "enter": "Enter"}


def key_label(keys: str) -> str:
    """ "ctrl+s" → "Ctrl+S", "f2" → "F2", "escape" → "Esc": keys as printed on a keyboard."""

    def one(name: str) -> str:
        parts = name.strip().split("+")
        *mods, last = parts
        shown = _KEY_NAMES.get(last, last.upper() if len(last) <= 3 else last.capitalize())
        return "+".join([*(m.capitalize() for m in mods), shown])

    return ", ".join(one(name) for name in keys.split(","))
