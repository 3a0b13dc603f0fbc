"""Provides the transfer rules of engine ``compliance-engine/0.1.0``, frozen.

The 2026-12-04 release signed bundles with these rules and these sentences; a verifier re-scores a
bundle with the rules of the engine that signed it and requires the very same result bytes (ADR
0006, ADR on engine versions). So this module is never improved: a fix goes into
:mod:`compliance.engine.transfers` under a new engine version. It may only follow a rename in the
models it reads, and ``tests/signing/test_release_fixture.py`` proves it still gives that
release's bytes.

What it decided, as that release described it:

Provides transfer readiness per data flow: a GDPR gate, a Moroccan gate, and onward flows.

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

from compliance.errors import InvalidAssessment
from compliance.model.assessment import Assessment, Flow
from compliance.model.base import Text
from compliance.model.questionnaire import Questionnaire
from compliance.model.reference import CountryList, ReferenceData, SccModule
from compliance.model.result import FlowResult, FlowStatus, GateResult, Reason

__all__ = ["REASONS", "STATUS_ORDER", "assess_flows", "worse"]

STATUS_ORDER: dict[str, int] = {"ready": 0, "conditional": 1, "not_ready": 2, "blocked": 3}

MA = "MA"
TIA_REVIEW_DAYS = 365
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

_L = "law-09-08"
_D = "decree-2-09-165"
_G = "gdpr"

REASONS: dict[str, tuple[str, str, dict[str, tuple[str, ...]]]] = {
    "FLOW_DESTINATION_UNKNOWN": (
        "The destination of the flow is not given, so no transfer rule can be checked.",
        "La destination du flux n'est pas indiquée : aucune règle de transfert ne peut être "
        "vérifiée.",
        {_L: ("43",), _G: ("44",)},
    ),
    "GDPR_ADEQUATE": (
        "{country} benefits from an EU adequacy decision ({decision}).",
        "{country} bénéficie d'une décision d'adéquation de l'UE ({decision}).",
        {_G: ("45",)},
    ),
    "GDPR_ADEQUACY_UNVERIFIED": (
        "The adequacy of {country} rests on a reference list marked unverified; check it.",
        "L'adéquation de {country} repose sur une liste de référence non vérifiée ; à contrôler.",
        {_G: ("45",)},
    ),
    "GDPR_ADEQUACY_CONDITION_UNKNOWN": (
        "The adequacy decision for {country} covers only {condition}; whether the importer "
        "qualifies is not given.",
        "La décision d'adéquation pour {country} ne couvre que {condition} ; on ignore si "
        "l'importateur en relève.",
        {_G: ("45",)},
    ),
    "GDPR_MECHANISM_UNKNOWN": (
        "No transfer mechanism is given for the transfer to {country}.",
        "Aucun mécanisme de transfert n'est indiqué pour le transfert vers {country}.",
        {_G: ("44", "46")},
    ),
    "GDPR_NO_MECHANISM": (
        "Personal data subject to the GDPR goes to {country} without adequacy or an Art. 46 tool.",
        "Des données soumises au RGPD vont vers {country} sans adéquation ni garantie de "
        "l'art. 46.",
        {_G: ("44", "46")},
    ),
    "GDPR_NOT_ADEQUATE": (
        "Adequacy is claimed for {country}, but no adequacy decision covers this flow.",
        "L'adéquation est invoquée pour {country}, mais aucune décision d'adéquation ne couvre "
        "ce flux.",
        {_G: ("45",)},
    ),
    "GDPR_ART49_SYSTEMATIC": (
        "An Art. 49 derogation is used for a {frequency} flow; derogations only fit occasional "
        "transfers.",
        "Une dérogation de l'art. 49 est utilisée pour un flux {frequency} ; elle ne vaut que pour "
        "des transferts occasionnels.",
        {_G: ("49(1)",)},
    ),
    "GDPR_FREQUENCY_UNKNOWN": (
        "An Art. 49 derogation is used but the frequency of the flow is not given.",
        "Une dérogation de l'art. 49 est utilisée mais la fréquence du flux n'est pas indiquée.",
        {_G: ("49(1)",)},
    ),
    "GDPR_ROLES_UNKNOWN": (
        "The GDPR roles of exporter and importer are needed to check the SCC module.",
        "Les rôles RGPD de l'exportateur et de l'importateur sont nécessaires pour vérifier le "
        "module des CCT.",
        {_G: ("46(2)(c)",)},
    ),
    "GDPR_SCC_MODULE_MISMATCH": (
        "{module} does not fit a {exporter_role} exporting to a {importer_role}; use {expected}.",
        "{module} ne convient pas à un exportateur {exporter_role} vers un importateur "
        "{importer_role} ; utilisez {expected}.",
        {_G: ("46(2)(c)",)},
    ),
    "GDPR_SCC_NOT_SIGNED": (
        "The standard contractual clauses are not signed.",
        "Les clauses contractuelles types ne sont pas signées.",
        {_G: ("46(2)(c)",)},
    ),
    "GDPR_SCC_SIGNATURE_UNKNOWN": (
        "Whether the standard contractual clauses are signed is not given.",
        "On ignore si les clauses contractuelles types sont signées.",
        {_G: ("46(2)(c)",)},
    ),
    "GDPR_TIA_NOT_ACCEPTABLE": (
        "The transfer impact assessment concludes the transfer is not acceptable.",
        "L'analyse d'impact du transfert conclut que le transfert n'est pas acceptable.",
        {_G: ("44", "46(1)")},
    ),
    "GDPR_TIA_MISSING": (
        "No transfer impact assessment is recorded for this flow.",
        "Aucune analyse d'impact du transfert n'est enregistrée pour ce flux.",
        {_G: ("46(1)",)},
    ),
    "GDPR_TIA_CONCLUSION_UNKNOWN": (
        "The conclusion of the transfer impact assessment is not given.",
        "La conclusion de l'analyse d'impact du transfert n'est pas indiquée.",
        {_G: ("46(1)",)},
    ),
    "GDPR_TIA_REVIEW_DUE": (
        "The transfer impact assessment is undated or more than a year old on {as_of}; review it.",
        "L'analyse d'impact du transfert n'est pas datée ou date de plus d'un an au {as_of} ; "
        "révisez-la.",
        {_G: ("46(1)",)},
    ),
    "GDPR_MEASURES_MISSING": (
        "The transfer impact assessment calls for supplementary measures and none is in place.",
        "L'analyse d'impact du transfert exige des mesures supplémentaires et aucune n'est en "
        "place.",
        {_G: ("46(1)",)},
    ),
    "GDPR_MEASURES_PLANNED": (
        "Supplementary measures are promised but not yet in place.",
        "Des mesures supplémentaires sont prévues mais pas encore en place.",
        {_G: ("46(1)",)},
    ),
    "GDPR_DPA_MISSING": (
        "No Art. 28 data processing agreement binds the importing processor.",
        "Aucun contrat de sous-traitance (art. 28) ne lie le sous-traitant importateur.",
        {_G: ("28(3)",), _L: ("23",)},
    ),
    "GDPR_DPA_UNKNOWN": (
        "Whether an Art. 28 data processing agreement is signed is not given.",
        "On ignore si un contrat de sous-traitance (art. 28) est signé.",
        {_G: ("28(3)",), _L: ("23",)},
    ),
    "GDPR_SUBPROCESSOR_NOT_AUTHORISED": (
        "The sub-processor is not authorised by the controller.",
        "Le sous-traitant ultérieur n'est pas autorisé par le responsable du traitement.",
        {_G: ("28(2)", "28(4)")},
    ),
    "GDPR_SUBPROCESSOR_AUTHORISATION_UNKNOWN": (
        "Whether the controller authorised this sub-processor is not given.",
        "On ignore si le responsable du traitement a autorisé ce sous-traitant ultérieur.",
        {_G: ("28(2)", "28(4)")},
    ),
    "REGIME_OUTSIDE_EU": (
        "The exporter is subject to {regime}, outside the EU rules' scope: assess it under that "
        "law.",
        "L'exportateur relève de {regime}, hors du champ des règles de l'UE : évaluez le flux "
        "selon ce droit.",
        {},
    ),
    "MA_DECLARATION_UNKNOWN": (
        "The CNDP declaration receipt for this processing is not given.",
        "Le récépissé de déclaration CNDP de ce traitement n'est pas indiqué.",
        {_L: ("12", "13")},
    ),
    "MA_NOT_DECLARED": (
        "The processing in Morocco is not declared to the CNDP.",
        "Le traitement au Maroc n'est pas déclaré à la CNDP.",
        {_L: ("12", "13")},
    ),
    "MA_SENSITIVITY_UNKNOWN": (
        "Whether the flow carries criminal data or national ID numbers is not given, so the need "
        "for a CNDP authorisation cannot be ruled out.",
        "On ignore si le flux contient des données pénales ou des numéros d'identité nationale : "
        "le besoin d'une autorisation CNDP ne peut être écarté.",
        {_L: ("12",)},
    ),
    "MA_AUTHORISATION_UNKNOWN": (
        "The processing needs a CNDP authorisation ({why}); its reference is not given.",
        "Le traitement exige une autorisation CNDP ({why}) ; sa référence n'est pas indiquée.",
        {_L: ("12", "21")},
    ),
    "MA_PROCESSING_NOT_AUTHORISED": (
        "The processing needs a CNDP authorisation ({why}) and has none.",
        "Le traitement exige une autorisation CNDP ({why}) et n'en a pas.",
        {_L: ("12", "21")},
    ),
    "MA_LISTED": (
        "{country} is on the CNDP list of states with adequate protection.",
        "{country} figure sur la liste CNDP des États assurant une protection suffisante.",
        {_L: ("43",)},
    ),
    "MA_LIST_UNVERIFIED": (
        "Whether {country} is on the CNDP list rests on reference data marked unverified; check "
        "the deliberation.",
        "L'inscription de {country} sur la liste CNDP repose sur des données non vérifiées ; "
        "vérifiez la délibération.",
        {_L: ("43",)},
    ),
    "MA_TRANSFER_DECLARATION_UNKNOWN": (
        "The declaration of the transfer to {country} with its Decree Art. 46 particulars is not "
        "given.",
        "La déclaration du transfert vers {country} avec les mentions de l'art. 46 du décret n'est "
        "pas indiquée.",
        {_L: ("43",), _D: ("46",)},
    ),
    "MA_TRANSFER_NOT_DECLARED": (
        "The transfer to {country} is not declared to the CNDP.",
        "Le transfert vers {country} n'est pas déclaré à la CNDP.",
        {_L: ("43", "44"), _D: ("46", "47")},
    ),
    "MA_BASIS_UNKNOWN": (
        "{country} is not on the CNDP list and no Art. 44 ground or authorisation is given.",
        "{country} ne figure pas sur la liste CNDP et aucun motif de l'art. 44 ni autorisation "
        "n'est indiqué.",
        {_L: ("44",), _D: ("47", "48")},
    ),
    "MA_NO_BASIS": (
        "Data leaves Morocco for {country}, not on the CNDP list, with no Art. 44 ground and no "
        "CNDP authorisation.",
        "Des données quittent le Maroc vers {country}, hors liste CNDP, sans motif de l'art. 44 "
        "ni autorisation de la CNDP.",
        {_L: ("43", "44")},
    ),
    "MA_NOT_LISTED": (
        "The flow relies on the CNDP list, but {country} is not on it as recorded.",
        "Le flux s'appuie sur la liste CNDP, mais {country} n'y figure pas selon les données "
        "enregistrées.",
        {_L: ("43",)},
    ),
    "MA_GROUND_UNVERIFIED": (
        "The Art. 44 ground relied on is marked unverified in the reference data.",
        "Le motif de l'art. 44 invoqué est marqué non vérifié dans les données de référence.",
        {_L: ("44",), _D: ("47",)},
    ),
    "MA_AUTHORISATION_STATUS_UNKNOWN": (
        "The transfer relies on a CNDP authorisation whose status is not given.",
        "Le transfert repose sur une autorisation CNDP dont le statut n'est pas indiqué.",
        {_L: ("44",), _D: ("48",)},
    ),
    "MA_AUTHORISATION_DATES_UNKNOWN": (
        "The date of the CNDP authorisation or of the first transfer is not given, so the order "
        "cannot be checked.",
        "La date de l'autorisation CNDP ou du premier transfert n'est pas indiquée : l'ordre ne "
        "peut être vérifié.",
        {_L: ("44",), _D: ("46", "48")},
    ),
    "MA_AUTHORISED_AFTER_FIRST_TRANSFER": (
        "The first transfer ({first}) came before the CNDP authorisation ({granted}).",
        "Le premier transfert ({first}) a précédé l'autorisation de la CNDP ({granted}).",
        {_L: ("44",), _D: ("48",)},
    ),
    "MA_AUTHORISATION_PENDING": (
        "The CNDP authorisation is pending; the transfer must not start before it is granted.",
        "L'autorisation de la CNDP est en attente ; le transfert ne doit pas commencer avant.",
        {_L: ("44",), _D: ("48",)},
    ),
    "MA_TRANSFERRING_WITHOUT_AUTHORISATION": (
        "Transfers started on {first} without a granted CNDP authorisation.",
        "Les transferts ont commencé le {first} sans autorisation accordée par la CNDP.",
        {_L: ("44",), _D: ("48",)},
    ),
    "MA_AUTHORISATION_REFUSED": (
        "The CNDP refused the authorisation of this transfer.",
        "La CNDP a refusé l'autorisation de ce transfert.",
        {_L: ("44",), _D: ("48",)},
    ),
    "MA_AUTHORISATION_NOT_REQUESTED": (
        "The transfer relies on a CNDP authorisation that has not been requested.",
        "Le transfert repose sur une autorisation de la CNDP qui n'a pas été demandée.",
        {_L: ("44",), _D: ("48",)},
    ),
    "ONWARD_GAP": (
        "Onward flow {child} is {child_status}.",
        "Le flux ultérieur {child} est {child_status}.",
        {_G: ("44",), _L: ("44",)},
    ),
}

_STATUS_FR = {
    "ready": "prêt",
    "conditional": "prêt sous conditions",
    "not_ready": "pas prêt",
    "blocked": "bloqué",
}


def worse(a: FlowStatus, b: FlowStatus) -> FlowStatus:
    """The worse of two statuses."""
    return a if STATUS_ORDER[a] >= STATUS_ORDER[b] else b


Value = str | Text
"""A value put into a reason's sentence: the same in both languages, or a text per language."""

