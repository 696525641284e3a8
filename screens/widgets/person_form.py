"""The fields of a person or organisation (chủ hồ sơ, người nộp, người nhận), filled by a
CCCD scan or by hand; ``person()`` returns the validated value or raises InvalidInput."""

from __future__ import annotations

from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select

from desk.domain.citizen_id import CitizenId
from desk.domain.person import Person, PersonKind
from desk.errors import InvalidInput
from desk.i18n import translate

FIELDS = ("full_name", "id_number", "date_of_birth", "address", "phone", "email")


def parse_day(text: str) -> date | None:
    value = text.strip()
    if not value:
        return None
    for pattern in ("%d/%m/%Y", "%d%m%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise InvalidInput("Ngày sinh cần dạng dd/mm/yyyy, ví dụ 05/03/1985.")


class PersonForm(Vertical):
    DEFAULT_CSS = """
    PersonForm { height: auto; }
    PersonForm .row { height: auto; }
    PersonForm .row > Label { width: 16; padding-top: 1; }
    PersonForm .row > Input, PersonForm .row > Select { width: 1fr; }
    """

    def __init__(self, prefix: str, role: str, *, with_kind: bool = True) -> None:
        super().__init__(id=f"{prefix}-form")
        self.prefix = prefix
        self.role = role
        self.with_kind = with_kind

    def compose(self) -> ComposeResult:
        labels = {
            "full_name": translate("Họ và tên"),
            "id_number": translate("Số định danh"),
            "date_of_birth": translate("Ngày sinh"),
            "address": translate("Địa chỉ"),
            "phone": translate("Điện thoại"),
            "email": translate("Email"),
        }
        if self.with_kind:
            with Horizontal(classes="row"):
                yield Label(translate("Loại"))
                yield Select(
                    [(translate("Cá nhân"), "person"), (translate("Tổ chức"), "organisation")],
                    value="person",
                    allow_blank=False,
                    id=f"{self.prefix}-kind",
                )
        for field in FIELDS:
            with Horizontal(classes="row"):
                yield Label(labels[field])
                placeholder = "dd/mm/yyyy" if field == "date_of_birth" else ""
                yield Input(id=f"{self.prefix}-{field.replace('_', '-')}", placeholder=placeholder)
        with Horizontal(classes="row"):
            yield Label(translate("Giới tính"))
            yield Select(
                [(translate("Nam"), "Nam"), (translate("Nữ"), "Nữ")],
                prompt=translate("(chưa chọn)"),
                id=f"{self.prefix}-sex",
            )

    def _input(self, field: str) -> Input:
        return self.query_one(f"#{self.prefix}-{field.replace('_', '-')}", Input)

    def fill(self, citizen: CitizenId) -> None:
        self._input("full_name").value = citizen.full_name
        self._input("id_number").value = citizen.id_number
        self._input("date_of_birth").value = citizen.date_of_birth.strftime("%d/%m/%Y")
        self._input("address").value = citizen.address
        self.query_one(f"#{self.prefix}-sex", Select).value = citizen.sex
        if self.with_kind:
            self.query_one(f"#{self.prefix}-kind", Select).value = "person"

    def focus_first_empty(self) -> None:
        """After a scan: the cursor goes to the first field the scan did not fill (the phone),
        so the next key cannot replace the scanned name."""
        empty = [self._input(field) for field in FIELDS if not self._input(field).value.strip()]
        (empty[0] if empty else self._input("full_name")).focus()

    def has_no_values(self) -> bool:
        return not any(self._input(field).value.strip() for field in FIELDS)

    def person(self) -> Person:
        kind: PersonKind = "person"
        if (
            self.with_kind
            and self.query_one(f"#{self.prefix}-kind", Select).value == "organisation"
        ):
            kind = "organisation"
        sex = self.query_one(f"#{self.prefix}-sex", Select).value
        person = Person(
            full_name=self._input("full_name").value,
            id_number=self._input("id_number").value or None,
            date_of_birth=parse_day(self._input("date_of_birth").value),
            sex=sex if isinstance(sex, str) else None,
            address=self._input("address").value or None,
            phone=self._input("phone").value or None,
            email=self._input("email").value or None,
            kind=kind,
        )
        return person.validated(self.role)
