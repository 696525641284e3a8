"""Intake (tiếp nhận): applicant → procedure → components → fees and delivery → confirm."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import (
    Checkbox,
    Header,
    Input,
    RadioButton,
    RadioSet,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from desk.devices.barcode import Scan, ScanKind
from desk.domain.citizen_id import CitizenId
from desk.domain.money import money
from desk.errors import DeskError, InvalidInput
from desk.i18n import translate
from desk.services.catalog import ProcedureView
from desk.services.intake import ReceiveRequest, ReceiveResult
from screens.component_scans import IntakeScans, open_scan
from screens.home import DeskScreen
from screens.immediate import (
    receive_and_return,
    returned_at_once,
    show_immediate,
    wants_immediate,
)
from screens.intake_fees import fees_step, show_appointment
from screens.keymap import key
from screens.messages import DossierReceived, ReturnedAtOnce
from screens.widgets.components import ComponentRow, ComponentsChecklist
from screens.widgets.dialogs import ConfirmDialog
from screens.widgets.person_form import PersonForm
from screens.widgets.procedure_picker import ProcedurePicker
from screens.widgets.tick_box import TickBox

STEPS = ("step-applicant", "step-procedure", "step-components", "step-fees")
FIRST_FIELDS = {
    "step-applicant": "#owner-full-name",
    "step-procedure": "#procedure-search",
    "step-components": "ComponentsChecklist Checkbox",
    "step-fees": "#sets",
}
"""Where the cursor goes when a step opens (no procedure chosen yet: no checkbox, it stays)."""

NEW, FIND, RETURN = translate("Tiếp nhận"), translate("Tìm hồ sơ"), translate("Trả KQ")


class IntakeScreen(DeskScreen):
    CSS_PATH = "intake.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("intake-next"), "step(1)", translate("Bước sau"), id="intake-next"),
        Binding(key("intake-previous"), "step(-1)", translate("Bước trước"), id="intake-previous"),
        Binding(key("submit"), "submit", translate("Tiếp nhận"), id="submit", priority=True),
        Binding(key("back"), "back", translate("Quay lại"), id="back"),
        Binding(
            key("scan-component"),
            "scan_component",
            translate("Quét"),
            id="scan-component",
            show=False,  # said on the components step, where it applies
        ),
        # The desk's F2/F3/F4 still work here but leave the footer to the intake's own keys:
        # at 80 columns they were cut ("f4 T"), and F2 "Tiếp nhận" beside Ctrl+S "Tiếp nhận"
        # read as two ways to commit. F1 lists them.
        Binding(key("new-intake"), "app.intake", NEW, id="new-intake", show=False),
        Binding(key("find-dossier"), "app.find", FIND, id="find-dossier", show=False),
        Binding(key("return-result"), "app.return_result", RETURN, id="return-result", show=False),
    ]

    def __init__(self, citizen: CitizenId | None = None) -> None:
        super().__init__()
        self._citizen = citizen
        self.procedure: ProcedureView | None = None
        self.scans = IntakeScans()
        self.scan_failures: list[DeskError] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="intake-steps"):
            with TabPane(translate("1 Người nộp"), id="step-applicant"), VerticalScroll():
                yield Static(
                    translate("Chủ hồ sơ — quét mã QR trên CCCD hoặc nhập tay"),
                    classes="section-title",
                )
                yield PersonForm("owner", "chủ hồ sơ")
                yield TickBox(translate("Người nộp khác chủ hồ sơ"), id="separate-submitter")
                yield PersonForm("submitter", "người nộp hồ sơ", with_kind=False)
            with TabPane(translate("2 Thủ tục"), id="step-procedure"), VerticalScroll():
                yield ProcedurePicker()
                yield Static("", id="procedure-chosen")
                yield Select[str]([], prompt=translate("Trường hợp"), id="procedure-case")
            with TabPane(translate("3 Thành phần"), id="step-components"), VerticalScroll():
                yield ComponentsChecklist(id="components")
                yield Static(
                    translate("F5: quét giấy tờ của thành phần đang chọn"), classes="muted"
                )
                yield Static("", id="component-scans")
            with TabPane(translate("4 Phí, nhận KQ"), id="step-fees"), VerticalScroll():
                yield from fees_step()
        yield from self.compose_frame()

    def on_mount(self) -> None:
        self.query_one("#submitter-form").display = False
        self.query_one("#postal-row").display = False
        if self._citizen is None:
            self.query_one("#owner-full-name", Input).focus()
            return
        owner = self.query_one("#owner-form", PersonForm)
        owner.fill(self._citizen)
        owner.focus_first_empty()

    def has_unsaved_input(self) -> bool:
        """Something typed or scanned that Ctrl+Q would lose."""
        owner = self.query_one("#owner-form", PersonForm)
        return self.procedure is not None or not owner.has_no_values()

    # ----------------------------------------------------------------------- scanning

    def accept_scan(self, scan: Scan) -> bool:
        if scan.kind is not ScanKind.CITIZEN or scan.citizen is None:
            return False
        submitter = self.query_one("#submitter-form", PersonForm)
        target = submitter if submitter.display and submitter.has_focus_within else None
        form = target or self.query_one("#owner-form", PersonForm)
        form.fill(scan.citizen)
        self.query_one(TabbedContent).active = "step-applicant"
        self.call_after_refresh(form.focus_first_empty)
        return True

    def action_scan_component(self) -> None:
        """Scan the papers of the component the cursor is on (the first one otherwise)."""
        if self.query_one(TabbedContent).active != "step-components":
            self.open_step("step-components")
            return
        rows = list(self.query(ComponentRow))
        if not rows:
            self.desk.show_error(InvalidInput("Chưa chọn thủ tục: tìm và chọn thủ tục ở bước 2."))
            return
        row = next((r for r in rows if r.has_focus_within), rows[0])
        number = rows.index(row) + 1
        batch = self.scans.batches.get(number) or self.desk.services.scanning.batch(
            number, row.spec.name
        )
        view = self.query_one("#component-scans", Static)
        open_scan(self, batch, lambda done: self.scans.keep(done, view))

    @on(RadioSet.Changed, "#delivery")
    def _toggle_postal(self) -> None:
        """The address is asked for only when the result goes by post."""
        postal = self.query_one("#delivery-postal", RadioButton).value
        self.query_one("#postal-row").display = postal
        if postal:
            self.query_one("#postal-address", Input).focus()

    @on(TabbedContent.TabActivated)
    @on(Checkbox.Changed, "#immediate")
    def _appointment(self) -> None:
        if self.query_one(TabbedContent).active == "step-fees":
            show_appointment(self)

    @on(Checkbox.Changed, "#separate-submitter")
    def _toggle_submitter(self, event: Checkbox.Changed) -> None:
        self.query_one("#submitter-form").display = event.value

    # ---------------------------------------------------------------------- procedure

    @on(ProcedurePicker.Chosen)
    async def _choose(self, event: ProcedurePicker.Chosen) -> None:
        await self.choose_procedure(event.code)

    async def choose_procedure(self, code: str) -> None:
        view = self.desk.services.catalog.get(code)
        self.procedure = view
        self.query_one("#procedure-chosen", Static).update(f"✔ {view.code} — {view.name}")
        cases = self.query_one("#procedure-case", Select)
        cases.set_options([(case.name, case.key) for case in view.cases])
        cases.value = view.cases[0].key
        await self.query_one(ComponentsChecklist).show(view.components)
        self._show_fee()
        self.open_step("step-components")

    @on(Select.Changed, "#procedure-case")
    def _show_fee(self) -> None:
        if self.procedure is None:
            return
        case = self.procedure.case(self.case_key())
        show_immediate(self, case.key)
        text = translate("Phí, lệ phí: {fee}", {"fee": money(case.fee)})
        self.query_one("#fee", Static).update(
            text + (f" ({case.fee_note})" if case.fee_note else "")
        )

    def case_key(self) -> str | None:
        value = self.query_one("#procedure-case", Select).value
        return value if isinstance(value, str) else None

    # ------------------------------------------------------------------------ submit

    def action_step(self, delta: int) -> None:
        tabs = self.query_one(TabbedContent)
        index = STEPS.index(tabs.active) if tabs.active in STEPS else 0
        self.open_step(STEPS[max(0, min(len(STEPS) - 1, index + delta))])

    def open_step(self, step: str) -> None:
        """Keyboard first: the step opens with the cursor in its first field."""
        self.query_one(TabbedContent).active = step

        def focus_first() -> None:
            found = self.query_one(f"#{step}").query(FIRST_FIELDS[step])
            if found:
                found.first().focus()

        self.call_after_refresh(focus_first)

    def action_back(self) -> None:
        self.dismiss(None)

    def request(self, *, allow_incomplete: bool = False) -> ReceiveRequest:
        """The intake as typed, validated field by field (InvalidInput names the field)."""
        owner = self.query_one("#owner-form", PersonForm).person()
        submitter = None
        if self.query_one("#separate-submitter", Checkbox).value:
            submitter = self.query_one("#submitter-form", PersonForm).person()
        if self.procedure is None:
            raise InvalidInput("Chưa chọn thủ tục: tìm và chọn thủ tục ở bước 2.")
        sets = self.query_one("#sets", Input).value.strip() or "1"
        if not sets.isdigit():
            raise InvalidInput("Số bộ hồ sơ phải từ 1 đến 99.")
        postal = self.query_one("#delivery-postal", RadioButton).value
        officer = self.desk.officer
        return ReceiveRequest(
            procedure_code=self.procedure.code,
            owner=owner,
            submitter=submitter,
            components=self.query_one(ComponentsChecklist).values(),
            case_key=self.case_key(),
            delivery="postal" if postal else "desk",
            delivery_address=self.query_one("#postal-address", Input).value or None,
            sets_count=int(sets),
            notes=self.query_one("#notes", Input).value or None,
            officer_id=officer.id if officer else None,
            allow_incomplete=allow_incomplete,
        )

    def action_submit(self) -> None:
        try:
            self.request()
            missing = self.query_one(ComponentsChecklist).missing()
        except DeskError as error:
            self.desk.show_error(error)
            return
        if not missing:
            self._receive(allow_incomplete=False)
            return
        message = translate(
            "Hồ sơ còn thiếu: {missing}. Ghi nhận hồ sơ chưa đầy đủ và in Phiếu yêu cầu bổ sung, "
            "hoàn thiện hồ sơ (Mẫu 02) thay cho Giấy tiếp nhận?",
            {"missing": "; ".join(missing)},
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._receive(allow_incomplete=True)

        self.app.push_screen(ConfirmDialog(translate("Hồ sơ chưa đầy đủ"), message), answered)

    def _receive(self, *, allow_incomplete: bool) -> None:
        try:
            request = self.request(allow_incomplete=allow_incomplete)
        except DeskError as error:
            self.desk.show_error(error)
            return
        if wants_immediate(self):
            receive_and_return(self, request)
            return

        def work() -> ReceiveResult:
            result = self.desk.services.intake.receive(request)
            self.scan_failures = self.scans.attach_all(self.desk, result.code)
            return result

        self.desk.run_blocking(self, work, DossierReceived)

    def on_returned_at_once(self, message: ReturnedAtOnce) -> None:
        returned_at_once(self, message)

    def on_dossier_received(self, message: DossierReceived) -> None:
        from screens.receipt import ReceiptScreen

        self.app.switch_screen(ReceiptScreen(message.result))
        for failure in self.scan_failures:
            self.desk.show_error(failure)
