"""Trả ngay on the intake screen: the "return at once" box on the fees step, shown only when the
office allows it and the chosen case is a same-day one; Ctrl+S then receives and returns in
one flow (no appointment slip: the Giấy biên nhận trả kết quả is printed instead)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Checkbox

from desk.domain.lifecycle import Action
from desk.i18n import translate
from desk.services.intake import ReceiveRequest
from screens.forms import form_for
from screens.messages import ReturnedAtOnce
from screens.widgets.tick_box import TickBox

if TYPE_CHECKING:
    from screens.intake import IntakeScreen


def immediate_box() -> Checkbox:
    box = TickBox(
        translate("Trả kết quả ngay (thủ tục giải quyết trong ngày, không in giấy hẹn)"),
        id="immediate",
    )
    box.display = False
    return box


def show_immediate(screen: IntakeScreen, case_key: str | None) -> None:
    """Offer trả ngay when the office allows it for this procedure's case."""
    procedure = screen.procedure
    allowed = procedure is not None and screen.desk.services.immediate.allowed(
        procedure.code, case_key
    )
    box = screen.query_one("#immediate", Checkbox)
    box.display = allowed
    if not allowed:
        box.value = False


def wants_immediate(screen: IntakeScreen) -> bool:
    box = screen.query_one("#immediate", Checkbox)
    return box.display and box.value


def receive_and_return(screen: IntakeScreen, request: ReceiveRequest) -> None:
    desk = screen.desk

    def work() -> str:
        done = desk.services.immediate.receive_and_return(request)
        screen.scan_failures = screen.scans.attach_all(desk, done.received.code)
        return done.received.code

    desk.run_blocking(screen, work, ReturnedAtOnce)


def returned_at_once(screen: IntakeScreen, message: ReturnedAtOnce) -> None:
    desk = screen.desk
    screen.notify(
        translate("Đã tiếp nhận và trả kết quả ngay hồ sơ {code}.", {"code": message.code})
    )
    form = form_for(Action.RETURN)
    if form is not None:
        desk.print_form(message.code, form)
    screen.dismiss(None)
    for failure in screen.scan_failures:
        desk.show_error(failure)
