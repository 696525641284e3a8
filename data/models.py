"""SQLModel tables of the desk.

Instants are stored in UTC (UTCDateTime) and shown in Asia/Ho_Chi_Minh by the callers.
Rows that record history (dossier_event, outbox_command, print_job) are append-mostly;
a dossier is never deleted and its code is never reused.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, LargeBinary, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from data.types import UTCDateTime, utcnow


def _instant(*, nullable: bool = False, index: bool = False, now: bool = False) -> datetime:
    # Each call builds its own Column: SQLAlchemy columns cannot be shared between tables.
    column: Column[datetime] = Column(UTCDateTime(), nullable=nullable, index=index)
    if now:
        return Field(default_factory=utcnow, sa_column=column)  # type: ignore[no-any-return]
    return Field(default=None, sa_column=column)  # type: ignore[no-any-return]


class Agency(SQLModel, table=True):
    """The receiving office (cơ quan tiếp nhận); its code prefixes every dossier code."""

    __tablename__ = "agency"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=32)
    name: str = Field(description="Tên cơ quan, e.g. Ủy ban nhân dân xã …")
    unit_name: str = Field(description="Trung tâm Phục vụ hành chính công xã … / Bộ phận Một cửa")
    parent_name: str | None = Field(default=None, description="Đơn vị chủ quản (header line)")
    place_name: str = Field(description="Địa danh for the 'ngày … tháng … năm' line")
    phone: str | None = None
    tracking_base_url: str | None = None
    tracking_secret: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = _instant(now=True)


class Desk(SQLModel, table=True):
    """One PC running motcua-desk, with its disjoint range of daily sequence numbers."""

    __tablename__ = "desk"
    id: str = Field(primary_key=True, max_length=36)
    agency_id: int = Field(foreign_key="agency.id", index=True)
    name: str
    range_start: int
    range_end: int
    is_local: bool = Field(default=False, description="the desk this database belongs to")
    created_at: datetime = _instant(now=True)


class Officer(SQLModel, table=True):
    __tablename__ = "officer"
    id: int | None = Field(default=None, primary_key=True)
    agency_id: int = Field(foreign_key="agency.id", index=True)
    username: str = Field(unique=True, max_length=64)
    full_name: str
    title: str | None = Field(default=None, description="chức vụ, printed under signatures")
    role: str = Field(description="reception | leader | admin")
    password_hash: str
    must_change_password: bool = True
    failed_attempts: int = 0
    locked_until: datetime | None = _instant(nullable=True)
    active: bool = True
    created_at: datetime = _instant(now=True)
    last_login_at: datetime | None = _instant(nullable=True)


class Procedure(SQLModel, table=True):
    __tablename__ = "procedure"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=64)
    national_code: str | None = None
    name: str
    name_search: str = Field(description="name without accents, lower case, for search")
    sector: str = Field(index=True)
    online_level: str = "none"
    supplement_mode: str = "restart"
    result_signed: bool = False
    result_name: str | None = None
    source: str
    catalog_version: str
    active: bool = True


class ProcedureCase(SQLModel, table=True):
    __tablename__ = "procedure_case"
    __table_args__ = (UniqueConstraint("procedure_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = Field(foreign_key="procedure.id", index=True)
    position: int
    key: str
    name: str
    duration: int
    unit: str = Field(description="wh | wd | cd | same_day")
    cutoff: str | None = Field(default=None, description="HH:MM, same_day only")
    fee: int = 0
    fee_note: str | None = None


class ProcedureComponent(SQLModel, table=True):
    __tablename__ = "procedure_component"
    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = Field(foreign_key="procedure.id", index=True)
    position: int
    name: str
    required: bool = True
    originals: int = 0
    certified: int = 0
    copies: int = 0
    note: str | None = None
    at_return: bool = Field(
        default=False,
        sa_column_kwargs={"server_default": false()},
        description="the citizen brings this paper's original to collect the result",
    )


class Dossier(SQLModel, table=True):
    """One request (hồ sơ). Procedure name and case are copied at intake: the printed slip
    must stay true even if the catalogue changes later."""

    __tablename__ = "dossier"
    __table_args__ = (Index("ix_dossier_status_due", "status", "due_at"),)

    id: str = Field(primary_key=True, max_length=36)
    code: str = Field(unique=True, max_length=64)
    agency_id: int = Field(foreign_key="agency.id")
    desk_id: str = Field(foreign_key="desk.id")
    procedure_id: int = Field(foreign_key="procedure.id", index=True)
    procedure_code: str
    procedure_name: str
    sector: str
    case_key: str
    status: int = Field(index=True)
    channel: str = Field(description="direct | online | postal")
    owner_kind: str = Field(default="person", description="person | organisation")
    owner_name: str
    owner_name_search: str = Field(index=True)
    owner_id_number: str | None = Field(default=None, index=True)
    owner_date_of_birth: date | None = None
    owner_sex: str | None = None
    owner_address: str | None = None
    owner_phone: str | None = None
    owner_email: str | None = None
    submitter_json: str | None = Field(default=None, description="người nộp when not the owner")
    submitter_id_number: str | None = Field(default=None, index=True)
    summary: str
    sets_count: int = 1
    received_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    received_by: int | None = Field(default=None, foreign_key="officer.id")
    clock_started_at: datetime | None = _instant(nullable=True)
    due_at: datetime | None = _instant(nullable=True, index=True)
    original_due_at: datetime | None = _instant(nullable=True)
    extended_due_at: datetime | None = _instant(nullable=True)
    due_rule: str | None = Field(default=None, description="JSON of the DueRule applied")
    calendar_version: str | None = None
    paused_at: datetime | None = _instant(nullable=True)
    status_before_pause: int | None = None
    finished_at: datetime | None = _instant(nullable=True, index=True)
    returned_at: datetime | None = _instant(nullable=True)
    delivery: str = Field(default="desk", description="desk | postal")
    delivery_address: str | None = None
    fee_amount: int = 0
    fee_collected: int = 0
    notes: str | None = None
    register_book: str
    register_seq: int
    tracking_token: str
    lookup_code: str
    collector_json: str | None = None
    rating: str | None = None
    event_count: int = 0
    last_event_hash: str = ""
    updated_at: datetime = _instant(now=True)


class DossierComponent(SQLModel, table=True):
    __tablename__ = "dossier_component"
    id: int | None = Field(default=None, primary_key=True)
    dossier_id: str = Field(foreign_key="dossier.id", index=True)
    position: int
    name: str
    required: bool
    originals: int = 0
    certified: int = 0
    copies: int = 0
    provided: bool = True
    note: str | None = None
    blob_sha256: str | None = Field(default=None, foreign_key="blob.sha256")


class DossierPause(SQLModel, table=True):
    """An interval during which the legal clock stops (R8)."""

    __tablename__ = "dossier_pause"
    id: int | None = Field(default=None, primary_key=True)
    dossier_id: str = Field(foreign_key="dossier.id", index=True)
    kind: str = Field(description="supplement | payment | stop")
    started_at: datetime = _instant()
    ended_at: datetime | None = _instant(nullable=True)


class DossierExtension(SQLModel, table=True):
    """An apology with a new date (Mẫu 04); the original appointment stays on the dossier."""

    __tablename__ = "dossier_extension"
    id: int | None = Field(default=None, primary_key=True)
    dossier_id: str = Field(foreign_key="dossier.id", index=True)
    previous_due_at: datetime = _instant()
    new_due_at: datetime = _instant()
    reason: str
    signer: str
    signer_title: str | None = None
    """Printed under the signature (Chủ tịch, Giám đốc …); None: "Thủ trưởng cơ quan, đơn vị"."""
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    created_at: datetime = _instant(now=True)


class DossierEvent(SQLModel, table=True):
    """The dossier's audit log; each event stores the SHA-256 of the previous one."""

    __tablename__ = "dossier_event"
    __table_args__ = (UniqueConstraint("dossier_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    dossier_id: str = Field(foreign_key="dossier.id")
    seq: int
    at: datetime = _instant()
    kind: str
    from_status: int | None = None
    to_status: int | None = None
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    payload: str = "{}"
    prev_hash: str
    hash: str


class OutboxCommand(SQLModel, table=True):
    """A state change waiting for the central server, written in the same transaction."""

    __tablename__ = "outbox_command"
    __table_args__ = (
        UniqueConstraint("desk_id", "seq"),
        Index("ix_outbox_state_next", "state", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    command_id: str = Field(unique=True, max_length=36, description="UUIDv7 idempotency key")
    desk_id: str = Field(foreign_key="desk.id")
    seq: int = Field(description="per-desk, gap-free")
    type: str
    dossier_id: str | None = Field(default=None, foreign_key="dossier.id", index=True)
    payload: str
    payload_hash: str
    state: str = "pending"
    attempts: int = 0
    next_attempt_at: datetime | None = _instant(nullable=True)
    last_error: str | None = None
    created_at: datetime = _instant(now=True)
    acked_at: datetime | None = _instant(nullable=True)


class Blob(SQLModel, table=True):
    """Content-addressed file (scan, result, printed PDF) in the desk's blob store."""

    __tablename__ = "blob"
    sha256: str = Field(primary_key=True, max_length=64)
    size: int
    media_type: str
    created_at: datetime = _instant(now=True)
    uploaded_at: datetime | None = _instant(nullable=True)
    """When the central server confirmed it holds this blob (None: still to upload)."""


class DossierScan(SQLModel, table=True):
    """A scan attached to a dossier component: the legal copy (PDF ≥ 1.4, colour, ≥ 200 dpi)
    and the compact copy sent over the slow link first, both blobs. The newest scan of a
    component is also its ``blob_sha256``; earlier ones stay as history."""

    __tablename__ = "dossier_scan"
    id: int | None = Field(default=None, primary_key=True)
    dossier_id: str = Field(foreign_key="dossier.id", index=True)
    component_id: int = Field(foreign_key="dossier_component.id", index=True)
    legal_sha256: str = Field(foreign_key="blob.sha256")
    compact_sha256: str = Field(foreign_key="blob.sha256")
    legal_size: int
    compact_size: int
    pages: int
    dpi: int
    colour_pages: int = Field(description="pages the compact copy keeps in colour")
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    created_at: datetime = _instant(now=True)


class PrintJob(SQLModel, table=True):
    """One print of a form (printing.journal's job record): queued → printing → printed | failed.

    ``printer_ref`` (CUPS job id, file path …) is recorded as soon as the printer accepted the
    job, before waiting, so a retry after a crash asks the printer instead of printing twice.
    """

    __tablename__ = "print_job"
    id: int | None = Field(default=None, primary_key=True)
    job_key: str = Field(unique=True, max_length=64, description="idempotency key")
    dossier_id: str | None = Field(default=None, foreign_key="dossier.id", index=True)
    form: str
    title: str = ""
    copies: int = 1
    printer: str | None = None
    state: str = Field(default="queued", index=True)
    error: str | None = None
    printer_ref: str | None = None
    attempts: int = 0
    reprint_of: int | None = Field(default=None, foreign_key="print_job.id")
    document_sha256: str | None = Field(default=None, foreign_key="blob.sha256")
    officer_id: int | None = Field(default=None, foreign_key="officer.id")
    created_at: datetime = _instant(now=True)
    printed_at: datetime | None = _instant(nullable=True)
    updated_at: datetime = _instant(now=True)


class CalendarYear(SQLModel, table=True):
    """An official notice imported for a year; it replaces that year's default lists."""

    __tablename__ = "calendar_year"
    year: int = Field(primary_key=True)
    source: str
    imported_at: datetime = _instant(now=True)


class CalendarDay(SQLModel, table=True):
    __tablename__ = "calendar_day"
    day: date = Field(primary_key=True)
    year: int = Field(foreign_key="calendar_year.year", index=True)
    kind: str = Field(description="holiday | workday")
    name: str | None = None


class CodeCounter(SQLModel, table=True):
    """The daily sequence of one desk: atomic because it is bumped inside the intake write."""

    __tablename__ = "code_counter"
    agency_id: int = Field(foreign_key="agency.id", primary_key=True)
    desk_id: str = Field(foreign_key="desk.id", primary_key=True)
    day: date = Field(primary_key=True)
    last_seq: int


class RegisterCounter(SQLModel, table=True):
    """Số thứ tự in each Sổ theo dõi (Quyển số)."""

    __tablename__ = "register_counter"
    book: str = Field(primary_key=True)
    last_seq: int


class Setting(SQLModel, table=True):
    """Office settings kept with the data (sessions, cut-off, report granularity …), as JSON."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True)
    value: str


class Feedback(SQLModel, table=True):
    """A phản ánh, kiến nghị about how a procedure was handled (Sơn La 2019 Điều 17–18):
    received → assigned → closed with its answer, within a working-day limit (🟡 setting)."""

    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("book", "seq"),)

    id: str = Field(primary_key=True, max_length=36)
    agency_id: int = Field(foreign_key="agency.id", index=True)
    desk_id: str = Field(foreign_key="desk.id")
    book: str = Field(description="Sổ theo dõi phản ánh, kiến nghị: one a year")
    seq: int
    channel: str = Field(description="in_person | phone | email | portal | letter")
    dossier_id: str | None = Field(default=None, foreign_key="dossier.id", index=True)
    dossier_code: str | None = None
    sender_name: str = ""
    sender_phone: str | None = None
    sender_email: str | None = None
    content: str
    state: str = Field(default="open", index=True, description="open | assigned | closed")
    received_at: datetime = _instant(index=True)
    received_by: int | None = Field(default=None, foreign_key="officer.id")
    due_at: datetime = _instant(index=True)
    assigned_to: str | None = None
    assigned_at: datetime | None = _instant(nullable=True)
    answer: str | None = None
    answered_at: datetime | None = _instant(nullable=True)
    answered_by: int | None = Field(default=None, foreign_key="officer.id")
