"""The check ``scoring``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import control, question
from tests.loader.checks.support import findings, problems_of

CHECK = "scoring"

TEXT_ONLY = {"id": "gov01.note", "kind": "text", "text": {"en": "Notes?", "fr": "Notes ?"}}


def test_an_active_control_with_no_scored_question() -> None:
    def change(data: dict[str, Any]) -> None:
        control(data, "GOV-01")["questions"] = [TEXT_ONLY]

    [finding] = findings(CHECK, change)
    assert finding.message == "an active control needs at least one scored question"
    assert finding.loc == ("domains", 0, "controls", 0)


def test_a_deprecated_control_may_score_nothing() -> None:
    def change(data: dict[str, Any]) -> None:
        control(data, "GOV-01")["questions"] = [TEXT_ONLY]
        control(data, "GOV-01")["status"] = "deprecated"

    assert findings(CHECK, change) == []


def test_a_scored_option_without_a_score() -> None:
    def change(data: dict[str, Any]) -> None:
        del question(data, "xfr01.health")["options"][0]["score"]

    [finding] = findings(CHECK, change)
    assert finding.message == (
        "option 'never' needs a 'score' from 0 to 1 (the question is scored)"
    )
    assert finding.loc[-2:] == ("options", 0)


def test_profile_options_carry_no_score() -> None:
    def change(data: dict[str, Any]) -> None:
        assert all("score" not in option for option in question(data, "role")["options"])

    assert findings(CHECK, change) == []


def test_a_missing_score_is_placed_on_its_line(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        del question(data, "xfr01.health")["options"][0]["score"]

    [problem] = problems_of(tmp_path, change)
    assert ": xfr01.health: option 'never' needs a 'score'" in problem
