"""What can go wrong with a signing token, in words the officer can act on.

Messages never carry the PIN, and name a certificate only by its label and its issuer
(the CA), never by the holder's name: the holder is a person.
"""

from __future__ import annotations

from desk.errors import DeskError


class TokenError(DeskError):
    """The token, its driver (PKCS#11 module) or the card reader service is not usable."""

    title_template = "Lỗi token ký số"
    exit_code = 10


class PinError(TokenError):
    """A wrong, blocked or unusable PIN; the message says how many tries are left when known."""

    title_template = "Mã PIN token ký số"


class CertificateRefused(TokenError):
    """The certificate may not sign now (expired, not yet valid, wrong key usage)."""

    title_template = "Chứng thư số không dùng để ký được"


class SigningError(TokenError):
    """The PDF could not be signed or checked."""

    title_template = "Không ký được tài liệu"


class SignatureInvalid(TokenError):
    """A checked PDF has no signature, or one that does not hold."""

    title_template = "Chữ ký số không hợp lệ"


def quiet_library_logs() -> None:
    """Keep pyHanko's and fontTools' warnings out of the officer's terminal.

    Without any handler, Python prints library warnings on stderr (logging.lastResort). A
    NullHandler on their loggers stops that, while an application that configures logging
    still receives them through propagation. Called by the signing functions, not at import.
    """
    import logging

    for name in ("pyhanko", "pyhanko_certvalidator", "fontTools"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
