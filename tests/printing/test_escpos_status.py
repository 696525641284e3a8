"""ESC/POS real-time status (DLE EOT): decoding, and a printer on a real serial line (a pty)
that answers like a thermal printer — a cover left open stops the job before any dot is sent."""

from __future__ import annotations

import os
import select
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PIL import Image

from desk.errors import PrinterError
from printing.printers.escpos import STATUS_QUERIES, EscposPrinter, decode_status

PRINTER, CAUSE, PAPER = STATUS_QUERIES
RASTER = b"\x1dv0"  # GS v 0: a raster image


@pytest.mark.parametrize(
    ("printer", "cause", "paper", "ready", "says"),
    [
        (0x12, 0x12, 0x12, True, "sẵn sàng"),
        (0x1A, 0x16, 0x12, False, "nắp máy in đang mở"),
        (0x1A, 0x32, 0x72, False, "hết giấy"),
        (0x12, 0x12, 0x1E, True, "sắp hết giấy"),
        (0x1A, 0x52, 0x12, False, "máy in báo lỗi"),
        (0x1A, 0x12, 0x12, False, "ngoại tuyến"),
        (None, None, None, True, "không báo trạng thái"),
    ],
)
def test_decode_status(
    printer: int | None, cause: int | None, paper: int | None, ready: bool, says: str
) -> None:
    state = decode_status("escpos:x", {PRINTER: printer, CAUSE: cause, PAPER: paper})
    assert state.ready is ready
    assert says in state.detail


@dataclass
class SerialThermalPrinter:
    """The far end of a pty: answers DLE EOT queries with ``answers`` and keeps every byte."""

    answers: dict[bytes, int]
    received: bytearray = field(default_factory=bytearray)
    stop: threading.Event = field(default_factory=threading.Event)

    def serve(self, master: int) -> None:
        pending = b""
        while not self.stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return
            self.received += chunk
            pending += chunk
            for query, answer in self.answers.items():
                while query in pending:
                    pending = pending.replace(query, b"", 1)
                    os.write(master, bytes([answer]))
            pending = pending[-2:]


@pytest.fixture
def serial_line() -> Iterator[tuple[str, SerialThermalPrinter]]:
    master, slave = os.openpty()
    far = SerialThermalPrinter({PRINTER: 0x12, CAUSE: 0x12, PAPER: 0x12})
    thread = threading.Thread(target=far.serve, args=(master,), daemon=True)
    thread.start()
    try:
        yield os.ttyname(slave), far
    finally:
        far.stop.set()
        thread.join(2)
        os.close(master)
        os.close(slave)


def _slip() -> Image.Image:
    return Image.new("L", (576, 200), 255)


def test_a_ready_printer_on_a_serial_line_gets_the_raster(
    serial_line: tuple[str, SerialThermalPrinter],
) -> None:
    path, far = serial_line
    printer = EscposPrinter(f"serial:{path}:19200")
    state = printer.status()
    assert state.ready and "sẵn sàng" in state.detail
    printer.print_image(_slip())
    assert RASTER in bytes(far.received)


def test_an_open_cover_stops_the_job_before_any_dot(
    serial_line: tuple[str, SerialThermalPrinter],
) -> None:
    path, far = serial_line
    far.answers[CAUSE] = 0x16
    printer = EscposPrinter(f"serial:{path}:19200")
    with pytest.raises(PrinterError) as caught:
        printer.print_image(_slip())
    assert "nắp máy in đang mở" in caught.value.message
    assert "giữ lại" in caught.value.message
    assert RASTER not in bytes(far.received)
    assert not printer.status().ready


def test_paper_out_is_reported(serial_line: tuple[str, SerialThermalPrinter]) -> None:
    path, far = serial_line
    far.answers[PAPER] = 0x72
    state = EscposPrinter(f"serial:{path}:19200").status()
    assert not state.ready and "hết giấy" in state.detail


def test_an_absent_serial_device_is_not_ready() -> None:
    state = EscposPrinter("serial:/dev/motcua-no-such-tty:9600").status()
    assert not state.ready
    assert "không kết nối được" in state.detail