_FREQUENCY = {
    "one_off": Text(en="one-off", fr="ponctuel"),
    "periodic": Text(en="periodic", fr="périodique"),
    "continuous": Text(en="continuous", fr="continu"),
}
_CONDITION = {
    "dpf_certified": Text(
        en="organisations certified under the EU-US Data Privacy Framework",
        fr="les organisations certifiées au titre du cadre de protection des données UE-États-Unis",
    ),
    "commercial_org": Text(en="commercial organisations", fr="les organisations commerciales"),
}


def _in(lang: str, values: dict[str, Value]) -> dict[str, str]:
    return {key: v.get(lang) if isinstance(v, Text) else v for key, v in values.items()}


def _reason(code: str, status: FlowStatus, gate: Gate, **values: Value) -> Reason:
    en, fr, refs = REASONS[code]
    return Reason(
        code=code,
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

    def finding(self, code: str, status: FlowStatus, **values: Value) -> None:
        """Records a check that did not pass (or passed only conditionally)."""
        self.applicable = True
        self.weights.append(Decimal("0.5") if status == "conditional" else Decimal(0))
        self.reasons.append(_reason(code, status, self.name, **values))

    def note(self, code: str, **values: Value) -> None:
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
        self.eea = {e.country for e in self.reference.eea.entries} if self.reference.eea else set()
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
        """The country's name in each language, with its code."""
        name = self.reference.countries.get(code)
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
                    "REGIME_OUTSIDE_EU",
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
            gate.finding("GDPR_TIA_NOT_ACCEPTABLE", "blocked")
        for country in third:
            self._gdpr_country(gate, flow, country)
        if flow.importer.role in ("processor", "sub_processor"):
            self._processor_contract(gate, flow)
        return gate

    def _adequacy(self, gate: _Gate, flow: Flow, country: str) -> bool | None:
        adequacy: CountryList | None = self.reference.eu_adequacy
        entry = adequacy.entry(country) if adequacy else None
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
                "GDPR_ADEQUACY_CONDITION_UNKNOWN",
                "not_ready",
                country=name,
                condition=_CONDITION[entry.condition or "commercial_org"],
            )
            return None
        if not qualifies:
            return False
        if adequacy.is_verified(entry):
            gate.passed()
        else:
            gate.finding("GDPR_ADEQUACY_UNVERIFIED", "conditional", country=name)
        gate.note("GDPR_ADEQUATE", country=name, decision=entry.decision or adequacy.source)
        return True

    def _gdpr_country(self, gate: _Gate, flow: Flow, country: str) -> None:
        name = self.country_name(country)
        adequate = self._adequacy(gate, flow, country)
        if adequate:
            return
        mechanism = flow.gdpr_mechanism
        if mechanism is None:
            if adequate is False:
                gate.finding("GDPR_MECHANISM_UNKNOWN", "not_ready", country=name)
            return
        if mechanism == "none":
            gate.finding("GDPR_NO_MECHANISM", "blocked", country=name)
        elif mechanism == "adequacy":
            gate.finding("GDPR_NOT_ADEQUATE", "blocked", country=name)
        elif mechanism.startswith("art49"):
            if flow.frequency is None:
                gate.finding("GDPR_FREQUENCY_UNKNOWN", "not_ready")
            elif flow.frequency == "one_off":
                gate.passed()
            else:
                gate.finding(
                    "GDPR_ART49_SYSTEMATIC", "blocked", frequency=_FREQUENCY[flow.frequency]
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
            gate.finding("GDPR_ROLES_UNKNOWN", "not_ready")
        elif module is not None:
            if exporter_role in module.exporter_role and importer_role in module.importer_role:
                gate.passed()
            else:
                fitting = [
                    m.title.en
                    for m in self.reference.scc_modules
                    if exporter_role in m.exporter_role and importer_role in m.importer_role
                ]
                gate.finding(
                    "GDPR_SCC_MODULE_MISMATCH",
                    "not_ready",
                    module=module.title.en,
                    exporter_role=exporter_role,
                    importer_role=importer_role,
                    expected=" or ".join(fitting) or "another tool",
                )
        signed = flow.contract.scc_signed
        if signed is None:
            gate.finding("GDPR_SCC_SIGNATURE_UNKNOWN", "not_ready")
        elif signed:
            gate.passed()
        else:
            gate.finding("GDPR_SCC_NOT_SIGNED", "blocked")

    def _tia(self, gate: _Gate, flow: Flow) -> None:
        tia = flow.tia
        if tia.conclusion == "not_acceptable":
            return  # already blocking the whole gate
        if tia.done is not True:
            gate.finding("GDPR_TIA_MISSING", "not_ready")
            return
        if tia.date is None or (self.as_of - tia.date).days > TIA_REVIEW_DAYS:
            gate.finding("GDPR_TIA_REVIEW_DUE", "conditional", as_of=self.as_of.isoformat())
        else:
            gate.passed()
        if tia.conclusion is None:
            gate.finding("GDPR_TIA_CONCLUSION_UNKNOWN", "not_ready")
        elif tia.conclusion == "measures_needed":
            if SUPPLEMENTARY & set(flow.measures):
                gate.passed()
            elif SUPPLEMENTARY & set(flow.measures_planned):
                gate.finding("GDPR_MEASURES_PLANNED", "conditional")
            else:
                gate.finding("GDPR_MEASURES_MISSING", "not_ready")
        else:
            gate.passed()

    def _processor_contract(self, gate: _Gate, flow: Flow) -> None:
        dpa = flow.contract.dpa_art28
        if dpa is None:
            gate.finding("GDPR_DPA_UNKNOWN", "not_ready")
        elif dpa:
            gate.passed()
        else:
            gate.finding("GDPR_DPA_MISSING", "not_ready")
        if flow.importer.role == "sub_processor":
            authorised = flow.contract.subprocessors_authorised
            if authorised is None:
                gate.finding("GDPR_SUBPROCESSOR_AUTHORISATION_UNKNOWN", "not_ready")
            elif authorised:
                gate.passed()
            else:
                gate.finding("GDPR_SUBPROCESSOR_NOT_AUTHORISED", "not_ready")

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
            gate.finding("MA_DECLARATION_UNKNOWN", "not_ready")
        elif receipt.strip().lower() == "none":
            gate.finding("MA_NOT_DECLARED", "not_ready")
        else:
            gate.passed()
        why = sorted(MA_SENSITIVE & set(flow.special_categories))
        if flow.criminal_data:
            why.append("criminal data")
        if flow.national_id:
            why.append("national ID numbers")
        authorisation = flow.cndp.authorisation
        has_authorisation = authorisation is not None and authorisation.strip().lower() != "none"
        if why:
            reasons = ", ".join(why)
            if authorisation is None:
                gate.finding("MA_AUTHORISATION_UNKNOWN", "not_ready", why=reasons)
            elif not has_authorisation:
                gate.finding("MA_PROCESSING_NOT_AUTHORISED", "blocked", why=reasons)
            else:
                gate.passed()
        elif (flow.criminal_data is None or flow.national_id is None) and not has_authorisation:
            gate.finding("MA_SENSITIVITY_UNKNOWN", "not_ready")

    def _leaving(self, gate: _Gate, flow: Flow, country: str) -> None:
        name = self.country_name(country)
        listing = self.reference.cndp_adequate
        entry = listing.entry(country) if listing else None
        declaration = flow.cndp.transfer_declaration
        declared = declaration is not None and declaration.strip().lower() != "none"
        if listing is not None and entry is not None:
            gate.note("MA_LISTED", country=name)
            if not listing.is_verified(entry):
                gate.finding("MA_LIST_UNVERIFIED", "conditional", country=name)
            self._declared(gate, declaration, declared, name)
            return
        basis = flow.ma_basis
        if basis is None:
            gate.finding("MA_BASIS_UNKNOWN", "not_ready", country=name)
        elif basis == "none":
            gate.finding("MA_NO_BASIS", "blocked", country=name)
        elif basis == "listed_country":
            gate.finding("MA_NOT_LISTED", "not_ready", country=name)
        elif basis == "cndp_authorisation":
            self._authorisation(gate, flow)
        else:
            grounds = {g.id: g for g in self.reference.ma_grounds}
            ground = grounds.get(basis)
            if ground is not None and not ground.verified:
                gate.finding("MA_GROUND_UNVERIFIED", "conditional")
            self._declared(gate, declaration, declared, name)

    @staticmethod
    def _declared(gate: _Gate, declaration: str | None, declared: bool, name: Value) -> None:
        if declaration is None:
            gate.finding("MA_TRANSFER_DECLARATION_UNKNOWN", "not_ready", country=name)
        elif not declared:
            gate.finding("MA_TRANSFER_NOT_DECLARED", "not_ready", country=name)
        else:
            gate.passed()

    def _authorisation(self, gate: _Gate, flow: Flow) -> None:
        auth = flow.cndp.transfer_authorisation
        first = flow.first_transfer_date
        started = first is not None and first <= self.as_of
        if auth.status is None:
            gate.finding("MA_AUTHORISATION_STATUS_UNKNOWN", "not_ready")
        elif auth.status == "granted":
            if auth.date is None or first is None:
                gate.finding("MA_AUTHORISATION_DATES_UNKNOWN", "not_ready")
            elif auth.date > first:
                gate.finding(
                    "MA_AUTHORISED_AFTER_FIRST_TRANSFER",
                    "blocked",
                    first=first.isoformat(),
                    granted=auth.date.isoformat(),
                )
            else:
                gate.passed()
        elif auth.status == "refused":
            gate.finding("MA_AUTHORISATION_REFUSED", "blocked")
        elif started:
            assert first is not None
            gate.finding(
                "MA_TRANSFERRING_WITHOUT_AUTHORISATION", "blocked", first=first.isoformat()
            )
        elif auth.status == "pending":
            gate.finding("MA_AUTHORISATION_PENDING", "conditional")
        else:
            gate.finding("MA_AUTHORISATION_NOT_REQUESTED", "not_ready")


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
            general.finding("FLOW_DESTINATION_UNKNOWN", "not_ready")
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
                        "ONWARD_GAP",
                        child.status,
                        "onward",
                        child=child_id,
                        child_status=Text(
                            en=child.status.replace("_", " "), fr=_STATUS_FR[child.status]
                        ),
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
