"""The assessment checks on onward flows: a flow named that does not exist, a flow onward to
itself, and a cycle of onward flows (reported once, at the flow that closes it)."""

from __future__ import annotations

from typing import Any

from compliance.engine.validation import check_assessment
from compliance.model.questionnaire import Questionnaire
from tests.engine.conftest import assessment


def flow(flow_id: str, *onward: str) -> dict[str, Any]:
    return {
        "id": flow_id,
        "name": flow_id,
        "exporter": {"name": "Atlas", "country": "MA"},
        "importer": {"name": "Host", "country": "FR"},
        "onward": list(onward),
    }


def onward_problems(example: Questionnaire, *flows: dict[str, Any]) -> list[tuple[Any, str]]:
    problems = check_assessment(example, assessment(flows=list(flows)))
    return [(loc, message) for loc, message in problems if "onward" in loc]


def test_a_cycle_of_onward_flows(example: Questionnaire) -> None:
    found = onward_problems(
        example, flow("crm", "backup"), flow("backup", "archive"), flow("archive", "crm")
    )
    assert found == [
        (("flows", 2, "onward"), "onward flows form a cycle: archive -> crm -> backup -> archive")
    ]


def test_a_chain_of_onward_flows_is_fine(example: Questionnaire) -> None:
    assert (
        onward_problems(example, flow("crm", "backup"), flow("backup", "archive"), flow("archive"))
        == []
    )


def test_an_onward_flow_to_itself_or_nowhere(example: Questionnaire) -> None:
    assert onward_problems(example, flow("crm", "crm", "ghost")) == [
        (("flows", 0, "onward", 0), "flow 'crm' lists itself as an onward flow"),
        (("flows", 0, "onward", 1), "onward flow 'ghost' does not exist"),
    ]
