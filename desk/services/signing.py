"""Signing a dossier's result PDF with the officer's token, and keeping it with the dossier.

The token work (certificate checks, the one login, the signature) happens outside any
database transaction: it can take seconds and must not hold the write lock. Then the signed
file is written to the blob store (content-addressed, atomically) and ONE transaction adds
its ``blob`` row and the dossier's ``result_signed`` audit event, whose payload carries the
validation result. A power cut between the two leaves at most an unreferenced blob file,
never an event pointing at nothing. No personal data goes to the log or the event: the
certificate is named by its label, serial and issuer.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from data.models import Blob, Officer
from desk.devices.signature_check import VerificationReport, verify_pdf
from desk.devices.signing import (
    FIELD_NAME,
    SignedPdf,
    SigningOptions,
    choose_certificate,
    sign_pdf,
    timestamper,
)
from desk.devices.signing_ltv import extend_pdf
from desk.devices.token import RealTokenDevice, open_token_device
from desk.devices.token_certs import CertificateInfo
from desk.devices.token_errors import SigningError
from desk.devices.token_pkcs11 import Pkcs11Module, find_module, locked_error
from desk.domain.validation import os_reason, updated_settings
from desk.errors import AuthError, ConfigError
from desk.fileio import write_atomically
from desk.services.blobs import BlobStore
from desk.services.context import ServiceContext
from desk.services.dossiers import find_dossier
from desk.services.ledger import append_event, enqueue_command
from desk.services.settings import (
    SigningSettings,
    load_office,
    load_signing_settings,
    save_signing_settings,
)
from desk.services.signed_results import (
    RESULT_COMMAND,
    SignedResultView,
    back_office_result,
    signed_result,
)
from printing.fonts import FONT_DIR
from sync.protocol import ResultSigned

log = logging.getLogger(__name__)

PDF_MEDIA_TYPE = "application/pdf"
EVENT_KIND = "result_signed"
STAMP_FONT = FONT_DIR / "LiberationSerif-Regular.ttf"  # Times New Roman metrics (ND 30/2020)


@dataclass(frozen=True)
class SignedResult:
    code: str
    sha256: str
    signed: SignedPdf
    report: VerificationReport


class SigningService:
    def __init__(self, context: ServiceContext, blob_dir: Path) -> None:
        self._context = context
        self._blobs = BlobStore(context, blob_dir)

    # ---------------------------------------------------------------- settings

    def settings(self) -> SigningSettings:
        with self._context.db.read() as session:
            return load_signing_settings(session)

    def update_settings(self, **changes: object) -> SigningSettings:
        with self._context.db.write() as session:
            settings = updated_settings(SigningSettings, load_signing_settings(session), changes)
            save_signing_settings(session, settings)
            return settings

    # ---------------------------------------------------------------- the token

    def device(self, module_path: str | None = None) -> RealTokenDevice:
        """The token device for ``module_path``, else the configured one, else a probe."""
        return open_token_device(module_path or self.settings().module_path)

    def module(self, module_path: str | None = None) -> Pkcs11Module:
        return Pkcs11Module(find_module(module_path or self.settings().module_path))

    def options(self, settings: SigningSettings | None = None) -> SigningOptions:
        settings = settings or self.settings()
        with self._context.db.read() as session:
            office = load_office(session)
        return SigningOptions(
            agency_name=office.agency_name,
            font_path=STAMP_FONT,
            tsa_url=settings.tsa_url,
            signature_image=Path(settings.signature_image) if settings.signature_image else None,
            seal_image=Path(settings.seal_image) if settings.seal_image else None,
            location=office.place_name,
            trust_roots=tuple(self.trust_roots()),
        )

    def trust_roots(self, extra: list[Path] | None = None) -> list[bytes]:
        files = [Path(p) for p in self.settings().trust_roots] + list(extra or [])
        roots = []
        for path in files:
            try:
                roots.append(path.read_bytes())
            except OSError as error:
                raise ConfigError(
                    "Không đọc được tệp chứng thư gốc tin cậy {path}: {reason}",
                    path=str(path),
                    reason=os_reason(error),
                ) from None
        return roots

    def check_ready(
        self, token_label: str, cert_label: str | None, module_path: str | None = None
    ) -> tuple[CertificateInfo, str | None]:
        """Before asking for the PIN: the certificate may sign now (else CertificateRefused)
        and the token is not locked (else PinError). Returns it with any PIN warning."""
        module = self.module(module_path)
        cert = choose_certificate(module.certificates(token_label), cert_label)
        cert.check_can_sign(self._context.now())
        pin = module.token_info(token_label).pin
        if pin.locked:
            raise locked_error(cert.issuer_name)
        return cert, pin.warning()

    def sign(
        self,
        pdf: bytes,
        *,
        token_label: str,
        cert_label: str | None,
        pin: str,
        module_path: str | None = None,
    ) -> SignedPdf:
        settings = self.settings()
        return sign_pdf(
            pdf,
            module=self.module(module_path),
            token_label=token_label,
            cert_label=cert_label,
            pin=pin,
            options=self.options(settings),
            now=self._context.now(),
        )

    def verify(self, data: bytes, extra_roots: list[Path] | None = None) -> VerificationReport:
        return verify_pdf(data, self.trust_roots(extra_roots), at=self._context.now())

    # ---------------------------------------------------------------- a dossier's result

    def may_sign(self, role: str | None) -> bool:
        """The office rule: officers with one of ``signing_roles`` may sign results."""
        return role is not None and role in self.settings().signing_roles

    def result_to_sign(self, code: str) -> bytes | None:
        """The result file the back office sent for ``code`` (None: the officer picks one)."""
        with self._context.db.read() as session:
            sha256 = back_office_result(session, find_dossier(session, code))
        return self._blobs.get(sha256) if sha256 is not None else None

    def signed(self, code: str) -> SignedResultView | None:
        with self._context.db.read() as session:
            return signed_result(session, find_dossier(session, code))

    def signed_file(self, code: str) -> bytes | None:
        view = self.signed(code)
        return self._blobs.get(view.sha256) if view is not None else None

    def _check_officer(self, officer_id: int | None) -> None:
        if officer_id is None:
            return  # the command line, run by whoever holds the machine and the token
        with self._context.db.read() as session:
            officer = session.get(Officer, officer_id)
            role = officer.role if officer is not None else None
        if not self.may_sign(role):
            raise AuthError(
                "Cán bộ này không được ký số kết quả: theo quy định của cơ quan, chỉ cán bộ có "
                "vai trò được giao (lãnh đạo, văn thư) mới ký. Quản trị viên giao vai trò ở F8."
            )

    def sign_result(
        self,
        code: str,
        pdf: bytes,
        *,
        token_label: str,
        cert_label: str | None,
        pin: str,
        officer_id: int | None,
        module_path: str | None = None,
    ) -> SignedResult:
        """Sign ``pdf`` as dossier ``code``'s result and keep it, checked, with the dossier."""
        self._check_officer(officer_id)
        with self._context.db.read() as session:
            dossier_code = find_dossier(session, code).code  # a typo fails before the PIN
        signed = self.sign(
            pdf, token_label=token_label, cert_label=cert_label, pin=pin, module_path=module_path
        )
        return self._keep(dossier_code, signed, officer_id)

    def extend_result(self, code: str, *, officer_id: int | None = None) -> SignedResult:
        """Bring the signed result of ``code`` up to PAdES B-LTA (revocation data and a
        document timestamp) when the office's TSA answers again; the PIN is not needed."""
        current = self.signed(code)
        if current is None:
            raise SigningError("Hồ sơ {code} chưa có kết quả ký số để bổ sung.", code=code)
        settings = self.settings()
        stamper, no_tsa = timestamper(settings.tsa_url)
        if stamper is None:
            raise SigningError(no_tsa or "")
        data = extend_pdf(
            self._blobs.get(current.sha256), stamper, self.trust_roots(), self._context.now()
        )
        extended = SignedPdf(
            data=data,
            level="PAdES-B-LTA",
            signed_at=self._context.now(),
            field_name=FIELD_NAME,
            certificate_label="",
        )
        return self._keep(current.code, extended, officer_id, extended_from=current.sha256)

    def _keep(
        self, code: str, signed: SignedPdf, officer_id: int | None, **extra: str
    ) -> SignedResult:
        """The signed file to the blob store, then ONE transaction: its row, the event, the
        command for the server (which then names this blob as the dossier's signed result)."""
        report = self.verify(signed.data)
        sha256 = hashlib.sha256(signed.data).hexdigest()
        self._write_blob(sha256, signed.data)
        now = self._context.now()
        citizen_download = self.settings().citizen_download
        with self._context.db.write() as session:
            dossier = find_dossier(session, code)
            if session.get(Blob, sha256) is None:
                session.add(
                    Blob(
                        sha256=sha256,
                        size=len(signed.data),
                        media_type=PDF_MEDIA_TYPE,
                        created_at=now,
                    )
                )
            append_event(
                session,
                dossier,
                kind=EVENT_KIND,
                at=now,
                from_status=dossier.status,
                to_status=dossier.status,
                officer_id=officer_id,
                payload={**_event_payload(sha256, signed, report), **extra},
            )
            enqueue_command(  # the server keeps it; the blob follows the commands
                session,
                desk_id=load_office(session).desk_id,
                command_type=RESULT_COMMAND,
                payload=ResultSigned(
                    code=dossier.code,
                    blob_sha256=sha256,
                    size=len(signed.data),
                    level=signed.level,
                    citizen_download=citizen_download,
                ),
                at=now,
                dossier_id=dossier.id,
            )
        log.info("result of %s kept (%s, blob %s)", code, signed.level, sha256[:12])
        return SignedResult(code=code, sha256=sha256, signed=signed, report=report)

    def _write_blob(self, sha256: str, data: bytes) -> None:
        target = self._blobs.path(sha256)
        if target.is_file() and target.stat().st_size == len(data):
            return
        try:
            write_atomically(target, data)
        except OSError as error:
            raise ConfigError(
                "Không ghi được tệp vào thư mục lưu trữ {folder}: {reason}",
                folder=str(self._blobs.root),
                reason=os_reason(error),
            ) from None


def _event_payload(sha256: str, signed: SignedPdf, report: VerificationReport) -> dict[str, Any]:
    check = report.signatures[-1] if report.signatures else None
    signing_time = check.signing_time if check is not None else None
    return {
        "blob_sha256": sha256,
        "size": len(signed.data),
        "level": signed.level,
        "field": signed.field_name,
        "certificate_label": signed.certificate_label,
        "validation": {
            "ok": report.ok,
            "intact": check.intact if check else False,
            "whole_file": check.whole_file if check else False,
            "trusted": check.trusted if check else False,
            "timestamped": check.timestamped if check else False,
            "signing_time": signing_time.isoformat() if signing_time is not None else None,
        },
    }
