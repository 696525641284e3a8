"""poppler's pdfsig: an independent validator of the signed results (apt: poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def pdfsig(path: Path) -> str:
    """pdfsig's report on ``path`` (signature validity and coverage)."""
    tool = shutil.which("pdfsig")
    if tool is None:
        pytest.fail("The signed-result checks need poppler's pdfsig (apt: poppler-utils).")
    done = subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=60)
    return done.stdout + done.stderr
