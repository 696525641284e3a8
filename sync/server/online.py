"""Online dossiers (hồ sơ nộp trực tuyến): the server creates them, desks review them.

A submission (API ``POST /api/v1/backoffice/dossiers`` or ``desk-server dossier submit``) is
checked whole first (sync.server.online_input), then written in ONE transaction: the dossier
with status 1 (Mới đăng ký), its attachments as blobs the agency's desks may download, the
``submit_online`` event that starts its audit chain, the province record, and the change-feed
entry that carries the snapshot to the desks. Either all of it exists or none of it does.

Codes: the server issues ``<agency>-YYMMDD-NNNN`` itself, with NNNN from the agency's online
range (``srv_agency.online_range_*``, default 9000-9999). Desks are never given a range that
overlaps it (sync.server.auth.add_desk refuses), so a code the server issues cannot collide
with one a desk issued offline. Submissions of one agency are serialised by a lock on the
agency row, so two at once never take the same number.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import uuid4

from sqlalchemy import select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from data.db import Database
from desk.domain.codes import DeskRange, format_dossier_code
from desk.domain.lifecycle import Action, Status, canonical_json
from desk.domain.timefmt import local_date
from desk.domain.tracking import lookup_code, tracking_token, tracking_url
from desk.errors import RangeExhausted
from sync.protocol import (
    Change,
    ChangeKind,
    CreatedComponent,
    OnlineDossier,
    OnlineSubmission,
    OnlineSubmitted,
)
from sync.server.adapters import ProvinceAdapter
from sync.server.blobs import BlobService
from sync.server.chain import append_event
from sync.server.errors import Refused
from sync.server.feed import record_change
from sync.server.online_input import CheckedSubmission, check_submission
from sync.server.tables import ServerAgency, ServerDesk, ServerDossier

ONLINE_ROLE = "online"
ONLINE_CHANNEL_NAME = "Cổng dịch vụ công trực tuyến"


class OnlineIntake:
    def __init__(
        self,
        db: Database,
        blobs: BlobService,
        adapter: ProvinceAdapter,
        clock: Callable[[], datetime],
        public_url: str = "",
    ) -> None:
        self._db = db
        self._blobs = blobs
        self._adapter = adapter
        self._clock = clock
        self._public_url = public_url

    def submit(
        self,
        submission: OnlineSubmission,
        *,
        submitted_by: str | None = None,
        caller_agency: str | None = None,
    ) -> OnlineSubmitted:
        """Create the online dossier. ``submitted_by``: the back-office credential that sent
        it (None: the server's own online channel, e.g. the CLI); ``caller_agency``: the only
        agency that credential may submit for."""
        checked = check_submission(submission, self._blobs.max_bytes)
        if caller_agency is not None and checked.agency_code != caller_agency:
            raise Refused(
                "Tài khoản này không được nộp hồ sơ cho cơ quan {agency}.",
                reason_code="other_agency",
                http_status=403,
                agency=checked.agency_code,
            )
        now = self._clock()
        with self._db.write() as session:
            agency = _locked_agency(session, checked.agency_code)
            code = _next_code(session, agency, now)
            key = submitted_by or online_channel_key(session, agency.code, now)
            shas = [
                self._blobs.store_whole(session, agency.code, *file) if file else None
                for file in checked.files
            ]
            dossier = ServerDossier(
                id=str(uuid7()),
                code=code,
                agency_code=agency.code,
                desk_key=key,
                status=int(Status.SUBMITTED),
                status_before_pause=None,
                received_at=now,
                due_at=None,
                finished_at=None,
                snapshot="{}",
                tracking_token=tracking_token(agency.tracking_secret, code),
                lookup_code=lookup_code(agency.tracking_secret, code),
                result_sha256=None,
                event_count=0,
                last_event_hash="",
                updated_at=now,
            )
            snapshot = _snapshot(dossier, checked, shas)
            dossier.snapshot = canonical_json(snapshot)
            session.add(dossier)
            event = append_event(
                session,
                dossier,
                kind=Action.SUBMIT_ONLINE.value,
                at=now,
                from_status=None,
                to_status=dossier.status,
                payload={"source": "online", "by": key},
            )
            session.flush()
            self._adapter.dossier_changed(session, dossier, event)
            change = Change(
                kind=ChangeKind.DOSSIER_CREATED,
                dossier_id=dossier.id,
                dossier_code=code,
                action=Action.SUBMIT_ONLINE.value,
                status=dossier.status,
                at=now,
                snapshot=snapshot,
                attachments=sorted({sha for sha in shas if sha}),
            )
            record_change(session, agency.code, change, now)  # last: see sync.server.feed
            return OnlineSubmitted(
                dossier_id=dossier.id,
                code=code,
                status=dossier.status,
                submitted_at=now,
                lookup_code=dossier.lookup_code,
                tracking_url=(
                    tracking_url(self._public_url, code, dossier.tracking_token)
                    if self._public_url
                    else None
                ),
            )


def is_online(dossier: ServerDossier) -> bool:
    snapshot: dict[str, Any] = json.loads(dossier.snapshot or "{}")
    return snapshot.get("channel") == "online"


def online_channel_key(session: Session, agency_code: str, now: datetime) -> str:
    """The agency's "online channel" credential row: the author of dossiers submitted without
    a back-office credential. It has no secret, so nobody can authenticate as it."""
    row = session.scalars(
        select(ServerDesk).where(
            ServerDesk.agency_code == agency_code, ServerDesk.role == ONLINE_ROLE
        )
    ).first()
    if row is not None:
        return row.key
    key = str(uuid4())
    session.add(
        ServerDesk(
            key=key,
            agency_code=agency_code,
            role=ONLINE_ROLE,
            name=ONLINE_CHANNEL_NAME,
            created_at=now,
        )
    )
    session.flush()
    return key


def set_online_range(session: Session, agency_code: str, text: str) -> DeskRange:
    """Move the agency's online range; refused when an active desk's range overlaps it."""
    wanted = DeskRange.parse(text)
    agency = _locked_agency(session, agency_code)
    desks = session.scalars(
        select(ServerDesk).where(
            ServerDesk.agency_code == agency.code,
            ServerDesk.role == "desk",
            ServerDesk.revoked.is_(False),
        )
    ).all()
    for desk in desks:
        theirs = DeskRange(desk.range_start, desk.range_end)
        if wanted.overlaps(theirs):
            raise Refused(
                "Dải số {range} trùng với dải {other} của một quầy khác cùng cơ quan.",
                reason_code="range_overlap",
                range=str(wanted),
                other=str(theirs),
            )
    agency.online_range_start, agency.online_range_end = wanted.start, wanted.end
    return wanted


def _locked_agency(session: Session, agency_code: str) -> ServerAgency:
    agency = session.scalars(
        select(ServerAgency).where(ServerAgency.code == agency_code).with_for_update()
    ).first()
    if agency is None:
        raise Refused(
            "Máy chủ chưa có cơ quan {agency}. Tạo quầy (desk-server desk add) cho cơ quan "
            "trước khi nhận hồ sơ trực tuyến.",
            reason_code="unknown_agency",
            http_status=404,
            agency=agency_code,
        )
    return agency


def _next_code(session: Session, agency: ServerAgency, now: datetime) -> str:
    day = local_date(now)
    prefix = f"{agency.code}-{day:%y%m%d}-"
    codes = session.scalars(
        select(ServerDossier.code).where(
            ServerDossier.agency_code == agency.code,
            ServerDossier.code.startswith(prefix, autoescape=True),
        )
    ).all()
    online = DeskRange(agency.online_range_start, agency.online_range_end)
    used = [int(tail) for tail in (c[len(prefix) :] for c in codes) if tail.isdigit()]
    last = max((seq for seq in used if online.start <= seq <= online.end), default=None)
    try:
        seq = online.next_after(last, day=day)
    except RangeExhausted as error:
        raise Refused(
            "{reason}", reason_code="range_exhausted", http_status=409, reason=error.message
        ) from None
    return format_dossier_code(agency.code, day, seq)


def _snapshot(
    dossier: ServerDossier, checked: CheckedSubmission, shas: list[str | None]
) -> dict[str, Any]:
    """The dossier as a desk's receive command would describe it (same keys), so the
    notifier and the province adapter read it the same way."""
    given = checked.submission
    owner, submitter = checked.owner, checked.submitter
    return OnlineDossier(
        id=dossier.id,
        code=dossier.code,
        agency_code=dossier.agency_code,
        status=dossier.status,
        channel="online",
        procedure_code=given.procedure.code,
        procedure_name=given.procedure.name,
        sector=given.procedure.sector,
        case_key=given.procedure.case,
        owner_kind=owner.kind,
        owner_name=owner.full_name,
        owner_id_number=owner.id_number,
        owner_date_of_birth=owner.date_of_birth,
        owner_sex=owner.sex,
        owner_address=owner.address,
        owner_phone=owner.phone,
        owner_email=owner.email,
        submitter_json=json.dumps(submitter.to_json(), ensure_ascii=False) if submitter else None,
        submitter_id_number=submitter.id_number if submitter else None,
        summary=given.summary or given.procedure.name,
        sets_count=given.sets_count,
        received_at=dossier.received_at,
        delivery=given.delivery,
        delivery_address=given.delivery_address or None,
        tracking_token=dossier.tracking_token,
        lookup_code=dossier.lookup_code,
        components=[
            CreatedComponent(
                position=position,
                name=component.name,
                required=component.required,
                originals=component.originals,
                certified=component.certified,
                copies=component.copies,
                provided=sha is not None,
                blob_sha256=sha,
                media_type=component.attachment.media_type if component.attachment else None,
                file_name=component.attachment.file_name if component.attachment else None,
            )
            for position, (component, sha) in enumerate(zip(given.components, shas, strict=True))
        ],
    ).wire()
