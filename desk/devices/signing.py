"""PAdES signing of a result PDF with the officer's token (pyHanko), and checking a signed PDF.

Order of a signature, each step before the next can hurt anything:
1. read the certificate (no PIN) and refuse it when expired, not yet valid or not for signing;
2. read the PIN flags and refuse a locked token;
3. ONE login with the PIN the officer typed;
4. sign: a visible stamp per Nghị định 30/2020 (DOMAIN §7.4: signer, agency, ISO 8601 time
   with the Vietnam offset; the signature/seal images when the office has them), and an
   RFC 3161 timestamp when a TSA is configured and answers (PAdES B-T), else PAdES B-B, said
   so in the result: a B-B file can be timestamped later (LTA upgrade) without re-signing;
5. with the TSA and the office's trust roots, the revocation data (OCSP/CRL) of the chains
   goes into the file too: PAdES B-LT (signing_ltv; the level is read back from the file).
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from desk.devices.signing_ltv import level_of, validation_context
from desk.devices.token_certs import CertificateInfo
from desk.devices.token_errors import SigningError, TokenError, quiet_library_logs
from desk.devices.token_pkcs11 import Pkcs11Module

log = logging.getLogger(__name__)

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
FIELD_NAME = "ChuKySo"
STAMP_SIZE = (210.0, 64.0)  # points: wide enough for an agency name on two lines
STAMP_MARGIN = 28.0
TSA_TIMEOUT = 5.0


@dataclass(frozen=True)
class SigningOptions:
    agency_name: str
    font_path: Path
    """A TrueType face with every Vietnamese letter (ND 30/2020 asks for Times New Roman)."""
    tsa_url: str | None = None
    signature_image: Path | None = None
    seal_image: Path | None = None
    reason: str = "Ký số kết quả giải quyết thủ tục hành chính"
    location: str = ""
    trust_roots: tuple[bytes, ...] = ()
    """The CA roots: with a TSA too, the signature embeds revocation data (PAdES B-LT)."""


@dataclass(frozen=True)
class SignedPdf:
    data: bytes
    level: str
    """"PAdES-B-T" (timestamped by the TSA) or "PAdES-B-B" (no TSA reachable)."""
    signed_at: datetime
    field_name: str
    certificate_label: str
    notes: tuple[str, ...] = ()
    """Vietnamese notes for the officer (no TSA, certificate expiring soon …)."""


def stamp_text(signer: str, agency: str, at: datetime) -> str:
    at_local = at.astimezone(VIETNAM).replace(microsecond=0)
    return f"Người ký: {signer}\nCơ quan: {agency}\nThời gian ký: {at_local.isoformat()}"


def signer_name(cert: CertificateInfo) -> str:
    from asn1crypto import x509

    subject = x509.Certificate.load(cert.der).subject.native
    return str(subject.get("common_name") or cert.subject)


def timestamper(url: str | None) -> tuple[Any, str | None]:
    """A working RFC 3161 client for ``url``, or None with the reason it is not used."""
    from desk.i18n import translate

    if not url:
        return None, translate(
            "Chưa cấu hình máy chủ dấu thời gian (TSA): chữ ký ở mức PAdES-B-B, thời gian ký "
            "lấy theo đồng hồ máy này; có thể bổ sung dấu thời gian sau."
        )
    from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper

    stamper = RequestsHTTPTimeStamper(url, timeout=TSA_TIMEOUT)  # type: ignore[no-untyped-call]
    try:
        # The same request pyHanko makes first to size the signature: a real TSA answer.
        asyncio.run(stamper.async_dummy_response("sha256"))
    except Exception as error:  # any network or TSA fault means: sign without it
        log.info("TSA not usable: %s", type(error).__name__)
        return None, translate(
            "Không kết nối được máy chủ dấu thời gian (TSA) {url}: chữ ký ở mức PAdES-B-B, "
            "thời gian ký lấy theo đồng hồ máy này; có thể bổ sung dấu thời gian sau.",
            {"url": url},
        )
    return stamper, None


def _background(options: SigningOptions) -> Any:
    """Signature image (blue) with the seal (red) over its left third, as one picture."""
    from PIL import Image
    from pyhanko.pdf_utils.images import PdfImage

    images = [p for p in (options.signature_image, options.seal_image) if p is not None]
    if not images:
        return None
    try:
        loaded = [Image.open(p).convert("RGBA") for p in images]
    except OSError:
        raise SigningError(
            "Không đọc được ảnh chữ ký hoặc ảnh con dấu trong cài đặt ký số. Chọn lại tệp PNG "
            "nền trong suốt."
        ) from None
    if len(loaded) == 1:
        return PdfImage(loaded[0])
    signature, seal = loaded
    width = seal.width + signature.width * 2 // 3
    canvas = Image.new("RGBA", (width, max(seal.height, signature.height)), (255, 255, 255, 0))
    canvas.alpha_composite(signature, (seal.width * 2 // 3, 0))
    canvas.alpha_composite(seal, (0, 0))
    return PdfImage(canvas)


@cache
def _font_bytes(font_path: Path) -> bytes:
    return font_path.read_bytes()


def _font_factory(font_path: Path) -> Any:
    """pyHanko's font factory, fixed for TrueType faces and reading the face from memory.

    pyHanko writes glyph widths (/W) and kerning (TJ) in the face's own units, which PDF reads
    as 1/1000 em: right for most OpenType (CFF) faces, but TrueType faces such as Liberation
    Serif use 2048 units, and every letter would stand twice too far from the next. The
    accumulator below asks HarfBuzz for 1000-unit positions and scales the widths to match.
    (pyHanko's own factory also leaves the font file open.)
    """
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    try:
        face = _font_bytes(font_path)
    except OSError:
        raise SigningError(
            "Không đọc được phông chữ {path} để vẽ dấu chữ ký. Cài lại phần mềm.",
            path=str(font_path),
        ) from None

    class ThousandUnitAccumulator(GlyphAccumulator):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._face_units = self.units_per_em
            self.units_per_em = 1000
            self.hb_font.scale = (1000, 1000)

        def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
            if glyph_id not in self._glyphs:
                cid, width = super()._get_cid_and_width(glyph_id)
                self._glyphs[glyph_id] = (cid, round(width * 1000 / self._face_units))
            result: tuple[int, int] = self._glyphs[glyph_id]
            return result

    class InMemoryFontFactory(GlyphAccumulatorFactory):
        def create_font_engine(self, writer: Any, obj_stream: Any = None) -> Any:
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return ThousandUnitAccumulator(
                writer=writer,
                font_handle=io.BytesIO(face),
                font_size=self.font_size,
                obj_stream=obj_stream,
            )

    return InMemoryFontFactory(str(font_path), font_size=9)


def sign_pdf(
    pdf: bytes,
    *,
    module: Pkcs11Module,
    token_label: str,
    cert_label: str | None,
    pin: str,
    options: SigningOptions,
    now: datetime,
) -> SignedPdf:
    """Sign ``pdf`` with the token: certificate checks, one login, PAdES signature."""
    quiet_library_logs()
    cert = choose_certificate(module.certificates(token_label), cert_label)
    cert.check_can_sign(now)  # before the PIN: an expired certificate never costs a try
    notes = [n for n in (cert.expiry_warning(now),) if n]
    stamper, no_tsa = timestamper(options.tsa_url)
    if no_tsa:
        notes.append(no_tsa)
    session = module.login(token_label, pin, issuer=cert.issuer_name)
    try:
        data = _sign_with_session(pdf, session, cert, options, stamper, now)
    finally:
        session.close()
    from desk.i18n import translate

    level = level_of(data, stamper is not None)
    if level == "PAdES-B-T" and options.trust_roots:
        notes.append(
            translate(
                "Không lấy được dữ liệu thu hồi (OCSP/CRL) của chứng thư: chữ ký ở mức "
                "PAdES-B-T; có thể bổ sung sau để kiểm tra lâu dài."
            )
        )
    return SignedPdf(
        data=data,
        level=level,
        signed_at=now,
        field_name=FIELD_NAME,
        certificate_label=cert.label,
        notes=tuple(notes),
    )


def choose_certificate(certs: Sequence[CertificateInfo], label: str | None) -> CertificateInfo:
    if label is not None:
        for cert in certs:
            if cert.label == label:
                return cert
        raise TokenError(
            "Không có chứng thư số nhãn {label} trên token (có: {labels}).",
            label=label,
            labels=", ".join(c.label for c in certs) or "—",
        )
    signing = [c for c in certs if c.has_key is not False]
    if len(signing) == 1:
        return signing[0]
    if not signing:
        raise TokenError("Token không có chứng thư số nào để ký.")
    raise TokenError(
        "Token có {n} chứng thư số ({labels}): chọn một bằng --cert NHÃN.",
        n=len(signing),
        labels=", ".join(c.label for c in signing),
    )


def _sign_with_session(
    pdf: bytes,
    session: Any,
    cert: CertificateInfo,
    options: SigningOptions,
    stamper: Any,
    now: datetime,
) -> bytes:
    from asn1crypto import x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.sign.pkcs11 import PKCS11Signer
    from pyhanko.stamp import TextStampStyle

    quiet_library_logs()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        page_ref, _ = writer.find_page_for_modification(0)  # type: ignore[no-untyped-call]
        _, _, x1, y1 = (float(v) for v in page_ref.get_object()["/MediaBox"])
    except (PdfError, KeyError, ValueError, IndexError):
        raise SigningError(
            "Tệp cần ký không phải PDF hợp lệ (hoặc đã hỏng). Xuất lại tệp kết quả rồi ký lại."
        ) from None
    if FIELD_NAME in {name for name, *_ in fields.enumerate_sig_fields(writer)}:
        raise SigningError("Tệp này đã được ký số trên token rồi; không ký lại lần nữa.")
    # Top-right corner of the first page, where ND 30/2020 puts the text-only stamp.
    width, height = STAMP_SIZE
    right, top = x1 - STAMP_MARGIN, y1 - STAMP_MARGIN
    box = (int(right - width), int(top - height), int(right), int(top))
    style = TextStampStyle(
        stamp_text="%(noi_dung)s",
        text_box_style=TextBoxStyle(font=_font_factory(options.font_path), leading=11),
        background=_background(options),
        background_opacity=1.0,
        border_width=0,
    )
    signer = PKCS11Signer(
        session,
        signing_cert=x509.Certificate.load(cert.der),
        key_id=bytes.fromhex(cert.id_hex),
    )
    long_term = stamper is not None and bool(options.trust_roots)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=options.reason,
        location=options.location or None,
        embed_validation_info=long_term,
        validation_context=validation_context(options.trust_roots, now) if long_term else None,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer,
        timestamper=stamper,
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(FIELD_NAME, on_page=0, box=box),
    )
    output = io.BytesIO()
    try:
        pdf_signer.sign_pdf(
            writer,
            output=output,
            appearance_text_params={
                "noi_dung": stamp_text(signer_name(cert), options.agency_name, now)
            },
        )
    except Exception as error:  # pyHanko/PKCS#11 faults: say so plainly, keep nothing
        log.warning("signing failed: %s", type(error).__name__)
        raise SigningError(
            "Token không ký được tài liệu ({kind}). Không có tệp nào được ghi. Rút token ra, "
            "cắm lại rồi ký lại.",
            kind=type(error).__name__,
        ) from None
    return output.getvalue()
