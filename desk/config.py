"""Process settings (pydantic-settings, env prefix DESK_).

Office-wide rules that travel with the data (sessions, cut-off, report granularity …)
live in the database instead: see desk.services.settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "motcua-desk"


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "desk.db"


class DeskSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DESK_", extra="ignore")

    db: Path | None = None
    """The desk's SQLite file; DESK_DB, else the user data directory."""

    language: Literal["vi", "en"] = "vi"
    """Language of every screen, message and printed label (DESK_LANGUAGE)."""

    def db_path(self) -> Path:
        return self.db if self.db is not None else default_db_path()
