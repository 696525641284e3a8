"""The QR on the chip-based citizen ID card (CCCD gắn chip), read tolerantly (DOMAIN.md §5).

Payload: ``SốCCCD|SốCMND cũ|Họ và tên|Ngày sinh|Giới tính|Nơi thường trú|Ngày cấp``.

The ID number and the name are protected personal data (Luật 91/2025/QH15, ND 356/2025):
no message, repr or log line built here ever contains the payload, the ID number, the name or
the date of birth. Messages say which field is wrong and what was expected, nothing more.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

from desk.domain.codes import looks_like_dossier_code
from desk.errors import InvalidInput
from desk.i18n import translate

Sex = Literal["Nam", "Nữ"]

# Mã tỉnh, thành phố trực thuộc trung ương nơi đăng ký khai sinh: the first 3 digits of the
# personal identification number, from the list annexed to Thông tư 07/2016/TT-BCA (Điều 7),
# kept in Thông tư 59/2021/TT-BCA. The July-2025 province mergers did not renumber issued IDs.
PROVINCE_CODES: Mapping[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

# 4th digit (TT 07/2016 Điều 7): the century of birth, even for men and odd for women.
_CENTURY_BY_DIGIT_PAIR = {0: 1900, 1: 2000, 2: 2100, 3: 2200, 4: 1800}

_DIGITS_12 = re.compile(r"[0-9]{12}", re.ASCII)
_OLD_ID = re.compile(r"[0-9]{9}|[0-9]{12}", re.ASCII)
# ddMMyyyy, or the same with one separator used twice (dd/MM/yyyy is seen in some exports).
_DATE = re.compile(r"([0-9]{2})([/.-]?)([0-9]{2})\2([0-9]{4})", re.ASCII)
_HAS_DIGIT = re.compile(r"[0-9]", re.ASCII)
_ALL_DIGITS = re.compile(r"[0-9]+", re.ASCII)

_MANUAL = "Hãy quét lại hoặc nhập tay thông tin trên thẻ."

_SEX_BY_KEY: Mapping[str, Sex] = {
    "nam": "Nam",
    "male": "Nam",
    "nữ": "Nữ",
    "nu": "Nữ",
    "female": "Nữ",
}


class _Problem(NamedTuple):
    """A message template and its parameters, rendered only when shown (so i18n applies)."""

    template: str
    params: Mapping[str, object] = {}

    def error(self) -> InvalidInput:
        return InvalidInput(self.template, **self.params)


@dataclass(frozen=True, repr=False)
class CitizenId:
    id_number: str
    old_id_number: str | None
    full_name: str
    date_of_birth: date
    sex: Sex
    address: str
    issue_date: date | None = None

    def __repr__(self) -> str:
        # The dataclass repr would print the ID number and name into any log or traceback.
        return "CitizenId(<redacted>)"

    def to_json(self) -> dict[str, str | None]:
        return {
            "id_number": self.id_number,
            "old_id_number": self.old_id_number,
            "full_name": self.full_name,
            "date_of_birth": self.date_of_birth.isoformat(),
            "sex": self.sex,
            "address": self.address,
            "issue_date": None if self.issue_date is None else self.issue_date.isoformat(),
        }


def normalise_sex(text: str) -> Sex:
    """``Nam``/``Nữ`` from the card's text in any case or without diacritics."""
    key = unicodedata.normalize("NFC", text).strip().casefold()
    sex = _SEX_BY_KEY.get(key)
    if sex is None:
        raise InvalidInput("Giới tính phải là Nam hoặc Nữ.")
    return sex


def check_id_number(
    id_number: str, *, date_of_birth: date | None = None, sex: Sex | None = None
) -> list[str]:
    """What is wrong with a 12-digit personal identification number, in the current language.

    The number encodes the birth province, the century and sex, and the year of birth
    (TT 07/2016/TT-BCA Điều 7); only the last 6 digits are random and cannot be checked.
    """
    return [translate(p.template, p.params) for p in _id_problems(id_number, date_of_birth, sex)]


