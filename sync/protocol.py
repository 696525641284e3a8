"""The wire protocol between a desk and the central server: the single definition of it.

Every JSON response of the server is an ``Envelope`` whose ``protocol`` field is the marker
``motcua-sync``: a hotel or ministry captive portal answers 200 with its own login page, and
the desk must treat that as "offline", never as success. The server publishes the JSON schema
of these models at ``/api/v1/openapi.json``.

Versioning is negotiated. The desk names the versions it speaks in the ``Motcua-Sync-Versions``
header of every request (a desk of version 1 sends none: it speaks 1); the server answers with
the highest version both speak, in every envelope's ``version``, and the desk sends its batches
in that version. So a desk one version behind keeps syncing with a newer server, and a newer
desk with an older server (which always answers 1). With no common version the server answers
``unsupported_version`` and the desk stays queued.

- 1: the wire frozen in tests/fixtures/wire/ (payloads were dumps of the desk's tables).
- 2: the typed wire below. The JSON of every command and change is that of version 1; what
  is new is that peers of version 2 ignore fields they do not know (in payloads, snapshots,
  changes), so a later version may add optional fields for version-2 peers. A version-1 desk
  refuses unknown fields in a change: nothing is ever added to what it is sent.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    SerializerFunctionWrapHandler,
    StringConstraints,
    TypeAdapter,
    model_serializer,
)

from desk.domain.lifecycle import canonical_json

PROTOCOL = "motcua-sync"
VERSION = 2
"""The newest version of the wire this code speaks."""
SUPPORTED_VERSIONS: tuple[int, ...] = (1, 2)
"""Every version this code speaks (a server answers desks of each; a desk offers them all)."""
H_VERSIONS = "Motcua-Sync-Versions"
API_PREFIX = "/api/v1"

MAX_BATCH_COMMANDS = 500
"""Commands per batch; the desk sends fewer (it also bounds the bytes)."""
MAX_BATCH_BYTES = 4 * 1024 * 1024
"""Decompressed size of one batch body: a bigger one is refused before it is parsed."""
MAX_PAYLOAD_CHARS = 64 * 1024
"""One command's payload, as canonical JSON text."""
MAX_BLOB_BYTES = 64 * 1024 * 1024
"""The server's default limit on one uploaded file."""
MAX_SEQ = 2**63 - 1
"""Command numbers and feed cursors are signed 64-bit integers in the server's database."""

SHA256_RE = re.compile(r"[0-9a-f]{64}")
UUID_RE = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

SHA256_PATTERN = r"^[0-9a-f]{64}$"
Sha256 = Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]
Uuid = Annotated[str, StringConstraints(pattern=UUID_RE)]
CommandType = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.]{0,63}$")]

T = TypeVar("T")

# tus 1.0 headers for resumable blob uploads (https://tus.io/protocols/resumable-upload)
TUS_VERSION = "1.0.0"
H_TUS = "Tus-Resumable"
H_OFFSET = "Upload-Offset"
H_LENGTH = "Upload-Length"
H_MEDIA = "Upload-Media-Type"
OFFSET_MEDIA_TYPE = "application/offset+octet-stream"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def offered_versions(header: str | None) -> tuple[int, ...]:
    """The versions a ``Motcua-Sync-Versions`` header offers ("1,2"); none: version 1."""
    if not header or not header.strip():
        return (1,)
    offered = {int(part) for part in header.split(",") if part.strip().isdigit()}
    return tuple(sorted(offered))


def negotiate(offered: tuple[int, ...], spoken: tuple[int, ...]) -> int | None:
    """The highest version both sides speak (None: none in common)."""
    common = set(offered) & set(spoken)
    return max(common) if common else None


class WireError(Strict):
    """A refusal of the whole request: ``code`` for programs, ``message`` (Vietnamese) for
    the officer."""

    code: str
    message: str


class Envelope(BaseModel, Generic[T]):
    """What every JSON response carries; ``server_time`` feeds the desk's clock check."""

    model_config = ConfigDict(extra="forbid")

    protocol: Literal["motcua-sync"] = "motcua-sync"
    version: int = VERSION
    server_time: datetime
    data: T | None = None
    error: WireError | None = None


# ------------------------------------------------------------------------- enrolment


