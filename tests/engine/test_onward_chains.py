"""Onward chains as long as the model allows are settled without recursion (issue 14, point 1).

An onward chain of about 1,000 flows used to raise RecursionError in the transfer engine, which
took down ``import``, the listings, the TUI and a whole review inbox. Both engines (the current
one and the frozen 0.1.0 rules that old bundles are re-scored with) must settle the longest chain
the model allows, and fold each child into its parent as before.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest

from compliance.engine.scoring import ENGINES, score
from compliance.errors import InvalidAssessment
from compliance.model.assessment import MAX_FLOWS
from compliance.model.questionnaire import Questionnaire
from tests.engine.conftest import assessment
from tests.engine.test_transfers import US_BACKUP, inbound


def _chain(length: int, last: dict[str, Any]) -> list[dict[str, Any]]:
    flows = [
        inbound(id=f"f{i:04d}", name=f"Hop {i}", onward=[f"f{i + 1:04d}"])
        for i in range(length - 1)
    ]
    return [*flows, {**last, "id": f"f{length - 1:04d}", "onward": []}]


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_the_longest_chain_the_model_allows_is_settled(example: Questionnaire, engine: str) -> None:
    assert sys.getrecursionlimit() < MAX_FLOWS  # the old recursive walk would have failed here
    flows = _chain(MAX_FLOWS, US_BACKUP)
    result = score(example, assessment(flows=flows), engine=engine)
    assert len(result.flows) == MAX_FLOWS
    tail = result.flows[-1]
    assert all(flow.status == tail.status != "ready" for flow in result.flows)
    assert all(flow.score == tail.score for flow in result.flows)
    head = result.flows[0]
    assert [r.code for r in head.reasons if r.gate == "onward"] == ["ONWARD_GAP"]


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_a_flow_reached_twice_is_settled_once_and_folded_into_both(
    example: Questionnaire, engine: str
) -> None:
    """crm -> (backup, mirror), mirror -> backup: a diamond, not a cycle."""
    flows = [
        inbound(onward=["backup", "mirror"]),
        inbound(id="mirror", name="Mirror", onward=["backup"]),
        US_BACKUP,
    ]
    result = {f.id: f for f in score(example, assessment(flows=flows), engine=engine).flows}
    backup = result["backup"]
    assert backup.status != "ready"
    assert result["mirror"].status == result["crm"].status == backup.status
    codes = [r.code for r in result["crm"].reasons if r.gate == "onward"]
    assert codes == ["ONWARD_GAP", "ONWARD_GAP"]  # one for each child, in id order


def test_a_cycle_is_refused_before_the_walk(example: Questionnaire) -> None:
    flows = [inbound(onward=["mirror"]), inbound(id="mirror", name="Mirror", onward=["crm"])]
    with pytest.raises(InvalidAssessment, match="cycle"):
        score(example, assessment(flows=flows))
