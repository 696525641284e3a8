"""English renderings of the text of desk/devices and its CLI (token, scan, barcode)."""

from __future__ import annotations

ENGLISH: dict[str, str] = {}
