"""EscposPrinter with python-escpos's Dummy device: a raster image, never text."""

from __future__ import annotations

import io
from typing import Any

import pytest
from escpos.exceptions import USBNotFoundError
from escpos.printer import Dummy
from PIL import Image, ImageDraw

from desk.errors import PrinterError
from printing.printers import EscposPrinter, open_printer
from tests.printing.conftest import MakePdf

RASTER = b"\x1dv0"  # GS v 0: print raster bit image
CODE_PAGE = b"\x1bt"  # ESC t n: select a character code table


class Recorder:
    """Hands out Dummy devices and keeps what each one received."""

    def __init__(self) -> None:
        self.devices: list[Any] = []

    def __call__(self) -> Any:
        device = Dummy()
        self.devices.append(device)
        return device

    @property
    def output(self) -> bytes:
        return b"".join(device.output for device in self.devices)


def _slip() -> Image.Image:
    image = Image.new("L", (800, 120), 255)
    ImageDraw.Draw(image).rectangle((10, 10, 700, 100), outline=0, width=6)
    return image


def test_an_image_is_sent_as_raster_without_code_pages() -> None:
    recorder = Recorder()
    printer = EscposPrinter("usb:04b8:0202", width=576, device=recorder)
    refs: list[str] = []
    outcome = printer.print_image(_slip(), copies=2, on_submitted=refs.append)
    output = recorder.output
    assert output.count(RASTER) == 2
    assert CODE_PAGE not in output
    assert b"\x1dV" in output  # cut after each copy
    assert refs == [outcome.ref] == ["escpos:usb:04b8:0202"]
    # the image was scaled to the paper: width 576 dots = 72 bytes per raster line
    start = output.index(RASTER) + 4
    assert int.from_bytes(output[start : start + 2], "little") == 72


def test_png_bytes_are_accepted() -> None:
    recorder = Recorder()
    buffer = io.BytesIO()
    _slip().convert("1").save(buffer, format="PNG")
    EscposPrinter("tcp:127.0.0.1", width=384, device=recorder).print_image(buffer.getvalue())
    assert RASTER in recorder.output


def test_a_pdf_is_rasterised_not_sent_as_text(make_pdf: MakePdf) -> None:
    recorder = Recorder()
    EscposPrinter("serial:/dev/ttyUSB0:19200", device=recorder).print_pdf(
        make_pdf("BIEN NHAN 0001"), title="Biên nhận", copies=1
    )
    output = recorder.output
    assert RASTER in output
    assert b"BIEN NHAN" not in output
    assert CODE_PAGE not in output


def test_a_usb_error_is_a_vietnamese_printer_error() -> None:
    def unplugged() -> Any:
        raise USBNotFoundError("USB device not found")

    with pytest.raises(PrinterError) as caught:
        EscposPrinter("usb:04b8:0202", device=unplugged).print_image(_slip())
    assert "cáp USB" in caught.value.message
    assert "USBNotFoundError" in caught.value.message


def test_a_paper_error_while_printing_is_a_printer_error() -> None:
    class OutOfPaper(Dummy):  # type: ignore[misc]
        def _raw(self, msg: bytes) -> None:
            raise OSError("paper out")

    with pytest.raises(PrinterError) as caught:
        EscposPrinter("tcp:10.0.0.9", device=OutOfPaper).print_image(_slip())
    assert "giấy" in caught.value.message


def test_a_bad_connection_string_says_how_to_write_one() -> None:
    printer = open_printer("escpos:bluetooth:xx")
    assert isinstance(printer, EscposPrinter)
    with pytest.raises(PrinterError) as caught:
        printer.print_image(_slip())
    assert "usb:04b8:0202" in caught.value.message
