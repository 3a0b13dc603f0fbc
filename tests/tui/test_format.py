"""How numbers are shown: a coverage never reads 100 % before every question is answered."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compliance.tui.format import percent


@pytest.mark.parametrize(
    ("value", "shown"),
    [("99.57", "99"), ("99.99", "99"), ("100.00", "100"), ("0.40", "0"), ("50", "50")],
)
def test_a_coverage_is_rounded_down(value: str, shown: str) -> None:
    assert percent(Decimal(value)) == shown
