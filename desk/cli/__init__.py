"""The `desk` command. Every failure ends with a Vietnamese message and a non-zero exit."""

from __future__ import annotations

import importlib
import logging
import sys

import typer

from desk.cli import click_vi
from desk.config import DeskSettings
from desk.errors import DeskError
from desk.i18n import set_language, translate
from desk.logsetup import setup_logging

COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "office": ("init", "demo", "run", "officer"),
    "reference": ("due", "parse-id", "calendar", "catalog"),
    "dossiers": (
        "intake",
        "lookup",
        "search",
        "supplement",
        "refuse",
        "withdraw",
        "stop",
        "hand-over",
        "result-ready",
        "return",
        "apologise",
    ),
    "maintenance": ("report", "verify", "backup"),
    "printing": (
        "print",
        "printers",
        "print-test",
        "printer-choice",
        "print-jobs",
        "print-retry",
    ),
    "feedback": ("feedback",),
    "token": ("token",),
    "scanning": ("scan", "scanners", "attach", "scanner-choice"),
    "sync": ("enrol", "sync"),
    "online": ("online",),
}
"""Which module of desk/cli registers which top-level command, in the order of `desk --help`.
A command imports only its own module (and what that imports): `desk due` is one process per
call and must not pay for the TUI, the printer or the sync client. A test keeps this table
equal to what the modules register."""


def build_app(command: str | None = None) -> typer.Typer:
    """The `desk` command with every module, or only the module that owns ``command``."""
    app = typer.Typer(
        name="desk",
        help="motcua-desk: phần mềm quầy tiếp nhận và trả kết quả (Bộ phận Một cửa).",
        no_args_is_help=False,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    # A group even when one module brings one command: `desk token …` keeps its first word.
    app.callback()(_no_options)
    owners = [m for m, names in COMMAND_MODULES.items() if command in names]
    for module in owners or COMMAND_MODULES:
        importlib.import_module(f"desk.cli.{module}").register(app)
    return app


def _may_show_help(args: list[str]) -> bool:
    """Typer draws its (rich) help for --help, for a group without its sub-command and for a
    word it does not know; usage errors are written by `_usage_error`, not by rich."""
    known = any(args[0] in names for names in COMMAND_MODULES.values())
    return not known or len(args) < 2 or "--help" in args


def _no_options() -> None:
    """The group's callback; the help shown is the Typer's own (one text, not two)."""


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # the whole command, for tests and docs (built on first use)
        return build_app()
    raise AttributeError(name)


log = logging.getLogger("desk")

EXIT_USAGE = 2
EXIT_UNEXPECTED = 70


def main(argv: list[str] | None = None) -> int:
    set_language(DeskSettings().language)
    log_file = setup_logging()
    args = sys.argv[1:] if argv is None else argv
    if not args:
        args = ["run"]
    if _may_show_help(args):
        click_vi.install()  # Typer's help in Vietnamese: 0.15 s of rich, only when drawn
    command = args[0] if args[0].replace("-", "").isalpha() else "?"  # never an argument's value
    try:
        # Without standalone mode, Typer returns (not raises) the code of a `typer.Exit`.
        app = build_app(args[0])
        returned = app(args=args, prog_name="desk", standalone_mode=False)
    except DeskError as error:
        log.info("desk %s refused: %s (exit %d)", command, type(error).__name__, error.exit_code)
        sys.stderr.write(f"{error.title}: {error.message}\n")
        return error.exit_code
    except typer.Exit as done:
        return int(done.exit_code or 0)
    except typer.Abort:
        sys.stderr.write(translate("Đã hủy.") + "\n")
        return 1
    except typer.TyperException as error:  # Typer's own (vendored Click) usage errors
        return _usage_error(error)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: say so plainly, never show a traceback to the officer
        log.error("desk %s: unexpected error", command, exc_info=True)
        if log_file is None:
            message = translate(
                "Lỗi không mong muốn ({kind}). Dữ liệu đã lưu không bị ảnh hưởng; hãy báo "
                "cho quản trị viên kèm lệnh vừa chạy.",
                {"kind": type(error).__name__},
            )
        else:
            message = translate(
                "Lỗi không mong muốn ({kind}). Dữ liệu đã lưu không bị ảnh hưởng; hãy báo "
                "cho quản trị viên kèm lệnh vừa chạy và tệp nhật ký {log}.",
                {"kind": type(error).__name__, "log": str(log_file)},
            )
        sys.stderr.write(message + "\n")
        return EXIT_UNEXPECTED
    return returned if isinstance(returned, int) else 0


# Click's usage messages are English; the phrases officers meet most are put in Vietnamese.
_CLICK_PHRASES = (
    # Typer's vendored Click and its pydantic conversion; the longer phrases come first.
    ("Got unexpected extra argument(s)", "Thừa tham số"),
    (
        "Input should be a valid integer, unable to parse string as an integer",
        "không phải số nguyên",
    ),
    ("Missing option", "Thiếu tùy chọn"),
    ("Missing argument", "Thiếu tham số"),
    ("No such command", "Không có lệnh"),
    ("No such option", "Không có tùy chọn"),
    ("Invalid value for", "Giá trị không hợp lệ cho"),
    ("Got unexpected extra arguments", "Thừa các tham số"),
    ("Got unexpected extra argument", "Thừa tham số"),
    ("is not a valid integer", "không phải số nguyên"),
    ("requires an argument", "cần một giá trị"),
)


def _usage_error(error: typer.TyperException) -> int:
    context = getattr(error, "ctx", None)
    command = getattr(context, "command_path", None) or "desk"
    format_message = getattr(error, "format_message", None)
    detail = format_message() if callable(format_message) else str(error)
    if not detail.strip():  # a group called without its sub-command: Click has shown the help
        detail = translate("Thiếu tham số") + " 'COMMAND'"
    for english, vietnamese in _CLICK_PHRASES:
        detail = detail.replace(english, translate(vietnamese))
    detail = click_vi.translated_suggestion(detail).rstrip(".")
    if detail.endswith("?"):  # "Có phải ý bạn là 'init'?": no full stop after the question
        message = translate(
            "Lệnh không hợp lệ: {detail} Xem hướng dẫn: {command} --help",
            {"detail": detail, "command": command},
        )
    else:
        message = translate(
            "Lệnh không hợp lệ: {detail}. Xem hướng dẫn: {command} --help",
            {"detail": detail, "command": command},
        )
    sys.stderr.write(message + "\n")
    return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
