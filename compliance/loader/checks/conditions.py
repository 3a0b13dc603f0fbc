"""The check ``condition-targets``: every test in a ``when`` condition names a question that
exists (a profile question, for a profile question's condition) and compares it with a value
that can be an answer to it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from compliance.engine.validation import answer_problem
from compliance.loader.checks.registry import Finding, Loc, register
from compliance.loader.checks.walk import condition_tests, controls, questions
from compliance.model.conditions import Condition, ProfileTest
from compliance.model.questionnaire import MultiChoiceQuestion, Question, Questionnaire


@register("condition-targets")
def condition_targets(questionnaire: Questionnaire) -> Iterator[Finding]:
    """A test on a missing question, on the domains from the profile, or on an impossible value."""
    for control, loc in controls(questionnaire):
        if control.when is not None:
            yield from _condition(questionnaire, control.when, (*loc, "when"), in_profile=False)
    for site in questions(questionnaire):
        if site.question.when is not None:
            yield from _condition(
                questionnaire, site.question.when, (*site.loc, "when"), in_profile=site.in_profile
            )


def _condition(
    questionnaire: Questionnaire, condition: Condition, loc: Loc, *, in_profile: bool
) -> Iterator[Finding]:
    for test, test_loc in condition_tests(condition, loc):
        if isinstance(test, ProfileTest):
            target = questionnaire.profile_by_id.get(test.profile)
            if target is None:
                yield Finding(
                    (*test_loc, "profile"),
                    f"condition refers to profile question {test.profile!r}, which does not exist",
                )
                continue
        else:
            if in_profile:
                yield Finding(
                    (*test_loc, "answer"),
                    "a profile question can only depend on other profile questions",
                )
                continue
            target = questionnaire.questions_by_id.get(test.answer)
            if target is None:
                yield Finding(
                    (*test_loc, "answer"),
                    f"condition refers to question {test.answer!r}, which does not exist",
                )
                continue
        values: tuple[Any, ...] = ()
        if test.equals is not None:
            values = (test.equals,)
        elif test.in_ is not None:
            values = test.in_
        for value in values:
            reason = _value_problem(target, value)
            if reason:
                yield Finding(test_loc, reason)


def _value_problem(question: Question, value: Any) -> str | None:
    """Why a condition's ``value`` can never be an answer to ``question``, or None when it can.

    A condition tests one value at a time, so a multiple-choice option is checked as a one-option
    answer; numbers are compared exactly.
    """
    if isinstance(question, MultiChoiceQuestion):
        value = (value,)
    elif isinstance(value, float):
        value = Decimal(str(value))
    return answer_problem(question, value)
