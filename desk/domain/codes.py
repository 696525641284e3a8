"""Dossier codes (mã số hồ sơ): ``<agency code>-YYMMDD-NNNN`` (DOMAIN.md §3, §11.2).

The desk issues codes offline from its own disjoint range of daily sequence numbers, so two
desks of one agency never collide while the link is down. The counter itself (atomic, per
agency per local day) lives in the data layer; this module only validates, formats and reads.

Codes are read tolerantly (both agency orders, a sequence of 4 or more digits, any case) because
they come from other systems and from people typing; they are issued strictly.

Nothing in a message echoes the text that failed to parse: a lookup field may receive a scanned
ID-card QR by mistake, and that must not reach a log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desk.errors import InvalidInput, RangeExhausted

# QCVN 102:2016 order (2018 texts, deployed systems): xxx.yy.zz.Lnn, e.g. 000.00.12.H53.
_AGENCY_2018 = r"[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}"
# Letter group first, as newer specifications write it (TT 04/2025): Lnn.xxx.yy, e.g. G09.016.06.
_AGENCY_LETTER_FIRST = r"[A-Z][0-9]{2}\.[0-9]{3}\.[0-9]{2}"
_AGENCY = f"(?:{_AGENCY_2018}|{_AGENCY_LETTER_FIRST})"
_AGENCY_RE = re.compile(_AGENCY, re.ASCII)

# The sequence is 4 digits in TT 01/2018 and "at least 4" (AA + XXXX) in TT 04/2025; the upper
# bound only keeps absurd input away from int().
_SEQ_MIN_DIGITS = 4
_SEQ_MAX_DIGITS = 10
_DAY = r"[0-9]{6}"
_SEQ = rf"[0-9]{{{_SEQ_MIN_DIGITS},{_SEQ_MAX_DIGITS}}}"
_DAY_RE = re.compile(_DAY, re.ASCII)
_SEQ_RE = re.compile(_SEQ, re.ASCII)
_CODE_RE = re.compile(rf"(?P<agency>{_AGENCY})-(?P<day>{_DAY})-(?P<seq>{_SEQ})", re.ASCII)
DOSSIER_CODE_RE = _CODE_RE
"""A whole dossier code anywhere in a text (a print job's title, a file name)."""
DOSSIER_CODE_PATTERN = rf"^{_AGENCY}-{_DAY}-{_SEQ}$"
"""The shape of a dossier code (upper case), for JSON Schema and OpenAPI."""

# Issued sequences are 4 digits; YYMMDD only says 20YY, so issuing is limited to 2000-2099.
SEQ_MAX = 9999
_FIRST_YEAR = 2000
_LAST_YEAR = 2099

_AGENCY_EXPECTED = (
    "Mã định danh cơ quan không đúng dạng: cần dạng 000.00.12.H53 (3 chữ số, 2 chữ số, "
    "2 chữ số và một chữ cái in hoa kèm 2 chữ số, ngăn cách bằng dấu chấm) hoặc dạng mới "
    "G09.016.06."
)
_DAY_EXPECTED = "Phần ngày của mã hồ sơ phải gồm 6 chữ số YYMMDD, ví dụ 261124 là ngày 24/11/2026."
_SEQ_EXPECTED = "Số thứ tự ở cuối mã hồ sơ phải gồm từ 4 đến 10 chữ số, ví dụ 0001."
_CODE_EXPECTED = (
    "Không nhận ra mã hồ sơ: cần dạng <mã cơ quan>-YYMMDD-NNNN, ví dụ 000.00.12.H53-261124-0001."
)


def validate_agency_code(code: str) -> str:
    """Return the agency code stripped and upper-cased, or raise InvalidInput.

    Only the shape is checked: post-2025 commune codes have no authoritative list (DOMAIN §3.2),
    so the code itself is opaque configuration.
    """
    normalised = code.strip().upper()
    if not normalised:
        raise InvalidInput("Chưa nhập mã định danh cơ quan.")
    if not _AGENCY_RE.fullmatch(normalised):
        raise InvalidInput(_AGENCY_EXPECTED)
    return normalised


@dataclass(frozen=True)
class DeskRange:
    """The disjoint block of daily sequence numbers one desk may issue, e.g. 0001-4999."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 1 <= self.start <= SEQ_MAX:
            raise InvalidInput(
                "Số đầu của dải số hồ sơ phải từ 1 đến 9999 (đang là {start}).", start=self.start
            )
        if not 1 <= self.end <= SEQ_MAX:
            raise InvalidInput(
                "Số cuối của dải số hồ sơ phải từ 1 đến 9999 (đang là {end}).", end=self.end
            )
        if self.start > self.end:
            raise InvalidInput(
                "Số đầu của dải số hồ sơ ({start}) lớn hơn số cuối ({end}).",
                start=self.start,
                end=self.end,
            )

    @classmethod
    def parse(cls, text: str) -> DeskRange:
        """Read ``"0001-4999"`` (spaces and an en dash are tolerated)."""
        match = re.fullmatch(r"\s*([0-9]{1,4})\s*[-–]\s*([0-9]{1,4})\s*", text, re.ASCII)
        if match is None:
            raise InvalidInput(
                "Dải số hồ sơ không đúng dạng: cần hai số từ 1 đến 9999 nối bằng dấu gạch ngang, "
                "ví dụ 0001-4999."
            )
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.start:04d}-{self.end:04d}"

    def overlaps(self, other: DeskRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def next_after(self, last_used: int | None, *, day: date | None = None) -> int:
        """The next sequence number after ``last_used`` (None: nothing issued yet that day).

        A number below the range (e.g. the range was moved up during the day) restarts at the
        start. The range never wraps around: a printed code is never reused (DOMAIN §9 item 2).
        ``day`` only makes the exhaustion message name the date.
        """
        candidate = self.start if last_used is None else max(self.start, last_used + 1)
        if candidate <= self.end:
            return candidate
        if day is None:
            raise RangeExhausted(
                "Đã dùng hết dải số hồ sơ {range} của quầy trong ngày hôm nay. Quản trị viên cần "
                "cấp dải số mới cho quầy; số đã cấp không bao giờ được dùng lại.",
                range=str(self),
            )
        raise RangeExhausted(
            "Đã dùng hết dải số hồ sơ {range} của quầy cho ngày {day}. Quản trị viên cần cấp dải "
            "số mới cho quầy; số đã cấp không bao giờ được dùng lại.",
            range=str(self),
            day=day.strftime("%d/%m/%Y"),
        )


def format_dossier_code(agency_code: str, local_day: date, seq: int) -> str:
    """``000.00.12.H53-261124-0001``: the code printed on the slip.

    ``seq`` comes from DeskRange.next_after, so a value outside 1..9999 or a year that YYMMDD
    cannot express is a programming error (ValueError), not something the officer typed.
    """
    agency = validate_agency_code(agency_code)
    if not 1 <= seq <= SEQ_MAX:
        raise ValueError(f"sequence number must be 1..{SEQ_MAX}, got {seq}")
    if not _FIRST_YEAR <= local_day.year <= _LAST_YEAR:
        raise ValueError(f"YYMMDD covers {_FIRST_YEAR}-{_LAST_YEAR}, got {local_day.year}")
    return f"{agency}-{local_day:%y%m%d}-{seq:04d}"


@dataclass(frozen=True)
class DossierCode:
    """A parsed dossier code; ``raw`` is the normalised text (upper case, no outer spaces).

    ``seq`` is the integer value of the whole sequence group, so a TT 04/2025 ``AAXXXX`` group
    keeps its system-owner digits; ``raw`` keeps the leading zeros.
    """

    agency: str
    day: date
    seq: int
    raw: str


def parse_dossier_code(text: str) -> DossierCode:
    """Read a dossier code typed, scanned or received from another system."""
    raw = text.strip().upper()
    if not raw:
        raise InvalidInput("Chưa nhập mã hồ sơ.")
    match = _CODE_RE.fullmatch(raw)
    if match is None:
        raise _diagnose(raw)
    seq_digits = match.group("seq")
    if int(seq_digits) == 0:
        raise InvalidInput("Số thứ tự trong mã hồ sơ không được bằng 0.")
    return DossierCode(
        agency=match.group("agency"),
        day=_parse_yymmdd(match.group("day")),
        seq=int(seq_digits),
        raw=raw,
    )


def looks_like_dossier_code(text: str) -> bool:
    """True when ``text`` has the shape of a dossier code (the date is not checked).

    Used to route scanned text: a code with an impossible date should still reach the lookup,
    where parse_dossier_code explains what is wrong.
    """
    return _CODE_RE.fullmatch(text.strip().upper()) is not None


def _parse_yymmdd(digits: str) -> date:
    try:
        return date(_FIRST_YEAR + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        raise InvalidInput(
            "Ngày trong mã hồ sơ không phải ngày có thật: phần giữa phải là YYMMDD, "
            "ví dụ 261124 là ngày 24/11/2026."
        ) from None


def _diagnose(raw: str) -> InvalidInput:
    """Name the wrong part when only one part is wrong, without echoing the text."""
    parts = raw.rsplit("-", 2)
    if len(parts) != 3:
        return InvalidInput(_CODE_EXPECTED)
    agency, day, seq = parts
    wrong = [
        template
        for ok, template in (
            (_AGENCY_RE.fullmatch(agency) is not None, _AGENCY_EXPECTED),
            (_DAY_RE.fullmatch(day) is not None, _DAY_EXPECTED),
            (_SEQ_RE.fullmatch(seq) is not None, _SEQ_EXPECTED),
        )
        if not ok
    ]
    return InvalidInput(wrong[0] if len(wrong) == 1 else _CODE_EXPECTED)
