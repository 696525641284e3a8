"""The signing service keeps the signed result with the dossier: blob + audit event, at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from data.models import Blob, DossierEvent
from desk.devices.token_errors import CertificateRefused, PinError
from desk.services.container import DeskServices
from desk.services.signing import EVENT_KIND
from tests.devices.token.conftest import login_attempts, result_pdf
from tests.devices.token.softhsm import SoftToken
from tests.helpers import count, events, receive


@pytest.fixture
def signing_services(services: DeskServices, soft_token: SoftToken, spy_path: Path) -> DeskServices:
    services.signing.update_settings(
        module_path=str(spy_path), trust_roots=[str(soft_token.ca_pem)]
    )
    return services


def test_sign_result_stores_blob_and_event_with_validation(
    signing_services: DeskServices, soft_token: SoftToken
) -> None:
    code = receive(signing_services).code
    result = signing_services.signing.sign_result(
        code,
        result_pdf(),
        token_label=soft_token.label,
        cert_label="signer",
        pin=soft_token.pin,
        officer_id=None,
    )
    assert result.report.ok
    blob_file = signing_services.signing._blobs.path(result.sha256)
    assert blob_file.read_bytes() == result.signed.data
    with signing_services.context.db.read() as session:
        row = session.get(Blob, result.sha256)
        assert row is not None and row.media_type == "application/pdf"
    last = events(signing_services, code)[-1]
    assert last.kind == EVENT_KIND
    payload = json.loads(last.payload)
    assert payload["blob_sha256"] == result.sha256
    assert payload["level"] == "PAdES-B-B"
    assert payload["validation"]["ok"] is True
    assert payload["validation"]["whole_file"] is True
    assert soft_token.pin not in last.payload


def test_refusals_write_nothing(signing_services: DeskServices, soft_token: SoftToken) -> None:
    code = receive(signing_services).code
    blobs, event_count = count(signing_services, Blob), count(signing_services, DossierEvent)
    before = login_attempts(soft_token)
    with pytest.raises(CertificateRefused):
        signing_services.signing.sign_result(
            code,
            result_pdf(),
            token_label=soft_token.label,
            cert_label="expired",
            pin=soft_token.pin,
            officer_id=None,
        )
    assert login_attempts(soft_token) == before
    with pytest.raises(PinError):
        signing_services.signing.sign_result(
            code,
            result_pdf(),
            token_label=soft_token.label,
            cert_label="signer",
            pin="9999",
            officer_id=None,
        )
    assert login_attempts(soft_token) == before + 1
    assert count(signing_services, Blob) == blobs
    assert count(signing_services, DossierEvent) == event_count
