"""Transfer readiness per flow, on the scenarios an offshoring firm meets."""

from __future__ import annotations

from typing import Any

from compliance.engine.scoring import score
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import FlowResult
from tests.engine.conftest import FULL_ANSWERS, assessment

EU_CLIENT = {"name": "Client SA", "country": "FR", "role": "controller"}
ATLAS = {"name": "Atlas Contact", "country": "MA", "role": "processor", "ma_role": "processor"}
CLEAN_MA = {"declaration_receipt": "D-2024-118"}


def inbound(**changes: Any) -> dict[str, Any]:
    """An EU controller's data processed by a Moroccan processor under SCC module 2."""
    flow: dict[str, Any] = {
        "id": "crm",
        "name": "Client CRM, remote access from Casablanca",
        "exporter": EU_CLIENT,
        "importer": ATLAS,
        "origin": "FR",
        "destination": "MA",
        "access_locations": ["MA"],
        "frequency": "continuous",
        "mode": "remote_access",
        "gdpr_mechanism": "scc_module_2",
        "contract": {"scc_signed": True, "dpa_art28": True},
        "tia": {"done": True, "date": "2026-03-01", "conclusion": "acceptable"},
        "cndp": CLEAN_MA,
        "criminal_data": False,
        "national_id": False,
    }
    flow.update(changes)
    return flow


def flows_of(q: Questionnaire, *flows: dict[str, Any]) -> dict[str, FlowResult]:
    result = score(q, assessment(answers=FULL_ANSWERS, flows=list(flows)))
    return {flow.id: flow for flow in result.flows}


def codes(flow: FlowResult) -> set[str]:
    return {reason.code for reason in flow.reasons if reason.status != "ready"}


def test_eu_controller_to_moroccan_processor_under_module_2_with_a_tia(
    example: Questionnaire,
) -> None:
    flow = flows_of(example, inbound())["crm"]
    assert flow.status == "ready", flow.reasons
    assert flow.score == 100
    assert flow.gdpr.status == "ready" and flow.morocco.status == "ready"
    assert flow.regime == "eu_gdpr"


def test_the_same_without_a_mechanism(example: Questionnaire) -> None:
    unknown = flows_of(example, inbound(gdpr_mechanism=None))["crm"]
    assert unknown.status == "not_ready"
    assert "GDPR_MECHANISM_UNKNOWN" in codes(unknown)
    none = flows_of(example, inbound(gdpr_mechanism="none"))["crm"]
    assert none.status == "blocked" and none.score == 0
    assert "GDPR_NO_MECHANISM" in codes(none)
    reason = next(r for r in none.reasons if r.code == "GDPR_NO_MECHANISM")
    assert reason.refs == {"gdpr": ("44", "46")}
    assert "Morocco (MA)" in reason.message.en
    assert "Maroc (MA)" in reason.message.fr


def test_an_art49_derogation_for_a_continuous_flow_is_blocked(example: Questionnaire) -> None:
    flow = flows_of(example, inbound(gdpr_mechanism="art49_consent"))["crm"]
    assert flow.status == "blocked"
    assert "GDPR_ART49_SYSTEMATIC" in codes(flow)
    systematic = next(r for r in flow.reasons if r.code == "GDPR_ART49_SYSTEMATIC")
    assert "un flux continu" in systematic.message.fr
    one_off = flows_of(example, inbound(gdpr_mechanism="art49_consent", frequency="one_off"))
    assert "GDPR_ART49_SYSTEMATIC" not in codes(one_off["crm"])


def test_a_not_acceptable_tia_blocks_whatever_the_tool(example: Questionnaire) -> None:
    tia = {"done": True, "date": "2026-03-01", "conclusion": "not_acceptable"}
    for mechanism in ("scc_module_2", "bcr"):
        flow = flows_of(example, inbound(gdpr_mechanism=mechanism, tia=tia))["crm"]
        assert flow.status == "blocked"
        assert "GDPR_TIA_NOT_ACCEPTABLE" in codes(flow)


def test_the_wrong_scc_module_and_missing_pieces_are_not_ready(example: Questionnaire) -> None:
    flow = flows_of(example, inbound(gdpr_mechanism="scc_module_1", tia={}))["crm"]
    assert flow.status == "not_ready"
    assert {"GDPR_SCC_MODULE_MISMATCH", "GDPR_TIA_MISSING"} <= codes(flow)
    mismatch = next(r for r in flow.reasons if r.code == "GDPR_SCC_MODULE_MISMATCH")
    assert "Module 2" in mismatch.message.en


def test_measures_called_for_by_the_tia(example: Questionnaire) -> None:
    tia = {"done": True, "date": "2026-03-01", "conclusion": "measures_needed"}
    missing = flows_of(example, inbound(tia=tia))["crm"]
    assert "GDPR_MEASURES_MISSING" in codes(missing) and missing.status == "not_ready"
    planned = flows_of(example, inbound(tia=tia, measures_planned=["exporter_held_keys"]))["crm"]
    assert planned.status == "conditional"
    done = flows_of(example, inbound(tia=tia, measures=["exporter_held_keys"]))["crm"]
    assert done.status == "ready"


def test_a_stale_tia_is_due_for_review_by_as_of(example: Questionnaire) -> None:
    flow = flows_of(
        example, inbound(tia={"done": True, "date": "2025-01-01", "conclusion": "acceptable"})
    )
    assert flow["crm"].status == "conditional"
    assert "GDPR_TIA_REVIEW_DUE" in codes(flow["crm"])


