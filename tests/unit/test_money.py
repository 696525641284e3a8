"""One formatter for amounts and counts: screens, forms and the server's messages agree."""

from __future__ import annotations

import pytest

from desk.domain.money import fee_text, grouped, money


def test_thousands_are_grouped_with_dots() -> None:
    assert grouped(0) == "0"
    assert grouped(1234567) == "1.234.567"
    assert money(25000) == "25.000 đồng"


def test_no_fee_reads_as_not_collected_and_a_negative_fee_is_a_bug() -> None:
    assert fee_text(0) == "không thu"
    assert fee_text(50000) == "50.000 đồng"
    with pytest.raises(ValueError):
        money(-1)
