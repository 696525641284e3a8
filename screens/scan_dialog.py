"""Scanning one component's papers: scan (page by page progress), scan more, rescan or remove a
page, add a picked file, then confirm. The scanner works in a thread worker; a jam, an open
cover, a busy or missing scanner is said in the dialog, and the pages already scanned stay."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from desk.errors import DeskError
from desk.i18n import translate
from desk.services.scan_batch import ScanBatch
from screens.keymap import key
from screens.messages import ScanEnded, ScanProgress
from screens.widgets.dialogs import unexpected

if TYPE_CHECKING:
    from screens.app import DeskApp


def size_text(size: int) -> str:
    """Bytes as the officer reads them: "240 KB", "1,2 MB"."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1000))} KB" if size else "0 KB"


class ScanDialog(ModalScreen[ScanBatch | None]):
    """Works on a copy of ``batch``: Esc leaves the component's pages as they were."""

    DEFAULT_CSS = """
    ScanDialog .dialog-body { width: 76; }
    ScanDialog #scan-pages { height: auto; max-height: 10; margin: 1 0; }
    ScanDialog #scan-problem { color: $error; text-style: bold; }
    ScanDialog #scan-summary { text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key("scan-component"), "scan", translate("Quét"), id="scan-component"),
        Binding(
            key("scan-rescan-page"), "rescan", translate("Quét lại trang"), id="scan-rescan-page"
        ),
        Binding(key("scan-remove-page"), "remove", translate("Bỏ trang"), id="scan-remove-page"),
        Binding(key("scan-pick-file"), "pick_file", translate("Chọn tệp"), id="scan-pick-file"),
        Binding(key("submit"), "confirm", translate("Xác nhận"), id="submit", priority=True),
        Binding(key("back"), "cancel", translate("Hủy"), id="back"),
    ]

    def __init__(self, batch: ScanBatch, *, start: bool = True) -> None:
        super().__init__(classes="dialog")
        self.component = dataclasses.replace(
            batch, pages=list(batch.pages), encoded=list(batch.encoded)
        )
        self.busy = False
        self.heard = 0
        """The last page count the scanning worker reported."""
        self._start = start

    @property
    def desk(self) -> DeskApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body"):
            yield Label(
                translate("Quét thành phần: {name}", {"name": self.component.name}),
                classes="dialog-title",
            )
            yield Static("", id="scan-progress")
            yield Static("", id="scan-problem")
            yield DataTable(id="scan-pages", cursor_type="row")
            yield Static("", id="scan-summary")
            yield Static(
                translate(
                    "F5 quét (thêm trang) · F6 quét lại trang chọn · Delete bỏ trang · "
                    "F7 chọn tệp · Ctrl+S xác nhận · Esc hủy"
                ),
                classes="muted",
            )

    def on_mount(self) -> None:
        table = self.query_one("#scan-pages", DataTable)
        table.add_columns(translate("Trang"), translate("Điểm ảnh"), translate("dpi"))
        self._show()
        table.focus()
        if self._start:
            self.action_scan()

    # ------------------------------------------------------------------------ actions

    def action_scan(self) -> None:
        self._run(lambda progress: self.component.scan(progress), translate("Đang quét…"))

    def action_rescan(self) -> None:
        index = self._selected()
        if index is not None:
            self._run(
                lambda progress: self.component.rescan(index, progress),
                translate("Đang quét lại trang {n}…", {"n": index + 1}),
            )

    def action_remove(self) -> None:
        index = self._selected()
        if index is not None:
            self._run(lambda _progress: self.component.remove(index), translate("Đang bỏ trang…"))

    def action_pick_file(self) -> None:
        from screens.file_picker import FilePicker

        if self.busy:
            return
        start = self.desk.services.scanning.scanner_choice().folder

        def picked(path: Path | None) -> None:
            if path is not None:
                chosen = path
                self._run(
                    lambda _progress: self.component.add_files([chosen]), translate("Đang đọc tệp…")
                )

        self.app.push_screen(FilePicker(start), picked)

    def action_confirm(self) -> None:
        if self.busy:
            return
        if not self.component.pages:
            self._problem(translate("Chưa có trang nào: bấm F5 để quét, hoặc Esc để thôi."))
            return
        self.dismiss(self.component)

    def action_cancel(self) -> None:
        self.dismiss(None)

    # ------------------------------------------------------------------------- worker

    def _run(self, work: Callable[[Callable[[int], None]], object], doing: str) -> None:
        if self.busy:
            return
        self.busy = True
        self._problem("")
        self.query_one("#scan-progress", Static).update(doing)
        self.desk.scanner_busy()

        def progress(pages: int) -> None:
            self.post_message(ScanProgress(pages))

        def job() -> None:
            error: DeskError | None = None
            try:
                work(progress)
            except DeskError as failed:
                error = failed
            except Exception as failed:  # a bug: never a traceback at the counter
                error = unexpected(failed)
            self.post_message(ScanEnded(error))

        self.run_worker(job, thread=True, exit_on_error=False, group="scan")

    def on_scan_progress(self, message: ScanProgress) -> None:
        self.heard = message.pages
        self.query_one("#scan-progress", Static).update(
            translate("Đang quét… đã nhận {n} trang", {"n": message.pages})
        )

    def on_scan_ended(self, message: ScanEnded) -> None:
        self.busy = False
        self.desk.refresh_scanner_state()
        self._show()
        if message.error is not None:
            self._problem(message.error.message)

    # --------------------------------------------------------------------------- view

    def _selected(self) -> int | None:
        table = self.query_one("#scan-pages", DataTable)
        if self.busy:
            return None
        if not self.component.pages:
            self._problem(translate("Chưa có trang nào: bấm F5 để quét."))
            return None
        return min(table.cursor_row, len(self.component.pages) - 1)

    def _problem(self, text: str) -> None:
        self.query_one("#scan-problem", Static).update(text)

    def _show(self) -> None:
        table = self.query_one("#scan-pages", DataTable)
        row = table.cursor_row
        table.clear()
        for number, page in enumerate(self.component.pages, start=1):
            table.add_row(str(number), f"{page.image.width}×{page.image.height}", f"{page.dpi:g}")
        if self.component.pages:
            table.move_cursor(row=min(row, len(self.component.pages) - 1))
        summary = self.component.summary()
        self.query_one("#scan-progress", Static).update(
            translate("Sẵn sàng.") if summary.pages else translate("Chưa có trang nào.")
        )
        self.query_one("#scan-summary", Static).update(
            translate(
                "{pages} trang · bản pháp lý {legal} · bản gọn {compact}",
                {
                    "pages": summary.pages,
                    "legal": size_text(summary.legal_size),
                    "compact": size_text(summary.compact_size),
                },
            )
        )
