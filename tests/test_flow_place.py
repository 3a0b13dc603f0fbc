"""The origin and destination of a flow follow its parties' countries (:func:`followed_place`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.model.assessment import followed_place

COUNTRY = st.sampled_from(["MA", "FR", "US", "DE", "ES"])


@pytest.mark.parametrize(
    ("place", "old", "new", "expected"),
    [
        (None, "", "MA", "MA"),  # a new flow: the place is the party's country
        (None, "FR", "DE", "DE"),  # never set: follows the party
        ("FR", "FR", "DE", "DE"),  # was the party's country: follows it
        ("ES", "FR", "DE", "ES"),  # named another country: kept
        (None, "FR", "FR", None),  # the party did not move: nothing changes
        ("ES", "FR", "FR", "ES"),
    ],
)
def test_the_place_follows_its_party_unless_it_named_another_country(
    place: str | None, old: str, new: str, expected: str | None
) -> None:
    assert followed_place(place, old, new) == expected


@given(place=st.none() | COUNTRY, old=COUNTRY, new=COUNTRY)
def test_a_place_is_either_kept_or_the_new_country(place: str | None, old: str, new: str) -> None:
    moved = followed_place(place, old, new)
    assert moved in (place, new)
    if place is not None and place != old:
        assert moved == place  # a country named apart from the party's is never overwritten
    # moving back and forth ends where it started when the place followed the party
    if place in (None, old) and new != old:
        assert followed_place(moved, new, old) == old
