"""The serial (USB-COM) barcode reader over a real pseudo-terminal pair, routed like a burst."""

from __future__ import annotations

import os
import queue
from collections.abc import Iterator

import pytest

from desk.devices.barcode import ScanKind, ScanRouter
from desk.devices.serial_scanner import (
    LineSplitter,
    ScannerError,
    ScannerState,
    SerialScanner,
    decode_line,
    state_label,
)
from desk.errors import ConfigError

PAYLOAD = "001085000001||CÔNG DÂN THỬ NGHIỆM|01011985|Nam|Thôn Thử Nghiệm|01012021"
CODE = "000.00.01.H99-261125-0001"


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, str]]:
    """(master fd, slave device path): the path is opened by pyserial like a COM port."""
    master, slave = os.openpty()
    path = os.ttyname(slave)
    yield master, path
    os.close(master)
    os.close(slave)


def test_lines_are_read_from_a_serial_device_and_routed(pty_pair: tuple[int, str]) -> None:
    master, path = pty_pair
    routed: queue.Queue[tuple[ScanKind, str | None]] = queue.Queue()
    router = ScanRouter(
        on_citizen=lambda s: routed.put((s.kind, s.citizen.id_number if s.citizen else None)),
        on_dossier=lambda s: routed.put((s.kind, s.code)),
        on_unknown=lambda s: routed.put((s.kind, None)),
    )
    states: list[ScannerState] = []
    reader = SerialScanner(path, router.route, on_state=lambda s, _port: states.append(s))
    reader.start()
    try:
        os.write(master, PAYLOAD.encode("utf-8") + b"\r\n")
        os.write(master, CODE.encode("ascii")[:10])
        os.write(master, CODE.encode("ascii")[10:] + b"\r")
        assert routed.get(timeout=5) == (ScanKind.CITIZEN, "001085000001")
        assert routed.get(timeout=5) == (ScanKind.DOSSIER, CODE)
    finally:
        reader.close()
    assert states == [ScannerState.READY]
    assert "sẵn sàng" in state_label(reader.state)


def test_a_missing_port_is_a_vietnamese_error() -> None:
    reader = SerialScanner("/nonexistent/ttyMOTCUA0", lambda _text: None)
    with pytest.raises(ScannerError, match="Không mở được cổng"):
        reader.open()
    assert reader.state is ScannerState.ABSENT


def test_no_port_configured() -> None:
    reader = SerialScanner("", lambda _text: None)
    assert reader.state is ScannerState.NOT_CONFIGURED
    with pytest.raises(ConfigError, match="Chưa chọn cổng COM"):
        reader.open()


def test_line_splitter_handles_crlf_and_drops_runaway_lines() -> None:
    splitter = LineSplitter()
    assert splitter.feed(b"AB\r\nCD") == [b"AB"]
    assert splitter.feed(b"\nEF\n") == [b"CD", b"EF"]
    assert splitter.feed(b"x" * 5000 + b"\nOK\n") == [b"OK"]


def test_decoding_falls_back_to_the_vietnamese_windows_code_page() -> None:
    assert decode_line("Thử".encode()) == "Thử"
    assert decode_line("Đ".encode("cp1258")) == "Đ"
