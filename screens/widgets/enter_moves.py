"""Enter that moves to the next field at once, before the next key is read.

Textual forwards each key to the widget focused when the app reads it, and ``Widget.focus()``
takes effect only later, so an officer (or a password manager) typing "name, Enter, secret"
faster than the screen handles the Enter puts the secret in the name field, in clear. A
priority binding runs inside the app's own handling of that Enter, and ``Screen.set_focus``
moves focus before the app reads the next key: the secret always lands in its masked field.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input

ENTER_MOVES_BINDING = Binding("enter", "enter_moves", show=False, priority=True)

R = TypeVar("R")


class EnterMovesFocus(Screen[R]):
    """A screen where Enter in some fields moves to the next one (``ENTER_MOVES``: field id →
    next field id). The binding is live only while one of those fields has the focus, so
    Enter everywhere else (a button, the field that submits) works as usual."""

    ENTER_MOVES: ClassVar[dict[str, str]] = {}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "enter_moves":
            focused = self.focused
            return isinstance(focused, Input) and focused.id in self.ENTER_MOVES
        return super().check_action(action, parameters)

    def action_enter_moves(self) -> None:
        focused = self.focused
        if focused is None or focused.id is None:
            return
        self.entered(focused.id)
        target = self.query_one(f"#{self.ENTER_MOVES[focused.id]}", Input)
        if target.focusable:
            self.set_focus(target)

    def entered(self, field_id: str) -> None:
        """Enter was pressed in ``field_id`` (a hook: the field's value may still be filling)."""
