"""English renderings of the text of screens/ (the TUI)."""

from __future__ import annotations

ENGLISH: dict[str, str] = {}
