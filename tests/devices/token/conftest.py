"""Fixtures for the token tests: a real SoftHSM2 token (behind OpenSC's pkcs11-spy, which logs
every PKCS#11 call so the tests can count logins), and a one-page result PDF."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desk.devices.token_pkcs11 import Pkcs11Module
from printing import fonts
from tests.devices.token.pcscd import Pcscd, foreign_pcscd, vpcd_driver
from tests.devices.token.softhsm import SoftToken, make_token, need_tools, spy_module


@pytest.fixture(scope="session")
def soft_token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SoftToken]:
    missing = need_tools()
    spy = spy_module()
    if missing or spy is None:
        pytest.fail(
            "The token tests need SoftHSM2 and OpenSC (apt: softhsm2 opensc; "
            f".ci/components/softhsm.sh installs them). Missing: {missing or ['pkcs11-spy.so']}",
            pytrace=False,
        )
    folder = tmp_path_factory.mktemp("softhsm")
    token = make_token(folder, dict(os.environ))
    with pytest.MonkeyPatch.context() as patch:
        # python-pkcs11 loads a module once per process and SoftHSM reads its configuration
        # then: every in-process test uses this one token, through the spy.
        patch.setenv("SOFTHSM2_CONF", str(token.conf))
        patch.setenv("PKCS11SPY", str(token.module))
        patch.setenv("PKCS11SPY_OUTPUT", str(folder / "spy.log"))
        yield token


@pytest.fixture(scope="session")
def spy_path() -> Path:
    path = spy_module()
    assert path is not None
    return path


@pytest.fixture
def module(soft_token: SoftToken, spy_path: Path) -> Pkcs11Module:
    """The token's driver as the desk loads it: any library exporting C_GetFunctionList."""
    return Pkcs11Module(spy_path)


def login_attempts(token: SoftToken) -> int:
    """C_Login calls the spy has logged so far (every login of every in-process test)."""
    log = token.folder / "spy.log"
    if not log.is_file():
        return 0
    return sum(
        1 for line in log.read_text(errors="replace").splitlines() if line.endswith("C_Login")
    )


def result_pdf(text: str = "QUYẾT ĐỊNH — kết quả giải quyết hồ sơ thử nghiệm") -> bytes:
    family = fonts.register()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont(family, 14)
    page.drawString(72, 700, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.fixture
def font_path() -> Path:
    return fonts.FONT_DIR / "LiberationSerif-Regular.ttf"


@pytest.fixture
def pcscd(tmp_path: Path) -> Iterator[Pcscd]:
    """A private pcscd with two vpcd readers on free ports; stopped after the test."""
    if shutil.which("pcscd") is None or vpcd_driver() is None:
        pytest.fail(
            "The PC/SC tests need pcscd and vsmartcard's vpcd driver (apt: pcscd "
            "vsmartcard-vpcd; .ci/components/pcscd.sh installs them).",
            pytrace=False,
        )
    other = foreign_pcscd()
    if other is not None:
        pytest.fail(
            f"Another pcscd (pid {other}) is running; the PC/SC tests start their own with "
            "private readers. Stop it (kill it, or `systemctl stop pcscd.socket pcscd`).",
            pytrace=False,
        )
    daemon = Pcscd(tmp_path)
    daemon.start()
    yield daemon
    daemon.stop()
