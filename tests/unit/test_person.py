"""Person.validated: normalisation and the Vietnamese refusals, and no personal data in repr."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest

from desk.domain.person import Person
from desk.errors import InvalidInput

NAME = "CÔNG DÂN THỬ NGHIỆM"


def person(**changes: Any) -> Person:
    values: dict[str, Any] = {
        "full_name": NAME,
        "id_number": "001085000001",
        "date_of_birth": date(1985, 1, 1),
        "sex": "Nam",
        "address": "Thôn Thử Nghiệm",
        "phone": "0912000000",
        "email": None,
    }
    values.update(changes)
    return Person(**values)


def test_a_valid_person_is_returned_normalised() -> None:
    raw = person(
        full_name="  " + unicodedata.normalize("NFD", "Công  Dân Thử Nghiệm") + " ",
        id_number=" 0010 8500 0001 ",
        sex="nam",
        address=" Thôn   Thử Nghiệm ",
        phone="(0912) 000.000",
        email="  cong.dan@example.invalid ",
    )

    valid = raw.validated()

    assert valid.full_name == "Công Dân Thử Nghiệm"
    assert unicodedata.is_normalized("NFC", valid.full_name)
    assert valid.id_number == "001085000001"
    assert valid.sex == "Nam"
    assert valid.address == "Thôn Thử Nghiệm"
    assert valid.phone == "0912000000"
    assert valid.email == "cong.dan@example.invalid"
    assert valid.date_of_birth == date(1985, 1, 1)
    assert valid.kind == "person"
    assert raw.id_number == " 0010 8500 0001 "  # the input is left as it was


def test_optional_fields_may_be_empty() -> None:
    valid = Person(full_name=NAME, id_number="  ", phone="", email="  ").validated()
    assert (valid.id_number, valid.phone, valid.email, valid.sex, valid.address) == (
        None,
        None,
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"id_number": "001185000001", "sex": "Nữ"}, "001185000001"),  # woman born in the 1900s
        ({"id_number": "001185000001", "sex": "nu"}, "001185000001"),
        ({"id_number": "079201000001", "date_of_birth": date(2001, 5, 1)}, "079201000001"),
        ({"id_number": "123456789"}, "123456789"),  # old CMND, 9 digits
        ({"id_number": "001085000001", "date_of_birth": None, "sex": None}, "001085000001"),
        ({"phone": "+84912000000"}, "001085000001"),
    ],
)
def test_accepted_variants(changes: dict[str, Any], expected: str) -> None:
    assert person(**changes).validated().id_number == expected


def test_phone_with_country_code_is_kept() -> None:
    assert person(phone="+84 912 000 000").validated().phone == "+84912000000"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"full_name": "   "}, "Chưa nhập họ tên chủ hồ sơ."),
        ({"id_number": "999085000001"}, "mã tỉnh"),
        ({"id_number": "00108500001"}, "phải gồm 12 chữ số (đang có 11)"),
        ({"id_number": "00108500000A"}, "chỉ được gồm chữ số"),
        ({"id_number": "001185000001"}, "giới tính"),  # the number says a woman
        ({"id_number": "001086000001"}, "năm sinh"),
        ({"id_number": "001285000001"}, "thế kỷ"),  # 2000s, born 1985
        ({"sex": "khác"}, "Giới tính phải là Nam hoặc Nữ."),
        ({"phone": "12345"}, "Số điện thoại của chủ hồ sơ không hợp lệ"),
        ({"phone": "091200000012345"}, "Số điện thoại"),
        ({"phone": "09120000ab"}, "Số điện thoại"),
        ({"email": "khong-phai-email"}, "Địa chỉ email của chủ hồ sơ không hợp lệ."),
        ({"email": "a@b"}, "email"),
        ({"email": "a b@c.vn"}, "email"),
    ],
)
def test_refusals_name_the_field_in_vietnamese(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        person(**changes).validated()
    assert message in str(raised.value)


def test_refusal_names_the_role() -> None:
    with pytest.raises(InvalidInput) as raised:
        person(id_number="999085000001").validated("người nộp hồ sơ")
    assert str(raised.value).startswith("Số định danh của người nộp hồ sơ:")
    with pytest.raises(InvalidInput, match="người nhận kết quả"):
        person(phone="1").validated("người nhận kết quả")


def test_refusal_does_not_echo_personal_data() -> None:
    with pytest.raises(InvalidInput) as raised:
        person(id_number="999085000001", email="x").validated()
    text_value = f"{raised.value} {raised.value.params!r}"
    assert "999085000001" not in text_value
    assert NAME not in text_value


@pytest.mark.parametrize("tax_code", ["0101234567", "0101234567-001", " 0101234567 "])
def test_organisation_tax_code(tax_code: str) -> None:
    organisation = Person(full_name="CÔNG TY THỬ NGHIỆM", id_number=tax_code, kind="organisation")
    valid = organisation.validated()
    assert valid.id_number == tax_code.strip()
    assert valid.kind == "organisation"


@pytest.mark.parametrize("tax_code", ["12345", "001085000001", "0101234567-01"])
def test_organisation_tax_code_rejected(tax_code: str) -> None:
    organisation = Person(full_name="CÔNG TY THỬ NGHIỆM", id_number=tax_code, kind="organisation")
    with pytest.raises(InvalidInput, match="Mã số của tổ chức"):
        organisation.validated()


def test_repr_hides_personal_data() -> None:
    full = person(email="cong.dan@example.invalid")
    for text_value in (repr(full), str(full), f"{full}", repr([full]), repr({"p": full})):
        assert "001085000001" not in text_value
        assert NAME not in text_value
        assert "0912000000" not in text_value
        assert "example.invalid" not in text_value
        assert "Thôn" not in text_value
        assert "1985" not in text_value
    assert repr(full) == "Person(kind='person', <redacted>)"
    assert "<redacted>" in repr(full.validated())


def test_to_json_keeps_the_data() -> None:
    assert person().to_json() == {
        "full_name": NAME,
        "id_number": "001085000001",
        "date_of_birth": "1985-01-01",
        "sex": "Nam",
        "address": "Thôn Thử Nghiệm",
        "phone": "0912000000",
        "email": None,
        "kind": "person",
    }
    assert Person(full_name=NAME).to_json()["date_of_birth"] is None
