"""A token's certificates as plain data: who, issued by whom, until when, for what.

The desk checks these BEFORE asking for the PIN (Thông tư 15/2025/TT-BKHCN, DOMAIN §7.1): an
expired certificate or one not meant for signing is refused without touching the token's PIN
counter. Errors name the certificate by its label on the token, never by the holder's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desk.devices.token_errors import CertificateRefused

EXPIRY_WARNING_DAYS = 30
SIGNING_USAGES = frozenset({"digital_signature", "non_repudiation"})


@dataclass(frozen=True)
class CertificateInfo:
    token_label: str
    label: str
    """The certificate object's label on the token (what --cert takes)."""
    id_hex: str
    subject: str
    issuer: str
    issuer_name: str
    """The CA, as people call it (the issuer's O, else its CN): who can unlock the token."""
    serial_hex: str
    not_before: datetime
    not_after: datetime
    key_usage: tuple[str, ...]
    has_key: bool | None
    """A matching private key is on the token (None: hidden until login)."""
    der: bytes

    def days_left(self, now: datetime) -> int:
        return (self.not_after - now) // timedelta(days=1)

    def expires_soon(self, now: datetime, days: int = EXPIRY_WARNING_DAYS) -> bool:
        return self.not_before <= now <= self.not_after and self.not_after - now <= timedelta(
            days=days
        )

    def expiry_warning(self, now: datetime) -> str | None:
        """A Vietnamese warning when the certificate expires within 30 days."""
        from desk.i18n import translate

        if not self.expires_soon(now):
            return None
        return translate(
            "Chứng thư số {label} sẽ hết hạn sau {days} ngày ({until}): liên hệ {issuer} để gia "
            "hạn trước khi hết hạn.",
            {
                "label": self.label,
                "days": max(self.days_left(now), 0),
                "until": self.not_after.date().isoformat(),
                "issuer": self.issuer_name,
            },
        )

    def check_can_sign(self, now: datetime) -> None:
        """Raise CertificateRefused unless this certificate may make a signature at ``now``."""
        if now > self.not_after:
            raise CertificateRefused(
                "Chứng thư số {label} đã hết hạn từ ngày {until}: không ký được (chưa nhập mã "
                "PIN). Liên hệ {issuer} để gia hạn hoặc cấp chứng thư mới.",
                label=self.label,
                until=self.not_after.date().isoformat(),
                issuer=self.issuer_name,
            )
        if now < self.not_before:
            raise CertificateRefused(
                "Chứng thư số {label} chỉ có hiệu lực từ ngày {since}: chưa ký được. Kiểm tra "
                "đồng hồ của máy tính.",
                label=self.label,
                since=self.not_before.date().isoformat(),
            )
        if self.key_usage and not SIGNING_USAGES & set(self.key_usage):
            raise CertificateRefused(
                "Chứng thư số {label} không dùng để ký số (mục đích sử dụng khóa: {usage}). "
                "Chọn chứng thư ký số khác trên token (--cert).",
                label=self.label,
                usage=", ".join(self.key_usage),
            )


def certificate_info(
    der: bytes, *, token_label: str, object_label: str, object_id: bytes, has_key: bool | None
) -> CertificateInfo:
    from asn1crypto import x509

    cert = x509.Certificate.load(der)
    tbs = cert["tbs_certificate"]
    validity = tbs["validity"]
    usage = cert.key_usage_value
    issuer_fields = cert.issuer.native
    return CertificateInfo(
        token_label=token_label,
        label=object_label,
        id_hex=object_id.hex(),
        subject=cert.subject.human_friendly,
        issuer=cert.issuer.human_friendly,
        issuer_name=str(
            issuer_fields.get("organization_name") or issuer_fields.get("common_name") or "CA"
        ),
        serial_hex=format(cert.serial_number, "X"),
        not_before=validity["not_before"].native,
        not_after=validity["not_after"].native,
        key_usage=tuple(sorted(usage.native)) if usage is not None else (),
        has_key=has_key,
        der=der,
    )
