"""Blocking work off the UI thread: saving, printing and exports run in thread workers that
post typed Messages back; every failure ends in the one error dialog. Mixed into DeskApp."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.app import App
from textual.screen import Screen

from desk.errors import DeskError
from desk.i18n import translate
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from screens.forms import form_title
from screens.messages import PrintFailed, PrintFinished, WorkFailed
from screens.widgets.dialogs import ConfirmDialog, ErrorDialog, unexpected

T = TypeVar("T")


class DeskWork(App[None]):
    services: DeskServices
    officer: OfficerView | None
    refresh_status: Callable[[], None]

    async def action_quit(self) -> None:
        """Ctrl+Q: an intake typed but not saved is not dropped without asking."""
        unsaved = any(getattr(s, "has_unsaved_input", lambda: False)() for s in self.screen_stack)
        if not unsaved or isinstance(self.screen, ConfirmDialog):
            self.exit()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(
            ConfirmDialog(
                translate("Thoát chương trình?"),
                translate("Hồ sơ đang tiếp nhận chưa được lưu. Thoát và bỏ hồ sơ đang nhập?"),
            ),
            answered,
        )

    def show_error(self, error: DeskError) -> None:
        self.push_screen(ErrorDialog(error))

    def on_work_failed(self, message: WorkFailed) -> None:
        self.show_error(message.error)
        self.refresh_status()

    def _tell_screens(self, message: PrintFinished | PrintFailed) -> None:
        for screen in self.screen_stack:
            handler = getattr(screen, "print_result", None)
            if callable(handler):
                handler(message)

    def on_print_finished(self, message: PrintFinished) -> None:
        self._tell_screens(message)
        self.notify(
            translate(
                "Đã in {form} của hồ sơ {code}.",
                {"form": form_title(message.form), "code": message.code},
            )
        )
        self.refresh_status()

    def on_print_failed(self, message: PrintFailed) -> None:
        self._tell_screens(message)
        self.show_error(message.error)
        self.refresh_status()

    def run_blocking(
        self,
        target: Screen[None] | App[None],
        work: Callable[[], T],
        done: Callable[[T], object],
        *,
        group: str = "desk",
    ) -> None:
        """Run ``work`` in a thread; post ``done(result)`` (a Message) or WorkFailed."""

        def job() -> None:
            try:
                result = work()
            except DeskError as error:
                target.post_message(WorkFailed(error))
                return
            except Exception as error:  # a bug: never a traceback at the counter
                target.post_message(WorkFailed(unexpected(error)))
                return
            message = done(result)
            if message is not None:
                target.post_message(message)  # type: ignore[arg-type]

        self.run_worker(job, thread=True, exit_on_error=False, group=group)

    def print_form(self, code: str, form: str) -> None:
        """Print ``form`` of ``code`` in a thread worker; failures keep the job for a reprint."""
        officer_id = self.officer.id if self.officer else None

        def job() -> None:
            try:
                printed = self.services.printing.print_form(code, form, officer_id=officer_id)
            except DeskError as error:
                self.post_message(PrintFailed(code, form, error))
                return
            except Exception as error:
                self.post_message(PrintFailed(code, form, unexpected(error)))
                return
            self.post_message(PrintFinished(code, form, printed))

        self.run_worker(job, thread=True, exit_on_error=False, group="print")
        self.refresh_status()