def parse_cccd_qr(payload: str, *, today: date | None = None) -> CitizenId:
    """Read the QR text of a CCCD; InvalidInput (suggesting manual entry) if it does not fit."""
    fields = _split_fields(payload)
    citizen = _build(_layout(fields))
    _check_consistency(citizen, date.today() if today is None else today)
    return citizen


def _split_fields(payload: str) -> list[str]:
    """Fields of the payload, or InvalidInput saying why this is not a CCCD QR at all."""
    text = unicodedata.normalize("NFC", payload).strip().lstrip("\ufeff").strip()
    if not text:
        raise InvalidInput("Không nhận ra mã QR căn cước: dữ liệu quét được trống. " + _MANUAL)
    if "://" in text or text.casefold().startswith("www."):
        raise InvalidInput(
            "Không nhận ra mã QR căn cước: đây là một địa chỉ trang web, không phải mã QR trên "
            "thẻ căn cước. " + _MANUAL
        )
    if looks_like_dossier_code(text):
        raise InvalidInput(
            "Không nhận ra mã QR căn cước: đây là một mã hồ sơ, không phải mã QR trên thẻ "
            "căn cước. " + _MANUAL
        )
    if "|" not in text:
        raise InvalidInput(
            "Không nhận ra mã QR căn cước: nội dung không gồm các trường ngăn cách bằng dấu |. "
            + _MANUAL
        )
    fields = [part.strip() for part in text.split("|")]
    if len(fields) < 6:
        raise InvalidInput(
            "Không nhận ra mã QR căn cước: cần ít nhất 6 trường ngăn cách bằng dấu |, mã này "
            "có {count}. " + _MANUAL,
            count=len(fields),
        )
    return fields


class _RawFields(NamedTuple):
    id_number: str
    old_id_number: str
    full_name: str
    date_of_birth: str
    sex: str
    address: str
    issue_date: str


def _layout(fields: list[str]) -> _RawFields:
    """Map the fields to their meaning; some encoders leave out the old-CMND field entirely.

    The omission shows as a name in field 1 followed by a date in field 2; in the standard
    layout field 2 is the name, which is never a date. Fields after the issue date are ignored.
    """
    if fields[1] and not _OLD_ID.fullmatch(fields[1]) and _DATE.fullmatch(fields[2]):
        fields = [fields[0], "", *fields[1:]]
    padded = [*fields[:7], *[""] * (7 - len(fields))]
    return _RawFields(*padded)


def _build(raw: _RawFields) -> CitizenId:
    problem = _id_shape_problem(raw.id_number)
    if problem is not None:
        raise problem.error()
    full_name = " ".join(raw.full_name.split())
    address = raw.address.strip()
    if not full_name:
        raise InvalidInput("Mã QR căn cước thiếu họ và tên. " + _MANUAL)
    if _HAS_DIGIT.search(full_name):
        raise InvalidInput(
            "Trường họ và tên trong mã QR căn cước có chữ số; các trường có thể bị lệch. " + _MANUAL
        )
    if not address:
        raise InvalidInput("Mã QR căn cước thiếu nơi thường trú. " + _MANUAL)
    return CitizenId(
        id_number=raw.id_number,
        old_id_number=_old_id(raw.old_id_number),
        full_name=full_name,
        date_of_birth=_birth_date(raw.date_of_birth),
        sex=normalise_sex(raw.sex),
        address=address,
        issue_date=_issue_date(raw.issue_date),
    )


def _old_id(text: str) -> str | None:
    if not text:
        return None
    if not _OLD_ID.fullmatch(text):
        raise InvalidInput(
            "Số CMND cũ phải gồm 9 hoặc 12 chữ số, hoặc để trống (đang có {count} ký tự).",
            count=len(text),
        )
    return text


