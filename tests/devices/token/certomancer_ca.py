"""A real CA for the long-term-validation tests: Certomancer (as pyHanko's own tests use it)
serving an RFC 3161 TSA, an OCSP responder and CRLs over HTTP on 127.0.0.1, started by the
test and stopped after it. Every certificate and every answer is dated from the test clock.

The officer's certificate is issued for the public key of the SoftHSM2 token's "signer" key
(the private key never leaves the token) and carries the CA's OCSP and CRL addresses.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ARCH = "motcua-ca"
SIGNER_DAYS = 60
"""The officer's certificate is short-lived: the tests look at the file after it expired."""


@dataclass(frozen=True)
class LocalCa:
    url: str
    tsa_url: str
    root_pem: Path
    signer_der: bytes
    signer_not_after: datetime


def _write_key(path: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def _usage(*names: str) -> dict[str, object]:
    return {
        "id": "key_usage",
        "critical": True,
        "smart-value": {"schema": "key-usage", "params": list(names)},
    }


def _config(now: datetime) -> dict[str, object]:
    def window(before: int, after: int) -> dict[str, str]:
        fmt = "%Y-%m-%dT%H:%M:%S%z"
        return {
            "valid-from": (now - timedelta(days=before)).strftime(fmt),
            "valid-to": (now + timedelta(days=after)).strftime(fmt),
        }

    revocation = [
        {
            "id": "crl_distribution_points",
            "smart-value": {"schema": "crl-dist-url", "params": {"crl-repo-names": ["root"]}},
        },
        {
            "id": "authority_information_access",
            "smart-value": {"schema": "aia-urls", "params": {"ocsp-responder-names": ["root"]}},
        },
    ]
    return {
        "keysets": {
            ARCH: {
                "keys": {
                    "root": {"path": "root.key.pem"},
                    "tsa": {"path": "tsa.key.pem"},
                    "signer": {"path": "signer.pub.pem", "public-only": True},
                }
            }
        },
        "pki-architectures": {
            ARCH: {
                "keyset": ARCH,
                "entity-defaults": {"country-name": "VN", "organization-name": "CA THỬ NGHIỆM"},
                "entities": {
                    "root": {"common-name": "CA THỬ NGHIỆM GỐC"},
                    "tsa": {"common-name": "TSA THỬ NGHIỆM"},
                    "signer": {
                        "common-name": "CÔNG DÂN THỬ NGHIỆM",
                        "organization-name": "UBND xã Thử Nghiệm",
                    },
                },
                "certs": {
                    "root": {
                        "subject": "root",
                        "subject-key": "root",
                        "issuer": "root",
                        "authority-key": "root",
                        "validity": window(365, 3650),
                        "extensions": [
                            {"id": "basic_constraints", "critical": True, "value": {"ca": True}},
                            _usage("digital_signature", "key_cert_sign", "crl_sign"),
                        ],
                    },
                    "tsa": {
                        "issuer": "root",
                        "validity": window(365, 3650),
                        "extensions": [
                            _usage("digital_signature"),
                            {
                                "id": "extended_key_usage",
                                "critical": True,
                                "value": ["time_stamping"],
                            },
                            *revocation,
                        ],
                    },
                    "signer": {
                        "issuer": "root",
                        "validity": window(30, SIGNER_DAYS),
                        "extensions": [
                            _usage("digital_signature", "non_repudiation"),
                            *revocation,
                        ],
                    },
                },
                "services": {
                    "ocsp": {
                        "root": {
                            "for-issuer": "root",
                            "responder-cert": "root",
                            "signing-key": "root",
                        }
                    },
                    "crl-repo": {
                        "root": {
                            "for-issuer": "root",
                            "signing-key": "root",
                            "simulated-update-schedule": "P30D",
                        }
                    },
                    "time-stamping": {"tsa": {"signing-key": "tsa", "signing-cert": "tsa"}},
                },
            }
        },
    }


@contextmanager
def running_ca(folder: Path, signer_cert_pem: Path, now: datetime) -> Iterator[LocalCa]:
    """Certomancer on a free port of 127.0.0.1, answering as of ``now``, until the end."""
    from certomancer.integrations.animator import Animator, AnimatorArchStore
    from certomancer.registry import ArchLabel, CertLabel, CertomancerConfig
    from werkzeug.serving import make_server

    folder.mkdir(parents=True, exist_ok=True)
    _write_key(folder / "root.key.pem")
    _write_key(folder / "tsa.key.pem")
    public = x509.load_pem_x509_certificate(signer_cert_pem.read_bytes()).public_key()
    (folder / "signer.pub.pem").write_bytes(
        public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    server = make_server("127.0.0.1", 0, lambda env, start: [])  # the app is set below
    url = f"http://127.0.0.1:{server.server_port}"
    config = CertomancerConfig(_config(now), key_search_dir=str(folder), external_url_prefix=url)
    arch = config.get_pki_arch(ArchLabel(ARCH))
    server.app = Animator(AnimatorArchStore(config.pki_archs), at_time=now, with_web_ui=False)
    root_pem = folder / "root.pem"
    root_pem.write_bytes(
        x509.load_der_x509_certificate(arch.get_cert(CertLabel("root")).dump()).public_bytes(
            serialization.Encoding.PEM
        )
    )
    signer = arch.get_cert(CertLabel("signer"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalCa(
            url=url,
            tsa_url=f"{url}/{ARCH}/tsa/tsa",
            root_pem=root_pem,
            signer_der=signer.dump(),
            signer_not_after=signer.not_valid_after,
        )
    finally:
        server.shutdown()
        thread.join(timeout=30)
        server.server_close()
