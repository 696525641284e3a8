"""docs/architecture.md is the one description of the layers and a dossier's path: every name
it writes in backticks exists in the code (modules, functions, folders, commands), and its
layer diagram is the import-linter contract CI checks."""

from __future__ import annotations

import importlib
import inspect
import re
import tomllib
from pathlib import Path

import typer
from typer.main import get_command

from desk.cli import app as desk_app
from sync.server.cli import app as server_app

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
TICKED = sorted(set(re.findall(r"`([^`\n]+)`", DOC)))
DOTTED = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")


def _resolves(name: str) -> bool:
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        rest = parts[cut:]
        for attribute in rest:
            if hasattr(target, attribute):
                target = getattr(target, attribute)
            elif inspect.ismodule(target) and len(rest) == 1:
                # `module.method`: a method of one of the module's classes
                return any(
                    hasattr(cls, attribute)
                    for _, cls in inspect.getmembers(target, inspect.isclass)
                    if cls.__module__ == target.__name__
                )
            else:
                return False
        return True
    return False


def _commands(app: typer.Typer) -> set[str]:
    group = get_command(app)
    return set(getattr(group, "commands", {}))


def test_every_dotted_name_in_the_doc_exists() -> None:
    dotted = [name for name in TICKED if DOTTED.match(name) and not name.endswith(".py")]
    assert dotted, "the doc names no module at all?"
    missing = [name for name in dotted if not _resolves(name)]
    assert not missing, f"docs/architecture.md names what the code does not have: {missing}"


def test_every_folder_and_file_in_the_doc_exists() -> None:
    paths = [name for name in TICKED if name.endswith("/") or name.endswith(".py")]
    where = (ROOT, ROOT / "tests", ROOT / "screens")
    missing = [p for p in paths if not any((base / p).exists() for base in where)]
    assert not missing, missing


def test_every_command_in_the_doc_exists() -> None:
    named = [name.split() for name in TICKED if re.match(r"^desk(-server)? [a-z]", name)]
    assert named
    for program, command, *_ in named:
        known = _commands(desk_app if program == "desk" else server_app)
        assert command in known, f"`{program} {command}` is not a command ({sorted(known)})"


def test_the_layer_diagram_is_the_contract_ci_checks() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    diagram = DOC.split("```")[1]
    for layer in layers:
        for module in re.split(r"\s*[|:]\s*", layer):
            assert re.search(rf"(?<![\w.]){re.escape(module)}(?![\w.])", diagram), (
                f"layer {module} of the import contract is not in the doc's diagram"
            )
