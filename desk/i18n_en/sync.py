"""English renderings of the text of sync/ (desk side and server) and the sync CLI."""

from __future__ import annotations

ENGLISH: dict[str, str] = {}
