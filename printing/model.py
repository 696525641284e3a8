"""Plain data the forms print: services build these from the database, printing never reads it.

Every datetime is aware (the forms print it in Vietnamese local time); every string is printed
as NFC, so callers may pass what the keyboard produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from desk.domain.reports import ReportCounts, Timeliness


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
    fee: int = 0
    """Phí, lệ phí in đồng (the case's, set at intake)."""
    fee_note: str = ""
    originals_at_return: tuple[str, ...] = ()
    """The papers whose originals the citizen brings to collect the result (the catalogue)."""

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


@dataclass(frozen=True, slots=True)
class StopNotice:
    """Mẫu 05 (2025) (Thông báo dừng giải quyết hồ sơ): the citizen asked to stop processing
    before any decision or result notice existed (TT 03/2025 Điều 7, DOMAIN §11.1)."""

    office: OfficeHeader
    requester: PersonBlock
    """Who asked to stop (the owner or the person acting for them)."""
    dossier_code: str
    procedure_name: str
    requested_at: datetime
    """When the request to stop reached the desk."""
    request_channel: Channel
    """How the request came: in person, by post, or on the portal."""
    status: str
    """The processing status at that moment, worded, e.g. "Đang thẩm định hồ sơ"."""
    reason: str
    """The requester's reason, as given ("" leaves dots)."""
    issuer: Signer
    """Who signs the notice: ``role`` printed as the block's title, e.g. "Người tiếp nhận"."""
    issued_at: datetime
    number: str = ""
    """The running number of "Số: …/TBDG"; "" leaves dots to fill by hand."""
    issuer_symbol: str = ""

    def __post_init__(self) -> None:
        _require_aware("requested_at", self.requested_at)
        _require_aware("issued_at", self.issued_at)


@dataclass(frozen=True, slots=True)
class HandOff:
    """One row of the Mẫu 06 table: a unit gives the dossier to the next one."""

    giver_unit: str
    receiver_unit: str
    at: datetime
    giver: str = ""
    """Người giao (name printed under the row's signature room; "" to sign by hand)."""
    receiver: str = ""
    """Người nhận."""
    timeliness: Timeliness | None = None
    """None while the stage is still running (the cell stays blank)."""
    note: str = ""

    def __post_init__(self) -> None:
        _require_aware("at", self.at)


@dataclass(frozen=True, slots=True)
class ControlSheet:
    """Mẫu 06 (2025) / 05 (2018) (Phiếu kiểm soát quá trình giải quyết hồ sơ)."""

    office: OfficeHeader
    owner: PersonBlock
    """Kèm theo hồ sơ của."""
    dossier_code: str
    processing_unit: str
    """Cơ quan (bộ phận) giải quyết hồ sơ."""
    received_at: datetime
    due_at: datetime
    hand_offs: tuple[HandOff, ...]
    coordinating_units: tuple[str, ...] = ()
    """Cơ quan phối hợp giải quyết hồ sơ ("" when none)."""
    procedure_name: str = ""
    number: str = ""
    issuer_symbol: str = ""

    def __post_init__(self) -> None:
        _require_aware("received_at", self.received_at)
        _require_aware("due_at", self.due_at)


@dataclass(frozen=True, slots=True)
class HandOverLine:
    """One dossier on a Giấy bàn giao hồ sơ."""

    dossier_code: str
    procedure_name: str
    owner: str
    """Chủ hồ sơ, as printed."""
    due_back_at: datetime
    """When the result must be back at the desk."""
    sets: int = 1

    def __post_init__(self) -> None:
        _require_aware("due_back_at", self.due_back_at)
        if self.sets < 1:
            raise ValueError("sets: a dossier has at least one set")


@dataclass(frozen=True, slots=True)
class HandOverNote:
    """Giấy bàn giao hồ sơ (DOMAIN §2.9): the desk hands dossiers to a processing unit."""

    office: OfficeHeader
    to_unit: str
    """Bên nhận: the processing unit."""
    lines: tuple[HandOverLine, ...]
    handed_at: datetime
    giver: Signer
    """Bên giao: ``role`` is the giver's title (e.g. "Cán bộ tiếp nhận"), ``name`` the officer."""
    receiver: Signer
    from_unit: str = ""
    """Bên giao as named in the text; "" uses ``office.unit_name``."""
    number: str = ""
    issuer_symbol: str = ""

    def __post_init__(self) -> None:
        _require_aware("handed_at", self.handed_at)


@dataclass(frozen=True, slots=True)
class RegisterLine:
    """One row of the Sổ theo dõi hồ sơ (Mẫu 07, DOMAIN §2.8, §11.1)."""

    seq: int
    """Số thứ tự in the book (STT)."""
    dossier_code: str
    procedure_name: str
    applicant_name: str
    """Tên tổ chức, cá nhân."""
    contact: str
    """Địa chỉ, số điện thoại, as one printed string."""
    processing_agency: str
    """Cơ quan chủ trì giải quyết."""
    received_at: datetime
    due_at: datetime | None
    """Hẹn trả kết quả; None for a dossier with no appointment."""
    returned_at: datetime | None = None
    """Trả kết quả; None while the result is not handed over."""
    delivery: str = ""
    """Phương thức nhận kết quả, e.g. "Trực tiếp", "Qua dịch vụ bưu chính công ích"."""

    def __post_init__(self) -> None:
        for name in ("received_at", "due_at", "returned_at"):
            _require_aware(name, getattr(self, name))


@dataclass(frozen=True, slots=True)
class RegisterBook:
    """Mẫu 07 (Sổ theo dõi hồ sơ): the lines of one book over a span of days."""

    office: OfficeHeader
    book_number: str
    """Quyển số ("" leaves dots to fill by hand)."""
    first_day: date
    last_day: date
    """The printed span, both days included."""
    lines: tuple[RegisterLine, ...]
    sector: str = ""
    """Lĩnh vực the book is kept for, "" when one book holds every sector."""

    def __post_init__(self) -> None:
        _require_date("first_day", self.first_day)
        _require_date("last_day", self.last_day)
        if self.last_day < self.first_day:
            raise ValueError("last_day: the span ends before it starts")


REPORT_COUNTS = (
    "carried_over",
    "received_online",
    "received_direct",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_on_time",
    "pending_late",
)
"""The counted fields of :class:`ReportLine`, in the order of its constructor."""


@dataclass(frozen=True, slots=True)
class ReportLine(ReportCounts):
    """One row of the period report in the shape of Biểu 06a: a sector or a procedure."""

    label: str
    carried_over: int = 0
    received_online: int = 0
    received_direct: int = 0
    """Trực tiếp and by public postal service together."""
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    pending_on_time: int = 0
    pending_late: int = 0

    def __post_init__(self) -> None:
        for name in REPORT_COUNTS:
            if getattr(self, name) < 0:
                raise ValueError(f"{name}: a count is never negative")


@dataclass(frozen=True, slots=True)
class PeriodReportDoc:
    """The period report (Biểu 06a shape) as printed: rows, their total, two signers."""

    office: OfficeHeader
    unit_label: str
    """What follows "… GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI", e.g. "UBND xã Thử Nghiệm"."""
    period_label: str
    """The period as worded, e.g. "Tháng 11 năm 2026"."""
    first_day: date
    last_day: date
    """The period's days, both included."""
    lines: tuple[ReportLine, ...]
    issued_at: datetime
    group_label: str = "Lĩnh vực"
    """Heading of the label column: "Lĩnh vực" or "Thủ tục hành chính"."""
    preparer: str = ""
    """Name under NGƯỜI LẬP BIỂU."""
    head: str = ""
    """Name under THỦ TRƯỞNG ĐƠN VỊ."""
    refusals: tuple[tuple[str, int], ...] = ()
    """Dossiers not received in the period, by reason (they stand beside the table)."""

    def __post_init__(self) -> None:
        _require_aware("issued_at", self.issued_at)
        _require_date("first_day", self.first_day)
        _require_date("last_day", self.last_day)
        if self.last_day < self.first_day:
            raise ValueError("last_day: the period ends before it starts")

    @property
    def total(self) -> ReportLine:
        """The TỔNG CỘNG row: every count summed over ``lines``."""
        sums = {name: sum(getattr(line, name) for line in self.lines) for name in REPORT_COUNTS}
        return ReportLine("Tổng cộng", **sums)
