"""The TUI's background sync, on the same policy as `desk sync` (sync.worker.SyncLoop): a
round in a thread worker, the next one after the loop's delay — the polling interval while the
server answers, a jittered backoff while it does not — and each command keeps its own backoff
(a round never makes commands due). "Đồng bộ ngay" (F11 or Ctrl+U) runs a round at once with every
command due. Rounds are timers, not a thread that never ends, so the app closes at once and
waiting for its workers means waiting for a round. Mixed into DeskApp."""

from __future__ import annotations

import logging
from collections.abc import Callable

from textual.app import App
from textual.timer import Timer

from desk.errors import DeskError
from desk.i18n import translate
from desk.services.container import DeskServices
from sync.worker import Backoff, SyncLoop

SYNC_SECONDS = 60.0
"""Between two rounds while the server answers; after a failure the loop's backoff decides."""
SYNC_BACKOFF_BASE = 5.0
SYNC_BACKOFF_CAP = 300.0
"""After failures in a row: 5 s, 10 s, 20 s … up to 5 minutes, each drawn with jitter."""
FIRST_ROUND_SECONDS = 5.0
"""The first round, once the desk is on screen (not before the login paints)."""
log = logging.getLogger(__name__)


class BackgroundSync(App[None]):
    services: DeskServices
    refresh_status: Callable[[], None]
    sync_loop: SyncLoop | None = None
    _sync_timer: Timer | None = None
    _sync_running: bool = False
    _sync_asked: bool = False
    """"Sync now" pressed during a round: another round, every command due, right after it."""

    def start_background_sync(self) -> None:
        backoff = Backoff(base=SYNC_BACKOFF_BASE, cap=SYNC_BACKOFF_CAP)
        self.sync_loop = SyncLoop(self.sync_step, poll_interval=SYNC_SECONDS, backoff=backoff)
        self._sync_timer = self.set_timer(FIRST_ROUND_SECONDS, self._next_round)

    def _next_round(self) -> None:
        self._start_round(due_now=False)

    def _start_round(self, *, due_now: bool) -> None:
        if self._sync_timer is not None:
            self._sync_timer.stop()
            self._sync_timer = None
        self._sync_running = True
        self.run_worker(
            lambda: self._round(due_now), thread=True, group="sync", exit_on_error=False
        )  # fmt: skip

    def _round(self, due_now: bool) -> None:
        enrolled = self.services.sync.status().enrolled
        online = self.sync_step(due_now) if enrolled else True
        self.call_from_thread(self._round_done, online, enrolled)

    def _round_done(self, online: bool, synced: bool) -> None:
        self._sync_running = False
        if synced:  # a desk with no server has nothing new to show
            self.refresh_status()
        if self._sync_asked:
            self._sync_asked = False
            self._start_round(due_now=True)
            return
        assert self.sync_loop is not None
        self._sync_timer = self.set_timer(self.sync_loop.next_delay(online), self._next_round)

    def sync_step(self, due_now: bool) -> bool:
        """One round (in a worker); True when the server was reached, or there is none."""
        if not self.services.sync.status().enrolled:
            return True  # nothing to send anywhere: wait the normal interval
        try:
            report = self.services.sync.sync_once(now_due=due_now)
        except DeskError:
            return False  # offline or refused shows in the status line, never a dialog
        except Exception as error:  # a bug or a locked database: logged, retried by the loop
            log.warning("background sync failed: %s", type(error).__name__)
            return False
        return report.online and report.error is None

    def action_sync_now(self) -> None:
        if self.sync_loop is None or not self.services.sync.status().enrolled:
            self.notify(translate("Máy chưa đăng ký với máy chủ: chưa có gì để đồng bộ."))
            return
        self.notify(translate("Đang đồng bộ với máy chủ…"))
        if self._sync_running:
            self._sync_asked = True
        else:
            self._start_round(due_now=True)
