"""The structured TIA model: the six steps under flows[].tia, the older three fields still read,
exact probabilities written canonically, and one clear error naming the field for bad input."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from compliance.canonical import canonical_bytes
from compliance.loader.wording import message
from compliance.model.assessment import Flow
from compliance.model.tia import Tia, canonical_decimal, parse_probability, review_limit

BASIS = {
    "basis": "ma-ccp-interception",
    "p_target": "0.02",
    "p_compel": "0.9",
    "p_readable": "1",
    "p_challenge_fails": "0.5",
    "justification": "Customer records of a telecom are rarely of interest to an investigation.",
}

FULL: dict[str, Any] = {
    "date": "2026-11-01",
    "country": "MA",
    "law": [
        {
            "basis": "ma-ccp-interception",
            "applies": True,
            "justification": "The importer holds communications data.",
            "eeg": {"clear_rules": "met", "necessity": "unclear", "oversight": "met"},
        },
        {
            "basis": "ma-0908-state-security-exclusion",
            "applies": False,
            "justification": "Not a defence body.",
        },
    ],
    "use_case": "remote_access_business",
    "supplementary": [
        {
            "kind": "organisational",
            "description": "Requests are challenged and reported to the exporter.",
            "neutralises": ["ma-ccp-interception"],
        }
    ],
    "procedural": [],
    "review_by": "2027-11-01",
    "triggers": ["A new interception law", "A request received"],
    "quantitative": {"period_years": 5, "tolerance": "0.01", "bases": [BASIS]},
}


def errors_of(data: dict[str, Any]) -> list[tuple[tuple[int | str, ...], str]]:
    with pytest.raises(ValidationError) as caught:
        Tia.model_validate(data)
    return [(tuple(e["loc"]), message(e)) for e in caught.value.errors()]


def test_the_older_three_fields_still_read_and_are_not_structured() -> None:
    tia = Tia.model_validate({"done": True, "date": "2026-03-01", "conclusion": "acceptable"})
    assert (tia.done, tia.date, tia.conclusion) == (True, dt.date(2026, 3, 1), "acceptable")
    assert not tia.structured
    assert tia.model_dump(mode="json", exclude_none=True) == {
        "done": True,
        "date": "2026-03-01",
        "conclusion": "acceptable",
    }


def test_a_full_tia_reads_every_step_and_is_structured() -> None:
    tia = Tia.model_validate(FULL)
    assert tia.structured
    assert tia.law is not None and tia.law[0].eeg is not None
    assert tia.law[0].eeg.necessity == "unclear" and tia.law[0].eeg.remedies is None
    assert tia.supplementary is not None
    assert tia.supplementary[0].neutralises == ("ma-ccp-interception",)
    assert tia.procedural == ()
    assert tia.quantitative is not None
    assert tia.quantitative.bases[0].p_target == Decimal("0.02")
    assert tia.quantitative.tolerance == Decimal("0.01")


def test_the_field_names_travel_between_tools_as_the_issue_gives_them() -> None:
    dumped = json.loads(canonical_bytes(Tia.model_validate(FULL)))
    assert {"date", "review_by", "quantitative"} <= set(dumped)
    assert set(dumped["quantitative"]) == {"period_years", "tolerance", "bases"}
    assert set(dumped["quantitative"]["bases"][0]) == {
        "basis",
        "p_target",
        "p_compel",
        "p_readable",
        "p_challenge_fails",
        "justification",
    }


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("0.050", "0.05"),
        ("5E-2", "0.05"),
        (0.05, "0.05"),
        (0.1, "0.1"),
        (1, "1"),
        ("1.000", "1"),
        (0, "0"),
        ("0.0000", "0"),
        (Decimal("0.000000000001"), "0.000000000001"),
    ],
)
def test_probabilities_read_exactly_and_write_canonically(given: object, written: str) -> None:
    data = {**FULL, "quantitative": {"tolerance": given, "bases": []}}
    dumped = json.loads(canonical_bytes(Tia.model_validate(data)))
    assert dumped["quantitative"]["tolerance"] == written
    assert dumped["quantitative"]["period_years"] == 5  # the default period


def test_the_same_input_given_two_ways_gives_the_same_bytes() -> None:
    numbers = {"p_target": 0.02, "p_compel": 0.9, "p_readable": 1, "p_challenge_fails": 0.5}
    as_numbers = {**BASIS, **numbers}
    one = Tia.model_validate({"quantitative": {"tolerance": "0.010", "bases": [BASIS]}})
    two = Tia.model_validate({"quantitative": {"tolerance": 0.01, "bases": [as_numbers]}})
    assert canonical_bytes(one) == canonical_bytes(two)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("1.5", "outside 0..1"),
        (-0.1, "outside 0..1"),
        ("nan", "is not a probability"),
        ("Infinity", "is not a probability"),
        (True, "is not a probability"),
        ("five percent", "is not a probability"),
        ("0.0000000000001", "more than 12 decimal places"),
        ([0.1], "a probability is a number from 0 to 1"),
    ],
)
def test_a_bad_probability_is_refused_naming_the_field(value: object, says: str) -> None:
    data = {"quantitative": {"tolerance": "0.01", "bases": [{**BASIS, "p_compel": value}]}}
    [(loc, text)] = errors_of(data)
    assert loc == ("quantitative", "bases", 0, "p_compel")
    assert text.startswith("p_compel: ") and says in text


@pytest.mark.parametrize("years", [0, 31, -1, True, "5 years"])
def test_a_period_of_zero_or_over_thirty_years_is_refused(years: object) -> None:
    [(loc, text)] = errors_of({"quantitative": {"tolerance": "0.01", "period_years": years}})
    assert loc == ("quantitative", "period_years")
    assert text.startswith("period_years: ")


def test_periods_from_one_to_thirty_years_are_accepted() -> None:
    for years in (1, 30):
        tia = Tia.model_validate({"quantitative": {"tolerance": "0.01", "period_years": years}})
        assert tia.quantitative is not None and tia.quantitative.period_years == years


def test_a_missing_or_blank_justification_is_refused() -> None:
    basis = {k: v for k, v in BASIS.items() if k != "justification"}
    [(loc, text)] = errors_of({"quantitative": {"tolerance": "0.01", "bases": [basis]}})
    assert loc == ("quantitative", "bases", 0, "justification")
    assert text == "'justification' is required"
    [(loc, text)] = errors_of(
        {"quantitative": {"tolerance": "0.01", "bases": [{**BASIS, "justification": " \n"}]}}
    )
    assert loc == ("quantitative", "bases", 0, "justification") and "not a blank" in text


def test_a_justification_per_input_must_justify_all_four() -> None:
    per_input = {"p_target": "a", "p_compel": "b", "p_readable": "c", "p_challenge_fails": ""}
    [(_, text)] = errors_of(
        {"quantitative": {"tolerance": "0.01", "bases": [{**BASIS, "justification": per_input}]}}
    )
    assert "the justification of p_challenge_fails is missing" in text
    tia = Tia.model_validate(
        {
            "quantitative": {
                "tolerance": "0.01",
                "bases": [{**BASIS, "justification": {**per_input, "p_challenge_fails": "d"}}],
            }
        }
    )
    dumped = json.loads(canonical_bytes(tia))
    assert dumped["quantitative"]["bases"][0]["justification"]["p_challenge_fails"] == "d"


def test_a_basis_given_twice_is_refused() -> None:
    [(_, text)] = errors_of({"quantitative": {"tolerance": "0.01", "bases": [BASIS, BASIS]}})
    assert "basis 'ma-ccp-interception' is given twice" in text
    law = [{"basis": "x"}, {"basis": "x"}]
    [(_, text)] = errors_of({"law": law})
    assert "given twice in the assessment of the law (step 3)" in text


def test_the_re_evaluation_date_is_at_most_a_year_after_the_tia() -> None:
    Tia.model_validate({"date": "2026-11-01", "review_by": "2027-11-01"})
    [(_, text)] = errors_of({"date": "2026-11-01", "review_by": "2027-11-02"})
    assert text == (
        "review_by 2027-11-02 is more than a year after the TIA's date 2026-11-01: "
        "re-evaluate by 2027-11-01 at the latest"
    )
    [(_, text)] = errors_of({"date": "2026-11-01", "review_by": "2026-10-01"})
    assert "before the TIA's date" in text
    [(_, text)] = errors_of({"review_by": "2026-10-01"})
    assert "review_by needs the TIA's date" in text


def test_a_year_after_the_twenty_ninth_of_february_is_the_twenty_eighth() -> None:
    assert review_limit(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)
    assert review_limit(dt.date(2026, 3, 1)) == dt.date(2027, 3, 1)


def test_an_unknown_use_case_or_measure_kind_is_refused() -> None:
    [(loc, _)] = errors_of({"use_case": "remote_desktop"})
    assert loc == ("use_case",)
    [(loc, _)] = errors_of({"supplementary": [{"kind": "legal", "description": "x"}]})
    assert loc == ("supplementary", 0, "kind")


def test_a_flow_reads_a_structured_tia_and_writes_only_what_was_given() -> None:
    flow = Flow.model_validate(
        {
            "id": "f1",
            "name": "Support",
            "exporter": {"name": "Telco", "country": "FR"},
            "importer": {"name": "Callcentre", "country": "MA"},
            "tia": {"done": True, "date": "2026-11-01"},
        }
    )
    assert json.loads(canonical_bytes(flow))["tia"] == {"done": True, "date": "2026-11-01"}


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(),
        st.decimals(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.none(),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    )
)
def test_junk_probabilities_parse_to_zero_to_one_or_give_a_value_error(value: object) -> None:
    try:
        number = parse_probability(value)
    except ValueError as error:
        problem: str | None = str(error)
    else:
        problem = None
        assert Decimal(0) <= number <= Decimal(1)
        assert canonical_decimal(number) == canonical_decimal(parse_probability(str(number)))
    assert problem is None or problem.strip()


tia_junk = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(
                [
                    "date",
                    "review_by",
                    "quantitative",
                    "period_years",
                    "tolerance",
                    "bases",
                    "basis",
                    "p_target",
                    "justification",
                    "law",
                    "applies",
                    "use_case",
                    "supplementary",
                    "kind",
                    "neutralises",
                    "junk",
                ]
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(tia_junk)
def test_junk_tia_data_loads_or_gives_worded_errors_naming_a_place(data: object) -> None:
    try:
        tia = Tia.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            assert message(item)
    else:
        again = Tia.model_validate(json.loads(canonical_bytes(tia)))
        assert canonical_bytes(again) == canonical_bytes(tia)
