"""Helpers for the check tests: run one registered check on a changed copy of the example."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from compliance.errors import LoadError
from compliance.loader import load_questionnaire
from compliance.loader.checks import CHECKS, Finding
from compliance.model.questionnaire import Questionnaire
from tests.helpers import example_data, variant

Change = Callable[[dict[str, Any]], None]


def findings(check: str, change: Change) -> list[Finding]:
    """What the check named ``check`` finds in the example with ``change`` applied.

    The questionnaire is only validated by pydantic, so the other checks do not stand between.
    """
    data = example_data()
    change(data)
    return list(CHECKS[check](Questionnaire.model_validate(data)))


def problems_of(tmp_path: Path, change: Change) -> list[str]:
    """Every problem, as the user reads it, of loading the example with ``change`` applied."""
    with pytest.raises(LoadError) as caught:
        load_questionnaire(variant(tmp_path, change), use_cache=False)
    return [str(problem) for problem in caught.value.problems]
