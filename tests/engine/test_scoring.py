"""Scoring rules, each on the example questionnaire or a variant built in the test."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from compliance.engine.scoring import question_score, score
from compliance.errors import InvalidAssessment
from compliance.model.questionnaire import Questionnaire
from tests.engine.conftest import FULL_ANSWERS, assessment


def results(q: Questionnaire, answers: dict[str, Any], **fields: Any) -> Any:
    return score(q, assessment(answers=answers, **fields))


def test_a_perfect_assessment_is_ready(example: Questionnaire) -> None:
    result = results(example, FULL_ANSWERS)
    assert result.overall.score == Decimal("100.00")
    assert result.overall.rating == "ready"
    assert result.overall.coverage == Decimal("100.00")
    assert not result.overall.incomplete
    assert result.remediation == ()


def test_an_empty_assessment_scores_zero_and_is_incomplete(example: Questionnaire) -> None:
    result = results(example, {})
    assert result.overall.score == Decimal("0.00")
    assert result.overall.rating == "not_ready"
    assert result.overall.coverage == Decimal("0.00")
    assert result.overall.incomplete


def test_weighted_means_and_half_even_rounding(example: Questionnaire) -> None:
    # GOV-01 (weight 2): lead yes (1), maturity 2/4 (0.5) -> 0.75
    # GOV-02 (weight 1): share 60 -> step 0.5; last date fresh -> 1 -> 0.75
    # GOV = 0.75; XFR-01: tools [scc] = 0.5 -> 0.5; overall = (0.75 + 0.5) / 2 = 62.5
    answers = {
        "gov01.lead": "yes",
        "gov01.maturity": 2,
        "gov02.share": 60,
        "gov02.last": "2026-01-01",
    }
    answers["xfr01.tools"] = ["scc"]
    result = results(example, answers)
    domains = {d.id: d.score for d in result.domains}
    assert domains == {"GOV": Decimal("75.00"), "XFR": Decimal("50.00")}
    assert result.overall.score == Decimal("62.50")
    assert result.overall.rating == "conditional"


def test_every_lost_point_is_attributed(example: Questionnaire) -> None:
    answers = {"gov01.lead": "yes", "gov01.maturity": 1, "gov02.share": 10, "xfr01.tools": ["scc"]}
    result = results(example, answers)
    lost = sum((q.lost for c in result.controls for q in c.questions), Decimal(0))
    assert result.overall.score is not None
    assert abs(Decimal(100) - result.overall.score - lost) <= Decimal("0.05")
    maturity = next(q for c in result.controls for q in c.questions if q.id == "gov01.maturity")
    # GOV is half the whole, GOV-01 two thirds of GOV, maturity half of GOV-01:
    # a share of 16.67 points, three quarters of it lost
    assert maturity.lost == Decimal("12.50")


def test_na_is_left_out_of_every_denominator(example: Questionnaire) -> None:
    base = {
        "gov01.lead": "yes",
        "gov01.maturity": 4,
        "gov02.share": 95,
        "xfr01.tools": ["scc", "tia"],
    }
    with_na = results(example, {**base, "gov02.last": "na"})
    gov02 = next(c for c in with_na.controls if c.id == "GOV-02")
    assert gov02.score == Decimal("100.00")
    assert with_na.overall.coverage == Decimal("100.00")
    assert next(q for q in gov02.questions if q.id == "gov02.last").status == "na"


def test_na_where_not_allowed_is_refused(example: Questionnaire) -> None:
    with pytest.raises(InvalidAssessment, match="does not allow N/A"):
        results(example, {"gov01.lead": "na"})


def test_an_unanswered_required_question_scores_zero_and_lowers_coverage(
    example: Questionnaire,
) -> None:
    answers = dict(FULL_ANSWERS)
    del answers["gov02.share"]
    result = results(example, answers)
    assert result.overall.incomplete
    assert result.overall.coverage == Decimal("80.00")  # 4 of 5 scored questions
    share = next(q for c in result.controls for q in c.questions if q.id == "gov02.share")
    assert share.status == "unanswered" and share.score == 0


def test_hidden_questions_do_not_count_even_when_answered(example: Questionnaire) -> None:
    # gov01.maturity applies only when gov01.lead is yes
    answers = {**FULL_ANSWERS, "gov01.lead": "no", "gov01.maturity": 0}
    result = results(example, answers)
    gov01 = next(c for c in result.controls if c.id == "GOV-01")
    statuses = {q.id: q.status for q in gov01.questions}
    assert statuses["gov01.maturity"] == "not_applicable"
    assert gov01.score == Decimal("0.00")


def test_a_control_hidden_by_the_profile_is_left_out(example: Questionnaire) -> None:
    result = results(example, FULL_ANSWERS, profile={"role": "processor", "sectors": ["banking"]})
    xfr = next(c for c in result.controls if c.id == "XFR-01")
    assert not xfr.applicable and xfr.score is None
    assert {d.id: d.score for d in result.domains}["XFR"] is None


def test_a_failing_critical_control_caps_the_rating(example: Questionnaire) -> None:
    answers = {**FULL_ANSWERS, "gov01.lead": "no"}
    result = results(example, answers)
    assert result.overall.band in ("ready", "conditional")
    assert result.overall.rating == "not_ready"
    assert [cap.id for cap in result.overall.caps] == ["GOV-01"]
    assert result.remediation[0].control == "GOV-01" and result.remediation[0].caps_rating


def test_multi_choice_rules() -> None:
    from compliance.model.questionnaire import MultiChoiceQuestion

    def question(rule: str) -> MultiChoiceQuestion:
        return MultiChoiceQuestion.model_validate(
            {
                "id": "m",
                "kind": "multi_choice",
                "rule": rule,
                "text": {"en": "m", "fr": "m"},
                "options": [
                    {"id": "a", "label": {"en": "a", "fr": "a"}, "score": 0.75},
                    {"id": "b", "label": {"en": "b", "fr": "b"}, "score": 0.5},
                    {"id": "c", "label": {"en": "c", "fr": "c"}, "score": 0},
                ],
            }
        )

    import datetime as dt

    day = dt.date(2026, 1, 1)
    assert question_score(question("min"), ("a", "b"), day) == Decimal("0.5")
    assert question_score(question("mean"), ("a", "b"), day) == Decimal("0.625")
    assert question_score(question("sum"), ("a", "b"), day) == Decimal(1)
    assert question_score(question("sum"), ("b", "c"), day) == Decimal("0.5")
    assert question_score(question("sum"), (), day) == 0


def test_dates_are_judged_against_as_of_never_the_clock(example: Questionnaire) -> None:
    answers = {**FULL_ANSWERS, "gov02.last": "2025-01-01"}
    old = results(example, answers, as_of="2026-11-01")
    fresh = results(example, answers, as_of="2025-06-01")
    last = "gov02.last"

    def score_of(result: Any) -> Any:
        return next(q.score for c in result.controls for q in c.questions if q.id == last)

    assert score_of(old) == 0
    assert score_of(fresh) == 1


@pytest.mark.parametrize(
    ("answers", "fragment"),
    [
        ({"gov99.nothing": "yes"}, "'gov99.nothing' is not a question"),
        ({"xfr01.health": "sometimes"}, "'sometimes' is not an option of 'xfr01.health'"),
        ({"xfr01.tools": "scc"}, "takes a list of options"),
        ({"gov02.share": "many"}, "is not a number"),
        ({"gov02.share": 150}, "above the maximum 100"),
        ({"gov01.maturity": 9}, "not a whole number from 0 to 4"),
        ({"gov02.last": "last spring"}, "is not a date"),
        ({"xfr01.hosting": "XX"}, "'XX' is not a known ISO 3166 country code"),
        ({"role": "controller"}, "(it is a profile question)"),
    ],
)
def test_bad_answers_name_the_culprit(
    example: Questionnaire, answers: dict[str, Any], fragment: str
) -> None:
    with pytest.raises(InvalidAssessment, match=None) as caught:
        results(example, answers)
    assert fragment in str(caught.value)


def test_a_different_questionnaire_version_is_refused(example: Questionnaire) -> None:
    with pytest.raises(InvalidAssessment, match=r"not example 1\.0\.0"):
        score(example, assessment(questionnaire={"id": "example", "version": "2.0.0"}))


def test_the_result_json_is_byte_identical_for_identical_input(example: Questionnaire) -> None:
    a = results(example, FULL_ANSWERS).model_dump_json()
    b = results(example, dict(reversed(list(FULL_ANSWERS.items())))).model_dump_json()
    assert a == b
    assert '"score":"100.00"' in a


def test_condition_targets_name_every_question_a_condition_tests(example: Questionnaire) -> None:
    from compliance.engine.conditions import condition_targets

    assert condition_targets(example) == {"gov01.lead", "sectors", "role", "xfr01.tools"}


def test_each_released_engine_scores_with_its_own_rules(example: Questionnaire) -> None:
    from compliance.engine.scoring import ENGINE_VERSION, ENGINES

    back = {
        "id": "return",
        "name": "Results back to the client",
        "exporter": {"name": "Atlas", "country": "MA", "role": "processor"},
        "importer": {"name": "Client", "country": "FR", "role": "controller"},
        "regime": "eu_gdpr",
        "origin": "MA",
        "destination": "FR",
        "criminal_data": False,
        "national_id": False,
        "cndp": {"declaration_receipt": "D-1", "transfer_declaration": "T-7"},
    }
    a = assessment(flows=[back])
    old = score(example, a, engine="compliance-engine/0.1.0")
    new = score(example, a)
    assert set(ENGINES) >= {"compliance-engine/0.1.0", ENGINE_VERSION}
    assert (old.engine, new.engine) == ("compliance-engine/0.1.0", ENGINE_VERSION)
    unverified = [r.message.fr for r in old.flows[0].reasons if r.code == "MA_LIST_UNVERIFIED"]
    assert unverified[0].endswith("données non vérifiées ; vérifiez la délibération.")  # as signed
    with pytest.raises(KeyError):
        score(example, a, engine="compliance-engine/9.9.9")
