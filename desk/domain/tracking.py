"""The slip's QR and lookup code: a second factor next to the dossier code (DOMAIN §9 item 11).

Dossier codes are sequential and therefore guessable, so the public tracking page needs more
than the code. Both the URL token and the printed lookup code (mã tra cứu) are truncated
HMAC-SHA256 of the code under the agency's tracking secret, with distinct domain tags: the
server recomputes them and keeps no table of tokens, and one can never be derived from the
other. The 30-bit lookup code is short enough to type, so the server must rate-limit guesses.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import quote

TOKEN_BITS = 50
LOOKUP_BITS = 30
MIN_SECRET_BYTES = 16

# Crockford base32: no I, L, O or U, so a code read aloud or retyped has no look-alikes.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_BITS_PER_CHAR = 5
_TOKEN_CHARS = TOKEN_BITS // _BITS_PER_CHAR
_LOOKUP_CHARS = LOOKUP_BITS // _BITS_PER_CHAR
# Letters people type for digits; hyphens and spaces are only grouping.
_CONFUSABLES = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None, " ": None})

_TRACK_TAG = b"track:"
_LOOKUP_TAG = b"lookup:"


def tracking_token(secret: bytes, dossier_code: str) -> str:
    """10 lowercase Crockford base32 characters (50 bits) for the URL in the slip's QR."""
    return _mac_base32(secret, _TRACK_TAG, dossier_code, _TOKEN_CHARS).lower()


def lookup_code(secret: bytes, dossier_code: str) -> str:
    """6 uppercase Crockford base32 characters printed on the slip for typing by hand."""
    return _mac_base32(secret, _LOOKUP_TAG, dossier_code, _LOOKUP_CHARS)


def verify_tracking_token(secret: bytes, dossier_code: str, token: str) -> bool:
    """Constant-time check of a URL token; any case is accepted."""
    given = token.strip().upper()
    return _matches(given, tracking_token(secret, dossier_code).upper(), _TOKEN_CHARS)


def verify_lookup_code(secret: bytes, dossier_code: str, code: str) -> bool:
    """Constant-time check of a typed lookup code, forgiving case, spaces, hyphens, O/I/L."""
    given = code.strip().upper().translate(_CONFUSABLES)
    return _matches(given, lookup_code(secret, dossier_code), _LOOKUP_CHARS)


def tracking_url(base_url: str, dossier_code: str, token: str) -> str:
    """``{base}/t/{code}?k={token}``: what the slip's QR encodes."""
    code = quote(_normalise_code(dossier_code), safe="")
    return f"{base_url.rstrip('/')}/t/{code}?k={quote(token, safe='')}"


def new_tracking_secret() -> bytes:
    return secrets.token_bytes(32)


def _normalise_code(dossier_code: str) -> str:
    # Codes are read case-insensitively elsewhere; the MAC must agree with that.
    return dossier_code.strip().upper()


def _mac_base32(secret: bytes, tag: bytes, dossier_code: str, chars: int) -> str:
    if len(secret) < MIN_SECRET_BYTES:
        raise ValueError(f"tracking secret must be at least {MIN_SECRET_BYTES} bytes")
    message = tag + _normalise_code(dossier_code).encode("utf-8")
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    bits = chars * _BITS_PER_CHAR
    value = int.from_bytes(digest, "big") >> (len(digest) * 8 - bits)
    return "".join(
        _ALPHABET[(value >> (_BITS_PER_CHAR * i)) & 0b11111] for i in reversed(range(chars))
    )


def _matches(given: str, expected: str, length: int) -> bool:
    # Length and alphabet are public facts, so rejecting early leaks nothing about the MAC.
    if len(given) != length or any(ch not in _ALPHABET for ch in given):
        return False
    return hmac.compare_digest(given, expected)
