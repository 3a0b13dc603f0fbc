"""Provides :func:`score`: a questionnaire and an assessment in, a :class:`Result` out.

Pure and deterministic: no I/O, no clock (time rules use the assessment's ``as_of``), exact
decimals, and output that does not depend on the order of answers or flows.

The method, as the reports print it:

- a question scores the chosen option's score from 0 to 1 (multiple choice: the question's rule,
  ``min``, ``mean`` or ``sum`` capped at 1; a scale: its position between min and max; a number:
  its step; a date: 1 when no older than the question allows). N/A and questions that do not apply
  are left out of every denominator; an applicable required question left unanswered scores 0 and
  lowers the coverage;
- a control scores the weighted mean of its questions, a domain the weighted mean of its controls,
  the whole the weighted mean of its domains, from 0 to 100, rounded half-even to two decimals;
- the rating is the band the score falls in, capped by any critical control below the gate
  threshold and by any blocked flow; below 100 % coverage the result is marked incomplete;
- every lost point is attributed to the question that lost it: its share of the whole (the
  product of its weight's share at each level) times (1 - its score).

**Engine versions.** A result names the engine that computed it. A released engine version is never
changed: new rules get a new version, and the transfer rules of every released version stay
available (:data:`ENGINES`), so that ``score(..., engine=V)`` gives exactly the bytes engine ``V``
gave, which is how a bundle signed by an older release is re-scored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from typing import Any

from compliance.engine import transfers, transfers_0_1_0
from compliance.engine.conditions import evaluate
from compliance.engine.remediation import remediation_plan
from compliance.engine.validation import check_assessment
from compliance.errors import InvalidAssessment
from compliance.model.assessment import NA, Assessment
from compliance.model.questionnaire import (
    Control,
    DateQuestion,
    MultiChoiceQuestion,
    NumberQuestion,
    Question,
    Questionnaire,
    ScaleQuestion,
    SingleChoiceQuestion,
    YesNoQuestion,
)
from compliance.model.reference_set import ReferenceUsed
from compliance.model.result import (
    Cap,
    ControlResult,
    DomainResult,
    FlowResult,
    Overall,
    QuestionnaireStamp,
    QuestionResult,
    QuestionStatus,
    Result,
)

__all__ = ["ENGINES", "ENGINE_VERSION", "Applicability", "question_score", "score"]

ENGINE_VERSION = "compliance-engine/0.2.0"
"""The engine this release scores with (its own number: the package version no longer pins it)."""

FlowRules = Callable[[Questionnaire, Assessment, dt.date], tuple[FlowResult, ...]]

ENGINES: dict[str, FlowRules] = {
    "compliance-engine/0.1.0": transfers_0_1_0.assess_flows,
    ENGINE_VERSION: transfers.assess_flows,
}
"""Every engine version this release can score with, and the transfer rules of each (the rest of
the method has not changed between them)."""

_ZERO = Decimal(0)
_ONE = Decimal(1)
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")
_MILLI = Decimal("0.0001")
_CONTEXT = Context(prec=34, rounding=ROUND_HALF_EVEN)


def _round(value: Decimal, step: Decimal = _CENT) -> Decimal:
    return value.quantize(step, rounding=ROUND_HALF_EVEN)


def question_score(question: Question, value: Any, as_of: dt.date) -> Decimal | None:
    """The score from 0 to 1 of an answer, or None for a question that does not score."""
    if isinstance(question, YesNoQuestion):
        said = "yes" if value in (True, "yes") else "no"
        return _ONE if said == question.good else _ZERO
    if isinstance(question, SingleChoiceQuestion):
        option = next(o for o in question.options if o.id == value)
        return option.score if option.score is not None else _ZERO
    if isinstance(question, MultiChoiceQuestion):
        scores = [o.score or _ZERO for o in question.options if o.id in value]
        if not scores:
            return _ZERO
        if question.rule == "min":
            return min(scores)
        if question.rule == "mean":
            return sum(scores, _ZERO) / len(scores)
        return min(sum(scores, _ZERO), _ONE)
    if isinstance(question, ScaleQuestion):
        return Decimal(value - question.min) / Decimal(question.max - question.min)
    if isinstance(question, NumberQuestion):
        if not question.scoring:
            return None
        number = Decimal(value)
        reached = [s for s in question.scoring if number >= s.at_least]
        return max(reached, key=lambda s: s.at_least).score if reached else _ZERO
    if isinstance(question, DateQuestion):
        if question.fresh_within_days is None:
            return None
        age = (as_of - dt.date.fromisoformat(value)).days
        return _ONE if 0 <= age <= question.fresh_within_days else _ZERO
    return None


@dataclass
class Applicability:
    """Decides which questions apply, following conditions in dependency order."""

    questionnaire: Questionnaire
    assessment: Assessment
    _questions: dict[str, bool] = field(default_factory=dict)
    _profile: dict[str, bool] = field(default_factory=dict)
    _controls: dict[str, bool] = field(default_factory=dict)

    def profile_value(self, question_id: str) -> Any:
        """The profile answer, if its question applies."""
        if not self.profile_applies(question_id):
            return None
        value = self.assessment.profile.get(question_id)
        return None if value == NA else value

    def profile_applies(self, question_id: str) -> bool:
        """Whether a profile question applies."""
        known = self._profile.get(question_id)
        if known is not None:
            return known
        question = self.questionnaire.profile_by_id.get(question_id)
        applies = question is not None and (
            question.when is None or evaluate(question.when, self._no_answer, self.profile_value)
        )
        self._profile[question_id] = applies
        return applies

    @staticmethod
    def _no_answer(_question_id: str) -> Any:
        return None

    def answer_value(self, question_id: str) -> Any:
        """The answer to a question of the domains, if the question applies and is not N/A."""
        if not self.applies(question_id):
            return None
        answer = self.assessment.answers.get(question_id)
        if answer is None or answer.is_na:
            return None
        return answer.value

    def control_applies(self, control: Control) -> bool:
        """Whether a control applies (active and its condition holds); decided once."""
        known = self._controls.get(control.id)
        if known is not None:
            return known
        applies = control.status == "active" and (
            control.when is None or evaluate(control.when, self.answer_value, self.profile_value)
        )
        self._controls[control.id] = applies
        return applies

    def applies(self, question_id: str) -> bool:
        """Whether a question of the domains applies."""
        known = self._questions.get(question_id)
        if known is not None:
            return known
        self._questions[question_id] = False  # guards against a cycle the loader missed
        control = self.questionnaire.control_of[question_id]
        question = self.questionnaire.questions_by_id[question_id]
        applies = self.control_applies(control) and (
            question.when is None or evaluate(question.when, self.answer_value, self.profile_value)
        )
        self._questions[question_id] = applies
        return applies


@dataclass
class _Scored:
    id: str
    status: QuestionStatus
    weight: Decimal
    raw: Decimal | None = None
    """The exact score when the question counts, else None."""
    shown: Decimal | None = None
    """The score as reported (rounded); set for an answered or unanswered required question."""

    def result(self, lost: Decimal = _ZERO) -> QuestionResult:
        return QuestionResult(id=self.id, status=self.status, score=self.shown, lost=lost)


def _score_question(
    question: Question, applicability: Applicability, assessment: Assessment, as_of: dt.date
) -> _Scored:
    if not applicability.applies(question.id):
        return _Scored(question.id, "not_applicable", question.weight)
    if not question.scored:
        return _Scored(question.id, "informational", question.weight)
    answer = assessment.answers.get(question.id)
    if answer is None or answer.value is None:
        if question.required:
            return _Scored(question.id, "unanswered", question.weight, _ZERO, _ZERO)
        return _Scored(question.id, "unanswered", question.weight)
    if answer.is_na:
        return _Scored(question.id, "na", question.weight)
    raw = question_score(question, answer.value, as_of)
    shown = None if raw is None else _round(raw, _MILLI)
    return _Scored(question.id, "answered", question.weight, raw, shown)


def _weighted_mean(pairs: list[tuple[Decimal, Decimal]]) -> Decimal | None:
    total = sum((w for w, _ in pairs), _ZERO)
    if total == 0:
        return None
    return sum((w * s for w, s in pairs), _ZERO) / total


def _coverage(answered: int, expected: int) -> Decimal:
    if expected == 0:
        return _HUNDRED
    return _round(Decimal(answered) * _HUNDRED / Decimal(expected))


def score(
    questionnaire: Questionnaire, assessment: Assessment, *, engine: str = ENGINE_VERSION
) -> Result:
    """Scores ``assessment`` against ``questionnaire`` with the rules of ``engine``.

    Raises :class:`InvalidAssessment` when the assessment does not fit the questionnaire, and
    :class:`KeyError` for an engine version not in :data:`ENGINES`.
    """
    rules = ENGINES[engine]
    problems = check_assessment(questionnaire, assessment)
    if problems:
        (loc, message), more = problems[0], len(problems) - 1
        where = ".".join(str(step) for step in loc)
        extra = f" (and {more} more problem{'s' * (more > 1)})" if more else ""
        raise InvalidAssessment(f"{where}: {message}{extra}")
    if assessment.as_of is None:
        raise InvalidAssessment(
            "the assessment has no 'as_of' date; the engine never reads the clock"
        )
    with localcontext(_CONTEXT):
        return _score(questionnaire, assessment, assessment.as_of, engine, rules)


def _reference_used(questionnaire: Questionnaire, assessment: Assessment) -> ReferenceUsed | None:
    """The reference set the result was computed with (None: the lists are embedded)."""
    if questionnaire.reference_set is None:
        return None
    stamp = questionnaire.reference_stamp
    if stamp is None or stamp.digest is None:
        raise InvalidAssessment(
            f"{questionnaire.id} {questionnaire.version} scores with a reference set, but none is "
            "bound to it; load it through the loader"
        )
    recorded = assessment.reference
    if recorded is not None and (recorded.id, recorded.version) != (stamp.id, stamp.version):
        raise InvalidAssessment(
            f"the assessment records reference set {recorded.id} {recorded.version}, but the "
            f"questionnaire is bound to {stamp.id} {stamp.version}"
        )
    return ReferenceUsed(
        id=stamp.id,
        version=stamp.version,
        digest=stamp.digest,
        chosen="assessment" if recorded is not None else "newest",
    )


@dataclass
class _ControlWork:
    control: Control
    applicable: bool
    scored: list[_Scored]
    mean: Decimal | None


def _score(  # noqa: PLR0915  (one pass keeps scores and attributed points in step)
    questionnaire: Questionnaire,
    assessment: Assessment,
    as_of: dt.date,
    engine: str,
    assess_flows: FlowRules,
) -> Result:
    applicability = Applicability(questionnaire, assessment)
    domain_work: list[tuple[Any, list[_ControlWork], Decimal | None]] = []
    answered_total = expected_total = 0
    coverage_by_domain: dict[str, Decimal] = {}
    for domain in questionnaire.domains:
        works: list[_ControlWork] = []
        answered = expected = 0
        for control in domain.controls:
            applicable = applicability.control_applies(control)
            scored = [
                _score_question(question, applicability, assessment, as_of)
                for question in control.questions
            ]
            for item in scored:
                if item.raw is not None:
                    expected += 1
                    answered += item.status == "answered"
            pairs = [(item.weight, item.raw) for item in scored if item.raw is not None]
            mean = _weighted_mean(pairs) if applicable else None
            works.append(_ControlWork(control, applicable, scored, mean))
        control_pairs = [(w.control.weight, w.mean) for w in works if w.mean is not None]
        domain_mean = _weighted_mean(control_pairs)
        domain_work.append((domain, works, domain_mean))
        coverage_by_domain[domain.id] = _coverage(answered, expected)
        answered_total += answered
        expected_total += expected

    domain_pairs = [(d.weight, m) for d, _, m in domain_work if m is not None]
    overall_mean = _weighted_mean(domain_pairs)
    total_domain_weight = sum((w for w, _ in domain_pairs), _ZERO)

    control_results: list[ControlResult] = []
    domain_results: list[DomainResult] = []
    for domain, works, domain_mean in domain_work:
        control_weight = sum((w.control.weight for w in works if w.mean is not None), _ZERO)
        domain_lost = _ZERO
        for work in works:
            control_lost = _ZERO
            questions: list[QuestionResult] = []
            question_weight = sum((s.weight for s in work.scored if s.raw is not None), _ZERO)
            for item in work.scored:
                lost = _ZERO
                if item.raw is not None and work.mean is not None and domain_mean is not None:
                    share = (
                        _HUNDRED
                        * (item.weight / question_weight)
                        * (work.control.weight / control_weight)
                        * (domain.weight / total_domain_weight)
                    )
                    lost = share * (_ONE - item.raw)
                    control_lost += lost
                questions.append(item.result(_round(lost)))
            domain_lost += control_lost
            control_results.append(
                ControlResult(
                    id=work.control.id,
                    domain=domain.id,
                    applicable=work.applicable,
                    critical=work.control.critical,
                    score=None if work.mean is None else _round(work.mean * _HUNDRED),
                    lost=_round(control_lost),
                    questions=tuple(questions),
                )
            )
        domain_results.append(
            DomainResult(
                id=domain.id,
                score=None if domain_mean is None else _round(domain_mean * _HUNDRED),
                coverage=coverage_by_domain[domain.id],
                lost=_round(domain_lost),
            )
        )

    flows = assess_flows(questionnaire, assessment, as_of)
    overall_score = None if overall_mean is None else _round(overall_mean * _HUNDRED)
    bands = questionnaire.scoring.bands
    band = bands[-1]
    if overall_score is not None:
        band = next(b for b in bands if overall_score >= b.min)
    gate = questionnaire.scoring.gate
    caps: list[Cap] = []
    for outcome in control_results:
        if outcome.critical and outcome.score is not None and outcome.score < gate.threshold:
            caps.append(Cap(kind="critical_control", id=outcome.id, rating=gate.cap))
    for flow in flows:
        if flow.status == "blocked":
            caps.append(Cap(kind="blocked_flow", id=flow.id, rating=gate.cap))
    order = [b.id for b in bands]
    rating = band.id
    for cap in caps:
        if order.index(cap.rating) > order.index(rating):
            rating = cap.rating
    coverage = _coverage(answered_total, expected_total)
    overall = Overall(
        score=overall_score,
        rating=rating,
        band=band.id,
        coverage=coverage,
        incomplete=coverage < _HUNDRED,
        caps=tuple(caps),
    )
    capped = {cap.id for cap in caps if cap.kind == "critical_control"}
    return Result(
        engine=engine,
        questionnaire=QuestionnaireStamp(
            id=questionnaire.id, version=questionnaire.version, digest=questionnaire.digest
        ),
        reference=_reference_used(questionnaire, assessment),
        as_of=as_of,
        overall=overall,
        domains=tuple(domain_results),
        controls=tuple(control_results),
        flows=flows,
        remediation=remediation_plan(questionnaire, control_results, capped),
    )


ScoreFunction = Callable[[Questionnaire, Assessment], Result]
