"""Barcode scanners in USB-COM (virtual serial port) mode, read with pyserial.

Such a scanner sends each code as bytes ending in CR and/or LF. A reader thread splits the
stream into lines, decodes them (UTF-8, falling back to the Vietnamese Windows code page) and
hands each text to a callback, normally ``ScanRouter.route``. pyserial is imported only when a
port is opened, so importing this module has no side effects and needs no extra installed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from desk.errors import ConfigError, DeskError
from desk.i18n import translate

log = logging.getLogger(__name__)

MAX_LINE = 4096
"""Longer lines are noise (a CCCD QR is ~100 bytes); they are dropped, not routed."""


class ScannerState(StrEnum):
    NOT_CONFIGURED = "not_configured"
    ABSENT = "absent"
    READY = "ready"
    ERROR = "error"


def state_label(state: ScannerState) -> str:
    """The scanner's state as the footer shows it."""
    labels = {
        ScannerState.NOT_CONFIGURED: translate("Máy quét mã: chưa cấu hình"),
        ScannerState.ABSENT: translate("Máy quét mã: không thấy cổng"),
        ScannerState.READY: translate("Máy quét mã: sẵn sàng"),
        ScannerState.ERROR: translate("Máy quét mã: lỗi, hãy cắm lại máy quét"),
    }
    return labels[state]


class ScannerError(DeskError):
    title_template = "Lỗi máy quét mã vạch"


def decode_line(raw: bytes) -> str:
    """UTF-8 when valid, else Windows-1258 (what Vietnamese Windows scanners emit)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1258", errors="replace")


class LineSplitter:
    """Turns a byte stream into lines ended by CR, LF or CRLF."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._overflow = False

    def feed(self, data: bytes) -> list[bytes]:
        lines: list[bytes] = []
        for byte in data:
            if byte in (0x0D, 0x0A):
                if self._buffer and not self._overflow:
                    lines.append(bytes(self._buffer))
                self._buffer.clear()
                self._overflow = False
            elif len(self._buffer) < MAX_LINE:
                self._buffer.append(byte)
            else:  # a runaway stream: drop this line, resynchronise on the next line end
                self._overflow = True
        return lines


class SerialScanner:
    """Reads one serial port in a daemon thread and calls ``on_text`` for every line."""

    def __init__(
        self,
        port: str,
        on_text: Callable[[str], object],
        *,
        baudrate: int = 9600,
        on_state: Callable[[ScannerState, str], None] | None = None,
    ) -> None:
        self.port = port
        self.baudrate = baudrate
        self._on_text = on_text
        self._on_state = on_state
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._serial: Any = None
        self.state = ScannerState.NOT_CONFIGURED if not port else ScannerState.ABSENT

    def open(self) -> None:
        """Open the port now, so a wrong setting shows as an error at once."""
        if not self.port:
            raise ConfigError("Chưa chọn cổng COM của máy quét mã vạch trong phần cài đặt.")
        try:
            import serial
        except ImportError:
            raise ConfigError(
                "Chưa cài gói pyserial cho máy quét mã vạch qua cổng COM. Cài bằng: "
                'pip install "motcua-desk[scan]".'
            ) from None
        try:
            self._serial = serial.Serial(self.port, self.baudrate, timeout=0.2)
        except (serial.SerialException, OSError, ValueError):
            self._set_state(ScannerState.ABSENT)
            raise ScannerError(
                "Không mở được cổng {port} của máy quét mã vạch. Kiểm tra máy quét đã cắm và "
                "đang ở chế độ cổng COM (USB-COM), rồi chọn lại cổng trong phần cài đặt.",
                port=self.port,
            ) from None
        self._set_state(ScannerState.READY)

    def start(self) -> None:
        if self._serial is None:
            self.open()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="serial-scanner", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None
        if self._serial is not None:
            self._serial.close()
            self._serial = None

    def _run(self) -> None:
        splitter = LineSplitter()
        while not self._stop.is_set():
            try:
                data = self._serial.read(256)
            except Exception:  # unplugged: pyserial raises SerialException or OSError
                log.warning("serial scanner on %s stopped reading", self.port)
                self._set_state(ScannerState.ERROR)
                return
            for line in splitter.feed(data or b""):
                text = decode_line(line).strip()
                if text:
                    self._on_text(text)

    def _set_state(self, state: ScannerState) -> None:
        self.state = state
        if self._on_state is not None:
            self._on_state(state, self.port)
