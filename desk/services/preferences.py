"""This desk's device and link preferences (barcode scanner, token module, server URL).

Kept as one JSON row of the ``setting`` table next to the office rules, so the TUI's settings
screen and the CLI read the same values. The device and sync issues read them from here.
"""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from data.models import Setting
from desk.domain.validation import updated_settings
from desk.services.context import ServiceContext

PREFERENCES_KEY = "desk_preferences"


class DeskPreferences(BaseModel):
    model_config = ConfigDict(extra="ignore")

    scanner_port: str = ""
    """Serial port of a barcode scanner in USB-COM mode (COM3, /dev/ttyACM0); "" for none."""

    scanner_baudrate: int = Field(9600, ge=1200, le=921600)
    """Speed of that port; most scanners use 9600."""

    scan_max_gap_ms: int = Field(50, ge=5, le=500)
    """Keyboard-wedge scanners: the longest pause between two keystrokes of one scan."""

    scan_min_length: int = Field(8, ge=3, le=200)
    """Keyboard-wedge scanners: shorter bursts are typing."""

    token_module: str = ""
    """Path of the signing token's PKCS#11 library; "" to probe the known ones."""

    server_url: str = ""
    """The central server; "" until the desk is enrolled (sync comes later)."""


class PreferencesService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def get(self) -> DeskPreferences:
        with self._context.db.read() as session:
            row = session.get(Setting, PREFERENCES_KEY)
            if row is None:
                return DeskPreferences()
            try:
                return DeskPreferences.model_validate(json.loads(row.value))
            except (ValueError, ValidationError):
                return DeskPreferences()  # a damaged row falls back to the defaults

    def update(self, **changes: object) -> DeskPreferences:
        preferences = updated_settings(DeskPreferences, self.get(), changes)
        with self._context.db.write() as session:
            value = preferences.model_dump_json()
            row = session.get(Setting, PREFERENCES_KEY) or Setting(key=PREFERENCES_KEY, value=value)
            row.value = value
            session.add(row)
        return preferences
