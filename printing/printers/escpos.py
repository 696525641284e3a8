"""ESC/POS thermal receipt printers through python-escpos (the ``print`` extra).

The printer receives a raster image (GS v 0), never text: thermal printers have no Vietnamese
code page, so text would lose its diacritics. Connection strings (after ``escpos:``)::

    usb:04b8:0202             vendor:product id in hex
    serial:/dev/ttyUSB0:19200 device[:baud]  (COM3 on Windows)
    tcp:192.168.1.50:9100     host[:port]

python-escpos is imported only when a job is sent. Thermal printers report no job ids, so a job
interrupted by a crash is printed again on retry (``lookup`` answers UNKNOWN).
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk.errors import PrinterError
from printing.printers.base import PrinterState, PrintOutcome, RemoteState, Submitted

if TYPE_CHECKING:  # Pillow comes with the `print` extra; imported when a job is sent
    from PIL import Image

DeviceFactory = Callable[[], Any]
"""Returns an open python-escpos printer object (``escpos.printer.Dummy`` in tests)."""


def _device_factory(connection: str) -> DeviceFactory:
    kind, _, rest = connection.partition(":")
    parts = rest.split(":") if rest else []

    def open_device() -> Any:
        from escpos import printer

        if kind == "usb" and len(parts) == 2:
            return printer.Usb(int(parts[0], 16), int(parts[1], 16))
        if kind == "serial" and parts:
            baud = int(parts[-1]) if len(parts) > 1 and parts[-1].isdigit() else 9600
            device = ":".join(parts[:-1]) if len(parts) > 1 and parts[-1].isdigit() else rest
            return printer.Serial(devfile=device, baudrate=baud)
        if kind == "tcp" and parts:
            return printer.Network(parts[0], port=int(parts[1]) if len(parts) > 1 else 9100)
        raise PrinterError(
            "Chuỗi kết nối máy in nhiệt {connection} không đúng. Hãy dùng dạng usb:04b8:0202, "
            "serial:/dev/ttyUSB0:19200 hoặc tcp:192.168.1.50:9100.",
            connection=connection,
        )

    return open_device


def to_raster(image: Image.Image | bytes, width: int) -> Image.Image:
    """A 1-bit image no wider than ``width`` dots, from a PIL image or PNG bytes."""
    from PIL import Image

    picture = Image.open(io.BytesIO(image)) if isinstance(image, bytes) else image
    picture = picture.convert("L")
    if picture.width > width:
        height = max(1, round(picture.height * width / picture.width))
        picture = picture.resize((width, height), Image.Resampling.LANCZOS)
    return picture.point(lambda value: 255 if value > 160 else 0).convert("1")


def pdf_pages_to_images(pdf: bytes, width: int) -> list[Image.Image]:
    """Render each PDF page ``width`` dots wide with poppler's ``pdftoppm``."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "job.pdf"
        source.write_bytes(pdf)
        try:
            subprocess.run(
                ["pdftoppm", "-png", "-scale-to-x", str(width), "-scale-to-y", "-1",
                 str(source), str(Path(folder) / "page")],
                check=True, capture_output=True, timeout=60,
            )  # fmt: skip
        except (FileNotFoundError, subprocess.SubprocessError) as error:
            raise PrinterError(
                "Không chuyển được tệp PDF thành ảnh cho máy in nhiệt ({detail}). Hãy cài "
                "poppler-utils (pdftoppm) hoặc chọn máy in khác.",
                detail=type(error).__name__,
            ) from error
        pages = []
        for path in sorted(Path(folder).glob("page*.png")):
            with Image.open(path) as page:
                page.load()
                pages.append(page.copy())
        return pages


class EscposPrinter:
    """A thermal printer; ``width``: printable dots (576 for 80 mm paper, 384 for 58 mm)."""

    def __init__(
        self, connection: str, *, width: int = 576, device: DeviceFactory | None = None
    ) -> None:
        self.connection = connection
        self.width = width
        self._open = device or _device_factory(connection)

    @property
    def name(self) -> str:
        return f"escpos:{self.connection}"

    def status(self) -> PrinterState:
        return PrinterState(self.name, ready=True, detail="no status over ESC/POS")

    def lookup(self, ref: str) -> RemoteState:
        return RemoteState.UNKNOWN

    def print_pdf(
        self, pdf: bytes, *, title: str, copies: int, on_submitted: Submitted | None = None
    ) -> PrintOutcome:
        return self.print_images(
            pdf_pages_to_images(pdf, self.width), copies=copies, on_submitted=on_submitted
        )

    def print_image(
        self, image: Image.Image | bytes, *, copies: int = 1, on_submitted: Submitted | None = None
    ) -> PrintOutcome:
        return self.print_images([image], copies=copies, on_submitted=on_submitted)

    def print_images(
        self,
        images: list[Image.Image] | list[Image.Image | bytes],
        *,
        copies: int,
        on_submitted: Submitted | None = None,
    ) -> PrintOutcome:
        if copies < 1:
            raise ValueError(f"copies must be at least 1, not {copies}")
        started = time.monotonic()
        rasters = [to_raster(image, self.width) for image in images]
        device: Any = None
        try:
            device = self._open()
            if on_submitted is not None:
                on_submitted(self.name)
            for _ in range(copies):
                for raster in rasters:
                    device.image(raster, impl="bitImageRaster")
                device.cut()
        except PrinterError:
            raise
        except Exception as error:  # python-escpos, pyusb and pyserial raise many kinds
            raise PrinterError(
                "Máy in nhiệt {printer} không in được ({detail}). Hãy kiểm tra cáp USB hoặc "
                "mạng, giấy và nắp máy in, rồi bấm In lại.",
                printer=self.connection,
                detail=type(error).__name__,
            ) from error
        finally:
            if device is not None:
                # closing a broken device must not hide the first error
                with contextlib.suppress(Exception):
                    device.close()
        return PrintOutcome(self.name, self.name, time.monotonic() - started)
