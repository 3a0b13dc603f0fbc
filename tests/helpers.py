"""Helpers shared by tests: questionnaires built in the test from the example."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from compliance.safeyaml import parse_yaml

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "questionnaires" / "example" / "questionnaire.yaml"


def example_data() -> dict[str, Any]:
    """The example questionnaire as plain data (a fresh deep copy each call)."""
    data = parse_yaml(EXAMPLE.read_bytes(), str(EXAMPLE)).data
    assert isinstance(data, dict)
    return copy.deepcopy(data)


def write_yaml(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def variant(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """Writes the example with ``change`` applied and returns its path."""
    data = example_data()
    change(data)
    return write_yaml(tmp_path / "variant.yaml", data)


def question(data: dict[str, Any], question_id: str) -> dict[str, Any]:
    """The question dict with this id, searched in the domains and the profile."""
    for item in data["profile"]["questions"]:
        if item["id"] == question_id:
            return item  # type: ignore[no-any-return]
    for domain in data["domains"]:
        for control in domain["controls"]:
            for item in control["questions"]:
                if item["id"] == question_id:
                    return item  # type: ignore[no-any-return]
    raise KeyError(question_id)


def control(data: dict[str, Any], control_id: str) -> dict[str, Any]:
    """The control dict with this id."""
    for domain in data["domains"]:
        for item in domain["controls"]:
            if item["id"] == control_id:
                return item  # type: ignore[no-any-return]
    raise KeyError(control_id)
