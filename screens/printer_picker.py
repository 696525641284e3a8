"""Choosing the desk's printer (Ctrl+G) without the administrator's settings: a reception
officer picks among the printers the administrator allowed; the choice is the desk's default."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from desk.errors import DeskError
from desk.i18n import translate

if TYPE_CHECKING:
    from screens.app import DeskApp


def printer_label(spec: str) -> str:
    """What the officer reads: a folder printer says where its PDFs go."""
    if spec.startswith("folder:"):
        return translate("Lưu PDF vào thư mục {path}", {"path": spec.removeprefix("folder:")})
    return spec


class PrinterPicker(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", translate("Đóng"), id="close-printers"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    @property
    def desk(self) -> DeskApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        choice = self.desk.services.printing.printer_choice()
        with Vertical(classes="dialog-body", id="printer-picker"):
            yield Label(translate("Chọn máy in của quầy"), classes="dialog-title")
            current = printer_label(choice.default) if choice.default else translate("(chưa chọn)")
            yield Static(translate("Đang dùng: {printer}", {"printer": current}), id="printer-now")
            if not choice.allowed:
                yield Static(
                    translate(
                        "Quản trị viên chưa cho phép chọn máy in nào ở quầy: nhờ quản trị viên "
                        "thêm máy in vào mục «Máy in cán bộ được chọn» trong Cài đặt."
                    ),
                    classes="warning",
                    id="printer-none",
                )
                return
            options = [Option(printer_label(spec), id=spec) for spec in choice.allowed]
            yield OptionList(*options, id="printer-options")
            yield Static(translate("Enter: chọn · Esc: đóng"), classes="muted")

    def on_mount(self) -> None:
        for options in self.query("#printer-options").results(OptionList):
            options.focus()

    @on(OptionList.OptionSelected, "#printer-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        spec = event.option.id
        if spec is None:
            return
        try:
            self.desk.services.printing.choose_desk_printer(spec)
        except DeskError as error:
            self.desk.show_error(error)
            return
        self.notify(translate("Máy in của quầy: {printer}", {"printer": printer_label(spec)}))
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
