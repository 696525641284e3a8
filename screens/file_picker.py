"""Pick a scanned file (PDF or image) from a folder: type the folder, Enter lists its files,
newest first; Enter on one picks it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from desk.i18n import translate
from desk.services.devices import SUPPORTED_SUFFIXES
from screens.keymap import key

MAX_FILES = 200


def scan_files(folder: Path) -> list[Path]:
    """The PDF and image files directly in ``folder``, newest first."""
    found = [p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)[:MAX_FILES]


class FilePicker(ModalScreen[Path | None]):
    DEFAULT_CSS = """
    FilePicker .dialog-body { width: 76; }
    FilePicker #picker-files { height: 12; }
    FilePicker #picker-problem { color: $error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("back"), "cancel", translate("Hủy"), id="back"),
    ]

    def __init__(self, folder: str = "") -> None:
        super().__init__(classes="dialog")
        self._folder = folder or str(Path.home())

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body"):
            yield Label(translate("Chọn tệp quét (PDF hoặc ảnh)"), classes="dialog-title")
            yield Input(self._folder, id="picker-folder")
            yield Static("", id="picker-problem")
            yield OptionList(id="picker-files")

    def on_mount(self) -> None:
        self._list(self._folder)
        self.query_one("#picker-files", OptionList).focus()

    @on(Input.Submitted, "#picker-folder")
    def _submitted(self, event: Input.Submitted) -> None:
        if self._list(event.value):
            self.query_one("#picker-files", OptionList).focus()

    def _list(self, text: str) -> bool:
        files = self.query_one("#picker-files", OptionList)
        files.clear_options()
        problem = self.query_one("#picker-problem", Static)
        folder = Path(text.strip()).expanduser()
        try:
            found = scan_files(folder)
        except OSError:
            problem.update(
                translate(
                    "Không mở được thư mục {folder}. Kiểm tra đường dẫn và quyền đọc.",
                    {"folder": str(folder)},
                )
            )
            return False
        problem.update("" if found else translate("Thư mục này không có tệp PDF hay ảnh nào."))
        for path in found:
            files.add_option(Option(path.name, id=str(path)))
        if found:
            files.highlighted = 0
        return bool(found)

    @on(OptionList.OptionSelected, "#picker-files")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(Path(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
