"""Property tests of the scoring invariants (hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.engine.scoring import score
from compliance.loader import load_questionnaire
from compliance.model.questionnaire import Questionnaire
from tests.engine.conftest import assessment
from tests.helpers import EXAMPLE

EXAMPLE_Q: Questionnaire = load_questionnaire(EXAMPLE, use_cache=False)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

answer_values: dict[str, st.SearchStrategy[Any]] = {
    "gov01.lead": st.sampled_from(["yes", "no"]),
    "gov01.maturity": st.integers(0, 4),
    "gov02.share": st.integers(0, 100),
    "gov02.last": st.sampled_from(["2026-10-01", "2024-01-01", "na"]),
    "gov02.notes": st.text(max_size=20),
    "xfr01.tools": st.lists(st.sampled_from(["scc", "tia", "none"]), unique=True).map(tuple),
    "xfr01.health": st.sampled_from(["never", "authorised", "unauthorised"]),
    "xfr01.hosting": st.sampled_from(["FR", "MA", "US"]),
}

answer_sets = st.fixed_dictionaries({}, optional=dict(answer_values.items()))
profiles = st.fixed_dictionaries(
    {},
    optional={
        "role": st.sampled_from(["controller", "processor"]),
        "sectors": st.lists(st.sampled_from(["telecom", "health", "banking"]), unique=True).map(
            tuple
        ),
    },
)

statuses = st.sampled_from([None, True, False])
flow_strategy = st.fixed_dictionaries(
    {
        "name": st.just("flow"),
        "exporter": st.fixed_dictionaries(
            {"name": st.just("E"), "country": st.sampled_from(["FR", "MA", "GB"])},
            optional={"role": st.sampled_from(["controller", "processor"])},
        ),
        "importer": st.fixed_dictionaries(
            {"name": st.just("I"), "country": st.sampled_from(["MA", "US", "TN", "FR"])},
            optional={"role": st.sampled_from(["processor", "sub_processor", "controller"])},
        ),
    },
    optional={
        "origin": st.sampled_from(["FR", "MA"]),
        "destination": st.sampled_from(["MA", "US", "TN", "FR"]),
        "gdpr_mechanism": st.sampled_from(["scc_module_2", "none", "art49_consent", "adequacy"]),
        "frequency": st.sampled_from(["one_off", "continuous"]),
        "contract": st.fixed_dictionaries({"scc_signed": statuses, "dpa_art28": statuses}),
        "tia": st.fixed_dictionaries(
            {
                "done": statuses,
                "conclusion": st.sampled_from([None, "acceptable", "not_acceptable"]),
            }
        ),
        "ma_basis": st.sampled_from(["consent", "none", "cndp_authorisation"]),
        "criminal_data": statuses,
        "national_id": statuses,
    },
)
flow_lists = st.lists(flow_strategy, max_size=4).map(
    lambda flows: [{**flow, "id": f"f{i}"} for i, flow in enumerate(flows)]
)


def run(
    answers: dict[str, Any], profile: dict[str, Any], flows: list[dict[str, Any]] | None = None
) -> Any:
    return score(EXAMPLE_Q, assessment(answers=answers, profile=profile, flows=flows or []))


@SETTINGS
@given(answer_sets, profiles, flow_lists)
def test_scores_stay_within_0_and_100_and_are_deterministic(
    answers: dict[str, Any], profile: dict[str, Any], flows: list[dict[str, Any]]
) -> None:
    first = run(answers, profile, flows)
    numbers = [first.overall.score, first.overall.coverage]
    numbers += [d.score for d in first.domains] + [c.score for c in first.controls]
    numbers += [f.score for f in first.flows]
    for number in numbers:
        assert number is None or Decimal(0) <= number <= Decimal(100)
    assert run(answers, profile, flows).model_dump_json() == first.model_dump_json()


@SETTINGS
@given(answer_sets, profiles, flow_lists)
def test_results_do_not_depend_on_the_order_of_answers_and_flows(
    answers: dict[str, Any], profile: dict[str, Any], flows: list[dict[str, Any]]
) -> None:
    forward = run(answers, profile, flows)
    backward = run(dict(reversed(list(answers.items()))), profile, list(reversed(flows)))
    assert forward.model_dump_json() == backward.model_dump_json()


# Questions no condition depends on (gov01.lead and xfr01.tools gate others).
INDEPENDENT_UPGRADES = {
    "gov01.maturity": 4,
    "gov02.share": 100,
    "gov02.last": "2026-10-01",
    "xfr01.health": "never",
}


@SETTINGS
@given(answer_sets, profiles, st.sampled_from(sorted(INDEPENDENT_UPGRADES)))
def test_improving_an_answer_never_lowers_any_score(
    answers: dict[str, Any], profile: dict[str, Any], key: str
) -> None:
    before = run(answers, profile)
    after = run({**answers, key: INDEPENDENT_UPGRADES[key]}, profile)
    pairs = [(before.overall.score, after.overall.score)]
    pairs += list(
        zip([d.score for d in before.domains], [d.score for d in after.domains], strict=True)
    )
    pairs += list(
        zip([c.score for c in before.controls], [c.score for c in after.controls], strict=True)
    )
    for old, new in pairs:
        if old is not None and new is not None:
            assert new >= old


@SETTINGS
@given(answer_sets, profiles)
def test_na_never_changes_other_questions_scores(
    answers: dict[str, Any], profile: dict[str, Any]
) -> None:
    answers = {k: v for k, v in answers.items() if k != "gov02.last"}
    without = run(answers, profile)
    with_na = run({**answers, "gov02.last": "na"}, profile)

    def scores(result: Any) -> dict[str, Any]:
        return {q.id: q.score for c in result.controls for q in c.questions if q.id != "gov02.last"}

    assert scores(without) == scores(with_na)


@SETTINGS
@given(answer_sets, profiles, flow_lists)
def test_failing_critical_controls_and_blocked_flows_always_cap(
    answers: dict[str, Any], profile: dict[str, Any], flows: list[dict[str, Any]]
) -> None:
    result = run(answers, profile, flows)
    threshold = EXAMPLE_Q.scoring.gate.threshold
    failing = [
        c.id for c in result.controls if c.critical and c.score is not None and c.score < threshold
    ]
    blocked = [f.id for f in result.flows if f.status == "blocked"]
    if failing or blocked:
        assert result.overall.rating == EXAMPLE_Q.scoring.gate.cap
        assert {cap.id for cap in result.overall.caps} == set(failing) | set(blocked)
    else:
        assert result.overall.caps == ()
        assert result.overall.rating == result.overall.band
