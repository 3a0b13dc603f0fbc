"""The check ``unique-ids``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import control, question
from tests.loader.checks.support import findings, problems_of

CHECK = "unique-ids"


def test_a_question_id_used_twice_is_reported_where_it_is_used_again() -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov02.share")["id"] = "gov01.lead"

    [finding] = findings(CHECK, change)
    assert finding.message == "duplicate id 'gov01.lead' (already used by a question)"
    assert finding.item == "gov01.lead"
    assert finding.loc[-1] == "id"
    assert finding.loc[0] == "domains"


def test_ids_are_shared_between_domains_controls_and_questions() -> None:
    def change(data: dict[str, Any]) -> None:
        control(data, "GOV-01")["id"] = data["domains"][0]["id"]

    [finding] = findings(CHECK, change)
    assert finding.message.endswith("(already used by a domain)")
    assert finding.loc == ("domains", 0, "controls", 0, "id")


def test_an_option_id_used_twice_in_one_question() -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "xfr01.tools")["options"][1]["id"] = "scc"

    assert [f.message for f in findings(CHECK, change)] == ["duplicate option id 'scc'"]


def test_the_same_option_id_in_two_questions_is_fine() -> None:
    def change(data: dict[str, Any]) -> None:
        health = question(data, "xfr01.health")
        health["options"][0]["id"] = question(data, "xfr01.tools")["options"][0]["id"]

    assert findings(CHECK, change) == []


def test_duplicates_are_placed_on_their_line(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "gov02.share")["id"] = "gov01.lead"
        control(data, "XFR-01")["id"] = "GOV-01"

    found = problems_of(tmp_path, change)
    assert any("duplicate id 'gov01.lead' (already used by a question)" in p for p in found)
    assert any("duplicate id 'GOV-01' (already used by a control)" in p for p in found)
    assert all(p.startswith(f"{tmp_path / 'variant.yaml'}:") for p in found)
