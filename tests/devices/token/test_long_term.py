"""PAdES B-T/B-LT with the office's TSA, and a B-B file brought up to B-LTA later, against a
real CA the test starts (Certomancer: RFC 3161 TSA, OCSP, CRLs on 127.0.0.1), through the real
PKCS#11 path (a copy of the SoftHSM2 token, in a child process: see ltv_child.py)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from desk.devices.signature_check import verify_pdf
from tests.conftest import FakeClock
from tests.devices.token.certomancer_ca import running_ca
from tests.devices.token.pdfsig import pdfsig
from tests.devices.token.softhsm import SOFTHSM_MODULE, TOKEN_LABEL, USER_PIN, SoftToken
from tests.devices.token.token_copy import copy_token
from tests.tui.test_tmux_e2e import desk_command


def _offline_check(data: bytes, root_pem: Path, clock: FakeClock) -> tuple[bool, int, int]:
    """pyHanko on the file alone: no fetching, revocation REQUIRED, only what the file's DSS
    holds. Returns (bottom line, OCSP responses, CRLs in the DSS)."""
    from asn1crypto import pem, x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.dss import DocumentSecurityStore
    from pyhanko_certvalidator.policy_decl import CertRevTrustPolicy, RevocationCheckingPolicy

    reader = PdfFileReader(io.BytesIO(data), strict=False)
    dss = DocumentSecurityStore.read_dss(reader)
    root = x509.Certificate.load(pem.unarmor(root_pem.read_bytes())[2])
    context = dss.as_validation_context(
        {
            "trust_roots": [root],
            "allow_fetching": False,
            "moment": clock.now,
            "revinfo_policy": CertRevTrustPolicy(RevocationCheckingPolicy.from_legacy("require")),
        }
    )
    status = validate_pdf_signature(reader.embedded_signatures[0], context)
    return bool(status.bottom_line), len(dss.ocsps), len(dss.crls)


def test_b_lt_with_the_tsa_and_b_b_brought_up_to_b_lta(
    soft_token: SoftToken, tmp_path: Path, clock: FakeClock
) -> None:
    copy = tmp_path / "token"
    conf = copy_token(soft_token, copy)
    env = {**os.environ, "DESK_LANGUAGE": "vi", "SOFTHSM2_CONF": str(conf)}
    work = tmp_path / "work"
    work.mkdir()
    with running_ca(tmp_path / "ca", soft_token.certs["signer"], clock.now) as ca:
        der = tmp_path / "ltv.der"
        der.write_bytes(ca.signer_der)
        subprocess.run(  # the CA's certificate for the token's signer key (id 01)
            [
                "pkcs11-tool", "--module", str(SOFTHSM_MODULE), "--token-label", TOKEN_LABEL,
                "--login", "--pin", USER_PIN, "--write-object", str(der), "--type", "cert",
                "--id", "01", "--label", "ltv",
            ],
            env=env, check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        done = subprocess.run(
            [
                *(sys.executable, "-m", "tests.devices.token.ltv_child", str(work)),
                *(str(SOFTHSM_MODULE), str(ca.root_pem), ca.tsa_url),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        root_pem = ca.root_pem
        seen = json.loads(done.stdout)
        long_term = (work / "b-lt.pdf").read_bytes()
        upgraded = (work / "b-lta.pdf").read_bytes()
        assert seen["long_term"] == "PAdES-B-LT" and seen["long_term_ok"] is True, seen
        assert seen["offline"] == "PAdES-B-B"
        assert seen["extended"] == "PAdES-B-LTA" and seen["extended_ok"] is True
        for data in (long_term, upgraded):
            ok, ocsps, crls = _offline_check(data, root_pem, clock)
            assert ok and ocsps + crls > 0
        roots = [root_pem.read_bytes()]
        at = clock.now
        assert verify_pdf(long_term, roots, at=at).ok and verify_pdf(upgraded, roots, at=at).ok
        appended = verify_pdf(long_term + b"\n% them sau khi ky\n", roots, at=at)
        assert not appended.ok and not appended.signatures[0].whole_file
        extend = ["token", "extend", seen["for_cli"], "--json", "--db", str(work / "desk.db")]
        cli = subprocess.run(
            [*desk_command(), *extend],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert cli.returncode == 0, cli.stderr[-3000:]
        answer = json.loads(cli.stdout)
        assert answer["level"] == "PAdES-B-LTA" and answer["verification"]["ok"] is True
        # poppler checks the token's signature in both files; by PAdES design the revocation
        # data (and, for B-LTA, the document timestamp) are revisions added after it, so it
        # reports "Not total document signed", and it cannot check RFC 3161 document
        # timestamps: our validator and pyHanko's DSS-only check above cover those.
        for name in ("b-lt.pdf", "b-lta.pdf"):
            checked = pdfsig(work / name)
            assert "Signature #1:" in checked and "Signature is Valid" in checked
        assert "Signature #2:" in pdfsig(work / "b-lta.pdf")
        assert "TSA THỬ NGHIỆM" in pdfsig(work / "b-lta.pdf")
