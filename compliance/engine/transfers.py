"""Provides transfer readiness per data flow: a GDPR gate, a Moroccan gate, and onward flows.

**The GDPR gate** applies when the exporter's processing is subject to the GDPR (regime ``eu_gdpr``:
given, inherited from a parent flow whose onward flow this is, or inferred from an exporter in the
EEA), and some destination, storage or access location lies outside the EEA; so it catches remote
access from Morocco to EU systems and onward transfers of an EU client's data from Morocco. Each
such country passes by adequacy (a partial one, the US for DPF-certified importers or Canada for
commercial organisations, only when the flow meets its condition), or by an Art. 46 tool fitting the
roles (SCC modules as the reference data pairs them) with its contract signed, a transfer impact
assessment, and the measures it calls for. A TIA concluding ``not_acceptable`` blocks the flow
whatever the tool; an Art. 49 derogation passes only for a ``one_off`` flow. UK and Swiss regimes
are reported as outside the EU rules' scope (``not_assessed``), never silently passed.

**The Moroccan gate** applies when data is processed in Morocco: the processing must be declared, or
authorised for sensitive data (Law 09-08 sense: health, genetic, racial or ethnic origin, political,
religious, union), national ID numbers or criminal data (Art. 12, 21). Data leaving Morocco (the
return to the EU client and onward sub-processors included) needs, per country: the CNDP list and
the Decree Art. 46 particulars declared; else the exact Art. 44 ground declared (Decree Art. 47); or
a CNDP authorisation granted before the first transfer (Art. 44 last paragraph, Decree Art. 48).

A flow takes the worse of its gates and of its onward flows. Statuses, worst first: ``blocked``
(unlawful as things stand), ``not_ready`` (a required element missing or unknown), ``conditional``
(resting on pending items or on reference data marked unverified), ``ready``. A field left out is
unknown, never compliant. The score is the share of checks passed (a conditional check counts half),
0 for a blocked flow, and never above the score of an onward flow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Literal

from compliance.engine.reasons import REASONS, fragment
from compliance.engine.reasons import ReasonCode as R
from compliance.errors import InvalidAssessment
from compliance.model.assessment import Assessment, Flow
from compliance.model.base import Text
from compliance.model.questionnaire import Questionnaire
from compliance.model.reference import CountryList, ListEntry, ReferenceData, SccModule
from compliance.model.result import FlowResult, FlowStatus, GateResult, Reason

__all__ = ["STATUS_ORDER", "assess_flows", "worse"]

STATUS_ORDER: dict[str, int] = {"ready": 0, "conditional": 1, "not_ready": 2, "blocked": 3}

MA = "MA"
TIA_REVIEW_DAYS = 365
EXPIRY_WARNING_MONTHS = 6
"""A verdict resting on a reference entry that expires this soon after ``as_of`` says so."""
SUPPLEMENTARY = frozenset(
    {
        "exporter_held_keys",
        "pseudonymisation",
        "encryption_in_transit",
        "encryption_at_rest",
        "split_processing",
        "data_minimisation",
        "no_download_access",
    }
)
MA_SENSITIVE = frozenset({"health", "genetic", "racial_ethnic", "political", "religious", "union"})

Gate = Literal["gdpr", "morocco", "onward", "general"]


def worse(a: FlowStatus, b: FlowStatus) -> FlowStatus:
    """The worse of two statuses."""
    return a if STATUS_ORDER[a] >= STATUS_ORDER[b] else b


Value = str | Text
"""A value put into a reason's sentence: the same in both languages, or a text per language."""


def _joined(parts: list[Text], separator: str) -> Text:
    """``parts`` joined with the fragment ``separator``, in each language."""
    sep = fragment(separator)
    return Text(
        en=sep.en.join(p.en for p in parts),
        fr=sep.fr.join(p.fr for p in parts),
    )


def _in(lang: str, values: dict[str, Value]) -> dict[str, str]:
    return {key: v.get(lang) if isinstance(v, Text) else v for key, v in values.items()}


def _reason(code: R, status: FlowStatus, gate: Gate, **values: Value) -> Reason:
    text = REASONS[code]
    en, fr, refs = text.en, text.fr, text.refs
    return Reason(
        code=code.value,
        status=status,
        gate=gate,
        message=Text(en=en.format(**_in("en", values)), fr=fr.format(**_in("fr", values))),
        refs=dict(refs),
    )


