"""A plain CLI answer does not pay for the TUI, the printer, the token or the sync client.

Not a timing test: it asserts which modules a whole `desk` process imported, so a top-level
import added in the wrong place fails here instead of slowing every `desk due` silently."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from desk.cli import COMMAND_MODULES, build_app

HEAVY = (
    "textual",
    "reportlab",
    "httpx",
    "sync.server",
    "fastapi",
    "argon2",
    "pkcs11",
    "pyhanko",
    "smartcard",
    "sane",
    "PIL",
    "qrcode",
    "openpyxl",
    "alembic",
    "typer.rich_utils",
    "screens",
    "printing",
)

PROBE = """
import json, sys
from desk.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def imported_by(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    last = done.stdout.strip().splitlines()[-1]
    answer = json.loads(last)
    assert answer["code"] == 0, done.stderr
    return set(answer["modules"])


def heavy_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("lazy") / "desk.db"
    subprocess.run(
        [sys.executable, "-m", "desk.cli", "demo", "--db", str(db)], check=True, capture_output=True
    )
    return db


def test_desk_due_imports_nothing_heavy(office: Path) -> None:
    modules = imported_by(
        "due", "--duration", "3wd", "--received", "2026-12-01 09:00", "--json", "--db", str(office)
    )
    assert "desk.cli.reference" in modules  # the probe really ran the command
    assert heavy_in(modules) == []
    # Only the services `due` uses were built: not the intake, the printer or the sync client.
    assert not {"desk.services.printing", "desk.services.sync", "desk.services.signing"} & modules


def test_parse_id_and_lookup_import_nothing_heavy(office: Path) -> None:
    payload = "001085000001|123456789|CÔNG DÂN THỬ NGHIỆM|01011985|Nam|Xã Thử Nghiệm|01012021"
    assert heavy_in(imported_by("parse-id", payload, "--json")) == []
    searched = imported_by("search", "khong-co-ho-so-nay", "--db", str(office))
    assert heavy_in(searched) == []


def test_the_command_table_is_what_the_modules_register() -> None:
    for module, names in COMMAND_MODULES.items():
        app = typer.Typer()
        importlib.import_module(f"desk.cli.{module}").register(app)
        registered = [
            c.name or (c.callback.__name__.replace("_", "-") if c.callback else "")
            for c in app.registered_commands
        ] + [g.name for g in app.registered_groups]
        assert tuple(registered) == names, module


def test_a_command_alone_and_in_the_whole_app_are_the_same() -> None:
    whole = build_app()
    alone = build_app("due")
    assert [c.name for c in alone.registered_commands] == ["due", "parse-id"]
    assert len(whole.registered_commands) + len(whole.registered_groups) == sum(
        len(names) for names in COMMAND_MODULES.values()
    )
