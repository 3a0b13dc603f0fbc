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

**The Moroccan gate** applies when data is processed in Morocco: the processing must be declared or
authorised (Art. 12: either one; an authorisation stands in for the declaration), and authorised
for sensitive data (Law 09-08 sense: health, genetic, racial or ethnic origin, political,
religious, union), national ID numbers or criminal data (Art. 12, 21). Data leaving Morocco (the
return to the EU client and onward sub-processors included) needs, per country, a case of Art. 43
or 44 (the CNDP list; else an exact Art. 44 exception, or a CNDP authorisation under its last
paragraph) and the CNDP's transfer procedure, form F118, which the CNDP handles as a request
(Law Art. 28(11)). The F118 sets out the Decree Art. 46 particulars, plus for a country not listed
the exact exception (Decree Art. 47) or the guarantees and measures (Decree Art. 48). Granted
before the first transfer passes; filed and undecided is conditional (whether the CNDP's silence
counts as consent after the Decree Art. 28 delay is unverified); refused blocks; not filed is not
ready, and blocks for a country not listed once transfers have started by ``as_of``. A filing or
decision dated after ``as_of`` had not happened on that date.

A flow takes the worse of its gates and of its onward flows. Statuses, worst first: ``blocked``
(unlawful as things stand), ``not_ready`` (a required element missing or unknown), ``conditional``
(resting on pending items or on reference data marked unverified), ``ready``. A field left out is
unknown, never compliant. The score is the share of checks passed (a conditional check counts half),
0 for a blocked flow, and never above the score of an onward flow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Literal

from compliance import typography
from compliance.engine import tia as tia_rules
from compliance.engine.reasons import REASONS, fragment
from compliance.engine.reasons import ReasonCode as R
from compliance.errors import InvalidAssessment
from compliance.model.assessment import Assessment, Flow, flow_leaves_morocco
from compliance.model.base import Text
from compliance.model.questionnaire import Questionnaire
from compliance.model.reference import CountryList, ListEntry, ReferenceData, SccModule
from compliance.model.result import (
    FlowResult,
    FlowStatus,
    GateResult,
    Reason,
    TiaDominating,
    TiaSummary,
)
from compliance.model.tia import STEPS, canonical_decimal

__all__ = ["STATUS_ORDER", "assess_flows", "worse"]

STATUS_ORDER: dict[str, int] = {"ready": 0, "conditional": 1, "not_ready": 2, "blocked": 3}

MA = "MA"
_LAW = "law-09-08"
_DECREE = "decree-2-09-165"
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
"""A value put into a reason's sentence: the same in every language, or a text per language."""


def _joined(parts: list[Text], separator: str) -> Text:
    """``parts`` joined with the fragment ``separator``, in each language."""
    sep = fragment(separator)
    return Text(
        en=sep.en.join(p.en for p in parts),
        fr=sep.fr.join(p.fr for p in parts),
        ar=sep.get("ar").join(p.get("ar") for p in parts),
    )


def _in(lang: str, values: dict[str, Value]) -> dict[str, str]:
    return {key: v.get(lang) if isinstance(v, Text) else v for key, v in values.items()}


