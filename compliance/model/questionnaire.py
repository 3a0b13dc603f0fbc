"""Provides the questionnaire model, schema ``compliance.questionnaire/v1``.

A questionnaire has a profile (questions about the organisation, asked first, never scored) and
domains of controls of questions. Everything is frozen and strict: an unknown field is an error.
Cross-references (ids unique, conditions pointing at real questions and options, no cycles) are
checked by :mod:`compliance.loader`, which reports every problem with its line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    StringConstraints,
    model_serializer,
    model_validator,
)

from compliance.model.base import (
    Frozen,
    ItemId,
    Refs,
    Score01,
    SemVer,
    Slug,
    Text,
    Weight,
)
from compliance.model.conditions import Condition
from compliance.model.reference import ReferenceData
from compliance.model.reference_set import ReferenceStamp

__all__ = [
    "QUESTIONNAIRE_SCHEMA",
    "Band",
    "Control",
    "CountryQuestion",
    "DateQuestion",
    "Domain",
    "Framework",
    "Gate",
    "MultiChoiceQuestion",
    "NumberQuestion",
    "NumberStep",
    "Option",
    "Profile",
    "Question",
    "Questionnaire",
    "ScaleLabel",
    "ScaleQuestion",
    "Scoring",
    "SingleChoiceQuestion",
    "TextQuestion",
    "YesNoQuestion",
]

QUESTIONNAIRE_SCHEMA = "compliance.questionnaire/v1"

_ONE = Decimal(1)


class Option(Frozen):
    """One choice of a single- or multiple-choice question."""

    id: ItemId
    label: Text
    score: Score01 | None = None
    """How far choosing this meets the control, from 0 to 1; required in scored questions."""
    exclusive: bool | None = None
    """In a multiple-choice question, whether choosing this option ("none of these") excludes
    every other. Unset, an option with the id ``none`` is exclusive: the released questionnaires
    mark their "none of these" options so, and their published bytes never change (ADR 0023);
    ``false`` opts such an option out. Not allowed in a single-choice question."""


class _QuestionBase(Frozen):
    id: ItemId
    text: Text
    help: Text | None = None
    """Why the question matters and what good evidence looks like."""
    weight: Weight = _ONE
    allow_na: bool = False
    """Whether "not applicable" is an accepted answer (left out of every denominator)."""
    required: bool = True
    when: Condition | None = None
    """The question applies only when this holds."""
    refs: Refs = Field(default_factory=dict)
    """Article citations specific to this question, beside its control's."""

    @property
    def scored(self) -> bool:
        """Whether an answer to this question earns points."""
        return True

    def option_ids(self) -> tuple[str, ...]:
        """The ids an answer may take, for choice questions; empty for the others."""
        return ()


class YesNoQuestion(_QuestionBase):
    """A yes or no; ``good`` says which answer meets the control."""

    kind: Literal["yes_no"]
    good: Literal["yes", "no"] = "yes"

    def option_ids(self) -> tuple[str, ...]:
        return ("yes", "no")


class SingleChoiceQuestion(_QuestionBase):
    """One option out of several."""

    kind: Literal["single_choice"]
    options: tuple[Option, ...] = Field(min_length=2, max_length=100)

    @model_validator(mode="after")
    def _no_exclusive(self) -> SingleChoiceQuestion:
        for option in self.options:
            if option.exclusive is not None:
                raise ValueError(
                    f"option {option.id!r}: 'exclusive' applies only to multi_choice options"
                    " (one option of a single_choice already excludes the others)"
                )
        return self

    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)


class MultiChoiceQuestion(_QuestionBase):
    """Any number of options; ``rule`` says how their scores combine."""

    kind: Literal["multi_choice"]
    options: tuple[Option, ...] = Field(min_length=2, max_length=100)
    rule: Literal["min", "mean", "sum"] = "sum"
    """``min``: the weakest choice counts; ``mean``: the average; ``sum``: added up, capped at 1."""

    @model_validator(mode="after")
    def _some_not_exclusive(self) -> MultiChoiceQuestion:
        if len(self.exclusive_ids()) == len(self.options):
            raise ValueError("every option is 'exclusive': make it a single_choice question")
        return self

    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)

    def exclusive_ids(self) -> frozenset[str]:
        """The options that exclude every other ("none of these"; see :attr:`Option.exclusive`)."""
        return frozenset(
            option.id
            for option in self.options
            if option.exclusive or (option.exclusive is None and option.id == "none")
        )

    def with_exclusive(self, before: tuple[str, ...], after: tuple[str, ...]) -> tuple[str, ...]:
        """The choice after a change from ``before`` to ``after``, keeping exclusive options
        apart: an exclusive option just chosen clears the others; another option just chosen
        clears the exclusive ones; a removal stays as it is. In the questionnaire's order."""
        exclusive = self.exclusive_ids()
        added = [key for key in after if key not in before]
        if any(key in exclusive for key in added):
            first = next(key for key in self.option_ids() if key in added and key in exclusive)
            return (first,)
        kept = {key for key in after if key not in exclusive} if added else set(after)
        return tuple(key for key in self.option_ids() if key in kept)


