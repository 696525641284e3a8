"""Windows scanners (TWAIN / WIA): NOT implemented yet, behind the same Protocol.

The desk's tests run on Linux with SANE, so a TWAIN/WIA driver path cannot be tested here;
rather than ship untested code, this scanner reports itself as unsupported (a visible state,
not a crash). On Windows, use a scanner's "scan to folder" feature with the watched-folder
scanner, or import files; see docs/scanning.md.
"""

from __future__ import annotations

import sys

from desk.devices.scanning.base import (
    PageProgress,
    ScannedPage,
    ScannerError,
    ScannerState,
    ScannerStatus,
    ScanSettings,
)


def _unsupported() -> ScannerError:
    if sys.platform == "win32":
        return ScannerError(
            "Phần mềm chưa hỗ trợ quét trực tiếp qua TWAIN/WIA. Hãy cài máy quét lưu tệp vào "
            "một thư mục và chọn kiểu máy quét “thư mục”, hoặc nhập tệp đã quét."
        )
    return ScannerError(
        "Máy quét TWAIN/WIA chỉ có trên Windows, không dùng được trên máy này. Hãy chọn máy "
        "quét SANE, thư mục quét hoặc nhập tệp."
    )


class WindowsScanner:
    kind = "twain"

    def __init__(self, device: str = "") -> None:
        self.device = device

    @property
    def name(self) -> str:
        return f"twain:{self.device}" if self.device else "twain"

    def status(self) -> ScannerStatus:
        return ScannerStatus(self.name, ScannerState.ERROR, self.kind, problem=_unsupported())

    def scan(
        self, settings: ScanSettings, progress: PageProgress | None = None
    ) -> list[ScannedPage]:
        raise _unsupported()
