"""Dossier codes: agency code shapes, desk ranges, issuing and reading codes."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.codes import (
    DeskRange,
    DossierCode,
    format_dossier_code,
    looks_like_dossier_code,
    parse_dossier_code,
    validate_agency_code,
)
from desk.errors import InvalidInput, RangeExhausted

# --- agency code ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("000.00.12.H53", "000.00.12.H53"),
        ("000.17.22.H56", "000.17.22.H56"),
        ("  000.00.00.h30 \n", "000.00.00.H30"),
        ("G09.016.06", "G09.016.06"),
        ("g09.016.06", "G09.016.06"),
    ],
)
def test_agency_code_accepts_both_orders(text: str, expected: str) -> None:
    assert validate_agency_code(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "000.00.12.53",  # level-1 group without its letter
        "00.00.12.H53",  # level 4 has 3 digits
        "000.00.12.H5",  # letter plus only one digit
        "000-00-12-H53",  # wrong separator
        "000.00.12.H53.01",  # extra group
        "G09.16.06",  # letter-first order with a short group
        "000.00.12.Đ53",  # not an ASCII letter
        "０００.００.１２.H53",  # full-width digits
        "H53",
    ],
)
def test_agency_code_rejects_bad_shapes_with_an_example(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_agency_code(text)
    message = str(caught.value)
    assert "Mã định danh cơ quan không đúng dạng" in message
    assert "000.00.12.H53" in message
    assert "G09.016.06" in message


def test_agency_code_empty() -> None:
    with pytest.raises(InvalidInput, match="Chưa nhập mã định danh cơ quan"):
        validate_agency_code("   ")


# --- desk range ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("0001-4999", 1, 4999),
        ("5000-9999", 5000, 9999),
        (" 1 - 20 ", 1, 20),
        ("0100–0199", 100, 199),  # en dash, as word processors write it
        ("0007-0007", 7, 7),
    ],
)
def test_range_parse(text: str, start: int, end: int) -> None:
    assert DeskRange.parse(text) == DeskRange(start, end)


def test_range_str_pads_to_four_digits() -> None:
    assert str(DeskRange.parse("1-4999")) == "0001-4999"
    assert str(DeskRange(5000, 9999)) == "5000-9999"


@pytest.mark.parametrize("text", ["", "0001", "0001-", "1-2-3", "a-b", "00001-4999", "0001:4999"])
def test_range_parse_rejects_bad_shape(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        DeskRange.parse(text)
    assert "Dải số hồ sơ không đúng dạng" in str(caught.value)
    assert "0001-4999" in str(caught.value)


def test_range_rejects_zero_start() -> None:
    with pytest.raises(
        InvalidInput, match=r"Số đầu của dải số hồ sơ phải từ 1 đến 9999 \(đang là 0\)"
    ):
        DeskRange.parse("0000-4999")


def test_range_rejects_reversed_bounds() -> None:
    with pytest.raises(
        InvalidInput, match=r"Số đầu của dải số hồ sơ \(5000\) lớn hơn số cuối \(4999\)"
    ):
        DeskRange.parse("5000-4999")


def test_range_rejects_out_of_range_end_when_built_directly() -> None:
    with pytest.raises(
        InvalidInput, match=r"Số cuối của dải số hồ sơ phải từ 1 đến 9999 \(đang là 10000\)"
    ):
        DeskRange(1, 10000)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("0001-4999", "5000-9999", False),
        ("0001-5000", "5000-9999", True),
        ("0100-0200", "0001-9999", True),
        ("0001-9999", "0100-0200", True),
        ("0300-0400", "0100-0200", False),
    ],
)
def test_range_overlaps_is_symmetric(a: str, b: str, expected: bool) -> None:
    first, second = DeskRange.parse(a), DeskRange.parse(b)
    assert first.overlaps(second) is expected
    assert second.overlaps(first) is expected


def test_next_after_starts_at_the_range_start() -> None:
    assert DeskRange(5000, 9999).next_after(None) == 5000


def test_next_after_counts_up() -> None:
    desk = DeskRange(5000, 9999)
    assert desk.next_after(5000) == 5001
    assert desk.next_after(9998) == 9999


def test_next_after_below_the_range_jumps_to_its_start() -> None:
    assert DeskRange(5000, 9999).next_after(12) == 5000


def test_next_after_never_wraps_around() -> None:
    desk = DeskRange(1, 4999)
    with pytest.raises(RangeExhausted) as caught:
        desk.next_after(4999, day=date(2026, 11, 24))
    message = str(caught.value)
    assert "0001-4999" in message
    assert "24/11/2026" in message
    assert "Quản trị viên cần cấp dải số mới" in message
    assert caught.value.title == "Hết dải số hồ sơ"


def test_next_after_exhausted_without_a_day() -> None:
    with pytest.raises(RangeExhausted) as caught:
        DeskRange(7, 7).next_after(7)
    assert "0007-0007" in str(caught.value)
    assert "hôm nay" in str(caught.value)


# --- issuing -------------------------------------------------------------------------------


def test_format_dossier_code() -> None:
    code = format_dossier_code("000.00.12.H53", date(2026, 11, 24), 1)
    assert code == "000.00.12.H53-261124-0001"


def test_format_dossier_code_normalises_the_agency_and_keeps_its_order() -> None:
    assert format_dossier_code(" g09.016.06 ", date(2026, 1, 5), 9999) == "G09.016.06-260105-9999"


def test_format_dossier_code_rejects_a_bad_agency() -> None:
    with pytest.raises(InvalidInput, match="Mã định danh cơ quan không đúng dạng"):
        format_dossier_code("H53", date(2026, 11, 24), 1)


@pytest.mark.parametrize("seq", [0, -1, 10000])
def test_format_dossier_code_rejects_a_sequence_outside_four_digits(seq: int) -> None:
    with pytest.raises(ValueError, match="sequence number"):
        format_dossier_code("000.00.12.H53", date(2026, 11, 24), seq)


def test_format_dossier_code_rejects_a_year_yymmdd_cannot_hold() -> None:
    with pytest.raises(ValueError, match="YYMMDD"):
        format_dossier_code("000.00.12.H53", date(1999, 12, 31), 1)


# --- reading -------------------------------------------------------------------------------


def test_parse_dossier_code() -> None:
    parsed = parse_dossier_code("000.17.22.H56-210531-0001")
    assert parsed == DossierCode("000.17.22.H56", date(2021, 5, 31), 1, "000.17.22.H56-210531-0001")


def test_parse_tolerates_whitespace_and_lower_case() -> None:
    parsed = parse_dossier_code("  000.00.14.h56-200203-0118\r\n")
    assert parsed.agency == "000.00.14.H56"
    assert parsed.day == date(2020, 2, 3)
    assert parsed.seq == 118
    assert parsed.raw == "000.00.14.H56-200203-0118"


def test_parse_letter_first_agency_with_a_six_digit_sequence() -> None:
    # TT 04/2025: AA (system owner) + XXXX; the raw text keeps the digits as printed.
    parsed = parse_dossier_code("G09.016.06-260125-010042")
    assert parsed.agency == "G09.016.06"
    assert parsed.day == date(2026, 1, 25)
    assert parsed.seq == 10042
    assert parsed.raw.endswith("-010042")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Chưa nhập mã hồ sơ"),
        ("   ", "Chưa nhập mã hồ sơ"),
        ("hello", "Không nhận ra mã hồ sơ"),
        ("000.00.12.H53", "Không nhận ra mã hồ sơ"),
        ("000.00.12.H53 261124 0001", "Không nhận ra mã hồ sơ"),
        ("a-b-c", "Không nhận ra mã hồ sơ"),
        ("000.00.12.H5-261124-0001", "Mã định danh cơ quan không đúng dạng"),
        ("000.00.12.H53-26112-0001", "Phần ngày của mã hồ sơ phải gồm 6 chữ số YYMMDD"),
        ("000.00.12.H53-261124-001", "Số thứ tự ở cuối mã hồ sơ phải gồm từ 4 đến 10 chữ số"),
        ("000.00.12.H53-261124-00000000001", "Số thứ tự ở cuối mã hồ sơ"),
        ("000.00.12.H53-261332-0001", "Ngày trong mã hồ sơ không phải ngày có thật"),
        ("000.00.12.H53-260229-0001", "Ngày trong mã hồ sơ không phải ngày có thật"),
        ("000.00.12.H53-261124-0000", "Số thứ tự trong mã hồ sơ không được bằng 0"),
    ],
)
def test_parse_rejects_with_a_reason(text: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_dossier_code(text)
    assert fragment in str(caught.value)


def test_parse_error_does_not_echo_the_input() -> None:
    # A scanned ID-card QR can land in the lookup field; it must not reach a log.
    scanned = "001085000123||CÔNG DÂN THỬ NGHIỆM|01011985|Nam|Thôn Thử Nghiệm, xã Mẫu|01012021"
    with pytest.raises(InvalidInput) as caught:
        parse_dossier_code(scanned)
    assert "001085000123" not in str(caught.value)
    assert "THỬ NGHIỆM" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("000.00.12.H53-261124-0001", True),
        (" g09.016.06-260125-120001 ", True),
        ("000.00.12.H53-261332-0001", True),  # shape only: the lookup explains the bad date
        ("000.00.12.H53-261124-01", False),
        ("https://example.invalid/t/000.00.12.H53-261124-0001", False),
        ("", False),
    ],
)
def test_looks_like_dossier_code(text: str, expected: bool) -> None:
    assert looks_like_dossier_code(text) is expected


# --- round trip ----------------------------------------------------------------------------

_agency_2018 = st.from_regex(r"[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}", fullmatch=True)
_agency_letter_first = st.from_regex(r"[A-Z][0-9]{2}\.[0-9]{3}\.[0-9]{2}", fullmatch=True)


@given(
    agency=st.one_of(_agency_2018, _agency_letter_first),
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    seq=st.integers(min_value=1, max_value=9999),
    lower=st.booleans(),
)
def test_format_then_parse_round_trips(agency: str, day: date, seq: int, lower: bool) -> None:
    code = format_dossier_code(agency.lower() if lower else agency, day, seq)
    parsed = parse_dossier_code(code.lower() if lower else code)
    assert parsed == DossierCode(agency, day, seq, code)
    assert looks_like_dossier_code(code)
