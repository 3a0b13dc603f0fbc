"""The check ``condition-cycles``: no question depends, through ``when`` conditions (its own
and its control's), on itself."""

from __future__ import annotations

from collections.abc import Iterator

from compliance.graph import find_cycles
from compliance.loader.checks.registry import Finding, Loc, register
from compliance.loader.checks.walk import condition_tests, questions
from compliance.model.questionnaire import Questionnaire


@register("condition-cycles")
def condition_cycles(questionnaire: Questionnaire) -> Iterator[Finding]:
    """Each cycle once, reported at the condition that closes it."""
    depends: dict[str, set[str]] = {}
    where: dict[str, Loc] = {}
    sites = list(questions(questionnaire))
    # The domains' questions first, then the profile's: the order the cycles are searched in.
    for site in [s for s in sites if not s.in_profile] + [s for s in sites if s.in_profile]:
        conditions = [site.question.when]
        if site.control is not None:
            conditions.insert(0, site.control.when)
        elif site.question.when is None:
            continue
        depends[site.question.id] = {
            test.target
            for condition in conditions
            if condition is not None
            for test, _ in condition_tests(condition, ())
        }
        where[site.question.id] = (*site.loc, "when")
    for ring in find_cycles(depends):
        closing = ring[-1]
        yield Finding(where[closing], f"conditions form a cycle: {' -> '.join(ring)}", closing)
