"""Transfer readiness per flow, as a table: the flows given, the status and every reason code.

Each row scores its flows with the example questionnaire (as of 2026-11-01 unless the row says
otherwise) and requires the flow it names to come out with exactly the status and the set of
reason codes written (informational codes such as ``MA_LISTED`` included). Together the rows must
name every :class:`~compliance.engine.reasons.ReasonCode`: a code no row produces fails
:func:`test_the_table_names_every_reason_code`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from compliance.engine.reasons import ReasonCode
from compliance.engine.reasons import ReasonCode as R
from compliance.engine.scoring import score
from compliance.loader.reference_sets import bind
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import FlowResult, FlowStatus
from tests.engine.conftest import FULL_ANSWERS, assessment

EU_CLIENT = {"name": "Client SA", "country": "FR", "role": "controller"}
ATLAS = {"name": "Atlas Contact", "country": "MA", "role": "processor", "ma_role": "processor"}
CLEAN_MA = {"declaration_receipt": "D-2024-118"}
TIA_OK = {"done": True, "date": "2026-03-01", "conclusion": "acceptable"}
TIA_MEASURES = {"done": True, "date": "2026-03-01", "conclusion": "measures_needed"}
TIA_NO = {"done": True, "date": "2026-03-01", "conclusion": "not_acceptable"}


def inbound(**changes: Any) -> dict[str, Any]:
    """An EU controller's data processed by a Moroccan processor under SCC module 2 (``crm``)."""
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
        "tia": TIA_OK,
        "cndp": CLEAN_MA,
        "criminal_data": False,
        "national_id": False,
    }
    flow.update(changes)
    return flow


INTERCEPTION = {"basis": "ma.interception", "applies": True, "justification": "Reaches it."}
DEFENCE = {"basis": "ma.defence", "applies": False, "justification": "Not a defence body."}
LOW = {
    "period_years": 5,
    "tolerance": "0.05",
    "bases": [
        {
            "basis": "ma.interception",
            "p_target": "0.01",
            "p_compel": "0.9",
            "p_readable": "1",
            "p_challenge_fails": "0.5",
            "justification": "Customer records are seldom of interest; challenges rarely work.",
        }
    ],
}
HIGH = {**LOW, "tolerance": "0.001"}
KEYS_IN_EU = {
    "kind": "technical",
    "description": "Encrypted with keys held only by the exporter in the EU.",
    "neutralises": ["ma.interception"],
}


def structured(**tia: Any) -> dict[str, Any]:
    """``inbound`` with every fact of EDPB step 1 and a complete structured TIA (six steps, a
    quantitative estimate within tolerance), with ``tia`` changed."""
    return inbound(
        data_categories=["contact", "billing"],
        subject_categories=["customers"],
        subjects_count=200_000,
        tia={
            "date": "2026-03-01",
            "law": [INTERCEPTION, DEFENCE],
            "use_case": "remote_access_business",
            "supplementary": [],
            "procedural": [],
            "review_by": "2027-03-01",
            "triggers": ["A new interception law"],
            "quantitative": LOW,
            **tia,
        },
    )


def without(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in keys}


def to_us(**importer: Any) -> dict[str, Any]:
    """The EU controller's data hosted by a US processor, no tool given (``crm``)."""
    return inbound(
        importer={"name": "US Inc", "country": "US", "role": "processor", **importer},
        destination="US",
        access_locations=[],
        gdpr_mechanism=None,
    )


def f118(status: str, filed: str | None = None, decided: str | None = None) -> dict[str, Any]:
    """A CNDP transfer procedure (form F118) record."""
    record: dict[str, Any] = {"status": status, "reference": "F118-2026-001"}
    if filed:
        record["filed_on"] = filed
    if decided:
        record["decided_on"] = decided
    return record


GRANTED = f118("granted", "2026-01-05", "2026-01-20")
"""Filed and granted before the first transfer of 2026-02-01."""


