"""PC/SC: the card readers, the cards in them, their ATR and the token model it names.

Talks to the reader service (pcscd on Linux, the Smart Card service on Windows) through
pyscard's thin ``smartcard.scard`` layer, whose calls return status codes instead of raising:
"no service" and "no reader" become states, never exceptions. The ATR is read with
SCardGetStatusChange, without connecting to the card, so a scan never disturbs a token that
the PKCS#11 driver is using.

Insertion and removal are followed by ``CardWatcher``, a small polling thread of our own
rather than pyscard's ``CardMonitor``: that one is a process-wide singleton whose thread prints
tracebacks on stderr (into the officer's terminal) and stops for good when pcscd goes away,
whereas the desk must keep watching and say "no reader service" until the service is back.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

ATR_TABLE = Path(__file__).resolve().parent / "token_atrs.json"


# ------------------------------------------------------------------------------ ATR table


@dataclass(frozen=True)
class TokenModel:
    model: str
    vendor: str
    modules: tuple[str, ...]
    """PKCS#11 module file names known to drive this model (a hint for the settings)."""
    source: str


@dataclass(frozen=True)
class _AtrEntry:
    atr: bytes
    mask: bytes
    model: TokenModel

    def matches(self, atr: bytes) -> bool:
        if len(atr) != len(self.atr):
            return False
        return all((a & m) == (b & m) for a, b, m in zip(atr, self.atr, self.mask, strict=True))


def _hex(text: str) -> bytes:
    return bytes.fromhex(text.replace(" ", "").replace(":", ""))


class AtrTable:
    """Known token models by ATR, read from data (``token_atrs.json``), first match wins."""

    def __init__(self, entries: list[_AtrEntry]) -> None:
        self._entries = entries

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AtrTable:
        entries = []
        for item in data["models"]:
            atr = _hex(item["atr"])
            mask = _hex(item["mask"]) if item.get("mask") else b"\xff" * len(atr)
            if len(mask) != len(atr):
                raise ValueError(f"ATR mask length differs for {item['model']}")
            model = TokenModel(
                model=item["model"],
                vendor=item.get("vendor", ""),
                modules=tuple(item.get("modules", ())),
                source=item["source"],
            )
            entries.append(_AtrEntry(atr, mask, model))
        return cls(entries)

    def identify(self, atr: bytes) -> TokenModel | None:
        return next((entry.model for entry in self._entries if entry.matches(atr)), None)

    def __len__(self) -> int:
        return len(self._entries)


@cache
def default_atr_table() -> AtrTable:
    return AtrTable.from_json(json.loads(ATR_TABLE.read_text(encoding="utf-8")))


# ------------------------------------------------------------------------------ scanning


class PcscStatus(StrEnum):
    UNAVAILABLE = "unavailable"  # pyscard (the `token` extra) is not installed
    NO_SERVICE = "no_service"  # pcscd / the Smart Card service is not running
    NO_READER = "no_reader"  # the service runs but no reader (no USB token) is plugged in
    READY = "ready"  # at least one reader; see the slots for cards


@dataclass(frozen=True)
class ReaderSlot:
    reader: str
    atr: bytes | None
    """The card's ATR; None when the reader is empty."""
    model: TokenModel | None

    @property
    def has_card(self) -> bool:
        return self.atr is not None

    @property
    def atr_hex(self) -> str:
        return self.atr.hex(" ").upper() if self.atr is not None else ""


@dataclass(frozen=True)
class PcscSnapshot:
    status: PcscStatus
    slots: tuple[ReaderSlot, ...] = ()

    def cards(self) -> tuple[ReaderSlot, ...]:
        return tuple(slot for slot in self.slots if slot.has_card)


_SCARD_STATE_UNAWARE = 0x0000
_SCARD_STATE_PRESENT = 0x0020
_SCARD_S_SUCCESS = 0
_SCARD_E_NO_SERVICE = 0x8010001D
_SCARD_E_SERVICE_STOPPED = 0x8010001E
_SCARD_E_NO_READERS_AVAILABLE = 0x8010002E
_NO_SERVICE_CODES = {_SCARD_E_NO_SERVICE, _SCARD_E_SERVICE_STOPPED}


def _unsigned(code: int) -> int:
    return code & 0xFFFFFFFF


