"""The check ``condition-targets``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import control, question
from tests.loader.checks.support import findings, problems_of

CHECK = "condition-targets"


def test_a_condition_on_a_question_that_does_not_exist() -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov01.maturity")["when"] = {"answer": "gov99.none", "answered": True}

    [finding] = findings(CHECK, change)
    assert finding.message == "condition refers to question 'gov99.none', which does not exist"
    assert finding.loc[-2:] == ("when", "answer")


def test_a_condition_on_a_profile_question_that_does_not_exist() -> None:
    def change(data: dict[str, Any]) -> None:
        control(data, "GOV-01")["when"] = {"any": [{"profile": "size", "answered": True}]}

    [finding] = findings(CHECK, change)
    assert finding.message == ("condition refers to profile question 'size', which does not exist")
    assert finding.loc == ("domains", 0, "controls", 0, "when", "any", 0, "profile")


def test_a_profile_question_cannot_depend_on_the_domains() -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "country")["when"] = {"answer": "gov01.lead", "answered": True}

    [finding] = findings(CHECK, change)
    assert finding.message == "a profile question can only depend on other profile questions"
    assert finding.loc == ("profile", "questions", 2, "when", "answer")


@pytest.mark.parametrize(
    ("condition", "reason"),
    [
        (
            {"profile": "role", "in": ["boss"]},
            "'boss' is not an option of 'role'; options are controller, processor",
        ),
        (
            {"answer": "gov01.lead", "equals": "maybe"},
            "'maybe' is not an answer to yes/no question 'gov01.lead'",
        ),
        (
            {"not": {"profile": "sectors", "equals": "mining"}},
            "'mining' is not an option of 'sectors'",
        ),
    ],
)
def test_a_value_that_can_never_be_an_answer(condition: dict[str, Any], reason: str) -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov01.maturity")["when"] = condition

    [finding] = findings(CHECK, change)
    assert finding.message.startswith(reason)


def test_a_multiple_choice_option_is_tested_one_at_a_time() -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov01.maturity")["when"] = {
            "profile": "sectors",
            "in": ["health", "banking"],
        }

    assert findings(CHECK, change) == []


def test_a_bad_condition_is_placed_on_the_question(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov01.maturity")["when"] = {"answer": "gov99.none", "answered": True}

    [problem] = problems_of(tmp_path, change)
    assert "gov01.maturity: condition refers to question 'gov99.none'" in problem
    assert ":gov01.maturity:" not in problem  # the id is its own field
