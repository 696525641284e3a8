"""Signing with a real SoftHSM2 token: list, sign, validate; wrong PIN; expired certificate."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desk.devices.signature_check import verify_pdf
from desk.devices.signing import SigningOptions, sign_pdf
from desk.devices.token import TokenStatus, open_token_device
from desk.devices.token_errors import CertificateRefused, PinError
from desk.devices.token_pkcs11 import Pkcs11Module
from tests.conftest import TEST_EPOCH
from tests.devices.token.conftest import login_attempts, result_pdf
from tests.devices.token.softhsm import AGENCY, HOLDER, SoftToken

NOW = TEST_EPOCH.astimezone(UTC)  # the instant the test token's certificates are made around


def _options(font_path: Path, **extra: object) -> SigningOptions:
    return SigningOptions(agency_name=AGENCY, font_path=font_path, **extra)  # type: ignore[arg-type]


def test_lists_the_token_by_label_with_its_certificates(module: Pkcs11Module) -> None:
    tokens = module.tokens()
    assert [t.label for t in tokens] == ["ci-token"]
    assert not tokens[0].pin.locked
    certs = {c.label: c for c in module.certificates("ci-token")}
    assert set(certs) == {"signer", "expired", "expiring"}
    signer = certs["signer"]
    assert HOLDER in signer.subject
    assert "CA THỬ NGHIỆM MOTCUA" in signer.issuer
    assert set(signer.key_usage) == {"digital_signature", "non_repudiation"}
    assert signer.not_before < NOW < signer.not_after
    now = NOW
    assert certs["expiring"].expires_soon(now)
    warning = certs["expiring"].expiry_warning(now)
    assert warning is not None and "sẽ hết hạn sau" in warning
    assert certs["signer"].expiry_warning(now) is None


def test_sign_then_validate_intact_whole_file_trusted(
    module: Pkcs11Module, soft_token: SoftToken, font_path: Path
) -> None:
    now = NOW
    signed = sign_pdf(
        result_pdf(),
        module=module,
        token_label="ci-token",
        cert_label="signer",
        pin=soft_token.pin,
        options=_options(font_path),
        now=now,
    )
    assert signed.level == "PAdES-B-B"
    assert any("PAdES-B-B" in note for note in signed.notes)
    report = verify_pdf(signed.data, [soft_token.ca_pem.read_bytes()], at=NOW)
    assert report.ok, report.as_dict()
    (check,) = report.signatures
    assert check.intact and check.valid and check.whole_file and check.trusted
    assert HOLDER in check.signer
    assert check.signing_time is not None
    # pyHanko stamps the machine's own clock as the signing time (the desk's clock in use)
    assert abs(check.signing_time - datetime.now(UTC)) < timedelta(minutes=1)


def test_wrong_pin_one_login_attempt_and_vietnamese_message(
    module: Pkcs11Module, soft_token: SoftToken, font_path: Path
) -> None:
    before = login_attempts(soft_token)
    with pytest.raises(PinError) as caught:
        sign_pdf(
            result_pdf(),
            module=module,
            token_label="ci-token",
            cert_label="signer",
            pin="0000",
            options=_options(font_path),
            now=NOW,
        )
    assert login_attempts(soft_token) - before == 1
    assert caught.value.message.startswith("Mã PIN không đúng.")
    assert "0000" not in caught.value.message
    # SoftHSM raises "count low" after a wrong PIN; the next status read shows it.
    assert module.token_info("ci-token").pin.count_low


def test_expired_certificate_refused_before_any_login(
    module: Pkcs11Module, soft_token: SoftToken, font_path: Path
) -> None:
    before = login_attempts(soft_token)
    with pytest.raises(CertificateRefused) as caught:
        sign_pdf(
            result_pdf(),
            module=module,
            token_label="ci-token",
            cert_label="expired",
            pin=soft_token.pin,
            options=_options(font_path),
            now=NOW,
        )
    assert login_attempts(soft_token) == before
    assert "đã hết hạn" in caught.value.message


def test_device_state_ready_with_the_token(soft_token: SoftToken, spy_path: Path) -> None:
    device = open_token_device(str(spy_path))
    state = device.state()
    assert state.status is TokenStatus.READY
    assert [t.label for t in state.tokens] == ["ci-token"]


def _cid_widths(node: object, seen: set[int]) -> list[int]:
    """Every glyph width (/W) of the CID fonts reachable from ``node`` (pypdf objects)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    if isinstance(node, IndirectObject):
        if node.idnum in seen:
            return []
        seen.add(node.idnum)
        node = node.get_object()
    found: list[int] = []
    if isinstance(node, DictionaryObject):
        if node.get("/Subtype") == "/CIDFontType2":
            table = node["/W"]
            assert isinstance(table, ArrayObject)
            found += [int(w) for part in table if isinstance(part, ArrayObject) for w in part]
        for key, value in node.items():
            if key != "/Parent":
                found += _cid_widths(value, seen)
    elif isinstance(node, ArrayObject):
        for item in node:
            found += _cid_widths(item, seen)
    return found


def test_stamp_glyph_widths_are_in_thousandths_of_an_em(
    module: Pkcs11Module, soft_token: SoftToken, font_path: Path
) -> None:
    """Liberation Serif has 2048 units per em; unscaled widths spread the stamp's letters."""
    import io

    from pypdf import PdfReader

    signed = sign_pdf(
        result_pdf(),
        module=module,
        token_label="ci-token",
        cert_label="signer",
        pin=soft_token.pin,
        options=_options(font_path),
        now=NOW,
    )
    page = PdfReader(io.BytesIO(signed.data)).pages[0]
    widths = _cid_widths(page["/Annots"], set())
    assert widths, "the stamp has no CID font"
    assert max(widths) <= 1000  # "N" is 1479 units of 2048, i.e. 722 thousandths
    assert max(widths) >= 700


def test_unreachable_tsa_gives_b_b_and_says_so(
    module: Pkcs11Module, soft_token: SoftToken, font_path: Path
) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/tsa"
    signed = sign_pdf(
        result_pdf(),
        module=module,
        token_label="ci-token",
        cert_label="signer",
        pin=soft_token.pin,
        options=_options(font_path, tsa_url=url),
        now=NOW,
    )
    assert signed.level == "PAdES-B-B"
    assert any("Không kết nối được máy chủ dấu thời gian" in n and url in n for n in signed.notes)
    assert verify_pdf(signed.data, [soft_token.ca_pem.read_bytes()], at=NOW).ok