def _birth_date(text: str) -> date:
    return _parse_date(
        text,
        bad_shape="Ngày sinh phải có dạng ddMMyyyy hoặc dd/MM/yyyy, ví dụ 05031985.",
        impossible="Ngày sinh không phải ngày có thật trên lịch.",
    )


def _issue_date(text: str) -> date | None:
    # Absent in some 6-field variants and sometimes left empty: the officer can add it by hand.
    if not text:
        return None
    return _parse_date(
        text,
        bad_shape="Ngày cấp phải có dạng ddMMyyyy hoặc dd/MM/yyyy, ví dụ 20042021.",
        impossible="Ngày cấp không phải ngày có thật trên lịch.",
    )


def _parse_date(text: str, *, bad_shape: str, impossible: str) -> date:
    match = _DATE.fullmatch(text)
    if match is None:
        raise InvalidInput(bad_shape)
    day, _, month, year = match.groups()
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise InvalidInput(impossible) from None


def _check_consistency(citizen: CitizenId, today: date) -> None:
    if citizen.date_of_birth > today:
        raise InvalidInput("Ngày sinh trên thẻ nằm sau ngày hôm nay.")
    if citizen.issue_date is not None:
        if citizen.issue_date < citizen.date_of_birth:
            raise InvalidInput("Ngày cấp thẻ nằm trước ngày sinh.")
        if citizen.issue_date > today:
            raise InvalidInput("Ngày cấp thẻ nằm sau ngày hôm nay.")
    problems = _id_problems(citizen.id_number, citizen.date_of_birth, citizen.sex)
    if problems:
        raise problems[0].error()


def _id_problems(id_number: str, date_of_birth: date | None, sex: Sex | None) -> list[_Problem]:
    shape = _id_shape_problem(id_number)
    if shape is not None:
        return [shape]
    problems: list[_Problem] = []
    if id_number[:3] not in PROVINCE_CODES:
        problems.append(
            _Problem(
                "Ba chữ số đầu của số định danh (mã tỉnh, thành phố nơi đăng ký khai sinh) không "
                "có trong danh mục 63 mã tỉnh, thành phố."
            )
        )
    problems.extend(_century_sex_problems(int(id_number[3]), date_of_birth, sex))
    if date_of_birth is not None and id_number[4:6] != f"{date_of_birth.year % 100:02d}":
        problems.append(
            _Problem(
                "Chữ số thứ 5 và 6 của số định danh (hai số cuối năm sinh) không khớp với năm "
                "sinh trên thẻ."
            )
        )
    return problems


def _id_shape_problem(id_number: str) -> _Problem | None:
    if not id_number:
        return _Problem("Thiếu số định danh cá nhân (12 chữ số).")
    if not _ALL_DIGITS.fullmatch(id_number):
        return _Problem("Số định danh chỉ được gồm chữ số.")
    if not _DIGITS_12.fullmatch(id_number):
        return _Problem(
            "Số định danh phải gồm 12 chữ số (đang có {count}).", {"count": len(id_number)}
        )
    return None


def _century_sex_problems(
    digit: int, date_of_birth: date | None, sex: Sex | None
) -> list[_Problem]:
    encoded_sex: Sex = "Nam" if digit % 2 == 0 else "Nữ"
    century = _CENTURY_BY_DIGIT_PAIR[digit // 2]
    century_ok = date_of_birth is None or century <= date_of_birth.year < century + 100
    sex_ok = sex is None or sex == encoded_sex
    if not century_ok and not sex_ok:
        return [
            _Problem(
                "Chữ số thứ 4 của số định danh (thế kỷ và giới tính) không khớp với ngày sinh và "
                "giới tính trên thẻ."
            )
        ]
    if not century_ok:
        return [
            _Problem(
                "Chữ số thứ 4 của số định danh (thế kỷ sinh) không khớp với năm sinh trên thẻ."
            )
        ]
    if not sex_ok:
        return [
            _Problem("Chữ số thứ 4 của số định danh (giới tính) không khớp với giới tính trên thẻ.")
        ]
    return []
