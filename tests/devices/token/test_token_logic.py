"""Pure logic of the token layer: states of the fake, PIN warnings, events, module probing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.devices.token import FakeTokenDevice, TokenError, TokenStatus
from desk.devices.token_pcsc import (
    CardEventKind,
    PcscSnapshot,
    PcscStatus,
    ReaderSlot,
    diff_snapshots,
)
from desk.devices.token_pkcs11 import (
    PinStatus,
    find_module,
    known_module_paths,
    locked_error,
)


def test_fake_device_plays_an_error_state_with_its_reason() -> None:
    device = FakeTokenDevice(TokenStatus.ERROR, problem=locked_error("VNPT-CA"))
    state = device.state()
    assert state.status is TokenStatus.ERROR
    assert "VNPT-CA" in state.reason and "mở khóa" in state.reason
    with pytest.raises(TokenError):
        device.certificates("khong-co")


def test_pin_flags_become_warnings_before_login() -> None:
    assert PinStatus.from_flags(0).warning() is None
    low = PinStatus.from_flags(0x00010000)
    assert low.count_low and not low.final_try
    assert "đã có lần nhập sai" in (low.warning() or "")
    final = PinStatus.from_flags(0x00030000)
    assert "chỉ còn 1 lần" in (final.warning() or "")
    locked = PinStatus.from_flags(0x00040000)
    assert locked.locked and "khóa" in (locked.warning() or "")
    assert "tổ chức cung cấp chữ ký số (CA)" in locked_error(None).message


def test_snapshot_diff_gives_insert_remove_and_service_events() -> None:
    card = ReaderSlot("Reader 0", b"\x3b\x00", None)
    empty = ReaderSlot("Reader 0", None, None)
    ready_empty = PcscSnapshot(PcscStatus.READY, (empty,))
    ready_card = PcscSnapshot(PcscStatus.READY, (card,))
    gone = PcscSnapshot(PcscStatus.NO_SERVICE)
    assert [e.kind for e in diff_snapshots(ready_empty, ready_card)] == [CardEventKind.INSERTED]
    assert [e.kind for e in diff_snapshots(ready_card, gone)] == [
        CardEventKind.REMOVED,
        CardEventKind.SERVICE_LOST,
    ]
    assert [e.kind for e in diff_snapshots(gone, ready_card)] == [
        CardEventKind.SERVICE_BACK,
        CardEventKind.INSERTED,
    ]
    assert diff_snapshots(ready_card, ready_card) == []


def test_module_probe_names_and_refusals(tmp_path: Path) -> None:
    windows = [p.name for p in known_module_paths("win32")]
    assert "vnpt-ca_csp11.dll" in windows and "eps2003csp11.dll" in windows
    assert "viettel-ca_v6.dll" in windows and "nca_v9.dll" in windows
    with pytest.raises(TokenError, match="Không tìm thấy trình điều khiển"):
        find_module(str(tmp_path / "khong-co.so"))
    not_a_library = tmp_path / "gia.so"
    not_a_library.write_bytes(b"not a library")
    with pytest.raises(TokenError, match="C_GetFunctionList"):
        find_module(str(not_a_library))
    with pytest.raises(TokenError, match="Chưa có trình điều khiển"):
        find_module(None, platform="win32")  # no C:/Windows here: nothing to probe


def test_stamp_text_follows_nd30_with_iso_time_in_vietnam() -> None:
    from datetime import UTC, datetime

    from desk.devices.signing import stamp_text

    text = stamp_text(
        "CÔNG DÂN THỬ NGHIỆM", "UBND xã Thử Nghiệm", datetime(2026, 11, 25, 2, tzinfo=UTC)
    )
    assert text.splitlines() == [
        "Người ký: CÔNG DÂN THỬ NGHIỆM",
        "Cơ quan: UBND xã Thử Nghiệm",
        "Thời gian ký: 2026-11-25T09:00:00+07:00",
    ]
