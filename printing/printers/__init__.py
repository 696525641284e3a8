"""Printers behind one ``Printer`` protocol, a factory from spec strings, discovery, and the
per-form choice of printer.

Printer specs (what ``PrinterChoice`` stores and ``open_printer`` takes)::

    cups:<queue>           a CUPS queue, printed with lp (a bare name means the same)
    windows:<name>         the Windows spooler (pywin32)
    escpos:<connection>    an ESC/POS thermal printer, see printing.printers.escpos
    folder:<path>          save each job as a PDF file in a folder
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from desk.errors import ConfigError
from printing.printers.base import (
    Printer,
    PrinterInfo,
    PrinterState,
    PrintOutcome,
    RemoteState,
    Submitted,
)
from printing.printers.cups import CupsPrinter, discover_cups
from printing.printers.escpos import EscposPrinter
from printing.printers.folder import FOLDER_PRINTER_LABEL, FolderPrinter
from printing.printers.windows import WindowsPrinter

__all__ = [
    "CupsPrinter",
    "EscposPrinter",
    "FolderPrinter",
    "PrintOutcome",
    "Printer",
    "PrinterChoice",
    "PrinterInfo",
    "PrinterState",
    "RemoteState",
    "Submitted",
    "WindowsPrinter",
    "discover",
    "open_printer",
]


def open_printer(spec: str) -> Printer:
    """The printer a spec names; nothing is contacted until it is used."""
    kind, separator, rest = spec.partition(":")
    if not separator or kind not in {"cups", "windows", "escpos", "folder"}:
        return CupsPrinter(spec)
    if not rest:
        raise ConfigError("Chưa ghi tên máy in sau {kind}: trong phần cài đặt máy in.", kind=kind)
    if kind == "cups":
        return CupsPrinter(rest)
    if kind == "windows":
        return WindowsPrinter(rest)
    if kind == "escpos":
        return EscposPrinter(rest)
    return FolderPrinter(Path(rest))


def discover(pdf_folder: Path | None = None) -> list[PrinterInfo]:
    """The CUPS queues of this machine, then the PDF folder printer when a folder is given."""
    found = discover_cups()
    if pdf_folder is not None:
        folder = FolderPrinter(pdf_folder)
        found.append(
            PrinterInfo(
                spec=folder.name,
                label=FOLDER_PRINTER_LABEL,
                kind="folder",
                ready=True,
                is_default=not found,
            )
        )
    return found


@dataclass(frozen=True)
class PrinterChoice:
    """Which printer each form goes to: ``by_form`` first, then ``default``.

    Pure data for office settings: ``to_dict``/``from_dict`` give a JSON-ready shape.
    """

    default: str | None = None
    by_form: Mapping[str, str] = field(default_factory=dict)
    allowed: tuple[str, ...] = ()
    """The printers the administrator lets a reception officer choose as the desk's default."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_form", MappingProxyType(dict(self.by_form)))
        object.__setattr__(self, "allowed", tuple(self.allowed))

    def printer_for(self, form: str, title: str | None = None) -> str:
        """The printer of ``form``; ``title`` names the form in the error (not its id)."""
        spec = self.by_form.get(form, self.default)
        if not spec:
            raise ConfigError(
                "Chưa chọn máy in cho mẫu {form}. Chọn máy in bằng Ctrl+G (trong các máy quản trị "
                "viên cho phép), hoặc nhờ quản trị viên đặt trong Cài đặt.",
                form=title or form,
            )
        return spec

    def with_form(self, form: str, spec: str | None) -> PrinterChoice:
        """A copy where ``form`` prints on ``spec`` (None: back to the default)."""
        forms = dict(self.by_form)
        if spec is None:
            forms.pop(form, None)
        else:
            forms[form] = spec
        return PrinterChoice(self.default, forms, self.allowed)

    def with_default(self, spec: str | None) -> PrinterChoice:
        return PrinterChoice(spec, self.by_form, self.allowed)

    def with_allowed(self, specs: tuple[str, ...]) -> PrinterChoice:
        return PrinterChoice(self.default, self.by_form, tuple(dict.fromkeys(specs)))

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "default": self.default,
            "by_form": dict(sorted(self.by_form.items())),
        }
        if self.allowed:  # older desks' settings have no list: the same shape when empty
            data["allowed"] = list(self.allowed)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> PrinterChoice:
        default = data.get("default")
        forms = data.get("by_form") or {}
        if (default is not None and not isinstance(default, str)) or not isinstance(forms, dict):
            raise ConfigError("Cài đặt máy in theo mẫu bị hỏng. Hãy chọn lại máy in.")
        allowed = data.get("allowed") or []
        if not isinstance(allowed, list):
            raise ConfigError("Cài đặt máy in theo mẫu bị hỏng. Hãy chọn lại máy in.")
        return cls(
            default,
            {str(key): str(value) for key, value in forms.items()},
            tuple(str(spec) for spec in allowed),
        )
