"""Dossier statuses (national codes 1–10), the legal transitions, and the audit chain.

The same table is used by the desk and by the central server, so an action that the
desk accepts offline is judged identically when it arrives.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from desk.errors import IllegalTransition
from desk.i18n import translate


class Status(IntEnum):
    """TrangThaiHoSo codes of the national portal (DOMAIN §8.4)."""

    SUBMITTED = 1
    RECEIVED = 2
    REFUSED = 3
    PROCESSING = 4
    SUPPLEMENT_REQUESTED = 5
    PAYMENT_REQUESTED = 6
    WITHDRAWN = 7
    STOPPED = 8
    RESULT_READY = 9
    RETURNED = 10

    @property
    def label(self) -> str:
        return translate(STATUS_LABELS[self])


STATUS_LABELS: Mapping[Status, str] = {
    Status.SUBMITTED: "Mới đăng ký",
    Status.RECEIVED: "Được tiếp nhận",
    Status.REFUSED: "Không được tiếp nhận",
    Status.PROCESSING: "Đang xử lý",
    Status.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung giấy tờ",
    Status.PAYMENT_REQUESTED: "Yêu cầu thực hiện nghĩa vụ tài chính",
    Status.WITHDRAWN: "Công dân yêu cầu rút hồ sơ",
    Status.STOPPED: "Dừng xử lý",
    Status.RESULT_READY: "Đã xử lý xong",
    Status.RETURNED: "Đã trả kết quả",
}

OPEN_STATUSES = frozenset(
    {Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT_REQUESTED, Status.PAYMENT_REQUESTED}
)
FINISHED_STATUSES = frozenset(
    {Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RESULT_READY, Status.RETURNED}
)
PAUSED_STATUSES = frozenset({Status.SUPPLEMENT_REQUESTED, Status.PAYMENT_REQUESTED})


class Action(StrEnum):
    SUBMIT_ONLINE = "submit_online"
    RECEIVE = "receive"
    RECEIVE_INCOMPLETE = "receive_incomplete"
    ACCEPT = "accept"
    REFUSE = "refuse"
    REQUEST_SUPPLEMENT = "request_supplement"
    SUPPLEMENT_RECEIVED = "supplement_received"
    HAND_OVER = "hand_over"
    REQUEST_PAYMENT = "request_payment"
    PAYMENT_RECEIVED = "payment_received"
    WITHDRAW = "withdraw"
    STOP = "stop"
    RESULT_READY = "result_ready"
    RETURN = "return"
    APOLOGISE = "apologise"

    @property
    def label(self) -> str:
        return translate(ACTION_LABELS[self])


ACTION_LABELS: Mapping[Action, str] = {
    Action.SUBMIT_ONLINE: "nộp hồ sơ trực tuyến",
    Action.RECEIVE: "tiếp nhận hồ sơ",
    Action.RECEIVE_INCOMPLETE: "ghi nhận hồ sơ chưa đầy đủ",
    Action.ACCEPT: "tiếp nhận hồ sơ trực tuyến",
    Action.REFUSE: "từ chối tiếp nhận",
    Action.REQUEST_SUPPLEMENT: "yêu cầu bổ sung, hoàn thiện hồ sơ",
    Action.SUPPLEMENT_RECEIVED: "nhận hồ sơ bổ sung",
    Action.HAND_OVER: "bàn giao hồ sơ cho đơn vị xử lý",
    Action.REQUEST_PAYMENT: "yêu cầu thực hiện nghĩa vụ tài chính",
    Action.PAYMENT_RECEIVED: "ghi nhận đã thực hiện nghĩa vụ tài chính",
    Action.WITHDRAW: "rút hồ sơ",
    Action.STOP: "dừng giải quyết hồ sơ",
    Action.RESULT_READY: "ghi nhận đã có kết quả",
    Action.RETURN: "trả kết quả",
    Action.APOLOGISE: "xin lỗi và hẹn lại ngày trả kết quả",
}

_RESUME = "resume"  # back to the status the dossier had before its pause
_SAME = "same"  # the status does not change (an extension of the appointment)
Target = Status | str

# action -> {status before (None = no dossier yet): status after}
TRANSITIONS: Mapping[Action, Mapping[Status | None, Target]] = {
    Action.SUBMIT_ONLINE: {None: Status.SUBMITTED},
    Action.RECEIVE: {None: Status.RECEIVED},
    Action.RECEIVE_INCOMPLETE: {None: Status.SUPPLEMENT_REQUESTED},
    Action.ACCEPT: {Status.SUBMITTED: Status.RECEIVED},
    Action.REFUSE: {
        Status.SUBMITTED: Status.REFUSED,
        Status.SUPPLEMENT_REQUESTED: Status.REFUSED,
    },
    Action.REQUEST_SUPPLEMENT: {
        Status.SUBMITTED: Status.SUPPLEMENT_REQUESTED,
        Status.RECEIVED: Status.SUPPLEMENT_REQUESTED,
        Status.PROCESSING: Status.SUPPLEMENT_REQUESTED,
    },
    Action.SUPPLEMENT_RECEIVED: {Status.SUPPLEMENT_REQUESTED: _RESUME},
    Action.HAND_OVER: {Status.RECEIVED: Status.PROCESSING},
    Action.REQUEST_PAYMENT: {
        Status.RECEIVED: Status.PAYMENT_REQUESTED,
        Status.PROCESSING: Status.PAYMENT_REQUESTED,
    },
    Action.PAYMENT_RECEIVED: {Status.PAYMENT_REQUESTED: _RESUME},
    Action.WITHDRAW: {
        status: Status.WITHDRAWN for status in (Status.SUBMITTED, *sorted(OPEN_STATUSES))
    },
    Action.STOP: {status: Status.STOPPED for status in sorted(OPEN_STATUSES)},
    Action.RESULT_READY: {
        Status.RECEIVED: Status.RESULT_READY,
        Status.PROCESSING: Status.RESULT_READY,
    },
    Action.RETURN: {Status.RESULT_READY: Status.RETURNED},
    Action.APOLOGISE: {status: _SAME for status in sorted(OPEN_STATUSES)},
}

_SPECIFIC_REASONS: Mapping[tuple[Action, Status], str] = {
    (Action.RETURN, Status.RECEIVED): "Hồ sơ chưa có kết quả nên chưa thể trả kết quả.",
    (Action.RETURN, Status.PROCESSING): "Hồ sơ đang được xử lý, chưa có kết quả để trả.",
    (Action.RETURN, Status.RETURNED): "Kết quả của hồ sơ này đã được trả trước đó.",
    (Action.SUPPLEMENT_RECEIVED, Status.RECEIVED): "Hồ sơ không ở trạng thái chờ bổ sung.",
    (Action.APOLOGISE, Status.RESULT_READY): "Hồ sơ đã có kết quả; không cần hẹn lại ngày trả.",
}


def next_status(
    action: Action, current: Status | None, *, status_before_pause: Status | None = None
) -> Status:
    """The status after ``action``; raises IllegalTransition with the reason when illegal."""
    targets = TRANSITIONS[action]
    if current not in targets:
        raise _refusal(action, current)
    target = targets[current]
    if target == _SAME:
        assert current is not None
        return current
    if target == _RESUME:
        return status_before_pause or Status.RECEIVED
    assert isinstance(target, Status)
    return target


class PauseKind(StrEnum):
    """Why the clock stands still (R8): the citizen owes papers, or a financial obligation."""

    SUPPLEMENT = "supplement"
    PAYMENT = "payment"


PAUSE_KINDS: Mapping[Status, PauseKind] = {
    Status.SUPPLEMENT_REQUESTED: PauseKind.SUPPLEMENT,
    Status.PAYMENT_REQUESTED: PauseKind.PAYMENT,
}


@dataclass(frozen=True)
class TransitionEffects:
    """Everything one legal move does to a dossier's state, decided once for the desk, the
    desk's pull of the change feed and the server alike."""

    source: Status | None
    target: Status
    opens_pause: PauseKind | None
    """A pause of this kind starts at the move (the clock stops)."""
    closes_pause: bool
    """The open pause ends at the move (the clock runs again, or the dossier is finished)."""
    status_before_pause: Status | None
    """The value to keep after the move: where the dossier returns when its pause ends."""
    finishes: bool
    """The move reaches a finished status: the finish time is the move's time, if unset."""


