"""One sync timing policy: the loop `desk sync` and the TUI share, a per-command backoff with
jitter, and "sync now" that alone makes every command due."""

from __future__ import annotations

import json
import random
import threading
from datetime import timedelta

import httpx
from sqlmodel import select

from data.models import OutboxCommand, Setting
from desk.services.blobs import blob_dir_for
from desk.services.sync import ENROLMENT_KEY, SyncService
from sync.outbox import backoff_until
from sync.worker import Backoff, SyncLoop, backoff_seconds
from tests.conftest import FakeClock, citizen
from tests.helpers import receive
from tests.sync.conftest import DeskFactory

PING = {
    "protocol": "motcua-sync",
    "version": 1,
    "server_time": "2026-11-25T02:00:00Z",
    "data": {"desk_key": "k", "agency_code": "000.00.01.H99"},
}


def test_the_backoff_curve_has_jitter_and_never_comes_sooner_than_half_its_ceiling() -> None:
    rng = random.Random(7)
    for failures, ceiling in ((1, 5.0), (2, 10.0), (3, 20.0), (10, 900.0)):
        drawn = [backoff_seconds(failures, base=5.0, cap=900.0, rng=rng) for _ in range(50)]
        assert all(ceiling / 2 <= d <= ceiling for d in drawn)
        assert len(set(drawn)) > 1  # jitter: fifty desks do not knock at the same second


def test_each_command_keeps_its_own_jittered_backoff() -> None:
    now = FakeClock().now
    first = backoff_until(now, 3, rng=random.Random(1))
    second = backoff_until(now, 3, rng=random.Random(2))
    assert first != second
    low, high = now + timedelta(seconds=10), now + timedelta(seconds=20)
    assert all(low <= t <= high for t in (first, second))


def test_a_refused_then_offline_command_is_not_retried_before_its_backoff(
    make_desk: DeskFactory, clock: FakeClock
) -> None:
    desk = make_desk("quay-a", "0001-4999")
    receive(desk, owner=citizen(1))
    with desk.context.db.write() as session:
        value = {"server": "https://motcua.invalid", "bearer": "k.s", "ca_bundle": None}
        session.add(Setting(key=ENROLMENT_KEY, value=json.dumps(value)))
    pushes: list[str] = []
    link = {"up": True}

    def server(request: httpx.Request) -> httpx.Response:
        if not link["up"]:
            raise httpx.ConnectError("cut")
        if request.url.path.endswith("/ping"):
            return httpx.Response(200, json=PING)
        if request.url.path.endswith("/commands"):
            pushes.append(request.url.path)
            raise httpx.ConnectError("cut mid-push")  # refused by the link, then offline
        return httpx.Response(200, json={**PING, "data": {"changes": [], "cursor": 0}})

    sync = SyncService(
        desk.context, blob_dir_for(desk.context.db.engine), transport=httpx.MockTransport(server)
    )
    sync.sync_once(now_due=False)
    assert len(pushes) == 1
    link["up"] = False
    sync.sync_once(now_due=False)  # offline: nothing reaches the server
    with desk.context.db.read() as session:
        row = session.exec(select(OutboxCommand)).one()
    assert row.next_attempt_at is not None
    wait = row.next_attempt_at - clock.now

    link["up"] = True
    clock.advance(seconds=wait.total_seconds() / 2)
    sync.sync_once(now_due=False)  # the loop's round: the command is not due yet
    assert len(pushes) == 1, "retried before its backoff"

    sync.sync_once(now_due=True)  # "sync now": everything due
    assert len(pushes) == 2


def test_the_loop_backs_off_while_offline_and_sync_now_wakes_it_with_every_command_due() -> None:
    calls: list[bool] = []
    stop = threading.Event()
    woke = threading.Event()

    def step(due_now: bool) -> bool:
        calls.append(due_now)
        if due_now:
            stop.set()
            woke.set()
        return False  # offline: the loop waits its backoff

    loop = SyncLoop(step, poll_interval=3600, backoff=Backoff(base=3600, cap=3600))
    runner = threading.Thread(target=loop.run, args=(stop,))
    runner.start()
    loop.wake()
    assert woke.wait(10), calls
    runner.join(10)
    assert not runner.is_alive()
    assert calls == [False, True]  # the first round waits for backoffs; "sync now" does not
