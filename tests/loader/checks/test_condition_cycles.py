"""The check ``condition-cycles``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import control, question
from tests.loader.checks.support import findings, problems_of

CHECK = "condition-cycles"


def test_a_cycle_through_three_questions_is_reported_once() -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov01.lead")["when"] = {"answer": "gov02.share", "answered": True}
        question(data, "gov02.share")["when"] = {"answer": "gov01.maturity", "answered": True}

    [finding] = findings(CHECK, change)
    assert finding.message == (
        "conditions form a cycle: gov01.lead -> gov02.share -> gov01.maturity -> gov01.lead"
    )
    assert finding.item == "gov01.lead"
    assert finding.loc == ("domains", 0, "controls", 0, "questions", 0, "when")


def test_a_control_condition_on_its_own_question_is_a_cycle() -> None:
    def change(data: dict[str, Any]) -> None:
        control(data, "GOV-02")["when"] = {"answer": "gov02.share", "answered": True}

    [finding] = findings(CHECK, change)
    assert finding.message == "conditions form a cycle: gov02.share -> gov02.share"


def test_a_cycle_among_profile_questions() -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "role")["when"] = {"profile": "sectors", "answered": True}
        question(data, "sectors")["when"] = {"profile": "role", "answered": True}

    [finding] = findings(CHECK, change)
    # A control's condition on 'sectors' reaches it first, so the ring starts there.
    assert finding.message == "conditions form a cycle: sectors -> role -> sectors"
    assert finding.loc == ("profile", "questions", 1, "when")


def test_a_chain_without_a_loop_is_fine() -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov02.share")["when"] = {"answer": "gov01.maturity", "answered": True}

    assert findings(CHECK, change) == []


def test_a_cycle_is_placed_on_the_question_that_closes_it(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov01.lead")["when"] = {"answer": "gov02.share", "answered": True}
        question(data, "gov02.share")["when"] = {"answer": "gov01.lead", "answered": True}

    [problem] = problems_of(tmp_path, change)
    assert ": gov01.lead: conditions form a cycle: gov01.lead -> gov02.share -> gov01.lead" in (
        problem
    )
