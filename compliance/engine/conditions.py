"""Provides the evaluation of applicability conditions (see :mod:`compliance.model.conditions`).

The operators are a closed registry: each condition class maps to one function here, and a class
without one is a programming error caught by a test, never silently true or false.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from compliance.model.conditions import (
    OPERATORS,
    AllOf,
    AnswerTest,
    AnyOf,
    Condition,
    Not,
    ProfileTest,
    Value,
)
from compliance.model.questionnaire import Questionnaire

__all__ = ["EVALUATORS", "Lookup", "condition_targets", "evaluate", "normalise", "targets_of"]

Lookup = Callable[[str], Any]
"""Returns the applicable answer value of a question id, or None when unanswered or hidden."""


def normalise(value: Any) -> Any:
    """Brings an answer or a tested value to one comparable form.

    Booleans become ``yes``/``no`` (a yes/no answer may be written either way); numbers become
    exact decimals.
    """
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, int | float | Decimal):
        try:
            return Decimal(str(value))
        except InvalidOperation:  # pragma: no cover  (the models refuse inf and nan)
            return value
    return value


_WANTED: dict[tuple[Any, ...], frozenset[Any]] = {}


def _wanted(equals: Value | None, in_: tuple[Value, ...] | None) -> frozenset[Any]:
    """The values a test accepts, normalised once (conditions are evaluated on every answer).

    Keyed by type as well as value: ``True``, ``1`` and ``Decimal(1)`` are equal to Python but
    normalise differently (``yes`` against the number 1).
    """
    values = in_ if in_ is not None else (equals,)
    key = tuple((type(v), v) for v in values)
    found = _WANTED.get(key)
    if found is None:
        found = frozenset(normalise(v) for v in values)
        if len(_WANTED) < 4096:  # bounded: the questionnaires' own tests, not user input
            _WANTED[key] = found
    return found


def _test(
    value: Any, equals: Value | None, in_: tuple[Value, ...] | None, answered: bool | None
) -> bool:
    if answered is not None:
        return (value is not None) is answered
    if value is None:
        return False
    wanted = _wanted(equals, in_)
    if isinstance(value, tuple):
        return any(normalise(v) in wanted for v in value)
    return normalise(value) in wanted


def _all(condition: AllOf, answer: Lookup, profile: Lookup) -> bool:
    return all(evaluate(child, answer, profile) for child in condition.all_)


def _any(condition: AnyOf, answer: Lookup, profile: Lookup) -> bool:
    return any(evaluate(child, answer, profile) for child in condition.any_)


def _not(condition: Not, answer: Lookup, profile: Lookup) -> bool:
    return not evaluate(condition.not_, answer, profile)


def _answer(condition: AnswerTest, answer: Lookup, profile: Lookup) -> bool:
    return _test(answer(condition.answer), condition.equals, condition.in_, condition.answered)


def _profile(condition: ProfileTest, answer: Lookup, profile: Lookup) -> bool:
    return _test(profile(condition.profile), condition.equals, condition.in_, condition.answered)


EVALUATORS: Mapping[type, Callable[[Any, Lookup, Lookup], bool]] = {
    AllOf: _all,
    AnyOf: _any,
    Not: _not,
    AnswerTest: _answer,
    ProfileTest: _profile,
}
"""One evaluator per operator of :data:`compliance.model.conditions.OPERATORS`."""

if set(EVALUATORS) != set(OPERATORS.values()):  # pragma: no cover  (a test keeps them in step)
    raise RuntimeError("every condition operator needs an evaluator")


def evaluate(condition: Condition, answer: Lookup, profile: Lookup) -> bool:
    """Whether ``condition`` holds for these answers."""
    return EVALUATORS[type(condition)](condition, answer, profile)


def _targets(condition: Condition, found: set[str]) -> None:
    if isinstance(condition, AllOf | AnyOf):
        for child in condition.all_ if isinstance(condition, AllOf) else condition.any_:
            _targets(child, found)
    elif isinstance(condition, Not):
        _targets(condition.not_, found)
    else:
        found.add(condition.target)


def targets_of(condition: Condition) -> frozenset[str]:
    """The ids of the questions one condition tests."""
    found: set[str] = set()
    _targets(condition, found)
    return frozenset(found)


def condition_targets(questionnaire: Questionnaire) -> frozenset[str]:
    """The ids of every question (profile included) some condition tests.

    An answer to any other question cannot change what applies, so a user interface need not
    re-evaluate the conditions after it.
    """
    found: set[str] = set()
    for question in questionnaire.profile.questions:
        if question.when is not None:
            _targets(question.when, found)
    for _, control, question in questionnaire.iter_questions():
        for condition in (control.when, question.when):
            if condition is not None:
                _targets(condition, found)
    return frozenset(found)
