"""The slip's tracking token and lookup code: stable, verifiable, forgiving where people type."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desk.domain.tracking import (
    TOKEN_BITS,
    lookup_code,
    new_tracking_secret,
    tracking_token,
    tracking_url,
    verify_lookup_code,
    verify_tracking_token,
)

SECRET = bytes(range(32))
OTHER_SECRET = bytes(range(1, 33))
CODE = "000.00.12.H53-261124-0001"
CROCKFORD = set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")


def test_token_shape() -> None:
    token = tracking_token(SECRET, CODE)
    assert len(token) == 10
    assert token == token.lower()
    assert set(token.upper()) <= CROCKFORD
    assert TOKEN_BITS >= 40
    assert len(token) * 5 == TOKEN_BITS


def test_lookup_code_shape() -> None:
    code = lookup_code(SECRET, CODE)
    assert len(code) == 6
    assert code == code.upper()
    assert set(code) <= CROCKFORD


def test_both_are_deterministic_and_independent() -> None:
    assert tracking_token(SECRET, CODE) == tracking_token(SECRET, CODE)
    assert lookup_code(SECRET, CODE) == lookup_code(SECRET, CODE)
    # Different domain tags: the lookup code is not a prefix of the URL token.
    assert not tracking_token(SECRET, CODE).upper().startswith(lookup_code(SECRET, CODE))


def test_values_are_pinned_for_a_fixed_secret() -> None:
    # The server recomputes tokens printed years earlier: the algorithm must never drift.
    # Independent derivation: the first 50 / 30 bits of HMAC-SHA256 read 5 bits at a time.
    assert tracking_token(SECRET, CODE) == "1b4e48mx0q"
    assert lookup_code(SECRET, CODE) == "Y9X7FN"


def test_the_code_is_normalised_before_hashing() -> None:
    assert tracking_token(SECRET, f" {CODE.lower()}\n") == tracking_token(SECRET, CODE)
    assert lookup_code(SECRET, CODE.lower()) == lookup_code(SECRET, CODE)


def test_tokens_differ_between_codes() -> None:
    codes = [f"000.00.12.H53-261124-{n:04d}" for n in range(1, 200)]
    assert len({tracking_token(SECRET, code) for code in codes}) == len(codes)


def test_verify_token() -> None:
    token = tracking_token(SECRET, CODE)
    assert verify_tracking_token(SECRET, CODE, token)
    assert verify_tracking_token(SECRET, CODE, token.upper())
    assert verify_tracking_token(SECRET, CODE, f" {token} ")


@pytest.mark.parametrize(
    "bad", ["", "abc", "0" * 9, "0" * 11, "ü" * 10, "iiiiiiiiii", "uuuuuuuuuu"]
)
def test_verify_token_rejects_wrong_length_or_alphabet(bad: str) -> None:
    assert not verify_tracking_token(SECRET, CODE, bad)


def test_verify_token_rejects_another_secret_or_code() -> None:
    token = tracking_token(SECRET, CODE)
    assert not verify_tracking_token(OTHER_SECRET, CODE, token)
    assert not verify_tracking_token(SECRET, "000.00.12.H53-261124-0002", token)


def test_verify_token_rejects_the_lookup_code() -> None:
    assert not verify_tracking_token(SECRET, CODE, lookup_code(SECRET, CODE))


def test_verify_lookup_code_tolerates_typing() -> None:
    code = lookup_code(SECRET, CODE)
    assert verify_lookup_code(SECRET, CODE, code)
    assert verify_lookup_code(SECRET, CODE, code.lower())
    assert verify_lookup_code(SECRET, CODE, f" {code[:3]}-{code[3:]} ")
    assert verify_lookup_code(SECRET, CODE, f"{code[:3]} {code[3:]}")


def test_verify_lookup_code_maps_confusables() -> None:
    # Find codes holding a 0 or a 1 to type as O, I or L.
    codes = [
        (dossier, lookup_code(SECRET, dossier))
        for dossier in (f"000.00.12.H53-261124-{n:04d}" for n in range(1, 400))
    ]
    with_zero = next((d, c) for d, c in codes if "0" in c)
    with_one = next((d, c) for d, c in codes if "1" in c)
    assert verify_lookup_code(SECRET, with_zero[0], with_zero[1].replace("0", "O"))
    assert verify_lookup_code(SECRET, with_zero[0], with_zero[1].replace("0", "o"))
    assert verify_lookup_code(SECRET, with_one[0], with_one[1].replace("1", "I"))
    assert verify_lookup_code(SECRET, with_one[0], with_one[1].replace("1", "l"))


@pytest.mark.parametrize("bad", ["", "ABCDE", "ABCDEFG", "ABCDÉF", "UUUUUU", "******"])
def test_verify_lookup_code_rejects_wrong_length_or_alphabet(bad: str) -> None:
    assert not verify_lookup_code(SECRET, CODE, bad)


def test_verify_lookup_code_rejects_another_code() -> None:
    code = lookup_code(SECRET, CODE)
    assert not verify_lookup_code(SECRET, "000.00.12.H53-261124-0002", code)
    assert not verify_lookup_code(OTHER_SECRET, CODE, code)


def test_tracking_url() -> None:
    token = tracking_token(SECRET, CODE)
    assert tracking_url("https://track.example.invalid/", CODE, token) == (
        f"https://track.example.invalid/t/{CODE}?k={token}"
    )
    assert tracking_url("https://x.invalid/base//", CODE, token).startswith(
        "https://x.invalid/base/t/"
    )


def test_tracking_url_quotes_the_code() -> None:
    assert "/t/A%2FB%20C?k=" in tracking_url("https://x.invalid", "a/b c", "tok")


def test_new_secret_is_random_and_long_enough() -> None:
    first, second = new_tracking_secret(), new_tracking_secret()
    assert len(first) == 32
    assert first != second
    assert verify_tracking_token(first, CODE, tracking_token(first, CODE))


@pytest.mark.parametrize("secret", [b"", b"short", bytes(15)])
def test_short_secrets_are_refused(secret: bytes) -> None:
    with pytest.raises(ValueError, match="at least 16 bytes"):
        tracking_token(secret, CODE)
    with pytest.raises(ValueError, match="at least 16 bytes"):
        lookup_code(secret, CODE)


def test_sixteen_byte_secret_is_enough() -> None:
    assert len(tracking_token(bytes(16), CODE)) == 10


_dossier_codes = st.from_regex(
    r"[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4}", fullmatch=True
)


@given(secret=st.binary(min_size=16, max_size=64), code=_dossier_codes, other=_dossier_codes)
def test_token_verifies_only_for_its_own_code(secret: bytes, code: str, other: str) -> None:
    assert verify_tracking_token(secret, code, tracking_token(secret, code))
    assert verify_lookup_code(secret, code, lookup_code(secret, code))
    assume(other != code)
    assert not verify_tracking_token(secret, code, tracking_token(secret, other))
