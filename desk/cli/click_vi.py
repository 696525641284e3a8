"""Typer's (vendored Click's) own words in the officer's language.

Typer 0.2x carries its own copy of Click whose help and error words are English literals, not
gettext calls, so there is no catalogue to install: ``install()`` replaces the few places they
come from (the help panels' titles, "Usage:", the --help option's text, the type labels, the
parameter names in "Missing argument 'code'"). Every replacement goes through
desk.i18n.translate at the moment it is shown, so DESK_LANGUAGE=en gives English back.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from desk.i18n import translate

# rich_utils constant -> Vietnamese text (rendered when the help is drawn).
_PANEL_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "Tham số",
    "OPTIONS_PANEL_TITLE": "Tùy chọn",
    "COMMANDS_PANEL_TITLE": "Các lệnh",
    "ERRORS_PANEL_TITLE": "Lỗi",
    "ABORTED_TEXT": "Đã hủy.",
    "REQUIRED_LONG_STRING": "[bắt buộc]",
    "DEFAULT_STRING": "[mặc định: {}]",
    "ENVVAR_STRING": "[biến môi trường: {}]",
    "DEPRECATED_STRING": "(không dùng nữa)",
}
USAGE = "Cách dùng:"
OPTIONS_METAVAR = "[TÙY CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [THAM SỐ]..."
HELP_TEXT = "Hiện hướng dẫn này rồi thoát."
DID_YOU_MEAN = "Có phải ý bạn là"

# Type labels shown next to each option ("--db <path>").
TYPE_LABELS = {
    "str": "chữ",
    "int": "số",
    "float": "số",
    "bool": "có/không",
    "path": "đường dẫn",
    "file": "tệp",
    "directory": "thư mục",
}
# The names of the commands' positional arguments, as a usage error names them.
PARAMETER_NAMES = {
    "code": "mã hồ sơ",
    "text": "nội dung tìm",
    "number": "số phản ánh",
    "username": "tên đăng nhập",
    "payload": "nội dung mã QR",
    "path": "tệp",
    "paths": "tệp",
    "pdf": "tệp PDF",
    "bundle": "tệp gói",
    "target": "tệp",
    "job_id": "số lệnh in",
    "command_ids": "mã lệnh",
}


def install() -> None:
    """Put Typer's words in the current language (call after desk.i18n.set_language)."""
    from typer import rich_utils

    for name, template in _PANEL_WORDS.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, translate(template))
    _patch_functions()


@cache
def _patch_functions() -> None:
    """Wrap the functions that hold English literals (once per process)."""
    from typer import core, rich_utils
    from typer._click import decorators, formatting

    original_usage = formatting.HelpFormatter.write_usage

    def write_usage(
        self: formatting.HelpFormatter, prog: str, args: str = "", prefix: str | None = None
    ) -> None:
        if prefix is None:
            prefix = translate(USAGE) + " "
        original_usage(self, prog, args, prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    # The usage line is highlighted by its prefix; highlight the translated one too.
    highlighter: Any = getattr(rich_utils, "highlighter", None)
    if highlighter is not None and hasattr(highlighter, "highlights"):
        highlighter.highlights = [
            *highlighter.highlights,
            r"(?P<usage>Cách dùng: )",
        ]

    original_help_option: Callable[..., Any] = decorators.help_option

    def help_option(param_decls: list[str]) -> Callable[[Any], Any]:
        inner = original_help_option(param_decls)

        def apply(command: Any) -> Any:
            command = inner(command)
            command.params[-1].help = translate(HELP_TEXT)
            return command

        return apply

    decorators.help_option = help_option

    original_display_type = core._TyperParameter.display_type

    def display_type(self: Any, ctx: Any) -> str:
        shown = original_display_type(self, ctx)
        label = shown[1:-1] if shown.startswith("<") and shown.endswith(">") else None
        if label in TYPE_LABELS:
            return f"<{translate(TYPE_LABELS[label])}>"
        return shown

    core._TyperParameter.display_type = display_type  # type: ignore[method-assign]

    original_hint = core._TyperParameter.get_error_hint

    def get_error_hint(self: Any, *args: Any) -> str:
        name = self.metavar or self.name
        if isinstance(self, core.TyperArgument) and name in PARAMETER_NAMES:
            return f"'{translate(PARAMETER_NAMES[name])}'"
        return str(original_hint(self, *args))

    core._TyperParameter.get_error_hint = get_error_hint  # type: ignore[method-assign]
    _patch_usage_line(core)


def _patch_usage_line(core: Any) -> None:
    """ "desk lookup [OPTIONS] {code}" → "desk lookup [TÙY CHỌN] {mã hồ sơ}"."""
    from typer._click import core as click_core

    for owner in (click_core.Command, core.TyperGroup):
        original_pieces = owner.__dict__["collect_usage_pieces"]

        def collect_usage_pieces(self: Any, ctx: Any, _original: Any = original_pieces) -> Any:
            words = {
                "[OPTIONS]": translate(OPTIONS_METAVAR),
                "COMMAND [ARGS]...": translate(SUBCOMMAND_METAVAR),
            }
            return [words.get(piece, piece) for piece in _original(self, ctx)]

        owner.collect_usage_pieces = collect_usage_pieces  # type: ignore[method-assign]

    original_name = core.TyperArgument._usage_display_name

    def usage_display_name(self: Any) -> str:
        shown = str(original_name(self))
        raw = self.display_name_raw
        if raw in PARAMETER_NAMES:
            return shown.replace(raw, translate(PARAMETER_NAMES[raw]), 1)
        return shown

    core.TyperArgument._usage_display_name = usage_display_name


def translated_suggestion(detail: str) -> str:
    """Typer's "…. Did you mean 'init', 'intake'?" in the current language, without the
    full stop a sentence around it would add after the question mark."""
    return detail.replace("Did you mean", translate(DID_YOU_MEAN))