class ScaleLabel(Frozen):
    """The label of one point of a scale."""

    value: int
    label: Text


class ScaleQuestion(_QuestionBase):
    """A whole number from ``min`` to ``max``; scored linearly between them."""

    kind: Literal["scale"]
    min: int = Field(default=0, ge=-1000, le=1000)
    max: int = Field(default=4, ge=-1000, le=1000)
    labels: tuple[ScaleLabel, ...] = ()

    @model_validator(mode="after")
    def _range(self) -> ScaleQuestion:
        if self.max <= self.min:
            raise ValueError("'max' must be greater than 'min'")
        for label in self.labels:
            if not self.min <= label.value <= self.max:
                raise ValueError(f"label value {label.value} is outside {self.min}..{self.max}")
        return self


class NumberStep(Frozen):
    """A step of a number question's scoring: from ``at_least`` upwards the score is ``score``."""

    at_least: Decimal = Field(allow_inf_nan=False, max_digits=18)
    score: Score01


class NumberQuestion(_QuestionBase):
    """A number; scored by ``scoring`` steps when they are given, else informational."""

    kind: Literal["number"]
    min: Decimal | None = Field(default=None, allow_inf_nan=False, max_digits=18)
    max: Decimal | None = Field(default=None, allow_inf_nan=False, max_digits=18)
    unit: Text | None = None
    scoring: tuple[NumberStep, ...] = ()

    @property
    def scored(self) -> bool:
        return bool(self.scoring)


class DateQuestion(_QuestionBase):
    """A date; scored 1 when no older than ``fresh_within_days`` on the assessment's date."""

    kind: Literal["date"]
    fresh_within_days: int | None = Field(default=None, ge=1, le=36_600)

    @property
    def scored(self) -> bool:
        return self.fresh_within_days is not None


class TextQuestion(_QuestionBase):
    """Free text; informational, never scored."""

    kind: Literal["text"]
    max_length: int = Field(default=4000, ge=1, le=100_000)

    @property
    def scored(self) -> bool:
        return False


class CountryQuestion(_QuestionBase):
    """One country (or several with ``multiple``), as ISO 3166 alpha-2 codes; not scored."""

    kind: Literal["country"]
    multiple: bool = False

    @property
    def scored(self) -> bool:
        return False


Question = Annotated[
    YesNoQuestion
    | SingleChoiceQuestion
    | MultiChoiceQuestion
    | ScaleQuestion
    | NumberQuestion
    | DateQuestion
    | TextQuestion
    | CountryQuestion,
    Field(discriminator="kind"),
]
"""Any question; its ``kind`` picks the class."""


class Control(Frozen):
    """A requirement, with the articles behind it and the questions that measure it."""

    id: ItemId
    title: Text
    description: Text | None = None
    refs: Refs = Field(min_length=1)
    weight: Weight = _ONE
    critical: bool = False
    """A gate: below the gate threshold it caps the overall rating."""
    status: Literal["active", "deprecated"] = "active"
    when: Condition | None = None
    remediation: Text
    evidence: tuple[Text, ...] = ()
    source: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = None
    """Where the control was imported from, e.g. the URN of a CISO Assistant requirement."""
    questions: tuple[Question, ...] = Field(min_length=1, max_length=200)


class Domain(Frozen):
    """A group of controls scored together (governance, security, transfers...)."""

    id: ItemId
    title: Text
    description: Text | None = None
    weight: Weight = _ONE
    controls: tuple[Control, ...] = Field(min_length=1, max_length=500)


class Band(Frozen):
    """A rating from ``min`` (a score out of 100) upwards."""

    id: ItemId
    label: Text
    min: Decimal = Field(ge=0, le=100, max_digits=6, decimal_places=2)


class Gate(Frozen):
    """The rule for critical controls: below ``threshold`` (out of 100) the rating is capped."""

    threshold: Decimal = Field(default=Decimal(50), ge=0, le=100, max_digits=6, decimal_places=2)
    cap: ItemId
    """The band the rating is capped at."""


class Scoring(Frozen):
    """How scores become ratings."""

    bands: tuple[Band, ...] = Field(min_length=1, max_length=20)
    gate: Gate

    @model_validator(mode="after")
    def _bands(self) -> Scoring:
        mins = [band.min for band in self.bands]
        if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
            raise ValueError("bands must be listed from the highest 'min' down, each different")
        if mins[-1] != 0:
            raise ValueError("the last band must start at 0 so that every score has a rating")
        if len({band.id for band in self.bands}) != len(self.bands):
            raise ValueError("band ids must be unique")
        if self.gate.cap not in {band.id for band in self.bands}:
            raise ValueError(f"gate cap {self.gate.cap!r} is not one of the bands")
        return self


