"""Return (trả kết quả): the collector's CCCD is checked against the chủ hồ sơ (or an
authorisation is recorded), the fee, the citizen's rating, and the return receipt printed."""

from __future__ import annotations

from typing import ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import (
    Button,
    Checkbox,
    Header,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Static,
)

from desk.devices.barcode import Scan, ScanKind
from desk.domain.lifecycle import FINISHED_STATUSES, Action, Status
from desk.domain.timefmt import to_local
from desk.errors import DeskError, InvalidInput
from desk.i18n import translate
from desk.services.lookup import DossierDetail
from desk.services.returns import RATING_LABELS, Rating, ReturnRequest
from screens.action_flow import ask_and_record
from screens.forms import form_for
from screens.home import DeskScreen
from screens.keymap import key
from screens.messages import ActionDone
from screens.sign_action import print_signed, signed_note
from screens.widgets.person_form import PersonForm
from screens.widgets.tick_box import TickBox


def is_overdue(detail: DossierDetail) -> bool:
    """Past the appointment: still open with working time below zero, or finished after it."""
    due = detail.summary.due_at
    if due is None:
        return False
    if detail.finished_at is not None:
        return detail.finished_at > due
    left = detail.remaining_working_time
    return left is not None and left.total_seconds() < 0


def state_line(detail: DossierDetail) -> str:
    """One sentence on whether the result can be returned now (never two that disagree)."""
    status = detail.summary.status
    if status is Status.RESULT_READY:
        return translate("Có kết quả chờ trả.")
    if status is Status.RETURNED and detail.returned_at is not None:
        when = to_local(detail.returned_at).strftime("%H:%M %d/%m/%Y")
        return translate("Hồ sơ đã trả kết quả lúc {when}.", {"when": when})
    return translate(
        "Hồ sơ đang ở trạng thái “{status}”: chưa có kết quả chờ trả.", {"status": status.label}
    )