def health_abroad(transfer: dict[str, Any] | None = None, **cndp: Any) -> dict[str, Any]:
    """A Moroccan clinic sends health data to Tunisia (not on the CNDP list) under a CNDP
    authorisation (Art. 44 last paragraph), first transfer 2026-02-01 (``health``)."""
    record = {"declaration_receipt": "D-1", "authorisation": "A-12", **cndp}
    if transfer is not None:
        record["transfer"] = transfer
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
        "cndp": record,
    }


def to_tunisia(transfer: dict[str, Any] | None = GRANTED, **changes: Any) -> dict[str, Any]:
    """A Moroccan firm's own (non-sensitive) data to Tunisia (not on the CNDP list) on the data
    subjects' consent, first transfer 2026-02-01, F118 granted before it (``tn``)."""
    cndp: dict[str, Any] = {"declaration_receipt": "D-1"}
    if transfer is not None:
        cndp["transfer"] = transfer
    flow: dict[str, Any] = {
        "id": "tn",
        "name": "Payroll to the Tunis office",
        "exporter": {"name": "Atlas Contact", "country": "MA", "role": "controller"},
        "importer": {"name": "Atlas Tunis", "country": "TN", "role": "processor"},
        "regime": "ma_0908",
        "origin": "MA",
        "destination": "TN",
        "criminal_data": False,
        "national_id": False,
        "ma_basis": "consent",
        "first_transfer_date": "2026-02-01",
        "cndp": cndp,
    }
    flow.update(changes)
    return flow


def back_to_client(first: str = "2026-02-01", **cndp: Any) -> dict[str, Any]:
    """Campaign results returned to the EU client in France (CNDP-listed) (``return``)."""
    return {
        "id": "return",
        "name": "Campaign results back to the client",
        "exporter": ATLAS,
        "importer": EU_CLIENT,
        "regime": "eu_gdpr",
        "origin": "MA",
        "destination": "FR",
        "criminal_data": False,
        "national_id": False,
        "first_transfer_date": first,
        "cndp": {"declaration_receipt": "D-1", **cndp},
    }


