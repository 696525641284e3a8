"""The line above the key footer: office, officer, server link and print queue, scanner,
signing token."""

from __future__ import annotations

from dataclasses import dataclass

from textual.reactive import reactive
from textual.widgets import Static

from desk.i18n import translate


@dataclass(frozen=True)
class StatusLine:
    office: str
    officer: str
    link: str
    print_queue: int
    scanner: str
    document_scanner: str = ""
    """The office's document scanner ("" when the office has none)."""
    token: str = ""
    desk: str = ""
    """The desk's name ("Quầy 1"): next to the officer, where no terminal width cuts it."""


class StatusBar(Static):
    line: reactive[StatusLine | None] = reactive(None)

    def render(self) -> str:
        line = self.line
        if line is None:
            return ""
        # What the officer acts on first; the office (also on the home screen) goes last,
        # where an 80-column terminal cuts it.
        parts = [
            line.officer or translate("Chưa đăng nhập"),
            line.desk,
            translate("Kết nối: {link}", {"link": line.link}),
            translate("Hàng đợi in: {n}", {"n": line.print_queue}),
            line.scanner,
            line.document_scanner,
            line.token,
            line.office,
        ]
        return " │ ".join(part for part in parts if part)
