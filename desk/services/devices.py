"""What the screens may know of the devices: the types and values of the token, the document
scanners and the certificate a signature uses, re-exported here so that screens reach devices
only through services (an import contract). The barcode wedge is the one exception, named in
the contract: its keystrokes arrive as the TUI's own key events."""

from __future__ import annotations

from desk.devices.scanning.base import ScannerState
from desk.devices.scanning.base import state_label as scanner_state_label
from desk.devices.scanning.files import SUPPORTED_SUFFIXES
from desk.devices.signing import signer_name
from desk.devices.token import TokenDevice, TokenError, TokenState, TokenStatus
from desk.devices.token_certs import CertificateInfo
from desk.devices.token_errors import PinError
from desk.devices.token_pcsc import PcscStatus

__all__ = [
    "SUPPORTED_SUFFIXES",
    "CertificateInfo",
    "PcscStatus",
    "PinError",
    "ScannerState",
    "TokenDevice",
    "TokenError",
    "TokenState",
    "TokenStatus",
    "scanner_state_label",
    "signer_name",
]
