"""What the signing dialog reads before the PIN: the result file the officer names, and the
one token plugged in with its certificates (no PIN, no login). Run in a worker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desk.domain.validation import os_reason
from desk.errors import InvalidInput
from desk.i18n import translate
from desk.services.container import DeskServices
from desk.services.devices import CertificateInfo, TokenError


@dataclass(frozen=True)
class TokenRead:
    label: str
    description: str
    certificates: list[CertificateInfo]


def read_pdf(path_text: str) -> bytes:
    path = Path(path_text.strip()).expanduser()
    if not path_text.strip():
        raise InvalidInput("Chưa chọn tệp kết quả (PDF) để ký.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InvalidInput(
            "Không đọc được tệp PDF {path}: {reason}", path=str(path), reason=os_reason(error)
        ) from None
    if not data.startswith(b"%PDF-"):
        raise InvalidInput("Tệp {path} không phải tệp PDF.", path=str(path))
    return data


def read_token(services: DeskServices) -> TokenRead:
    """The one token plugged in and its certificates (public objects: no PIN)."""
    device = services.signing.device()
    try:
        tokens = device.tokens()
        if not tokens:
            raise TokenError("Chưa cắm token ký số. Cắm token vào cổng USB rồi chờ đèn token sáng.")
        if len(tokens) > 1:
            raise TokenError(
                "Đang cắm {n} token ({labels}): chỉ cắm một token khi ký.",
                n=len(tokens),
                labels=", ".join(t.label for t in tokens),
            )
        token = tokens[0]
        certificates = device.certificates(token.label)
    finally:
        device.close()
    model = " ".join(p for p in (token.manufacturer, token.model) if p)
    description = translate(
        "Token: {label} ({model})", {"label": token.label, "model": model or "—"}
    )
    return TokenRead(token.label, description, certificates)
