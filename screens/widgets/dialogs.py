"""The one error dialog, a confirm dialog, and a small form dialog for reasons and dates."""

from __future__ import annotations

import logging
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from desk.errors import DeskError
from desk.i18n import translate


class UnexpectedError(DeskError):
    """A bug met at the counter: said plainly, the data already saved is safe."""

    title_template = "Lỗi không mong muốn"


log = logging.getLogger("screens")


def unexpected(error: BaseException) -> UnexpectedError:
    """The dialog's error for a bug; its traceback goes to the log file (desk.logsetup)."""
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return UnexpectedError(
        "Lỗi không mong muốn ({kind}). Dữ liệu đã lưu không bị ảnh hưởng; hãy thử lại hoặc báo "
        "cho quản trị viên.",
        kind=type(error).__name__,
    )


class ErrorDialog(ModalScreen[None]):
    """Title, message (which says what to do next) and one button."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "dismiss_dialog", translate("Đóng"), id="close-dialog")
    ]

    def __init__(self, error: DeskError) -> None:
        super().__init__(classes="dialog error-dialog")
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body"):
            yield Label(self.error.title, id="error-title", classes="dialog-title")
            yield Static(self.error.message, id="error-message")
            yield Button(translate("Đóng (Enter)"), id="error-close", variant="error")

    def on_mount(self) -> None:
        self.query_one("#error-close", Button).focus()

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_dismiss_dialog(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", translate("Hủy"), id="cancel-dialog")
    ]

    def __init__(self, title: str, message: str) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body"):
            yield Label(self._title, classes="dialog-title")
            yield Static(self._message)
            with Horizontal(classes="dialog-buttons"):
                yield Button(translate("Đồng ý"), id="confirm-yes", variant="primary")
                yield Button(translate("Hủy"), id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_cancel(self) -> None:
        self.dismiss(False)


class FormDialog(ModalScreen[dict[str, str] | None]):
    """A few labelled text fields; returns their values by key, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", translate("Hủy"), id="cancel-dialog")
    ]

    def __init__(self, title: str, fields: list[tuple[str, str, str]]) -> None:
        """``fields``: (key, label, initial value)."""
        super().__init__(classes="dialog")
        self._title = title
        self._fields = fields

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body"):
            yield Label(self._title, classes="dialog-title")
            for key, label, value in self._fields:
                yield Label(label)
                yield Input(value=value, id=f"field-{key}")
            with Horizontal(classes="dialog-buttons"):
                yield Button(translate("Đồng ý (Ctrl+S)"), id="form-ok", variant="primary")
                yield Button(translate("Hủy"), id="form-cancel")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def values(self) -> dict[str, str]:
        return {key: self.query_one(f"#field-{key}", Input).value for key, _, _ in self._fields}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.dismiss(self.values())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.values() if event.button.id == "form-ok" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def key_ctrl_s(self) -> None:
        self.dismiss(self.values())
