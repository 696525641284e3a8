"""Plain data the forms print: services build these from the database, printing never reads it.

Every datetime is aware (the forms print it in Vietnamese local time); every string is printed
as NFC, so callers may pass what the keyboard produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


def _require_aware(name: str, value: datetime | None) -> None:
    if value is not None and value.tzinfo is None:
        raise ValueError(f"{name}: naive datetime, instants must carry a time zone")


class Channel(StrEnum):
    """How the dossier reached the desk (DOMAIN §2.2, fields provinces add)."""

    DIRECT = "direct"
    ONLINE = "online"
    POSTAL = "postal"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]


_CHANNEL_LABELS = {
    Channel.DIRECT: "Trực tiếp",
    Channel.ONLINE: "Trực tuyến",
    Channel.POSTAL: "Qua dịch vụ bưu chính công ích",
}


@dataclass(frozen=True, slots=True)
class OfficeHeader:
    """The left column of the national header, and what the slip says about the office."""

    parent_name: str
    """Đơn vị chủ quản, e.g. "UBND XÃ THỬ NGHIỆM" (printed upper case, regular)."""
    unit_name: str
    """The receiving unit, e.g. "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ" (printed bold)."""
    place: str
    """Địa danh of the place-and-date line, e.g. "Thử Nghiệm"."""
    phone: str = ""
    """The desk's phone number printed next to the lookup code."""
    tracking_base_url: str | None = None
    """Base of the public tracking page; None when the office has none (the QR holds the code)."""


@dataclass(frozen=True, slots=True)
class PersonBlock:
    """A person or organisation as printed: only what the form shows."""

    full_name: str
    id_number: str = ""
    """Số định danh cá nhân / mã số tổ chức."""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class ComponentLine:
    """One row of the components table: the paper and how many of each copy type."""

    name: str
    originals: int = 0
    certified: int = 0
    photocopies: int = 0


@dataclass(frozen=True, slots=True)
class Signer:
    """A signature block: the role (bold), then the signer's name once known (bold)."""

    role: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class ReceiptSlip:
    """Everything Mẫu 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) prints."""

    office: OfficeHeader
    dossier_code: str
    submitter: PersonBlock
    """Người nộp hồ sơ (the person at the counter)."""
    procedure_name: str
    """Nội dung yêu cầu giải quyết: the procedure's name or the request's summary."""
    components: tuple[ComponentLine, ...]
    duration_text: str
    """Thời gian giải quyết theo quy định, already worded: "03 ngày làm việc", "trong ngày"."""
    received_at: datetime
    due_at: datetime
    channel: Channel
    result_delivery: str
    """Đăng ký nhận kết quả tại: the desk's name or the postal address."""
    lookup_code: str
    """Mã tra cứu printed for typing by hand (desk.domain.tracking.lookup_code)."""
    receiver: str
    """The officer who received the dossier (name under NGƯỜI TIẾP NHẬN HỒ SƠ)."""
    owner: PersonBlock | None = None
    """Chủ hồ sơ when not the submitter: the submitter then acts under an authorisation."""
    authorisation_paper: str = ""
    """Giấy tờ ủy quyền (e.g. "Giấy ủy quyền số 12/2026 ngày 20/11/2026")."""
    tracking_token: str | None = None
    """URL token (desk.domain.tracking.tracking_token); with the office URL it makes the QR."""
    sets: int = 1
    """Số lượng hồ sơ (bộ)."""
    register_book: str = ""
    """Quyển số of the Sổ theo dõi hồ sơ ("" when the office keeps no paper book)."""
    register_number: str = ""
    """Số thứ tự in that book."""
    document_number: str = ""
    """"Số: …/…" of the header, when the office numbers its slips."""

    def __post_init__(self) -> None:
        _require_aware("received_at", self.received_at)
        _require_aware("due_at", self.due_at)

    @property
    def applicant(self) -> PersonBlock:
        """The person whose dossier this is: the owner if given, else the submitter."""
        return self.owner or self.submitter


@dataclass(frozen=True, slots=True)
class PrintMeta:
    """When this copy is printed; ``reprint_of`` is the first print's time for a reprint."""

    printed_at: datetime
    reprint_of: datetime | None = None
    copies: tuple[str, ...] = field(default=("Lưu", "Giao khách hàng"))
    """The liên to print, in order; Mẫu 01 is made in two."""

    def __post_init__(self) -> None:
        _require_aware("printed_at", self.printed_at)
        _require_aware("reprint_of", self.reprint_of)

    @property
    def is_reprint(self) -> bool:
        return self.reprint_of is not None