@dataclass
class _Gate:
    """Collects the checks and findings of one gate."""

    name: Gate
    applicable: bool = False
    assessed: bool = True
    weights: list[Decimal] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)

    def passed(self) -> None:
        self.applicable = True
        self.weights.append(Decimal(1))

    def finding(self, code: R, status: FlowStatus, **values: Value) -> None:
        """Records a check that did not pass (or passed only conditionally)."""
        self.applicable = True
        self.weights.append(Decimal("0.5") if status == "conditional" else Decimal(0))
        self.reasons.append(_reason(code, status, self.name, **values))

    def note(self, code: R, **values: Value) -> None:
        """Records a finding that is informational (a passed check worth saying)."""
        self.reasons.append(_reason(code, "ready", self.name, **values))

    @property
    def status(self) -> FlowStatus:
        status: FlowStatus = "ready"
        for reason in self.reasons:
            status = worse(status, reason.status)
        return status

    def result(self) -> GateResult:
        if not self.assessed:
            return GateResult(status="not_assessed")
        if not self.applicable:
            return GateResult(status="not_applicable")
        full = sum(1 for w in self.weights if w == 1)
        return GateResult.model_validate(
            {"status": self.status, "checks": len(self.weights), "passed": full}
        )


def _unique(codes: Iterable[str | None]) -> list[str]:
    seen: list[str] = []
    for code in codes:
        if code is not None and code not in seen:
            seen.append(code)
    return seen


def _places(flow: Flow) -> list[str]:
    return _unique([flow.destination, *flow.storage_locations, *flow.access_locations])


