"""Every questionnaire's fixtures: each assessment scores to its expected result.

Beside each questionnaire, ``fixtures/NAME.yaml`` is an assessment and
``fixtures/NAME.expected.yaml`` what the engine must conclude from it: ``overall`` (any of score,
rating, band, coverage, incomplete), ``caps`` (the ids that cap the rating), ``flows`` (required:
every flow's id to its status and the sorted reason codes it carries, informational ones included)
and ``remediation`` (the first control ids of the plan, in order). Adding a fixture adds a test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.catalog import load_assessment
from compliance.engine.scoring import score
from compliance.safeyaml import parse_yaml
from tests.helpers import REPO

FIXTURES = sorted(
    path
    for path in (REPO / "questionnaires").glob("**/fixtures/*.yaml")
    if not path.name.endswith(".expected.yaml")
)


def test_every_questionnaire_folder_with_fixtures_has_expectations() -> None:
    assert FIXTURES, "no fixtures found"
    for path in FIXTURES:
        assert path.with_suffix(".expected.yaml").is_file(), f"{path} has no .expected.yaml"


@pytest.mark.parametrize(
    "path",
    FIXTURES,
    ids=lambda p: f"{p.parent.parent.relative_to(REPO / 'questionnaires').as_posix()}/{p.stem}",
)
def test_fixture_scores_as_expected(path: Path) -> None:
    expected_path = path.with_suffix(".expected.yaml")
    expected: dict[str, Any] = parse_yaml(expected_path.read_bytes(), str(expected_path)).data
    assessment, questionnaire = load_assessment(path)
    result = score(questionnaire, assessment)
    overall = result.overall.model_dump(mode="json")
    for key, value in expected.get("overall", {}).items():
        assert overall[key] == value, f"overall.{key}"
    if "caps" in expected:
        assert [cap.id for cap in result.overall.caps] == expected["caps"]
    flows = {
        flow.id: {"status": flow.status, "codes": sorted({r.code for r in flow.reasons})}
        for flow in result.flows
    }
    assert flows == expected["flows"], "flows (status and reason codes)"
    if "remediation" in expected:
        plan = [item.control for item in result.remediation]
        assert plan[: len(expected["remediation"])] == expected["remediation"]
