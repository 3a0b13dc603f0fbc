"""Provides the domain models: questionnaires, reference data and conditions.

Models are pydantic, frozen and strict. This package imports nothing from the UI.
"""

from compliance.model.base import Text
from compliance.model.conditions import OPERATORS, Condition
from compliance.model.questionnaire import (
    QUESTIONNAIRE_SCHEMA,
    Control,
    Domain,
    Question,
    Questionnaire,
)
from compliance.model.reference import ReferenceData

__all__ = [
    "OPERATORS",
    "QUESTIONNAIRE_SCHEMA",
    "Condition",
    "Control",
    "Domain",
    "Question",
    "Questionnaire",
    "ReferenceData",
    "Text",
]
