"""The status table (national codes 1–10), its refusals, and the audit hash chain."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import pytest

from desk.domain.lifecycle import (
    ACTION_LABELS,
    FINISHED_STATUSES,
    GENESIS_HASH,
    OPEN_STATUSES,
    PAUSED_STATUSES,
    STATUS_LABELS,
    Action,
    EventRecord,
    Status,
    allowed_actions,
    canonical_json,
    next_status,
    verify_chain,
)
from desk.errors import IllegalTransition

S = Status
RESUME = "resume"
SAME = "same"
OPEN = (S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.PAYMENT_REQUESTED)

# The documented table, written out independently of TRANSITIONS.
EXPECTED: Mapping[Action, Mapping[Status | None, Status | str]] = {
    Action.SUBMIT_ONLINE: {None: S.SUBMITTED},
    Action.RECEIVE: {None: S.RECEIVED},
    Action.RECEIVE_INCOMPLETE: {None: S.SUPPLEMENT_REQUESTED},
    Action.ACCEPT: {S.SUBMITTED: S.RECEIVED},
    Action.REFUSE: {S.SUBMITTED: S.REFUSED, S.SUPPLEMENT_REQUESTED: S.REFUSED},
    Action.REQUEST_SUPPLEMENT: {
        S.SUBMITTED: S.SUPPLEMENT_REQUESTED,
        S.RECEIVED: S.SUPPLEMENT_REQUESTED,
        S.PROCESSING: S.SUPPLEMENT_REQUESTED,
    },
    Action.SUPPLEMENT_RECEIVED: {S.SUPPLEMENT_REQUESTED: RESUME},
    Action.HAND_OVER: {S.RECEIVED: S.PROCESSING},
    Action.REQUEST_PAYMENT: {S.RECEIVED: S.PAYMENT_REQUESTED, S.PROCESSING: S.PAYMENT_REQUESTED},
    Action.PAYMENT_RECEIVED: {S.PAYMENT_REQUESTED: RESUME},
    Action.WITHDRAW: {s: S.WITHDRAWN for s in (S.SUBMITTED, *OPEN)},
    Action.STOP: dict.fromkeys(OPEN, S.STOPPED),
    Action.RESULT_READY: {S.RECEIVED: S.RESULT_READY, S.PROCESSING: S.RESULT_READY},
    Action.RETURN: {S.RESULT_READY: S.RETURNED},
    Action.APOLOGISE: dict.fromkeys(OPEN, SAME),
}
ALL_STATES: list[Status | None] = [None, *Status]
CASES = [(action, state) for action in Action for state in ALL_STATES]


def test_every_action_is_in_the_expected_table() -> None:
    assert set(EXPECTED) == set(Action)


@pytest.mark.parametrize(("action", "state"), CASES, ids=lambda v: str(getattr(v, "name", v)))
def test_transition_table(action: Action, state: Status | None) -> None:
    expected = EXPECTED[action].get(state)
    if expected is None:
        with pytest.raises(IllegalTransition) as raised:
            next_status(action, state)
        assert str(raised.value)  # a reason, in Vietnamese
        assert raised.value.title == "Không thực hiện được thao tác"
        assert action not in allowed_actions(state)
        return
    if expected == SAME:
        assert next_status(action, state) is state
    elif expected == RESUME:
        assert next_status(action, state) is S.RECEIVED  # nothing recorded: back to 2
        assert next_status(action, state, status_before_pause=S.PROCESSING) is S.PROCESSING
    else:
        assert next_status(action, state) is expected
    assert action in allowed_actions(state)


@pytest.mark.parametrize("state", ALL_STATES)
def test_allowed_actions_match_next_status(state: Status | None) -> None:
    legal = []
    for action in Action:
        try:
            next_status(action, state)
        except IllegalTransition:
            continue
        legal.append(action)
    assert allowed_actions(state) == legal


def test_final_statuses_allow_nothing() -> None:
    for state in (S.REFUSED, S.WITHDRAWN, S.STOPPED, S.RETURNED):
        assert allowed_actions(state) == []
    assert allowed_actions(S.RESULT_READY) == [Action.RETURN]


def test_status_groups() -> None:
    assert frozenset(OPEN) == OPEN_STATUSES
    assert {S.SUPPLEMENT_REQUESTED, S.PAYMENT_REQUESTED} == PAUSED_STATUSES
    assert PAUSED_STATUSES <= OPEN_STATUSES
    assert OPEN_STATUSES.isdisjoint(FINISHED_STATUSES)
    assert OPEN_STATUSES | FINISHED_STATUSES | {S.SUBMITTED} == set(Status)
    assert [int(s) for s in Status] == list(range(1, 11))


def test_labels_are_vietnamese_and_complete() -> None:
    assert set(STATUS_LABELS) == set(Status)
    assert set(ACTION_LABELS) == set(Action)
    assert S.RETURNED.label == "Đã trả kết quả"
    assert S.SUPPLEMENT_REQUESTED.label == "Yêu cầu bổ sung giấy tờ"
    assert Action.HAND_OVER.label == "bàn giao hồ sơ cho đơn vị xử lý"


@pytest.mark.parametrize(
    ("action", "state", "message"),
    [
        (Action.RETURN, S.RECEIVED, "Hồ sơ chưa có kết quả nên chưa thể trả kết quả."),
        (Action.RETURN, S.PROCESSING, "Hồ sơ đang được xử lý, chưa có kết quả để trả."),
        (Action.RETURN, S.RETURNED, "Kết quả của hồ sơ này đã được trả trước đó."),
        (Action.SUPPLEMENT_RECEIVED, S.RECEIVED, "Hồ sơ không ở trạng thái chờ bổ sung."),
        (Action.APOLOGISE, S.RESULT_READY, "Hồ sơ đã có kết quả; không cần hẹn lại ngày trả."),
        (
            Action.HAND_OVER,
            S.RESULT_READY,
            'Không thể bàn giao hồ sơ cho đơn vị xử lý đối với hồ sơ đang ở trạng thái "Đã xử lý '
            'xong".',
        ),
        (
            Action.REFUSE,
            S.PROCESSING,
            'Không thể từ chối tiếp nhận đối với hồ sơ đang ở trạng thái "Đang xử lý".',
        ),
        (Action.HAND_OVER, None, "Không thể bàn giao hồ sơ cho đơn vị xử lý: hồ sơ chưa được tạo."),
        (Action.RECEIVE, S.RECEIVED, "tiếp nhận hồ sơ"),
    ],
)
def test_refusal_reasons(action: Action, state: Status | None, message: str) -> None:
    with pytest.raises(IllegalTransition) as raised:
        next_status(action, state)
    assert message in str(raised.value)


# ------------------------------------------------------------------ audit chain


def chain(length: int, dossier_id: str = "dossier-1") -> list[tuple[EventRecord, str]]:
    """A valid chain of ``length`` events with their stored hashes."""
    events: list[tuple[EventRecord, str]] = []
    previous = GENESIS_HASH
    for seq in range(1, length + 1):
        record = EventRecord(
            dossier_id=dossier_id,
            seq=seq,
            at=f"2026-11-25T0{seq}:00:00.000000+00:00",
            kind="receive" if seq == 1 else "hand_over",
            from_status=None if seq == 1 else 2,
            to_status=2 if seq == 1 else 4,
            officer_id=None,
            payload=canonical_json({"code": "000.00.01.H99-261125-0001", "n": seq}),
            prev_hash=previous,
        )
        previous = record.digest()
        events.append((record, previous))
    return events


def test_a_valid_chain_has_no_breaks() -> None:
    assert verify_chain(chain(4)) == []
    assert verify_chain([]) == []


def test_digest_is_deterministic_and_covers_every_field() -> None:
    record, stored = chain(1)[0]
    assert record.digest() == stored
    assert len(stored) == 64
    changes: list[tuple[str, Any]] = [
        ("dossier_id", "dossier-2"),
        ("seq", 2),
        ("at", "2026-11-25T01:00:00.000001+00:00"),
        ("kind", "refuse"),
        ("from_status", 1),
        ("to_status", 3),
        ("officer_id", 7),
        ("payload", "{}"),
        ("prev_hash", "f" * 64),
    ]
    for name, value in changes:
        assert dataclasses.replace(record, **{name: value}).digest() != stored, name


def test_tampered_payload_is_detected() -> None:
    events = chain(3)
    record, stored = events[1]
    events[1] = (dataclasses.replace(record, payload='{"code":"sua"}'), stored)
    breaks = verify_chain(events)
    assert [(b.seq, b.reason) for b in breaks] == [(2, "event content does not match its hash")]


def test_rewritten_hash_breaks_the_next_link() -> None:
    events = chain(3)
    record, _ = events[1]
    forged = dataclasses.replace(record, payload='{"code":"sua"}')
    events[1] = (forged, forged.digest())  # the forger recomputes this event's hash …
    breaks = verify_chain(events)
    assert [(b.seq, b.reason) for b in breaks] == [
        (3, "prev_hash does not match previous event")  # … but the next one still points back
    ]


def test_missing_event_is_detected() -> None:
    events = chain(4)
    del events[1]
    reasons = {(b.seq, b.reason) for b in verify_chain(events)}
    assert (3, "missing event before seq 3") in reasons
    assert (3, "prev_hash does not match previous event") in reasons


def test_missing_first_event_is_detected() -> None:
    events = chain(2)[1:]
    reasons = {(b.seq, b.reason) for b in verify_chain(events)}
    assert (2, "missing event before seq 2") in reasons
    assert (2, "prev_hash does not match previous event") in reasons


def test_reordered_events_are_detected() -> None:
    events = chain(3)
    events[1], events[2] = events[2], events[1]
    breaks = verify_chain(events)
    assert {b.seq for b in breaks} == {2, 3}
    assert any(b.reason.startswith("missing event") for b in breaks)
    assert any(b.reason.startswith("prev_hash") for b in breaks)


def test_events_of_another_dossier_do_not_fit() -> None:
    ours, theirs = chain(2, "dossier-1"), chain(2, "dossier-2")
    breaks = verify_chain([ours[0], theirs[1]])
    assert [b.seq for b in breaks] == [2]


def test_canonical_json_is_order_independent() -> None:
    assert canonical_json({"b": 1, "a": "Đ"}) == canonical_json({"a": "Đ", "b": 1})
    assert canonical_json({"b": 1, "a": "Đ"}) == '{"a":"Đ","b":1}'
