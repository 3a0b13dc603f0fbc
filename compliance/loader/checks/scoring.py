"""The check ``scoring``: an active control has a scored question, and every option of a scored
choice question carries a score."""

from __future__ import annotations

from collections.abc import Iterator

from compliance.loader.checks.registry import Finding, register
from compliance.loader.checks.walk import controls, questions
from compliance.model.questionnaire import MultiChoiceQuestion, Questionnaire, SingleChoiceQuestion


@register("scoring")
def scoring(questionnaire: Questionnaire) -> Iterator[Finding]:
    """A control that could never score, or a scored option without its score."""
    for control, loc in controls(questionnaire):
        if control.status == "active" and not any(q.scored for q in control.questions):
            yield Finding(loc, "an active control needs at least one scored question")
    for site in questions(questionnaire):
        question = site.question
        if site.in_profile or not isinstance(question, SingleChoiceQuestion | MultiChoiceQuestion):
            continue
        for o, option in enumerate(question.options):
            if option.score is None:
                yield Finding(
                    (*site.loc, "options", o),
                    f"option {option.id!r} needs a 'score' from 0 to 1 (the question is scored)",
                )
