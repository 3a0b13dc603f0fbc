"""Provides the safe loader: questionnaire files (and reference data) in, validated models out.

Loading goes: size cap → strict UTF-8 → safe YAML events (:mod:`compliance.safeyaml`) → pydantic
with unknown fields forbidden → cross-reference checks. Every problem found at one stage is reported
at once, each as ``file:line:col: id: message``.

One concept a module:

- :mod:`~compliance.loader.wording` and :mod:`~compliance.loader.validation`: a parsed document
  against a pydantic model, every error a sentence placed at its line;
- :mod:`~compliance.loader.checks`: the registry of cross-reference checks, one module each;
- :mod:`~compliance.loader.reference`: the reference-data files read and merged;
- :mod:`~compliance.loader.cache`: validated questionnaires cached as JSON, keyed by SHA-256;
- :mod:`~compliance.loader.questionnaires` and :mod:`~compliance.loader.assessments`: the two
  kinds of file a user gives.
"""

from __future__ import annotations

from compliance.loader.assessments import MAX_ASSESSMENT_BYTES, check_against, parse_assessment
from compliance.loader.cache import clear_memo
from compliance.loader.checks import check_questionnaire
from compliance.loader.questionnaires import (
    MAX_QUESTIONNAIRE_BYTES,
    iter_problems,
    load_questionnaire,
    parse_questionnaire,
)
from compliance.loader.reference import MAX_REFERENCE_BYTES, load_reference
from compliance.loader.validation import validate_document

__all__ = [
    "MAX_ASSESSMENT_BYTES",
    "MAX_QUESTIONNAIRE_BYTES",
    "MAX_REFERENCE_BYTES",
    "check_against",
    "check_questionnaire",
    "clear_memo",
    "iter_problems",
    "load_questionnaire",
    "load_reference",
    "parse_assessment",
    "parse_questionnaire",
    "validate_document",
]
