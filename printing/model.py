"""Plain data the forms print: services build these from the database, printing never reads it.

Every datetime is aware (the forms print it in Vietnamese local time); every string is printed
as NFC, so callers may pass what the keyboard produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
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