class PcscScanner:
    """One scan = readers + their cards' ATRs; keeps a context between scans when it can."""

    def __init__(self, table: AtrTable | None = None) -> None:
        self.table = table or default_atr_table()
        self._context: Any = None

    def scan(self) -> PcscSnapshot:
        try:
            from smartcard import scard
        except ImportError:
            return PcscSnapshot(PcscStatus.UNAVAILABLE)
        snapshot = self._scan_once(scard)
        if snapshot.status is PcscStatus.NO_SERVICE and self._context is not None:
            # A context from before a pcscd restart is dead: drop it and try once afresh.
            self._context = None
            snapshot = self._scan_once(scard)
        return snapshot

    def _scan_once(self, scard: Any) -> PcscSnapshot:
        if self._context is None:
            result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            if _unsigned(result) != _SCARD_S_SUCCESS:
                return PcscSnapshot(PcscStatus.NO_SERVICE)
            self._context = context
        result, readers = scard.SCardListReaders(self._context, [])
        code = _unsigned(result)
        if code in _NO_SERVICE_CODES:
            self.close()
            return PcscSnapshot(PcscStatus.NO_SERVICE)
        if code == _SCARD_E_NO_READERS_AVAILABLE or (code == _SCARD_S_SUCCESS and not readers):
            return PcscSnapshot(PcscStatus.NO_READER)
        if code != _SCARD_S_SUCCESS:
            log.info("SCardListReaders failed: 0x%08X", code)
            self.close()
            return PcscSnapshot(PcscStatus.NO_SERVICE)
        states = [(reader, _SCARD_STATE_UNAWARE) for reader in readers]
        result, found = scard.SCardGetStatusChange(self._context, 0, states)
        code = _unsigned(result)
        if code != _SCARD_S_SUCCESS:
            log.info("SCardGetStatusChange failed: 0x%08X", code)
            self.close()
            return PcscSnapshot(PcscStatus.NO_SERVICE)
        slots = []
        for reader, event_state, atr_list in found:
            atr = bytes(atr_list) if event_state & _SCARD_STATE_PRESENT and atr_list else None
            model = self.table.identify(atr) if atr is not None else None
            slots.append(ReaderSlot(reader=reader, atr=atr, model=model))
        return PcscSnapshot(PcscStatus.READY, tuple(slots))

    def close(self) -> None:
        if self._context is None:
            return
        try:
            from smartcard import scard

            scard.SCardReleaseContext(self._context)
        except Exception:  # the service may already be gone; nothing left to release
            log.debug("SCardReleaseContext failed", exc_info=True)
        self._context = None


# ------------------------------------------------------------------------------ watching


class CardEventKind(StrEnum):
    INSERTED = "inserted"
    REMOVED = "removed"
    SERVICE_LOST = "service_lost"
    SERVICE_BACK = "service_back"


@dataclass(frozen=True)
class CardEvent:
    kind: CardEventKind
    slot: ReaderSlot | None = None


def diff_snapshots(before: PcscSnapshot, after: PcscSnapshot) -> list[CardEvent]:
    """The events that turn ``before`` into ``after`` (pure, so it is tested without a reader)."""
    events: list[CardEvent] = []
    had_service = before.status in (PcscStatus.READY, PcscStatus.NO_READER)
    has_service = after.status in (PcscStatus.READY, PcscStatus.NO_READER)
    old = {(slot.reader, slot.atr): slot for slot in before.cards()}
    new = {(slot.reader, slot.atr): slot for slot in after.cards()}
    events.extend(CardEvent(CardEventKind.REMOVED, slot) for k, slot in old.items() if k not in new)
    if had_service and not has_service:
        events.append(CardEvent(CardEventKind.SERVICE_LOST))
    if has_service and not had_service and before.status is PcscStatus.NO_SERVICE:
        events.append(CardEvent(CardEventKind.SERVICE_BACK))
    events.extend(
        CardEvent(CardEventKind.INSERTED, slot) for k, slot in new.items() if k not in old
    )
    return events


class CardWatcher:
    """Calls ``on_event`` from a background thread whenever a card comes or goes.

    Cards already present when watching starts are reported as inserted, so a listener
    needs no separate first scan. ``stop()`` returns within one polling interval.
    """

    def __init__(
        self,
        on_event: Callable[[CardEvent], None],
        *,
        scanner: PcscScanner | None = None,
        interval: float = 0.25,
    ) -> None:
        self._on_event = on_event
        self._scanner = scanner or PcscScanner()
        self._interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.snapshot = PcscSnapshot(PcscStatus.NO_READER)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="token-card-watcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._scanner.close()

    def __enter__(self) -> CardWatcher:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                current = self._scanner.scan()
            except Exception:  # a driver fault must not kill the watcher; retry next tick
                log.warning("PC/SC scan failed", exc_info=True)
                current = PcscSnapshot(PcscStatus.NO_SERVICE)
            for event in diff_snapshots(self.snapshot, current):
                try:
                    self._on_event(event)
                except Exception:  # the listener's bug is not the watcher's
                    log.exception("card event listener failed")
            self.snapshot = current
            self._stop.wait(self._interval)
