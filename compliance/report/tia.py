"""Provides the view of a transfer impact assessment (TIA) document: what its templates print.

One TIA per flow (``flows[].tia``, :mod:`compliance.model.tia`), laid out as the EDPB's six steps:
the transfer and the tool (read from the flow), the destination's country sheet with the
assessment of each legal basis, the supplementary measures (with a warning for a measure that
cannot be effective in the flow's use case), the quantitative estimate with its inputs and
sensitivity, the procedural steps, the re-evaluation date and triggers, the conclusion and the
sources. The figures come from the engine (:mod:`compliance.engine.tia`); this module only words
and formats them, as :mod:`compliance.report.view` does for the report. Every string is plain
text; the templates escape it. The chart is the only markup (:mod:`compliance.report.tia_chart`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from markupsafe import Markup

from compliance import typography
from compliance.engine.citations import cite
from compliance.engine.findings import shown_findings
from compliance.errors import ReportError
from compliance.model.assessment import Assessment, Flow
from compliance.model.country_sheet import CountrySheet, LegalBasis
from compliance.model.questionnaire import Questionnaire
from compliance.model.reference import ReferenceData
from compliance.model.result import FlowResult, Result
from compliance.model.tia import EFFECTIVE_USE_CASES, INPUTS, Tia
from compliance.report import tia_chart
from compliance.report.bidi import RTL, direction, html, ltr, text_direction
from compliance.report.formatting import long_date
from compliance.report.strings import labels, strings
from compliance.report.tia_strings import INPUT_NAMES, SOURCES, USE_CASE_NAMES, pick, tia_strings

__all__ = [
    "BasisView",
    "CalculationView",
    "MeasureView",
    "SensitivityRow",
    "SourceView",
    "TiaView",
    "build_tia",
    "flows_with_tia",
    "probability",
    "tia_country",
]


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    value: str | None


@dataclass(frozen=True, slots=True)
class GuaranteeView:
    letter: str
    name: str
    verdict: str
    """``met``, ``partly_met``, ``not_met``, ``unclear`` or ``none``: how the template styles it."""
    verdict_label: str
    assessment: str | None
    assessor: str | None
    """The assessor's own reading, worded, when it differs from the sheet's."""


@dataclass(frozen=True, slots=True)
class SourceView:
    citation: str
    where: str | None
    primary: bool
    kind: str
    shown_where: str | None = None
    """The address as printed in Markdown: isolated in a right-to-left document."""


@dataclass(frozen=True, slots=True)
class BasisView:
    id: str
    shown_id: str
    """The id as printed: isolated from the text around it in a right-to-left document."""
    name: str
    kind: str | None
    on_sheet: bool
    applies: str
    """``yes``, ``no`` or ``unknown``."""
    applies_label: str
    justification: str | None
    allows: str | None
    compelled: str | None
    oversight: str | None
    redress: str | None
    verified: bool
    verified_label: str
    caveat: str | None
    guarantees: tuple[GuaranteeView, ...]
    sources: tuple[SourceView, ...]


@dataclass(frozen=True, slots=True)
class MeasureView:
    kind: str
    kind_label: str
    description: str
    neutralises: str | None
    warning: str | None


@dataclass(frozen=True, slots=True)
class InputRow:
    basis: str
    values: tuple[str, ...]
    """The four inputs as written, in :data:`~compliance.model.tia.INPUTS` order."""
    yearly: str
    justifications: tuple[tuple[str, str], ...]
    """(input name, text), or one ("", text) for a single justification."""


@dataclass(frozen=True, slots=True)
class SensitivityRow:
    input: str
    basis: str
    value: str
    halved: str
    doubled: str
    dominant: bool


@dataclass(frozen=True, slots=True)
class CalculationView:
    input_names: tuple[str, ...]
    period: str
    tolerance: str
    result: str | None
    within: bool | None
    result_sentence: str | None
    inputs: tuple[InputRow, ...]
    sensitivity: tuple[SensitivityRow, ...]
    dominant: str | None
    chart: Markup
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class StepItem:
    text: str
    state: str
    state_label: str


@dataclass(frozen=True, slots=True)
class TiaView:
    """Everything one TIA document prints."""

    lang: str
    dir: str
    """``rtl`` for Arabic, else ``ltr``."""
    s: Mapping[str, str]
    anchor: str
    title: str
    flow_id: str
    shown_flow_id: str
    calc_intro: str
    flow_name: str
    country: str
    step3_title: str
    step3_intro: str
    country_sources_title: str
    status: str | None
    status_label: str | None
    facts: tuple[Row, ...]
    conclusion: tuple[str, ...]
    findings: tuple[str, ...]
    transfer: tuple[Row, ...]
    tool: tuple[Row, ...]
    sheet_title: str | None
    sheet_summary: str | None
    sheet_context: str | None
    sheet_note: str
    bases: tuple[BasisView, ...]
    use_case: str | None
    use_case_note: str
    measures: tuple[MeasureView, ...]
    calculation: CalculationView | None
    procedural: tuple[StepItem, ...] | None
    review_by: str | None
    review_overdue: str | None
    triggers: tuple[str, ...]
    method_sources: tuple[str, ...]
    country_sources: tuple[SourceView, ...]
    colophon: str
    charts: bool
    dir_of: Callable[[str], str] = text_direction
    """The direction of a value (``ltr`` / ``rtl``): the HTML templates hold a value written in
    another script than the document's in ``<bdi dir=…>``."""
    html: Callable[[str], Markup] = html
    """A value for the HTML templates, its isolates as ``<bdi>`` elements (see
    :func:`compliance.report.bidi.html`)."""

    def say(self, value: str) -> str | Markup:
        """``value`` (a name, a text typed or not translated yet) as the HTML templates print
        it: as it is in a left-to-right document; in a right-to-left one, held in a ``<bdi>`` of
        its own direction so its lines are not reordered. A method rather than a template macro:
        the document calls it some 150 times, and a Jinja macro call costs several times more
        (benchmarks/bench_report.py)."""
        if self.dir != "rtl":
            return value
        return Markup('<bdi dir="%s">%s</bdi>') % (self.dir_of(value), self.html(value))


