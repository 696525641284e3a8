"""A checkbox whose state reads without colour: "[x]" ticked, "[ ]" not (Textual's own draws
the same X either way and tells the two apart by colour alone)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class TickBox(Checkbox):
    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble(("[x]" if self.value else "[ ]", style))

    @property
    def mark(self) -> str:
        """What the box shows, as a screen reader or a monochrome terminal sees it."""
        return "[x]" if self.value else "[ ]"
