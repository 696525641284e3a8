"""The dossier: find it (scan, code, ID number or name), see its timeline, components,
appointment and remaining working time, and act on it as the lifecycle allows."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from desk.devices.barcode import Scan, ScanKind
from desk.domain.lifecycle import Action, Status
from desk.domain.timefmt import short_local
from desk.errors import DeskError
from desk.i18n import translate
from desk.services.lookup import DossierDetail
from screens.action_flow import ask_and_record
from screens.component_scans import attach_now, open_scan, scan_event_text
from screens.dossier_actions import action_specs
from screens.forms import form_for
from screens.home import DeskScreen
from screens.keymap import key
from screens.messages import ActionDone, ScanAttached
from screens.numbers import number
from screens.sign_action import SIGN_BUTTON, offer_signing, open_signing


def remaining_text(detail: DossierDetail) -> str:
    left = detail.remaining_working_time
    if left is None:
        return translate("Không tính thời gian (tạm dừng hoặc đã xong).")
    hours = abs(left.total_seconds()) / 3600
    if left.total_seconds() < 0:
        return translate("QUÁ HẠN {hours} giờ làm việc.", {"hours": number(hours)})
    return translate("Còn {hours} giờ làm việc.", {"hours": number(hours)})


EVENT_LABELS: dict[str, str] = {
    "scan_attached": "gắn bản quét",
    "result_signed": "ký số kết quả",
    "citizen_notified": "thông báo cho công dân",
}
"""Events that are not lifecycle actions."""


def _event_label(kind: str) -> str:
    try:
        return Action(kind).label
    except ValueError:
        return translate(EVENT_LABELS[kind]) if kind in EVENT_LABELS else kind


class DossierScreen(DeskScreen):
    CSS_PATH = "dossier.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("reprint"), "reprint", translate("In lại giấy hẹn"), id="reprint"),
        Binding(key("back"), "back", translate("Quay lại"), id="back"),
        Binding(key("scan-component"), "scan_component", translate("Quét"), id="scan-component"),
    ]

    def __init__(self, code: str | None = None) -> None:
        super().__init__()
        self._initial = code
        self.detail: DossierDetail | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dossier"):
            yield Input(
                placeholder=translate("Quét giấy hẹn, gõ mã hồ sơ, số định danh hoặc họ tên"),
                id="dossier-search",
            )
            yield OptionList(id="dossier-results")
            yield Static("", id="dossier-header")
            yield Static("", id="dossier-due")
            yield Horizontal(id="actions")
            yield DataTable(id="components-table", cursor_type="row")
            yield DataTable(id="timeline", cursor_type="row")
        yield from self.compose_frame()

    def on_mount(self) -> None:
        self.query_one("#dossier-results").display = False
        table = self.query_one("#components-table", DataTable)
        table.add_columns(
            translate("Thành phần"),
            translate("Chính"),
            translate("C.thực"),
            translate("Photo"),
            translate("Đủ"),
        )
        timeline = self.query_one("#timeline", DataTable)
        timeline.add_columns(translate("Lúc"), translate("Việc"), translate("Trạng thái"))
        if self._initial:
            self.open(self._initial)
        else:
            self.query_one("#dossier-search", Input).focus()

    def accept_scan(self, scan: Scan) -> bool:
        if scan.kind is ScanKind.DOSSIER and scan.code is not None:
            self.open(scan.code)
            return True
        return False

    @on(Input.Submitted, "#dossier-search")
    def _search(self, event: Input.Submitted) -> None:
        results = self.query_one("#dossier-results", OptionList)
        try:
            found = self.desk.services.lookup.search(event.value)
        except DeskError as error:
            self.desk.show_error(error)
            return
        if len(found) == 1:
            self.open(found[0].code)
            return
        results.clear_options()
        for summary in found:
            label = f"{summary.code}  {summary.status.label}  {summary.owner_name}"
            results.add_option(Option(label, id=summary.code))
        if not found:
            results.add_option(Option(translate("Không tìm thấy hồ sơ nào."), disabled=True))
        results.display = True
        results.focus()

    @on(OptionList.OptionSelected, "#dossier-results")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.open(event.option.id)

    def open(self, code: str) -> None:
        try:
            self.detail = self.desk.services.lookup.by_code(code)
        except DeskError as error:
            self.desk.show_error(error)
            return
        self.query_one("#dossier-results").display = False
        self.call_after_refresh(self.show_detail)

    async def show_detail(self) -> None:
        detail = self.detail
        if detail is None:
            return
        s = detail.summary
        header = f"{s.code}  [{s.status.label}]\n{s.procedure_name}\n{s.owner_name}"
        self.query_one("#dossier-header", Static).update(header)
        due = translate("Hẹn trả: {at}", {"at": short_local(s.due_at)}) if s.due_at else ""
        if detail.extended_due_at and detail.original_due_at:
            first = short_local(detail.original_due_at)
            due += "  " + translate("(hẹn ban đầu {at})", {"at": first})
        due_widget = self.query_one("#dossier-due", Static)
        due_widget.update(f"{due}\n{remaining_text(detail)}")
        left = detail.remaining_working_time
        overdue = left is not None and left.total_seconds() < 0
        due_widget.set_class(overdue, "danger")
        table = self.query_one("#components-table", DataTable)
        table.clear()
        for c in detail.components:
            table.add_row(c.name, c.originals, c.certified, c.copies, "✔" if c.provided else "✘")
        timeline = self.query_one("#timeline", DataTable)
        timeline.clear()
        names = [c.name for c in detail.components]
        for event in detail.events:
            status = Status(event.to_status).label if event.to_status else ""
            label = _event_label(event.kind)
            if event.kind == "scan_attached":
                label = scan_event_text(event, names)
            timeline.add_row(short_local(event.at), label, status)
        actions = self.query_one("#actions", Horizontal)
        await actions.remove_children()
        specs = action_specs()
        buttons = [
            Button(action.label.capitalize(), id=f"act-{action.value}", compact=True)
            for action in detail.allowed_actions
            if action in specs or action is Action.RETURN
        ]
        buttons += offer_signing(self.desk, detail)
        await actions.mount_all(buttons)

    @on(Button.Pressed, "#actions Button")
    def _act(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        if event.button.id == SIGN_BUTTON:
            if self.detail is not None:
                open_signing(self, self.detail.summary.code, self.open)
            return
        self.act(Action(event.button.id.removeprefix("act-")))

    def act(self, action: Action) -> None:
        if self.detail is None:
            return
        code = self.detail.summary.code
        if action is Action.RETURN:
            from screens.returns import ReturnScreen

            self.app.push_screen(ReturnScreen(code=code))
            return
        ask_and_record(self, code, action)

    def on_action_done(self, message: ActionDone) -> None:
        self.notify(translate("Đã ghi nhận: {action}.", {"action": message.action.label}))
        form = form_for(message.action)
        if form is not None:
            self.desk.print_form(message.code, form)
        self.open(message.code)

    def action_scan_component(self) -> None:
        """Scan the papers of the component the cursor is on in the components table."""
        if self.detail is None or not self.detail.components:
            return
        table = self.query_one("#components-table", DataTable)
        number = min(table.cursor_row, len(self.detail.components) - 1) + 1
        code = self.detail.summary.code
        batch = self.desk.services.scanning.batch(number, self.detail.components[number - 1].name)
        open_scan(self, batch, lambda done: attach_now(self.desk, self, code, done))

    def on_scan_attached(self, message: ScanAttached) -> None:
        scan = message.scan
        self.notify(
            translate(
                "Đã gắn bản quét {pages} trang vào '{name}'.",
                {"pages": scan.pages, "name": scan.component_name},
            )
        )
        self.open(scan.code)

    def action_reprint(self) -> None:
        if self.detail is not None and self.detail.summary.due_at is not None:
            self.desk.print_form(self.detail.summary.code, "mau01")

    def action_back(self) -> None:
        self.dismiss(None)
