"""Checking the signatures of a PDF (pyHanko) and saying in Vietnamese what holds and what not.

Four questions per signature: is the signed content intact (and the cryptography valid), does
the signature cover the whole file (nothing added after it but allowed updates), does the
chain lead to a trusted root (the roots are given: the desk ships no CA list), and when was
it signed (from a TSA timestamp, else only the signer's claim). Nothing is fetched from the
network: revocation is not checked here, and the report says so.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desk.devices.token_errors import SigningError, quiet_library_logs
from desk.i18n import translate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignatureCheck:
    field_name: str
    signer: str
    issuer: str
    intact: bool
    valid: bool
    whole_file: bool
    trusted: bool
    signing_time: datetime | None
    timestamped: bool
    findings: tuple[str, ...]
    """One Vietnamese sentence per question, in the order asked."""

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.whole_file and self.trusted


@dataclass(frozen=True)
class VerificationReport:
    signatures: tuple[SignatureCheck, ...]

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and all(s.ok for s in self.signatures)

    def summary(self) -> str:
        if not self.signatures:
            return translate("Tệp không có chữ ký số nào.")
        if self.ok:
            return translate("Mọi chữ ký số trong tệp đều hợp lệ.")
        return translate("Có chữ ký số trong tệp KHÔNG hợp lệ: xem chi tiết từng chữ ký.")

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "summary": self.summary(),
            "signatures": [
                {
                    "field": s.field_name,
                    "signer": s.signer,
                    "issuer": s.issuer,
                    "ok": s.ok,
                    "intact": s.intact,
                    "valid": s.valid,
                    "whole_file": s.whole_file,
                    "trusted": s.trusted,
                    "signing_time": s.signing_time.isoformat() if s.signing_time else None,
                    "timestamped": s.timestamped,
                    "findings": list(s.findings),
                }
                for s in self.signatures
            ],
        }


def load_certificates(blobs: Sequence[bytes]) -> list[Any]:
    """asn1crypto certificates from DER or PEM bytes (one certificate per item)."""
    from asn1crypto import pem, x509

    certs = []
    for blob in blobs:
        der = pem.unarmor(blob)[2] if pem.detect(blob) else blob
        try:
            certs.append(x509.Certificate.load(der))
            _ = certs[-1].subject  # parse now: a bad file fails here, not deep in validation
        except ValueError:
            raise SigningError(
                "Tệp chứng thư gốc tin cậy không đọc được (cần tệp .pem hoặc .der của chứng thư "
                "CA)."
            ) from None
    return certs


def verify_pdf(
    data: bytes, trust_roots: Sequence[bytes] = (), *, at: datetime | None = None
) -> VerificationReport:
    """Checks every signature of ``data``; certificates are judged at ``at`` (default: now)."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    quiet_library_logs()
    roots = load_certificates(trust_roots)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError):
        raise SigningError(
            "Tệp không phải PDF hợp lệ (hoặc đã hỏng): không kiểm tra được."
        ) from None
    return VerificationReport(tuple(_check(sig, roots, at) for sig in embedded))


