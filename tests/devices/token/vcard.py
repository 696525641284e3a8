"""A small emulated smart card of the project's own, speaking vpcd's protocol.

vpcd (vsmartcard's PC/SC driver, loaded by pcscd) listens on a TCP port; a virtual card
connects to it. Every message either way is a 2-byte big-endian length and a payload. From
vpcd, a 1-byte payload is a control code (0 power off, 1 power on, 2 reset, 4 "send the
ATR"); anything longer is an APDU, answered with response data + status word. Connecting is
inserting the card, closing the socket is pulling it out. This replaces Debian 12's
mis-packaged `vicc` (COMPONENTS.md §2).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time

CTRL_OFF, CTRL_ON, CTRL_RESET, CTRL_ATR = 0, 1, 2, 4
HYP2003_ATR = bytes.fromhex("3B9F958131FE9F006646530551003371DF0000860000E7")
"""HyperSecu HYP2003 (a Feitian FTCOS token many Vietnamese CAs ship), from token_atrs.json."""
SERIAL = b"VN-TOKEN-0001"


class VirtualCard:
    def __init__(self, port: int, atr: bytes = HYP2003_ATR) -> None:
        self.port = port
        self.atr = atr
        self.apdus: list[bytes] = []
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def insert(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._socket = socket.create_connection(("127.0.0.1", self.port), timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        self._socket.settimeout(None)
        self._thread = threading.Thread(target=self._serve, args=(self._socket,), daemon=True)
        self._thread.start()

    def remove(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.shutdown(socket.SHUT_RDWR)
            self._socket.close()
            self._socket = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def respond(self, apdu: bytes) -> bytes:
        self.apdus.append(apdu)
        if apdu[:2] == b"\x00\xa4":  # SELECT
            return b"\x90\x00"
        if apdu[:2] == b"\x00\xca":  # GET DATA: the token's serial number
            return SERIAL + b"\x90\x00"
        return b"\x6d\x00"  # instruction not supported

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                header = _receive(sock, 2)
                if header is None:
                    return
                (length,) = struct.unpack(">H", header)
                payload = _receive(sock, length)
                if payload is None:
                    return
                if length == 1:
                    if payload[0] == CTRL_ATR:
                        sock.sendall(struct.pack(">H", len(self.atr)) + self.atr)
                    continue  # power on/off and reset need no answer
                answer = self.respond(payload)
                sock.sendall(struct.pack(">H", len(answer)) + answer)
        except OSError:
            return  # the card was pulled out (socket closed) or vpcd went away


def _receive(sock: socket.socket, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data