class _Assessor:
    def __init__(self, questionnaire: Questionnaire, assessment: Assessment, as_of: dt.date):
        self.reference = questionnaire.reference or ReferenceData()
        self.assessment = assessment
        self.as_of = as_of
        self.eea = {e.code for e in self.reference.eea.entries} if self.reference.eea else set()
        self.regime_of_country: dict[str, str] = {}
        for regime in self.reference.regimes:
            for country in regime.countries:
                self.regime_of_country[country] = regime.id
        self.regime_titles: dict[str, Text] = {r.id: r.title for r in self.reference.regimes}
        self.inherited: dict[str, str] = {}
        for flow in sorted(assessment.flows, key=lambda f: f.id):
            if self._own_regime(flow) == "eu_gdpr":
                for child in flow.onward:
                    self.inherited[child] = "eu_gdpr"

    def country_name(self, code: str) -> Value:
        """The country's (or international organisation's) name in each language, with its code."""
        name = self.reference.countries.get(code) or (self.reference.organisations or {}).get(code)
        if name is None:
            return code
        return Text(en=f"{name.en} ({code})", fr=f"{name.fr} ({code})")

    def _own_regime(self, flow: Flow) -> str:
        if flow.regime is not None:
            return flow.regime
        country = flow.exporter.country
        if country in self.eea:
            return "eu_gdpr"
        return self.regime_of_country.get(country, "other")

    def regime(self, flow: Flow) -> str:
        if flow.regime is not None:
            return flow.regime
        return self.inherited.get(flow.id) or self._own_regime(flow)

    # --- GDPR gate ------------------------------------------------------------------------

    def gdpr_gate(self, flow: Flow, regime: str) -> _Gate:
        gate = _Gate("gdpr")
        if regime in ("uk_gdpr", "ch_fadp"):
            gate.assessed = False
            title = self.regime_titles.get(regime)
            gate.reasons.append(
                _reason(
                    R.REGIME_OUTSIDE_EU,
                    "conditional",
                    "gdpr",
                    regime=title if title else regime,
                )
            )
            return gate
        if regime != "eu_gdpr":
            return gate
        third = [c for c in _places(flow) if c not in self.eea]
        if not third:
            return gate
        if flow.tia.conclusion == "not_acceptable":
            gate.finding(R.GDPR_TIA_NOT_ACCEPTABLE, "blocked")
        for country in third:
            self._gdpr_country(gate, flow, country)
        if flow.importer.role in ("processor", "sub_processor"):
            self._processor_contract(gate, flow)
        return gate

    def _adequacy(self, gate: _Gate, flow: Flow, country: str) -> bool | None:
        adequacy: CountryList | None = self.reference.eu_adequacy
        entry = adequacy.entry_at(country, self.as_of) if adequacy else None
        if adequacy is None or entry is None:
            return False
        name = self.country_name(country)
        qualifies: bool | None = True
        if entry.condition == "dpf_certified":
            qualifies = flow.importer.dpf_certified
        elif entry.condition == "commercial_org":
            qualifies = flow.importer.commercial_org
        if qualifies is None:
            gate.finding(
                R.GDPR_ADEQUACY_CONDITION_UNKNOWN,
                "not_ready",
                country=name,
                condition=fragment(f"condition.{entry.condition or 'commercial_org'}"),
            )
            return None
        if not qualifies:
            return False
        if adequacy.is_verified(entry):
            gate.passed()
        else:
            gate.finding(R.GDPR_ADEQUACY_UNVERIFIED, "conditional", country=name)
        gate.note(R.GDPR_ADEQUATE, country=name, decision=entry.decision or adequacy.source)
        self._dated_notes(gate, entry, name)
        return True

    def _dated_notes(self, gate: _Gate, entry: ListEntry, name: Value) -> None:
        """What a dated adequacy entry adds to the verdict resting on it: its scope when no
        condition checks it, pending litigation or review, and an expiry within six months."""
        if entry.scope is not None and entry.condition is None:
            gate.note(R.GDPR_ADEQUACY_SCOPE, country=name, scope=entry.scope)
        if entry.review is not None:
            gate.note(R.GDPR_ADEQUACY_REVIEW, country=name, review=entry.review)
        if entry.expires is not None and entry.expires_within(self.as_of, EXPIRY_WARNING_MONTHS):
            gate.note(
                R.GDPR_ADEQUACY_EXPIRING,
                country=name,
                decision=entry.decision or "",
                expires=entry.expires.isoformat(),
                as_of=self.as_of.isoformat(),
            )

    def _gdpr_country(self, gate: _Gate, flow: Flow, country: str) -> None:
        name = self.country_name(country)
        adequate = self._adequacy(gate, flow, country)
        if adequate:
            return
        mechanism = flow.gdpr_mechanism
        if mechanism is None:
            if adequate is False:
                gate.finding(R.GDPR_MECHANISM_UNKNOWN, "not_ready", country=name)
            return
        if mechanism == "none":
            gate.finding(R.GDPR_NO_MECHANISM, "blocked", country=name)
        elif mechanism == "adequacy":
            gate.finding(R.GDPR_NOT_ADEQUATE, "blocked", country=name)
        elif mechanism.startswith("art49"):
            if flow.frequency is None:
                gate.finding(R.GDPR_FREQUENCY_UNKNOWN, "not_ready")
            elif flow.frequency == "one_off":
                gate.passed()
            else:
                gate.finding(
                    R.GDPR_ART49_SYSTEMATIC,
                    "blocked",
                    frequency=fragment(f"frequency.{flow.frequency}"),
                )
        else:
            if mechanism.startswith("scc_module"):
                self._scc(gate, flow, mechanism)
            self._tia(gate, flow)

    def _scc(self, gate: _Gate, flow: Flow, mechanism: str) -> None:
        modules: dict[str, SccModule] = {m.id: m for m in self.reference.scc_modules}
        module = modules.get(mechanism)
        exporter_role, importer_role = flow.exporter.role, flow.importer.role
        if exporter_role is None or importer_role is None:
            gate.finding(R.GDPR_ROLES_UNKNOWN, "not_ready")
        elif module is not None:
            if exporter_role in module.exporter_role and importer_role in module.importer_role:
                gate.passed()
            else:
                fitting = [
                    m.title
                    for m in self.reference.scc_modules
                    if exporter_role in m.exporter_role and importer_role in m.importer_role
                ]
                gate.finding(
                    R.GDPR_SCC_MODULE_MISMATCH,
                    "not_ready",
                    module=module.title,
                    exporter_role=fragment(f"role.{exporter_role}"),
                    importer_role=fragment(f"role.{importer_role}"),
                    expected=_joined(fitting, "or") if fitting else fragment("another_tool"),
                )
        signed = flow.contract.scc_signed
        if signed is None:
            gate.finding(R.GDPR_SCC_SIGNATURE_UNKNOWN, "not_ready")
        elif signed:
            gate.passed()
        else:
            gate.finding(R.GDPR_SCC_NOT_SIGNED, "blocked")

    def _tia(self, gate: _Gate, flow: Flow) -> None:
        tia = flow.tia
        if tia.conclusion == "not_acceptable":
            return  # already blocking the whole gate
        if tia.done is not True:
            gate.finding(R.GDPR_TIA_MISSING, "not_ready")
            return
        if tia.date is None or (self.as_of - tia.date).days > TIA_REVIEW_DAYS:
            gate.finding(R.GDPR_TIA_REVIEW_DUE, "conditional", as_of=self.as_of.isoformat())
        else:
            gate.passed()
        if tia.conclusion is None:
            gate.finding(R.GDPR_TIA_CONCLUSION_UNKNOWN, "not_ready")
        elif tia.conclusion == "measures_needed":
            if SUPPLEMENTARY & set(flow.measures):
                gate.passed()
            elif SUPPLEMENTARY & set(flow.measures_planned):
                gate.finding(R.GDPR_MEASURES_PLANNED, "conditional")
            else:
                gate.finding(R.GDPR_MEASURES_MISSING, "not_ready")
        else:
            gate.passed()

    def _processor_contract(self, gate: _Gate, flow: Flow) -> None:
        dpa = flow.contract.dpa_art28
        if dpa is None:
            gate.finding(R.GDPR_DPA_UNKNOWN, "not_ready")
        elif dpa:
            gate.passed()
        else:
            gate.finding(R.GDPR_DPA_MISSING, "not_ready")
        if flow.importer.role == "sub_processor":
            authorised = flow.contract.subprocessors_authorised
            if authorised is None:
                gate.finding(R.GDPR_SUBPROCESSOR_AUTHORISATION_UNKNOWN, "not_ready")
            elif authorised:
                gate.passed()
            else:
                gate.finding(R.GDPR_SUBPROCESSOR_NOT_AUTHORISED, "not_ready")

    # --- Moroccan gate --------------------------------------------------------------------

    def morocco_gate(self, flow: Flow) -> _Gate:
        gate = _Gate("morocco")
        parties = {flow.exporter.country, flow.importer.country, flow.origin}
        in_morocco = MA in parties or MA in _places(flow)
        if not in_morocco:
            return gate
        self._formalities(gate, flow)
        leaving = flow.origin == MA or (flow.origin is None and flow.exporter.country == MA)
        if leaving:
            for country in [c for c in _places(flow) if c != MA]:
                self._leaving(gate, flow, country)
        return gate

    def _formalities(self, gate: _Gate, flow: Flow) -> None:
        receipt = flow.cndp.declaration_receipt
        if receipt is None:
            gate.finding(R.MA_DECLARATION_UNKNOWN, "not_ready")
        elif receipt.strip().lower() == "none":
            gate.finding(R.MA_NOT_DECLARED, "not_ready")
        else:
            gate.passed()
        why = [f"sensitive.{c}" for c in sorted(MA_SENSITIVE & set(flow.special_categories))]
        if flow.criminal_data:
            why.append("sensitive.criminal")
        if flow.national_id:
            why.append("sensitive.national_id")
        authorisation = flow.cndp.authorisation
        has_authorisation = authorisation is not None and authorisation.strip().lower() != "none"
        if why:
            reasons = _joined([fragment(key) for key in why], "list.separator")
            if authorisation is None:
                gate.finding(R.MA_AUTHORISATION_UNKNOWN, "not_ready", why=reasons)
            elif not has_authorisation:
                gate.finding(R.MA_PROCESSING_NOT_AUTHORISED, "blocked", why=reasons)
            else:
                gate.passed()
        elif (flow.criminal_data is None or flow.national_id is None) and not has_authorisation:
            gate.finding(R.MA_SENSITIVITY_UNKNOWN, "not_ready")

    def _leaving(self, gate: _Gate, flow: Flow, country: str) -> None:
        name = self.country_name(country)
        listing = self.reference.cndp_adequate
        entry = listing.entry_at(country, self.as_of) if listing else None
        declaration = flow.cndp.transfer_declaration
        declared = declaration is not None and declaration.strip().lower() != "none"
        if listing is not None and entry is not None:
            gate.note(R.MA_LISTED, country=name)
            if entry.expires is not None and entry.expires_within(
                self.as_of, EXPIRY_WARNING_MONTHS
            ):
                gate.note(
                    R.MA_LISTING_EXPIRING,
                    country=name,
                    expires=entry.expires.isoformat(),
                    as_of=self.as_of.isoformat(),
                )
            if not listing.is_verified(entry):
                gate.finding(R.MA_LIST_UNVERIFIED, "conditional", country=name)
            self._declared(gate, declaration, declared, name)
            return
        basis = flow.ma_basis
        if basis is None:
            gate.finding(R.MA_BASIS_UNKNOWN, "not_ready", country=name)
        elif basis == "none":
            gate.finding(R.MA_NO_BASIS, "blocked", country=name)
        elif basis == "listed_country":
            gate.finding(R.MA_NOT_LISTED, "not_ready", country=name)
        elif basis == "cndp_authorisation":
            self._authorisation(gate, flow)
        else:
            grounds = {g.id: g for g in self.reference.ma_grounds}
            ground = grounds.get(basis)
            if ground is not None and not ground.verified:
                gate.finding(R.MA_GROUND_UNVERIFIED, "conditional")
            self._declared(gate, declaration, declared, name)

    @staticmethod
    def _declared(gate: _Gate, declaration: str | None, declared: bool, name: Value) -> None:
        if declaration is None:
            gate.finding(R.MA_TRANSFER_DECLARATION_UNKNOWN, "not_ready", country=name)
        elif not declared:
            gate.finding(R.MA_TRANSFER_NOT_DECLARED, "not_ready", country=name)
        else:
            gate.passed()

    def _authorisation(self, gate: _Gate, flow: Flow) -> None:
        auth = flow.cndp.transfer_authorisation
        first = flow.first_transfer_date
        started = first is not None and first <= self.as_of
        if auth.status is None:
            gate.finding(R.MA_AUTHORISATION_STATUS_UNKNOWN, "not_ready")
        elif auth.status == "granted":
            if auth.date is None or first is None:
                gate.finding(R.MA_AUTHORISATION_DATES_UNKNOWN, "not_ready")
            elif auth.date > first:
                gate.finding(
                    R.MA_AUTHORISED_AFTER_FIRST_TRANSFER,
                    "blocked",
                    first=first.isoformat(),
                    granted=auth.date.isoformat(),
                )
            else:
                gate.passed()
        elif auth.status == "refused":
            gate.finding(R.MA_AUTHORISATION_REFUSED, "blocked")
        elif started:
            assert first is not None
            gate.finding(
                R.MA_TRANSFERRING_WITHOUT_AUTHORISATION, "blocked", first=first.isoformat()
            )
        elif auth.status == "pending":
            gate.finding(R.MA_AUTHORISATION_PENDING, "conditional")
        else:
            gate.finding(R.MA_AUTHORISATION_NOT_REQUESTED, "not_ready")


