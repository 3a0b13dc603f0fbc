"""The check ``article-references``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import control, question
from tests.loader.checks.support import findings, problems_of

CHECK = "article-references"


def test_a_framework_the_questionnaire_does_not_declare() -> None:
    def change(data: dict[str, Any]) -> None:
        control(data, "GOV-01")["refs"] = {"ccpa": ["1"]}

    [finding] = findings(CHECK, change)
    assert finding.message == "framework 'ccpa' is not declared in 'frameworks' (law-09-08, gdpr)"
    assert finding.loc == ("domains", 0, "controls", 0, "refs", "ccpa")


def test_articles_outside_the_framework_range() -> None:
    def change(data: dict[str, Any]) -> None:
        control(data, "GOV-01")["refs"] = {"gdpr": ["99", "100"], "law-09-08": ["0", "67"]}

    assert [(f.loc[-2:], f.message) for f in findings(CHECK, change)] == [
        (("gdpr", 1), "article '100' does not exist in gdpr (1-99)"),
        (("law-09-08", 0), "article '0' does not exist in law-09-08 (1-67)"),
    ]


def test_a_question_s_own_references_are_checked_too() -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov01.lead")["refs"] = {"gdpr": ["120(2)"]}

    [finding] = findings(CHECK, change)
    assert finding.message == "article '120(2)' does not exist in gdpr (1-99)"
    assert finding.loc == ("domains", 0, "controls", 0, "questions", 0, "refs", "gdpr", 0)


def test_every_bad_reference_is_placed_on_its_line(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        control(data, "GOV-01")["refs"] = {"gdpr": ["100"], "ccpa": ["1"], "law-09-08": ["0"]}

    found = problems_of(tmp_path, change)
    assert len(found) == 3
    assert any("GOV-01: article '100' does not exist in gdpr (1-99)" in p for p in found)
    assert any("GOV-01: framework 'ccpa' is not declared" in p for p in found)
    assert any("GOV-01: article '0' does not exist in law-09-08" in p for p in found)
