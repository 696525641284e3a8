"""CCCD QR payloads, read tolerantly, checked, and never leaked into messages.

All people here are synthetic placeholders; ID numbers are built to be self-consistent
(province + century/sex digit + year of birth + 6 arbitrary digits).
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from desk.domain.citizen_id import (
    PROVINCE_CODES,
    CitizenId,
    Sex,
    check_id_number,
    normalise_sex,
    parse_cccd_qr,
)
from desk.errors import InvalidInput

TODAY = date(2026, 11, 24)
NAME = "CÔNG DÂN THỬ NGHIỆM"
ADDRESS = "Thôn Thử Nghiệm, xã Mẫu, huyện Mẫu, tỉnh Mẫu"
MALE_1985 = "001" + "0" + "85" + "000123"  # Hà Nội, Nam, 1900s, born '85
FEMALE_2001 = "079" + "3" + "01" + "000456"  # Hồ Chí Minh, Nữ, 2000s, born '01
OLD_ID = "012345678"


def payload(
    id_number: str = MALE_1985,
    old_id: str = OLD_ID,
    name: str = NAME,
    born: str = "05031985",
    sex: str = "Nam",
    address: str = ADDRESS,
    issued: str = "20042021",
) -> str:
    return "|".join([id_number, old_id, name, born, sex, address, issued])


def parse(text: str) -> CitizenId:
    return parse_cccd_qr(text, today=TODAY)


def rejection(text: str) -> str:
    """The message of the InvalidInput raised for ``text``, checked for leaks."""
    with pytest.raises(InvalidInput) as caught:
        parse(text)
    message = str(caught.value)
    for secret in (MALE_1985, FEMALE_2001, NAME, "THỬ NGHIỆM"):
        assert secret not in message
    assert unicodedata.is_normalized("NFC", message)
    return message


# --- happy paths ---------------------------------------------------------------------------


def test_standard_seven_fields() -> None:
    citizen = parse(payload())
    assert citizen == CitizenId(
        id_number=MALE_1985,
        old_id_number=OLD_ID,
        full_name=NAME,
        date_of_birth=date(1985, 3, 5),
        sex="Nam",
        address=ADDRESS,
        issue_date=date(2021, 4, 20),
    )


def test_to_json() -> None:
    assert parse(payload()).to_json() == {
        "id_number": MALE_1985,
        "old_id_number": OLD_ID,
        "full_name": NAME,
        "date_of_birth": "1985-03-05",
        "sex": "Nam",
        "address": ADDRESS,
        "issue_date": "2021-04-20",
    }


def test_empty_old_id_becomes_none() -> None:
    citizen = parse(payload(old_id=""))
    assert citizen.old_id_number is None
    assert citizen.to_json()["old_id_number"] is None


def test_twelve_digit_old_id_is_kept() -> None:
    assert parse(payload(old_id="001085000999")).old_id_number == "001085000999"


def test_trailing_fields_are_ignored() -> None:
    citizen = parse(payload() + "|extra|0123|")
    assert citizen.issue_date == date(2021, 4, 20)
    assert citizen.address == ADDRESS


def test_crlf_and_spaces_at_the_end() -> None:
    assert parse(payload() + "\r\n").issue_date == date(2021, 4, 20)
    assert parse("\ufeff" + payload() + "  \n").id_number == MALE_1985


def test_nfd_input_is_normalised_to_nfc() -> None:
    citizen = parse(unicodedata.normalize("NFD", payload(sex="Nữ", id_number="001185000123")))
    assert citizen.full_name == NAME
    assert unicodedata.is_normalized("NFC", citizen.full_name)
    assert citizen.address == ADDRESS
    assert citizen.sex == "Nữ"


def test_name_whitespace_is_collapsed_and_case_kept() -> None:
    citizen = parse(payload(name="  Công  Dân   Thử Nghiệm "))
    assert citizen.full_name == "Công Dân Thử Nghiệm"


def test_address_is_stripped_but_otherwise_kept() -> None:
    assert parse(payload(address="  Thôn  Mẫu, xã Mẫu  ")).address == "Thôn  Mẫu, xã Mẫu"


def test_female_born_in_the_2000s() -> None:
    citizen = parse(payload(id_number=FEMALE_2001, old_id="", born="15062001", sex="Nữ"))
    assert citizen.sex == "Nữ"
    assert citizen.date_of_birth == date(2001, 6, 15)


def test_slashed_dates_are_accepted() -> None:
    citizen = parse(payload(born="05/03/1985", issued="20/04/2021"))
    assert citizen.date_of_birth == date(1985, 3, 5)
    assert citizen.issue_date == date(2021, 4, 20)


def test_six_fields_without_the_old_id_field() -> None:
    text = "|".join([MALE_1985, NAME, "05031985", "Nam", ADDRESS, "20042021"])
    citizen = parse(text)
    assert citizen.old_id_number is None
    assert citizen.full_name == NAME
    assert citizen.issue_date == date(2021, 4, 20)


def test_six_fields_without_the_issue_date() -> None:
    citizen = parse("|".join([MALE_1985, OLD_ID, NAME, "05031985", "Nam", ADDRESS]))
    assert citizen.old_id_number == OLD_ID
    assert citizen.issue_date is None


def test_six_fields_with_empty_old_id_and_no_issue_date() -> None:
    citizen = parse("|".join([MALE_1985, "", NAME, "05031985", "Nam", ADDRESS]))
    assert citizen.old_id_number is None
    assert citizen.issue_date is None


def test_empty_issue_date_is_none() -> None:
    assert parse(payload(issued="")).issue_date is None


def test_issued_on_the_day_of_birth_and_today_are_accepted() -> None:
    assert parse(payload(issued="05031985")).issue_date == date(1985, 3, 5)
    assert parse(payload(issued="24112026")).issue_date == TODAY


# --- not a CCCD QR at all ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "dữ liệu quét được trống"),
        (" \r\n", "dữ liệu quét được trống"),
        ("https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html", "địa chỉ trang web"),
        ("www.example.invalid", "địa chỉ trang web"),
        ("http://example.invalid/?a=1|2|3|4|5|6", "địa chỉ trang web"),
        ("000.00.12.H53-261124-0001", "đây là một mã hồ sơ"),
        ("CÔNG DÂN THỬ NGHIỆM", "không gồm các trường ngăn cách bằng dấu |"),
        (f"{MALE_1985}|{NAME}|05031985", "cần ít nhất 6 trường"),
    ],
)
def test_unrecognised_payloads_suggest_manual_entry(text: str, fragment: str) -> None:
    message = rejection(text)
    assert message.startswith("Không nhận ra mã QR căn cước")
    assert fragment in message
    assert "nhập tay" in message


def test_field_count_is_reported() -> None:
    assert "mã này có 3" in rejection(f"{MALE_1985}|{NAME}|05031985")


# --- bad fields ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (payload(id_number="00108500012"), "Số định danh phải gồm 12 chữ số (đang có 11)"),
        (payload(id_number="0010850001234"), "Số định danh phải gồm 12 chữ số (đang có 13)"),
        (payload(id_number="001085OOO123"), "Số định danh chỉ được gồm chữ số"),
        (payload(id_number=""), "Thiếu số định danh cá nhân"),
        (payload(old_id="12345"), "Số CMND cũ phải gồm 9 hoặc 12 chữ số"),
        (payload(name=""), "thiếu họ và tên"),
        (payload(name="CÔNG DÂN 2"), "họ và tên trong mã QR căn cước có chữ số"),
        (payload(address=" "), "thiếu nơi thường trú"),
        (payload(born="5031985"), "Ngày sinh phải có dạng ddMMyyyy"),
        (payload(born=""), "Ngày sinh phải có dạng ddMMyyyy"),
        (payload(born="05/031985"), "Ngày sinh phải có dạng ddMMyyyy"),
        (payload(born="31021985"), "Ngày sinh không phải ngày có thật"),
        (payload(issued="2021-04-20"), "Ngày cấp phải có dạng ddMMyyyy"),
        (payload(issued="31042021"), "Ngày cấp không phải ngày có thật"),
        (payload(sex="X"), "Giới tính phải là Nam hoặc Nữ"),
        (payload(sex=""), "Giới tính phải là Nam hoặc Nữ"),
    ],
)
def test_bad_fields_are_named(text: str, fragment: str) -> None:
    assert fragment in rejection(text)


def test_impossible_date_31022000() -> None:
    text = payload(id_number="001200000123", born="31022000")
    assert "Ngày sinh không phải ngày có thật trên lịch" in rejection(text)


def test_old_id_message_counts_characters_without_echoing() -> None:
    message = rejection(payload(old_id="12345"))
    assert "(đang có 5 ký tự)" in message
    assert "12345" not in message


# --- consistency checks --------------------------------------------------------------------


def test_birth_in_the_future() -> None:
    text = payload(id_number="001226000123", born="01012027", issued="")
    assert "Ngày sinh trên thẻ nằm sau ngày hôm nay" in rejection(text)


def test_issue_date_before_birth() -> None:
    assert "Ngày cấp thẻ nằm trước ngày sinh" in rejection(payload(issued="04031985"))


def test_issue_date_in_the_future() -> None:
    assert "Ngày cấp thẻ nằm sau ngày hôm nay" in rejection(payload(issued="25112026"))


def test_unknown_province() -> None:
    message = rejection(payload(id_number="003085000123"))
    assert "Ba chữ số đầu của số định danh" in message
    assert "63 mã tỉnh" in message


def test_century_digit_mismatch() -> None:
    # 2 = Nam born 2000-2099, but the card says 1985.
    message = rejection(payload(id_number="001285000123"))
    assert "Chữ số thứ 4 của số định danh (thế kỷ sinh)" in message


def test_sex_digit_mismatch() -> None:
    message = rejection(payload(sex="Nữ"))
    assert "Chữ số thứ 4 của số định danh (giới tính)" in message


def test_century_and_sex_mismatch() -> None:
    message = rejection(payload(id_number="001385000123"))
    assert "(thế kỷ và giới tính) không khớp với ngày sinh và giới tính trên thẻ" in message


def test_year_digits_mismatch() -> None:
    message = rejection(payload(id_number="001084000123"))
    assert "Chữ số thứ 5 và 6 của số định danh (hai số cuối năm sinh)" in message


# --- check_id_number -----------------------------------------------------------------------


def test_check_id_number_accepts_consistent_numbers() -> None:
    assert check_id_number(MALE_1985) == []
    assert check_id_number(MALE_1985, date_of_birth=date(1985, 3, 5), sex="Nam") == []
    assert check_id_number(FEMALE_2001, date_of_birth=date(2001, 6, 15), sex="Nữ") == []


@pytest.mark.parametrize(
    ("digit", "born", "sex"),
    [
        ("0", date(1999, 1, 1), "Nam"),
        ("1", date(1900, 1, 1), "Nữ"),
        ("2", date(2000, 1, 1), "Nam"),
        ("3", date(2099, 12, 31), "Nữ"),
        ("4", date(2100, 1, 1), "Nam"),
        ("5", date(2100, 1, 1), "Nữ"),
        ("6", date(2200, 1, 1), "Nam"),
        ("7", date(2200, 1, 1), "Nữ"),
        ("8", date(1899, 1, 1), "Nam"),
        ("9", date(1899, 1, 1), "Nữ"),
    ],
)
def test_check_id_number_century_table(digit: str, born: date, sex: Sex) -> None:
    number = "001" + digit + f"{born.year % 100:02d}" + "000123"
    assert check_id_number(number, date_of_birth=born, sex=sex) == []
    other: Sex = "Nữ" if sex == "Nam" else "Nam"
    assert check_id_number(number, date_of_birth=born, sex=other) == [
        "Chữ số thứ 4 của số định danh (giới tính) không khớp với giới tính trên thẻ."
    ]


def test_check_id_number_without_context_checks_only_what_it_can() -> None:
    assert check_id_number("001985000123") == []
    assert check_id_number("001985000123", sex="Nữ") == []
    problems = check_id_number("001985000123", date_of_birth=date(1985, 1, 1))
    assert problems == [
        "Chữ số thứ 4 của số định danh (thế kỷ sinh) không khớp với năm sinh trên thẻ."
    ]


def test_check_id_number_reports_every_problem() -> None:
    problems = check_id_number("099390000123", date_of_birth=date(1985, 1, 1), sex="Nam")
    assert len(problems) == 3
    assert problems[0].startswith("Ba chữ số đầu của số định danh")
    assert "(thế kỷ và giới tính)" in problems[1]
    assert problems[2].startswith("Chữ số thứ 5 và 6")


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("12345", "Số định danh phải gồm 12 chữ số (đang có 5)."),
        ("001 085 000123", "Số định danh chỉ được gồm chữ số."),
        ("", "Thiếu số định danh cá nhân (12 chữ số)."),
    ],
)
def test_check_id_number_shape(number: str, problem: str) -> None:
    assert check_id_number(number) == [problem]


def test_province_table_has_the_63_codes() -> None:
    assert len(PROVINCE_CODES) == 63
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["096"] == "Cà Mau"
    assert all(len(code) == 3 and code.isdigit() for code in PROVINCE_CODES)
    assert all(unicodedata.is_normalized("NFC", name) for name in PROVINCE_CODES.values())


# --- sex -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nam", "Nam"),
        ("nam", "Nam"),
        ("NAM", "Nam"),
        (" male ", "Nam"),
        ("Nữ", "Nữ"),
        ("NỮ", "Nữ"),
        (unicodedata.normalize("NFD", "nữ"), "Nữ"),
        ("nu", "Nữ"),
        ("Nu", "Nữ"),
        ("FEMALE", "Nữ"),
    ],
)
def test_normalise_sex(text: str, expected: str) -> None:
    assert normalise_sex(text) == expected


@pytest.mark.parametrize("text", ["", "M", "khác", "nam nữ"])
def test_normalise_sex_rejects(text: str) -> None:
    with pytest.raises(InvalidInput, match="Giới tính phải là Nam hoặc Nữ"):
        normalise_sex(text)


# --- personal data never leaks -------------------------------------------------------------


def test_repr_and_str_hide_personal_data() -> None:
    citizen = parse(payload())
    for text in (repr(citizen), str(citizen), repr([citizen])):
        assert MALE_1985 not in text
        assert NAME not in text
        assert "1985" not in text
        assert text.count("CitizenId(<redacted>)") == 1


def test_error_of_a_failed_parse_hides_personal_data() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse(payload(sex="Nữ"))
    error = caught.value
    for text in (str(error), repr(error), error.message, repr(error.params)):
        assert MALE_1985 not in text
        assert NAME not in text