def transition_effects(
    action: Action, current: Status | None, *, status_before_pause: Status | None = None
) -> TransitionEffects:
    """What ``action`` does to a dossier in ``current``; raises IllegalTransition when illegal."""
    target = next_status(action, current, status_before_pause=status_before_pause)
    was_paused = current in PAUSED_STATUSES
    now_paused = target in PAUSED_STATUSES
    opens = PAUSE_KINDS[target] if now_paused and not was_paused else None
    if opens is not None:
        keep = current
    elif now_paused:
        keep = status_before_pause
    else:
        keep = None
    return TransitionEffects(
        source=current,
        target=target,
        opens_pause=opens,
        closes_pause=was_paused and not now_paused,
        status_before_pause=keep,
        finishes=target in FINISHED_STATUSES,
    )


def allowed_actions(current: Status | None) -> list[Action]:
    return [action for action, targets in TRANSITIONS.items() if current in targets]


def _refusal(action: Action, current: Status | None) -> IllegalTransition:
    if current is None:
        return IllegalTransition(
            "Không thể {action}: hồ sơ chưa được tạo.", action=ACTION_LABELS[action]
        )
    specific = _SPECIFIC_REASONS.get((action, current))
    if specific:
        return IllegalTransition(specific)
    return IllegalTransition(
        'Không thể {action} đối với hồ sơ đang ở trạng thái "{status}".',
        action=ACTION_LABELS[action],
        status=STATUS_LABELS[current],
    )


# ---------------------------------------------------------------- audit chain

GENESIS_HASH = "0" * 64


def canonical_json(value: object) -> str:
    """Deterministic JSON: the bytes that are hashed must not depend on dict order."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class EventRecord:
    """What is hashed for one audit event (instants as ISO 8601 UTC strings)."""

    dossier_id: str
    seq: int
    at: str
    kind: str
    from_status: int | None
    to_status: int | None
    officer_id: int | None
    payload: str
    prev_hash: str

    def digest(self) -> str:
        body = canonical_json(
            [
                self.prev_hash,
                self.dossier_id,
                self.seq,
                self.at,
                self.kind,
                self.from_status,
                self.to_status,
                self.officer_id,
                self.payload,
            ]
        )
        return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


def verify_chain(events: Iterable[tuple[EventRecord, str]]) -> list[ChainBreak]:
    """Check (record, stored hash) pairs in seq order; returns every break found."""
    breaks: list[ChainBreak] = []
    expected_prev = GENESIS_HASH
    expected_seq = 1
    for record, stored_hash in events:
        if record.seq != expected_seq:
            breaks.append(ChainBreak(record.seq, f"missing event before seq {record.seq}"))
        if record.prev_hash != expected_prev:
            breaks.append(ChainBreak(record.seq, "prev_hash does not match previous event"))
        if record.digest() != stored_hash:
            breaks.append(ChainBreak(record.seq, "event content does not match its hash"))
        expected_prev = stored_hash
        expected_seq = record.seq + 1
    return breaks