def _score(gates: list[_Gate], status: str) -> Decimal:
    if status == "blocked":
        return Decimal(0)
    weights = [w for gate in gates for w in gate.weights]
    if not weights:
        return Decimal(100)
    value = sum(weights, Decimal(0)) * Decimal(100) / Decimal(len(weights))
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


def assess_flows(
    questionnaire: Questionnaire, assessment: Assessment, as_of: dt.date
) -> tuple[FlowResult, ...]:
    """The readiness of every flow, sorted by id (onward flows already folded into parents)."""
    assessor = _Assessor(questionnaire, assessment, as_of)
    own: dict[str, FlowResult] = {}
    for flow in assessment.flows:
        regime = assessor.regime(flow)
        general = _Gate("general")
        if not _places(flow):
            general.finding(R.FLOW_DESTINATION_UNKNOWN, "not_ready")
        gdpr = assessor.gdpr_gate(flow, regime)
        morocco = assessor.morocco_gate(flow)
        gates = [general, gdpr, morocco]
        status: FlowStatus = "ready"
        for gate in gates:
            status = worse(status, gate.status)
        reasons = [r for gate in gates for r in gate.reasons]
        own[flow.id] = FlowResult(
            id=flow.id,
            name=flow.name,
            status=status,
            score=_score(gates, status),
            regime=regime,
            gdpr=gdpr.result(),
            morocco=morocco.result(),
            reasons=tuple(reasons),
            onward=tuple(flow.onward),
        )

    final: dict[str, FlowResult] = {}

    def fold(flow_id: str) -> FlowResult:
        # Every onward flow of flow_id is already settled.
        result = own[flow_id]
        status, score = result.status, result.score
        extra: list[Reason] = []
        for child_id in sorted(set(result.onward)):
            child = final[child_id]
            status = worse(status, child.status)
            score = min(score, child.score)
            if child.status != "ready":
                extra.append(
                    _reason(
                        R.ONWARD_GAP,
                        child.status,
                        "onward",
                        child=child_id,
                        child_status=fragment(f"onward.{child.status}"),
                    )
                )
        return result.model_copy(
            update={"status": status, "score": score, "reasons": result.reasons + tuple(extra)}
        )

    def settle(flow_id: str) -> FlowResult:
        # Children before parents, with a stack instead of recursion: an onward chain may be as
        # long as the model allows (MAX_FLOWS), far deeper than Python's recursion limit. The
        # engine's checks refused cycles before this runs.
        stack = [flow_id]
        expanded: set[str] = set()
        while stack:
            current = stack[-1]
            if current in final:
                stack.pop()
                continue
            waiting = [c for c in sorted(set(own[current].onward)) if c not in final]
            if waiting:
                if current in expanded:  # its onward flows lead back to it
                    raise InvalidAssessment(f"onward flows form a cycle through {current!r}")
                expanded.add(current)
                stack.extend(waiting)
                continue
            final[stack.pop()] = fold(current)
        return final[flow_id]

    return tuple(settle(flow_id) for flow_id in sorted(own))
