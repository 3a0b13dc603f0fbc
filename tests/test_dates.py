"""Dates as people type them: day first as in Morocco and France, or ISO; never month first."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.model.dates import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-12", dt.date(2024, 3, 12)),
        ("12/03/2024", dt.date(2024, 3, 12)),  # the 12th of March, not the 3rd of December
        ("12.03.2024", dt.date(2024, 3, 12)),
        ("12-03-2024", dt.date(2024, 3, 12)),
        ("1/3/2024", dt.date(2024, 3, 1)),
        (" 29/02/2024 ", dt.date(2024, 2, 29)),
        ("2024-3-1", dt.date(2024, 3, 1)),
    ],
)
def test_day_first_and_iso_dates_are_read(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12/03/24",  # a two-digit year is a guess
        "31/04/2024",  # no such day
        "29/02/2023",
        "13/13/2024",
        "2024/03/12",
        "12/03-2024",  # mixed separators
        "03/12/2024x",
        "١٢/٠٣/٢٠٢٤",  # other digits than ASCII are not read as a date
        "00/01/2024",
        "01/01/0000",
        "tomorrow",
    ],
)
def test_anything_else_is_not_a_date(text: str) -> None:
    assert parse_date(text) is None


@given(st.dates())
def test_both_ways_of_writing_a_date_read_back_the_same_day(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day:02d}/{day.month:02d}/{day.year:04d}") == day
    assert parse_date(f"{day.day}/{day.month}/{day.year:04d}") == day


@given(st.text(max_size=40))
def test_junk_never_raises_and_a_date_found_is_a_real_iso_day(text: str) -> None:
    found = parse_date(text)
    if found is not None:
        assert dt.date.fromisoformat(found.isoformat()) == found
        assert any(char.isdigit() for char in text)
