"""Applying desks' commands: each in its own transaction, idempotent by id + payload hash.

Only applied commands are recorded (``srv_command``): a rejected one leaves nothing behind,
so when the officer retries it from quarantine after the cause is fixed it is judged afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from data.db import Database
from desk.domain.codes import parse_dossier_code
from desk.domain.lifecycle import Action, canonical_json, next_status
from desk.errors import InvalidInput
from sync.protocol import (
    Change,
    ChangeKind,
    Command,
    CommandResult,
    DossierCreated,
    Moved,
    Outcome,
    Payload,
    parse_payload,
    payload_hash,
)
from sync.server.adapters import ProvinceAdapter
from sync.server.chain import append_event
from sync.server.dossiers import dossier_for_change, transition
from sync.server.errors import Refused, bad_payload
from sync.server.feed import record_change
from sync.server.online import is_online
from sync.server.records import RECORD_TYPES, apply_record
from sync.server.tables import ServerCommand, ServerDossier

_P = TypeVar("_P", bound=Payload)
CREATING_ACTIONS = frozenset({Action.RECEIVE, Action.RECEIVE_INCOMPLETE, Action.SUBMIT_ONLINE})


@dataclass(frozen=True)
class Caller:
    """An authenticated credential."""

    key: str
    agency_code: str
    role: str
    desk_id: str | None
    range_start: int
    range_end: int


class CommandStore:
    def __init__(
        self, db: Database, adapter: ProvinceAdapter, clock: Callable[[], datetime]
    ) -> None:
        self._db = db
        self._adapter = adapter
        self._clock = clock

    def apply_batch(self, caller: Caller, commands: list[Command]) -> list[CommandResult]:
        return [self.apply(caller, command) for command in commands]

    def apply(self, caller: Caller, command: Command) -> CommandResult:
        try:
            with self._db.write() as session:
                _check_hash(command)
                prior = session.get(ServerCommand, command.command_id)
                if prior is not None:
                    return _repeat(prior, caller, command)
                status = self._apply_new(session, caller, command)
                session.add(
                    ServerCommand(
                        command_id=command.command_id,
                        desk_key=caller.key,
                        seq=command.seq,
                        type=command.type,
                        dossier_id=command.dossier_id,
                        payload_hash=command.payload_hash,
                        status=status,
                        applied_at=self._clock(),
                    )
                )
            return CommandResult(
                command_id=command.command_id, outcome=Outcome.APPLIED, status=status
            )
        except Refused as refusal:
            return CommandResult(
                command_id=command.command_id,
                outcome=Outcome.REJECTED,
                code=refusal.reason_code,
                reason=refusal.message,
            )
        except IntegrityError:
            # The same command arriving twice at once (a retry racing its original).
            return self._after_race(caller, command)
        except DataError:  # a value the database cannot hold (a NUL in text on PostgreSQL)
            unfit = bad_payload("payload")
            return CommandResult(
                command_id=command.command_id,
                outcome=Outcome.REJECTED,
                code=unfit.reason_code,
                reason=unfit.message,
            )

    def _after_race(self, caller: Caller, command: Command) -> CommandResult:
        with self._db.read() as session:
            prior = session.get(ServerCommand, command.command_id)
            if prior is not None:
                return _repeat(prior, caller, command)
        return CommandResult(
            command_id=command.command_id,
            outcome=Outcome.REJECTED,
            code="busy",
            reason=Refused(
                "Máy chủ đang bận với một thao tác trùng; lệnh sẽ được gửi lại.",
                reason_code="busy",
            ).message,
        )

    def _apply_new(self, session: Session, caller: Caller, command: Command) -> int | None:
        if caller.role != "desk" or command.desk_id != caller.desk_id:
            raise Refused(
                "Lệnh không phải của quầy đang kết nối.", reason_code="wrong_desk", http_status=403
            )
        if command.type in RECORD_TYPES:
            return apply_record(
                session,
                caller.agency_code,
                caller.key,
                parse_command(command),
                command_id=command.command_id,
                dossier_id=command.dossier_id,
                now=self._clock(),
            )
        action = _action_of(command.type)
        if action in CREATING_ACTIONS:
            return self._create(session, caller, command, action)
        moved = parsed(command, Moved)
        dossier = dossier_for_change(
            session, caller.agency_code, dossier_id=command.dossier_id, code=moved.code
        )
        transition(
            session,
            dossier,
            action,
            at=moved.at,
            adapter=self._adapter,
            event_payload={
                "command_id": command.command_id,
                "desk": caller.key,
                **_notice(command.payload),
            },
            due_at=moved.appointment(),
        )
        if is_online(dossier):
            # Every desk of the agency holds an online dossier in its inbox: tell the others
            # what this desk decided (the deciding desk ignores its own change on pull).
            change = Change(
                kind=ChangeKind.DOSSIER_STATUS,
                dossier_id=dossier.id,
                dossier_code=dossier.code,
                action=action.value,
                status=dossier.status,
                at=moved.at,
                due=dossier.due_at,
                desk_id=command.desk_id,
            )
            record_change(session, caller.agency_code, change, moved.at)
        return dossier.status

    def _create(self, session: Session, caller: Caller, command: Command, action: Action) -> int:
        created = parsed(command, DossierCreated)
        try:
            code = parse_dossier_code(created.code)
        except InvalidInput:
            raise bad_payload("code") from None
        if code.agency != caller.agency_code:
            raise Refused(
                "Hồ sơ {code} không thuộc cơ quan của quầy này.",
                reason_code="other_agency",
                http_status=403,
                code=code.raw,
            )
        if not caller.range_start <= code.seq <= caller.range_end:
            raise Refused(
                "Số thứ tự của hồ sơ {code} nằm ngoài dải số cấp cho quầy ({start:04d}-{end:04d}).",
                reason_code="out_of_range",
                code=code.raw,
                start=caller.range_start,
                end=caller.range_end,
            )
        if created.id != command.dossier_id:
            raise bad_payload("id")
        taken = session.scalars(
            select(ServerDossier.id).where(
                (ServerDossier.code == code.raw) | (ServerDossier.id == created.id)
            )
        ).first()
        if taken is not None:
            raise Refused(
                "Mã hồ sơ {code} đã có trên máy chủ; số đã cấp không được dùng lại.",
                reason_code="code_taken",
                http_status=409,
                code=code.raw,
            )
        if next_status(action, None) != created.status:
            raise bad_payload("status")
        dossier = ServerDossier(
            id=created.id,
            code=code.raw,
            agency_code=caller.agency_code,
            desk_key=caller.key,
            status=created.status,
            status_before_pause=None,
            received_at=created.received_at,
            due_at=created.due_at,
            finished_at=None,
            snapshot=canonical_json(command.payload),
            tracking_token=created.tracking_token,
            lookup_code=created.lookup_code,
            result_sha256=None,
            event_count=0,
            last_event_hash="",
            updated_at=created.received_at,
        )
        session.add(dossier)
        event = append_event(
            session,
            dossier,
            kind=action.value,
            at=created.received_at,
            from_status=None,
            to_status=created.status,
            payload={"command_id": command.command_id, "desk": caller.key},
        )
        session.flush()
        self._adapter.dossier_changed(session, dossier, event)
        return dossier.status


def _check_hash(command: Command) -> None:
    """Over the payload as received (a newer desk's fields included), never a re-dump."""
    if payload_hash(command.payload) != command.payload_hash:
        raise Refused(
            "Mã băm của lệnh không khớp nội dung; lệnh có thể đã bị hỏng trên đường truyền.",
            reason_code="hash_mismatch",
        )
    text = canonical_json(command.payload)
    if "\\u0000" in text or "\x00" in text:  # a NUL in text: refused on every database alike
        raise bad_payload("payload")


def _repeat(prior: ServerCommand, caller: Caller, command: Command) -> CommandResult:
    if prior.payload_hash == command.payload_hash and prior.desk_key == caller.key:
        return CommandResult(
            command_id=command.command_id, outcome=Outcome.DUPLICATE, status=prior.status
        )
    return CommandResult(
        command_id=command.command_id,
        outcome=Outcome.CONFLICT,
        code="conflict",
        reason=Refused(
            "Mã lệnh {command_id} đã được dùng cho một lệnh khác; lệnh này không được áp dụng.",
            reason_code="conflict",
            command_id=command.command_id,
        ).message,
    )


def _action_of(command_type: str) -> Action:
    try:
        return Action(command_type.removeprefix("dossier."))
    except ValueError:
        raise Refused(
            "Máy chủ không biết loại lệnh {type}.", reason_code="unknown_command", type=command_type
        ) from None


def _notice(payload: dict[str, Any]) -> dict[str, Any]:
    """What the desk said the citizen's message should state (the fee, the originals to bring
    at return), kept on the event for the notifier."""
    return {key: payload[key] for key in ("fee", "originals_at_return") if key in payload}


def parse_command(command: Command) -> Payload:
    """The command's typed payload (sync.protocol); a payload that does not fit is refused
    as bad_payload naming the field, an unknown type as unknown_command."""
    try:
        return parse_payload(command.type, command.payload)
    except ValidationError as error:
        first = error.errors()[0]
        if first["type"] == "union_tag_invalid":
            raise Refused(
                "Máy chủ không biết loại lệnh {type}.",
                reason_code="unknown_command",
                type=command.type,
            ) from None
        where = ".".join(str(part) for part in first["loc"][2:]) or "payload"
        raise bad_payload(where) from None


def parsed(command: Command, model: type[_P]) -> _P:
    payload = parse_command(command)
    if not isinstance(payload, model):
        raise Refused(
            "Máy chủ không biết loại lệnh {type}.", reason_code="unknown_command", type=command.type
        )
    return payload
