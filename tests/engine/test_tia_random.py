"""Random structured TIAs through the checks and the engine (hypothesis): whatever a file holds, the
checks and the scoring finish, the result is the same bytes twice, and the verdict follows the
rules (an applying basis neither neutralised nor estimated never passes)."""

from __future__ import annotations

import functools
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from compliance.canonical import canonical_bytes
from compliance.engine.scoring import score
from compliance.engine.tia import applying_bases, neutralised_bases
from compliance.engine.validation import check_assessment
from compliance.errors import InvalidAssessment
from compliance.loader import load_questionnaire
from compliance.loader.reference_sets import bind
from compliance.model.questionnaire import Questionnaire
from compliance.model.tia import USE_CASES
from tests.engine.conftest import FULL_ANSWERS, assessment
from tests.helpers import EXAMPLE

BASES = ["ma-ccp-interception", "ma-terrorism-03-03", "ma-aml-43-05", "ma.unknown", "x"]
probabilities = st.one_of(
    st.sampled_from(["0", "1", "0.5", "0.000000000001", 0.1, 1, 0]),
    st.decimals(min_value=0, max_value=1, places=6).map(str),
)
law = st.lists(
    st.fixed_dictionaries(
        {"basis": st.sampled_from(BASES)},
        optional={
            "applies": st.booleans(),
            "justification": st.sampled_from(["Read.", " ", "Because."]),
        },
    ),
    max_size=4,
)
measures = st.lists(
    st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["technical", "contractual", "organisational"]),
            "description": st.just("A measure."),
            "neutralises": st.lists(st.sampled_from(BASES), max_size=3),
        }
    ),
    max_size=3,
)
estimates = st.lists(
    st.fixed_dictionaries(
        {
            "basis": st.sampled_from(BASES),
            "p_target": probabilities,
            "p_compel": probabilities,
            "p_readable": probabilities,
            "p_challenge_fails": probabilities,
            "justification": st.just("Stated."),
        }
    ),
    max_size=4,
)
tias = st.fixed_dictionaries(
    {"date": st.sampled_from(["2025-09-01", "2026-03-01"])},
    optional={
        "country": st.sampled_from(["MA", "US", "FR"]),
        "law": law,
        "use_case": st.sampled_from(USE_CASES),
        "supplementary": measures,
        "procedural": st.sampled_from([[], [{"step": "Clauses approved.", "done": True}]]),
        "review_by": st.sampled_from(["2026-09-01", "2027-03-01"]),
        "conclusion": st.sampled_from(["acceptable", "measures_needed", "not_acceptable"]),
        "quantitative": st.fixed_dictionaries(
            {"tolerance": probabilities, "bases": estimates},
            optional={"period_years": st.integers(min_value=1, max_value=30)},
        ),
    },
)


@functools.cache
def with_sheets() -> Questionnaire:
    """The example questionnaire bound to the newest ma-eu set (with the Morocco sheet)."""
    example = load_questionnaire(EXAMPLE, use_cache=False)
    return bind(example.model_copy(update={"reference_set": "ma-eu", "reference": None}))


def flow(tia: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "crm",
        "name": "Customer records, remote access from Casablanca",
        "exporter": {"name": "Telco SA", "country": "FR", "role": "controller"},
        "importer": {"name": "Atlas", "country": "MA", "role": "processor"},
        "origin": "FR",
        "destination": "MA",
        "data_categories": ["contact"],
        "subject_categories": ["customers"],
        "subjects_count": 100_000,
        "frequency": "continuous",
        "gdpr_mechanism": "scc_module_2",
        "contract": {"scc_signed": True, "dpa_art28": True},
        "cndp": {"declaration_receipt": "D-1"},
        "criminal_data": False,
        "national_id": False,
        "tia": tia,
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tias)
def test_any_structured_tia_is_checked_and_scored_the_same_way_twice(tia: dict[str, Any]) -> None:
    questionnaire = with_sheets()
    try:
        given = assessment(answers=FULL_ANSWERS, flows=[flow(tia)])
    except ValidationError as error:
        event("refused by the model")
        refused: list[Any] = error.errors()  # refused by the model, each problem placed
        assert all(item["loc"] for item in refused)
        return
    problems = check_assessment(questionnaire, given)
    assert all(loc[:3] == ("flows", 0, "tia") for loc, _ in problems)
    if problems:
        event("refused by the checks")
        with pytest.raises(InvalidAssessment, match=re.escape(problems[0][1])):
            score(questionnaire, given)
        return
    event("scored")
    result = score(questionnaire, given)
    assert canonical_bytes(score(questionnaire, given)) == canonical_bytes(result)
    [scored] = result.flows
    structured = given.flows[0].tia
    if not structured.structured:
        assert scored.tia is None  # the older form: scored as before
        return
    assert scored.tia is not None
    assert set(scored.tia.steps_completed) <= {1, 2, 3, 4, 5, 6}
    if scored.tia.probability is not None:
        assert 0 <= scored.tia.probability <= 1
    quantitative = structured.quantitative
    estimated = {b.basis for b in quantitative.bases} if quantitative else set()
    open_bases = set(applying_bases(structured)) - neutralised_bases(structured) - estimated
    assessed_here = (structured.country or "MA") == "MA"
    if open_bases and assessed_here and structured.conclusion != "not_acceptable":
        assert "GDPR_TIA_BASIS_NOT_NEUTRALISED" in {r.code for r in scored.reasons}
        assert scored.status in ("not_ready", "blocked")
    if structured.conclusion == "not_acceptable":
        assert scored.status == "blocked"