class Framework(Frozen):
    """A legal text the questionnaire cites."""

    id: Slug
    title: Text
    articles: int | None = Field(default=None, ge=1, le=10_000)
    """The highest article number, when known: citations above it are load errors."""


class Profile(Frozen):
    """Questions about the organisation, asked first; they decide what applies, never score."""

    questions: tuple[Question, ...] = Field(default=(), max_length=200)


class Questionnaire(Frozen):
    """A whole questionnaire, with the reference data it scores with."""

    schema_id: Literal["compliance.questionnaire/v1"] = Field(alias="schema")
    id: Slug
    version: SemVer
    title: Text
    description: Text | None = None
    published: dt.date | None = None
    frameworks: tuple[Framework, ...] = Field(min_length=1, max_length=50)
    scoring: Scoring
    profile: Profile = Profile()
    domains: tuple[Domain, ...] = Field(min_length=1, max_length=100)
    reference_set: Slug | None = None
    """The id of the reference sets this questionnaire scores with (``compliance.reference/v1``).

    When given, the reference lists are not part of the questionnaire or its digest: the loader
    binds a published set to ``reference`` (the one an assessment records, else the newest
    installed), and the canonical form leaves it out. When left out (the questionnaires published
    before reference sets, 1.0.0), the loader embeds the frozen lists of
    ``questionnaires/reference/embedded/`` and they are covered by the digest, as before."""
    reference: ReferenceData | None = None
    """The lists the questionnaire scores with: embedded (no ``reference_set``) or bound."""
    _reference_stamp: ReferenceStamp | None = PrivateAttr(default=None)

    @model_validator(mode="before")
    @classmethod
    def _no_embedded_lists_with_a_set(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("reference_set") and data.get("reference"):
            raise ValueError(
                "a questionnaire that names a reference_set takes its lists from that set; "
                "remove the 'reference' block"
            )
        return data

    @model_serializer(mode="wrap")
    def _without_bound_lists(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if self.reference_set is not None and isinstance(data, dict):
            data.pop("reference", None)
        return data

    @cached_property
    def digest(self) -> str:
        """The SHA-256 of the canonical JSON (see :mod:`compliance.canonical`), computed once."""
        from compliance.canonical import digest

        return digest(self)

    def with_reference(
        self, reference: ReferenceData, stamp: ReferenceStamp | None = None
    ) -> Questionnaire:
        """A copy carrying ``reference`` (bound from the reference set ``stamp``, if given), with
        nothing cached from this one but the digest of a questionnaire naming a ``reference_set``
        (its canonical form leaves the bound lists out, so binding cannot change it; verifying
        recomputed it for every bundle)."""
        copied = self.model_copy(update={"reference": reference})
        for name, member in vars(Questionnaire).items():
            if isinstance(member, cached_property):
                copied.__dict__.pop(name, None)
        if self.reference_set is not None:
            copied.__dict__["digest"] = self.digest  # computed once on the unbound questionnaire
        copied._reference_stamp = stamp
        return copied

    @property
    def reference_stamp(self) -> ReferenceStamp | None:
        """The reference set bound to a questionnaire naming a ``reference_set`` (None when the
        lists are embedded or nothing is bound yet)."""
        return self._reference_stamp

    def iter_questions(self) -> Iterator[tuple[Domain, Control, Question]]:
        """Every question of the domains, in order, with its domain and control."""
        for domain in self.domains:
            for control in domain.controls:
                for question in control.questions:
                    yield domain, control, question

    @cached_property
    def questions_by_id(self) -> dict[str, Question]:
        """The questions of the domains by id."""
        return {question.id: question for _, _, question in self.iter_questions()}

    @cached_property
    def control_of(self) -> dict[str, Control]:
        """The control each question of the domains belongs to, by question id."""
        return {question.id: control for _, control, question in self.iter_questions()}

    @cached_property
    def profile_by_id(self) -> dict[str, Question]:
        """The profile questions by id."""
        return {question.id: question for question in self.profile.questions}

    @property
    def control_count(self) -> int:
        """How many controls the questionnaire has."""
        return sum(len(domain.controls) for domain in self.domains)

    @property
    def question_count(self) -> int:
        """How many questions the domains have (the profile excluded)."""
        return sum(len(control.questions) for domain in self.domains for control in domain.controls)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the questionnaire can be shown in."""
        return ("en", "fr", "ar") if self.title.ar else ("en", "fr")
