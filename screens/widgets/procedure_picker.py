"""Choosing the procedure at intake: the catalogue is searched in a worker once the officer
pauses typing (a debounce), never on the UI thread per keystroke. Up/Down move the highlight
from the search box, Enter picks the highlighted procedure (waiting for a search still under
way, so the pick is always from the results of what is typed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from desk.errors import DeskError
from desk.i18n import translate
from desk.services.catalog import ProcedureView

if TYPE_CHECKING:
    from screens.app import DeskApp


MIN_QUERY = 2


class ProcedurePicker(Vertical):
    DEFAULT_CSS = "ProcedurePicker { height: auto; }"
    DEBOUNCE = 0.15
    """Seconds of no typing before the catalogue is searched."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
    ]

    class Chosen(Message):
        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

    def __init__(self) -> None:
        super().__init__(id="procedure-picker")
        self._timer: Timer | None = None
        self._shown: str | None = None
        """The text whose results are on the list (None: a search is still due)."""
        self._pick_when_shown = False

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder=translate("Tên hoặc mã thủ tục, gõ không dấu được"),
            id="procedure-search",
        )
        yield OptionList(id="procedure-results")

    @property
    def desk(self) -> DeskApp:
        return self.app  # type: ignore[return-value]

    @property
    def text(self) -> str:
        return self.query_one("#procedure-search", Input).value

    @on(Input.Changed, "#procedure-search")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._shown = None
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.DEBOUNCE, self.search_now)

    def search_now(self) -> None:
        """Search what is typed (the debounce's end, or Enter before it)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        text = self.text
        if len(text.strip()) < MIN_QUERY:
            self._show(text, [])
            return
        catalog = self.desk.services.catalog

        def search() -> None:
            try:
                views = catalog.search(text, limit=30)
            except DeskError as error:
                self.app.call_from_thread(self.desk.show_error, error)
                return
            self.app.call_from_thread(self._show, text, views)

        self.run_worker(
            search, thread=True, group="procedure-search", exclusive=True, exit_on_error=False
        )

    def _show(self, text: str, views: list[ProcedureView]) -> None:
        if text != self.text:
            return  # a newer search follows
        results = self.query_one("#procedure-results", OptionList)
        results.clear_options()
        results.add_options([Option(f"{v.code}  {v.name}", id=v.code) for v in views])
        if results.option_count:
            results.highlighted = 0
        self._shown = text
        if self._pick_when_shown:
            self._pick_when_shown = False
            self._pick()

    @on(Input.Submitted, "#procedure-search")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._shown == self.text:
            self._pick()
            return
        self._pick_when_shown = True
        if self._timer is not None:  # still within the debounce: search at once
            self.search_now()

    def action_move(self, delta: int) -> None:
        results = self.query_one("#procedure-results", OptionList)
        if not results.option_count:
            return
        current = results.highlighted if results.highlighted is not None else -delta
        results.highlighted = max(0, min(results.option_count - 1, current + delta))

    def _pick(self) -> None:
        results = self.query_one("#procedure-results", OptionList)
        if results.highlighted is None:
            return
        option = results.get_option_at_index(results.highlighted)
        if option.id is not None:
            self.post_message(self.Chosen(option.id))

    @on(OptionList.OptionSelected, "#procedure-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(event.option.id))