def _merged(*refs: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The articles of every ``refs``, by framework, each once, in order of first mention."""
    merged: dict[str, tuple[str, ...]] = {}
    for one in refs:
        for framework, articles in one.items():
            have = merged.get(framework, ())
            merged[framework] = have + tuple(a for a in articles if a not in have)
    return merged


def _reason(
    code: R,
    status: FlowStatus,
    gate: Gate,
    cites: Mapping[str, tuple[str, ...]] | None = None,
    **values: Value,
) -> Reason:
    text = REASONS[code]
    return Reason(
        code=code.value,
        status=status,
        gate=gate,
        message=Text(
            en=text.en.format(**_in("en", values)),
            fr=text.fr.format(**_in("fr", values)),
            ar=text.ar.format(**_in("ar", values)),
        ),
        refs=_merged(text.refs, cites or {}),
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

    def finding(
        self,
        code: R,
        status: FlowStatus,
        cites: Mapping[str, tuple[str, ...]] | None = None,
        **values: Value,
    ) -> None:
        """Records a check that did not pass (or passed only conditionally); ``cites`` adds
        articles to those the reason rests on."""
        self.applicable = True
        self.weights.append(Decimal("0.5") if status == "conditional" else Decimal(0))
        self.reasons.append(_reason(code, status, self.name, cites, **values))

    def note(
        self, code: R, cites: Mapping[str, tuple[str, ...]] | None = None, **values: Value
    ) -> None:
        """Records a finding that is informational (a passed check worth saying)."""
        self.reasons.append(_reason(code, "ready", self.name, cites, **values))

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
        self.analyses: dict[str, tia_rules.Analysis] = {}
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
        return Text(
            en=f"{name.en} ({code})", fr=f"{name.fr} ({code})", ar=f"{name.get('ar')} ({code})"
        )

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
            if flow.tia.structured:
                self._structured_tia(gate, flow, country)
            else:
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

    def tia_country(self, flow: Flow) -> str | None:
        """The country a flow's structured TIA assesses: the one it names, else the destination."""
        return flow.tia.country or flow.destination

    def sheet_bases(self, country: str | None) -> dict[str, Value] | None:
        """The legal bases of ``country``'s sheet, by id, with their names; None without one."""
        sheet = self.reference.sheet(country) if country else None
        if sheet is None:
            return None
        return {basis.id: basis.name for basis in sheet.bases}

    def basis_name(self, country: str | None, basis: str) -> Value:
        """A basis's name from the country sheet, with its id; the id alone without a sheet."""
        name = (self.sheet_bases(country) or {}).get(basis)
        if isinstance(name, Text):
            return Text(
                en=f"{name.en} ({basis})",
                fr=f"{name.fr} ({basis})",
                ar=f"{name.get('ar')} ({basis})",
            )
        return basis

    def _structured_tia(self, gate: _Gate, flow: Flow, country: str) -> None:
        """The EDPB's six steps for one country the data reaches (SCC Clause 14, Art. 46)."""
        tia = flow.tia
        if tia.conclusion == "not_acceptable":
            return  # already blocking the whole gate
        name = self.country_name(country)
        assessed = self.tia_country(flow)
        if assessed != country:
            gate.finding(
                R.GDPR_TIA_COUNTRY_NOT_ASSESSED,
                "not_ready",
                country=name,
                assessed=self.country_name(assessed) if assessed else "-",
            )
            return
        if tia.done is False:  # the user says it is not done yet: as the older form meant
            gate.finding(R.GDPR_TIA_MISSING, "not_ready")
        sheet = self.sheet_bases(country)
        steps = tia_rules.steps_completed(flow, sheet)
        missing = [step for step in STEPS if step not in steps]
        if missing:
            gate.finding(R.GDPR_TIA_STEPS_MISSING, "not_ready", country=name, steps=_steps(missing))
        else:
            gate.passed()
        if tia.review_by is not None:
            if tia.review_by < self.as_of:
                gate.finding(
                    R.GDPR_TIA_REVIEW_PASSED,
                    "conditional",
                    review_by=tia.review_by.isoformat(),
                    as_of=self.as_of.isoformat(),
                )
            else:
                gate.passed()
        use_case = fragment(f"use_case.{tia.use_case or 'unknown'}")
        for claim in tia_rules.ineffective_claims(tia):
            gate.note(
                R.GDPR_TIA_MEASURE_INEFFECTIVE,
                kind=fragment(f"measure.{claim.kind}"),
                measure=_shortened(claim.description),
                basis=self.basis_name(country, claim.basis),
                use_case=use_case,
            )
        neutralised = tia_rules.neutralised_bases(tia)
        quantitative = tia.quantitative
        estimated = {b.basis for b in quantitative.bases} if quantitative else set()
        for basis in tia_rules.applying_bases(tia):
            if basis in neutralised:
                gate.passed()
            elif basis not in estimated:
                gate.finding(
                    R.GDPR_TIA_BASIS_NOT_NEUTRALISED,
                    "not_ready",
                    basis=self.basis_name(country, basis),
                    country=name,
                    use_case=use_case,
                )
        if quantitative is not None:
            result = self.tia_analysis(flow).estimate
            years = str(result.period_years)
            chance, tolerance = _percent(result.probability), _percent(result.tolerance)
            if result.within_tolerance:
                gate.passed()
                gate.note(
                    R.GDPR_TIA_WITHIN_TOLERANCE,
                    country=name,
                    years=years,
                    probability=chance,
                    tolerance=tolerance,
                )
            else:
                gate.finding(
                    R.GDPR_TIA_ABOVE_TOLERANCE,
                    "not_ready",
                    country=name,
                    years=years,
                    probability=chance,
                    tolerance=tolerance,
                )

    def tia_analysis(self, flow: Flow) -> tia_rules.Analysis:
        """The estimate and sensitivity of the flow's structured TIA, computed once per flow."""
        analysis = self.analyses.get(flow.id)
        if analysis is None:
            quantitative = flow.tia.quantitative
            assert quantitative is not None
            neutralised = tia_rules.neutralised_bases(flow.tia)
            analysis = self.analyses[flow.id] = tia_rules.analyse(quantitative, neutralised)
        return analysis

    def tia_summary(self, flow: Flow) -> TiaSummary | None:
        """What the flow's structured TIA comes to, for the result; None without one."""
        tia = flow.tia
        if not tia.structured:
            return None
        steps = tia_rules.steps_completed(flow, self.sheet_bases(self.tia_country(flow)))
        quantitative = tia.quantitative
        if quantitative is None:
            return TiaSummary(steps_completed=steps)
        analysis = self.tia_analysis(flow)
        result, top = analysis.estimate, analysis.dominating
        return TiaSummary.model_validate(
            {
                "steps_completed": steps,
                "probability": result.probability,
                "tolerance": result.tolerance,
                "period_years": result.period_years,
                "dominating_input": (
                    TiaDominating.model_validate({"basis": top.basis, "input": top.input})
                    if top is not None
                    else None
                ),
            }
        )

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
        if flow_leaves_morocco(flow):
            for country in [c for c in _places(flow) if c != MA]:
                self._leaving(gate, flow, country)
        return gate

    def _formalities(self, gate: _Gate, flow: Flow) -> None:
        """Art. 12: the processing is declared, or authorised (either one; sensitive data,
        national ID numbers and criminal data need the authorisation)."""
        authorisation = flow.cndp.authorisation
        has_authorisation = authorisation is not None and authorisation.strip().lower() != "none"
        receipt = flow.cndp.declaration_receipt
        declared = receipt is not None and receipt.strip().lower() != "none"
        if declared:
            gate.passed()
        elif has_authorisation:
            assert authorisation is not None
            gate.passed()
            gate.note(R.MA_AUTHORISATION_STANDS_FOR_DECLARATION, reference=authorisation)
        elif receipt is None:
            gate.finding(R.MA_DECLARATION_UNKNOWN, "not_ready")
        else:
            gate.finding(R.MA_NOT_DECLARED, "not_ready")
        why = [f"sensitive.{c}" for c in sorted(MA_SENSITIVE & set(flow.special_categories))]
        if flow.criminal_data:
            why.append("sensitive.criminal")
        if flow.national_id:
            why.append("sensitive.national_id")
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
        """Law Art. 43-44: the country is listed, or an Art. 44 case applies; either way the
        transfer goes through the CNDP's F118 procedure, whose content depends on the case."""
        name = self.country_name(country)
        listing = self.reference.cndp_adequate
        entry = listing.entry_at(country, self.as_of) if listing else None
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
            self._f118(gate, flow, name, "listed")
            return
        basis = flow.ma_basis
        if basis is None:
            gate.finding(R.MA_BASIS_UNKNOWN, "not_ready", country=name)
            self._f118(gate, flow, name, "unlisted")
        elif basis == "none":
            gate.finding(R.MA_NO_BASIS, "blocked", country=name)
        elif basis == "listed_country":
            gate.finding(R.MA_NOT_LISTED, "not_ready", country=name)
            self._f118(gate, flow, name, "unlisted")
        else:
            grounds = {g.id: g for g in self.reference.ma_grounds}
            ground = grounds.get(basis)
            if ground is not None and not ground.verified:
                gate.finding(R.MA_GROUND_UNVERIFIED, "conditional")
            kind: F118Case = "authorisation" if basis == "cndp_authorisation" else "exception"
            self._f118(gate, flow, name, kind)

    def _f118_status(self, flow: Flow) -> str | None:
        """The F118's status on ``as_of``: a decision or filing dated later had not happened."""
        procedure = flow.cndp.transfer
        status = procedure.status
        decided, filed = procedure.decided_on, procedure.filed_on
        if status in ("granted", "refused") and decided is not None and decided > self.as_of:
            status = "filed"
        if status == "filed" and filed is not None and filed > self.as_of:
            status = "not_filed"
        return status

    def _f118(self, gate: _Gate, flow: Flow, name: Value, kind: F118Case) -> None:
        """The F118 of one country the data leaves Morocco for (Law Art. 28(11), 43, 44)."""
        procedure = flow.cndp.transfer
        status = self._f118_status(flow)
        cites = F118_REFS[kind]
        listed = kind == "listed"
        first = flow.first_transfer_date
        started = first is not None and first <= self.as_of
        late: FlowStatus = "conditional" if listed else "blocked"
        if status is None:
            gate.finding(
                R.MA_F118_UNKNOWN, "not_ready", cites, country=name, content=_content(kind)
            )
        elif status == "not_filed":
            if started and not listed:
                assert first is not None
                gate.finding(
                    R.MA_F118_NOT_FILED_TRANSFERRING,
                    "blocked",
                    cites,
                    country=name,
                    first=first.isoformat(),
                )
            else:
                gate.finding(
                    R.MA_F118_NOT_FILED, "not_ready", cites, country=name, content=_content(kind)
                )
        elif status == "refused":
            decided = procedure.decided_on
            gate.finding(R.MA_F118_REFUSED, "blocked", cites, country=name, decided=_on(decided))
        elif status == "filed":
            filed = procedure.filed_on
            if filed is not None and first is not None and filed > first:
                gate.finding(
                    R.MA_F118_FILED_AFTER_FIRST_TRANSFER,
                    late,
                    cites,
                    country=name,
                    first=first.isoformat(),
                    filed=filed.isoformat(),
                )
            gate.finding(R.MA_F118_FILED, "conditional", cites, country=name, filed=_on(filed))
        else:
            decided = procedure.decided_on
            if decided is None or first is None:
                gate.finding(R.MA_F118_DATES_UNKNOWN, "not_ready", cites, country=name)
            elif decided > first:
                gate.finding(
                    R.MA_F118_GRANTED_AFTER_FIRST_TRANSFER,
                    late,
                    cites,
                    country=name,
                    first=first.isoformat(),
                    decided=decided.isoformat(),
                )
            else:
                gate.passed()
                gate.note(R.MA_F118_GRANTED, cites, country=name, decided=decided.isoformat())


F118Case = Literal["listed", "exception", "authorisation", "unlisted"]
"""Which F118 content a country calls for: listed (Decree Art. 46), an Art. 44 exception (also
Decree Art. 47), a CNDP authorisation under Art. 44 last paragraph (also Decree Art. 48), or not
listed with no valid case given yet (Art. 47 or 48)."""

F118_REFS: dict[F118Case, dict[str, tuple[str, ...]]] = {
    "listed": {_LAW: ("43",), _DECREE: ("46",)},
    "exception": {_LAW: ("44",), _DECREE: ("46", "47")},
    "authorisation": {_LAW: ("44",), _DECREE: ("46", "48")},
    "unlisted": {_LAW: ("43", "44"), _DECREE: ("46", "47", "48")},
}
"""The articles an F118 reason rests on, by case, added to the reason's own."""


def _content(kind: F118Case) -> Text:
    return fragment(f"f118.{kind}")


def _on(day: dt.date | None) -> Value:
    """`` on DAY`` in each language, or nothing when the date is not given."""
    if day is None:
        return ""
    return Text(
        en=f" on {day.isoformat()}", fr=f" le {day.isoformat()}", ar=f" في {day.isoformat()}"
    )


def _steps(steps: list[int]) -> Text:
    """``step 3`` or ``steps 3, 5 and 6`` in each language."""
    numbers = [str(step) for step in steps]
    if len(numbers) == 1:
        return Text(en=f"step {numbers[0]}", fr=f"l'étape {numbers[0]}", ar=f"الخطوة {numbers[0]}")
    head, last = ", ".join(numbers[:-1]), numbers[-1]
    return Text(
        en=f"steps {head} and {last}",
        fr=f"les étapes {head} et {last}",
        ar=f"الخطوات {' و'.join(numbers[:-1])} و{last}",
    )


def _percent(value: Decimal) -> Text:
    """A probability as a percentage to four decimals, in each language's typography."""
    percent = (value * 100).quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN)
    if percent == 0 and value > 0:
        least = Decimal("0.0001")
        return Text(
            en=f"less than {typography.percent(least, 'en')}",
            fr=f"moins de {typography.percent(least, 'fr')}",
            ar=f"أقل من {typography.percent(least, 'ar')}",
        )
    shown = Decimal(canonical_decimal(percent))
    return Text(
        en=typography.percent(shown, "en"),
        fr=typography.percent(shown, "fr"),
        ar=typography.percent(shown, "ar"),
    )


def _shortened(text: str, limit: int = 120) -> str:
    """``text`` on one line, cut at ``limit`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "\u2026"


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
            tia=assessor.tia_summary(flow),
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
