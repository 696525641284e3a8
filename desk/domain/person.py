"""People and organisations on a dossier: owner (chủ hồ sơ), submitter, collector."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Literal

from desk.domain.citizen_id import check_id_number, normalise_sex
from desk.domain.entry import (
    MAX_ADDRESS_LENGTH,
    MAX_LINE_LENGTH,
    MAX_NAME_LENGTH,
    checked_optional,
    checked_text,
)
from desk.errors import InvalidInput

PersonKind = Literal["person", "organisation"]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^(\+84\d{9,10}|0\d{9,10})$")
_ORG_ID = re.compile(r"^\d{10}(-\d{3})?$")


@dataclass(frozen=True)
class Person:
    full_name: str
    id_number: str | None = None
    date_of_birth: date | None = None
    sex: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    kind: PersonKind = "person"

    def __repr__(self) -> str:  # personal data must never reach a log line
        return f"Person(kind={self.kind!r}, <redacted>)"

    def to_json(self) -> dict[str, str | None]:
        data = asdict(self)
        data["date_of_birth"] = self.date_of_birth.isoformat() if self.date_of_birth else None
        return data

    def validated(self, role: str = "chủ hồ sơ") -> Person:
        """A normalised copy, or InvalidInput naming the field and the role."""
        name = checked_text(self.full_name, "Họ tên", limit=MAX_NAME_LENGTH, role=role)
        if not name:
            raise InvalidInput("Chưa nhập họ tên {role}.", role=role)
        for value, label in ((self.id_number, "Số định danh"), (self.sex, "Giới tính")):
            checked_optional(value, label, limit=MAX_LINE_LENGTH, role=role)
        sex = normalise_sex(self.sex) if self.sex else None
        id_number = _validated_id(self, role, sex)
        phone = validated_phone(self.phone, role)
        email = validated_email(self.email, role)
        address = checked_optional(self.address, "Địa chỉ", limit=MAX_ADDRESS_LENGTH, role=role)
        return Person(name, id_number, self.date_of_birth, sex, address, phone, email, self.kind)


def _validated_id(person: Person, role: str, sex: str | None) -> str | None:
    raw = "".join((person.id_number or "").split())
    if not raw:
        return None
    if person.kind == "organisation":
        if not _ORG_ID.match(raw):
            raise InvalidInput(
                "Mã số của tổ chức ({role}) phải gồm 10 chữ số, có thể kèm -xxx.", role=role
            )
        return raw
    if len(raw) == 9 and raw.isdigit():  # old CMND, still seen on paper
        return raw
    problems = check_id_number(
        raw,
        date_of_birth=person.date_of_birth,
        sex=sex,  # type: ignore[arg-type]
    )
    if problems:
        raise InvalidInput("Số định danh của {role}: {problem}", role=role, problem=problems[0])
    return raw


def validated_email(email: str | None, role: str) -> str | None:
    """The address trimmed (None when empty), or InvalidInput naming whose it is."""
    value = (checked_optional(email, "Email", limit=MAX_LINE_LENGTH, role=role) or "") or None
    if value and not _EMAIL.match(value):
        raise InvalidInput("Địa chỉ email của {role} không hợp lệ.", role=role)
    return value


def validated_phone(phone: str | None, role: str) -> str | None:
    """The number without spaces and dots (None when empty), or InvalidInput naming whose."""
    checked_optional(phone, "Số điện thoại", limit=MAX_LINE_LENGTH, role=role)
    raw = re.sub(r"[\s.\-()]", "", phone or "")
    if not raw:
        return None
    if not _PHONE.match(raw):
        raise InvalidInput(
            "Số điện thoại của {role} không hợp lệ (10–11 chữ số, bắt đầu bằng 0 hoặc +84).",
            role=role,
        )
    return raw
