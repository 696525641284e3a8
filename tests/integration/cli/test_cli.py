"""The `desk` command line as a whole: the console script, usage errors, the --db default.

The helpers at the top are shared with test_cli_office.py, test_cli_reference.py and
test_cli_dossiers.py. Commands run in-process through ``desk.cli.main`` (which returns the
exit code) except for a handful of real subprocesses that prove the installed console
script and ``python -m desk.cli`` work end to end.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desk.cli import EXIT_UNEXPECTED, main
from desk.services.container import DeskServices
from tests.conftest import AGENCY_CODE, SMALL_CATALOG

# Lower-case Vietnamese letters that carry a diacritic (đ included); matched case-insensitively.
_VIETNAMESE = re.compile(
    "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE
)
CODE_PATTERN = re.compile(r"^000\.00\.01\.H99-\d{6}-\d{4}$")
APPLICANT: dict[str, Any] = {
    "full_name": "CÔNG DÂN THỬ NGHIỆM",
    "id_number": "001085000001",
    "date_of_birth": "1985-01-01",
    "sex": "Nam",
    "address": "Thôn Thử Nghiệm, xã Thử Nghiệm",
    "phone": "0912000000",
    "email": None,
}


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.err
        return json.loads(self.out)


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Run:
    """Run `desk ARGS...` in-process; the output captured so far is discarded first."""
    capsys.readouterr()
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def assert_refused(run: Run, *, anticipated: bool = True) -> None:
    """The contract for every failure: non-zero, a Vietnamese message, no traceback.

    ``anticipated``: the CLI recognised the problem, rather than falling back to its
    "unexpected error" exit code.
    """
    assert run.code != 0, run.out
    assert run.err.strip(), "no message on stderr"
    assert _VIETNAMESE.search(run.err), run.err
    assert "Traceback" not in run.err + run.out
    if anticipated:
        assert run.code != EXIT_UNEXPECTED, run.err


def isolate_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Vietnamese messages, and a forgotten --db lands in tmp, never in the user data dir."""
    monkeypatch.delenv("DESK_LANGUAGE", raising=False)
    guard = tmp_path / "env-default" / "desk.db"
    monkeypatch.setenv("DESK_DB", str(guard))
    return guard


def write_json(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


_TEMPLATE: dict[str, Path] = {}


def office_copy(factory: pytest.TempPathFactory, directory: Path) -> Path:
    """A private copy of an initialised office with the small test catalogue (built once)."""
    template = _TEMPLATE.get("office")
    if template is None:
        template = factory.mktemp("office-template") / "desk.db"
        services = DeskServices.open(template)
        try:
            services.office.init_office(
                agency_code=AGENCY_CODE,
                agency_name="Ủy ban nhân dân xã Thử Nghiệm",
                desk_range="0001-4999",
            )
            services.catalog.import_file(SMALL_CATALOG)
        finally:
            services.close()
        _TEMPLATE["office"] = template
    target = directory / "desk.db"
    shutil.copyfile(template, target)
    return target


def console_script() -> Path:
    script = Path(sys.executable).with_name("desk.exe" if os.name == "nt" else "desk")
    # ./run-tests.sh installs the project into the venv, so the script must be there.
    assert script.exists(), f"{script.name} is not installed: run ./run-tests.sh (pip install -e .)"
    return script


def run_process(*args: str | Path, env: dict[str, str] | None = None) -> Run:
    done = subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, "DESK_LANGUAGE": "vi", **(env or {})},
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


# --- the tests of this module --------------------------------------------------------------


def test_console_script_end_to_end(tmp_path: Path) -> None:
    desk, db = console_script(), tmp_path / "desk.db"
    init = run_process(
        desk, "init", "--db", db, "--agency-code", AGENCY_CODE,
        "--agency-name", "Ủy ban nhân dân xã Thử Nghiệm", "--desk-range", "0001-4999",
    )  # fmt: skip
    assert (init.code, init.err) == (0, "")
    assert AGENCY_CODE in init.out
    imported = run_process(desk, "catalog", "import", SMALL_CATALOG, "--db", db, "--json")
    assert imported.json()["added"] == 5
    due = run_process(
        desk, "due", "--procedure", "T-3WD", "--received", "2026-11-23 16:00", "--db", db, "--json"
    )
    assert due.json()["due"] == "2026-11-27T16:00:00+07:00"
    assert due.err == ""


def test_console_script_failure_exit_codes_and_no_traceback(tmp_path: Path) -> None:
    desk = console_script()
    unknown = run_process(desk, "no-such-command", "--db", tmp_path / "desk.db")
    assert unknown.code == 2
    assert_refused(unknown)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not an SQLite database, just some bytes " * 20)
    broken = run_process(desk, "lookup", "000.00.01.H99-261124-0001", "--db", junk)
    # Not a desk database: reported as an unexpected error, but still a sentence, not a traceback.
    assert_refused(broken, anticipated=False)


def test_python_m_desk_cli(tmp_path: Path) -> None:
    bad = run_process(sys.executable, "-m", "desk.cli", "parse-id", "rác|không phải QR")
    assert bad.code == 2
    assert_refused(bad)
    good = run_process(
        sys.executable, "-m", "desk.cli", "due", "--duration", "8wh",
        "--received", "2026-11-23 07:00", "--db", tmp_path / "desk.db", "--json",
    )  # fmt: skip
    assert good.json()["due"] == "2026-11-23T17:00:00+07:00"


def test_default_database_comes_from_desk_db(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    chosen = tmp_path / "from-env" / "office.db"
    monkeypatch.setenv("DESK_DB", str(chosen))
    init = cli(
        capsys, "init", "--agency-code", AGENCY_CODE,
        "--agency-name", "Ủy ban nhân dân xã Thử Nghiệm", "--desk-range", "0001-4999",
    )  # fmt: skip
    assert init.code == 0, init.err
    assert chosen.is_file()
    assert cli(capsys, "catalog", "import", SMALL_CATALOG).code == 0
    listed = cli(capsys, "catalog", "list", "--json").json()
    assert "T-3WD" in {p["code"] for p in listed}
    # An explicit --db wins over DESK_DB; a mistyped one is refused, never created.
    other = tmp_path / "explicit.db"
    missing = cli(capsys, "catalog", "list", "--json", "--db", other)
    assert missing.code != 0 and str(other) in missing.err
    assert not other.exists()


def test_help_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    run = cli(capsys, "--help")
    assert run.code == 0
    for command in ("intake", "lookup", "due", "report", "verify", "backup", "officer"):
        assert command in run.out


@pytest.mark.parametrize(
    "args",
    [
        ["no-such-command"],
        ["due", "--no-such-option"],
        ["lookup"],  # missing argument
        ["search"],
        ["init"],
        ["catalog", "list", "--search"],  # option without its value
        ["officer", "list", "--role", "admin"],
        ["parse-id"],
        ["verify", "--json", "thừa"],
        ["officer"],  # a group without its sub-command
        ["calendar"],
        ["catalog"],
        ["officer", "fire", "nv01"],
        ["calendar", "show", "hai-nghìn"],
        ["return", "000.00.01.H99-261124-0001", "--fee", "nhiều"],
        ["lookup", "000.00.01.H99-261124-0001", "thừa"],
    ],
    ids=lambda args: " ".join(args),
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    run = cli(capsys, *args)
    assert run.code == 2
    assert_refused(run)
    assert "--help" in run.err  # points to the help of the command that was misused
    assert ": ." not in run.err  # never an empty explanation
    # Click's English phrases are put in Vietnamese.
    assert not re.search(r"Got unexpected|Input should|Missing (option|argument)|No such", run.err)
