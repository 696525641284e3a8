"""A private copy of the session's SoftHSM2 token for a child process (a PKCS#11 module is
loaded once per process; a test that changes the token must not change the others' one)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.devices.token.softhsm import SoftToken


def copy_token(token: SoftToken, dest: Path) -> Path:
    """Copy ``token``'s folder to ``dest``; returns the copy's softhsm2.conf."""
    shutil.copytree(token.folder, dest, ignore=shutil.ignore_patterns("spy.log"))
    conf = dest / "softhsm2.conf"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(str(token.folder), str(dest)),
        encoding="utf-8",
    )
    return conf
