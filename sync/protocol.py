"""The wire protocol between a desk and the central server: the single definition of it.

Every JSON response of the server is an ``Envelope`` whose ``protocol`` field is the marker
``motcua-sync``: a hotel or ministry captive portal answers 200 with its own login page, and
the desk must treat that as "offline", never as success. The server publishes the JSON schema
of these models at ``/api/v1/openapi.json``.

Versioning: ``VERSION`` is bumped for incompatible changes; the server answers a batch of an
unknown version with the error ``unsupported_version`` and the desk stays queued.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

PROTOCOL = "motcua-sync"
VERSION = 1
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
    """One outbox command. ``payload_hash`` is the SHA-256 of the payload's canonical JSON
    (desk.domain.lifecycle.canonical_json); the server recomputes it."""

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


class Change(Strict):
    """One entry of the agency's change feed, in commit order."""

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


class PublicFeedback(Strict):
    """A citizen's phản ánh, kiến nghị from the public page (no account needed)."""

    agency_code: str = Field(min_length=1, max_length=32)
    content: str = Field(min_length=1, max_length=4000)
    sender_name: str = Field(default="", max_length=200)
    sender_phone: str | None = Field(default=None, max_length=32)
    sender_email: str | None = Field(default=None, max_length=320)
    dossier_code: str | None = Field(default=None, max_length=64)


class ChangePage(Strict):
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
