"""desk.domain.entry: control characters and over-long text are refused at entry."""

from __future__ import annotations

import pytest

from desk.domain.entry import (
    MAX_ADDRESS_LENGTH,
    MAX_NAME_LENGTH,
    MAX_NOTE_LENGTH,
    checked_optional,
    checked_text,
    forbidden_character,
)
from desk.domain.person import Person
from desk.errors import InvalidInput
from desk.i18n import set_language

CONTROL = ["\x00", "\x1b", "\x07", "\x08", "\x0b", "\x0c", "\x1c", "\x1f", "\x7f", "\x85",
           "\x9b", "\u202e", "\u2066", "\ud800"]  # fmt: skip


@pytest.mark.parametrize("char", CONTROL, ids=[f"U+{ord(c):04X}" for c in CONTROL])
def test_control_characters_are_refused_in_a_name(char: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        Person(full_name=f"NGUYỄN{char}VĂN AN").validated("chủ hồ sơ")
    message = caught.value.message
    assert message.startswith("Họ tên của chủ hồ sơ có ký tự không hợp lệ (ký tự thứ 7, mã U+")
    assert f"U+{ord(char):04X}" in message
    assert "NGUYỄN" not in message  # the value never enters the message (it may be logged)


def test_new_line_and_tab_only_in_notes_and_around_a_field() -> None:
    assert forbidden_character("Dòng một\nDòng hai\tx", multiline=True) is None
    assert forbidden_character("Dòng một\nDòng hai") == 9
    assert forbidden_character("  NGUYỄN VĂN AN\n") is None  # a pasted name's new line
    assert checked_text("NGUYỄN VĂN AN\r\n", "Họ tên", limit=MAX_NAME_LENGTH) == "NGUYỄN VĂN AN"
    with pytest.raises(InvalidInput):
        Person(full_name="NGUYỄN\tVĂN AN").validated()


@pytest.mark.parametrize(
    ("field", "kwargs", "limit"),
    [
        ("full_name", {}, MAX_NAME_LENGTH),
        ("address", {"full_name": "A"}, MAX_ADDRESS_LENGTH),
    ],
)
def test_over_long_person_fields_are_refused(
    field: str, kwargs: dict[str, str], limit: int
) -> None:
    def person(length: int) -> Person:
        values = {"full_name": "A", **kwargs, field: "a" * length}
        return Person(full_name=values["full_name"], address=values.get("address"))

    person(limit).validated()  # the limit itself is accepted
    with pytest.raises(InvalidInput, match=f"dài {limit + 1} ký tự, quá giới hạn {limit}"):
        person(limit + 1).validated()
    with pytest.raises(InvalidInput):  # a 100 kB name
        person(100_000).validated()


@pytest.mark.parametrize("field", ["id_number", "phone", "email", "sex"])
def test_every_person_field_is_checked(field: str) -> None:
    with pytest.raises(InvalidInput, match="ký tự không hợp lệ"):
        Person(full_name="A", **{field: "0\x1b[2J"}).validated()  # type: ignore[arg-type]


def test_note_limit_and_optional() -> None:
    assert checked_optional(None, "Ghi chú", limit=MAX_NOTE_LENGTH) is None
    assert checked_optional("   ", "Ghi chú", limit=MAX_NOTE_LENGTH) is None
    with pytest.raises(InvalidInput, match="Ghi chú dài 2001 ký tự"):
        checked_text("x" * (MAX_NOTE_LENGTH + 1), "Ghi chú", limit=MAX_NOTE_LENGTH)


def test_the_message_has_an_english_rendering() -> None:
    try:
        set_language("en")
        with pytest.raises(InvalidInput) as caught:
            Person(full_name="A\x00").validated("chủ hồ sơ")
        assert caught.value.message.startswith("Full name of the dossier owner holds")
    finally:
        set_language("vi")
