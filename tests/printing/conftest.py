"""Fixtures for the printing tests: a real CUPS test queue (set up by ./run-tests.sh)."""

from __future__ import annotations

import io
import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

MakePdf = Callable[[str], bytes]


@dataclass(frozen=True)
class CupsQueue:
    name: str
    output: Path

    def text(self) -> str:
        """The text of the PDF the queue wrote last (pdftotext)."""
        done = subprocess.run(
            ["pdftotext", str(self.output), "-"], capture_output=True, check=True, timeout=30
        )
        return done.stdout.decode()


@pytest.fixture
def cups() -> Iterator[CupsQueue]:
    """The test queue of ./run-tests.sh; enabled again after each test."""
    name = os.environ.get("MOTCUA_TEST_QUEUE")
    output = os.environ.get("MOTCUA_TEST_OUTPUT")
    if not name or not output:
        pytest.fail(
            "tests/printing need a running CUPS with a test queue: run them through "
            "./run-tests.sh (as root), which starts cupsd and exports MOTCUA_TEST_QUEUE and "
            "MOTCUA_TEST_OUTPUT",
            pytrace=False,
        )
    queue = CupsQueue(name, Path(output))
    subprocess.run(["cupsenable", name], check=True, timeout=30)
    yield queue
    subprocess.run(["cupsenable", name], check=True, timeout=30)


def _make_pdf(text: str) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica", 14)
    page.drawString(72, 760, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.fixture
def make_pdf() -> MakePdf:
    """Builds a one-page A4 PDF holding ``text`` (ASCII: the standard Helvetica font)."""
    return _make_pdf
