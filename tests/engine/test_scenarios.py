"""Dated transfer scenarios, one a line (issue 13 point 7).

Each line of :data:`SCENARIOS` is one flow scored on its own ``as_of`` with the example
questionnaire bound to the published reference set (the dated EU and CNDP lists): the route
(exporter's country > destination; ``org:epo`` is an international organisation), the GDPR roles
(``C`` controller, ``P`` processor, ``SP`` sub-processor), the transfer tools (a GDPR tool, a Law
09-08 basis, or both joined by ``+``), the CNDP transfer request (F118: ``-`` unknown, or its status
with the dates it was filed and decided), the first transfer date, flags, and what the engine must
conclude: the status and every reason code, informational ones included.

Flags: ``eu`` the data is an EU client's (the exporter's processing is subject to the GDPR);
``dpf`` / ``nodpf`` the US importer is / is not certified under the Data Privacy Framework;
``health`` health data; ``auth`` the processing holds a CNDP authorisation; ``nodecl`` it has no
declaration receipt.

TIA flags (a structured TIA, EDPB steps 1 to 6): ``tia6`` complete, made 2026-03-01 and due for
re-evaluation by 2027-03-01, for remote access in the clear (EDPB use case 7), one Moroccan basis
applying, and an estimate within a 5 % tolerance; ``high`` the tolerance is 0.1 %; ``noq`` no
estimate; ``keys`` the data is stored encrypted with keys held by the exporter (use case 1) and a
technical measure neutralises the basis; ``claim`` that measure is claimed for use case 7; ``part``
only the estimate is given; ``+IN`` the data is also stored in India.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from compliance.engine.reasons import ReasonCode
from compliance.engine.scoring import score
from compliance.loader.reference_sets import bind, choose_set
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import FlowStatus
from tests.engine.conftest import FULL_ANSWERS, assessment

# fmt: off
SCENARIOS = """
as_of      | route      | roles | tools                     | F118                          | first      | flags      | status      | codes
2026-11-01 | FR>MA      | C>P   | scc_module_2              | -                             | -          | -          | ready       | -
2026-11-01 | FR>MA      | C>P   | art49_consent             | -                             | -          | -          | blocked     | GDPR_ART49_SYSTEMATIC
2026-11-01 | FR>US      | C>P   | -                         | -                             | -          | dpf        | ready       | GDPR_ADEQUATE GDPR_ADEQUACY_REVIEW
2026-11-01 | FR>US      | C>P   | -                         | -                             | -          | nodpf      | not_ready   | GDPR_MECHANISM_UNKNOWN
2026-11-01 | FR>US      | C>P   | -                         | -                             | -          | -          | not_ready   | GDPR_ADEQUACY_CONDITION_UNKNOWN
2026-11-01 | FR>US      | C>P   | scc_module_2              | -                             | -          | nodpf      | ready       | -
2026-11-01 | MA>US      | P>SP  | cndp_authorisation        | granted 2026-01-05 2026-01-20 | 2026-02-01 | eu dpf     | ready       | GDPR_ADEQUATE GDPR_ADEQUACY_REVIEW MA_F118_GRANTED
2026-11-01 | MA>US      | P>SP  | scc_module_3+cndp_authorisation | filed 2026-01-05        | 2026-02-01 | eu nodpf   | conditional | MA_F118_FILED
2026-11-01 | MA>US      | P>SP  | cndp_authorisation        | not_filed                     | 2026-02-01 | eu nodpf   | blocked     | GDPR_MECHANISM_UNKNOWN MA_F118_NOT_FILED_TRANSFERRING
2026-11-01 | MA>FR      | P>C   | listed_country            | granted 2026-01-05 2026-01-20 | 2026-02-01 | eu         | conditional | MA_LISTED MA_LIST_UNVERIFIED MA_F118_GRANTED
2026-11-01 | MA>FR      | P>C   | listed_country            | filed 2026-01-05              | 2026-02-01 | eu         | conditional | MA_LISTED MA_LIST_UNVERIFIED MA_F118_FILED
2026-11-01 | MA>FR      | P>C   | listed_country            | not_filed                     | 2026-02-01 | eu         | not_ready   | MA_LISTED MA_LIST_UNVERIFIED MA_F118_NOT_FILED
2026-11-01 | MA>FR      | P>C   | listed_country            | refused 2026-01-05 2026-01-30 | 2026-02-01 | eu         | blocked     | MA_LISTED MA_LIST_UNVERIFIED MA_F118_REFUSED
2026-11-01 | MA>FR      | P>C   | listed_country            | -                             | 2026-02-01 | eu         | not_ready   | MA_LISTED MA_LIST_UNVERIFIED MA_F118_UNKNOWN
2026-11-01 | MA>TN      | C>P   | consent                   | granted 2026-01-05 2026-01-20 | 2026-02-01 | -          | ready       | MA_F118_GRANTED
2026-11-01 | MA>TN      | C>P   | consent                   | filed 2026-01-05              | 2026-02-01 | -          | conditional | MA_F118_FILED
2026-11-01 | MA>TN      | C>P   | consent                   | filed 2026-03-01              | 2026-02-01 | -          | blocked     | MA_F118_FILED_AFTER_FIRST_TRANSFER MA_F118_FILED
2026-01-31 | MA>TN      | C>P   | consent                   | not_filed                     | 2026-02-01 | -          | not_ready   | MA_F118_NOT_FILED
2026-02-01 | MA>TN      | C>P   | consent                   | not_filed                     | 2026-02-01 | -          | blocked     | MA_F118_NOT_FILED_TRANSFERRING
2026-01-10 | MA>TN      | C>P   | consent                   | granted 2026-01-05 2026-01-20 | 2026-02-01 | -          | conditional | MA_F118_FILED
2026-11-01 | MA>TN      | C>P   | cndp_authorisation        | refused 2026-01-05 2026-01-30 | 2026-02-01 | -          | blocked     | MA_F118_REFUSED
2026-11-01 | MA>TN      | C>P   | cndp_authorisation        | granted 2026-01-05 2026-03-01 | 2026-02-01 | -          | blocked     | MA_F118_GRANTED_AFTER_FIRST_TRANSFER
2026-11-01 | MA>TN      | C>P   | cndp_authorisation        | granted 2026-01-05 2026-01-20 | 2026-02-01 | health auth nodecl | ready | MA_AUTHORISATION_STANDS_FOR_DECLARATION MA_F118_GRANTED
2026-11-01 | MA>TN      | C>P   | cndp_authorisation        | granted 2026-01-05 2026-01-20 | 2026-02-01 | health nodecl | not_ready | MA_DECLARATION_UNKNOWN MA_AUTHORISATION_UNKNOWN MA_F118_GRANTED
2026-11-01 | MA>TN      | C>P   | ma:none                   | not_filed                     | 2026-02-01 | -          | blocked     | MA_NO_BASIS
2026-11-01 | MA>MA      | C>P   | -                         | -                             | -          | auth nodecl | ready      | MA_AUTHORISATION_STANDS_FOR_DECLARATION
2025-12-27 | FR>GB      | C>P   | -                         | -                             | -          | -          | ready       | GDPR_ADEQUATE GDPR_ADEQUACY_REVIEW GDPR_ADEQUACY_EXPIRING
2026-11-01 | FR>GB      | C>P   | -                         | -                             | -          | -          | conditional | GDPR_ADEQUATE GDPR_ADEQUACY_UNVERIFIED GDPR_ADEQUACY_REVIEW
2032-01-05 | FR>GB      | C>P   | -                         | -                             | -          | -          | not_ready   | GDPR_MECHANISM_UNKNOWN
2025-12-01 | FR>BR      | C>P   | -                         | -                             | -          | -          | not_ready   | GDPR_MECHANISM_UNKNOWN
2025-12-01 | FR>BR      | C>P   | scc_module_2              | -                             | -          | -          | ready       | -
2026-02-01 | FR>BR      | C>P   | -                         | -                             | -          | -          | ready       | GDPR_ADEQUATE GDPR_ADEQUACY_SCOPE GDPR_ADEQUACY_REVIEW
2025-07-01 | FR>org:epo | C>P   | -                         | -                             | -          | -          | not_ready   | GDPR_MECHANISM_UNKNOWN
2025-08-01 | FR>org:epo | C>P   | -                         | -                             | -          | -          | ready       | GDPR_ADEQUATE GDPR_ADEQUACY_SCOPE GDPR_ADEQUACY_REVIEW
2026-11-01 | FR>MA      | C>P   | scc_module_2              | -                             | -          | tia6       | ready       | GDPR_TIA_WITHIN_TOLERANCE
2026-11-01 | FR>MA      | C>P   | scc_module_2              | -                             | -          | tia6 high  | not_ready   | GDPR_TIA_ABOVE_TOLERANCE
2027-03-02 | FR>MA      | C>P   | scc_module_2              | -                             | -          | tia6       | conditional | GDPR_TIA_REVIEW_PASSED GDPR_TIA_WITHIN_TOLERANCE
2026-11-01 | FR>MA      | C>P   | scc_module_2              | -                             | -          | tia6 noq   | not_ready   | GDPR_TIA_BASIS_NOT_NEUTRALISED
2026-11-01 | FR>MA      | C>P   | scc_module_2              | -                             | -          | tia6 noq keys | ready    | -
2026-11-01 | FR>MA      | C>P   | scc_module_2              | -                             | -          | tia6 noq claim | not_ready | GDPR_TIA_MEASURE_INEFFECTIVE GDPR_TIA_BASIS_NOT_NEUTRALISED
2026-11-01 | FR>MA      | C>P   | scc_module_2              | -                             | -          | tia6 part  | not_ready   | GDPR_TIA_STEPS_MISSING GDPR_TIA_WITHIN_TOLERANCE
2026-11-01 | FR>MA      | C>P   | scc_module_2              | -                             | -          | tia6 +IN   | not_ready   | GDPR_TIA_WITHIN_TOLERANCE GDPR_TIA_COUNTRY_NOT_ASSESSED
"""
# fmt: on


@dataclass(frozen=True)
class Scenario:
    """One line of :data:`SCENARIOS`."""

    line: str
    as_of: str
    route: str
    roles: str
    tools: str
    f118: str
    first: str
    flags: frozenset[str]
    status: FlowStatus
    codes: frozenset[ReasonCode]


def _ma_sheet_bases() -> tuple[str, ...]:
    sheet = choose_set("ma-eu").load().lists.sheet("MA")
    assert sheet is not None
    return sheet.basis_ids()


OLDER_TIA_CODES = {
    "GDPR_TIA_NOT_ACCEPTABLE",
    "GDPR_TIA_MISSING",
    "GDPR_TIA_CONCLUSION_UNKNOWN",
    "GDPR_TIA_REVIEW_DUE",
}
"""The codes of the older, asserted TIA (the transfer table names them)."""

ROLES = {"C": "controller", "P": "processor", "SP": "sub_processor", "JC": "joint_controller"}
MA_BASES = {"listed_country", "consent", "cndp_authorisation", "treaty"}


def _parse(table: str) -> list[Scenario]:
    rows = [line for line in table.strip().splitlines()[1:] if line.strip()]
    scenarios = []
    for line in rows:
        cells = [cell.strip() for cell in line.split("|")]
        assert len(cells) == 9, line
        as_of, route, roles, tools, f118, first, flags, status, codes = cells
        assert status in ("ready", "conditional", "not_ready", "blocked"), line
        scenarios.append(
            Scenario(
                line=line,
                as_of=as_of,
                route=route,
                roles=roles,
                tools=tools,
                f118=f118,
                first=first,
                flags=frozenset(flags.split()) - {"-"},
                status=status,  # type: ignore[arg-type]  # checked just above
                codes=frozenset(ReasonCode(code) for code in codes.split() if code != "-"),
            )
        )
    return scenarios


ALL = _parse(SCENARIOS)


def _f118(cell: str) -> dict[str, Any] | None:
    if cell == "-":
        return None
    status, *dates = cell.split()
    record: dict[str, Any] = {"status": status, "reference": "F118-1"}
    for key, day in zip(("filed_on", "decided_on"), dates, strict=False):
        record[key] = day
    return record


def _flow(s: Scenario) -> dict[str, Any]:
    origin, destination = s.route.split(">")
    exporter_role, importer_role = (ROLES[r] for r in s.roles.split(">"))
    importer_country = "DE" if destination.startswith("org:") else destination
    importer: dict[str, Any] = {"name": "Importer", "country": importer_country}
    importer["role"] = importer_role
    if "dpf" in s.flags or "nodpf" in s.flags:
        importer["dpf_certified"] = "dpf" in s.flags
    as_of = dt.date.fromisoformat(s.as_of)
    flow: dict[str, Any] = {
        "id": "f",
        "name": "Scenario",
        "exporter": {"name": "Exporter", "country": origin, "role": exporter_role},
        "importer": importer,
        "origin": origin,
        "destination": destination,
        "frequency": "continuous",
        "contract": {"dpa_art28": True, "scc_signed": True, "subprocessors_authorised": True},
        "tia": {
            "done": True,
            "date": str(as_of - dt.timedelta(days=30)),
            "conclusion": "acceptable",
        },
        "criminal_data": False,
        "national_id": False,
        "cndp": {} if "nodecl" in s.flags else {"declaration_receipt": "D-1"},
    }
    if "eu" in s.flags:
        flow["regime"] = "eu_gdpr"
    if "health" in s.flags:
        flow["special_categories"] = ["health"]
    if "auth" in s.flags:
        flow["cndp"]["authorisation"] = "A-1"
    if "tia6" in s.flags:
        flow.update(_structured_tia(s.flags))
    for tool in s.tools.split("+"):
        if tool == "ma:none":
            flow["ma_basis"] = "none"
        elif tool in MA_BASES or tool.startswith("art44"):
            flow["ma_basis"] = tool
        elif tool != "-":
            flow["gdpr_mechanism"] = tool
    transfer = _f118(s.f118)
    if transfer is not None:
        flow["cndp"]["transfer"] = transfer
    if s.first != "-":
        flow["first_transfer_date"] = s.first
    return flow


MA_SHEET = _ma_sheet_bases()
"""The basis ids of the Morocco country sheet in the newest ma-eu set: step 3 assesses them all."""
TIA_BASIS = {"basis": "ma-ccp-interception", "applies": True, "justification": "Reaches it."}
TIA_LAW = [TIA_BASIS] + [
    {"basis": basis, "applies": False, "justification": "Does not reach this importer."}
    for basis in MA_SHEET
    if basis != TIA_BASIS["basis"]
]
TIA_MEASURE = {
    "kind": "technical",
    "description": "Stored encrypted, the keys held only by the exporter.",
    "neutralises": ["ma-ccp-interception"],
}
TIA_ESTIMATE = {
    "basis": "ma-ccp-interception",
    "p_target": "0.01",
    "p_compel": "0.9",
    "p_readable": "1",
    "p_challenge_fails": "0.5",
    "justification": "Customer records are seldom of interest.",
}


def _structured_tia(flags: frozenset[str]) -> dict[str, Any]:
    """The flow fields of the TIA flags (see the module docstring)."""
    quantitative = {"tolerance": "0.001" if "high" in flags else "0.05", "bases": [TIA_ESTIMATE]}
    tia: dict[str, Any] = {
        "date": "2026-03-01",
        "law": TIA_LAW,
        "use_case": "storage_exporter_keys" if "keys" in flags else "remote_access_business",
        "supplementary": [TIA_MEASURE] if {"keys", "claim"} & flags else [],
        "procedural": [],
        "review_by": "2027-03-01",
    }
    if "noq" not in flags:
        tia["quantitative"] = quantitative
    if "part" in flags:
        tia = {"date": "2026-03-01", "quantitative": quantitative}
    fields: dict[str, Any] = {
        "data_categories": ["contact"],
        "subject_categories": ["customers"],
        "subjects_count": 50_000,
        "tia": tia,
    }
    if "+IN" in flags:
        fields["storage_locations"] = ["IN"]
    return fields


@pytest.fixture(scope="module")
def dated(example: Questionnaire) -> Questionnaire:
    """The example questionnaire scoring with the published, dated reference set."""
    return bind(example.model_copy(update={"reference_set": "ma-eu", "reference": None}))


@pytest.mark.parametrize("s", ALL, ids=lambda s: f"{s.as_of} {s.route} {s.tools} {s.f118}")
def test_scenario(dated: Questionnaire, s: Scenario) -> None:
    flows = [_flow(s)]
    result = score(dated, assessment(answers=FULL_ANSWERS, flows=flows, as_of=s.as_of))
    [flow] = result.flows
    assert (flow.status, {r.code for r in flow.reasons}) == (s.status, set(s.codes)), s.line


def test_the_scenarios_cover_what_the_issue_asks() -> None:
    assert len(ALL) >= 25
    statuses = {s.f118.split()[0] for s in ALL}
    assert {"not_filed", "filed", "granted", "refused", "-"} <= statuses
    assert any({"auth", "nodecl"} <= s.flags for s in ALL)  # authorised, not declared
    assert {"dpf", "nodpf"} <= set().union(*(s.flags for s in ALL))
    tia_codes = {code for code in ReasonCode if code.name.startswith("GDPR_TIA_")}
    named = set().union(*(s.codes for s in ALL))
    new_tia_codes = {c for c in tia_codes if c.name not in OLDER_TIA_CODES}
    assert new_tia_codes <= named, new_tia_codes - named
    routes = {s.route for s in ALL}
    assert {"FR>GB", "FR>BR", "FR>org:epo"} <= routes
    assert len({s.as_of for s in ALL if s.route == "FR>GB"}) >= 2  # before and after the renewal
    assert len({s.as_of for s in ALL if s.route == "FR>BR"}) >= 2  # before and after its decision
