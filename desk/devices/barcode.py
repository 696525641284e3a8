"""Barcode scanners: the scan-burst recogniser, the classifier of scanned text, and the router.

A USB barcode scanner in keyboard-wedge mode "types" what it reads: the desk tells a scan from
a person by speed (a burst of keystrokes a few milliseconds apart, ending in Enter). A scanner
in USB-COM mode is read by ``desk.devices.serial_scanner``; both hand their text to the same
``ScanRouter``: a CCCD QR fills the applicant, a slip QR or a dossier code opens the dossier.

Scanners are often set up for another keyboard layout, or drop the Vietnamese diacritics; the
classifier repairs what can be repaired safely and always says what it found. Raw payloads are
personal data: nothing here logs them or puts them into a message.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from urllib.parse import parse_qs, unquote, urlsplit

from desk.domain.citizen_id import CitizenId, parse_cccd_qr
from desk.domain.codes import looks_like_dossier_code
from desk.errors import DeskError, InvalidInput


class ScanNotice(DeskError):
    """Something the officer must know about a scan that was still understood."""

    title_template = "Lưu ý về mã vừa quét"


# ------------------------------------------------------------------- the burst recogniser


@dataclass
class BurstRecogniser:
    """Tells scanner bursts from human typing, one keystroke at a time.

    ``feed`` takes each printable character and ``enter`` the final Enter. A burst is at least
    ``min_length`` characters, each within ``max_gap`` seconds of the previous one, with the
    Enter within ``max_gap`` too. A slow keystroke starts a new candidate burst at that key.
    """

    max_gap: float = 0.05
    """Seconds between two keystrokes of one scan (scanners: 2–20 ms; fast typists: > 60 ms)."""
    min_length: int = 8
    """Shorter bursts are treated as typing (a dossier code has 25 characters, a CCCD QR ~90)."""
    clock: Callable[[], float] = time.monotonic
    _chars: list[str] = field(default_factory=list, init=False, repr=False)
    _last: float | None = field(default=None, init=False, repr=False)

    def feed(self, char: str) -> None:
        now = self.clock()
        if self._last is None or now - self._last > self.max_gap:
            self._chars.clear()
        self._chars.append(char)
        self._last = now

    @property
    def pending(self) -> str:
        """The characters of the current candidate burst (what a scan put into a field)."""
        return "".join(self._chars)

    def in_burst(self) -> bool:
        """True while the keys arriving look like a scanner (the Enter may still follow)."""
        return (
            self._last is not None
            and self.clock() - self._last <= self.max_gap
            and len(self._chars) >= self.min_length
        )

    def enter(self) -> str | None:
        """The scanned text when this Enter ends a burst, else None (a person pressed Enter)."""
        text = self.pending if self.in_burst() else None
        self.reset()
        return text

    def reset(self) -> None:
        self._chars.clear()
        self._last = None


# ------------------------------------------------------------------------- the classifier


class ScanKind(StrEnum):
    CITIZEN = "citizen"
    DOSSIER = "dossier"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Scan:
    kind: ScanKind
    citizen: CitizenId | None = None
    code: str | None = None
    token: str | None = None
    """The slip QR's tracking token (None for a bare code)."""
    notice: ScanNotice | None = None
    """A repaired layout or missing diacritics: shown to the officer next to the result."""
    problem: InvalidInput | None = None
    """Why an UNKNOWN scan could not be read."""

    def __repr__(self) -> str:  # the citizen and the code stay out of logs
        return f"Scan(kind={self.kind.value!r})"


# What a French AZERTY keyboard layout makes of the keys a US-layout scanner sends: the digit
# row, A/Q and Z/W swapped, M on the comma key; enough for dossier codes and CCCD QRs.
AZERTY_FROM = "à&é\"'(-è_ç):µQqWwAaZz?,;"
US_INTENDED = "0123456789-.|AaZzQqWwMm,"
_AZERTY_TO_US = str.maketrans(AZERTY_FROM, US_INTENDED)
_AZERTY_HINT = re.compile(r"[à&é\"'(è_çµ]")
_ASCII_ONLY = re.compile(r"[\x20-\x7e]*")
_SLIP_PATH = re.compile(r"/t/([^/?#]+)/?$")
# Vietnamese words without diacritics are still recognisably Vietnamese syllables.
_VIETNAMESE_HINT = re.compile(
    r"\b(NGUYEN|TRAN|LE|PHAM|HOANG|VU|DANG|BUI|DO|HO|NGO|DUONG|LY|THI|VAN|DUC|XA|HUYEN|TINH|"
    r"THANH PHO|PHUONG|THON|AP|TO)\b",
    re.IGNORECASE,
)


