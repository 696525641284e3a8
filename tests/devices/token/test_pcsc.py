"""PC/SC with a real pcscd + vpcd and the project's own emulated card: insertion and removal
are seen live, the ATR is read and named from the table, and a stopped pcscd is a state."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

from desk.devices.token_pcsc import (
    CardEvent,
    CardEventKind,
    CardWatcher,
    PcscScanner,
    PcscStatus,
    default_atr_table,
)
from tests.devices.token.pcscd import Pcscd
from tests.devices.token.vcard import HYP2003_ATR, SERIAL, VirtualCard
from tests.integration.cli.test_cli import console_script

UNKNOWN_ATR = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")


class Recorder:
    def __init__(self) -> None:
        self.events: list[CardEvent] = []
        self._changed = threading.Condition()

    def __call__(self, event: CardEvent) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def wait_for(self, test: Callable[[CardEvent], bool], timeout: float = 10.0) -> CardEvent:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = next((e for e in self.events if test(e)), None)
                if found is not None:
                    return found
                left = deadline - time.monotonic()
                assert left > 0, f"no such event; saw {self.events}"
                self._changed.wait(left)


def test_insert_and_remove_are_seen_and_the_model_named(pcscd: Pcscd) -> None:
    recorder = Recorder()
    card = VirtualCard(pcscd.port)
    with CardWatcher(recorder, interval=0.1):
        card.insert()
        inserted = recorder.wait_for(lambda e: e.kind is CardEventKind.INSERTED)
        assert inserted.slot is not None
        assert inserted.slot.atr == HYP2003_ATR
        assert inserted.slot.model is not None
        assert inserted.slot.model.model == "HyperSecu HYP2003"
        card.remove()
        removed = recorder.wait_for(lambda e: e.kind is CardEventKind.REMOVED)
        assert removed.slot is not None and removed.slot.reader == inserted.slot.reader


def test_scan_reads_the_atr_without_connecting_and_apdus_still_work(pcscd: Pcscd) -> None:
    from smartcard.System import readers

    card = VirtualCard(pcscd.port, atr=UNKNOWN_ATR)
    card.insert()
    scanner = PcscScanner()
    try:
        deadline = time.monotonic() + 10
        while not (snapshot := scanner.scan()).cards():
            assert time.monotonic() < deadline, snapshot
            time.sleep(0.05)
        (slot,) = snapshot.cards()
        assert snapshot.status is PcscStatus.READY
        assert len(snapshot.slots) == 2  # vpcd's two readers; the second one is empty
        assert slot.atr == UNKNOWN_ATR and slot.model is None
        assert card.apdus == []  # reading the ATR sent the card no command
        reader = next(r for r in readers() if str(r) == slot.reader)
        connection = reader.createConnection()
        connection.connect()
        try:
            data, sw1, sw2 = connection.transmit([0x00, 0xCA, 0x01, 0x00, 0x00])
        finally:
            connection.disconnect()
        assert bytes(data) == SERIAL and (sw1, sw2) == (0x90, 0x00)
    finally:
        scanner.close()
        card.remove()


def test_stopped_pcscd_is_the_no_service_state(pcscd: Pcscd, tmp_path: Path) -> None:
    recorder = Recorder()
    scanner = PcscScanner()
    try:
        assert scanner.scan().status is PcscStatus.READY
        with CardWatcher(recorder, interval=0.1):
            time.sleep(0.3)
            pcscd.stop()
            recorder.wait_for(lambda e: e.kind is CardEventKind.SERVICE_LOST)
        assert scanner.scan().status is PcscStatus.NO_SERVICE
    finally:
        scanner.close()
    # What the officer sees: an empty token store and no reader service.
    empty = tmp_path / "empty-hsm"
    (empty / "tokens").mkdir(parents=True)
    (empty / "softhsm2.conf").write_text(
        f"directories.tokendir = {empty / 'tokens'}\nobjectstore.backend = file\n"
        "log.level = ERROR\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [str(console_script()), "token", "info", "--json",
         "--module", "/usr/lib/softhsm/libsofthsm2.so"],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
        env={**os.environ, "DESK_LANGUAGE": "vi",
             "SOFTHSM2_CONF": str(empty / "softhsm2.conf")},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    state = json.loads(done.stdout)
    assert state["status"] == "absent"
    assert state["reader_service"] == "no_service"
    assert "Dịch vụ đọc thẻ thông minh không chạy" in state["reason"]


def test_atr_table_is_data_with_sources() -> None:
    table = default_atr_table()
    assert len(table) >= 4
    epass = bytes.fromhex("3B9F958131FE9F006646530510001171DF0000006A825E")
    variant = bytearray(epass)
    variant[12] = 0x21  # a masked byte (firmware-dependent) may differ
    model = table.identify(bytes(variant))
    assert model is not None and model.model == "Feitian ePass2003"
    assert "OpenSC" in model.source
    assert table.identify(UNKNOWN_ATR) is None
