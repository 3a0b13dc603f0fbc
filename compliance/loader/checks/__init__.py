"""Provides the cross-reference checks of a validated questionnaire, as a registry.

Each check lives in its own module and registers itself by name (:data:`CHECKS`);
:func:`check_questionnaire` runs them all, in order, and places every finding at its line in the
file. A new check is a new module imported below, with its own test in ``tests/loader/checks/``
(a table test fails when a registered check has none).
"""

from __future__ import annotations

from compliance.errors import Problem

# The checks register themselves when imported, in this order, which is the order they run in.
# isort: off
from compliance.loader.checks import ids, references, scoring, conditions, cycles, bidi  # noqa: F401

# isort: on
from compliance.loader.checks.registry import CHECKS, Check, Finding, Loc, register
from compliance.model.questionnaire import Questionnaire
from compliance.safeyaml import Document

__all__ = ["CHECKS", "Check", "Finding", "Loc", "check_questionnaire", "register"]


def check_questionnaire(
    questionnaire: Questionnaire, document: Document | None = None, name: str = "<questionnaire>"
) -> list[Problem]:
    """Every cross-reference problem of a validated questionnaire, placed in ``document``."""
    return [
        _place(finding, document, name)
        for check in CHECKS.values()
        for finding in check(questionnaire)
    ]


def _place(finding: Finding, document: Document | None, name: str) -> Problem:
    if document is None:
        return Problem(name, 1, 1, finding.message, finding.item)
    problem = document.problem(finding.loc, finding.message)
    if finding.item and problem.item != finding.item:
        problem = Problem(problem.file, problem.line, problem.column, finding.message, finding.item)
    return problem