def flows_with_tia(assessment: Assessment) -> tuple[Flow, ...]:
    """The flows whose TIA is structured (more than the older three fields), in file order."""
    return tuple(flow for flow in assessment.flows if flow.tia.structured)


def tia_country(flow: Flow) -> str | None:
    """The destination a flow's TIA assesses: its own ``country``, else the flow's destination
    country (an international organisation is not a country), else the importer's."""
    if flow.tia.country is not None:
        return flow.tia.country
    destination = flow.destination
    if destination is not None and not destination.startswith("org:"):
        return destination
    return flow.importer.country


_HUNDRED = Decimal(100)


def probability(value: Decimal, lang: str) -> str:
    """A probability as a percentage: two decimals (``0.74%``, ``0,74 %`` in French), or two
    significant digits for a smaller one (``0.0012%``) so that a small risk never reads as zero."""
    percent = value * _HUNDRED
    places = 2
    if 0 < percent < Decimal("0.01"):
        places = 1 - percent.adjusted()
    return typography.percent(percent.quantize(Decimal(1).scaleb(-places)), lang, places)


def years_text(years: int, lang: str) -> str:
    """A number of years as the language's sentences take it: the bare number in English and
    French (their strings say "years"), the counted noun in Arabic (سنة واحدة، سنتين، 5 سنوات،
    12 سنة)."""
    if lang != "ar":
        return str(years)
    if years == 1:
        return "سنة واحدة"
    if years == 2:
        return "سنتين"
    return f"{years} سنوات" if 3 <= years <= 10 else f"{years} سنة"


_FORMULA = "1 − Π (1 − p)ⁿ"
"""The probability over the period as a formula, for the Arabic text (isolated left to right)."""

_ARABIC_LETTERS = {"a": "أ", "b": "ب", "c": "ج", "d": "د"}
"""The four guarantees' letters in Arabic, as the Arabic step 3 introduction writes them."""


def decimal_text(value: Decimal, lang: str) -> str:
    """An input as given (``0.05``; ``0,05`` in French)."""
    return typography.number(value.normalize() if value else Decimal(0), lang, None)


