"""Which scanner the desk uses, from the office settings (``ScannerChoice``, stored as JSON)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desk.devices.scanning.base import (
    DocumentScanner,
    PageProgress,
    ScannedPage,
    ScannerError,
    ScannerState,
    ScannerStatus,
    ScanSettings,
)

KINDS = ("none", "sane", "folder", "twain")


@dataclass(frozen=True)
class ScannerChoice:
    kind: str = "none"
    device: str = ""
    """SANE device name (``sane``) or TWAIN source (``twain``)."""
    folder: str = ""
    """The folder a ``folder`` scanner saves into."""
    polling: bool = False
    """Watch the folder by polling (network shares, where change notifications do not come)."""
    resolution: int = 200
    feeder: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)
    """Extra SANE options set before each scan (model-specific, e.g. ``{"swcrop": True}``)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "device": self.device,
            "folder": self.folder,
            "polling": self.polling,
            "resolution": self.resolution,
            "feeder": self.feeder,
            "options": dict(self.options),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScannerChoice:
        kind = str(data.get("kind", "none"))
        if kind not in KINDS:
            raise ScannerError(
                "Cài đặt máy quét không hợp lệ (kiểu {kind}). Hãy chọn lại máy quét.", kind=kind
            )
        return cls(
            kind=kind,
            device=str(data.get("device", "")),
            folder=str(data.get("folder", "")),
            polling=bool(data.get("polling", False)),
            resolution=int(data.get("resolution", 200)),
            feeder=bool(data.get("feeder", False)),
            options=dict(data.get("options") or {}),
        )

    def settings(self) -> ScanSettings:
        return ScanSettings(resolution=self.resolution, feeder=self.feeder)


class UnconfiguredScanner:
    kind = "none"
    name = "none"

    def _problem(self) -> ScannerError:
        return ScannerError(
            "Chưa chọn máy quét cho quầy. Hãy chọn máy quét trong phần cài đặt, hoặc ghi "
            "--device, --folder hay --file."
        )

    def status(self) -> ScannerStatus:
        return ScannerStatus(
            self.name, ScannerState.NOT_CONFIGURED, self.kind, problem=self._problem()
        )

    def scan(
        self, settings: ScanSettings, progress: PageProgress | None = None
    ) -> list[ScannedPage]:
        raise self._problem()


def open_scanner(choice: ScannerChoice) -> DocumentScanner:
    if choice.kind == "sane":
        from desk.devices.scanning.sane_backend import SaneScanner

        return SaneScanner(choice.device, options=choice.options)
    if choice.kind == "folder":
        from desk.devices.scanning.watched import WatchedFolderScanner

        return WatchedFolderScanner(Path(choice.folder), polling=choice.polling)
    if choice.kind == "twain":
        from desk.devices.scanning.windows import WindowsScanner

        return WindowsScanner(choice.device)
    return UnconfiguredScanner()


def discover() -> list[ScannerStatus]:
    """Every SANE scanner this machine sees (none, with a stated reason, without SANE)."""
    from desk.devices.scanning.sane_backend import list_devices

    try:
        return list_devices()
    except ScannerError as error:
        return [ScannerStatus("sane", ScannerState.ERROR, "sane", problem=error)]
