"""The README and pyproject tell a new office what it needs (issue 15)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from typer.main import get_command

from desk.cli import app

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(title)
    following = re.search(r"\n#{2,3} ", README[start + len(title) :])
    return README[start : start + len(title) + (following.start() if following else len(README))]


def test_windows_printers_bring_pywin32_on_windows_only() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [Requirement(r) for r in project["project"]["optional-dependencies"]["print"]]
    pywin32 = [r for r in wanted if r.name == "pywin32"]
    assert len(pywin32) == 1
    marker = pywin32[0].marker
    assert marker is not None
    assert marker.evaluate({"sys_platform": "win32"})
    assert not marker.evaluate({"sys_platform": "linux"})
    assert "pywin32" in _section("### Installing on Windows")


def test_the_command_list_names_every_command() -> None:
    group = get_command(app)
    names = set(getattr(group, "commands", {}))
    assert {"init", "demo", "run", "scanner-choice", "online"} <= names
    listed = _section("## Using the desk in a real office")
    missing = sorted(name for name in names if f"`{name}`" not in listed)
    assert not missing, f"README's command list lacks {missing}"


def test_the_package_list_names_what_the_tests_install() -> None:
    setup = _section("## Set-up: two commands")
    for package in ("CUPS", "SoftHSM2", "pcscd", "SANE", "PostgreSQL", "tmux", "nftables",
                    "iproute2"):  # fmt: skip
        assert package in setup, package
    block = re.search(r"```bash\n(.*?)```", setup, re.S)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert [c.split()[0] for c in commands] == ["./run-demo.sh", "./run-tests.sh"]