class EnrolRequest(Strict):
    """The one-time code an administrator printed, and who the desk is."""

    code: Annotated[str, StringConstraints(min_length=8, max_length=64)]
    desk_id: Uuid
    agency_code: Annotated[str, StringConstraints(max_length=32)]
    secret: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{43,128}$")] | None = None
    """The desk's own secret, generated and stored before the call: asked again with the same
    code and secret (its answer was lost), the server answers the same enrolment again while
    the code is valid. Without it the server makes one up (a lost answer then spends the code)."""


class EnrolResponse(Strict):
    """The desk's credentials (shown once; the server keeps only an argon2 hash of the
    secret), its code range, and the agency's tracking secret (base64) that every desk of
    the agency must use so that the server can check the slips' QR tokens."""

    desk_key: Uuid
    secret: str
    agency_code: str
    range_start: int
    range_end: int
    tracking_secret: str
    tracking_url: str | None = None
    """The public address of the tracking page (the server's public_url), which the desk's
    slips put in their QR code; None when the server has none configured."""


# -------------------------------------------------------------------------- commands


class Command(Strict):
    """One outbox command. ``payload`` is kept as the JSON object that was sent, because
    ``payload_hash`` (see ``payload_hash``) is over the payload AS SENT: the server hashes
    what it received, never a re-serialisation of its own model (a newer desk's extra field
    must not change the hash). Its content is read with ``parse_payload``."""

    command_id: Uuid
    desk_id: Uuid
    seq: Annotated[int, Field(ge=1, le=MAX_SEQ)]
    type: CommandType
    dossier_id: Uuid | None = None
    payload: dict[str, Any]
    payload_hash: Sha256
    created_at: Annotated[datetime, Field(strict=True)]
    """An RFC 3339 date-time (a number of seconds is not taken)."""


class CommandBatch(Strict):
    version: int = VERSION
    commands: Annotated[list[Command], Field(min_length=1, max_length=MAX_BATCH_COMMANDS)]