class _Builder:
    def __init__(
        self,
        questionnaire: Questionnaire,
        assessment: Assessment,
        result: Result,
        flow: Flow,
        *,
        country: str,
        lang: str,
        with_charts: bool,
    ) -> None:
        self.q, self.a, self.r, self.flow, self.lang = questionnaire, assessment, result, flow, lang
        self.tia: Tia = flow.tia
        self.code = country
        self.s = tia_strings(lang)
        self.rs = strings(lang)
        self.reference = questionnaire.reference or ReferenceData()
        self.sheet: CountrySheet | None = self.reference.sheet(country)
        self.with_charts = with_charts
        self.fr: FlowResult | None = next((f for f in result.flows if f.id == flow.id), None)
        self.names: dict[str, str] = {}
        """Basis names by id, filled on first use."""

    def t(self, key: str, **values: object) -> str:
        text = self.s[key]
        return text.format(**values) if values else text

    def country(self, code: str | None) -> str:
        """``Morocco (MA)`` (the bare code when not named), isolated as one unit in Arabic so
        that a name left in English keeps its code beside it and a route its order."""
        if code is None:
            return self.s["not_given"]
        name = self.reference.countries.get(code)
        return self.ltr(f"{name.get(self.lang)} ({code})" if name else code)

    def day(self, value: date | None) -> str | None:
        """A date: ISO 8601 in English and French, written out in Arabic (``4 دجنبر 2026``)."""
        if value is None:
            return None
        return long_date(value, "ar") if self.lang == "ar" else value.isoformat()

    def join(self, items: Iterable[str]) -> str:
        """A list as the language writes it: ``a, b``; in Arabic ``a، b`` with each item isolated,
        so that items typed in Latin letters still read from right to left."""
        if self.lang == "ar":
            return "، ".join(self.ltr(item) for item in items)
        return ", ".join(items)

    def ltr(self, text: str) -> str:
        """A value isolated in Arabic (FSI: its direction is its own first letter's): an id, a
        name or a text typed or written in another script, so that its final full stop or
        parenthesis is not moved by the Arabic around it."""
        return ltr(text, self.lang)

    def maybe(self, text: str | None) -> str | None:
        return None if text is None else self.ltr(text)

    def count(self, value: int) -> str:
        """A whole number with its thousands grouped (``1,200,000``; ``1 200 000`` in French)."""
        return typography.number(value, self.lang, 0, group=True)

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return self.s["unknown"]
        return self.s["yes"] if value else self.s["no"]

    def text(self, value: object) -> str:
        """A :class:`~compliance.model.base.Text` of the reference data in the language."""
        return str(value.get(self.lang)) if hasattr(value, "get") else str(value)

    # --- cover and conclusion -------------------------------------------------------------

    def facts(self) -> tuple[Row, ...]:
        s, flow, tia = self.s, self.flow, self.tia
        assessor = self.a.assessor
        used = self.r.reference
        comma = "، " if self.lang == "ar" else ", "
        as_of = long_date(self.r.as_of, self.lang)
        rows = [
            Row(s["flow"], f"{self.ltr(flow.name)} ({self.ltr(flow.id)})"),
            Row(
                s["exporter"],
                f"{self.ltr(flow.exporter.name)}{comma}{self.country(flow.exporter.country)}",
            ),
            Row(
                s["importer"],
                f"{self.ltr(flow.importer.name)}{comma}{self.country(flow.importer.country)}",
            ),
            Row(s["destination"], self.country(self.code)),
            Row(s["date"], self.day(tia.date)),
            Row(s["review_by"], self.day(tia.review_by)),
            Row(s["assessor"], self.ltr(assessor.name) if assessor else None),
            Row(s["as_of"], f"{as_of} ({self.ltr(self.r.as_of.isoformat())})"),
            Row(
                s["questionnaire"],
                f"{self.q.title.get(self.lang)} "
                f"({self.ltr(f'{self.r.questionnaire.id} {self.r.questionnaire.version}')})",
            ),
            Row(
                s["reference"],
                None if used is None else self.ltr(f"{used.id} {used.version}"),
            ),
            Row(s["engine"], self.ltr(self.r.engine)),
        ]
        return tuple(rows)

    def findings(self) -> tuple[str, ...]:
        if self.fr is None:
            return ()
        separator = {"fr": f"{typography.NBSP}; ", "ar": "؛ "}.get(self.lang, "; ")
        found = []
        for reason in shown_findings(self.fr):
            if reason.gate != "gdpr":
                continue
            cited = cite(reason.refs, self.q, self.lang, separator=separator)
            message = reason.message.get(self.lang)
            if reason.status != "ready":  # a finding; a ready reason is a note or a warning
                message = f"[{self.rs[f'status_{reason.status}']}] {message}"
            found.append(message + (f" ({cited})" if cited else ""))
        return tuple(found)

    def conclusion(self, calculation: CalculationView | None) -> tuple[str, ...]:
        sentences = []
        if calculation is not None and calculation.result_sentence is not None:
            sentences.append(calculation.result_sentence)
        if self.tia.conclusion is not None:
            sentences.append(
                self.t("conclusion_asserted", conclusion=self.s[f"concl_{self.tia.conclusion}"])
            )
        return tuple(sentences)

    # --- steps 1 and 2 --------------------------------------------------------------------

    def transfer(self) -> tuple[Row, ...]:
        flow, ws = self.flow, self.rs
        special = labels("special", self.lang)
        modes = labels("mode", self.lang)
        frequencies = labels("frequency", self.lang)

        def countries(codes: tuple[str, ...]) -> str | None:
            return self.join(self.country(c) for c in codes) or None

        names = {f.id: f.name for f in self.a.flows}
        rows = [
            Row(ws["w_purpose"], self.maybe(flow.purpose)),
            Row(ws["w_file"], self.maybe(flow.description)),
            Row(ws["scc_data"], self.join(flow.data_categories) or None),
            Row(ws["scc_subjects"], self.join(flow.subject_categories) or None),
            Row(
                ws["scc_sensitive"],
                self.join(special.get(c, c) for c in flow.special_categories)
                or ws["scc_no_sensitive"],
            ),
            Row(self.s["criminal"], self.yes_no(flow.criminal_data)),
            Row(self.s["national_id"], self.yes_no(flow.national_id)),
            Row(
                ws["w_subjects"],
                None if flow.subjects_count is None else self.count(flow.subjects_count),
            ),
            Row(self.s["frequency"], frequencies.get(flow.frequency) if flow.frequency else None),
            Row(self.s["mode"], modes.get(flow.mode) if flow.mode else None),
            Row(self.s["route"], self.route()),
            Row(self.s["storage"], countries(flow.storage_locations)),
            Row(self.s["access"], countries(flow.access_locations)),
            Row(
                ws["onward_flows"],
                self.join(f"{names.get(i, i)} ({self.ltr(i)})" for i in flow.onward) or None,
            ),
            Row(ws["w_first"], self.day(flow.first_transfer_date)),
        ]
        return tuple(rows)

    def route(self) -> str:
        flow = self.flow
        origin = flow.origin or flow.exporter.country
        if self.lang == "ar":  # read right to left: the arrow points from origin to destination
            return f"{self.country(origin)} ← {self.country(self.code)}"
        return f"{self.country(origin)} → {self.country(self.code)}"

    def tool(self) -> tuple[Row, ...]:
        flow, ws = self.flow, self.rs
        titles: dict[str, str] = {m.id: self.text(m.title) for m in self.reference.scc_modules}
        titles.update({d.id: self.text(d.title) for d in self.reference.gdpr_derogations})
        titles.update(labels("mechanism", self.lang))
        mechanism = flow.gdpr_mechanism
        measures = labels("measure", self.lang)
        return (
            Row(ws["scc_module"], titles.get(mechanism, mechanism) if mechanism else None),
            Row(self.s["scc_signed"], self.yes_no(flow.contract.scc_signed)),
            Row(self.s["dpa_art28"], self.yes_no(flow.contract.dpa_art28)),
            Row(self.s["measures"], self.join(measures.get(m, m) for m in flow.measures) or None),
        )

    # --- step 3 ---------------------------------------------------------------------------

    def source(self, source: object) -> SourceView:
        citation = self.ltr(str(getattr(source, "citation", "")))
        where = getattr(source, "url", None) or getattr(source, "official", None)
        primary = bool(getattr(source, "primary", False))
        return SourceView(
            citation,
            where,
            primary,
            self.s["primary"] if primary else self.s["secondary"],
            None if where is None else self.ltr(str(where)),
        )

    def guarantees(self, basis: LegalBasis | None, own: object) -> tuple[GuaranteeView, ...]:
        from compliance.model.country_sheet import GUARANTEES

        fields = {"a": "clear_rules", "b": "necessity", "c": "oversight", "d": "remedies"}
        sheet = dict(basis.eeg.items()) if basis is not None else {}
        views = []
        for letter, name in GUARANTEES.items():
            reading = sheet.get(letter)
            assessor = getattr(own, fields[letter], None) if own is not None else None
            verdict = reading.verdict if reading is not None else (assessor or "none")
            views.append(
                GuaranteeView(
                    letter=_ARABIC_LETTERS[letter] if self.lang == "ar" else letter.upper(),
                    name=name.get(self.lang),
                    verdict=verdict,
                    verdict_label=self.s[f"verdict_{verdict}"]
                    if verdict != "none"
                    else self.s["not_assessed"],
                    assessment=self.ltr(reading.assessment.get(self.lang))
                    if reading is not None
                    else None,
                    assessor=self.s[f"verdict_{assessor}"]
                    if assessor is not None and (reading is None or assessor != reading.verdict)
                    else None,
                )
            )
        return tuple(views)

    def bases(self) -> tuple[BasisView, ...]:
        s = self.s
        assessed = {b.basis: b for b in self.tia.law or ()}
        order = list(self.sheet.basis_ids()) if self.sheet is not None else []
        order += [b for b in assessed if b not in order]
        views = []
        for basis_id in order:
            basis = self.sheet.basis(basis_id) if self.sheet is not None else None
            mine = assessed.get(basis_id)
            applies = None if mine is None else mine.applies
            state = "unknown" if applies is None else ("yes" if applies else "no")
            views.append(
                BasisView(
                    id=basis_id,
                    shown_id=self.ltr(basis_id),
                    name=self.ltr(basis.name.get(self.lang) if basis else basis_id),
                    kind=s[f"bkind_{basis.category}"] if basis else None,
                    on_sheet=basis is not None,
                    applies=state,
                    applies_label=s[f"applies_{state}"],
                    justification=self.maybe(mine.justification if mine else None),
                    allows=self.ltr(basis.allows.get(self.lang)) if basis else None,
                    compelled=self.ltr(basis.compelled.get(self.lang)) if basis else None,
                    oversight=self.ltr(basis.oversight.get(self.lang)) if basis else None,
                    redress=self.ltr(basis.redress.get(self.lang)) if basis else None,
                    verified=bool(basis and basis.verified),
                    verified_label=s["verified"]
                    if basis and basis.verified
                    else (s["unverified"] if basis else s["not_on_sheet"]),
                    caveat=self.ltr(basis.caveat.get(self.lang))
                    if basis and basis.caveat
                    else None,
                    guarantees=self.guarantees(basis, mine.eeg if mine else None),
                    sources=tuple(self.source(x) for x in basis.sources) if basis else (),
                )
            )
        return tuple(views)

    def basis_name(self, basis_id: str) -> str:
        if not self.names and self.sheet is not None:
            self.names.update({b.id: self.ltr(b.name.get(self.lang)) for b in self.sheet.bases})
        return self.names.get(basis_id, self.ltr(basis_id))

    # --- step 4 ---------------------------------------------------------------------------

    def measures(self) -> tuple[MeasureView, ...]:
        from compliance.engine.tia import ineffective_claims

        s = self.s
        claims: dict[int, list[str]] = {}
        for claim in ineffective_claims(self.tia):
            claims.setdefault(claim.measure, []).append(self.basis_name(claim.basis))
        views = []
        for index, measure in enumerate(self.tia.supplementary or ()):
            names = self.join(self.basis_name(b) for b in measure.neutralises) or None
            warning = None
            if not measure.neutralises:
                warning = s["measure_no_basis"]
            elif index in claims:
                warning = self.t("measure_ineffective", bases=self.join(claims[index]))
            views.append(
                MeasureView(
                    kind=measure.kind,
                    kind_label=s[f"kind_{measure.kind}"],
                    description=self.ltr(measure.description),
                    neutralises=names,
                    warning=warning,
                )
            )
        return tuple(views)

    def use_case(self) -> tuple[str | None, str]:
        use_case = self.tia.use_case
        if use_case is None:
            return None, self.s["step4_no_use_case"]
        name = pick(USE_CASE_NAMES[use_case], self.lang)
        note = self.s[
            "step4_effective" if use_case in EFFECTIVE_USE_CASES else "step4_not_effective"
        ]
        return name, note

    # --- the calculation ------------------------------------------------------------------

    def input_name(self, name: str) -> str:
        return pick(INPUT_NAMES[name], self.lang)

    def calculation(self) -> CalculationView | None:
        from compliance.engine.tia import dominating, estimate, neutralised_bases, sensitivity

        quantitative = self.tia.quantitative
        if quantitative is None:
            return None
        s, lang = self.s, self.lang
        years = years_text(quantitative.period_years, lang)
        period = self.t("calc_years", years=years)
        tolerance = probability(quantitative.tolerance, lang)
        neutralised = neutralised_bases(self.tia)
        found = estimate(quantitative, neutralised)
        yearly = dict(found.yearly)
        inputs = []
        for basis in quantitative.bases:
            justification = basis.justification
            if isinstance(justification, str):
                texts: tuple[tuple[str, str], ...] = (("", self.ltr(justification)),)
            else:
                texts = tuple(
                    (self.input_name(name), self.ltr(str(getattr(justification, name))))
                    for name in INPUTS
                )
            values = []
            for name in INPUTS:
                value = decimal_text(getattr(basis, name), lang)
                if name == "p_readable" and basis.basis in neutralised:
                    value = self.t("neutralised", value=value)
                values.append(value)
            inputs.append(
                InputRow(
                    basis=self.basis_name(basis.basis),
                    values=tuple(values),
                    yearly=probability(yearly[basis.basis], lang),
                    justifications=texts,
                )
            )
        result = probability(found.probability, lang)
        within = found.within_tolerance
        sentence = self.t(
            "conclusion_p_within" if within else "conclusion_p_above",
            years=years,
            p=result,
            tolerance=tolerance,
        )
        moved = sensitivity(quantitative, neutralised)
        top = dominating(moved)
        ordered = sorted(moved, key=lambda row: row.swing, reverse=True)
        rows = []
        bars = []
        for item in ordered:
            label = f"{self.input_name(item.input)} · {self.basis_name(item.basis)}"
            rows.append(
                SensitivityRow(
                    input=self.input_name(item.input),
                    basis=self.basis_name(item.basis),
                    value=decimal_text(item.value, lang),
                    halved=probability(item.halved, lang),
                    doubled=probability(item.doubled, lang),
                    dominant=item is top,
                )
            )
            bars.append(tia_chart.SensitivityBar(label, item.halved, item.doubled))
        dominant_text = None
        if top is not None:
            dominant_text = self.t(
                "sens_dominant",
                input=self.input_name(top.input),
                basis=self.basis_name(top.basis),
            )
        chart = Markup("")
        if self.with_charts and bars:
            highest = max([found.probability, quantitative.tolerance, *(b.doubled for b in bars)])
            chart = tia_chart.sensitivity(
                bars,
                found.probability,
                quantitative.tolerance,
                label=s["chart_label"],
                legend=(
                    s["chart_halved"],
                    s["chart_doubled"],
                    self.t("chart_result", p=result),
                    self.t("chart_tolerance", tolerance=tolerance),
                ),
                axis=(probability(Decimal(0), lang), probability(min(Decimal(1), highest), lang)),
                rtl=lang in RTL,
            )
        return CalculationView(
            input_names=tuple(self.input_name(name) for name in INPUTS),
            period=period,
            tolerance=tolerance,
            result=result,
            within=within,
            result_sentence=sentence,
            inputs=tuple(inputs),
            sensitivity=tuple(rows),
            dominant=dominant_text,
            chart=chart,
        )

    # --- steps 5 and 6, sources -----------------------------------------------------------

    def procedural(self) -> tuple[StepItem, ...] | None:
        steps = self.tia.procedural
        if steps is None:
            return None
        s = self.s
        items = []
        for step in steps:
            state = "unknown" if step.done is None else ("done" if step.done else "pending")
            label = {"unknown": s["unknown"], "done": s["step_done"], "pending": s["step_pending"]}
            items.append(StepItem(self.ltr(step.step), state, label[state]))
        return tuple(items)

    def overdue(self) -> str | None:
        review_by = self.tia.review_by
        if review_by is None or review_by >= self.r.as_of:
            return None
        return self.t("step6_overdue", as_of=self.day(self.r.as_of))

    def country_sources(self) -> tuple[SourceView, ...]:
        if self.sheet is None:
            return ()
        seen: dict[str, SourceView] = {}
        for basis in self.sheet.bases:
            for source in basis.sources:
                view = self.source(source)
                seen.setdefault(view.citation, view)
        return tuple(seen.values())


