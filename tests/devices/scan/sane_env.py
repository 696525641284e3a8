"""SANE with a private configuration (COMPONENTS.md §4): the `test` backend (synthetic pages,
an ADF, and test options that make it report a jam or an open cover) and the `pnm` backend
(scans a PNM file we give it). /etc/sane.d/dll.conf leaves `test` commented out, so the tests
point SANE_CONFIG_DIR at their own folder before SANE starts; python-sane must be installed
(the `scan` extra) and libsane present. Used by tests/devices/scan and tests/tui."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

SYSTEM_SANE = Path("/etc/sane.d")


@pytest.fixture(scope="session")
def sane_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    try:
        import sane  # noqa: F401
    except ImportError:
        pytest.fail(
            "tests/devices/scan need python-sane (pip install -e '.[scan]', with libsane-dev) "
            "and the SANE backends (apt: sane-utils); ./run-tests.sh installs both",
            pytrace=False,
        )
    folder = tmp_path_factory.mktemp("sane.d")
    (folder / "dll.conf").write_text("test\npnm\n", encoding="utf-8")
    for name in ("test.conf", "pnm.conf"):
        if (SYSTEM_SANE / name).is_file():
            shutil.copy(SYSTEM_SANE / name, folder / name)
    previous = os.environ.get("SANE_CONFIG_DIR")
    os.environ["SANE_CONFIG_DIR"] = str(folder)  # read by sane.init(), which runs once
    yield folder
    if previous is None:
        os.environ.pop("SANE_CONFIG_DIR", None)
    else:
        os.environ["SANE_CONFIG_DIR"] = previous