def health_abroad(**cndp: Any) -> dict[str, Any]:
    """A Moroccan controller sends health data to Tunisia (not on the CNDP list)."""
    return {
        "id": "health",
        "name": "Medical records to a partner lab",
        "exporter": {"name": "Clinique Atlas", "country": "MA", "role": "controller"},
        "importer": {"name": "Lab", "country": "TN", "role": "processor"},
        "regime": "ma_0908",
        "origin": "MA",
        "destination": "TN",
        "special_categories": ["health"],
        "criminal_data": False,
        "national_id": False,
        "ma_basis": "cndp_authorisation",
        "first_transfer_date": "2026-02-01",
        "cndp": {"declaration_receipt": "D-1", **cndp},
    }


def test_health_data_to_a_non_listed_state_without_authorisation(example: Questionnaire) -> None:
    flow = flows_of(
        example,
        health_abroad(authorisation="none", transfer_authorisation={"status": "none"}),
    )["health"]
    assert flow.status == "blocked"
    assert {"MA_PROCESSING_NOT_AUTHORISED", "MA_TRANSFERRING_WITHOUT_AUTHORISATION"} <= codes(flow)
    assert flow.gdpr.status == "not_applicable"


def test_health_data_with_both_authorisations_granted_in_time(example: Questionnaire) -> None:
    granted = {"status": "granted", "date": "2026-01-15", "reference": "A-99"}
    flow = flows_of(example, health_abroad(authorisation="A-12", transfer_authorisation=granted))[
        "health"
    ]
    assert flow.status == "ready", flow.reasons
    late = {"status": "granted", "date": "2026-03-01"}
    late_flow = flows_of(example, health_abroad(authorisation="A-12", transfer_authorisation=late))[
        "health"
    ]
    assert "MA_AUTHORISED_AFTER_FIRST_TRANSFER" in codes(late_flow)
    assert late_flow.status == "blocked"


def test_a_pending_authorisation_before_the_first_transfer_is_conditional(
    example: Questionnaire,
) -> None:
    pending = health_abroad(authorisation="A-12", transfer_authorisation={"status": "pending"})
    pending["first_transfer_date"] = "2027-01-01"
    assert flows_of(example, pending)["health"].status == "conditional"


def test_the_return_flow_to_the_eu_client(example: Questionnaire) -> None:
    back = {
        "id": "return",
        "name": "Campaign results back to the client",
        "exporter": ATLAS,
        "importer": EU_CLIENT,
        "regime": "eu_gdpr",
        "origin": "MA",
        "destination": "FR",
        "criminal_data": False,
        "national_id": False,
        "cndp": {"declaration_receipt": "D-1", "transfer_declaration": "T-7"},
    }
    flow = flows_of(example, back)["return"]
    assert flow.gdpr.status == "not_applicable"  # into the EEA
    assert flow.morocco.status == "conditional"  # France listed, but the list is unverified
    assert "MA_LIST_UNVERIFIED" in codes(flow)
    undeclared = flows_of(example, {**back, "cndp": {"declaration_receipt": "D-1"}})["return"]
    assert "MA_TRANSFER_DECLARATION_UNKNOWN" in codes(undeclared)
    assert undeclared.status == "not_ready"


def test_a_failing_onward_flow_lowers_its_parent(example: Questionnaire) -> None:
    backup = {
        "id": "backup",
        "name": "Backups in a US cloud",
        "exporter": ATLAS,
        "importer": {"name": "CloudCo", "country": "US", "role": "sub_processor"},
        "origin": "MA",
        "destination": "US",
        "gdpr_mechanism": "none",
        "criminal_data": False,
        "national_id": False,
    }
    flows = flows_of(example, inbound(onward=["backup"]), backup)
    assert flows["backup"].status == "blocked"
    assert flows["backup"].regime == "eu_gdpr"  # inherited from the EU client's flow
    assert flows["crm"].status == "blocked"
    assert flows["crm"].score == 0
    assert "ONWARD_GAP" in codes(flows["crm"])


def test_uk_and_swiss_regimes_are_reported_not_passed(example: Questionnaire) -> None:
    uk = inbound(exporter={"name": "UK Ltd", "country": "GB", "role": "controller"}, origin="GB")
    flow = flows_of(example, uk)["crm"]
    assert flow.regime == "uk_gdpr"
    assert flow.gdpr.status == "not_assessed"
    assert flow.status == "conditional"
    assert "REGIME_OUTSIDE_EU" in codes(flow)


def test_partial_adequacy_needs_its_condition(example: Questionnaire) -> None:
    us = inbound(
        importer={"name": "US Inc", "country": "US", "role": "processor"},
        destination="US",
        access_locations=[],
        gdpr_mechanism=None,
    )
    assert "GDPR_ADEQUACY_CONDITION_UNKNOWN" in codes(flows_of(example, us)["crm"])
    certified = {**us, "importer": {**us["importer"], "dpf_certified": True}}
    assert "GDPR_ADEQUACY_CONDITION_UNKNOWN" not in codes(flows_of(example, certified)["crm"])


def test_a_blocked_flow_caps_the_rating(example: Questionnaire) -> None:
    result = score(
        example, assessment(answers=FULL_ANSWERS, flows=[inbound(gdpr_mechanism="none")])
    )
    assert result.overall.score == 100
    assert result.overall.rating == "not_ready"
    assert [(c.kind, c.id) for c in result.overall.caps] == [("blocked_flow", "crm")]


def test_unknowns_are_never_compliant(example: Questionnaire) -> None:
    bare = {
        "id": "bare",
        "name": "A flow nobody described",
        "exporter": {"name": "X", "country": "MA"},
        "importer": {"name": "Y", "country": "TN"},
        "destination": "TN",
    }
    flow = flows_of(example, bare)["bare"]
    assert flow.status == "not_ready"
    assert {"MA_DECLARATION_UNKNOWN", "MA_SENSITIVITY_UNKNOWN", "MA_BASIS_UNKNOWN"} <= codes(flow)
