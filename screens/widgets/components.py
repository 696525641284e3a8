"""The components checklist of intake: one row per paper, with bản chính / chứng thực / photo
counts; unticked required papers are what Mẫu 02 asks for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label

from desk.domain.catalog import ComponentSpec
from desk.errors import InvalidInput
from desk.i18n import translate
from desk.services.intake import ComponentInput
from screens.widgets.tick_box import TickBox


class ComponentRow(Horizontal):
    DEFAULT_CSS = """
    ComponentRow { height: auto; }
    ComponentRow Checkbox { width: 1fr; }
    ComponentRow Input { width: 8; }
    """

    def __init__(self, index: int, spec: ComponentSpec) -> None:
        super().__init__(classes="component-row")
        self.index = index
        self.spec = spec

    def compose(self) -> ComposeResult:
        mark = " *" if self.spec.required else ""
        yield TickBox(
            f"{self.spec.name}{mark}", value=self.spec.required, id=f"component-{self.index}"
        )  # an optional paper is ticked only when the citizen brought it
        originals = self.spec.originals or (
            1 if not (self.spec.certified or self.spec.copies) else 0
        )
        for kind, value in (
            ("originals", originals),
            ("certified", self.spec.certified),
            ("copies", self.spec.copies),
        ):
            yield Input(str(value), id=f"component-{self.index}-{kind}", type="integer")

    def value(self) -> ComponentInput:
        def count(kind: str) -> int:
            text = self.query_one(f"#component-{self.index}-{kind}", Input).value.strip() or "0"
            if not text.isdigit():
                raise InvalidInput(
                    "Số lượng bản của thành phần '{name}' không được âm.", name=self.spec.name
                )
            return int(text)

        provided = self.query_one(Checkbox).value
        return ComponentInput(
            name=self.spec.name,
            required=self.spec.required,
            originals=count("originals") if provided else 0,
            certified=count("certified") if provided else 0,
            copies=count("copies") if provided else 0,
            provided=provided,
        )


class ComponentsChecklist(Vertical):
    DEFAULT_CSS = "ComponentsChecklist { height: auto; }"

    def compose(self) -> ComposeResult:
        yield Label(translate("Chọn thủ tục trước (bước 2)."), id="components-empty")

    async def show(self, specs: tuple[ComponentSpec, ...]) -> None:
        await self.remove_children()
        await self.mount(
            Label(translate("Thành phần (* bắt buộc) — Bản chính · Chứng thực · Photo")),
            *[ComponentRow(index, spec) for index, spec in enumerate(specs)],
        )

    def values(self) -> list[ComponentInput]:
        return [row.value() for row in self.query(ComponentRow)]

    def missing(self) -> list[str]:
        return [c.name for c in self.values() if c.required and not c.provided]
