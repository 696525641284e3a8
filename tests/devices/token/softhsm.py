"""A real SoftHSM2 token for the tests: a private token folder, a self-made CA, signer keys.

Made with the tools an administrator would use (softhsm2-util, pkcs11-tool from OpenSC) and
`cryptography` for the certificates; nothing here touches /etc. The holder is the placeholder
person "CÔNG DÂN THỬ NGHIỆM" (COMPONENTS.md §1).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from tests.conftest import TEST_EPOCH

SOFTHSM_MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
SPY_MODULES = (
    Path("/usr/lib/x86_64-linux-gnu/pkcs11/pkcs11-spy.so"),
    Path("/usr/lib/x86_64-linux-gnu/pkcs11-spy.so"),
    Path("/usr/lib/pkcs11/pkcs11-spy.so"),
)
TOKEN_LABEL = "ci-token"
USER_PIN = "1234"
SO_PIN = "12345678"
HOLDER = "CÔNG DÂN THỬ NGHIỆM"
AGENCY = "UBND xã Thử Nghiệm"
CA_NAME = "CA THỬ NGHIỆM MOTCUA"


@dataclass(frozen=True)
class SoftToken:
    folder: Path
    conf: Path
    module: Path
    label: str
    pin: str
    ca_pem: Path
    certs: dict[str, Path]
    """Certificate label on the token -> its PEM file."""


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _run(*args: str, env: dict[str, str]) -> None:
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {done.stderr.strip() or done.stdout.strip()}")


def need_tools() -> list[str]:
    missing = [tool for tool in ("softhsm2-util", "pkcs11-tool") if shutil.which(tool) is None]
    if not SOFTHSM_MODULE.is_file():
        missing.append(str(SOFTHSM_MODULE))
    return missing


def make_token(folder: Path, env: dict[str, str]) -> SoftToken:
    """Initialise a token in ``folder`` with three certificates: valid, expired, expiring."""
    (folder / "tokens").mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
        "log.level = ERROR\n",
        encoding="utf-8",
    )
    env = {**env, "SOFTHSM2_CONF": str(conf)}
    _run(
        "softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL,
        "--so-pin", SO_PIN, "--pin", USER_PIN, env=env,
    )  # fmt: skip
    now = TEST_EPOCH.astimezone(UTC)  # the services' fake clock, not today
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = _name(CA_NAME, "Tổ chức chứng thực thử nghiệm")
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=3650))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    windows = {
        "signer": (now - timedelta(days=1), now + timedelta(days=730)),
        "expired": (now - timedelta(days=400), now - timedelta(days=2)),
        "expiring": (now - timedelta(days=300), now + timedelta(days=10)),
    }
    certs: dict[str, Path] = {}
    for index, (label, (since, until)) in enumerate(windows.items(), start=1):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(HOLDER, AGENCY))
            .issuer_name(ca_name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(since)
            .not_valid_after(until)
            .add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                critical=True,
            )
            .sign(ca_key, hashes.SHA256())
        )
        key_file = folder / f"{label}.p8"
        key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        der_file = folder / f"{label}.der"
        der_file.write_bytes(cert.public_bytes(serialization.Encoding.DER))
        object_id = f"{index:02x}"
        _run(
            "softhsm2-util", "--import", str(key_file), "--token", TOKEN_LABEL,
            "--label", label, "--id", object_id, "--pin", USER_PIN, env=env,
        )  # fmt: skip
        _run(
            "pkcs11-tool", "--module", str(SOFTHSM_MODULE), "--token-label", TOKEN_LABEL,
            "--login", "--pin", USER_PIN, "--write-object", str(der_file), "--type", "cert",
            "--id", object_id, "--label", label, env=env,
        )  # fmt: skip
        key_file.unlink()  # the key lives on the token only, as on a real one
        pem = folder / f"{label}.pem"
        pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        certs[label] = pem
    return SoftToken(
        folder=folder,
        conf=conf,
        module=SOFTHSM_MODULE,
        label=TOKEN_LABEL,
        pin=USER_PIN,
        ca_pem=ca_pem,
        certs=certs,
    )


def spy_module() -> Path | None:
    return next((path for path in SPY_MODULES if path.is_file()), None)
