"""SANE scanners (Linux) through python-sane.

SANE keeps global state, and python-sane is not thread-safe, so every call goes through one
lock and ``sane.init()`` runs once per process (SANE_CONFIG_DIR must be set before it). SANE's
own messages are English; the ones an officer meets are put in Vietnamese here.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from types import ModuleType
from typing import Any

from desk.devices.scanning.base import (
    PageProgress,
    ScannedPage,
    ScannerBusy,
    ScannerError,
    ScannerMissing,
    ScannerState,
    ScannerStatus,
    ScanSettings,
    require_pages,
)

_lock = threading.RLock()
_module: ModuleType | None = None

_COLOUR_MODES = ("Color", "Colour", "24bit Color", "Color24", "RGB")
_GRAY_MODES = ("Gray", "Grayscale", "Grey", "8bit Gray", "Gray8")
_FEEDER_WORDS = ("adf", "feeder", "automatic")
_FLATBED_WORDS = ("flatbed", "glass", "normal")
_OUT_OF_PAPER = "Document feeder out of documents"


def _problem(device: str, detail: str) -> ScannerError:
    if "busy" in detail.lower():
        return ScannerBusy(
            "Máy quét {device} đang bận (một chương trình khác đang dùng). Hãy đợi quét xong "
            "hoặc đóng chương trình kia rồi thử lại.",
            device=device,
        )
    if "jammed" in detail.lower():
        return ScannerError(
            "Máy quét {device} bị kẹt giấy. Hãy gỡ giấy kẹt rồi quét lại.", device=device
        )
    if "cover" in detail.lower():
        return ScannerError(
            "Nắp máy quét {device} đang mở. Hãy đóng nắp rồi quét lại.", device=device
        )
    # SANE answers an unknown device name with "Invalid argument", or with "Operation not
    # supported" once its dll backend has loaded the configured backends.
    if any(word in detail.lower() for word in ("invalid argument", "no such", "not supported")):
        return ScannerMissing(
            "Không thấy máy quét {device}. Kiểm tra cáp và nguồn của máy quét, rồi xem danh sách "
            "bằng `desk scanners`.",
            device=device,
        )
    return ScannerError(
        "Máy quét {device} báo lỗi: {detail}. Hãy kiểm tra máy quét rồi thử lại.",
        device=device,
        detail=detail,
    )


def sane() -> ModuleType:
    """python-sane, initialised once (the ``scan`` extra)."""
    global _module
    with _lock:
        if _module is None:
            try:
                import sane as module
            except ImportError:
                raise ScannerError(
                    "Chưa cài phần quét SANE (python-sane). Cài bằng: pip install "
                    "'motcua-desk[scan]' (cần gói libsane-dev)."
                ) from None
            module.init()
            _module = module
        return _module


def device_names() -> list[tuple[str, str]]:
    """(SANE name, "vendor model") of every device SANE sees."""
    with _lock:
        return [(name, f"{vendor} {model}") for name, vendor, model, _ in sane().get_devices()]


def list_devices() -> list[ScannerStatus]:
    return [SaneScanner(name).status() for name, _ in device_names()]


def ignore_broken_pipes() -> None:
    """Put SIGPIPE back to "ignore" after SANE has read a page.

    Reading through SANE (its reader thread, seen with the ``test`` backend) leaves SIGPIPE at
    its default, which kills the whole process the next time any thread writes to a closed
    socket: the sync worker on a dropped link, after a scan. Python ignores SIGPIPE from
    start-up and turns it into BrokenPipeError; the C call works from any thread, unlike
    ``signal.signal``.
    """
    if not hasattr(signal, "SIGPIPE"):
        return
    libc = ctypes.CDLL(None)
    libc.signal.restype = ctypes.c_void_p
    libc.signal.argtypes = (ctypes.c_int, ctypes.c_void_p)
    libc.signal(signal.SIGPIPE, ctypes.c_void_p(int(signal.SIG_IGN)))


@contextmanager
def _opened(device: str) -> Iterator[Any]:
    module = sane()
    try:
        handle = module.open(device)
    except Exception as error:  # _sane.error has no public class to catch by name
        raise _problem(device, str(error)) from None
    try:
        yield handle
    finally:
        handle.close()
        ignore_broken_pipes()


def _pick(constraint: object, wanted: tuple[str, ...]) -> str | None:
    if not isinstance(constraint, list):
        return None
    for name in wanted:
        for value in constraint:
            if isinstance(value, str) and value.lower() == name.lower():
                return value
    for value in constraint:
        if isinstance(value, str) and any(word.lower() in value.lower() for word in wanted):
            return value
    return None


def _resolution(constraint: object, wanted: int) -> float:
    """The lowest offered resolution ≥ ``wanted`` (the legal copy may not go below it)."""
    if isinstance(constraint, tuple) and len(constraint) == 3:
        low, high, _ = constraint
        return float(min(max(wanted, low), high))
    if isinstance(constraint, list) and constraint:
        above = sorted(v for v in constraint if v >= wanted)
        return float(above[0] if above else max(constraint))
    return float(wanted)


def _set(handle: Any, option: str, value: object) -> None:
    # An option inactive or read-only on this model keeps the device's own setting.
    with suppress(AttributeError):
        setattr(handle, option, value)


class SaneScanner:
    kind = "sane"

    def __init__(self, device: str, *, options: Mapping[str, object] | None = None) -> None:
        self.device = device
        self.options = dict(options or {})

    @property
    def name(self) -> str:
        return self.device

    def status(self) -> ScannerStatus:
        with _lock:
            try:
                names = dict(device_names())
            except ScannerError as error:
                return ScannerStatus(self.device, ScannerState.ERROR, self.kind, problem=error)
            if self.device not in names:
                problem = _problem(self.device, "no such device")
                return ScannerStatus(self.device, ScannerState.ABSENT, self.kind, problem=problem)
            label = names[self.device]
            try:
                with _opened(self.device):
                    pass
            except ScannerError as error:
                busy = isinstance(error, ScannerBusy)
                state = ScannerState.BUSY if busy else ScannerState.ERROR
                return ScannerStatus(self.device, state, self.kind, label, error)
            return ScannerStatus(self.device, ScannerState.READY, self.kind, label)

    def scan(
        self, settings: ScanSettings, progress: PageProgress | None = None
    ) -> list[ScannedPage]:
        pages: list[ScannedPage] = []
        with _lock, _opened(self.device) as handle:
            self._configure(handle, settings)
            dpi = float(getattr(handle, "resolution", settings.resolution))
            images = handle.multi_scan() if settings.feeder else iter([None])
            try:
                for image in images:
                    pages.append(ScannedPage(handle.scan() if image is None else image, dpi))
                    ignore_broken_pipes()  # before other threads write again: see there
                    if progress is not None:
                        progress(len(pages))
            except Exception as error:
                if str(error) != _OUT_OF_PAPER:
                    raise _problem(self.device, str(error)) from None
        return require_pages(pages, self.device)

    def _configure(self, handle: Any, settings: ScanSettings) -> None:
        for option, value in self.options.items():
            _set(handle, option, value)
        available = handle.optlist
        if "mode" in available:
            modes = _COLOUR_MODES if settings.colour else _GRAY_MODES
            mode = _pick(handle["mode"].constraint, modes)
            if mode is not None:
                _set(handle, "mode", mode)
        if "source" in available or settings.feeder:
            constraint = handle["source"].constraint if "source" in available else None
            words = _FEEDER_WORDS if settings.feeder else _FLATBED_WORDS
            source = _pick(constraint, words)
            if source is None and settings.feeder:
                raise ScannerError(
                    "Máy quét {device} không có khay nạp giấy tự động (ADF). Hãy quét từng "
                    "trang trên mặt kính.",
                    device=self.device,
                )
            if source is not None:
                _set(handle, "source", source)
        if "resolution" in available:
            wanted = _resolution(handle["resolution"].constraint, settings.resolution)
            _set(handle, "resolution", int(wanted) if wanted.is_integer() else wanted)
        for corner in ("br_x", "br_y"):  # the whole glass: a page is never cropped
            if corner in available:
                limits = handle[corner].constraint
                if isinstance(limits, tuple) and len(limits) == 3:
                    _set(handle, corner, limits[1])
