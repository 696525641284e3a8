"""The line above the key footer: office, officer, server link and print queue, scanner."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from desk.i18n import translate


class StatusBar(Static):
    office: reactive[str] = reactive("")
    officer: reactive[str] = reactive("")
    queue: reactive[int] = reactive(0)
    scanner: reactive[str] = reactive("")

    def render(self) -> str:
        parts = [
            self.office,
            self.officer or translate("Chưa đăng nhập"),
            translate("Kết nối: chưa cấu hình máy chủ"),
            translate("Hàng đợi in: {n}", {"n": self.queue}),
        ]
        if self.scanner:
            parts.append(self.scanner)
        return " │ ".join(part for part in parts if part)
