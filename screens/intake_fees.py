"""Intake's last step: fee, sets, delivery, notes, trả ngay, and the appointment before Ctrl+S
(the citizen hears the date before the officer commits; the receipt shows the same, computed
the same way)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from desk.domain.timefmt import long_local
from desk.errors import DeskError
from desk.i18n import translate
from screens.immediate import immediate_box, wants_immediate
from screens.widgets.components import ComponentsChecklist

if TYPE_CHECKING:
    from screens.intake import IntakeScreen


def fees_step() -> ComposeResult:
    yield Static("", id="fee")
    with Horizontal(classes="row"):
        yield Label(translate("Số bộ hồ sơ"))
        yield Input("1", id="sets", type="integer")
    with RadioSet(id="delivery"):
        yield RadioButton(
            translate("Nhận kết quả tại Bộ phận Một cửa"), value=True, id="delivery-desk"
        )
        yield RadioButton(translate("Nhận qua bưu chính công ích"), id="delivery-postal")
    with Horizontal(classes="row", id="postal-row"):
        yield Label(translate("Địa chỉ nhận"))
        yield Input(id="postal-address")
    with Horizontal(classes="row"):
        yield Label(translate("Ghi chú"))
        yield Input(id="notes")
    yield immediate_box()
    yield Static("", id="appointment-preview")
    yield Static(translate("Ctrl+S: tiếp nhận và in giấy hẹn"), classes="muted")


def show_appointment(screen: IntakeScreen) -> None:
    view = screen.query_one("#appointment-preview", Static)
    procedure = screen.procedure
    if procedure is None:
        view.update("")
        return
    if wants_immediate(screen):
        view.update(translate("Trả kết quả ngay: không có giấy hẹn."))
        return
    try:
        missing = screen.query_one(ComponentsChecklist).missing()
    except DeskError:  # a bad count: said at Ctrl+S, next to its field
        missing = []
    if missing:
        view.update(translate("Hồ sơ còn thiếu thành phần bắt buộc: chưa có ngày hẹn (in Mẫu 02)."))
        return
    try:
        due = screen.desk.services.intake.appointment_now(procedure.code, screen.case_key())
    except DeskError as error:
        view.update(error.message)
        return
    view.update(
        translate("Hẹn trả kết quả (nếu tiếp nhận bây giờ): {due}", {"due": long_local(due)})
    )
