"""Provides applicability conditions: structured data from a closed set of operators.

A condition is never an expression string and nothing is evaluated as code. The operators are the
keys of :data:`OPERATORS`; a mapping with any other key is a load error. Their meaning:

- ``{all: [c1, c2, ...]}``: every condition holds;
- ``{any: [c1, c2, ...]}``: at least one holds;
- ``{not: c}``: ``c`` does not hold;
- ``{answer: Q, equals: V}``, ``{answer: Q, in: [V, ...]}``, ``{answer: Q, answered: true}``: a test
  on the answer to question ``Q`` of the domains;
- ``{profile: P, equals: V}`` / ``in`` / ``answered``: the same test on profile question ``P``.

For a multiple-choice question, ``equals: V`` holds when ``V`` is among the chosen options and ``in:
[...]`` when any chosen option is in the list. An unanswered question, or one answered N/A, makes
``equals`` and ``in`` false and counts as not answered. A hidden question (one whose own condition
does not hold) counts as unanswered, whatever was typed into it earlier. Evaluation lives in
:mod:`compliance.engine.conditions`.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Union

from pydantic import Discriminator, Field, Tag, model_validator

from compliance.model.base import Frozen, ItemId

__all__ = ["OPERATORS", "AllOf", "AnswerTest", "AnyOf", "Condition", "Not", "ProfileTest", "Value"]

Value = bool | int | float | str
"""A value a test compares answers with: an option id, a number, a country code, a boolean."""


class AllOf(Frozen):
    """Holds when every condition in ``all`` holds."""

    operator: ClassVar[str] = "all"
    all_: tuple[Condition, ...] = Field(alias="all", min_length=1, max_length=200)


class AnyOf(Frozen):
    """Holds when at least one condition in ``any`` holds."""

    operator: ClassVar[str] = "any"
    any_: tuple[Condition, ...] = Field(alias="any", min_length=1, max_length=200)


class Not(Frozen):
    """Holds when ``not`` does not hold."""

    operator: ClassVar[str] = "not"
    not_: Condition = Field(alias="not")


class _Test(Frozen):
    """A test on one question's answer: exactly one of ``equals``, ``in`` or ``answered``."""

    equals: Value | None = None
    in_: tuple[Value, ...] | None = Field(default=None, alias="in", min_length=1, max_length=500)
    answered: bool | None = None

    @model_validator(mode="after")
    def _one_test(self) -> _Test:
        given = [self.equals is not None, self.in_ is not None, self.answered is not None]
        if sum(given) != 1:
            raise ValueError("give exactly one of 'equals', 'in' or 'answered'")
        return self

    @property
    def target(self) -> str:
        """The id of the question tested."""
        raise NotImplementedError


class AnswerTest(_Test):
    """A test on the answer to a question of the domains."""

    operator: ClassVar[str] = "answer"
    answer: ItemId

    @property
    def target(self) -> str:
        return self.answer


class ProfileTest(_Test):
    """A test on the answer to a profile question."""

    operator: ClassVar[str] = "profile"
    profile: ItemId

    @property
    def target(self) -> str:
        return self.profile


OPERATORS: dict[str, type[Frozen]] = {
    "all": AllOf,
    "any": AnyOf,
    "not": Not,
    "answer": AnswerTest,
    "profile": ProfileTest,
}
"""The closed registry of condition operators, by the key that names each."""


def _operator_of(value: Any) -> str | None:
    if isinstance(value, dict):
        found = [name for name in OPERATORS if name in value]
        return found[0] if len(found) == 1 else None
    operator = getattr(type(value), "operator", None)
    return operator if isinstance(operator, str) else None


Condition = Annotated[
    Union[  # noqa: UP007  (a Union keeps the Tag annotations readable)
        Annotated[AllOf, Tag("all")],
        Annotated[AnyOf, Tag("any")],
        Annotated[Not, Tag("not")],
        Annotated[AnswerTest, Tag("answer")],
        Annotated[ProfileTest, Tag("profile")],
    ],
    Discriminator(
        _operator_of,
        custom_error_type="unknown_operator",
        custom_error_message=(
            "a condition needs exactly one operator: all, any, not, answer, profile"
        ),
    ),
]
"""Any condition; which class is chosen by the one operator key present."""

for _model in (AllOf, AnyOf, Not, AnswerTest, ProfileTest):
    _model.model_rebuild()
