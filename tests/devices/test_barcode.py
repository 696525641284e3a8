"""Scan bursts, classification of scanned text (with layout repairs) and the router."""

from __future__ import annotations

from datetime import date

import pytest

from desk.devices.barcode import (
    AZERTY_FROM,
    US_INTENDED,
    BurstRecogniser,
    Scan,
    ScanKind,
    ScanRouter,
    classify,
)

TODAY = date(2026, 11, 25)
ID_NUMBER = "001085000001"
NAME = "CÔNG DÂN THỬ NGHIỆM"
PAYLOAD = f"{ID_NUMBER}||{NAME}|01011985|Nam|Thôn Thử Nghiệm, xã Thử Nghiệm|01012021"
CODE = "000.00.01.H99-261125-0001"
SLIP_URL = f"https://tracuu.motcua.invalid/t/{CODE}?k=abcdefghjk"


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def typed(recogniser: BurstRecogniser, ticks: Ticks, text: str, gap: float) -> str | None:
    for char in text:
        ticks.now += gap
        recogniser.feed(char)
    ticks.now += gap
    return recogniser.enter()


def test_fast_keystrokes_ending_in_enter_are_one_burst() -> None:
    ticks = Ticks()
    recogniser = BurstRecogniser(clock=ticks)
    assert typed(recogniser, ticks, PAYLOAD, gap=0.004) == PAYLOAD


def test_slow_typing_is_not_a_burst() -> None:
    ticks = Ticks()
    recogniser = BurstRecogniser(clock=ticks)
    assert typed(recogniser, ticks, CODE, gap=0.15) is None


def test_a_pause_restarts_the_candidate_and_short_bursts_are_typing() -> None:
    ticks = Ticks()
    recogniser = BurstRecogniser(clock=ticks, min_length=8)
    for char in "abc":
        ticks.now += 0.3
        recogniser.feed(char)
    ticks.now += 0.3
    assert typed(recogniser, ticks, CODE, gap=0.01) == CODE  # the slow "abc" is not included
    assert typed(recogniser, ticks, "1234", gap=0.01) is None  # too short to be a scan


def test_enter_long_after_the_burst_is_a_person() -> None:
    ticks = Ticks()
    recogniser = BurstRecogniser(clock=ticks)
    for char in CODE:
        ticks.now += 0.01
        recogniser.feed(char)
    ticks.now += 1.0
    assert recogniser.enter() is None


def test_thresholds_are_configurable() -> None:
    ticks = Ticks()
    recogniser = BurstRecogniser(clock=ticks, max_gap=0.2, min_length=3)
    assert typed(recogniser, ticks, "ABCD", gap=0.15) == "ABCD"


def test_cccd_payload_is_a_citizen() -> None:
    scan = classify(PAYLOAD, today=TODAY)
    assert scan.kind is ScanKind.CITIZEN
    assert scan.citizen is not None and scan.citizen.id_number == ID_NUMBER
    assert scan.notice is None
    assert ID_NUMBER not in repr(scan) and NAME not in repr(scan)


@pytest.mark.parametrize(
    ("text", "token"), [(CODE, None), (CODE.lower(), None), (SLIP_URL, "abcdefghjk")]
)
def test_code_or_slip_url_is_a_dossier(text: str, token: str | None) -> None:
    scan = classify(text, today=TODAY)
    assert (scan.kind, scan.code, scan.token) == (ScanKind.DOSSIER, CODE, token)


@pytest.mark.parametrize(
    "text",
    [
        "hello world",
        "https://example.invalid/other/page",
        "001085000001|x|y",  # looks like a CCCD but is not one
        "https://tracuu.motcua.invalid/t/not-a-code?k=1",
    ],
)
def test_anything_else_is_unknown_with_a_vietnamese_reason(text: str) -> None:
    scan = classify(text, today=TODAY)
    assert scan.kind is ScanKind.UNKNOWN
    assert scan.problem is not None
    assert "quét lại" in scan.problem.message or "nhập tay" in scan.problem.message
    assert ID_NUMBER not in scan.problem.message


def _as_azerty(text: str) -> str:
    return text.translate(str.maketrans(US_INTENDED, AZERTY_FROM))


@pytest.mark.parametrize(
    "text", [CODE, "001085000001||CONG DAN MAU|01011985|Nam|Thon Mau, xa Mau|01012021"]
)
def test_azerty_layout_is_repaired_and_reported(text: str) -> None:
    mangled = _as_azerty(text)
    assert mangled != text
    scan = classify(mangled, today=TODAY)
    assert scan.kind is not ScanKind.UNKNOWN
    assert scan.notice is not None and "AZERTY" in scan.notice.message
    if scan.kind is ScanKind.DOSSIER:
        assert scan.code == CODE
    else:
        assert scan.citizen is not None and scan.citizen.full_name == "CONG DAN MAU"


def test_utf8_read_as_latin1_is_repaired_and_reported() -> None:
    mangled = PAYLOAD.encode("utf-8").decode("cp1252", errors="strict")
    scan = classify(mangled, today=TODAY)
    assert scan.kind is ScanKind.CITIZEN
    assert scan.citizen is not None and scan.citizen.full_name == NAME
    assert scan.notice is not None and "bảng mã" in scan.notice.message


def test_stripped_diacritics_are_detected_and_said_in_vietnamese() -> None:
    stripped = "001085000001||NGUYEN VAN THU|01011985|Nam|Thon Thu Nghiem, xa Thu Nghiem|01012021"
    scan = classify(stripped, today=TODAY)
    assert scan.kind is ScanKind.CITIZEN
    assert scan.notice is not None
    assert "không có dấu tiếng Việt" in scan.notice.message


def test_router_sends_each_kind_to_its_handler() -> None:
    seen: list[tuple[str, Scan]] = []
    router = ScanRouter(
        on_citizen=lambda s: seen.append(("citizen", s)),
        on_dossier=lambda s: seen.append(("dossier", s)),
        on_unknown=lambda s: seen.append(("unknown", s)),
        today=lambda: TODAY,
    )
    router.route(PAYLOAD)
    router.route(SLIP_URL)
    router.route("???")
    assert [kind for kind, _ in seen] == ["citizen", "dossier", "unknown"]


def test_a_burst_has_a_scans_shape_or_is_text() -> None:
    from desk.devices.barcode import looks_like_scan

    assert looks_like_scan("001085000001|x|y|z|w|v")  # a broken CCCD QR: still a scan
    assert looks_like_scan("000.00.01.H99-261203-0001")
    assert not looks_like_scan("tiepnhan") and not looks_like_scan("mat-khau-thu-1")
    assert not looks_like_scan("001085000001|x|y|z|w|v", strict=True)
