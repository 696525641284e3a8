"""Phản ánh, kiến nghị through the public page (Sơn La 2019 Điều 17: "Hỏi đáp" on the
system): checked like the desk checks it, stored in ``srv_feedback`` with channel ``portal``
and put in the agency's change feed, so every desk of the agency adds it to its register and
counts the answer deadline on its working calendar. Rate-limited per client address."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from uuid6 import uuid7

from data.db import Database
from desk.domain.person import validated_email, validated_phone
from desk.domain.text import nfc
from desk.errors import InvalidInput
from sync.protocol import Change, ChangeKind, PortalFeedbackFields, PublicFeedback
from sync.server.errors import Refused
from sync.server.feed import record_change
from sync.server.limits import Limiter
from sync.server.tables import ServerAgency, ServerFeedback


class PortalFeedback:
    def __init__(self, db: Database, limiter: Limiter, clock: Callable[[], datetime]) -> None:
        self._db, self._limiter, self._clock = db, limiter, clock

    def submit(self, client: str, form: PublicFeedback) -> str:
        """Record the feedback; returns its id. Refused: bad input, unknown agency, too many."""
        if not self._limiter.allow(client):
            raise Refused(
                "Đã gửi quá nhiều phản ánh trong thời gian ngắn; vui lòng thử lại sau.",
                reason_code="rate_limited",
                http_status=429,
            )
        content = nfc(form.content)
        try:  # the desk's own rules for a contact, so the desk can answer by them
            email = validated_email(form.sender_email, "người phản ánh")
            phone = validated_phone(form.sender_phone, "người phản ánh")
        except InvalidInput as error:
            raise Refused(
                "{reason}", reason_code="bad_input", http_status=422, reason=error.message
            ) from None
        if len(content) < 5:
            raise Refused(
                "Cần ghi rõ nội dung phản ánh, kiến nghị.", reason_code="bad_input", http_status=422
            )
        if email is None and phone is None:
            raise Refused(
                "Cần số điện thoại hoặc email để cơ quan trả lời phản ánh.",
                reason_code="bad_input",
                http_status=422,
            )
        now = self._clock()
        feedback_id = str(uuid7())
        code = nfc(form.dossier_code or "").upper() or None
        fields = PortalFeedbackFields(
            id=feedback_id,
            channel="portal",
            dossier_code=code,
            sender_name=nfc(form.sender_name),
            sender_phone=phone,
            sender_email=email,
            content=content,
            received_at=now,
        )
        with self._db.write() as session:
            agency = session.get(ServerAgency, form.agency_code.strip())
            if agency is None:
                raise Refused(
                    "Không tìm thấy cơ quan {agency}.",
                    reason_code="not_found",
                    http_status=404,
                    agency=form.agency_code.strip(),
                )
            session.add(
                ServerFeedback(
                    id=feedback_id,
                    agency_code=agency.code,
                    desk_key=None,
                    channel="portal",
                    dossier_code=code,
                    sender_name=fields.sender_name,
                    sender_phone=phone,
                    sender_email=email,
                    content=content,
                    state="open",
                    received_at=now,
                    updated_at=now,
                )
            )
            change = Change(
                kind=ChangeKind.FEEDBACK_RECEIVED,
                dossier_id=feedback_id,
                dossier_code=code or "",
                action="feedback",
                status=0,
                at=now,
                snapshot=fields.wire(),
            )
            record_change(session, agency.code, change, now)
        return feedback_id
