"""Notifications as rows: queued with the change that caused them, delivered with retries.

``NotifyingAdapter`` wraps the province adapter (the server calls it inside the transaction of
every dossier change), so a notification exists exactly when the change committed. The
``NotificationSender`` loop delivers due rows oldest first: a failure is recorded with its
reason and retried after 1, 2, 4 … minutes (at most an hour apart) until ``max_attempts``;
then the row stays ``failed`` and visible to the back office — never silently dropped.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from data.db import Database
from desk.domain.person import validated_email, validated_phone
from desk.domain.tracking import tracking_url
from desk.errors import InvalidInput
from sync.protocol import Change, ChangeKind
from sync.server.adapters import ProvinceAdapter
from sync.server.feed import record_change
from sync.server.notify import SUBJECT, Message, Notifier, NotifyError, compose
from sync.server.tables import ServerDossier, ServerEvent, ServerNotification

log = logging.getLogger(__name__)


def _contact(check: Callable[[str | None, str], str | None], value: object) -> str | None:
    """The owner's address as the desk validated it at intake; a bad one sends nothing."""
    try:
        return check(str(value or ""), "chủ hồ sơ")
    except InvalidInput:
        return None


def _due(dossier: ServerDossier, payload: Mapping[str, Any]) -> datetime | None:
    new_due = payload.get("new_due")
    if isinstance(new_due, str):
        return datetime.fromisoformat(new_due)
    return dossier.due_at


class NotifyingAdapter:
    """A ProvinceAdapter that also queues the citizen's notifications of the change."""

    def __init__(self, inner: ProvinceAdapter, public_url: str) -> None:
        self._inner = inner
        self._public_url = public_url

    def dossier_changed(self, session: Session, dossier: ServerDossier, event: ServerEvent) -> None:
        self._inner.dossier_changed(session, dossier, event)
        link = tracking_url(self._public_url, dossier.code, dossier.tracking_token)
        payload = json.loads(event.payload or "{}")
        snapshot: dict[str, Any] = json.loads(dossier.snapshot)
        fee = payload.get("fee", snapshot.get("fee_amount"))
        originals = payload.get("originals_at_return", snapshot.get("originals_at_return"))
        text = compose(
            event.kind,
            dossier.code,
            link,
            _due(dossier, payload),
            fee=fee if isinstance(fee, int) else None,
            originals=[str(o) for o in originals] if isinstance(originals, list) else [],
        )
        if text is None:
            return
        for channel, to in (
            ("email", _contact(validated_email, snapshot.get("owner_email"))),
            ("sms", _contact(validated_phone, snapshot.get("owner_phone"))),
        ):
            if to:
                session.add(
                    ServerNotification(
                        dossier_id=dossier.id,
                        dossier_code=dossier.code,
                        event_kind=event.kind,
                        channel=channel,
                        to=to,
                        text=text,
                        state="pending",
                        attempts=0,
                        next_try_at=event.at,
                        created_at=event.at,
                    )
                )


def _tell_desks(session: Session, row: ServerNotification, now: datetime) -> None:
    """Put the outcome in the agency's change feed, so the desk shows whether the citizen was
    told (the last statement of the transaction, as record_change requires)."""
    dossier = session.get(ServerDossier, row.dossier_id)
    if dossier is None:
        return
    change = Change(
        kind=ChangeKind.CITIZEN_NOTIFIED,
        dossier_id=dossier.id,
        dossier_code=dossier.code,
        action=row.event_kind,
        status=dossier.status,
        at=now,
        note=row.channel,
        delivery=row.state,
    )
    record_change(session, dossier.agency_code, change, now)


class NotificationSender:
    def __init__(
        self,
        db: Database,
        notifiers: Mapping[str, Notifier],
        clock: Callable[[], datetime],
        *,
        max_attempts: int = 8,
    ) -> None:
        self._db, self._notifiers, self._clock = db, notifiers, clock
        self._max_attempts = max_attempts

    def deliver_due(self, limit: int = 100) -> int:
        """Send what is due now; returns how many were delivered."""
        now = self._clock()
        with self._db.read() as session:
            due = session.scalars(
                select(ServerNotification)
                .where(ServerNotification.state == "pending")
                .where(ServerNotification.next_try_at <= now)
                .order_by(ServerNotification.id)
                .limit(limit)
            ).all()
        sent = 0
        for row in due:
            notifier = self._notifiers.get(row.channel)
            if notifier is None:
                continue  # no such channel configured: stays pending until it is
            message = Message(row.channel, row.to, SUBJECT.format(code=row.dossier_code), row.text)
            error: str | None = None
            try:
                notifier.send(message)
            except NotifyError as failure:
                error = failure.reason
            self._record(row.id, error)
            sent += error is None
            log.info("notification %s (%s): %s", row.id, row.channel, error or "sent")
        return sent

    def _record(self, row_id: int, error: str | None) -> None:
        now = self._clock()
        with self._db.write() as session:
            row = session.get(ServerNotification, row_id)
            assert row is not None
            row.attempts += 1
            if error is None:
                row.state, row.sent_at, row.last_error = "sent", now, None
            else:
                row.last_error = error
                if row.attempts >= self._max_attempts:
                    row.state = "failed"
                else:
                    row.next_try_at = now + min(
                        timedelta(minutes=2 ** (row.attempts - 1)), timedelta(hours=1)
                    )
            if row.state in ("sent", "failed"):
                _tell_desks(session, row, now)

    def status(self, dossier_code: str) -> list[ServerNotification]:
        """The notifications of one dossier (what the desk shows: notified or not, and why)."""
        with self._db.read() as session:
            return list(
                session.scalars(
                    select(ServerNotification)
                    .where(ServerNotification.dossier_code == dossier_code)
                    .order_by(ServerNotification.id)
                ).all()
            )