class ReturnScreen(DeskScreen):
    CSS_PATH = "returns.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("submit"), "submit", translate("Trả kết quả"), id="submit", priority=True),
        Binding(key("apologise"), "apologise", translate("Xin lỗi, hẹn lại"), id="apologise"),
        Binding(key("back"), "back", translate("Quay lại"), id="back"),
    ]

    def __init__(self, code: str | None = None) -> None:
        super().__init__()
        self._initial = code
        self.detail: DossierDetail | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="return"):
            yield Input(placeholder=translate("Quét giấy hẹn hoặc gõ mã hồ sơ"), id="return-code")
            yield Static("", id="return-dossier")
            yield Static("", id="return-signed")
            with Horizontal(id="overdue-row"):
                yield Static("", id="overdue-note")
                yield Button(translate("Xin lỗi, hẹn lại (Mẫu 04)"), id="return-apologise")
            yield TickBox(translate("Chủ hồ sơ trực tiếp nhận"), value=True, id="owner-collects")
            yield Static(
                translate("Người nhận thay — quét CCCD của người nhận"),
                classes="section-title",
                id="collector-title",
            )
            yield PersonForm("collector", "người nhận kết quả", with_kind=False)
            yield Static("", id="collector-check")
            with Horizontal(classes="row"):
                yield Label(translate("Giấy ủy quyền"))
                yield Input(id="authorisation")
            with Horizontal(classes="row"):
                yield Label(translate("Phí đã thu (đ)"))
                yield Input(id="fee", type="integer")
            yield Static(translate("Mức độ hài lòng"), classes="section-title")
            with RadioSet(id="rating"):
                for value, label in RATING_LABELS.items():
                    yield RadioButton(translate(label), id=f"rating-{value}")
            yield Static(translate("Ctrl+S: trả kết quả và in biên nhận"), classes="muted")
        yield from self.compose_frame()

    def on_mount(self) -> None:
        self._show_collector(False)
        self.query_one("#overdue-row").display = False
        if self._initial:
            self.load(self._initial)
        else:
            self.query_one("#return-code", Input).focus()

    def _show_collector(self, shown: bool) -> None:
        for selector in ("#collector-title", "#collector-form", "#collector-check"):
            self.query_one(selector).display = shown

    @on(Checkbox.Changed, "#owner-collects")
    def _toggle(self, event: Checkbox.Changed) -> None:
        self._show_collector(not event.value)

    @on(Input.Submitted, "#return-code")
    def _code(self, event: Input.Submitted) -> None:
        self.load(event.value)

    def load(self, code: str) -> None:
        try:
            detail = self.desk.services.lookup.by_code(code)
        except DeskError as error:
            self.desk.show_error(error)
            return
        self.detail = detail
        s = detail.summary
        self.query_one("#return-code", Input).value = s.code
        widget = self.query_one("#return-dossier", Static)
        widget.update(f"{s.code}\n{s.procedure_name} — {s.owner_name}\n{state_line(detail)}")
        widget.set_class(s.status is not Status.RESULT_READY, "warning")
        self.query_one("#return-signed", Static).update(signed_note(self.desk, s.code))
        self.query_one("#fee", Input).value = str(detail.fee_amount)
        self._show_overdue(detail)

    def _show_overdue(self, detail: DossierDetail) -> None:
        """Overdue and still open: offer Mẫu 04 with a new date. Overdue but the result is
        ready: the lifecycle allows no apology any more, so say so instead of a dead button."""
        status = detail.summary.status
        still_open = status not in FINISHED_STATUSES or status is Status.RESULT_READY
        can_apologise = self._can_apologise()
        overdue = is_overdue(detail)
        self.query_one("#overdue-row").display = can_apologise or (overdue and still_open)
        self.query_one("#return-apologise").display = can_apologise
        if can_apologise and not overdue:
            note = translate(
                "Hồ sơ sắp đến hạn mà chưa có kết quả: lập văn bản xin lỗi và hẹn lại ngày trả "
                "kết quả (Mẫu 04) — F10."
            )
        elif can_apologise:
            note = translate(
                "Hồ sơ đã quá hạn: lập văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) — F10."
            )
        elif status is Status.RESULT_READY:
            note = translate(
                "Hồ sơ có kết quả sau ngày hẹn. Không lập văn bản xin lỗi (Mẫu 04) khi đã có "
                "kết quả: trả kết quả như bình thường, báo cáo ghi nhận hồ sơ trễ hạn."
            )
        else:
            note = translate(
                "Hồ sơ đã quá hạn và đã hết số lần được hẹn lại; báo lãnh đạo để xử lý."
            )
        self.query_one("#overdue-note", Static).update(note)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "apologise":
            return self._can_apologise()
        return True

    def _can_apologise(self) -> bool:
        detail = self.detail
        return detail is not None and Action.APOLOGISE in detail.allowed_actions

    @on(Button.Pressed, "#return-apologise")
    def action_apologise(self) -> None:
        if self.detail is not None and self._can_apologise():
            ask_and_record(self, self.detail.summary.code, Action.APOLOGISE)

    def accept_scan(self, scan: Scan) -> bool:
        if scan.kind is ScanKind.DOSSIER and scan.code is not None:
            self.load(scan.code)
            return True
        if scan.kind is ScanKind.CITIZEN and scan.citizen is not None:
            owner_id = self.detail.owner.get("id_number") if self.detail else None
            is_owner = scan.citizen.id_number == owner_id
            self.query_one("#owner-collects", Checkbox).value = is_owner
            self._show_collector(not is_owner)
            if not is_owner:
                self.query_one("#collector-form", PersonForm).fill(scan.citizen)
            check = self.query_one("#collector-check", Static)
            check.update(
                translate("Khớp với chủ hồ sơ.")
                if is_owner
                else translate("Không phải chủ hồ sơ: cần ghi giấy ủy quyền.")
            )
            if not is_owner:
                self.query_one("#authorisation", Input).focus()
            return True
        return False

    def request(self) -> ReturnRequest:
        if self.detail is None:
            raise InvalidInput("Chưa nhập mã hồ sơ.")
        collector = None
        if not self.query_one("#owner-collects", Checkbox).value:
            collector = self.query_one("#collector-form", PersonForm).person()
        fee_text = self.query_one("#fee", Input).value.strip()
        if fee_text and not fee_text.isdigit():
            raise InvalidInput("Số tiền phí, lệ phí đã thu không được âm.")
        pressed = self.query_one("#rating", RadioSet).pressed_button
        rating = (
            cast(Rating, pressed.id.removeprefix("rating-")) if pressed and pressed.id else None
        )
        officer = self.desk.officer
        return ReturnRequest(
            code=self.detail.summary.code,
            collector=collector,
            authorisation=self.query_one("#authorisation", Input).value or None,
            fee_collected=int(fee_text) if fee_text else None,
            rating=rating,
            officer_id=officer.id if officer else None,
        )

    def action_submit(self) -> None:
        try:
            request = self.request()
        except DeskError as error:
            self.desk.show_error(error)
            return
        self.desk.run_blocking(
            self,
            lambda: self.desk.services.returns.return_result(request),
            lambda status: ActionDone(request.code, Action.RETURN, status),
        )

    def on_action_done(self, message: ActionDone) -> None:
        if message.action is Action.RETURN:
            self.notify(translate("Đã trả kết quả hồ sơ {code}.", {"code": message.code}))
            print_signed(self.desk, self, message.code)
        else:
            self.notify(translate("Đã ghi nhận: {action}.", {"action": message.action.label}))
        form = form_for(message.action)
        if form is not None:
            self.desk.print_form(message.code, form)
        self.load(message.code)

    def action_back(self) -> None:
        self.dismiss(None)