class Outcome(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    """Same id, same hash: already applied; ``applied_at`` is the original result's."""
    CONFLICT = "conflict"
    """Same id, different hash: a different command reused the key; nothing applied."""
    REJECTED = "rejected"
    """Refused with ``code`` and a Vietnamese ``reason``; nothing applied."""


class CommandResult(Strict):
    command_id: str
    outcome: Outcome
    code: str | None = None
    reason: str | None = None
    status: int | None = None
    """The dossier's status on the server after the command (applied and duplicate)."""


class BatchResult(Strict):
    results: list[CommandResult]


def payload_hash(payload: Mapping[str, Any]) -> str:
    """The one hash of a command's payload: SHA-256 of its canonical JSON (the desk when it
    queues the command, the server over the payload exactly as it received it)."""
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ command payloads
#
# One model per payload, built by the desk from explicit fields (never from a dump of its own
# tables, so a new desk column changes nothing here) and read by the server through the same
# model. The field names and forms are those of protocol version 1 (tests/fixtures/wire/).
#
# Forward compatibility: every payload model IGNORES fields it does not know. A desk newer
# than its server may add an optional field; the server must still apply what it knows
# (refusing would quarantine the officer's work until the server is upgraded). Nothing is
# lost: the server keeps the payload as received (its hash, the creation snapshot).
# Fields the server needs are required; the rest have defaults, so the server is exactly as
# lenient as version 1 was (it then read only those fields).


def _utc_text(instant: datetime) -> str:
    return instant.astimezone(UTC).isoformat()


WireInstant = Annotated[datetime, PlainSerializer(_utc_text, return_type=str)]
"""An instant on the wire: ISO 8601 in UTC with "+00:00" (version 1's form)."""


class Payload(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    omitted_when_none: ClassVar[frozenset[str]] = frozenset()
    """Fields version 1 leaves out, rather than sending null, when they have no value."""

    @model_serializer(mode="wrap")
    def _v1_form(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {k: v for k, v in data.items() if v is not None or k not in self.omitted_when_none}

    def wire(self) -> dict[str, Any]:
        """The JSON object that goes in ``Command.payload``."""
        data: dict[str, Any] = self.model_dump(mode="json")
        return data


class ComponentRecord(Payload):
    position: int
    name: str
    required: bool = True
    originals: int = 0
    certified: int = 0
    copies: int = 0
    provided: bool = True
    note: str | None = None


class DossierCreated(Payload):
    """dossier.receive / dossier.receive_incomplete: the dossier as received at the desk."""

    id: str
    code: str
    agency_id: int = 0
    desk_id: str = ""
    procedure_id: int = 0
    procedure_code: str = ""
    procedure_name: str = ""
    sector: str = ""
    case_key: str = ""
    status: int
    channel: str = "direct"
    owner_kind: str = "person"
    owner_name: str = ""
    owner_id_number: str | None = None
    owner_date_of_birth: date | None = None
    owner_sex: str | None = None
    owner_address: str | None = None
    owner_phone: str | None = None
    owner_email: str | None = None
    submitter_json: str | None = None
    submitter_id_number: str | None = None
    summary: str = ""
    sets_count: int = 1
    received_at: WireInstant
    received_by: int | None = None
    clock_started_at: WireInstant | None = None
    due_at: WireInstant | None = None
    original_due_at: WireInstant | None = None
    extended_due_at: WireInstant | None = None
    due_rule: str | None = None
    calendar_version: str | None = None
    paused_at: WireInstant | None = None
    status_before_pause: int | None = None
    finished_at: WireInstant | None = None
    returned_at: WireInstant | None = None
    delivery: str = "desk"
    delivery_address: str | None = None
    fee_amount: int = 0
    fee_collected: int = 0
    notes: str | None = None
    register_book: str = ""
    register_seq: int = 0
    tracking_token: str
    lookup_code: str
    collector_json: str | None = None
    rating: str | None = None
    components: list[ComponentRecord] = Field(default_factory=list)
    fee: int | None = None
    """For the citizen's acceptance message (sent by the server), as ``originals_at_return``."""
    originals_at_return: list[str] = Field(default_factory=list)


class Moved(Payload):
    """A move through the lifecycle: the dossier's code, the status after it, when."""

    code: str
    status: int
    at: WireInstant

    def appointment(self) -> datetime | None:
        """The appointment the move sets, if it sets one."""
        return None


class HandedOver(Moved):
    unit: str = ""


class SupplementRequested(Moved):
    items: list[str] = Field(default_factory=list)
    reason: str = ""


class PaymentRequested(Moved):
    amount: int = 0
    note: str = ""


class PauseEnded(Moved):
    """supplement_received / payment_received: the appointment after the pause."""

    due: WireInstant | None = None

    def appointment(self) -> datetime | None:
        return self.due


class Apologised(Moved):
    new_due: WireInstant | None = None
    reason: str = ""

    def appointment(self) -> datetime | None:
        return self.new_due


class Reasoned(Moved):
    """refuse, withdraw, stop, result_ready: the reason (or note), left out when empty."""

    reason: str | None = None
    omitted_when_none = frozenset({"reason"})


class Collector(Payload):
    full_name: str
    id_number: str | None = None
    authorised: bool = False
    authorisation: str | None = None


class Returned(Moved):
    rating: str | None = None
    collector: Collector | None = None
    fee_collected: int | None = None
    originals_checked: bool | None = None
    """Online dossiers only (left out for the others)."""
    omitted_when_none = frozenset({"originals_checked"})


class Accepted(Moved):
    """An online dossier accepted at the desk: its appointment and the acceptance notice."""

    due: WireInstant | None = None
    submitted_at: WireInstant | None = None
    fee: int | None = None
    originals_at_return: list[str] = Field(default_factory=list)

    def appointment(self) -> datetime | None:
        return self.due


class ScanAttached(Payload):
    code: str
    component: int
    legal_sha256: str
    legal_size: int = 0
    compact_sha256: str
    compact_size: int = 0
    pages: int
    dpi: int = 0


class ResultSigned(Payload):
    code: str
    blob_sha256: Sha256
    size: Annotated[int, Field(gt=0)]
    level: str
    citizen_download: bool = False


class FeedbackRecord(Payload):
    """feedback.receive / assign / close: the register row, whole, as it is now."""

    id: str
    book: str
    seq: int
    channel: str
    dossier_code: str | None = None
    sender_name: str = ""
    sender_phone: str | None = None
    sender_email: str | None = None
    content: str
    state: str
    received_at: WireInstant
    due_at: WireInstant
    assigned_to: str | None = None
    answer: str | None = None
    answered_at: WireInstant | None = None


class _Typed(BaseModel):
    model_config = ConfigDict(frozen=True)


class CreateCommand(_Typed):
    # submit_online: desks never send it (the server creates online dossiers), but version 1
    # read it as a creation too; kept so that the server judges it exactly as before.
    type: Literal["dossier.receive", "dossier.receive_incomplete", "dossier.submit_online"]
    payload: DossierCreated


class HandOverCommand(_Typed):
    type: Literal["dossier.hand_over"]
    payload: HandedOver


class SupplementCommand(_Typed):
    type: Literal["dossier.request_supplement"]
    payload: SupplementRequested


class PaymentCommand(_Typed):
    type: Literal["dossier.request_payment"]
    payload: PaymentRequested


class PauseEndCommand(_Typed):
    type: Literal["dossier.supplement_received", "dossier.payment_received"]
    payload: PauseEnded


class ApologiseCommand(_Typed):
    type: Literal["dossier.apologise"]
    payload: Apologised


class ReasonedCommand(_Typed):
    type: Literal["dossier.refuse", "dossier.withdraw", "dossier.stop", "dossier.result_ready"]
    payload: Reasoned


class ReturnCommand(_Typed):
    type: Literal["dossier.return"]
    payload: Returned


class AcceptCommand(_Typed):
    type: Literal["dossier.accept"]
    payload: Accepted


class ScanCommand(_Typed):
    type: Literal["dossier.scan_attached"]
    payload: ScanAttached


class ResultSignedCommand(_Typed):
    type: Literal["dossier.result_signed"]
    payload: ResultSigned


class FeedbackCommand(_Typed):
    type: Literal["feedback.receive", "feedback.assign", "feedback.close"]
    payload: FeedbackRecord


TypedCommand = Annotated[
    CreateCommand
    | HandOverCommand
    | SupplementCommand
    | PaymentCommand
    | PauseEndCommand
    | ApologiseCommand
    | ReasonedCommand
    | ReturnCommand
    | AcceptCommand
    | ScanCommand
    | ResultSignedCommand
    | FeedbackCommand,
    Field(discriminator="type"),
]
"""Every command a desk sends: its ``type`` says which payload model reads it."""

_TYPED_COMMAND: TypeAdapter[TypedCommand] = TypeAdapter(TypedCommand)


def parse_payload(command_type: str, payload: Mapping[str, Any]) -> Payload:
    """The typed payload of a command (pydantic.ValidationError when it does not fit; its
    locations start with the type and "payload")."""
    return _TYPED_COMMAND.validate_python({"type": command_type, "payload": payload}).payload


MOVE_PAYLOADS: Mapping[str, type[Moved]] = {
    "hand_over": HandedOver,
    "request_supplement": SupplementRequested,
    "request_payment": PaymentRequested,
    "supplement_received": PauseEnded,
    "payment_received": PauseEnded,
    "apologise": Apologised,
    "refuse": Reasoned,
    "withdraw": Reasoned,
    "stop": Reasoned,
    "result_ready": Reasoned,
    "return": Returned,
    "accept": Accepted,
}
"""The payload model of each lifecycle action a desk sends as ``dossier.<action>``."""


def move_payload(action: str, fields: Mapping[str, Any]) -> Moved:
    """The payload of ``dossier.<action>`` from its fields; a field the model does not have
    is the caller's mistake (it would never reach the server), so it raises ValueError."""
    model = MOVE_PAYLOADS[action]
    unknown = sorted(set(fields) - set(model.model_fields))
    if unknown:
        raise ValueError(f"{action} has no wire field {', '.join(unknown)}")
    return model.model_validate(fields)


# ----------------------------------------------------------------------------- pull


class ChangeKind(StrEnum):
    DOSSIER_STATUS = "dossier.status"
    DOSSIER_CREATED = "dossier.created"
    """A dossier the server created (an online submission): ``snapshot`` holds it whole and
    ``attachments`` the blobs to download before creating it at the desk."""
    FEEDBACK_RECEIVED = "feedback.received"
    """A phản ánh, kiến nghị sent through the public page: ``dossier_id`` is the feedback's
    id and ``snapshot`` its fields; each desk of the agency adds it to its register."""
    CATALOG_PUBLISHED = "catalog.published"
    """The province's procedures catalogue: ``snapshot`` is the catalogue file, ``note``
    "replace" when it is the whole list (procedures it omits are retired)."""
    CALENDAR_PUBLISHED = "calendar.published"
    """A year's official holiday notice: ``snapshot`` is the notice file."""
    CITIZEN_NOTIFIED = "dossier.notified"
    """The server sent the citizen a message about the step ``action`` (``note``: the
    channel, email or sms) or gave up (``delivery``: sent | failed)."""


def _iso_text(instant: datetime) -> str:
    return instant.isoformat()


ZonedInstant = Annotated[datetime, PlainSerializer(_iso_text, return_type=str)]
"""An instant with the zone it was made in (version 1's form of a portal feedback's time)."""


class Snapshot(BaseModel):
    """What a change's ``snapshot`` holds, read by the desk. Fields a NEWER server adds are
    ignored: an older desk must keep pulling (a refused page would stop its whole feed), and
    what it does not know it cannot use anyway."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    def wire(self) -> dict[str, Any]:
        data: dict[str, Any] = self.model_dump(mode="json")
        return data


class CreatedComponent(Snapshot):
    position: int
    name: str
    required: bool = True
    originals: int = 0
    certified: int = 0
    copies: int = 0
    provided: bool = False
    blob_sha256: Sha256 | None = None
    media_type: str | None = None
    file_name: str | None = None


class OnlineDossier(Snapshot):
    """DOSSIER_CREATED: a dossier submitted online, as the server created it (the keys of a
    desk's receive command, so the notifier and the province adapter read both alike)."""

    id: str
    code: str
    agency_code: str
    status: int
    channel: str = "online"
    procedure_code: str
    procedure_name: str = ""
    sector: str = ""
    case_key: str = ""
    owner_kind: str = "person"
    owner_name: str = ""
    owner_id_number: str | None = None
    owner_date_of_birth: date | None = None
    owner_sex: str | None = None
    owner_address: str | None = None
    owner_phone: str | None = None
    owner_email: str | None = None
    submitter_json: str | None = None
    submitter_id_number: str | None = None
    summary: str = ""
    sets_count: int = 1
    received_at: WireInstant
    delivery: str = "desk"
    delivery_address: str | None = None
    tracking_token: str = ""
    lookup_code: str = ""
    components: list[CreatedComponent] = Field(default_factory=list)


class PortalFeedbackFields(Snapshot):
    """FEEDBACK_RECEIVED: a phản ánh sent through the public page."""

    id: str
    channel: str = "portal"
    dossier_code: str | None = None
    sender_name: str = ""
    sender_phone: str | None = None
    sender_email: str | None = None
    content: str
    received_at: ZonedInstant


class Change(BaseModel):
    """One entry of the agency's change feed, in commit order, as the server keeps and sends
    it; the desk reads each one through its kind's model (``typed_change``), so one change it
    cannot read is noted and skipped while the rest of the page applies.

    Unknown fields are ignored (version 2): a newer server may tell version-2 desks more,
    and a desk that cannot read a page stops pulling altogether."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    kind: ChangeKind
    dossier_id: str
    dossier_code: str
    action: str
    """A desk.domain.lifecycle.Action value: hand_over, request_supplement, result_ready …"""
    status: int
    at: datetime
    note: str | None = None
    result_sha256: Sha256 | None = None
    due: datetime | None = None
    """The appointment after the change, when it set one (an online dossier accepted)."""
    snapshot: dict[str, Any] | None = None
    attachments: list[Sha256] = Field(default_factory=list)
    desk_id: str | None = None
    """The desk whose command made the change (None: the server or the back office); that
    desk has already applied it and skips it on pull."""
    delivery: str | None = None
    """For CITIZEN_NOTIFIED: sent or failed."""


class _KindOfChange(BaseModel):
    """The fields every change has; each kind below adds its ``kind`` and its snapshot."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    dossier_id: str
    dossier_code: str
    action: str
    status: int
    at: datetime
    note: str | None = None
    result_sha256: Sha256 | None = None
    due: datetime | None = None
    attachments: list[Sha256] = Field(default_factory=list)
    desk_id: str | None = None
    delivery: str | None = None


class StatusChanged(_KindOfChange):
    """A back-office move, or another desk's decision on an online dossier."""

    kind: Literal[ChangeKind.DOSSIER_STATUS]


class OnlineDossierCreated(_KindOfChange):
    kind: Literal[ChangeKind.DOSSIER_CREATED]
    snapshot: OnlineDossier


class PortalFeedbackReceived(_KindOfChange):
    kind: Literal[ChangeKind.FEEDBACK_RECEIVED]
    snapshot: PortalFeedbackFields


class ReferencePublished(_KindOfChange):
    """The catalogue or a holiday notice: ``snapshot`` is the file, read with its own model
    (desk.domain.catalog.CatalogFile, desk.domain.notice.YearNotice), which has its own
    format rules; ``note`` "replace" for a whole catalogue."""

    kind: Literal[ChangeKind.CATALOG_PUBLISHED, ChangeKind.CALENDAR_PUBLISHED]
    snapshot: dict[str, Any]


class CitizenNotified(_KindOfChange):
    """``action``: the step the message was about; ``note``: the channel; ``delivery``."""

    kind: Literal[ChangeKind.CITIZEN_NOTIFIED]


TypedChange = Annotated[
    StatusChanged
    | OnlineDossierCreated
    | PortalFeedbackReceived
    | ReferencePublished
    | CitizenNotified,
    Field(discriminator="kind"),
]
"""Every change of the feed: its ``kind`` says which model reads it."""

_TYPED_CHANGE: TypeAdapter[TypedChange] = TypeAdapter(TypedChange)


def typed_change(change: Change) -> TypedChange:
    """``change`` read through its kind's model (pydantic.ValidationError when it does not
    fit, e.g. a created dossier without its snapshot)."""
    return _TYPED_CHANGE.validate_python(change.model_dump())


class PublicFeedback(Strict):
    """A citizen's phản ánh, kiến nghị from the public page (no account needed)."""

    agency_code: str = Field(min_length=1, max_length=32)
    content: str = Field(min_length=1, max_length=4000)
    sender_name: str = Field(default="", max_length=200)
    sender_phone: str | None = Field(default=None, max_length=32)
    sender_email: str | None = Field(default=None, max_length=320)
    dossier_code: str | None = Field(default=None, max_length=64)


class ChangePage(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    changes: list[Change]
    cursor: str
    """Opaque: hand it back unchanged to get what follows."""
    more: bool


# ---------------------------------------------------------------------------- other


class Pong(Strict):
    desk_key: str
    agency_code: str


class TrackingView(Strict):
    """The public tracking page's data: status and appointment, no personal data."""

    code: str
    status: int
    status_label: str
    appointment: datetime | None
    signed_result: bool = False
    """The signed result can be downloaded (``/t/{code}/ket-qua.pdf`` with the same token)."""


class AdvanceRequest(Strict):
    """A back-office move: ``to`` is processing, supplement or result-ready."""

    to: Literal["processing", "supplement", "result-ready"]
    note: Annotated[str, StringConstraints(max_length=1000)] = ""
    result_sha256: Sha256 | None = None


class AdvanceResponse(Strict):
    code: str
    status: int


# ----------------------------------------------------------------- online submissions

MAX_SUBMISSION_BYTES = 48 * 1024 * 1024
"""One online submission's JSON body, attachments (base64) included."""
ATTACHMENT_TYPES = ("application/pdf", "image/jpeg", "image/png")

Text200 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
OptionalText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]


class OnlinePerson(Strict):
    """The owner (chủ hồ sơ) or the submitter; checked with desk.domain.person's rules."""

    kind: Literal["person", "organisation"] = "person"
    full_name: Text200
    id_number: OptionalText | None = None
    date_of_birth: date | None = None
    sex: OptionalText | None = None
    address: OptionalText | None = None
    phone: OptionalText | None = None
    email: OptionalText | None = None


class OnlineAttachment(Strict):
    """The uploaded file of one component, base64 (``desk-server dossier submit`` also reads
    ``"file": "path"`` and turns it into this)."""

    data: Annotated[str, StringConstraints(min_length=4)]
    media_type: Literal["application/pdf", "image/jpeg", "image/png"] = "application/pdf"
    file_name: OptionalText | None = None


class OnlineComponent(Strict):
    name: Text200
    required: bool = True
    originals: Annotated[int, Field(ge=0, le=99)] = 0
    certified: Annotated[int, Field(ge=0, le=99)] = 0
    copies: Annotated[int, Field(ge=0, le=99)] = 0
    attachment: OnlineAttachment | None = None


class OnlineProcedure(Strict):
    code: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    name: Text200
    sector: Text200
    case: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)] = (
        "chung"
    )


class OnlineSubmission(Strict):
    """A dossier submitted online (by a province adapter or a test): the server issues its
    code from the agency's online range and the desks receive it by pull with status 1."""

    agency_code: Annotated[str, StringConstraints(strip_whitespace=True, max_length=32)]
    procedure: OnlineProcedure
    owner: OnlinePerson
    submitter: OnlinePerson | None = None
    delivery: Literal["desk", "postal"] = "desk"
    delivery_address: OptionalText | None = None
    summary: OptionalText | None = None
    sets_count: Annotated[int, Field(ge=1, le=99)] = 1
    components: Annotated[list[OnlineComponent], Field(min_length=1, max_length=50)]


class OnlineSubmitted(Strict):
    dossier_id: str
    code: str
    status: int
    submitted_at: datetime
    lookup_code: str
    tracking_url: str | None = None
