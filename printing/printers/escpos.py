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
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk.errors import PrinterError
from desk.i18n import translate
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

        device: Any
        if kind == "usb" and len(parts) == 2:
            device = printer.Usb(int(parts[0], 16), int(parts[1], 16))
        elif kind == "serial" and parts:
            baud = int(parts[-1]) if len(parts) > 1 and parts[-1].isdigit() else 9600
            path = ":".join(parts[:-1]) if len(parts) > 1 and parts[-1].isdigit() else rest
            device = printer.Serial(devfile=path, baudrate=baud)
        elif kind == "tcp" and parts:
            device = printer.Network(parts[0], port=int(parts[1]) if len(parts) > 1 else 9100)
        else:
            raise PrinterError(
                "Chuỗi kết nối máy in nhiệt {connection} không đúng. Hãy dùng dạng "
                "usb:04b8:0202, serial:/dev/ttyUSB0:19200 hoặc tcp:192.168.1.50:9100.",
                connection=connection,
            )
        device.open()  # python-escpos 3 opens lazily and only logs a missing device
        return device

    return open_device


# DLE EOT n (ESC/POS real-time status transmission): n=1 printer, n=2 offline cause,
# n=4 roll paper sensor. Each answer is one byte; the bits below are Epson's, which the
# thermal printers sold in Vietnam (Xprinter, Rongta, Epson TM) follow.
STATUS_QUERIES = (b"\x10\x04\x01", b"\x10\x04\x02", b"\x10\x04\x04")
_OFFLINE = 0x08  # n=1
_COVER_OPEN, _PAPER_STOPPED, _ERROR = 0x04, 0x20, 0x40  # n=2
_PAPER_NEAR_END, _PAPER_END = 0x0C, 0x60  # n=4


def _ask(device: Any, query: bytes) -> int | None:
    """The printer's one-byte answer, or None when it gives none (or cannot be read)."""
    try:
        line = getattr(device, "device", None)
        if hasattr(line, "in_waiting"):  # pyserial: one byte comes back, do not wait for 16
            device._raw(query)
            reply: bytes = line.read(1)  # type: ignore[union-attr]
        else:
            reply = device.query_status(query)
    except Exception:  # a write-only connection: python-escpos raises NotImplementedError …
        return None
    return reply[-1] if reply else None


def decode_status(name: str, replies: Mapping[bytes, int | None]) -> PrinterState:
    """The printer's state from its DLE EOT answers (None: no answer to that query)."""
    printer, cause, paper = (replies.get(query) for query in STATUS_QUERIES)
    if printer is None and cause is None and paper is None:
        return PrinterState(name, ready=True, detail=translate("máy in không báo trạng thái"))
    problems: list[str] = []
    if cause is not None and cause & _COVER_OPEN:
        problems.append(translate("nắp máy in đang mở"))
    if (paper is not None and paper & _PAPER_END) or (cause is not None and cause & _PAPER_STOPPED):
        problems.append(translate("hết giấy"))
    if cause is not None and cause & _ERROR:
        problems.append(translate("máy in báo lỗi"))
    if not problems and printer is not None and printer & _OFFLINE:
        problems.append(translate("máy in đang ngoại tuyến"))
    if problems:
        return PrinterState(name, ready=False, detail=", ".join(problems))
    if paper is not None and paper & _PAPER_NEAR_END:
        return PrinterState(name, ready=True, detail=translate("sắp hết giấy"))
    return PrinterState(name, ready=True, detail=translate("sẵn sàng"))


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
        """Asks the printer with DLE EOT (real-time status). A printer that cannot answer
        (USB printers without a read endpoint, network ones that send nothing back) is taken
        as ready: the job is tried, and a failure is kept in the journal as usual."""
        device: Any = None
        try:
            device = self._open()
            replies = {query: _ask(device, query) for query in STATUS_QUERIES}
        except PrinterError:
            raise
        except Exception as error:  # python-escpos, pyusb and pyserial raise many kinds
            return PrinterState(
                self.name,
                ready=False,
                detail=translate("không kết nối được ({detail})", {"detail": type(error).__name__}),
            )
        finally:
            if device is not None:
                with contextlib.suppress(Exception):
                    device.close()
        return decode_status(self.name, replies)

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

    def _require_ready(self, device: Any) -> None:
        state = decode_status(self.name, {query: _ask(device, query) for query in STATUS_QUERIES})
        if not state.ready:
            raise PrinterError(
                "Máy in nhiệt {printer} chưa in được ({detail}). Hãy kiểm tra giấy và nắp máy "
                "in rồi bấm In lại; lệnh in được giữ lại, không bị mất.",
                printer=self.connection,
                detail=state.detail,
            )

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
            self._require_ready(device)
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