def build_tia(
    questionnaire: Questionnaire,
    assessment: Assessment,
    result: Result,
    flow: Flow,
    *,
    lang: str,
    with_charts: bool = True,
) -> TiaView:
    """The view of the TIA of ``flow`` in ``lang``."""
    country = tia_country(flow)
    if country is None:  # pragma: no cover - a flow always has an importer country
        raise ReportError(f"flow {flow.id} names no destination country for its TIA")
    b = _Builder(
        questionnaire, assessment, result, flow, country=country, lang=lang, with_charts=with_charts
    )
    s = b.s
    calculation = b.calculation()
    where = b.country(country)
    sheet = b.sheet
    use_case, use_case_note = b.use_case()
    fr = b.fr
    return TiaView(
        lang=lang,
        dir=direction(lang),
        s=s,
        anchor=f"tia-{flow.id}",
        title=f"{s['title']}{s['colon']}{ltr(flow.name, lang)}",
        flow_id=flow.id,
        shown_flow_id=ltr(flow.id, lang),
        calc_intro=s["calc_intro"].replace("{formula}", ltr(_FORMULA, lang)),
        flow_name=flow.name,
        country=where,
        step3_title=b.t("step3", country=where),
        step3_intro=b.t("step3_intro", country=where),
        country_sources_title=b.t("sources_country", country=where),
        status=fr.status if fr else None,
        status_label=b.rs[f"status_{fr.status}"] if fr else None,
        facts=b.facts(),
        conclusion=b.conclusion(calculation),
        findings=b.findings(),
        transfer=b.transfer(),
        tool=b.tool(),
        sheet_title=None
        if sheet is None
        else b.t("step3_sheet", country=where, date=b.day(sheet.as_of)),
        sheet_summary=None if sheet is None else b.ltr(sheet.summary.get(lang)),
        sheet_context=None
        if sheet is None or sheet.context is None
        else b.ltr(sheet.context.get(lang)),
        sheet_note=b.t("step3_no_sheet", country=where)
        if sheet is None
        else b.t("step3_verified", verified=sheet.verified_count(), count=len(sheet.bases)),
        bases=b.bases(),
        use_case=use_case,
        use_case_note=use_case_note,
        measures=b.measures(),
        calculation=calculation,
        procedural=b.procedural(),
        review_by=b.day(flow.tia.review_by),
        review_overdue=b.overdue(),
        triggers=tuple(b.ltr(trigger) for trigger in flow.tia.triggers or ()),
        method_sources=tuple(pick(texts, lang) for texts in SOURCES),
        country_sources=b.country_sources(),
        colophon=b.t(
            "generated_by",
            engine=ltr(result.engine, lang),
            org=assessment.organisation.name,
            questionnaire=ltr(result.questionnaire.id, lang),
            version=ltr(result.questionnaire.version, lang),
        ),
        charts=with_charts,
    )
