"""`answer_problem` on questions that take several countries: a set, given once each."""

from __future__ import annotations

import pytest

from compliance.engine.validation import answer_problem
from compliance.model.questionnaire import CountryQuestion

MANY = CountryQuestion.model_validate(
    {
        "id": "xfr.hosts",
        "kind": "country",
        "multiple": True,
        "text": {"en": "Where is it hosted?", "fr": "Où est-ce hébergé ?"},
    }
)
COUNTRIES = {"FR", "MA", "ES"}


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (("FR", "MA"), None),
        ("FR", None),  # one code answers a multiple question too
        ((), "needs at least one country"),
        (("FR", "FR"), "a country is given twice"),
        (("FR", "XX"), "'XX' is not a known ISO 3166 country code"),
    ],
)
def test_several_countries(value: object, problem: str | None) -> None:
    found = answer_problem(MANY, value, COUNTRIES)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found
