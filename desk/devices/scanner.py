"""The document-scanner API in one place (the code lives in desk/devices/scanning/)."""

from __future__ import annotations

from desk.devices.scanning.base import (
    LEGAL_MIN_DPI,
    DocumentScanner,
    ScanInputError,
    ScannedPage,
    ScannerBusy,
    ScannerError,
    ScannerMissing,
    ScannerState,
    ScannerStatus,
    ScanSettings,
)
from desk.devices.scanning.factory import ScannerChoice, discover, open_scanner
from desk.devices.scanning.pdf import ScanDocument, make_document

__all__ = [
    "LEGAL_MIN_DPI",
    "DocumentScanner",
    "ScanDocument",
    "ScanInputError",
    "ScanSettings",
    "ScannedPage",
    "ScannerBusy",
    "ScannerChoice",
    "ScannerError",
    "ScannerMissing",
    "ScannerState",
    "ScannerStatus",
    "discover",
    "make_document",
    "open_scanner",
]
