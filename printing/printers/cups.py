"""CUPS queues through the ``lp``/``lpstat``/``cancel`` commands (no libcups2-dev, no compiler).

The job's state is read with one IPP Get-Job-Attributes request to the local scheduler, because
``lpstat`` lists a cancelled or aborted job among the completed ones; when the scheduler cannot
be reached that way, ``lpstat -W not-completed`` / ``-W completed`` is the fallback.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import struct
import subprocess
import time
from collections.abc import Sequence

from desk.errors import PrinterError
from printing.printers.base import PrinterInfo, PrinterState, PrintOutcome, RemoteState, Submitted

_REQUEST_ID = re.compile(r"request id is (\S+)")
_PENDING_STATES = {3, 4, 5, 6}  # pending, held, processing, stopped
_FAILED_STATES = {7, 8}  # cancelled, aborted
_COMPLETED = 9


def _run(
    args: Sequence[str], *, stdin: bytes | None = None, timeout: float = 30.0
) -> tuple[int, str]:
    """Run a CUPS command; returns (exit code, stdout + stderr)."""
    try:
        done = subprocess.run(
            list(args), input=stdin, capture_output=True, timeout=timeout, check=False
        )
    except FileNotFoundError:
        raise PrinterError(
            "Máy này chưa cài hệ thống in CUPS (thiếu lệnh {command}). "
            "Hãy nhờ quản trị viên cài gói cups, hoặc chọn máy in khác.",
            command=args[0],
        ) from None
    except subprocess.TimeoutExpired:
        raise PrinterError(
            "Hệ thống in CUPS không trả lời (lệnh {command}). "
            "Hãy khởi động lại dịch vụ in hoặc máy tính rồi in lại.",
            command=args[0],
        ) from None
    text = (done.stdout + done.stderr).decode("utf-8", "replace")
    return done.returncode, text


def _not_found(queue: str) -> PrinterError:
    return PrinterError(
        "Không tìm thấy máy in {printer}. Hãy kiểm tra máy in đã được cài trên máy tính này, "
        "hoặc chọn máy in khác trong phần cài đặt.",
        printer=queue,
    )


class CupsPrinter:
    """One CUPS queue; ``print_pdf`` waits until CUPS reports the job completed."""

    def __init__(self, queue: str, *, timeout: float = 120.0, poll: float = 0.1) -> None:
        self._queue = queue
        self.timeout = timeout
        self.poll = poll

    @property
    def name(self) -> str:
        return self._queue

    def status(self) -> PrinterState:
        code, text = _run(["lpstat", "-p", self._queue])
        if code != 0:
            raise _not_found(self._queue)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if "disabled" in lines[0]:
            reason = " ".join(lines[1:]) or "disabled"
            return PrinterState(self._queue, ready=False, detail=reason)
        code, text = _run(["lpstat", "-a", self._queue])
        if code != 0 or "not accepting" in text:
            return PrinterState(self._queue, ready=False, detail="not accepting jobs")
        return PrinterState(self._queue, ready=True, detail=lines[0])

    def _require_ready(self) -> None:
        state = self.status()
        if not state.ready:
            raise PrinterError(
                "Máy in {printer} đang tạm dừng ({detail}). Hãy kiểm tra giấy, mực và cáp, bật "
                "lại máy in rồi bấm In lại; lệnh in được giữ lại, không bị mất.",
                printer=self._queue,
                detail=state.detail,
            )

    def print_pdf(
        self, pdf: bytes, *, title: str, copies: int, on_submitted: Submitted | None = None
    ) -> PrintOutcome:
        if copies < 1:
            raise ValueError(f"copies must be at least 1, not {copies}")
        started = time.monotonic()
        self._require_ready()
        args = ["lp", "-d", self._queue, "-t", title, "-n", str(copies), "-"]
        code, text = _run(args, stdin=pdf)
        match = _REQUEST_ID.search(text)
        if code != 0 or match is None:
            if "does not exist" in text:
                raise _not_found(self._queue)
            raise PrinterError(
                "Máy in {printer} không nhận lệnh in: {detail}. "
                "Hãy kiểm tra máy in rồi in lại, hoặc chọn máy in khác.",
                printer=self._queue,
                detail=text.strip() or f"lp exit {code}",
            )
        ref = match.group(1)
        if on_submitted is not None:
            on_submitted(ref)
        self.wait(ref, started=started)
        return PrintOutcome(self._queue, ref, time.monotonic() - started)

    def wait(self, ref: str, *, started: float | None = None) -> None:
        """Poll ``ref`` until completed; cancel it and raise when it fails, stops or times out."""
        started = time.monotonic() if started is None else started
        while True:
            state = self.lookup(ref)
            if state is RemoteState.COMPLETED:
                return
            if state in (RemoteState.FAILED, RemoteState.UNKNOWN):
                raise PrinterError(
                    "Lệnh in {job} trên máy in {printer} bị huỷ hoặc lỗi. "
                    "Hãy kiểm tra máy in rồi bấm In lại.",
                    job=ref,
                    printer=self._queue,
                )
            printer = self.status()
            if not printer.ready:
                self.cancel(ref)
                raise PrinterError(
                    "Máy in {printer} dừng lại khi đang in ({detail}); lệnh in đã được huỷ để "
                    "không in trùng. Hãy kiểm tra giấy và máy in, bật lại rồi bấm In lại.",
                    printer=self._queue,
                    detail=printer.detail,
                )
            if time.monotonic() - started > self.timeout:
                self.cancel(ref)
                raise PrinterError(
                    "Máy in {printer} không in xong sau {seconds} giây; lệnh in đã được huỷ. "
                    "Hãy kiểm tra máy in đã bật, còn giấy, rồi bấm In lại.",
                    printer=self._queue,
                    seconds=max(1, round(self.timeout)),
                )
            time.sleep(self.poll)

    def cancel(self, ref: str) -> None:
        _run(["cancel", ref])

    def lookup(self, ref: str) -> RemoteState:
        try:
            job_id = int(ref.rsplit("-", 1)[1])
        except (IndexError, ValueError):
            return RemoteState.UNKNOWN
        try:
            state = _ipp_job_state(job_id)
        except OSError:
            return self._lookup_with_lpstat(ref)
        if state is None:
            return RemoteState.UNKNOWN
        if state == _COMPLETED:
            return RemoteState.COMPLETED
        if state in _FAILED_STATES:
            return RemoteState.FAILED
        return RemoteState.PENDING if state in _PENDING_STATES else RemoteState.UNKNOWN

    def _lookup_with_lpstat(self, ref: str) -> RemoteState:
        for which, state in (("not-completed", RemoteState.PENDING), ("completed", None)):
            code, text = _run(["lpstat", "-W", which, "-o", self._queue])
            if code == 0 and ref in text.split():
                return state or RemoteState.COMPLETED
        return RemoteState.UNKNOWN


# ------------------------------------------------------------------- IPP Get-Job-Attributes


class _UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self._path)
        self.sock = sock


def _connection(timeout: float) -> http.client.HTTPConnection:
    server = os.environ.get("CUPS_SERVER", "")
    if server.startswith("/"):
        return _UnixHTTPConnection(server, timeout)
    if not server and os.path.exists("/run/cups/cups.sock"):
        return _UnixHTTPConnection("/run/cups/cups.sock", timeout)
    host, _, port = (server or "localhost").partition(":")
    return http.client.HTTPConnection(host, int(port or 631), timeout=timeout)


def _attribute(tag: int, name: str, value: bytes) -> bytes:
    raw = name.encode()
    return struct.pack(">BH", tag, len(raw)) + raw + struct.pack(">H", len(value)) + value


def _ipp_job_state(job_id: int, timeout: float = 5.0) -> int | None:
    """The IPP job-state (3..9) of ``job_id``, or None when the scheduler does not know it."""
    body = b"".join(
        [
            struct.pack(">BBHI", 2, 0, 0x0009, 1),  # IPP/2.0 Get-Job-Attributes, request 1
            b"\x01",  # operation attributes
            _attribute(0x47, "attributes-charset", b"utf-8"),
            _attribute(0x48, "attributes-natural-language", b"en"),
            _attribute(0x45, "job-uri", f"ipp://localhost/jobs/{job_id}".encode()),
            _attribute(0x44, "requested-attributes", b"job-state"),
            b"\x03",
        ]
    )
    connection = _connection(timeout)
    try:
        connection.request("POST", "/", body, {"Content-Type": "application/ipp"})
        response = connection.getresponse()
        data = response.read()
    except http.client.HTTPException as error:
        raise OSError(str(error)) from error
    finally:
        connection.close()
    if response.status != 200 or len(data) < 9:
        raise OSError(f"IPP HTTP status {response.status}")
    if struct.unpack(">H", data[2:4])[0] >= 0x0400:  # client-error-not-found and the like
        return None
    offset = 8
    while offset < len(data):
        tag = data[offset]
        offset += 1
        if tag < 0x10:  # a group delimiter
            if tag == 0x03:
                break
            continue
        (name_length,) = struct.unpack(">H", data[offset : offset + 2])
        name = data[offset + 2 : offset + 2 + name_length]
        offset += 2 + name_length
        (value_length,) = struct.unpack(">H", data[offset : offset + 2])
        value = data[offset + 2 : offset + 2 + value_length]
        offset += 2 + value_length
        if name == b"job-state" and value_length == 4:
            return int.from_bytes(value, "big")
    return None


# ------------------------------------------------------------------------------- discovery


def discover_cups() -> list[PrinterInfo]:
    """The local CUPS queues (``lpstat -e``, states from ``lpstat -p``); none without CUPS."""
    try:
        code, names_text = _run(["lpstat", "-e"])
    except PrinterError:
        return []
    if code != 0:
        return []
    names = [line.strip() for line in names_text.splitlines() if line.strip()]
    _, states_text = _run(["lpstat", "-p"])
    _, default_text = _run(["lpstat", "-d"])
    default = default_text.rsplit(":", 1)[-1].strip() if "destination:" in default_text else ""
    disabled = {
        line.split()[1]
        for line in states_text.splitlines()
        if line.startswith("printer ") and "disabled" in line
    }
    return [
        PrinterInfo(
            spec=f"cups:{name}",
            label=name,
            kind="cups",
            ready=name not in disabled,
            is_default=name == default,
        )
        for name in names
    ]