def _check(embedded: Any, roots: list[Any], at: datetime | None) -> SignatureCheck:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=roots, allow_fetching=False, moment=at)
    if embedded.sig_object_type == "/DocTimeStamp":
        return _check_timestamp(embedded, context)
    try:
        status = validate_pdf_signature(embedded, context)
    except (SignatureValidationError, ValueError) as error:
        log.info("signature could not be validated: %s", type(error).__name__)
        return SignatureCheck(
            field_name=str(embedded.field_name),
            signer="",
            issuer="",
            intact=False,
            valid=False,
            whole_file=False,
            trusted=False,
            signing_time=None,
            timestamped=False,
            findings=(
                translate(
                    "Chữ ký {field} bị hỏng, không đọc được: coi như không hợp lệ.",
                    {"field": str(embedded.field_name)},
                ),
            ),
        )
    whole = _covers_file(status, embedded)
    ts_validity = status.timestamp_validity
    timestamped = ts_validity is not None and bool(ts_validity.intact and ts_validity.valid)
    signing_time = (
        ts_validity.timestamp
        if ts_validity is not None and timestamped
        else status.signer_reported_dt
    )
    cert = status.signing_cert
    findings = [
        translate("Nội dung đã ký còn nguyên vẹn, chữ ký đúng về mật mã.")
        if status.intact and status.valid
        else translate("Nội dung đã bị thay đổi sau khi ký, hoặc chữ ký sai: KHÔNG hợp lệ."),
        translate("Chữ ký bao trùm toàn bộ tệp.")
        if status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        else translate(
            "Chữ ký bao trùm toàn bộ tệp, trừ phần bổ sung sau để kiểm tra lâu dài (dữ liệu thu "
            "hồi chứng thư, dấu thời gian tài liệu)."
        )
        if whole
        else translate(
            "Chữ ký KHÔNG bao trùm toàn bộ tệp: có phần được thêm vào sau khi ký, cần xem lại."
        ),
        translate("Chứng thư của người ký dẫn tới một chứng thư gốc tin cậy.")
        if status.trusted
        else translate(
            "Chứng thư của người ký KHÔNG dẫn tới chứng thư gốc tin cậy nào đã cho (hoặc đã hết "
            "hạn): chưa xác nhận được người ký."
        ),
    ]
    if signing_time is None:
        findings.append(translate("Chữ ký không ghi thời gian ký."))
    elif timestamped:
        findings.append(
            translate(
                "Thời gian ký {at}, có dấu thời gian của máy chủ TSA.",
                {"at": signing_time.isoformat()},
            )
        )
    else:
        findings.append(
            translate(
                "Thời gian ký {at} theo đồng hồ máy của người ký (không có dấu thời gian TSA).",
                {"at": signing_time.isoformat()},
            )
        )
    findings.append(translate("Chưa kiểm tra tình trạng thu hồi chứng thư (cần mạng)."))
    return SignatureCheck(
        field_name=str(embedded.field_name),
        signer=cert.subject.human_friendly if cert is not None else "",
        issuer=cert.issuer.human_friendly if cert is not None else "",
        intact=bool(status.intact),
        valid=bool(status.valid),
        whole_file=whole,
        trusted=bool(status.trusted),
        signing_time=signing_time,
        timestamped=timestamped,
        findings=tuple(findings),
    )


def _covers_file(status: Any, embedded: Any) -> bool:
    """The whole file, or all but the updates PAdES allows after a signature for long-term
    validation (a DSS with revocation data, a document timestamp): nothing else added, not
    even bytes after the last revision."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    reader = embedded.reader
    later_revisions = reader.xrefs.total_revisions - 1 > embedded.signed_revision
    stream = reader.stream
    stream.seek(0)
    ends_clean = stream.read().rstrip().endswith(b"%%EOF")
    return bool(
        status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
        and status.modification_level is not None
        and status.modification_level <= ModificationLevel.LTA_UPDATES
        and later_revisions
        and ends_clean
    )


def _check_timestamp(embedded: Any, context: Any) -> SignatureCheck:
    """A document timestamp (PAdES B-LTA): the TSA's signature over the file as it was."""
    from pyhanko.sign.validation import validate_pdf_timestamp
    from pyhanko.sign.validation.errors import SignatureValidationError

    try:
        status = validate_pdf_timestamp(embedded, validation_context=context)
    except (SignatureValidationError, ValueError) as error:
        log.info("document timestamp could not be validated: %s", type(error).__name__)
        status = None
    good = status is not None and bool(status.intact and status.valid)
    trusted = status is not None and bool(status.trusted)
    whole = status is not None and _covers_file(status, embedded)
    cert = status.signing_cert if status is not None else None
    at = status.timestamp if status is not None else None
    findings = (
        translate(
            "Dấu thời gian tài liệu của máy chủ TSA lúc {at}: còn nguyên vẹn.",
            {"at": at.isoformat() if at is not None else ""},
        )
        if good and at is not None
        else translate("Dấu thời gian tài liệu bị hỏng hoặc sai: KHÔNG hợp lệ."),
    )
    return SignatureCheck(
        field_name=str(embedded.field_name),
        signer=cert.subject.human_friendly if cert is not None else "",
        issuer=cert.issuer.human_friendly if cert is not None else "",
        intact=good,
        valid=good,
        whole_file=whole,
        trusted=trusted,
        signing_time=at,
        timestamped=good,
        findings=findings,
    )
