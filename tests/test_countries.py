"""Country search: what a person typing the start of a name means comes first."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compliance.countries import fold, match_countries

NAMES = {
    "KM": "Comoros",
    "MA": "Morocco",
    "MC": "Monaco",
    "GB": "United Kingdom",
    "US": "United States",
    "FR": "France",
    "IE": "Ireland",
    "AE": "United Arab Emirates",
}
FRENCH = {"US": "États-Unis", "MA": "Maroc", "KM": "Comores", "FR": "France"}


def test_a_name_that_starts_with_the_search_comes_before_one_that_contains_it() -> None:
    assert match_countries(NAMES, "Moro") == ["MA", "KM"]
    assert match_countries(NAMES, "mo") == ["MC", "MA", "KM"]  # prefixes by name, then inside


def test_the_exact_code_comes_first_then_a_word_of_the_name() -> None:
    assert match_countries(NAMES, "ma")[0] == "MA"
    assert match_countries(NAMES, "king") == ["GB"]
    assert match_countries(NAMES, "Uni") == ["AE", "GB", "US"]


def test_case_and_accents_are_ignored() -> None:
    assert match_countries(FRENCH, "etats") == ["US"]
    assert match_countries(FRENCH, "  ÉTATS ") == ["US"]
    assert fold("Émirats arabes unis") == "emirats arabes unis"


def test_an_empty_or_unknown_search_finds_nothing_and_the_limit_holds() -> None:
    assert match_countries(NAMES, "   ") == []
    assert match_countries(NAMES, "zz") == []
    assert len(match_countries(NAMES, "n", limit=2)) == 2


@given(st.text(max_size=12))
def test_every_match_holds_the_search_and_prefixes_lead(query: str) -> None:
    found = match_countries(NAMES, query)
    wanted = fold(query.strip())
    assert len(found) == len(set(found)) and set(found) <= set(NAMES)
    for code in found:
        assert wanted in fold(NAMES[code]) or wanted in fold(code)
    starts = [fold(NAMES[c]).startswith(wanted) for c in found if fold(c) != wanted]
    assert starts == sorted(starts, reverse=True)  # no prefix match after a mere containment