def classify(text: str, *, today: date | None = None) -> Scan:
    """What a scanned text is, repaired when a wrong keyboard layout or code page mangled it."""
    cleaned = unicodedata.normalize("NFC", text).strip().lstrip("\ufeff")
    mojibake = _undo_mojibake(cleaned)
    if mojibake is not None:  # valid UTF-8 hidden in Latin-1 is never an accident
        scan = _understand(mojibake, today)
        if scan.kind is not ScanKind.UNKNOWN:
            return Scan(scan.kind, scan.citizen, scan.code, scan.token, notice=_mojibake_notice())
    direct = _understand(cleaned, today)
    if direct.kind is not ScanKind.UNKNOWN:
        return _with_diacritics_check(direct, cleaned)
    for repaired, notice in _repairs(cleaned):
        scan = _understand(repaired, today)
        if scan.kind is not ScanKind.UNKNOWN:
            return Scan(scan.kind, scan.citizen, scan.code, scan.token, notice=notice)
    return direct


def looks_like_scan(text: str, *, strict: bool = False) -> bool:
    """Whether a fast burst has a scan's shape: a CCCD QR (fields joined by "|"), a slip URL
    or a dossier code, also when a keyboard layout or code page mangled it. A word or a password
    pasted or typed by a password manager has none of these: it is text. ``strict`` (a login or
    password field) counts only a burst that reads as a scan, not a broken QR."""
    if classify(text).kind is not ScanKind.UNKNOWN:
        return True
    return not strict and ("|" in text or "µ" in text)


def _understand(text: str, today: date | None) -> Scan:
    if looks_like_dossier_code(text):
        return Scan(ScanKind.DOSSIER, code=text.upper())
    slip = _slip_url(text)
    if slip is not None:
        return Scan(ScanKind.DOSSIER, code=slip[0], token=slip[1])
    if "|" in text:
        try:
            return Scan(ScanKind.CITIZEN, citizen=parse_cccd_qr(text, today=today))
        except InvalidInput as error:
            return Scan(ScanKind.UNKNOWN, problem=error)
    return Scan(
        ScanKind.UNKNOWN,
        problem=InvalidInput(
            "Không nhận ra mã vừa quét: không phải mã QR căn cước, mã QR trên giấy tiếp nhận "
            "hay mã hồ sơ. Hãy quét lại hoặc nhập tay."
        ),
    )


def _slip_url(text: str) -> tuple[str, str | None] | None:
    """(code, token) from ``{base}/t/{code}?k={token}``, the URL in the slip's QR."""
    if "://" not in text:
        return None
    parts = urlsplit(text)
    match = _SLIP_PATH.search(parts.path)
    if match is None:
        return None
    code = unquote(match.group(1)).upper()
    if not looks_like_dossier_code(code):
        return None
    tokens = parse_qs(parts.query).get("k")
    return code, tokens[0] if tokens else None


def _repairs(text: str) -> list[tuple[str, ScanNotice]]:
    """Candidate readings of a text a mis-configured scanner produced, with what to tell."""
    candidates: list[tuple[str, ScanNotice]] = []
    if _AZERTY_HINT.search(text):
        candidates.append(
            (
                text.translate(_AZERTY_TO_US),
                ScanNotice(
                    "Máy quét đang gõ theo bàn phím kiểu Pháp (AZERTY): các chữ số bị đổi thành "
                    "ký hiệu. Đã đọc lại được mã, nhưng hãy đặt máy quét về bàn phím US (xem "
                    "sách hướng dẫn của máy quét)."
                ),
            )
        )
    return candidates


def _mojibake_notice() -> ScanNotice:
    return ScanNotice(
        "Máy quét gửi chữ tiếng Việt sai bảng mã (UTF-8 bị đọc thành Latin-1). Đã đọc lại được; "
        "hãy đặt máy quét gửi UTF-8 và kiểm tra họ tên, địa chỉ."
    )


def _undo_mojibake(text: str) -> str | None:
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != text:
            return unicodedata.normalize("NFC", fixed)
    return None


def _with_diacritics_check(scan: Scan, text: str) -> Scan:
    """A CCCD QR whose name and address are plain ASCII Vietnamese lost its diacritics."""
    citizen = scan.citizen
    if citizen is None or not _ASCII_ONLY.fullmatch(text):
        return scan
    if not _VIETNAMESE_HINT.search(f"{citizen.full_name} {citizen.address}"):
        return scan
    return Scan(
        scan.kind,
        citizen,
        notice=ScanNotice(
            "Mã QR căn cước quét được không có dấu tiếng Việt (máy quét hoặc bộ gõ đã bỏ dấu). "
            "Hãy sửa họ tên và địa chỉ theo thẻ trước khi lưu, và đặt máy quét gửi Unicode."
        ),
    )


# ----------------------------------------------------------------------------- the router


@dataclass(frozen=True)
class ScanRouter:
    """Sends each scan to its handler; keyboard bursts and serial scanners share one router."""

    on_citizen: Callable[[Scan], None]
    on_dossier: Callable[[Scan], None]
    on_unknown: Callable[[Scan], None]
    today: Callable[[], date | None] = lambda: None

    def route(self, text: str) -> Scan:
        scan = classify(text, today=self.today())
        handler = {
            ScanKind.CITIZEN: self.on_citizen,
            ScanKind.DOSSIER: self.on_dossier,
            ScanKind.UNKNOWN: self.on_unknown,
        }[scan.kind]
        handler(scan)
        return scan
