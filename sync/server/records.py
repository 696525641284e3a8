"""Desk commands that record something without moving the dossier through the lifecycle:
an attached scan (kept in the dossier's audit chain with both file hashes), the result signed
at the desk (the dossier names its blob, and whether the tracking page may offer it), and
the register of phản ánh, kiến nghị (one row per feedback, brought up to date by each
command)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.domain.codes import parse_dossier_code
from desk.errors import InvalidInput
from sync.protocol import FeedbackRecord, Payload, ResultSigned, ScanAttached
from sync.server.blobs import visible
from sync.server.chain import append_event, check_chain
from sync.server.dossiers import dossier_for_change
from sync.server.errors import Refused, bad_payload, not_found
from sync.server.tables import ServerDossier, ServerFeedback

SCAN_ATTACHED = "dossier.scan_attached"
RESULT_SIGNED = "dossier.result_signed"
FEEDBACK_TYPES = ("feedback.receive", "feedback.assign", "feedback.close")
RECORD_TYPES = (SCAN_ATTACHED, RESULT_SIGNED, *FEEDBACK_TYPES)
FEEDBACK_FIELDS = tuple(name for name in FeedbackRecord.model_fields if name != "id")


def apply_record(
    session: Session,
    agency_code: str,
    desk_key: str,
    payload: Payload,
    *,
    command_id: str,
    dossier_id: str | None,
    now: datetime,
) -> int | None:
    """Apply one record command (its typed payload); returns the dossier's status (None for
    feedback)."""
    if isinstance(payload, ScanAttached):
        scan = payload
        dossier = dossier_for_change(session, agency_code, dossier_id=dossier_id, code=scan.code)
        for sha256 in (scan.compact_sha256, scan.legal_sha256):
            if visible(session, agency_code, sha256) is None:
                raise _blob_missing(scan.code)
        check_chain(session, dossier)
        append_event(
            session,
            dossier,
            kind="scan_attached",
            at=now,
            from_status=dossier.status,
            to_status=dossier.status,
            payload={
                "command_id": command_id,
                "desk": desk_key,
                "component": scan.component,
                "legal_sha256": scan.legal_sha256,
                "compact_sha256": scan.compact_sha256,
                "pages": scan.pages,
            },
        )
        return dossier.status
    if isinstance(payload, ResultSigned):
        return _result_signed(
            session, agency_code, desk_key, payload, command_id=command_id,
            dossier_id=dossier_id, now=now,
        )  # fmt: skip
    if not isinstance(payload, FeedbackRecord):
        raise bad_payload("payload")
    record = payload
    _check_feedback_dossier(session, agency_code, record.dossier_code)
    row = session.get(ServerFeedback, record.id, with_for_update=True)
    if row is not None and row.agency_code != agency_code:
        raise Refused(
            "Phản ánh này không thuộc cơ quan của quầy.",
            reason_code="other_agency",
            http_status=403,
        )
    if row is None:
        row = ServerFeedback(id=record.id, agency_code=agency_code, desk_key=desk_key)
        session.add(row)
    for name in FEEDBACK_FIELDS:  # the register's columns, not what a newer desk adds
        setattr(row, name, getattr(record, name))
    row.updated_at = now
    return None


def _result_signed(
    session: Session,
    agency_code: str,
    desk_key: str,
    signed: ResultSigned,
    *,
    command_id: str,
    dossier_id: str | None,
    now: datetime,
) -> int:
    dossier = dossier_for_change(session, agency_code, dossier_id=dossier_id, code=signed.code)
    if visible(session, agency_code, signed.blob_sha256) is None:
        raise _blob_missing(signed.code)
    check_chain(session, dossier)
    append_event(
        session,
        dossier,
        kind="result_signed",
        at=now,
        from_status=dossier.status,
        to_status=dossier.status,
        payload={
            "command_id": command_id,
            "desk": desk_key,
            "blob_sha256": signed.blob_sha256,
            "size": signed.size,
            "level": signed.level,
        },
    )
    dossier.signed_result_sha256 = signed.blob_sha256
    dossier.signed_result_public = signed.citizen_download
    return dossier.status


BLOB_MISSING = "blob_missing"


def _blob_missing(code: str) -> Refused:
    """Not applied until the server holds both files whole for this agency; the desk keeps
    the command and sends it again after uploading them."""
    return Refused(
        "Máy chủ chưa nhận đủ tệp (bản quét, kết quả) của hồ sơ {code}; lệnh sẽ được gửi lại "
        "sau khi tải tệp lên xong.",
        reason_code=BLOB_MISSING,
        http_status=409,
        code=code,
    )


def _check_feedback_dossier(session: Session, agency_code: str, code: str | None) -> None:
    """A feedback may name a dossier of its own agency (or free text that names none); a
    dossier of another agency is answered like an unknown one, as for every command."""
    wanted = (code or "").strip().upper()
    if not wanted:
        return
    try:
        other_agency = parse_dossier_code(wanted).agency != agency_code
    except InvalidInput:
        other_agency = False
    owner = session.scalars(
        select(ServerDossier.agency_code).where(ServerDossier.code == wanted)
    ).first()
    if other_agency or (owner is not None and owner != agency_code):
        raise not_found(wanted)
