"""The questionnaire loader: validation and its positions (each cross-reference check has its
own tests in tests/loader/checks/)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from compliance.errors import LoadError
from compliance.loader import load_questionnaire, parse_questionnaire
from compliance.model.conditions import AllOf, AnswerTest, AnyOf, Not, ProfileTest
from compliance.model.questionnaire import MultiChoiceQuestion, YesNoQuestion
from tests.helpers import EXAMPLE, control, question, variant


def problems_of(path: Path) -> list[str]:
    with pytest.raises(LoadError) as caught:
        load_questionnaire(path, use_cache=False)
    return [str(problem) for problem in caught.value.problems]


def test_the_example_loads_with_every_kind_and_operator() -> None:
    q = load_questionnaire(EXAMPLE, use_cache=False)
    kinds = {question.kind for _, _, question in q.iter_questions()}
    kinds |= {question.kind for question in q.profile.questions}
    assert kinds == {
        "yes_no",
        "single_choice",
        "multi_choice",
        "scale",
        "number",
        "date",
        "text",
        "country",
    }
    operators: set[type] = set()

    def walk(condition: Any) -> None:
        operators.add(type(condition))
        for child in getattr(condition, "all_", ()) + getattr(condition, "any_", ()):
            walk(child)
        if isinstance(condition, Not):
            walk(condition.not_)

    for _, control_, question_ in q.iter_questions():
        for condition in (control_.when, question_.when):
            if condition is not None:
                walk(condition)
    assert operators == {AllOf, AnyOf, Not, AnswerTest, ProfileTest}
    assert q.reference is not None
    assert q.reference.scc_modules


def test_option_scores_are_exact_decimals() -> None:
    q = load_questionnaire(EXAMPLE, use_cache=False)
    tools = q.questions_by_id["xfr01.tools"]
    assert isinstance(tools, MultiChoiceQuestion)
    assert [option.score for option in tools.options] == [
        Decimal("0.5"),
        Decimal("0.5"),
        Decimal(0),
    ]


def test_missing_french_text_is_reported_with_its_line_and_item(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        del question(data, "gov01.lead")["text"]["fr"]

    [problem] = problems_of(variant(tmp_path, change))
    assert ": gov01.lead: 'fr' is required" in problem
    assert problem.startswith(f"{tmp_path / 'variant.yaml'}:")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        del question(data, "gov01.lead")["text"]["fr"]
        question(data, "gov02.share")["weight"] = -1
        question(data, "xfr01.tools")["colour"] = "red"

    found = problems_of(variant(tmp_path, change))
    assert len(found) == 3
    assert any("gov02.share: weight: Input should be greater than 0" in p for p in found)
    assert any("xfr01.tools: unknown field 'colour'" in p for p in found)


def test_unknown_operator(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov01.maturity")["when"] = {"matches": "gov01.lead"}

    [problem] = problems_of(variant(tmp_path, change))
    assert "gov01.maturity: unknown condition (matches)" in problem


def test_two_operators_in_one_condition_are_refused(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov01.maturity")["when"] = {"all": [], "any": []}

    [problem] = problems_of(variant(tmp_path, change))
    assert "unknown condition (all, any)" in problem


def test_a_test_needs_exactly_one_comparison(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov01.maturity")["when"] = {
            "answer": "gov01.lead",
            "equals": "yes",
            "answered": True,
        }

    [problem] = problems_of(variant(tmp_path, change))
    assert "exactly one of 'equals', 'in' or 'answered'" in problem


def test_article_numbers_are_read_whole(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        control(data, "GOV-01")["refs"] = {"law-09-08": ["9(1)", "24(1)(b)"], "gdpr": ["9 §2"]}

    q = load_questionnaire(variant(tmp_path, change), use_cache=False)
    assert q.domains[0].controls[0].refs["law-09-08"] == ("9(1)", "24(1)(b)")


def test_article_citations_start_with_the_article_number(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        control(data, "GOV-01")["refs"] = {"gdpr": ["Art. 37"]}

    [problem] = problems_of(variant(tmp_path, change))
    assert "GOV-01: gdpr: String should match pattern" in problem


@pytest.mark.parametrize("score", [-0.1, 1.5, "high", float("inf")])
def test_option_scores_stay_within_zero_and_one(tmp_path: Path, score: object) -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "xfr01.health")["options"][0]["score"] = score

    [problem] = problems_of(variant(tmp_path, change))
    assert "xfr01.health: score:" in problem


@pytest.mark.parametrize("weight", [0, -1, 1e308, "heavy"])
def test_weights_are_positive_and_bounded(tmp_path: Path, weight: object) -> None:
    def change(data: dict[str, Any]) -> None:
        control(data, "GOV-01")["weight"] = weight

    [problem] = problems_of(variant(tmp_path, change))
    assert "GOV-01: weight:" in problem


def test_an_unknown_question_kind(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov01.lead")["kind"] = "essay"

    [problem] = problems_of(variant(tmp_path, change))
    assert "unknown kind 'essay'" in problem


def test_bands_must_cover_every_score(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["scoring"]["bands"][-1]["min"] = 10

    [problem] = problems_of(variant(tmp_path, change))
    assert "the last band must start at 0" in problem


def test_a_list_where_a_mapping_belongs(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["title"] = ["Example", "Exemple"]

    [problem] = problems_of(variant(tmp_path, change))
    assert "example: title: Input should be a valid dictionary" in problem


def test_a_list_at_the_top(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n")
    assert problems_of(path) == [f"{path}:1:1: expected a mapping at the top of a questionnaire"]


def test_a_yes_no_question_can_be_good_when_no(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov01.lead")["good"] = "no"

    q = load_questionnaire(variant(tmp_path, change), use_cache=False)
    lead = q.questions_by_id["gov01.lead"]
    assert isinstance(lead, YesNoQuestion)
    assert lead.good == "no"


def test_inline_reference_data_is_kept(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["reference"] = {"countries": {"MA": {"en": "Morocco", "fr": "Maroc"}}}

    q = load_questionnaire(variant(tmp_path, change), use_cache=False)
    assert q.reference is not None
    assert set(q.reference.countries) == {"MA"}


def test_parse_without_reference_embeds_none() -> None:
    q = parse_questionnaire(EXAMPLE.read_bytes(), "example")
    assert q.reference is None