US_BACKUP: dict[str, Any] = {
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

BARE = {
    "id": "bare",
    "name": "A flow nobody described",
    "exporter": {"name": "X", "country": "MA"},
    "importer": {"name": "Y", "country": "TN"},
}


def unverified_grounds(q: Questionnaire) -> Questionnaire:
    """The questionnaire with every Art. 44 ground of its reference data marked unverified."""
    assert q.reference is not None
    grounds = tuple(g.model_copy(update={"verified": False}) for g in q.reference.ma_grounds)
    return q.model_copy(
        update={"reference": q.reference.model_copy(update={"ma_grounds": grounds})}
    )


def to_japan() -> dict[str, Any]:
    """The EU controller's data hosted by a Japanese processor, no tool given (``crm``)."""
    return inbound(
        importer={"name": "JP KK", "country": "JP", "role": "processor"},
        destination="JP",
        access_locations=[],
        gdpr_mechanism=None,
    )


def dated(**expiring: tuple[str, str]) -> Callable[[Questionnaire], Questionnaire]:
    """The questionnaire bound to the reference set ``ma-eu``, with the entry of a subject on a
    list (``eu_adequacy=("JP", "2027-02-01")``) given that expiry date."""

    def change(q: Questionnaire) -> Questionnaire:
        bound = bind(q.model_copy(update={"reference_set": "ma-eu", "reference": None}))
        reference = bound.reference
        assert reference is not None
        for name, (code, expires) in expiring.items():
            listing = getattr(reference, name)
            entries = tuple(
                e.model_copy(update={"expires": dt.date.fromisoformat(expires)})
                if e.code == code
                else e
                for e in listing.entries
            )
            reference = reference.model_copy(
                update={name: listing.model_copy(update={"entries": entries})}
            )
        return bound.with_reference(reference, bound.reference_stamp)

    return change


@dataclass(frozen=True)
class Case:
    """One row: the flows scored, the flow looked at, its status and all its reason codes."""

    id: str
    flows: list[dict[str, Any]]
    flow: str
    status: FlowStatus
    codes: frozenset[ReasonCode]
    questionnaire: Callable[[Questionnaire], Questionnaire] | None = field(default=None)


def case(
    id: str,
    flows: dict[str, Any] | list[dict[str, Any]],
    status: FlowStatus,
    *codes: ReasonCode,
    flow: str | None = None,
    questionnaire: Callable[[Questionnaire], Questionnaire] | None = None,
) -> Case:
    listed = flows if isinstance(flows, list) else [flows]
    return Case(id, listed, flow or listed[0]["id"], status, frozenset(codes), questionnaire)


TABLE: list[Case] = [
    # GDPR gate: an EU controller's data in Morocco
    case("module-2-with-a-tia", inbound(), "ready"),
    case("no-mechanism-given", inbound(gdpr_mechanism=None), "not_ready", R.GDPR_MECHANISM_UNKNOWN),
    case("mechanism-none", inbound(gdpr_mechanism="none"), "blocked", R.GDPR_NO_MECHANISM),
    case("adequacy-claimed", inbound(gdpr_mechanism="adequacy"), "blocked", R.GDPR_NOT_ADEQUATE),
    case(
        "art49-continuous",
        inbound(gdpr_mechanism="art49_consent"),
        "blocked",
        R.GDPR_ART49_SYSTEMATIC,
    ),
    case("art49-one-off", inbound(gdpr_mechanism="art49_consent", frequency="one_off"), "ready"),
    case(
        "art49-frequency-unknown",
        inbound(gdpr_mechanism="art49_consent", frequency=None),
        "not_ready",
        R.GDPR_FREQUENCY_UNKNOWN,
    ),
    case(
        "roles-unknown",
        inbound(exporter={"name": "Client SA", "country": "FR"}),
        "not_ready",
        R.GDPR_ROLES_UNKNOWN,
    ),
    case(
        "wrong-module-and-no-tia",
        inbound(gdpr_mechanism="scc_module_1", tia={}),
        "not_ready",
        R.GDPR_SCC_MODULE_MISMATCH,
        R.GDPR_TIA_MISSING,
    ),
    case(
        "scc-not-signed",
        inbound(contract={"scc_signed": False, "dpa_art28": True}),
        "blocked",
        R.GDPR_SCC_NOT_SIGNED,
    ),
    case(
        "scc-signature-and-dpa-unknown",
        inbound(contract={}),
        "not_ready",
        R.GDPR_SCC_SIGNATURE_UNKNOWN,
        R.GDPR_DPA_UNKNOWN,
    ),
    case(
        "dpa-missing",
        inbound(contract={"scc_signed": True, "dpa_art28": False}),
        "not_ready",
        R.GDPR_DPA_MISSING,
    ),
    case("tia-not-acceptable", inbound(tia=TIA_NO), "blocked", R.GDPR_TIA_NOT_ACCEPTABLE),
    case(
        "tia-not-acceptable-bcr",
        inbound(gdpr_mechanism="bcr", tia=TIA_NO),
        "blocked",
        R.GDPR_TIA_NOT_ACCEPTABLE,
    ),
    case(
        "tia-conclusion-unknown",
        inbound(tia={"done": True, "date": "2026-03-01"}),
        "not_ready",
        R.GDPR_TIA_CONCLUSION_UNKNOWN,
    ),
    case(
        "tia-older-than-a-year",
        inbound(tia={**TIA_OK, "date": "2025-01-01"}),
        "conditional",
        R.GDPR_TIA_REVIEW_DUE,
    ),
    case(
        "measures-called-for-none-in-place",
        inbound(tia=TIA_MEASURES),
        "not_ready",
        R.GDPR_MEASURES_MISSING,
    ),
    case(
        "measures-planned",
        inbound(tia=TIA_MEASURES, measures_planned=["exporter_held_keys"]),
        "conditional",
        R.GDPR_MEASURES_PLANNED,
    ),
    case(
        "measures-in-place",
        inbound(tia=TIA_MEASURES, measures=["exporter_held_keys"]),
        "ready",
    ),
    # GDPR gate: a structured TIA (the EDPB's six steps)
    case("tia-six-steps-within-tolerance", structured(), "ready", R.GDPR_TIA_WITHIN_TOLERANCE),
    case(
        "tia-six-steps-above-tolerance",
        structured(quantitative=HIGH),
        "not_ready",
        R.GDPR_TIA_ABOVE_TOLERANCE,
    ),
    case(
        "tia-basis-applies-nothing-neutralises-it",
        structured(quantitative=None),
        "not_ready",
        R.GDPR_TIA_BASIS_NOT_NEUTRALISED,
    ),
    case(
        "tia-keys-held-by-the-exporter-neutralise-the-basis",
        structured(use_case="storage_exporter_keys", supplementary=[KEYS_IN_EU], quantitative=None),
        "ready",
    ),
    case(
        "tia-encryption-claimed-for-remote-access-in-the-clear",
        structured(supplementary=[KEYS_IN_EU], quantitative=None),
        "not_ready",
        R.GDPR_TIA_MEASURE_INEFFECTIVE,
        R.GDPR_TIA_BASIS_NOT_NEUTRALISED,
    ),
    case(
        "tia-contractual-measure-claimed-is-a-warning-within-tolerance",
        structured(supplementary=[{**KEYS_IN_EU, "kind": "contractual"}]),
        "ready",
        R.GDPR_TIA_MEASURE_INEFFECTIVE,
        R.GDPR_TIA_WITHIN_TOLERANCE,
    ),
    case(
        "tia-re-evaluation-date-past",
        structured(date="2025-10-15", review_by="2026-10-01"),
        "conditional",
        R.GDPR_TIA_REVIEW_PASSED,
        R.GDPR_TIA_WITHIN_TOLERANCE,
    ),
    case(
        "tia-steps-missing",
        {**structured(), "tia": {"date": "2026-03-01", "quantitative": LOW}},
        "not_ready",
        R.GDPR_TIA_STEPS_MISSING,
        R.GDPR_TIA_WITHIN_TOLERANCE,
    ),
    case(
        "tia-step-one-missing-facts-of-the-transfer",
        without(structured(), "subjects_count"),
        "not_ready",
        R.GDPR_TIA_STEPS_MISSING,
        R.GDPR_TIA_WITHIN_TOLERANCE,
    ),
    case(
        "tia-of-morocco-data-also-stored-in-india",
        {**structured(), "storage_locations": ["IN"]},
        "not_ready",
        R.GDPR_TIA_WITHIN_TOLERANCE,
        R.GDPR_TIA_COUNTRY_NOT_ASSESSED,
    ),
    case(
        "tia-six-steps-said-not-done",
        structured(done=False),
        "not_ready",
        R.GDPR_TIA_MISSING,
        R.GDPR_TIA_WITHIN_TOLERANCE,
    ),
    case(
        "tia-six-steps-concluding-not-acceptable",
        structured(conclusion="not_acceptable"),
        "blocked",
        R.GDPR_TIA_NOT_ACCEPTABLE,
    ),
    case(
        "sub-processor-not-authorised",
        inbound(
            importer={**ATLAS, "role": "sub_processor"},
            gdpr_mechanism="scc_module_3",
            exporter={**EU_CLIENT, "role": "processor"},
            contract={"scc_signed": True, "dpa_art28": True, "subprocessors_authorised": False},
        ),
        "not_ready",
        R.GDPR_SUBPROCESSOR_NOT_AUTHORISED,
    ),
    case(
        "sub-processor-authorisation-unknown",
        inbound(
            importer={**ATLAS, "role": "sub_processor"},
            gdpr_mechanism="scc_module_3",
            exporter={**EU_CLIENT, "role": "processor"},
        ),
        "not_ready",
        R.GDPR_SUBPROCESSOR_AUTHORISATION_UNKNOWN,
    ),
    case(
        "uk-exporter",
        inbound(exporter={"name": "UK Ltd", "country": "GB", "role": "controller"}, origin="GB"),
        "conditional",
        R.REGIME_OUTSIDE_EU,
    ),
    # GDPR gate: partial adequacy (the US for DPF-certified importers)
    case("us-dpf-unknown", to_us(), "not_ready", R.GDPR_ADEQUACY_CONDITION_UNKNOWN),
    case(
        "us-dpf-certified",
        to_us(dpf_certified=True),
        "conditional",
        R.GDPR_ADEQUATE,
        R.GDPR_ADEQUACY_UNVERIFIED,
    ),
    case("us-not-certified", to_us(dpf_certified=False), "not_ready", R.GDPR_MECHANISM_UNKNOWN),
    # Dated entries of the reference set ma-eu (more in test_dated_reference.py)
    case(
        "japan-adequate-within-its-scope",
        to_japan(),
        "ready",
        R.GDPR_ADEQUATE,
        R.GDPR_ADEQUACY_SCOPE,
        R.GDPR_ADEQUACY_REVIEW,
        questionnaire=dated(),
    ),
    case(
        "japan-decision-expiring-soon",
        to_japan(),
        "ready",
        R.GDPR_ADEQUATE,
        R.GDPR_ADEQUACY_SCOPE,
        R.GDPR_ADEQUACY_REVIEW,
        R.GDPR_ADEQUACY_EXPIRING,
        questionnaire=dated(eu_adequacy=("JP", "2027-02-01")),
    ),
    case(
        "return-to-france-listing-ending-soon",
        back_to_client(transfer=GRANTED),
        "conditional",
        R.MA_LISTED,
        R.MA_LIST_UNVERIFIED,
        R.MA_LISTING_EXPIRING,
        R.MA_F118_GRANTED,
        questionnaire=dated(cndp_adequate=("FR", "2027-03-31")),
    ),
    # Moroccan gate: the processing itself (Art. 12, 21)
    case(
        "not-declared",
        inbound(cndp={"declaration_receipt": "none"}),
        "not_ready",
        R.MA_NOT_DECLARED,
    ),
    case(
        "nothing-known",
        inbound(cndp={}, criminal_data=None),
        "not_ready",
        R.MA_DECLARATION_UNKNOWN,
        R.MA_SENSITIVITY_UNKNOWN,
    ),
    case(
        "national-id-authorisation-unknown",
        inbound(national_id=True),
        "not_ready",
        R.MA_AUTHORISATION_UNKNOWN,
    ),
    case(
        "criminal-data-not-authorised",
        inbound(criminal_data=True, cndp={**CLEAN_MA, "authorisation": "none"}),
        "blocked",
        R.MA_PROCESSING_NOT_AUTHORISED,
    ),
    case(
        "authorised-not-declared",
        inbound(cndp={"authorisation": "A-7"}),
        "ready",
        R.MA_AUTHORISATION_STANDS_FOR_DECLARATION,
    ),
    case(
        "health-authorised-not-declared",
        health_abroad(GRANTED, declaration_receipt="none"),
        "ready",
        R.MA_AUTHORISATION_STANDS_FOR_DECLARATION,
        R.MA_F118_GRANTED,
    ),
    # Moroccan gate: data leaving Morocco for a listed state (the list is unverified)
    case(
        "return-fr-granted",
        back_to_client(transfer=GRANTED),
        "conditional",
        R.MA_LISTED,
        R.MA_LIST_UNVERIFIED,
        R.MA_F118_GRANTED,
    ),
    case(
        "return-fr-f118-unknown",
        back_to_client(),
        "not_ready",
        R.MA_LISTED,
        R.MA_LIST_UNVERIFIED,
        R.MA_F118_UNKNOWN,
    ),
    case(
        "return-fr-not-filed-while-transferring",
        back_to_client(transfer=f118("not_filed")),
        "not_ready",
        R.MA_LISTED,
        R.MA_LIST_UNVERIFIED,
        R.MA_F118_NOT_FILED,
    ),
    case(
        "return-fr-filed",
        back_to_client(transfer=f118("filed", "2026-01-05")),
        "conditional",
        R.MA_LISTED,
        R.MA_LIST_UNVERIFIED,
        R.MA_F118_FILED,
    ),
    case(
        "return-fr-granted-after-first-transfer",
        back_to_client(transfer=f118("granted", "2026-01-05", "2026-03-01")),
        "conditional",
        R.MA_LISTED,
        R.MA_LIST_UNVERIFIED,
        R.MA_F118_GRANTED_AFTER_FIRST_TRANSFER,
    ),
    case(
        "return-fr-older-file-transfer-declaration",
        back_to_client(transfer_declaration="T-7"),
        "conditional",
        R.MA_LISTED,
        R.MA_LIST_UNVERIFIED,
        R.MA_F118_FILED,
    ),
    # Moroccan gate: data leaving Morocco for a state not on the CNDP list
    case("tn-consent-granted", to_tunisia(), "ready", R.MA_F118_GRANTED),
    case(
        "tn-basis-unknown",
        to_tunisia(ma_basis=None),
        "not_ready",
        R.MA_BASIS_UNKNOWN,
        R.MA_F118_GRANTED,
    ),
    case("tn-no-basis", to_tunisia(ma_basis="none"), "blocked", R.MA_NO_BASIS),
    case(
        "tn-claimed-listed",
        to_tunisia(ma_basis="listed_country"),
        "not_ready",
        R.MA_NOT_LISTED,
        R.MA_F118_GRANTED,
    ),
    case(
        "tn-ground-unverified",
        to_tunisia(),
        "conditional",
        R.MA_GROUND_UNVERIFIED,
        R.MA_F118_GRANTED,
        questionnaire=unverified_grounds,
    ),
    case("tn-f118-unknown", to_tunisia(None), "not_ready", R.MA_F118_UNKNOWN),
    case(
        "tn-not-filed-before-first-transfer",
        to_tunisia(f118("not_filed"), first_transfer_date="2027-01-01"),
        "not_ready",
        R.MA_F118_NOT_FILED,
    ),
    case(
        "tn-not-filed-while-transferring",
        to_tunisia(f118("not_filed")),
        "blocked",
        R.MA_F118_NOT_FILED_TRANSFERRING,
    ),
    case(
        "tn-filed-before-first-transfer",
        to_tunisia(f118("filed", "2026-01-05")),
        "conditional",
        R.MA_F118_FILED,
    ),
    case(
        "tn-filed-after-first-transfer",
        to_tunisia(f118("filed", "2026-03-01")),
        "blocked",
        R.MA_F118_FILED_AFTER_FIRST_TRANSFER,
        R.MA_F118_FILED,
    ),
    case(
        "tn-granted-after-as-of-is-still-filed",
        to_tunisia(f118("granted", "2026-10-01", "2026-12-15"), first_transfer_date="2027-01-01"),
        "conditional",
        R.MA_F118_FILED,
    ),
    case(
        "tn-filed-after-as-of-is-not-filed",
        to_tunisia(f118("filed", "2026-11-20"), first_transfer_date="2027-01-01"),
        "not_ready",
        R.MA_F118_NOT_FILED,
    ),
    case("health-granted-in-time", health_abroad(GRANTED), "ready", R.MA_F118_GRANTED),
    case(
        "health-granted-undated",
        health_abroad(f118("granted")),
        "not_ready",
        R.MA_F118_DATES_UNKNOWN,
    ),
    case(
        "health-granted-after-first-transfer",
        health_abroad(f118("granted", "2026-01-05", "2026-03-01")),
        "blocked",
        R.MA_F118_GRANTED_AFTER_FIRST_TRANSFER,
    ),
    case(
        "health-refused",
        health_abroad(f118("refused", "2026-01-05", "2026-01-30")),
        "blocked",
        R.MA_F118_REFUSED,
    ),
    case(
        "health-unauthorised-and-transferring-without-f118",
        health_abroad(f118("not_filed"), authorisation="none"),
        "blocked",
        R.MA_PROCESSING_NOT_AUTHORISED,
        R.MA_F118_NOT_FILED_TRANSFERRING,
    ),
    case(
        "health-older-file-pending-authorisation",
        {
            **health_abroad(transfer_authorisation={"status": "pending"}),
            "first_transfer_date": "2027-01-01",
        },
        "conditional",
        R.MA_F118_FILED,
    ),
    # General and onward
    case(
        "nobody-described-it",
        BARE,
        "not_ready",
        R.FLOW_DESTINATION_UNKNOWN,
        R.MA_DECLARATION_UNKNOWN,
        R.MA_SENSITIVITY_UNKNOWN,
    ),
    case(
        "us-backup-of-a-crm-flow",
        [inbound(onward=["backup"]), US_BACKUP],
        "blocked",
        R.ONWARD_GAP,
    ),
]


def _score(q: Questionnaire, row: Case) -> dict[str, FlowResult]:
    questionnaire = row.questionnaire(q) if row.questionnaire else q
    result = score(questionnaire, assessment(answers=FULL_ANSWERS, flows=row.flows))
    return {flow.id: flow for flow in result.flows}


@pytest.mark.parametrize("row", TABLE, ids=lambda row: row.id)
def test_transfer_table(example: Questionnaire, row: Case) -> None:
    flow = _score(example, row)[row.flow]
    assert (flow.status, {r.code for r in flow.reasons}) == (row.status, set(row.codes))
    for reason in flow.reasons:
        if reason.code.startswith("MA_F118_"):  # the law's article and the decree's
            assert {"28(11)", "43", "44"} & set(reason.refs["law-09-08"]), reason.refs
            assert reason.refs["decree-2-09-165"], reason.refs
    if flow.status == "blocked":
        assert flow.score == 0


def test_the_table_names_every_reason_code() -> None:
    named = set().union(*(row.codes for row in TABLE))
    assert set(ReasonCode) - named == set(), "codes no row produces and names"


def _one(q: Questionnaire, *flows: dict[str, Any]) -> dict[str, FlowResult]:
    result = score(q, assessment(answers=FULL_ANSWERS, flows=list(flows)))
    return {flow.id: flow for flow in result.flows}


def test_a_ready_flow_scores_100_with_both_gates_ready(example: Questionnaire) -> None:
    flow = _one(example, inbound())["crm"]
    assert flow.score == 100
    assert (flow.gdpr.status, flow.morocco.status, flow.regime) == ("ready", "ready", "eu_gdpr")


def test_a_reason_names_the_country_in_each_language_and_cites_its_articles(
    example: Questionnaire,
) -> None:
    flow = _one(example, inbound(gdpr_mechanism="none"))["crm"]
    reason = next(r for r in flow.reasons if r.code == R.GDPR_NO_MECHANISM)
    assert reason.refs == {"gdpr": ("44", "46")}
    assert "Morocco (MA)" in reason.message.en
    assert "Maroc (MA)" in reason.message.fr


def test_words_put_into_french_reasons_are_french(example: Questionnaire) -> None:
    systematic = _one(example, inbound(gdpr_mechanism="art49_consent"))["crm"].reasons[0]
    assert "un flux continu" in systematic.message.fr
    mismatch = _one(example, inbound(gdpr_mechanism="scc_module_1"))["crm"].reasons[0]
    assert "Module 2" in mismatch.message.en
    assert "d'un responsable du traitement vers un sous-traitant" in mismatch.message.fr
    both = _one(example, inbound(criminal_data=True, national_id=True))["crm"].reasons[0]
    assert both.code == R.MA_AUTHORISATION_UNKNOWN
    assert "(données pénales, numéros d'identité nationale)" in both.message.fr
    assert "(criminal data, national ID numbers)" in both.message.en


def test_an_onward_gap_says_the_child_is_not_ready_in_good_french(
    example: Questionnaire,
) -> None:
    child = {**US_BACKUP, "gdpr_mechanism": None}
    flows = _one(example, inbound(onward=["backup"]), child)
    assert flows["backup"].status == "not_ready"
    gap = next(r for r in flows["crm"].reasons if r.code == R.ONWARD_GAP)
    assert gap.message.fr == "Le flux ultérieur backup n'est pas prêt."
    assert gap.message.en == "Onward flow backup is not ready."


def test_an_onward_flow_inherits_the_gdpr_and_caps_its_parent(example: Questionnaire) -> None:
    flows = _one(example, inbound(onward=["backup"]), US_BACKUP)
    assert flows["backup"].regime == "eu_gdpr"  # inherited from the EU client's flow
    assert flows["crm"].status == "blocked"
    assert flows["crm"].score == 0


def test_uk_and_swiss_regimes_are_reported_not_passed(example: Questionnaire) -> None:
    for country, regime in (("GB", "uk_gdpr"), ("CH", "ch_fadp")):
        exporter = {"name": "Ltd", "country": country, "role": "controller"}
        flow = _one(example, inbound(exporter=exporter, origin=country))["crm"]
        assert (flow.regime, flow.gdpr.status) == (regime, "not_assessed")


def test_a_moroccan_flow_has_no_gdpr_gate(example: Questionnaire) -> None:
    flow = _one(example, health_abroad(f118("refused")))["health"]
    assert flow.gdpr.status == "not_applicable"
    assert flow.morocco.status == "blocked"


def test_a_blocked_flow_caps_the_rating(example: Questionnaire) -> None:
    result = score(
        example, assessment(answers=FULL_ANSWERS, flows=[inbound(gdpr_mechanism="none")])
    )
    assert result.overall.score == 100
    assert result.overall.rating == "not_ready"
    assert [(c.kind, c.id) for c in result.overall.caps] == [("blocked_flow", "crm")]


def test_an_f118_asks_for_what_the_country_calls_for(example: Questionnaire) -> None:
    cases = {
        "listed": (back_to_client(transfer=f118("not_filed")), "return", ("43",), ("46",)),
        "exception": (
            to_tunisia(f118("not_filed"), first_transfer_date="2027-01-01"),
            "tn",
            ("44",),
            ("46", "47"),
        ),
        "authorisation": (
            {**health_abroad(f118("not_filed")), "first_transfer_date": "2027-01-01"},
            "health",
            ("44",),
            ("46", "48"),
        ),
    }
    for flow, flow_id, law, decree in cases.values():
        reason = next(
            r for r in _one(example, flow)[flow_id].reasons if r.code == R.MA_F118_NOT_FILED
        )
        assert reason.refs == {"law-09-08": ("28(11)", *law), "decree-2-09-165": decree}
        assert "Decree Art. 46 particulars" in reason.message.en
        assert "mentions de l'art. 46 du décret" in reason.message.fr
    exception = _one(example, cases["exception"][0])["tn"].reasons[0]
    assert "exact Art. 44 exception relied on (Decree Art. 47)" in exception.message.en
    authorisation = _one(example, cases["authorisation"][0])["health"].reasons[0]
    assert "guarantees and measures" in authorisation.message.en


def test_a_filed_f118_says_that_silence_is_not_known_to_be_consent(
    example: Questionnaire,
) -> None:
    flow = _one(example, to_tunisia(f118("filed", "2026-01-05")))["tn"]
    (reason,) = flow.reasons
    assert reason.refs == {"law-09-08": ("28(11)", "44"), "decree-2-09-165": ("28", "46", "47")}
    assert "filed on 2026-01-05" in reason.message.en
    assert "treats F118 as a request" in reason.message.en
    assert "Decree Art. 28" in reason.message.en and "unverified" in reason.message.en
    assert "déposée le 2026-01-05" in reason.message.fr
    assert "n'est pas vérifié" in reason.message.fr


def test_an_authorisation_stands_in_for_the_declaration(example: Questionnaire) -> None:
    flow = _one(example, inbound(cndp={"authorisation": "A-7"}))["crm"]
    (note,) = flow.reasons
    assert (note.status, note.refs) == ("ready", {"law-09-08": ("12",)})
    assert "(A-7)" in note.message.en and "tient lieu de déclaration" in note.message.fr
    assert flow.morocco.passed == flow.morocco.checks  # nothing lost for the missing receipt
