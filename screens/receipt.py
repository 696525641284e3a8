"""After intake: the dossier code and the appointment shown large, and the printing of the
receipt (Mẫu 01) or, for an incomplete dossier, the request for papers (Mẫu 02)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Digits, Header, Static

from desk.domain.lifecycle import Action
from desk.domain.timefmt import long_local, to_local
from desk.i18n import translate
from desk.services.intake import ReceiveResult
from screens.forms import form_for, form_title
from screens.home import DeskScreen
from screens.keymap import key
from screens.messages import PrintFailed, PrintFinished


class ReceiptScreen(DeskScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("reprint"), "reprint", translate("In lại"), id="reprint"),
        Binding(key("back"), "back", translate("Xong"), id="back"),
    ]

    def __init__(self, result: ReceiveResult) -> None:
        super().__init__()
        self.result = result
        action = Action.RECEIVE_INCOMPLETE if result.missing else Action.RECEIVE
        self.form = form_for(action)

    def compose(self) -> ComposeResult:
        result = self.result
        yield Header()
        with Vertical(id="receipt"):
            yield Static(
                translate("Đã tiếp nhận hồ sơ {code}", {"code": result.code}),
                classes="section-title",
                id="receipt-code",
            )
            if result.due_at is not None:
                local = to_local(result.due_at)
                yield Static(translate("Hẹn trả kết quả:"), classes="section-title")
                yield Digits(local.strftime("%H:%M %d-%m-%Y"), id="appointment")
                yield Static(long_local(result.due_at))
            else:
                yield Static(
                    translate(
                        "Hồ sơ thiếu: {missing}. Hồ sơ chờ bổ sung; chưa có ngày hẹn.",
                        {"missing": "; ".join(result.missing)},
                    ),
                    classes="warning",
                )
            yield Static(translate("Mã tra cứu: {code}", {"code": result.lookup_code}))
            yield Static("", id="print-state")
        yield from self.compose_frame()

    def on_mount(self) -> None:
        self.action_reprint()

    def action_reprint(self) -> None:
        state = self.query_one("#print-state", Static)
        if self.form is None:
            state.update(translate("Mẫu in cho bước này chưa có; hồ sơ đã được lưu."))
            return
        state.update(translate("Đang in {form}…", {"form": form_title(self.form)}))
        self.desk.print_form(self.result.code, self.form)

    def print_result(self, message: PrintFinished | PrintFailed) -> None:
        if message.code != self.result.code:
            return
        state = self.query_one("#print-state", Static)
        if isinstance(message, PrintFinished):
            state.update(
                translate(
                    "Đã in {form} (lệnh in số {job}).",
                    {"form": form_title(message.form), "job": message.job.id},
                )
            )
            return
        state.update(
            translate(
                "Chưa in được {form}; hồ sơ đã được lưu. Ctrl+R để in lại.",
                {"form": form_title(message.form)},
            )
        )

    def action_back(self) -> None:
        self.dismiss(None)
