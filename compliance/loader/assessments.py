"""Provides the assessment-file reader: YAML or JSON bytes into a validated :class:`Assessment`,
and the check that it fits the questionnaire it names."""

from __future__ import annotations

import datetime as dt

from compliance.canonical import digest
from compliance.engine.validation import check_assessment
from compliance.errors import LoadError
from compliance.loader.validation import validate_document
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.safeyaml import Document, parse_yaml

__all__ = ["MAX_ASSESSMENT_BYTES", "check_against", "parse_assessment"]

MAX_ASSESSMENT_BYTES = 20 * 1024 * 1024
"""The largest assessment file accepted."""


def parse_assessment(
    data: bytes, name: str, *, default_as_of: dt.date | None = None
) -> tuple[Assessment, Document]:
    """Parses and validates assessment bytes (YAML or JSON) into an assessment and its document.

    ``as_of`` is set to ``default_as_of`` when the file leaves it out.
    """
    document = parse_yaml(data, name)
    if not isinstance(document.data, dict):
        raise LoadError([document.problem((), "expected a mapping at the top of an assessment")])
    if document.data.get("as_of") is None and default_as_of is not None:
        document.data["as_of"] = default_as_of.isoformat()
    return validate_document(document, Assessment), document


def check_against(assessment: Assessment, questionnaire: Questionnaire, document: Document) -> None:
    """Raises :class:`LoadError`, placed in ``document``, unless the assessment fits."""
    expected = assessment.questionnaire.digest
    actual = digest(questionnaire)
    if expected is not None and expected != actual:
        raise LoadError(
            [
                document.problem(
                    ("questionnaire", "digest"),
                    f"the questionnaire digest {expected[:12]}... does not match the installed "
                    f"{questionnaire.id} {questionnaire.version} ({actual[:12]}...); "
                    "the assessment was made with other content",
                )
            ]
        )
    problems = [
        document.problem(loc, message)
        for loc, message in check_assessment(questionnaire, assessment)
    ]
    if problems:
        raise LoadError(problems)
