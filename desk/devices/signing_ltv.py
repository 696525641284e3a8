"""Long-term validation of a signed result (PAdES B-LT, and B-LTA for a later upgrade).

A result must stay verifiable after the officer's certificate expires. With the office's TSA
configured and its trust roots known, the signature is timestamped (B-T) and the revocation
data of the signer's and the TSA's chains (OCSP responses or CRLs, fetched from the URLs in the
certificates) go into the file's Document Security Store: B-LT. A B-B file (no TSA reachable
when it was signed) is brought up later, when the link returns, without re-signing: its
revocation data is added and a document timestamp covers the whole file (B-LTA).

The level is read back from the file, never assumed: a CA whose OCSP and CRL could not be
reached leaves no revocation data, and the file is then only B-T.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from desk.devices.signature_check import load_certificates
from desk.devices.token_errors import SigningError, quiet_library_logs

log = logging.getLogger(__name__)


def validation_context(trust_roots: Sequence[bytes], now: datetime) -> Any:
    """A context that may fetch OCSP/CRL over the network, judging at ``now``."""
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=load_certificates(trust_roots), allow_fetching=True, moment=now
    )


def has_revocation_data(data: bytes) -> bool:
    """The file's DSS holds OCSP responses or CRLs (what makes B-T into B-LT)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    root = PdfFileReader(io.BytesIO(data), strict=False).root
    dss = root.get("/DSS")
    if dss is None:
        return False
    dss = dss.get_object()
    return any(len(dss.get(key, [])) > 0 for key in ("/OCSPs", "/CRLs"))


def level_of(data: bytes, timestamped: bool) -> str:
    if not timestamped:
        return "PAdES-B-B"
    return "PAdES-B-LT" if has_revocation_data(data) else "PAdES-B-T"


def extend_pdf(data: bytes, stamper: Any, trust_roots: Sequence[bytes], now: datetime) -> bytes:
    """Bring a signed file up to B-LTA: revocation data for its signatures, then a document
    timestamp from ``stamper`` over the whole file (with the TSA's own revocation data)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers
    from pyhanko.sign.validation import add_validation_info

    quiet_library_logs()
    context = validation_context(trust_roots, now)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
        if not signatures:
            raise SigningError("Tệp không có chữ ký số nào để bổ sung dấu thời gian.")
        with_revinfo = add_validation_info(signatures[-1], context, output=io.BytesIO())
        writer = IncrementalPdfFileWriter(io.BytesIO(with_revinfo.getvalue()), strict=False)
        output = signers.PdfTimeStamper(stamper).timestamp_pdf(
            writer, "sha256", validation_context=context, output=io.BytesIO()
        )
    except SigningError:
        raise
    except Exception as error:  # network, CA or file faults: keep the file as it was
        log.warning("LTV upgrade failed: %s", type(error).__name__)
        raise SigningError(
            "Không bổ sung được dữ liệu kiểm tra lâu dài cho tệp đã ký ({kind}): tệp vẫn giữ "
            "nguyên như cũ. Kiểm tra kết nối tới máy chủ dấu thời gian và CA rồi thử lại.",
            kind=type(error).__name__,
        ) from None
    result: bytes = output.getvalue()
    return result
