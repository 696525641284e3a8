"""Help (F1): every key the desk answers to, by binding id, as remapped by the keymap file."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from desk.i18n import translate
from desk.logsetup import log_path
from screens.keymap import DEFAULT_KEYS, key_label, keymap_path

if TYPE_CHECKING:
    from screens.app import DeskApp


ADMIN_ONLY = frozenset({"settings", "officers"})


def help_rows(app: DeskApp) -> list[tuple[str, str, str]]:
    """(key, what it does, binding id) of the desk's own keys active now, in the keymap's
    order: not Textual's built-in ones (focus, copy …), and the administrator's keys only
    for an administrator."""
    admin = app.officer is not None and app.officer.role == "admin"
    order = list(DEFAULT_KEYS)
    rows = {
        active.binding.id: (key_name, active.binding.description, active.binding.id)
        for key_name, active in app.active_bindings.items()
        if active.binding.description
        and active.binding.id in DEFAULT_KEYS
        and (admin or active.binding.id not in ADMIN_ONLY)
    }
    return [rows[binding] for binding in sorted(rows, key=order.index)]


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen #help { max-height: 100%; }
    HelpScreen #keys { height: auto; max-height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,enter", "close", translate("Đóng"), id="close-help"),
    ]

    def __init__(self, keys: list[tuple[str, str, str]]) -> None:
        """``keys``: (key, what it does, binding id) of the bindings active when F1 was pressed."""
        super().__init__(classes="dialog")
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body", id="help"):
            yield Label(translate("Phím tắt"), classes="dialog-title")
            yield DataTable(id="keys", cursor_type="row")
            yield Static(
                translate(
                    "Ctrl+P: bảng lệnh. Quét mã CCCD hoặc giấy hẹn ở bất cứ màn hình nào. Đổi "
                    "phím trong tệp {path}.",
                    {"path": str(keymap_path())},
                ),
                classes="muted",
            )
            yield Static(
                translate("Nhật ký: {path}", {"path": str(log_path())}),
                id="log-path",
                classes="muted",
            )

    def on_mount(self) -> None:
        table = self.query_one("#keys", DataTable)
        table.add_columns(translate("Phím"), translate("Việc"))
        for keys, description, _binding in self.keys:
            table.add_row(key_label(keys), description)
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
