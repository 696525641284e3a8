"""Imports stay cheap and side-effect free.

`desk due` and the other headless commands are a whole process per call: they must not pay
for Textual, and no module may open (or create) a database just by being imported. Each check
runs in a fresh interpreter so that what other tests imported does not count.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Entry points that do their work when imported, and Alembic's env (needs a running context).
NOT_IMPORTABLE = {"desk.cli.__main__", "data.migrations.env"}

# Records every SQLite connection; SQLAlchemy reaches sqlite3 through sqlite3.dbapi2.
_RECORD_SQLITE = """
import sqlite3, sqlite3.dbapi2, sys
opened = []
_connect = sqlite3.connect
def _recording_connect(*args, **kwargs):
    opened.append(str(args[0] if args else kwargs.get("database")))
    return _connect(*args, **kwargs)
sqlite3.connect = sqlite3.dbapi2.connect = _recording_connect
"""


def run_python(code: str, tmp_path: Path) -> dict[str, object]:
    """Run ``code`` (which must print one JSON line last) with every data location in tmp."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "DESK_DB": str(tmp_path / "desk.db"),
        "HOME": str(home),
        "USERPROFILE": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "APPDATA": str(home / "appdata"),
        "LOCALAPPDATA": str(home / "localappdata"),
    }
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    assert not (tmp_path / "desk.db").exists(), "an import created the DESK_DB database"
    assert list(home.iterdir()) == [], "an import wrote into the user's data directories"
    return result


def test_headless_modules_do_not_load_textual(tmp_path: Path) -> None:
    code = (
        _RECORD_SQLITE
        + """
import importlib, json, pkgutil
import desk.cli, desk.cli.common, desk.cli.dossiers, desk.cli.maintenance
import desk.cli.office, desk.cli.reference
import desk.services.container
import data.models
import desk.domain
domain = [m.name for m in pkgutil.walk_packages(desk.domain.__path__, "desk.domain.")]
for name in domain:
    importlib.import_module(name)
print(json.dumps({
    "domain": domain,
    "textual": sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.")),
    "screens": sorted(m for m in sys.modules if m == "screens" or m.startswith("screens.")),
    "opened": opened,
}))
"""
    )
    result = run_python(code, tmp_path)
    domain = result["domain"]
    assert isinstance(domain, list)
    assert "desk.domain.calendar" in domain
    assert result["textual"] == []
    assert result["screens"] == []
    assert result["opened"] == []


def test_no_module_opens_a_database_on_import(tmp_path: Path) -> None:
    code = (
        _RECORD_SQLITE
        + f"""
import importlib, json, pkgutil
skipped = {sorted(NOT_IMPORTABLE)!r}
imported = []
for package in ("desk", "data", "screens", "printing", "sync"):
    root = importlib.import_module(package)
    imported.append(package)
    for info in pkgutil.walk_packages(root.__path__, package + "."):
        if info.name in skipped:
            continue
        importlib.import_module(info.name)
        imported.append(info.name)
print(json.dumps({{"imported": imported, "opened": opened}}))
"""
    )
    result = run_python(code, tmp_path)
    imported = result["imported"]
    assert isinstance(imported, list)
    for expected in ("desk.cli", "desk.services.container", "data.db", "screens.app"):
        assert expected in imported
    assert result["opened"] == []


def test_the_recorder_sees_a_database_being_opened(tmp_path: Path) -> None:
    """The check above can fail: opening the desk database is recorded."""
    code = (
        _RECORD_SQLITE
        + f"""
import json
from pathlib import Path
from desk.services.container import DeskServices
DeskServices.open(Path({str(tmp_path / "other" / "seen.db")!r})).close()
print(json.dumps({{"opened": opened}}))
"""
    )
    result = run_python(code, tmp_path)
    opened = result["opened"]
    assert isinstance(opened, list)
    assert opened
    assert all(str(path).endswith("seen.db") for path in opened)


@pytest.mark.parametrize("module", sorted(NOT_IMPORTABLE))
def test_skipped_modules_exist(module: str) -> None:
    """The exemptions above name real files (a rename must not silently widen the check)."""
    assert (ROOT / (module.replace(".", "/") + ".py")).is_file()
