"""Benchmark of token signing (SoftHSM2 stand-in); prints one JSON object.

    .venv/bin/python -m tests.bench.bench_signing [--iterations N]

Makes a private SoftHSM2 token (as the tests do), logs in ONCE, then times PAdES signing of a
one-page result PDF with the visible ND 30/2020 stamp (pyHanko, PKCS#11 C_Sign on the token),
B-B level (no TSA). Also reports the login, the first signature (font and pyHanko warm-up)
and one validation. Target: signing p50 < 100 ms after login. Reports, always exits 0.
Needs softhsm2 and opensc (pkcs11-tool) installed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

SIGN_LIMIT_MS = 100.0


def _ms(start: int) -> float:
    return round((time.perf_counter_ns() - start) / 1e6, 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="motcua-bench-token-") as folder:
        from tests.devices.token.softhsm import AGENCY, make_token

        token = make_token(Path(folder), dict(os.environ))
        os.environ["SOFTHSM2_CONF"] = str(token.conf)  # read when the module is first loaded

        from desk.devices.signature_check import verify_pdf
        from desk.devices.signing import SigningOptions, _sign_with_session, choose_certificate
        from desk.devices.token_pkcs11 import Pkcs11Module
        from printing import fonts
        from tests.devices.token.conftest import result_pdf

        module = Pkcs11Module(token.module)
        pdf = result_pdf()
        options = SigningOptions(
            agency_name=AGENCY, font_path=fonts.FONT_DIR / "LiberationSerif-Regular.ttf"
        )
        cert = choose_certificate(module.certificates(token.label), "signer")
        start = time.perf_counter_ns()
        session = module.login(token.label, token.pin)
        login_ms = _ms(start)
        try:
            start = time.perf_counter_ns()
            signed = _sign_with_session(pdf, session, cert, options, None, datetime.now(UTC))
            first_ms = _ms(start)
            samples = []
            for _ in range(args.iterations):
                start = time.perf_counter_ns()
                signed = _sign_with_session(pdf, session, cert, options, None, datetime.now(UTC))
                samples.append(_ms(start))
        finally:
            session.close()
        start = time.perf_counter_ns()
        report = verify_pdf(signed, [token.ca_pem.read_bytes()])
        verify_ms = _ms(start)
    samples.sort()
    p50 = round(statistics.median(samples), 2)
    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "token": "SoftHSM2 (RSA-2048), PAdES-B-B with a visible text stamp, 1-page A4 PDF",
        "login_ms": login_ms,
        "first_sign_ms": first_ms,
        "sign": {
            "n": len(samples),
            "p50_ms": p50,
            "p99_ms": samples[min(len(samples) - 1, int(len(samples) * 0.99))],
            "min_ms": samples[0],
            "max_ms": samples[-1],
        },
        "verify_ms": verify_ms,
        "verified_ok": report.ok,
        "input_bytes": len(pdf),
        "signed_bytes": len(signed),
        "targets": {
            "sign_p50_after_login": {
                "limit_ms": SIGN_LIMIT_MS,
                "value_ms": p50,
                "pass": p50 < SIGN_LIMIT_MS,
            }
        },
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
