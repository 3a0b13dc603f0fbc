"""Provides the walk over a questionnaire that the checks share: every domain, control and
question with its location, and every test inside a condition."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from compliance.loader.checks.registry import Loc
from compliance.model.conditions import AllOf, AnswerTest, AnyOf, Condition, Not, ProfileTest
from compliance.model.questionnaire import Control, Domain, Question, Questionnaire

__all__ = ["Site", "condition_tests", "controls", "domains", "questions"]


class Site(NamedTuple):
    """A question with its location and the control that holds it (None in the profile)."""

    question: Question
    loc: Loc
    control: Control | None

    @property
    def in_profile(self) -> bool:
        """Whether the question belongs to the profile."""
        return self.control is None


def domains(questionnaire: Questionnaire) -> Iterator[tuple[Domain, Loc]]:
    """Every domain with its location."""
    for d, domain in enumerate(questionnaire.domains):
        yield domain, ("domains", d)


def controls(questionnaire: Questionnaire) -> Iterator[tuple[Control, Loc]]:
    """Every control of every domain with its location."""
    for domain, loc in domains(questionnaire):
        for c, control in enumerate(domain.controls):
            yield control, (*loc, "controls", c)


def questions(questionnaire: Questionnaire) -> Iterator[Site]:
    """Every question: the profile's first, then the domains' in order."""
    for i, question in enumerate(questionnaire.profile.questions):
        yield Site(question, ("profile", "questions", i), None)
    for control, loc in controls(questionnaire):
        for k, question in enumerate(control.questions):
            yield Site(question, (*loc, "questions", k), control)


def condition_tests(
    condition: Condition, loc: Loc
) -> Iterator[tuple[AnswerTest | ProfileTest, Loc]]:
    """Every answer or profile test inside ``condition``, with its location."""
    if isinstance(condition, AllOf):
        for i, child in enumerate(condition.all_):
            yield from condition_tests(child, (*loc, "all", i))
    elif isinstance(condition, AnyOf):
        for i, child in enumerate(condition.any_):
            yield from condition_tests(child, (*loc, "any", i))
    elif isinstance(condition, Not):
        yield from condition_tests(condition.not_, (*loc, "not"))
    else:
        yield condition, loc
