"""Fixtures for engine tests: the example questionnaire, loaded once."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.loader import load_questionnaire
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from tests.helpers import EXAMPLE


@pytest.fixture(scope="session")
def example() -> Questionnaire:
    return load_questionnaire(EXAMPLE, use_cache=False)


def assessment(**fields: Any) -> Assessment:
    """An assessment of the example questionnaire, with ``fields`` over sensible defaults."""
    data: dict[str, Any] = {
        "questionnaire": {"id": "example", "version": "1.0.0"},
        "as_of": "2026-11-01",
        "organisation": {"name": "Atlas Contact", "country": "MA"},
        "profile": {"role": "processor", "sectors": ["telecom"]},
        "answers": {},
        "flows": [],
    }
    data.update(fields)
    return Assessment.model_validate(data)


FULL_ANSWERS: dict[str, Any] = {
    "gov01.lead": "yes",
    "gov01.maturity": 4,
    "gov02.share": 95,
    "gov02.last": "2026-06-01",
    "gov02.notes": "Yearly refresher for every agent.",
    "xfr01.tools": ["scc", "tia"],
    "xfr01.hosting": "FR",
}