def _require_date(name: str, value: date) -> None:
    if isinstance(value, datetime):
        raise ValueError(f"{name}: a calendar date, not a datetime (the form prints no time)")


@dataclass(frozen=True, slots=True)
class SupplementNotice:
    """Mẫu 02 (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ)."""

    office: OfficeHeader
    applicant: PersonBlock
    """Hồ sơ của: the person or organisation whose dossier is incomplete."""
    procedure_name: str
    requests: tuple[str, ...]
    """What to add or fix, printed as a numbered list (when ``components`` is empty)."""
    reason: str
    guide: str
    """The officer who guides the applicant (named in the help sentence and signing)."""
    guide_phone: str
    issued_at: datetime
    components: tuple[ComponentLine, ...] = ()
    """Papers to bring, with counts: printed as the components table instead of ``requests``."""
    dossier_code: str = ""
    """Mã hồ sơ (nếu có)."""
    number: str = ""
    """The running number of "Số: …/PBS"; "" leaves dots to fill by hand."""
    issuer_symbol: str = ""
    """The issuer's ký hiệu after the form's, e.g. "BPTNTKQ" (Số: 15/PBS-BPTNTKQ)."""

    def __post_init__(self) -> None:
        _require_aware("issued_at", self.issued_at)


@dataclass(frozen=True, slots=True)
class RefusalNotice:
    """Mẫu 03 (Phiếu từ chối tiếp nhận giải quyết hồ sơ)."""

    office: OfficeHeader
    submitter: PersonBlock
    procedure_name: str
    reason: str
    receiver: str
    """The officer refusing (name under NGƯỜI TIẾP NHẬN HỒ SƠ)."""
    issued_at: datetime
    dossier_code: str = ""
    number: str = ""
    issuer_symbol: str = ""

    def __post_init__(self) -> None:
        _require_aware("issued_at", self.issued_at)


@dataclass(frozen=True, slots=True)
class ApologyLetter:
    """Mẫu 04 (Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết)."""

    office: OfficeHeader
    """The processing agency issuing the letter (its head signs)."""
    applicant: PersonBlock
    dossier_code: str
    procedure_name: str
    received_at: datetime
    due_at: datetime
    """The original appointment, printed to the minute."""
    reason: str
    new_date: date
    """The new appointment: a date, no time."""
    signer: Signer
    """The head of the agency: ``role`` is the title printed (e.g. "Chủ tịch")."""
    issued_at: datetime
    agency_name: str = ""
    """The agency as named in the sentences; "" uses ``office.parent_name``."""
    recipients: tuple[str, ...] = ("Như trên", "Lưu: VT")
    """Nơi nhận."""
    number: str = ""
    issuer_symbol: str = ""

    def __post_init__(self) -> None:
        for name in ("received_at", "due_at", "issued_at"):
            _require_aware(name, getattr(self, name))
        _require_date("new_date", self.new_date)


@dataclass(frozen=True, slots=True)
class ReturnReceipt:
    """Giấy biên nhận trả kết quả (DOMAIN §2.9): the result handed over at the desk."""

    office: OfficeHeader
    dossier_code: str
    procedure_name: str
    owner: PersonBlock
    """Chủ hồ sơ."""
    returner: PersonBlock
    """The officer handing the result over (name, phone)."""
    recipient: PersonBlock
    """Who takes the result (name, số định danh, phone)."""
    result_kind: str
    """Loại kết quả / tên giấy tờ kết quả, e.g. "Giấy khai sinh (bản chính)"."""
    summary: str
    """Trích yếu of the result paper."""
    returned_at: datetime
    fee: int = 0
    """Phí, lệ phí đã thu, in đồng."""
    result_number: str = ""
    """Số/ký hiệu of the result paper, when it has one."""
    authorisation_paper: str = ""
    """When the recipient takes the result for the owner, the authorisation paper's number and
    date as they follow "theo giấy ủy quyền" (e.g. "số 12/2026 ngày 20/11/2026"); "" if not."""
    document_number: str = ""
    """The header's "Số: …" when the office numbers its receipts."""

    def __post_init__(self) -> None:
        _require_aware("returned_at", self.returned_at)
        if self.fee < 0:
            raise ValueError("fee: a fee is never negative")

    @property
    def authorised(self) -> bool:
        return bool(self.authorisation_paper.strip())
